//! masdar: a verbal noun of saying with a third-person pronoun before a complementizer
//! (وكرر الوزير تأكيده أن), its speaker the subject of the light verb before it.

use super::{content, grammar, Draft, Parser};
use crate::lexicon::{Marker, WordClass};
use crate::model::{CueKind, Gender, Number};

/// How many words a verbal noun's speaker may take between the verb and the noun (masdar).
const MASDAR_SUBJECT: usize = 8;

impl Parser<'_> {
    /// masdar: a verbal noun of saying with a third-person pronoun before a complementizer
    /// (وكرر وزير المالية تأكيده أن، وجددت نفيها أن). Its speaker is the subject of the verb
    /// before it, else the possessor, left to the discourse.
    pub(super) fn masdar(&self, at: usize) -> Option<Draft> {
        let w = self.word(at);
        let (noun, pronoun) = crate::clitics::without_conjunction(w)
            .find_map(|(_, r)| crate::clitics::without_enclitic(r))?;
        if !pronoun.starts_with('ه') {
            return None;
        }
        let stance = self.lex.masdar(noun)?;
        let (start, _) = self
            .complement(at + 1, false)
            .filter(|_| self.is(at + 1, WordClass::Complementizer))?;
        let mut d = Draft::new((at, at + 1), noun.to_string(), CueKind::Noun, stance);
        // The subject between the verb that opens the clause (a word with و or the sentence's
        // first) and the noun.
        let verb = (at.saturating_sub(MASDAR_SUBJECT)..at).rev().find(|&k| {
            let w = self.word(k);
            let opens = k == 0
                || !self.same_sentence(k - 1, k)
                || (w.starts_with(['و', 'ف'])
                    && self.feats[k].title == 0
                    && crate::clitics::without_article(w) == w);
            opens || !grammar::name_word(&self.feats[k])
        });
        let light = |k: usize| {
            crate::clitics::without_conjunction(self.word(k))
                .any(|(_, r)| self.lex.marks(r, Marker::Light))
        };
        // وأثار تأكيده أن … جدلا: the noun of another verb's clause is no report.
        let v = verb.filter(|&v| light(v))?;
        if v + 1 < at {
            let (s, e) = (v + 1, at);
            if self.speaker_end(s, e) == Some(e) && self.source_like((s, e)) {
                d.mention = Some((s, e));
            }
        }
        d.number = if pronoun.starts_with("هم") {
            Number::Plural
        } else {
            Number::Singular
        };
        d.gender = if pronoun == "ها" {
            Gender::Feminine
        } else {
            Gender::Masculine
        };
        let (s, e) = self.content_from(start)?;
        d.content = Some((s, e));
        d.quote = content::quote_type(&self.roles, s, e);
        Some(d)
    }
}
