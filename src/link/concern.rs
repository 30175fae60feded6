//! Linking by who a claim is about. A claim names the party it concerns: the one accused (the
//! parser's accusation target), the agent of its content, the body it is about. A denial,
//! refusal, silence or confirmation by that party, its spokesman, the body it speaks for, or
//! (for an official body) its country answers the claim: «نفت الحكومة الفيتنامية» answers «اتهم
//! الباحث الحكومة الفيتنامية بالضلوع»; «قال الجيش الإسرائيلي إنه لم تكن هناك محادثات» answers
//! «أجرت إسرائيل محادثات».
//!
//! The party's words are the distinctive words of every mention of the speaker and of the body
//! it speaks for (not titles, heads such as وزارة or مصادر, or function words), compared by
//! stem; a word common across the archive names no one. Precision first: an answer with a
//! content of its own must also share what it answers (a rare word beyond the names), and a
//! bare answer (نفت ذلك، رفض التعليق) reaches only the claims just before it.

use std::cmp::Reverse;

use super::pair::Statement;
use super::roles::{Role, Roles};
use super::statements::Statements;
use super::terms::{stem_of, with_stem, Terms};
use super::words::Words;
use super::{Link, MAX_TOKENS};
use crate::clitics;
use crate::cues::Feat;
use crate::lexicon::{Lexicon, Marker};
use crate::model::{RelationKind, SourceKind, Stance};
use crate::parse::Draft;
use crate::resolve::{Entity, Resolution};
use crate::segment::Document;

/// The least archive rarity of a name word that identifies a party (طالبان، الفيتنامية, not
/// الدولية).
const NAME_RARITY: f32 = 0.25;

/// Who a speaker is, as words a claim can name it by.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Party {
    /// Stems of the distinctive words of its names and of the body it speaks for.
    pub stems: Vec<String>,
    /// Its country, when it is an official body or speaks for one.
    pub country: Option<String>,
}

/// What a claim names: the stems of its words and the countries they refer to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Named {
    /// Stems of its words, and of each word read without a leading ب، ل or ك.
    pub stems: Vec<String>,
    /// Countries named (إسرائيل، الإسرائيلي، تل أبيب → IL).
    pub countries: Vec<String>,
}

/// How a claim names a party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Naming {
    /// By its country only.
    Country,
    /// By a name word.
    Name,
}

/// The readings of a folded word: itself, without a conjunction, without the article, without a
/// preposition; each once.
fn readings(w: &str) -> impl Iterator<Item = &str> {
    // At most four per conjunction reading and the word without its tanween: no allocation.
    let mut out: [&str; 9] = [""; 9];
    let mut len = 0;
    fn push<'w>(out: &mut [&'w str; 9], len: &mut usize, x: &'w str) {
        if !out[..*len].contains(&x) {
            out[*len] = x;
            *len += 1;
        }
    }
    for (_, r) in clitics::without_conjunction(w) {
        push(&mut out, &mut len, r);
        push(&mut out, &mut len, clitics::without_article(r));
        if let Some(p) = clitics::without_preposition(r) {
            push(&mut out, &mut len, p);
            push(&mut out, &mut len, clitics::without_article(p));
        }
    }
    // باكستانيا: without its tanween.
    if let Some(t) = clitics::without_tanween(w) {
        out[len] = t;
        len += 1;
    }
    out.into_iter().take(len)
}

/// The country a word names, if any.
fn country(lex: &Lexicon, w: &str) -> Option<String> {
    readings(w).find_map(|r| {
        lex.places
            .longest(&[r], 0)
            .and_then(|(_, p)| p.code.clone())
    })
}

/// Whether a folded word is definite under some clitic reading (الوزارة، بالحكومة، والمصادر).
fn definite(w: &str) -> bool {
    clitics::without_conjunction(w).any(|(_, r)| {
        let r = clitics::without_preposition(r).unwrap_or(r);
        clitics::without_article(r) != r
    })
}

/// Whether a word names no one on its own: a function word, a title, an anonymity word, a
/// quantifier, or a source's head noun used as one (الوزارة، وزارة الخارجية، مصادر at the head
/// of a mention), not a body's own name (طالبان، حركة طالبان).
fn generic(lex: &Lexicon, w: &str, head: bool, next: Option<&str>) -> bool {
    if !clitics::at_least(w, 3) {
        return true;
    }
    // رئيسها، وزيره: a title with a pronoun is still a title.
    let title = |r: &str| {
        lex.titles.starts(r)
            || clitics::without_enclitic(r).is_some_and(|(base, _)| lex.titles.starts(base))
    };
    if readings(w).any(|r| {
        lex.stopword(r).is_some()
            || title(r)
            || lex.anonymity.starts(r)
            || lex.marks(r, Marker::Quantifier)
            || lex.marks(r, Marker::Same)
    }) {
        return true;
    }
    let body = readings(w).any(|r| lex.bodies.starts(r));
    body && (head || definite(w) || next.is_some_and(definite))
}

/// The party of a source entity.
pub fn party(doc: &Document, lex: &Lexicon, feats: &[Feat], e: &Entity) -> Party {
    let words = Words::get();
    let mut p = Party::default();
    let spans = e.mentions.iter().chain(e.represents.iter()).copied();
    for (s, end) in spans {
        let end = end.min(feats.len());
        for (t, f) in feats.iter().enumerate().take(end).skip(s) {
            if !f.word {
                continue;
            }
            let w = doc.text(t);
            let next = (t + 1 < end).then(|| doc.text(t + 1));
            let head = t == s && end > s + 1;
            // وزير الدولة الذي يترأس وفد بلاده في مفاوضات مع …: what follows a relative or
            // a preposition describes the speaker, it does not name it.
            if words.relative(w) || matches!(w, "مع" | "حول" | "علي" | "عن" | "الي" | "بشان")
            {
                break;
            }
            // A place names a country, which only an official body answers for.
            if generic(lex, w, head, next) || country(lex, w).is_some() {
                continue;
            }
            let stem = stem_of(lex, w);
            if words.rarity(&stem) >= NAME_RARITY && !p.stems.contains(&stem) {
                p.stems.push(stem);
            }
        }
    }
    let official = matches!(e.kind, SourceKind::OfficialBody) || e.represents.is_some();
    if official {
        p.country.clone_from(&e.affiliation);
    }
    p
}

/// What tokens `s..e` name.
pub fn named(doc: &Document, lex: &Lexicon, feats: &[Feat], (s, e): (usize, usize)) -> Named {
    let mut n = Named::default();
    let e = e.min(s + MAX_TOKENS).min(feats.len());
    for (t, f) in feats.iter().enumerate().take(e).skip(s) {
        if !f.word {
            continue;
        }
        let w = doc.text(t);
        if let Some(c) = country(lex, w) {
            if !n.countries.contains(&c) {
                n.countries.push(c);
            }
        }
        let next = (t + 1 < e).then(|| doc.text(t + 1));
        if generic(lex, w, false, next) {
            continue;
        }
        let mut push = |x: &str| {
            if !n.stems.iter().any(|s| s == x) {
                n.stems.push(x.to_string());
            }
        };
        with_stem(lex, w, &mut push);
        for (_, r) in clitics::without_conjunction(w) {
            if let Some(p) = clitics::without_preposition(r) {
                with_stem(lex, p, &mut push);
            }
        }
    }
    n
}

/// How a claim names a party, if it does.
pub fn naming(p: &Party, n: &Named) -> Option<Naming> {
    if p.stems.iter().any(|s| n.stems.contains(s)) {
        Some(Naming::Name)
    } else if p.country.as_ref().is_some_and(|c| n.countries.contains(c)) {
        Some(Naming::Country)
    } else {
        None
    }
}

/// What two statements share beyond names: the archive rarity of the stems both have that name
/// no party (so a claim and its answer share a predicate, not only who it is about).
pub fn shared_beyond(lex: &Lexicon, a: &Statement, b: &Statement, parties: &Party) -> f32 {
    let words = Words::get();
    a.stems
        .iter()
        .zip(&a.words)
        .filter(|(s, _)| b.stems.contains(s) && !parties.stems.iter().any(|p| **p == ***s))
        // الشركات «الفرنسية»: a country's name or nisba names a party, as the party's own
        // names do.
        .filter(|(_, w)| country(lex, w).is_none())
        .map(|(s, _)| {
            if s.starts_with('=') {
                0.6
            } else {
                words.rarity(s)
            }
        })
        .sum()
}

/// The relation an answer makes, if the attribution is one: a denial (by its verb or a content
/// that denies), a refusal or silence, a confirmation, or a statement whose main clause is
/// negated.
fn answer_kind(d: &Draft, t: &Terms, st: &Statement) -> Option<RelationKind> {
    if let Some(k) = super::noncommittal(d.stance) {
        return Some(k);
    }
    match d.stance {
        Stance::Denies => Some(RelationKind::Denies),
        _ if t.denial => Some(RelationKind::Denies),
        Stance::Confirms if !t.negative => Some(RelationKind::Confirms),
        Stance::Asserts | Stance::Confirms if t.negative && !t.pointer => {
            Some(RelationKind::Contradicts)
        }
        Stance::Asserts if st.deny_opens && !t.negative => Some(RelationKind::Denies),
        _ => None,
    }
}

/// What the concerned-party rule needs of the rest of linking.
pub struct Context<'a> {
    /// The document.
    pub doc: &'a Document,
    /// The lexicon.
    pub lex: &'a Lexicon,
    /// Token features.
    pub feats: &'a [Feat],
    /// The attributions.
    pub drafts: &'a [Draft],
    /// Their sources.
    pub res: &'a Resolution,
    /// Their terms.
    pub terms: &'a [Terms],
    /// Whether two come from different sources.
    pub other_source: &'a dyn Fn(usize, usize) -> bool,
    /// Whether one is nested in the other.
    pub nested: &'a dyn Fn(usize, usize) -> bool,
    /// Whether one states a claim.
    pub states: &'a dyn Fn(usize) -> bool,
    /// Each attribution's chain of sources.
    pub chains: &'a [Vec<usize>],
    /// Each attribution's parent, the one whose content holds it.
    pub parents: &'a [Option<usize>],
    /// The dateline's entity, at the end of every chain.
    pub dateline: Option<usize>,
    /// Each attribution's statement, read once.
    pub statements: &'a Statements<'a>,
    /// Parties and what each claim names, read once.
    pub cache: std::cell::RefCell<Cache>,
}

/// What [`concerns`] reads once per entity and per attribution.
#[derive(Debug, Default)]
pub struct Cache {
    parties: Vec<Option<Party>>,
    names: Vec<Option<Named>>,
}

/// How many sentences apart a bare answer (نفت ذلك، رفض التعليق) and its claim may stand.
const BARE_REACH: u32 = 3;
/// ... and an answer with a content of its own.
const REACH: u32 = 40;
/// What an answer with a content must share with its claim beyond names (archive rarity).
const MIN_BEYOND: f32 = 0.5;
/// The most claims one answer reaches.
const MOST: usize = 3;

/// The links from answers by the concerned party to the claims that name it, each with the
/// answering attribution and whether it answers by pointing (نفت ذلك، ما نشرته الصحيفة، هذه
/// الاتهامات) rather than by what it says.
pub fn answers(cx: &Context) -> Vec<(usize, bool, Link)> {
    let n = cx.drafts.len();
    let sentence = |i: usize| cx.doc.tokens[cx.drafts[i].cue.0].sentence;
    let mut parties: Vec<Option<Party>> = vec![None; cx.res.entities.len()];
    let mut names: Vec<Option<Named>> = vec![None; n];
    let mut out = Vec::new();
    for j in 0..n {
        let Some(src) = cx.res.source_of[j] else {
            continue;
        };
        if doubtful(cx, j) {
            continue;
        }
        let sj = cx.statements.get(j);
        let marks = role_marks(cx, j);
        let kind = answer_kind(&cx.drafts[j], &cx.terms[j], sj);
        // ما نشرته الصحيفة: the statements of the source named.
        if let Some(at) = marks.report {
            let xs = reported(cx, j, at);
            let kind = kind.unwrap_or(RelationKind::Corroborates);
            if !xs.is_empty() && kind != RelationKind::Contradicts {
                let party = parties[src]
                    .get_or_insert_with(|| party(cx.doc, cx.lex, cx.feats, &cx.res.entities[src]))
                    .clone();
                out.extend(
                    toward_source(cx, j, &xs, kind, &party)
                        .into_iter()
                        .map(|l| (j, true, l)),
                );
                continue;
            }
        }
        // The accusations against it, its innocence, its part in an act: the claims about it.
        let denies = kind == Some(RelationKind::Denies);
        let defends = marks.innocence || ((marks.accusation || marks.involvement) && denies);
        let Some(kind) = (if defends {
            Some(RelationKind::Denies)
        } else {
            kind
        }) else {
            continue;
        };
        let party = parties[src]
            .get_or_insert_with(|| party(cx.doc, cx.lex, cx.feats, &cx.res.entities[src]))
            .clone();
        if party.stems.is_empty() && party.country.is_none() {
            continue;
        }
        let bare = cx.terms[j].pointer || cx.terms[j].stems.is_empty() || defends;
        // A refusal or a confirmation with a topic of its own is linked by what it says; only a
        // bare one is linked by whom it answers.
        let denies = kind.family() == crate::model::Family::Oppose;
        if !bare && !denies {
            continue;
        }
        let here = sentence(j);
        let mut found: Vec<(f32, usize)> = Vec::new();
        // Drafts are in text order: only those within reach are looked at.
        let reach = if bare && !defends { BARE_REACH } else { REACH };
        let first = cx
            .drafts
            .partition_point(|d| cx.doc.tokens[d.cue.0].sentence + reach < here);
        let last = cx
            .drafts
            .partition_point(|d| cx.doc.tokens[d.cue.0].sentence <= here + reach);
        for (i, name) in names.iter_mut().enumerate().take(last).skip(first) {
            if i == j
                || !(cx.other_source)(i, j)
                || (cx.nested)(i, j)
                || !(cx.states)(i)
                || cx.terms[i].negative
                || cx.terms[i].stems.is_empty()
            {
                continue;
            }
            let there = sentence(i);
            let near = if !faces_later(here, there) {
                false
            } else if defends && !cx.terms[j].pointer {
                there.abs_diff(here) <= REACH
            } else if bare {
                there <= here && there + BARE_REACH >= here
            } else {
                there.abs_diff(here) <= REACH
            };
            if !near {
                continue;
            }
            let ni = name.get_or_insert_with(|| claim_names(cx, i));
            let Some(how) = naming(&party, ni) else {
                continue;
            };
            // A confirmation or a silence names its party by name.
            if kind.family() != crate::model::Family::Oppose && how != Naming::Name {
                continue;
            }
            let si = cx.statements.get(i);
            // What denies or refuses stands with an answer; what negates any clause of its
            // own hedges (عدم المساس بهم): no denial faces it.
            if si.deny || si.refuse || (si.negates && kind.family() == crate::model::Family::Oppose)
            {
                continue;
            }
            // A negated statement contradicts only a claim holding the word it negates (لم
            // تكن هناك «محادثات» against أجرت محادثات).
            if kind == RelationKind::Contradicts && !sj.negated.iter().any(|w| si.stems.contains(w))
            {
                continue;
            }
            let beyond = shared_beyond(cx.lex, si, sj, &party);
            if !bare && beyond < MIN_BEYOND {
                continue;
            }
            let strength = match how {
                Naming::Name => 1.0,
                Naming::Country => 0.6,
            };
            // Nearer claims first among bare answers.
            let closeness = 1.0 / (1.0 + there.abs_diff(here) as f32);
            found.push((strength + beyond + 0.1 * closeness, i));
        }
        found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        // One statement heard twice (أعلنت الجبهة … على لسان المتحدث) is answered once.
        let mut kept: Vec<(f32, usize)> = Vec::new();
        for f in found {
            if !kept.iter().any(|k| overlap(cx.drafts, k.1, f.1)) {
                kept.push(f);
            }
        }
        for (score, i) in kept.into_iter().take(MOST) {
            let evidence = cx.terms[j]
                .shared_with(&cx.terms[i])
                .iter()
                .map(|&k| cx.terms[j].tokens[k])
                .collect();
            out.push((
                j,
                bare,
                Link {
                    from: i.max(j),
                    to: i.min(j),
                    kind,
                    score: (score / 2.0).clamp(super::MIN_LINK, 1.0),
                    evidence,
                },
            ));
        }
    }
    out
}

/// What role words an answer's content holds.
#[derive(Debug, Default)]
struct Marks {
    accusation: bool,
    innocence: bool,
    involvement: bool,
    /// The token of a verb of publishing right after ما or a relative (ما «نشرته» الصحيفة).
    report: Option<usize>,
}

/// The farthest word of a content a verb of publishing that points is.
const REPORT_AT: usize = 4;
/// How far into a content a role word is looked for.
const ROLE_REACH: usize = 24;

fn role_marks(cx: &Context, j: usize) -> Marks {
    let mut m = Marks::default();
    let Some((s, e)) = cx.drafts[j].content else {
        return m;
    };
    let roles = Roles::get();
    let words = Words::get();
    let mut prev: Option<&str> = None;
    // Up to the first attribution nested in it: its words are that one's.
    let limit = cx.drafts[j + 1..]
        .iter()
        .map(|d| d.cue.0)
        .take_while(|&c| c < e)
        .find(|&c| s < c)
        .unwrap_or(e);
    let mut seen = 0usize;
    for t in s..e.min(s + ROLE_REACH).min(cx.feats.len()) {
        if !cx.feats[t].word {
            continue;
        }
        seen += 1;
        let w = cx.doc.text(t);
        // The verb of publishing may itself be the nested cue (التي «أعلنتها» السلطات).
        if t >= limit && seen > REPORT_AT {
            break;
        }
        let own = t < limit;
        match roles.of(w) {
            // مزاعم «الحكومة»، اتهامات «واشنطن»: the claims a party made, which the answer
            // faces as it faces what a named source published; not the claims against it.
            Some(Role::Accusation) if own && seen <= REPORT_AT && of_party(cx, w, t + 1) => {
                m.report.get_or_insert(t);
            }
            Some(Role::Accusation) if own => m.accusation = true,
            Some(Role::Innocence) if own => m.innocence = true,
            Some(Role::Involvement) if own => m.involvement = true,
            Some(Role::Accusation | Role::Innocence | Role::Involvement) => {}
            Some(Role::Identity) => {}
            Some(Role::Report) => {
                let after_relative = prev.is_some_and(|p| {
                    clitics::without_conjunction(p).any(|(_, r)| {
                        matches!(r, "ما" | "لما" | "عما" | "بما") || words.relative(r)
                    })
                });
                // ما نشرته الصحيفة، المعلومات التي أعلنتها: at the head of the content.
                if after_relative && m.report.is_none() && seen <= REPORT_AT {
                    m.report = Some(t);
                }
            }
            None => {}
        }
        prev = Some(w);
    }
    m
}

/// Whether the claim noun `noun` is in construct with a party at token `next` (مزاعم الحكومة،
/// اتهامات واشنطن، ادعاءات الصحيفة): the noun is indefinite and the word after it names a
/// body, a medium, a country or a source of the story; not a topic (اتهامات الفساد) or an
/// adjective (المزاعم الكاذبة).
fn of_party(cx: &Context, noun: &str, next: usize) -> bool {
    if definite(noun) || next >= cx.feats.len() || !cx.feats[next].word {
        return false;
    }
    let w = cx.doc.text(next);
    let bare = clitics::without_article(w);
    cx.lex.bodies.starts(w)
        || cx.lex.bodies.starts(bare)
        || cx.lex.media.starts(w)
        || country(cx.lex, w).is_some()
        || cx
            .res
            .entities
            .iter()
            .any(|e| e.mentions.iter().any(|&(s, e)| (s..e).contains(&next)))
}

/// The most words of the source named after a verb of publishing.
const REPORTED_WORDS: usize = 5;

/// The source named after the verb of publishing at `at` (ما نشرته «الصحيفة»، ما صرحت به
/// «الصحفية فلانة»): the entities whose names share most of its words (every name form of
/// one speaker), or by country for an official body (السلطات الأفغانية).
fn reported(cx: &Context, j: usize, at: usize) -> Vec<usize> {
    let Some((_, end)) = cx.drafts[j].content else {
        return Vec::new();
    };
    let mut k = at + 1;
    // ما صرحت «به» فلانة.
    if k < end && matches!(cx.doc.text(k), "به" | "بها" | "عنه" | "عنها") {
        k += 1;
    }
    let stop = (k..end.min(k + REPORTED_WORDS))
        .find(|&t| {
            !cx.feats[t].word
                || cx.feats[t].is(crate::lexicon::WordClass::Prep)
                || cx.feats[t].is(crate::lexicon::WordClass::Complementizer)
        })
        .unwrap_or(end.min(k + REPORTED_WORDS));
    // المعارضة and المعارض name one side.
    let key = |w: &str| {
        let st = stem_of(cx.lex, w);
        match st.strip_suffix('ه') {
            Some(b) if clitics::at_least(b, 3) => b.to_string(),
            _ => st,
        }
    };
    let wanted: Vec<String> = (k..stop)
        .map(|t| cx.doc.text(t))
        .filter(|w| clitics::at_least(w, 3) && cx.lex.stopword(w).is_none())
        .map(key)
        .collect();
    let countries: Vec<String> = (k..stop)
        .filter_map(|t| country(cx.lex, cx.doc.text(t)))
        .collect();
    let scored: Vec<(usize, bool, bool, usize)> = cx
        .res
        .entities
        .iter()
        .enumerate()
        .filter(|&(x, _)| Some(x) != cx.res.source_of[j] && Some(x) != cx.dateline)
        .map(|(x, e)| {
            let words: Vec<String> = e
                .mentions
                .iter()
                .flat_map(|&(s, t)| s..t)
                .filter(|&t| cx.feats[t].word)
                .map(|t| key(cx.doc.text(t)))
                .collect();
            let hits = wanted.iter().filter(|w| words.contains(w)).count();
            let official = matches!(e.kind, SourceKind::OfficialBody) || e.represents.is_some();
            let of_country = official
                && e.affiliation
                    .as_ref()
                    .is_some_and(|c| countries.contains(c));
            let anonymous = e.kind == SourceKind::Anonymous;
            (hits + usize::from(of_country), of_country, anonymous, x)
        })
        .collect();
    let best = scored.iter().map(|&(h, ..)| h).max().unwrap_or(0);
    if best == 0 {
        return Vec::new();
    }
    // ما ذكرته هيئة الإعلام names the body, not an anonymous source inside it (مصدر مطلع في
    // هيئة الإعلام), unless only such a source has its words (ما ذكرته المصادر).
    let named = scored
        .iter()
        .any(|&(h, _, anonymous, _)| h == best && !anonymous);
    // السلطات الأفغانية: every official of the country speaks for them.
    scored
        .into_iter()
        .filter(|&(h, of_country, anonymous, _)| (h == best && !(named && anonymous)) || of_country)
        .map(|(.., x)| x)
        .collect()
}

/// How many sentences apart an answer and the statements of the source it names may stand: the
/// source is named, so as far as an answer with a content reaches.
const REPORT_REACH: u32 = REACH;

/// The links from `j` to the statements of the sources `xs`, the nearest first (those before
/// it before those after); those that name the answering party, when some do.
fn toward_source(
    cx: &Context,
    j: usize,
    xs: &[usize],
    kind: RelationKind,
    party: &Party,
) -> Vec<Link> {
    let sentence = |i: usize| cx.doc.tokens[cx.drafts[i].cue.0].sentence;
    let here = sentence(j);
    let by = |i: usize| {
        let chain = &cx.chains[i];
        let chain = match (chain.last(), cx.dateline) {
            (Some(&l), Some(d)) if l == d => &chain[..chain.len() - 1],
            _ => &chain[..],
        };
        xs.iter()
            .any(|&x| cx.res.source_of[i] == Some(x) || chain.contains(&x))
    };
    let mut found: Vec<(bool, Reverse<usize>, bool, u32, usize)> = (0..cx.drafts.len())
        .filter(|&i| {
            i != j
                && by(i)
                && (cx.states)(i)
                && (cx.other_source)(i, j)
                && !(cx.nested)(i, j)
                && !cx.terms[i].stems.is_empty()
                // What it points at was said elsewhere, not in its own sentence.
                && sentence(i) != here
                && sentence(i).abs_diff(here) <= REPORT_REACH
        })
        .map(|i| {
            let names = cx.drafts[i]
                .content
                .is_some_and(|c| naming(party, &named(cx.doc, cx.lex, cx.feats, c)).is_some());
            // What the answer goes on to say of it (المعلومات التي أعلنتها السلطات عن «وفاة»
            // …) picks among its statements.
            let shared = cx.terms[j].shared_with(&cx.terms[i]).len();
            (
                !names,
                Reverse(shared),
                i > j,
                sentence(i).abs_diff(here),
                i,
            )
        })
        .collect();
    found.sort();
    let some_name = found.first().is_some_and(|f| !f.0);
    // When some share what the answer says of them, only those.
    let some_shared = found.iter().any(|f| f.1 .0 > 0 && (!some_name || !f.0));
    found
        .into_iter()
        .filter(|f| !some_name || !f.0)
        .filter(|f| !some_shared || f.1 .0 > 0)
        // With nothing in common to choose by, what is pointed at is one statement: the first
        // in that order, the nearest before the answer.
        .take(if some_shared { MOST } else { 1 })
        .map(|(_, _, _, _, i)| Link {
            from: i.max(j),
            to: i.min(j),
            kind,
            score: 0.6,
            evidence: cx.drafts[j]
                .content
                .map(|(s, e)| (s..e.min(s + 6)).filter(|&k| cx.feats[k].word).collect())
                .unwrap_or_default(),
        })
        .collect()
}

/// The sentences of a story's headline and lead: an answer there may face what the story goes
/// on to report.
const LEAD_SENTENCES: u32 = 2;

/// Whether an answer in sentence `here` may face a statement in sentence `there`: one before
/// it, in the next sentence (نفت موسكو التهم التي توجهها لها كييف، وتتهمها …), or anywhere
/// after a headline or lead; not a statement the story reports later on another matter.
pub fn faces_later(here: u32, there: u32) -> bool {
    there <= here + 1 || here < LEAD_SENTENCES
}

/// Whether claim `i` names the party of `j`'s speaker, or `j` answers the accusations against
/// its speaker (نفت الاتهامات الموجهة لها): what a denial by content alone may answer.
pub fn concerns(cx: &Context, i: usize, j: usize) -> bool {
    if role_marks(cx, j).accusation {
        return true;
    }
    let Some(src) = cx.res.source_of[j] else {
        return false;
    };
    let mut cache = cx.cache.borrow_mut();
    let Cache { parties, names } = &mut *cache;
    parties.resize(cx.res.entities.len(), None);
    names.resize(cx.drafts.len(), None);
    let p =
        parties[src].get_or_insert_with(|| party(cx.doc, cx.lex, cx.feats, &cx.res.entities[src]));
    let n = names[i].get_or_insert_with(|| claim_names(cx, i));
    naming(p, n).is_some()
}

/// What attribution `i` names: in its content and its accusation target.
fn claim_names(cx: &Context, i: usize) -> Named {
    let d = &cx.drafts[i];
    let mut n = d
        .content
        .map(|c| named(cx.doc, cx.lex, cx.feats, c))
        .unwrap_or_default();
    if let Some(t) = d.target {
        let extra = named(cx.doc, cx.lex, cx.feats, t);
        n.stems.extend(extra.stems);
        n.countries.extend(extra.countries);
    }
    n
}

/// Whether two attributions' contents overlap.
fn overlap(drafts: &[Draft], a: usize, b: usize) -> bool {
    match (drafts[a].content, drafts[b].content) {
        (Some((s, e)), Some((c, d))) => s < d && c < e,
        _ => false,
    }
}

/// Whether the speaker of a participle (مبينة، مضيفا) is in doubt: it continues the verb
/// before it in its sentence, so a source other than that verb's was taken from words in
/// between (ونفت القناة ما صرحت به الصحفية، مبينة …), and an answer by it is not trusted.
fn doubtful(cx: &Context, j: usize) -> bool {
    if cx.drafts[j].kind != crate::model::CueKind::Participle {
        return false;
    }
    let sentence = |i: usize| cx.doc.tokens[cx.drafts[i].cue.0].sentence;
    (0..j)
        .rev()
        .take_while(|&k| sentence(k) == sentence(j))
        .find(|&k| cx.parents[k].is_none())
        .is_some_and(|k| cx.res.source_of[k] != cx.res.source_of[j])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues;
    use crate::normalize::fold;

    fn named_in(text: &str) -> Named {
        let lex = Lexicon::embedded();
        let doc = Document::new(text);
        let c = cues::find(&doc, &lex);
        named(&doc, &lex, &c.feats, (0, doc.len()))
    }

    #[test]
    fn a_claim_names_a_country_by_its_name_or_nisba() {
        let n = named_in("أجرت إسرائيل محادثات مع الوفد الروسي");
        assert!(n.countries.contains(&"IL".to_string()));
        assert!(n.countries.contains(&"RU".to_string()));
    }

    #[test]
    fn heads_and_titles_name_no_one() {
        let lex = Lexicon::embedded();
        let g = |w: &str, head: bool, next: Option<&str>| {
            generic(&lex, &fold(w), head, next.map(fold).as_deref())
        };
        assert!(g("الوزارة", false, None));
        assert!(g("مصادر", true, Some("مطلعة")));
        assert!(g("بوزارة", false, Some("الداخلية")));
        assert!(!g("طالبان", false, None));
        // A title with a pronoun (رئيسها فلان) names no one either.
        assert!(g("رئيسها", false, None));
    }
}
