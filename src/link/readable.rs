//! Claims a person can read: a title in the anchor statement's own words, and a one-line
//! verdict (confirmed by …; denied by …; no answer from …; rests on one anonymous source).

use crate::model::{Attribution, Claim, Family, Relation, Source, SourceKind};
use std::collections::HashMap;

/// The most words of a title.
const TITLE_WORDS: usize = 14;

/// The anchor's content trimmed to its first clause: up to the first sentence or clause mark
/// (، ؛ : .) once a few words are in, at most [`TITLE_WORDS`] words, without quotation marks.
pub fn title(content: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for w in content.split_whitespace() {
        let clean = w.trim_matches(|c: char| "«»\"“”'()،,؛;.:؟!".contains(c));
        if !clean.is_empty() {
            words.push(clean);
        }
        let ends = w.ends_with(['،', ',', '؛', ';', '.', ':', '؟', '!']);
        if (ends && words.len() >= 4) || words.len() >= TITLE_WORDS {
            break;
        }
    }
    let mut t = words.join(" ");
    while t.ends_with(['،', ',', '؛', ';', '.', ':']) {
        t.pop();
    }
    if words.len() >= TITLE_WORDS {
        t.push('…');
    }
    t
}

/// Whether two names are one voice: every word of the shorter is in the longer (مصدر أردني، مصدر
/// حكومي أردني مطلع), compared without the article.
pub fn one_voice(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| crate::clitics::without_article(&crate::normalize::fold(w)).to_string())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // لمصدر: a name under a cue's ل is the same name.
    let has = |w: &String| {
        long.iter()
            .any(|x| x == w || x.strip_prefix('ل') == Some(w) || w.strip_prefix('ل') == Some(x))
    };
    !short.is_empty() && short.iter().all(has)
}

/// Fills in what needs the whole analysis: every attribution that answers a claim carries it
/// (an end of a relation without a claim of its own takes the relation's), and each claim its
/// verdict.
pub fn complete(
    mut attributions: Vec<Attribution>,
    sources: &[Source],
    relations: &[Relation],
    mut claims: Vec<Claim>,
) -> (Vec<Attribution>, Vec<Claim>) {
    let position: HashMap<String, usize> = attributions
        .iter()
        .enumerate()
        .map(|(k, a)| (a.id.clone(), k))
        .collect();
    for r in relations.iter().filter(|r| !r.claim.is_empty()) {
        for id in [&r.from, &r.to] {
            if let Some(&k) = position.get(id) {
                let a = &mut attributions[k];
                if a.claim.is_none() {
                    a.claim = Some(r.claim.clone());
                }
            }
        }
    }
    let lookup = Lookup::new(&attributions, sources, relations);
    for c in &mut claims {
        c.verdict = lookup.verdict(&c.anchor, &c.attributions);
    }
    (attributions, claims)
}

/// Attributions, sources and relations by id, so that a verdict costs what its claim holds,
/// not what the whole document holds.
struct Lookup<'a> {
    attributions: HashMap<&'a str, &'a Attribution>,
    sources: HashMap<&'a str, &'a Source>,
    /// Per attribution, the relations it is an end of, in document order.
    relations: HashMap<&'a str, Vec<&'a Relation>>,
}

impl<'a> Lookup<'a> {
    fn new(
        attributions: &'a [Attribution],
        sources: &'a [Source],
        relations: &'a [Relation],
    ) -> Self {
        let mut by_end: HashMap<&str, Vec<&Relation>> = HashMap::new();
        for r in relations {
            by_end.entry(r.from.as_str()).or_default().push(r);
            if r.to != r.from {
                by_end.entry(r.to.as_str()).or_default().push(r);
            }
        }
        Lookup {
            // The first of a repeated id wins, as a search from the start would find it.
            attributions: attributions
                .iter()
                .rev()
                .map(|a| (a.id.as_str(), a))
                .collect(),
            sources: sources.iter().rev().map(|s| (s.id.as_str(), s)).collect(),
            relations: by_end,
        }
    }

    fn verdict(&self, anchor: &str, members: &[String]) -> String {
        verdict_with(self, anchor, members)
    }
}

/// The verdict on a claim: who confirms, denies or gives no answer (by name, each once), and
/// whether the claim rests on one unnamed source.
pub fn verdict(
    anchor: &str,
    members: &[String],
    attributions: &[Attribution],
    sources: &[Source],
    relations: &[Relation],
) -> String {
    Lookup::new(attributions, sources, relations).verdict(anchor, members)
}

fn verdict_with(lookup: &Lookup, anchor: &str, members: &[String]) -> String {
    let att = |id: &str| lookup.attributions.get(id).copied();
    let source_of = |id: &str| {
        att(id)
            .and_then(|a| a.source.as_deref())
            .and_then(|s| lookup.sources.get(s).copied())
    };
    let name = |id: &str| {
        source_of(id).map_or_else(|| "an unnamed source".to_string(), |s| s.name.clone())
    };
    let anchor_source = att(anchor).and_then(|a| a.source.clone());
    // Each member's family toward the anchor: its relation to it, else its first relation in
    // the claim (a member of the anchor's side supports, of the other side opposes).
    let family_of = |m: &str| {
        let rs = lookup.relations.get(m)?;
        rs.iter()
            .find(|r| (r.from == m && r.to == anchor) || (r.to == m && r.from == anchor))
            .or_else(|| rs.iter().find(|r| r.from == m))
            .map(|r| r.family)
    };
    let mut parts: Vec<(Family, Vec<String>)> = vec![
        (Family::Support, Vec::new()),
        (Family::Oppose, Vec::new()),
        (Family::Noncommittal, Vec::new()),
    ];
    let anchor_name = source_of(anchor).map(|s| s.name.clone());
    let same = |m: &str| {
        let src = att(m).and_then(|a| a.source.clone());
        (src.is_some() && src == anchor_source)
            || source_of(m)
                .zip(anchor_name.as_deref())
                .is_some_and(|(s, n)| one_voice(&s.name, n))
    };
    for m in members.iter().filter(|m| *m != anchor) {
        // One source repeating itself (headline and lead) is one voice, not a confirmation.
        if same(m) {
            continue;
        }
        let Some(f) = family_of(m) else { continue };
        let n = name(m);
        if let Some((_, names)) = parts.iter_mut().find(|(x, _)| *x == f) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    let mut out: Vec<String> = parts
        .iter()
        .filter(|(_, names)| !names.is_empty())
        .map(|(f, names)| {
            let verb = match f {
                Family::Support => "confirmed by",
                Family::Oppose => "denied by",
                Family::Noncommittal => "no answer from",
            };
            format!("{verb} {}", names.join(", "))
        })
        .collect();
    let voices = members
        .iter()
        .filter(|m| !same(m))
        .filter_map(|m| att(m).and_then(|a| a.source.clone()))
        .chain(anchor_source.clone())
        .collect::<std::collections::BTreeSet<_>>();
    let unnamed = source_of(anchor).is_none_or(|s| s.kind == SourceKind::Anonymous);
    if voices.len() <= 1 && unnamed {
        out.push("rests on one anonymous source".into());
    } else if out.is_empty() {
        out.push(format!("stated by {} alone", name(anchor)));
    }
    out.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shorter_name_inside_a_longer_is_one_voice() {
        assert!(one_voice("مصدر أردني", "مصدر حكومي أردني مطلع على الملف"));
        assert!(!one_voice("مصدر أردني", "مصدر سوري"));
    }

    #[test]
    fn a_title_is_the_first_clause_in_the_statement_s_words() {
        assert_eq!(
            title("«المحادثات ليست جديدة ولا سرية»، وهي تجري منذ أشهر بعلم الجميع"),
            "المحادثات ليست جديدة ولا سرية"
        );
        let long = "الوزارة ستعلن غدا عن خطة جديدة لإصلاح التعليم في المدارس الحكومية والخاصة وفي الجامعات كذلك";
        assert!(title(long).ends_with('…'));
        assert!(title(long).split_whitespace().count() <= TITLE_WORDS);
    }
}
