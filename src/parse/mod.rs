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

mod content;
pub mod grammar;

use crate::cues::{Cue, Cues, Feat};
use crate::lexicon::{Form, Frame, Lexicon, Tense, WordClass};
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
}

/// Parses every cue into attributions, in text order.
pub fn parse(doc: &Document, lex: &Lexicon, cues: &Cues, skip_paragraph: &[bool]) -> Vec<Draft> {
    let p = Parser::new(doc, lex, &cues.feats);
    let mut used = vec![false; doc.len()];
    let mut out: Vec<Draft> = Vec::new();
    if let Some(d) = p.headline(skip_paragraph) {
        out.push(d);
    }
    for cue in &cues.cues {
        let at = cue.start();
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
            Cue::Prep {
                start,
                end,
                stance,
                needs_lam,
            } => p.prep(start, end, stance, needs_lam),
            Cue::Formula {
                start,
                end,
                cue,
                stance,
            } => p.formula(start, end, cue, stance),
        };
        if let Some(d) = draft {
            for u in &mut used[d.cue.0..d.cue.1] {
                *u = true;
            }
            used[at] = true;
            if let Some(k) = d.also {
                used[k] = true;
            }
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
        i > 0 && self.is(i - 1, WordClass::Negation) && self.same_sentence(i - 1, i)
    }

    /// A cue starting at `i` that ends content before it: a participle, a prepositional
    /// cue, or a new clause (و / لكن …) whose verb of saying has its own complement.
    fn joins_cue(&self, i: usize) -> bool {
        let Some(f) = self.feats.get(i) else {
            return false;
        };
        if !f.word {
            return false;
        }
        let after_punct = i > 0 && self.feats[i - 1].punct.is_some();
        let participle = f.verb && self.forms(i).iter().any(|fm| fm.tense == Tense::Participle);
        let w = self.word(i);
        let prep = crate::clitics::without_conjunction(w).any(|(_, r)| self.lex.preps.starts(r));
        if (participle || prep) && after_punct {
            return true;
        }
        let loose_and = i > 0 && self.word(i - 1) == "و";
        // A new clause opens with و or after punctuation (، لكن المسؤولين قالوا إن).
        if !(f.conj || loose_and || after_punct) {
            return false;
        }
        (i..(i + 5).min(self.n()))
            .take_while(|&k| self.same_sentence(i, k))
            .find(|&k| self.feats[k].finite)
            .is_some_and(|k| {
                (k + 1..(k + 4).min(self.n())).any(|m| self.complement(m, false).is_some())
            })
    }

    fn content_from(&self, start: usize) -> Option<(usize, usize)> {
        if start >= self.n() {
            return None;
        }
        let end = content::end(self.doc, self.feats, &self.roles, start, |i| {
            self.joins_cue(i)
        });
        (end > start).then_some((start, end))
    }

    /// Where content begins after position `j`: (content start, quote-less noun object).
    fn complement(&self, j: usize, allow_object: bool) -> Option<(usize, bool)> {
        let f = self.feats.get(j)?;
        if f.is(WordClass::Complementizer) {
            return Some((j + 1, false));
        }
        if f.punct == Some(':') {
            return Some((j + 1, false));
        }
        if self.roles[j] == 1 {
            return Some((j, false));
        }
        // لن يقول متى …، لم يوضح كيف …: an indirect question.
        if f.is(WordClass::Question) {
            return Some((j, false));
        }
        let w = self.word(j);
        if matches!(w, "الي" | "علي" | "من") && self.is(j + 1, WordClass::Complementizer) {
            return Some((j + 2, false));
        }
        let next_word = self.feats.get(j + 1).is_some_and(|f| f.word && !f.lam);
        if allow_object && matches!(w, "عن" | "علي" | "الي") && next_word {
            return Some((j + 1, true));
        }
        None
    }

    /// Skips interludes from `j`; returns the new position and the spans seen.
    fn interludes(&self, mut j: usize, meta: &mut Meta) -> usize {
        while j < self.n() {
            let rest = &self.feats[j..];
            if let Ok((_, k)) = grammar::time(rest) {
                meta.time.get_or_insert((j, j + k));
                j += k;
            } else if let Ok((_, k)) = grammar::medium(rest) {
                meta.medium.get_or_insert((j, j + k));
                j += k;
            } else if let Ok((_, k)) = grammar::addressee(rest) {
                if self.complement(j, false).is_some() {
                    break;
                }
                meta.addressee.get_or_insert((j, j + k));
                j += k;
            } else {
                break;
            }
        }
        j
    }

    /// A prepositional continuation inside a name: في after an institution or before a place,
    /// من / على after an anonymity descriptor (مطلع على، مقرب من).
    fn name_continues(&self, i: usize) -> bool {
        let w = self.word(i);
        let next = self.word(i + 1);
        let prev = self.word(i.wrapping_sub(1));
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
            "عن" => matches!(prev, "صادر" | "صادره" | "الصادر" | "الصادره"),
            _ => false,
        }
    }

    /// A source mention at `j`, with an apposition between commas when a complement follows.
    fn mention(&self, j: usize, max: usize) -> Option<(usize, usize)> {
        let cont = |i: usize| self.name_continues(i);
        let (_, k) = grammar::noun_phrase(&cont, j, max)(self.feats.get(j..)?).ok()?;
        let mut end = j + k;
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

    fn verb(&self, at: usize, form: Form, enclitic: bool) -> Option<Draft> {
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
        let mut d = Draft {
            cue: (at, at + 1),
            lemma: verb.lemma.clone(),
            kind: CueKind::Verb,
            stance,
            negated,
            mention: None,
            content: None,
            quote: QuoteType::None,
            gender: form.gender,
            number: form.number,
            agentless: false,
            addressee: None,
            medium: None,
            time: None,
            also: None,
        };
        match verb.frame {
            Frame::Phrase => return self.phrase(d, at, form.verb),
            Frame::Outreach => return self.outreach(d, at),
            Frame::Statement => return self.statement(d, at),
            _ => {}
        }
        if let Some(phr) = self.lex.phrases.get(&form.verb) {
            if let Some(found) = self
                .phrase(d.clone(), at, form.verb)
                .filter(|_| !phr.is_empty())
            {
                return Some(found);
            }
        }
        match form.tense {
            Tense::Participle => {
                d.kind = CueKind::Participle;
                let (start, object) = self.complement(at + 1, false)?;
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
        if at > 0 && matches!(self.word(at - 1), "تم" | "يتم" | "وتم" | "سيتم") {
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
        let mut j = self.interludes(at + 1, &mut meta);
        // أضاف قائلا / تابع يقول: one cue over both words.
        if let Some(k) = self.continuation(j) {
            d.cue.1 = k;
            j = self.interludes(k, &mut meta);
        }
        j = self.coordinated(j, &mut d);
        let allow_object =
            matches!(verb.frame, Frame::Object) || (negated && verb.negated.is_some());
        let strong_object = allow_object
            && (negated
                || matches!(
                    d.stance,
                    Stance::Confirms | Stance::Denies | Stance::NeitherConfirmsNorDenies
                ));
        if (self.complement(j, allow_object).is_none() || self.quoted_name_at(j)) && !enclitic {
            if let Some(mut m) = self.mention(j, 14) {
                // أبدت مصادر لبنانية استغرابها: a possessed noun after the subject is the object.
                if allow_object {
                    if let Some(cut) = (m.0 + 1..m.1).find(|&k| self.possessed(k)) {
                        m.1 = cut;
                        possessed_object = true;
                    }
                }
                d.mention = Some(m);
                j = self.interludes(m.1, &mut meta);
                j = self.coordinated(j, &mut d);
            }
            j = self.skip_to_complement(j, &mut meta);
        }
        if verb.frame == Frame::Relay {
            j = self.relay_source(j);
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
        if let Some((start, object)) = self.complement(j, allow_object) {
            // لم يرد على طلب للتعليق: the request is no topic.
            if object
                && (start..(start + 4).min(self.n()))
                    .any(|k| self.is(k, WordClass::Request) || self.word(k).starts_with("طلب"))
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

    /// A noun with a possessive pronoun (استغرابها، موقفهم) that is no title, body or place.
    fn possessed(&self, k: usize) -> bool {
        let w = self.word(k);
        let f = &self.feats[k];
        (w.ends_with("ها") || w.ends_with("هم"))
            && f.word
            && f.title == 0
            && f.media == 0
            && !self.lex.bodies.starts(crate::clitics::without_article(w))
            && !self.lex.places.starts(w)
    }

    /// قائلا / يقول right after a verb of saying (أضاف قائلا، تابع يقول): the end of the pair.
    fn continuation(&self, j: usize) -> Option<usize> {
        let forms = self.forms(j);
        let is_qala = forms.iter().any(|f| {
            self.lex.verbs[f.verb].lemma == "قال"
                && matches!(f.tense, Tense::Participle | Tense::Present)
        });
        let bil_qawl = self.word(j) == "بالقول";
        ((is_qala && !self.feats[j].conj) || bil_qawl).then_some(j + 1)
    }

    /// "أو تنفي" / "ولم ينف" after a negated confirm or deny: neither confirms nor denies.
    fn coordinated(&self, j: usize, d: &mut Draft) -> usize {
        if !d.negated || !matches!(d.stance, Stance::NeitherConfirmsNorDenies) {
            return j;
        }
        let mut k = j;
        if matches!(self.word(k), "او" | "و" | "ولا" | "ولم" | "ولن" | "اولم") {
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

    /// After a mention, place phrases, interludes between commas and a relative clause
    /// (المصدر، الذي رفض الكشف عن اسمه، …) may stand before the complement.
    fn skip_to_complement(&self, j: usize, meta: &mut Meta) -> usize {
        let mut k = j;
        let limit = (j + 16).min(self.n());
        while k < limit {
            if self.complement(k, false).is_some() {
                return k;
            }
            let f = &self.feats[k];
            if f.is(WordClass::Relative) {
                // The relative clause runs to the next comma or complementizer.
                let end = (k + 1..(k + 12).min(self.n())).find(|&m| {
                    self.feats[m].punct == Some('،') || self.is(m, WordClass::Complementizer)
                });
                match end {
                    Some(m) => k = m,
                    None => break,
                }
                continue;
            }
            if let Ok((_, n)) = grammar::interlude(&self.feats[k..]) {
                k += n;
                continue;
            }
            // أفادت القناة نقلا عن مصادر بأن …: a relayed source before the complement.
            if let Some((p, _)) =
                crate::clitics::without_conjunction(self.word(k)).find_map(|(_, r)| {
                    self.lex
                        .preps
                        .longest_with(r, |m| self.words.get(k + m).copied())
                })
            {
                let after = k + p;
                k = self.mention(after, 10).map_or(after, |(_, e)| e);
                continue;
            }
            if f.is_stop()
                || (f.verb && f.finite)
                || f.is_quote()
                || f.punct.is_some_and(|c| c != '،')
            {
                break;
            }
            if f.word
                && !(f.is(WordClass::Prep)
                    || f.is(WordClass::Demonstrative)
                    || grammar::name_word(f))
            {
                break;
            }
            k += 1;
        }
        let _ = meta;
        j
    }

    /// A short quotation followed by a word is a name («جبهة الفدائيين» المنشقة), not a quote.
    fn quoted_name_at(&self, j: usize) -> bool {
        if self.roles.get(j) != Some(&1) {
            return false;
        }
        let close = (j + 1..(j + 8).min(self.n())).find(|&k| self.roles[k] == -1);
        close.is_some_and(|c| {
            self.feats[j + 1..c].iter().all(|f| f.word)
                && self
                    .feats
                    .get(c + 1)
                    .is_some_and(|f| f.word && !f.is(WordClass::Complementizer))
        })
    }

    /// نقلت X عن Y قوله إن: skips "عن Y قوله" to the complement.
    fn relay_source(&self, j: usize) -> usize {
        if self.word(j) != "عن" {
            return j;
        }
        let Some((_, end)) = self.mention(j + 1, 10) else {
            return j;
        };
        let mut k = end;
        if self.word(k).starts_with("قول") {
            k += 1;
        }
        if self.complement(k, false).is_some() {
            k
        } else {
            j
        }
    }

    /// An SVO subject right before the verb, starting at a clause boundary.
    fn subject_before(&self, at: usize) -> Option<(usize, usize)> {
        let mut k = at;
        while k > 0 && (self.is(k - 1, WordClass::Qad) || self.is(k - 1, WordClass::Negation)) {
            k -= 1;
        }
        let end = k;
        while k > 0
            && self.same_sentence(k - 1, at)
            && (grammar::name_word(&self.feats[k - 1]) || (k - 1 > 0 && self.name_continues(k - 1)))
            && end - k < 10
        {
            k -= 1;
            if self.feats[k].conj {
                break;
            }
        }
        // A quoted name inside the subject: «جبهة الفدائيين» المنشقة أعلنت.
        if k == end {
            return None;
        }
        let starts_clause = k == 0
            || !self.same_sentence(k - 1, at)
            || self.feats[k].conj
            || self.feats[k - 1]
                .punct
                .is_some_and(|c| matches!(c, '،' | ':' | '-' | '»' | '«' | '"'))
            || matches!(
                self.feats[k - 1].class,
                Some(WordClass::Boundary | WordClass::Kana | WordClass::Complementizer)
            );
        (starts_clause && !self.feats[k].enclitic).then_some((k, end))
    }

    /// The quotation ending just before `«…»، VERB`.
    fn quote_before(&self, at: usize) -> Option<(usize, usize)> {
        if at < 3 || self.feats[at - 1].punct != Some('،') || self.roles[at - 2] != -1 {
            return None;
        }
        let mut depth = 0i32;
        let mut k = at - 2;
        loop {
            depth += self.roles[k] as i32;
            if depth == 0 {
                return Some((k, at - 1));
            }
            if k == 0 || at - k > 600 {
                return None;
            }
            k -= 1;
        }
    }

    fn apply_meta(&self, d: &mut Draft, meta: &Meta) {
        d.addressee = meta.addressee;
        d.medium = meta.medium;
        d.time = meta.time;
    }

    fn finish(&self, mut d: Draft, start: usize, object: bool) -> Option<Draft> {
        let (s, e) = self.content_from(start)?;
        let e = if object { self.object_end(s, e) } else { e };
        d.content = Some((s, e));
        d.quote = if object {
            QuoteType::None
        } else {
            content::quote_type(&self.roles, s, e)
        };
        if !object && matches!(d.quote, QuoteType::Indirect | QuoteType::Mixed) {
            d.stance = self.content_stance(s, d.stance);
        }
        Some(d)
    }

    /// A noun object ends before a medium phrase (أكدت الوزارة ذلك في بيان).
    fn object_end(&self, s: usize, e: usize) -> usize {
        (s + 1..e)
            .find(|&k| grammar::medium(&self.feats[k..]).is_ok())
            .unwrap_or(e)
    }

    /// Content that opens by denying (لا صحة لـ، لا أساس له من الصحة) makes a denial.
    fn content_stance(&self, s: usize, stance: Stance) -> Stance {
        let denial = (s..(s + 10).min(self.n())).any(|k| {
            let (w0, w1) = (self.word(k), self.word(k + 1));
            (w0 == "لا" && (w1 == "صحه" || w1 == "اساس"))
                || (matches!(w0, "عار" | "عاريه") && w1 == "عن")
        });
        if denial && stance == Stance::Asserts {
            Stance::Denies
        } else {
            stance
        }
    }

    fn phrase(&self, mut d: Draft, at: usize, verb: usize) -> Option<Draft> {
        let phrases = self.lex.phrases.get(&verb)?;
        let limit = (at + 14).min(self.n());
        for k in at + 1..limit {
            if self.feats[k].is_stop()
                || (self.feats[k].punct.is_some() && k > at + 1 && !self.feats[k].is_quote())
            {
                break;
            }
            for phr in phrases {
                let fits = phr.rest.iter().enumerate().all(|(m, w)| {
                    let t = self.word(k + m);
                    t == w || crate::clitics::without_conjunction(t).any(|(_, r)| r == w)
                });
                if !fits {
                    continue;
                }
                if phr.source_after && !d.negated && self.lex.verbs[verb].stance.is_none() {
                    continue;
                }
                let after = k + phr.rest.len();
                d.kind = CueKind::Refusal;
                d.stance = phr.stance;
                if k == at + 1 {
                    d.cue.1 = after;
                }
                if phr.source_after {
                    d.mention = self.mention(after, 8);
                    return Some(d);
                }
                d.mention = if k > at + 1 {
                    Some((at + 1, k))
                } else {
                    self.subject_before(at)
                };
                let ends_in_prep = phr
                    .rest
                    .last()
                    .is_some_and(|w| matches!(w.as_str(), "علي" | "عن"));
                if ends_in_prep && self.feats.get(after).is_some_and(|f| f.word) {
                    // تحفظ على ذكر الأسماء: the topic follows the phrase.
                    d.content = self.content_from(after);
                } else if matches!(self.word(after), "علي" | "عن" | "بشان" | "حول")
                    && self.feats.get(after + 1).is_some_and(|f| f.word)
                {
                    if let Some((s, e)) = self.content_from(after + 1) {
                        d.content = Some((s, e));
                    }
                } else if matches!(
                    phr.stance,
                    Stance::Denies | Stance::NeitherConfirmsNorDenies
                ) {
                    let start = if self.is(after, WordClass::Complementizer) {
                        after + 1
                    } else {
                        after
                    };
                    if let Some(c) = self.content_from(start) {
                        d.content = Some(c);
                        d.quote = content::quote_type(&self.roles, c.0, c.1);
                        if phr.rest.len() == 1 && phr.stance == Stance::Denies {
                            // رفض الاتهامات: the object itself is the content.
                            d.content = Some((k, c.1));
                            d.quote = QuoteType::None;
                        }
                    }
                }
                if d.quote == QuoteType::Indirect && d.content.is_none() {
                    d.quote = QuoteType::None;
                }
                return Some(d);
            }
        }
        None
    }

    /// تواصلت X مع Y للتعليق: the source is Y, who has not answered.
    fn outreach(&self, mut d: Draft, at: usize) -> Option<Draft> {
        let limit = (at + 16).min(self.n());
        let request = (at + 1..limit)
            .take_while(|&k| !self.feats[k].is_stop())
            .find(|&k| self.is(k, WordClass::Request))?;
        d.kind = CueKind::Outreach;
        d.stance = Stance::NoResponse;
        // طلبت تعليقا من السفارة / سعت للحصول على تعليق من المكتب: the one asked follows من.
        if self.word(request + 1) == "من" {
            d.mention = self.mention(request + 2, 10);
            return d.mention.map(|_| d);
        }
        let target = (at + 1..request).find(|&k| {
            matches!(self.word(k), "مع" | "الي" | "ب")
                || (self.word(k).starts_with('ب') && self.sourcey((k, k + 1)))
        })?;
        let from = if self.word(target).chars().count() > 1
            && !matches!(self.word(target), "مع" | "الي")
        {
            target
        } else {
            target + 1
        };
        let end = (from..request)
            .find(|&k| matches!(self.word(k), "للحصول" | "لطلب"))
            .unwrap_or(request);
        d.mention = Some((from, end)).filter(|(s, e)| s < e);
        d.mention?;
        Some(d)
    }

    /// وجاء في البيان أن: the statement is the source.
    fn statement(&self, mut d: Draft, at: usize) -> Option<Draft> {
        if self.word(at + 1) != "في" {
            return None;
        }
        let noun = crate::clitics::without_article(self.word(at + 2));
        let is_statement = self
            .lex
            .bodies
            .longest_with(noun, |_| None)
            .is_some_and(|(_, b)| b.kind == crate::model::SourceKind::Document)
            || self.is(at + 2, WordClass::Statement);
        if !is_statement {
            return None;
        }
        let m = self.mention(at + 2, 10)?;
        d.mention = Some(m);
        let (start, _) = self.complement(m.1, false)?;
        self.finish(d, start, false)
    }

    fn prep(&self, start: usize, end: usize, stance: Stance, needs_lam: bool) -> Option<Draft> {
        let mut d = Draft {
            cue: (start, end),
            lemma: self.doc.folded(start, end).to_string(),
            kind: CueKind::Preposition,
            stance,
            negated: false,
            mention: None,
            content: None,
            quote: QuoteType::Indirect,
            gender: Gender::Unknown,
            number: Number::Unknown,
            agentless: false,
            addressee: None,
            medium: None,
            time: None,
            also: None,
        };
        let mut j = end;
        if needs_lam && !self.feats.get(j).is_some_and(|f| f.word && f.lam) {
            return None;
        }
        // بحسب ما ذكرت X / حسبما نقلت X: the verb joins the cue and gives its stance.
        let ends_with_ma = self.word(end - 1).ends_with("ما");
        if ends_with_ma {
            if let Some(form) = self.verb_form(j) {
                let v = &self.lex.verbs[form.verb];
                d.cue.1 = j + 1;
                d.stance = v.stance.unwrap_or(stance);
                d.gender = form.gender;
                d.number = form.number;
                j += 1;
            }
        }
        // "لـ«رويترز»": the preposition stands alone before a quoted name.
        let m_start = j;
        let mut meta = Meta::default();
        let k = if self.word(j) == "ل" { j + 1 } else { j };
        let m = self.mention(k, 12).map(|(_, e)| (m_start, e));
        let j = match m {
            Some((_, e)) => self.interludes(e, &mut meta),
            None => j,
        };
        // بحسب قدرته، حسب المسافة: a measure, not a source.
        if d.cue.1 == end && !m.is_some_and(|m| self.sourcey(m)) {
            return None;
        }
        d.mention = m;
        let sent = self.doc.tokens[start].sentence as usize;
        let (s_start, _) = self.doc.sentences[sent];
        let at_clause_start = start == s_start
            || self.feats[start - 1]
                .punct
                .is_some_and(|c| matches!(c, ':' | '«' | '"'))
            || (self.feats[start].conj && self.feats[start - 1].punct.is_some());
        let ends_sentence =
            self.feats.get(j).is_none_or(|f| f.is_stop()) || !self.same_sentence(start, j);
        if at_clause_start && ends_sentence && sent > 0 {
            // "… . بحسب رويترز." qualifies the sentence before.
            let (ps, pe) = self.doc.sentences[sent - 1];
            let e = (ps..pe)
                .rev()
                .find(|&k| !self.feats[k].is_stop())
                .map_or(ps, |k| k + 1);
            d.content = Some((ps, e)).filter(|(s, e)| s < e);
        } else if at_clause_start {
            let mut c = j;
            if self.feats.get(c).is_some_and(|f| f.punct == Some('،')) {
                c += 1;
            }
            if matches!(self.word(c), "فان" | "فانه" | "فانها" | "فقد" | "ف") {
                c += 1;
            }
            if let Some(k) = self
                .complement(c, false)
                .filter(|_| self.is(c, WordClass::Complementizer))
            {
                c = k.0;
            }
            let (s, e) = self.content_from(c)?;
            d.content = Some((s, e));
        } else {
            let mut e = start;
            while e > s_start
                && self.feats[e - 1]
                    .punct
                    .is_some_and(|c| matches!(c, '،' | '-'))
            {
                e -= 1;
            }
            let s = self.clause_start(s_start, e);
            // The clause the phrase qualifies starts after the last complementizer or relative
            // pronoun before it (أكد أن الحرب التي خلفت … وفقا لـ…).
            let s = (s..e)
                .rev()
                .find(|&k| self.is(k, WordClass::Complementizer) || self.is(k, WordClass::Relative))
                .map_or(s, |k| k + 1);
            if s >= e {
                return None;
            }
            d.content = Some((s, e));
        }
        let (s, e) = d.content?;
        d.quote = content::quote_type(&self.roles, s, e);
        Some(d)
    }

    /// Whether a mention names something that can speak: a head noun of a source, a title, a
    /// medium, a place or a quoted name.
    fn sourcey(&self, (s, e): (usize, usize)) -> bool {
        (s..e.min(s + 3)).any(|k| {
            let w = self.word(k);
            let base = crate::clitics::without_article(w);
            let bare = if w.starts_with('ل') && base == w {
                &w['ل'.len_utf8()..]
            } else {
                base
            };
            let f = &self.feats[k];
            f.title > 0
                || f.media > 0
                || self.roles[k] == 1
                || [w, base, bare].iter().any(|x| {
                    self.lex.bodies.starts(x)
                        || self.lex.titles.starts(x)
                        || self.lex.media.starts(x)
                        || self.lex.places.starts(x)
                        || self.lex.titles.starts(&format!("ال{x}"))
                })
        })
    }

    /// The start of the clause that ends at `e`: the sentence start, or after a colon.
    fn clause_start(&self, s_start: usize, e: usize) -> usize {
        (s_start..e)
            .rev()
            .find(|&k| self.feats[k].punct == Some(':'))
            .map_or(s_start, |k| k + 1)
    }

    fn formula(&self, start: usize, end: usize, cue: usize, stance: Stance) -> Option<Draft> {
        let m = self.mention(end, 8)?;
        let mut d = Draft {
            cue: (cue, cue + 1),
            lemma: self.doc.folded(start, end).to_string(),
            kind: CueKind::Refusal,
            stance,
            negated: true,
            mention: Some(m),
            content: None,
            quote: QuoteType::None,
            gender: Gender::Unknown,
            number: Number::Unknown,
            agentless: false,
            addressee: None,
            medium: None,
            time: None,
            also: None,
        };
        if matches!(self.word(m.1), "في" | "عن" | "بشان" | "حول") {
            d.content = self.content_from(m.1 + 1);
        }
        Some(d)
    }

    /// "جوبا: لم نسمح …" — the first line, short, a name before a colon.
    fn headline(&self, skip: &[bool]) -> Option<Draft> {
        let para =
            (0..self.doc.paragraphs.len()).find(|&p| !skip.get(p).copied().unwrap_or(false))?;
        let (s, e) = self.doc.paragraphs[para];
        if e - s > 25 || self.feats[s..e].iter().any(|f| f.is_stop()) {
            return None;
        }
        let colon = (s + 1..(s + 6).min(e)).find(|&k| self.feats[k].punct == Some(':'))?;
        if !self.feats[s..colon].iter().all(grammar::name_word) || colon + 1 >= e {
            return None;
        }
        let content = (colon + 1, e);
        Some(Draft {
            cue: (colon, colon + 1),
            lemma: ":".into(),
            kind: CueKind::Headline,
            stance: self.content_stance(colon + 1, Stance::Asserts),
            negated: false,
            mention: Some((s, colon)),
            content: Some(content),
            quote: content::quote_type(&self.roles, content.0, content.1),
            gender: Gender::Unknown,
            number: Number::Unknown,
            agentless: false,
            addressee: None,
            medium: None,
            time: None,
            also: None,
        })
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
