//! `isnad serve`: the API answers as the command line does, bad input gets its answer, the
//! server stays up, shuts down cleanly and logs nothing of the draft; and a real browser uses
//! the desk.

#[path = "serve/browser.rs"]
mod browser;
#[path = "serve/http.rs"]
mod http;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use http::{request, Answer};

/// A draft of our own: a claim on one anonymous source, a named denial, a request with no
/// answer.
pub const DRAFT: &str = "محادثات سرية بين الوفدين\n\nقال مصدر مطلع إن الوفدين عقدا محادثات سرية في جنيف الأسبوع الماضي.\n\nونفى المتحدث باسم وزارة الخارجية خالد العمري عقد أي محادثات، وقال إن الوزارة لم تتلق أي طلب.\n\nولم ترد السفارة على طلب للتعليق.\n";

/// A server process on a free loopback port; killed when dropped.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
    log: Arc<Mutex<String>>,
}

impl Server {
    pub fn start(extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let mut lines = BufReader::new(child.stderr.take().expect("piped"));
        let mut first = String::new();
        lines.read_line(&mut first).expect("a first line");
        let addr = first
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("the address in {first:?}"));
        let log = Arc::new(Mutex::new(first));
        let sink = log.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                match lines.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        sink.lock()
                            .unwrap()
                            .push_str(&String::from_utf8_lossy(&buf[..n]));
                    }
                }
            }
        });
        Server { child, addr, log }
    }

    pub fn post(&self, path: &str, content_type: &str, body: &[u8]) -> Answer {
        request(
            self.addr,
            "POST",
            path,
            &[("Content-Type", content_type)],
            body,
        )
    }

    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
    }

    fn wait(&mut self, within: Duration) -> Option<std::process::ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < within {
            if let Some(s) = self.child.try_wait().expect("waits") {
                return Some(s);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A scratch directory of its own for each test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-serve-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// The command line's output, run in `dir` (so a file is named as given).
pub fn cli(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn the_api_answers_what_the_command_line_prints() {
    let server = Server::start(&[]);
    let dir = scratch("same");
    // The API names a draft `draft`, as the command line names a file called so.
    std::fs::write(dir.join("draft"), DRAFT).unwrap();
    for (path, args) in [
        (
            "/api/analyze",
            &["analyze", "--format", "json", "draft"][..],
        ),
        ("/api/lint", &["lint", "--format", "json", "draft"][..]),
        ("/api/report", &["report", "draft"][..]),
    ] {
        let got = server.post(path, "text/plain; charset=utf-8", DRAFT.as_bytes());
        assert_eq!(got.status, 200, "{path}: {}", got.text());
        assert!(got.body == cli(&dir, args), "{path} differs from {args:?}");
    }
    // A JSON record gives what --input jsonl gives for that record.
    let record = serde_json::json!({"id": "n1", "title": "عنوان", "outlet": "جريدة", "date": "2026-12-01", "url": "https://example.org/n1", "text": DRAFT}).to_string();
    std::fs::write(dir.join("one.jsonl"), format!("{record}\n")).unwrap();
    let got = server.post("/api/analyze", "application/json", record.as_bytes());
    assert_eq!(got.status, 200);
    assert!(got.body == cli(&dir, &["analyze", "--format", "json", "one.jsonl"]));
    let got = server.post("/api/lint", "application/json", record.as_bytes());
    assert!(got.body == cli(&dir, &["lint", "--format", "json", "one.jsonl"]));
    cli(&dir, &["report", "one.jsonl", "-o", "pages"]);
    let got = server.post("/api/report", "application/json", record.as_bytes());
    // A page written into a directory has no final newline; standard output's has.
    let mut page = std::fs::read(dir.join("pages/n1.html")).unwrap();
    page.push(b'\n');
    assert!(got.body == page);
    // A web page is extracted as --input html does.
    let page = format!(
        "<html><body><nav>قائمة</nav><article><p>{}</p></article></body></html>",
        DRAFT.replace("\n\n", "</p><p>")
    );
    std::fs::write(dir.join("draft"), &page).unwrap();
    let got = server.post("/api/analyze", "text/html", page.as_bytes());
    assert!(
        got.body
            == cli(
                &dir,
                &["analyze", "--input", "html", "--format", "json", "draft"]
            )
    );
    // The form the desk posts without script gives the same report page.
    std::fs::write(dir.join("draft"), DRAFT).unwrap();
    let form = format!("id=draft&text={}", http::form_escape(DRAFT));
    let got = server.post(
        "/api/report",
        "application/x-www-form-urlencoded",
        form.as_bytes(),
    );
    assert_eq!(got.status, 200);
    assert!(got.body == cli(&dir, &["report", "draft"]));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn health_and_the_desk() {
    let server = Server::start(&[]);
    let got = request(server.addr, "GET", "/healthz", &[], b"");
    assert_eq!((got.status, got.text()), (200, "ok\n".to_string()));
    let desk = request(server.addr, "GET", "/", &[], b"");
    assert_eq!(desk.status, 200);
    assert_eq!(
        desk.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let csp = desk.header("content-security-policy").unwrap().to_string();
    // Only the page's own script and style, by hash; requests back to this server only.
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    assert_eq!(csp.matches("'sha256-").count(), 2, "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(csp.contains("connect-src 'self'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
}

#[test]
fn each_bad_input_has_its_answer() {
    let server = Server::start(&["--max-bytes", "1000"]);
    let addr = server.addr;
    let text = "text/plain";
    // Over --max-bytes, declared or not.
    let big = "قال الوزير إن الاجتماع تأجل. ".repeat(40);
    let got = server.post("/api/analyze", text, big.as_bytes());
    assert_eq!(got.status, 413, "{}", got.text());
    assert!(
        got.text().contains("over the limit of 1000 bytes"),
        "{}",
        got.text()
    );
    let got = http::chunked(addr, "/api/lint", text, big.as_bytes());
    assert_eq!(got.status, 413, "{}", got.text());
    // The limit is the draft's, however the form escapes it.
    let form = format!("text={}", http::form_escape(&big[..1400]));
    let got = server.post(
        "/api/report",
        "application/x-www-form-urlencoded",
        form.as_bytes(),
    );
    assert_eq!(got.status, 413, "{}", got.text());
    // Invalid UTF-8 and a NUL, named by their byte offset.
    let mut bad = "قال الوزير".as_bytes().to_vec();
    bad.push(0xff);
    let got = server.post("/api/analyze", text, &bad);
    assert_eq!(got.status, 400);
    assert_eq!(got.text(), "isnad: input is not valid UTF-8 at byte 19\n");
    let got = server.post("/api/lint", text, b"abc\0def");
    assert_eq!(got.status, 400);
    assert!(
        got.text().contains("NUL byte at offset 3"),
        "{}",
        got.text()
    );
    let got = server.post("/api/analyze", "application/json", b"{\"text\": 3}");
    assert_eq!(got.status, 400, "{}", got.text());
    let got = server.post("/api/analyze", "application/json", b"{\"title\": \"x\"}");
    assert_eq!(got.text(), "isnad: no \"text\" field\n");
    // The wrong content type, or none, or another charset.
    for ct in ["application/xml", "text/plain; charset=windows-1256"] {
        let got = server.post("/api/analyze", ct, DRAFT.as_bytes());
        assert_eq!(got.status, 415, "{ct}: {}", got.text());
    }
    let got = request(addr, "POST", "/api/analyze", &[], DRAFT.as_bytes());
    assert_eq!(got.status, 415);
    // The wrong method; an unknown path.
    let got = request(addr, "GET", "/api/analyze", &[], b"");
    assert_eq!(got.status, 405);
    assert_eq!(got.header("allow"), Some("POST"));
    let got = server.post("/", text, b"x");
    assert_eq!(got.status, 405);
    let got = request(addr, "GET", "/nothing", &[], b"");
    assert_eq!(got.status, 404);
    // And the server goes on.
    let got = server.post("/api/lint", text, DRAFT.as_bytes());
    assert_eq!(got.status, 200);
}

#[test]
fn a_burst_waits_for_the_one_worker() {
    let server = Arc::new(Server::start(&["--workers", "1"]));
    let clients: Vec<_> = (0..16)
        .map(|_| {
            let s = server.clone();
            std::thread::spawn(move || s.post("/api/report", "text/plain", DRAFT.as_bytes()))
        })
        .collect();
    let answers: Vec<Answer> = clients.into_iter().map(|c| c.join().unwrap()).collect();
    for a in &answers {
        assert_eq!(a.status, 200, "{}", a.text());
        assert!(a.body == answers[0].body);
    }
}

#[test]
fn every_answer_carries_the_security_headers() {
    let server = Server::start(&["--max-bytes", "100"]);
    let answers = [
        request(server.addr, "GET", "/", &[], b""),
        request(server.addr, "GET", "/healthz", &[], b""),
        request(server.addr, "GET", "/nothing", &[], b""),
        request(server.addr, "PUT", "/api/lint", &[], b""),
        server.post("/api/report", "text/plain", DRAFT.as_bytes()),
        server.post(
            "/api/report",
            "text/plain",
            "قال مصدر إن الخطة جاهزة.".as_bytes(),
        ),
        server.post("/api/lint", "image/png", b"x"),
    ];
    for a in &answers {
        let csp = a.header("content-security-policy").unwrap_or_default();
        assert!(
            csp.contains("frame-ancestors 'none'"),
            "{}: {csp}",
            a.status
        );
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(a.header("x-frame-options"), Some("DENY"));
        assert_eq!(a.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(a.header("referrer-policy"), Some("no-referrer"));
        assert_eq!(a.header("cache-control"), Some("no-store"));
    }
    // The report's page may run its own script and style and nothing else.
    let page = &answers[5];
    assert_eq!(page.status, 200);
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("script-src 'sha256-"), "{csp}");
    assert!(csp.contains("style-src 'sha256-"), "{csp}");
    assert!(!csp.contains("connect-src"), "{csp}");
}

#[test]
fn one_log_line_per_request_and_nothing_of_the_draft() {
    let server = Server::start(&[]);
    let secret = "قال مصدر إن كلمة السر زمردة.";
    let got = server.post("/api/lint", "text/plain", secret.as_bytes());
    assert_eq!(got.status, 200);
    let mut bad = secret.as_bytes().to_vec();
    bad.push(0xfe);
    server.post("/api/analyze", "text/plain", &bad);
    request(server.addr, "GET", "/healthz", &[], b"");
    std::thread::sleep(Duration::from_millis(200));
    let log = server.log();
    let lines: Vec<&str> = log.lines().skip(1).collect();
    assert_eq!(lines.len(), 3, "{log}");
    assert!(lines[0].starts_with("POST /api/lint 200 "), "{log}");
    assert!(
        lines[0].contains(&format!(" {} bytes ", got.body.len())),
        "{log}"
    );
    assert!(lines[0].ends_with(" ms"), "{log}");
    assert!(lines[1].starts_with("POST /api/analyze 400 "), "{log}");
    assert!(lines[2].starts_with("GET /healthz 200 3 bytes "), "{log}");
    for word in ["زمردة", "مصدر", "كلمة"] {
        assert!(!log.contains(word), "the log holds {word}: {log}");
    }
}

#[test]
fn loopback_by_default_and_a_warning_elsewhere() {
    // The default address, whether or not another program holds its port.
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .arg("serve")
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut first = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(first.contains("127.0.0.1:8710"), "{first}");
    assert!(!first.contains("warning"), "{first}");

    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(["serve", "--addr", "0.0.0.0:0"])
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut first = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        first.starts_with("isnad: warning: listening on 0.0.0.0:"),
        "{first}"
    );
}

#[test]
fn sigterm_finishes_the_request_in_flight_then_stops() {
    let mut server = Server::start(&[]);
    let body = DRAFT.as_bytes();
    let mut conn = TcpStream::connect(server.addr).unwrap();
    write!(
        conn,
        "POST /api/lint HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap();
    conn.write_all(&body[..40]).unwrap();
    conn.flush().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    server.terminate();
    std::thread::sleep(Duration::from_millis(200));
    // No new connection is taken…
    let refused = TcpStream::connect_timeout(&server.addr, Duration::from_secs(1)).is_err()
        || request(server.addr, "GET", "/healthz", &[], b"").status == 0;
    assert!(refused, "a new connection was served after SIGTERM");
    // …but the one in flight is answered in full.
    conn.write_all(&body[40..]).unwrap();
    let got = http::read_answer(&mut conn);
    assert_eq!(got.status, 200, "{}", got.text());
    assert!(got.text().starts_with(r#"{"file":"draft","#));
    let status = server.wait(Duration::from_secs(10)).expect("it stops");
    assert!(status.success(), "{status:?}");
    assert!(server.log().contains("isnad: stopped"), "{}", server.log());
}

/// The safeguards of the library's router, with short deadlines and a route that panics.
mod in_process {
    use super::*;
    use axum::routing::get;
    use axum::Router;
    use isnad::serve::{harden, serve, Limits};

    struct Running {
        addr: SocketAddr,
        stop: Option<tokio::sync::oneshot::Sender<()>>,
        thread: Option<std::thread::JoinHandle<()>>,
    }

    impl Drop for Running {
        fn drop(&mut self) {
            if let Some(stop) = self.stop.take() {
                let _ = stop.send(());
            }
            if let Some(t) = self.thread.take() {
                let _ = t.join();
            }
        }
    }

    /// Serves an app that is already hardened.
    fn start(app: Router, limits: Limits) -> Running {
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                serve(listener, app, &limits, async {
                    let _ = rx.await;
                })
                .await;
            });
        });
        Running {
            addr: addr_rx.recv().unwrap(),
            stop: Some(tx),
            thread: Some(thread),
        }
    }

    fn short() -> Limits {
        Limits {
            headers: Duration::from_millis(300),
            body: Duration::from_millis(300),
            request: Duration::from_secs(5),
            grace: Duration::from_secs(2),
            ..Limits::default()
        }
    }

    async fn boom() -> &'static str {
        panic!("a bug in one handler")
    }

    #[test]
    fn a_panic_answers_500_for_that_request_only() {
        let routes = Router::new()
            .route("/boom", get(boom))
            .route("/fine", get(|| async { "fine" }));
        let server = start(harden(routes, &short()), short());
        let got = request(server.addr, "GET", "/boom", &[], b"");
        assert_eq!(got.status, 500);
        assert_eq!(got.text(), "isnad: internal error (please report it)\n");
        assert_eq!(got.header("x-frame-options"), Some("DENY"));
        for _ in 0..3 {
            assert_eq!(request(server.addr, "GET", "/fine", &[], b"").status, 200);
        }
    }

    #[test]
    fn a_stalled_client_is_cut_off() {
        let app = isnad::serve::app(isnad::Analyzer::new(), 1 << 20, 1, &short());
        let server = start(app, short());
        // Headers that never end: the connection is closed.
        let mut conn = TcpStream::connect(server.addr).unwrap();
        conn.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        conn.write_all(b"POST /api/lint HTTP/1.1\r\nHost: x\r\n")
            .unwrap();
        let start = Instant::now();
        let mut buf = Vec::new();
        let _ = conn.read_to_end(&mut buf);
        assert!(start.elapsed() < Duration::from_secs(3), "cut off in time");
        // A body that stops halfway: 408.
        let mut conn = TcpStream::connect(server.addr).unwrap();
        conn.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        conn.write_all(
            b"POST /api/lint HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nabc",
        )
        .unwrap();
        let got = http::read_answer(&mut conn);
        assert_eq!(got.status, 408, "{}", got.text());
        assert_eq!(got.text(), "isnad: the body did not arrive in time\n");
        // Nothing of that held up the others.
        let got = request(server.addr, "GET", "/healthz", &[], b"");
        assert_eq!(got.status, 200);
    }
}
