//! `isnad relate`: pairs of statements in, how the second stands toward the first out, with the
//! comparison the linker uses inside articles ([`crate::link::pair`]).
//!
//! In: JSON Lines of `{"id", "a", "b"}`. Out: one line per record, in order,
//! `{"id", "relation": "support"|"oppose"|"unrelated", "score", "evidence"}`. A line that is not
//! such a record gets `{"id", "error"}` in its place, so the output stays aligned with the input.

use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::link::pair::{self, Statement};
use crate::Lexicon;

#[derive(Deserialize)]
struct Pair {
    id: serde_json::Value,
    a: String,
    b: String,
}

/// One answer.
#[derive(Debug, Serialize)]
pub struct Answer {
    /// The record's id, as given.
    pub id: serde_json::Value,
    /// support, oppose or unrelated.
    pub relation: &'static str,
    /// The model's probability for it, 0–1.
    pub score: f32,
    /// The words behind it.
    pub evidence: Vec<String>,
}

/// How `b` stands toward `a`.
pub fn relate(lex: &Lexicon, id: serde_json::Value, a: &str, b: &str) -> Answer {
    let c = pair::compare(&Statement::of_text(lex, a), &Statement::of_text(lex, b));
    Answer {
        id,
        relation: c.stand.as_str(),
        score: (c.score * 1000.0).round() / 1000.0,
        evidence: c.evidence,
    }
}

/// Answers every line of `input` on `output`; returns how many lines were not records.
pub fn run(
    lex: &Lexicon,
    input: impl BufRead,
    mut output: impl Write,
    name: &str,
) -> Result<usize> {
    let io = |cause| Error::Read {
        path: name.into(),
        cause,
    };
    let mut bad = 0;
    for line in input.lines() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        let out = match serde_json::from_str::<Pair>(&line) {
            Ok(p) => serde_json::to_string(&relate(lex, p.id, &p.a, &p.b)),
            Err(e) => {
                bad += 1;
                let id = serde_json::from_str::<serde_json::Value>(&line)
                    .ok()
                    .and_then(|v| v.get("id").cloned())
                    .unwrap_or(serde_json::Value::Null);
                serde_json::to_string(&serde_json::json!({"id": id, "error": e.to_string()}))
            }
        }
        .expect("plain values serialize");
        writeln!(output, "{out}").map_err(io)?;
    }
    output.flush().map_err(io)?;
    Ok(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(input: &str) -> (Vec<serde_json::Value>, usize) {
        let lex = Lexicon::embedded();
        let mut out = Vec::new();
        let bad = run(&lex, input.as_bytes(), &mut out, "<test>").unwrap();
        let lines = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (lines, bad)
    }

    #[test]
    fn one_answer_per_record_in_order_with_its_id() {
        let (out, bad) = answers(concat!(
            r#"{"id": "x1", "a": "الوزير يزور العاصمة اليوم", "b": "الوزير لم يزر العاصمة"}"#,
            "\n",
            r#"{"id": 7, "a": "ارتفاع أسعار الذهب", "b": "ارتفاع أسعار الذهب عالميا"}"#,
            "\n"
        ));
        assert_eq!(bad, 0);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0]["id"], "x1");
        assert_eq!(out[1]["id"], 7);
        for o in &out {
            assert!(["support", "oppose", "unrelated"].contains(&o["relation"].as_str().unwrap()));
            let s = o["score"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&s));
            assert!(o["evidence"].is_array());
        }
    }

    #[test]
    fn a_bad_line_keeps_its_place() {
        let (out, bad) = answers(concat!(
            r#"{"id": "1", "a": "نص"}"#,
            "\n",
            "not json\n",
            r#"{"id": "3", "a": "الوزير يزور العاصمة", "b": "الوزير يزور العاصمة"}"#,
            "\n"
        ));
        assert_eq!(bad, 2);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0]["id"], "1");
        assert!(out[1]["error"].is_string());
        assert_eq!(out[2]["relation"], "support");
    }
}
