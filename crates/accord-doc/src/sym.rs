//! [`Sym`]: a short string from a small set (a part-of-speech tag, a dependency label, a token's
//! normal form) stored as a 2-byte index into one table for the whole process, so that the token layer
//! of a long article stays small (a token with its analysis takes 72 bytes, not 136).

use std::sync::{Mutex, OnceLock};

/// How many different strings the table holds at most (the shipped models use about 150).
pub const MAX_SYMS: usize = 1 << 12;

static SLOTS: [OnceLock<&'static str>; MAX_SYMS] = [const { OnceLock::new() }; MAX_SYMS];
static INDEX: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

/// An interned `&'static str`: [`Sym::new`] once (when a model is loaded), [`Sym::as_str`] as often as
/// needed (one atomic load). `Sym::default()` is the empty string.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Sym(u16);

impl Sym {
    /// The symbol of `s`, added to the table the first time it is seen. Panics when the table is full
    /// ([`MAX_SYMS`] different strings).
    pub fn new(s: &'static str) -> Sym {
        if s.is_empty() {
            return Sym(0);
        }
        let mut index = INDEX.lock().unwrap_or_else(|e| e.into_inner());
        if index.is_empty() {
            index.push("");
            let _ = SLOTS[0].set("");
        }
        if let Some(i) = index.iter().position(|&x| x == s) {
            return Sym(i as u16);
        }
        let i = index.len();
        assert!(i < MAX_SYMS, "accord_doc::Sym: more than {MAX_SYMS} different symbols");
        index.push(s);
        let _ = SLOTS[i].set(s);
        Sym(i as u16)
    }

    /// The symbol of `s`, which is copied (once, for the life of the process) the first time it is seen.
    pub fn intern(s: &str) -> Sym {
        let known = INDEX.lock().unwrap_or_else(|e| e.into_inner()).iter().position(|&x| x == s);
        match known {
            Some(i) => Sym(i as u16),
            None => Sym::new(Box::leak(s.to_string().into_boxed_str())),
        }
    }

    /// The string.
    #[inline]
    pub fn as_str(self) -> &'static str {
        SLOTS[self.0 as usize].get().copied().unwrap_or("")
    }
}

impl std::ops::Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_their_strings() {
        let a = Sym::new("NOUN");
        let b = Sym::new("VERB");
        assert_ne!(a, b);
        assert_eq!(Sym::new("NOUN"), a);
        assert_eq!(Sym::intern(&String::from("VERB")), b);
        assert_eq!((a.as_str(), b.as_str()), ("NOUN", "VERB"));
        assert_eq!(Sym::default().as_str(), "");
        assert_eq!(Sym::new(""), Sym::default());
        assert_eq!(format!("{a}/{a:?}"), "NOUN/\"NOUN\"");
        assert_eq!(std::mem::size_of::<Option<Sym>>(), 4);
    }

    #[test]
    fn a_token_with_its_analysis_takes_72_bytes() {
        assert_eq!(std::mem::size_of::<crate::Analysis>(), 40);
        assert_eq!(std::mem::size_of::<crate::Token>(), 72);
    }
}
