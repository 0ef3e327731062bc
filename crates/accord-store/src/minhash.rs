//! MinHash signatures over word 5-gram shingles, for spotting wire copies of one story.
//!
//! Texts are lower-cased and split into alphanumeric words; every run of [`SHINGLE`] words is hashed and
//! [`HASHES`] independent minima form the signature. Signatures are cut into [`BANDS`] bands of
//! [`ROWS`] values for locality-sensitive lookup; candidates whose estimated Jaccard similarity reaches
//! [`THRESHOLD`] are near-duplicates.

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Minima per signature.
pub const HASHES: usize = 128;
/// LSH bands.
pub const BANDS: usize = 32;
/// Values per band.
pub const ROWS: usize = HASHES / BANDS;
/// Estimated Jaccard similarity at or above which two articles are near-duplicates.
pub const THRESHOLD: f64 = 0.6;

fn mix(x: u64) -> u64 {
    accord_doc::hash::splitmix64(x)
}

fn fnv(s: &str) -> u64 {
    accord_doc::hash::fnv1a(s.as_bytes())
}

/// The MinHash signature of a text.
pub fn signature(text: &str) -> Vec<u64> {
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
    let mut sig = vec![u64::MAX; HASHES];
    let n = words.len().saturating_sub(SHINGLE - 1).max(1);
    for i in 0..n {
        let sh = words[i..(i + SHINGLE).min(words.len())].join(" ");
        let h = fnv(&sh);
        for (k, m) in sig.iter_mut().enumerate() {
            let v = mix(h ^ mix(k as u64 + 1));
            if v < *m {
                *m = v;
            }
        }
    }
    sig
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len().max(1) as f64
}

/// The band keys of a signature (as `i64` so SQLite can store them).
pub fn bands(sig: &[u64]) -> Vec<i64> {
    sig.chunks(ROWS).map(|c| c.iter().fold(0u64, |h, v| mix(h ^ v)) as i64).collect()
}

/// Signature as bytes, for storage.
pub fn to_bytes(sig: &[u64]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Signature from stored bytes.
pub fn from_bytes(b: &[u8]) -> Vec<u64> {
    b.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().unwrap())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_copies_are_similar_and_stories_are_not() {
        let story = "Jane Doe, the mayor of Springfield, said on Tuesday that the city budget was balanced for the \
                     first time in a decade. The council approved the plan by a vote of seven to two after a long \
                     debate about school funding, road repairs and the future of the public library system.";
        let copy = format!("SPRINGFIELD (AP) — {story} Copyright 2024 The Associated Press.");
        let other = "The hurricane moved north overnight, knocking out power to thousands of homes along the coast \
                     while officials urged residents to stay indoors until the storm had passed the area.";
        assert!(similarity(&signature(story), &signature(&copy)) >= THRESHOLD);
        assert!(similarity(&signature(story), &signature(other)) < 0.2);
        let s = signature(story);
        assert_eq!(from_bytes(&to_bytes(&s)), s);
        assert_eq!(bands(&s).len(), BANDS);
    }
}
