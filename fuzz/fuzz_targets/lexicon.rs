//! Any bytes as a lexicon file of any name, loaded over nothing or over the embedded lexicon:
//! the loader must refuse a bad line with an error, never panic, and a lexicon it accepts must
//! analyze text without panicking.
#![no_main]

use std::sync::OnceLock;

use isnad::lexicon::EMBEDDED;
use isnad::Lexicon;
use libfuzzer_sys::fuzz_target;

static EMBEDDED_LEXICON: OnceLock<Lexicon> = OnceLock::new();

const TEXT: &str = "قال وزير الخارجية سامي العلي إن المحادثات جرت في جنيف، وفقا لمصدر مطلع. \
                    ونفت الوزارة ذلك، ولم ترد السفارة على طلب للتعليق.";

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let (name, _) = EMBEDDED[usize::from(first) % EMBEDDED.len()];
    let mut lex = if first & 0x80 != 0 {
        EMBEDDED_LEXICON.get_or_init(Lexicon::embedded).clone()
    } else {
        Lexicon::default()
    };
    if lex.load(&format!("fuzz/{name}"), text).is_err() {
        return;
    }
    let analyzer = isnad::Analyzer::with_lexicon(lex);
    let a = analyzer.analyze(TEXT);
    for x in &a.attributions {
        assert_eq!(&TEXT[x.cue.start..x.cue.end], x.cue.text);
    }
    let _ = analyzer.analyze(text);
});
