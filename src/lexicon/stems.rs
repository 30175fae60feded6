//! Stems of the words read so far, shared by every document one lexicon analyzes: stemming is
//! the costliest step per word, and news articles share most of their words. A stem depends on
//! the word alone, so remembering it changes no result.

use std::collections::HashMap;
use std::sync::Mutex;

/// The most stems kept; past it the memory starts over, so it stays bounded.
const CAPACITY: usize = 1 << 18;

/// The input decides the keys: a keyed hasher keeps crafted text from flooding the table.
type Map = HashMap<Box<str>, Box<str>, foldhash::fast::RandomState>;

/// A bounded memory of stems by the text given to the stemmer.
#[derive(Default)]
pub struct Stems {
    known: Mutex<Map>,
}

impl Stems {
    /// `then` applied to the stem of `base`, from memory or else from `stem`: a remembered
    /// stem is lent, not copied.
    pub fn with<R>(
        &self,
        base: &str,
        stem: impl FnOnce(&str) -> String,
        then: impl FnOnce(&str) -> R,
    ) -> R {
        if let Some(known) = self.lock().get(base) {
            return then(known);
        }
        // Stemmed outside the lock, so that threads sharing the lexicon do not wait on it.
        let s = stem(base);
        let out = then(&s);
        let mut known = self.lock();
        if known.len() >= CAPACITY {
            known.clear();
        }
        known.insert(base.into(), s.into_boxed_str());
        out
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Map> {
        // The map is only ever left whole: a panic elsewhere cannot poison it half-written.
        self.known.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A copy starts with an empty memory: it is a cache, not part of the lexicon's data.
impl Clone for Stems {
    fn clone(&self) -> Self {
        Stems::default()
    }
}

impl std::fmt::Debug for Stems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stems")
            .field("known", &self.lock().len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stem_is_computed_once() {
        let stems = Stems::default();
        let mut calls = 0;
        for _ in 0..3 {
            let s = stems.with(
                "محادثات",
                |b| {
                    calls += 1;
                    b.to_string()
                },
                str::to_string,
            );
            assert_eq!(s, "محادثات");
        }
        assert_eq!(calls, 1);
    }
}
