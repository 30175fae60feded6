//! Denials linked by what they answer, beyond the one statement each attribution joins:
//!
//! - a denial opposes the accusation its content names right after its cue (نفت الاتهامات
//!   الموجهة لها بقتل مدنيين: the nested «الاتهامات» is what is denied);
//! - a denial answers every statement by another source that states what it denies and names
//!   the one denying (or is among the accusations it names, [`super::concern::concerns`]): they share
//!   at least two terms, rare across the archive ([`super::words::Words::rarity`]), wherever the
//!   statement stands (a denial in the headline answers a claim made further down); a statement
//!   that denies, refuses or is negated itself stands with the denial and is not answered;
//! - a short negated statement (هذه الاتصالات ليست جديدة ولا سرية) answers the claim that holds
//!   the word it negates (محادثات سرية).

use super::pair::Statement;
use super::statements::Statements;
use super::terms::Terms;
use super::words::Words;
use super::Link;
use crate::lexicon::{Lexicon, Marker};
use crate::model::{RelationKind, Stance};
use crate::parse::Draft;
use crate::segment::Document;

/// The archive rarity two contents must share for a denial to answer a statement.
const MIN_SHARED: f32 = 0.8;
/// ... and the share of the smaller content's rarity that is.
const MIN_SHARE: f32 = 0.3;
/// ... when the answer is a negated statement rather than a denial.
const NEGATED_SHARE: f32 = 0.6;
/// ... and the most words such a negated statement has.
const NEGATED_WORDS: usize = 6;
/// The most statements one denial answers.
const MOST: usize = 4;
/// How many sentences apart a denial and the statement it answers may stand.
const REACH: u32 = 40;

/// Whether an attribution denies: its cue does, or its content opens by denying.
pub fn denies(d: &Draft, t: &Terms) -> bool {
    d.stance == Stance::Denies || t.denial
}

/// What `a` and `b` share by archive rarity, and what each weighs: dispute words by their group
/// (بقتل، مقتل).
pub(super) fn shared(a: &Statement, b: &Statement) -> (f32, f32, f32) {
    let words = Words::get();
    let w = |s: &str| {
        if s.starts_with('=') {
            0.6
        } else {
            words.rarity(s)
        }
    };
    let total = |t: &Statement| t.stems.iter().map(|s| w(s)).sum::<f32>();
    let both: Vec<&std::sync::Arc<str>> = a.stems.iter().filter(|s| b.stems.contains(s)).collect();
    // One word in common is a topic, not a proposition.
    let common: f32 = if both.len() < 2 {
        0.0
    } else {
        both.iter().map(|s| w(s)).sum()
    };
    (common, total(a), total(b))
}

/// The links the rules above add.
#[allow(clippy::too_many_arguments)]
pub fn answers(
    doc: &Document,
    lex: &Lexicon,
    drafts: &[Draft],
    terms: &[Terms],
    statements: &Statements,
    parents: &[Option<usize>],
    other_source: &dyn Fn(usize, usize) -> bool,
    nested: &dyn Fn(usize, usize) -> bool,
    states: &dyn Fn(usize) -> bool,
    concerns: &dyn Fn(usize, usize) -> bool,
) -> Vec<Link> {
    let mut out = Vec::new();
    let statement = |i: usize| statements.get(i);
    let sentence = |i: usize| doc.tokens[drafts[i].cue.0].sentence;
    for j in 0..drafts.len() {
        // A statement whose main clause is negated (هذه الاتصالات ليست سرية) answers what states
        // the opposite, as a denial does.
        let negated = !denies(&drafts[j], &terms[j])
            && terms[j].negative
            && !terms[j].pointer
            && matches!(drafts[j].stance, Stance::Asserts | Stance::Confirms);
        if !denies(&drafts[j], &terms[j]) && !negated {
            continue;
        }
        // نفت الاتهامات الموجهة لها: the accusation held in the denial's content.
        for k in j + 1..drafts.len().min(j + 8) {
            // Its object: right after the denial (نفت الاتهامات), not an accusation of its own
            // later in its content (نفيا أي تورط وتتهمان …).
            let object = drafts[j]
                .content
                .is_some_and(|(s, _)| drafts[k].cue.0 <= s + 1);
            if negated || parents[k] != Some(j) || !object {
                continue;
            }
            let (s, e) = drafts[k].cue;
            let cue = crate::normalize::fold(doc.folded(s, e));
            let claim_noun = crate::clitics::without_conjunction(&cue)
                .any(|(_, r)| lex.marks(r, Marker::ClaimNoun));
            if drafts[k].stance == Stance::Alleges || claim_noun {
                out.push(Link {
                    from: j,
                    to: k,
                    kind: RelationKind::Denies,
                    score: 0.9,
                    evidence: (s..e).collect(),
                });
            }
        }
        // Every statement that states what it denies.
        let sj = statement(j);
        // Drafts are in text order: only those within reach are looked at, which keeps a long
        // document linear.
        let here = sentence(j);
        let first = drafts.partition_point(|d| doc.tokens[d.cue.0].sentence + REACH < here);
        let last = drafts.partition_point(|d| doc.tokens[d.cue.0].sentence <= here + REACH);
        let mut found: Vec<(f32, usize, Vec<usize>)> = (first..last)
            .filter(|&i| i != j && other_source(i, j) && !nested(i, j) && states(i))
            .filter(|&i| super::concern::faces_later(here, sentence(i)))
            // What denies or is negated itself stands with a denial, not against it.
            .filter(|&i| !terms[i].negative && !statement(i).negates)
            .filter_map(|i| {
                let si = statement(i);
                if si.deny || si.refuse {
                    return None;
                }
                // A denial answers a statement about its speaker (or the accusations it names),
                // not every statement with its words (نفت الحكومة أن تكون الجماعة التي شنت الهجوم
                // … does not answer a report of what the group did).
                if !negated && !concerns(i, j) {
                    return None;
                }
                if negated && !sj.negated.iter().any(|w| si.stems.contains(w)) {
                    return None;
                }
                let (common, ti, tj) = shared(si, sj);
                let share = common / ti.min(tj).max(1e-3);
                // A negated statement answers only when it is mostly about the claim.
                // (of its own words: هذه الاتصالات ليست جديدة ولا سرية), and is short.
                let ok = if negated {
                    common / tj.max(1e-3) >= NEGATED_SHARE && sj.stems.len() <= NEGATED_WORDS
                } else {
                    share >= MIN_SHARE
                };
                (common >= MIN_SHARED && ok).then(|| {
                    let evidence = terms[j]
                        .shared_with(&terms[i])
                        .iter()
                        .map(|&k| terms[j].tokens[k])
                        .collect();
                    (common, i, evidence)
                })
            })
            .collect();
        found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (score, i, evidence) in found.into_iter().take(MOST) {
            let (from, to) = (i.max(j), i.min(j));
            out.push(Link {
                from,
                to,
                kind: if drafts[j].stance == Stance::Denies || terms[j].denial {
                    RelationKind::Denies
                } else {
                    RelationKind::Contradicts
                },
                score: (score / 3.0).min(1.0),
                evidence,
            });
        }
    }
    out
}
