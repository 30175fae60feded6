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

use crate::cues::{Cue, Cues, Feat};
use crate::lexicon::{Form, Frame, Lexicon, Marker, Tense, WordClass};
use crate::model::{CueKind, Gender, Number, QuoteType, SourceKind, Stance};
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

/// How far past a relative pronoun a title's holder may be named (title-relative).
const RELATIVE_REACH: usize = 30;
/// How many words of a title's complement may stand between it and a relative clause.
const TITLE_COMPLEMENT: usize = 6;
/// How far before a verb the relative pronoun of its subject's relative clause may stand.
const RELATIVE_SUBJECT: usize = 25;

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

    /// A prepositional continuation inside a name: في after an institution or before a place,
    /// من / على after an anonymity descriptor (مطلع على، مقرب من).
    fn name_continues(&self, i: usize) -> bool {
        let w = self.word(i);
        let next = self.word(i + 1);
        let prev = self.word(i.wrapping_sub(1));
        // سعيد بن علي: after بن the next word is a name, whatever else its letters spell.
        if matches!(prev, "بن" | "ابن" | "بنت") {
            return true;
        }
        // المتحدثة لي ثي هانج: a two-letter word with ل followed by a name word is a name
        // (لي), not "to me" (قالت لي إن).
        if w.chars().count() == 2 && w.starts_with('ل') {
            return self
                .feats
                .get(i + 1)
                .is_some_and(|f| grammar::name_word(f) && !f.lam && f.title == 0 && f.media == 0);
        }
        // الشركة الوطنية للنفط، الهيئة العامة للإحصاء: a definite word with ل after a body's
        // head and its adjectives names the body's field, not the one spoken to (للصحفيين).
        if let Some(field) = w.strip_prefix("لل") {
            let definite = |x: &str| crate::clitics::without_article(x) != x;
            let field_body = self.lex.bodies.longest(&[field], 0);
            let people = field.ends_with("ين") || field.ends_with("ون");
            let body_before = (i.saturating_sub(3)..i).rev().any(|k| {
                let x = self.word(k);
                self.feats[k].title == 0
                    && self.lex.bodies.starts(crate::clitics::without_article(x))
                    && (k + 1..i).all(|m| definite(self.word(m)))
            });
            return field.chars().count() >= 3
                && definite(prev)
                && body_before
                && !people
                && field_body.is_none_or(|(_, b)| {
                    !matches!(b.kind, SourceKind::Media | SourceKind::Anonymous)
                });
        }
        let next_base = crate::clitics::without_article(next);
        let inst = self.lex.bodies.starts(next_base)
            || self.lex.bodies.starts(next)
            || self.lex.places.starts(next);
        match w {
            "في" => inst && !self.is(i + 1, WordClass::Statement),
            "من" | "علي" => {
                self.lex.anonymity.starts(prev)
                    || self
                        .lex
                        .anonymity
                        .starts(crate::clitics::without_article(prev))
            }
            "عن" => self.lex.marks(prev, Marker::Issued),
            _ => false,
        }
    }

    /// A source mention at `j`, with an apposition between commas when a complement follows.
    fn mention(&self, j: usize, max: usize) -> Option<(usize, usize)> {
        // وكتبت وقتها وعند التعاقد: a preposition opens an adverbial, never a source.
        let w = self.word(j);
        if crate::clitics::without_conjunction(w)
            .any(|(_, r)| self.lex.word_class(r) == Some(WordClass::Prep))
        {
            return None;
        }
        let cont = |i: usize| self.name_continues(i);
        let (_, k) = grammar::noun_phrase(&cont, j, max)(self.feats.get(j..)?).ok()?;
        let mut end = self.speaker_end(j, j + k)?;
        // Apposition: "X، الميجور جنرال Y، إن".
        if self.feats.get(end).is_some_and(|f| f.punct == Some('،')) {
            if let Ok((_, k2)) = grammar::noun_phrase(&cont, end + 1, max)(&self.feats[end + 1..]) {
                let after = end + 1 + k2;
                let close = if self.feats.get(after).is_some_and(|f| f.punct == Some('،')) {
                    after + 1
                } else {
                    after
                };
                let closed = close > after && k2 <= 5;
                if closed
                    || self.complement(close, false).is_some()
                    || self.feats.get(close).is_some_and(|f| f.verb)
                {
                    end = after;
                }
            }
        }
        Some((j, end))
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

    /// Who can speak: where a noun phrase `s..e` stops naming a speaker, or none when its head
    /// cannot speak. A verbal noun, an adverb or a quantity heads no source (ونؤكد حرص القيادة،
    /// نفى أيضا، تشير نسبة); after the head such a word ends the mention (نفت الإدارة جملة
    /// وتفصيلا).
    fn speaker_end(&self, s: usize, e: usize) -> Option<usize> {
        let mute = |k: usize| {
            let w = self.word(k);
            crate::clitics::without_conjunction(w).any(|(_, r)| {
                self.lex.marks(r, Marker::Mute)
                    || self
                        .lex
                        .marks(crate::clitics::without_article(r), Marker::Mute)
            })
        };
        let mut head = s;
        while head + 1 < e
            && (self.lex.marks(self.word(head), Marker::Quantifier)
                || self.lex.marks(self.word(head), Marker::Same)
                || self.feats[head].is_quote())
        {
            head += 1;
        }
        // A claim is what is said, never who says it (نفت "الادعاءات الواهية").
        let claim = |k: usize| {
            crate::clitics::without_conjunction(self.word(k)).any(|(_, r)| {
                self.lex.marks(r, Marker::ClaimNoun)
                    && !self.lex.bodies.starts(crate::clitics::without_article(r))
            })
        };
        if mute(head) || claim(head) {
            return None;
        }
        Some((head + 1..e).find(|&k| mute(k)).unwrap_or(e))
    }

    /// title-relative: a title, a relative clause about its holder, then the holder's name
    /// before the complement (وقال وزير الدولة الذي يترأس وفد بلاده الشيخ فلان في تصريحات إن):
    /// where the name ends, so that the mention runs over the clause to it.
    fn named_after_relative(&self, (s, e): (usize, usize)) -> Option<usize> {
        if !(s..e).any(|k| self.feats[k].title > 0) {
            return None;
        }
        // The title's own complement may stand before the relative (وزير الدولة لشؤون مجلس
        // الوزراء الذي …).
        let e = (e..(e + TITLE_COMPLEMENT).min(self.n()))
            .take_while(|&k| self.feats[k].word && !self.feats[k].verb)
            .find(|&k| self.is(k, WordClass::Relative))?;
        let limit = (e + RELATIVE_REACH).min(self.n());
        for k in e + 2..limit {
            let f = &self.feats[k];
            if !self.same_sentence(e, k) || f.is_stop() || self.complement(k, false).is_some() {
                return None;
            }
            let w = self.word(k);
            let names =
                f.title > 0 || (crate::clitics::without_article(w) == w && self.given_name(k));
            if !names || self.feats[k - 1].is(WordClass::Prep) {
                continue;
            }
            let (_, end) = self.mention(k, 8)?;
            let mut meta = Meta::default();
            let after = self.interludes(end, &mut meta);
            return self.complement(after, false).map(|_| end);
        }
        None
    }

    fn verb(&self, at: usize, form: Form, enclitic: bool) -> Option<Draft> {
        // وجددت نفيها أن: a verbal noun with its pronoun, not a verb with its object.
        if enclitic {
            if let Some(d) = self.masdar(at) {
                return Some(d);
            }
        }
        let verb = &self.lex.verbs[form.verb];
        if at > 0 && self.same_sentence(at - 1, at) && self.is(at - 1, WordClass::Prep) {
            return None; // في رد على: a noun after a preposition
        }
        let negated = self.negated(at);
        let stance = match (negated, verb.negated, verb.stance) {
            (true, Some(s), _) => s,
            (_, _, Some(s)) => s,
            (false, _, None) => return None,
            (true, None, None) => return None,
        };
        // نقل without عن moves things, it does not relay words (وسائل نقل، نقلت الشاحنات).
        if verb.frame == Frame::Relay
            && !(at + 1..(at + 14).min(self.n()))
                .take_while(|&k| self.same_sentence(at, k))
                .any(|k| self.word(k) == "عن")
        {
            return None;
        }
        let mut d = Draft::new((at, at + 1), verb.lemma.clone(), CueKind::Verb, stance);
        // أشاد ب، شكك في: a verb whose object takes a preposition.
        let preps = self.lex.objects.get(&form.verb).map(Vec::as_slice);
        d.negated = negated;
        d.gender = form.gender;
        d.number = form.number;
        match verb.frame {
            Frame::Phrase => return self.phrase(d, at, form.verb),
            Frame::Outreach => return self.outreach(d, at),
            Frame::Statement => return self.statement(d, at),
            Frame::Accuse => {
                if let Some(found) = self.accusation(d.clone(), at, enclitic) {
                    return Some(found);
                }
            }
            _ => {}
        }
        // رفض التعليق، امتنع عن التعليق: a verb that heads a phrase tries it first.
        if self.lex.phrases.contains_key(&form.verb) {
            if let Some(found) = self.phrase(d.clone(), at, form.verb) {
                return Some(found);
            }
        }
        match form.tense {
            Tense::Participle => {
                d.kind = CueKind::Participle;
                // مشيرة إلى تدخل المديرة، محذرا من عجز: a participle of a verb that takes a
                // noun object has it after its preposition.
                let (start, object) = self
                    .complement(at + 1, false)
                    .or_else(|| {
                        (verb.frame == Frame::Object)
                            .then(|| self.prep_object(at + 1))
                            .flatten()
                    })
                    .or_else(|| {
                        preps
                            .and_then(|p| self.object_prep(p, at + 1))
                            .map(|k| (k, true))
                    })?;
                return self.finish(d, start, object);
            }
            Tense::Passive => {
                d.kind = CueKind::Passive;
                d.agentless = true;
                let (start, object) = self.complement(at + 1, false)?;
                return self.finish(d, start, object);
            }
            _ => {}
        }
        // تم وصف / يتم الإعلان: an agentless passive with its object as content.
        if at > 0 && self.lex.marks(self.word(at - 1), Marker::PassiveAux) {
            d.kind = CueKind::Passive;
            d.agentless = true;
            let start = self.complement(at + 1, true).map_or(at + 1, |(s, _)| s);
            return self.finish(d, start, false);
        }
        // "ويذكر أن"، "يتوقع أن": an impersonal formula without a source.
        if self.is(at, WordClass::Impersonal) && self.is(at + 1, WordClass::Complementizer) {
            d.kind = CueKind::Passive;
            d.agentless = true;
            return self.finish(d, at + 2, false);
        }
        let mut meta = Meta::default();
        let mut possessed_object = false;
        // بيانا أكد فيه أن: the resumptive pronoun of a relative clause.
        let first = if self.lex.marks(self.word(at + 1), Marker::InWhich) {
            at + 2
        } else {
            at + 1
        };
        let mut j = self.interludes(first, &mut meta);
        // أضاف قائلا / تابع يقول: one cue over both words.
        if let Some(k) = self.continuation(j) {
            d.cue.1 = k;
            j = self.interludes(k, &mut meta);
        }
        j = self.coordinated(j, &mut d);
        // A subject that opens its clause before the verb leaves the noun after it the object.
        // إنها هاجمت المركز: the pronoun on the complementizer is the subject.
        let pronoun_subject = {
            let mut k = at;
            while k > 0 && (self.is(k - 1, WordClass::Qad) || self.is(k - 1, WordClass::Negation)) {
                k -= 1;
            }
            k > 0
                && self.same_sentence(k - 1, at)
                && self.is(k - 1, WordClass::Complementizer)
                && self.feats[k - 1].enclitic
                && !self.feats[at].conj
        };
        let svo = (!enclitic && !pronoun_subject)
            .then(|| self.subject_clause(at))
            .flatten()
            .filter(|&(_, strong)| strong)
            .map(|(m, _)| m)
            .or_else(|| self.issuer_before(at));
        // A verb whose object takes a preposition has no bare noun object (شدد الأمن إجراءاته
        // tightens, شدد على يؤكد).
        let allow_object = preps.is_none()
            && (matches!(verb.frame, Frame::Object | Frame::Accuse)
                || (negated && verb.negated.is_some()));
        let strong_object = allow_object
            && (negated
                || svo.is_some()
                || matches!(
                    d.stance,
                    Stance::Confirms | Stance::Denies | Stance::NeitherConfirmsNorDenies
                ));
        if let Some(m) = svo {
            d.mention = Some(m);
            j = self.skip_to_complement(j, allow_object, preps);
        } else if pronoun_subject {
            j = self.skip_to_complement(j, allow_object, preps);
        } else if (self.complement(j, allow_object).is_none()
            && preps.and_then(|p| self.object_prep(p, j)).is_none())
            || self.quoted_name_at(j)
        {
            if let Some(mut m) = self.mention(j, 14) {
                // وندد الاتحاد الأوروبي بالهجوم: the subject ends where the object's
                // preposition begins.
                if let Some(cut) =
                    preps.and_then(|p| (m.0 + 1..m.1).find(|&k| self.object_prep(p, k).is_some()))
                {
                    m.1 = cut;
                }
                if let Some(e) = self.named_after_relative(m) {
                    m.1 = e;
                }
                let source_like = self.source_like(m);
                // أبدت مصادر لبنانية استغرابها: a possessed noun after the subject is the object.
                if allow_object {
                    if let Some(cut) = (m.0 + 1..m.1).find(|&k| self.possessed(k)) {
                        m.1 = cut;
                        possessed_object = true;
                    }
                    // يتهم الجمهوريون إدارة أوباما، نفت الوزارة الخبر، انتقد خالد العطية القرار:
                    // a new noun phrase starts the object.
                    let after_name = self.name_surname_end(m);
                    let headed = self.source_head(m.0);
                    if let Some(cut) = (m.0 + 1..m.1)
                        .find(|&k| self.object_head(k, headed) || Some(k) == after_name)
                    {
                        m.1 = cut;
                        possessed_object = true;
                    }
                }
                if allow_object && !source_like {
                    // هاجم وابل الانتقادات الدولية: a noun phrase no source is named by is the
                    // object of a verb whose subject is dropped.
                    possessed_object = true;
                } else {
                    d.mention = Some(m);
                    j = self.interludes(m.1, &mut meta);
                    j = self.coordinated(j, &mut d);
                }
            }
            j = self.skip_to_complement(j, allow_object, preps);
        }
        if verb.frame == Frame::Relay {
            // The relayed source may already lie behind `j` (skipped on the way to the
            // complement): look for its عن after the cue or the mention.
            let from = d.mention.map_or(at + 1, |m| m.1);
            let an = (from..=j.min(self.n() - 1)).find(|&k| self.word(k) == "عن");
            if let Some(an) = an {
                let (k, relayed) = self.relay_source(an);
                if relayed.is_some() {
                    j = j.max(k);
                    d.relayed = relayed;
                }
            }
        }
        if d.mention.is_none() {
            if let Some(m) = self.subject_before(at) {
                d.mention = Some(m);
            }
        }
        self.apply_meta(&mut d, &meta);
        // A quotation before the cue: «…»، قال X / «…»، أكد X أمام السكان.
        if let Some(q) = self
            .quote_before(at)
            .filter(|_| self.complement(j, false).is_none())
        {
            d.content = Some(q);
            d.quote = QuoteType::Direct;
            return Some(d);
        }
        if let Some((start, object)) = self.complement(j, allow_object).or_else(|| {
            preps
                .and_then(|p| self.object_prep(p, j))
                .map(|k| (k, true))
        }) {
            // لم يرد على طلب للتعليق: the request is no topic.
            if object
                && (start..(start + 4).min(self.n())).any(|k| {
                    self.is(k, WordClass::Request)
                        || self.lex.marks(self.word(k), Marker::RequestNoun)
                })
            {
                return Some(d);
            }
            // لن يقول متى …: withholding the answer to a question declines to comment.
            if negated && self.is(start, WordClass::Question) {
                d.stance = Stance::DeclinesToComment;
                return self.finish(d, start, true);
            }
            return self.finish(d, start, object);
        }
        // A noun object for verbs that confirm or deny: نفى المتحدث هذه الأنباء.
        // An apposition closed by a comma: نفى الوزير، فلان، وجود …
        if d.mention.is_some()
            && self.feats.get(j).is_some_and(|f| f.punct == Some('،'))
            && self.feats.get(j + 1).is_some_and(|f| f.word)
        {
            j += 1;
            // ردت فلانة أمس، على …
            if let Some((start, object)) = self.complement(j, allow_object) {
                return self.finish(d, start, object);
            }
        }
        if (strong_object || possessed_object) && self.feats.get(j).is_some_and(|f| f.word) {
            return self.finish(d, j, true);
        }
        if allow_object
            && (self.is(j, WordClass::Demonstrative) || self.feats.get(j).is_some_and(|f| f.any))
        {
            return self.finish(d, j, true);
        }
        // A refusal or silence without a topic: لم يرد، لم يعلق.
        if negated && matches!(d.stance, Stance::DeclinesToComment | Stance::NoResponse) {
            return Some(d);
        }
        None
    }

    /// Whether a noun phrase opens with what names a source: a title, a medium, a body, a
    /// place or a given name (المتحدث، وزارة، رويترز، إسرائيل، خالد).
    fn source_head(&self, k: usize) -> bool {
        let f = &self.feats[k];
        let w = self.word(k);
        let base = crate::clitics::without_article(w);
        f.title > 0
            || f.media > 0
            || self.lex.bodies.starts(w)
            || self.lex.bodies.starts(base)
            || self.lex.places.starts(w)
            || self.given_name(k)
    }

    /// Whether a noun phrase can name a source: a title, medium, body or quotation in it, a
    /// place, quantifier or given name at its head, or at most one word with the article (a name: خالد العطية). Two or more
    /// plain words with the article make a description of a thing (وابل الانتقادات الدولية).
    fn source_like(&self, (s, e): (usize, usize)) -> bool {
        let lex = self.lex;
        let mut definite = 0;
        for k in s..e {
            let f = &self.feats[k];
            let w = self.word(k);
            let base = crate::clitics::without_article(w);
            let head = (k == s
                && (lex.places.starts(w)
                    || lex.marks(w, Marker::Quantifier)
                    || (base == w && self.given_name(k))))
                || lex.bodies.starts(w)
                || lex.bodies.starts(base);
            if head || f.title > 0 || f.media > 0 || f.is_quote() {
                return true;
            }
            definite += usize::from(base != w);
        }
        definite < 2
    }

    /// قائلا / يقول right after a verb of saying (أضاف قائلا، تابع يقول): the end of the pair.
    fn continuation(&self, j: usize) -> Option<usize> {
        self.lex
            .marks(self.word(j), Marker::Continuation)
            .then_some(j + 1)
    }

    /// "أو تنفي" / "ولم ينف" after a negated confirm or deny: neither confirms nor denies.
    fn coordinated(&self, j: usize, d: &mut Draft) -> usize {
        if !d.negated || !matches!(d.stance, Stance::NeitherConfirmsNorDenies) {
            return j;
        }
        let mut k = j;
        if self.lex.marks(self.word(k), Marker::Coordinator) {
            k += 1;
        } else if !self.feats.get(k).is_some_and(|f| f.conj && f.verb) {
            return j;
        }
        let hit = self.forms(k).iter().any(|f| {
            let v = &self.lex.verbs[f.verb];
            matches!(v.stance, Some(Stance::Confirms | Stance::Denies))
        });
        if hit {
            d.stance = Stance::NeitherConfirmsNorDenies;
            d.also = Some(k);
            k + 1
        } else {
            j
        }
    }

    /// An SVO subject right before the verb, starting at a clause boundary.
    fn subject_before(&self, at: usize) -> Option<(usize, usize)> {
        self.subject_clause(at).map(|(m, _)| m)
    }

    /// An SVO subject before the verb, and whether a complementizer, كان, a boundary word or
    /// the sentence start opens its clause: then the noun after the verb is its object
    /// (أن الحكومة أكدت الخبر، وكانت مصادر سربت الخبر).
    fn subject_clause(&self, at: usize) -> Option<((usize, usize), bool)> {
        // وأخبرته، ويرفض: a verb with its own conjunction starts a clause of its own.
        if self.feats[at].conj {
            return None;
        }
        let mut end = at;
        while end > 0 && (self.is(end - 1, WordClass::Qad) || self.is(end - 1, WordClass::Negation))
        {
            end -= 1;
        }
        // The antecedent of a relative clause that opens the sentence: المصادر التي نقلت عنها
        // الصحيفة …، لفتت إلى أن.
        if let Some(found) = self.relative_antecedent(end, at) {
            return Some((found, true));
        }
        // An apposition between commas: وكانت النائبة في البرلمان، فلانة الفلانية، صرحت.
        if end > 3 && self.feats[end - 1].punct == Some('،') {
            let inner = self.name_back(end - 1, at)?;
            if inner < 2 || self.feats[inner - 1].punct != Some('،') || end - 1 - inner > 5 {
                return None;
            }
            let head = self.name_back(inner - 1, at)?;
            let strong = self.clause_opens(head, at)?;
            return Some(((head, end - 1), strong));
        }
        let k = self.name_back(end, at)?;
        self.clause_opens(k, at).map(|strong| ((k, end), strong))
    }

    /// A noun phrase opening its sentence, then a relative clause (التي، الذي، الذين) closed by
    /// the comma before `end`: the subject of the verb at `at`.
    fn relative_antecedent(&self, end: usize, at: usize) -> Option<(usize, usize)> {
        if end < 3 || self.feats[end - 1].punct != Some('،') {
            return None;
        }
        let relative = (end.saturating_sub(RELATIVE_SUBJECT)..end - 1)
            .rev()
            .take_while(|&k| {
                self.same_sentence(k, at)
                    && !self.feats[k].is_stop()
                    && self.feats[k].punct != Some('،')
            })
            .find(|&k| self.is(k, WordClass::Relative))?;
        let head = self.name_back(relative, at)?;
        let opens = head == 0
            || !self.same_sentence(head - 1, at)
            || self.is(head - 1, WordClass::Boundary);
        (opens && self.source_like((head, relative))).then_some((head, relative))
    }

    /// Walks back from `end` over a name (words, quoted names «…»); the name's first token.
    fn name_back(&self, end: usize, at: usize) -> Option<usize> {
        let mut k = end;
        while k > 0 && self.same_sentence(k - 1, at) && end - k < 10 {
            let f = &self.feats[k - 1];
            if f.is_close_quote() {
                // صحيفة «نيويورك تايمز» الأمريكية نشرت: a short quoted name inside the subject.
                let open = (k.saturating_sub(8)..k - 1)
                    .rev()
                    .find(|&m| self.feats[m].is_open_quote())?;
                if open + 1 == k - 1 || !self.feats[open + 1..k - 1].iter().all(|f| f.word) {
                    break;
                }
                k = open;
                continue;
            }
            if !(grammar::name_word(f) || (k - 1 > 0 && self.name_continues(k - 1)))
                || self.lex.marks(self.word(k - 1), Marker::Issue)
            {
                break;
            }
            k -= 1;
            if self.feats[k].conj {
                break;
            }
        }
        (k < end && !self.feats[k].enclitic && !self.feats[k].is_quote()).then_some(k)
    }

    /// Whether a clause opens at `k`: None if not, Some(strong) if so.
    fn clause_opens(&self, k: usize, at: usize) -> Option<bool> {
        if k == 0 || !self.same_sentence(k - 1, at) {
            return Some(true);
        }
        let prev = &self.feats[k - 1];
        if matches!(
            prev.class,
            Some(WordClass::Boundary | WordClass::Kana | WordClass::Complementizer)
        ) {
            return Some(true);
        }
        let weak = self.feats[k].conj
            || prev
                .punct
                .is_some_and(|c| matches!(c, '،' | ':' | '-' | '»' | '«' | '"'));
        weak.then_some(false)
    }

    /// أصدر الوزير بيانا أكد فيه: the subject of the issuing verb speaks through the statement.
    fn issuer_before(&self, at: usize) -> Option<(usize, usize)> {
        if at < 3
            || !self.lex.marks(self.word(at + 1), Marker::InWhich)
            || !self.statement_at(at - 1)
        {
            return None;
        }
        let end = at - 1;
        let start = (end.saturating_sub(10)..end)
            .rev()
            .take_while(|&k| self.same_sentence(k, at))
            .find(|&k| self.lex.marks(self.word(k), Marker::Issue))?
            + 1;
        (start < end && self.feats[start..end].iter().all(grammar::name_word))
            .then_some((start, end))
    }

    /// A noun of statement, also in the accusative (بيانا، تقريرا).
    fn statement_at(&self, k: usize) -> bool {
        self.feats[k].statement
            || self
                .word(k)
                .strip_suffix('ا')
                .is_some_and(|b| self.lex.word_class(b) == Some(WordClass::Statement))
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
