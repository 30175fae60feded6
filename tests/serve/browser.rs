//! The desk in a real browser: Debian's Chromium, driven over the DevTools protocol, types a
//! draft, waits for the live result, checks it, and saves the report.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

use super::{cli, scratch, Server, DRAFT};

/// Debian's Chromium, or the one `CHROMIUM` names.
fn chromium() -> Option<PathBuf> {
    let named = std::env::var_os("CHROMIUM").map(PathBuf::from);
    named
        .into_iter()
        .chain(["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(PathBuf::from))
        .find(|p| p.exists())
}

/// A headless Chromium with a fresh profile, killed when dropped.
struct Browser {
    child: Child,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A DevTools connection: commands by id, with the events seen meanwhile kept.
struct Cdp {
    ws: WebSocket<MaybeTlsStream<TcpStream>>,
    next: u64,
    session: Option<String>,
    events: Vec<Value>,
}

impl Cdp {
    fn open(profile: &Path) -> Cdp {
        // The browser writes its port and path once it listens.
        let file = profile.join("DevToolsActivePort");
        let start = Instant::now();
        let found = loop {
            if let Ok(s) = std::fs::read_to_string(&file) {
                if s.lines().count() >= 2 {
                    break s;
                }
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "Chromium did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut lines = found.lines();
        let port = lines.next().unwrap().trim();
        let path = lines.next().unwrap().trim();
        let (ws, _) = tungstenite::connect(format!("ws://127.0.0.1:{port}{path}"))
            .expect("the DevTools socket");
        if let MaybeTlsStream::Plain(s) = ws.get_ref() {
            s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        }
        Cdp {
            ws,
            next: 0,
            session: None,
            events: Vec::new(),
        }
    }

    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = &self.session {
            msg["sessionId"] = json!(s);
        }
        self.ws
            .send(Message::text(msg.to_string()))
            .expect("sent to the browser");
        loop {
            let Message::Text(t) = self.ws.read().expect("the browser answers") else {
                continue;
            };
            let v: Value = serde_json::from_str(t.as_str()).expect("JSON from the browser");
            if v["id"] == json!(id) {
                assert!(v.get("error").is_none(), "{method}: {}", v["error"]);
                return v["result"].clone();
            }
            self.events.push(v);
        }
    }

    /// Evaluates an expression in the page and returns its value.
    fn eval(&mut self, expr: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expr, "returnByValue": true, "awaitPromise": true}),
        );
        assert!(r.get("exceptionDetails").is_none(), "{expr}: {r}");
        r["result"]["value"].clone()
    }

    /// Waits until an expression is true.
    fn until(&mut self, expr: &str, what: &str) {
        let start = Instant::now();
        while self.eval(expr) != json!(true) {
            if start.elapsed() > Duration::from_secs(30) {
                let status = self.eval("document.getElementById('status').textContent");
                panic!(
                    "waited for {what}; status {status}; events {:?}",
                    self.events
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[test]
fn a_real_browser_uses_the_desk() {
    let Some(browser) = chromium() else {
        // CI installs Chromium; elsewhere the test says why it did not run.
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is missing on CI"
        );
        eprintln!("skipped: no Chromium (apt-get install chromium)");
        return;
    };
    let server = Server::start(&[]);
    let dir = scratch("browser");
    let profile = dir.join("profile");
    let downloads = dir.join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let _browser = Browser {
        child: Command::new(&browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
                "--window-size=1400,1800",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Chromium starts"),
    };
    let mut cdp = Cdp::open(&profile);
    cdp.call(
        "Browser.setDownloadBehavior",
        json!({"behavior": "allow", "downloadPath": downloads.display().to_string()}),
    );
    let target = cdp.call("Target.createTarget", json!({"url": "about:blank"}));
    let attached = cdp.call(
        "Target.attachToTarget",
        json!({"targetId": target["targetId"], "flatten": true}),
    );
    cdp.session = Some(attached["sessionId"].as_str().unwrap().to_string());
    cdp.call("Log.enable", json!({}));
    cdp.call("Runtime.enable", json!({}));
    cdp.call(
        "Page.navigate",
        json!({"url": format!("http://{}/", server.addr)}),
    );
    cdp.until(
        "document.readyState === 'complete' && document.documentElement.classList.contains('js')",
        "the desk and its script",
    );
    assert_eq!(cdp.eval("document.documentElement.dir"), json!("rtl"));

    // Typed a paragraph at a time into the focused text area, as a writer would.
    cdp.eval("document.getElementById('draft').focus()");
    assert_eq!(cdp.eval("document.activeElement.id"), json!("draft"));
    for part in DRAFT.split_inclusive('\n') {
        cdp.call("Input.insertText", json!({"text": part}));
        std::thread::sleep(Duration::from_millis(120));
    }
    // The draft's last word, which only the result of the whole draft holds.
    let last = DRAFT
        .trim_end()
        .trim_end_matches('.')
        .rsplit(' ')
        .next()
        .unwrap();
    cdp.until(
        &format!(
            "document.getElementById('result').getAttribute('data-state') === 'done' && \
             document.querySelector('#result #article') !== null && \
             document.querySelector('#result #article').textContent.includes({})",
            json!(last)
        ),
        "the live result of the whole draft",
    );

    // Every attribution the command line finds is highlighted, with its cue.
    let dir_cli = scratch("browser-cli");
    std::fs::write(dir_cli.join("draft"), DRAFT).unwrap();
    let analysis: Value =
        serde_json::from_slice(&cli(&dir_cli, &["analyze", "--format", "json", "draft"])).unwrap();
    let attributions = analysis["attributions"].as_array().unwrap();
    assert!(attributions.len() >= 3, "{analysis}");
    assert_eq!(
        cdp.eval("document.querySelectorAll('#result a.cue').length"),
        json!(attributions.len())
    );
    for a in attributions {
        let id = a["id"].as_str().unwrap();
        let shown = cdp.eval(&format!(
            "(function (c) {{ return c && c.classList.contains('cue') ? c.textContent : null; }})(document.getElementById('{id}'))"
        ));
        let cue = a["cue"]["text"].as_str().unwrap();
        assert!(
            shown.as_str().is_some_and(|s| s.contains(cue)),
            "{id} ({cue}) is highlighted: {shown}"
        );
    }
    // The flag for the claim on one anonymous source, in the report's flags and the lint list.
    let lint: Value =
        serde_json::from_slice(&cli(&dir_cli, &["lint", "--format", "json", "draft"])).unwrap();
    let single = lint["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "single-anonymous-source")
        .expect("the command line flags it");
    let message = single["message"].as_str().unwrap();
    let help = single["help"].as_str().unwrap();
    let listed = cdp.eval(
        "(function (li) { return li ? li.textContent : null; })(document.querySelector('#lint-list li[data-rule=\"single-anonymous-source\"]'))",
    );
    assert!(
        listed
            .as_str()
            .is_some_and(|s| s.contains(message) && s.contains(help)),
        "the lint list shows it with its help: {listed}"
    );
    let flags = cdp.eval("document.querySelector('#result #flags').textContent");
    assert!(flags.as_str().unwrap().contains(message), "{flags}");
    // The sources table and the claims are there; a focused cue opens its card.
    assert_eq!(
        cdp.eval("document.querySelectorAll('#result #sources tbody tr').length"),
        json!(analysis["sources"].as_array().unwrap().len())
    );
    let page = String::from_utf8(cli(&dir_cli, &["report", "draft"])).unwrap();
    assert_eq!(
        cdp.eval("document.querySelectorAll('#result #claims .claim').length"),
        json!(page.matches(r#"<div class="claim" id="#).count())
    );
    cdp.eval("document.getElementById('a1').focus()");
    assert_eq!(
        cdp.eval("document.querySelector('#result .card.open') && document.querySelector('#result .card.open').id"),
        json!("card-a1")
    );

    // The saved report is what `isnad report` writes for the same text.
    cdp.eval("document.getElementById('download').click()");
    let saved = downloads.join("draft.report.html");
    let start = Instant::now();
    while !saved.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the report was saved"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        std::fs::read(&saved).unwrap() == page.as_bytes(),
        "the saved report equals `isnad report`"
    );

    // The page's policy blocked nothing of its own.
    cdp.eval("1");
    let blocked: Vec<&Value> = cdp
        .events
        .iter()
        .filter(|e| e.to_string().contains("Content Security Policy"))
        .collect();
    assert!(blocked.is_empty(), "{blocked:?}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&dir_cli);
}
