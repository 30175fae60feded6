//! Editorial findings about how an article is sourced: what an editor should look at before
//! publishing. Each finding names its rule, where it is, and what would fix it; the words are
//! the renderer's (one table per language), so a finding carries only ids.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Serialize;

use crate::lexicon::PhraseTable;
use crate::model::{vocabulary, Analysis, Claim, CueKind, SourceKind, Stance};
use crate::normalize::Normalized;

vocabulary! {
    /// An editorial rule; its name (`single-anonymous-source`) is its id.
    Rule {
        /// A claim rests on one unnamed source and nobody else.
        SingleAnonymousSource = "single-anonymous-source",
        /// An unnamed source without a stated reason for the anonymity.
        AnonymousWithoutReason = "anonymous-without-reason",
        /// Sources disagree about a claim.
        ContestedClaim = "contested-claim",
        /// Someone was asked and no answer is reported.
        NoResponse = "no-response",
        /// An accusation or allegation that no one answers.
        OneSided = "one-sided",
        /// An agentless passive or an undescribed "sources".
        VagueAttribution = "vague-attribution",
        /// A distancing verb (زعم، ادعى).
        DistancingVerb = "distancing-verb",
    }
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth a look.
    Note,
    /// Should be fixed or justified.
    Warning,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    /// The rule.
    pub rule: Rule,
    /// How much it matters.
    pub severity: Severity,
    /// The attribution it points at (its cue is the place).
    pub attribution: String,
    /// The claim concerned, if any.
    pub claim: Option<String>,
    /// The source concerned, if any.
    pub source: Option<String>,
}

/// Every finding, in text order of the attribution it points at; without the text, a reason
/// for anonymity given away from the source's mentions is not seen (see [`flags_in`]).
pub fn flags(a: &Analysis) -> Vec<Flag> {
    flags_with(a, &[])
}

/// Every finding for an analysis of `text`: an anonymous source whose reason the article gives
/// later (وتحدث المصدر شريطة عدم الكشف عن هويته) is not without a reason.
pub fn flags_in(text: &str, a: &Analysis) -> Vec<Flag> {
    flags_with(a, &reasons(text))
}

/// Where the text gives a reason for a source's anonymity (byte offsets of each phrase's
/// start), from the lexicon's anonymity reasons.
pub fn reasons(text: &str) -> Vec<usize> {
    static TABLE: OnceLock<PhraseTable<bool>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = PhraseTable::default();
        for line in include_str!("lexicon/anonymity.tsv").lines() {
            if let Some((phrase, "reason")) = line.split_once('\t') {
                t.insert(phrase, true);
            }
        }
        t
    });
    let norm = Normalized::new(text);
    let folded = &norm.text;
    // Words of the folded text with their starts; punctuation separates them.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in folded.char_indices().chain([(folded.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, &folded[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    let only: Vec<&str> = words.iter().map(|w| w.1).collect();
    (0..words.len())
        .filter(|&k| table.longest(&only, k).is_some())
        .map(|k| norm.span(words[k].0, words[k].0 + words[k].1.len()).start)
        .collect()
}

fn flags_with(a: &Analysis, reasons: &[usize]) -> Vec<Flag> {
    let source = |id: &Option<String>| id.as_ref().and_then(|id| a.source(id));
    let mut out = Vec::new();
    let mut push =
        |rule, severity, attribution: &str, claim: Option<&String>, src: Option<&String>| {
            out.push(Flag {
                rule,
                severity,
                attribution: attribution.to_string(),
                claim: claim.cloned(),
                source: src.cloned(),
            })
        };
    // Anonymous sources only heard in a headline that a body attribution of theirs restates.
    let mut headline_only: HashSet<&str> = HashSet::new();
    for c in &a.claims {
        let s = &c.sourcing;
        let speakers = speakers(a, c);
        if speakers.len() == 1 {
            let heard = &speakers[0];
            if heard.0 == SourceKind::Anonymous {
                for id in &c.attributions {
                    let Some(x) = a.attribution(id) else { continue };
                    if x.cue_kind == CueKind::Headline && x.source.as_deref() != Some(heard.1) {
                        if let Some(src) = x.source.as_deref() {
                            headline_only.insert(src);
                        }
                    }
                }
            }
        }
        // One anonymous speaker (a headline and the lead from one source are one), who says
        // something: a refusal to comment claims nothing.
        let asserts = c.attributions.iter().any(|id| {
            a.attribution(id).is_some_and(|x| {
                !matches!(
                    x.stance,
                    Stance::DeclinesToComment
                        | Stance::NoResponse
                        | Stance::NeitherConfirmsNorDenies
                )
            })
        });
        // A source that denies or will not answer the claim does not bear it up: the claim
        // still rests on the one anonymous voice that states it.
        let against = |id: &str| {
            c.attributions.iter().any(|x| {
                a.attribution(x).is_some_and(|x| {
                    x.chain.first().map(String::as_str) == Some(id)
                        && (matches!(
                            x.stance,
                            Stance::Denies
                                | Stance::DeclinesToComment
                                | Stance::NoResponse
                                | Stance::NeitherConfirmsNorDenies
                        ) || a.relations.iter().any(|r| {
                            r.from == x.id && r.kind.family() == crate::model::Family::Oppose
                        }))
                })
            })
        };
        let bearers: Vec<&(SourceKind, &str)> = speakers.iter().filter(|s| !against(s.1)).collect();
        if bearers.len() == 1 && bearers[0].0 == SourceKind::Anonymous && asserts {
            push(
                Rule::SingleAnonymousSource,
                Severity::Warning,
                &c.anchor,
                Some(&c.id),
                None,
            );
        }
        // Contested: an opposing relation, or a denial beside a statement of the claim when the
        // link between them was not typed.
        // A source that states one part and denies another does not contest itself.
        let voices: Vec<(Stance, Option<&String>)> = c
            .attributions
            .iter()
            .filter_map(|id| a.attribution(id))
            .map(|x| (x.stance, x.source.as_ref().and(x.chain.first())))
            .collect();
        let deniers: Vec<Option<&String>> = voices
            .iter()
            .filter(|v| v.0 == Stance::Denies)
            .map(|v| v.1)
            .collect();
        let denied = !deniers.is_empty();
        let stated = voices.iter().any(|v| {
            matches!(v.0, Stance::Asserts | Stance::Confirms | Stance::Alleges)
                && !deniers.contains(&v.1)
        });
        if s.oppose > 0 || (denied && stated) {
            push(
                Rule::ContestedClaim,
                Severity::Note,
                &c.anchor,
                Some(&c.id),
                None,
            );
        }
        // An allegation nobody answers: no denial, refusal or response on its claim.
        let alleged = c.attributions.iter().find(|id| {
            a.attribution(id)
                .is_some_and(|x| x.stance == Stance::Alleges)
        });
        if let Some(at) = alleged {
            if s.oppose == 0 && s.noncommittal == 0 {
                push(Rule::OneSided, Severity::Warning, at, Some(&c.id), None);
            }
        }
    }
    for s in &a.sources {
        // A reason given anywhere after the source is first named covers it.
        let first_mention = s.mentions.iter().map(|m| m.start).min().unwrap_or(0);
        let reason_later = reasons.iter().any(|&r| r > first_mention);
        if s.kind == SourceKind::Anonymous
            && s.anonymity_reason.is_none()
            && !reason_later
            && !(headline_only.contains(s.id.as_str())
                && s.attributions.iter().all(|id| {
                    a.attribution(id)
                        .is_some_and(|x| x.cue_kind == CueKind::Headline)
                }))
        {
            if let Some(first) = s.attributions.first() {
                push(
                    Rule::AnonymousWithoutReason,
                    Severity::Note,
                    first,
                    None,
                    Some(&s.id),
                );
            }
        }
    }
    for x in &a.attributions {
        let src = source(&x.source);
        if x.stance == Stance::NoResponse {
            push(
                Rule::NoResponse,
                Severity::Note,
                &x.id,
                x.claim.as_ref(),
                x.source.as_ref(),
            );
        }
        if x.stance == Stance::Alleges {
            push(
                Rule::DistancingVerb,
                Severity::Note,
                &x.id,
                x.claim.as_ref(),
                x.source.as_ref(),
            );
        }
        // قيل إن، مصادر قالت: who said it is not told.
        let bare_sources = src.is_some_and(|s| {
            s.kind == SourceKind::Anonymous && s.name.split_whitespace().count() == 1
        });
        if (x.cue_kind == CueKind::Passive && x.source.is_none()) || bare_sources {
            push(
                Rule::VagueAttribution,
                Severity::Note,
                &x.id,
                x.claim.as_ref(),
                x.source.as_ref(),
            );
        }
    }
    let order = |id: &str| id.trim_start_matches('a').parse::<usize>().unwrap_or(0);
    out.sort_by_key(|f| (order(&f.attribution), f.rule));
    out
}

/// The distinct speakers of a claim, with their kinds. A headline's source counts only when no
/// body attribution of the claim is heard: the headline sums up the lead.
fn speakers<'a>(a: &'a Analysis, c: &Claim) -> Vec<(SourceKind, &'a str)> {
    let xs: Vec<_> = c
        .attributions
        .iter()
        .filter_map(|id| a.attribution(id))
        .collect();
    let body = xs.iter().any(|x| x.cue_kind != CueKind::Headline);
    let mut out: Vec<(SourceKind, &str)> = Vec::new();
    for x in xs {
        if body && x.cue_kind == CueKind::Headline {
            continue;
        }
        // The one who speaks: the first of the chain when the words are relayed.
        let Some(s) = x
            .source
            .as_ref()
            .and(x.chain.first())
            .and_then(|id| a.source(id))
        else {
            continue;
        };
        if !out.iter().any(|o| o.1 == s.id) {
            out.push((s.kind, &s.id));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    fn rules(text: &str) -> Vec<Rule> {
        flags(&Analyzer::new().analyze(text))
            .into_iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn a_claim_denied_by_a_named_source_still_rests_on_one_anonymous_source() {
        let r = rules(
            "قال مصدر مطلع إن الوفدين عقدا محادثات سرية في جنيف. \
             ونفى المتحدث باسم وزارة الخارجية خالد العمري عقد أي محادثات.",
        );
        assert!(r.contains(&Rule::SingleAnonymousSource), "{r:?}");
    }

    #[test]
    fn a_claim_on_one_anonymous_source() {
        let r = rules("أجرى الوفدان محادثات سرية في جنيف، وفقا لمصدر مطلع.");
        assert!(r.contains(&Rule::SingleAnonymousSource), "{r:?}");
        assert!(r.contains(&Rule::AnonymousWithoutReason), "{r:?}");
        let r = rules("أجرى الوفدان محادثات سرية في جنيف، وفقا لوزير الخارجية سامي العلي.");
        assert!(!r.contains(&Rule::SingleAnonymousSource), "{r:?}");
    }

    #[test]
    fn a_stated_reason_is_enough() {
        let r = rules("قال مسؤول طلب عدم الكشف عن هويته إن المحادثات جرت في جنيف.");
        assert!(!r.contains(&Rule::AnonymousWithoutReason), "{r:?}");
    }

    #[test]
    fn contested_and_unanswered() {
        let r = rules(
            "قال وزير الخارجية سامي العلي إن المحادثات السرية جرت في جنيف. \
             ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف. \
             ولم ترد السفارة على طلب للتعليق.",
        );
        assert!(r.contains(&Rule::ContestedClaim), "{r:?}");
        assert!(r.contains(&Rule::NoResponse), "{r:?}");
        let r = rules("قال وزير الخارجية سامي العلي إن المحادثات السرية جرت في جنيف.");
        assert!(!r.contains(&Rule::ContestedClaim), "{r:?}");
    }

    #[test]
    fn allegations_and_vague_sources() {
        let r = rules("وزعم المعارض سامي العلي أن الوزير تلقى رشوة كبيرة من الشركة.");
        assert!(r.contains(&Rule::DistancingVerb), "{r:?}");
        assert!(r.contains(&Rule::OneSided), "{r:?}");
        let r = rules("وقالت مصادر إن الوزير سيستقيل.");
        assert!(r.contains(&Rule::VagueAttribution), "{r:?}");
        let r = rules("وقالت مصادر مطلعة إن الوزير سيستقيل.");
        assert!(!r.contains(&Rule::VagueAttribution), "{r:?}");
    }

    fn rules_in(text: &str) -> Vec<Rule> {
        flags_in(text, &Analyzer::new().analyze(text))
            .into_iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn a_reason_given_later_is_a_reason() {
        let text = "قال مصدر مطلع إن المحادثات السرية جرت في جنيف. \
                    وتحدث المصدر شريطة عدم الكشف عن هويته لأنه غير مخول بالحديث.";
        assert!(rules(text).contains(&Rule::AnonymousWithoutReason));
        assert!(!rules_in(text).contains(&Rule::AnonymousWithoutReason));
        // A reason before the source is named is someone else's.
        let text = "وقال مسؤول شريطة عدم الكشف عن هويته إن الوفد وصل. \
                    وقال مصدر مطلع إن المحادثات السرية جرت في جنيف.";
        let flagged = flags_in(text, &Analyzer::new().analyze(text));
        assert!(flagged
            .iter()
            .any(|f| f.rule == Rule::AnonymousWithoutReason));
    }

    #[test]
    fn a_headline_and_its_lead_from_one_source_are_one_source() {
        let text = "مصدر أمني: اعتقال خلية في العاصمة\n\
                    أفاد مصدر أمني رفيع بأن قوات الأمن اعتقلت خلية في العاصمة فجر اليوم.\n";
        let r = rules_in(text);
        assert!(r.contains(&Rule::SingleAnonymousSource), "{r:?}");
        let without_reason = r
            .iter()
            .filter(|&&x| x == Rule::AnonymousWithoutReason)
            .count();
        assert_eq!(without_reason, 1, "{r:?}");
    }

    #[test]
    fn a_refusal_to_comment_claims_nothing() {
        let r = rules_in("رفض مسؤول في الوزارة التعليق على المحادثات.");
        assert!(!r.contains(&Rule::SingleAnonymousSource), "{r:?}");
    }

    #[test]
    fn a_denial_beside_a_statement_is_contested() {
        let text = "قال وزير الخارجية سامي العلي إن المحادثات السرية جرت في جنيف. \
                    ونفت وزارة الدفاع ذلك.";
        let mut a = Analyzer::new().analyze(text);
        assert_eq!(a.claims.len(), 1);
        // The same claim with the link between its two voices left untyped.
        a.relations.clear();
        a.claims[0].sourcing.oppose = 0;
        let r: Vec<Rule> = flags(&a).into_iter().map(|f| f.rule).collect();
        assert!(r.contains(&Rule::ContestedClaim), "{r:?}");
        // One source that confirms a part and denies another contests nothing.
        let text = "وأكد الوزير سامي العلي أن هناك اتصالات مستمرة مع الجانب السوري، \
                    ونفى أن تكون بلاده قد توصلت إلى اتفاق مع الجانب السوري.";
        let mut a = Analyzer::new().analyze(text);
        a.relations.clear();
        for c in &mut a.claims {
            c.sourcing.oppose = 0;
        }
        let r: Vec<Rule> = flags(&a).into_iter().map(|f| f.rule).collect();
        assert!(!r.contains(&Rule::ContestedClaim), "{r:?}");
    }

    #[test]
    fn ids_round_trip() {
        for &r in Rule::ALL {
            assert_eq!(Rule::parse(r.as_str()), Some(r));
        }
    }
}
