//! Table-driven tests of mined lexicon entries: `lexicon_cases.tsv` beside this file holds one
//! expected attribution per row (the columns of `src/parse/cases.tsv`); every row must come out
//! exactly, and a `not_a_cue` row must give no attribution.

use isnad::model::{QuoteType, Stance};
use isnad::Analyzer;

struct Case {
    name: String,
    sentence: String,
    cue: Option<String>,
    mention: Option<String>,
    content: Option<String>,
    stance: Option<Stance>,
    quote: Option<QuoteType>,
}

fn opt(s: &str) -> Option<String> {
    (s != "-").then(|| s.replace("\\n", "\n"))
}

fn cases() -> Vec<Case> {
    include_str!("lexicon_cases.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 8, "bad row: {l}");
            assert_eq!(
                c[0] == "not_a_cue",
                c[3] == "-",
                "{}: group and cue disagree",
                c[1]
            );
            Case {
                name: c[1].into(),
                sentence: c[2].replace("\\n", "\n"),
                cue: opt(c[3]),
                mention: opt(c[4]),
                content: opt(c[5]),
                stance: Stance::parse(c[6]),
                quote: QuoteType::parse(c[7]),
            }
        })
        .collect()
}

/// What differs between the analysis of a row's sentence and the row.
fn check(analyzer: &Analyzer, case: &Case) -> Vec<String> {
    let a = analyzer.analyze(&case.sentence);
    let Some(cue) = &case.cue else {
        return a
            .attributions
            .iter()
            .map(|x| format!("expected none, found cue {:?}", x.cue.text))
            .collect();
    };
    let at = case
        .sentence
        .find(cue.as_str())
        .expect("the cue is in the sentence");
    let Some(x) = a
        .attributions
        .iter()
        .find(|x| x.cue.start < at + cue.len() && at < x.cue.end)
    else {
        return vec![format!("cue {cue:?} not found")];
    };
    // A span may keep the conjunction glued to its first word, as the scorer allows.
    let same = |got: &Option<String>, want: &Option<String>| match (got, want) {
        (Some(g), Some(w)) => g == w || g.strip_prefix(['و', 'ف']) == Some(w.as_str()),
        _ => got == want,
    };
    let mut diffs = Vec::new();
    let mention = x.source_mention.as_ref().map(|m| m.text.clone());
    if !same(&mention, &case.mention) {
        diffs.push(format!("mention {mention:?}, want {:?}", case.mention));
    }
    let content = x.content.as_ref().map(|c| c.text.clone());
    if !same(&content, &case.content) {
        diffs.push(format!("content {content:?}, want {:?}", case.content));
    }
    if Some(x.stance) != case.stance {
        diffs.push(format!("stance {:?}, want {:?}", x.stance, case.stance));
    }
    if Some(x.quote) != case.quote {
        diffs.push(format!("quote {:?}, want {:?}", x.quote, case.quote));
    }
    diffs
}

#[test]
fn every_mined_entry_row_comes_out_exactly() {
    let analyzer = Analyzer::new();
    let all = cases();
    let mut names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), all.len(), "duplicate case names");
    let failures: Vec<String> = all
        .iter()
        .flat_map(|c| {
            check(&analyzer, c)
                .into_iter()
                .map(move |d| format!("{}: {d}", c.name))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The table checks the embedded lexicon: without the mined entries its rows fail.
#[test]
fn the_table_needs_the_mined_entries() {
    let mut lex = isnad::Lexicon::default();
    for (name, text) in isnad::lexicon::EMBEDDED {
        let text: String = text
            .lines()
            .filter(|l| !l.starts_with("أورد\t"))
            .map(|l| format!("{l}\n"))
            .collect();
        lex.load(name, &text).expect("the embedded files load");
    }
    let analyzer = Analyzer::with_lexicon(lex);
    let row = cases()
        .into_iter()
        .find(|c| c.name == "v_awrada")
        .expect("the row exists");
    assert!(!check(&analyzer, &row).is_empty());
}
