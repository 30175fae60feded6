//! A request's body as a document: the content type says how to read it, and the result is the
//! same [`Item`] the command line builds from a file or a JSON Lines record, so the analysis
//! that follows is the command line's own.

use serde::Deserialize;

use crate::batch::{Body, Format, Item, Meta};
use crate::decode;

/// The name a draft goes by when the request gives none (in the lint's `file` and the
/// report's header), as a file of that name would on the command line.
pub const DEFAULT_NAME: &str = "draft";

/// How a body is read, from its `Content-Type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `text/plain`: the draft itself, like a text file.
    Text,
    /// `text/html`: a web page whose article text is extracted, like `--input html`.
    Html,
    /// `application/json`: `{"text", "id", "title", "outlet", "date", "url"}`, like one JSON
    /// Lines record.
    Json,
    /// `application/x-www-form-urlencoded`: the page's form without script (`text`, `id`).
    Form,
}

/// Why a body cannot be read as a draft; each names what the client can fix.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Refusal {
    /// No content type, or one the API does not read.
    #[error("send the draft as text/plain, text/html, application/json or application/x-www-form-urlencoded (UTF-8), not {0}")]
    Unsupported(String),
    /// A charset other than UTF-8.
    #[error("send the draft in UTF-8, not {0}")]
    Charset(String),
    /// The body is not UTF-8, or holds a NUL.
    #[error("{0}")]
    Encoding(String),
    /// The JSON or the form is malformed or has no text.
    #[error("{0}")]
    Malformed(String),
}

impl Kind {
    /// The kind a `Content-Type` value names; parameters other than a UTF-8 charset refuse it.
    pub fn of(content_type: Option<&str>) -> Result<Kind, Refusal> {
        let Some(value) = content_type else {
            return Err(Refusal::Unsupported("a body without a content type".into()));
        };
        let mut parts = value.split(';');
        let essence = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        for p in parts {
            let (key, val) = p.split_once('=').unwrap_or((p, ""));
            let val = val.trim().trim_matches('"');
            if key.trim().eq_ignore_ascii_case("charset")
                && !val.eq_ignore_ascii_case("utf-8")
                && !val.eq_ignore_ascii_case("utf8")
            {
                return Err(Refusal::Charset(val.to_string()));
            }
        }
        match essence.as_str() {
            "text/plain" => Ok(Kind::Text),
            "text/html" => Ok(Kind::Html),
            "application/json" => Ok(Kind::Json),
            "application/x-www-form-urlencoded" => Ok(Kind::Form),
            _ => Err(Refusal::Unsupported(value.chars().take(80).collect())),
        }
    }

    /// How many body bytes to accept for a draft of at most `max_bytes`: a form's percent
    /// escapes take up to three bytes for one, and the draft's own size is checked after.
    pub fn body_limit(self, max_bytes: usize) -> usize {
        match self {
            Kind::Form => max_bytes.saturating_mul(3).saturating_add(4096),
            Kind::Json => max_bytes.saturating_mul(2).saturating_add(4096),
            Kind::Text | Kind::Html => max_bytes,
        }
    }
}

/// The fields of a JSON body that are read.
#[derive(Deserialize)]
struct Fields {
    text: Option<String>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// A request body as a document, and whether it came as a record (JSON) whose metadata the
/// analysis carries.
pub fn item(kind: Kind, body: Vec<u8>) -> Result<(Item, bool), Refusal> {
    let named = |id: Option<String>| Meta {
        id: id
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| DEFAULT_NAME.into()),
        ..Meta::default()
    };
    match kind {
        Kind::Text | Kind::Html => Ok((
            Item {
                meta: named(None),
                format: if kind == Kind::Html {
                    Format::Html
                } else {
                    Format::Text
                },
                body: Ok(Body::Bytes(body)),
            },
            false,
        )),
        Kind::Json => {
            // Decoded first, so a bad byte is named by its offset in the body.
            let json = utf8(body)?;
            let f: Fields =
                serde_json::from_str(&json).map_err(|e| Refusal::Malformed(e.to_string()))?;
            let text = f
                .text
                .ok_or_else(|| Refusal::Malformed("no \"text\" field".into()))?;
            let meta = Meta {
                title: f.title,
                outlet: f.outlet,
                date: f.date,
                url: f.url,
                ..named(f.id)
            };
            Ok((
                Item {
                    meta,
                    format: Format::Text,
                    body: Ok(Body::Text(text)),
                },
                true,
            ))
        }
        Kind::Form => {
            let (mut text, mut id) = (None, None);
            for pair in body.split(|&b| b == b'&') {
                let (key, value) = match pair.iter().position(|&b| b == b'=') {
                    Some(i) => (&pair[..i], &pair[i + 1..]),
                    None => (pair, &pair[..0]),
                };
                match key {
                    b"text" => text = Some(form_value(value)),
                    b"id" => id = Some(form_value(value)),
                    _ => {}
                }
            }
            let text = text.ok_or_else(|| Refusal::Malformed("no \"text\" field".into()))?;
            let id = id.map(utf8).transpose()?;
            Ok((
                Item {
                    meta: named(id),
                    format: Format::Text,
                    body: Ok(Body::Bytes(text)),
                },
                false,
            ))
        }
    }
}

/// A form value's bytes: `+` is a space, `%XX` a byte.
fn form_value(raw: &[u8]) -> Vec<u8> {
    let spaced: Vec<u8> = raw
        .iter()
        .map(|&b| if b == b'+' { b' ' } else { b })
        .collect();
    percent_encoding::percent_decode(&spaced).collect()
}

fn utf8(bytes: Vec<u8>) -> Result<String, Refusal> {
    decode::decode_owned(bytes).map_err(|e| Refusal::Encoding(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(item: &Item) -> Vec<u8> {
        match item.body.as_ref().unwrap() {
            Body::Bytes(b) => b.clone(),
            Body::Text(t) => t.as_bytes().to_vec(),
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(Kind::of(Some("text/plain")), Ok(Kind::Text));
        assert_eq!(Kind::of(Some("Text/Plain; charset=UTF-8")), Ok(Kind::Text));
        assert_eq!(Kind::of(Some("text/html;charset=utf-8")), Ok(Kind::Html));
        assert_eq!(Kind::of(Some("application/json")), Ok(Kind::Json));
        assert_eq!(
            Kind::of(Some("application/x-www-form-urlencoded")),
            Ok(Kind::Form)
        );
        assert!(matches!(
            Kind::of(Some("text/plain; charset=windows-1256")),
            Err(Refusal::Charset(_))
        ));
        assert!(matches!(
            Kind::of(Some("multipart/form-data; boundary=x")),
            Err(Refusal::Unsupported(_))
        ));
        assert!(matches!(Kind::of(None), Err(Refusal::Unsupported(_))));
    }

    #[test]
    fn a_form_is_percent_decoded() {
        let body = b"id=my+draft&text=%D9%82%D8%A7%D9%84+%D8%A7%D9%84%D9%88%D8%B2%D9%8A%D8%B1&x=1";
        let (item, record) = item(Kind::Form, body.to_vec()).unwrap();
        assert!(!record);
        assert_eq!(item.meta.id, "my draft");
        assert_eq!(text_of(&item), "قال الوزير".as_bytes());
    }

    #[test]
    fn a_form_without_text_is_malformed() {
        assert!(matches!(
            item(Kind::Form, b"id=x".to_vec()),
            Err(Refusal::Malformed(_))
        ));
    }

    #[test]
    fn json_carries_its_metadata() {
        let body = r#"{"text": "قال الوزير", "title": "عنوان", "url": "u"}"#;
        let (item, record) = item(Kind::Json, body.as_bytes().to_vec()).unwrap();
        assert!(record);
        assert_eq!(item.meta.id, DEFAULT_NAME);
        assert_eq!(item.meta.title.as_deref(), Some("عنوان"));
        assert_eq!(item.meta.url.as_deref(), Some("u"));
        assert_eq!(text_of(&item), "قال الوزير".as_bytes());
    }

    #[test]
    fn json_errors_name_the_problem() {
        let bad = item(Kind::Json, b"{\"title\": \"x\"}".to_vec()).unwrap_err();
        assert_eq!(bad, Refusal::Malformed("no \"text\" field".into()));
        let mut bytes = b"{\"text\": \"ab".to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice(b"\"}");
        let bad = item(Kind::Json, bytes).unwrap_err();
        assert_eq!(
            bad,
            Refusal::Encoding("input is not valid UTF-8 at byte 12".into())
        );
    }

    #[test]
    fn html_is_extracted_later() {
        let (item, _) = item(Kind::Html, b"<p>x</p>".to_vec()).unwrap();
        assert_eq!(item.format, Format::Html);
    }
}
