//! A table of multi-word entries keyed by their first folded word, matched longest first.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use crate::normalize::fold;

/// Entries of one or more words, each with a value.
#[derive(Debug, Clone)]
pub struct PhraseTable<V> {
    by_first: HashMap<String, Group<V>>,
}

/// The entries sharing a first word. Kept so that adding one costs a hash probe and a tree
/// insertion, not a scan and a sort of the others: some first words start thousands.
#[derive(Debug, Clone)]
struct Group<V> {
    /// The rest of each entry's words and its value, in insertion order.
    entries: Vec<(Vec<String>, V)>,
    /// Where each rest is in `entries`.
    slot: HashMap<Vec<String>, usize>,
    /// Indexes into `entries`, longest first, then in insertion order.
    order: BTreeSet<(Reverse<usize>, usize)>,
}

impl<V> Default for Group<V> {
    fn default() -> Self {
        Group {
            entries: Vec::new(),
            slot: HashMap::default(),
            order: BTreeSet::new(),
        }
    }
}

impl<V> Group<V> {
    fn longest_first(&self) -> impl Iterator<Item = &(Vec<String>, V)> {
        self.order.iter().map(|&(_, i)| &self.entries[i])
    }
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        PhraseTable {
            by_first: HashMap::default(),
        }
    }
}

impl<V> PhraseTable<V> {
    /// Adds an entry; `phrase` is folded and split on spaces. A later entry with the same words
    /// replaces the earlier one.
    pub fn insert(&mut self, phrase: &str, value: V) {
        let words: Vec<String> = fold(phrase).split_whitespace().map(String::from).collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        let rest = words[1..].to_vec();
        let group = self.by_first.entry(first).or_default();
        if let Some(&i) = group.slot.get(&rest) {
            group.entries[i].1 = value;
        } else {
            let i = group.entries.len();
            group.order.insert((Reverse(rest.len()), i));
            group.slot.insert(rest.clone(), i);
            group.entries.push((rest, value));
        }
    }

    /// Adds an entry unless one with the same words exists.
    pub fn insert_missing(&mut self, phrase: &str, value: V) {
        let words: Vec<String> = fold(phrase).split_whitespace().map(String::from).collect();
        let exists = words
            .first()
            .and_then(|f| self.by_first.get(f))
            .is_some_and(|g| g.slot.contains_key(&words[1..]));
        if !exists {
            self.insert(phrase, value);
        }
    }

    /// The first words of all entries.
    pub fn firsts(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    /// The first words of entries of one word.
    pub fn singles(&self) -> impl Iterator<Item = &str> {
        self.by_first
            .iter()
            .filter(|(_, g)| g.slot.contains_key(&[][..]))
            .map(|(first, _)| first.as_str())
    }

    /// Whether `word` starts any entry.
    pub fn starts(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }

    /// The longest entry matching `words[at..]`, with the number of words it spans.
    pub fn longest<S: AsRef<str>>(&self, words: &[S], at: usize) -> Option<(usize, &V)> {
        self.longest_with(words.get(at)?.as_ref(), |k| {
            words.get(at + k).map(AsRef::as_ref)
        })
    }

    /// The longest entry whose first word is `first` and whose k-th word is `next(k)`.
    pub fn longest_with<'a>(
        &self,
        first: &str,
        next: impl Fn(usize) -> Option<&'a str>,
    ) -> Option<(usize, &V)> {
        let group = self.by_first.get(first)?;
        group
            .longest_first()
            .find(|(rest, _)| {
                rest.iter()
                    .enumerate()
                    .all(|(k, w)| next(k + 1) == Some(w.as_str()))
            })
            .map(|(rest, v)| (rest.len() + 1, v))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.by_first.values().map(|g| g.entries.len()).sum()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins() {
        let mut t = PhraseTable::default();
        t.insert("وزير", 1);
        t.insert("وزير الخارجية", 2);
        let words = ["وزير", "الخارجية", "الأمريكي"].map(fold);
        assert_eq!(t.longest(&words, 0), Some((2, &2)));
        let words = ["وزير", "الدفاع"].map(fold);
        assert_eq!(t.longest(&words, 0), Some((1, &1)));
        assert_eq!(t.longest(&words, 1), None);
    }

    #[test]
    fn a_later_entry_replaces_and_equal_lengths_keep_their_order() {
        let mut t = PhraseTable::default();
        t.insert("وزير الخارجية", 1);
        t.insert("وزير", 2);
        t.insert("وزير الخارجية", 3);
        t.insert_missing("وزير", 4);
        let words = ["وزير", "الخارجية"].map(fold);
        assert_eq!(t.longest(&words, 0), Some((2, &3)));
        assert_eq!(t.len(), 2);
        assert_eq!(t.singles().collect::<Vec<_>>(), ["وزير"]);
    }

    /// Many entries sharing a first word load in time linear in their number: scanning and
    /// sorting the group on each insertion took minutes for this many.
    #[test]
    fn entries_sharing_a_first_word_load_fast() {
        let n = 100_000;
        let start = std::time::Instant::now();
        let mut t = PhraseTable::default();
        for i in 0..n {
            t.insert(&format!("مصدر {i} {}", "x ".repeat(i % 3)), i);
        }
        assert_eq!(t.len(), n);
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
        let words = ["مصدر", "5", "x", "x"].map(fold);
        assert_eq!(t.longest(&words, 0), Some((4, &5)));
    }
}
