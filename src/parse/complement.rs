//! complement: where a cue's content or object begins and ends. The complementizer, colon or
//! quotation that opens content; a preposition and noun object (أشار إلى، حذر من) and the object
//! preposition of a verb listed in src/lexicon/objects.tsv (أشاد ب، شكك في); the interludes, dashed
//! and comma asides, relative clauses and relayed sources skipped before it; where a noun object
//! starts inside a subject and where it ends; the end of content at the next cue.

use super::{content, grammar, Draft, Meta, Parser, PREP_MENTION};
use crate::lexicon::{Frame, Marker, Tense, WordClass};
use crate::model::{QuoteType, Stance};

/// The longest adverbial aside between two commas, in tokens.
const COMMA_ASIDE: usize = 12;
/// How far into a new clause (و، ، لكن) its finite verb may stand, in tokens.
const CLAUSE_VERB: usize = 5;
/// How far after a new clause's verb its complement may open, in tokens.
const CLAUSE_COMPLEMENT: usize = 4;
/// How far after a new clause's verb a claim noun or demonstrative object may stand, in tokens.
const CLAUSE_OBJECT: usize = 7;
/// The longest aside between two dashes, in tokens.
const DASHED_ASIDE: usize = 16;
/// How far past the verb or its subject the material skipped before a complement may run.
const COMPLEMENT_REACH: usize = 16;
/// The longest relative or circumstantial clause skipped before a complement, in tokens.
const RELATIVE_CLAUSE: usize = 12;
/// How far into content a denying formula may open it (لا صحة لـ), in tokens.
const DENIAL_OPENING: usize = 10;
/// How many words, a short subject and the verb, may follow a boundary for it to open another
/// report inside a noun object (لكن «الأخير نفى»).
const BOUNDARY_SUBJECT: usize = 3;

impl Parser<'_> {
    /// A cue starting at `i` that ends content before it: a participle, a prepositional
    /// cue, or a new clause (و / لكن …) whose verb of saying has its own complement or a
    /// claim as its object (وأكدت الوزارة الخبر).
    pub(super) fn joins_cue(&self, i: usize) -> bool {
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
        (i..(i + CLAUSE_VERB).min(self.n()))
            .take_while(|&k| self.same_sentence(i, k))
            .find(|&k| self.feats[k].finite)
            .is_some_and(|k| {
                // واتهمت جهات خارجية بتمويلهم: an accusation is a statement of its own.
                self.forms(k)
                    .first()
                    .is_some_and(|f| self.lex.verbs[f.verb].frame == Frame::Accuse)
                    || (k + 1..(k + CLAUSE_COMPLEMENT).min(self.n()))
                        .any(|m| self.complement(m, false).is_some())
                    || (k + 1..(k + CLAUSE_OBJECT).min(self.n())).any(|m| {
                        self.lex.marks(self.word(m), Marker::ClaimNoun)
                            || (self.is(m, WordClass::Demonstrative)
                                && self.lex.verbs[self.forms(k).first().map_or(0, |f| f.verb)]
                                    .frame
                                    == Frame::Object)
                    })
            })
    }

    pub(super) fn content_from(&self, start: usize) -> Option<(usize, usize)> {
        if start >= self.n() {
            return None;
        }
        let end = content::end(self.doc, self.feats, &self.roles, start, |i| {
            self.joins_cue(i)
        });
        (end > start).then_some((start, end))
    }

    /// Where content begins after position `j`: (content start, quote-less noun object).
    pub(super) fn complement(&self, j: usize, allow_object: bool) -> Option<(usize, bool)> {
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
        if allow_object {
            return self.prep_object(j);
        }
        None
    }

    /// A preposition and the noun after it, the object of a verb that takes one (أشار إلى
    /// تراجع الصادرات، حذر من عجز، كشف عن، أكد على): where the object starts.
    pub(super) fn prep_object(&self, j: usize) -> Option<(usize, bool)> {
        let next_word = self.feats.get(j + 1).is_some_and(|f| f.word && !f.lam);
        // أشار الشرطي بيده إلى السيارات: after an instrument, a gesture, not a statement.
        let prev = self.word(j.wrapping_sub(1));
        let instrument = prev.starts_with('ب')
            && (prev.ends_with('ه') || crate::clitics::has_possessive(prev))
            && !crate::clitics::at_least(prev, 7);
        (matches!(self.word(j), "عن" | "علي" | "الي" | "من") && next_word && !instrument)
            .then_some((j + 1, true))
    }

    /// Where the object of a verb that takes it with a preposition starts, when token `k` is
    /// that preposition: a separate one (شكك في صحة الأرقام) starts the object after it, an
    /// attached one (أشاد بالقرار) with its word.
    pub(super) fn object_prep(&self, preps: &[String], k: usize) -> Option<usize> {
        let f = self.feats.get(k)?;
        if !f.word || f.title > 0 || f.media > 0 {
            return None;
        }
        let w = self.word(k);
        preps.iter().find_map(|p| {
            if w == p {
                return self
                    .feats
                    .get(k + 1)
                    .is_some_and(|n| n.word)
                    .then_some(k + 1);
            }
            // بقرار، بالهجوم: an attached preposition on a noun of at least three letters.
            let rest = w.strip_prefix(p.as_str())?;
            (p.chars().count() == 1
                && (rest.chars().count() >= 3 || rest == "ما")
                && !self.lex.names.starts(w)
                && !self.lex.places.starts(w))
            .then_some(k)
        })
    }

    /// Skips interludes from `j`; returns the new position and the spans seen.
    pub(super) fn interludes(&self, mut j: usize, meta: &mut Meta) -> usize {
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
            } else if let Some(k) = self.dashed_aside(j) {
                // وقال مسؤول في البنك -وهو أكبر البنوك- إن …: an aside between dashes.
                j = k;
            } else {
                break;
            }
        }
        j
    }

    /// After an aside between two dashes that opens at `j`, within one sentence and a few
    /// words.
    pub(super) fn dashed_aside(&self, j: usize) -> Option<usize> {
        let dash = |k: usize| {
            self.feats
                .get(k)
                .is_some_and(|f| matches!(f.punct, Some('-' | '–' | '—')))
        };
        if !dash(j) {
            return None;
        }
        (j + 2..(j + DASHED_ASIDE).min(self.n()))
            .take_while(|&k| self.same_sentence(j, k))
            .find(|&k| dash(k))
            .map(|k| k + 1)
    }

    /// After a mention, place phrases, interludes between commas and a relative clause
    /// (المصدر، الذي رفض الكشف عن اسمه، …) may stand before the complement.
    pub(super) fn skip_to_complement(
        &self,
        j: usize,
        allow_object: bool,
        preps: Option<&[String]>,
    ) -> usize {
        let mut k = j;
        let limit = (j + COMPLEMENT_REACH).min(self.n());
        while k < limit {
            // ردت فلانة المرشحة للرئاسة أمس، على …: an object after the comma.
            let after_comma = k > j && self.feats[k - 1].punct == Some('،');
            if self.complement(k, allow_object && after_comma).is_some()
                || preps.and_then(|p| self.object_prep(p, k)).is_some()
            {
                return k;
            }
            // شددت الشركة، بعد ساعات من …، على: an adverbial aside between commas.
            if let Some(after) = self.comma_aside(k) {
                k = after;
                continue;
            }
            // مسؤول طلب عدم الكشف عن هويته إن …: the reason for anonymity.
            if let Some((n, true)) = self
                .lex
                .anonymity
                .longest(&self.words, k)
                .map(|(n, &r)| (n, r))
            {
                k += n;
                continue;
            }
            let f = &self.feats[k];
            if f.is(WordClass::Relative) || f.is(WordClass::Pronoun) {
                // A relative clause, or a circumstantial one (وتابع وهو يتذكر: …), runs to the
                // next comma, colon or complementizer.
                let end = (k + 1..(k + RELATIVE_CLAUSE).min(self.n())).find(|&m| {
                    matches!(self.feats[m].punct, Some('،' | ':'))
                        || self.is(m, WordClass::Complementizer)
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
                k = self.mention(after, PREP_MENTION).map_or(after, |(_, e)| e);
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
        j
    }

    /// After an adverbial between two commas that opens at the comma `k` (، بعد ساعات من
    /// التسريب،، في وقت لاحق،): it starts with a preposition, a time word or a boundary (بعد،
    /// قبل) and holds no verb of saying.
    pub(super) fn comma_aside(&self, k: usize) -> Option<usize> {
        if self.feats.get(k)?.punct != Some('،') {
            return None;
        }
        let first = k + 1;
        let f = self.feats.get(first)?;
        // بعد، قبل open adverbials too (they are boundaries elsewhere).
        let adverbial = f.is(WordClass::Prep)
            || f.is(WordClass::Boundary)
            || grammar::time(&self.feats[first..]).is_ok()
            || self.lex.time.starts(self.word(first));
        if !adverbial {
            return None;
        }
        let close = (first + 1..(first + COMMA_ASIDE).min(self.n()))
            .take_while(|&m| !self.feats[m].is_stop() && !self.feats[m].verb)
            .find(|&m| self.feats[m].punct == Some('،'))?;
        Some(close + 1)
    }

    pub(super) fn finish(&self, mut d: Draft, start: usize, object: bool) -> Option<Draft> {
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

    /// A noun object ends before a medium phrase (أكدت الوزارة ذلك في بيان), a comma that
    /// opens a new clause (أكدت الحكومة الخبر، لكنها …), a time (أعلن الجيش عزله في يوليو),
    /// a relative clause (نفت هذه التصريحات التي صدرت …), a clause boundary (عندما، قبل) or
    /// منذ.
    pub(super) fn object_end(&self, s: usize, e: usize) -> usize {
        let end = (s + 1..e)
            .find(|&k| {
                let f = &self.feats[k];
                // والتي قضت …: a relative clause after a comma or a conjunction adds to it.
                let attached = !f.conj && self.feats[k - 1].punct.is_none();
                // A time of one word may qualify the object (مجال مفتوح الآن); a longer one, or
                // one after a preposition, dates the statement.
                let dated = f.time > 1 || (f.time > 0 && self.is(k - 1, WordClass::Prep));
                // عندما أعلنت …، لكن الأخير نفى …: a boundary before another verb of saying,
                // right after it or after a short subject, opens a new clause.
                let clause = f.is(WordClass::Boundary)
                    && (k + 1..e.min(k + 1 + BOUNDARY_SUBJECT))
                        .take_while(|&j| self.feats[j].word)
                        .any(|j| self.feats[j].verb);
                (f.punct == Some('،') && self.is(k + 1, WordClass::Boundary))
                    || grammar::medium(&self.feats[k..]).is_ok()
                    || dated
                    || (attached && (f.is(WordClass::Relative) || clause))
            })
            .unwrap_or(e);
        // في يوليو: the preposition goes with its time.
        if end < e && end > s + 1 && self.feats[end].time > 0 && self.is(end - 1, WordClass::Prep) {
            end - 1
        } else {
            end
        }
    }

    /// Content that opens by denying (لا صحة لـ، لا أساس له من الصحة) makes a denial.
    pub(super) fn content_stance(&self, s: usize, stance: Stance) -> Stance {
        let denial = (s..(s + DENIAL_OPENING).min(self.n()))
            .find_map(|k| self.lex.denials.longest(&self.words, k))
            .map(|(_, &st)| st);
        match denial {
            Some(d) if stance == Stance::Asserts => d,
            _ => stance,
        }
    }

    /// A noun with a possessive pronoun (استغرابها، موقفهم) that is no title, body or place.
    pub(super) fn possessed(&self, k: usize) -> bool {
        let w = self.word(k);
        let f = &self.feats[k];
        crate::clitics::has_possessive(w)
            && f.word
            && f.title == 0
            && f.media == 0
            && !self.lex.bodies.starts(crate::clitics::without_article(w))
            && !self.lex.places.starts(w)
    }

    /// A noun for a claim (الخبر، الاتهامات), a verbal noun or a body head without the article
    /// right after a definite word: the head of a second noun phrase (الجمهوريون | إدارة
    /// أوباما، الوزارة | إجراء محادثات).
    pub(super) fn object_head(&self, k: usize, headed: bool) -> bool {
        let w = self.word(k);
        let prev = self.word(k - 1);
        if crate::clitics::without_conjunction(w).any(|(_, r)| self.lex.marks(r, Marker::ClaimNoun))
        {
            return true;
        }
        // نفت وزارة الدفاع إجراء محادثات، نفى المتحدث وصول الشحنة: a verbal noun, after a
        // phrase that opens with a source's head (not كشفت الأمطار الغزيرة عيوب …).
        if headed
            && crate::clitics::without_article(prev) != prev
            && crate::clitics::without_article(w) == w
            && looks_verbal_noun(w)
            && !self.lex.names.starts(w)
            && self.feats[k].title == 0
        {
            return true;
        }
        self.feats[k].title == 0
            && crate::clitics::without_article(w) == w
            && self.lex.bodies.starts(w)
            && crate::clitics::without_article(prev) != prev
            && self.feats[k - 1].title == 0
    }

    /// After a given name and a surname with the article (خالد العطية), where a further word
    /// with the article would start the object; none if no such word follows.
    pub(super) fn name_surname_end(&self, (s, e): (usize, usize)) -> Option<usize> {
        let w = self.word(s);
        let (len, _) = self.lex.names.longest(&self.words, s)?;
        if crate::clitics::without_article(w) != w {
            return None;
        }
        let definite = |k: usize| {
            let x = self.word(k);
            crate::clitics::without_article(x) != x && !self.lex.places.starts(x)
        };
        let surname = (s + len..e).find(|&k| definite(k))?;
        (surname + 1 < e && definite(surname + 1)).then_some(surname + 1)
    }
}

/// Whether a folded word has the shape of a common verbal noun: إفعال (إجراء)، فعول (وصول)،
/// تفعيل (تقديم)، افتعال / انفعال (اجتماع، انسحاب)، استفعال (استخدام).
fn looks_verbal_noun(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    match c.len() {
        4 => c[2] == 'و',
        5 => (c[0] == 'ا' && c[3] == 'ا') || (c[0] == 'ت' && c[3] == 'ي'),
        6 => c[0] == 'ا' && (c[2] == 'ت' || c[1] == 'ن') && c[4] == 'ا',
        7 => w.starts_with("است") && c[5] == 'ا',
        _ => false,
    }
}
