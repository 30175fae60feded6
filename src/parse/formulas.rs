//! Cues without a verb of saying: silence formulas (لم تكن هناك كلمة من X) and a headline's
//! colon (جوبا: لم نسمح …).

use super::{content, grammar, Draft, Parser};
use crate::model::{CueKind, Stance};

impl Parser<'_> {
    pub(super) fn formula(
        &self,
        start: usize,
        end: usize,
        cue: usize,
        stance: Stance,
    ) -> Option<Draft> {
        let m = self.mention(end, 8)?;
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
        if e - s > 25 || self.feats[s..e].iter().any(|f| f.is_stop()) {
            return None;
        }
        let colon = (s + 1..(s + 6).min(e)).find(|&k| self.feats[k].punct == Some(':'))?;
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
