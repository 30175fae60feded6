//! Quotations around a cue: a short quoted name that is a source, not content («دي فيلت» إن),
//! and a quotation that ends just before its cue («…»، قال X).

use super::Parser;
use crate::lexicon::WordClass;

/// How far past its opening mark a quoted name closes, in tokens («جبهة الفدائيين»).
pub(super) const QUOTED_NAME: usize = 8;
/// The most words a quoted name before a complementizer may have (وقالت «دي فيلت» إن).
pub(super) const SHORT_QUOTED_NAME: usize = 3;
/// How far back from its cue a quotation before it may open, in tokens («…»، قال X).
const QUOTE_BEFORE: usize = 600;

impl Parser<'_> {
    /// A short quotation followed by a word is a name («جبهة الفدائيين» المنشقة), not a quote.
    pub(super) fn quoted_name_at(&self, j: usize) -> bool {
        if self.roles.get(j) != Some(&1) {
            return false;
        }
        let close = (j + 1..(j + QUOTED_NAME).min(self.n())).find(|&k| self.roles[k] == -1);
        close.is_some_and(|c| {
            // وقالت "دي فيلت" إن …: a name of up to three words before a complementizer.
            let short = c - j - 1 <= SHORT_QUOTED_NAME;
            self.feats[j + 1..c].iter().all(|f| f.word)
                && (self
                    .feats
                    .get(c + 1)
                    .is_some_and(|f| f.word && (short || !f.is(WordClass::Complementizer)))
                    || self.comma_aside(c + 1).is_some())
        })
    }

    /// The quotation ending just before `«…»، VERB`.
    pub(super) fn quote_before(&self, at: usize) -> Option<(usize, usize)> {
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
            if k == 0 || at - k > QUOTE_BEFORE {
                return None;
            }
            k -= 1;
        }
    }
}
