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

/// The relation between the attributions with cues `x` and `y`, either way.
fn between(a: &Analysis, x: &str, y: &str) -> Option<RelationKind> {
    relation(a, x, y).or_else(|| relation(a, y, x))
}

#[test]
fn a_denial_answers_every_statement_that_states_what_it_denies() {
    let a = analyze(
        "قالت مصادر محلية إن قوات حرس الحدود أطلقت النار على قارب للصيادين قرب الجزيرة. \
         وأفاد شاهد عيان بأن حرس الحدود أطلقوا النار على قارب الصيادين. \
         ونفت قيادة حرس الحدود إطلاق النار على أي قارب للصيادين.",
    );
    assert_eq!(between(&a, "ونفت", "قالت"), Some(RelationKind::Denies));
    assert_eq!(between(&a, "ونفت", "وأفاد"), Some(RelationKind::Denies));
}

#[test]
fn a_denial_does_not_answer_a_statement_sharing_a_place_only() {
    let a = analyze(
        "قال رئيس البلدية إن مهرجان الزهور في الجزيرة يبدأ الأسبوع المقبل. \
         ونفت قيادة حرس الحدود إطلاق النار على أي قارب للصيادين قرب الجزيرة.",
    );
    assert_eq!(between(&a, "ونفت", "قال"), None);
}

#[test]
fn a_statement_that_denies_too_stands_with_the_denial() {
    let a = analyze(
        "قالت مصادر محلية إن الشركة سرحت مئتي عامل من مصنعها. \
         ونفت الشركة تسريح أي عامل من مصنعها. \
         وقال ممثل النقابة إن أنباء تسريح العمال من المصنع مزاعم لا أساس لها.",
    );
    assert_eq!(between(&a, "ونفت", "قالت"), Some(RelationKind::Denies));
    assert_ne!(between(&a, "ونفت", "وقال"), Some(RelationKind::Denies));
}

#[test]
fn a_negated_statement_answers_the_claim_holding_the_word_it_negates() {
    let a = analyze(
        "قال مصدر مطلع إن الوزارة أجرت مفاوضات سرية مع النقابة. \
         وقال الوزير إن هذه المحادثات ليست جديدة ولا سرية.",
    );
    assert_eq!(
        between(&a, "وقال", "قال").map(|k| k.family()),
        Some(Family::Oppose)
    );
    // What it negates (جديدة) is no part of this claim.
    let b = analyze(
        "قال مصدر مطلع إن الوزارة أجرت مفاوضات مع النقابة حول الأجور. \
         وقال الوزير إن الخلاف مع النقابة ليس جديدا.",
    );
    assert_ne!(
        between(&b, "وقال", "قال").map(|k| k.family()),
        Some(Family::Oppose)
    );
}

#[test]
fn ghayr_before_an_adjective_does_not_oppose() {
    let a = analyze(
        "قال مصدر أمني إن انفجارين وقعا في السوق المركزي صباح اليوم. \
         وقال المتحدث باسم الشرطة إن الانفجارين غير مترابطين.",
    );
    assert_ne!(
        between(&a, "وقال", "قال").map(|k| k.family()),
        Some(Family::Oppose)
    );
}

#[test]
fn a_contradiction_from_polarity_alone_is_not_drawn() {
    let a = analyze(
        "قال الباحث إن السجون تلعب دور مراكز التجنيد للمتطرفين. \
         وقال أستاذ علم الاجتماع إن السجون لا تلعب دور مدارس الإصلاح بل دور مراكز التجنيد.",
    );
    assert_ne!(between(&a, "وقال", "قال"), Some(RelationKind::Contradicts));
}

#[test]
fn the_headline_and_the_lead_of_one_source_are_one_voice() {
    let a = analyze(
        "مصدر أمني: إغلاق المعبر الحدودي ثلاثة أيام\n\n\
         أغلقت السلطات المعبر الحدودي ثلاثة أيام للصيانة، وفقا لمصدر أمني مطلع.\n\n\
         وقال مسؤول في الجمارك إن المعبر الحدودي سيغلق ثلاثة أيام للصيانة.",
    );
    assert_eq!(between(&a, ":", "وفقا"), None, "{:?}", a.relations);
    // Another source repeating it still corroborates.
    let support = |x| between(&a, "وقال", x).map(|k| k.family()) == Some(Family::Support);
    assert!(support("وفقا") || support(":"), "{:?}", a.relations);
}

#[test]
fn the_verdict_names_who_denies() {
    let a = analyze(
        "قالت مصادر محلية إن قوات حرس الحدود أطلقت النار على قارب للصيادين قرب الجزيرة. \
         ونفت قيادة حرس الحدود إطلاق النار على أي قارب للصيادين.",
    );
    let c = a
        .claims
        .iter()
        .find(|c| c.attributions.len() > 1)
        .expect("a claim with an answer");
    assert!(
        c.verdict.contains("denied by قيادة حرس الحدود"),
        "{}",
        c.verdict
    );
    assert!(c.title.contains("أطلقت النار"), "{}", c.title);
    // Every attribution in a relation carries its claim.
    for r in &a.relations {
        for id in [&r.from, &r.to] {
            assert!(a.attribution(id).unwrap().claim.is_some(), "{id}");
        }
    }
}

#[test]
fn a_lone_anonymous_claim_rests_on_one_anonymous_source() {
    let a = analyze("قال مصدر مطلع إن الوزير سيستقيل الأسبوع المقبل.");
    assert_eq!(a.claims[0].verdict, "rests on one anonymous source");
}

#[test]
fn a_denial_by_the_accused_answers_the_accusation_not_a_statement_beside_it() {
    let a = analyze(
        "اتهمت منظمة حقوقية شركة النسيم للنقل بتشغيل عمال دون أجور. \
         وقال مسؤول في الميناء إن الحركة التجارية في الميناء طبيعية. \
         ونفت شركة النسيم للنقل هذه الاتهامات.",
    );
    assert_eq!(relation(&a, "ونفت", "اتهمت"), Some(RelationKind::Denies));
    assert_eq!(relation(&a, "ونفت", "وقال"), None);
}

#[test]
fn a_denial_of_what_a_paper_published_answers_the_paper() {
    let a = analyze(
        "ذكرت صحيفة الفجر أن الوزير التقى وفدا من المعارضة سرا في العاصمة. \
         وقال محلل سياسي إن الانتخابات المقبلة ستكون صعبة على الجميع. \
         ونفى مكتب الوزير ما نشرته الصحيفة.",
    );
    assert_eq!(relation(&a, "ونفى", "ذكرت"), Some(RelationKind::Denies));
    assert_eq!(relation(&a, "ونفى", "وقال"), None);
}

#[test]
fn a_speaker_who_claims_innocence_answers_the_claim_about_it() {
    let a = analyze(
        "قالت النيابة العامة إن التاجر سليم العبدلي هرّب أموالا عامة إلى الخارج. \
         وقال سليم العبدلي إنه واثق من براءته.",
    );
    let f = |x: Option<RelationKind>| x.map(RelationKind::family);
    assert_eq!(f(relation(&a, "وقال", "قالت")), Some(Family::Oppose));
}

#[test]
fn a_refusal_to_name_a_source_answers_no_claim() {
    let a = analyze(
        "قال مصدر أمني إن الشرطة اعتقلت ثلاثة مشتبه بهم في الهجوم على السوق. \
         ورفض المصدر الكشف عن هويته.",
    );
    assert!(a.relations.is_empty(), "{:?}", a.relations);
}

#[test]
fn a_statement_opening_with_its_speakers_denial_denies_too() {
    let a = analyze(
        "قالت المعارضة إن الحكومة باعت جزيرة المرجان لشركة أجنبية. \
         وقال مكتب الرئيس في بيان: «تنفي الرئاسة المزاعم بأن جزيرة المرجان بيعت لشركة أجنبية».",
    );
    let f = |x: Option<RelationKind>| x.map(RelationKind::family);
    assert_eq!(f(relation(&a, "وقال", "قالت")), Some(Family::Oppose));
}

#[test]
fn a_pointer_at_authorities_reaches_their_officials_statement_on_it_only() {
    let a = analyze(
        "أكد المتحدث باسم وزارة الداخلية المصرية أن الشرطة أوقفت شبكة لتهريب الآثار في الأقصر. \
         وقال المتحدث باسم الرئاسة المصرية إن الرئيس سيزور الصين الشهر المقبل. \
         وقالت السفارة الأمريكية إن المعلومات التي أعلنتها السلطات المصرية عن شبكة تهريب الآثار دقيقة.",
    );
    let f = |x: Option<RelationKind>| x.map(RelationKind::family);
    assert_eq!(f(relation(&a, "وقالت", "أكد")), Some(Family::Support));
    assert_eq!(relation(&a, "وقالت", "وقال"), None);
}

#[test]
fn a_negated_statement_by_the_party_contradicts_the_claim_naming_it() {
    let a = analyze(
        "أفاد مصدر دبلوماسي بأن إسرائيل أجرت محادثات مباشرة مع الحكومة السورية في باكو. \
         وأوضح مسؤول إسرائيلي أن الحكومة ستفتح معبرا جديدا للبضائع. \
         وقال الجيش الإسرائيلي إنه لم تكن هناك محادثات مباشرة مع ممثلي الحكومة السورية.",
    );
    let f = |x: Option<RelationKind>| x.map(RelationKind::family);
    let toward = f(relation(&a, "وقال", "أفاد")).or(f(relation(&a, "أفاد", "وقال")));
    assert_eq!(toward, Some(Family::Oppose));
    assert_eq!(relation(&a, "وقال", "وأوضح"), None);
}

#[test]
fn a_denial_does_not_face_a_statement_that_negates_a_clause_of_its_own() {
    let a = analyze(
        "ذكرت صحيفة محلية أن الشركة باعت بيانات العملاء إلى جهات أجنبية. \
         ونفت الشركة أن تكون باعت بيانات العملاء.",
    );
    assert_eq!(between(&a, "ونفت", "ذكرت"), Some(RelationKind::Denies));
    // عدم in its object: it stands with the denial, whatever the main clause.
    let b = analyze(
        "ذكرت صحيفة محلية أن الشركة تعهدت بعدم بيع بيانات العملاء إلى جهات أجنبية. \
         ونفت الشركة أن تكون باعت بيانات العملاء.",
    );
    assert_eq!(between(&b, "ونفت", "ذكرت"), None);
}

#[test]
fn a_statement_denies_by_its_opening_words_not_by_a_word_far_inside() {
    let a = analyze(
        "قالت الشرطة إن الموظف خالد السالم اختلس أموالا من صندوق الجمعية الخيرية. \
         وقال خالد السالم إن هذه الادعاءات باطلة.",
    );
    assert_eq!(
        between(&a, "وقال", "قالت").map(|k| k.family()),
        Some(Family::Oppose)
    );
    let b = analyze(
        "قالت الشرطة إن الموظف خالد السالم اختلس أموالا من صندوق الجمعية الخيرية. \
         وقال خالد السالم إن محاميه سيتابع قضية الأموال أمام هيئة التحقيق والادعاء العام.",
    );
    assert_ne!(
        between(&b, "وقال", "قالت").map(|k| k.family()),
        Some(Family::Oppose)
    );
}

#[test]
fn innocence_needs_the_speakers_pronoun() {
    let claim = "قالت النيابة العامة إن التاجر سليم العبدلي هرّب أموالا عامة إلى الخارج.";
    let f = |x: Option<RelationKind>| x.map(RelationKind::family);
    let a = analyze(&format!("{claim} وقال سليم العبدلي إنه واثق من براءته."));
    assert_eq!(f(between(&a, "وقال", "قالت")), Some(Family::Oppose));
    // براءة اختراع is a patent.
    let b = analyze(&format!(
        "{claim} وقال سليم العبدلي إنه حصل على براءة اختراع لجهاز جديد."
    ));
    assert_ne!(f(between(&b, "وقال", "قالت")), Some(Family::Oppose));
}

#[test]
fn a_denial_in_the_body_faces_what_came_before_not_what_the_story_reports_later() {
    let a = analyze(
        "افتتح وزير النقل مشروعا جديدا للطرق في العاصمة. \
         وحضر الافتتاح عدد من المسؤولين ورجال الأعمال. \
         وقالت صحيفة محلية إن وزارة النقل أهدرت أموالا عامة في مشروع الطرق. \
         ونفت وزارة النقل الاتهامات الموجهة لها. \
         ويمتد المشروع على مسافة مئة كيلومتر. \
         ويربط الطريق العاصمة بالموانئ الجنوبية. \
         وأوضح نائب في البرلمان أن وزارة النقل ستطلق مشاريع أخرى للطرق العام المقبل.",
    );
    assert_eq!(between(&a, "ونفت", "وقالت"), Some(RelationKind::Denies));
    assert_eq!(between(&a, "ونفت", "وأوضح"), None);
}

#[test]
fn the_claims_of_a_party_are_its_statements_not_the_claims_against_the_speaker() {
    let a = analyze(
        "وقالت الحكومة إن قواتها سيطرت على الميناء الشمالي. \
         وقال شهود إن طائرات قصفت مواقع للمتمردين قرب الميناء الشمالي. \
         ونفى متحدث باسم المتمردين مزاعم الحكومة بالسيطرة على الميناء الشمالي.",
    );
    assert_eq!(between(&a, "ونفى", "وقالت"), Some(RelationKind::Denies));
    assert_eq!(between(&a, "ونفى", "وقال"), None);
}
