//! Running the binary and scratch directories, for the whole-program tests.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// What one run of the binary produced.
pub struct Run {
    /// The exit code (none if killed by a signal).
    pub code: Option<i32>,
    /// Standard output, raw.
    pub stdout: Vec<u8>,
    /// Standard error, lossily decoded.
    pub stderr: String,
}

impl Run {
    /// Standard output as UTF-8.
    pub fn stdout_text(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("stdout is UTF-8")
    }

    /// Standard output parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr: {}", self.stderr))
    }
}

/// Runs `isnad` with `args`, feeding `stdin` to it.
pub fn run<I, S>(args: I, stdin: &[u8]) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    // A separate writer so a large input cannot deadlock against the output pipes. The
    // program may exit without reading (a usage error), so a broken pipe is fine.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("the binary runs");
    writer.join().expect("the writer thread finishes");
    Run {
        code: out.status.code(),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `isnad analyze --format json PATH` with nothing on standard input.
pub fn analyze_json(path: &std::path::Path) -> Run {
    let args = [
        "analyze".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        path.as_os_str(),
    ];
    run(args, b"")
}

/// A fresh directory under the system temp dir, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let path = std::env::temp_dir().join(format!("isnad-cli-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temp dir is created");
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `bytes` to `name` inside the directory and returns its path.
    pub fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).expect("temp file is written");
        p
    }

    /// The names of the entries in the directory, sorted.
    pub fn entries(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .expect("temp dir is readable")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Checks that an HTML page is well formed: every element closed in order (void elements
/// aside), no `<` that opens no tag and no `&` that starts no entity, as happens when input
/// text reaches the page unescaped. Script and style bodies are skipped.
pub fn well_formed(page: &str) -> Result<(), String> {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    let mut stack: Vec<String> = Vec::new();
    let mut i = 0;
    let bytes = page.as_bytes();
    let entity_ok = |at: usize| {
        let rest = &page[at + 1..];
        let end = rest.find(';').filter(|&e| e <= 10);
        end.is_some_and(|e| {
            let body = &rest[..e];
            !body.is_empty()
                && (body.chars().all(|c| c.is_ascii_alphanumeric())
                    || body.strip_prefix('#').is_some_and(|n| {
                        n.chars().all(|c| c.is_ascii_digit())
                            || n.strip_prefix('x')
                                .is_some_and(|h| h.chars().all(|c| c.is_ascii_hexdigit()))
                    }))
        })
    };
    while i < bytes.len() {
        match bytes[i] {
            b'&' => {
                if !entity_ok(i) {
                    return Err(format!(
                        "bare & at byte {i}: {:?}",
                        &page[i..page.len().min(i + 20)]
                    ));
                }
                i += 1;
            }
            b'<' => {
                let rest = &page[i..];
                if rest.starts_with("<!--") {
                    i += rest.find("-->").ok_or("unclosed comment")? + 3;
                    continue;
                }
                if rest.starts_with("<!") {
                    i += rest.find('>').ok_or("unclosed doctype")? + 1;
                    continue;
                }
                let closing = rest.starts_with("</");
                let name_start = if closing { 2 } else { 1 };
                let name: String = rest[name_start..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                if name.is_empty() {
                    return Err(format!(
                        "bare < at byte {i}: {:?}",
                        &rest[..rest.len().min(20)]
                    ));
                }
                let end = rest
                    .find('>')
                    .ok_or_else(|| format!("unclosed tag at byte {i}"))?;
                let tag = &rest[..=end];
                // Attribute values are escaped, so a `<` inside a tag means text leaked in.
                if tag[1..].contains('<') {
                    return Err(format!("< inside a tag at byte {i}"));
                }
                i += end + 1;
                let name = name.to_ascii_lowercase();
                if closing {
                    match stack.pop() {
                        Some(open) if open == name => {}
                        other => return Err(format!("</{name}> at byte {i} closes {other:?}")),
                    }
                } else if tag.ends_with("/>") || VOID.contains(&name.as_str()) {
                } else if name == "script" || name == "style" {
                    let close = format!("</{name}>");
                    i += page[i..]
                        .find(&close)
                        .ok_or_else(|| format!("unclosed {name}"))?
                        + close.len();
                } else {
                    stack.push(name);
                }
            }
            _ => i += 1,
        }
    }
    match stack.last() {
        None => Ok(()),
        Some(open) => Err(format!("<{open}> never closed")),
    }
}
