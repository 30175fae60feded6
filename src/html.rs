//! Stage 0 for web pages: the article's text out of an HTML page. The page is read by a real
//! HTML tokenizer (html5ever's), which decodes entities and knows where scripts and styles end;
//! scripts, styles, navigation, headers, footers, asides, forms and hidden parts are dropped;
//! every block (paragraph, heading, list item, table cell, quotation) becomes one line. Offsets
//! in the analysis then refer to this extracted text.
//!
//! No tree is built: a tree builder checks the stack of open elements at every tag, which
//! costs time quadratic in the nesting of a hostile page, while the extraction only needs to
//! know whether it is inside a dropped element. Time is linear in the page.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "svg", "iframe", "head", "title", "textarea",
];

/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "br",
    "tr",
    "td",
    "th",
    "table",
    "figcaption",
    "pre",
    "dd",
    "dt",
];

/// Elements whose content is raw text, not markup (see [`raw_state`]).
const RAW: &[&str] = &[
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "title",
    "textarea",
    "plaintext",
];

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// Attributes kept on one tag; the rest are dropped before tokenizing, because the
/// tokenizer's duplicate check costs time quadratic in a tag's attributes.
const MAX_ATTRIBUTES: usize = 256;

/// The text of an HTML page, a line per block, blank lines collapsed.
pub fn extract(page: &str) -> String {
    let page = cap_attributes(page);
    let sink = Sink::default();
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(&page));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let out = tokenizer.sink.out.into_inner();
    // One line per block: trim each, drop empty ones.
    let mut text = String::with_capacity(out.len());
    for line in out.lines() {
        let mut first = true;
        for word in line.split_whitespace() {
            if !first {
                text.push(' ');
            }
            text.push_str(word);
            first = false;
        }
        if !first {
            text.push('\n');
        }
    }
    text
}

/// The page with every tag's attributes past [`MAX_ATTRIBUTES`] removed. Tags are found as the
/// tokenizer finds them (comments, quoted values and raw-text elements skipped), closely
/// enough that only a tag of that many attributes is ever changed.
fn cap_attributes(page: &str) -> std::borrow::Cow<'_, str> {
    let b = page.as_bytes();
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(k) = page[i..].find('<') {
        i += k + 1;
        if page[i..].starts_with("!--") {
            i = page[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let end_tag = b.get(i) == Some(&b'/');
        let name_at = i + usize::from(end_tag);
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let mut j = name_at;
        while j < b.len() && !matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>') {
            j += 1;
        }
        let name = page[name_at..j].to_ascii_lowercase();
        // Attributes: a name, then `=` and a value, quoted or not.
        let mut count = 0;
        let mut drop_from = None;
        loop {
            while j < b.len() && matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            count += 1;
            if count > MAX_ATTRIBUTES && drop_from.is_none() {
                drop_from = Some(j);
            }
            j += 1;
            while j < b.len()
                && !matches!(
                    b[j],
                    b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>' | b'='
                )
            {
                j += 1;
            }
            while j < b.len() && matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ') {
                j += 1;
            }
            if b.get(j) != Some(&b'=') {
                continue;
            }
            j += 1;
            while j < b.len() && matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ') {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    j = page[j + 1..]
                        .find(q as char)
                        .map_or(b.len(), |e| j + 1 + e + 1);
                }
                _ => {
                    while j < b.len()
                        && !matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'>')
                    {
                        j += 1;
                    }
                }
            }
        }
        if let Some(from) = drop_from {
            cut.push((from, j));
        }
        i = (j + 1).min(b.len());
        // A raw-text element's content is not markup: go on after its end tag.
        if !end_tag && RAW.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ascii_ci(&page[i..], &close).map_or(b.len(), |e| i + e);
        }
    }
    if cut.is_empty() {
        return std::borrow::Cow::Borrowed(page);
    }
    let mut out = String::with_capacity(page.len());
    let mut at = 0;
    for (from, to) in cut {
        out.push_str(&page[at..from]);
        at = to;
    }
    out.push_str(&page[at..]);
    std::borrow::Cow::Owned(out)
}

/// Where `needle` (ASCII, lower case) first occurs in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len()) + usize::from(h.len() >= n.len()))
        .find(|&k| h[k..k + n.len()].eq_ignore_ascii_case(n))
}

/// Collects text outside dropped elements.
#[derive(Default)]
struct Sink {
    out: RefCell<String>,
    /// The dropped element being skipped and how deep it nests in itself.
    skipping: RefCell<Option<(String, usize)>>,
}

impl Sink {
    fn tag(&self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        // In HTML a `/>` closes only void elements (and foreign ones such as svg); `<script/>`
        // opens a script like `<script>` does, and what follows it is script.
        let closes_itself = VOID.contains(&name) || (tag.self_closing && !RAW.contains(&name));
        let mut skipping = self.skipping.borrow_mut();
        if let Some((skipped, depth)) = skipping.as_mut() {
            if skipped == name && !closes_itself {
                if start {
                    *depth += 1;
                } else {
                    *depth -= 1;
                }
            }
            if *depth == 0 {
                *skipping = None;
            }
            return raw_state(name, start);
        }
        let hidden = tag.attrs.iter().any(|a| &*a.name.local == "hidden");
        if start && !closes_itself && (DROPPED.contains(&name) || hidden) {
            *skipping = Some((name.to_string(), 1));
            return raw_state(name, start);
        }
        if BLOCKS.contains(&name) {
            self.out.borrow_mut().push('\n');
        }
        raw_state(name, start)
    }
}

/// Elements whose content the tokenizer must read as raw text, as a tree builder would tell
/// it to: otherwise a `<` inside a script would open tags.
fn raw_state(name: &str, start: bool) -> TokenSinkResult<()> {
    if !start {
        return TokenSinkResult::Continue;
    }
    match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => TokenSinkResult::Continue,
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => self.tag(&tag),
            Token::CharacterTokens(t) => {
                if self.skipping.borrow().is_none() {
                    self.out.borrow_mut().push_str(&t);
                }
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_paragraphs_and_drops_the_rest() {
        let page = r#"<!DOCTYPE html><html><head><title>عنوان</title><style>p{}</style></head>
<body><nav><a href="/">الرئيسية</a></nav><header>شعار</header>
<article><h1>محادثات سرية</h1><p>قال الوزير <b>سامي الحداد</b> إن المحادثات جرت.</p>
<script>alert("x")</script><p>ونفت الوزارة ذلك.</p></article>
<footer>حقوق النشر</footer></body></html>"#;
        assert_eq!(
            extract(page),
            "محادثات سرية\nقال الوزير سامي الحداد إن المحادثات جرت.\nونفت الوزارة ذلك.\n"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = format!(
            "{}<p>قال الوزير</p>{}",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        assert!(extract(&page).contains("قال الوزير"));
    }

    #[test]
    fn raw_text_and_hidden_parts_are_not_article_text() {
        let page = "<p>قال الوزير</p><script>if (a <p) { x = '<div>'; }</script>\
                    <div hidden><p>مخفي</p><div>مخفي أيضا</div></div><p>ونفت الوزارة</p>\
                    <title>عنوان <b></title><textarea><p>نموذج</textarea><br/><img src=x><p>النهاية";
        assert_eq!(extract(page), "قال الوزير\nونفت الوزارة\nالنهاية\n");
    }

    #[test]
    fn an_unclosed_dropped_element_drops_the_rest() {
        assert_eq!(extract("<p>أول</p><aside><p>جانبي"), "أول\n");
    }

    #[test]
    fn a_self_closing_script_or_style_still_hides_its_source() {
        let page = "<p>قال الوزير</p><script/>var secret = 1;</script>\
                    <style/>p { color: red }</style><p>ونفت الوزارة</p><br/><p>النهاية</p>";
        assert_eq!(extract(page), "قال الوزير\nونفت الوزارة\nالنهاية\n");
    }

    #[test]
    fn a_tag_of_many_attributes_is_cut_not_tokenized_whole() {
        let many: String = (0..5_000).map(|k| format!(" a{k}=\"x>y\"")).collect();
        let page = format!("<p{many}>قال الوزير</p><script>x = '<p{many}>';</script><p>ونفت</p>");
        let capped = cap_attributes(&page);
        assert!(
            capped.find("قال").unwrap() < many.len() / 10,
            "the extra attributes are gone"
        );
        assert!(capped.contains("x = '<p"), "script content is not markup");
        assert_eq!(extract(&page), "قال الوزير\nونفت\n");
        let small = "<p a=1 b='2' c>قال</p>";
        assert!(matches!(
            cap_attributes(small),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            extract("<p>قال &laquo;نعم&raquo; &amp; مضى</p>"),
            "قال «نعم» & مضى\n"
        );
    }
}
