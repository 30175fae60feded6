//! Two statements compared: does the second support the first, oppose it, or is it about
//! something else? The linker asks this of two contents in an article, and `isnad relate` of
//! two sentences; both go through [`compare`].
//!
//! A statement is read into its stems (dispute words by their group, see [`super::words`]), the
//! polarity of its main clause ([`super::clause`]), whether it denies or refuses, and its
//! numbers. The pair becomes features (how much they share, weighted by archive rarity; which
//! side is negated or denies; opposite dispute words; the words only one side has, and pairs of
//! them across the sides) and a small multinomial logistic regression, trained by
//! `examples/train_pairs.rs` on the ANS stance corpus (`src/lexicon/pairs.tsv`), weighs them.

// Tables built from data files and probed with words of the text: no table is keyed by the input.
use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, OnceLock};

use super::clause::{self, Polarity};
use super::statements::StatementReader;
use super::words::Words;
use crate::cues::{self, Feat};
use crate::lexicon::Lexicon;
use crate::segment::Document;

/// The trained weights: `feature<TAB>support<TAB>oppose<TAB>unrelated`.
pub const WEIGHTS: &str = include_str!("../lexicon/pairs.tsv");

/// How the second statement stands toward the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stand {
    /// Repeats or confirms it.
    Support,
    /// Denies or contradicts it.
    Oppose,
    /// About something else.
    Unrelated,
}

impl Stand {
    const ALL: [Stand; 3] = [Stand::Support, Stand::Oppose, Stand::Unrelated];

    /// The name in `isnad relate` output.
    pub fn as_str(self) -> &'static str {
        match self {
            Stand::Support => "support",
            Stand::Oppose => "oppose",
            Stand::Unrelated => "unrelated",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One statement as the comparison sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Statement {
    /// Content stems, each once, in text order; a dispute word is its group (`=talks`). Shared
    /// with the other statements of a document that have the word.
    pub stems: Vec<Arc<str>>,
    /// For each stem, the word it was first read from.
    pub words: Vec<Arc<str>>,
    /// Dispute groups present.
    pub groups: Vec<u16>,
    /// A word that denies or calls false (نفى، مزاعم، غير صحيحة).
    pub deny: bool,
    /// Such a word opens it, among its first words (هذه الادعاءات تنافي الواقع), or its main
    /// clause calls something false: it is a denial, not a statement that mentions one (لاستكمال
    /// إجراءات هيئة الادعاء العام).
    pub deny_opens: bool,
    /// A word that refuses or rules out (رفض، استبعد).
    pub refuse: bool,
    /// The main clause's polarity.
    pub polarity: Polarity,
    /// Numbers, in Western digits.
    pub numbers: Vec<String>,
    /// The keys (as in `stems`) of the words the main clause negates.
    pub negated: Vec<Arc<str>>,
    /// Whether some clause of it, main or not, is negated (عدم المساس بهم، قائلا إنه لم يسع):
    /// such a statement is hedged, not a plain claim a denial could face.
    pub negates: bool,
}

impl Statement {
    /// Reads a sentence on its own.
    pub fn of_text(lex: &Lexicon, text: &str) -> Statement {
        let doc = Document::new(text);
        let c = cues::find(&doc, lex);
        Statement::read(&doc, lex, &c.feats, (0, doc.len()))
    }

    /// Reads tokens `s..e` of a document.
    pub fn read(doc: &Document, lex: &Lexicon, feats: &[Feat], span: (usize, usize)) -> Statement {
        // The polarity reads as many tokens as the statement does.
        let polarity = clause::polarity(doc, lex, feats, span);
        StatementReader::new(doc, lex, feats).read(span, polarity)
    }
}

/// A number in Western digits.
pub(crate) fn western_digits(w: &str) -> String {
    w.chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            _ => c,
        })
        .filter(char::is_ascii_digit)
        .collect()
}

/// The most words of one side paired with the other side's.
const CROSS: usize = 6;

/// The features of a pair, with their values.
pub fn features(a: &Statement, b: &Statement) -> Vec<(String, f32)> {
    let words = Words::get();
    let mut f: Vec<(String, f32)> = vec![("bias".into(), 1.0)];
    let weight = |s: &str| {
        if s.starts_with('=') {
            0.6
        } else {
            words.rarity(s)
        }
    };
    let total = |x: &Statement| x.stems.iter().map(|s| weight(s)).sum::<f32>().max(1e-3);
    let shared: Vec<&Arc<str>> = a.stems.iter().filter(|s| b.stems.contains(s)).collect();
    let common: f32 = shared.iter().map(|s| weight(s)).sum();
    let ov = common / total(a).min(total(b));
    let cover_a = common / total(a);
    let cover_b = common / total(b);
    f.push(("ov".into(), ov.min(1.0)));
    f.push(("cover_a".into(), cover_a.min(1.0)));
    f.push(("cover_b".into(), cover_b.min(1.0)));
    f.push((format!("ov={}", (ov.min(1.0) * 5.0) as u32), 1.0));
    f.push((format!("shared={}", shared.len().min(4)), 1.0));
    let flag = |f: &mut Vec<(String, f32)>, name: &str, x: bool, y: bool| {
        if x {
            f.push((format!("{name}:a"), 1.0));
        }
        if y {
            f.push((format!("{name}:b"), 1.0));
        }
        if x != y {
            f.push((format!("{name}:x"), 1.0));
        }
    };
    flag(&mut f, "neg", a.polarity.negative, b.polarity.negative);
    flag(&mut f, "deny", a.deny, b.deny);
    flag(&mut f, "refuse", a.refuse, b.refuse);
    let opposite = a.groups.iter().any(|&x| {
        b.groups
            .iter()
            .any(|&y| words.opposite(x, y) && !b.groups.contains(&x) && !a.groups.contains(&y))
    });
    if opposite {
        f.push(("opposite".into(), 1.0));
    }
    if !a.numbers.is_empty() && !b.numbers.is_empty() {
        let same = a.numbers.iter().any(|n| b.numbers.contains(n));
        let differ = a.numbers.iter().any(|n| !b.numbers.contains(n));
        f.push((format!("num:{}{}", u8::from(same), u8::from(differ)), 1.0));
    }
    let only_a: Vec<&Arc<str>> = a.stems.iter().filter(|s| !b.stems.contains(s)).collect();
    let only_b: Vec<&Arc<str>> = b.stems.iter().filter(|s| !a.stems.contains(s)).collect();
    f.push((format!("only_a={}", only_a.len().min(5)), 1.0));
    f.push((format!("only_b={}", only_b.len().min(5)), 1.0));
    for s in &only_a {
        f.push((format!("a:{s}"), 1.0));
    }
    for s in &only_b {
        f.push((format!("b:{s}"), 1.0));
    }
    for x in only_a.iter().take(CROSS) {
        for y in only_b.iter().take(CROSS) {
            f.push((format!("x:{x}|{y}"), 1.0));
        }
    }
    f
}

/// The weights of the three classes per feature.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    weights: HashMap<String, [f32; 3]>,
}

impl Model {
    /// The shipped model.
    pub fn embedded() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::parse(WEIGHTS))
    }

    /// Reads `feature<TAB>w<TAB>w<TAB>w` lines; `#` starts a comment.
    pub fn parse(text: &str) -> Model {
        let mut weights = HashMap::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let Some(name) = cols.next() else { continue };
            let w: Vec<f32> = cols.filter_map(|c| c.parse().ok()).collect();
            if let [s, o, u] = w[..] {
                weights.insert(name.to_string(), [s, o, u]);
            }
        }
        Model { weights }
    }

    /// The weights as the file stores them, features sorted.
    pub fn to_tsv(&self) -> String {
        let mut names: Vec<&String> = self.weights.keys().collect();
        names.sort();
        let mut out = String::from(
            "# pairs.tsv — weights of the claim-pair model, written by examples/train_pairs.rs; do not edit.\n\
             # Columns: feature<TAB>support<TAB>oppose<TAB>unrelated\n",
        );
        for n in names {
            let w = self.weights[n];
            out.push_str(&format!("{n}\t{:.4}\t{:.4}\t{:.4}\n", w[0], w[1], w[2]));
        }
        out
    }

    /// Class probabilities for a pair's features.
    pub fn probabilities(&self, feats: &[(String, f32)]) -> [f32; 3] {
        let mut z = [0f32; 3];
        for (name, v) in feats {
            if let Some(w) = self.weights.get(name) {
                for c in 0..3 {
                    z[c] += w[c] * v;
                }
            }
        }
        softmax(z)
    }
}

fn softmax(z: [f32; 3]) -> [f32; 3] {
    let m = z.iter().copied().fold(f32::MIN, f32::max);
    let e = z.map(|x| (x - m).exp());
    let s: f32 = e.iter().sum();
    e.map(|x| x / s)
}

/// What [`compare`] finds.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The most likely stand.
    pub stand: Stand,
    /// Its probability.
    pub score: f32,
    /// Per stand, its probability (support, oppose, unrelated).
    pub probabilities: [f32; 3],
    /// The words behind it: those the two share, then what denies or turns it.
    pub evidence: Vec<String>,
}

/// How `b` stands toward `a`, by the shipped model.
pub fn compare(a: &Statement, b: &Statement) -> Comparison {
    compare_with(Model::embedded(), a, b)
}

/// How `b` stands toward `a`, by `model`.
pub fn compare_with(model: &Model, a: &Statement, b: &Statement) -> Comparison {
    let p = model.probabilities(&features(a, b));
    let best = (0..3)
        .max_by(|&x, &y| p[x].total_cmp(&p[y]).then(y.cmp(&x)))
        .unwrap_or(2);
    let stand = Stand::ALL[best];
    let mut evidence: Vec<String> = b
        .stems
        .iter()
        .zip(&b.words)
        .filter(|(s, _)| a.stems.contains(s))
        .map(|(_, w)| w.to_string())
        .collect();
    if stand == Stand::Oppose {
        let words = Words::get();
        for (s, w) in b.stems.iter().zip(&b.words) {
            let turned = s.strip_prefix('=').is_some_and(|g| {
                let g = words.groups.iter().position(|x| x == g);
                g.is_some_and(|g| a.groups.iter().any(|&x| words.opposite(x, g as u16)))
            });
            if (turned || (!a.stems.contains(s) && (b.deny || b.refuse)))
                && !evidence.iter().any(|e| **e == **w)
            {
                evidence.push(w.to_string());
            }
        }
    }
    Comparison {
        stand,
        score: p[best],
        probabilities: p,
        evidence,
    }
}

/// A labelled pair for training.
#[derive(Debug, Clone)]
pub struct Example {
    /// The first statement.
    pub a: Statement,
    /// The second.
    pub b: Statement,
    /// How the second stands toward the first.
    pub stand: Stand,
}

/// Passes over the training pairs.
const EPOCHS: usize = 15;
/// The first step size; it shrinks with each pass.
const RATE: f32 = 0.2;
/// Features seen in fewer pairs are left out.
const MIN_COUNT: usize = 2;
/// Weights smaller than this are left out of the file.
const MIN_WEIGHT: f32 = 0.005;

/// Trains the model by stochastic gradient descent on the log loss, each class weighed by the
/// inverse of its frequency (so the rare "unrelated" counts), in the order given: the same pairs
/// give the same weights.
pub fn train(examples: &[Example]) -> Model {
    let feats: Vec<Vec<(String, f32)>> = examples.iter().map(|x| features(&x.a, &x.b)).collect();
    let mut count: HashMap<&str, usize> = HashMap::default();
    for f in &feats {
        for (n, _) in f {
            *count.entry(n.as_str()).or_default() += 1;
        }
    }
    let mut per_class = [0usize; 3];
    for x in examples {
        per_class[x.stand.index()] += 1;
    }
    let n = examples.len().max(1) as f32;
    let class_weight = per_class.map(|c| (n / (3.0 * c.max(1) as f32)).min(8.0));
    let mut model = Model::default();
    for epoch in 0..EPOCHS {
        let rate = RATE / (1.0 + epoch as f32 * 0.5);
        for (x, f) in examples.iter().zip(&feats) {
            let kept: Vec<(String, f32)> = f
                .iter()
                .filter(|(n, _)| count[n.as_str()] >= MIN_COUNT)
                .cloned()
                .collect();
            let p = model.probabilities(&kept);
            let gold = x.stand.index();
            let cw = class_weight[gold];
            for (name, v) in &kept {
                let w = model.weights.entry(name.clone()).or_insert([0.0; 3]);
                for c in 0..3 {
                    let target = if c == gold { 1.0 } else { 0.0 };
                    w[c] += rate * cw * (target - p[c]) * v;
                }
            }
        }
    }
    model
        .weights
        .retain(|_, w| w.iter().any(|x| x.abs() >= MIN_WEIGHT));
    // What the file keeps is what runs: round as it is written.
    Model::parse(&model.to_tsv())
}

/// Reads an ANS-style CSV (`s1,s2,stance` with agree, disagree, other) into examples.
pub fn read_csv(lex: &Lexicon, text: &str) -> Vec<Example> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.rsplitn(2, ',');
            let stance = match cols.next()?.trim() {
                "agree" => Stand::Support,
                "disagree" => Stand::Oppose,
                "other" => Stand::Unrelated,
                _ => return None,
            };
            let (s1, s2) = cols.next()?.split_once(',')?;
            Some(Example {
                a: Statement::of_text(lex, s1),
                b: Statement::of_text(lex, s2),
                stand: stance,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp(a: &str, b: &str) -> Comparison {
        let lex = Lexicon::embedded();
        compare(&Statement::of_text(&lex, a), &Statement::of_text(&lex, b))
    }

    #[test]
    fn a_repeated_report_supports() {
        let c = cmp(
            "الجيش يعلن مقتل خمسة مسلحين في هجوم على نقطة تفتيش قرب الحدود",
            "مقتل خمسة مسلحين في هجوم على نقطة تفتيش حدودية بحسب الجيش",
        );
        assert_eq!(c.stand, Stand::Support, "{c:?}");
    }

    #[test]
    fn a_denial_opposes() {
        let c = cmp(
            "الوزارة تجري محادثات سرية مع الحركة في العاصمة",
            "الوزارة تنفي إجراء أي مفاوضات مع الحركة",
        );
        assert_eq!(c.stand, Stand::Oppose, "{c:?}");
    }

    #[test]
    fn a_rise_against_a_fall_opposes() {
        let c = cmp(
            "أسعار القمح ترتفع في الأسواق المحلية",
            "تراجع أسعار القمح في الأسواق المحلية",
        );
        assert_eq!(c.stand, Stand::Oppose, "{c:?}");
    }

    #[test]
    fn another_story_is_unrelated() {
        let c = cmp(
            "افتتاح معرض الكتاب في العاصمة بمشاركة مئتي دار نشر",
            "منتخب الناشئين يفوز على نظيره في بطولة الشباب",
        );
        assert_eq!(c.stand, Stand::Unrelated, "{c:?}");
    }

    #[test]
    fn the_file_is_what_training_wrote() {
        let m = Model::embedded();
        assert_eq!(Model::parse(&m.to_tsv()), *m);
    }

    /// Retraining on the corpus the shipped weights came from gives them back, byte for byte.
    #[test]
    fn retraining_reproduces_the_shipped_weights() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/ans/train.csv");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!(
                "{} not found: the shipped weights are not checked",
                path.display()
            );
            return;
        };
        let lex = Lexicon::embedded();
        let model = train(&read_csv(&lex, &text));
        assert!(
            model.to_tsv() == WEIGHTS,
            "retrained weights differ from src/lexicon/pairs.tsv"
        );
    }
}
