//! The sourcing graph laid out for an inline SVG: sources in one column, claims in the other,
//! edges between them coloured by relation. The layout is computed here; the template draws it.

use petgraph::graph::NodeIndex;
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

/// Each node's row in its column. Sources and claims start in text order; then each column
/// is sorted by the mean row of its neighbours in the other (a few sweeps of the barycentre
/// method), so that a source sits level with what it speaks about and lines cross less: on a
/// long article the drawing stays readable.
pub fn order(g: &SourcingGraph) -> Vec<usize> {
    let is_source = |n: NodeIndex| matches!(g[n], Node::Source { .. });
    let mut columns: [Vec<NodeIndex>; 2] = [
        g.node_indices().filter(|&n| is_source(n)).collect(),
        g.node_indices().filter(|&n| !is_source(n)).collect(),
    ];
    let mut row = vec![0f64; g.node_count()];
    let place = |col: &[NodeIndex], row: &mut [f64]| {
        for (r, n) in col.iter().enumerate() {
            row[n.index()] = r as f64;
        }
    };
    place(&columns[0], &mut row);
    place(&columns[1], &mut row);
    for sweep in 0..4 {
        let c = sweep % 2;
        let mut keyed: Vec<(f64, usize, NodeIndex)> = columns[c]
            .iter()
            .enumerate()
            .map(|(r, &n)| {
                let across: Vec<f64> = g
                    .neighbors_undirected(n)
                    .filter(|&m| is_source(m) != is_source(n))
                    .map(|m| row[m.index()])
                    .collect();
                let key = if across.is_empty() {
                    r as f64
                } else {
                    across.iter().sum::<f64>() / across.len() as f64
                };
                (key, r, n)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        columns[c] = keyed.into_iter().map(|k| k.2).collect();
        place(&columns[c], &mut row);
    }
    row.into_iter().map(|r| r as usize).collect()
}

/// How many pairs of source–claim lines cross, for a layout's rows.
#[cfg(test)]
fn crossings(g: &SourcingGraph, rows: &[usize]) -> usize {
    let lines: Vec<(usize, usize)> = g
        .edge_references()
        .filter_map(|e| match (&g[e.source()], &g[e.target()]) {
            (Node::Source { .. }, Node::Claim { .. }) => {
                Some((rows[e.source().index()], rows[e.target().index()]))
            }
            _ => None,
        })
        .collect();
    let mut n = 0;
    for (i, a) in lines.iter().enumerate() {
        for b in &lines[i + 1..] {
            n += usize::from((a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1));
        }
    }
    n
}

/// Lays the graph out. For right-to-left pages the sources stand on the right.
pub fn layout(g: &SourcingGraph, l: &Labels) -> Svg {
    let rtl = l.dir == "rtl";
    let (mut sources, mut claims) = (0usize, 0usize);
    let width = 2 * BOX_W + GAP + 2 * MARGIN;
    let source_x = if rtl { MARGIN + BOX_W + GAP } else { MARGIN };
    let claim_x = if rtl { MARGIN } else { MARGIN + BOX_W + GAP };
    let rows = order(g);
    let mut pos = vec![(0usize, 0usize); g.node_count()];
    let mut nodes = Vec::new();
    for n in g.node_indices() {
        let node = &g[n];
        let row = rows[n.index()];
        let (x, class) = match node {
            Node::Source { kind, .. } => {
                sources += 1;
                let hollow = if *kind == SourceKind::Anonymous {
                    " hollow"
                } else {
                    ""
                };
                (source_x, format!("source k-{}{hollow}", kind.as_str()))
            }
            Node::Claim { negative, .. } => {
                claims += 1;
                let neg = if *negative { " negative" } else { "" };
                (claim_x, format!("claim{neg}"))
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
            label: super::bidi::isolate(&cut(node.label())),
            title: super::bidi::isolate(node.label()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    #[test]
    fn sources_sit_level_with_their_claims() {
        // The later speakers answer the first claim after the second was stated.
        let text = "قال الوزير سامي العلي إن الميناء أغلق بسبب العاصفة. \
                    وقال النائب خالد الحسن إن المطار أغلق بسبب الإضراب. \
                    وقالت الوزيرة ليلى يوسف إن الحدود أغلقت بسبب الاشتباكات. \
                    ونفت وزارة الداخلية إغلاق الحدود بسبب الاشتباكات. \
                    ونفت هيئة الطيران إغلاق المطار بسبب الإضراب. \
                    ونفت إدارة الميناء إغلاق الميناء بسبب العاصفة.";
        let a = Analyzer::new().analyze(text);
        let g = crate::graph::build(&a);
        let text_order: Vec<usize> = {
            let (mut s, mut c) = (0, 0);
            g.node_indices()
                .map(|n| match g[n] {
                    Node::Source { .. } => (s, s += 1).0,
                    Node::Claim { .. } => (c, c += 1).0,
                })
                .collect()
        };
        let laid = order(&g);
        assert!(crossings(&g, &text_order) > 0);
        assert!(
            crossings(&g, &laid) < crossings(&g, &text_order),
            "{} crossings, {} in text order",
            crossings(&g, &laid),
            crossings(&g, &text_order)
        );
    }
}
