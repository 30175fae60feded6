//! Stage 5: classify every token once and find the cue candidates.
//!
//! Each token gets a [`Feat`]: its closed-class role, whether a time phrase, title, place,
//! medium name or verb of saying starts there. Lookups are hash probes on the folded token with
//! its conjunction and enclitic readings, so the stage is linear in the number of tokens.

use crate::clitics;
use crate::lexicon::index::starts::{FORMULA, MEDIA, PREP, TIME, TITLE};
use crate::lexicon::{Form, Frame, Index, Lexicon, Marker, PrepCue, Tense, WordClass};
use crate::model::Stance;
use crate::segment::{Document, TokenKind};

/// What the parser needs to know about one token.
#[derive(Debug, Clone, Copy, Default)]
pub struct Feat {
    /// A word (not punctuation).
    pub word: bool,
    /// The punctuation character, if any.
    pub punct: Option<char>,
    /// The closed class of the word without its conjunction and enclitic.
    pub class: Option<WordClass>,
    /// The word carries a conjunction (و، ف).
    pub conj: bool,
    /// The word carries an enclitic pronoun (لكنها، إنه).
    pub enclitic: bool,
    /// Tokens in the time phrase starting here (0: none).
    pub time: u8,
    /// Tokens in the title starting here.
    pub title: u8,
    /// Tokens in the media name starting here.
    pub media: u8,
    /// The word starts with the preposition ل.
    pub lam: bool,
    /// The word is a form of a verb of saying.
    pub verb: bool,
    /// The word is a finite verb of saying (not a participle or passive).
    pub finite: bool,
    /// A noun of statement, with or without the article (بيان، المقابلة).
    pub statement: bool,
    /// على or مع, which may continue a medium phrase.
    pub on_or_with: bool,
    /// A one-letter word (an initial, د for doctor).
    pub initial: bool,
    /// The word أي (any), which also spells the name آي once folded.
    pub any: bool,
    /// A prepositional cue starts here (نقلا عن، بحسب).
    pub prep_cue: bool,
}

impl Feat {
    /// Whether the closed class is `c`.
    pub fn is(&self, c: WordClass) -> bool {
        self.class == Some(c)
    }

    /// A sentence-final stop.
    pub fn is_stop(&self) -> bool {
        matches!(self.punct, Some('.' | '؟' | '!' | '؛'))
    }

    /// An opening quotation mark (the straight one is decided by the parser).
    pub fn is_open_quote(&self) -> bool {
        self.punct == Some('«')
    }

    /// A closing quotation mark.
    pub fn is_close_quote(&self) -> bool {
        self.punct == Some('»')
    }

    /// Any quotation mark.
    pub fn is_quote(&self) -> bool {
        matches!(self.punct, Some('«' | '»' | '"'))
    }
}

/// A cue candidate.
#[derive(Debug, Clone, PartialEq)]
pub enum Cue {
    /// A form of a verb of saying at token `at`.
    Verb {
        /// The token.
        at: usize,
        /// Its analyses (first preferred).
        form: Form,
        /// Whether the verb reading needed an enclitic split (أكدته).
        enclitic: bool,
    },
    /// A prepositional cue over tokens `start..end`.
    Prep {
        /// First token.
        start: usize,
        /// One past the last token.
        end: usize,
        /// What the lexicon says of it.
        cue: PrepCue,
    },
    /// A silence formula over `start..end`; `cue` is the token of its cue word.
    Formula {
        /// First token.
        start: usize,
        /// One past the last token.
        end: usize,
        /// The cue word's token.
        cue: usize,
        /// Its stance.
        stance: Stance,
    },
}

impl Cue {
    /// The first token of the cue.
    pub fn start(&self) -> usize {
        match *self {
            Cue::Verb { at, .. } => at,
            Cue::Prep { start, .. } | Cue::Formula { start, .. } => start,
        }
    }
}

/// Token features and cue candidates for a document.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    /// One per token.
    pub feats: Vec<Feat>,
    /// In text order.
    pub cues: Vec<Cue>,
}

/// What a word is wherever it stands: found once per distinct word of a document. Lookups
/// that depend on the neighbours are made only where the word starts an entry.
#[derive(Debug, Clone, Copy)]
struct Word {
    /// The features that depend on the word alone.
    feat: Feat,
    /// For each conjunction reading, the tables it starts entries of.
    starts: [u8; 2],
    /// Whether a reading, or its base before a third-person enclitic, is a verb form.
    forms: bool,
    /// Whether the word is a place (a nisba, not أ+رد+ني).
    place: bool,
}

impl Word {
    fn new(index: &Index, w: &str) -> Self {
        let class = |b: &str| index.class(b);
        let mut f = Feat {
            word: true,
            ..Feat::default()
        };
        if let Some((pre, base, enc)) = clitics::split(w, |b| class(b).is_some()) {
            f.class = class(base);
            f.conj = pre > 0;
            f.enclitic = !enc.is_empty();
            // An enclitic only belongs on particles; "ما" + ه is not a word of ours.
            if f.enclitic
                && !matches!(
                    f.class,
                    Some(WordClass::Complementizer | WordClass::Boundary | WordClass::Prep)
                )
            {
                f.class = None;
                f.enclitic = false;
            }
        }
        // The word's own entry, read once: its name, place and first reading.
        let own = index.get(w);
        // لويس، ليلى: a given name is not the preposition ل on a word.
        f.lam = clitics::has_lam(w) && !own.name;
        f.statement = f.is(WordClass::Statement)
            || class(clitics::without_article(w)) == Some(WordClass::Statement);
        f.on_or_with = matches!(w, "علي" | "مع");
        f.initial = w.chars().count() == 1;
        f.any = w == "اي";
        let mut starts = [0u8; 2];
        let mut forms = false;
        for (r, (_, first)) in clitics::without_conjunction(w).enumerate() {
            let entry = if r == 0 { own } else { index.get(first) };
            starts[r] = entry.starts;
            let third = clitics::without_enclitic(first).filter(|(_, e)| e.starts_with('ه'));
            forms |= entry.forms || third.is_some_and(|(base, _)| index.get(base).forms);
        }
        Word {
            feat: f,
            starts,
            forms,
            place: own.place,
        }
    }

    /// Whether any reading starts an entry of one of `tables`.
    fn starts(&self, tables: u8) -> bool {
        (self.starts[0] | self.starts[1]) & tables != 0
    }
}

/// Classifies tokens and finds cues.
pub fn find(doc: &Document, lex: &Lexicon) -> Cues {
    find_indexed(doc, lex, &Index::new(lex))
}

/// [`find`] with the lexicon's [`Index`] built beforehand.
pub fn find_indexed(doc: &Document, lex: &Lexicon, index: &Index) -> Cues {
    let n = doc.len();
    let words: Vec<&str> = (0..n).map(|i| doc.text(i)).collect();
    let mut feats = Vec::with_capacity(n);
    let mut cues = Vec::new();
    let mut known: Vec<Option<Word>> = vec![None; doc.type_count];
    for (i, tok) in doc.tokens.iter().enumerate() {
        if let TokenKind::Punct(c) = tok.kind {
            feats.push(Feat {
                punct: Some(c),
                ..Feat::default()
            });
            continue;
        }
        let w = words[i];
        let word = *known[doc.types[i] as usize].get_or_insert_with(|| Word::new(index, w));
        let mut f = word.feat;
        let rest = |k: usize| words.get(i + k).copied();
        if word.starts(TIME | TITLE | MEDIA) {
            for (r, (_, first)) in clitics::without_conjunction(w).enumerate() {
                let starts = word.starts[r];
                if f.time == 0 && starts & TIME != 0 {
                    f.time = lex
                        .time
                        .longest_with(first, rest)
                        .map_or(0, |(k, _)| k as u8);
                }
                if f.title == 0 && starts & TITLE != 0 {
                    f.title = lex
                        .titles
                        .longest_with(first, rest)
                        .map_or(0, |(k, _)| k as u8);
                }
                if f.media == 0 && starts & MEDIA != 0 {
                    f.media = lex
                        .media
                        .longest_with(first, rest)
                        .map_or(0, |(k, _)| k as u8);
                }
            }
        }
        let prep = if word.starts(PREP) {
            prep_cue(lex, &words, i)
        } else {
            None
        };
        let not_cue = (f.class == Some(WordClass::NotCue) && !clause_verb(lex, &words, i))
            || names_someone(lex, w, words.get(i + 1).copied());
        if word.forms && !not_cue && prep.is_none() && !word.place {
            if let Some((cue, conj)) = verb_cue(
                lex,
                w,
                i.checked_sub(1).map(|p| words[p]),
                words.get(i + 1).copied(),
                i,
            ) {
                f.verb = true;
                f.conj |= conj;
                if let Cue::Verb { form, .. } = cue {
                    f.finite = matches!(
                        form.tense,
                        Tense::Past | Tense::Present | Tense::Jussive | Tense::Future
                    );
                }
                cues.push(cue);
            }
        }
        if let Some(cue) = prep {
            f.prep_cue = true;
            cues.push(cue);
        } else if let Some((k, &(stance, at))) = word
            .starts(FORMULA)
            .then(|| {
                clitics::without_conjunction(w)
                    .find_map(|(_, first)| lex.formulas.longest_with(first, rest))
            })
            .flatten()
        {
            cues.push(Cue::Formula {
                start: i,
                end: i + k,
                cue: i + at,
                stance,
            });
        }
        feats.push(f);
    }
    Cues { feats, cues }
}

/// Whether a verb reads "is named" here: a naming form before a given name (شاب يدعى علي).
fn names_someone(lex: &Lexicon, w: &str, next: Option<&str>) -> bool {
    next.is_some_and(|n| lex.names.starts(n))
        && clitics::without_conjunction(w).any(|(_, r)| lex.marks(r, Marker::Naming))
}

/// A word that is mostly something else (بين, between) read as a verb (بيّن): it opens its
/// clause (after a comma, a full stop or with و) and a complementizer follows its subject
/// within a few words, before any punctuation (من جانبه، بين الإعلامي فلان أن …).
fn clause_verb(lex: &Lexicon, words: &[&str], i: usize) -> bool {
    /// How many words the subject between such a verb and its complementizer may take.
    const SUBJECT: usize = 8;
    let opens = i == 0
        || words[i].starts_with('و')
        || words[i - 1]
            .chars()
            .all(|c| matches!(c, '،' | ',' | '.' | ':' | '\n'));
    let is_complement = |w: &&&str| {
        clitics::split(w, |b| lex.word_class(b) == Some(WordClass::Complementizer)).is_some()
    };
    let subject: Vec<&&str> = words
        .iter()
        .skip(i + 1)
        .take(SUBJECT + 1)
        .take_while(|w| w.chars().any(char::is_alphanumeric) && !is_complement(w))
        .collect();
    let complement = words
        .get(i + 1 + subject.len())
        .is_some_and(|w| is_complement(&w));
    // بين الحكومة والرئاسة أن …: two terms joined by و are "between", whatever follows.
    let two_terms = subject.iter().any(|w| w.starts_with("وال") || **w == "و");
    opens && !subject.is_empty() && complement && !two_terms
}

/// A verb cue at `w`, and whether its reading took a conjunction off (وقال، فأكدته).
/// A short jussive (يقل، ينف) is read only after a negation of the past (لم يقل): elsewhere
/// the same letters are other words (نقل, transport), and after لا a jussive is a prohibition
/// addressed to someone (لا تقل), which reports nothing; there the letters are mostly قلّ, to be
/// less (لا تقل عن سبع سنوات).
fn verb_cue(
    lex: &Lexicon,
    w: &str,
    prev: Option<&str>,
    next: Option<&str>,
    at: usize,
) -> Option<(Cue, bool)> {
    let after_negation = prev.is_some_and(|p| {
        clitics::split(p, |b| {
            b != "لا" && lex.word_class(b) == Some(WordClass::Negation)
        })
        .is_some()
    });
    let usable = |f: &&crate::lexicon::Form| after_negation || f.tense != Tense::Jussive;
    let before_complement = next.is_some_and(|n| {
        n == ":"
            || clitics::split(n, |b| lex.word_class(b) == Some(WordClass::Complementizer)).is_some()
    });
    for (pre, rest) in clitics::without_conjunction(w) {
        // نشيد، ننفي: letters read only as a first person are a name or a noun in narration
        // (حزب نشيد), unless a clause follows («وأنا أقول إن …»).
        let forms = lex.forms(rest);
        let bare = rest.strip_prefix('س').unwrap_or(rest);
        if !before_complement
            && bare.starts_with(['ا', 'ن'])
            && !forms.is_empty()
            && forms.iter().all(|f| f.tense == Tense::Present)
        {
            continue;
        }
        if let Some(form) = forms.iter().find(usable) {
            let cue = Cue::Verb {
                at,
                form: *form,
                enclitic: false,
            };
            return Some((cue, pre > 0));
        }
    }
    // An object pronoun on a verb that takes objects: أكدته، تؤكدها، أعلنتها; on any verb of
    // saying when a complementizer follows (وأخبرته أنه، أبلغهم بأن).
    for (pre, rest) in clitics::without_conjunction(w) {
        // Third-person objects only: the story reports what was said of someone.
        let third = clitics::without_enclitic(rest).filter(|(_, e)| e.starts_with('ه'));
        if let Some((base, _)) = third {
            // القناة is no ألقى + نا + ه: a first-person subject does not narrate.
            let first_person = |f: &&crate::lexicon::Form| {
                base.ends_with("نا") && f.gender == crate::model::Gender::Unknown
            };
            let form = lex.forms(base).iter().filter(usable).find(|f| {
                f.tense != Tense::Participle
                    && !first_person(f)
                    && (lex.verbs[f.verb].frame == Frame::Object || before_complement)
            });
            if let Some(form) = form {
                let cue = Cue::Verb {
                    at,
                    form: *form,
                    enclitic: true,
                };
                return Some((cue, pre > 0));
            }
        }
    }
    None
}

fn prep_cue(lex: &Lexicon, words: &[&str], i: usize) -> Option<Cue> {
    let w = words[i];
    let rest = |k: usize| words.get(i + k).copied();
    for (pre, first) in clitics::without_conjunction(w) {
        // Only و attaches to a prepositional cue: فحسب means "only".
        if pre > 0 && !w.starts_with('و') {
            continue;
        }
        if let Some((k, cue)) = lex.preps.longest_with(first, rest) {
            return Some(Cue::Prep {
                start: i,
                end: i + k,
                cue: *cue,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues_of(src: &str) -> Vec<String> {
        let doc = Document::new(src);
        let lex = Lexicon::embedded();
        find(&doc, &lex)
            .cues
            .iter()
            .map(|c| match c {
                Cue::Verb { at, .. } => doc.text(*at).to_string(),
                Cue::Prep { start, end, .. } | Cue::Formula { start, end, .. } => {
                    doc.folded(*start, *end).to_string()
                }
            })
            .collect()
    }

    #[test]
    fn verbs_with_clitics_are_found() {
        assert_eq!(cues_of("وقال الوزير وأضافت"), ["وقال", "واضافت"]);
        assert_eq!(cues_of("فقالوا"), ["فقالوا"]);
        assert_eq!(cues_of("أكدته الوزارة"), ["اكدته"]);
    }

    #[test]
    fn words_that_only_look_like_cues_are_not() {
        assert!(cues_of("وزير بين الدولتين").is_empty());
        assert!(cues_of("ليس فحسب").is_empty());
        assert!(cues_of("مصدر أردني").is_empty(), "a nisba is not أ+رد+ني");
    }

    #[test]
    fn prepositional_and_formula_cues() {
        assert_eq!(cues_of("وفقًا لمصدر"), ["وفقا"]);
        assert_eq!(cues_of("وبحسب الوكالة"), ["وبحسب"]);
        assert_eq!(cues_of("لم تكن هناك كلمة من دمشق"), ["لم تكن هناك كلمه من"]);
    }
}
