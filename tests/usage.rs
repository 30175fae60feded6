//! The command line as a newcomer meets it: usage errors exit 2, runs that read nothing exit
//! 66, hints where the input is not what the command reads, help with examples, and CSV.

mod support;

use support::{run, TempDir};

const SENTENCE: &str = "وقال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا.";

#[test]
fn usage_errors_exit_2() {
    let dir = TempDir::new();
    let a = dir.file("a.txt", SENTENCE.as_bytes());
    let b = dir.file("b.txt", SENTENCE.as_bytes());
    let (a, b) = (a.as_os_str(), b.as_os_str());
    let cases: Vec<Vec<&std::ffi::OsStr>> = vec![
        vec!["report".as_ref(), a, b],
        vec![
            "analyze".as_ref(),
            "--format".as_ref(),
            "html".as_ref(),
            a,
            b,
        ],
        vec!["lint".as_ref(), "--explain".as_ref(), "all".as_ref()],
    ];
    for args in cases {
        let r = run(&args, b"");
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.stderr);
        // Said once: ours in one line, clap's in its own form.
        let ours = r.stderr.starts_with("isnad: ") && r.stderr.lines().count() == 1;
        assert!(
            ours || r.stderr.starts_with("error: "),
            "{args:?}: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn explain_offers_only_rules() {
    let r = run(["lint", "--explain", "nope"], b"");
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("one-sided"), "{}", r.stderr);
    assert!(!r.stderr.contains("all,"), "{}", r.stderr);
}

#[test]
fn report_of_many_into_a_page_name_refuses() {
    let dir = TempDir::new();
    dir.file("a.txt", SENTENCE.as_bytes());
    dir.file("b.txt", SENTENCE.as_bytes());
    let out = dir.path().join("x.html");
    let r = run(
        [
            "report".as_ref(),
            dir.path().as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ],
        b"",
    );
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(!out.exists(), "no directory named x.html");
}

#[test]
fn a_directory_with_no_document_exits_66_and_suggests_the_kind_it_holds() {
    let dir = TempDir::new();
    let r = run(["analyze".as_ref(), dir.path().as_os_str()], b"");
    assert_eq!(r.code, Some(66), "{}", r.stderr);
    assert!(r.stderr.contains("no document"), "{}", r.stderr);
    dir.file("page.html", b"<p>x</p>");
    let out = dir.path().join("out.jsonl");
    let r = run(
        [
            "analyze".as_ref(),
            dir.path().as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ],
        b"",
    );
    assert_eq!(r.code, Some(66), "{}", r.stderr);
    assert!(r.stderr.contains("--input html"), "{}", r.stderr);
    assert!(!out.exists(), "nothing read, nothing written");
    for cmd in [vec!["lint"], vec!["report", "--corpus"]] {
        let mut args: Vec<&std::ffi::OsStr> = cmd.iter().map(|s| s.as_ref()).collect();
        args.push(dir.path().as_os_str());
        let r = run(&args, b"");
        assert_eq!(r.code, Some(66), "{cmd:?}: {}", r.stderr);
    }
}

#[test]
fn json_lines_on_standard_input_are_refused_as_prose_with_a_hint() {
    let input = format!("{{\"id\": \"a\", \"text\": \"{SENTENCE}\"}}\n{{\"id\": \"b\", \"text\": \"{SENTENCE}\"}}\n");
    let r = run(["analyze"], input.as_bytes());
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("--input jsonl"), "{}", r.stderr);
    let r = run(["analyze", "--input", "jsonl"], input.as_bytes());
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

#[test]
fn text_without_arabic_gets_a_warning() {
    let r = run(
        ["analyze"],
        b"The minister said the meeting would be held tomorrow.",
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("no Arabic letter"), "{}", r.stderr);
    let r = run(["analyze"], SENTENCE.as_bytes());
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    // With many documents the warning names the one it is about.
    let records = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "ar", "text": SENTENCE}),
        serde_json::json!({"id": "en", "text": "The minister spoke."})
    );
    let r = run(["analyze", "--input", "jsonl", "-q"], records.as_bytes());
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr.contains("en: the text has no Arabic letter"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("ar: "), "{}", r.stderr);
}

#[test]
fn lexicon_errors_exit_as_documented() {
    let dir = TempDir::new();
    let r = run(
        [
            "analyze".as_ref(),
            "--lexicon".as_ref(),
            dir.path().join("missing").as_os_str(),
        ],
        SENTENCE.as_bytes(),
    );
    assert_eq!(
        r.code,
        Some(74),
        "an unreadable lexicon is I/O: {}",
        r.stderr
    );
    assert_eq!(r.stderr.matches("No such file").count(), 1, "{}", r.stderr);
}

#[test]
fn every_subcommand_has_examples_and_lint_lists_its_rules() {
    for cmd in ["analyze", "lint", "report", "graph"] {
        let r = run([cmd, "--help"], b"");
        assert_eq!(r.code, Some(0));
        assert!(r.stdout_text().contains("Examples:"), "{cmd}");
        assert!(r.stdout_text().contains(&format!("isnad {cmd} ")), "{cmd}");
    }
    let help = run(["lint", "--help"], b"");
    for rule in [
        "single-anonymous-source",
        "anonymous-without-reason",
        "contested-claim",
        "no-response",
        "one-sided",
        "vague-attribution",
        "distancing-verb",
    ] {
        assert!(help.stdout_text().contains(rule), "{rule}");
    }
}

#[test]
fn csv_has_one_row_per_attribution_for_one_or_many_documents() {
    let dir = TempDir::new();
    let text = "قال الوزير، في بيان، إن \"الجلسة\" تأجلت.\nونفت الوزارة ذلك.";
    let a = dir.file("a.txt", text.as_bytes());
    let one = run(
        [
            "analyze".as_ref(),
            "--format".as_ref(),
            "csv".as_ref(),
            a.as_os_str(),
        ],
        b"",
    );
    assert_eq!(one.code, Some(0), "{}", one.stderr);
    let json = run(
        [
            "analyze".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            a.as_os_str(),
        ],
        b"",
    )
    .json();
    let n = json["attributions"].as_array().unwrap().len();
    let mut reader = csv::Reader::from_reader(&one.stdout[..]);
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "document",
            "attribution",
            "line",
            "column",
            "cue",
            "source",
            "kind",
            "stance",
            "quote",
            "content",
            "claim"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), n);
    assert_eq!(&rows[n - 1][2], "2", "the denial is on line 2");
    assert_eq!(&rows[n - 1][7], "denies");
    // Many documents: one header, then the rows of each in order; a bad one adds no row.
    dir.file("b.txt", b"\xff");
    dir.file("c.txt", text.as_bytes());
    let many = run(
        [
            "analyze".as_ref(),
            "--format".as_ref(),
            "csv".as_ref(),
            dir.path().as_os_str(),
        ],
        b"",
    );
    assert_eq!(many.code, Some(65), "{}", many.stderr);
    let mut reader = csv::Reader::from_reader(&many.stdout[..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2 * n);
    assert!(rows[0][0].ends_with("a.txt") && rows[n][0].ends_with("c.txt"));
}

#[test]
fn reading_a_terminal_says_so() {
    // script(1) gives the program a terminal as its standard input.
    let Ok(out) = std::process::Command::new("timeout")
        .args([
            "60",
            "script",
            "-qec",
            concat!(env!("CARGO_BIN_EXE_isnad"), " analyze"),
            "/dev/null",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            // A terminal hands over a line once it ends.
            writeln!(c.stdin.take().unwrap(), "{SENTENCE}")?;
            c.wait_with_output()
        })
    else {
        eprintln!("skipped: script(1) is not installed");
        return;
    };
    if out.status.code() == Some(127) {
        eprintln!("skipped: script(1) is not installed");
        return;
    }
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("reading standard input"), "{shown}");
    let r = run(["analyze"], SENTENCE.as_bytes());
    assert!(
        !r.stderr.contains("reading standard input"),
        "not on a pipe"
    );
}

#[test]
fn a_lexicon_file_that_never_ends_is_refused() {
    let dir = TempDir::new();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("verbs.tsv")).unwrap();
    let r = run(
        [
            "analyze".as_ref(),
            "--lexicon".as_ref(),
            dir.path().as_os_str(),
        ],
        SENTENCE.as_bytes(),
    );
    assert_eq!(r.code, Some(65), "{}", r.stderr);
    assert!(
        r.stderr.contains("verbs.tsv") && r.stderr.contains("over"),
        "{}",
        r.stderr
    );
}

#[test]
fn explain_speaks_arabic_when_asked() {
    let ar = run(["lint", "--explain", "one-sided", "--lang", "ar"], b"");
    assert_eq!(ar.code, Some(0), "{}", ar.stderr);
    assert!(
        ar.stdout_text().contains("لماذا يهم"),
        "{}",
        ar.stdout_text()
    );
    let en = run(["lint", "--explain", "one-sided"], b"");
    assert!(en.stdout_text().contains("Why it matters"));
}
