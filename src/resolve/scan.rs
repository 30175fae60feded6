//! Looks in the text around a cue for mentions that no attribution made: the fuller form of an
//! anaphor, and the subject of the clause a coordinated verb joins. Every scan is bounded, so
//! resolution stays linear in the input.

use crate::clitics;
use crate::cues::Feat;
use crate::lexicon::{Lexicon, PlaceForm, WordClass};
use crate::segment::Document;

/// How far back, in tokens, an anaphor's fuller form is looked for.
const ANAPHOR_REACH: usize = 400;
/// How far back, in tokens, a clause subject is looked for.
const CLAUSE_REACH: usize = 40;
/// The longest name a scan takes.
const MAX_NAME: usize = 6;

/// The nearest earlier indefinite use of `head` that starts a fuller name (إدارة التأشيرات
/// والهجرة، «جبهة الفدائيين») or is a statement noun (في بيان), before token `before`.
pub(super) fn fuller_mention(
    doc: &Document,
    feats: &[Feat],
    before: usize,
    head: &str,
) -> Option<(usize, usize)> {
    let from = before.saturating_sub(ANAPHOR_REACH);
    (from..before).rev().find_map(|t| {
        let w = doc.text(t);
        // The word itself, without و/ف, or after a preposition ب/ل (لإدارة الهجرة).
        let names_head = clitics::without_conjunction(w)
            .any(|(_, r)| r == head || r.strip_prefix(['ب', 'ل']) == Some(head));
        if !names_head {
            return None;
        }
        let end = name_end(doc, feats, t + 1);
        (end > t + 1 || feats[t].statement).then_some((t, end))
    })
}

/// Where a name that began just before `from` ends: words with the article, or with a
/// conjunction and the article (التأشيرات والهجرة البريطانية).
fn name_end(doc: &Document, feats: &[Feat], from: usize) -> usize {
    let mut k = from;
    while k < feats.len() && k < from + MAX_NAME && feats[k].word {
        let w = doc.text(k);
        let rest = clitics::without_conjunction(w).last().map_or(w, |(_, r)| r);
        let definite = clitics::without_article(w) != w || clitics::without_article(rest) != rest;
        if !definite || feats[k].class.is_some() || feats[k].verb {
            break;
        }
        k += 1;
    }
    k
}

/// The subject of the clause a coordinated cue at `cue` joins: a known source right after the
/// nearest complementizer or كان-word before it in the sentence (إن بريطانيا رفضت … وأخبرته،
/// لا يزال الحزب يلتزم الصمت ويرفض التعليق).
pub(super) fn clause_subject(
    doc: &Document,
    lex: &Lexicon,
    feats: &[Feat],
    cue: usize,
) -> Option<(usize, usize)> {
    let sentence = doc.tokens[cue].sentence;
    let from = cue.saturating_sub(CLAUSE_REACH);
    (from..cue)
        .rev()
        .take_while(|&c| doc.tokens[c].sentence == sentence)
        .filter(|&c| {
            let f = &feats[c];
            matches!(f.class, Some(WordClass::Complementizer | WordClass::Kana)) && !f.enclitic
        })
        .find_map(|c| {
            let s = c + 1;
            let len = known_head(doc, lex, s)?;
            let end = name_end(doc, feats, s + len).min(cue);
            (end > s && end < cue && feats[end].word).then_some((s, end))
        })
}

/// The length of a source head the lexicon knows at `s`: a body, a title, a medium or a
/// country or capital.
fn known_head(doc: &Document, lex: &Lexicon, s: usize) -> Option<usize> {
    let words: Vec<&str> = (s..(s + MAX_NAME).min(doc.len()))
        .map(|i| doc.text(i))
        .collect();
    let first = *words.first()?;
    let base = clitics::without_article(first);
    let next = |m: usize| words.get(m).copied();
    lex.bodies
        .longest_with(base, next)
        .or_else(|| lex.bodies.longest_with(first, next))
        .map(|(n, _)| n)
        .or_else(|| lex.titles.longest(&words, 0).map(|(n, _)| n))
        .or_else(|| lex.media.longest(&words, 0).map(|(n, _)| n))
        .or_else(|| {
            lex.places
                .longest(&words, 0)
                .filter(|(_, p)| matches!(p.form, PlaceForm::Country | PlaceForm::Capital))
                .map(|(n, _)| n)
        })
}

/// Whether the one-word name `word` was introduced before token `before` as a person's surname:
/// after a given name, a title or a name word after them (وزير النفط علي العمير … وقال العمير).
pub(crate) fn introduced_surname(
    doc: &Document,
    feats: &[Feat],
    lex: &crate::lexicon::Lexicon,
    before: usize,
    word: &str,
) -> bool {
    let from = before.saturating_sub(ANAPHOR_REACH);
    (from.max(1)..before).any(|t| {
        doc.text(t) == word && {
            let prev = doc.text(t - 1);
            let name_before = lex.names.starts(prev)
                || feats[t - 1].title > 0
                // علي and على fold alike: before a family name it is the given name.
                || prev == "علي"
                || (t >= 2 && lex.names.starts(doc.text(t - 2)) && feats[t - 1].word);
            name_before && feats[t - 1].word
        }
    })
}

/// The subject of a verb that opens a clause between `from` and `cue`, nearest first: a source
/// the lexicon knows right after a sentence-initial word, or after a word with و that has no
/// article (وتخشى الحكومة موجة نزوح، وتقول …؛ وسارع رئيس البلدية إلى الرد، معتبرا …).
pub(super) fn verb_subject(
    doc: &Document,
    lex: &Lexicon,
    feats: &[Feat],
    from: usize,
    cue: usize,
) -> Option<(usize, usize)> {
    (from..cue).rev().find_map(|t| {
        let f = &feats[t];
        let sentence_start = t == 0 || doc.tokens[t - 1].sentence != doc.tokens[t].sentence;
        if !f.word || f.class.is_some() || f.verb || !(f.conj || sentence_start) {
            return None;
        }
        let w = doc.text(t);
        let rest = clitics::without_conjunction(w).last().map_or(w, |(_, r)| r);
        // A noun opens no clause of its own: the article, or a source's own head.
        let noun = clitics::without_article(rest) != rest
            || lex.bodies.starts(rest)
            || lex.titles.starts(rest)
            || lex.places.starts(rest)
            || lex.media.starts(rest)
            || lex.names.starts(rest);
        if noun || t + 1 >= cue {
            return None;
        }
        let s = t + 1;
        let len = known_head(doc, lex, s)?;
        let end = name_end(doc, feats, s + len).min(cue);
        (end > s).then_some((s, end))
    })
}
