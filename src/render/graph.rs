//! The sourcing graph for other tools: DOT (Graphviz), GraphML (Gephi, Cytoscape, networkx) and
//! JSON in node-link form (networkx `node_link_graph`, d3).

use std::fmt::Write;

use petgraph::visit::EdgeRef;
use petgraph_graphml::GraphMl;
use serde_json::{json, Value};

use crate::graph::{EdgeKind, Node, SourcingGraph};

/// The colour an edge kind is drawn in.
fn colour(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Says => "#555555",
        EdgeKind::Supports => "#1b7837",
        EdgeKind::Opposes => "#b2182b",
        EdgeKind::Declines => "#9970ab",
        EdgeKind::Relays => "#2166ac",
    }
}

/// A DOT string literal.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The graph in Graphviz DOT: sources as boxes, claims as ellipses, edges labelled and coloured
/// by kind.
pub fn dot(g: &SourcingGraph) -> String {
    let mut out = String::from("digraph isnad {\n  rankdir=LR;\n");
    for n in g.node_indices() {
        let node = &g[n];
        let (shape, kind) = match node {
            Node::Source { kind, .. } => ("box", kind.as_str()),
            Node::Claim { .. } => ("ellipse", "claim"),
        };
        let _ = writeln!(
            out,
            "  {} [label={}, shape={shape}, kind={}];",
            quoted(node.id()),
            quoted(node.label()),
            quoted(kind)
        );
    }
    for e in g.edge_references() {
        let w = e.weight();
        let _ = writeln!(
            out,
            "  {} -> {} [label={}, kind={}, attribution={}, color={}];",
            quoted(g[e.source()].id()),
            quoted(g[e.target()].id()),
            quoted(w.kind.as_str()),
            quoted(w.kind.as_str()),
            quoted(&w.attribution),
            quoted(colour(w.kind))
        );
    }
    out.push_str("}\n");
    out
}

/// The graph in GraphML, with the node's id, label and kind and the edge's relation,
/// attribution, stance and cue as string attributes.
pub fn graphml(g: &SourcingGraph) -> String {
    let xml = GraphMl::new(g)
        .pretty_print(true)
        .export_node_weights(Box::new(|n: &Node| {
            let kind = match n {
                Node::Source { kind, .. } => kind.as_str(),
                Node::Claim { .. } => "claim",
            };
            vec![
                ("ref".into(), n.id().into()),
                ("label".into(), n.label().into()),
                ("kind".into(), kind.into()),
            ]
        }))
        .export_edge_weights(Box::new(|e: &crate::graph::Edge| {
            vec![
                ("relation".into(), e.kind.as_str().into()),
                ("attribution".into(), e.attribution.as_str().into()),
                ("stance".into(), e.stance.as_str().into()),
                ("cue".into(), e.cue.as_str().into()),
            ]
        }))
        .to_string();
    sorted_keys(&xml)
}

/// The writer declares its `<key>` elements in hash order, one per line; sorting them keeps
/// equal input giving equal output.
fn sorted_keys(xml: &str) -> String {
    let lines: Vec<&str> = xml.lines().collect();
    let is_key = |l: &str| l.trim_start().starts_with("<key ");
    let Some(first) = lines.iter().position(|l| is_key(l)) else {
        return xml.to_string();
    };
    let count = lines[first..].iter().take_while(|l| is_key(l)).count();
    let mut keys = lines[first..first + count].to_vec();
    keys.sort_unstable();
    let mut out: Vec<&str> = lines[..first].to_vec();
    out.extend(keys);
    out.extend(&lines[first + count..]);
    out.join("\n") + "\n"
}

/// The graph as node-link JSON (`directed`, `multigraph`, `nodes`, `links`).
pub fn node_link(g: &SourcingGraph) -> String {
    let nodes: Vec<Value> = g
        .node_weights()
        .map(|n| {
            let mut v = serde_json::to_value(n).expect("nodes serialize");
            v["label"] = json!(n.label());
            v
        })
        .collect();
    let links: Vec<Value> = g
        .edge_references()
        .map(|e| {
            let mut v = serde_json::to_value(e.weight()).expect("edges serialize");
            v["source"] = json!(g[e.source()].id());
            v["target"] = json!(g[e.target()].id());
            v
        })
        .collect();
    let doc = json!({
        "directed": true,
        "multigraph": true,
        "graph": {},
        "nodes": nodes,
        "links": links,
    });
    serde_json::to_string_pretty(&doc).expect("json serializes")
}
