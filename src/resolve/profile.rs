//! What one mention says of its source: kind, agreement, role, affiliation, and the evidence.

use crate::clitics;
use crate::lexicon::{Lexicon, Marker, PhraseTable, PlaceForm};
use crate::model::{Gender, Number, SourceKind};
use crate::segment::Document;

use super::Entity;

use crate::clitics::without_tanween;

/// The first of the word's readings (itself, then without tanween) that `known` accepts.
fn reading(w: &str, known: impl Fn(&str) -> bool) -> Option<&str> {
    std::iter::once(w)
        .chain(without_tanween(w))
        .find(|r| known(r))
}

/// A title that names the body it speaks for next (المتحدث باسم، الناطق باسم).
fn speaks_for(doc: &Document, (s, len): (usize, usize)) -> bool {
    len > 0 && doc.text(s + len - 1) == "باسم"
}

/// Builds an entity from the mention `s..e`. `lam`: the first word may carry a ل that is a
/// preposition of the cue (وفقا لمصدر).
pub(super) fn profile(doc: &Document, lex: &Lexicon, (s, e): (usize, usize), lam: bool) -> Entity {
    let words: Vec<&str> = (s..e).map(|i| doc.text(i)).collect();
    let mut keys = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if !w.chars().next().is_some_and(char::is_alphanumeric)
            || *w == "ل"
            || lex.marks(w, Marker::Emphatic)
            || lex.marks(w, Marker::Same)
        {
            continue;
        }
        let mut base = clitics::without_article(w);
        // لمصدر → مصدر; a given name that starts with ل (ليون) keeps it.
        if k == 0
            && lam
            && base == *w
            && base.starts_with('ل')
            && base.chars().count() > 3
            && !lex.names.starts(w)
        {
            base = &base['ل'.len_utf8()..];
        }
        keys.push(without_tanween(base).unwrap_or(base).to_string());
    }
    // وفقا لمصدر: the ل belongs to the cue, not to the name.
    let lam_name = lam
        && words.first().is_some_and(|w| {
            (clitics::without_article(w) == *w || w.starts_with("لل"))
                && w.starts_with('ل')
                && w.chars().count() > 3
                && !lex.places.starts(w)
                && !lex.bodies.starts(w)
                && !lex.media.starts(w)
                && !lex.names.starts(w)
        });
    let mut p = Profile::default();
    let mut k = 0;
    // بعض المصادر، أحد: a quantifier before the head names nothing.
    // نفس المصدر، ذات المصادر: "the same" names nothing either; the noun after it is the head.
    while k < words.len()
        && (lex.marks(words[k], Marker::Quantifier) || lex.marks(words[k], Marker::Same))
    {
        k += 1;
        if words.get(k) == Some(&"من") {
            k += 1;
        }
    }
    let head_at = k;
    // Each word as a place reads it (باكستانيا → باكستاني), once for the whole mention.
    let place_words: Vec<&str> = words
        .iter()
        .map(|w| reading(w, |r| lex.places.starts(r)).unwrap_or(w))
        .collect();
    // Whether the word before was part of a name: a definite word then continues it (خالد
    // العطية); after a title it completes the title instead (مدير الشؤون الصحية).
    let mut after_name = false;
    let mut after_prep = false;
    // Inside a phrase about a body after a title (مدير الكرة بنادي …), until the next title.
    let mut in_phrase = false;
    while k < words.len() {
        let w = words[k];
        after_prep |= lex.word_class(w) == Some(crate::lexicon::WordClass::Prep);
        if lex.marks(w, Marker::Emphatic) {
            k += 1;
            continue;
        }
        if clitics::without_article(w) == w {
            if let Some((len, g)) = lex.names.longest(&words, k) {
                p.evidence(format!("given name {}", words[k..k + len].join(" ")));
                p.given = true;
                // مصدر مقرب من ميشال فلان: after a preposition, maybe someone else's name.
                p.given_at_head |= !after_prep;
                // Only the first name gives the gender: a later one is the father's (هدى سالم).
                if p.gender == Gender::Unknown && p.named_words == 0 {
                    p.gender = *g;
                }
                p.named_words += len;
                after_name = true;
                in_phrase = false;
                k += len;
                continue;
            }
        }
        let was_after_name = std::mem::replace(&mut after_name, false);
        let base = clitics::without_article(w);
        let lam_base = if lam && k == 0 {
            base.strip_prefix('ل').unwrap_or(base)
        } else {
            base
        };
        // وفقا لرويترز: the cue's ل is not part of the outlet's name.
        let media = longest_as(
            &lex.media,
            &words,
            k,
            (lam_base != base).then_some(lam_base),
        );
        if let Some((len, _)) = media {
            p.evidence(format!("media name {}", words[k..k + len].join(" ")));
            if p.kind == SourceKind::Unknown {
                p.kind = SourceKind::Media;
                p.gender = Gender::Feminine;
            }
            k += len;
            continue;
        }
        // وفقا لوزير الخارجية، للمتحدث باسم الجيش: the title under the cue's ل.
        let definite = (lam && k == 0)
            .then(|| w.strip_prefix("لل").map(|rest| format!("ال{rest}")))
            .flatten();
        let under_lam = definite
            .as_deref()
            .or((lam_base != base).then_some(lam_base));
        let title = longest_as(&lex.titles, &words, k, under_lam);
        if let Some((len, g)) = title {
            p.role.get_or_insert((s + k, s + k + len));
            p.evidence(format!("title {}", words[k..k + len].join(" ")));
            if p.gender == Gender::Unknown {
                p.gender = *g;
            }
            let title = (s + k, len);
            in_phrase = false;
            k += len;
            if speaks_for(doc, title) {
                // المتحدث باسم وزارة الخارجية وشؤون الكومنولث: the body spoken for, not a name.
                let body_end = represented_body(lex, &words, k);
                for w in &words[k..body_end] {
                    if let Some(place) = reading(w, |r| lex.places.starts(r))
                        .and_then(|r| lex.places.longest(&[r], 0))
                    {
                        p.affiliation
                            .get_or_insert_with(|| place.1.code.clone().unwrap_or_default());
                    }
                }
                p.represents = (k < body_end).then_some((s + k, s + body_end));
                k = body_end;
            }
            continue;
        }
        if let Some((len, place)) = lex.places.longest(&place_words, k) {
            if p.affiliation.is_none() {
                p.affiliation.clone_from(&place.code);
                if place.code.is_some() {
                    p.evidence(format!(
                        "{} {}",
                        place_form(place.form),
                        words[k..k + len].join(" ")
                    ));
                }
            }
            if p.kind == SourceKind::Unknown
                && k == head_at
                && matches!(place.form, PlaceForm::Country | PlaceForm::Capital)
            {
                p.kind = SourceKind::OfficialBody;
                p.gender = Gender::Feminine;
            }
            k += len;
            continue;
        }
        let body = reading(lam_base, |r| lex.bodies.starts(r))
            .and_then(|r| lex.bodies.longest_with(r, |m| words.get(k + m).copied()))
            .or_else(|| lex.bodies.longest_with(w, |m| words.get(k + m).copied()));
        if let Some((len, b)) = body {
            // Only the head names the kind: المفتش العام في وزارة العدل is a person.
            if (p.kind == SourceKind::Unknown && p.named_words == 0 && p.role.is_none())
                || (k == head_at && p.role.is_none())
            {
                p.kind = b.kind;
                p.gender = b.gender;
                p.number = b.number;
                p.body_head |= k == head_at && b.kind == SourceKind::OfficialBody;
                p.evidence(format!("head {}", words[k..k + len].join(" ")));
            }
            k += len;
            continue;
        }
        // Prepositions inside a mention (متحدث باسم الرئاسة في نيجيريا) and lone letters (بـ)
        // are no part of a name.
        if reading(base, |r| lex.anonymity.starts(r)).is_some()
            || w.chars().all(|c| c.is_ascii_digit())
            // فلانة (28 عاما): the noun counted after a number.
            || (k > 0 && words[k - 1].chars().all(|c| c.is_ascii_digit()))
            || !w.chars().any(char::is_alphabetic)
            || w.chars().count() < 2
            || lex.word_class(w) == Some(crate::lexicon::WordClass::Prep)
        {
            in_phrase |=
                p.role.is_some() && lex.word_class(w) == Some(crate::lexicon::WordClass::Prep);
            // في الشركة، راج ناير: a comma closes the phrase.
            in_phrase &= !matches!(w, "،" | ",");
            k += 1;
            continue;
        }
        if base != w && p.role.is_some() && !was_after_name {
            k += 1;
            continue;
        }
        // المواطن فلان، الشاب فلان: a word without the article or the form of an Arabic noun
        // right after a definite singular description of a person is that person's name.
        p.described_name |= k == head_at + 1
            && p.kind == SourceKind::Anonymous
            && p.number == Number::Singular
            && p.role.is_none()
            && words[head_at].starts_with("ال")
            && base == w
            && !(base.ends_with('ه') || base.ends_with("ات") || base.ends_with('ي'));
        // … في الجماعات الإسلامية حسن فلان، في أنقرة فلان: a word without the article after
        // one with it, or after a place, starts a new noun phrase, the name.
        if in_phrase && base == w && k > 0 {
            let prev = words[k - 1];
            if clitics::without_article(prev) != prev || lex.places.starts(prev) {
                in_phrase = false;
            }
        }
        // مدير الكرة بنادي هجر، المتحدث في قيادة حرس الحدود: a preposition, or ب or ل on a
        // body's head, opens a phrase about the title's body, and no word after it names the
        // person until another title or a given name comes.
        if p.role.is_some()
            && base == w
            && w.strip_prefix(['ب', 'ل'])
                .is_some_and(|r| lex.bodies.starts(r) && clitics::at_least(r, 3))
        {
            in_phrase = true;
        }
        if in_phrase {
            k += 1;
            continue;
        }
        let noun_form = base.ends_with('ه')
            || base.ends_with("ات")
            || clitics::has_possessive(base)
            || accusative_participle(base);
        p.named_words += 1;
        p.plain.push(Plain {
            definite: base != w,
            nisba: base.ends_with('ي') && base.chars().count() >= 4,
            // Arabic nouns and adjectives, not a transliterated name: a feminine or plural
            // ending, a conjunction (سلسلة تغريدات، طارئة وتحتاج), a pronoun (أحدهم), or
            // the accusative of a participle (متوجها، مستغربا).
            arabic: noun_form
                || (base.starts_with('و') && !lex.names.starts(base))
                || clitics::without_preposition(base).is_some_and(|r| lex.stopword(r).is_some())
                || verbal_noun_form(base),
            noun_form,
            pronoun: clitics::has_possessive(base),
            accusative: base.ends_with('ا'),
            plural: base.ends_with("ون") || base.ends_with("ين"),
        });
        after_name = true;
        k += 1;
    }
    // الفتيات، المحتجون: a lone definite plural is a description of unnamed people.
    if p.kind == SourceKind::Unknown && p.role.is_none() && p.named_words == 1 && keys.len() == 1 {
        if let Some(g) = words.first().and_then(|w| plural_description(w)) {
            p.kind = SourceKind::Anonymous;
            p.gender = g;
            p.number = Number::Plural;
            p.named_words = 0;
            p.evidence("definite plural".into());
        }
    }
    let kind = p.decide_kind();
    let head = words.get(head_at).map(|w| {
        let base = clitics::without_article(w);
        let base = if lam && head_at == 0 && base == *w {
            base.strip_prefix('ل')
                .filter(|r| r.chars().count() > 2)
                .unwrap_or(base)
        } else {
            base
        };
        without_tanween(base).unwrap_or(base).to_string()
    });
    // المصدر ذاته، نفس المسؤول: the text points back at a source it has given.
    let same = words
        .iter()
        .any(|w| lex.marks(w, Marker::Same) || lex.marks(w, Marker::Emphatic));
    Entity {
        same,
        skeleton: keys.iter().map(|k| super::skeleton(k)).collect(),
        mentions: vec![(s, e)],
        name: (s, e),
        display: None,
        keys,
        head,
        named: p.named_words > 0,
        lam: lam_name,
        definite: words
            .get(head_at)
            .is_some_and(|w| clitics::without_article(w) != *w),
        gender: p.gender,
        number: p.number,
        kind,
        affiliation: p.affiliation.filter(|c| !c.is_empty()),
        role: p.role,
        represents: p.represents,
        reason: None,
        evidence: p.notes,
    }
}

/// The longest entry of `table` at `words[k..]`, or else with `first` read in place of the
/// first word (the word under a prepositional cue's ل).
fn longest_as<'t, V>(
    table: &'t PhraseTable<V>,
    words: &[&str],
    k: usize,
    first: Option<&str>,
) -> Option<(usize, &'t V)> {
    table.longest(words, k).or_else(|| {
        let first = first?;
        let mut bare: Vec<&str> = words[k..].to_vec();
        bare[0] = first;
        table.longest(&bare, 0)
    })
}

/// Where the body after "باسم" ends: its first word, then words with the article or a
/// conjunction (باسم مكتب الأمن القومي الأفغاني، باسم وزارة الخارجية وشؤون الكومنولث); a
/// name may follow (… عبدالحسيب صديقي).
fn represented_body(lex: &Lexicon, words: &[&str], from: usize) -> usize {
    if from >= words.len() {
        return from;
    }
    let mut k = from + 1;
    while k < words.len() {
        let w = words[k];
        let definite = clitics::without_article(w) != w;
        // المتحدث باسم الجيش العقيد …: a title after the body starts the speaker's name.
        if !(definite || w.starts_with('و') && w.chars().count() > 3) || lex.titles.starts(w) {
            break;
        }
        k += 1;
    }
    k
}

/// The accusative of a derived participle (متنهدا، مستغربا، منفعلا): how someone spoke, never
/// a name.
pub(super) fn accusative_participle(w: &str) -> bool {
    w.ends_with('ا')
        && ["مت", "مست", "من"].iter().any(|x| w.starts_with(x))
        && clitics::at_least(w, 5)
}

/// The verbal noun of a derived verb (تداول، تطبيق، انسحاب، استثمار), which names no one.
pub(super) fn verbal_noun_form(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    match c.len() {
        5 => c[0] == 'ت' && (c[2] == 'ا' || c[3] == 'ي'),
        6 => c[0] == 'ا' && (c[2] == 'ت' || c[1] == 'ن') && c[4] == 'ا',
        7 => w.starts_with("است") && c[5] == 'ا',
        _ => false,
    }
}

/// A definite sound plural (الفتيات، المحتجون، المواطنين), or an indefinite plural participle
/// (منظمون، محللون), and its agreement.
fn plural_description(w: &str) -> Option<Gender> {
    let base = clitics::without_article(w);
    let participle = base.starts_with('م') && base.chars().count() >= 5;
    // إعلاميون، حقوقيين: the plural of a nisba names a group of people.
    let nisba = base.ends_with("يون") || (base.ends_with("يين") && base.chars().count() >= 6);
    let participle = participle || (nisba && base.chars().count() >= 6);
    if (base == w && !participle) || base.chars().count() < 4 {
        return None;
    }
    if base.ends_with("ات") {
        Some(Gender::Feminine)
    } else if base.ends_with("ون") || (base.ends_with("ين") && base.chars().count() >= 6) {
        Some(Gender::Masculine)
    } else {
        None
    }
}

fn place_form(f: PlaceForm) -> &'static str {
    match f {
        PlaceForm::Nisba => "nisba",
        PlaceForm::Plural => "group",
        PlaceForm::Country => "country",
        PlaceForm::Capital => "capital",
    }
}

struct Profile {
    kind: SourceKind,
    gender: Gender,
    number: Number,
    role: Option<(usize, usize)>,
    represents: Option<(usize, usize)>,
    affiliation: Option<String>,
    named_words: usize,
    /// A given name was read.
    given: bool,
    /// A given name was read before any preposition.
    given_at_head: bool,
    /// The head is a body (مكتب الرئيس فلان): the title and name after it are its possessor.
    body_head: bool,
    /// A definite description of one person followed by a bare name (المواطن فلان).
    described_name: bool,
    /// The name words that no table knows, in order.
    plain: Vec<Plain>,
    notes: Vec<String>,
}

/// A name word no table knows: what its form says.
struct Plain {
    definite: bool,
    /// A definite word in -ي that is no place: a family name (الزهراني).
    nisba: bool,
    /// The form of an Arabic noun rather than a name, or a conjunction on it.
    arabic: bool,
    /// The ending of an Arabic noun: feminine, plural, a pronoun, an accusative participle.
    noun_form: bool,
    /// A possessive pronoun on it (أعماله).
    pronoun: bool,
    /// Ends in the alif of an indefinite accusative (or of a name: أوباما).
    accusative: bool,
    /// Ends like a sound masculine plural (or a name: جاكسون).
    plural: bool,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            kind: SourceKind::Unknown,
            gender: Gender::Unknown,
            number: Number::Singular,
            role: None,
            represents: None,
            affiliation: None,
            named_words: 0,
            given: false,
            given_at_head: false,
            body_head: false,
            described_name: false,
            plain: Vec::new(),
            notes: Vec::new(),
        }
    }
}

impl Profile {
    fn evidence(&mut self, note: String) {
        self.notes.push(note);
    }

    /// What makes name words no table knows a person's name: two or more words without the
    /// article (a transliterated name: جين فوندا), or one definite family name in -ي (الزهراني).
    fn person_form(&self) -> Option<&'static str> {
        match self.plain.as_slice() {
            [one] if one.definite && one.nisba => Some("family name"),
            // مثالا جيدا، مهندسون متطوعون: a noun and its adjective, agreeing in an accusative
            // or a plural ending, are no name.
            [_, _] | [_, _, _]
                if self.plain.iter().all(|p| !p.definite && !p.arabic)
                    && !self.plain.iter().all(|p| p.accusative)
                    && !self.plain.iter().all(|p| p.plural) =>
            {
                Some("foreign name")
            }
            _ => None,
        }
    }

    fn decide_kind(&mut self) -> SourceKind {
        let named = self.named_words > 0;
        let kind = match (self.kind, self.role.is_some(), named) {
            // منسق مشاهد الحركة: after a title, a word without the article and a word with it,
            // no given name among them, complete the title (its idafa), not a name.
            // مدير عام صحة البيئة، مدير أعماله: after a title, words that all have the form of
            // Arabic nouns (a feminine or plural ending, a pronoun) complete the title; one such
            // word alone may be a surname (خوجة) unless it has a pronoun.
            (SourceKind::Unknown, true, true)
                if !self.given
                    && self.plain.iter().all(|p| p.noun_form)
                    && (self.plain.len() >= 2 || self.plain.iter().any(|p| p.pronoun)) =>
            {
                SourceKind::Anonymous
            }
            (SourceKind::Unknown, true, true) => SourceKind::NamedPerson,
            // متحدث باسم الوزارة، المسؤول: a title without a name is an unnamed person.
            (SourceKind::Unknown, true, false) => SourceKind::Anonymous,
            // A person needs evidence: a given name, or the form of a name.
            (SourceKind::Unknown, false, true) if self.given => SourceKind::NamedPerson,
            (SourceKind::Unknown, false, true) => match self.person_form() {
                Some(note) => {
                    self.evidence(note.into());
                    SourceKind::NamedPerson
                }
                None => SourceKind::Unknown,
            },
            (SourceKind::OfficialBody, true, true) if !self.body_head => SourceKind::NamedPerson,
            // المسؤول الطبي عبد الغني فلان: a description with a given name is a person.
            (SourceKind::Anonymous, _, true) if self.given_at_head => SourceKind::NamedPerson,
            (SourceKind::Anonymous, false, true) if self.described_name => {
                self.evidence("a description, then a name".into());
                SourceKind::NamedPerson
            }
            (k, _, _) => k,
        };
        match (kind, self.role.is_some(), named) {
            (SourceKind::NamedPerson, _, true) => self.evidence("name words".into()),
            (SourceKind::Anonymous, true, false) => self.evidence("title without a name".into()),
            _ => {}
        }
        kind
    }
}
