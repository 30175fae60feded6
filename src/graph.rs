//! Stage 9: the sourcing graph. Sources and claims are nodes; a source says, supports, opposes
//! or declines a claim (one edge per attribution), and relays another source (نقلت رويترز عن
//! مسؤول: Reuters → the official).

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::model::{Analysis, Family, SourceKind, Stance};

/// A node: a source or a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Node {
    /// Who speaks.
    Source {
        /// `s1`, …
        id: String,
        /// Its name.
        label: String,
        /// Its kind.
        kind: SourceKind,
        /// Title or role, if the text gives one.
        #[serde(skip_serializing_if = "Option::is_none")]
        role: Option<String>,
        /// ISO country, if known.
        #[serde(skip_serializing_if = "Option::is_none")]
        affiliation: Option<String>,
    },
    /// What is claimed.
    Claim {
        /// `c1`, …
        id: String,
        /// Its key terms.
        label: String,
        /// What it says, in the words of the attribution that stated it first.
        title: String,
        /// The claim's verdict, when the claim model gives one (none yet: the field carries
        /// `Claim::verdict` once claims have it).
        #[serde(skip_serializing_if = "Option::is_none")]
        verdict: Option<String>,
        /// Whether stated negatively.
        negative: bool,
    },
}

impl Node {
    /// The node's id in the analysis (`s1`, `c1`).
    pub fn id(&self) -> &str {
        match self {
            Node::Source { id, .. } | Node::Claim { id, .. } => id,
        }
    }

    /// The text to show.
    pub fn label(&self) -> &str {
        match self {
            Node::Source { label, .. } | Node::Claim { label, .. } => label,
        }
    }
}

/// What an edge says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// States the claim (its anchor, or the same source again).
    Says,
    /// Repeats or confirms the claim as another stated it.
    Supports,
    /// Denies or contradicts it.
    Opposes,
    /// Neither confirms nor denies, declines, or gives no response.
    Declines,
    /// Passes on another source's words.
    Relays,
}

impl EdgeKind {
    /// The name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Says => "says",
            EdgeKind::Supports => "supports",
            EdgeKind::Opposes => "opposes",
            EdgeKind::Declines => "declines",
            EdgeKind::Relays => "relays",
        }
    }
}

/// What the attribution behind an edge does, as exports name it: says, confirms, denies,
/// declines (also neither confirms nor denies), no_response, alleges, or relays for the link
/// from a relay to the one relayed.
pub fn attribution_kind(kind: EdgeKind, stance: Stance) -> &'static str {
    if kind == EdgeKind::Relays {
        return "relays";
    }
    match stance {
        Stance::Asserts => "says",
        Stance::Confirms => "confirms",
        Stance::Denies => "denies",
        Stance::NeitherConfirmsNorDenies | Stance::DeclinesToComment => "declines",
        Stance::NoResponse => "no_response",
        Stance::Alleges => "alleges",
    }
}

/// An edge: one attribution (or one relay within it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    /// How it stands to the claim (says, supports, opposes, declines, relays).
    #[serde(rename = "relation")]
    pub kind: EdgeKind,
    /// The attribution it comes from.
    pub attribution: String,
    /// The attribution's stance.
    pub stance: Stance,
    /// The cue's text.
    pub cue: String,
    /// The document, in a graph of many.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}

impl Edge {
    /// What the attribution does ([`attribution_kind`]).
    pub fn attribution_kind(&self) -> &'static str {
        attribution_kind(self.kind, self.stance)
    }
}

/// The graph of one analysis.
pub type SourcingGraph = DiGraph<Node, Edge>;

/// Builds the graph: every source with an attribution, every claim, and their edges.
pub fn build(a: &Analysis) -> SourcingGraph {
    let mut g = SourcingGraph::new();
    let mut index: std::collections::HashMap<&str, NodeIndex> = std::collections::HashMap::new();
    for s in &a.sources {
        let n = g.add_node(Node::Source {
            id: s.id.clone(),
            label: s.name.clone(),
            kind: s.kind,
            role: s.role.clone(),
            affiliation: s.affiliation.clone(),
        });
        index.insert(&s.id, n);
    }
    for c in &a.claims {
        let label = c.terms.join(" ");
        let title = a
            .attribution(&c.anchor)
            .and_then(|x| x.content.as_ref())
            .map_or_else(|| label.clone(), |t| t.text.chars().take(160).collect());
        let n = g.add_node(Node::Claim {
            id: c.id.clone(),
            label,
            title,
            verdict: None,
            negative: c.negative,
        });
        index.insert(&c.id, n);
    }
    let family: std::collections::HashMap<&str, Family> = a
        .relations
        .iter()
        .map(|r| (r.from.as_str(), r.family))
        .collect();
    let mut relayed: Vec<(NodeIndex, NodeIndex)> = Vec::new();
    for att in &a.attributions {
        let edge = |kind| Edge {
            kind,
            attribution: att.id.clone(),
            stance: att.stance,
            cue: att.cue.text.clone(),
            document: None,
        };
        // The speaker is the chain's first source (the one relayed, when there is a relay); an
        // attribution without a source has none.
        let speaker = att.source.as_ref().and(att.chain.first());
        if let (Some(s), Some(c)) = (speaker, &att.claim) {
            let kind = match family.get(att.id.as_str()) {
                Some(Family::Support) => EdgeKind::Supports,
                Some(Family::Oppose) => EdgeKind::Opposes,
                Some(Family::Noncommittal) => EdgeKind::Declines,
                None => EdgeKind::Says,
            };
            g.add_edge(index[s.as_str()], index[c.as_str()], edge(kind));
        }
        for pair in att.chain.windows(2) {
            let (speaker, relay) = (index[pair[0].as_str()], index[pair[1].as_str()]);
            if !relayed.contains(&(relay, speaker)) {
                relayed.push((relay, speaker));
                g.add_edge(relay, speaker, edge(EdgeKind::Relays));
            }
        }
    }
    g
}

/// One graph of many documents: sources merged by name (folded), claims by their key terms;
/// ids renumbered in order of first appearance; each edge names its document.
#[derive(Debug, Default)]
pub struct Merged {
    graph: SourcingGraph,
    index: std::collections::HashMap<(bool, String), NodeIndex>,
    sources: usize,
    claims: usize,
}

impl Merged {
    /// An empty graph.
    pub fn new() -> Merged {
        Merged::default()
    }

    /// Adds the graph of one document.
    pub fn add(&mut self, document: &str, a: &Analysis) {
        let g = build(a);
        let mut map: Vec<NodeIndex> = Vec::with_capacity(g.node_count());
        for n in g.node_indices() {
            let node = &g[n];
            let is_source = matches!(node, Node::Source { .. });
            let key = (is_source, crate::normalize::fold(node.label()));
            let at = match self.index.get(&key) {
                Some(&at) => {
                    // Fill in what the first mention did not say.
                    if let (
                        Node::Source {
                            role, affiliation, ..
                        },
                        Node::Source {
                            role: r,
                            affiliation: f,
                            ..
                        },
                    ) = (&mut self.graph[at], node)
                    {
                        if role.is_none() {
                            role.clone_from(r);
                        }
                        if affiliation.is_none() {
                            affiliation.clone_from(f);
                        }
                    }
                    at
                }
                None => {
                    let mut fresh = node.clone();
                    let id = if is_source {
                        self.sources += 1;
                        format!("s{}", self.sources)
                    } else {
                        self.claims += 1;
                        format!("c{}", self.claims)
                    };
                    match &mut fresh {
                        Node::Source { id: i, .. } | Node::Claim { id: i, .. } => *i = id,
                    }
                    let at = self.graph.add_node(fresh);
                    self.index.insert(key, at);
                    at
                }
            };
            map.push(at);
        }
        for e in g.edge_references() {
            let mut w = e.weight().clone();
            w.document = Some(document.to_string());
            self.graph
                .add_edge(map[e.source().index()], map[e.target().index()], w);
        }
    }

    /// The merged graph.
    pub fn finish(self) -> SourcingGraph {
        self.graph
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    #[test]
    fn sources_say_claims_and_relay_each_other() {
        let a = Analyzer::new().analyze(
            "ونقلت وكالة الأنباء الرسمية عن مسؤول في الوزارة قوله إن الشحنة وصلت إلى الميناء. \
             ونفى المتحدث باسم الجمارك وصول الشحنة إلى الميناء.",
        );
        let g = build(&a);
        let kinds: Vec<EdgeKind> = g.edge_weights().map(|e| e.kind).collect();
        assert!(kinds.contains(&EdgeKind::Relays), "{kinds:?}");
        assert!(kinds.contains(&EdgeKind::Opposes), "{kinds:?}");
        let sources = g
            .node_weights()
            .filter(|n| matches!(n, Node::Source { .. }))
            .count();
        assert_eq!(sources, a.sources.len());
    }

    #[test]
    fn documents_merge_by_source_name() {
        let analyzer = Analyzer::new();
        let one = analyzer.analyze(
            "قال وزير الخارجية سامي العلي إن المحادثات السرية جرت في جنيف. \
             ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف.",
        );
        let two = analyzer.analyze("ونفت وزارة الدفاع أن الجيش قصف القرية.");
        let mut m = Merged::new();
        m.add("d1", &one);
        m.add("d2", &two);
        let g = m.finish();
        let ministry: Vec<_> = g
            .node_indices()
            .filter(|&n| g[n].label() == "وزارة الدفاع")
            .collect();
        assert_eq!(ministry.len(), 1, "one node for the ministry");
        let docs: Vec<Option<&str>> = g
            .edges_directed(ministry[0], petgraph::Direction::Outgoing)
            .map(|e| e.weight().document.as_deref())
            .collect();
        assert!(
            docs.contains(&Some("d1")) && docs.contains(&Some("d2")),
            "{docs:?}"
        );
        let ids: Vec<&str> = g.node_weights().map(Node::id).collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
    }
}
