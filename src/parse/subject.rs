//! mention and subject: who can speak and where the source's noun phrase stands. A mention
//! after the cue with an apposition between commas; a subject before the verb (SVO, كان … قد),
//! with an apposition between commas (أصر فلان، …، على) or as the antecedent of a relative
//! clause (المصادر التي …، لفتت); a title's holder named after a relative clause
//! (title-relative); the issuer of a statement (أصدر الوزير بيانا أكد فيه).

use super::quotes::QUOTED_NAME;
use super::{grammar, Meta, Parser, MARKED_MENTION};
use crate::lexicon::{Marker, WordClass};
use crate::model::SourceKind;

/// How far past a relative pronoun a title's holder may be named (title-relative).
const RELATIVE_REACH: usize = 30;
/// How many words of a title's complement may stand between it and a relative clause.
const TITLE_COMPLEMENT: usize = 6;
/// How far before a verb the relative pronoun of its subject's relative clause may stand.
const RELATIVE_SUBJECT: usize = 25;
/// The longest apposition between commas inside a mention or a subject, in tokens.
const APPOSITION: usize = 5;
/// How far before a field with ل (للنفط) the head of the body it names may stand, in tokens.
const FIELD_BODY: usize = 3;
/// The longest name walked back over from a verb to its subject's start, in tokens.
const NAME_BACK: usize = 10;
/// How far before a statement noun the verb issuing it may stand (أصدر الوزير بيانا), in tokens.
const ISSUER_REACH: usize = 10;

impl Parser<'_> {
    /// A source mention at `j`, with an apposition between commas when a complement follows.
    pub(super) fn mention(&self, j: usize, max: usize) -> Option<(usize, usize)> {
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
                let closed = close > after && k2 <= APPOSITION;
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

    /// A prepositional continuation inside a name: في after an institution or before a place,
    /// من / على after an anonymity descriptor (مطلع على، مقرب من).
    pub(super) fn name_continues(&self, i: usize) -> bool {
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
            let body_before = (i.saturating_sub(FIELD_BODY)..i).rev().any(|k| {
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

    /// Who can speak: where a noun phrase `s..e` stops naming a speaker, or none when its head
    /// cannot speak. A verbal noun, an adverb or a quantity heads no source (ونؤكد حرص القيادة،
    /// نفى أيضا، تشير نسبة); after the head such a word ends the mention (نفت الإدارة جملة
    /// وتفصيلا).
    pub(super) fn speaker_end(&self, s: usize, e: usize) -> Option<usize> {
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

    /// Whether a noun phrase can name a source: a title, medium, body or quotation in it, a
    /// place, quantifier or given name at its head, or at most one word with the article (a name: خالد العطية). Two or more
    /// plain words with the article make a description of a thing (وابل الانتقادات الدولية).
    pub(super) fn source_like(&self, (s, e): (usize, usize)) -> bool {
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

    /// Whether a noun phrase opens with what names a source: a title, a medium, a body, a
    /// place or a given name (المتحدث، وزارة، رويترز، إسرائيل، خالد).
    pub(super) fn source_head(&self, k: usize) -> bool {
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

    /// title-relative: a title, a relative clause about its holder, then the holder's name
    /// before the complement (وقال وزير الدولة الذي يترأس وفد بلاده الشيخ فلان في تصريحات إن):
    /// where the name ends, so that the mention runs over the clause to it.
    pub(super) fn named_after_relative(&self, (s, e): (usize, usize)) -> Option<usize> {
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
            let (_, end) = self.mention(k, MARKED_MENTION)?;
            let mut meta = Meta::default();
            let after = self.interludes(end, &mut meta);
            return self.complement(after, false).map(|_| end);
        }
        None
    }

    /// An SVO subject right before the verb, starting at a clause boundary.
    pub(super) fn subject_before(&self, at: usize) -> Option<(usize, usize)> {
        self.subject_clause(at).map(|(m, _)| m)
    }

    /// An SVO subject before the verb, and whether a complementizer, كان, a boundary word or
    /// the sentence start opens its clause: then the noun after the verb is its object
    /// (أن الحكومة أكدت الخبر، وكانت مصادر سربت الخبر).
    pub(super) fn subject_clause(&self, at: usize) -> Option<((usize, usize), bool)> {
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
            if inner < 2 || self.feats[inner - 1].punct != Some('،') || end - 1 - inner > APPOSITION
            {
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
    pub(super) fn relative_antecedent(&self, end: usize, at: usize) -> Option<(usize, usize)> {
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
    pub(super) fn name_back(&self, end: usize, at: usize) -> Option<usize> {
        let mut k = end;
        while k > 0 && self.same_sentence(k - 1, at) && end - k < NAME_BACK {
            let f = &self.feats[k - 1];
            if f.is_close_quote() {
                // صحيفة «نيويورك تايمز» الأمريكية نشرت: a short quoted name inside the subject.
                let open = (k.saturating_sub(QUOTED_NAME)..k - 1)
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
    pub(super) fn clause_opens(&self, k: usize, at: usize) -> Option<bool> {
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
    pub(super) fn issuer_before(&self, at: usize) -> Option<(usize, usize)> {
        if at < 3
            || !self.lex.marks(self.word(at + 1), Marker::InWhich)
            || !self.statement_at(at - 1)
        {
            return None;
        }
        let end = at - 1;
        let start = (end.saturating_sub(ISSUER_REACH)..end)
            .rev()
            .take_while(|&k| self.same_sentence(k, at))
            .find(|&k| self.lex.marks(self.word(k), Marker::Issue))?
            + 1;
        (start < end && self.feats[start..end].iter().all(grammar::name_word))
            .then_some((start, end))
    }

    /// A noun of statement, also in the accusative (بيانا، تقريرا).
    pub(super) fn statement_at(&self, k: usize) -> bool {
        self.feats[k].statement
            || self
                .word(k)
                .strip_suffix('ا')
                .is_some_and(|b| self.lex.word_class(b) == Some(WordClass::Statement))
    }
}
