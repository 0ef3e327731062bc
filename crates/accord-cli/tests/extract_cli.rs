//! `accord extract` from the outside: formats, several inputs, and bad input.

use std::io::Write;
use std::process::{Command, Stdio};

fn accord() -> Command {
    Command::new(env!("CARGO_BIN_EXE_accord"))
}

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("accord-extract-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_bad_file_is_named_and_the_others_still_come_out() {
    let dir = tmp("bad");
    let good = dir.join("good.txt");
    std::fs::write(&good, "“We will win,” said Jane Roe, the team captain.").unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"Fine start \xff\xfe then junk").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = accord().arg("extract").arg(&bad).arg(&good).arg(&empty).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a failed input makes the exit code non-zero");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.txt") && err.contains("invalid UTF-8 at byte 11"), "{err}");
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "good.txt");
    assert_eq!(lines[0]["schema"], "accord/1");
    assert_eq!(lines[0]["attributions"][0]["type"], "direct");
    assert_eq!(lines[1]["id"], "empty.txt");
    assert_eq!(lines[1]["sentences"].as_array().unwrap().len(), 0);
}

#[test]
fn jsonl_and_stdin_inputs() {
    let dir = tmp("jsonl");
    let path = dir.join("batch.jsonl");
    std::fs::write(
        &path,
        "{\"id\":\"a1\",\"text\":\"Officials said the bridge would reopen last month.\",\"date\":\"2024-05-10\"}\n\n{\"id\":\"a2\",\"text\":\"No quotes here.\"}\nnot json\n",
    )
    .unwrap();
    let out = accord().args(["extract", "--no-tokens"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("batch.jsonl:4"), "line of the bad JSON is named");
    let docs: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["date"], "2024-05-10");
    assert_eq!(docs[0]["dates"][0]["value"], "2024-04");
    assert!(docs[0]["tokens"].as_array().unwrap().is_empty());

    let mut child = accord()
        .args(["extract", "--date", "2024-01-31", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("The mayor said on Monday that “the budget is balanced”.".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["id"], "stdin");
    assert_eq!(doc["attributions"][0]["type"], "mixed");
    assert_eq!(doc["dates"][0]["value"], "2024-01-29");
    // every token carries code-point and byte offsets
    let t = &doc["tokens"][0];
    assert!(t["start"].is_u64() && t["byte_start"].is_u64() && t["text"] == "The");
}

#[test]
fn pretty_view_and_bad_options() {
    let dir = tmp("pretty");
    let path = dir.join("one.txt");
    std::fs::write(&path, "Police Chief Ada Moss said 12 people were arrested.").unwrap();
    let out = accord().args(["extract", "--format", "pretty"]).arg(&path).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Ada Moss") && text.contains("Police Chief") && text.contains("12 exact people"), "{text}");
    assert!(!text.contains('\x1b'), "no colour codes when not writing to a terminal");
    let out = accord().args(["extract", "--date", "yesterday"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--date"));
    let out = accord().args(["extract", "/no/such/file.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
    // the recogniser's cross-validation has five folds
    let out = accord().args(["train", "--ner-folds", "0,5", "--shared", "/no/such/dir"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--ner-folds: fold 5"));
    let out = accord().args(["train", "--parser-heldout", "1", "--shared", "/no/such/dir"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn many_articles_come_out_in_input_order() {
    // more articles than fit in one batch per core, so several batches are analysed side by side
    let dir = tmp("order");
    let mut lines = String::new();
    for i in 0..150 {
        lines.push_str(&format!("{{\"id\":\"a{i}\",\"text\":\"Talks resumed on day {i}, officials said.\"}}\n"));
    }
    let f = dir.join("many.jsonl");
    std::fs::write(&f, lines).unwrap();
    let out = accord().arg("extract").arg("--no-tokens").arg(&f).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = (0..150).map(|i| format!("a{i}")).collect();
    assert_eq!(ids, want);
}

#[test]
fn an_article_in_another_language_is_named_in_a_warning() {
    let dir = tmp("language");
    let de = dir.join("rat.txt");
    std::fs::write(
        &de,
        "Der Rat hat am Montag gesagt, dass er im Mai über den Plan abstimmen wird und dass der Haushalt \
         ausgeglichen ist. Die Bürgermeisterin ist dagegen, aber sie hat keine Mehrheit im Rat, und auch die \
         Presse ist mit dem Plan nicht einverstanden.",
    )
    .unwrap();
    let out = accord().arg("extract").arg(&de).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "a warning, not a failure");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rat.txt: reads as German, not English") && err.contains("--any-language"), "{err}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["language"], "de");
    assert!(!doc["sentences"].as_array().unwrap().is_empty());
    assert!(doc["entities"].as_array().unwrap().is_empty());
    // -q keeps it quiet; --any-language analyses it
    let out = accord().args(["extract", "-q"]).arg(&de).output().unwrap();
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = accord().args(["extract", "--any-language"]).arg(&de).output().unwrap();
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!doc["tokens"][0]["upos"].is_null(), "analysed");
}
