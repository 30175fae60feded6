//! Verbs with frames of their own: refusal phrases (رفض X التعليق), requests for comment
//! (تواصلت X مع Y للتعليق), statements as sources (وجاء في البيان أن) and relays
//! (نقلت X عن Y قوله إن).

use super::{content, grammar, Draft, Parser, MARKED_MENTION, PREP_MENTION};
use crate::lexicon::{Marker, Phrase, WordClass};
use crate::model::{CueKind, QuoteType, Stance};

/// How far after an accusation's verb its charge (بـ) may stand.
const CHARGE_REACH: usize = 16;
/// How far after its verb the rest of a phrase (رفض التعليق) may stand, in tokens.
const PHRASE_REACH: usize = 14;
/// How far after an outreach verb its request (للتعليق) may stand, in tokens.
const OUTREACH_REACH: usize = 16;

impl Parser<'_> {
    /// accusation: اتهمت النيابة العامة رجل الأعمال الفار بتهريب أموال عامة — the subject, then
    /// the target, then the charge after بـ. The content is the target with its charge; a
    /// subject that cannot speak (or none) leaves the source to the discourse (واتهمت جهات
    /// خارجية بتمويلهم after وقالت الشرطة). Without a charge the verb reads as any verb with a
    /// noun object.
    pub(super) fn accusation(&self, mut d: Draft, at: usize, enclitic: bool) -> Option<Draft> {
        let start = at + 1;
        let limit = (at + CHARGE_REACH).min(self.n());
        let charge = (start + 1..limit)
            .take_while(|&k| {
                self.same_sentence(at, k)
                    && (self.feats[k].word || self.feats[k].is_quote())
                    && !self.is(k, WordClass::Complementizer)
            })
            .find(|&k| self.charge_at(k))?;
        // اتهمته الشرطة بـ: the pronoun is the target, the words before the charge the subject.
        let (subject, target) = if enclitic {
            (Some((start, charge)), None)
        } else {
            match self.accused_start(start, charge) {
                Some(k) => (Some((start, k)), Some((k, charge))),
                None => (None, Some((start, charge))),
            }
        };
        let subject = subject.filter(|&(s, e)| {
            self.speaker_end(s, e) == Some(e) && self.feats[s..e].iter().all(grammar::name_word)
        });
        d.mention = subject.or_else(|| self.subject_before(at));
        d.target = target;
        let from = target.map_or(charge, |(s, _)| s);
        let (s, e) = self.content_from(from)?;
        d.content = Some((s, e));
        d.quote = content::quote_type(&self.roles, s, e);
        if d.quote == QuoteType::Indirect {
            d.quote = QuoteType::None;
        }
        Some(d)
    }

    /// The one accused at `k`, up to its charge or the end of its noun phrase.
    fn accused_at(&self, k: usize) -> Option<(usize, usize)> {
        let limit = (k + CHARGE_REACH).min(self.n());
        let end = (k + 1..limit)
            .take_while(|&m| self.same_sentence(k, m) && self.feats[m].word)
            .find(|&m| self.charge_at(m) || self.is(m, WordClass::Prep))
            .unwrap_or_else(|| {
                (k..limit)
                    .take_while(|&m| self.same_sentence(k, m) && self.feats[m].word)
                    .last()
                    .map_or(k, |m| m + 1)
            });
        (end > k).then_some((k, end))
    }

    /// A charge: بـ + a noun (بتهريب، بالفساد), not a name or a place (ببريطانيا).
    fn charge_at(&self, k: usize) -> bool {
        let w = self.word(k);
        crate::clitics::without_conjunction(w).any(|(_, r)| {
            r.strip_prefix('ب').is_some_and(|rest| {
                rest.chars().count() >= 3
                    && !self.lex.places.starts(rest)
                    && !self.lex.names.starts(rest)
                    && !self
                        .lex
                        .bodies
                        .starts(crate::clitics::without_article(rest))
            })
        })
    }

    /// Where the target starts between the verb and the charge, after a subject that can speak:
    /// a new noun phrase (a word without the article after one with it: النيابة العامة | رجل
    /// الأعمال), a source's head, or a quotation; none when the words are one noun phrase.
    fn accused_start(&self, s: usize, charge: usize) -> Option<usize> {
        (s + 1..charge).find(|&k| {
            let w = self.word(k);
            let prev = self.word(k - 1);
            let definite = |x: &str| crate::clitics::without_article(x) != x;
            let new_phrase = !definite(w) && definite(prev) && self.feats[k - 1].title == 0;
            new_phrase
                || (self.source_head(k) && !self.is(k - 1, WordClass::Prep) && k > s + 1)
                || self.feats[k].is_open_quote()
        })
    }

    /// refusal: a verb that heads a phrase (رفض التعليق، أصر على نفي) and the rest of the phrase
    /// within reach, a subject in apposition between commas allowed between them.
    pub(super) fn phrase(&self, d: Draft, at: usize, verb: usize) -> Option<Draft> {
        let phrases = self.lex.phrases.get(&verb)?;
        let limit = (at + PHRASE_REACH).min(self.n());
        for k in at + 1..limit {
            // A subject in apposition between commas may stand between the verb and the rest
            // (أصر فلان، والد الطفل، على نفي …).
            let comma = matches!(self.feats[k].punct, Some('،' | ','));
            if self.feats[k].is_stop()
                || (self.feats[k].punct.is_some()
                    && k > at + 1
                    && !self.feats[k].is_quote()
                    && !comma)
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
                return Some(self.phrase_at(d, at, k, phr));
            }
        }
        None
    }

    /// The refusal whose phrase `phr` goes on at `k`: its source before the rest or after it
    /// (لم يتسن الوصول إلى X), and its topic or content.
    fn phrase_at(&self, mut d: Draft, at: usize, k: usize, phr: &Phrase) -> Draft {
        let after = k + phr.rest.len();
        d.kind = CueKind::Refusal;
        d.stance = phr.stance;
        if k == at + 1 {
            d.cue.1 = after;
        }
        if phr.source_after {
            d.mention = self.mention(after, MARKED_MENTION);
            return d;
        }
        // رفضت الحكومة هذه المزاعم: a demonstrative opens the object.
        let demonstrative = (at + 2..k).find(|&m| self.is(m, WordClass::Demonstrative));
        let object = demonstrative.unwrap_or(k);
        d.mention = self.phrase_subject(at, object);
        let ends_in_prep = phr
            .rest
            .last()
            .is_some_and(|w| matches!(w.as_str(), "علي" | "عن" | "الي" | "ل"));
        self.phrase_topic(&mut d, phr, object, after, ends_in_prep);
        // أصر على أن …، اكتفى بالقول إن …: a phrase that ends in, or is followed by, a
        // complementizer reports the clause after it.
        if d.content.is_none() && !ends_in_prep {
            let start = if self.is(after, WordClass::Complementizer) {
                Some(after + 1)
            } else {
                self.is(after - 1, WordClass::Complementizer)
                    .then_some(after)
            };
            if let Some(c) = start.and_then(|s| self.content_from(s)) {
                d.content = Some(c);
                d.quote = content::quote_type(&self.roles, c.0, c.1);
            }
        }
        if d.quote == QuoteType::Indirect && d.content.is_none() {
            d.quote = QuoteType::None;
        }
        d
    }

    /// The subject between a phrase's verb and the `object` that opens its rest, ended by an
    /// adverb (ترفض الإدارة جملة وتفصيلا المزاعم), else the subject before the verb.
    fn phrase_subject(&self, at: usize, object: usize) -> Option<(usize, usize)> {
        let mut end = object;
        while end > at + 1 && self.feats[end - 1].punct.is_some() {
            end -= 1;
        }
        // ترفض الإدارة جملة وتفصيلا المزاعم: an adverb ends the subject.
        if end > at + 1 {
            if let Some(e) = self.speaker_end(at + 1, end) {
                end = e;
            }
        }
        if end > at + 1 {
            Some((at + 1, end))
        } else {
            self.subject_before(at)
        }
    }

    /// The topic after a phrase that ends at `after`: after its preposition (تحفظ على ذكر
    /// الأسماء), after على / عن / بشأن / حول, or the object or clause a denial takes.
    fn phrase_topic(
        &self,
        d: &mut Draft,
        phr: &Phrase,
        object: usize,
        after: usize,
        ends_in_prep: bool,
    ) {
        if ends_in_prep && self.feats.get(after).is_some_and(|f| f.word) {
            // تحفظ على ذكر الأسماء: the topic follows the phrase; وجهت أصابع الاتهام إلى
            // الحكومة: the one accused, with the charge after it.
            // A noun phrase: it ends where another report begins (… على الاتحاد لرفضه
            // الإصلاحات، لكن الأخير نفى ذلك).
            d.content = self
                .content_from(after)
                .map(|(s, e)| (s, self.object_end(s, e)));
            if d.stance == Stance::Alleges {
                d.target = self.accused_at(after);
            }
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
            if phr.rest.len() == 1 && self.content_from(start).is_none() {
                // رفضت الحكومة المزاعم.: the object alone, at the end of its sentence.
                d.content = Some((object, after));
                d.quote = QuoteType::None;
            } else if let Some(c) = self.content_from(start) {
                d.content = Some(c);
                d.quote = content::quote_type(&self.roles, c.0, c.1);
                if phr.rest.len() == 1 && phr.stance == Stance::Denies {
                    // رفض الاتهامات: the object itself is the content.
                    d.content = Some((object, c.1));
                    d.quote = QuoteType::None;
                } else if start == after {
                    // أصر على نفي التقارير: a noun phrase, not a clause.
                    d.quote = QuoteType::None;
                }
            }
        }
    }

    /// تواصلت X مع Y للتعليق: the source is Y, who has not answered.
    pub(super) fn outreach(&self, mut d: Draft, at: usize) -> Option<Draft> {
        let limit = (at + OUTREACH_REACH).min(self.n());
        let request = (at + 1..limit)
            .take_while(|&k| !self.feats[k].is_stop())
            .find(|&k| self.is(k, WordClass::Request))?;
        d.kind = CueKind::Outreach;
        d.stance = Stance::NoResponse;
        // طلبت تعليقا من السفارة / سعت للحصول على تعليق من المكتب: the one asked follows من.
        if self.word(request + 1) == "من" {
            d.mention = self.mention(request + 2, PREP_MENTION);
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
            .find(|&k| self.lex.marks(self.word(k), Marker::Purpose))
            .unwrap_or(request);
        d.mention = Some((from, end)).filter(|(s, e)| s < e);
        d.mention?;
        Some(d)
    }

    /// وجاء في البيان أن: the statement is the source.
    pub(super) fn statement(&self, mut d: Draft, at: usize) -> Option<Draft> {
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
        let m = self.mention(at + 2, PREP_MENTION)?;
        d.mention = Some(m);
        let (start, _) = self.complement(m.1, false)?;
        self.finish(d, start, false)
    }

    /// نقلت X عن Y قوله إن: skips "عن Y قوله" to the complement.
    pub(super) fn relay_source(&self, j: usize) -> (usize, Option<(usize, usize)>) {
        if self.word(j) != "عن" {
            return (j, None);
        }
        let Some(mut m) = self.mention(j + 1, PREP_MENTION) else {
            return (j, None);
        };
        // عن مسؤول قوله: the verbal noun of saying ends the name.
        if let Some(q) = (m.0 + 1..m.1).find(|&k| self.lex.marks(self.word(k), Marker::Saying)) {
            m.1 = q;
        }
        let mut k = m.1;
        if self.lex.marks(self.word(k), Marker::Saying) {
            k += 1;
        }
        if self.complement(k, false).is_some() {
            (k, Some(m))
        } else {
            (j, None)
        }
    }
}
