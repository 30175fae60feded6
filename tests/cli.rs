//! Integration tests for the `isnad` binary: arguments, input and output, exit codes and the
//! JSON contract, run against the real executable.

use std::path::Path;

use serde_json::Value;

use support::{analyze_json, run, TempDir};

mod support;

const SENTENCE: &str = "وقال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا.";

/// Checks one `{start, end, text}` object against the input bytes.
fn check_span(span: &Value, input: &[u8], what: &str) {
    let start = span["start"]
        .as_u64()
        .unwrap_or_else(|| panic!("{what}: no start")) as usize;
    let end = span["end"]
        .as_u64()
        .unwrap_or_else(|| panic!("{what}: no end")) as usize;
    let text = span["text"]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: no text"));
    assert!(
        start <= end && end <= input.len(),
        "{what}: {start}..{end} out of range"
    );
    assert_eq!(
        &input[start..end],
        text.as_bytes(),
        "{what}: text differs from input bytes {start}..{end}"
    );
}

/// Checks every span in `value` (any object with start, end and text) against `input`, and
/// returns how many there were.
fn check_all_spans(value: &Value, input: &[u8], path: &str) -> usize {
    match value {
        Value::Object(map) => {
            if map.contains_key("start") && map.contains_key("end") && map.contains_key("text") {
                check_span(value, input, path);
                return 1;
            }
            map.iter()
                .map(|(k, v)| check_all_spans(v, input, &format!("{path}.{k}")))
                .sum()
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| check_all_spans(v, input, &format!("{path}[{i}]")))
            .sum(),
        _ => 0,
    }
}

/// Checks the `isnad/1` contract: schema, spans, ids in order, and links between attributions
/// and sources.
fn check_contract(json: &Value, input: &[u8]) {
    assert_eq!(json["schema"], "isnad/1");
    let atts = json["attributions"]
        .as_array()
        .expect("attributions is an array");
    let sources = json["sources"].as_array().expect("sources is an array");
    // Ids index the lists (checked below), so links are looked up, not searched: outputs hold
    // tens of thousands of attributions.
    let source_at = |sid: &str| sid.strip_prefix('s')?.parse::<usize>().ok()?.checked_sub(1);
    let listed: std::collections::HashSet<(&str, &str)> = sources
        .iter()
        .flat_map(|s| {
            let sid = s["id"].as_str().unwrap_or("");
            s["attributions"]
                .as_array()
                .into_iter()
                .flatten()
                .map(move |a| (sid, a.as_str().unwrap_or("")))
        })
        .collect();
    for (i, a) in atts.iter().enumerate() {
        assert_eq!(
            a["id"],
            format!("a{}", i + 1),
            "attribution ids are a1..aN in order"
        );
        check_span(&a["cue"], input, &format!("a{}.cue", i + 1));
        for field in ["source_mention", "content", "addressee", "medium", "time"] {
            if !a[field].is_null() {
                check_span(&a[field], input, &format!("a{}.{field}", i + 1));
            }
        }
        if let Some(sid) = a["source"].as_str() {
            let s = source_at(sid)
                .and_then(|k| sources.get(k))
                .filter(|s| s["id"] == sid)
                .unwrap_or_else(|| panic!("a{}: source {sid} is not listed", i + 1));
            assert!(
                listed.contains(&(sid, a["id"].as_str().unwrap_or(""))),
                "source {} does not list a{}",
                s["id"],
                i + 1
            );
        }
    }
    for (i, s) in sources.iter().enumerate() {
        assert_eq!(
            s["id"],
            format!("s{}", i + 1),
            "source ids are s1..sN in order"
        );
        for m in s["mentions"].as_array().expect("mentions is an array") {
            check_span(m, input, &format!("s{}.mention", i + 1));
        }
        for aid in s["attributions"]
            .as_array()
            .expect("attributions is an array")
        {
            let a = aid
                .as_str()
                .and_then(|id| id.strip_prefix('a')?.parse::<usize>().ok()?.checked_sub(1))
                .and_then(|k| atts.get(k))
                .filter(|a| &a["id"] == aid)
                .expect("listed attribution exists");
            assert_eq!(a["source"], s["id"]);
        }
    }
    let att_at = |aid: &str| aid.strip_prefix('a')?.parse::<usize>().ok()?.checked_sub(1);
    for r in json["relations"].as_array().expect("relations is an array") {
        for end in ["from", "to"] {
            let aid = r[end].as_str().expect("an attribution id");
            assert!(
                att_at(aid).is_some_and(|k| k < atts.len()),
                "relation {end} {aid}"
            );
        }
        assert_ne!(r["from"], r["to"]);
    }
    for (i, c) in json["claims"]
        .as_array()
        .expect("claims is an array")
        .iter()
        .enumerate()
    {
        assert_eq!(
            c["id"],
            format!("c{}", i + 1),
            "claim ids are c1..cN in order"
        );
        for aid in c["attributions"].as_array().expect("members") {
            let a = &atts[att_at(aid.as_str().unwrap()).expect("a member id")];
            assert_eq!(a["claim"], c["id"], "{aid} belongs to {}", c["id"]);
        }
        for ch in c["chains"].as_array().expect("chains") {
            for sid in ch["sources"].as_array().expect("chain sources") {
                let k = source_at(sid.as_str().unwrap()).expect("a source id");
                assert!(k < sources.len(), "chain source {sid} is listed");
            }
        }
    }
    check_all_spans(json, input, "$");
}

fn attributions(json: &Value) -> &Vec<Value> {
    json["attributions"]
        .as_array()
        .expect("attributions is an array")
}

fn example_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/talks.txt")
}

#[test]
fn json_for_a_file() {
    let dir = TempDir::new();
    let file = dir.file("in.txt", SENTENCE.as_bytes());
    let r = analyze_json(&file);
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let json = r.json();
    check_contract(&json, SENTENCE.as_bytes());
    let atts = attributions(&json);
    assert_eq!(atts.len(), 1, "{json:#}");
    let a = &atts[0];
    assert_eq!(a["cue"]["text"], "وقال");
    assert_eq!(a["content"]["text"], "الاجتماع سيعقد غدا");
    assert_eq!(a["stance"], "asserts");
    let sid = a["source"].as_str().expect("the attribution has a source");
    let sources = json["sources"].as_array().unwrap();
    assert!(sources.iter().any(|s| s["id"] == sid), "no source {sid}");
}

#[test]
fn standard_input_with_dash_and_without_file() {
    let dir = TempDir::new();
    let file = dir.file("in.txt", SENTENCE.as_bytes());
    let from_file = analyze_json(&file);
    let dash = run(["analyze", "--format", "json", "-"], SENTENCE.as_bytes());
    let bare = run(["analyze", "--format", "json"], SENTENCE.as_bytes());
    for r in [&from_file, &dash, &bare] {
        assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    }
    assert_eq!(attributions(&dash.json()).len(), 1);
    assert_eq!(dash.stdout, from_file.stdout);
    assert_eq!(bare.stdout, from_file.stdout);
}

#[test]
fn empty_and_blank_input() {
    for input in ["", " \n\n\t  \r\n  "] {
        let r = run(["analyze", "--format", "json"], input.as_bytes());
        assert_eq!(r.code, Some(0), "input {input:?}; stderr: {}", r.stderr);
        let json = r.json();
        check_contract(&json, input.as_bytes());
        assert!(attributions(&json).is_empty(), "input {input:?}: {json:#}");
    }
}

/// "قال الوزير" is 19 bytes, so the bad byte sits at offset 19.
fn invalid_input() -> Vec<u8> {
    let mut bytes = "قال الوزير".as_bytes().to_vec();
    assert_eq!(bytes.len(), 19);
    bytes.push(0xFF);
    bytes.extend_from_slice(" إن الخطة جاهزة.".as_bytes());
    bytes
}

#[test]
fn invalid_utf8_is_bad_input_at_its_offset() {
    let r = run(["analyze", "--format", "json"], &invalid_input());
    assert_eq!(r.code, Some(65), "stderr: {}", r.stderr);
    assert!(
        r.stdout.is_empty(),
        "stdout: {:?}",
        String::from_utf8_lossy(&r.stdout)
    );
    assert!(r.stderr.contains("byte"), "stderr: {}", r.stderr);
    let numbers: Vec<&str> = r.stderr.split(|c: char| !c.is_ascii_digit()).collect();
    assert!(
        numbers.contains(&"19"),
        "stderr does not name offset 19: {}",
        r.stderr
    );
}

#[test]
fn lossy_accepts_invalid_utf8() {
    let input = invalid_input();
    let r = run(["analyze", "--format", "json", "--lossy"], &input);
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    // Offsets refer to the text with the bad byte replaced.
    let replaced = String::from_utf8_lossy(&input).into_owned();
    check_contract(&r.json(), replaced.as_bytes());
}

#[test]
fn missing_file_is_an_io_error() {
    let dir = TempDir::new();
    let missing = dir.path().join("no-such-article.txt");
    let r = run(["analyze".as_ref(), missing.as_os_str()], b"");
    assert_eq!(r.code, Some(74), "stderr: {}", r.stderr);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr.contains(&*missing.to_string_lossy()),
        "stderr: {}",
        r.stderr
    );
    // The cause is said once.
    assert_eq!(r.stderr.matches("No such file").count(), 1, "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
}

#[test]
fn an_html_page_is_read_for_its_article_text() {
    let page = "<!DOCTYPE html><html><head><title>خبر</title><script>var x = 1;</script>\
<style>p { color: red }</style></head><body><nav>الرئيسية | أخبار</nav>\
<article><p>وقال الوزير <b>سامي الحداد</b> إن &laquo;الحدود&raquo; مغلقة.</p>\
<p>ونفت الوزارة ذلك.</p></article><footer>جميع الحقوق محفوظة</footer></body></html>";
    let json = run(
        ["analyze", "--input", "html", "--format", "json", "-"],
        page.as_bytes(),
    )
    .json();
    let text = json["text"]
        .as_str()
        .expect("the extracted text")
        .to_string();
    assert!(
        !text.contains("var x") && !text.contains("الرئيسية") && !text.contains("محفوظة"),
        "{text}"
    );
    check_contract(&json, text.as_bytes());
    assert_eq!(attributions(&json).len(), 2, "{json}");
    let plain = run(["analyze", "--format", "json", "-"], page.as_bytes()).json();
    assert!(
        plain.get("text").is_none(),
        "plain input needs no copy of itself"
    );
}

#[test]
fn the_graph_of_a_directory_merges_its_articles() {
    let dir = TempDir::new();
    dir.file(
        "a.txt",
        "قال وزير الخارجية سامي العلي إن المحادثات السرية جرت في جنيف.\n".as_bytes(),
    );
    dir.file(
        "b.txt",
        "وقال وزير الخارجية سامي العلي إن الوفد سيعود غدا إلى العاصمة.\n".as_bytes(),
    );
    let r = run(
        [
            "graph".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            dir.path().as_os_str(),
        ],
        b"",
    );
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let g = r.json();
    let sources: Vec<&Value> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["type"] == "source")
        .collect();
    assert_eq!(sources.len(), 1, "one minister across both: {g}");
    let docs: Vec<&str> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["document"].as_str())
        .collect();
    assert_eq!(docs.len(), 2, "{g}");
}

#[test]
fn a_binary_file_is_bad_input_at_its_nul() {
    let r = run(["analyze", "-"], b"\xd9\x82\xd8\xa7\xd9\x84 \x00\x01\x02");
    assert_eq!(r.code, Some(65), "stderr: {}", r.stderr);
    assert!(
        r.stderr.contains("binary") && r.stderr.contains("offset 7"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
}

#[test]
fn an_input_over_the_limit_is_refused_unless_raised() {
    let text = "قال الوزير إن الحدود مغلقة.".as_bytes();
    let r = run(["analyze", "--max-bytes", "10", "-"], text);
    assert_eq!(r.code, Some(65), "stderr: {}", r.stderr);
    assert!(r.stderr.contains("--max-bytes"), "{}", r.stderr);
    let r = run(["analyze", "--max-bytes", "1000", "-"], text);
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
}

#[test]
fn output_file() {
    let dir = TempDir::new();
    let out = dir.path().join("out.json");
    let r = run(
        [
            "analyze".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ],
        SENTENCE.as_bytes(),
    );
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert!(r.stdout.is_empty(), "stdout: {}", r.stdout_text());
    let written: Value =
        serde_json::from_slice(&std::fs::read(&out).expect("output is written")).unwrap();
    check_contract(&written, SENTENCE.as_bytes());
    assert_eq!(attributions(&written).len(), 1);
    // Nothing else (no temporary file) is left beside it.
    assert_eq!(dir.entries(), ["out.json"]);
}

#[test]
fn output_into_a_missing_directory() {
    let dir = TempDir::new();
    let out = dir.path().join("missing").join("out.json");
    let r = run(
        ["analyze".as_ref(), "-o".as_ref(), out.as_os_str()],
        SENTENCE.as_bytes(),
    );
    assert_eq!(r.code, Some(74), "stderr: {}", r.stderr);
    assert!(r.stdout.is_empty());
    assert!(!out.exists());
    assert!(dir.entries().is_empty(), "left behind: {:?}", dir.entries());
    // The message names the path as given, not a temporary file.
    assert!(r.stderr.contains(&*out.to_string_lossy()), "{}", r.stderr);
    assert!(!r.stderr.contains("isnad-tmp"), "{}", r.stderr);
}

#[test]
fn text_format_shows_source_and_content() {
    let r = run(["analyze", "--format", "text"], SENTENCE.as_bytes());
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let out = r.stdout_text();
    assert!(out.contains("المتحدث باسم الوزارة"), "{out}");
    assert!(out.contains("الاجتماع سيعقد غدا"), "{out}");
}

#[test]
fn usage_error() {
    let r = run(["analyze", "--format", "yaml"], b"");
    assert_eq!(r.code, Some(2), "stderr: {}", r.stderr);
    let r = run(["no-such-command"], b"");
    assert_eq!(r.code, Some(2), "stderr: {}", r.stderr);
}

const WHISPER: &str = "وهمس المسؤول بأن الخطة جاهزة.";

#[test]
fn extra_lexicon_adds_a_verb() {
    let plain = run(["analyze", "--format", "json"], WHISPER.as_bytes());
    assert_eq!(plain.code, Some(0), "stderr: {}", plain.stderr);
    assert!(
        attributions(&plain.json()).is_empty(),
        "همس is not in the embedded lexicon"
    );

    let dir = TempDir::new();
    dir.file(
        "verbs.tsv",
        "# past\tclass\timperfect\tparticiple\tstance\tnegated\tframe\nهمس\tsound\tهمس\tهامس\tasserts\t-\tsay\n"
            .as_bytes(),
    );
    let r = run(
        [
            "analyze".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            "--lexicon".as_ref(),
            dir.path().as_os_str(),
        ],
        WHISPER.as_bytes(),
    );
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let json = r.json();
    check_contract(&json, WHISPER.as_bytes());
    let atts = attributions(&json);
    assert_eq!(atts.len(), 1, "{json:#}");
    assert_eq!(atts[0]["cue"]["text"], "وهمس");
    assert_eq!(atts[0]["stance"], "asserts");
}

#[test]
fn malformed_lexicon_line_is_bad_input() {
    let dir = TempDir::new();
    dir.file(
        "verbs.tsv",
        "# a comment\nهمس\tsound\tهمس\tهامس\tasserts\t-\tsay\nهمس\tsound\n".as_bytes(),
    );
    let r = run(
        [
            "analyze".as_ref(),
            "--lexicon".as_ref(),
            dir.path().as_os_str(),
        ],
        WHISPER.as_bytes(),
    );
    assert_eq!(r.code, Some(65), "stderr: {}", r.stderr);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("verbs.tsv"), "stderr: {}", r.stderr);
    assert!(r.stderr.contains("line 3"), "stderr: {}", r.stderr);
}

/// About 1 MB of `phrase` repeated without punctuation, after `head`.
fn unpunctuated(head: &str, phrase: &str) -> String {
    let mut s = String::from(head);
    while s.len() < 1 << 20 {
        s.push_str(phrase);
    }
    s
}

#[test]
fn a_megabyte_without_punctuation() {
    let input = unpunctuated("قال المسؤول إن ", "الوضع في المدينة مستقر والأسواق مفتوحة ");
    let r = run(["analyze", "--format", "json"], input.as_bytes());
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let json = r.json();
    check_contract(&json, input.as_bytes());
    assert_eq!(json["bytes"], input.len());
}

/// The same with a cue in every repetition: each content stops at the next cue.
#[test]
fn a_megabyte_of_cues_without_punctuation() {
    let input = unpunctuated("", "قال المسؤول إن الوضع مستقر و");
    let r = run(["analyze", "--format", "json"], input.as_bytes());
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    check_contract(&r.json(), input.as_bytes());
}

#[test]
fn the_example() {
    let path = example_path();
    let input = std::fs::read(&path).expect("examples/talks.txt exists");
    let r = analyze_json(&path);
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let json = r.json();
    check_contract(&json, &input);
    let n = attributions(&json).len();
    assert!(n >= 10, "only {n} attributions in the example");
}

/// An article written for the graph tests: a claim, a relay of it, a denial and a refusal.
const CLAIM_STORY: &str = "أجرى الوفدان محادثات سرية في جنيف الأسبوع الماضي، وفقا لمصدر دبلوماسي مطلع.\n\
ويأتي ذلك بعد عام من القطيعة بين البلدين، وتوقف الرحلات الجوية والتبادل التجاري.\n\
ونقلت وكالة الأنباء الرسمية عن مسؤول في الخارجية قوله إن المحادثات السرية في جنيف تناولت ملف الأسرى.\n\
وشهدت العاصمة هذا الأسبوع احتجاجات على غلاء الأسعار وانقطاع الكهرباء.\n\
ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف.\n\
ورفض المتحدث باسم الحكومة التعليق على المحادثات السرية.\n";

fn graph_of(format: &str) -> String {
    let out = run(["graph", "--format", format, "-"], CLAIM_STORY.as_bytes());
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    out.stdout_text().to_string()
}

#[test]
fn relations_and_claims_follow_the_contract() {
    let json = run(["analyze", "--format", "json", "-"], CLAIM_STORY.as_bytes()).json();
    check_contract(&json, CLAIM_STORY.as_bytes());
    let rel = json["relations"].as_array().expect("relations");
    let fam = |f: &str| rel.iter().filter(|r| r["family"] == f).count();
    assert!(fam("support") >= 1, "{rel:?}");
    assert!(fam("oppose") >= 1, "{rel:?}");
    assert!(fam("noncommittal") >= 1, "{rel:?}");
    for r in rel {
        assert!(
            !r["evidence"].as_array().expect("evidence").is_empty(),
            "{r}"
        );
    }
    // The relay's chain: the official first, then the agency.
    let relay = attributions(&json)
        .iter()
        .find(|a| a["cue"]["text"] == "ونقلت")
        .expect("the relay");
    assert_eq!(
        relay["chain"].as_array().expect("chain").len(),
        2,
        "{relay}"
    );
}

#[test]
fn graphml_is_xml_with_a_node_per_source_and_claim() {
    let json = run(["analyze", "--format", "json", "-"], CLAIM_STORY.as_bytes()).json();
    let want_nodes =
        json["sources"].as_array().unwrap().len() + json["claims"].as_array().unwrap().len();
    let xml = graph_of("graphml");
    let doc = roxmltree::Document::parse(&xml).expect("GraphML parses as XML");
    let count = |tag: &str| doc.descendants().filter(|n| n.has_tag_name(tag)).count();
    assert_eq!(count("node"), want_nodes);
    assert!(count("edge") >= json["relations"].as_array().unwrap().len());
    let key_ids: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("key"))
        .filter_map(|n| n.attribute("id"))
        .collect();
    let mut unique = key_ids.clone();
    unique.dedup();
    assert_eq!(
        unique.len(),
        key_ids.len(),
        "key ids are unique: {key_ids:?}"
    );
    assert_eq!(xml, graph_of("graphml"), "equal input gives equal output");
}

#[test]
fn dot_parses_with_the_same_nodes_and_edges() {
    use graphviz_rust::dot_structures::{Graph, Stmt};
    let json = run(["analyze", "--format", "json", "-"], CLAIM_STORY.as_bytes()).json();
    let want_nodes =
        json["sources"].as_array().unwrap().len() + json["claims"].as_array().unwrap().len();
    let text = graph_of("dot");
    let graph = graphviz_rust::parse(&text).expect("DOT parses");
    let Graph::DiGraph { stmts, .. } = graph else {
        panic!("a directed graph");
    };
    let nodes = stmts.iter().filter(|s| matches!(s, Stmt::Node(_))).count();
    let edges = stmts.iter().filter(|s| matches!(s, Stmt::Edge(_))).count();
    assert_eq!(nodes, want_nodes);
    let links = serde_json::from_str::<Value>(&graph_of("json")).expect("node-link JSON");
    assert_eq!(links["edges"].as_array().unwrap().len(), edges);
    assert_eq!(links["nodes"].as_array().unwrap().len(), nodes);
    assert!(
        text.contains("opposes") && text.contains("relays"),
        "{text}"
    );
}

/// One sentence written many strange but valid ways: each still gives its attribution, with the
/// same source and content once folded, and spans into the bytes as given.
#[test]
fn strange_but_valid_text_keeps_its_attribution() {
    let plain = "قال وزير الخارجية سامي العلي إن الوفد وصل إلى جنيف.";
    let variants: Vec<(&str, String)> = vec![
        ("bom", format!("\u{FEFF}{plain}")),
        ("crlf", format!("عنوان\r\n{plain}\r\n")),
        ("lone cr", format!("عنوان\r{plain}\r")),
        (
            "bidi controls",
            plain
                .replace("قال", "\u{202B}قال\u{202C}")
                .replace("إن", "\u{200F}إن"),
        ),
        (
            "zero width",
            plain
                .replace("الوفد", "الو\u{200C}فد")
                .replace("سامي", "سا\u{200D}مي"),
        ),
        (
            "tatweel and harakat",
            plain.replace("قال", "قـــالَ").replace("وصل", "وَصَلَ"),
        ),
        (
            "mixed scripts",
            format!("John Smith (CNN) — שלום. {plain} Geneva."),
        ),
        (
            "presentation forms",
            "ﻗﺎﻝ ﻭﺯﻳﺮ ﺍﻟﺨﺎﺭﺟﻴﺔ ﺳﺎﻣﻲ ﺍﻟﻌﻠﻲ ﺇﻥ ﺍﻟﻮﻓﺪ ﻭﺻﻞ ﺇﻟﻰ ﺟﻨﻴﻒ.".to_string(),
        ),
        (
            "persian letters",
            plain.replace("وزير", "وزیر").replace("العلي", "العلی"),
        ),
    ];
    for (what, input) in &variants {
        let r = run(["analyze", "--format", "json"], input.as_bytes());
        assert_eq!(r.code, Some(0), "{what}: {}", r.stderr);
        let json = r.json();
        check_contract(&json, input.as_bytes());
        let atts = attributions(&json);
        assert_eq!(atts.len(), 1, "{what}: {json}");
        let sid = atts[0]["source"].as_str().expect("a source");
        let source = json["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == sid)
            .unwrap();
        assert!(
            source["kind"] == "named_person" && !atts[0]["content"].is_null(),
            "{what}: {json}"
        );
    }
}

/// Inputs built to be slow: each finishes, with every span valid (time is measured by
/// `benches/pathological.rs`, not here).
#[test]
fn pathological_inputs_finish_with_valid_spans() {
    let mut nested = "قال «".repeat(2_000);
    nested.push_str("نعم");
    nested.push_str(&"»".repeat(2_000));
    let inputs: Vec<(&str, String)> = vec![
        (
            "unbalanced quotes",
            "قال الوزير «إن \"الوفد ".repeat(100_000 / 2),
        ),
        ("nested quotes", nested),
        ("only closing quotes", "» ».".repeat(20_000)),
        (
            "only cues",
            "قال أضاف أكد نفى وفقا ل بحسب نقلا عن ".repeat(5_000),
        ),
        ("one long word", "ق".repeat(200_000)),
        ("only punctuation", "،.:؟!«»()-".repeat(20_000)),
        (
            "controls",
            "\u{202E}\u{2066}\u{200B}\u{FEFF}\u{7}".repeat(20_000),
        ),
    ];
    for (what, input) in &inputs {
        let r = run(["analyze", "--format", "json"], input.as_bytes());
        assert_eq!(r.code, Some(0), "{what}: {}", r.stderr);
        check_contract(&r.json(), input.as_bytes());
    }
}

/// `isnad relate`: one answer per record, in order, with the record's id, a relation of the
/// three, a score in 0–1 and the words behind it; a line that is no record keeps its place and
/// makes the run exit 65.
#[test]
fn relate_answers_each_pair_in_order() {
    let input = concat!(
        r#"{"id": "p1", "a": "الحكومة تجري محادثات سرية مع المعارضة", "b": "الحكومة تنفي إجراء أي مفاوضات مع المعارضة"}"#,
        "\n",
        r#"{"id": "p2", "a": "ارتفاع أسعار القمح في الأسواق", "b": "أسعار القمح ترتفع في الأسواق المحلية"}"#,
        "\n",
        r#"{"id": "p3", "a": "افتتاح معرض الكتاب في العاصمة", "b": "منتخب الناشئين يفوز في بطولة الشباب"}"#,
        "\n",
    );
    let run = support::run(["relate", "--format", "json"], input.as_bytes());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let lines: Vec<Value> = run
        .stdout_text()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["p1", "p2", "p3"]);
    let relations: Vec<&str> = lines
        .iter()
        .map(|l| l["relation"].as_str().unwrap())
        .collect();
    assert_eq!(relations, ["oppose", "support", "unrelated"]);
    for l in &lines {
        let score = l["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score), "{l}");
        assert!(l["evidence"].is_array(), "{l}");
    }

    let bad = support::run(
        ["relate"],
        b"not json\n{\"id\": 2, \"a\": \"x\", \"b\": \"y\"}\n",
    );
    assert_eq!(bad.code, Some(65));
    let lines: Vec<Value> = bad
        .stdout_text()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["error"].is_string());
    assert_eq!(lines[1]["id"], 2);
}

/// Every claim carries a title in the anchor's words and a verdict line, in JSON and in text.
#[test]
fn claims_have_a_title_and_a_verdict() {
    let run = support::analyze_json(&example_path());
    let json = run.json();
    let claims = json["claims"].as_array().unwrap();
    assert!(!claims.is_empty());
    for c in claims {
        assert!(!c["title"].as_str().unwrap().is_empty(), "{c}");
        assert!(!c["verdict"].as_str().unwrap().is_empty(), "{c}");
    }
    // The minister's "not new and not secret" answers the secret-talks claim, and the headline
    // and the lead, one anonymous source's words, are one voice.
    let talks = &claims[0];
    assert!(talks["title"].as_str().unwrap().contains("محادثات سرية"));
    let verdict = talks["verdict"].as_str().unwrap();
    assert!(verdict.starts_with("denied by وزير المياه"), "{verdict}");
    assert!(!verdict.contains("confirmed by"), "{verdict}");
    let path = example_path();
    let text = support::run(
        [
            std::ffi::OsStr::new("analyze"),
            path.as_os_str(),
            std::ffi::OsStr::new("--format"),
            std::ffi::OsStr::new("text"),
        ],
        b"",
    );
    assert!(
        text.stdout_text().contains(verdict),
        "{}",
        text.stdout_text()
    );
}
