//! A readable listing for a terminal: attributions grouped by source.

use std::fmt::Write;

use crate::model::{Analysis, QuoteType, Stance};

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

/// Renders the analysis for a person: one block per source, then unattributed cues.
pub fn text(a: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} attributions, {} sources",
        a.attributions.len(),
        a.sources.len()
    );
    for s in &a.sources {
        if s.attributions.is_empty() {
            let _ = writeln!(out, "\n{} [{}] (dateline)", s.name, s.kind.as_str());
            continue;
        }
        let aff = s
            .affiliation
            .as_deref()
            .map(|c| format!(", {c}"))
            .unwrap_or_default();
        let _ = writeln!(out, "\n{} [{}{}]", s.name, s.kind.as_str(), aff);
        for id in &s.attributions {
            if let Some(at) = a.attributions.iter().find(|x| &x.id == id) {
                line(&mut out, at);
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
            line(&mut out, at);
        }
    }
    out
}

fn line(out: &mut String, at: &crate::model::Attribution) {
    let content = at.content.as_ref().map(|c| c.text.as_str()).unwrap_or("—");
    let quote = match at.quote {
        QuoteType::Direct => " (direct quote)",
        QuoteType::Mixed => " (partly quoted)",
        _ => "",
    };
    let _ = writeln!(
        out,
        "  {:>4}  {} «{}» {}: {}{}",
        at.id,
        stance_label(at.stance),
        at.cue.text,
        at.cue.start,
        content,
        quote
    );
}
