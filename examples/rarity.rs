//! Builds `src/lexicon/rarity.tsv`, the archive document frequencies of the commonest stems that
//! the link stage weighs words by:
//!
//! ```sh
//! zcat ../shared/corpus/saudinewsnet-2015.jsonl.gz ../shared/corpus/jawharafm.jsonl.gz \
//!     | cargo run --release --example rarity > src/lexicon/rarity.tsv
//! ```
//!
//! Reads JSON Lines of `{"title", "text", …}` on standard input; writes `#docs<TAB>N`, then
//! `stem<TAB>documents` for the most frequent stems, most frequent first (ties by stem).

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, Write};

use rust_stemmers::{Algorithm, Stemmer};

/// How many stems are kept: rarer ones all weigh the most.
const KEPT: usize = 12_000;

fn main() -> anyhow::Result<()> {
    let stemmer = Stemmer::create(Algorithm::Arabic);
    let mut stem_of: HashMap<String, String> = HashMap::new();
    let mut df: HashMap<String, u32> = HashMap::new();
    let mut docs = 0u32;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let text = ["title", "text"]
            .iter()
            .filter_map(|k| v.get(*k).and_then(|t| t.as_str()))
            .collect::<Vec<_>>()
            .join(" ");
        docs += 1;
        let mut seen: HashSet<String> = HashSet::new();
        for w in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 2)
        {
            let s = stem_of
                .entry(w.to_string())
                .or_insert_with(|| isnad::link::words::stem(&stemmer, w));
            if seen.insert(s.clone()) {
                *df.entry(s.clone()).or_default() += 1;
            }
        }
    }
    let mut top: Vec<(String, u32)> = df.into_iter().filter(|(_, n)| *n >= 2).collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(KEPT);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "#docs\t{docs}")?;
    for (s, n) in top {
        writeln!(out, "{s}\t{n}")?;
    }
    Ok(())
}
