//! A readable listing for a terminal: attributions grouped by source.

use std::collections::HashMap;
use std::fmt::Write;

use crate::model::{Analysis, Attribution, QuoteType, SourceKind, Stance};

fn stance_label(s: Stance) -> &'static str {
    match s {
        Stance::Asserts => "says",
        Stance::Confirms => "confirms",
        Stance::Denies => "denies",
        Stance::NeitherConfirmsNorDenies => "neither confirms nor denies",
        Stance::DeclinesToComment => "declines to comment",
        Stance::NoResponse => "did not respond",
        Stance::Alleges => "alleges",
    }
}

/// Renders the analysis for a person: a summary of the sources by kind and country, one block
/// per source with its profile and statements, then attributions without a source.
pub fn text(input: &str, a: &Analysis) -> String {
    let positions = super::position::Positions::new(input);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} attributions, {} sources{}",
        a.attributions.len(),
        a.sources.len(),
        kinds_summary(a)
    );
    let countries = countries_summary(a);
    if !countries.is_empty() {
        let _ = writeln!(out, "countries heard: {countries}");
    }
    let by_id: HashMap<&str, &Attribution> =
        a.attributions.iter().map(|x| (x.id.as_str(), x)).collect();
    for s in &a.sources {
        let aff = s
            .affiliation
            .as_deref()
            .map(|c| format!(", {c}"))
            .unwrap_or_default();
        let dateline = if a.dateline.as_deref() == Some(s.id.as_str()) {
            " (dateline)"
        } else {
            ""
        };
        let _ = writeln!(out, "\n{} [{}{}]{}", s.name, s.kind.as_str(), aff, dateline);
        let mut facts = Vec::new();
        if let Some(r) = &s.role {
            facts.push(format!("role: {r}"));
        }
        if let Some(b) = &s.speaks_for {
            facts.push(format!("speaks for: {b}"));
        }
        if s.kind == SourceKind::Anonymous {
            facts.push(match &s.anonymity_reason {
                Some(r) => format!("unnamed because: {r}"),
                None => "unnamed, no reason given".to_string(),
            });
        }
        facts.push(format!(
            "{} mention{}",
            s.mentions.len(),
            if s.mentions.len() == 1 { "" } else { "s" }
        ));
        let _ = writeln!(out, "  {}", facts.join(" · "));
        for id in &s.attributions {
            if let Some(at) = by_id.get(id.as_str()) {
                line(&mut out, at, &positions);
            }
        }
    }
    let orphans: Vec<_> = a
        .attributions
        .iter()
        .filter(|x| x.source.is_none())
        .collect();
    if !orphans.is_empty() {
        let _ = writeln!(out, "\n(no source)");
        for at in orphans {
            line(&mut out, at, &positions);
        }
    }
    // Claims more than one voice speaks to, each with its verdict.
    let answered: Vec<_> = a
        .claims
        .iter()
        .filter(|c| c.attributions.len() > 1)
        .collect();
    if !answered.is_empty() {
        let _ = writeln!(out, "\nclaims");
        for c in answered {
            let _ = writeln!(out, "  {} «{}»: {}", c.id, c.title, c.verdict);
            // Each member's relation to the claim, and the words it rests on.
            for r in a.relations.iter().filter(|r| r.claim == c.id) {
                let _ = writeln!(
                    out,
                    "    {} {} {}{}",
                    r.from,
                    r.kind.as_str(),
                    r.to,
                    if r.evidence.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", r.evidence.join("، "))
                    }
                );
            }
        }
    }
    out
}

/// ": 2 named_person, 1 anonymous" in the vocabulary's order.
fn kinds_summary(a: &Analysis) -> String {
    let parts: Vec<String> = SourceKind::ALL
        .iter()
        .filter_map(|&k| {
            let n = a.sources.iter().filter(|s| s.kind == k).count();
            (n > 0).then(|| format!("{n} {}", k.as_str()))
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(": {}", parts.join(", "))
    }
}

/// "IL 3, US 1": statements per affiliation, most heard first.
fn countries_summary(a: &Analysis) -> String {
    a.countries_heard()
        .iter()
        .map(|(c, n)| format!("{c} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn line(out: &mut String, at: &Attribution, positions: &super::position::Positions<'_>) {
    let content = at.content.as_ref().map(|c| c.text.as_str()).unwrap_or("—");
    let quote = match at.quote {
        QuoteType::Direct => " (direct quote)",
        QuoteType::Mixed => " (partly quoted)",
        _ => "",
    };
    let (row, column) = positions.at(at.cue.start);
    let _ = writeln!(
        out,
        "  {:>4}  {}:{}  {} «{}»: {}{}",
        at.id,
        row,
        column,
        stance_label(at.stance),
        at.cue.text,
        content,
        quote
    );
}

#[cfg(test)]
mod tests {
    use crate::Analyzer;

    #[test]
    fn claims_list_their_verdict_and_relations() {
        let text = "قال مصدر أمني إن الوزير سامي العلي استقال من منصبه. ونفى الوزير سامي العلي أن يكون قد استقال من منصبه.";
        let a = Analyzer::new().analyze(text);
        let out = super::text(text, &a);
        let claims = out.split("\nclaims\n").nth(1).expect(&out);
        assert!(claims.contains("denied by"), "{claims}");
        assert!(claims.contains("a2 denies a1"), "{claims}");
    }

    #[test]
    fn groups_attributions_under_their_source() {
        let text = "قال مسؤول إسرائيلي طلب عدم الكشف عن هويته إن المحادثات جرت. وقالت الوزارة إن المعبر مغلق.\nوأضاف المسؤول أن الجولة المقبلة قريبة.";
        let a = Analyzer::new().analyze(text);
        let out = super::text(text, &a);
        // Each attribution gives the line and column of its cue.
        assert!(out.contains("a1  1:1  "), "{out}");
        assert!(out.contains("a3  2:1  "), "{out}");
        assert!(
            out.starts_with("3 attributions, 2 sources: 1 anonymous, 1 official_body"),
            "{out}"
        );
        assert!(out.contains("countries heard: IL 2"), "{out}");
        let block = out
            .split("\n\n")
            .find(|b| b.starts_with("مسؤول إسرائيلي"))
            .expect(&out);
        assert!(
            block.contains("unnamed because: طلب عدم الكشف عن هويته"),
            "{block}"
        );
        assert_eq!(
            block
                .lines()
                .filter(|l| l.trim_start().starts_with('a'))
                .count(),
            2,
            "{block}"
        );
    }
}
