//! Trains the claim-pair model and writes its weights, `src/lexicon/pairs.tsv`:
//!
//! ```sh
//! cargo run --release --example train_pairs -- ../shared/eval/ans/train.csv > src/lexicon/pairs.tsv
//! ```
//!
//! Training is deterministic (pairs in file order, no random draws): the same CSV gives the same
//! file, which a test checks.

use anyhow::Context;
use isnad::link::pair;
use isnad::Lexicon;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .context("usage: train_pairs TRAIN.csv > src/lexicon/pairs.tsv")?;
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
    let lex = Lexicon::embedded();
    let model = pair::train(&pair::read_csv(&lex, &text));
    print!("{}", model.to_tsv());
    // With a second CSV, how the new weights do on it (to standard error).
    if let Some(dev) = std::env::args().nth(2) {
        let text = std::fs::read_to_string(&dev).with_context(|| format!("reading {dev}"))?;
        let mut conf = [[0usize; 3]; 3];
        for x in pair::read_csv(&lex, &text) {
            let got = pair::compare_with(&model, &x.a, &x.b).stand;
            conf[x.stand as usize][got as usize] += 1;
        }
        let f1: Vec<f64> = (0..3)
            .map(|c| {
                let tp = conf[c][c] as f64;
                let pp: usize = (0..3).map(|g| conf[g][c]).sum();
                let gp: usize = conf[c].iter().sum();
                let (p, r) = (tp / pp.max(1) as f64, tp / gp.max(1) as f64);
                if p + r > 0.0 {
                    2.0 * p * r / (p + r)
                } else {
                    0.0
                }
            })
            .collect();
        eprintln!(
            "{dev}: macro-F1 {:.3} (support {:.3}, oppose {:.3}, unrelated {:.3}) {conf:?}",
            f1.iter().sum::<f64>() / 3.0,
            f1[0],
            f1[1],
            f1[2]
        );
    }
    Ok(())
}
