//! Developer tool: times each model stage alone (tagger, parser, recogniser) on a CoNLL-U file, in thread
//! CPU time (not counting time the thread waits for a core on a busy machine), best of REPS.
//!
//! ```sh
//! cargo run --release -p accord-models --example stages -- MODELS_DIR FILE.conllu [REPS]
//! ```
//!
//! * `MODELS_DIR`: a folder of weights (`crates/accord-models/models`).
//! * `FILE.conllu`: a UD file (its words are used; tags come from the tagger).
//! * `REPS`: passes (default 3); the best time of each stage is printed.
//!
//! Prints seconds and words/s per stage. No environment variables. See `docs/development.md`.
use accord_models::{conllu, lex::Lex, ner, parser, tagger};
/// CPU time of this thread (not counting time the thread waits for a core on a busy machine).
struct Instant(f64);

impl Instant {
    fn now() -> Instant {
        let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: plain syscall writing into a local.
        unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        Instant(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9)
    }
    fn elapsed(&self) -> std::time::Duration {
        std::time::Duration::from_secs_f64(Instant::now().0 - self.0)
    }
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 3 {
        eprintln!("usage: stages MODELS_DIR FILE.conllu [REPS]");
        std::process::exit(2);
    }
    let dir = std::path::Path::new(&a[1]);
    let read = |n: &str| std::fs::read(dir.join(n)).unwrap();
    let tg = tagger::Tagger::read(&read("tagger.bin")).unwrap();
    let ps = parser::Parser::read(&read("parser.bin")).unwrap();
    let nr = ner::Ner::read(&read("ner.bin")).unwrap();
    let sents = conllu::read_file(std::path::Path::new(&a[2])).unwrap();
    let reps: usize = a.get(3).map(|s| s.parse().unwrap()).unwrap_or(3);
    let lexes: Vec<Vec<Lex>> = sents.iter().map(|s| s.words.iter().map(|w| Lex::new(&w.form)).collect()).collect();
    let words: usize = lexes.iter().map(|l| l.len()).sum();
    let th_of: Vec<u64> = tg.classes.iter().map(|c| parser::tag_hash(&c.0, &c.1)).collect();
    let (mut out, mut lp, mut amb, mut feats, mut scores) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut tags: Vec<Vec<u64>> = Vec::new();
    let mut best = [f64::MAX; 3];
    for _ in 0..reps {
        let t = Instant::now();
        tags.clear();
        for l in &lexes {
            tg.tag(l, &mut out, &mut lp, &mut amb, &mut feats, &mut scores);
            tags.push(out.iter().map(|&c| th_of[c as usize]).collect());
        }
        best[0] = best[0].min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let mut sc = parser::Scratch::default();
        let mut h = 0u64;
        for (l, tg) in lexes.iter().zip(&tags) {
            ps.parse(&parser::Input { lex: l, tags: tg }, &mut sc);
            h = h.wrapping_add(sc.state.heads[0] as u64);
        }
        best[1] = best[1].min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let (mut ctx, mut bio, mut marks) = (ner::Ctx::default(), Vec::new(), Default::default());
        nr.gazetteer.doc_marks(lexes.iter().map(|l| l.as_slice()), &mut marks);
        for (l, tg) in lexes.iter().zip(&tags) {
            nr.gazetteer.context(l, &marks, &mut ctx);
            tagger::pad(l, &mut lp);
            nr.tag(
                &ner::Input { lp: &lp, tags: tg, ctx: &ctx, headline: ner::is_headline(l) },
                &mut bio,
                &mut feats,
                &mut scores,
            );
        }
        best[2] = best[2].min(t.elapsed().as_secs_f64());
        std::hint::black_box(h);
    }
    let w = words as f64;
    println!(
        "{words} words: tagger {:.3}s ({:.0} w/s)  parser {:.3}s ({:.0} w/s)  ner {:.3}s ({:.0} w/s)",
        best[0],
        w / best[0],
        best[1],
        w / best[1],
        best[2],
        w / best[2]
    );
}
