//! What each rule checks, why it matters and what would fix it, with a sentence that makes it
//! fire and one that does not (`isnad lint --explain RULE`). The texts live in `explain/`.

use crate::flags::Rule;

/// The documentation of a rule, as Markdown.
pub fn explain(rule: Rule) -> &'static str {
    match rule {
        Rule::SingleAnonymousSource => include_str!("explain/single-anonymous-source.md"),
        Rule::AnonymousWithoutReason => include_str!("explain/anonymous-without-reason.md"),
        Rule::ContestedClaim => include_str!("explain/contested-claim.md"),
        Rule::NoResponse => include_str!("explain/no-response.md"),
        Rule::OneSided => include_str!("explain/one-sided.md"),
        Rule::VagueAttribution => include_str!("explain/vague-attribution.md"),
        Rule::DistancingVerb => include_str!("explain/distancing-verb.md"),
    }
}

/// The same documentation in Arabic (`--explain RULE --lang ar`), with the same examples.
pub fn explain_ar(rule: Rule) -> &'static str {
    match rule {
        Rule::SingleAnonymousSource => include_str!("explain/ar/single-anonymous-source.md"),
        Rule::AnonymousWithoutReason => include_str!("explain/ar/anonymous-without-reason.md"),
        Rule::ContestedClaim => include_str!("explain/ar/contested-claim.md"),
        Rule::NoResponse => include_str!("explain/ar/no-response.md"),
        Rule::OneSided => include_str!("explain/ar/one-sided.md"),
        Rule::VagueAttribution => include_str!("explain/ar/vague-attribution.md"),
        Rule::DistancingVerb => include_str!("explain/ar/distancing-verb.md"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{lint, Policy};
    use crate::report::labels::EN;
    use crate::Analyzer;

    /// The indented examples under a heading line such as `Fires:`.
    fn examples<'a>(doc: &'a str, heading: &str) -> Vec<&'a str> {
        doc.lines()
            .skip_while(|l| l.trim() != heading)
            .skip(1)
            .take_while(|l| l.is_empty() || l.starts_with("    "))
            .filter(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect()
    }

    /// Every rule's documented examples behave as documented, and its heading gives its level.
    #[test]
    fn each_rule_fires_on_its_example_and_not_on_the_other() {
        let analyzer = Analyzer::new();
        for &rule in Rule::ALL {
            let doc = explain(rule);
            let title = doc.lines().next().unwrap();
            assert!(
                title.starts_with(&format!("# {} (", rule.as_str())),
                "{title}"
            );
            let fires = examples(doc, "Fires:");
            let quiet = examples(doc, "Does not fire:");
            assert!(
                !fires.is_empty() && !quiet.is_empty(),
                "{rule:?} has examples"
            );
            for text in fires {
                let d = lint(text, &analyzer.analyze(text), &EN, &Policy::default());
                let hit = d.iter().find(|d| d.rule == rule);
                let hit = hit.unwrap_or_else(|| panic!("{rule:?} should fire on {text}: {d:?}"));
                let level = hit.level.as_str();
                assert!(title.ends_with(&format!("({level})")), "{title} vs {level}");
            }
            for text in quiet {
                let d = lint(text, &analyzer.analyze(text), &EN, &Policy::default());
                assert!(
                    d.iter().all(|d| d.rule != rule),
                    "{rule:?} should not fire on {text}: {d:?}"
                );
            }
        }
    }

    /// The Arabic texts head like the English ones and give the same examples, which the test
    /// above runs.
    #[test]
    fn the_arabic_texts_match_the_english_ones() {
        for &rule in Rule::ALL {
            let (en, ar) = (explain(rule), explain_ar(rule));
            assert_eq!(en.lines().next(), ar.lines().next(), "{rule:?}");
            assert_eq!(
                examples(en, "Fires:"),
                examples(ar, "مثال ينطبق عليه:"),
                "{rule:?}"
            );
            assert_eq!(
                examples(en, "Does not fire:"),
                examples(ar, "مثال لا ينطبق عليه:"),
                "{rule:?}"
            );
            assert!(
                ar.contains("لماذا يهم") && ar.contains("ما الذي يصلحه"),
                "{rule:?}"
            );
        }
    }
}
