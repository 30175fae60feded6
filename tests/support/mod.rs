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

/// What a run under [`run_limited`] produced, with its peak memory.
pub struct Limited {
    /// Exit code and output.
    pub run: Run,
    /// The signal that ended it, if one did.
    pub signal: Option<i32>,
    /// Peak resident memory, in KiB; -1 when it could not be measured.
    pub max_rss_kib: i64,
}

/// Runs `isnad` with `args` and `stdin`, its address space capped at `address_space` bytes
/// (so that a regression fails the test instead of eating the machine's memory) and killed
/// after `timeout` (so that one that blocks fails instead of hanging).
pub fn run_limited<I, S>(
    args: I,
    stdin: Stdio,
    address_space: u64,
    timeout: std::time::Duration,
) -> Limited
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    use std::io::Read;
    use std::os::unix::process::CommandExt;
    // GNU time measures the peak: its child is forked from a small process, whereas the
    // peak wait4 reports for a child of this one starts at this test process's own.
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.args(["-f", "isnad-peak-kib %M", "--", env!("CARGO_BIN_EXE_isnad")]);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_isnad"))
    };
    cmd.args(args)
        .process_group(0)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: setrlimit is async-signal-safe and touches nothing of the parent.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: address_space,
                rlim_max: address_space,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("the binary starts");
    let pid = child.id() as libc::pid_t;
    let mut out = child.stdout.take().expect("piped");
    let mut err = child.stderr.take().expect("piped");
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let done = std::sync::Arc::new(std::sync::Mutex::new(false));
    let watch = done.clone();
    std::thread::spawn(move || {
        let start = std::time::Instant::now();
        while start.elapsed() < timeout {
            std::thread::sleep(std::time::Duration::from_millis(50));
            if *watch.lock().unwrap() {
                return;
            }
        }
        let finished = watch.lock().unwrap();
        if !*finished {
            // SAFETY: the child is not reaped while `finished` is held false; its group holds
            // it and what it runs.
            unsafe { libc::kill(-pid, libc::SIGKILL) };
        }
    });
    let status = child.wait().expect("the child is reaped");
    *done.lock().unwrap() = true;
    use std::os::unix::process::ExitStatusExt;
    let mut stderr = String::from_utf8_lossy(&err.join().expect("reader")).into_owned();
    let mut max_rss_kib = -1;
    if let Some(at) = stderr.rfind("isnad-peak-kib ") {
        max_rss_kib = stderr[at + 15..].trim().parse().unwrap_or(-1);
        stderr.truncate(at);
    }
    // GNU time reports a child killed by a signal as "Command terminated by signal N".
    let signal = status.signal().or_else(|| {
        let at = stderr.find("Command terminated by signal ")?;
        let n = stderr[at + 29..].split_whitespace().next()?.parse().ok();
        stderr.truncate(at);
        n
    });
    let code = if signal.is_some() {
        None
    } else {
        status.code()
    };
    if max_rss_kib < 0 {
        eprintln!("peak memory not measured: /usr/bin/time (Debian package time) is missing");
    }
    Limited {
        run: Run {
            code,
            stdout: out.join().expect("reader"),
            stderr,
        },
        signal,
        max_rss_kib,
    }
}

/// Whether the tests run as root (who may make device nodes, and whom permissions do not stop).
pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}
