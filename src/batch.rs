//! Many documents: files, directories and JSON Lines, read lazily, analyzed in parallel and
//! handed back in input order. A document that cannot be read or decoded fails alone, with its
//! id; the others go on.

use std::collections::VecDeque;
use std::io::{BufRead, Read};
use std::ops::ControlFlow;
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
        self.extensions()
            .iter()
            .any(|x| ext.eq_ignore_ascii_case(x))
    }

    /// The extensions of this format's files in a directory.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Text => &["txt", "text", "md"],
            Format::Html => &["html", "htm"],
            Format::Jsonl => &["jsonl"],
        }
    }

    /// The `--input` value that reads this format.
    fn flag(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
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
    pending: VecDeque<Queued>,
    lines: Option<Lines>,
    limit: usize,
    notes: Option<Notes>,
}

/// Where notes go: things skipped that are not failures (a FIFO in a directory, a directory
/// with no document).
type Notes = Box<dyn FnMut(String) + Send>;

/// What the reader has still to do.
enum Queued {
    /// Read this.
    Origin(Origin),
    /// An entry of a directory that could not be read: it fails alone, under its own name.
    Failed(PathBuf, std::io::Error),
    /// An entry passed over, with why.
    Skipped(PathBuf, &'static str),
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
            pending: origins.into_iter().map(Queued::Origin).collect(),
            lines: None,
            limit: decode::DEFAULT_MAX_BYTES,
            notes: None,
        }
    }

    /// A reader of JSON Lines from a stream named `name` (for ids and messages).
    pub fn json_lines(name: &str, stream: impl BufRead + Send + 'static) -> Reader {
        let mut r = Reader::new(Vec::new(), Some(Format::Jsonl));
        r.open_lines(name.to_string(), Box::new(stream));
        r
    }

    /// Reads no document, and no JSON Lines line, past `limit` bytes: the rest is not read.
    pub fn limit(mut self, limit: usize) -> Reader {
        self.limit = limit;
        self
    }

    /// Hands notes about skipped entries to `notes`.
    pub fn notes(mut self, notes: impl FnMut(String) + Send + 'static) -> Reader {
        self.notes = Some(Box::new(notes));
        self
    }

    fn note(&mut self, message: String) {
        if let Some(n) = self.notes.as_mut() {
            n(message);
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
            match read_line(&mut lines.reader, &mut buf, self.limit) {
                Ok(LineRead::End) => {
                    self.lines = None;
                    return None;
                }
                Ok(LineRead::TooLong) => {
                    return Some(Item::failed(at, Error::OverLimit { limit: self.limit }))
                }
                Ok(LineRead::Read) => {
                    // A byte-order mark some editors put at the start of a file.
                    let body = match buf.strip_prefix(b"\xEF\xBB\xBF") {
                        Some(rest) if lines.line == 1 => rest,
                        _ => &buf[..],
                    };
                    if body.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(record(body, at));
                }
                Err(cause) => {
                    let name = lines.name.clone();
                    self.lines = None;
                    return Some(Item::failed(
                        at,
                        Error::Read {
                            path: name.into(),
                            cause,
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
            let origin = match self.pending.pop_front()? {
                Queued::Origin(o) => o,
                Queued::Failed(path, cause) => return Some(unreadable(&path, cause)),
                Queued::Skipped(path, why) => {
                    self.note(format!("{}: skipped: {why}", path.display()));
                    continue;
                }
            };
            let path = match origin {
                Origin::Stdin => {
                    let format = self.format.unwrap_or(Format::Text);
                    if format == Format::Jsonl {
                        let stdin = std::io::BufReader::new(std::io::stdin());
                        self.open_lines("<stdin>".into(), Box::new(stdin));
                        continue;
                    }
                    let body = read_bounded(std::io::stdin(), self.limit, 0).map_err(|cause| {
                        Error::Read {
                            path: "<stdin>".into(),
                            cause,
                        }
                    });
                    let body = match body {
                        Ok(Some(bytes)) => Ok(Body::Bytes(bytes)),
                        Ok(None) => Err(Error::OverLimit { limit: self.limit }),
                        Err(e) => Err(e),
                    };
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
                let (found, others) = walk(&path, wanted);
                if found.is_empty() {
                    let exts: Vec<String> = wanted
                        .extensions()
                        .iter()
                        .map(|e| format!(".{e}"))
                        .collect();
                    let hint = match others.first() {
                        Some(f) => format!(
                            "; it holds .{} files: read them with --input {}",
                            f.extensions()[0],
                            f.flag()
                        ),
                        None => String::new(),
                    };
                    let (last, rest) = exts.split_last().expect("a format has an extension");
                    let named = match rest {
                        [] => last.clone(),
                        _ => format!("{} or {last}", rest.join(", ")),
                    };
                    self.note(format!(
                        "{}: no document: no {named} file{hint}",
                        path.display()
                    ));
                }
                for f in found.into_iter().rev() {
                    self.pending.push_front(f);
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
            let body = read_file(&path, self.limit);
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

fn unreadable(path: &Path, cause: std::io::Error) -> Item {
    Item::failed(
        path.display().to_string(),
        Error::Read {
            path: path.to_path_buf(),
            cause,
        },
    )
}

/// A file's bytes, refused unread past `limit`: a regular file by its size, anything else (a
/// device such as /dev/zero, a pipe) once it has given `limit` bytes.
fn read_file(path: &Path, limit: usize) -> Result<Body> {
    let err = |cause| Error::Read {
        path: path.to_path_buf(),
        cause,
    };
    let file = std::fs::File::open(path).map_err(err)?;
    let meta = file.metadata().map_err(err)?;
    let mut hint = 0;
    if meta.is_file() {
        let size = usize::try_from(meta.len()).unwrap_or(usize::MAX);
        if size > limit {
            return Err(Error::TooLarge { size, limit });
        }
        hint = size;
    }
    match read_bounded(file, limit, hint).map_err(err)? {
        Some(bytes) => Ok(Body::Bytes(bytes)),
        None => Err(Error::OverLimit { limit }),
    }
}

/// Reads `r` to its end unless it holds more than `limit` bytes (then `None`, with at most one
/// byte past the limit read).
fn read_bounded(r: impl Read, limit: usize, hint: usize) -> std::io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::with_capacity(hint.min(limit).saturating_add(1));
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    r.take(cap).read_to_end(&mut buf)?;
    Ok((buf.len() <= limit).then_some(buf))
}

/// How a bounded line read ended.
#[derive(Debug, PartialEq, Eq)]
enum LineRead {
    /// A line within the limit is in the buffer, with its newline.
    Read,
    /// The line was longer than the limit; it was skipped without being kept.
    TooLong,
    /// Nothing was left.
    End,
}

/// Reads one line into `buf` (with its newline) unless its content is over `limit` bytes, in
/// which case the rest of it is read past and dropped: memory stays within the limit.
fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, limit: usize) -> std::io::Result<LineRead> {
    let mut over = false;
    let mut any = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(match (any, over) {
                (false, _) => LineRead::End,
                (true, true) => LineRead::TooLong,
                (true, false) => LineRead::Read,
            });
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        if !over {
            let content = if done { take - 1 } else { take };
            if buf.len() + content > limit {
                over = true;
                buf.clear();
                buf.shrink_to_fit();
            } else {
                buf.extend_from_slice(&avail[..take]);
            }
        }
        r.consume(take);
        if done {
            return Ok(if over {
                LineRead::TooLong
            } else {
                LineRead::Read
            });
        }
    }
}

/// The entries of a directory tree that are documents of the format, sorted, with the
/// subdirectories that could not be read (each failing alone) and the entries passed over
/// (anything but a regular file: a pipe would block, a device never ends; a link to a
/// directory is not followed, so a loop cannot be); hidden entries are skipped. Also gives the
/// other formats met, for a hint when none of the format is there.
fn walk(dir: &Path, format: Format) -> (Vec<Queued>, Vec<Format>) {
    let mut out: Vec<(PathBuf, Queued)> = Vec::new();
    let mut others = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    let failed = |out: &mut Vec<(PathBuf, Queued)>, path: PathBuf, cause| {
        out.push((path.clone(), Queued::Failed(path, cause)));
    };
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(cause) => {
                failed(&mut out, d, cause);
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(cause) => {
                    failed(&mut out, d.clone(), cause);
                    break;
                }
            };
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = match entry.file_type() {
                Ok(k) => k,
                Err(cause) => {
                    failed(&mut out, path, cause);
                    continue;
                }
            };
            if kind.is_dir() {
                stack.push(path);
                continue;
            }
            if !format.wanted(&path) {
                if kind.is_file() {
                    let f = Format::of_path(&path);
                    if f != format && !others.contains(&f) && f.wanted(&path) {
                        others.push(f);
                    }
                }
                continue;
            }
            let regular = if kind.is_symlink() {
                match std::fs::metadata(&path) {
                    Ok(m) if m.is_dir() => {
                        out.push((
                            path.clone(),
                            Queued::Skipped(path, "a link to a directory is not followed"),
                        ));
                        continue;
                    }
                    Ok(m) => m.is_file(),
                    Err(cause) => {
                        failed(&mut out, path, cause);
                        continue;
                    }
                }
            } else {
                kind.is_file()
            };
            if regular {
                out.push((path.clone(), Queued::Origin(Origin::Path(path))));
            } else {
                out.push((
                    path.clone(),
                    Queued::Skipped(path, "not a regular file (a pipe, a device or a socket)"),
                ));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    (out.into_iter().map(|(_, q)| q).collect(), others)
}

/// Whether text looks like JSON Lines: every non-blank line starts with `{"`.
pub fn looks_like_jsonl(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut lines = bytes
        .split(|&b| b == b'\n')
        .map(|l| l.trim_ascii())
        .filter(|l| !l.is_empty())
        .peekable();
    lines.peek().is_some() && lines.all(|l| l.starts_with(b"{\""))
}

/// Whether a text has letters but no Arabic one: not what isnad reads.
pub fn lacks_arabic(text: &str) -> bool {
    let arabic = |c: char| {
        matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08C9}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
    };
    let mut letters = false;
    for c in text.chars() {
        if arabic(c) {
            return false;
        }
        letters |= c.is_alphabetic();
    }
    letters
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

/// Runs `work` on every item in parallel and hands the results to `emit` in input order, until
/// `emit` breaks (the output is gone: nothing more is read or analyzed). Items are read in
/// batches by a thread of their own, one batch ahead of the workers, so reading overlaps the
/// analysis and memory depends on the batch, not on the stream's length.
pub fn ordered<T, R, W, E>(
    items: impl Iterator<Item = T> + Send,
    size: fn(&T) -> usize,
    work: W,
    mut emit: E,
) where
    T: Send,
    R: Send,
    W: Fn(T) -> R + Sync,
    E: FnMut(R) -> ControlFlow<()>,
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
            if results.into_iter().try_for_each(&mut emit).is_break() {
                break;
            }
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
        ordered(
            0..5000usize,
            |_| 1,
            |i| i * 2,
            |r| {
                out.push(r);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(out, (0..5000).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn ordered_stops_reading_and_working_when_emit_breaks() {
        let read = std::sync::atomic::AtomicUsize::new(0);
        let items = (0..1_000_000usize).inspect(|_| {
            read.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        });
        let mut seen = 0;
        ordered(
            items,
            |_| 1,
            |i| i,
            |_| {
                seen += 1;
                ControlFlow::Break(())
            },
        );
        assert_eq!(seen, 1);
        // The batch worked on and at most two read ahead.
        assert!(read.into_inner() <= 3 * BATCH_ITEMS);
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_unkept() {
        let text = format!("{{\"text\": \"{}\"}}\nshort\n", "x".repeat(1000));
        let mut r = std::io::BufReader::with_capacity(16, text.as_bytes());
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, &mut buf, 100).unwrap(), LineRead::TooLong);
        assert!(buf.capacity() <= 101, "{}", buf.capacity());
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, &mut buf, 100).unwrap(), LineRead::Read);
        assert_eq!(buf, b"short\n");
        assert_eq!(
            read_line(&mut r, &mut Vec::new(), 100).unwrap(),
            LineRead::End
        );
        // The limit counts the line, not its newline.
        let mut r = std::io::Cursor::new(b"12345\n123456".to_vec());
        assert_eq!(
            read_line(&mut r, &mut Vec::new(), 5).unwrap(),
            LineRead::Read
        );
        assert_eq!(
            read_line(&mut r, &mut Vec::new(), 5).unwrap(),
            LineRead::TooLong
        );
    }

    #[test]
    fn a_byte_order_mark_opens_the_first_record() {
        let items =
            lines("\u{FEFF}{\"id\": \"a\", \"text\": \"نص\"}\n{\"id\": \"b\", \"text\": \"نص\"}\n");
        assert_eq!(items.len(), 2);
        assert!(items.iter().all(|i| i.body.is_ok()), "{items:?}");
        assert_eq!(items[0].meta.id, "a");
    }

    #[test]
    fn a_stream_past_the_limit_is_refused_unread() {
        let zeros = std::io::repeat(0).take(1 << 30);
        assert!(read_bounded(zeros, 1000, 0).unwrap().is_none());
        let ok = read_bounded(&b"abc"[..], 3, 0).unwrap();
        assert_eq!(ok.as_deref(), Some(&b"abc"[..]));
    }

    #[test]
    fn json_lines_and_non_arabic_text_are_recognized() {
        assert!(looks_like_jsonl(b"{\"text\": \"a\"}\n\n  {\"id\": 1}\n"));
        assert!(!looks_like_jsonl(b"{\"text\": \"a\"}\nprose\n"));
        assert!(!looks_like_jsonl(b""));
        assert!(lacks_arabic("The minister said the talks were over."));
        assert!(!lacks_arabic("قال الوزير"));
        assert!(!lacks_arabic("2024-01-01 ..."));
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
