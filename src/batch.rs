//! Many documents: files, directories and JSON Lines, read lazily, analyzed in parallel and
//! handed back in input order. A document that cannot be read or decoded fails alone, with its
//! id; the others go on.

use std::collections::VecDeque;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::{decode, html, Analysis, Analyzer};

/// What a document's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain UTF-8 text.
    Text,
    /// An HTML page; its article text is extracted first.
    Html,
    /// JSON Lines: one `{"id", "title", "text", …}` object per line, each a document.
    Jsonl,
}

impl Format {
    /// The format a path's extension suggests: `.html`/`.htm`, `.jsonl`, else text.
    pub fn of_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm") => {
                Format::Html
            }
            Some(e) if e.eq_ignore_ascii_case("jsonl") => Format::Jsonl,
            _ => Format::Text,
        }
    }

    /// Whether a file met while walking a directory is a document of this format.
    fn wanted(self, path: &Path) -> bool {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let any = |list: &[&str]| list.iter().any(|x| ext.eq_ignore_ascii_case(x));
        match self {
            Format::Text => any(&["txt", "text", "md"]),
            Format::Html => any(&["html", "htm"]),
            Format::Jsonl => any(&["jsonl"]),
        }
    }
}

/// What a JSON Lines record or the caller says about a document besides its text; carried to
/// the output unchanged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The document's id: the `id` field, or the path, or `FILE:LINE`.
    pub id: String,
    /// Headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Outlet (newspaper, site).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Publication date as given (ISO dates give the month in archive reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A document as read: its metadata and its bytes, or why it could not be read.
#[derive(Debug)]
pub struct Item {
    /// Metadata; `id` is always set.
    pub meta: Meta,
    /// How to read the bytes (text or HTML).
    pub format: Format,
    /// The bytes, or the reason there are none.
    pub body: Result<Body>,
}

/// A document's content: bytes from a file, or text a JSON Lines record already decoded.
#[derive(Debug)]
pub enum Body {
    /// Undecoded bytes.
    Bytes(Vec<u8>),
    /// Valid UTF-8 already.
    Text(String),
}

impl Body {
    fn len(&self) -> usize {
        match self {
            Body::Bytes(b) => b.len(),
            Body::Text(t) => t.len(),
        }
    }
}

impl Item {
    /// A document named `id` that failed before it could be read.
    fn failed(id: String, error: Error) -> Item {
        Item {
            meta: Meta {
                id,
                ..Meta::default()
            },
            format: Format::Text,
            body: Err(error),
        }
    }

    fn size(&self) -> usize {
        self.body.as_ref().map_or(0, Body::len)
    }
}

/// How documents are decoded.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Replace invalid UTF-8 instead of failing.
    pub lossy: bool,
    /// Refuse a document over this many bytes.
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lossy: false,
            max_bytes: decode::DEFAULT_MAX_BYTES,
        }
    }
}

/// A document analyzed: metadata, the text the offsets refer to, and the analysis.
#[derive(Debug)]
pub struct Analyzed {
    /// Metadata.
    pub meta: Meta,
    /// The text the analysis' offsets refer to.
    pub text: String,
    /// The analysis.
    pub analysis: Analysis,
}

/// Decodes and analyzes one item. For HTML the extracted text is analyzed and the analysis
/// carries it as `text`.
pub fn analyze(analyzer: &Analyzer, item: Item, opts: Options) -> Result<Analyzed> {
    let html = item.format == Format::Html;
    let (meta, text) = read(item, opts)?;
    let mut analysis = analyzer.analyze(&text);
    if html {
        analysis.text = Some(text.clone());
    }
    Ok(Analyzed {
        meta,
        text,
        analysis,
    })
}

/// Decodes one item into the text an analysis reads: an HTML page's extracted article text.
pub fn read(item: Item, opts: Options) -> Result<(Meta, String)> {
    let body = item.body?;
    if body.len() > opts.max_bytes {
        return Err(Error::TooLarge {
            size: body.len(),
            limit: opts.max_bytes,
        });
    }
    // Text is decoded once: a record's text already is; a file's bytes are here.
    let text = match body {
        Body::Text(t) if opts.lossy => t,
        Body::Text(t) => {
            decode::refuse_binary(&t)?;
            t
        }
        Body::Bytes(b) if opts.lossy => match String::from_utf8(b) {
            Ok(s) => s,
            Err(e) => decode::decode_lossy(e.as_bytes()).into_owned(),
        },
        Body::Bytes(b) => decode::decode_owned(b)?,
    };
    if item.format == Format::Html {
        return Ok((item.meta, html::extract(&text)));
    }
    Ok((item.meta, text))
}

/// The JSON Lines record of an analysis: its metadata, then the `isnad/1` fields.
#[derive(Serialize)]
pub struct Record<'a> {
    /// Metadata.
    #[serde(flatten)]
    pub meta: &'a Meta,
    /// The analysis.
    #[serde(flatten)]
    pub analysis: &'a Analysis,
}

/// The JSON Lines record of a document that failed.
#[derive(Serialize)]
pub struct Failed<'a> {
    /// The document's id.
    pub id: &'a str,
    /// Why it failed.
    pub error: String,
}

/// Where documents come from, in order.
#[derive(Debug, Clone)]
pub enum Origin {
    /// A file or directory (walked in name order).
    Path(PathBuf),
    /// Standard input.
    Stdin,
}

/// Reads documents lazily from origins, in order: a file is one document (or, for JSON Lines,
/// one per line); a directory gives its files of the format, sorted by path, recursively.
pub struct Reader {
    format: Option<Format>,
    pending: VecDeque<Origin>,
    lines: Option<Lines>,
}

/// An open JSON Lines stream.
struct Lines {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
}

impl Reader {
    /// A reader over the origins. `format` forces one format; without it each file's extension
    /// decides and standard input is text.
    pub fn new(origins: Vec<Origin>, format: Option<Format>) -> Reader {
        Reader {
            format,
            pending: origins.into(),
            lines: None,
        }
    }

    /// Whether the origins name more than one document or a stream of them (a directory, JSON
    /// Lines), so the output is one record per document.
    pub fn is_many(origins: &[Origin], format: Option<Format>) -> bool {
        origins.len() > 1
            || format == Some(Format::Jsonl)
            || origins.iter().any(|o| match o {
                Origin::Path(p) => p.is_dir() || Format::of_path(p) == Format::Jsonl,
                Origin::Stdin => false,
            })
    }

    fn next_line(&mut self) -> Option<Item> {
        let lines = self.lines.as_mut()?;
        loop {
            let mut buf = Vec::new();
            lines.line += 1;
            let at = format!("{}:{}", lines.name, lines.line);
            match lines.reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.lines = None;
                    return None;
                }
                Ok(_) => {
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(record(&buf, at));
                }
                Err(source) => {
                    let name = lines.name.clone();
                    self.lines = None;
                    return Some(Item::failed(
                        at,
                        Error::Read {
                            path: name.into(),
                            source,
                        },
                    ));
                }
            }
        }
    }

    fn open_lines(&mut self, name: String, reader: Box<dyn BufRead + Send>) {
        self.lines = Some(Lines {
            name,
            reader,
            line: 0,
        });
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if self.lines.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            let origin = self.pending.pop_front()?;
            let path = match origin {
                Origin::Stdin => {
                    let format = self.format.unwrap_or(Format::Text);
                    if format == Format::Jsonl {
                        let stdin = std::io::BufReader::new(std::io::stdin());
                        self.open_lines("<stdin>".into(), Box::new(stdin));
                        continue;
                    }
                    let mut bytes = Vec::new();
                    let body = std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
                        .map(|_| Body::Bytes(bytes))
                        .map_err(|source| Error::Read {
                            path: "<stdin>".into(),
                            source,
                        });
                    return Some(Item {
                        meta: Meta {
                            id: "<stdin>".into(),
                            ..Meta::default()
                        },
                        format,
                        body,
                    });
                }
                Origin::Path(p) => p,
            };
            if path.is_dir() {
                let wanted = self.format.unwrap_or(Format::Text);
                match walk(&path, wanted) {
                    Ok(files) => {
                        for f in files.into_iter().rev() {
                            self.pending.push_front(Origin::Path(f));
                        }
                    }
                    Err(source) => return Some(unreadable(&path, source)),
                }
                continue;
            }
            let format = self.format.unwrap_or_else(|| Format::of_path(&path));
            if format == Format::Jsonl {
                match std::fs::File::open(&path) {
                    Ok(f) => {
                        let r = std::io::BufReader::with_capacity(1 << 16, f);
                        self.open_lines(path.display().to_string(), Box::new(r));
                        continue;
                    }
                    Err(source) => return Some(unreadable(&path, source)),
                }
            }
            let body = std::fs::read(&path)
                .map(Body::Bytes)
                .map_err(|source| Error::Read {
                    path: path.clone(),
                    source,
                });
            return Some(Item {
                meta: Meta {
                    id: path.display().to_string(),
                    ..Meta::default()
                },
                format,
                body,
            });
        }
    }
}

fn unreadable(path: &Path, source: std::io::Error) -> Item {
    Item::failed(
        path.display().to_string(),
        Error::Read {
            path: path.to_path_buf(),
            source,
        },
    )
}

/// The files of a directory tree that are documents of the format, sorted; hidden entries are
/// skipped.
fn walk(dir: &Path, format: Format) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = entry.file_type()?;
            if kind.is_dir() {
                stack.push(path);
            } else if format.wanted(&path) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The fields of a JSON Lines record that are read; others are ignored.
#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
    text: Option<String>,
}

/// One JSON Lines record as a document; `at` (`FILE:LINE`) names it when it has no id.
fn record(buf: &[u8], at: String) -> Item {
    let line = match std::str::from_utf8(buf) {
        Ok(s) => s,
        Err(e) => {
            return Item::failed(
                at.clone(),
                Error::Record {
                    at,
                    message: format!("not valid UTF-8 at byte {} of the line", e.valid_up_to()),
                },
            )
        }
    };
    let parsed: Line = match serde_json::from_str(line) {
        Ok(l) => l,
        Err(e) => {
            return Item::failed(
                at.clone(),
                Error::Record {
                    at,
                    message: e.to_string(),
                },
            )
        }
    };
    let id = match parsed.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => at.clone(),
        Some(v) => v.to_string(),
    };
    let meta = Meta {
        id,
        title: parsed.title,
        outlet: parsed.outlet,
        date: parsed.date,
        url: parsed.url,
    };
    match parsed.text {
        Some(text) => Item {
            meta,
            format: Format::Text,
            body: Ok(Body::Text(text)),
        },
        None => Item::failed(
            meta.id,
            Error::Record {
                at,
                message: "no \"text\" field".into(),
            },
        ),
    }
}

/// Documents per parallel batch, and bytes: enough to keep every core busy, few enough that
/// memory stays flat however long the stream.
const BATCH_ITEMS: usize = 512;
const BATCH_BYTES: usize = 16 << 20;

/// Runs `work` on every item in parallel and hands the results to `emit` in input order.
/// Items are read in batches by a thread of their own, one batch ahead of the workers, so
/// reading overlaps the analysis and memory depends on the batch, not on the stream's length.
pub fn ordered<T, R, W, E>(
    items: impl Iterator<Item = T> + Send,
    size: fn(&T) -> usize,
    work: W,
    mut emit: E,
) where
    T: Send,
    R: Send,
    W: Fn(T) -> R + Sync,
    E: FnMut(R),
{
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<T>>(1);
        scope.spawn(move || {
            let mut items = items.peekable();
            while items.peek().is_some() {
                let mut batch = Vec::new();
                let mut bytes = 0;
                while batch.len() < BATCH_ITEMS && bytes < BATCH_BYTES {
                    let Some(item) = items.next() else { break };
                    bytes += size(&item);
                    batch.push(item);
                }
                if tx.send(batch).is_err() {
                    return;
                }
            }
        });
        for batch in rx {
            let results: Vec<R> = batch.into_par_iter().map(&work).collect();
            results.into_iter().for_each(&mut emit);
        }
    });
}

/// The size of an item, for batching.
pub fn item_size(item: &Item) -> usize {
    item.size()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Item> {
        let mut r = Reader::new(vec![], Some(Format::Jsonl));
        r.open_lines(
            "t.jsonl".into(),
            Box::new(std::io::Cursor::new(text.to_string())),
        );
        r.collect()
    }

    #[test]
    fn jsonl_records_keep_order_and_fail_alone() {
        let items = lines(
            "{\"id\": \"x1\", \"title\": \"عنوان\", \"text\": \"قال الوزير إن الجلسة تأجلت.\"}\n\
             \n\
             {\"id\": 7, \"text\": \"نص\"}\n\
             not json\n\
             {\"id\": \"x4\"}\n\
             {\"text\": \"بلا رقم\"}\n",
        );
        let ids: Vec<&str> = items.iter().map(|i| i.meta.id.as_str()).collect();
        assert_eq!(ids, ["x1", "7", "t.jsonl:4", "x4", "t.jsonl:6"]);
        assert_eq!(items[0].meta.title.as_deref(), Some("عنوان"));
        assert!(items[0].body.is_ok() && items[1].body.is_ok() && items[4].body.is_ok());
        let bad = items[2].body.as_ref().unwrap_err().to_string();
        assert!(bad.starts_with("t.jsonl:4: "), "{bad}");
        let no_text = items[3].body.as_ref().unwrap_err().to_string();
        assert!(no_text.contains("no \"text\""), "{no_text}");
    }

    #[test]
    fn a_record_with_invalid_utf8_fails_alone() {
        let mut r = Reader::new(vec![], Some(Format::Jsonl));
        let bytes = b"{\"id\":\"a\",\"text\":\"\xff\"}\n{\"id\":\"b\",\"text\":\"ok\"}\n".to_vec();
        r.open_lines("t".into(), Box::new(std::io::Cursor::new(bytes)));
        let items: Vec<Item> = r.collect();
        assert_eq!(items.len(), 2);
        assert!(items[0].body.is_err());
        assert!(items[1].body.is_ok());
    }

    #[test]
    fn ordered_keeps_input_order() {
        let mut out = Vec::new();
        ordered(0..5000usize, |_| 1, |i| i * 2, |r| out.push(r));
        assert_eq!(out, (0..5000).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn bad_documents_fail_with_their_reason() {
        let analyzer = Analyzer::new();
        let item = |bytes: &[u8]| Item {
            meta: Meta {
                id: "d".into(),
                ..Meta::default()
            },
            format: Format::Text,
            body: Ok(Body::Bytes(bytes.to_vec())),
        };
        let opts = Options::default();
        let err = analyze(&analyzer, item(b"a\xffb"), opts).unwrap_err();
        assert!(matches!(err, Error::InvalidUtf8 { offset: 1 }), "{err}");
        let err = analyze(&analyzer, item(b"a\0b"), opts).unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 1 }), "{err}");
        let small = Options {
            max_bytes: 2,
            ..opts
        };
        assert!(matches!(
            analyze(&analyzer, item(b"abc"), small),
            Err(Error::TooLarge { .. })
        ));
        let lossy = Options {
            lossy: true,
            ..opts
        };
        let ok = analyze(&analyzer, item(b"a\xffb"), lossy).unwrap();
        assert_eq!(ok.text, "a\u{FFFD}b");
    }

    #[test]
    fn formats_from_extensions() {
        assert_eq!(Format::of_path(Path::new("a/b.HTML")), Format::Html);
        assert_eq!(Format::of_path(Path::new("x.jsonl")), Format::Jsonl);
        assert_eq!(Format::of_path(Path::new("x.txt")), Format::Text);
        assert!(Format::Text.wanted(Path::new("a.md")));
        assert!(!Format::Text.wanted(Path::new("a.png")));
    }
}
