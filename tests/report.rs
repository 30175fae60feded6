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

#[test]
fn a_real_browser_renders_the_report() {
    let Some(browser) = chromium() else {
        // CI installs Chromium; elsewhere the test says why it did not run.
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is missing on CI"
        );
        eprintln!("skipped: no Chromium (apt-get install chromium)");
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
        assert!(index.contains(&format!(r#"href="./doc_{i}.html""#)), "{index}");
        assert!(index.contains(&format!(r#"href="https://example.org/news/{i}""#)));
        let page = std::fs::read_to_string(out.join(format!("doc_{i}.html"))).unwrap();
        let header = &page[page.find("<header>").unwrap()..page.find("</header>").unwrap()];
        assert!(header.contains(&format!("عنوان المقال {i}")), "{header}");
        assert!(header.contains("صحيفة الأمس") && header.contains(&format!("2015-07-0{}", i + 1)));
        assert!(header.contains(&format!(r#"href="https://example.org/news/{i}""#)));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
