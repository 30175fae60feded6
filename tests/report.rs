//! The HTML report as people see it: a snapshot of the example's page (a readable diff when it
//! changes) and a real browser rendering it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `isnad report FILE` run from the repository root, so the page names the file as given.
fn report(file: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .current_dir(root())
        .args(["report", file])
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The first lines where two texts differ, with their numbers.
fn diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let mut out = String::new();
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(i).copied(), g.get(i).copied());
        if a != b {
            out.push_str(&format!(
                "line {}:\n- {}\n+ {}\n",
                i + 1,
                a.unwrap_or(""),
                b.unwrap_or("")
            ));
            if out.lines().count() > 30 {
                break;
            }
        }
    }
    out
}

#[test]
fn snapshot_of_the_example_report() {
    let got = report("examples/talks.txt");
    let path = root().join("tests/snapshots/talks.report.html");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &got).expect("snapshot written");
        return;
    }
    let want =
        std::fs::read_to_string(&path).expect("the snapshot exists (UPDATE_SNAPSHOTS=1 makes it)");
    assert!(
        want == got,
        "the report changed; if that is meant, rerun with UPDATE_SNAPSHOTS=1:\n{}",
        diff(&want, &got)
    );
}

/// Debian's Chromium, or the one `CHROMIUM` names.
fn chromium() -> Option<PathBuf> {
    let named = std::env::var_os("CHROMIUM").map(PathBuf::from);
    named
        .into_iter()
        .chain(["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(PathBuf::from))
        .find(|p| p.exists())
}

fn headless(browser: &Path, profile: &Path) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,2000",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// Chromium, or a visible skip (an error on CI, which installs it).
fn browser_or_skip(test: &str) -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is missing on CI"
        );
        // Written past the test harness' capture, so that the skip shows in the output.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped {test}: no Chromium (apt-get install chromium)"
        );
    }
    found
}

/// The DOM of `page` after its scripts (and `probe`, a script added before `</body>` that
/// writes what it measures into the body's attributes) ran, in a window `width` pixels wide.
fn probe(browser: &Path, dir: &Path, name: &str, page: &str, probe: &str, width: u32) -> String {
    let html = page.replace("</body>", &format!("<script>{probe}</script></body>"));
    let file = dir.join(name);
    std::fs::write(&file, html).expect("page written");
    let out = headless(browser, &dir.join(format!("profile-{name}")))
        .arg(format!("--window-size={width},900"))
        .arg("--allow-file-access-from-files")
        .arg("--virtual-time-budget=5000")
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The value of `data-NAME` on the dumped body.
fn body_data(dom: &str, name: &str) -> String {
    let key = format!("data-{name}=\"");
    let at = dom
        .find(&key)
        .unwrap_or_else(|| panic!("no {key} in the DOM"))
        + key.len();
    dom[at..at + dom[at..].find('"').unwrap()].to_string()
}

#[test]
fn at_phone_width_nothing_overflows_and_the_card_opens_by_its_cue() {
    let Some(browser) = browser_or_skip("the phone-width check") else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("isnad-phone-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    std::fs::write(dir.join("report.html"), report("examples/talks.txt")).expect("page written");
    // The report in a 400 px frame (a window cannot be made that narrow): everything outside
    // a scroll box fits the frame; the first cue's card opens just under the cue, inside it.
    let harness = r#"<!DOCTYPE html><html><body style="margin:0">
<iframe id="phone" src="report.html" style="width:400px;height:900px;border:0"></iframe>
</body></html>"#;
    let script = r#"
      document.getElementById("phone").addEventListener("load", function () {
        var f = document.getElementById("phone"), doc = f.contentDocument, win = f.contentWindow;
        var w = doc.documentElement.clientWidth, bad = [];
        var page = doc.documentElement.getBoundingClientRect();
        doc.querySelectorAll("body *").forEach(function (e) {
          if (e.closest(".scroll") && !e.classList.contains("scroll")) { return; }
          if (e.closest(".card") || e.tagName === "SCRIPT" || e.classList.contains("skip")) { return; }
          var r = e.getBoundingClientRect();
          if (r.width > 0 && (r.right > page.right + 1 || r.left < page.left - 1)) { bad.push(e.tagName + "." + e.className); }
        });
        document.body.setAttribute("data-overflow", w + " " + (doc.documentElement.scrollWidth > w) + " " + bad.slice(0, 5).join(" "));
        var cue = doc.querySelector("a.cue");
        // A headless window may not hold focus: the event the page listens for, as focus sends it.
        cue.dispatchEvent(new win.FocusEvent("focus"));
        var card = doc.getElementById(cue.getAttribute("data-card"));
        var c = cue.getBoundingClientRect(), k = card.getBoundingClientRect();
        var near = k.top >= c.bottom - 1 && k.top <= c.bottom + 40 && k.left >= page.left && k.right <= page.right;
        document.body.setAttribute("data-card", near + " " + Math.round(c.bottom) + " " + Math.round(k.top) + " " + Math.round(k.left) + "-" + Math.round(k.right));
      });
    "#;
    let dom = probe(&browser, &dir, "phone.html", harness, script, 1200);
    let overflow = body_data(&dom, "overflow");
    let (width, rest) = overflow.split_once(' ').unwrap();
    assert!(
        (380..=400).contains(&width.parse::<u32>().unwrap()),
        "{overflow}"
    );
    assert_eq!(rest, "false ", "nothing wider than the phone");
    let card = body_data(&dom, "card");
    eprintln!(
        "at 400 px: overflow {:?}, card {card}",
        body_data(&dom, "overflow")
    );
    assert!(
        card.starts_with("true"),
        "the card opens by its cue: {card}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn in_a_browser_the_archive_page_links_reach_their_articles() {
    let Some(browser) = browser_or_skip("the archive links check") else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("isnad-links-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let input = dir.join("in.jsonl");
    std::fs::write(&input, archive()).unwrap();
    let isnad = |args: &[&std::ffi::OsStr]| {
        let r = Command::new(env!("CARGO_BIN_EXE_isnad"))
            .current_dir(&dir)
            .args(args)
            .output()
            .unwrap();
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    };
    isnad(&[
        "report".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        "pages".as_ref(),
    ]);
    isnad(&[
        "report".as_ref(),
        "--corpus".as_ref(),
        input.as_os_str(),
        "--pages".as_ref(),
        "pages".as_ref(),
        "-o".as_ref(),
        "corpus.html".as_ref(),
    ]);
    let page = std::fs::read_to_string(dir.join("corpus.html")).unwrap();
    // Each link to a page is opened in a frame and must reach the element it names.
    let script = r##"
      (async function () {
        var links = Array.from(document.querySelectorAll("#contested a, #quoted a, #anonymous a"));
        var pages = links.filter(function (a) { return a.protocol === "file:"; });
        var web = links.filter(function (a) { return a.protocol === "https:"; }).length;
        var ok = 0, bad = [];
        for (const a of pages) {
          await new Promise(function (done) {
            var f = document.createElement("iframe");
            f.onload = function () {
              var d = f.contentDocument, id = decodeURIComponent(a.hash.slice(1));
              if (d && d.getElementById(id)) { ok++; } else { bad.push(a.getAttribute("href")); }
              f.remove();
              done();
            };
            f.src = a.href;
            document.body.appendChild(f);
          });
        }
        document.body.setAttribute("data-links", pages.length + " " + ok + " " + web + " " + bad.join(","));
      })();
    "##;
    let dom = probe(&browser, &dir, "probe.html", &page, script, 1200);
    let links = body_data(&dom, "links");
    eprintln!("archive links (to pages, reached, to the web, broken): {links}");
    let parts: Vec<&str> = links.splitn(4, ' ').collect();
    let (pages, ok, web): (usize, usize, usize) = (
        parts[0].parse().unwrap(),
        parts[1].parse().unwrap(),
        parts[2].parse().unwrap(),
    );
    assert!(
        pages >= 2,
        "the contested claim and a source link to pages: {links}"
    );
    assert_eq!(ok, pages, "every page link reaches its place: {links}");
    assert!(web >= 2, "and to the original addresses: {links}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_real_browser_renders_the_report() {
    let Some(browser) = browser_or_skip("the browser rendering check") else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("isnad-browser-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let page = dir.join("report.html");
    let html = report("examples/talks.txt");
    std::fs::write(&page, &html).expect("page written");
    let url = format!("file://{}", page.display());

    let dom = headless(&browser, &dir.join("p1"))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&dom.stdout).into_owned();
    assert!(
        dom.contains("</html>"),
        "the DOM was dumped: {}",
        &dom[..dom.len().min(300)]
    );
    // The page's own script ran: the cards became pop-ups.
    assert!(dom.contains(r#"class="js""#), "the script ran");

    let json: serde_json::Value = {
        let out = Command::new(env!("CARGO_BIN_EXE_isnad"))
            .current_dir(root())
            .args(["analyze", "--format", "json", "examples/talks.txt"])
            .output()
            .expect("the binary runs");
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let count = |key: &str| json[key].as_array().expect("a list").len();
    for a in json["attributions"].as_array().unwrap() {
        let id = a["id"].as_str().unwrap();
        assert!(
            dom.contains(&format!(r##"id="{id}" href="#card-{id}""##)),
            "attribution {id} is highlighted"
        );
    }
    let nodes = dom.matches(r#"<g class="node "#).count();
    assert_eq!(
        nodes,
        count("sources") + count("claims"),
        "one SVG node per source and claim"
    );

    let shot = dir.join("shot.png");
    let status = headless(&browser, &dir.join("p2"))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .expect("chromium runs");
    assert!(
        shot.exists(),
        "a screenshot: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let pixels = &buf[..info.buffer_size()];
    let first = &pixels[..4];
    let differing = pixels.chunks(4).filter(|p| p != &first).count();
    assert!(
        differing * 20 > pixels.len() / 4,
        "the screenshot is not blank"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The page costs a small multiple of the analysis on many short lines: marks are swept once,
/// not scanned for every line (which took minutes on 100,000 lines).
#[test]
fn many_short_lines_report_in_linear_time() {
    let text = "قال الوزير إن الوفد وصل.\n".repeat(20_000);
    let analyzer = isnad::Analyzer::new();
    let t = std::time::Instant::now();
    let a = analyzer.analyze(&text);
    let analyze = t.elapsed();
    let t = std::time::Instant::now();
    let page = isnad::report::html(&text, &a, "x");
    let report = t.elapsed();
    eprintln!("20,000 lines: analyze {analyze:?}, report {report:?}");
    assert!(page.matches("class=\"cue ").count() >= 19_000);
    assert!(
        report <= 3 * analyze + std::time::Duration::from_millis(500),
        "report {report:?} against analyze {analyze:?}"
    );
}

/// Articles of an archive as JSON Lines, with the metadata a page heads with.
fn archive() -> String {
    let texts = [
        "قال وزير الخارجية سامي العلي إن المحادثات السرية جرت في جنيف. ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف.",
        "وقالت مصادر مطلعة إن الوفد سيعود غدا. ولم ترد السفارة على طلب للتعليق.",
        "أعلنت الشركة أن المصنع سيغلق الشهر المقبل، وفقا لبيان نشرته أمس.",
    ];
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            serde_json::json!({
                "id": format!("doc {i}"),
                "title": format!("عنوان المقال {i}"),
                "outlet": "صحيفة الأمس",
                "date": format!("2015-07-0{}", i + 1),
                "url": format!("https://example.org/news/{i}"),
                "text": t,
            })
            .to_string()
                + "\n"
        })
        .collect()
}

#[test]
fn many_pages_get_an_index_and_each_page_heads_with_its_record() {
    let dir = std::env::temp_dir().join(format!("isnad-index-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("in.jsonl");
    std::fs::write(&input, archive()).unwrap();
    let out = dir.join("pages");
    let r = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .arg("report")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let index = std::fs::read_to_string(out.join("index.html")).expect("an index");
    for i in 0..3 {
        assert!(
            index.contains(&format!(r#"href="./doc_{i}.html""#)),
            "{index}"
        );
        assert!(index.contains(&format!(r#"href="https://example.org/news/{i}""#)));
        let page = std::fs::read_to_string(out.join(format!("doc_{i}.html"))).unwrap();
        let header = &page[page.find("<header>").unwrap()..page.find("</header>").unwrap()];
        assert!(header.contains(&format!("عنوان المقال {i}")), "{header}");
        assert!(header.contains("صحيفة الأمس") && header.contains(&format!("2015-07-0{}", i + 1)));
        assert!(header.contains(&format!(r#"href="https://example.org/news/{i}""#)));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
