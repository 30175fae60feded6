//! Every word the report shows, one table per language: templates hold no user-visible text.

use crate::flags::Rule;
use crate::graph::EdgeKind;
use crate::model::{Family, SourceKind, Stance};

/// The report's words in one language.
#[derive(Debug)]
pub struct Labels {
    /// `lang` attribute.
    pub lang: &'static str,
    /// `dir` attribute.
    pub dir: &'static str,
    /// Page title prefix.
    pub report: &'static str,
    /// Section headings.
    pub article: &'static str,
    /// Flags heading.
    pub flags: &'static str,
    /// No flags.
    pub no_flags: &'static str,
    /// In place of the flags when the text has no Arabic letter.
    pub no_arabic: &'static str,
    /// Claims heading.
    pub claims: &'static str,
    /// Sources heading.
    pub sources: &'static str,
    /// Graph heading.
    pub graph: &'static str,
    /// Tile words.
    pub tile_attributions: &'static str,
    /// Tile words.
    pub tile_sources: &'static str,
    /// Tile words.
    pub tile_named: &'static str,
    /// Tile words.
    pub tile_anonymous: &'static str,
    /// Tile words.
    pub tile_official: &'static str,
    /// Tile words.
    pub tile_media: &'static str,
    /// Tile words.
    pub tile_documents: &'static str,
    /// Tile words.
    pub tile_anonymous_only: &'static str,
    /// Tile words.
    pub tile_direct: &'static str,
    /// Tile words.
    pub tile_indirect: &'static str,
    /// Tile words.
    pub tile_denials: &'static str,
    /// Tile words.
    pub tile_no_response: &'static str,
    /// Tile words.
    pub tile_countries: &'static str,
    /// Source table columns.
    pub col_name: &'static str,
    /// Source table columns.
    pub col_kind: &'static str,
    /// Source table columns.
    pub col_role: &'static str,
    /// Source table columns.
    pub col_affiliation: &'static str,
    /// Source table columns.
    pub col_reason: &'static str,
    /// Source table columns.
    pub col_statements: &'static str,
    /// Source table columns.
    pub col_claims: &'static str,
    /// Card and claim words.
    pub source_label: &'static str,
    /// Card and claim words.
    pub stance_label: &'static str,
    /// Card and claim words.
    pub chain_label: &'static str,
    /// Card and claim words.
    pub evidence_label: &'static str,
    /// Card and claim words.
    pub unknown_source: &'static str,
    /// Card and claim words.
    pub no_reason: &'static str,
    /// Claims without other voices.
    pub single_claims: &'static str,
    /// The arrow between chain links.
    pub via: &'static str,
    /// Skip link.
    pub skip: &'static str,
    /// Made by.
    pub made_by: &'static str,
    /// Card: the claim a voice answers.
    pub answers_label: &'static str,
    /// Graph legend heading.
    pub legend: &'static str,
    /// Legend: a named source.
    pub legend_source: &'static str,
    /// Legend: an anonymous source.
    pub legend_anonymous: &'static str,
    /// Legend: a claim.
    pub legend_claim: &'static str,
    /// Header: link to the original article.
    pub original: &'static str,
    /// Index page heading.
    pub index: &'static str,
    /// Index columns.
    pub col_title: &'static str,
    /// Index columns.
    pub col_outlet: &'static str,
    /// Index columns.
    pub col_date: &'static str,
    /// Index columns.
    pub col_attributions: &'static str,
    /// Index: a document that could not be read.
    pub failed: &'static str,
}

impl Labels {
    /// The word for a stance.
    pub fn stance(&self, s: Stance) -> &'static str {
        let ar = self.lang == "ar";
        match (s, ar) {
            (Stance::Asserts, true) => "يقول",
            (Stance::Confirms, true) => "يؤكد",
            (Stance::Denies, true) => "ينفي",
            (Stance::NeitherConfirmsNorDenies, true) => "لا يؤكد ولا ينفي",
            (Stance::DeclinesToComment, true) => "يرفض التعليق",
            (Stance::NoResponse, true) => "لا رد",
            (Stance::Alleges, true) => "يزعم",
            (Stance::Asserts, false) => "says",
            (Stance::Confirms, false) => "confirms",
            (Stance::Denies, false) => "denies",
            (Stance::NeitherConfirmsNorDenies, false) => "neither confirms nor denies",
            (Stance::DeclinesToComment, false) => "declines to comment",
            (Stance::NoResponse, false) => "no response",
            (Stance::Alleges, false) => "alleges",
        }
    }

    /// The word for a source kind.
    pub fn kind(&self, k: SourceKind) -> &'static str {
        let ar = self.lang == "ar";
        match (k, ar) {
            (SourceKind::Anonymous, true) => "مجهول الهوية",
            (SourceKind::NamedPerson, true) => "شخص مسمّى",
            (SourceKind::OfficialBody, true) => "جهة رسمية",
            (SourceKind::Organization, true) => "منظمة",
            (SourceKind::Media, true) => "وسيلة إعلام",
            (SourceKind::Document, true) => "وثيقة",
            (SourceKind::Unknown, true) => "غير معروف",
            (SourceKind::Anonymous, false) => "anonymous",
            (SourceKind::NamedPerson, false) => "named person",
            (SourceKind::OfficialBody, false) => "official body",
            (SourceKind::Organization, false) => "organization",
            (SourceKind::Media, false) => "media",
            (SourceKind::Document, false) => "document",
            (SourceKind::Unknown, false) => "unknown",
        }
    }

    /// The row heading for a family toward a claim.
    pub fn side(&self, f: Option<Family>) -> &'static str {
        let ar = self.lang == "ar";
        match (f, ar) {
            (None, true) => "يقول",
            (Some(Family::Support), true) => "يؤيد",
            (Some(Family::Oppose), true) => "يعارض",
            (Some(Family::Noncommittal), true) => "لا يحسم",
            (None, false) => "states",
            (Some(Family::Support), false) => "supports",
            (Some(Family::Oppose), false) => "opposes",
            (Some(Family::Noncommittal), false) => "noncommittal",
        }
    }

    /// The word for a graph edge.
    pub fn edge(&self, k: EdgeKind) -> &'static str {
        let ar = self.lang == "ar";
        match (k, ar) {
            (EdgeKind::Says, true) => "يقول",
            (EdgeKind::Supports, true) => "يؤيد",
            (EdgeKind::Opposes, true) => "يعارض",
            (EdgeKind::Declines, true) => "لا يحسم",
            (EdgeKind::Relays, true) => "ينقل عن",
            (k, false) => k.as_str(),
        }
    }

    /// What a flag says, and what would fix it.
    pub fn rule(&self, r: Rule) -> (&'static str, &'static str) {
        if self.lang == "ar" {
            match r {
                Rule::SingleAnonymousSource => (
                    "ادعاء يستند إلى مصدر واحد مجهول الهوية",
                    "أضف مصدرًا مسمّى أو مصدرًا ثانيًا مستقلًا",
                ),
                Rule::AnonymousWithoutReason => (
                    "مصدر مجهول الهوية دون ذكر سبب إخفاء هويته",
                    "اذكر لماذا لم يُكشف عن اسم المصدر",
                ),
                Rule::ContestedClaim => (
                    "ادعاء متنازع عليه: هناك من يؤيده ومن يعارضه",
                    "اعرض الروايتين بوضوح ومصدر كل منهما",
                ),
                Rule::NoResponse => (
                    "طُلب تعليق ولم يُنشر رد",
                    "اذكر متى طُلب التعليق وهل جاء رد لاحقًا",
                ),
                Rule::OneSided => (
                    "اتهام لم يُعرض فيه رد الطرف المتهم",
                    "اطلب رد الطرف المتهم وانشره",
                ),
                Rule::VagueAttribution => ("إسناد غامض: لا يُعرف من قال", "سمِّ المصدر أو صِفه بدقة"),
                Rule::DistancingVerb => (
                    "فعل يوحي بالتشكيك (زعم، ادعى)",
                    "تأكد من أن الفعل مقصود، أو استعمل «قال»",
                ),
            }
        } else {
            match r {
                Rule::SingleAnonymousSource => (
                    "claim rests on a single anonymous source",
                    "add a named source or a second, independent one",
                ),
                Rule::AnonymousWithoutReason => (
                    "anonymous source without a stated reason",
                    "say why the source is not named",
                ),
                Rule::ContestedClaim => (
                    "contested claim: some support it, some oppose it",
                    "set out both accounts and who gives each",
                ),
                Rule::NoResponse => (
                    "comment was requested and no response is reported",
                    "say when comment was sought and whether an answer came",
                ),
                Rule::OneSided => (
                    "accusation without the accused's response",
                    "ask the accused for a response and report it",
                ),
                Rule::VagueAttribution => (
                    "vague attribution: who said it is not told",
                    "name or describe the source",
                ),
                Rule::DistancingVerb => (
                    "distancing verb (alleged, claimed)",
                    "make sure the distance is meant, or use said",
                ),
            }
        }
    }
}

/// Arabic.
pub static AR: Labels = Labels {
    lang: "ar",
    dir: "rtl",
    report: "تقرير الإسناد",
    article: "النص مع إبراز الإسناد",
    flags: "ملاحظات للمحرر",
    no_flags: "لا ملاحظات",
    no_arabic: "لا حرف عربيا في النص: إسناد يقرأ الأخبار العربية، فلم يجد شيئا يفحصه.",
    claims: "الادعاءات: التأكيد والنفي",
    sources: "المصادر",
    graph: "شبكة المصادر والادعاءات",
    tile_attributions: "إسناد (من قال ماذا)",
    tile_sources: "مصدر",
    tile_named: "مصدر: شخص مسمّى",
    tile_anonymous: "مصدر مجهول الهوية",
    tile_official: "مصدر: جهة رسمية أو منظمة",
    tile_media: "مصدر: وسيلة إعلام",
    tile_documents: "مصدر: وثيقة",
    tile_anonymous_only: "ادعاء على مصادر مجهولة فقط",
    tile_direct: "إسناد باقتباس مباشر",
    tile_indirect: "إسناد بنقل غير مباشر",
    tile_denials: "إسناد فيه نفي",
    tile_no_response: "إسناد: طلب تعليق بلا رد",
    tile_countries: "الإسنادات حسب دولة المصدر",
    col_name: "الاسم",
    col_kind: "النوع",
    col_role: "الصفة",
    col_affiliation: "الانتماء",
    col_reason: "سبب إخفاء الهوية",
    col_statements: "الأقوال",
    col_claims: "الادعاءات",
    source_label: "المصدر",
    stance_label: "الموقف",
    chain_label: "سلسلة الإسناد",
    evidence_label: "الكلمات المشتركة",
    unknown_source: "مصدر غير محدد",
    no_reason: "لم يُذكر سبب",
    single_claims: "أقوال لم يرد عليها أحد",
    via: "←",
    skip: "انتقل إلى الملاحظات",
    made_by: "isnad",
    answers_label: "يرد على",
    legend: "مفتاح الرسم",
    legend_source: "مصدر",
    legend_anonymous: "مصدر مجهول الهوية",
    legend_claim: "ادعاء",
    original: "المقال الأصلي",
    index: "صفحات التقارير",
    col_title: "العنوان",
    col_outlet: "الوسيلة",
    col_date: "التاريخ",
    col_attributions: "إسنادات",
    failed: "تعذرت قراءته",
};

/// English.
pub static EN: Labels = Labels {
    lang: "en",
    dir: "ltr",
    report: "Sourcing report",
    article: "The article, annotated",
    flags: "Flags for the editor",
    no_flags: "No flags",
    no_arabic:
        "The text has no Arabic letter: isnad reads Arabic news text, so it found nothing to check.",
    claims: "Claims: confirmations and denials",
    sources: "Sources",
    graph: "Sources and claims",
    tile_attributions: "attributions (who said what)",
    tile_sources: "sources",
    tile_named: "sources: named people",
    tile_anonymous: "sources: anonymous",
    tile_official: "sources: official bodies and organizations",
    tile_media: "sources: media",
    tile_documents: "sources: documents",
    tile_anonymous_only: "claims on anonymous sources only",
    tile_direct: "attributions: direct quotes",
    tile_indirect: "attributions: indirect",
    tile_denials: "attributions: denials",
    tile_no_response: "attributions: no response",
    tile_countries: "attributions by the source's country",
    col_name: "name",
    col_kind: "kind",
    col_role: "role",
    col_affiliation: "affiliation",
    col_reason: "why anonymous",
    col_statements: "statements",
    col_claims: "claims",
    source_label: "source",
    stance_label: "stance",
    chain_label: "chain",
    evidence_label: "shared words",
    unknown_source: "source not given",
    no_reason: "no reason given",
    single_claims: "statements nobody answers",
    via: "←",
    skip: "skip to the flags",
    made_by: "isnad",
    answers_label: "answers",
    legend: "Key",
    legend_source: "source",
    legend_anonymous: "anonymous source",
    legend_claim: "claim",
    original: "original article",
    index: "Report pages",
    col_title: "title",
    col_outlet: "outlet",
    col_date: "date",
    col_attributions: "attributions",
    failed: "could not be read",
};

/// The labels for a text: Arabic when most of its letters are.
pub fn for_text(text: &str) -> &'static Labels {
    let (mut arabic, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()).take(20_000) {
        letters += 1;
        arabic += usize::from(('\u{0600}'..='\u{06FF}').contains(&c));
    }
    if letters == 0 || arabic * 2 >= letters {
        &AR
    } else {
        &EN
    }
}

/// The archive report's words in one language (the stance, kind and rule words are the
/// article report's).
#[derive(Debug)]
pub struct CorpusLabels {
    /// The article report's words.
    pub base: &'static Labels,
    /// Page heading.
    pub report: &'static str,
    /// Tile: documents.
    pub tile_documents: &'static str,
    /// Tile: documents with an attribution.
    pub tile_with: &'static str,
    /// Tile: attributions.
    pub tile_attributions: &'static str,
    /// Tile: share on anonymous or no source.
    pub tile_anonymity: &'static str,
    /// Tile: denials.
    pub tile_denials: &'static str,
    /// Tile: silences.
    pub tile_silences: &'static str,
    /// Tile: documents that failed.
    pub tile_failed: &'static str,
    /// Section: stances.
    pub stances: &'static str,
    /// Section: source kinds.
    pub kinds: &'static str,
    /// Section: outlets.
    pub outlets: &'static str,
    /// Section: months.
    pub months: &'static str,
    /// Section: most quoted.
    pub most_quoted: &'static str,
    /// Section: anonymous descriptions.
    pub anonymous: &'static str,
    /// Section: contested claims.
    pub contested: &'static str,
    /// Section: findings.
    pub flags: &'static str,
    /// Column: outlet.
    pub col_outlet: &'static str,
    /// Column: month.
    pub col_month: &'static str,
    /// Column: documents.
    pub col_documents: &'static str,
    /// Column: attributions.
    pub col_attributions: &'static str,
    /// Column: anonymity rate.
    pub col_anonymity: &'static str,
    /// Column: denials.
    pub col_denials: &'static str,
    /// Column: silences.
    pub col_silences: &'static str,
    /// Column: source.
    pub col_source: &'static str,
    /// Column: kind.
    pub col_kind: &'static str,
    /// Column: claim.
    pub col_claim: &'static str,
    /// Column: document.
    pub col_document: &'static str,
    /// Column: sources.
    pub col_sources: &'static str,
    /// Column: opposing.
    pub col_oppose: &'static str,
    /// Column: noncommittal.
    pub col_noncommittal: &'static str,
    /// Column: count.
    pub col_count: &'static str,
    /// Kind of no source.
    pub no_source: &'static str,
    /// Nothing to list.
    pub none: &'static str,
}

/// Arabic, for archives.
pub static CORPUS_AR: CorpusLabels = CorpusLabels {
    base: &AR,
    report: "تقرير الإسناد في الأرشيف",
    tile_documents: "مقال",
    tile_with: "مقال فيه إسناد",
    tile_attributions: "إسناد",
    tile_anonymity: "إلى مصدر مجهول أو بلا مصدر",
    tile_denials: "نفي",
    tile_silences: "بلا رد أو رفض للتعليق",
    tile_failed: "مقال تعذرت قراءته",
    stances: "المواقف",
    kinds: "أنواع المصادر",
    outlets: "حسب الوسيلة",
    months: "حسب الشهر",
    most_quoted: "أكثر المصادر المسمّاة اقتباسًا",
    anonymous: "أكثر أوصاف المصادر المجهولة",
    contested: "أكثر الادعاءات تنازعًا",
    flags: "ملاحظات للمحرر",
    col_outlet: "الوسيلة",
    col_month: "الشهر",
    col_documents: "مقالات",
    col_attributions: "إسنادات",
    col_anonymity: "مجهول أو بلا مصدر",
    col_denials: "نفي",
    col_silences: "بلا رد",
    col_source: "المصدر",
    col_kind: "النوع",
    col_claim: "الادعاء",
    col_document: "المقال",
    col_sources: "مصادر",
    col_oppose: "يعارض",
    col_noncommittal: "لا يحسم",
    col_count: "العدد",
    no_source: "بلا مصدر",
    none: "لا شيء",
};

/// English, for archives.
pub static CORPUS_EN: CorpusLabels = CorpusLabels {
    base: &EN,
    report: "Archive sourcing report",
    tile_documents: "articles",
    tile_with: "articles with attribution",
    tile_attributions: "attributions",
    tile_anonymity: "on an anonymous or no source",
    tile_denials: "denials",
    tile_silences: "no response or no comment",
    tile_failed: "articles that could not be read",
    stances: "Stances",
    kinds: "Kinds of source",
    outlets: "By outlet",
    months: "By month",
    most_quoted: "Most quoted named sources",
    anonymous: "Most used anonymous descriptions",
    contested: "Most contested claims",
    flags: "Editorial findings",
    col_outlet: "outlet",
    col_month: "month",
    col_documents: "articles",
    col_attributions: "attributions",
    col_anonymity: "anonymous or none",
    col_denials: "denials",
    col_silences: "silences",
    col_source: "source",
    col_kind: "kind",
    col_claim: "claim",
    col_document: "article",
    col_sources: "sources",
    col_oppose: "opposing",
    col_noncommittal: "noncommittal",
    col_count: "count",
    no_source: "no source",
    none: "none",
};
