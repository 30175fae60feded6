//! Stage 10 for people: one self-contained HTML page an editor or a teacher reads in a minute.
//! The page is rendered by askama from `templates/report.html`, which escapes every value;
//! this module only gathers what the page shows.

mod article;
mod corpus;
pub mod labels;
mod svg;

use askama::Template;

use crate::flags::{self, Severity};
use crate::graph;
use crate::model::{Analysis, Family, QuoteType, SourceKind, Stance};

pub use corpus::corpus_html;
use labels::Labels;

/// The sign that stands beside a stance's colour, so colour is never alone.
pub fn sign(s: Stance) -> &'static str {
    match s {
        Stance::Asserts => "●",
        Stance::Confirms => "✔",
        Stance::Denies => "✖",
        Stance::NeitherConfirmsNorDenies => "◐",
        Stance::DeclinesToComment => "⊘",
        Stance::NoResponse => "…",
        Stance::Alleges => "⚠",
    }
}

/// A number with its word.
struct Tile {
    value: String,
    label: &'static str,
}

/// A card shown when an attribution is focused.
struct Card {
    id: String,
    n: usize,
    sign: &'static str,
    stance: &'static str,
    stance_class: String,
    source: String,
    kind: &'static str,
    relations: Vec<String>,
    chain: String,
}

/// One paragraph of the annotated article.
struct Para {
    skipped: bool,
    runs: Vec<RunView>,
    cards: Vec<Card>,
}

struct RunView {
    text: String,
    class: String,
    /// For a cue: its id, number and sign.
    is_cue: bool,
    cue_id: String,
    cue_n: usize,
    cue_sign: &'static str,
}

struct FlagView {
    severity: &'static str,
    message: &'static str,
    help: &'static str,
    target: String,
    n: usize,
}

struct SourceRow {
    id: String,
    name: String,
    kind: &'static str,
    hollow: bool,
    role: String,
    affiliation: String,
    reason: String,
    statements: usize,
    claims: String,
}

struct Voice {
    n: usize,
    target: String,
    sign: &'static str,
    stance_class: String,
    source: String,
    text: String,
}

struct Side {
    label: &'static str,
    class: &'static str,
    voices: Vec<Voice>,
}

struct ClaimView {
    id: String,
    title: String,
    verdict: String,
    sides: Vec<Side>,
    chains: Vec<String>,
    evidence: String,
}

#[derive(Template)]
#[template(path = "report.html")]
struct Page<'a> {
    l: &'a Labels,
    title: String,
    name: String,
    tiles: Vec<Tile>,
    paragraphs: Vec<Para>,
    flags: Vec<FlagView>,
    sources: Vec<SourceRow>,
    claims: Vec<ClaimView>,
    svg: svg::Svg,
}

/// The report of one article: `input` is the text the analysis was made of, `name` names it
/// (a file name) in the page's header.
pub fn html(input: &str, a: &Analysis, name: &str) -> String {
    let l = labels::for_text(input);
    let page = Page {
        l,
        title: title(input),
        name: name.to_string(),
        tiles: tiles(a, l),
        paragraphs: paragraphs(input, a, l),
        flags: flag_views(a, l),
        sources: source_rows(a, l),
        claims: claim_views(a, l),
        svg: svg::layout(&graph::build(a), l),
    };
    page.render().expect("the report template renders")
}

/// The first non-empty line, as the page's title.
fn title(input: &str) -> String {
    input
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(140).collect())
        .unwrap_or_default()
}

/// The number an id shows (`a3` → 3).
fn number(id: &str) -> usize {
    id.trim_start_matches(['a', 's', 'c']).parse().unwrap_or(0)
}

fn source_name(a: &Analysis, id: Option<&String>, l: &Labels) -> String {
    id.and_then(|id| a.source(id))
        .map_or_else(|| l.unknown_source.to_string(), |s| s.name.clone())
}

fn tiles(a: &Analysis, l: &Labels) -> Vec<Tile> {
    let kinds = |k: &[SourceKind]| a.sources.iter().filter(|s| k.contains(&s.kind)).count();
    let stances = |s: Stance| a.attributions.iter().filter(|x| x.stance == s).count();
    let quotes = |q: &[QuoteType]| {
        a.attributions
            .iter()
            .filter(|x| q.contains(&x.quote))
            .count()
    };
    let anonymous_only = a
        .claims
        .iter()
        .filter(|c| c.sourcing.sources > 0 && c.sourcing.anonymous == c.sourcing.sources)
        .count();
    let heard = a
        .countries_heard()
        .iter()
        .map(|(c, n)| format!("{c} {n}"))
        .collect::<Vec<_>>()
        .join(" · ");
    let tile = |value: usize, label| Tile {
        value: value.to_string(),
        label,
    };
    let mut out = vec![
        tile(a.attributions.len(), l.tile_attributions),
        tile(a.sources.len(), l.tile_sources),
        tile(kinds(&[SourceKind::NamedPerson]), l.tile_named),
        tile(kinds(&[SourceKind::Anonymous]), l.tile_anonymous),
        tile(
            kinds(&[SourceKind::OfficialBody, SourceKind::Organization]),
            l.tile_official,
        ),
        tile(kinds(&[SourceKind::Media]), l.tile_media),
        tile(kinds(&[SourceKind::Document]), l.tile_documents),
        tile(anonymous_only, l.tile_anonymous_only),
        tile(quotes(&[QuoteType::Direct]), l.tile_direct),
        tile(
            quotes(&[QuoteType::Indirect, QuoteType::Mixed]),
            l.tile_indirect,
        ),
        tile(stances(Stance::Denies), l.tile_denials),
        tile(stances(Stance::NoResponse), l.tile_no_response),
    ];
    if !heard.is_empty() {
        out.push(Tile {
            value: heard,
            label: l.tile_countries,
        });
    }
    out
}

/// The CSS class of a stance (`st-denies`).
fn stance_class(s: Stance) -> String {
    format!("st-{}", s.as_str())
}

fn paragraphs(input: &str, a: &Analysis, l: &Labels) -> Vec<Para> {
    // Each attribution's relations, either end, gathered once.
    let mut related: Vec<Vec<&crate::model::Relation>> = vec![Vec::new(); a.attributions.len()];
    for r in &a.relations {
        for id in [&r.from, &r.to] {
            if let Some(k) = number(id).checked_sub(1).filter(|&k| k < related.len()) {
                related[k].push(r);
            }
        }
    }
    article::paragraphs(input, a)
        .into_iter()
        .map(|p| Para {
            skipped: p.skipped,
            runs: p
                .runs
                .iter()
                .map(|r| {
                    let (is_cue, cue_id, cue_n, cue_sign) = match &r.mark {
                        article::Mark::Cue(n, id, s) => (true, id.clone(), *n, sign(*s)),
                        _ => (false, String::new(), 0, ""),
                    };
                    RunView {
                        text: r.text.clone(),
                        class: r.class(),
                        is_cue,
                        cue_id,
                        cue_n,
                        cue_sign,
                    }
                })
                .collect(),
            cards: p
                .attributions
                .iter()
                .map(|&i| card(a, i, &related[i], l))
                .collect(),
        })
        .collect()
}

fn card(a: &Analysis, i: usize, related: &[&crate::model::Relation], l: &Labels) -> Card {
    let x = &a.attributions[i];
    let src = x.source.as_ref().and_then(|id| a.source(id));
    let relations = related
        .iter()
        .map(|r| {
            let other = if r.from == x.id { &r.to } else { &r.from };
            format!(
                "{} ↔ {} ({})",
                l.side(Some(r.family)),
                number(other),
                r.evidence.join("، ")
            )
        })
        .collect();
    let chain = x
        .chain
        .iter()
        .map(|id| source_name(a, Some(id), l))
        .collect::<Vec<_>>()
        .join(&format!(" {} ", l.via));
    Card {
        id: x.id.clone(),
        n: i + 1,
        sign: sign(x.stance),
        stance: l.stance(x.stance),
        stance_class: stance_class(x.stance),
        source: src.map_or_else(|| l.unknown_source.to_string(), |s| s.name.clone()),
        kind: src.map_or("", |s| l.kind(s.kind)),
        relations,
        chain,
    }
}

fn flag_views(a: &Analysis, l: &Labels) -> Vec<FlagView> {
    flags::flags(a)
        .into_iter()
        .map(|f| {
            let (message, help) = l.rule(f.rule);
            FlagView {
                severity: match f.severity {
                    Severity::Warning => "warning",
                    Severity::Note => "note",
                },
                message,
                help,
                n: number(&f.attribution),
                target: f.attribution,
            }
        })
        .collect()
}

fn source_rows(a: &Analysis, l: &Labels) -> Vec<SourceRow> {
    a.sources
        .iter()
        .map(|s| {
            let mut claims: Vec<&str> = s
                .attributions
                .iter()
                .filter_map(|id| a.attribution(id))
                .filter_map(|x| x.claim.as_deref())
                .collect();
            claims.dedup();
            SourceRow {
                id: s.id.clone(),
                name: s.name.clone(),
                kind: l.kind(s.kind),
                hollow: s.kind == SourceKind::Anonymous,
                role: s.role.clone().unwrap_or_default(),
                affiliation: s.affiliation.clone().unwrap_or_default(),
                reason: match (&s.anonymity_reason, s.kind) {
                    (Some(r), _) => r.clone(),
                    (None, SourceKind::Anonymous) => l.no_reason.to_string(),
                    _ => String::new(),
                },
                statements: s.attributions.len(),
                claims: claims.join(" "),
            }
        })
        .collect()
}

fn claim_views(a: &Analysis, l: &Labels) -> Vec<ClaimView> {
    // Each attribution's family toward its claim: its first relation (relations are sorted).
    let mut first: Vec<Option<Family>> = vec![None; a.attributions.len()];
    for r in a.relations.iter().rev() {
        if let Some(k) = number(&r.from).checked_sub(1).filter(|&k| k < first.len()) {
            first[k] = Some(r.family);
        }
    }
    let family_of = |id: &str| {
        number(id)
            .checked_sub(1)
            .and_then(|k| first.get(k).copied().flatten())
    };
    // Refusals and silences without a topic (لم يرد على طلب للتعليق) stand beside the story's
    // main claim: the one with the most voices.
    let main = a
        .claims
        .iter()
        .enumerate()
        .max_by_key(|(i, c)| (c.attributions.len(), std::cmp::Reverse(*i)))
        .map(|(_, c)| c.id.clone());
    let silent: Vec<&crate::model::Attribution> = a
        .attributions
        .iter()
        .filter(|x| {
            x.claim.is_none()
                && matches!(
                    x.stance,
                    Stance::NoResponse
                        | Stance::DeclinesToComment
                        | Stance::NeitherConfirmsNorDenies
                )
        })
        .collect();
    let voice = |x: &crate::model::Attribution| Voice {
        n: number(&x.id),
        target: x.id.clone(),
        sign: sign(x.stance),
        stance_class: stance_class(x.stance),
        source: source_name(a, x.source.as_ref(), l),
        text: x
            .content
            .as_ref()
            .map(|t| t.text.chars().take(160).collect())
            .unwrap_or_else(|| l.stance(x.stance).to_string()),
    };
    let mut out = Vec::new();
    for c in &a.claims {
        let is_main = main.as_ref() == Some(&c.id);
        let has_silent = is_main && !silent.is_empty();
        if c.attributions.len() < 2 && !has_silent {
            continue;
        }
        let mut sides: Vec<Side> = Vec::new();
        for (fam, class) in [
            (None, "states"),
            (Some(Family::Support), "support"),
            (Some(Family::Oppose), "oppose"),
            (Some(Family::Noncommittal), "noncommittal"),
        ] {
            let mut voices: Vec<Voice> = c
                .attributions
                .iter()
                .filter(|id| family_of(id) == fam)
                .filter_map(|id| a.attribution(id))
                .map(voice)
                .collect();
            if is_main && fam == Some(Family::Noncommittal) {
                voices.extend(silent.iter().map(|x| voice(x)));
            }
            if !voices.is_empty() {
                sides.push(Side {
                    label: l.side(fam),
                    class,
                    voices,
                });
            }
        }
        let chains = c
            .chains
            .iter()
            .filter(|ch| ch.sources.len() > 1)
            .map(|ch| {
                ch.sources
                    .iter()
                    .map(|id| source_name(a, Some(id), l))
                    .collect::<Vec<_>>()
                    .join(&format!(" {} ", l.via))
            })
            .collect();
        let mut evidence: Vec<&str> = a
            .relations
            .iter()
            .filter(|r| r.claim == c.id)
            .flat_map(|r| r.evidence.iter().map(String::as_str))
            .collect();
        evidence.sort_unstable();
        evidence.dedup();
        out.push(ClaimView {
            id: c.id.clone(),
            title: c.title.clone(),
            verdict: c.verdict.clone(),
            sides,
            chains,
            evidence: evidence.join("، "),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    const HOSTILE: [&str; 2] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
    ];

    /// Puts `bad` into every text field of the analysis.
    fn poison(a: &mut Analysis, bad: &str) {
        for s in &mut a.sources {
            s.name = bad.into();
            s.role = Some(bad.into());
            s.affiliation = Some(bad.into());
            s.anonymity_reason = Some(bad.into());
            s.speaks_for = Some(bad.into());
        }
        for x in &mut a.attributions {
            x.cue.text = bad.into();
            if let Some(c) = &mut x.content {
                c.text = bad.into();
            }
        }
        for c in &mut a.claims {
            c.terms = vec![bad.into()];
        }
        for r in &mut a.relations {
            r.evidence = vec![bad.into()];
        }
    }

    #[test]
    fn everything_from_the_article_is_escaped() {
        let story = "قال مصدر مطلع إن المحادثات السرية جرت في جنيف. ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف.";
        for bad in HOSTILE {
            let text = format!("{bad}\n{story} {bad}\n");
            let mut a = Analyzer::new().analyze(&text);
            assert!(!a.relations.is_empty());
            poison(&mut a, bad);
            let page = html(&text, &a, bad);
            assert_eq!(
                page.matches("<script").count(),
                1,
                "only the page's own script"
            );
            assert!(!page.contains("<img"), "no markup from the article");
            assert!(!page.contains(bad));
        }
    }

    #[test]
    fn arabic_pages_are_right_to_left_and_english_left_to_right() {
        let a = Analyzer::new().analyze("قال الوزير إن الحدود مغلقة.");
        let page = html("قال الوزير إن الحدود مغلقة.", &a, "x");
        assert!(page.contains(r#"<html lang="ar" dir="rtl">"#));
        let page = html("The minister said the border is closed.", &a, "x");
        assert!(page.contains(r#"<html lang="en" dir="ltr">"#));
    }

    #[test]
    fn self_contained() {
        let text = "قال الوزير إن الحدود مغلقة.";
        let page = html(text, &Analyzer::new().analyze(text), "x");
        for outside in ["http://", "https://", "src=", "@import", "url("] {
            let hits: Vec<_> = page.match_indices(outside).collect();
            // The SVG namespace is a name, not a fetch.
            assert!(
                hits.iter().all(|(i, _)| page[..*i].ends_with("xmlns=\"")),
                "{outside} in the page"
            );
        }
    }
}
