//! Stage 2: scraper junk to skip, and the dateline that names the outlet behind the story.
//!
//! Skipped: ad markers ([ad_1]), the lines `junk.tsv` names ("اقرأ أيضا" teasers, a lone
//! "المصدر" footer) and the first copy of a headline repeated at the top. Nothing is removed
//! from the text: the parser skips these paragraphs, so offsets stay true.
//!
//! The dateline is looked for at the start of the first three paragraphs that are not junk, then
//! as a credit at the end of the text. Its outlet is a name of `media.tsv` that fills a whole
//! segment of the header (segments are separated by dashes, colons, parentheses and quotation
//! marks; –, — and - fold alike). The productions:
//!
//! | name | shape | example |
//! | --- | --- | --- |
//! | `paren` | (OUTLET) within the first words, then a dash, a colon or the paragraph's end | عمّان (بترا) - …، (الأناضول) - … |
//! | `colon_header` | dash-separated segments of at most four words, then a colon | سبق- جدة: …، الرياض - واس: …، واشنطن - «الشرق الأوسط»: … |
//! | `header_line` | a short paragraph of dash-separated segments | عين اليوم – جدة، تونس - وات |
//! | `dashed_lead` | segments each followed by a dash at the paragraph's start | رويترز - …، القاهرة - رويترز - … |
//! | `agency_line` | a short paragraph with a date that ends in the outlet | الرياض 26 شوال 1436 هـ … 2015 م واس |
//! | `credit` | the text ends with (OUTLET), a dash and OUTLET, or المصدر: OUTLET | … (رويترز)، … — أ ف ب |
//!
//! A header paragraph that holds nothing but the dateline is skipped.

use crate::lexicon::{Junk, Lexicon};
use crate::segment::{Document, TokenKind};

/// What cleaning found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// For each paragraph, whether it is junk.
    pub skip: Vec<bool>,
    /// Tokens of the outlet or agency named in the dateline or the closing credit.
    pub dateline: Option<(usize, usize)>,
    /// Whether `dateline` is a credit at the end of the text.
    pub credit: bool,
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
    let found = (0..paras.len())
        .filter(|&p| !skip[p])
        .take(3)
        .find_map(|p| dateline_in(doc, lex, paras[p]).map(|d| (p, d)));
    let mut credit = false;
    let dateline = match found {
        Some((p, Dateline { outlet, whole })) => {
            // A paragraph that is only the dateline ("CNN –") holds nothing else.
            skip[p] |= whole;
            Some(outlet)
        }
        None => {
            let last = paras.iter().rposition(|&(s, e)| s < e);
            let c = last.and_then(|p| credit_in(doc, lex, paras[p]));
            credit = c.is_some();
            c
        }
    };
    Cleaned {
        skip,
        dateline,
        credit,
    }
}

impl Cleaned {
    /// The first paragraph of the story's body: paragraphs before a dateline are the headline;
    /// a credit at the end says nothing of where the body starts.
    pub fn body_from(&self, doc: &Document) -> u32 {
        match self.dateline {
            Some((s, _)) if !self.credit => doc.tokens[s].paragraph,
            _ => 0,
        }
    }
}

/// A dateline found at a paragraph's start.
struct Dateline {
    /// The outlet's tokens.
    outlet: (usize, usize),
    /// Whether the paragraph holds nothing else.
    whole: bool,
}

/// Words a header segment may hold (سبق، عين اليوم، المدينة المنورة، محمد بن علي).
const SEGMENT: usize = 4;
/// Tokens a header before a colon may span (a reporter, the outlet, a place and the dashes).
const HEADER: usize = 14;
/// Tokens of a paragraph that is a header line (عين اليوم – جدة).
const HEADER_LINE: usize = 10;
/// Tokens of an agency's place-and-date line (الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس).
const AGENCY_LINE: usize = 20;

/// A separator between a header's segments.
fn separates(w: &str) -> bool {
    matches!(
        w,
        "-" | ":" | "(" | ")" | "«" | "»" | "\"" | "،" | "," | "/"
    )
}

/// The outlet a whole segment `words[from..to]` names, as offsets into `words`.
fn outlet(lex: &Lexicon, words: &[&str], from: usize, to: usize) -> Option<(usize, usize)> {
    let (len, _) = lex.media.longest(words, from)?;
    (from + len == to).then_some((from, to))
}

/// The segments of `words[..end]`: runs of words between separators.
fn segments(words: &[&str], end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, w) in words[..end].iter().enumerate() {
        if separates(w) {
            if start < k {
                out.push((start, k));
            }
            start = k + 1;
        }
    }
    if start < end {
        out.push((start, end));
    }
    out
}

/// The dateline at the start of one paragraph, or after a scraper's Latin words before it
/// ("Next Previous عين اليوم – جدة").
fn dateline_in(doc: &Document, lex: &Lexicon, (s, e): (usize, usize)) -> Option<Dateline> {
    let latin = |i: usize| doc.text(i).bytes().all(|b| b.is_ascii_alphabetic());
    (s..e.min(s + 3))
        .take_while(|&i| i == s || latin(i - 1))
        .find_map(|from| header(doc, lex, (from, e)))
}

/// The dateline at the start of tokens `s..e`.
fn header(doc: &Document, lex: &Lexicon, (s, e): (usize, usize)) -> Option<Dateline> {
    let n = (e - s).min(AGENCY_LINE + 1);
    let words: Vec<&str> = (s..s + n).map(|i| doc.text(i)).collect();
    let at = |(a, b): (usize, usize), whole: bool| Dateline {
        outlet: (s + a, s + b),
        whole,
    };
    let short = |seg: &(usize, usize)| seg.1 - seg.0 <= SEGMENT;
    let dashed = |to: usize| words[..to].contains(&"-");
    // colon_header: سبق- جدة: …
    if let Some(c) = words.iter().take(HEADER).position(|w| *w == ":") {
        let segs = segments(&words, c);
        if dashed(c) && segs.iter().all(short) {
            if let Some(o) = segs.iter().find_map(|&(a, b)| outlet(lex, &words, a, b)) {
                return Some(at(o, false));
            }
        }
    }
    // header_line: عين اليوم – جدة
    if e - s <= HEADER_LINE && dashed(words.len()) {
        let segs = segments(&words, words.len());
        if segs.iter().all(short) {
            if let Some(o) = segs.iter().find_map(|&(a, b)| outlet(lex, &words, a, b)) {
                return Some(at(o, true));
            }
        }
    }
    // paren: عمّان (بترا) -; not an addressee inside a sentence (في تصريح لـ(وات) بأن).
    for k in 1..words.len().min(8) {
        if words[k - 1] == "(" {
            if let Some((len, _)) = lex.media.longest(&words, k) {
                let after = words.get(k + len + 1).copied();
                let closes = words.get(k + len) == Some(&")");
                if closes && matches!(after, None | Some("-" | ":")) {
                    return Some(at((k, k + len), e - s <= 4));
                }
            }
        }
    }
    // dashed_lead: رويترز - …، القاهرة - رويترز - …
    let mut start = 0;
    for k in 0..words.len().min(HEADER) {
        if separates(words[k]) && words[k] != "-" {
            break;
        }
        if words[k] == "-" {
            if k == start || k - start > SEGMENT {
                break;
            }
            if let Some(o) = outlet(lex, &words, start, k) {
                return Some(at(o, k + 1 == e - s));
            }
            start = k + 1;
        }
    }
    // agency_line: a place, a date and the outlet, alone on a line.
    if e - s <= AGENCY_LINE {
        let has_date = (s..e).any(|i| doc.tokens[i].kind == TokenKind::Number);
        let end = words.len();
        let last = segments(&words, end).pop()?;
        let named = (last.0..last.1).find_map(|a| outlet(lex, &words, a, last.1));
        // The outlet follows the date: a year, or its era letter (2015 م، 1436 هـ).
        let after_date = named.is_some_and(|(a, _)| {
            a > 0 && (doc.tokens[s + a - 1].kind == TokenKind::Number || words[a - 1] == "م")
        });
        if has_date && after_date && last.1 == end {
            return named.map(|o| at(o, true));
        }
    }
    None
}

/// A credit ending the text: "(رويترز)", "— أ ف ب", "-وات-", "المصدر: وات", with a final full
/// stop or not.
fn credit_in(doc: &Document, lex: &Lexicon, (s, e): (usize, usize)) -> Option<(usize, usize)> {
    let from = e.saturating_sub(8).max(s);
    let mut words: Vec<&str> = (from..e).map(|i| doc.text(i)).collect();
    while words.last().is_some_and(|w| matches!(*w, "." | "-")) {
        words.pop();
    }
    let closes = words.last() == Some(&")");
    if closes {
        words.pop();
    }
    let end = words.len();
    (0..end).find_map(|k| {
        let before = k.checked_sub(1).map(|b| words[b]);
        let source_colon = before == Some(":") && k >= 2 && words[k - 2] == "المصدر";
        let opens = if closes {
            before == Some("(")
        } else {
            before == Some("-") || source_colon
        };
        let (a, b) = outlet(lex, &words, k, end).filter(|_| opens)?;
        Some((from + a, from + b))
    })
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

    /// The outlet each production finds, or none.
    fn outlet_of(src: &str) -> Option<String> {
        let (c, doc) = run(src);
        c.dateline.map(|(s, e)| doc.folded(s, e).to_string())
    }

    #[test]
    fn colon_header() {
        assert_eq!(
            outlet_of("سبق- جدة: افتتحت البلدية حديقة جديدة.").as_deref(),
            Some("سبق")
        );
        assert_eq!(
            outlet_of("سامر الخطيب - سبق - المدينة المنورة: افتتحت البلدية حديقة.").as_deref(),
            Some("سبق")
        );
        assert_eq!(
            outlet_of("الرياض - واس: دشن الأمير مشروعا جديدا.").as_deref(),
            Some("واس")
        );
        assert_eq!(
            outlet_of("واشنطن - «الشرق الأوسط»: قال مسؤول إن المحادثات مستمرة.").as_deref(),
            Some("الشرق الاوسط")
        );
        // A headline's colon and an addressee before a colon are not datelines.
        assert_eq!(outlet_of("الوزير: لا تغيير في الأسعار"), None);
        assert_eq!(outlet_of("وقال (الوزير) لـ«عكاظ»: إن الخطة جاهزة."), None);
    }

    #[test]
    fn header_line() {
        let (c, doc) = run("عين اليوم – جدة\nافتتحت البلدية حديقة جديدة.");
        let (s, e) = c.dateline.unwrap();
        assert_eq!(doc.folded(s, e), "عين اليوم");
        assert_eq!(c.skip, [true, false]);
        assert_eq!(
            outlet_of("تونس - وات\nقال الوزير إن الموسم جيد.").as_deref(),
            Some("وات")
        );
        assert_eq!(outlet_of("جدة – الرياض\nافتتحت البلدية حديقة."), None);
        assert_eq!(
            outlet_of("Next Previous عين اليوم – أبها\nافتتحت البلدية حديقة.").as_deref(),
            Some("عين اليوم")
        );
    }

    #[test]
    fn paren() {
        assert_eq!(
            outlet_of("عمّان (وكالة الأنباء الأردنية) – قال الوزير إن الخطة جاهزة.").as_deref(),
            Some("وكاله الانباء الاردنيه")
        );
        assert_eq!(
            outlet_of("(الأناضول) - قال الوزير إن الخطة جاهزة.").as_deref(),
            Some("الاناضول")
        );
    }

    #[test]
    fn dashed_lead() {
        assert_eq!(
            outlet_of("رويترز - قالت الشرطة إن الطريق أغلق.").as_deref(),
            Some("رويترز")
        );
        assert_eq!(
            outlet_of("القاهرة - رويترز - قالت مصادر إن الطريق أغلق.").as_deref(),
            Some("رويترز")
        );
        // A city and a dash inside a sentence, or at its start before the body, are not.
        assert_eq!(
            outlet_of("وقال الوزير في الرياض - حيث يعقد المؤتمر - إن رويترز أخطأت."),
            None
        );
        assert_eq!(outlet_of("الرياض - افتتحت الجزيرة مكتبا جديدا."), None);
    }

    #[test]
    fn agency_line() {
        let (c, doc) =
            run("الدمام 3 رجب 1440 هـ الموافق 10 مارس 2019 م واس\nافتتحت البلدية حديقة.");
        let (s, e) = c.dateline.unwrap();
        assert_eq!(doc.folded(s, e), "واس");
        assert_eq!(c.skip, [true, false]);
        // A sentence that ends with an outlet's name is no dateline.
        assert_eq!(
            outlet_of("وقعت 3 حوادث بحسب ما أوردته واس\nوأغلقت الطرق."),
            None
        );
    }

    #[test]
    fn credit() {
        let (c, doc) =
            run("العنوان\nقال الوزير إن الخطة جاهزة.\nوأضاف أن التمويل متوفر.\nوتابع.\n(رويترز)");
        let (s, e) = c.dateline.unwrap();
        assert_eq!(doc.folded(s, e), "رويترز");
        assert!(c.credit);
        assert_eq!(c.body_from(&doc), 0);
        assert_eq!(
            outlet_of("عاد الهدوء إلى المدينة.\nوفتحت المحلات أبوابها.\nوعادت الحركة.\nوفتحت المدارس — أ ف ب.").as_deref(),
            Some("ا ف ب")
        );
        assert_eq!(
            outlet_of("عاد الهدوء.\nوفتحت المحلات.\nوعادت الحركة.\nوفتحت المدارس أبوابها -وات-")
                .as_deref(),
            Some("وات")
        );
        assert_eq!(
            outlet_of("عاد الهدوء.\nوفتحت المحلات.\nوعادت الحركة.\nالمصدر : وات").as_deref(),
            Some("وات")
        );
        // An outlet named at the end of a sentence is no credit.
        assert_eq!(
            outlet_of("عاد الهدوء.\nوفتحت المحلات.\nوعادت الحركة.\nوهذا ما أكدته رويترز."),
            None
        );
    }
}
