//! Stage 7: tie every attribution to a source entity.
//!
//! A named mention joins an earlier source when it is the same words, a bare anaphor of its
//! head (المصدر ← مصدر إسرائيلي مطلع), or a surname of a named person (روبيو ← … ماركو روبيو).
//! A cue without a mention (وأضاف، مضيفا، لكنها قالت) takes the most recent speaker that
//! agrees in gender and number, else the most recent one: machine-translated text breaks
//! agreement. Each source gets a kind, an affiliation and a role from the lexicon.

use crate::clitics;
use crate::lexicon::{Lexicon, PlaceForm};
use crate::model::{CueKind, Gender, Number, SourceKind};
use crate::parse::Draft;
use crate::segment::Document;

/// A source before serialization, in token coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Every mention, in text order.
    pub mentions: Vec<(usize, usize)>,
    /// The mention giving the fullest name.
    pub name: (usize, usize),
    /// Content words of the name, folded, without article or ل.
    keys: Vec<String>,
    /// Agreement.
    pub gender: Gender,
    /// Agreement number.
    pub number: Number,
    /// Kind.
    pub kind: SourceKind,
    /// ISO country.
    pub affiliation: Option<String>,
    /// Title tokens.
    pub role: Option<(usize, usize)>,
}

/// Sources and, for each draft, its source index.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// Entities in order of first mention.
    pub entities: Vec<Entity>,
    /// Per draft.
    pub source_of: Vec<Option<usize>>,
}

/// Resolves the drafts' sources. `dateline` becomes an entity of its own.
pub fn resolve(
    doc: &Document,
    lex: &Lexicon,
    drafts: &[Draft],
    dateline: Option<(usize, usize)>,
) -> Resolution {
    let mut r = Resolution::default();
    let r_ent = |r: &mut Resolution, e: Entity| {
        r.entities.push(e);
        r.entities.len() - 1
    };
    if let Some(m) = dateline {
        let mut e = profile(doc, lex, m, false);
        e.kind = SourceKind::Media;
        r_ent(&mut r, e);
    }
    for (i, d) in drafts.iter().enumerate() {
        let src = if d.agentless {
            None
        } else if let Some(m) = d.mention {
            let cand = profile(doc, lex, m, d.kind == CueKind::Preposition);
            if cand.keys.is_empty() {
                None
            } else {
                match find_existing(&r.entities, &cand, lex) {
                    Some(k) => {
                        let e = &mut r.entities[k];
                        e.mentions.push(m);
                        if cand.keys.len() > e.keys.len() && cand.kind != SourceKind::Unknown {
                            let mentions = std::mem::take(&mut e.mentions);
                            *e = Entity { mentions, ..cand };
                        }
                        Some(k)
                    }
                    None => Some(r_ent(&mut r, cand)),
                }
            }
        } else {
            antecedent(&r, drafts, i)
        };
        r.source_of.push(src);
    }
    r
}

/// The speaker a cue without a mention continues.
fn antecedent(r: &Resolution, drafts: &[Draft], i: usize) -> Option<usize> {
    let d = &drafts[i];
    // How far back, in tokens, a participle still continues the last speaker.
    const PARTICIPLE_REACH: usize = 200;
    let prior: Vec<usize> = (0..i)
        .rev()
        .filter(|&k| r.source_of[k].is_some())
        .take(6)
        .collect();
    // A participle continues the nearest speaker, whatever its agreement.
    if d.kind == CueKind::Participle {
        if let Some(&k) = prior.first() {
            if drafts[k].cue.0 + PARTICIPLE_REACH > d.cue.0 {
                return r.source_of[k];
            }
        }
    }
    let agrees = |k: usize| {
        let e = &r.entities[r.source_of[k].expect("filtered")];
        gender_agrees(d.gender, d.number, e.gender, e.number)
    };
    prior
        .iter()
        .copied()
        .find(|&k| agrees(k))
        .or_else(|| prior.first().copied())
        .and_then(|k| r.source_of[k])
}

fn gender_agrees(cue_g: Gender, cue_n: Number, g: Gender, n: Number) -> bool {
    let g_ok = cue_g == Gender::Unknown || g == Gender::Unknown || cue_g == g;
    // A plural verb wants a plural human subject; a singular feminine verb also fits non-human plurals.
    let n_ok = match cue_n {
        Number::Plural => n == Number::Plural,
        Number::Singular => {
            n != Number::Plural || g == Gender::Feminine && cue_g == Gender::Feminine
        }
        _ => true,
    };
    g_ok && n_ok
}

fn find_existing(entities: &[Entity], cand: &Entity, lex: &Lexicon) -> Option<usize> {
    // Only recent entities are candidates, which keeps resolution linear on long inputs.
    const WINDOW: usize = 64;
    let recent = || entities.iter().enumerate().rev().take(WINDOW);
    if let Some((k, _)) = recent().find(|(_, e)| e.keys == cand.keys) {
        return Some(k);
    }
    if cand.keys.len() == 1 {
        let w = &cand.keys[0];
        let is_head =
            lex.bodies.starts(w) || lex.titles.starts(w) || lex.titles.starts(&format!("ال{w}"));
        if is_head {
            // المصدر ← مصدر إسرائيلي; المصادر ← مصادر مطلعة; الوزير ← وزير الخارجية …
            return recent()
                .find(|(_, e)| e.keys.iter().any(|k| same_head(k, w)))
                .map(|(k, _)| k);
        }
        // A surname: روبيو ← ماركو روبيو; a short name of a body: الجبهة ← جبهة الفدائيين.
        if lex.places.starts(w) || lex.media.starts(w) {
            return None;
        }
        return recent()
            .find(|(_, e)| {
                e.kind == SourceKind::NamedPerson && e.keys.last() == Some(w) && e.keys.len() > 1
            })
            .map(|(k, _)| k);
    }
    // A title or description repeated without the name: الوزير القطري ← وزير الخارجية القطري.
    None
}

fn same_head(a: &str, b: &str) -> bool {
    a == b || (a.len() > 4 && b.starts_with(a)) || (b.len() > 4 && a.starts_with(b))
}

/// Builds an entity from one mention.
fn profile(doc: &Document, lex: &Lexicon, (s, e): (usize, usize), lam: bool) -> Entity {
    let words: Vec<&str> = (s..e).map(|i| doc.text(i)).collect();
    let mut keys = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if !w.chars().next().is_some_and(char::is_alphanumeric) || *w == "ل" {
            continue;
        }
        let mut base = clitics::without_article(w);
        if k == 0 && lam && base == *w && base.starts_with('ل') && base.chars().count() > 3 {
            base = &base['ل'.len_utf8()..];
        }
        keys.push(base.to_string());
    }
    let mut kind = SourceKind::Unknown;
    let mut gender = Gender::Unknown;
    let mut number = Number::Singular;
    let mut role = None;
    let mut affiliation = None;
    let mut named_words = 0;
    let mut k = 0;
    while k < words.len() {
        let w = words[k];
        let base = clitics::without_article(w);
        let lam_base = if lam && k == 0 {
            base.strip_prefix('ل').unwrap_or(base)
        } else {
            base
        };
        if let Some((len, _)) = lex.media.longest(&words, k) {
            if kind == SourceKind::Unknown {
                kind = SourceKind::Media;
            }
            k += len;
            continue;
        }
        if let Some((len, g)) = lex.titles.longest(&words, k) {
            role.get_or_insert((s + k, s + k + len));
            if gender == Gender::Unknown {
                gender = *g;
            }
            k += len;
            continue;
        }
        if let Some((len, place)) = lex.places.longest(&words, k) {
            if affiliation.is_none() {
                affiliation.clone_from(&place.code);
            }
            if kind == SourceKind::Unknown
                && k == 0
                && matches!(place.form, PlaceForm::Country | PlaceForm::Capital)
            {
                kind = SourceKind::OfficialBody;
                gender = Gender::Feminine;
            }
            k += len;
            continue;
        }
        let body = lex
            .bodies
            .longest_with(lam_base, |_| None)
            .or_else(|| lex.bodies.longest_with(w, |_| None));
        if let Some((_, b)) = body {
            // Only the head names the kind: المفتش العام في وزارة العدل is a person.
            if (kind == SourceKind::Unknown && named_words == 0 && role.is_none())
                || (k == 0 && role.is_none())
            {
                kind = b.kind;
                gender = b.gender;
                number = b.number;
            }
            k += 1;
            continue;
        }
        if lex.anonymity.starts(base)
            || w.chars().all(|c| c.is_ascii_digit())
            || !w.chars().any(char::is_alphabetic)
        {
            k += 1;
            continue;
        }
        named_words += 1;
        k += 1;
    }
    if role.is_some() && named_words > 0 && kind == SourceKind::Unknown {
        kind = SourceKind::NamedPerson;
    } else if role.is_some() && kind == SourceKind::Unknown {
        kind = SourceKind::Anonymous;
    } else if kind == SourceKind::Unknown && named_words > 0 {
        kind = SourceKind::NamedPerson;
    }
    if role.is_some() && named_words > 0 && kind == SourceKind::OfficialBody {
        kind = SourceKind::NamedPerson;
    }
    if gender == Gender::Unknown && kind == SourceKind::NamedPerson {
        gender = Gender::Masculine;
    }
    Entity {
        mentions: vec![(s, e)],
        name: (s, e),
        keys,
        gender,
        number,
        kind,
        affiliation,
        role,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{cues, parse};

    fn sources(src: &str) -> Vec<Option<String>> {
        let lex = Lexicon::embedded();
        let doc = Document::new(src);
        let c = cues::find(&doc, &lex);
        let drafts = parse::parse(&doc, &lex, &c, &vec![false; doc.paragraphs.len()]);
        let r = resolve(&doc, &lex, &drafts, None);
        r.source_of
            .iter()
            .map(|s| {
                s.map(|k| {
                    let (a, b) = r.entities[k].name;
                    doc.folded(a, b).to_string()
                })
            })
            .collect()
    }

    #[test]
    fn pro_drop_takes_the_last_speaker() {
        let got = sources("قال الوزير إن الوضع مستقر. وأضاف أن المحادثات مستمرة.");
        assert_eq!(got, [Some("الوزير".into()), Some("الوزير".into())]);
    }

    #[test]
    fn pro_drop_prefers_agreement() {
        let got = sources("قالت الوزارة إن الوضع مستقر. وقال المتحدث إن الحدود مغلقة. وأضافت أن المعبر سيفتح غدا.");
        assert_eq!(got[2].as_deref(), Some("الوزاره"));
    }

    #[test]
    fn anaphor_joins_its_head() {
        let got = sources("قال مصدر أمني مطلع إن الهجوم فشل. وقال المصدر إن التحقيق بدأ.");
        assert_eq!(got[1].as_deref(), Some("مصدر امني مطلع"));
    }

    #[test]
    fn surname_joins_the_full_name() {
        let got = sources(
            "قال وزير الخارجية سامي الحداد إن الاتفاق قريب. وقال الحداد إن الجولة المقبلة في عمان.",
        );
        assert_eq!(got[1], got[0]);
    }

    #[test]
    fn different_heads_stay_apart() {
        let got = sources("قالت الوزارة إن المعبر مغلق. وقال الجيش إن الحدود آمنة.");
        assert_ne!(got[0], got[1]);
    }
}
