//! Stage 6: attributions from cues, over the classified token stream.
//!
//! # Grammar
//!
//! Each production, then `→` the file and functions that implement it and `[…]` the groups of
//! cases.tsv that test it. Upper case is a word class or lexicon list; `skip` is what
//! `skip_to_complement` passes over on the way to a complement.
//!
//! ```text
//! verb-attr      = [neg] VERB ["فيه"] interlude* [continuation] [coord] subject skip verb-content
//!                  → verb.rs: verb, active, after_verb   [vso, svo, negated, confirms, denies]
//! subject        = subject-before | pronoun-subject | issuer | subject-after | ε (pro-drop)
//! subject-before = NAME [qad] [neg] VERB, its clause opened by a boundary, كان, a complementizer
//!                  or the sentence start                               (SVO, وكانت مصادر قد …)
//!                  → subject.rs: subject_clause, name_back, clause_opens
//!                    [svo, kana_qad, svo_object]
//!                | NAME "،" apposition "،" VERB             (وكانت النائبة، فلانة الفلانية، صرحت)
//!                  → subject.rs: subject_clause   [svo_object]
//!                | NAME REL clause "،" VERB      (المصادر التي تحدثت إليها الصحيفة، لفتت إلى أن)
//!                  → subject.rs: relative_antecedent   [relative_subject]
//! pronoun-subject= COMPLEMENTIZER+PRONOUN [qad] [neg] VERB                     (إنها هاجمت المركز)
//!                  → verb.rs: pronoun_subject   [svo_object]
//! issuer         = ISSUE-VERB NAME STATEMENT-NOUN VERB "فيه"          (أصدر الوزير بيانا أكد فيه)
//!                  → subject.rs: issuer_before, statement_at   [statement_source]
//! subject-after  = mention [title-relative], cut where object-prep, a possessed noun or an
//!                  object head starts; a phrase that names no source is the object instead
//!                  (ندد الاتحاد بالهجوم، أبدت مصادر استغرابها، نفت الوزارة الخبر)
//!                  → verb.rs: subject_after; complement.rs: possessed, object_head,
//!                    name_surname_end   [vso, object_not_source, prep_object]
//! mention        = noun-phrase ["،" apposition "،"] ended where its head stops naming a speaker
//!                                             (X، الميجور جنرال Y، إن؛ الهيئة العامة للإحصاء)
//!                  → subject.rs: mention, name_continues, speaker_end, source_like;
//!                    grammar.rs: noun_phrase   [who_can_speak, body_field, lam_name]
//! quoted-name    = quote of at most three words before a complementizer or a word
//!                                                                       (وقالت «دي فيلت» إن)
//!                  → quotes.rs: quoted_name_at; grammar.rs: noun_phrase
//!                    [quoted_subject, svo_object]
//! title-relative = TITLE [its complement] REL clause NAME interlude* complement
//!                                  (وقال وزير الدولة الذي يترأس وفد بلاده الشيخ فلان إن)
//!                  → subject.rs: named_after_relative   [title_relative]
//! verb-content   = quote-before | complement content | object-prep content
//!                | ["،" apposition "،"] complement content | noun-object | ε (refusal, silence)
//!                  → verb.rs: verb_content; complement.rs: finish   [direct, mixed, no_response]
//! quote-before   = quote "،" VERB mention                                        («…»، قال X)
//!                  → quotes.rs: quote_before   [cue_after_quote]
//! participle     = PARTICIPLE (complement | prep-object | object-prep) content
//!                                                             (مضيفا أن، مشيرة إلى، قائلا:)
//!                  → verb.rs: participle   [participle, prep_object]
//! agentless      = PASSIVE complement content | PASSIVE-AUX VERB [complement] content
//!                | IMPERSONAL COMPLEMENTIZER content                 (قيل إن، تم وصف، يذكر أن)
//!                  → verb.rs: verb, agentless_start   [agentless]
//! continuation   = VERB CONTINUATION                                   (أضاف قائلا، تابع يقول)
//!                  → verb.rs: continuation   [participle, pro_drop, colon_quote]
//! coord          = ("أو" | "و" | "ولم") VERB after a negated confirm or deny   (لن تؤكد أو تنفي)
//!                  → verb.rs: coordinated   [neither]
//! relay          = "نقل" mention "عن" mention ["قوله"] complement content    (نقلت X عن Y قوله إن)
//!                  → verb.rs: relays, relayed; frames.rs: relay_source   [relayed]
//! prep-attr      = PREP ["ما" VERB] mention ["،" ["فإن"]] content         (وبحسب الوكالة، فإن …)
//!                | clause "،" PREP mention                                   (… ، وفقا لمصدر)
//!                  → prepositional.rs: prep, cue_verb, describes_source, reports_itself,
//!                    sentence_before, clause_after, clause_qualified, clause_start, sourcey
//!                    [according_to, prep_before, prep_after, trailing_after_prep]
//! refusal        = [neg] HEAD [mention | "،" apposition "،"] REST [("على" | "عن") topic]
//!                                            (رفض X التعليق، أصر فلان، والد الطفل، على نفي …)
//!                | neg HEAD REST mention                               (لم يتسن الوصول إلى X)
//!                  → frames.rs: phrase, phrase_at, phrase_subject, phrase_topic
//!                    [refusal, persist_phrase, phrase]
//! outreach       = VERB mention ("مع" | "إلى" | ب-) addressee … REQUEST  (تواصلت X مع Y للتعليق)
//!                  → frames.rs: outreach   [outreach]
//! statement      = "جاء" "في" STATEMENT-NOUN … complement content            (وجاء في البيان أن)
//!                  → frames.rs: statement   [statement_source]
//! accusation     = VERB [subject] target ب-charge                        (اتهمت X Y بتهريب أموال)
//!                | HEAD [subject] REST ("إلى" | "على") target [charge]
//!                                                            (وجهت X أصابع الاتهام إلى Y)
//!                  → frames.rs: accusation, accused_at, charge_at, accused_start   [accusation]
//! masdar         = LIGHT-VERB [subject] MASDAR+pronoun COMPLEMENTIZER content
//!                                                                    (وكرر الوزير تأكيده أن)
//!                  → masdar.rs: masdar   [masdar]
//! formula        = FORMULA mention [("في" | "عن" | "بشأن") topic]      (لم تكن هناك كلمة من X)
//!                  → formulas.rs: formula   [no_response]
//! headline       = NAME ":" content                                           (first line only)
//!                  → formulas.rs: headline   [headline]
//! interlude      = time | addressee | medium | dashed-aside          (-وهو أكبر البنوك- إن)
//!                  → complement.rs: interludes, dashed_aside; grammar.rs: time, addressee,
//!                    medium, interlude   [time_between, addressee_between, medium_between]
//! skip           = (comma-aside | anonymity reason | relative clause | interlude
//!                  | PREP mention | name word)*          (المصدر، الذي رفض الكشف عن اسمه، …)
//!                  → complement.rs: skip_to_complement   [object_not_source, comma_aside]
//! comma-aside    = "،" (PREP | BOUNDARY | TIME) … "،", no verb  (شددت الشركة، بعد ساعات من …، على)
//!                  → complement.rs: comma_aside   [comma_aside]
//! complement     = "إن" | "أن" | "بأن" | ("إلى" | "على" | "من") "أن" | ":" | quote | QUESTION
//!                  → complement.rs: complement   [colon_quote, direct, negated]
//! prep-object    = ("عن" | "على" | "إلى" | "من") noun, for a verb that takes a noun object
//!                                                                 (أشار إلى تراجع، حذر من عجز)
//!                  → complement.rs: prep_object   [prep_object]
//! object-prep    = OBJECT-PREP noun | ب-noun, the verb's own preposition from
//!                  src/lexicon/objects.tsv                      (أشاد بالقرار، شكك في صحة الأرقام)
//!                  → complement.rs: object_prep   [prep_object]
//! noun-object    = noun phrase up to object-end               (نفى المتحدث هذه الأنباء)
//! object-end     = medium | "،" BOUNDARY | dated time | attached REL | BOUNDARY VERB
//!                                                  (أكدت الوزارة ذلك في بيان، أعلن عزله في يوليو)
//!                  → complement.rs: finish, object_end   [object_end, svo_object]
//! content        = … up to the next cue or the end of the quotation or clause
//!                  → content.rs: end, quote_type; complement.rs: content_from, joins_cue,
//!                    content_stance (a denial opening it: لا صحة لـ)
//!                    [multi_paragraph_quote, mixed, denies]
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

/// Gives a prepositional cue that stands between a verb cue and the verb's content (أفادت
/// القناة «نقلا عن» مصادر بأن …) the verb's content and quote type. Drafts are in text order,
/// and a verb between a cue and its content is no cue: the verb is the last one before.
fn share_relayed_content(drafts: &mut [Draft]) {
    let mut verb: Option<usize> = None;
    for i in 0..drafts.len() {
        match drafts[i].kind {
            CueKind::Verb if drafts[i].content.is_some() => verb = Some(i),
            CueKind::Preposition => {
                let Some(v) = verb else { continue };
                let (cue, content, quote) = (drafts[v].cue, drafts[v].content, drafts[v].quote);
                let d = &mut drafts[i];
                if content.is_some_and(|(cs, _)| cue.1 <= d.cue.0 && d.cue.1 <= cs) {
                    d.content = content;
                    d.quote = quote;
                }
            }
            _ => {}
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
    // وأفادت القناة نقلا عن مصادر بأن …: a prepositional cue between a verb and its content
    // relays that content; the clause before it is the verb's own.
    share_relayed_content(&mut out);
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
