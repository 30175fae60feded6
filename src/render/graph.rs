//! The sourcing graph for other tools: DOT (Graphviz), GraphML (Gephi, Cytoscape, networkx) and
//! JSON in node-link form (networkx `node_link_graph`, d3). The three carry the same attributes,
//! from one list each for nodes and edges; node ids are the analysis' (`s1`, `c1`) in all three.

use std::fmt::Write;

use petgraph::visit::EdgeRef;
use serde_json::{json, Map, Value};

use crate::graph::{Edge, EdgeKind, Node, SourcingGraph};

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

/// An attribute's value: text, or a truth (GraphML `boolean`, JSON `true`).
enum Val {
    Text(String),
    Bool(bool),
}

impl Val {
    fn text(&self) -> String {
        match self {
            Val::Text(s) => s.clone(),
            Val::Bool(b) => b.to_string(),
        }
    }
}

/// Every node attribute name, in order, with whether it is a truth.
const NODE_KEYS: &[(&str, bool)] = &[
    ("type", false),
    ("label", false),
    ("kind", false),
    ("role", false),
    ("affiliation", false),
    ("title", false),
    ("verdict", false),
    ("negative", true),
];

/// Every edge attribute name, in order.
const EDGE_KEYS: &[&str] = &[
    "kind",
    "relation",
    "stance",
    "attribution",
    "cue",
    "document",
];

/// A node's attributes: type, label and kind for all; role and affiliation for sources;
/// title, verdict and negative for claims. Absent values are left out everywhere.
fn node_attrs(n: &Node) -> Vec<(&'static str, Val)> {
    let text = |s: &str| Val::Text(s.to_string());
    let mut out = Vec::new();
    match n {
        Node::Source {
            label,
            kind,
            role,
            affiliation,
            ..
        } => {
            out.push(("type", text("source")));
            out.push(("label", text(label)));
            out.push(("kind", text(kind.as_str())));
            if let Some(r) = role {
                out.push(("role", text(r)));
            }
            if let Some(a) = affiliation {
                out.push(("affiliation", text(a)));
            }
        }
        Node::Claim {
            label,
            title,
            verdict,
            negative,
            ..
        } => {
            out.push(("type", text("claim")));
            out.push(("label", text(label)));
            out.push(("kind", text("claim")));
            out.push(("title", text(title)));
            if let Some(v) = verdict {
                out.push(("verdict", text(v)));
            }
            out.push(("negative", Val::Bool(*negative)));
        }
    }
    out
}

/// An edge's attributes: the attribution's kind (says, confirms, denies, declines,
/// no_response, alleges, relays), its relation to the claim, stance, id, cue and document.
fn edge_attrs(e: &Edge) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("kind", e.attribution_kind().to_string()),
        ("relation", e.kind.as_str().to_string()),
        ("stance", e.stance.as_str().to_string()),
        ("attribution", e.attribution.clone()),
        ("cue", e.cue.clone()),
    ];
    if let Some(d) = &e.document {
        out.push(("document", d.clone()));
    }
    out
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
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The graph in Graphviz DOT: sources as boxes, claims as ellipses, edges labelled by the
/// attribution's kind and coloured by relation, every attribute beside.
pub fn dot(g: &SourcingGraph) -> String {
    let mut out = String::from("digraph isnad {\n  rankdir=LR;\n");
    for n in g.node_indices() {
        let node = &g[n];
        let shape = match node {
            Node::Source { .. } => "box",
            Node::Claim { .. } => "ellipse",
        };
        let attrs: Vec<String> = node_attrs(node)
            .iter()
            .map(|(k, v)| format!("{k}={}", quoted(&v.text())))
            .collect();
        let _ = writeln!(
            out,
            "  {} [shape={shape}, {}];",
            quoted(node.id()),
            attrs.join(", ")
        );
    }
    for e in g.edge_references() {
        let w = e.weight();
        let attrs: Vec<String> = edge_attrs(w)
            .iter()
            .map(|(k, v)| format!("{k}={}", quoted(v)))
            .collect();
        let _ = writeln!(
            out,
            "  {} -> {} [label={}, color={}, {}];",
            quoted(g[e.source()].id()),
            quoted(g[e.target()].id()),
            quoted(w.attribution_kind()),
            quoted(colour(w.kind)),
            attrs.join(", ")
        );
    }
    out.push_str("}\n");
    out
}

/// Text for XML: escaped, and without the characters XML 1.0 cannot hold.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The graph in GraphML: node ids as in the analysis, and the same attributes as DOT and
/// JSON declared as keys (strings, `negative` a boolean).
pub fn graphml(g: &SourcingGraph) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
    );
    for (name, boolean) in NODE_KEYS {
        let ty = if *boolean { "boolean" } else { "string" };
        let _ = writeln!(
            out,
            "  <key id=\"n_{name}\" for=\"node\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    for name in EDGE_KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"e_{name}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"string\"/>"
        );
    }
    out.push_str("  <graph id=\"isnad\" edgedefault=\"directed\">\n");
    for node in g.node_weights() {
        let _ = writeln!(out, "    <node id=\"{}\">", xml(node.id()));
        for (k, v) in node_attrs(node) {
            let _ = writeln!(out, "      <data key=\"n_{k}\">{}</data>", xml(&v.text()));
        }
        out.push_str("    </node>\n");
    }
    for (i, e) in g.edge_references().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            xml(g[e.source()].id()),
            xml(g[e.target()].id())
        );
        for (k, v) in edge_attrs(e.weight()) {
            let _ = writeln!(out, "      <data key=\"e_{k}\">{}</data>", xml(&v));
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// The graph as node-link JSON (`directed`, `multigraph`, `graph`, `nodes`, `edges`): what
/// `networkx.node_link_graph(data)` reads on networkx 3.6; older versions read it with
/// `node_link_graph(data, edges="edges")` (3.4, 3.5) or `link="edges"` (before 3.4).
pub fn node_link(g: &SourcingGraph) -> String {
    let nodes: Vec<Value> = g
        .node_weights()
        .map(|n| {
            let mut m = Map::new();
            m.insert("id".into(), json!(n.id()));
            for (k, v) in node_attrs(n) {
                let v = match v {
                    Val::Text(s) => json!(s),
                    Val::Bool(b) => json!(b),
                };
                m.insert(k.into(), v);
            }
            Value::Object(m)
        })
        .collect();
    let edges: Vec<Value> = g
        .edge_references()
        .map(|e| {
            let mut m = Map::new();
            m.insert("source".into(), json!(g[e.source()].id()));
            m.insert("target".into(), json!(g[e.target()].id()));
            for (k, v) in edge_attrs(e.weight()) {
                m.insert(k.into(), json!(v));
            }
            Value::Object(m)
        })
        .collect();
    let doc = json!({
        "directed": true,
        "multigraph": true,
        "graph": {},
        "nodes": nodes,
        "edges": edges,
    });
    serde_json::to_string_pretty(&doc).expect("json serializes")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    fn graph() -> SourcingGraph {
        crate::graph::build(&Analyzer::new().analyze(
            "قال وزير الخارجية سامي العلي إن المحادثات السرية جرت في جنيف. \
             ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف. \
             ونقلت وكالة الأنباء الرسمية عن مسؤول إسرائيلي قوله إن المحادثات السرية جرت في جنيف.",
        ))
    }

    #[test]
    fn the_three_formats_carry_the_same_attributes() {
        let g = graph();
        let dot = dot(&g);
        let graphml = graphml(&g);
        let json: Value = serde_json::from_str(&node_link(&g)).unwrap();
        assert!(json.get("edges").is_some() && json.get("links").is_none());
        for (n, node) in g.node_weights().zip(json["nodes"].as_array().unwrap()) {
            for (k, v) in node_attrs(n) {
                let text = v.text();
                assert!(
                    dot.contains(&format!("{k}={}", quoted(&text))),
                    "{k} in DOT"
                );
                assert!(
                    graphml.contains(&format!("<data key=\"n_{k}\">{}</data>", xml(&text))),
                    "{k} in GraphML"
                );
                let j = &node[k];
                assert!(
                    j.as_str() == Some(&text)
                        || j.as_bool().map(|b| b.to_string()) == Some(text.clone()),
                    "{k} in JSON"
                );
            }
        }
        for (e, edge) in g.edge_weights().zip(json["edges"].as_array().unwrap()) {
            for (k, v) in edge_attrs(e) {
                assert!(dot.contains(&format!("{k}={}", quoted(&v))), "{k} in DOT");
                assert!(graphml.contains(&format!("<data key=\"e_{k}\">{}</data>", xml(&v))));
                assert_eq!(edge[k], json!(v), "{k} in JSON");
            }
        }
        // Kinds of attribution and of source, roles and affiliations are there.
        for want in [
            "kind=\"denies\"",
            "kind=\"says\"",
            "kind=\"relays\"",
            "stance=\"denies\"",
            "kind=\"named_person\"",
            "affiliation=\"IL\"",
            "title=\"",
        ] {
            assert!(dot.contains(want), "{want} in {dot}");
        }
        assert!(dot.contains("role="), "{dot}");
    }

    #[test]
    fn xml_text_is_escaped_and_cleaned() {
        assert_eq!(xml("a<b>&\"c\u{1}\u{FFFF}"), "a&lt;b&gt;&amp;&quot;c");
    }
}
