//! Cues without a verb of saying: silence formulas (لم تكن هناك كلمة من X) and a headline's
//! colon (جوبا: لم نسمح …).

use super::{content, grammar, Draft, Parser, MARKED_MENTION};
use crate::model::{CueKind, Stance};

/// The longest first line read as a headline, in tokens.
const HEADLINE: usize = 25;
/// How far into a headline its colon may stand, after the name it follows, in tokens.
const HEADLINE_NAME: usize = 6;

impl Parser<'_> {
    pub(super) fn formula(
        &self,
        start: usize,
        end: usize,
        cue: usize,
        stance: Stance,
    ) -> Option<Draft> {
        let m = self.mention(end, MARKED_MENTION)?;
        let lemma = self.doc.folded(start, end).to_string();
        let mut d = Draft::new((cue, cue + 1), lemma, CueKind::Refusal, stance);
        d.negated = true;
        d.mention = Some(m);
        if matches!(self.word(m.1), "في" | "عن" | "بشان" | "حول") {
            d.content = self.content_from(m.1 + 1);
        }
        Some(d)
    }

    /// "جوبا: لم نسمح …" — the first line, short, a name before a colon.
    pub(super) fn headline(&self, skip: &[bool]) -> Option<Draft> {
        let para =
            (0..self.doc.paragraphs.len()).find(|&p| !skip.get(p).copied().unwrap_or(false))?;
        let (s, e) = self.doc.paragraphs[para];
        if e - s > HEADLINE || self.feats[s..e].iter().any(|f| f.is_stop()) {
            return None;
        }
        let colon =
            (s + 1..(s + HEADLINE_NAME).min(e)).find(|&k| self.feats[k].punct == Some(':'))?;
        if !self.feats[s..colon].iter().all(grammar::name_word) || colon + 1 >= e {
            return None;
        }
        let stance = self.content_stance(colon + 1, Stance::Asserts);
        let mut d = Draft::new((colon, colon + 1), ":".into(), CueKind::Headline, stance);
        d.mention = Some((s, colon));
        d.content = Some((colon + 1, e));
        d.quote = content::quote_type(&self.roles, colon + 1, e);
        Some(d)
    }
}
