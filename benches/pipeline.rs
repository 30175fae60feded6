//! The whole pipeline on Arabic news text, in bytes per second: `cargo bench`. The text is the
//! repository's own example article, repeated to the sizes measured, so the figure is
//! reproducible without the archive.

use divan::counter::BytesCount;
use divan::Bencher;
use isnad::Analyzer;

fn main() {
    divan::main();
}

fn article(bytes: usize) -> String {
    let one = include_str!("../examples/talks.txt");
    let mut out = String::with_capacity(bytes + one.len());
    while out.len() < bytes {
        out.push_str(one);
        out.push('\n');
    }
    out
}

/// `analyze` and JSON rendering, as `isnad analyze --format json` does; the 10 MiB case shows
/// whether the cost per byte stays flat as one document grows.
#[divan::bench(args = [64 * 1024, 1024 * 1024, 10 * 1024 * 1024], sample_count = 10)]
fn analyze_json(bencher: Bencher, bytes: usize) {
    let text = article(bytes);
    let analyzer = Analyzer::new();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| isnad::render::json(&analyzer.analyze(divan::black_box(&text))));
}

/// The analysis alone.
#[divan::bench(args = [1024 * 1024])]
fn analyze(bencher: Bencher, bytes: usize) {
    let text = article(bytes);
    let analyzer = Analyzer::new();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| analyzer.analyze(divan::black_box(&text)));
}
