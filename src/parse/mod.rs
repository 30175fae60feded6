//! Stage 6: attributions from cues, over the classified token stream.
//!
//! # Grammar
//!
//! ```text
//! verb-attr    = [neg] VERB interlude* [mention] interlude* [coord] complement content
//!              | subject [qad] [neg] VERB interlude* complement content       (SVO, كان … قد)
//!              | quote "،" VERB mention                                        (cue after content)
//! participle   = PARTICIPLE complement content                                 (مضيفا أن، قائلا:)
//! prep-attr    = PREP ["ما" VERB] mention ["،" ["فإن"]] content                (وبحسب الوكالة، فإن …)
//!              | clause "،" PREP mention                                       (… ، وفقا لمصدر)
//! refusal      = [neg] HEAD [mention] REST [("على" | "عن") topic]              (رفض X التعليق)
//!              | neg HEAD REST mention                                         (لم يتسن الوصول إلى X)
//! outreach     = VERB mention ("مع" | "إلى" | ب-) addressee … REQUEST          (تواصلت X مع Y للتعليق)
//! masdar       = [VERB subject] MASDAR+pronoun complement content               (وكرر الوزير تأكيده أن)
//! accusation   = VERB [subject] target ب-charge                                (اتهمت X Y بتهريب أموال)
//!              | HEAD [subject] REST ("إلى" | "على") target [charge]           (وجهت X أصابع الاتهام إلى Y)
//! statement    = "جاء" "في" STATEMENT-NOUN … complement content               (وجاء في البيان أن)
//! relay        = "نقل" mention "عن" mention ["قوله"] complement content        (نقلت X عن Y قوله إن)
//! formula      = FORMULA mention [("في" | "عن" | "بشأن") topic]               (لم تكن هناك كلمة من X)
//! headline     = mention ":" content                                           (first line only)
//! interlude    = time | addressee | medium
//! complement   = "إن" | "أن" | "بأن" | "إلى أن" | ":" | quote | "عن" noun | "على" noun
//! coord        = ("أو" | "و" | "ولم") VERB                                     (لن تؤكد أو تنفي)
//! ```
//! A mention stops at complementizers, prepositions (except في/من/على after an institution
//! head or an anonymity descriptor), time words, an addressee, verbs and punctuation; an
//! apposition between commas stays inside it when a complement follows.

mod complement;
mod content;
mod formulas;
mod frames;
pub mod grammar;
mod masdar;
mod prepositional;
mod quotes;
mod subject;
mod verb;

use crate::cues::{Cue, Cues, Feat};
use crate::lexicon::{Form, Lexicon, Tense, WordClass};
use crate::model::{CueKind, Gender, Number, QuoteType, Stance};
use crate::segment::Document;

/// An attribution in token coordinates, before sources are resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// Cue tokens.
    pub cue: (usize, usize),
    /// The cue's lemma.
    pub lemma: String,
    /// The cue's kind.
    pub kind: CueKind,
    /// The stance.
    pub stance: Stance,
    /// Whether a negation governs the cue.
    pub negated: bool,
    /// Source mention tokens, if named here.
    pub mention: Option<(usize, usize)>,
    /// Content tokens.
    pub content: Option<(usize, usize)>,
    /// Quote type.
    pub quote: QuoteType,
    /// Agreement of the cue, for resolving a source that is not named.
    pub gender: Gender,
    /// Agreement number.
    pub number: Number,
    /// No source at all (قيل، يذكر أن).
    pub agentless: bool,
    /// Addressee tokens.
    pub addressee: Option<(usize, usize)>,
    /// Medium tokens.
    pub medium: Option<(usize, usize)>,
    /// Time tokens.
    pub time: Option<(usize, usize)>,
    /// A second verb joined to the cue (لن تؤكد … أو تنفي).
    pub also: Option<usize>,
    /// The one whose words are relayed (نقلت الوكالة عن «مسؤول» قوله إن).
    pub relayed: Option<(usize, usize)>,
    /// Who the content is about, where the frame names it: the accused (اتهمت X «Y» بـ،
    /// وجهت X أصابع الاتهام إلى «Y»).
    pub target: Option<(usize, usize)>,
}

impl Draft {
    /// A draft with only its cue known: no source, content or agreement yet.
    fn new(cue: (usize, usize), lemma: String, kind: CueKind, stance: Stance) -> Self {
        Draft {
            cue,
            lemma,
            kind,
            stance,
            negated: false,
            mention: None,
            content: None,
            quote: QuoteType::None,
            gender: Gender::Unknown,
            number: Number::Unknown,
            agentless: false,
            addressee: None,
            medium: None,
            time: None,
            also: None,
            relayed: None,
            target: None,
        }
    }
}

/// Parses every cue into attributions, in text order.
pub fn parse(doc: &Document, lex: &Lexicon, cues: &Cues, skip_paragraph: &[bool]) -> Vec<Draft> {
    let p = Parser::new(doc, lex, &cues.feats);
    let mut used = vec![false; doc.len()];
    let mut out: Vec<Draft> = Vec::new();
    if let Some(d) = p.headline(skip_paragraph) {
        out.push(d);
    }
    // The direct quotation the cues are inside, if any: a verb of saying there is the quoted
    // speaker's own wording, not a new attribution (قال: «لن أقول إننا خسرنا»).
    let mut quoted: Option<(usize, usize)> = None;
    for cue in &cues.cues {
        let at = cue.start();
        if quoted.is_some_and(|(s, e)| s < at && at < e) && p.first_person(at) {
            continue;
        }
        if used[at]
            || skip_paragraph
                .get(doc.tokens[at].paragraph as usize)
                .copied()
                .unwrap_or(false)
        {
            continue;
        }
        let draft = match *cue {
            Cue::Verb { at, form, enclitic } => p.verb(at, form, enclitic),
            Cue::Prep { start, end, cue } => p.prep(start, end, cue),
            Cue::Formula {
                start,
                end,
                cue,
                stance,
            } => p.formula(start, end, cue, stance),
        };
        if let Some(mut d) = draft {
            // Who can speak, whichever production found the mention (إن نجاح الأجهزة يعتبر).
            if d.mention
                .is_some_and(|(s, e)| p.speaker_end(s, e).is_none())
            {
                d.mention = None;
            }
            for u in &mut used[d.cue.0..d.cue.1] {
                *u = true;
            }
            used[at] = true;
            if let Some(k) = d.also {
                used[k] = true;
            }
            // A verb between a cue and its content belongs to the mention or a relative clause
            // (وأعرب رئيس اللجنة التي تحقق في … فلان: «…»); a relay (نقلا عن) stays a cue.
            if let Some((cs, _)) = d.content.filter(|&(cs, _)| cs > d.cue.1) {
                for (u, f) in used[d.cue.1..cs].iter_mut().zip(&cues.feats[d.cue.1..cs]) {
                    *u |= !f.prep_cue;
                }
            }
            if d.quote == QuoteType::Direct {
                quoted = d.content.filter(|&(s, _)| s > d.cue.0);
            }
            out.push(d);
        }
    }
    // وكرر الوزير تأكيده أن …: verbal nouns of saying, where no cue already took the word.
    for (at, u) in used.iter_mut().enumerate() {
        if *u {
            continue;
        }
        if let Some(d) = p.masdar(at) {
            *u = true;
            out.push(d);
        }
    }
    out.sort_by_key(|d| d.cue.0);
    out
}

/// The longest mention where the words around it already mark it out (after a formula, an
/// accusation's verb, a title's relative clause), in tokens.
const MARKED_MENTION: usize = 8;
/// The longest mention after a preposition that introduces a source (نقل عن، طلب من، جاء في),
/// in tokens.
const PREP_MENTION: usize = 10;

struct Parser<'a> {
    doc: &'a Document,
    lex: &'a Lexicon,
    feats: &'a [Feat],
    roles: Vec<i8>,
    words: Vec<&'a str>,
}

impl<'a> Parser<'a> {
    fn new(doc: &'a Document, lex: &'a Lexicon, feats: &'a [Feat]) -> Self {
        let roles = content::quote_roles(doc, feats);
        let words = (0..doc.len()).map(|i| doc.text(i)).collect();
        Parser {
            doc,
            lex,
            feats,
            roles,
            words,
        }
    }

    fn n(&self) -> usize {
        self.feats.len()
    }

    fn word(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }

    fn is(&self, i: usize, c: WordClass) -> bool {
        self.feats.get(i).is_some_and(|f| f.is(c))
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        b < self.n() && self.doc.tokens[a].sentence == self.doc.tokens[b].sentence
    }

    /// The preferred verb analysis of token `i`, also through an object pronoun (أكدته).
    fn verb_form(&self, i: usize) -> Option<Form> {
        if let Some(f) = self.forms(i).first() {
            return Some(*f);
        }
        let w = self.word(i);
        let (base, _) = crate::clitics::without_enclitic(w)?;
        self.lex
            .forms(base)
            .iter()
            .find(|f| f.tense != Tense::Participle)
            .copied()
    }

    /// The verb forms of token `i` (without conjunction).
    fn forms(&self, i: usize) -> &[Form] {
        let w = self.word(i);
        crate::clitics::without_conjunction(w)
            .map(|(_, r)| self.lex.forms(r))
            .find(|f| !f.is_empty())
            .unwrap_or(&[])
    }

    /// Whether the word before `i` negates it (لم، ولن، فلا).
    fn negated(&self, i: usize) -> bool {
        if !(i > 0 && self.is(i - 1, WordClass::Negation) && self.same_sentence(i - 1, i)) {
            return false;
        }
        // نفت القناة ما صرحت به: ما right after a noun or a verb is a relative, not a negation.
        let relative = self.word(i - 1) == "ما"
            && i >= 2
            && self.same_sentence(i - 2, i - 1)
            && self.feats[i - 2].word
            && self.feats[i - 2].class.is_none();
        !relative
    }

    /// A present form of the first person (أقول، ونؤكد، لن أعلق): inside a quotation, the
    /// speaker's own words.
    fn first_person(&self, at: usize) -> bool {
        self.forms(at).iter().any(|f| f.tense == Tense::Present)
            && crate::clitics::without_conjunction(self.word(at)).any(|(_, r)| {
                let r = r.strip_prefix('س').unwrap_or(r);
                r.starts_with(['ا', 'ن']) && r.chars().count() > 3
            })
    }

    /// A whole given name starts at token `k` (خالد، نور الدين), not only the first word of
    /// one (نور alone is light).
    fn given_name(&self, k: usize) -> bool {
        self.lex.names.longest(&self.words, k).is_some()
    }

    fn apply_meta(&self, d: &mut Draft, meta: &Meta) {
        d.addressee = meta.addressee;
        d.medium = meta.medium;
        d.time = meta.time;
    }
}

#[derive(Default)]
struct Meta {
    addressee: Option<(usize, usize)>,
    medium: Option<(usize, usize)>,
    time: Option<(usize, usize)>,
}

#[cfg(test)]
mod tests;
