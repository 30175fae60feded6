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

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// The text of an HTML page, a line per block, blank lines collapsed.
pub fn extract(page: &str) -> String {
    let sink = Sink::default();
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(page));
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
        let closes_itself = tag.self_closing || VOID.contains(&name);
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
    fn entities_are_decoded() {
        assert_eq!(
            extract("<p>قال &laquo;نعم&raquo; &amp; مضى</p>"),
            "قال «نعم» & مضى\n"
        );
    }
}
