//! Editorial findings about how an article is sourced: what an editor should look at before
//! publishing. Each finding names its rule, where it is, and what would fix it; the words are
//! the renderer's (one table per language), so a finding carries only ids.

use serde::Serialize;

use crate::model::{vocabulary, Analysis, CueKind, SourceKind, Stance};

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

/// Every finding, in text order of the attribution it points at.
pub fn flags(a: &Analysis) -> Vec<Flag> {
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
    for c in &a.claims {
        let s = &c.sourcing;
        if s.sources == 1 && s.anonymous == 1 {
            push(
                Rule::SingleAnonymousSource,
                Severity::Warning,
                &c.anchor,
                Some(&c.id),
                None,
            );
        }
        if s.oppose > 0 {
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
        if s.kind == SourceKind::Anonymous && s.anonymity_reason.is_none() {
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

    #[test]
    fn ids_round_trip() {
        for &r in Rule::ALL {
            assert_eq!(Rule::parse(r.as_str()), Some(r));
        }
    }
}
