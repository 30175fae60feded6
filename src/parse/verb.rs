//! verb-attr: a finite verb, participle or passive of saying, with its subject before or after
//! it, the interludes, a joined second verb (coord), and its complement or noun object; a verb
//! with a frame (phrase, outreach, statement, accusation, relay) hands over to frames.rs.

use super::{Draft, Meta, Parser};
use crate::lexicon::{Form, Frame, Marker, Tense, Verb, WordClass};
use crate::model::{CueKind, QuoteType, Stance};

/// The longest subject after a verb, in tokens (a title, a name and the body they serve).
const VERB_SUBJECT: usize = 14;
/// How far after نقل its عن must stand for it to relay words (نقلت الوكالة عن), in tokens.
const RELAY_REACH: usize = 14;
/// How far into a prepositional object a request may stand (لم يرد على طلب للتعليق), in tokens.
const REQUEST_IN_OBJECT: usize = 4;

impl Parser<'_> {
    /// verb-attr: the attribution a verb of saying at `at` opens, if any.
    pub(super) fn verb(&self, at: usize, form: Form, enclitic: bool) -> Option<Draft> {
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
        if verb.frame == Frame::Relay && !self.relays(at) {
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
            Tense::Participle => return self.participle(d, at, verb.frame, preps),
            Tense::Passive => {
                d.kind = CueKind::Passive;
                d.agentless = true;
                let (start, object) = self.complement(at + 1, false)?;
                return self.finish(d, start, object);
            }
            _ => {}
        }
        if let Some(start) = self.agentless_start(at) {
            d.kind = CueKind::Passive;
            d.agentless = true;
            return self.finish(d, start, false);
        }
        self.active(d, at, verb, enclitic, preps)
    }

    /// نقل relays words only with عن after it (وسائل نقل، نقلت الشاحنات move things).
    fn relays(&self, at: usize) -> bool {
        (at + 1..(at + RELAY_REACH).min(self.n()))
            .take_while(|&k| self.same_sentence(at, k))
            .any(|k| self.word(k) == "عن")
    }

    /// participle: مشيرة إلى تدخل المديرة، محذرا من عجز: a participle of a verb that takes a
    /// noun object has it after its preposition.
    fn participle(
        &self,
        mut d: Draft,
        at: usize,
        frame: Frame,
        preps: Option<&[String]>,
    ) -> Option<Draft> {
        d.kind = CueKind::Participle;
        let (start, object) = self
            .complement(at + 1, false)
            .or_else(|| {
                (frame == Frame::Object)
                    .then(|| self.prep_object(at + 1))
                    .flatten()
            })
            .or_else(|| {
                preps
                    .and_then(|p| self.object_prep(p, at + 1))
                    .map(|k| (k, true))
            })?;
        self.finish(d, start, object)
    }

    /// Where the content of an agentless verb starts: after a passive auxiliary, its object
    /// (تم وصف / يتم الإعلان); after an impersonal formula, its clause (ويذكر أن، يتوقع أن).
    fn agentless_start(&self, at: usize) -> Option<usize> {
        if at > 0 && self.lex.marks(self.word(at - 1), Marker::PassiveAux) {
            return Some(self.complement(at + 1, true).map_or(at + 1, |(s, _)| s));
        }
        (self.is(at, WordClass::Impersonal) && self.is(at + 1, WordClass::Complementizer))
            .then_some(at + 2)
    }

    /// An active verb: its subject before it (SVO, a pronoun on إن, an issuer) or after it,
    /// a relayed source, then its complement or noun object.
    fn active(
        &self,
        mut d: Draft,
        at: usize,
        verb: &Verb,
        enclitic: bool,
        preps: Option<&[String]>,
    ) -> Option<Draft> {
        let negated = d.negated;
        let mut meta = Meta::default();
        let mut j = self.after_verb(at, &mut d, &mut meta);
        let pronoun_subject = self.pronoun_subject(at);
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
        let mut possessed_object = false;
        if let Some(m) = svo {
            d.mention = Some(m);
            j = self.skip_to_complement(j, allow_object, preps);
        } else if pronoun_subject {
            j = self.skip_to_complement(j, allow_object, preps);
        } else if (self.complement(j, allow_object).is_none()
            && preps.and_then(|p| self.object_prep(p, j)).is_none())
            || self.quoted_name_at(j)
        {
            if let Some((m, object)) = self.subject_after(j, allow_object, preps) {
                possessed_object = object;
                if let Some(m) = m {
                    d.mention = Some(m);
                    j = self.interludes(m.1, &mut meta);
                    j = self.coordinated(j, &mut d);
                }
            }
            j = self.skip_to_complement(j, allow_object, preps);
        }
        if verb.frame == Frame::Relay {
            j = self.relayed(&mut d, at, j);
        }
        if d.mention.is_none() {
            if let Some(m) = self.subject_before(at) {
                d.mention = Some(m);
            }
        }
        self.apply_meta(&mut d, &meta);
        let noun_object = strong_object || possessed_object;
        self.verb_content(d, at, j, allow_object, noun_object, preps)
    }

    /// Past the verb: a resumptive pronoun (بيانا أكد فيه أن), interludes, a continuation
    /// (أضاف قائلا) and a joined verb (أو تنفي); where the subject or complement may start.
    fn after_verb(&self, at: usize, d: &mut Draft, meta: &mut Meta) -> usize {
        // بيانا أكد فيه أن: the resumptive pronoun of a relative clause.
        let first = if self.lex.marks(self.word(at + 1), Marker::InWhich) {
            at + 2
        } else {
            at + 1
        };
        let mut j = self.interludes(first, meta);
        // أضاف قائلا / تابع يقول: one cue over both words.
        if let Some(k) = self.continuation(j) {
            d.cue.1 = k;
            j = self.interludes(k, meta);
        }
        self.coordinated(j, d)
    }

    /// إنها هاجمت المركز: the pronoun on the complementizer before the verb is its subject,
    /// which leaves the noun after the verb its object.
    fn pronoun_subject(&self, at: usize) -> bool {
        let mut k = at;
        while k > 0 && (self.is(k - 1, WordClass::Qad) || self.is(k - 1, WordClass::Negation)) {
            k -= 1;
        }
        k > 0
            && self.same_sentence(k - 1, at)
            && self.is(k - 1, WordClass::Complementizer)
            && self.feats[k - 1].enclitic
            && !self.feats[at].conj
    }

    /// The subject after the verb at `j`, cut where the object begins: the mention when it
    /// names a source, and whether a noun object follows (or is all there is).
    fn subject_after(
        &self,
        j: usize,
        allow_object: bool,
        preps: Option<&[String]>,
    ) -> Option<(Option<(usize, usize)>, bool)> {
        let mut m = self.mention(j, VERB_SUBJECT)?;
        let mut possessed_object = false;
        // وندد الاتحاد الأوروبي بالهجوم: the subject ends where the object's preposition begins.
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
            if let Some(cut) =
                (m.0 + 1..m.1).find(|&k| self.object_head(k, headed) || Some(k) == after_name)
            {
                m.1 = cut;
                possessed_object = true;
            }
        }
        if allow_object && !source_like {
            // هاجم وابل الانتقادات الدولية: a noun phrase no source is named by is the object
            // of a verb whose subject is dropped.
            return Some((None, true));
        }
        Some((Some(m), possessed_object))
    }

    /// relay: the relayed source may already lie behind `j` (skipped on the way to the
    /// complement): its عن after the cue or the mention. Where the complement search resumes.
    fn relayed(&self, d: &mut Draft, at: usize, j: usize) -> usize {
        let from = d.mention.map_or(at + 1, |m| m.1);
        let an = (from..=j.min(self.n() - 1)).find(|&k| self.word(k) == "عن");
        if let Some(an) = an {
            let (k, relayed) = self.relay_source(an);
            if relayed.is_some() {
                d.relayed = relayed;
                return j.max(k);
            }
        }
        j
    }

    /// The content of an active verb from `j`: a quotation before the cue, a complement or
    /// prepositional object, a noun object after an apposition or the subject, or none for a
    /// refusal or silence.
    fn verb_content(
        &self,
        mut d: Draft,
        at: usize,
        mut j: usize,
        allow_object: bool,
        noun_object: bool,
        preps: Option<&[String]>,
    ) -> Option<Draft> {
        let negated = d.negated;
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
                && (start..(start + REQUEST_IN_OBJECT).min(self.n())).any(|k| {
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
        if noun_object && self.feats.get(j).is_some_and(|f| f.word) {
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
}
