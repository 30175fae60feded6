//! The sourcing graph laid out for an inline SVG: sources in one column, claims in the other,
//! edges between them coloured by relation. The layout is computed here; the template draws it.

use petgraph::visit::EdgeRef;

use crate::graph::{EdgeKind, Node, SourcingGraph};
use crate::model::SourceKind;

use super::labels::Labels;

/// Row height and column geometry, in SVG user units.
const ROW: usize = 34;
const BOX_W: usize = 300;
const BOX_H: usize = 26;
const GAP: usize = 220;
const MARGIN: usize = 12;
/// Characters shown in a box before the label is cut.
const LABEL_CHARS: usize = 40;

/// A node drawn as a box.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgNode {
    /// `s1`, `c1`.
    pub id: String,
    /// Top-left corner.
    pub x: usize,
    /// Top-left corner.
    pub y: usize,
    /// Width.
    pub w: usize,
    /// Height.
    pub h: usize,
    /// Where the label's text anchor is.
    pub tx: usize,
    /// Label baseline.
    pub ty: usize,
    /// The label, cut to fit.
    pub label: String,
    /// The full label, for the tooltip.
    pub title: String,
    /// `source anonymous`, `claim`.
    pub class: String,
}

/// An edge drawn as a line.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgEdge {
    /// From.
    pub x1: usize,
    /// From.
    pub y1: usize,
    /// To.
    pub x2: usize,
    /// To.
    pub y2: usize,
    /// `says`, `opposes` …
    pub class: &'static str,
    /// Tooltip: the relation's word and the attribution.
    pub title: String,
}

/// The whole drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Svg {
    /// Width.
    pub width: usize,
    /// Height.
    pub height: usize,
    /// Boxes.
    pub nodes: Vec<SvgNode>,
    /// Lines.
    pub edges: Vec<SvgEdge>,
}

fn cut(s: &str) -> String {
    if s.chars().count() <= LABEL_CHARS {
        return s.to_string();
    }
    let mut t: String = s.chars().take(LABEL_CHARS - 1).collect();
    t.push('…');
    t
}

/// Lays the graph out. For right-to-left pages the sources stand on the right.
pub fn layout(g: &SourcingGraph, l: &Labels) -> Svg {
    let rtl = l.dir == "rtl";
    let (mut sources, mut claims) = (0usize, 0usize);
    let width = 2 * BOX_W + GAP + 2 * MARGIN;
    let source_x = if rtl { MARGIN + BOX_W + GAP } else { MARGIN };
    let claim_x = if rtl { MARGIN } else { MARGIN + BOX_W + GAP };
    let mut pos = vec![(0usize, 0usize); g.node_count()];
    let mut nodes = Vec::new();
    for n in g.node_indices() {
        let node = &g[n];
        let (x, row, class) = match node {
            Node::Source { kind, .. } => {
                sources += 1;
                let hollow = if *kind == SourceKind::Anonymous {
                    " hollow"
                } else {
                    ""
                };
                (
                    source_x,
                    sources - 1,
                    format!("source k-{}{hollow}", kind.as_str()),
                )
            }
            Node::Claim { negative, .. } => {
                claims += 1;
                let neg = if *negative { " negative" } else { "" };
                (claim_x, claims - 1, format!("claim{neg}"))
            }
        };
        let y = MARGIN + row * ROW;
        pos[n.index()] = (x, y);
        let tx = if rtl { x + BOX_W - 8 } else { x + 8 };
        nodes.push(SvgNode {
            id: node.id().to_string(),
            x,
            y,
            w: BOX_W,
            h: BOX_H,
            tx,
            ty: y + BOX_H / 2 + 5,
            label: cut(node.label()),
            title: node.label().to_string(),
            class,
        });
    }
    let anchor = |n: petgraph::graph::NodeIndex, toward_x: usize| {
        let (x, y) = pos[n.index()];
        let side = if toward_x > x { x + BOX_W } else { x };
        (side, y + BOX_H / 2)
    };
    let edges = g
        .edge_references()
        .map(|e| {
            let (s, t) = (e.source(), e.target());
            let (x1, y1) = anchor(s, pos[t.index()].0);
            let (x2, y2) = anchor(t, pos[s.index()].0);
            let w = e.weight();
            SvgEdge {
                x1,
                y1,
                x2,
                y2,
                class: w.kind.as_str(),
                title: format!("{} · {}", l.edge(w.kind), w.attribution),
            }
        })
        .filter(|e| e.class != EdgeKind::Relays.as_str() || e.x1 != e.x2 || e.y1 != e.y2)
        .collect();
    let rows = sources.max(claims).max(1);
    Svg {
        width,
        height: 2 * MARGIN + rows * ROW,
        nodes,
        edges,
    }
}
