//! Contents read as [`Statement`]s, once each. A document's contents share most of their words,
//! so what a word is to a statement (a function word, or its key and dispute role) is looked up
//! once per word type; and the polarity the term reader found is lent rather than read again.

use std::cell::{OnceCell, RefCell};
use std::sync::Arc;

use super::clause::{self, Polarity};
use super::pair::{western_digits, Statement};
use super::terms::stem_of;
use super::words::{Role, Words};
use super::MAX_TOKENS;
use crate::clitics;
use crate::cues::Feat;
use crate::lexicon::Lexicon;
use crate::segment::{Document, TokenKind};

/// How many content words open a statement: a word that denies among them makes it a denial.
const OPENING_WORDS: usize = 3;

/// What a content word is to a statement: its key (its stem, or `=group` for a dispute word)
/// and its role.
#[derive(Debug, Clone)]
struct Key {
    key: Arc<str>,
    /// The word itself.
    word: Arc<str>,
    role: Role,
}

/// Reads the contents of one document, remembering each word type.
pub struct StatementReader<'a> {
    doc: &'a Document,
    lex: &'a Lexicon,
    feats: &'a [Feat],
    /// Per word type, once seen: its key (`None` for a function word), and whether it negates
    /// a clause.
    known: Vec<Option<(Option<Key>, bool)>>,
}

impl<'a> StatementReader<'a> {
    /// A reader of `doc`.
    pub fn new(doc: &'a Document, lex: &'a Lexicon, feats: &'a [Feat]) -> Self {
        StatementReader {
            doc,
            lex,
            feats,
            known: vec![None; doc.type_count],
        }
    }

    /// What token `k`'s word is, from the cache: its key and whether it negates a clause.
    fn key(&mut self, k: usize) -> (Option<&Key>, bool) {
        let ty = self.doc.types[k] as usize;
        let (lex, w) = (self.lex, self.doc.text(k));
        let (key, negates) = self.known[ty]
            .get_or_insert_with(|| (read_key(lex, w), clause::negates_a_clause(lex, w)));
        (key.as_ref(), *negates)
    }

    /// Reads tokens `s..e`, whose main clause has `polarity`.
    pub fn read(&mut self, (s, e): (usize, usize), polarity: Polarity) -> Statement {
        let e = e.min(s + MAX_TOKENS).min(self.feats.len());
        let mut st = Statement {
            deny: polarity.untrue,
            deny_opens: polarity.untrue,
            polarity,
            ..Statement::default()
        };
        for k in s..e {
            if !self.feats[k].word {
                continue;
            }
            let doc = self.doc;
            if doc.tokens[k].kind == TokenKind::Number {
                st.numbers.push(western_digits(doc.text(k)));
                continue;
            }
            let (key, negates) = self.key(k);
            st.negates |= negates;
            let Some(Key { key, word, role }) = key else {
                continue;
            };
            st.deny |= role.deny;
            st.deny_opens |= role.deny && st.stems.len() < OPENING_WORDS;
            st.refuse |= role.refuse;
            if let Some(g) = role.group {
                if !st.groups.contains(&g) {
                    st.groups.push(g);
                }
            }
            if st.polarity.negated.contains(&k) && !st.negated.contains(key) {
                st.negated.push(key.clone());
            }
            if !st.stems.contains(key) {
                st.stems.push(key.clone());
                st.words.push(word.clone());
            }
        }
        st
    }
}

/// What a folded word is to a statement: `None` for a function word.
fn read_key(lex: &Lexicon, w: &str) -> Option<Key> {
    let words = Words::get();
    let function = clitics::without_conjunction(w).any(|(_, r)| lex.stopword(r).is_some())
        || !clitics::at_least(w, 3);
    if function {
        return None;
    }
    let stem = stem_of(lex, w);
    // بقتل: a dispute word under a preposition is still that word.
    let role = Some(words.role(&stem))
        .filter(|r| *r != Default::default())
        .or_else(|| clitics::without_preposition(w).map(|r| words.role(&stem_of(lex, r))))
        .unwrap_or_default();
    let key = match role.group {
        Some(g) => format!("={}", words.groups[g as usize]),
        None => stem,
    };
    Some(Key {
        key: key.into(),
        word: w.into(),
        role,
    })
}

/// The statements of a document's attributions, each read when first asked for.
pub struct Statements<'a> {
    reader: RefCell<StatementReader<'a>>,
    contents: Vec<Option<(usize, usize)>>,
    polarities: Vec<Polarity>,
    read: Vec<OnceCell<Statement>>,
}

impl<'a> Statements<'a> {
    /// The statements of contents `contents`, whose polarities are known.
    pub fn new(
        reader: StatementReader<'a>,
        contents: Vec<Option<(usize, usize)>>,
        polarities: Vec<Polarity>,
    ) -> Self {
        let n = contents.len();
        Statements {
            reader: RefCell::new(reader),
            contents,
            polarities,
            read: vec![OnceCell::new(); n],
        }
    }

    /// Attribution `i`'s statement; empty when it has no content.
    pub fn get(&self, i: usize) -> &Statement {
        self.read[i].get_or_init(|| {
            self.contents[i]
                .map(|c| self.reader.borrow_mut().read(c, self.polarities[i].clone()))
                .unwrap_or_default()
        })
    }
}
