//! Small shared helpers: feature hashing, a seeded PRNG, a fast hasher for training maps and the
//! little-endian binary reader/writer the weight files use.

use std::hash::{BuildHasherDefault, Hasher};

/// Final mixing step of MurmurHash3 (64 bit): spreads all input bits over the output.
#[inline]
pub fn fmix(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// Combines two hashes (order matters).
#[inline]
pub fn h2(a: u64, b: u64) -> u64 {
    fmix(a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.rotate_left(23) ^ 0x5851_f42d_4c95_7f2d)
}

/// Combines three hashes.
#[inline]
pub fn h3(a: u64, b: u64, c: u64) -> u64 {
    h2(h2(a, b), c)
}

/// FNV-1a over bytes, finished with [`fmix`].
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    fmix(accord_doc::hash::fnv1a(bytes))
}

/// Hash of a string.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// A simple FxHash-style hasher for maps keyed by already-hashed `u64`s (deterministic, no random state).
#[derive(Default, Clone, Copy)]
pub struct U64Hasher(u64);

impl Hasher for U64Hasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64)
    }
}

/// Deterministic hash map used during training.
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<U64Hasher>>;

pub use accord_doc::hash::Rng;

/// Little-endian binary writer with a magic/version header.
#[derive(Default)]
pub struct BinWriter {
    /// Bytes written so far.
    pub buf: Vec<u8>,
}

/// Magic bytes every weight file starts with.
pub const MAGIC: &[u8; 4] = b"ACRD";
/// Format version of the weight files.
pub const VERSION: u32 = 1;

impl BinWriter {
    /// A writer that starts with the header for model `kind`.
    pub fn new(kind: &str) -> Self {
        let mut w = BinWriter::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.str(kind);
        w
    }
    /// Writes a `u8`.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    /// Writes a `u32`.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes a `u64`.
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes an `f32`.
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes a length-prefixed UTF-8 string.
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }
    /// Writes a length-prefixed list of strings.
    pub fn strs<S: AsRef<str>>(&mut self, v: &[S]) {
        self.u32(v.len() as u32);
        for s in v {
            self.str(s.as_ref());
        }
    }
}

/// Reader for files written by [`BinWriter`]. Errors are plain messages; callers wrap them.
pub struct BinReader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> BinReader<'a> {
    /// Checks the header and returns a reader positioned after it.
    pub fn new(data: &'a [u8], kind: &str) -> Result<Self, String> {
        if data.len() < 8 || &data[..4] != MAGIC {
            return Err("bad magic (not an accord weight file, or not trained yet)".into());
        }
        let mut r = BinReader { data, pos: 4 };
        let v = r.u32()?;
        if v != VERSION {
            return Err(format!("format version {v}, expected {VERSION}"));
        }
        let k = r.str()?;
        if k != kind {
            return Err(format!("file holds a {k} model, expected {kind}"));
        }
        Ok(r)
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.pos + n > self.data.len() {
            return Err("truncated file".into());
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    /// Reads a `u8`.
    pub fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    /// Reads a `u32`.
    pub fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    /// Reads a `u64`.
    pub fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
    /// Reads an `f32`.
    pub fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    /// Reads a string.
    pub fn str(&mut self) -> Result<String, String> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| "invalid UTF-8 string".to_string())
    }
    /// Reads a list of strings.
    pub fn strs(&mut self) -> Result<Vec<String>, String> {
        let n = self.u32()? as usize;
        (0..n).map(|_| self.str()).collect()
    }
    /// Reads `n` raw bytes.
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        self.take(n)
    }
    /// True when everything has been read.
    pub fn is_at_end(&self) -> bool {
        self.pos >= self.data.len()
    }
}

/// A vector of `n` copies of `fill` whose large tables are backed by transparent huge pages where the
/// kernel allows it (Linux `madvise(MADV_HUGEPAGE)`): weight tables are probed at random, and with 4 KiB
/// pages nearly every probe of a multi-megabyte table also misses the TLB.
pub fn table_vec<T: Copy>(n: usize, fill: T) -> Vec<T> {
    const HUGE: usize = 2 << 20;
    let size = std::mem::size_of::<T>().max(1);
    if n * size < 2 * HUGE {
        return vec![fill; n];
    }
    let mut v: Vec<T> = Vec::with_capacity(n + HUGE / size);
    #[cfg(target_os = "linux")]
    {
        // advise before the first write, so the pages are faulted in as huge pages
        let p = v.as_ptr() as usize;
        let start = (p + HUGE - 1) & !(HUGE - 1);
        let end = (p + v.capacity() * size) & !(HUGE - 1);
        if end > start {
            // SAFETY: the range lies inside the vector's own allocation; the advice changes no contents.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
            }
        }
    }
    v.resize(n, fill);
    v
}
