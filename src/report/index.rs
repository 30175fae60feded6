//! The index of a directory of report pages: one row per document, linking its page and its
//! original address, so that `report DIR -o OUT` gives a place to start reading.

use askama::Template;

use super::bidi;
use super::labels::{self, Labels};
use crate::batch::Meta;

/// One document of the index.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// The record's metadata.
    pub meta: Meta,
    /// The page's file name beside the index; none when the document failed.
    pub page: Option<String>,
    /// Attributions found.
    pub attributions: usize,
}

impl Entry {
    /// A document that could not be read: listed, without a page.
    pub fn failed(id: String) -> Entry {
        Entry {
            meta: Meta {
                id,
                ..Meta::default()
            },
            ..Entry::default()
        }
    }
}

struct Row {
    title: String,
    id: String,
    outlet: String,
    date: String,
    page: String,
    url: String,
    attributions: usize,
}

#[derive(Template)]
#[template(path = "index.html")]
struct Page<'a> {
    l: &'a Labels,
    head_name: String,
    name: String,
    rows: Vec<Row>,
}

/// The index page of `entries` (in the order given), for the directory named `name`. Arabic
/// unless most of the titles are in another script.
pub fn index_html(entries: &[Entry], name: &str) -> String {
    let titles: String = entries
        .iter()
        .filter_map(|e| e.meta.title.as_deref())
        .collect::<Vec<_>>()
        .join(" ");
    let l = labels::for_text(&titles);
    let rows = entries
        .iter()
        .map(|e| Row {
            title: bidi::balance(e.meta.title.as_deref().unwrap_or(&e.meta.id)),
            id: bidi::balance(&e.meta.id),
            outlet: bidi::balance(e.meta.outlet.as_deref().unwrap_or_default()),
            date: bidi::balance(e.meta.date.as_deref().unwrap_or_default()),
            page: e.page.as_deref().map(page_href).unwrap_or_default(),
            url: super::web_address(e.meta.url.as_deref())
                .unwrap_or_default()
                .to_string(),
            attributions: e.attributions,
        })
        .collect();
    Page {
        l,
        head_name: bidi::isolate(name),
        name: bidi::balance(name),
        rows,
    }
    .render()
    .expect("the index template renders")
}

/// The file a document's page is written to in `report -o DIR`: its id with letters, digits,
/// `-`, `_` and `.` kept and the rest `_`, then `.html`.
pub fn page_file(id: &str) -> String {
    let mut name = String::new();
    for c in id.chars() {
        let c = if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
            c
        } else {
            '_'
        };
        if name.len() + c.len_utf8() > NAME_BYTES {
            break;
        }
        name.push(c);
    }
    let name = name.trim_start_matches('.');
    if name.is_empty() {
        "document.html".into()
    } else {
        format!("{name}.html")
    }
}

/// The longest stem of a page name, in bytes: with `-NNN.html` (a repeated id is numbered) it
/// stays within the 255 bytes file systems allow.
const NAME_BYTES: usize = 200;

/// A file name as a relative link: percent-encoded, so that `#`, `?` or `:` in a name cannot
/// make it an anchor, a query or a scheme.
pub fn page_href(file: &str) -> String {
    let mut out = String::from("./");
    for b in file.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A relative directory path as a link: each part percent-encoded as [`page_href`] does.
pub fn path_href(dir: &str) -> String {
    dir.split('/')
        .map(|part| {
            if part == "." || part == ".." {
                part.to_string()
            } else {
                page_href(part).trim_start_matches("./").to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_linked_with_its_record() {
        let entries = vec![
            Entry {
                meta: Meta {
                    id: "d1".into(),
                    title: Some("الوزير يزور جنيف".into()),
                    outlet: Some("صحيفة".into()),
                    date: Some("2015-07-21".into()),
                    url: Some("https://example.org/a?b=1".into()),
                },
                page: Some("d1.html".into()),
                attributions: 3,
            },
            Entry {
                meta: Meta {
                    id: "a:b#c".into(),
                    url: Some("javascript:alert(1)".into()),
                    ..Meta::default()
                },
                page: Some("a:b#c.html".into()),
                attributions: 0,
            },
            Entry {
                meta: Meta {
                    id: "bad\u{202E}x".into(),
                    title: Some("\u{202E}عنوان".into()),
                    outlet: Some("\u{2067}صحيفة".into()),
                    ..Meta::default()
                },
                page: None,
                attributions: 0,
            },
        ];
        let page = index_html(&entries, "pages");
        assert!(page.contains(r#"href="./d1.html""#));
        assert!(page.contains(r#"href="./a%3Ab%23c.html""#));
        assert!(page.contains(r#"href="https://example.org/a?b=1""#));
        assert!(!page.contains("javascript:"));
        assert!(page.contains("الوزير يزور جنيف") && page.contains("2015-07-21"));
        assert!(page.contains(labels::AR.failed));
        assert_eq!(page.matches("<tr").count(), 4, "a heading and a row each");
        crate::report::tests::assert_isolated(&page);
    }
}
