//! The isnad of each attribution: who said it, and through whom it reached the page.

use crate::lexicon::{Lexicon, Marker};
use crate::model::CueKind;
use crate::parse::Draft;
use crate::resolve::Resolution;
use crate::segment::Document;

/// How many attributions back a parent is looked for; keeps nesting linear.
const WINDOW: usize = 16;
/// The deepest nesting followed (قال X إن Y أكد أن Z نفى …).
pub const MAX_DEPTH: usize = 8;

/// For each draft, the draft whose content holds its cue (the narrowest one).
pub fn parents(drafts: &[Draft]) -> Vec<Option<usize>> {
    (0..drafts.len())
        .map(|i| {
            let (cs, ce) = drafts[i].cue;
            (i.saturating_sub(WINDOW)..i)
                .filter(|&k| drafts[k].content.is_some_and(|(s, e)| s <= cs && ce <= e))
                .min_by_key(|&k| drafts[k].content.map_or(usize::MAX, |(s, e)| e - s))
        })
        .collect()
}

/// For each relaying prepositional cue standing between a verb and its content (أفادت القناة
/// نقلا عن مصادر أن …), the verb's draft: the verb's source relays the preposition's. A
/// spokesman speaking for a body (أعلنت الجبهة على لسان المتحدث) is no relay.
pub fn relays(doc: &Document, lex: &Lexicon, drafts: &[Draft]) -> Vec<Option<usize>> {
    (0..drafts.len())
        .map(|p| {
            let d = &drafts[p];
            if d.kind != CueKind::Preposition || !lex.marks(doc.text(d.cue.0), Marker::Relay) {
                return None;
            }
            (p.saturating_sub(2)..p).rev().find(|&v| {
                let o = &drafts[v];
                o.kind == CueKind::Verb
                    && o.content
                        .is_some_and(|(cs, _)| o.cue.1 <= d.cue.0 && d.cue.1 <= cs)
            })
        })
        .collect()
}

/// Each draft's chain of entities: its speaker first (or the relayed one), then the relaying
/// source, the sources of the attributions it is nested in, and the dateline's outlet.
pub fn chains(
    drafts: &[Draft],
    res: &Resolution,
    parents: &[Option<usize>],
    relays: &[Option<usize>],
    dateline: Option<usize>,
) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(drafts.len());
    for i in 0..drafts.len() {
        let mut chain: Vec<usize> = Vec::new();
        let push = |c: &mut Vec<usize>, e: Option<usize>| {
            if let Some(e) = e {
                if c.last() != Some(&e) && !c.contains(&e) {
                    c.push(e);
                }
            }
        };
        // نقلت رويترز عن مسؤول: the official, via Reuters.
        push(&mut chain, res.relayed_of.get(i).copied().flatten());
        push(&mut chain, res.source_of[i]);
        // أفادت القناة نقلا عن مصادر: the sources, via the channel.
        if let Some(v) = relays[i] {
            push(&mut chain, res.source_of[v]);
        }
        // قال مسؤول إن نتنياهو طلب: Netanyahu, via the official (and whoever relays him).
        if let Some(p) = parents[i] {
            for &e in &out[p] {
                push(&mut chain, Some(e));
            }
        }
        push(&mut chain, dateline);
        out.push(chain);
    }
    out
}
