//! `accord eval --treebank` and `accord parse --input-format conllu` from the outside, on CoNLL-U written
//! for the test: figures as text and JSON, and a malformed line named in the error.

use std::process::Command;

fn accord() -> Command {
    Command::new(env!("CARGO_BIN_EXE_accord"))
}

const SENTENCES: &str = "# newdoc id = test_doc\n\
# text = The minister said talks would resume.\n\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n\
2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n\
3\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n\
4\ttalks\ttalk\tNOUN\tNNS\t_\t6\tnsubj\t_\t_\n\
5\twould\twould\tAUX\tMD\t_\t6\taux\t_\t_\n\
6\tresume\tresume\tVERB\tVB\t_\t3\tccomp\t_\tSpaceAfter=No\n\
7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

fn file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("accord-treebank-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn treebank_figures_as_text_and_json() {
    let p = file("ok.conllu", SENTENCES);
    let out = accord().args(["eval", "--treebank"]).arg(&p).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("words 7  sentences 1  documents 1") && text.contains("UAS "), "{text}");
    let out = accord().args(["eval", "--errors", "3", "--treebank"]).arg(&p).output().unwrap();
    assert!(
        out.status.success(),
        "--errors on a file without entity annotation: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = accord().args(["eval", "--json", "--treebank"]).arg(&p).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["words"], 7);
    let upos = v["upos"].as_f64().unwrap();
    assert!((0.0..=100.0).contains(&upos) && upos > 50.0, "a seven-word sentence of common words: {upos}");
    assert!(v.get("coref").is_none(), "no entity annotation, no coreference figures");
}

#[test]
fn a_malformed_line_is_named() {
    let p = file("bad.conllu", &SENTENCES.replace("4\ttalks\ttalk\tNOUN", "4\ttalks"));
    for args in [&["eval", "--treebank"][..], &["parse", "--input-format", "conllu"][..]] {
        let out = accord().args(args).arg(&p).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "bad input is 1 (2 is for usage errors)");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("bad.conllu") && err.contains("line 6: expected 10 tab-separated columns"), "{err}");
    }
}
