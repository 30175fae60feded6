//! Stage 7: tie every attribution to a source entity.
//!
//! A named mention joins an earlier source when it is the same words (or the same consonant
//! skeleton: ترامب / ترمب), a bare anaphor of its head (المصدر ← مصدر إسرائيلي مطلع; a head
//! no speaker had is looked for in the text before: الإدارة ← إدارة الهجرة البريطانية), a
//! generic anonymous anaphor of the last unnamed source (المصادر ← شخصان مقربان), a title
//! repeated without the name (الوزير القطري ← وزير الخارجية القطري فلان), a surname
//! (روبيو ← ماركو روبيو), or an acronym given in parentheses (IDF).
//!
//! A cue without a mention (وأضاف، مضيفا، لكنها قالت) takes, in order: for a participle, the
//! nearest speaker; for a coordinated verb that does not continue a speaker, the subject of its
//! clause (إن بريطانيا رفضت … وأخبرته); a known source standing as a subject since the last
//! attribution (أرسلت كلينتون … وقالت); the most recent speaker that agrees in gender and
//! number; else the most recent one, because machine-translated text breaks agreement.
//! Each source gets a kind, an affiliation, a role and, for unnamed sources, the reason the
//! text gives for not naming them.

mod profile;
pub(crate) mod scan;

use crate::cues::Feat;
use crate::lexicon::{Lexicon, Marker};
use crate::model::{CueKind, Gender, Number, SourceKind};
use crate::normalize::fold;
use crate::parse::Draft;
use crate::segment::Document;

use profile::profile;

/// A source before serialization, in token coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Every mention, in text order.
    pub mentions: Vec<(usize, usize)>,
    /// The mention giving the fullest name.
    pub name: (usize, usize),
    /// A name composed of several mentions when no one mention gives it (بيان + وزارة العدل).
    pub display: Option<Vec<(usize, usize)>>,
    /// Content words of the name, folded, without article, ل or tanween.
    keys: Vec<String>,
    /// The keys' consonant skeletons (ترامب / ترمب → ترمب).
    skeleton: Vec<String>,
    /// The head word (after any quantifier), folded like the keys.
    head: Option<String>,
    /// Whether the name holds words that are no title, body, place or descriptor.
    named: bool,
    /// Whether the head carries the article (المصدر, not مصدر).
    definite: bool,
    /// Whether the mention says "the same" (المصدر ذاته، نفس المسؤول).
    same: bool,
    /// Whether the name's first word carries the ل of a prepositional cue (لمصدر مطلع).
    pub lam: bool,
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
    /// The body a spokesperson speaks for (المتحدث باسم «الجيش»).
    pub represents: Option<(usize, usize)>,
    /// Why the text does not name it (طلب عدم الكشف عن هويته).
    pub reason: Option<(usize, usize)>,
    /// What the kind and affiliation rest on.
    pub evidence: Vec<String>,
}

impl Entity {
    fn is_bare_head(&self) -> bool {
        self.keys.len() == 1 && !self.named
    }

    /// The keys' consonant skeletons, for comparing spellings.
    fn skeleton(&self) -> &[String] {
        &self.skeleton
    }
}

/// Sources and, for each draft, its source index.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// Entities in order of first mention.
    pub entities: Vec<Entity>,
    /// Per draft.
    pub source_of: Vec<Option<usize>>,
    /// Per draft, the source whose words it relays (نقلت الوكالة عن مسؤول).
    pub relayed_of: Vec<Option<usize>>,
}

/// Resolves the drafts' sources. `dateline` becomes an entity of its own.
pub fn resolve(
    doc: &Document,
    lex: &Lexicon,
    feats: &[Feat],
    drafts: &[Draft],
    dateline: Option<(usize, usize)>,
) -> Resolution {
    let mut r = Resolver {
        doc,
        lex,
        feats,
        drafts,
        res: Resolution::default(),
    };
    if let Some(m) = dateline {
        let mut e = profile(doc, lex, m, false);
        e.kind = SourceKind::Media;
        e.gender = Gender::Feminine;
        e.evidence.push("dateline".into());
        r.res.entities.push(e);
    }
    for (i, d) in drafts.iter().enumerate() {
        let src = r.source(i);
        r.res.source_of.push(src);
        let relayed = d.relayed.and_then(|m| {
            let cand = profile(doc, lex, m, false);
            (!cand.keys.is_empty()).then(|| r.join(cand, m))
        });
        r.res.relayed_of.push(relayed);
    }
    r.reasons();
    r.res
}

/// Only recent entities are candidates, which keeps resolution linear on long inputs.
const WINDOW: usize = 64;

/// How many of the last distinct speakers "the same" (المصدر ذاته) may point back to.
const SAME_REACH: usize = 3;

struct Resolver<'a> {
    doc: &'a Document,
    lex: &'a Lexicon,
    feats: &'a [Feat],
    drafts: &'a [Draft],
    res: Resolution,
}

impl Resolver<'_> {
    fn source(&mut self, i: usize) -> Option<usize> {
        let d = &self.drafts[i];
        if d.agentless {
            return None;
        }
        match d.mention {
            Some(m) => {
                let mut cand = profile(self.doc, self.lex, m, d.kind == CueKind::Preposition);
                // A name no table knows, without the article, subject of a singular verb: a
                // person (قال بلاتر، قالت كلينتون); countries, outlets and bodies are known.
                if cand.kind == SourceKind::Unknown
                    && cand.named
                    && !cand.definite
                    && cand.keys.len() == 1
                    && cand.role.is_none()
                    && self.could_be_a_name(m)
                    // «فورد»، "قوقل": a quoted word without the article is mostly a brand.
                    && !(self.doc.text(m.0).starts_with(['"', '«', '“'])
                        && crate::clitics::without_article(self.doc.text(m.0 + 1))
                            == self.doc.text(m.0 + 1))
                    && d.gender != Gender::Unknown
                    && d.number == Number::Singular
                {
                    cand.kind = SourceKind::NamedPerson;
                    cand.evidence.push("subject of a singular verb".into());
                }
                // وقال العمير: a family name the text gave before with a given name or a title.
                if cand.kind == SourceKind::Unknown
                    && cand.named
                    && cand.keys.len() == 1
                    && m.1 == m.0 + 1
                    && scan::introduced_surname(
                        self.doc,
                        self.feats,
                        self.lex,
                        m.0,
                        self.doc.text(m.0),
                    )
                {
                    cand.kind = SourceKind::NamedPerson;
                    cand.evidence.push("surname introduced before".into());
                }
                // A name says nothing of gender; the verb it is the subject of does (ردت فلانة).
                if cand.gender == Gender::Unknown && cand.kind == SourceKind::NamedPerson {
                    cand.gender = match d.gender {
                        Gender::Unknown => Gender::Masculine,
                        g => g,
                    };
                }
                (!cand.keys.is_empty()).then(|| self.join(cand, m))
            }
            None => self.antecedent(i),
        }
    }

    fn recent(&self) -> impl Iterator<Item = (usize, &Entity)> {
        self.res.entities.iter().enumerate().rev().take(WINDOW)
    }

    /// The entity `cand` (mentioned at `m`) names: an earlier one, or a new one.
    fn join(&mut self, cand: Entity, m: (usize, usize)) -> usize {
        if let Some(k) = self.find_existing(&cand) {
            self.merge(k, cand, m);
            return k;
        }
        if cand.is_bare_head() && cand.definite && self.is_head(&cand.keys[0]) {
            // الإدارة ← إدارة التأشيرات والهجرة البريطانية, said before by no one.
            if let Some(full) = scan::fuller_mention(self.doc, self.feats, m.0, &cand.keys[0]) {
                let mut e = profile(self.doc, self.lex, full, false);
                if e.kind != SourceKind::Unknown || cand.kind == SourceKind::Unknown {
                    e.display = self.statement_display(full);
                    e.mentions = vec![full, m];
                    e.evidence
                        .push(format!("anaphor of {}", self.doc.folded(full.0, full.1)));
                    self.res.entities.push(e);
                    return self.res.entities.len() - 1;
                }
            }
            // المصادر ← شخصان مقربان: a generic anonymous anaphor takes the last unnamed source.
            let generic = self
                .lex
                .bodies
                .longest_with(&cand.keys[0], |_| None)
                .is_some_and(|(_, b)| b.kind == SourceKind::Anonymous);
            if generic && cand.kind == SourceKind::Anonymous {
                let plural = cand.number == Number::Plural;
                let last = self.recent().find(|(_, e)| {
                    e.kind == SourceKind::Anonymous && (e.number == Number::Plural) == plural
                });
                if let Some((k, _)) = last {
                    self.res.entities[k].mentions.push(m);
                    return k;
                }
            }
        }
        // القناة، الصحيفة after إذاعة «فلان» and no channel named before: the outlet the
        // story quotes, under another class noun.
        if cand.is_bare_head() && cand.definite && cand.kind == SourceKind::Media {
            let outlet = self
                .recent()
                .find(|(_, e)| e.kind == SourceKind::Media)
                .map(|(k, _)| k);
            if let Some(k) = outlet {
                self.res.entities[k].mentions.push(m);
                return k;
            }
        }
        if cand.same {
            if let Some(k) = self.same_as_before(&cand) {
                self.res.entities[k].mentions.push(m);
                return k;
            }
        }
        self.res.entities.push(cand);
        self.res.entities.len() - 1
    }

    /// المسؤول ذاته، الصحيفة نفسها: a source the last speakers include, of the same class
    /// (a person for a person's noun, else the same kind) and number.
    fn same_as_before(&self, cand: &Entity) -> Option<usize> {
        let person = |k: SourceKind| matches!(k, SourceKind::NamedPerson | SourceKind::Anonymous);
        let fits = |e: &Entity| {
            let kind = if person(cand.kind) {
                person(e.kind)
            } else {
                e.kind == cand.kind
            };
            kind && (e.number == Number::Plural) == (cand.number == Number::Plural)
        };
        let mut seen = Vec::new();
        for k in self.res.source_of.iter().rev().flatten() {
            if seen.contains(k) {
                continue;
            }
            if seen.len() == SAME_REACH {
                break;
            }
            seen.push(*k);
            if fits(&self.res.entities[*k]) {
                return Some(*k);
            }
        }
        None
    }

    /// Adds a mention to entity `k`, and takes the candidate's profile when it is fuller.
    fn merge(&mut self, k: usize, cand: Entity, m: (usize, usize)) {
        let e = &mut self.res.entities[k];
        e.mentions.push(m);
        // A name for an unnamed person is fuller whatever its length (نائب عن المنطقة ←
        // النائب فلان).
        let named_now = cand.kind == SourceKind::NamedPerson && e.kind == SourceKind::Anonymous;
        let fuller = (cand.keys.len() > e.keys.len() || named_now)
            && cand.kind != SourceKind::Unknown
            && (cand.named || !e.named);
        if fuller {
            let mentions = std::mem::take(&mut e.mentions);
            let reason = e.reason.take();
            let display = e.display.take();
            *e = Entity {
                mentions,
                reason: cand.reason.or(reason),
                display: cand.display.clone().or(display),
                ..cand
            };
        }
    }

    /// Whether the one word at `m` has the form of a name: no function word (لذلك، بمثابة),
    /// no pronoun ending (رئاستها), no feminine plural (تسريبات) and no accusative participle
    /// (متنهدا).
    fn could_be_a_name(&self, (s, _): (usize, usize)) -> bool {
        let w = self.doc.text(s);
        let mute = |x: &str| {
            let x = crate::clitics::without_tanween(x).unwrap_or(x);
            self.lex.marks(x, crate::lexicon::Marker::Mute)
                || self.lex.marks(x, crate::lexicon::Marker::Quantifier)
                // استبعاد، استمرار: the verbal noun of a derived verb.
                || (x.starts_with("است") && crate::clitics::at_least(x, 6))
        };
        // A function word behind a clitic (لذلك، وإذا); a bare one may be a name (آي).
        let function = |x: &str| self.lex.stopword(x).is_some();
        let function = crate::clitics::without_conjunction(w).any(|(c, r)| {
            mute(r)
                || (c > 0 && function(r))
                || r.strip_prefix(['ل', 'ب'])
                    .is_some_and(|x| mute(x) || function(x))
        });
        // متنهدا، متهكما: the accusative of a participle describes how the speaker spoke.
        let participle = profile::accusative_participle(w);
        // قليلة، سعره: a feminine or a pronoun ending is a noun's (a woman's given name is
        // known to the name table).
        // معلوماتنا: a first-person possessive.
        let ours = w.ends_with("نا") && crate::clitics::at_least(w, 6);
        !function
            && !participle
            && !ours
            && !w.ends_with('ه')
            && !profile::verbal_noun_form(w)
            && !crate::clitics::has_possessive(w)
            && !w.ends_with("ات")
    }

    /// An unnamed source with the same title and the same body spoken for as the named `cand`.
    fn spokesman_named(&self, cand: &Entity) -> Option<usize> {
        let (role, body) = (cand.role?, cand.represents?);
        if !cand.named {
            return None;
        }
        let words = |(s, e): (usize, usize)| -> Vec<String> {
            (s..e)
                .map(|t| crate::clitics::without_article(self.doc.text(t)).to_string())
                .collect()
        };
        let (role, body) = (words(role), words(body));
        self.recent()
            .find(|(_, e)| {
                !e.named
                    && e.role.is_some_and(|r| words(r) == role)
                    && e.represents.is_some_and(|b| words(b) == body)
            })
            .map(|(k, _)| k)
    }

    fn is_head(&self, w: &str) -> bool {
        let lex = self.lex;
        lex.bodies.starts(w) || lex.titles.starts(w) || lex.titles.starts(&format!("ال{w}"))
    }

    fn find_existing(&self, cand: &Entity) -> Option<usize> {
        // قال متحدث باسم الرئاسة … وأضاف فلان، المتحدث باسم الرئاسة: the spokesman named.
        if let Some(k) = self.spokesman_named(cand) {
            return Some(k);
        }
        let skel = cand.skeleton();
        if let Some((k, _)) = self
            .recent()
            .find(|(_, e)| e.keys == cand.keys || (cand.named && e.skeleton() == skel))
        {
            return Some(k);
        }
        if let Some(k) = self.part_of_earlier(cand) {
            return Some(k);
        }
        if let Some(k) = self.title_named_later(cand) {
            return Some(k);
        }
        if cand.is_bare_head() {
            let w = &cand.keys[0];
            if self.is_head(w) {
                // المصدر ← مصدر إسرائيلي; المصادر ← مصادر مطلعة; الوزير ← وزير الخارجية …
                return self
                    .recent()
                    .find(|(_, e)| e.head.as_deref().is_some_and(|h| same_head(h, w)))
                    .map(|(k, _)| k);
            }
            return None;
        }
        if cand.keys.len() == 1 {
            let w = &cand.keys[0];
            // An acronym given in parentheses: IDF ← قوات الدفاع الإسرائيلية (IDF).
            if w.chars().all(|c| c.is_ascii_alphanumeric()) {
                return self
                    .recent()
                    .find(|(_, e)| e.keys.len() > 1 && e.keys.iter().any(|k| k == w))
                    .map(|(k, _)| k);
            }
            // A surname: روبيو ← ماركو روبيو (also spelled otherwise: ترمب ← ترامب).
            if self.lex.places.starts(w) || self.lex.media.starts(w) {
                return None;
            }
            let s = skeleton(w);
            return self
                .recent()
                .find(|(_, e)| {
                    e.kind == SourceKind::NamedPerson
                        && e.keys.len() > 1
                        && e.keys.last().is_some_and(|l| l == w || skeleton(l) == s)
                })
                .map(|(k, _)| k);
        }
        // A title repeated without the name: الوزير القطري ← وزير الخارجية القطري فلان.
        if cand.role.is_some() && !cand.named && cand.represents.is_none() {
            let h = cand.head.as_deref()?;
            return self
                .recent()
                .find(|(_, e)| {
                    e.role.is_some()
                        && e.head.as_deref().is_some_and(|eh| same_head(eh, h))
                        && (cand.affiliation.is_none() || cand.affiliation == e.affiliation)
                        && matches!(e.kind, SourceKind::NamedPerson | SourceKind::Anonymous)
                })
                .map(|(k, _)| k);
        }
        None
    }

    /// The earlier source a mention is a part of, or that is part of it:
    /// - a title with its body, without the name (مدير المستشفى ← مدير المستشفى فلان الفلاني);
    /// - the proper name of an outlet or body given with its class noun (التايمز، "دي فيلت" ←
    ///   صحيفة "دي فيلت" الألمانية);
    /// - a name with an earlier description in apposition (فلان، والد الطفل ← والد الطفل).
    fn part_of_earlier(&self, cand: &Entity) -> Option<usize> {
        let inside = |small: &[String], big: &[String]| {
            !small.is_empty()
                && small.len() < big.len()
                && big.windows(small.len()).any(|w| w == small)
        };
        self.recent()
            .find(|(_, e)| {
                let title_prefix = cand.role.is_some()
                    && cand.keys.len() >= 2
                    && e.kind == SourceKind::NamedPerson
                    && e.keys.starts_with(&cand.keys);
                let unproven_person = cand.kind == SourceKind::NamedPerson
                    && cand.evidence.iter().all(|n| !n.starts_with("given name"));
                let proper_name = cand.named
                    && cand.role.is_none()
                    && cand.keys.len() <= 3
                    && (matches!(cand.kind, SourceKind::Unknown | SourceKind::Media)
                        || unproven_person)
                    && matches!(
                        e.kind,
                        SourceKind::Media | SourceKind::Organization | SourceKind::OfficialBody
                    )
                    && inside(&cand.keys, &e.keys);
                let apposition = cand.named
                    && cand.kind == SourceKind::NamedPerson
                    && e.kind == SourceKind::Anonymous
                    && self.definite_description(e.name)
                    && e.keys.len() >= 2
                    && inside(&e.keys, &cand.keys);
                title_prefix || proper_name || apposition
            })
            .map(|(k, _)| k)
    }

    /// أدان نائب عن المنطقة … وقال النائب فلان: the title with the article and a name names
    /// the unnamed holder of that title introduced by one of the last two speakers.
    fn title_named_later(&self, cand: &Entity) -> Option<usize> {
        if cand.kind != SourceKind::NamedPerson || cand.role.is_none() || !cand.definite {
            return None;
        }
        let head = cand.head.as_deref()?;
        let mut seen: Vec<usize> = Vec::new();
        for &k in self.res.source_of.iter().rev().flatten() {
            if seen.contains(&k) {
                continue;
            }
            if seen.len() == 2 {
                break;
            }
            seen.push(k);
            let e = &self.res.entities[k];
            if e.kind == SourceKind::Anonymous
                && e.role.is_some()
                && !e.definite
                && e.head.as_deref().is_some_and(|h| same_head(h, head))
            {
                return Some(k);
            }
        }
        None
    }

    /// Whether `s..e` is definite: the article on its head, or a definite noun right after it
    /// (والد الطفل), not an indefinite one (مسؤول في الوزارة) that may be anybody.
    fn definite_description(&self, (s, e): (usize, usize)) -> bool {
        let has_article = |k: usize| {
            let w = self.doc.text(k);
            crate::clitics::without_article(w) != w
        };
        has_article(s) || (s + 1 < e && has_article(s + 1))
    }

    /// A statement noun that was an earlier attribution's medium is named with its issuer
    /// (في بيان → بيان وزارة العدل).
    fn statement_display(&self, (s, e): (usize, usize)) -> Option<Vec<(usize, usize)>> {
        if !self.feats.get(s).is_some_and(|f| f.statement) {
            return None;
        }
        // The attribution it was the medium of, else the last one before it in its sentence
        // (أكدت الوزارة ذلك في بيان).
        let sentence = self.doc.tokens[s].sentence;
        let i = self
            .drafts
            .iter()
            .rposition(|d| d.medium.is_some_and(|(ms, me)| ms <= s && e <= me))
            .or_else(|| {
                self.drafts
                    .iter()
                    .rposition(|d| d.cue.0 < s && self.doc.tokens[d.cue.0].sentence == sentence)
            })?;
        let issuer = &self.res.entities[self.res.source_of.get(i).copied().flatten()?];
        let mut parts = vec![(s, e)];
        parts.extend(issuer.display.clone().unwrap_or_else(|| vec![issuer.name]));
        Some(parts)
    }

    /// The speaker a cue without a mention continues.
    fn antecedent(&mut self, i: usize) -> Option<usize> {
        let d = &self.drafts[i];
        let r = &self.res;
        // How far back, in tokens, a participle still continues the last speaker.
        const PARTICIPLE_REACH: usize = 200;
        // The speakers of the last attributions, looked for among a bounded number of them so
        // that a run of sourceless cues cannot make resolution quadratic.
        const LOOK_BACK: usize = 256;
        let prior: Vec<usize> = (0..i)
            .rev()
            .take(LOOK_BACK)
            .filter(|&k| r.source_of[k].is_some() && !self.quoted_within(k, d.cue.0))
            .take(6)
            .collect();
        let since = prior
            .first()
            .map(|&k| {
                let p = &self.drafts[k];
                p.cue.1.max(p.content.map_or(0, |c| c.1))
            })
            .unwrap_or(0);
        let cue = d.cue.0;
        let sentence_start = self.doc.sentences[self.doc.tokens[cue].sentence as usize].0;
        // وسارع رئيس البلدية إلى الرد، معتبرا أن …: a participle takes the subject of the
        // verb it hangs on, when that verb opens its sentence's clause after the last speaker.
        if d.kind == CueKind::Participle {
            let from = since.max(sentence_start);
            if let Some(m) = scan::verb_subject(self.doc, self.lex, self.feats, from, cue) {
                let cand = profile(self.doc, self.lex, m, false);
                if !cand.keys.is_empty() {
                    return Some(self.join(cand, m));
                }
            }
        }
        let r = &self.res;
        // A participle continues the nearest speaker, whatever its agreement.
        if d.kind == CueKind::Participle {
            if let Some(&k) = prior.first() {
                if self.drafts[k].cue.0 + PARTICIPLE_REACH > d.cue.0 {
                    return r.source_of[k];
                }
            }
        }
        let continues = self.lex.marks(&fold(&d.lemma), Marker::Continues);
        let coordinated =
            self.feats[cue].conj || (cue > 0 && d.negated && self.feats[cue - 1].conj);
        if coordinated && !continues {
            // إن بريطانيا رفضت طلبه … وأخبرته أنه: the subject of the clause it joins.
            if let Some(m) = scan::clause_subject(self.doc, self.lex, self.feats, cue) {
                let cand = profile(self.doc, self.lex, m, false);
                if !cand.keys.is_empty()
                    && gender_agrees(d.gender, d.number, cand.gender, cand.number)
                {
                    return Some(self.join(cand, m));
                }
            }
        }
        let (gender, number) = (d.gender, d.number);
        // أرسلت كلينتون الوثائق … وقالت إنها: a known source as a subject since then.
        if let Some(k) = self.subject_since(since, cue, gender, number) {
            return Some(k);
        }
        // وتخشى الحكومة موجة نزوح، وتقول إن …: the salient subject of the clause it joins,
        // since the last speaker, in this sentence or the one before.
        if coordinated && !continues {
            let sentence = self.doc.tokens[cue].sentence as usize;
            let before = self.doc.sentences[sentence.saturating_sub(1)].0;
            let from = since.max(before);
            if let Some(m) = scan::verb_subject(self.doc, self.lex, self.feats, from, cue) {
                let cand = profile(self.doc, self.lex, m, false);
                if !cand.keys.is_empty() && gender_agrees(gender, number, cand.gender, cand.number)
                {
                    return Some(self.join(cand, m));
                }
            }
        }
        let r = &self.res;
        let agrees = |k: usize| {
            let e = &r.entities[r.source_of[k].expect("filtered")];
            gender_agrees(gender, number, e.gender, e.number)
        };
        // وأضاف after a ministry's statement: a masculine default in translated text.
        if let Some(&k) = prior.first() {
            let e = &r.entities[r.source_of[k].expect("filtered")];
            let near =
                self.doc.tokens[cue].sentence <= self.doc.tokens[self.drafts[k].cue.0].sentence + 2;
            if continues
                && near
                && gender == Gender::Masculine
                && number == Number::Singular
                && e.gender == Gender::Feminine
                && e.number == Number::Singular
                && matches!(
                    e.kind,
                    SourceKind::OfficialBody | SourceKind::Organization | SourceKind::Media
                )
            {
                return r.source_of[k];
            }
        }
        prior
            .iter()
            .copied()
            .find(|&k| agrees(k))
            .or_else(|| prior.first().copied())
            .and_then(|k| r.source_of[k])
    }

    /// Whether draft `k` stands inside an earlier draft's content that closes before `at`:
    /// وأضاف «ترفض الإدارة المزاعم» … وتابع، نفت القناة ما صرحت به فلانة، مبينة: the
    /// reported clause's speaker is no speaker the story goes on with.
    fn quoted_within(&self, k: usize, at: usize) -> bool {
        /// How many drafts before `k` may hold the quotation.
        const HOLDERS: usize = 4;
        let cue = self.drafts[k].cue.0;
        self.drafts[k.saturating_sub(HOLDERS)..k].iter().any(|m| {
            m.content
                .is_some_and(|(s, e)| s <= cue && cue < e && e <= at)
        })
    }

    /// The last known source standing as a subject (not after a preposition) in `from..to`.
    fn subject_since(&self, from: usize, to: usize, g: Gender, n: Number) -> Option<usize> {
        const REACH: usize = 80;
        let from = from.max(to.saturating_sub(REACH));
        (from..to).rev().find_map(|t| {
            if !self.feats[t].word
                || (t > 0 && self.feats[t - 1].class == Some(crate::lexicon::WordClass::Prep))
            {
                return None;
            }
            let w = self.doc.text(t);
            let readings: Vec<&str> = crate::clitics::without_conjunction(w)
                .map(|(_, r)| crate::clitics::without_article(r))
                .collect();
            self.recent()
                .find(|(_, e)| {
                    let hit = match e.keys.as_slice() {
                        [only] => {
                            e.kind != SourceKind::Anonymous && readings.contains(&only.as_str())
                        }
                        [.., last] => {
                            e.kind == SourceKind::NamedPerson && readings.contains(&last.as_str())
                        }
                        [] => false,
                    };
                    hit && gender_agrees(g, n, e.gender, e.number)
                })
                .map(|(k, _)| k)
        })
    }

    /// For unnamed sources, the reason the text gives near a mention (الذي طلب عدم الكشف عن
    /// هويته، دون الكشف عن هويتها).
    fn reasons(&mut self) {
        const REACH: usize = 25;
        let words: Vec<&str> = (0..self.doc.len()).map(|i| self.doc.text(i)).collect();
        for e in &mut self.res.entities {
            if e.kind != SourceKind::Anonymous || e.reason.is_some() {
                continue;
            }
            e.reason = e.mentions.iter().find_map(|&(_, end)| {
                (end..(end + REACH).min(words.len()))
                    .take_while(|&k| {
                        self.doc.tokens[k].sentence
                            == self.doc.tokens[end.saturating_sub(1)].sentence
                    })
                    .find_map(|k| {
                        self.lex
                            .anonymity
                            .longest(&words, k)
                            .filter(|(_, &reason)| reason)
                            .map(|(len, _)| (k, k + len))
                    })
            });
        }
    }
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

fn same_head(a: &str, b: &str) -> bool {
    a == b || (a.len() > 4 && b.starts_with(a)) || (b.len() > 4 && a.starts_with(b))
}

/// The consonant skeleton of a transliterated name: long vowels after the first letter and a
/// final ه dropped, so ترامب / ترمب and الشارة / شارا compare equal.
pub(super) fn skeleton(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (k, c) in w.chars().enumerate() {
        if k > 0 && matches!(c, 'ا' | 'و' | 'ي') {
            continue;
        }
        out.push(c);
    }
    if out.chars().count() > 2 && out.ends_with('ه') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests;
