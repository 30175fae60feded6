//! Where an attribution's content ends, and what kind of quotation it is.
//!
//! Content runs from its first token to the end of the clause: a sentence stop outside
//! quotation marks, the end of the paragraph (unless an open quotation continues into a
//! paragraph that opens with a quotation mark), or a following cue joined by a comma
//! (، مضيفا / ، وأضاف / ، وفقا لـ).

use crate::cues::Feat;
use crate::model::QuoteType;
use crate::segment::Document;

/// Longest unquoted content, in tokens.
const MAX_CLAUSE: usize = 250;
/// Longest content inside quotation marks, in tokens.
const MAX_QUOTED: usize = 2000;

/// Quotation role of each token: +1 opens, -1 closes, 0 neither. Straight quotes alternate
/// within a paragraph.
pub fn quote_roles(doc: &Document, feats: &[Feat]) -> Vec<i8> {
    let mut roles = vec![0i8; feats.len()];
    let mut straight_open = false;
    let mut para = u32::MAX;
    for (i, f) in feats.iter().enumerate() {
        if doc.tokens[i].paragraph != para {
            para = doc.tokens[i].paragraph;
            straight_open = false;
        }
        roles[i] = match f.punct {
            Some('«') => 1,
            Some('»') => -1,
            Some('"') => {
                straight_open = !straight_open;
                if straight_open {
                    1
                } else {
                    -1
                }
            }
            _ => 0,
        };
    }
    roles
}

/// The exclusive end of content starting at `start`. `stop_before(i)` says whether a cue
/// joined at token `i` ends the content there.
pub fn end(
    doc: &Document,
    feats: &[Feat],
    roles: &[i8],
    start: usize,
    stop_before: impl Fn(usize) -> bool,
) -> usize {
    let n = feats.len();
    let mut depth = 0usize;
    // Whether the quotation that opens the content is still open.
    let mut opening = roles.get(start) == Some(&1);
    let mut i = start;
    let mut para = doc.tokens.get(start).map_or(0, |t| t.paragraph);
    // Unquoted content is one clause: it never runs past a few hundred words, so text without
    // punctuation stays linear. Quotations may run longer, over several paragraphs.
    let limit = (start + MAX_QUOTED).min(n);
    while i < limit {
        let t = &doc.tokens[i];
        if t.paragraph != para {
            // An open quotation runs on when the next paragraph opens with a quotation mark.
            if depth > 0 && roles[i] == 1 {
                para = t.paragraph;
                i += 1;
                continue;
            }
            return trim(feats, start, i);
        }
        match roles[i] {
            1 => depth += 1,
            -1 if depth > 0 => {
                depth -= 1;
                // A quotation that opened the content ends it, unless words go on.
                if depth == 0
                    && std::mem::take(&mut opening)
                    && feats.get(i + 1).is_none_or(|f| !f.word)
                {
                    return i + 1;
                }
            }
            _ => {}
        }
        if depth == 0 {
            if i >= start + MAX_CLAUSE || feats[i].is_stop() {
                return trim(feats, start, i);
            }
            if i > start && feats[i].punct == Some('،') && stop_before(i + 1) {
                return trim(feats, start, i);
            }
            if i > start && stop_before(i) {
                return trim(feats, start, i);
            }
        }
        i += 1;
    }
    trim(feats, start, i)
}

/// The token in `start..end` that closes the quotation opened at `start`.
fn closing(roles: &[i8], start: usize, end: usize) -> Option<usize> {
    let mut depth = 0i32;
    (start..end).find(|&k| {
        depth += roles[k] as i32;
        depth == 0 && roles[k] == -1
    })
}

/// Drops trailing commas, colons and dashes (closing quotation marks stay).
fn trim(feats: &[Feat], start: usize, mut end: usize) -> usize {
    while end > start && matches!(feats[end - 1].punct, Some('،' | ':' | '-' | '.' | '؛')) {
        end -= 1;
    }
    end
}

/// Direct when the content is one quotation; mixed when it holds one; else indirect.
pub fn quote_type(roles: &[i8], start: usize, end: usize) -> QuoteType {
    if start >= end {
        return QuoteType::None;
    }
    if roles[start] == 1 && closing(roles, start, end) == Some(end - 1) {
        return QuoteType::Direct;
    }
    if roles[start..end].iter().any(|&r| r != 0) {
        QuoteType::Mixed
    } else {
        QuoteType::Indirect
    }
}
