//! Claims, relations and chains on sentences written for them: one case per relation kind, the
//! polarity flips, pointers, and chains two and three deep.

use crate::model::{Analysis, Family, RelationKind};
use crate::Analyzer;

fn analyze(text: &str) -> Analysis {
    Analyzer::new().analyze(text)
}

/// The relation from the attribution whose cue is `from` to the one whose cue is `to`.
fn relation(a: &Analysis, from: &str, to: &str) -> Option<RelationKind> {
    let id = |cue: &str| {
        a.attributions
            .iter()
            .find(|x| x.cue.text == cue)
            .map(|x| x.id.clone())
            .unwrap_or_else(|| panic!("no cue {cue}: {:?}", a.attributions))
    };
    let (f, t) = (id(from), id(to));
    a.relations
        .iter()
        .find(|r| r.from == f && r.to == t)
        .map(|r| r.kind)
}

const CLAIM: &str = "أجرى الوفدان محادثات سرية في جنيف الأسبوع الماضي، وفقا لمصدر دبلوماسي مطلع.";

#[test]
fn a_repeated_claim_corroborates() {
    let a = analyze(&format!(
        "{CLAIM} وقال مسؤول في الخارجية إن المحادثات السرية في جنيف جرت بحضور وسطاء."
    ));
    assert_eq!(
        relation(&a, "وقال", "وفقا"),
        Some(RelationKind::Corroborates)
    );
}

#[test]
fn a_confirming_verb_confirms() {
    let a = analyze(&format!(
        "{CLAIM} وأكد وزير الخارجية أن المحادثات السرية جرت في جنيف."
    ));
    assert_eq!(relation(&a, "وأكد", "وفقا"), Some(RelationKind::Confirms));
}

#[test]
fn a_denial_denies_even_with_a_positive_content() {
    let a = analyze(&format!(
        "{CLAIM} ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف."
    ));
    assert_eq!(relation(&a, "ونفت", "وفقا"), Some(RelationKind::Denies));
}

#[test]
fn a_negated_content_contradicts() {
    let a = analyze(&format!(
        "{CLAIM} وقال الجيش إنه لم تكن هناك محادثات سرية في جنيف."
    ));
    assert_eq!(
        relation(&a, "وقال", "وفقا"),
        Some(RelationKind::Contradicts)
    );
}

#[test]
fn two_negations_agree() {
    let a = analyze(
        "لم تجر أي محادثات سرية في جنيف، وفقا لمصدر دبلوماسي مطلع. \
         وقال الجيش إنه لم تكن هناك محادثات سرية في جنيف.",
    );
    assert_eq!(
        relation(&a, "وقال", "وفقا"),
        Some(RelationKind::Corroborates)
    );
}

#[test]
fn a_denial_formula_in_the_content_opposes() {
    let a = analyze(&format!(
        "{CLAIM} وقال المتحدث باسم الحكومة: «لا صحة لما أشيع عن محادثات سرية في جنيف»."
    ));
    assert_eq!(
        relation(&a, "وقال", "وفقا").map(RelationKind::family),
        Some(Family::Oppose)
    );
}

#[test]
fn refusals_are_noncommittal() {
    let a = analyze(&format!(
        "{CLAIM} ورفض المتحدث باسم الحكومة التعليق على المحادثات السرية في جنيف. \
         ولم تؤكد وزارة الخارجية أو تنف إجراء المحادثات السرية في جنيف."
    ));
    assert_eq!(
        relation(&a, "ورفض", "وفقا"),
        Some(RelationKind::DeclinesToComment)
    );
    assert_eq!(
        relation(&a, "تؤكد", "وفقا"),
        Some(RelationKind::NeitherConfirmsNorDenies)
    );
}

#[test]
fn a_pointer_faces_the_statement_before_it() {
    let a = analyze(&format!("{CLAIM} لكن وزارة الدفاع نفت ذلك."));
    let r = a
        .relations
        .iter()
        .find(|r| r.kind == RelationKind::Denies)
        .expect("a denial");
    assert_eq!(r.evidence, ["ذلك"]);
}

#[test]
fn unrelated_statements_are_not_linked() {
    let a = analyze(&format!(
        "{CLAIM} وقال وزير الزراعة إن موسم القمح سيبدأ مبكرا هذا العام."
    ));
    assert!(a.relations.is_empty(), "{:?}", a.relations);
    assert_eq!(a.claims.len(), 2);
}

#[test]
fn one_source_is_not_related_to_itself() {
    let a = analyze(
        "قال وزير الخارجية إن المحادثات السرية جرت في جنيف. \
         وأضاف الوزير أن المحادثات السرية في جنيف ستستأنف.",
    );
    assert!(a.relations.is_empty(), "{:?}", a.relations);
}

#[test]
fn a_chain_two_deep() {
    // The prime minister, via an unnamed official.
    let a = analyze("قال مسؤول إسرائيلي إن رئيس الوزراء أكد أن الزيارة تأجلت.");
    let inner = a
        .attributions
        .iter()
        .find(|x| x.cue.text == "أكد")
        .expect("nested cue");
    let names: Vec<&str> = inner
        .chain
        .iter()
        .map(|id| {
            a.sources
                .iter()
                .find(|s| &s.id == id)
                .expect("listed")
                .name
                .as_str()
        })
        .collect();
    assert_eq!(names, ["رئيس الوزراء", "مسؤول إسرائيلي"]);
}

#[test]
fn chains_two_and_three_deep() {
    let a = analyze(
        "(وكالة المشرق للأنباء) - ونقلت الوكالة عن مسؤول في الوزارة قوله إن الوزير أكد أن الشحنة وصلت.",
    );
    let relay = a
        .attributions
        .iter()
        .find(|x| x.cue.text == "ونقلت")
        .expect("relay");
    let official = a
        .sources
        .iter()
        .find(|s| s.name.starts_with("مسؤول"))
        .expect("the official");
    assert_eq!(relay.chain.first(), Some(&official.id), "{:?}", relay.chain);
    assert!(relay.chain.len() >= 2, "{:?}", relay.chain);
    let nested = a
        .attributions
        .iter()
        .find(|x| x.cue.text == "أكد")
        .expect("nested");
    assert_eq!(nested.parent.as_deref(), Some(relay.id.as_str()));
    // The minister, via the official, via the agency.
    assert!(
        nested.chain.len() >= 3,
        "{:?} {:?}",
        nested.chain,
        a.sources
    );
    assert_eq!(&nested.chain[1..3], &relay.chain[..2]);
}

#[test]
fn sourcing_counts_sides() {
    let a = analyze(&format!(
        "{CLAIM} ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف. \
         ورفض المتحدث باسم الحكومة التعليق على المحادثات السرية في جنيف."
    ));
    let c = &a.claims[0];
    assert_eq!(c.attributions.len(), 3, "{:?}", a.claims);
    assert_eq!(c.sourcing.sources, 3);
    assert_eq!(c.sourcing.anonymous, 2);
    assert_eq!(c.sourcing.oppose, 1);
    assert_eq!(c.sourcing.noncommittal, 1);
}

#[test]
fn a_refusal_inside_a_statement_is_noncommittal() {
    let a = analyze(&format!(
        "{CLAIM} وقالت المتحدثة باسم الخارجية إن الوزارة تتابع الاتصالات ولن تعلق على المحادثات السرية."
    ));
    assert_eq!(
        relation(&a, "وقالت", "وفقا").map(RelationKind::family),
        Some(Family::Noncommittal),
        "{:?}",
        a.relations
    );
}

#[test]
fn a_refusal_on_another_topic_is_not_linked() {
    let a = analyze(&format!(
        "{CLAIM} ورفض وزير الزراعة التعليق على أسعار القمح هذا الموسم."
    ));
    assert!(a.relations.is_empty(), "{:?}", a.relations);
}
