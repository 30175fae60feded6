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

use crate::cues::{Cue, Cues, Feat};
use crate::lexicon::{Form, Frame, Lexicon, Marker, Tense, WordClass};
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
