//! nom combinators over the classified token stream: the noun phrases and interludes that sit
//! around a cue. Each parser takes the features from a position to the end of the document and
//! returns how many tokens it consumed.

use nom::branch::alt;
use nom::combinator::{map, success};
use nom::error::{Error, ErrorKind};
use nom::multi::{many0_count, many1_count};
use nom::sequence::{pair, tuple};
use nom::IResult;

use super::quotes::SHORT_QUOTED_NAME;
use crate::cues::Feat;
use crate::lexicon::WordClass;

/// The most words of a quoted name in an addressee, a medium or a noun phrase (صحيفة «نيويورك
/// تايمز»).
const QUOTED_NAME_WORDS: usize = 6;

/// The parser input: features from the current token on.
pub type In<'a> = &'a [Feat];

fn fail<T>(i: In<'_>) -> IResult<In<'_>, T> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Verify)))
}

/// Runs `p` and returns how many tokens it consumed.
fn recognize_len<'a, O>(
    mut p: impl FnMut(In<'a>) -> IResult<In<'a>, O>,
) -> impl FnMut(In<'a>) -> IResult<In<'a>, usize> {
    move |i: In<'a>| {
        let (rest, _) = p(i)?;
        Ok((rest, i.len() - rest.len()))
    }
}

/// One token satisfying `pred`.
pub fn tok<'a>(pred: impl Fn(&Feat) -> bool) -> impl FnMut(In<'a>) -> IResult<In<'a>, &'a Feat> {
    move |i: In<'a>| match i.first() {
        Some(f) if pred(f) => Ok((&i[1..], f)),
        _ => fail(i),
    }
}

/// A multi-token unit whose length the first token's features give.
fn unit<'a>(len: impl Fn(&Feat) -> u8) -> impl FnMut(In<'a>) -> IResult<In<'a>, usize> {
    move |i: In<'a>| match i.first().map(&len) {
        Some(k) if k > 0 && (k as usize) <= i.len() => Ok((&i[k as usize..], k as usize)),
        _ => fail(i),
    }
}

/// A time phrase (أمس، يوم الخميس، في وقت سابق) or an adverb between verb and subject.
pub fn time(i: In<'_>) -> IResult<In<'_>, usize> {
    unit(|f| f.time)(i)
}

/// A quotation in «», at most `max` words long, closed: a quoted name (صحيفة «الحياة»).
fn quoted_name(max: usize) -> impl FnMut(In<'_>) -> IResult<In<'_>, usize> {
    move |i: In<'_>| {
        if !i
            .first()
            .is_some_and(|f| f.is_open_quote() || f.punct == Some('"'))
        {
            return fail(i);
        }
        for (k, f) in i.iter().enumerate().skip(1).take(max + 1) {
            if f.is_close_quote() || f.punct == Some('"') {
                return if k > 1 {
                    Ok((&i[k + 1..], k + 1))
                } else {
                    fail(i)
                };
            }
            if !f.word {
                return fail(i);
            }
        }
        fail(i)
    }
}

/// An acronym or gloss in parentheses: (IDF)، (إف بي آي).
fn parenthesis(i: In<'_>) -> IResult<In<'_>, usize> {
    recognize_len(tuple((
        tok(|f| f.punct == Some('(')),
        many1_count(tok(|f| f.word)),
        tok(|f| f.punct == Some(')')),
    )))(i)
}

/// An addressee: لـ«الشرق الأوسط»، لشبكة سي إن إن، لرويترز.
pub fn addressee(i: In<'_>) -> IResult<In<'_>, usize> {
    let lam = |f: &Feat| f.word && f.lam && f.class.is_none() && f.title == 0;
    recognize_len(pair(
        tok(lam),
        alt((
            quoted_name(QUOTED_NAME_WORDS),
            unit(|f| f.media),
            map(success(()), |_| 0),
        )),
    ))(i)
}

/// A medium: في بيان، في تصريحات صحافية، عبر حسابه، في مقابلة مع …
pub fn medium(i: In<'_>) -> IResult<In<'_>, usize> {
    let prep = |f: &Feat| f.is(WordClass::Prep);
    let statement = |f: &Feat| f.statement;
    // في منشور على إكس، في مقابلة مع قناة …: the medium's own complements.
    let modifier = |f: &Feat| {
        f.word
            && f.time == 0
            && !f.verb
            && (f.class.is_none() || f.on_or_with)
            && !f.is(WordClass::Complementizer)
    };
    recognize_len(tuple((
        tok(prep),
        tok(statement),
        many0_count(alt((
            map(tok(modifier), |_| 1),
            quoted_name(QUOTED_NAME_WORDS),
        ))),
    )))(i)
}

/// Anything that may stand between a verb and its subject.
pub fn interlude(i: In<'_>) -> IResult<In<'_>, usize> {
    alt((time, medium, addressee))(i)
}

/// A word that can be part of a source's name.
pub fn name_word(f: &Feat) -> bool {
    f.word
        && !f.verb
        && !f.prep_cue
        && f.time == 0
        && !matches!(
            f.class,
            Some(
                WordClass::Complementizer
                    | WordClass::Prep
                    | WordClass::Negation
                    | WordClass::Boundary
                    | WordClass::Kana
                    | WordClass::Qad
                    | WordClass::Relative
                    | WordClass::Demonstrative
                    | WordClass::Request
                    | WordClass::Question
                    | WordClass::Pronoun
            )
        )
}

/// A noun phrase naming a source: words, quoted names and parenthesized acronyms, with
/// continuations through في / من / على decided by the caller's `continues`.
pub fn noun_phrase<'a>(
    continues: &'a dyn Fn(usize) -> bool,
    base: usize,
    max: usize,
) -> impl FnMut(In<'a>) -> IResult<In<'a>, usize> + 'a {
    move |i: In<'a>| {
        let mut pos = 0;
        loop {
            if pos >= max {
                break;
            }
            let rest = &i[pos..];
            if let Some(f) = rest.first() {
                // الجبهة أي معلومات: "any" after a name starts the object.
                if name_word(f)
                    && !(pos > 0 && f.lam && f.title == 0 && f.media == 0 && !continues(base + pos))
                    && !(pos > 0 && f.any)
                {
                    pos += 1;
                    continue;
                }
                if pos > 0 && f.is(WordClass::Prep) && continues(base + pos) {
                    pos += 1;
                    continue;
                }
            }
            // د. هالة: the dot of an initial stays in the name.
            if pos > 0
                && rest.first().is_some_and(|f| f.punct == Some('.'))
                && i[pos - 1].initial
                && rest.get(1).is_some_and(|f| f.word)
            {
                pos += 1;
                continue;
            }
            // صحيفتا «فاينانشيال تايمز» و«غارديان»: a detached و before another quoted name.
            if pos > 0
                && rest
                    .first()
                    .is_some_and(|f| f.initial && f.is(WordClass::Boundary))
                && rest.get(1).is_some_and(|f| f.is_quote())
                && quoted_name(QUOTED_NAME_WORDS)(&rest[1..]).is_ok()
            {
                pos += 1;
                continue;
            }
            // الدكتور / زهير ميمني: a slash between a title and the name.
            if pos > 0
                && rest.first().is_some_and(|f| f.punct == Some('/'))
                && i[pos - 1].title > 0
                && rest.get(1).is_some_and(name_word)
            {
                pos += 1;
                continue;
            }
            if let Ok((_, k)) = parenthesis(rest) {
                if pos > 0 {
                    pos += k;
                    continue;
                }
            }
            if let Ok((after, k)) = quoted_name(QUOTED_NAME_WORDS)(rest) {
                // «الشركة»، في وقت لاحق، …: a name before an adverbial aside.
                let aside = after.first().is_some_and(|f| f.punct == Some('،'))
                    && after.get(1).is_some_and(|f| {
                        f.is(WordClass::Prep) || f.is(WordClass::Boundary) || f.time > 0
                    });
                // وقالت "دي فيلت" إن: a short name (its words and two marks) before a complementizer.
                let short = k <= SHORT_QUOTED_NAME + 2;
                let next_is_word = aside
                    || after
                        .first()
                        .is_some_and(|f| f.word && (short || !f.is(WordClass::Complementizer)));
                if pos > 0 || next_is_word {
                    pos += k;
                    continue;
                }
            }
            break;
        }
        if pos == 0 {
            fail(i)
        } else {
            Ok((&i[pos..], pos))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues;
    use crate::lexicon::Lexicon;
    use crate::segment::Document;

    fn run(src: &str, p: fn(In<'_>) -> IResult<In<'_>, usize>) -> Option<String> {
        let doc = Document::new(src);
        let c = cues::find(&doc, &Lexicon::embedded());
        let (_, k) = p(&c.feats).ok()?;
        Some(doc.folded(0, k).to_string())
    }

    #[test]
    fn interludes() {
        assert_eq!(run("أمس إن", interlude).as_deref(), Some("امس"));
        assert_eq!(
            run("لـ«الشرق الأوسط» مصدر", interlude).as_deref(),
            Some("ل«الشرق الاوسط»")
        );
        assert_eq!(
            run("في بيان صحفي إن", interlude).as_deref(),
            Some("في بيان صحفي")
        );
        assert_eq!(run("الوزير إن", interlude), None);
    }

    #[test]
    fn noun_phrases_stop_at_complementizers_and_prepositions() {
        let never = |_: usize| false;
        let doc = Document::new("وزير الخارجية الأمريكي ماركو روبيو في أنطاليا إن");
        let c = cues::find(&doc, &Lexicon::embedded());
        let (_, k) = noun_phrase(&never, 0, 12)(&c.feats).unwrap();
        assert_eq!(doc.folded(0, k), "وزير الخارجيه الامريكي ماركو روبيو");
        let doc = Document::new("قوات الدفاع (IDF) أن");
        let c = cues::find(&doc, &Lexicon::embedded());
        let (_, k) = noun_phrase(&never, 0, 12)(&c.feats).unwrap();
        assert_eq!(doc.folded(0, k), "قوات الدفاع (idf)");
    }
}
