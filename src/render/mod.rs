//! Stage 9: output for machines (JSON) and for people (text).

mod text;

pub use text::text;

use crate::model::Analysis;

/// The analysis as pretty-printed JSON (the `isnad/1` contract).
pub fn json(analysis: &Analysis) -> String {
    serde_json::to_string_pretty(analysis).expect("the model serializes")
}
