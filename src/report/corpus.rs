//! The archive report: the figures of [`crate::corpus::Summary`] as one self-contained page,
//! with the article report's look.

use askama::Template;

use super::labels::{self, CorpusLabels};
use super::sign;
use crate::corpus::{Slice, Summary};
use crate::model::Stance;

struct Tile {
    value: String,
    label: &'static str,
}

/// A row of a slice table (an outlet or a month).
struct SliceRow {
    name: String,
    documents: usize,
    attributions: usize,
    rate: String,
    /// Bar width, percent.
    bar: u32,
    denials: usize,
    silences: usize,
}

/// A row of a count table with a bar.
struct CountRow {
    label: String,
    class: String,
    count: usize,
    bar: u32,
}

struct SourceRow {
    name: String,
    kind: &'static str,
    attributions: usize,
    documents: usize,
    /// Its first article's page (at the source's row), or empty.
    page: String,
    /// Its first article's address, or empty.
    url: String,
}

struct ContestedRow {
    text: String,
    document: String,
    /// The article's page (at the claim), or empty.
    page: String,
    /// The article's address, or empty.
    url: String,
    sources: usize,
    oppose: usize,
    noncommittal: usize,
}

#[derive(Template)]
#[template(path = "corpus.html")]
struct Page<'a> {
    l: &'a CorpusLabels,
    /// The name for `<title>`, isolated.
    head_name: String,
    name: String,
    tiles: Vec<Tile>,
    stances: Vec<CountRow>,
    kinds: Vec<CountRow>,
    outlets: Vec<SliceRow>,
    months: Vec<SliceRow>,
    quoted: Vec<SourceRow>,
    anonymous: Vec<SourceRow>,
    contested: Vec<ContestedRow>,
    flags: Vec<CountRow>,
}

/// The archive report for `s`, named `name` (the archive's path). Arabic unless most of the
/// sources' names are in another script.
pub fn corpus_html(s: &Summary, name: &str) -> String {
    corpus_page(s, name, None)
}

/// The archive report, its contested claims and top sources linked to their articles' pages
/// in the directory `pages` (as `report ARCHIVE -o DIR` writes them; relative to where this
/// page is put) when given, and to the articles' addresses when the records give them.
pub fn corpus_page(s: &Summary, name: &str, pages: Option<&str>) -> String {
    let link = |document: &str, id: &str| match pages {
        Some(dir) => {
            let dir = dir.trim_end_matches('/');
            let file = super::page_href(&super::page_file(document));
            let file = file.trim_start_matches("./");
            format!("{}/{file}#{id}", super::index::path_href(dir))
        }
        None => String::new(),
    };
    let url = |u: &Option<String>| {
        super::web_address(u.as_deref())
            .unwrap_or_default()
            .to_string()
    };
    let names: String = s
        .most_quoted
        .iter()
        .chain(&s.anonymous)
        .map(|q| q.name.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let l = if std::ptr::eq(labels::for_text(&names), &labels::EN) {
        &labels::CORPUS_EN
    } else {
        &labels::CORPUS_AR
    };
    let b = l.base;
    let percent = |x: f64| format!("{:.0}%", 100.0 * x);
    let t = &s.total;
    let tiles = vec![
        Tile {
            value: s.documents.to_string(),
            label: l.tile_documents,
        },
        Tile {
            value: s.with_attributions.to_string(),
            label: l.tile_with,
        },
        Tile {
            value: t.attributions.to_string(),
            label: l.tile_attributions,
        },
        Tile {
            value: percent(t.anonymity_rate()),
            label: l.tile_anonymity,
        },
        Tile {
            value: t.denials.to_string(),
            label: l.tile_denials,
        },
        Tile {
            value: t.silences.to_string(),
            label: l.tile_silences,
        },
        Tile {
            value: s.failed.to_string(),
            label: l.tile_failed,
        },
    ];
    let bars = |rows: Vec<(String, String, usize)>| -> Vec<CountRow> {
        let max = rows.iter().map(|r| r.2).max().unwrap_or(0).max(1);
        rows.into_iter()
            .map(|(label, class, count)| CountRow {
                label,
                class,
                count,
                // A small count keeps a visible bar.
                bar: if count == 0 {
                    0
                } else {
                    (100 * count / max).max(2) as u32
                },
            })
            .collect()
    };
    let stances = bars(
        s.stances
            .iter()
            .map(|&(st, n)| {
                (
                    format!("{} {}", sign(st), b.stance(st)),
                    stance_class(st),
                    n,
                )
            })
            .collect(),
    );
    let kinds = bars(
        s.kinds
            .iter()
            .map(|&(k, n)| {
                let label = k.map_or(l.no_source, |k| b.kind(k));
                (label.to_string(), String::new(), n)
            })
            .collect(),
    );
    let flags = bars(
        s.flags
            .iter()
            .map(|&(r, n)| (b.rule(r).0.to_string(), r.as_str().to_string(), n))
            .collect(),
    );
    let slices = |m: &std::collections::BTreeMap<String, Slice>| -> Vec<SliceRow> {
        m.iter()
            .map(|(name, x)| SliceRow {
                name: super::bidi::balance(name),
                documents: x.documents,
                attributions: x.attributions,
                rate: percent(x.anonymity_rate()),
                bar: (100.0 * x.anonymity_rate()).round() as u32,
                denials: x.denials,
                silences: x.silences,
            })
            .collect()
    };
    let source_rows = |v: &[crate::corpus::Quoted]| -> Vec<SourceRow> {
        v.iter()
            .map(|q| SourceRow {
                name: super::bidi::balance(&q.name),
                kind: b.kind(q.kind),
                attributions: q.attributions,
                documents: q.documents,
                page: link(&q.first.document, &q.first.id),
                url: url(&q.first.url),
            })
            .collect()
    };
    let page = Page {
        l,
        head_name: super::bidi::isolate(name),
        name: super::bidi::balance(name),
        tiles,
        stances,
        kinds,
        outlets: slices(&s.outlets),
        months: slices(&s.months),
        quoted: source_rows(&s.most_quoted),
        anonymous: source_rows(&s.anonymous),
        contested: s
            .contested
            .iter()
            .map(|c| ContestedRow {
                text: super::bidi::balance(&c.text),
                document: match &c.title {
                    Some(t) => format!(
                        "{} · {}",
                        super::bidi::balance(&c.document),
                        super::bidi::balance(t)
                    ),
                    None => super::bidi::balance(&c.document),
                },
                page: link(&c.document, &c.claim),
                url: url(&c.url),
                sources: c.sources,
                oppose: c.oppose,
                noncommittal: c.noncommittal,
            })
            .collect(),
        flags,
    };
    page.render().expect("the corpus template renders")
}

fn stance_class(s: Stance) -> String {
    format!("st-{}", s.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::Meta;
    use crate::corpus::Corpus;
    use crate::Analyzer;

    #[test]
    fn the_page_shows_every_section_and_escapes_names() {
        let analyzer = Analyzer::new();
        let mut c = Corpus::new(crate::Lexicon::embedded());
        let text = "قال وزير الخارجية سامي العلي إن المحادثات السرية جرت في جنيف. \
                    ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف.";
        let meta = Meta {
            id: "d1".into(),
            title: Some("<script>alert(1)</script>".into()),
            outlet: Some("\"><img src=x onerror=alert(1)>".into()),
            date: Some("2015-07-21".into()),
            url: None,
        };
        c.add(&meta, &analyzer.analyze(text));
        let page = corpus_html(&c.finish(), "archive.jsonl");
        assert!(page.contains("dir=\"rtl\""));
        assert!(!page.contains("<script>alert") && !page.contains("<img src=x"));
        for section in [
            "stances",
            "kinds",
            "outlets",
            "months",
            "quoted",
            "anonymous",
            "contested",
            "flags",
        ] {
            assert!(page.contains(&format!("id=\"{section}\"")), "{section}");
        }
        assert!(page.contains("سامي العلي"));
        assert!(page.contains("2015-07"));
        assert!(page.contains("المحادثات السرية جرت في جنيف"));
    }

    #[test]
    fn contested_claims_and_sources_link_to_their_articles() {
        let analyzer = Analyzer::new();
        let mut c = Corpus::new(crate::Lexicon::embedded());
        let text = "قال وزير الخارجية سامي العلي إن المحادثات السرية جرت في جنيف. \
                    ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف.";
        let meta = Meta {
            id: "doc 1".into(),
            url: Some("https://example.org/1".into()),
            ..Meta::default()
        };
        c.add(&meta, &analyzer.analyze(text));
        let s = c.finish();
        let page = corpus_page(&s, "a.jsonl", Some("my pages"));
        assert!(
            page.contains(r#"href="my%20pages/doc_1.html#c1""#),
            "the claim's page"
        );
        assert!(
            page.contains(r#"href="my%20pages/doc_1.html#s1""#),
            "the source's row"
        );
        assert!(page.contains(r#"href="https://example.org/1""#));
        let plain = corpus_html(&s, "a.jsonl");
        assert!(!plain.contains("doc_1.html"), "no pages, no links to them");
        // A stance heard once among many still shows a bar.
        let mut many = s.clone();
        many.stances[0].1 = 10_000;
        let bars: Vec<u32> = {
            let p = corpus_html(&many, "x");
            let stances = &p[p.find("id=\"stances\"").unwrap()..p.find("id=\"kinds\"").unwrap()];
            stances
                .split("style=\"width: ")
                .skip(1)
                .map(|w| w[..w.find('%').unwrap()].parse().unwrap())
                .collect()
        };
        let counts: Vec<usize> = many.stances.iter().map(|x| x.1).collect();
        assert_eq!(bars.len(), counts.len());
        for (bar, count) in bars.iter().zip(&counts) {
            assert_eq!(*bar > 0, *count > 0, "{bars:?} {counts:?}");
        }
    }

    #[test]
    fn names_from_the_archive_are_isolated() {
        let analyzer = Analyzer::new();
        let mut c = Corpus::new(crate::Lexicon::embedded());
        let bad = "x\u{202E}y";
        let text = format!(
            "قال وزير الخارجية سامي {bad} إن المحادثات السرية جرت في {bad}. \
             ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف."
        );
        let meta = Meta {
            id: bad.into(),
            title: Some(bad.into()),
            outlet: Some(bad.into()),
            date: Some(bad.into()),
            url: None,
        };
        c.add(&meta, &analyzer.analyze(&text));
        let page = corpus_html(&c.finish(), bad);
        assert!(page.contains("x\u{202E}y\u{202C}"));
        crate::report::tests::assert_isolated(&page);
    }
}
