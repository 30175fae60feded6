//! Stage 10 for people: one self-contained HTML page an editor or a teacher reads in a minute.
//! The page is rendered by askama from `templates/report.html`, which escapes every value;
//! this module only gathers what the page shows.

mod article;
pub mod bidi;
mod corpus;
pub mod countries;
pub(crate) mod index;
pub mod labels;
mod svg;
mod table;

use askama::Template;

use crate::batch::Meta;
use crate::flags::{self, Severity};
use crate::graph::{self, EdgeKind};
use crate::model::{Analysis, Family, QuoteType, SourceKind, Stance};

pub use corpus::{corpus_html, corpus_page};
pub use index::{index_html, page_file, page_href, Entry};
use labels::Labels;
pub use table::corpus_csv;

/// The sign that stands beside a stance's colour, so colour is never alone.
pub fn sign(s: Stance) -> &'static str {
    match s {
        Stance::Asserts => "●",
        Stance::Confirms => "✔",
        Stance::Denies => "✖",
        Stance::NeitherConfirmsNorDenies => "◐",
        Stance::DeclinesToComment => "⊘",
        // Asked, and nothing came back: not an ellipsis, which reads as text left out.
        Stance::NoResponse => "✉",
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
    /// For a voice on a claim it did not state first (a denial, a refusal), what it answers.
    answers: String,
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
    /// The title for `<title>`, isolated: no markup can stand there.
    head_title: String,
    title: String,
    name: String,
    outlet: String,
    date: String,
    /// An `http(s)` address, or empty.
    url: String,
    /// Each edge kind's class and word.
    legend: Vec<(&'static str, &'static str)>,
    tiles: Vec<Tile>,
    paragraphs: Vec<Para>,
    flags: Vec<FlagView>,
    /// The text has no Arabic letter: say so rather than "no flags".
    no_arabic: bool,
    sources: Vec<SourceRow>,
    claims: Vec<ClaimView>,
    svg: svg::Svg,
}

/// The report of one article: `input` is the text the analysis was made of, `name` names it
/// (a file name) in the page's header.
pub fn html(input: &str, a: &Analysis, name: &str) -> String {
    page(
        input,
        a,
        &Meta {
            id: name.to_string(),
            ..Meta::default()
        },
    )
}

/// The report of one article with its record's metadata: the header shows the title (else the
/// text's first line), the id, the outlet, the date and a link to the original address (only
/// an `http` or `https` one: a `javascript:` address from an archive is not a link).
pub fn page(input: &str, a: &Analysis, meta: &Meta) -> String {
    let l = labels::for_text(input);
    let title = meta
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map_or_else(|| title(input), |t| t.chars().take(140).collect());
    let page = Page {
        l,
        head_title: bidi::isolate(&title),
        title: bidi::balance(&title),
        name: bidi::balance(&meta.id),
        outlet: bidi::balance(meta.outlet.as_deref().unwrap_or_default()),
        date: bidi::balance(meta.date.as_deref().unwrap_or_default()),
        url: web_address(meta.url.as_deref())
            .unwrap_or_default()
            .to_string(),
        legend: [
            EdgeKind::Says,
            EdgeKind::Supports,
            EdgeKind::Opposes,
            EdgeKind::Declines,
            EdgeKind::Relays,
        ]
        .iter()
        .map(|&k| (k.as_str(), l.edge(k)))
        .collect(),
        tiles: tiles(a, l),
        paragraphs: paragraphs(input, a, l),
        flags: flag_views(input, a, l),
        no_arabic: crate::batch::lacks_arabic(input),
        sources: source_rows(a, l),
        claims: claim_views(a, l),
        svg: svg::layout(&graph::build(a), l),
    };
    page.render().expect("the report template renders")
}

/// An address safe to link to: `http` or `https`, without spaces or controls.
pub fn web_address(url: Option<&str>) -> Option<&str> {
    let u = url?.trim();
    let scheme = u.split_once("://")?.0.to_ascii_lowercase();
    let clean = !u.chars().any(|c| c.is_whitespace() || c.is_control());
    (matches!(scheme.as_str(), "http" | "https") && clean).then_some(u)
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
        .map(|(c, n)| bidi::balance(&format!("{} {n}", countries::name(c, l.lang))))
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
                        text: bidi::balance(&r.text),
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
            bidi::balance(&format!(
                "{} ↔ {} ({})",
                l.side(Some(r.family)),
                number(other),
                r.evidence
                    .iter()
                    .map(|e| bidi::balance(e))
                    .collect::<Vec<_>>()
                    .join("، ")
            ))
        })
        .collect();
    let chain = x
        .chain
        .iter()
        .map(|id| bidi::balance(&source_name(a, Some(id), l)))
        .collect::<Vec<_>>()
        .join(&format!(" {} ", l.via));
    // What the claim says, in the words of the attribution that stated it first.
    let answers = x
        .claim
        .as_deref()
        .and_then(|c| number(c).checked_sub(1).and_then(|k| a.claims.get(k)))
        .filter(|c| x.claim.as_deref() == Some(c.id.as_str()))
        .filter(|c| c.anchor != x.id)
        .map(|c| {
            a.attribution(&c.anchor)
                .and_then(|an| an.content.as_ref())
                .map_or_else(|| c.terms.join(" "), |t| t.text.chars().take(120).collect())
        })
        .map(|t| bidi::balance(&t))
        .unwrap_or_default();
    Card {
        answers,
        id: x.id.clone(),
        n: i + 1,
        sign: sign(x.stance),
        stance: l.stance(x.stance),
        stance_class: stance_class(x.stance),
        source: src.map_or_else(|| l.unknown_source.to_string(), |s| bidi::balance(&s.name)),
        kind: src.map_or("", |s| l.kind(s.kind)),
        relations,
        chain,
    }
}

fn flag_views(input: &str, a: &Analysis, l: &Labels) -> Vec<FlagView> {
    flags::flags_in(input, a)
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
                name: bidi::balance(&s.name),
                kind: l.kind(s.kind),
                hollow: s.kind == SourceKind::Anonymous,
                role: bidi::balance(s.role.as_deref().unwrap_or_default()),
                affiliation: s
                    .affiliation
                    .as_deref()
                    .map(|c| bidi::balance(countries::name(c, l.lang)))
                    .unwrap_or_default(),
                reason: match (&s.anonymity_reason, s.kind) {
                    (Some(r), _) => bidi::balance(r),
                    (None, SourceKind::Anonymous) => l.no_reason.to_string(),
                    _ => String::new(),
                },
                statements: s.attributions.len(),
                claims: bidi::balance(&claims.join(" ")),
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
        source: bidi::balance(&source_name(a, x.source.as_ref(), l)),
        text: x
            .content
            .as_ref()
            .map(|t| bidi::balance(&t.text.chars().take(160).collect::<String>()))
            .unwrap_or_else(|| l.stance(x.stance).to_string()),
    };
    // Each claim's shared words, gathered in one pass over the relations.
    let mut evidence_of: std::collections::HashMap<&str, Vec<&str>> =
        std::collections::HashMap::new();
    for r in &a.relations {
        evidence_of
            .entry(r.claim.as_str())
            .or_default()
            .extend(r.evidence.iter().map(String::as_str));
    }
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
                    .map(|id| bidi::balance(&source_name(a, Some(id), l)))
                    .collect::<Vec<_>>()
                    .join(&format!(" {} ", l.via))
            })
            .collect();
        let mut evidence: Vec<&str> = evidence_of.remove(c.id.as_str()).unwrap_or_default();
        evidence.sort_unstable();
        evidence.dedup();
        out.push(ClaimView {
            id: c.id.clone(),
            title: bidi::balance(&c.title),
            verdict: bidi::balance(&c.verdict),
            sides,
            chains,
            evidence: evidence
                .iter()
                .map(|e| bidi::balance(e))
                .collect::<Vec<_>>()
                .join("، "),
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

    /// Every piece of text between markup is bidi-balanced, so no value from the article can
    /// reorder the page's own words after it.
    pub(crate) fn assert_isolated(page: &str) {
        for piece in page.split(['<', '>', '"']) {
            assert!(bidi::is_balanced(piece), "unbalanced: {piece:?}");
        }
    }

    #[test]
    fn an_override_in_the_article_reorders_nothing_around_it() {
        let bad = "ab\u{202E}cd\u{2069}";
        let story = "قال مصدر مطلع إن المحادثات السرية جرت في جنيف. ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف.";
        let text = format!("{bad}\n{story} {bad}\n");
        let mut a = Analyzer::new().analyze(&text);
        poison(&mut a, bad);
        let page = html(&text, &a, bad);
        assert!(
            page.contains("ab\u{202E}cd\u{202C}"),
            "closed where it was opened"
        );
        let title = &page[page.find("<title>").unwrap()..page.find("</title>").unwrap()];
        assert!(
            title.contains('\u{2068}'),
            "the title is isolated: {title:?}"
        );
        assert!(page.contains("<h1><bdi>"));
        assert_isolated(&page);
    }

    #[test]
    fn tiles_say_what_they_count_and_countries_are_named() {
        let text = "قال مسؤول إسرائيلي إن المحادثات جرت في جنيف. ولم ترد السفارة على طلب للتعليق.";
        let a = Analyzer::new().analyze(text);
        for l in [&labels::EN, &labels::AR] {
            for t in tiles(&a, l) {
                let unit = ["source", "attribution", "claim", "مصدر", "إسناد", "ادعاء"];
                assert!(unit.iter().any(|u| t.label.contains(u)), "{}", t.label);
            }
        }
        let page = html(text, &a, "x");
        assert!(page.contains("إسرائيل "), "the country by name");
        assert!(!page.contains(">IL "), "not its code");
        assert_ne!(sign(Stance::NoResponse), "…", "not an ellipsis");
    }

    #[test]
    fn a_denial_card_names_the_claim_it_answers() {
        let text = "قال وزير الخارجية سامي العلي إن المحادثات السرية جرت في جنيف. \
                    ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف.";
        let a = Analyzer::new().analyze(text);
        let page = html(text, &a, "x");
        let card = &page[page.find(r#"id="card-a2""#).unwrap()..];
        let card = &card[..card.find("</div>").unwrap()];
        assert!(card.contains(labels::AR.answers_label), "{card}");
        assert!(card.contains("المحادثات السرية جرت في جنيف"), "{card}");
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
    fn a_text_without_arabic_says_so_instead_of_no_flags() {
        let text = "The minister said the border is closed.";
        let page = html(text, &Analyzer::new().analyze(text), "x");
        assert!(page.contains(labels::EN.no_arabic), "{page}");
        assert!(!page.contains(labels::EN.no_flags));
        let text = "قال الوزير سامي العلي إن الحدود مغلقة.";
        let page = html(text, &Analyzer::new().analyze(text), "x");
        assert!(!page.contains(labels::AR.no_arabic));
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
