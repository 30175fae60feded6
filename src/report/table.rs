//! The archive's figures as one CSV table for spreadsheets and pandas: a row per line of every
//! table of the archive page, the `table` column naming which, the other columns filled where
//! they apply (RFC 4180 quoting; numbers unquoted; rates as fractions).

use std::fmt::Write;

use crate::corpus::{Slice, Summary};

/// The columns, in order.
const COLUMNS: &[&str] = &[
    "table",
    "name",
    "kind",
    "documents",
    "attributions",
    "anonymous",
    "unattributed",
    "anonymity_rate",
    "denials",
    "silences",
    "count",
    "sources",
    "support",
    "oppose",
    "noncommittal",
    "document",
    "id",
    "url",
];

/// One row: the value of each named column.
struct Row(Vec<(&'static str, String)>);

impl Row {
    fn new(table: &str, name: &str) -> Row {
        Row(vec![("table", table.into()), ("name", name.into())])
    }

    fn set(mut self, column: &'static str, value: impl ToString) -> Row {
        self.0.push((column, value.to_string()));
        self
    }

    fn slice(self, s: &Slice) -> Row {
        self.set("documents", s.documents)
            .set("attributions", s.attributions)
            .set("anonymous", s.anonymous)
            .set("unattributed", s.unattributed)
            .set("anonymity_rate", format!("{:.4}", s.anonymity_rate()))
            .set("denials", s.denials)
            .set("silences", s.silences)
    }
}

/// A CSV field: quoted when it holds a comma, a quote or a line end, or starts with a sign a
/// spreadsheet would read as a formula.
fn field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err();
    let s = if formula {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The archive's tables as CSV.
pub fn corpus_csv(s: &Summary) -> String {
    // The totals, and the documents read with attributions and failed, as the page's tiles.
    let mut rows = vec![Row::new("total", "").slice(&s.total)];
    rows.push(Row::new("failed", "").set("documents", s.failed));
    rows.push(Row::new("with_attributions", "").set("documents", s.with_attributions));
    for (name, x) in &s.outlets {
        rows.push(Row::new("outlet", name).slice(x));
    }
    for (name, x) in &s.months {
        rows.push(Row::new("month", name).slice(x));
    }
    for (st, n) in &s.stances {
        rows.push(Row::new("stance", st.as_str()).set("attributions", n));
    }
    for (k, n) in &s.kinds {
        let name = k.map_or("none", |k| k.as_str());
        rows.push(Row::new("source_kind", name).set("attributions", n));
    }
    for (r, n) in &s.flags {
        rows.push(Row::new("flag", r.as_str()).set("count", n));
    }
    for (table, list) in [("most_quoted", &s.most_quoted), ("anonymous", &s.anonymous)] {
        for q in list {
            rows.push(
                Row::new(table, &q.name)
                    .set("kind", q.kind.as_str())
                    .set("attributions", q.attributions)
                    .set("documents", q.documents)
                    .set("document", &q.first.document)
                    .set("id", &q.first.id)
                    .set("url", q.first.url.as_deref().unwrap_or_default()),
            );
        }
    }
    for c in &s.contested {
        rows.push(
            Row::new("contested", &c.text)
                .set("sources", c.sources)
                .set("support", c.support)
                .set("oppose", c.oppose)
                .set("noncommittal", c.noncommittal)
                .set("document", &c.document)
                .set("id", &c.claim)
                .set("url", c.url.as_deref().unwrap_or_default()),
        );
    }
    let mut out = COLUMNS.join(",");
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = COLUMNS
            .iter()
            .map(|col| {
                row.0
                    .iter()
                    .rev()
                    .find(|(c, _)| c == col)
                    .map(|(_, v)| field(v))
                    .unwrap_or_default()
            })
            .collect();
        let _ = writeln!(out, "{}", cells.join(","));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::Meta;
    use crate::corpus::Corpus;
    use crate::Analyzer;

    #[test]
    fn one_table_a_spreadsheet_reads() {
        let mut c = Corpus::new(crate::Lexicon::embedded());
        let text = "قال وزير الخارجية سامي العلي إن المحادثات السرية جرت في جنيف. \
                    ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف.";
        let meta = Meta {
            id: "d1".into(),
            outlet: Some("=HYPERLINK(\"x\")".into()),
            date: Some("2015-07-21".into()),
            ..Meta::default()
        };
        c.add(&meta, &Analyzer::new().analyze(text));
        let csv = corpus_csv(&c.finish());
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], COLUMNS.join(","));
        assert!(
            lines.iter().any(|l| l.starts_with("stance,denies,,,1,")),
            "{csv}"
        );
        assert!(
            lines.iter().any(|l| l.starts_with("month,2015-07,,1,")),
            "{csv}"
        );
        assert!(
            csv.contains("\"'=HYPERLINK(\"\"x\"\")\""),
            "a formula is text: {csv}"
        );
        let contested = lines.iter().find(|l| l.starts_with("contested,")).unwrap();
        assert!(contested.ends_with(",2,0,1,0,d1,c1,"), "{contested}");
        assert_eq!(field("a, \"b\"\nc"), "\"a, \"\"b\"\"\nc\"");
        assert_eq!(field("-1"), "-1");
        // Every row has every column.
        for l in &lines[1..] {
            let mut cells = 0;
            let mut quoted = false;
            for ch in l.chars() {
                match ch {
                    '"' => quoted = !quoted,
                    ',' if !quoted => cells += 1,
                    _ => {}
                }
            }
            assert_eq!(cells + 1, COLUMNS.len(), "{l}");
        }
    }
}
