//! Any bytes through decoding, the analysis, every renderer, the HTML report, lint, the HTML
//! extractor and the archive report: nothing may panic, and every span must hold the input's
//! bytes.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;

/// Built once: loading the lexicon costs far more than one input.
static ANALYZER: OnceLock<isnad::Analyzer> = OnceLock::new();
/// The archive counts share one copy of the lexicon; copying it per input would dwarf the rest.
static LEXICON: OnceLock<Arc<isnad::Lexicon>> = OnceLock::new();

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
    let _ = isnad::render::text(&text, &a);
    let g = isnad::graph::build(&a);
    let _ = isnad::render::dot(&g);
    let _ = isnad::render::graphml(&g);
    let _ = isnad::report::html(&text, &a, "fuzz");
    let labels = isnad::report::labels::for_text(&text);
    let diags = isnad::lint::lint(&text, &a, labels, &Default::default());
    for d in &diags {
        assert_eq!(&text[d.span.start..d.span.end], d.span.text);
    }
    let shown = isnad::lint::render("fuzz", &text, &diags, isnad::lint::Style { colour: true });
    assert!(!shown.contains('\u{7}'), "no control character of the text reaches a terminal");
    let _ = isnad::lint::json("fuzz", &diags);
    let extracted = isnad::html::extract(&text);
    let _ = analyzer.analyze(&extracted);
    let lexicon = LEXICON.get_or_init(|| Arc::new(analyzer.lexicon().clone()));
    let mut corpus = isnad::corpus::Corpus::new(Arc::clone(lexicon));
    let meta = isnad::batch::Meta {
        id: text.chars().take(20).collect(),
        ..Default::default()
    };
    corpus.add(&meta, &a);
    let _ = isnad::report::corpus_html(&corpus.finish(), "fuzz");
});
