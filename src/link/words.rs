//! Words matched the Arabic way for linking: a word is compared by its stem, the stems of one
//! dispute word (محادثات، مفاوضات) by their group ([`DISPUTE`]), and a stem weighs by how rare it
//! is across a real news archive ([`RARITY`]), not inside one article, where the story's topic
//! is everywhere.

// Tables built from data files and probed with words of the text: no table is keyed by the input.
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::clitics;
use crate::normalize::fold;

/// Groups, opposites and denial words of dispute vocabulary.
pub const DISPUTE: &str = include_str!("../lexicon/dispute.tsv");
/// Document frequencies of the commonest stems of a news archive, built by
/// `examples/rarity.rs`.
pub const RARITY: &str = include_str!("../lexicon/rarity.tsv");

/// What a stem is in dispute vocabulary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Role {
    /// The group it belongs to (an index into [`Words::groups`]).
    pub group: Option<u16>,
    /// It denies or calls false (نفى، مزاعم).
    pub deny: bool,
    /// It refuses or rules out (رفض، استبعد).
    pub refuse: bool,
    /// After غير or ليس it calls false (غير صحيحة).
    pub untrue: bool,
    /// After لا it makes a fixed expression, no negation (لا بد).
    pub fixed: bool,
    /// A word of being (هناك): what a negation negates is the word after it.
    pub existential: bool,
}

/// The link stage's word knowledge, read once.
#[derive(Debug)]
pub struct Words {
    roles: HashMap<String, Role>,
    /// Group names, by index.
    pub groups: Vec<String>,
    opposite: Vec<(u16, u16)>,
    /// Relative pronouns (folded): a negation after one is not the main clause's.
    relatives: Vec<String>,
    /// Archive document frequency per stem, and the number of documents.
    df: HashMap<String, u32>,
    docs: u32,
}

/// The stem a word is compared by: without its article, a conjunction and tanween, then the
/// Snowball stem of its definite form (the stemmer takes suffixes off reliably only after it).
pub fn stem(stemmer: &Stemmer, word: &str) -> String {
    let word = fold(word);
    let base = clitics::without_article(&word);
    let base = clitics::without_conjunction(base)
        .filter(|(pre, r)| *pre == 0 || clitics::at_least(r, 4))
        .last()
        .map_or(base, |(_, r)| r);
    let base = clitics::without_tanween(base).unwrap_or(base);
    stemmer.stem(&format!("ال{base}")).into_owned()
}

impl Words {
    /// The embedded tables.
    pub fn get() -> &'static Words {
        static WORDS: OnceLock<Words> = OnceLock::new();
        WORDS.get_or_init(|| Words::parse(DISPUTE, RARITY))
    }

    fn parse(dispute: &str, rarity: &str) -> Words {
        let stemmer = Stemmer::create(Algorithm::Arabic);
        let mut w = Words {
            roles: HashMap::default(),
            groups: Vec::new(),
            opposite: Vec::new(),
            relatives: Vec::new(),
            df: HashMap::default(),
            docs: 1,
        };
        let group_of = |name: &str, groups: &mut Vec<String>| -> u16 {
            match groups.iter().position(|g| g == name) {
                Some(i) => i as u16,
                None => {
                    groups.push(name.to_string());
                    (groups.len() - 1) as u16
                }
            }
        };
        for line in dispute.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, name, words] = cols[..] else {
                continue;
            };
            match kind {
                "same" => {
                    let g = group_of(name, &mut w.groups);
                    for x in words.split(' ') {
                        w.roles.entry(stem(&stemmer, x)).or_default().group = Some(g);
                    }
                }
                "opposite" => {
                    let a = group_of(name, &mut w.groups);
                    let b = group_of(words, &mut w.groups);
                    w.opposite.push((a, b));
                }
                "deny" | "refuse" | "untrue" | "fixed" | "existential" => {
                    for x in words.split(' ') {
                        let r = w.roles.entry(stem(&stemmer, x)).or_default();
                        match kind {
                            "deny" => r.deny = true,
                            "refuse" => r.refuse = true,
                            "fixed" => r.fixed = true,
                            "existential" => r.existential = true,
                            _ => r.untrue = true,
                        }
                    }
                }
                "relative" => w.relatives.extend(words.split(' ').map(fold)),
                _ => {}
            }
        }
        for line in rarity.lines() {
            if let Some(n) = line.strip_prefix("#docs\t") {
                w.docs = n.trim().parse().unwrap_or(1).max(1);
                continue;
            }
            if let Some((s, n)) = line.split_once('\t') {
                if let Ok(n) = n.trim().parse() {
                    w.df.insert(s.to_string(), n);
                }
            }
        }
        w
    }

    /// What `stem` is in dispute vocabulary.
    pub fn role(&self, stem: &str) -> Role {
        self.roles.get(stem).copied().unwrap_or_default()
    }

    /// Whether a folded word is a relative pronoun (الذي، التي).
    pub fn relative(&self, word: &str) -> bool {
        self.relatives.iter().any(|r| r == word)
    }

    /// Whether two groups say opposite things.
    pub fn opposite(&self, a: u16, b: u16) -> bool {
        self.opposite.contains(&(a, b)) || self.opposite.contains(&(b, a))
    }

    /// How much a stem says about which proposition is meant: the log inverse of its archive
    /// document frequency, 1 for a stem rarer than any in the table.
    pub fn rarity(&self, stem: &str) -> f32 {
        let docs = self.docs as f32;
        let df = self.df.get(stem).copied().unwrap_or(0) as f32;
        let top = (1.0 + docs).ln();
        ((1.0 + docs / (1.0 + df)).ln() / top).clamp(0.05, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_words_for_talks_are_one_group() {
        let s = Stemmer::create(Algorithm::Arabic);
        let w = Words::get();
        let a = w.role(&stem(&s, "المحادثات")).group;
        assert!(a.is_some());
        assert_eq!(a, w.role(&stem(&s, "مفاوضات")).group);
        assert_ne!(a, w.role(&stem(&s, "الانخفاض")).group);
    }

    #[test]
    fn rise_and_fall_are_opposite_but_rise_and_gain_are_not() {
        let s = Stemmer::create(Algorithm::Arabic);
        let w = Words::get();
        let g = |x: &str| w.role(&stem(&s, x)).group.expect(x);
        assert!(w.opposite(g("ارتفاع"), g("تراجع")));
        assert!(!w.opposite(g("ارتفاع"), g("صعود")));
    }

    #[test]
    fn denial_words_are_marked() {
        let s = Stemmer::create(Algorithm::Arabic);
        let w = Words::get();
        assert!(w.role(&stem(&s, "تنفي")).deny);
        assert!(!w.role(&stem(&s, "تؤكد")).deny);
    }

    #[test]
    fn common_stems_weigh_less_than_rare_ones() {
        let s = Stemmer::create(Algorithm::Arabic);
        let w = Words::get();
        assert!(w.rarity(&stem(&s, "المملكة")) < w.rarity(&stem(&s, "أذربيجان")));
    }
}
