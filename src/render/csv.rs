//! The attributions as CSV (RFC 4180, UTF-8): one row per attribution, for spreadsheets and
//! data frames.

use serde::Serialize;

use crate::model::Analysis;

/// The header row.
pub fn header() -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
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
        "claim",
    ])
    .expect("writing to memory cannot fail");
    into_string(w)
}

/// One row per attribution of the document `id`, whose text is `text` (the text the offsets
/// refer to). Line and column count from 1; the column counts characters, and `\n`, `\r\n`
/// and a lone `\r` end a line, as in lint.
pub fn rows(id: &str, text: &str, a: &Analysis) -> String {
    let positions = super::position::Positions::new(text);
    let mut w = csv::Writer::from_writer(Vec::new());
    for x in &a.attributions {
        let (line, column) = positions.at(x.cue.start);
        let source = x
            .source
            .as_ref()
            .and_then(|sid| a.sources.iter().find(|s| &s.id == sid));
        w.write_record([
            id,
            &x.id,
            &line.to_string(),
            &column.to_string(),
            &x.cue.text,
            source.map_or("", |s| s.name.as_str()),
            &source.map_or(String::new(), |s| word(&s.kind)),
            &word(&x.stance),
            &word(&x.quote),
            x.content.as_ref().map_or("", |c| c.text.as_str()),
            x.claim.as_deref().unwrap_or(""),
        ])
        .expect("writing to memory cannot fail");
    }
    into_string(w)
}

/// The name a value has in the JSON contract (`asserts`, `named_person`, …).
fn word<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn into_string(w: csv::Writer<Vec<u8>>) -> String {
    let bytes = w.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("the fields are UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    #[test]
    fn one_row_per_attribution_with_its_place_and_quoting() {
        let text = "عنوان\r\n  قال الوزير، في بيان، إن \"الجلسة\" تأجلت.\r نفت الوزارة ذلك.";
        let a = Analyzer::new().analyze(text);
        assert!(a.attributions.len() >= 2, "{:?}", a.attributions);
        let out = header() + &rows("doc \"1\"", text, &a);
        let mut r = csv::Reader::from_reader(out.as_bytes());
        let head: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(head[..4], ["document", "attribution", "line", "column"]);
        let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), a.attributions.len());
        assert_eq!(&records[0][0], "doc \"1\"");
        assert_eq!((&records[0][2], &records[0][3]), ("2", "3"));
        assert_eq!(&records[0][4], "قال");
        assert!(!records[0][5].is_empty() && !records[0][6].is_empty());
        assert!(records[0][9].contains("\"الجلسة\""), "{:?}", &records[0]);
        let last = records.last().unwrap();
        assert_eq!((&last[2], &last[3]), ("3", "2"));
        assert!(
            out.contains("\"doc \"\"1\"\"\""),
            "quotes are doubled: {out}"
        );
    }
}
