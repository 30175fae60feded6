//! Stage 10: output for machines (JSON, DOT, GraphML, node-link JSON) and for people (text).

pub mod csv;
mod graph;
pub mod position;
mod text;

pub use graph::{dot, graphml, node_link};
pub use text::text;

use crate::model::Analysis;

/// The analysis as pretty-printed JSON (the `isnad/1` contract).
pub fn json(analysis: &Analysis) -> String {
    serde_json::to_string_pretty(analysis).expect("the model serializes")
}
