//! Stage 0 for web pages: the article's text out of an HTML page. The page is parsed with a
//! real HTML parser (html5ever, through scraper); scripts, styles, navigation, headers, footers,
//! asides, forms and hidden parts are dropped; every block (paragraph, heading, list item, table
//! cell, quotation) becomes one line. Offsets in the analysis then refer to this extracted text.

use scraper::{ElementRef, Html, Node};

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "svg", "iframe", "head",
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

/// The text of an HTML page, a line per block, blank lines collapsed.
pub fn extract(page: &str) -> String {
    let doc = Html::parse_document(page);
    let mut out = String::new();
    walk(doc.root_element(), &mut out);
    // One line per block: trim each, drop empty ones.
    let mut text = String::with_capacity(out.len());
    for line in out.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

/// Writes the text under `root`, walking with an explicit stack: hostile pages nest elements
/// as deep as they like.
fn walk(root: ElementRef<'_>, out: &mut String) {
    enum Step<'a> {
        Enter(ego_tree::NodeRef<'a, Node>),
        Leave(bool),
    }
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave(block) => {
                if block {
                    out.push('\n');
                }
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(el) => {
                let name = el.name();
                if DROPPED.contains(&name) || el.attr("hidden").is_some() {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.push('\n');
                }
                stack.push(Step::Leave(block));
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(Step::Enter));
            }
            _ => {}
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
    fn entities_are_decoded() {
        assert_eq!(
            extract("<p>قال &laquo;نعم&raquo; &amp; مضى</p>"),
            "قال «نعم» & مضى\n"
        );
    }
}
