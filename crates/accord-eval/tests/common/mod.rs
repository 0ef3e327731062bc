//! Helpers shared by accord-eval's integration tests.

use std::path::PathBuf;

/// `../shared` beside the repository when it holds every path of `needs`; otherwise None (the test is
/// skipped with a printed reason), or a panic under `CI=true`, where the data must be present.
pub fn shared(needs: &[&str]) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if needs.iter().all(|n| p.join(n).is_dir()) {
        return Some(p);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("../shared (at {}) is missing and CI=true", p.display());
    }
    eprintln!("skipping: ../shared not found at {}", p.display());
    None
}
