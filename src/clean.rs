//! Stage 2: scraper junk to skip, and the dateline that names the outlet behind the story.
//!
//! Skipped: ad markers ([ad_1]), the lines `junk.tsv` names ("اقرأ أيضا" teasers, a lone
//! "المصدر" footer) and the first copy of a headline repeated at the top. Nothing is removed
//! from the text: the parser skips these paragraphs, so offsets stay true.

use crate::lexicon::{Junk, Lexicon};
use crate::segment::Document;

/// What cleaning found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// For each paragraph, whether it is junk.
    pub skip: Vec<bool>,
    /// Tokens of the outlet or agency named in the dateline.
    pub dateline: Option<(usize, usize)>,
}

/// Finds junk paragraphs and the dateline.
pub fn clean(doc: &Document, lex: &Lexicon) -> Cleaned {
    let paras = &doc.paragraphs;
    let mut skip = vec![false; paras.len()];
    let text = |p: usize| doc.folded(paras[p].0, paras[p].1);
    // Letters and digits only, compared lazily: a paragraph may be the whole article.
    let bare = |p: usize| {
        text(p)
            .chars()
            .filter(|&c| crate::chars::is_alphanumeric(c))
    };
    for (p, s) in skip.iter_mut().enumerate() {
        let t = text(p);
        let is_ad = t.starts_with('[') && t.ends_with(']') && t.contains("ad");
        let last = p + 1 == paras.len();
        let junk = lex.junk.iter().any(|(w, at)| match at {
            Junk::Start => t.starts_with(w.as_str()),
            Junk::Whole => last && t == w,
        });
        *s = is_ad || junk;
    }
    if paras.len() > 1 && bare(0).next().is_some() && bare(0).eq(bare(1)) {
        skip[0] = true;
    }
    let dateline = (0..paras.len())
        .filter(|&p| !skip[p])
        .take(3)
        .find_map(|p| dateline_in(doc, lex, paras[p]));
    if let Some((s, _)) = dateline {
        // A paragraph that is only the dateline ("CNN –") holds nothing else.
        let p = doc.tokens[s].paragraph as usize;
        let (ps, pe) = paras[p];
        if pe - ps <= 4 {
            skip[p] = true;
        }
    }
    Cleaned { skip, dateline }
}

/// "(رويترز) -", "عمان، الأردن (CNN) --", "CNN –" at the start of a paragraph.
fn dateline_in(doc: &Document, lex: &Lexicon, (s, e): (usize, usize)) -> Option<(usize, usize)> {
    let words: Vec<&str> = (s..e).map(|i| doc.text(i)).collect();
    let limit = words.len().min(8);
    for k in 0..limit {
        if let Some((len, _)) = lex.media.longest(&words, k) {
            let before_paren = k > 0 && words[k - 1] == "(";
            let after = k + len;
            let closes = words.get(after) == Some(&")");
            let dash_at = if closes { after + 1 } else { after };
            let dashed = words.get(dash_at).is_some_and(|w| *w == "-");
            if (before_paren && closes) || (k == 0 && dashed) {
                return Some((s + k, s + after));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str) -> (Cleaned, Document) {
        let doc = Document::new(src);
        let c = clean(&doc, &Lexicon::embedded());
        (c, doc)
    }

    #[test]
    fn junk_lines_are_skipped() {
        let (c, _) = run("العنوان\n[ad_1]\nقال الوزير إن الوضع مستقر.\nاقرأ أيضاً: خبر آخر\nالمصدر");
        assert_eq!(c.skip, [false, true, false, true, true]);
    }

    #[test]
    fn repeated_headline_first_copy_is_skipped() {
        let (c, _) = run("الوزير: لا تغيير\nالوزير: «لا تغيير»\nنص الخبر.");
        assert_eq!(c.skip, [true, false, false]);
    }

    #[test]
    fn a_real_first_line_is_kept() {
        let (c, _) = run("قال الوزير إن الوضع مستقر.\nوأضاف أن المحادثات مستمرة.");
        assert_eq!(c.skip, [false, false]);
    }

    #[test]
    fn datelines() {
        let (c, doc) = run("الرياض (رويترز) - قال الوزير إن الوضع مستقر.");
        let (s, e) = c.dateline.unwrap();
        assert_eq!(doc.folded(s, e), "رويترز");
        let (c, doc) = run("CNN –\nقال الوزير إن الوضع مستقر.");
        let (s, e) = c.dateline.unwrap();
        assert_eq!(doc.folded(s, e), "cnn");
        assert_eq!(c.skip, [true, false]);
        let (c, _) = run("قال مراسل رويترز إن الوضع مستقر.");
        assert_eq!(c.dateline, None);
    }
}
