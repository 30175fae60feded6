//! Prepositional cues (وفقا لـ، بحسب، نقلا عن): the source follows the phrase and the content
//! is the clause it qualifies, before it or after it.

use super::{content, Draft, Meta, Parser};
use crate::lexicon::{Marker, PrepCue, WordClass};
use crate::model::{CueKind, Stance};

/// How far back a trailing prepositional cue looks for the start of the clause it qualifies.
const CLAUSE_REACH: usize = 200;
/// The longest source mention after a prepositional cue (وفقا لـ), in tokens.
const CUE_MENTION: usize = 12;
/// The most tokens after a trailing cue's source that only describe it before the sentence
/// ends (كما ذكرت صحافية من وكالة …).
const TRAILING_DESCRIPTION: usize = 8;
/// How far after the verb that follows a cue's source its complement may open, in tokens.
const CUE_VERB_COMPLEMENT: usize = 3;
/// How many of a mention's first words may hold what makes it a source.
const SOURCE_HEAD: usize = 3;
/// How far into its sentence a dateline's dash may stand (عمّان (وكالة …) –), in tokens.
const DATELINE: usize = 6;

impl Parser<'_> {
    /// prep-attr: a prepositional cue (وفقا لـ، بحسب، نقلا عن) at `start..end`, its source after
    /// it and the clause it qualifies.
    pub(super) fn prep(&self, start: usize, end: usize, cue: PrepCue) -> Option<Draft> {
        let lemma = self.doc.folded(start, end).to_string();
        let mut d = Draft::new((start, end), lemma, CueKind::Preposition, cue.stance);
        let mut j = end;
        if cue.needs_lam && !self.feats.get(j).is_some_and(|f| f.word && f.lam) {
            return None;
        }
        if cue.takes_verb {
            j = self.cue_verb(&mut d, j, cue.stance);
        }
        // "لـ«رويترز»": the preposition stands alone before a quoted name.
        let m_start = j;
        let mut meta = Meta::default();
        let k = if self.word(j) == "ل" { j + 1 } else { j };
        let m = self.mention(k, CUE_MENTION).map(|(_, e)| (m_start, e));
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
        if cue.trailing {
            // …، كما ذكرت صحافية من وكالة فرانس برس.: what follows the source only describes
            // it (no complementizer, no verb) before the sentence ends.
            if at_clause_start
                || !self.describes_source(start, j)
                || d.cue.1 == end
                || start == s_start
                || self.reports_itself(end)
            {
                return None;
            }
        }
        // رواية أخرى حسب مصادر «عكاظ» تشير إلى أن …: the verb after the source reports for
        // it; its complement is the content (and the verb no attribution of its own).
        let verb_complement = self
            .feats
            .get(j)
            .filter(|f| f.verb && f.finite && m.is_some())
            .and_then(|_| {
                (j + 1..(j + CUE_VERB_COMPLEMENT).min(self.n()))
                    .find_map(|k| self.complement(k, false))
            });
        if let Some((c, _)) = verb_complement {
            let (s, e) = self.content_from(c)?;
            d.content = Some((s, e));
            d.quote = content::quote_type(&self.roles, s, e);
            return Some(d);
        }
        if at_clause_start && ends_sentence && sent > 0 {
            // "… . بحسب رويترز." qualifies the sentence before.
            d.content = self.sentence_before(sent);
        } else if at_clause_start {
            d.content = Some(self.clause_after(j)?);
        } else {
            d.content = Some(self.clause_qualified(start, s_start)?);
        }
        let (s, e) = d.content?;
        d.quote = content::quote_type(&self.roles, s, e);
        Some(d)
    }

    /// بحسب ما ذكرت X / حسبما نقلت X: the verb at `j` joins the cue and gives its stance;
    /// where the source may start after it.
    fn cue_verb(&self, d: &mut Draft, mut j: usize, stance: Stance) -> usize {
        if let Some(form) = self.verb_form(j) {
            let v = &self.lex.verbs[form.verb];
            d.cue.1 = j + 1;
            d.stance = v.stance.unwrap_or(stance);
            d.gender = form.gender;
            d.number = form.number;
            j += 1;
            // حسبما أفادت به الوكالة: the pronoun pointing back to ما is no source.
            if self.lex.marks(self.word(j), Marker::InWhich) {
                j += 1;
            }
        } else if self.resumptive_verb(j) {
            // بحسب ما بثته الوكالة: a verb of ours or not, its pronoun points back to ما.
            d.cue.1 = j + 1;
            j += 1;
        }
        j
    }

    /// …، كما ذكرت صحافية من وكالة فرانس برس.: what follows a trailing cue's source at `j`
    /// only describes it (no complementizer, no verb) before the sentence ends.
    fn describes_source(&self, start: usize, j: usize) -> bool {
        let (_, s_end) = self.doc.sentences[self.doc.tokens[start].sentence as usize];
        s_end.saturating_sub(j) <= TRAILING_DESCRIPTION
            && (j..s_end).all(|k| {
                !self.is(k, WordClass::Complementizer)
                    && !self.feats[k].verb
                    && self.feats[k].punct != Some(':')
            })
    }

    /// كما أعلن الوزير وصول الوفد: a verb after كما with a content of its own is "also", not a
    /// trailing cue.
    fn reports_itself(&self, end: usize) -> bool {
        self.verb_form(end)
            .and_then(|form| self.verb(end, form, false))
            .is_some_and(|v| v.content.is_some())
    }

    /// The sentence before sentence `sent`, without its final stop.
    fn sentence_before(&self, sent: usize) -> Option<(usize, usize)> {
        let (ps, pe) = self.doc.sentences[sent - 1];
        let e = (ps..pe)
            .rev()
            .find(|&k| !self.feats[k].is_stop())
            .map_or(ps, |k| k + 1);
        Some((ps, e)).filter(|(s, e)| s < e)
    }

    /// The clause after a cue that opens its own (وبحسب الوكالة، فإن …): past a comma, a
    /// resumptive word and a complementizer.
    fn clause_after(&self, j: usize) -> Option<(usize, usize)> {
        let mut c = j;
        if self.feats.get(c).is_some_and(|f| f.punct == Some('،')) {
            c += 1;
        }
        if self.lex.marks(self.word(c), Marker::Resumptive) {
            c += 1;
        }
        if let Some(k) = self
            .complement(c, false)
            .filter(|_| self.is(c, WordClass::Complementizer))
        {
            c = k.0;
        }
        self.content_from(c)
    }

    /// The clause a cue at `start` in mid-sentence qualifies (… ، وفقا لمصدر): back to the
    /// clause start, or after the last complementizer or relative pronoun.
    fn clause_qualified(&self, start: usize, s_start: usize) -> Option<(usize, usize)> {
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
        (s < e).then_some((s, e))
    }

    /// A word after ما that carries the pronoun pointing back to it (ما بثته، ما أوردتها): a
    /// verb, past or imperfect, with an object pronoun and no article.
    fn resumptive_verb(&self, j: usize) -> bool {
        let Some(f) = self.feats.get(j) else {
            return false;
        };
        let w = self.word(j);
        f.word
            && f.class.is_none()
            && f.title == 0
            && f.media == 0
            && crate::clitics::without_article(w) == w
            && ["ته", "تها", "ه", "ها"].iter().any(|e| w.ends_with(e))
            && w.chars().count() >= 4
    }

    /// Whether a mention names something that can speak: a head noun of a source, a title, a
    /// medium, a place, a given name or a quoted name.
    pub(super) fn sourcey(&self, (s, e): (usize, usize)) -> bool {
        (s..e.min(s + SOURCE_HEAD)).any(|k| {
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
                // نقلا عن «سلام»: a surname the story has introduced (رئيس الوزراء نبيل سلام).
                || crate::resolve::scan::introduced_surname(self.doc, self.feats, self.lex, k, w)
                || [w, bare].iter().any(|x| self.lex.names.starts(x))
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
    pub(super) fn clause_start(&self, s_start: usize, e: usize) -> usize {
        // عمّان (وكالة الأنباء) – …: a dateline's dash also opens the clause.
        let dateline_dash = |k: usize| {
            self.feats[k].punct == Some('-')
                && k > 0
                && (self.feats[k - 1].punct == Some(')') || k - s_start < DATELINE)
        };
        let from = e.saturating_sub(CLAUSE_REACH).max(s_start);
        for k in (from..e).rev() {
            if self.feats[k].punct == Some(':') || dateline_dash(k) {
                return k + 1;
            }
            // بحسب مصدر، X، وفقا لمصدر آخر: an earlier prepositional cue and its source end
            // the clause before (so contents never hold one another, whatever repeats).
            if self.feats[k].prep_cue {
                return (k + 1..e)
                    .find(|&m| self.feats[m].punct == Some('،'))
                    .map_or(e, |m| m + 1);
            }
        }
        from
    }
}
