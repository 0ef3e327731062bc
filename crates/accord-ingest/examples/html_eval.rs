//! Developer tool: main-text extraction measured on trafilatura's evaluation set (990 pages with snippets
//! the extracted text must and must not contain), scored exactly as trafilatura's `eval_common.py` does: a
//! `with` snippet found (after collapsing whitespace) is a true positive, missed a false negative; a
//! `without` snippet found is a false positive, absent a true negative; an error or a panic counts as
//! empty text. It is how accord's HTML reader was chosen, and the check to run after changing it.
//!
//! ```sh
//! cargo run --release -p accord-ingest --example html_eval                 # accord's reader only
//! cargo run --release -p accord-ingest --example html_eval --features compare-extractors   # + others
//! cargo run ... -- [DIR] [--only NAME]
//! ```
//!
//! * `DIR`: the evaluation set, default `../shared/data/trafilatura-eval`: `evaldata.json` (trafilatura's
//!   `tests/evaldata.py` as JSON: page URL → `file`, `with`, `without`) and the pages under `cache/` or
//!   `eval/` (from trafilatura's sdist), read in place (never copied into the repository).
//! * `--only NAME`: run only the extractors whose name contains NAME (`accord`, `dom_smoothie`, ...).
//! * Feature `compare-extractors` (of accord-ingest): also builds dom_smoothie, the trafilatura crate
//!   (with and without its fallback), rs-trafilatura and readability for comparison.
//!
//! Prints one line per extractor: precision, recall, F1, pages without text (errors), panics, pages and
//! pages per second. Candidates other than accord's reader get the page decoded by
//! [`accord_ingest::html::decode_html`] (BOM, meta charset, UTF-8, windows-1252), so they differ only in
//! extraction. Times are extraction only, one thread. Exit code 2 when the set or a page is missing. No
//! environment variables. See `docs/development.md`.

use std::path::{Path, PathBuf};
use std::time::Instant;

type Extractor = Box<dyn Fn(&Path, &str) -> Option<String>>;

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
    errors: usize,
    panics: usize,
    secs: f64,
    pages: usize,
}

fn candidates() -> Vec<(&'static str, Extractor)> {
    #[allow(unused_mut, clippy::vec_init_then_push)]
    let mut v: Vec<(&'static str, Extractor)> = vec![(
        "accord (read_html_file)",
        Box::new(|path: &Path, _html: &str| accord_ingest::html::read_html_file(path).ok().map(|a| a.raw.text)),
    )];
    #[cfg(feature = "compare-extractors")]
    {
        v.push((
            "dom_smoothie 0.19 (readability)",
            Box::new(|_p: &Path, html: &str| {
                let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
                let mut r = dom_smoothie::Readability::new(html, None, Some(cfg)).ok()?;
                r.parse().ok().map(|a| a.text_content.to_string())
            }),
        ));
        v.push((
            "trafilatura 0.6 (fallback on)",
            Box::new(|_p: &Path, html: &str| {
                let opts = trafilatura::Options::default().with_fallback(true);
                trafilatura::extract(html, &opts).ok().map(|r| r.content_text)
            }),
        ));
        v.push((
            "trafilatura 0.6 (fast)",
            Box::new(|_p: &Path, html: &str| {
                let opts = trafilatura::Options::default().with_fallback(false);
                trafilatura::extract(html, &opts).ok().map(|r| r.content_text)
            }),
        ));
        v.push((
            "rs-trafilatura 0.2",
            Box::new(|_p: &Path, html: &str| rs_trafilatura::extract(html).ok().map(|r| r.content_text)),
        ));
        v.push((
            "readability 0.3 (kumabook)",
            Box::new(|_p: &Path, html: &str| {
                let url = url::Url::parse("http://example.com/").ok()?;
                readability::extractor::extract(&mut html.as_bytes(), &url).ok().map(|p| p.text)
            }),
        ));
    }
    v
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = PathBuf::from("../shared/data/trafilatura-eval");
    let mut only: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--only" {
            only = args.get(i + 1).cloned();
            i += 2;
        } else {
            dir = PathBuf::from(&args[i]);
            i += 1;
        }
    }
    let data = match std::fs::read(dir.join("evaldata.json")) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("html_eval: {}: {e} (the evaluation set lives in shared/data/trafilatura-eval)", dir.display());
            std::process::exit(2);
        }
    };
    let eval: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&data).expect("evaldata.json");
    // pages in URL order, each resolved under cache/ then eval/ as eval_common.resolve does
    let mut pages = Vec::new();
    let mut urls: Vec<&String> = eval.keys().collect();
    urls.sort();
    for url in urls {
        let item = &eval[url];
        let file = item["file"].as_str().unwrap_or_default();
        let path = ["cache", "eval"].iter().map(|s| dir.join(s).join(file)).find(|p| p.is_file());
        let Some(path) = path else {
            eprintln!("html_eval: {url}: {file} not found");
            std::process::exit(2);
        };
        let list = |k: &str| -> Vec<String> {
            item[k].as_array().map(|a| a.iter().filter_map(|x| x.as_str()).map(norm).collect()).unwrap_or_default()
        };
        let bytes = std::fs::read(&path).expect("readable page");
        let html = accord_ingest::html::decode_html(&bytes, None);
        pages.push((path, html, list("with"), list("without")));
    }
    std::panic::set_hook(Box::new(|_| {}));
    println!("{} pages from {}", pages.len(), dir.display());
    println!(
        "{:<34} {:>9} {:>9} {:>9} {:>7} {:>6} {:>6} {:>8}",
        "extractor", "precision", "recall", "F1", "errors", "panics", "pages", "pages/s"
    );
    for (name, f) in candidates() {
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let mut c = Counts::default();
        for (path, html, with, without) in &pages {
            let t = Instant::now();
            let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(path, html)));
            c.secs += t.elapsed().as_secs_f64();
            c.pages += 1;
            let text = match got {
                Ok(Some(t)) => norm(&t),
                Ok(None) => {
                    c.errors += 1;
                    String::new()
                }
                Err(_) => {
                    c.panics += 1;
                    String::new()
                }
            };
            let tp = with.iter().filter(|w| !text.is_empty() && text.contains(w.as_str())).count();
            let fp = without.iter().filter(|w| !text.is_empty() && text.contains(w.as_str())).count();
            c.tp += tp;
            c.fn_ += with.len() - tp;
            c.fp += fp;
            c.tn += without.len() - fp;
        }
        let p = c.tp as f64 / (c.tp + c.fp).max(1) as f64;
        let r = c.tp as f64 / (c.tp + c.fn_).max(1) as f64;
        let f1 = 2.0 * c.tp as f64 / (2 * c.tp + c.fp + c.fn_).max(1) as f64;
        println!(
            "{:<34} {:>9.4} {:>9.4} {:>9.4} {:>7} {:>6} {:>6} {:>8.1}",
            name,
            p,
            r,
            f1,
            c.errors,
            c.panics,
            c.pages,
            c.pages as f64 / c.secs.max(1e-9)
        );
        let _ = c.tn;
    }
}
