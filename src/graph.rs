//! Stage 9: the sourcing graph. Sources and claims are nodes; a source says, supports, opposes
//! or declines a claim (one edge per attribution), and relays another source (نقلت رويترز عن
//! مسؤول: Reuters → the official).

use petgraph::graph::{DiGraph, NodeIndex};
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
        /// ISO country, if known.
        affiliation: Option<String>,
    },
    /// What is claimed.
    Claim {
        /// `c1`, …
        id: String,
        /// Its key terms.
        label: String,
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

/// An edge: one attribution (or one relay within it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    /// What it says.
    pub kind: EdgeKind,
    /// The attribution it comes from.
    pub attribution: String,
    /// The attribution's stance.
    pub stance: Stance,
    /// The cue's text.
    pub cue: String,
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
            affiliation: s.affiliation.clone(),
        });
        index.insert(&s.id, n);
    }
    for c in &a.claims {
        let n = g.add_node(Node::Claim {
            id: c.id.clone(),
            label: c.terms.join(" "),
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
}
