//! Pathological inputs at two sizes, ten times apart: time must grow linearly with the size
//! (`cargo bench --bench pathological`; compare each input's two rows). Each input is valid
//! text that scrapers, CMS exports and chat apps do produce.

use divan::counter::BytesCount;
use divan::Bencher;
use isnad::Analyzer;

fn main() {
    divan::main();
}

/// Sizes in bytes: small and ten times larger.
const SIZES: &[usize] = &[100_000, 1_000_000];

/// Repeats `unit` up to `bytes`.
fn fill(unit: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + unit.len());
    while out.len() < bytes {
        out.push_str(unit);
    }
    out
}

fn bench(bencher: Bencher, text: String) {
    let analyzer = Analyzer::new();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| isnad::render::json(&analyzer.analyze(divan::black_box(&text))));
}

/// One line with no punctuation at all, attribution verbs in it.
#[divan::bench(args = SIZES)]
fn one_line_no_punctuation(bencher: Bencher, bytes: usize) {
    bench(
        bencher,
        fill("وقال المسؤول إن الوفد وصل وأضاف أن المحادثات بدأت ", bytes),
    );
}

/// Quotation marks that never close.
#[divan::bench(args = SIZES)]
fn unbalanced_quotes(bencher: Bencher, bytes: usize) {
    bench(bencher, fill("قال الوزير «إن \"الوفد ", bytes));
}

/// Quotes inside quotes, ever deeper.
#[divan::bench(args = SIZES)]
fn nested_quotes(bencher: Bencher, bytes: usize) {
    let depth = bytes / 40;
    let mut text = String::new();
    for _ in 0..depth {
        text.push_str("قال «");
    }
    text.push_str("نعم");
    for _ in 0..depth {
        text.push('»');
    }
    bench(bencher, text);
}

/// Arabic, Latin and Hebrew mixed, with bidi controls and zero-width characters.
#[divan::bench(args = SIZES)]
fn mixed_scripts_and_controls(bencher: Bencher, bytes: usize) {
    bench(
        bencher,
        fill(
            "\u{202B}قال\u{202C} John Smith \u{200F}إن\u{200E} שלום \u{200D}الوفد\u{200C} وصل. \u{2067}أكد\u{2069} المسؤول ",
            bytes,
        ),
    );
}

/// Presentation forms, Persian and Urdu letters, CRLF and lone CR, a BOM at the start.
#[divan::bench(args = SIZES)]
fn presentation_forms_and_line_ends(bencher: Bencher, bytes: usize) {
    let mut text = String::from("\u{FEFF}");
    text.push_str(&fill(
        "ﻗﺎﻝ ﺍﻟﻮﺯﻳﺮ ﺇﻥ ﺍﻟﻮﻓﺪ ﻭﺻﻞ.\r\nگفت وزیر که هیئت رسید.\rکہا وزیر نے کہ وفد پہنچا۔\n",
        bytes,
    ));
    bench(bencher, text);
}

/// Cue words and nothing else.
#[divan::bench(args = SIZES)]
fn only_cues(bencher: Bencher, bytes: usize) {
    bench(bencher, fill("قال أضاف أكد نفى وفقا ل بحسب نقلا عن ", bytes));
}

/// An HTML page nested ever deeper, through `--input html`'s extractor.
#[divan::bench(args = SIZES)]
fn deeply_nested_html(bencher: Bencher, bytes: usize) {
    let depth = bytes / 60;
    let mut page = String::from("<html><body>");
    for _ in 0..depth {
        page.push_str("<div><p>قال الوزير إن الوفد وصل</p>");
    }
    for _ in 0..depth {
        page.push_str("</div>");
    }
    page.push_str("</body></html>");
    bencher
        .counter(BytesCount::new(page.len()))
        .bench(|| isnad::html::extract(divan::black_box(&page)));
}

/// Short lines, each with an attribution, through `report` (compare with `analyze` above: the
/// page must cost a small multiple of the analysis, not a scan of every mark per line).
#[divan::bench(args = SIZES)]
fn report_many_short_lines(bencher: Bencher, bytes: usize) {
    let text = fill("قال الوزير إن الوفد وصل.\n", bytes);
    let a = Analyzer::new().analyze(&text);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| isnad::report::html(divan::black_box(&text), &a, "x"));
}

/// One long line of findings through `lint`'s text output: columns are counted on from the
/// previous finding, not from the line's start each time.
#[divan::bench(args = SIZES)]
fn lint_one_long_line(bencher: Bencher, bytes: usize) {
    let text = fill("وقالت مصادر إن الوفد وصل، ", bytes);
    let a = Analyzer::new().analyze(&text);
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let diags = isnad::lint::lint(
            divan::black_box(&text),
            &a,
            &isnad::report::labels::EN,
            &Default::default(),
        );
        isnad::lint::render("x", &text, &diags, Default::default())
    });
}

/// One tag with ever more attributes, through the HTML extractor.
#[divan::bench(args = SIZES)]
fn html_tag_of_many_attributes(bencher: Bencher, bytes: usize) {
    let mut page = String::from("<p");
    let mut k = 0;
    while page.len() < bytes {
        page.push_str(&format!(" a{k}=x"));
        k += 1;
    }
    page.push_str(">قال الوزير إن الوفد وصل</p>");
    bencher
        .counter(BytesCount::new(page.len()))
        .bench(|| isnad::html::extract(divan::black_box(&page)));
}
