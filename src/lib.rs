//! isnad finds who says what in Arabic news text.
//!
//! The pipeline reads top to bottom, one module per stage:
//! [`decode`] → [`clean`] → [`normalize`] → [`segment`] → [`cues`] → [`parse`] → [`resolve`]
//! → [`link`] → [`graph`] → [`render`], [`report`] and [`lint`]. Every span it reports is a UTF-8
//! byte range into the original input. [`batch`] reads many documents (files, directories, JSON
//! Lines) and analyzes them in parallel, in order; [`corpus`] counts an archive; [`serve`] puts
//! the analysis, the lint and the report behind a local page and HTTP API.
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

pub mod batch;
mod chars;
pub mod clean;
pub mod clitics;
pub mod corpus;
pub mod cues;
pub mod decode;
pub mod error;
pub mod flags;
pub mod graph;
pub mod html;
pub mod lexicon;
pub mod link;
pub mod lint;
pub mod mine;
pub mod model;
pub mod normalize;
mod offsets;
pub mod output;
pub mod parse;
pub mod relate;
pub mod render;
pub mod report;
pub mod resolve;
pub mod segment;
pub mod serve;

pub use error::{Error, Result};
pub use lexicon::Lexicon;
pub use model::{
    Analysis, Attribution, Chain, Claim, Family, QuoteType, Relation, RelationKind, Source,
    SourceKind, Sourcing, Span, Stance, TextSpan,
};

use model::SCHEMA;
use segment::Document;

/// Runs the pipeline with one lexicon.
#[derive(Debug, Clone)]
pub struct Analyzer {
    lexicon: Lexicon,
    index: lexicon::Index,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// An analyzer with the embedded lexicon.
    pub fn new() -> Self {
        Self::with_lexicon(Lexicon::embedded())
    }

    /// An analyzer with the given lexicon.
    pub fn with_lexicon(lexicon: Lexicon) -> Self {
        Analyzer {
            index: lexicon::Index::new(&lexicon),
            lexicon,
        }
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
        let cues = cues::find_indexed(&doc, lex, &self.index);
        let drafts = parse::parse(&doc, lex, &cues, &cleaned.skip);
        let resolution = resolve::resolve(&doc, lex, &cues.feats, &drafts, cleaned.dateline);
        let dateline = cleaned
            .dateline
            .filter(|_| !resolution.entities.is_empty())
            .map(|_| 0);
        // Paragraphs before the dateline's are the headline.
        let body_from = cleaned.body_from(&doc);
        let linked = link::link(
            &doc,
            lex,
            &cues.feats,
            &drafts,
            &resolution,
            dateline,
            body_from,
        );
        build(input, &doc, &cleaned, &drafts, &resolution, &linked)
    }
}

fn build(
    input: &str,
    doc: &Document,
    cleaned: &clean::Cleaned,
    drafts: &[parse::Draft],
    res: &resolve::Resolution,
    linked: &link::Linked,
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
    let spoken = (0..drafts.len()).flat_map(|i| {
        res.relayed_of[i]
            .into_iter()
            .chain(res.source_of[i])
            .chain(linked.chains[i].iter().copied())
    });
    for s in firsts.chain(spoken) {
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
                // وفقا لوزير الخارجية: the title, like the name, without the cue's ل.
                role: e
                    .role
                    .map(|r| without_cue_lam(span(r).text, e.lam && r.0 == e.name.0)),
                affiliation: e.affiliation.clone(),
                anonymity_reason: e.reason.map(|r| span(r).text),
                speaks_for: e.represents.map(|r| span(r).text),
                evidence: e.evidence.clone(),
                mentions: e.mentions.iter().map(|&m| span(m)).collect(),
                attributions: Vec::new(),
            }
        })
        .collect();
    let att_id = |i: usize| format!("a{}", i + 1);
    let claim_id = |c: usize| format!("c{}", c + 1);
    let chain_ids =
        |i: usize| -> Vec<String> { linked.chains[i].iter().filter_map(|&e| id_of(e)).collect() };
    let attributions: Vec<Attribution> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let id = att_id(i);
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
                target: d.target.map(span),
                parent: linked.parents[i].map(att_id),
                claim: linked.claim_of[i].map(claim_id),
                chain: chain_ids(i),
            }
        })
        .collect();
    let relations: Vec<Relation> = linked
        .links
        .iter()
        .map(|l| Relation {
            from: att_id(l.from),
            to: att_id(l.to),
            kind: l.kind,
            family: l.kind.family(),
            score: (l.score * 100.0).round() / 100.0,
            evidence: l.evidence.iter().map(|&t| span((t, t + 1)).text).collect(),
            claim: linked.claim_of[l.from].map(claim_id).unwrap_or_default(),
        })
        .collect();
    // Each attribution's first relation (links are sorted by `from`), looked up per member.
    let mut first_family: Vec<Option<Family>> = vec![None; drafts.len()];
    for l in linked.links.iter().rev() {
        first_family[l.from] = Some(l.kind.family());
    }
    let claims = linked
        .claims
        .iter()
        .enumerate()
        .map(|(c, g)| Claim {
            id: claim_id(c),
            anchor: att_id(g.members[0]),
            attributions: g.members.iter().map(|&m| att_id(m)).collect(),
            terms: g.terms.iter().map(|&t| span((t, t + 1)).text).collect(),
            negative: g.negative,
            title: drafts[g.members[0]]
                .content
                .map(|c| link::readable::title(&span(c).text))
                .unwrap_or_default(),
            verdict: String::new(),
            chains: g
                .members
                .iter()
                .map(|&m| Chain {
                    attribution: att_id(m),
                    sources: chain_ids(m),
                })
                .collect(),
            sourcing: sourcing(g, res, linked, &first_family),
        })
        .collect();
    let (attributions, claims) =
        link::readable::complete(attributions, &sources, &relations, claims);
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
        relations,
        claims,
        text: None,
    }
}

/// Who stands where on one claim: distinct speakers by kind, relays, and each member's family
/// toward the anchor (through the links that reach it).
fn sourcing(
    g: &link::Group,
    res: &resolve::Resolution,
    linked: &link::Linked,
    first_family: &[Option<Family>],
) -> Sourcing {
    let mut speakers: Vec<usize> = g
        .members
        .iter()
        .filter_map(|&m| linked.chains[m].first().copied())
        .collect();
    speakers.sort_unstable();
    speakers.dedup();
    let anonymous = speakers
        .iter()
        .filter(|&&e| res.entities[e].kind == SourceKind::Anonymous)
        .count();
    let mut s = Sourcing {
        sources: speakers.len(),
        named: speakers.len() - anonymous,
        anonymous,
        relayed: g
            .members
            .iter()
            .filter(|&&m| {
                let relaying = linked.chains[m]
                    .iter()
                    .filter(|&&e| Some(e) != linked.dateline);
                relaying.count() > 1
            })
            .count(),
        support: 0,
        oppose: 0,
        noncommittal: 0,
    };
    // Each member counts once, by its first relation.
    for &m in &g.members {
        match first_family[m] {
            Some(Family::Support) => s.support += 1,
            Some(Family::Oppose) => s.oppose += 1,
            Some(Family::Noncommittal) => s.noncommittal += 1,
            None => {}
        }
    }
    s
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
