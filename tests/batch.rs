//! Many documents: several files, directories and JSON Lines, in order, in parallel, with a
//! bad document failing alone; and the archive report.

mod support;

use serde_json::Value;
use support::{run, TempDir};

/// Short articles of our own, varied enough to exercise every stage.
const ARTICLES: &[&str] = &[
    "قال وزير الخارجية سامي العلي إن المحادثات السرية جرت في جنيف. ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف.",
    "أجرى الوفدان محادثات سرية في جنيف، وفقا لمصدر مطلع.",
    "وقالت مصادر إن الوزير سيستقيل. ولم ترد السفارة على طلب للتعليق.",
    "لا إسناد في هذا النص.",
    "وزعم المعارض سامي العلي أن الوزير تلقى رشوة كبيرة من الشركة. ونفى الوزير ذلك.",
    "",
];

fn jsonl(n: usize, bad_at: &[usize]) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut texts = Vec::new();
    for i in 0..n {
        if bad_at.contains(&i) {
            out.push_str("{\"id\": \"broken\", \"text\": \n");
            texts.push(String::new());
            continue;
        }
        let text = ARTICLES[i % ARTICLES.len()].to_string();
        let month = if i % 2 == 0 { "07" } else { "08" };
        let rec = serde_json::json!({
            "id": format!("doc-{i}"),
            "title": format!("عنوان {i}"),
            "outlet": if i % 3 == 0 { "alpha" } else { "beta" },
            "date": format!("2015-{month}-0{}", 1 + i % 9),
            "text": text,
        });
        out.push_str(&rec.to_string());
        out.push('\n');
        texts.push(text);
    }
    (out, texts)
}

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Every span in a record is the text's bytes there.
fn check_spans(v: &Value, text: &str) {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e), Some(t)) = (m.get("start"), m.get("end"), m.get("text")) {
                let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                assert_eq!(text.get(s..e), t.as_str(), "span {s}..{e}");
            }
            m.values().for_each(|x| check_spans(x, text));
        }
        Value::Array(a) => a.iter().for_each(|x| check_spans(x, text)),
        _ => {}
    }
}

#[test]
fn jsonl_keeps_every_line_in_order_and_isolates_bad_ones() {
    let (input, texts) = jsonl(120, &[7, 63]);
    let r = run(
        ["analyze", "--input", "jsonl", "--format", "json", "-q"],
        input.as_bytes(),
    );
    assert_eq!(r.code, Some(65), "some documents were bad: {}", r.stderr);
    let out = lines(r.stdout_text());
    assert_eq!(out.len(), 120);
    for (i, rec) in out.iter().enumerate() {
        if i == 7 || i == 63 {
            assert_eq!(rec["id"], format!("<stdin>:{}", i + 1));
            assert!(rec["error"].as_str().is_some());
            continue;
        }
        assert_eq!(rec["id"], format!("doc-{i}"));
        assert_eq!(rec["schema"], "isnad/1");
        assert_eq!(rec["bytes"].as_u64().unwrap() as usize, texts[i].len());
        check_spans(&rec["attributions"], &texts[i]);
        check_spans(&rec["sources"], &texts[i]);
    }
    assert!(r.stderr.contains("<stdin>:8"), "{}", r.stderr);
    assert!(r.stderr.contains("<stdin>:64"), "{}", r.stderr);
}

#[test]
fn one_thread_and_two_give_the_same_output() {
    let (input, _) = jsonl(200, &[]);
    let one = run(
        ["analyze", "--input", "jsonl", "--format", "json", "-j", "1"],
        input.as_bytes(),
    );
    let two = run(
        ["analyze", "--input", "jsonl", "--format", "json", "-j", "2"],
        input.as_bytes(),
    );
    assert_eq!(one.code, Some(0), "{}", one.stderr);
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn directories_are_walked_in_name_order() {
    let dir = TempDir::new();
    std::fs::create_dir_all(dir.path().join("b/c")).unwrap();
    dir.file("z.txt", ARTICLES[0].as_bytes());
    dir.file("a.txt", ARTICLES[1].as_bytes());
    dir.file("b/c/m.md", ARTICLES[2].as_bytes());
    dir.file("b/skip.png", b"\x89PNG\0");
    dir.file(".hidden.txt", ARTICLES[0].as_bytes());
    dir.file("bad.txt", b"\xff\xfe");
    let r = run(
        [
            "analyze".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            dir.path().as_os_str(),
        ],
        b"",
    );
    assert_eq!(r.code, Some(65), "{}", r.stderr);
    let ids: Vec<String> = lines(r.stdout_text())
        .iter()
        .map(|v| {
            let id = v["id"].as_str().unwrap();
            id.strip_prefix(&*dir.path().to_string_lossy())
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["/a.txt", "/b/c/m.md", "/bad.txt", "/z.txt"]);
}

#[test]
fn several_files_come_out_in_the_order_given_and_atomically() {
    let dir = TempDir::new();
    let a = dir.file("one.txt", ARTICLES[0].as_bytes());
    let b = dir.file("two.txt", ARTICLES[2].as_bytes());
    let out = dir.path().join("out.jsonl");
    let r = run(
        [
            "analyze".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            b.as_os_str(),
            a.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ],
        b"",
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let written = std::fs::read_to_string(&out).unwrap();
    let recs = lines(&written);
    assert_eq!(recs.len(), 2);
    assert!(recs[0]["id"].as_str().unwrap().ends_with("two.txt"));
    assert!(recs[1]["id"].as_str().unwrap().ends_with("one.txt"));
    assert_eq!(
        dir.entries(),
        ["one.txt", "out.jsonl", "two.txt"],
        "no temporary file is left"
    );
    // Text output heads each document with its id.
    let r = run(["analyze".as_ref(), a.as_os_str(), b.as_os_str()], b"");
    assert_eq!(
        r.stdout_text().matches("\n# ").count() + usize::from(r.stdout_text().starts_with("# ")),
        2
    );
}

#[test]
fn many_reports_go_into_a_directory() {
    let dir = TempDir::new();
    let (input, _) = jsonl(5, &[]);
    let input_path = dir.file("in.jsonl", input.as_bytes());
    let pages = dir.path().join("pages");
    let r = run(
        [
            "report".as_ref(),
            input_path.as_os_str(),
            "-o".as_ref(),
            pages.as_os_str(),
        ],
        b"",
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let mut names: Vec<String> = std::fs::read_dir(&pages)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "doc-0.html",
            "doc-1.html",
            "doc-2.html",
            "doc-3.html",
            "doc-4.html",
            "index.html"
        ]
    );
    let page = std::fs::read_to_string(pages.join("doc-0.html")).unwrap();
    assert!(page.contains("سامي العلي"));
    let without = run(["report".as_ref(), input_path.as_os_str()], b"");
    assert_eq!(without.code, Some(2), "a usage error");
    assert!(without.stderr.contains("-o DIR"), "{}", without.stderr);
}

#[test]
fn the_archive_report_counts_the_whole_archive() {
    let (input, _) = jsonl(60, &[10]);
    let r = run(
        ["report", "--corpus", "-", "--format", "json"],
        input.as_bytes(),
    );
    assert_eq!(r.code, Some(65), "one record is broken: {}", r.stderr);
    let s: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(s["documents"], 59);
    assert_eq!(s["failed"], 1);
    assert_eq!(
        s["outlets"]["alpha"]["documents"].as_u64().unwrap()
            + s["outlets"]["beta"]["documents"].as_u64().unwrap(),
        59
    );
    assert!(s["months"]["2015-07"]["documents"].as_u64().unwrap() > 0);
    assert!(s["months"]["2015-08"]["documents"].as_u64().unwrap() > 0);
    assert!(s["total"]["denials"].as_u64().unwrap() >= 10);
    assert!(!s["contested"].as_array().unwrap().is_empty());
    let top = &s["most_quoted"][0];
    assert!(
        top["name"].as_str().unwrap().contains("سامي العلي"),
        "{top}"
    );

    let dir = TempDir::new();
    let path = dir.file("archive.jsonl", input.as_bytes());
    let html = dir.path().join("corpus.html");
    let r = run(
        [
            "report".as_ref(),
            "--corpus".as_ref(),
            path.as_os_str(),
            "-o".as_ref(),
            html.as_os_str(),
        ],
        b"",
    );
    assert_eq!(r.code, Some(65));
    let page = std::fs::read_to_string(&html).unwrap();
    for id in [
        "scorecard",
        "stances",
        "outlets",
        "months",
        "quoted",
        "contested",
        "flags",
    ] {
        assert!(page.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(page.contains("dir=\"rtl\""));
}
