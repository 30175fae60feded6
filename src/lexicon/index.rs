//! What the lexicon says of one folded word, gathered from all its tables into one entry, so
//! that classifying a token probes one map per reading instead of one per table.

use rustc_hash::FxHashMap as HashMap;

use super::{Lexicon, WordClass};

/// Tables whose entries a word can start.
pub mod starts {
    /// Time phrases.
    pub const TIME: u8 = 1;
    /// Titles.
    pub const TITLE: u8 = 2;
    /// Media names.
    pub const MEDIA: u8 = 4;
    /// Prepositional cues.
    pub const PREP: u8 = 8;
    /// Silence formulas.
    pub const FORMULA: u8 = 16;
}

/// What the lexicon says of one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry {
    /// Its closed class.
    pub class: Option<WordClass>,
    /// Whether it is a form of a verb of saying.
    pub forms: bool,
    /// The tables with an entry starting with it ([`starts`] bits).
    pub starts: u8,
    /// Whether it is a place on its own (a one-word entry of the places table).
    pub place: bool,
    /// Whether it opens a given name (لويس is a name, not ل + ويس).
    pub name: bool,
}

/// The entries of one lexicon. Built from a lexicon that no longer changes: the analyzer
/// builds it when it takes its lexicon.
#[derive(Debug, Clone, Default)]
pub struct Index {
    entries: HashMap<String, Entry>,
    /// The closed-class words alone: a small table, probed for every clitic reading of every
    /// word, and the length of the longest, past which no probe is needed.
    classes: HashMap<String, WordClass>,
    class_len: usize,
}

impl Index {
    /// Gathers the entries of `lex`.
    pub fn new(lex: &Lexicon) -> Self {
        let mut entries: HashMap<String, Entry> = HashMap::default();
        fn at<'m>(entries: &'m mut HashMap<String, Entry>, w: &str) -> &'m mut Entry {
            entries.entry(w.to_string()).or_default()
        }
        for (w, &class) in &lex.words {
            at(&mut entries, w).class = Some(class);
        }
        for (w, forms) in &lex.forms {
            if !forms.is_empty() {
                at(&mut entries, w).forms = true;
            }
        }
        let tables = [
            (lex.time.firsts().collect::<Vec<_>>(), starts::TIME),
            (lex.titles.firsts().collect(), starts::TITLE),
            (lex.media.firsts().collect(), starts::MEDIA),
            (lex.preps.firsts().collect(), starts::PREP),
            (lex.formulas.firsts().collect(), starts::FORMULA),
        ];
        for (firsts, bit) in tables {
            for w in firsts {
                at(&mut entries, w).starts |= bit;
            }
        }
        for w in lex.places.singles() {
            at(&mut entries, w).place = true;
        }
        for w in lex.names.firsts() {
            at(&mut entries, w).name = true;
        }
        let classes: HashMap<String, WordClass> =
            lex.words.iter().map(|(w, &c)| (w.clone(), c)).collect();
        let class_len = classes.keys().map(String::len).max().unwrap_or(0);
        Index {
            entries,
            classes,
            class_len,
        }
    }

    /// The closed class of a folded word, if it has one.
    pub fn class(&self, word: &str) -> Option<WordClass> {
        if word.len() > self.class_len {
            return None;
        }
        self.classes.get(word).copied()
    }

    /// The entry of a folded word (empty when the lexicon does not know it).
    pub fn get(&self, word: &str) -> Entry {
        self.entries.get(word).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_agree_with_the_tables() {
        let lex = Lexicon::embedded();
        let index = Index::new(&lex);
        for w in [
            "قال",
            "وقال",
            "في",
            "علي",
            "وفقا",
            "لم",
            "اسرائيلي",
            "مصدر",
            "اليوم",
            "xyz",
        ] {
            let e = index.get(w);
            assert_eq!(e.class, lex.word_class(w), "{w}");
            assert_eq!(e.forms, !lex.forms(w).is_empty(), "{w}");
            assert_eq!(e.starts & starts::TIME != 0, lex.time.starts(w), "{w}");
            assert_eq!(e.starts & starts::TITLE != 0, lex.titles.starts(w), "{w}");
            assert_eq!(e.starts & starts::MEDIA != 0, lex.media.starts(w), "{w}");
            assert_eq!(e.starts & starts::PREP != 0, lex.preps.starts(w), "{w}");
            assert_eq!(
                e.starts & starts::FORMULA != 0,
                lex.formulas.starts(w),
                "{w}"
            );
            assert_eq!(
                e.place,
                lex.places.longest_with(w, |_| None).is_some(),
                "{w}"
            );
        }
    }
}
