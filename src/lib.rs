//! isnad finds who says what in Arabic news text.
//!
//! The pipeline reads top to bottom, one module per stage:
//! [`decode`] → [`clean`] → [`normalize`] → [`segment`] → [`cues`] → [`parse`] → [`resolve`]
//! → [`render`]. Every span it reports is a UTF-8 byte range into the original input.
//!
//! ```
//! let analyzer = isnad::Analyzer::new();
//! let text = "وقال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا.";
//! let analysis = analyzer.analyze(text);
//! let a = &analysis.attributions[0];
//! assert_eq!(a.cue.text, "وقال");
//! assert_eq!(a.source_mention.as_ref().unwrap().text, "المتحدث باسم الوزارة");
//! assert_eq!(a.content.as_ref().unwrap().text, "الاجتماع سيعقد غدا");
//! ```
#![deny(missing_docs)]

pub mod clean;
pub mod clitics;
pub mod cues;
pub mod decode;
pub mod error;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod parse;
pub mod render;
pub mod resolve;
pub mod segment;

pub use error::{Error, Result};
pub use lexicon::Lexicon;
pub use model::{Analysis, Attribution, QuoteType, Source, SourceKind, Span, Stance, TextSpan};

use model::SCHEMA;
use segment::Document;

/// Runs the pipeline with one lexicon.
#[derive(Debug, Clone)]
pub struct Analyzer {
    lexicon: Lexicon,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// An analyzer with the embedded lexicon.
    pub fn new() -> Self {
        Analyzer {
            lexicon: Lexicon::embedded(),
        }
    }

    /// An analyzer with the given lexicon.
    pub fn with_lexicon(lexicon: Lexicon) -> Self {
        Analyzer { lexicon }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Decodes bytes strictly and analyzes them.
    pub fn analyze_bytes(&self, bytes: &[u8]) -> Result<Analysis> {
        Ok(self.analyze(decode::decode(bytes)?))
    }

    /// Analyzes a text.
    pub fn analyze(&self, input: &str) -> Analysis {
        let lex = &self.lexicon;
        let doc = Document::new(input);
        let cleaned = clean::clean(&doc, lex);
        let cues = cues::find(&doc, lex);
        let drafts = parse::parse(&doc, lex, &cues, &cleaned.skip);
        let resolution = resolve::resolve(&doc, lex, &cues.feats, &drafts, cleaned.dateline);
        build(input, &doc, &cleaned, &drafts, &resolution)
    }
}

fn build(
    input: &str,
    doc: &Document,
    cleaned: &clean::Cleaned,
    drafts: &[parse::Draft],
    res: &resolve::Resolution,
) -> Analysis {
    let span = |(s, e): (usize, usize)| TextSpan::new(doc.span(s, e), input);
    // Source ids in order of first mention or first attribution.
    let mut order: Vec<usize> = Vec::new();
    let mut rank: Vec<Option<usize>> = vec![None; res.entities.len()];
    let firsts = cleaned
        .dateline
        .map(|_| 0)
        .into_iter()
        .filter(|_| !res.entities.is_empty());
    for s in firsts.chain(res.source_of.iter().flatten().copied()) {
        if rank[s].is_none() {
            rank[s] = Some(order.len());
            order.push(s);
        }
    }
    let id_of = |k: usize| rank[k].map(|p| format!("s{}", p + 1));
    let mut sources: Vec<Source> = order
        .iter()
        .map(|&k| {
            let e = &res.entities[k];
            Source {
                id: id_of(k).expect("ordered"),
                name: match &e.display {
                    Some(parts) => parts
                        .iter()
                        .map(|&p| span(p).text)
                        .collect::<Vec<_>>()
                        .join(" "),
                    None => without_cue_lam(span(e.name).text, e.lam),
                },
                kind: e.kind,
                role: e.role.map(|r| span(r).text),
                affiliation: e.affiliation.clone(),
                anonymity_reason: e.reason.map(|r| span(r).text),
                speaks_for: e.represents.map(|r| span(r).text),
                evidence: e.evidence.clone(),
                mentions: e.mentions.iter().map(|&m| span(m)).collect(),
                attributions: Vec::new(),
            }
        })
        .collect();
    let attributions: Vec<Attribution> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let id = format!("a{}", i + 1);
            let source = res.source_of[i].and_then(id_of);
            if let Some(p) = res.source_of[i].and_then(|k| rank[k]) {
                sources[p].attributions.push(id.clone());
            }
            Attribution {
                id,
                cue: span(d.cue),
                lemma: d.lemma.clone(),
                cue_kind: d.kind,
                source,
                source_mention: d.mention.map(span),
                content: d.content.map(span),
                stance: d.stance,
                quote: d.quote,
                negated: d.negated,
                sentence: doc.tokens[d.cue.0].sentence as usize,
                addressee: d.addressee.map(span),
                medium: d.medium.map(span),
                time: d.time.map(span),
                parent: None,
            }
        })
        .collect();
    let attributions = with_parents(attributions);
    Analysis {
        schema: SCHEMA,
        bytes: input.len(),
        dateline: cleaned.dateline.and_then(|_| id_of(0)),
        skipped: cleaned
            .skip
            .iter()
            .enumerate()
            .filter(|(_, &s)| s)
            .map(|(p, _)| span(doc.paragraphs[p]))
            .collect(),
        attributions,
        sources,
        relations: Vec::new(),
    }
}

/// The name without the ل (and kashida) a prepositional cue attached to it: لمصدر → مصدر,
/// للتقرير → التقرير.
fn without_cue_lam(name: String, lam: bool) -> String {
    if !lam {
        return name;
    }
    let rest = name.strip_prefix('ل').unwrap_or(&name);
    let rest = rest.trim_start_matches('\u{0640}');
    match rest.strip_prefix('ل') {
        Some(noun) => format!("ال{noun}"),
        None => rest.to_string(),
    }
}

/// An attribution whose cue lies inside another's content is nested in it. Only the few
/// attributions before it can hold it, so the search is bounded.
fn with_parents(mut atts: Vec<Attribution>) -> Vec<Attribution> {
    const WINDOW: usize = 16;
    let outer: Vec<Option<(usize, usize)>> = atts
        .iter()
        .map(|a| a.content.as_ref().map(|c| (c.start, c.end)))
        .collect();
    for i in 0..atts.len() {
        let (cs, ce) = (atts[i].cue.start, atts[i].cue.end);
        let parent = (i.saturating_sub(WINDOW)..i)
            .filter(|&k| outer[k].is_some_and(|(s, e)| s <= cs && ce <= e))
            .min_by_key(|&k| outer[k].map_or(usize::MAX, |(s, e)| e - s));
        atts[i].parent = parent.map(|k| atts[k].id.clone());
    }
    atts
}
