//! Any bytes as a JSON Lines stream, under a small `--max-bytes`: the reader must not panic,
//! must give every non-blank line its item (a document or a failure naming its line), and
//! each document must analyze with spans that hold its text.
#![no_main]

use std::sync::OnceLock;

use isnad::batch::{self, Options, Reader};
use libfuzzer_sys::fuzz_target;

static ANALYZER: OnceLock<isnad::Analyzer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    // The limit comes from the input so that lines on both sides of it are tried.
    let limit = 16 + usize::from(first) * 4;
    let analyzer = ANALYZER.get_or_init(isnad::Analyzer::new);
    // A tiny buffer makes lines cross buffer boundaries.
    let stream = std::io::BufReader::with_capacity(7, std::io::Cursor::new(rest.to_vec()));
    let reader = Reader::json_lines("fuzz.jsonl", stream).limit(limit);
    let opts = Options {
        lossy: first & 1 == 1,
        max_bytes: limit,
    };
    let mut items = 0;
    for item in reader {
        items += 1;
        if let Ok(d) = batch::analyze(analyzer, item, opts) {
            assert!(d.text.len() <= limit);
            for a in &d.analysis.attributions {
                assert_eq!(&d.text[a.cue.start..a.cue.end], a.cue.text);
            }
        }
    }
    let lines = rest
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(i, raw)| {
            let l = if *i == 0 {
                raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw)
            } else {
                raw
            };
            raw.len() > limit || !l.iter().all(u8::is_ascii_whitespace)
        })
        .count();
    assert_eq!(items, lines, "one item per non-blank line");
});
