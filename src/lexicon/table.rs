//! A table of multi-word entries keyed by their first folded word, matched longest first.

use rustc_hash::FxHashMap as HashMap;

use crate::normalize::fold;

/// Entries of one or more words, each with a value.
#[derive(Debug, Clone)]
pub struct PhraseTable<V> {
    by_first: HashMap<String, Vec<(Vec<String>, V)>>,
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
        let list = self.by_first.entry(first).or_default();
        if let Some(slot) = list.iter_mut().find(|(r, _)| *r == rest) {
            slot.1 = value;
        } else {
            list.push((rest, value));
            list.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
        }
    }

    /// Adds an entry unless one with the same words exists.
    pub fn insert_missing(&mut self, phrase: &str, value: V) {
        let words: Vec<String> = fold(phrase).split_whitespace().map(String::from).collect();
        let exists = words
            .first()
            .and_then(|f| self.by_first.get(f))
            .is_some_and(|l| l.iter().any(|(r, _)| r[..] == words[1..]));
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
            .filter(|(_, list)| list.iter().any(|(rest, _)| rest.is_empty()))
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
        let list = self.by_first.get(first)?;
        list.iter()
            .find(|(rest, _)| {
                rest.iter()
                    .enumerate()
                    .all(|(k, w)| next(k + 1) == Some(w.as_str()))
            })
            .map(|(rest, v)| (rest.len() + 1, v))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
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
}
