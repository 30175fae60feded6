//! `isnad lint`: the diagnostic form (snapshot), exit codes under `--deny`, JSON, colour and
//! the rule documentation.

mod support;

use support::{run, TempDir};

/// An article with one finding of most rules.
const DRAFT: &str = "الوزير والرشوة\n\
أجرى الوفدان محادثات سرية في جنيف، وفقا لمصدر مطلع.\n\
وزعم المعارض سامي العلي أن الوزير تلقى رشوة كبيرة من الشركة.\n\
وقالت مصادر إن الوزير سيستقيل.\n\
ولم ترد السفارة على طلب للتعليق.\n";

const CLEAN: &str = "قال وزير الخارجية سامي العلي إن المحادثات ستستأنف الأسبوع المقبل في جنيف.\n";

#[test]
fn the_diagnostics_match_the_snapshot() {
    let r = run(["lint", "--lang", "en"], DRAFT.as_bytes());
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let got = r.stdout_text();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/snapshots/draft.lint.txt"
    );
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, got).unwrap();
    }
    let want =
        std::fs::read_to_string(path).expect("snapshot exists (UPDATE_SNAPSHOTS=1 writes it)");
    assert_eq!(
        got, want,
        "rerun with UPDATE_SNAPSHOTS=1 if the change is meant"
    );
    // Every line of the form names a place the text has.
    for line in got.lines().filter(|l| l.starts_with("<stdin>:")) {
        let mut parts = line.split(':');
        let (_, l, c) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
        let (l, c): (usize, usize) = (l.parse().unwrap(), c.parse().unwrap());
        let text_line = DRAFT.lines().nth(l - 1).expect("the line exists");
        assert!(c <= text_line.chars().count(), "{line}");
    }
    assert!(r.stderr.contains("warning(s)"), "{}", r.stderr);
}

#[test]
fn deny_turns_findings_into_a_failing_exit() {
    let plain = run(["lint"], DRAFT.as_bytes());
    assert_eq!(plain.code, Some(0), "{}", plain.stderr);
    let denied = run(["lint", "--deny", "one-sided"], DRAFT.as_bytes());
    assert_eq!(denied.code, Some(1), "{}", denied.stderr);
    assert!(denied.stdout_text().contains("error[one-sided]"));
    assert!(!denied.stdout_text().contains("error[vague-attribution]"));
    let all = run(["lint", "--deny", "all"], DRAFT.as_bytes());
    assert_eq!(all.code, Some(1));
    assert!(!all.stdout_text().contains("warning["));
    let clean = run(["lint", "--deny", "all"], CLEAN.as_bytes());
    assert_eq!(clean.code, Some(0), "{}", clean.stdout_text());
    assert!(clean.stdout_text().is_empty());
    let allowed = run(
        [
            "lint",
            "--deny",
            "one-sided",
            "--allow",
            "one-sided,distancing-verb",
        ],
        DRAFT.as_bytes(),
    );
    assert_eq!(allowed.code, Some(0));
    assert!(!allowed.stdout_text().contains("one-sided"));
    let unknown = run(["lint", "--deny", "no-such-rule"], DRAFT.as_bytes());
    assert_eq!(unknown.code, Some(2));
    assert!(
        unknown.stderr.contains("single-anonymous-source"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn json_gives_one_record_per_document_in_order() {
    let dir = TempDir::new();
    let a = dir.file("b-first.txt", DRAFT.as_bytes());
    let b = dir.file("a-second.txt", CLEAN.as_bytes());
    let r = run(
        [
            "lint".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            a.as_os_str(),
            b.as_os_str(),
        ],
        b"",
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let records: Vec<serde_json::Value> = r
        .stdout_text()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(records.len(), 2);
    assert!(records[0]["file"]
        .as_str()
        .unwrap()
        .ends_with("b-first.txt"));
    assert!(records[1]["file"]
        .as_str()
        .unwrap()
        .ends_with("a-second.txt"));
    let diags = records[0]["diagnostics"].as_array().unwrap();
    assert!(diags.len() >= 4);
    for d in diags {
        let (s, e) = (
            d["span"]["start"].as_u64().unwrap() as usize,
            d["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&DRAFT[s..e], d["span"]["text"].as_str().unwrap());
        assert!(d["help"].as_str().is_some_and(|h| !h.is_empty()));
    }
    assert_eq!(records[1]["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(records[1]["summary"]["warnings"], 0);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let piped = run(["lint"], DRAFT.as_bytes());
    assert!(!piped.stdout_text().contains('\u{1b}'));
    let always = run(["lint", "--color", "always"], DRAFT.as_bytes());
    assert!(
        always.stdout_text().contains("\u{1b}[4;"),
        "the span is underlined in the line"
    );
    let never = run(["lint", "--color", "never"], DRAFT.as_bytes());
    assert!(!never.stdout_text().contains('\u{1b}'));
}

#[test]
fn every_rule_is_explained() {
    for rule in [
        "single-anonymous-source",
        "anonymous-without-reason",
        "contested-claim",
        "no-response",
        "one-sided",
        "vague-attribution",
        "distancing-verb",
    ] {
        let r = run(["lint", "--explain", rule], b"");
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let out = r.stdout_text();
        assert!(out.starts_with(&format!("# {rule} (")), "{out}");
        assert!(out.contains("Fires:") && out.contains("Does not fire:") && out.contains("fix"));
    }
    assert_eq!(run(["lint", "--explain", "nope"], b"").code, Some(2));
}

/// Findings on one long line cost a small multiple of the analysis: columns are counted on
/// from the previous finding, and the excerpt walks only its window.
#[test]
fn one_long_line_lints_in_linear_time() {
    let text = "وقالت مصادر إن الوفد وصل، ".repeat(8_000);
    let analyzer = isnad::Analyzer::new();
    let t = std::time::Instant::now();
    let a = analyzer.analyze(&text);
    let analyze = t.elapsed();
    let t = std::time::Instant::now();
    let labels = &isnad::report::labels::EN;
    let diags = isnad::lint::lint(&text, &a, labels, &Default::default());
    let out = isnad::lint::render("x", &text, &diags, Default::default());
    let lint = t.elapsed();
    eprintln!(
        "one line of {} findings: analyze {analyze:?}, lint {lint:?}",
        diags.len()
    );
    assert!(diags.len() >= 8_000, "{}", diags.len());
    assert!(out.lines().count() >= 5 * 8_000);
    assert!(
        lint <= 3 * analyze + std::time::Duration::from_millis(500),
        "lint {lint:?} against analyze {analyze:?}"
    );
}
