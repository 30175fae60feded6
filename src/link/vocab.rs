//! The stems of one document, each stored once and named by a small number, so that comparing
//! and weighing terms compares integers rather than strings.

use std::collections::HashMap;
use std::sync::Arc;

/// A stem's number in its document's [`Vocab`].
pub type StemId = u32;

/// The input decides the keys: a keyed hasher keeps crafted text from flooding the table.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Interned stems.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    ids: Map<Arc<str>, StemId>,
    texts: Vec<Arc<str>>,
    /// Per stem, whether it has at least two letters (shorter ones are no terms).
    long: Vec<bool>,
}

impl Vocab {
    /// The number of `stem`, added if new.
    pub fn intern(&mut self, stem: &str) -> StemId {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = self.texts.len() as StemId;
        self.long.push(crate::clitics::at_least(stem, 2));
        // One copy of the text, shared by the table and the list.
        let text: Arc<str> = stem.into();
        self.texts.push(text.clone());
        self.ids.insert(text, id);
        id
    }

    /// The stem numbered `id`.
    pub fn text(&self, id: StemId) -> &str {
        &self.texts[id as usize]
    }

    /// Whether the stem has at least two letters.
    pub fn long(&self, id: StemId) -> bool {
        self.long[id as usize]
    }

    /// How many stems there are.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}
