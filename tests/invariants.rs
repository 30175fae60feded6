//! Invariants that hold for any input, checked with proptest on arbitrary strings and on
//! Arabic news sentences cut and spliced at random: no panic; every span on character
//! boundaries inside the input with its text equal to the input there; ids unique and in
//! order; links pointing at what exists; equal input giving equal output; the report escaping
//! what it shows.

use isnad::{Analysis, Analyzer, TextSpan};
use proptest::prelude::*;

mod support;

/// Sentences written for these tests, in the styles the analyzer reads.
const SENTENCES: &[&str] = &[
    "وقال وزير الخارجية سامي الحداد إن المحادثات ستستأنف الأسبوع المقبل.",
    "أجرى الوفدان محادثات سرية في جنيف، وفقا لمصدر دبلوماسي مطلع.",
    "ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف.",
    "وأضاف المصدر، الذي طلب عدم الكشف عن هويته، أن «الجولة المقبلة ستكون حاسمة».",
    "ولم ترد السفارة على طلب للتعليق.",
    "ونقلت وكالة الأنباء الرسمية عن مسؤول قوله إن الشحنة وصلت.",
    "لن تؤكد الحكومة أو تنفي ما نشرته الصحيفة، مضيفة أن التحقيق مستمر.",
    "«لن نقبل بأي وصاية»، قال المتحدث باسم الحركة.",
    "عمّان (وكالة الأنباء) – قالت مصادر مطلعة لـ«الصحيفة» إن الاتفاق قريب.",
    "وزعم المعارض أن الانتخابات زورت، لكن اللجنة قالت إن ذلك عار عن الصحة.",
];

fn spans(a: &Analysis) -> Vec<&TextSpan> {
    let mut out = Vec::new();
    for x in &a.attributions {
        out.push(&x.cue);
        out.extend(x.source_mention.iter());
        out.extend(x.content.iter());
        out.extend(x.addressee.iter());
        out.extend(x.medium.iter());
        out.extend(x.time.iter());
    }
    for s in &a.sources {
        out.extend(s.mentions.iter());
    }
    out.extend(a.skipped.iter());
    out
}

fn check(text: &str) {
    let analyzer = Analyzer::new();
    let a = analyzer.analyze(text);
    assert_eq!(a.bytes, text.len());
    for s in spans(&a) {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{s:?} outside the input"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{s:?}"
        );
        assert_eq!(s.text, text[s.start..s.end], "span text");
    }
    for (i, x) in a.attributions.iter().enumerate() {
        assert_eq!(x.id, format!("a{}", i + 1));
        for id in x.source.iter().chain(&x.chain) {
            assert!(a.sources.iter().any(|s| &s.id == id), "{id} listed");
        }
        if let Some(c) = &x.claim {
            assert!(a.claims.iter().any(|k| &k.id == c), "{c} listed");
        }
    }
    for (i, s) in a.sources.iter().enumerate() {
        assert_eq!(s.id, format!("s{}", i + 1));
    }
    let atts = a.attributions.len();
    let at = |id: &str| {
        id[1..]
            .parse::<usize>()
            .ok()
            .filter(|&k| k >= 1 && k <= atts)
    };
    for r in &a.relations {
        assert!(at(&r.from).is_some() && at(&r.to).is_some(), "{r:?}");
        assert_ne!(r.from, r.to);
        assert!((0.0..=1.0).contains(&r.score));
    }
    // Equal input gives equal output.
    assert_eq!(a, analyzer.analyze(text));
    let page = isnad::report::html(text, &a, "x");
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the page's own script"
    );
    if let Err(e) = support::well_formed(&page) {
        panic!("the report is not well formed: {e}");
    }
    // Lint places every finding inside the text, and prints no control character of it.
    let diags = isnad::lint::lint(
        text,
        &a,
        isnad::report::labels::for_text(text),
        &Default::default(),
    );
    for d in &diags {
        assert!(d.line >= 1 && d.column >= 1);
        assert_eq!(d.span.text, text[d.span.start..d.span.end]);
    }
    let shown = isnad::lint::render("x", text, &diags, isnad::lint::Style::default());
    assert!(
        !shown.chars().any(|c| c.is_control() && c != '\n'),
        "{shown:?}"
    );
    let graph = isnad::graph::build(&a);
    assert_eq!(graph.node_count(), a.sources.len() + a.claims.len());
}

/// Text made of the test sentences, cut at random character positions and joined by random
/// separators.
fn spliced() -> impl Strategy<Value = String> {
    let piece = (
        0..SENTENCES.len(),
        0usize..200,
        0usize..200,
        prop::sample::select(vec![" ", "\n", "، ", "\n\n", "«", "»", ""]),
    );
    prop::collection::vec(piece, 1..12).prop_map(|parts| {
        let mut out = String::new();
        for (k, a, b, sep) in parts {
            let chars: Vec<char> = SENTENCES[k].chars().collect();
            let (x, y) = (a % (chars.len() + 1), b % (chars.len() + 1));
            let (x, y) = (x.min(y), x.max(y));
            let cut: String = if y > x {
                chars[x..y].iter().collect()
            } else {
                SENTENCES[k].to_string()
            };
            out.push_str(&cut);
            out.push_str(sep);
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_string(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn arabic_punctuation_and_marks(text in "[\u{0600}-\u{06FF}\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFF}«»\"'،.:؟!\n \u{200c}\u{200f}]{0,300}") {
        check(&text);
    }

    #[test]
    fn spliced_news(text in spliced()) {
        check(&text);
    }
}

#[test]
fn the_well_formedness_check_catches_broken_pages() {
    assert!(support::well_formed("<p>a &amp; b<br><svg><rect x=\"1\"/></svg></p>").is_ok());
    assert!(support::well_formed("<p>a <b>b</p></b>").is_err());
    assert!(support::well_formed("<p>a < b</p>").is_err());
    assert!(support::well_formed("<p>a & b</p>").is_err());
    assert!(support::well_formed("<p title=\"<x>\">a</p>").is_err());
    assert!(support::well_formed("<div><p>a</p>").is_err());
    assert!(support::well_formed("<style>a<b{}</style><p>x</p>").is_ok());
}

#[test]
fn the_archive_report_is_well_formed_whatever_the_metadata() {
    let analyzer = Analyzer::new();
    let mut corpus = isnad::corpus::Corpus::new(analyzer.lexicon().clone());
    for (i, text) in SENTENCES.iter().enumerate() {
        let meta = isnad::batch::Meta {
            id: format!("<d{i}> & \"x\""),
            title: Some("</table><script>alert(1)</script>".into()),
            outlet: Some(format!("<b>outlet {}</b>", i % 3)),
            date: Some(format!("2015-0{}-01", 1 + i % 9)),
            url: None,
        };
        corpus.add(&meta, &analyzer.analyze(text));
    }
    let page = isnad::report::corpus_html(&corpus.finish(), "<archive>");
    if let Err(e) = support::well_formed(&page) {
        panic!("the archive report is not well formed: {e}");
    }
}
