//! Table-driven parser tests: `cases.tsv` beside this file holds one expected attribution per
//! row, written for this table; `lexicon_cases.tsv` holds, in the same columns, a row for each
//! lexicon entry mined from the archives and kept after review, where every row must come out
//! exactly and a `not_a_cue` row must give no attribution.

use crate::model::{QuoteType, Stance};
use crate::Analyzer;

struct Case {
    group: String,
    name: String,
    sentence: String,
    cue: Option<String>,
    mention: Option<String>,
    content: Option<String>,
    stance: Option<Stance>,
    quote: Option<QuoteType>,
}

fn opt(s: &str) -> Option<String> {
    (s != "-").then(|| s.to_string())
}

fn cases() -> Vec<Case> {
    cases_in(include_str!("cases.tsv"))
}

/// Lexicon entries mined from the archives and reviewed, in the same columns.
fn mined() -> Vec<Case> {
    cases_in(include_str!("lexicon_cases.tsv"))
}

fn cases_in(table: &str) -> Vec<Case> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 8, "bad row: {l}");
            Case {
                group: c[0].into(),
                name: c[1].into(),
                sentence: c[2].replace("\\n", "\n"),
                cue: opt(c[3]),
                mention: opt(&c[4].replace("\\n", "\n")),
                content: opt(&c[5].replace("\\n", "\n")),
                stance: Stance::parse(c[6]),
                quote: QuoteType::parse(c[7]),
            }
        })
        .collect()
}

/// Checks one row; returns what differs.
fn check(analyzer: &Analyzer, case: &Case) -> Vec<String> {
    let a = analyzer.analyze(&case.sentence);
    let mut diffs = Vec::new();
    let Some(cue) = &case.cue else {
        if !a.attributions.is_empty() {
            diffs.push(format!(
                "expected none, found cue {:?}",
                a.attributions[0].cue.text
            ));
        }
        return diffs;
    };
    let at = case
        .sentence
        .find(cue.as_str())
        .expect("the cue is in the sentence");
    let hit = a
        .attributions
        .iter()
        .find(|x| x.cue.start < at + cue.len() && at < x.cue.end);
    let Some(x) = hit else {
        diffs.push(format!("cue {cue:?} not found"));
        return diffs;
    };
    // A span may keep the conjunction glued to its first word (والمسؤولون), as the scorer allows.
    let same = |got: &Option<String>, want: &Option<String>| match (got, want) {
        (Some(g), Some(w)) => g == w || g.strip_prefix(['و', 'ف']) == Some(w.as_str()),
        _ => got == want,
    };
    let got_mention = x.source_mention.as_ref().map(|m| m.text.clone());
    if !same(&got_mention, &case.mention) {
        diffs.push(format!("mention {got_mention:?}, want {:?}", case.mention));
    }
    let got_content = x.content.as_ref().map(|c| c.text.clone());
    if !same(&got_content, &case.content) {
        diffs.push(format!("content {got_content:?}, want {:?}", case.content));
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
fn table_rows_have_unique_names_and_known_values() {
    let all = cases();
    let mut names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    let n = names.len();
    names.dedup();
    assert_eq!(names.len(), n, "duplicate case names");
    for c in &all {
        if c.cue.is_some() {
            assert!(
                c.stance.is_some() && c.quote.is_some(),
                "{}: bad stance or quote",
                c.name
            );
        }
    }
}

/// Every row finds its cue with the right stance: the core of the table.
#[test]
fn table_cues_and_stances() {
    let analyzer = Analyzer::new();
    let mut failures = Vec::new();
    for c in cases() {
        let diffs: Vec<String> = check(&analyzer, &c)
            .into_iter()
            .filter(|d| {
                d.starts_with("cue") || d.starts_with("expected none") || d.starts_with("stance")
            })
            .collect();
        if !diffs.is_empty() {
            failures.push(format!("{}/{}: {}", c.group, c.name, diffs.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Rows whose mention, content or quote type is not yet exact: known gaps (relayed sources
/// inside a mention, multi-paragraph quotation types, objects after an unmarked subject). The
/// count may only go down; the failures are printed for whoever lowers it.
const KNOWN_SPAN_GAPS: usize = 12;

/// Sources, contents and quote types, row by row.
#[test]
fn table_mentions_contents_quotes() {
    let analyzer = Analyzer::new();
    let mut failures = Vec::new();
    for c in cases() {
        let diffs = check(&analyzer, &c);
        if !diffs.is_empty() {
            failures.push(format!("{}/{}: {}", c.group, c.name, diffs.join("; ")));
        }
    }
    assert!(
        failures.len() <= KNOWN_SPAN_GAPS,
        "{} rows fail (at most {KNOWN_SPAN_GAPS} known):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The bytes of content the analysis gives for `unit` repeated to about `size` bytes.
fn content_bytes(analyzer: &Analyzer, unit: &str, size: usize) -> usize {
    let text = unit.repeat(size / unit.len());
    analyzer
        .analyze(&text)
        .attributions
        .iter()
        .filter_map(|a| a.content.as_ref())
        .map(|c| c.end - c.start)
        .sum()
}

#[test]
fn repeated_cues_give_output_linear_in_the_input() {
    // A content never runs back over another cue: repeating a cue family ten times as often
    // gives about ten times the content, not a hundred.
    let analyzer = Analyzer::new();
    for family in ["بحسب مصدر", "وفقا لمصدر", "نقلا عن مصدر", "حسبما أفاد مصدر"]
    {
        for sep in ["، ", ". ", "\n"] {
            let unit = format!("وقع الحادث أمس {family}{sep}");
            let small = content_bytes(&analyzer, &unit, 4_000).max(1);
            let large = content_bytes(&analyzer, &unit, 40_000);
            assert!(
                large <= small * 12,
                "{family:?} with {sep:?}: {small} bytes of content, then {large}"
            );
        }
    }
}

#[test]
fn first_person_verbs_inside_a_quote_are_the_speakers_own_words() {
    let analyzer = Analyzer::new();
    let own = analyzer.analyze("وقال المدرب: «لن أقول إننا خسرنا، فالأرقام تتحسن كل أسبوع».");
    assert_eq!(own.attributions.len(), 1, "{:?}", own.attributions);
    // A third person inside the quotation is still somebody else's statement.
    let other = analyzer.analyze("وقال المدرب: «أكد اللاعبون أنهم جاهزون للمباراة».");
    assert_eq!(other.attributions.len(), 2, "{:?}", other.attributions);
}

#[test]
fn an_accusation_names_its_target() {
    let analyzer = Analyzer::new();
    let target = |text: &str| {
        analyzer.analyze(text).attributions[0]
            .target
            .as_ref()
            .map(|t| t.text.clone())
    };
    assert_eq!(
        target("واتهمت النيابة العامة رجل الأعمال الفار بتهريب أموال عامة.").as_deref(),
        Some("رجل الأعمال الفار")
    );
    assert_eq!(
        target("ووجهت الحكومة أصابع الاتهام إلى الانفصاليين بإسقاط الطائرة.").as_deref(),
        Some("الانفصاليين")
    );
    // A plain statement names no target.
    assert_eq!(target("وقالت الشرطة إن الطريق مغلق."), None);
}

/// Every row for a mined entry comes out exactly, and names its group rightly.
#[test]
fn every_mined_entry_row_comes_out_exactly() {
    let analyzer = Analyzer::new();
    let all = mined();
    let mut names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), all.len(), "duplicate case names");
    for c in &all {
        assert_eq!(
            c.group == "not_a_cue",
            c.cue.is_none(),
            "{}: group and cue disagree",
            c.name
        );
    }
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

/// The mined table checks the embedded lexicon: without the mined entries its rows fail.
#[test]
fn the_mined_table_needs_the_mined_entries() {
    let mut lex = crate::Lexicon::default();
    for (name, text) in crate::lexicon::EMBEDDED {
        let text: String = text
            .lines()
            .filter(|l| !l.starts_with("أورد\t"))
            .map(|l| format!("{l}\n"))
            .collect();
        lex.load(name, &text).expect("the embedded files load");
    }
    let analyzer = Analyzer::with_lexicon(lex);
    let row = mined()
        .into_iter()
        .find(|c| c.name == "v_awrada")
        .expect("the row exists");
    assert!(!check(&analyzer, &row).is_empty());
}
