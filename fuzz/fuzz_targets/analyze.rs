//! Any bytes through decoding, the analysis, every renderer and the HTML report: nothing may
//! panic, and every span must hold the input's bytes.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// Built once: loading the lexicon costs far more than one input.
static ANALYZER: OnceLock<isnad::Analyzer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let text = isnad::decode::decode_lossy(data);
    let analyzer = ANALYZER.get_or_init(isnad::Analyzer::new);
    let a = analyzer.analyze(&text);
    for x in &a.attributions {
        assert_eq!(&text[x.cue.start..x.cue.end], x.cue.text);
        if let Some(c) = &x.content {
            assert_eq!(&text[c.start..c.end], c.text);
        }
    }
    let _ = isnad::render::json(&a);
    let _ = isnad::render::text(&a);
    let g = isnad::graph::build(&a);
    let _ = isnad::render::dot(&g);
    let _ = isnad::render::graphml(&g);
    let _ = isnad::report::html(&text, &a, "fuzz");
    let _ = isnad::html::extract(&text);
});
