//! `isnad mine` on a small archive written for the test: JSON Lines on standard input or in a
//! file, text and JSON out.

mod support;

use serde_json::{json, Value};
use support::{run, TempDir};

/// A small archive: a reporting verb the lexicon lacks (ردد) in three articles, a verb it knows,
/// a speech verb inside a direct quote and a verbal noun of the light-verb frame.
fn archive() -> String {
    let texts = [
        "وردد المتحدث باسم البلدية أن المياه ستعود إلى الأحياء الشرقية مساء.",
        "وردد الوزير أن الميزانية لن تتأثر بتراجع أسعار النفط.\nوقال إن الحكومة ستواصل دعم الوقود.",
        "ورددت مصادر محلية أن الطريق أغلق بسبب الثلوج.",
        "وقال المدير: «لن أردد أن الخسائر كبيرة، فالأرقام تتحسن».",
        "وسجل النائب اعتراضا شديدا على الحكومة بسبب تأخر الرواتب.",
    ];
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"id": format!("a{i}"), "text": t}).to_string() + "\n")
        .collect()
}

#[test]
fn mine_reads_an_archive_on_standard_input_and_lists_candidates() {
    let r = run(["mine", "--min-count", "1"], archive().as_bytes());
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let out = r.stdout_text();
    assert!(out.starts_with("# 5 documents, "), "{out}");
    let line = out
        .lines()
        .find(|l| l.starts_with("verb\tردد\t"))
        .unwrap_or_else(|| panic!("ردد is a candidate: {out}"));
    // Three articles; the quoted أردد is the quoted speaker's and is not counted.
    assert!(line.contains("count 3\tdocs 3"), "{line}");
    assert!(out.contains("| وردد الوزير أن الميزانية"), "{out}");
    assert!(
        !out.contains("\tقال\t"),
        "a known cue is not a candidate: {out}"
    );
    assert!(
        out.lines().any(|l| l.starts_with("frame\tاعتراضا")),
        "{out}"
    );
}

#[test]
fn mine_writes_json_and_honours_the_thresholds() {
    let dir = TempDir::new();
    let path = dir.file("archive.jsonl", archive().as_bytes());
    let r = run(
        [
            "mine".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            "--min-count".as_ref(),
            "2".as_ref(),
            "--contexts".as_ref(),
            "1".as_ref(),
            path.as_os_str(),
        ],
        b"",
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let v: Value = r.json();
    assert_eq!(v["documents"], 5);
    let cands = v["candidates"].as_array().expect("a list");
    assert_eq!(cands.len(), 1, "{v}");
    let c = &cands[0];
    assert_eq!(c["kind"], "verb");
    assert_eq!(c["count"], 3);
    assert_eq!(c["evidence"]["complementizer"], 3);
    assert_eq!(c["evidence"]["speaker"], 3);
    assert_eq!(c["contexts"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_bad_record_is_reported_and_the_rest_mined() {
    let input = format!("{{\"id\": \"x\"}}\n{}", archive());
    let r = run(["mine", "--min-count", "3"], input.as_bytes());
    assert_eq!(r.code, Some(65), "{}", r.stderr);
    assert!(r.stderr.contains("x"), "{}", r.stderr);
    assert!(r.stdout_text().starts_with("# 5 documents, 1 candidates"));
}
