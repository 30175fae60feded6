//! A content reduced to what a claim is about: stemmed key terms, a polarity, and whether it
//! only points back at something said before (نفى ذلك، هذه الاتهامات).

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use super::clause::Polarity;
use super::vocab::{StemId, Vocab};
use super::MAX_TOKENS;
use crate::clitics;
use crate::cues::Feat;
use crate::lexicon::{Lexicon, Marker, WordClass};
use crate::segment::Document;

/// A pointer is a content of at most this many words.
const POINTER_WORDS: usize = 4;

/// What one content claims.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms {
    /// Key terms: stems (numbers in the reader's [`Vocab`]), each once, in text order.
    pub stems: Vec<StemId>,
    /// For each stem, the stem of the word read without a leading ب، ل or ك (بإقامة), if it
    /// differs: two terms match when any of their readings do.
    pub alternates: Vec<Option<StemId>>,
    /// For each stem, the token of the first word it came from, to show as evidence.
    pub tokens: Vec<usize>,
    /// Whether an odd number of negators governs the content's main clause (لم، لن، لا، ليس،
    /// عدم; not a relative ما, غير before an adjective or لا in a compound noun).
    pub negative: bool,
    /// Whether the content only points back (ذلك، هذه المعلومات، الخبر).
    pub pointer: bool,
    /// Whether the content holds a formula that denies (لا صحة لما أشيع، عار عن الصحة).
    pub denial: bool,
    /// Pairs of terms that follow each other in the content (indices into `stems`): a phrase
    /// two contents share (نبأ وفاة زعيم) says more than the same words apart.
    pub pairs: Vec<(usize, usize)>,
    /// Every stem and alternate, sorted, for lookups (a short list: no hashing needed).
    pub readings: Vec<StemId>,
    /// Every reading of every pair (first reading in the high half), sorted: a pair matches
    /// another when some reading of each term does.
    pub pair_readings: Vec<u64>,
}

/// What a word is to the reader, the same wherever it stands.
#[derive(Debug, Clone, Copy)]
struct Word {
    /// A stopword that negates (under any conjunction reading).
    negator: bool,
    /// A stopword that does not negate, or a word too short to be a term.
    function: bool,
    /// Its stem and alternate, once asked for.
    stem: Option<(StemId, Option<StemId>)>,
}

/// Reduces contents to terms with one stemmer.
pub struct TermReader<'a> {
    doc: &'a Document,
    lex: &'a Lexicon,
    feats: &'a [Feat],
    stemmer: Stemmer,
    vocab: Vocab,
    /// Each distinct word is looked up and stemmed once per document: by its type.
    words: Vec<Option<Word>>,
    /// The stem of each base stemmed; the input decides the keys, so the hasher is keyed.
    bases: HashMap<&'a str, StemId, foldhash::fast::RandomState>,
}

/// What the stemmer is given of a word, after the article: without a conjunction (when more
/// than three letters remain) and without its tanween.
pub(crate) fn base(word: &str) -> &str {
    let base = clitics::without_article(word);
    let base = clitics::without_conjunction(base)
        .filter(|(pre, r)| *pre == 0 || crate::clitics::at_least(r, 4))
        .last()
        .map_or(base, |(_, r)| r);
    clitics::without_tanween(base).unwrap_or(base)
}

impl<'a> TermReader<'a> {
    /// A reader over one document.
    pub fn new(doc: &'a Document, lex: &'a Lexicon, feats: &'a [Feat]) -> Self {
        TermReader {
            doc,
            lex,
            feats,
            stemmer: Stemmer::create(Algorithm::Arabic),
            vocab: Vocab::default(),
            words: vec![None; doc.type_count],
            bases: HashMap::default(),
        }
    }

    /// The stems read so far.
    pub fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// Gives up the stems read.
    pub fn into_vocab(self) -> Vocab {
        self.vocab
    }

    /// The stem a word is compared by. The Snowball stemmer takes suffixes off reliably only
    /// after the article, so every noun is stemmed in its definite form, without its tanween.
    pub fn stem(&self, word: &str) -> String {
        self.stem_base(base(word))
    }

    fn stem_base(&self, base: &str) -> String {
        stem_with(&self.stemmer, base)
    }

    /// The number of a word's stem; words with one base (والمحادثات، المحادثات) are stemmed
    /// once.
    fn stem_id(&mut self, word: &'a str) -> StemId {
        let base = base(word);
        if let Some(&id) = self.bases.get(base) {
            return id;
        }
        let stemmer = &self.stemmer;
        let vocab = &mut self.vocab;
        let id = self
            .lex
            .stems()
            .with(base, |b| stem_with(stemmer, b), |s| vocab.intern(s));
        self.bases.insert(base, id);
        id
    }

    /// The stem of the word without a leading ب، ل or ك, when that reading differs.
    fn alternate(&mut self, word: &'a str, stem: StemId) -> Option<StemId> {
        let w = clitics::without_conjunction(word)
            .last()
            .map_or(word, |(_, r)| r);
        let rest = clitics::without_preposition(w)?;
        let alt = self.stem_id(rest);
        (alt != stem && self.vocab.long(alt)).then_some(alt)
    }

    /// What token `i`'s word is, from the cache.
    fn word(&mut self, i: usize) -> Word {
        let ty = self.doc.types[i] as usize;
        if let Some(known) = self.words[ty] {
            return known;
        }
        let w = self.doc.text(i);
        let readings = || clitics::without_conjunction(w).map(|(_, r)| r);
        let word = Word {
            negator: readings().any(|r| self.lex.stopword(r) == Some(true)),
            function: readings().any(|r| self.lex.stopword(r) == Some(false))
                || !crate::clitics::at_least(w, 3),
            stem: None,
        };
        self.words[ty] = Some(word);
        word
    }

    /// The stem and alternate of token `i`'s word, from the cache.
    fn stems(&mut self, i: usize) -> (StemId, Option<StemId>) {
        let ty = self.doc.types[i] as usize;
        if let Some(known) = self.words[ty].and_then(|x| x.stem) {
            return known;
        }
        let w = self.doc.text(i);
        let stem = self.stem_id(w);
        let alt = self.alternate(w, stem);
        if let Some(x) = &mut self.words[ty] {
            x.stem = Some((stem, alt));
        }
        (stem, alt)
    }

    /// The terms of tokens `s..e`.
    pub fn read(&mut self, span: (usize, usize)) -> Terms {
        self.read_with_polarity(span).0
    }

    /// The terms of tokens `s..e`, and the polarity of their main clause.
    pub fn read_with_polarity(&mut self, (s, e): (usize, usize)) -> (Terms, Polarity) {
        let e = e.min(s + MAX_TOKENS).min(self.feats.len());
        let doc = self.doc;
        let words: Vec<&'a str> = (s..e).map(|i| doc.text(i)).collect();
        let mut t = Terms::default();
        let mut content_words = 0usize;
        let mut last: Option<usize> = None;
        let mut k = 0;
        while k < words.len() {
            let f = &self.feats[s + k];
            if !f.word {
                k += 1;
                continue;
            }
            content_words += 1;
            // لا صحة لما أشيع: the formula denies; its لا does not negate the claim again.
            if let Some((len, _)) = self.lex.denials.longest(&words, k) {
                t.denial = true;
                k += len;
                continue;
            }
            let info = self.word(s + k);
            if info.negator || f.is(WordClass::Negation) {
                k += 1;
                continue;
            }
            let function = info.function || f.class.is_some() || f.verb;
            if function {
                last = None;
            } else {
                let (stem, alt) = self.stems(s + k);
                // لزعيم and زعيم are one term.
                let seen = t
                    .stems
                    .iter()
                    .zip(&t.alternates)
                    .position(|(&s, &a)| s == stem || alt == Some(s) || a == Some(stem));
                let at = match seen {
                    Some(at) => Some(at),
                    None if self.vocab.long(stem) => {
                        t.alternates.push(alt);
                        t.stems.push(stem);
                        t.tokens.push(s + k);
                        Some(t.stems.len() - 1)
                    }
                    None => None,
                };
                if let (Some(a), Some(b)) = (last, at) {
                    if a != b && !t.pairs.contains(&(a, b)) {
                        t.pairs.push((a, b));
                    }
                }
                last = at;
            }
            k += 1;
        }
        // Negation only from the main clause (see [`super::clause`]).
        let p = super::clause::polarity(doc, self.lex, self.feats, (s, e));
        t.negative = p.negative;
        t.denial |= p.untrue;
        t.readings = t
            .stems
            .iter()
            .chain(t.alternates.iter().flatten())
            .copied()
            .collect();
        t.readings.sort_unstable();
        t.readings.dedup();
        t.pair_readings = t
            .pairs
            .iter()
            .flat_map(|&(a, b)| {
                let (ra, rb) = (t.readings_of(a), t.readings_of(b));
                ra.flat_map(move |x| rb.clone().map(move |y| pair_key(x, y)))
            })
            .collect();
        t.pair_readings.sort_unstable();
        t.pair_readings.dedup();
        // ذلك، هذه المعلومة، هذه التصريحات التي صدرت …، الخبر: it points back.
        let claim_noun = |i: usize| {
            clitics::without_conjunction(self.doc.text(i))
                .any(|(_, r)| self.lex.marks(r, Marker::ClaimNoun))
        };
        let demonstrative = e > s && self.feats[s].is(WordClass::Demonstrative);
        t.pointer = e > s
            && ((demonstrative && (content_words <= POINTER_WORDS || claim_noun(s + 1)))
                || (claim_noun(s) && content_words <= POINTER_WORDS));
        (t, p)
    }
}

fn pair_key(a: StemId, b: StemId) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

impl Terms {
    /// The readings of term `k`: its stem, then its alternate.
    fn readings_of(&self, k: usize) -> impl Iterator<Item = StemId> + Clone {
        std::iter::once(self.stems[k]).chain(self.alternates[k])
    }

    /// Whether `id` is one of this content's readings.
    pub fn has(&self, id: StemId) -> bool {
        self.readings.binary_search(&id).is_ok()
    }

    /// This content's adjacent pairs of terms that `other` also has adjacent; `shared` is
    /// [`Terms::shared_with`] of the two, since both terms of such a pair are shared.
    pub fn shared_pairs(&self, other: &Terms, shared: &[usize]) -> Vec<(usize, usize)> {
        if other.pair_readings.is_empty() || shared.len() < 2 {
            return Vec::new();
        }
        let is_shared = |k: usize| shared.binary_search(&k).is_ok();
        self.pairs
            .iter()
            .filter(|&&(a, b)| is_shared(a) && is_shared(b))
            .filter(|&&(a, b)| {
                self.readings_of(a).any(|x| {
                    self.readings_of(b)
                        .any(|y| other.pair_readings.binary_search(&pair_key(x, y)).is_ok())
                })
            })
            .copied()
            .collect()
    }

    /// Which of this content's terms `other` shares (indices into `stems`).
    pub fn shared_with(&self, other: &Terms) -> Vec<usize> {
        self.shared_by(|id| other.has(id))
    }

    /// [`Terms::shared_with`] the content whose readings `marks` holds.
    pub fn shared_with_marked(&self, marks: &Marks) -> Vec<usize> {
        self.shared_by(|id| marks.has(id))
    }

    fn shared_by(&self, has: impl Fn(StemId) -> bool) -> Vec<usize> {
        (0..self.stems.len())
            .filter(|&k| has(self.stems[k]) || self.alternates[k].is_some_and(&has))
            .collect()
    }
}

/// The readings of one content at a time, as a table over the document's stems: comparing a
/// content with many others looks each of its terms up in constant time.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    stamp: Vec<u32>,
    now: u32,
}

impl Marks {
    /// Marks for a vocabulary of `stems` stems.
    pub fn new(stems: usize) -> Self {
        Marks {
            stamp: vec![0; stems],
            now: 0,
        }
    }

    /// Holds the readings of `t` (and no others).
    pub fn mark(&mut self, t: &Terms) {
        self.now += 1;
        if self.now == u32::MAX {
            self.stamp.fill(0);
            self.now = 1;
        }
        for &r in &t.readings {
            self.stamp[r as usize] = self.now;
        }
    }

    /// Whether `id` is a reading of the content marked last.
    pub fn has(&self, id: StemId) -> bool {
        self.stamp[id as usize] == self.now
    }
}

/// A base's stem, taken in its definite form (see [`TermReader::stem`]).
pub(crate) fn stem_with(stemmer: &Stemmer, base: &str) -> String {
    stemmer.stem(&format!("ال{base}")).into_owned()
}

thread_local! {
    static STEMMER: Stemmer = Stemmer::create(Algorithm::Arabic);
}

/// `then` applied to the stem of a folded word, from the lexicon's shared memory: a stem
/// remembered is lent, not copied.
pub(crate) fn with_stem<R>(lex: &Lexicon, word: &str, then: impl FnOnce(&str) -> R) -> R {
    STEMMER.with(|st| lex.stems().with(base(word), |b| stem_with(st, b), then))
}

/// The stem of a folded word, from the lexicon's shared memory.
pub(crate) fn stem_of(lex: &Lexicon, word: &str) -> String {
    with_stem(lex, word, str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues;

    fn reader_over<'a>(
        doc: &'a Document,
        lex: &'a Lexicon,
        feats: &'a [Feat],
        vocab: Vocab,
    ) -> TermReader<'a> {
        let mut r = TermReader::new(doc, lex, feats);
        r.vocab = vocab;
        r
    }

    /// Reads each text as its own document, with one vocabulary so their stems compare.
    fn read_all<const N: usize>(texts: [&str; N]) -> ([Terms; N], Vocab) {
        let lex = Lexicon::embedded();
        let mut vocab = Vocab::default();
        let terms = texts.map(|text| {
            let doc = Document::new(text);
            let c = cues::find(&doc, &lex);
            let mut reader = reader_over(&doc, &lex, &c.feats, std::mem::take(&mut vocab));
            let t = reader.read((0, doc.len()));
            vocab = reader.into_vocab();
            t
        });
        (terms, vocab)
    }

    fn read(text: &str) -> Terms {
        let ([t], _) = read_all([text]);
        t
    }

    #[test]
    fn function_words_are_dropped_and_nouns_stemmed_alike() {
        let ([a, b], vocab) = read_all([
            "أجرت إسرائيل والنظام السوري محادثات مباشرة في أذربيجان",
            "لم تكن هناك محادثات مباشرة بين الجانبين",
        ]);
        assert_eq!(a.shared_with(&b).len(), 2, "{a:?} {b:?}");
        assert!(!a.stems.iter().any(|&s| vocab.text(s) == "في"));
    }

    #[test]
    fn polarity_flips_with_each_negator() {
        assert!(!read("المحادثات جرت في أنقرة").negative);
        assert!(read("المحادثات لم تجر في أنقرة").negative);
        assert!(read("ليس هناك أي محادثات").negative);
        assert!(read("عدم وجود محادثات").negative);
        assert!(!read("لم يقل إنه لن يحضر").negative);
    }

    #[test]
    fn prepositions_do_not_hide_a_term() {
        let ([a, b], _) = read_all([
            "سمحت لإسرائيل بإقامة قاعدة عسكرية",
            "أشيع عن إقامة قاعدة إسرائيلية كقاعدة مراقبة",
        ]);
        assert_eq!(a.shared_with(&b).len(), 2, "{a:?} {b:?}");
    }

    #[test]
    fn a_denial_formula_does_not_negate_twice() {
        let t = read("لا صحة لما أشيع عن إقامة قاعدة");
        assert!(!t.negative);
        assert!(t.denial);
    }

    #[test]
    fn pointers() {
        assert!(read("ذلك").pointer);
        assert!(read("هذه الاتهامات").pointer);
        assert!(read("الخبر").pointer);
        assert!(read("هذه التصريحات التي صدرت منذ شهرين عن الحركة").pointer);
        assert!(!read("إقامة قاعدة عسكرية على أراضيها").pointer);
    }
}
