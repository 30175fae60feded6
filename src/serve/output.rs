//! What each endpoint answers for a document: the bytes the command line writes for the same
//! input, made by the same library calls (and ending, like its output, with a newline).

use crate::batch::{self, Analyzed, Item, Options, Record};
use crate::lint::{self, Policy};
use crate::report::labels;
use crate::{Analyzer, Error};

/// Which answer is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// `isnad analyze --format json`: the `isnad/1` object; for a JSON record, the JSON Lines
    /// record `--input jsonl` writes (its metadata, then the analysis, on one line).
    Analysis,
    /// `isnad lint --format json`.
    Lint,
    /// `isnad report`: the self-contained HTML page.
    Report,
}

/// Analyzes one document and renders the answer. `record` says the document came as a JSON
/// record. Errors are the input's (undecodable, too large).
pub fn render(
    analyzer: &Analyzer,
    item: Item,
    record: bool,
    max_bytes: usize,
    output: Output,
) -> Result<String, Error> {
    let opts = Options {
        lossy: false,
        max_bytes,
    };
    let d = batch::analyze(analyzer, item, opts)?;
    Ok(line(of(&d, record, output)))
}

fn of(d: &Analyzed, record: bool, output: Output) -> String {
    match output {
        Output::Analysis if record => serde_json::to_string(&Record {
            meta: &d.meta,
            analysis: &d.analysis,
        })
        .expect("the model serializes"),
        Output::Analysis => crate::render::json(&d.analysis),
        Output::Lint => {
            let diags = lint::lint(
                &d.text,
                &d.analysis,
                labels::for_text(&d.text),
                &Policy::default(),
            );
            lint::json(&d.meta.id, &diags)
        }
        Output::Report => crate::report::page(&d.text, &d.analysis, &d.meta),
    }
}

/// Output ends with a newline, as the command line writes it.
fn line(mut s: String) -> String {
    if !s.is_empty() && !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::draft::{item, Kind};

    const DRAFT: &str = "قال مصدر مطلع إن الوفدين التقيا سرا في جنيف.\n";

    fn answer(kind: Kind, body: &str, output: Output) -> String {
        let (it, record) = item(kind, body.as_bytes().to_vec()).unwrap();
        render(&Analyzer::new(), it, record, 1 << 20, output).unwrap()
    }

    #[test]
    fn text_gives_the_contract_json() {
        let got = answer(Kind::Text, DRAFT, Output::Analysis);
        let want = crate::render::json(&Analyzer::new().analyze(DRAFT)) + "\n";
        assert_eq!(got, want);
    }

    #[test]
    fn a_record_leads_with_its_metadata() {
        let body = serde_json::json!({"text": DRAFT, "id": "x1", "outlet": "o"}).to_string();
        let got = answer(Kind::Json, &body, Output::Analysis);
        assert!(
            got.starts_with(r#"{"id":"x1","outlet":"o","schema":"isnad/1""#),
            "{got}"
        );
        assert_eq!(got.lines().count(), 1);
    }

    #[test]
    fn lint_and_report_name_the_draft() {
        let lint = answer(Kind::Text, DRAFT, Output::Lint);
        assert!(lint.starts_with(r#"{"file":"draft","#), "{lint}");
        assert!(lint.contains("single-anonymous-source"), "{lint}");
        let page = answer(Kind::Text, DRAFT, Output::Report);
        assert!(page.contains("<bdi>draft</bdi>"));
        assert!(page.ends_with("</html>\n"));
    }

    #[test]
    fn too_large_is_refused() {
        let (it, _) = item(Kind::Text, DRAFT.as_bytes().to_vec()).unwrap();
        let err = render(&Analyzer::new(), it, false, 10, Output::Report).unwrap_err();
        assert!(matches!(err, Error::TooLarge { .. }));
    }
}
