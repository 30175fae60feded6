//! The data model every stage shares and the JSON contract serializes.

use serde::Serialize;

/// A half-open range of UTF-8 byte offsets into the original input, always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text the span covers in `input`.
    pub fn text(self, input: &str) -> &str {
        &input[self.start..self.end]
    }
}

/// A span together with the text it covers, as the JSON contract writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// `input[start..end]`.
    pub text: String,
}

impl TextSpan {
    /// Copies the covered text out of `input`.
    pub fn new(span: Span, input: &str) -> Self {
        TextSpan {
            start: span.start,
            end: span.end,
            text: span.text(input).to_string(),
        }
    }
}

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        pub enum $name { $($(#[$vdoc])* #[serde(rename = $text)] $variant,)* }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The name used in JSON and in the lexicon files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)* }
            }

            /// Parses the name used in JSON and in the lexicon files.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)* _ => None }
            }
        }
    };
}

pub(crate) use vocabulary;

vocabulary! {
    /// What a source does toward the content it is credited with.
    Stance {
        /// Neutral reporting.
        Asserts = "asserts",
        /// Confirms (أكد، أقر).
        Confirms = "confirms",
        /// Denies (نفى، أنكر).
        Denies = "denies",
        /// Will neither confirm nor deny.
        NeitherConfirmsNorDenies = "neither_confirms_nor_denies",
        /// Refuses to comment or to reveal.
        DeclinesToComment = "declines_to_comment",
        /// Did not answer a request, could not be reached.
        NoResponse = "no_response",
        /// The writer keeps its distance (زعم، ادعى).
        Alleges = "alleges",
    }
}

vocabulary! {
    /// How the content is reported.
    QuoteType {
        /// Wholly inside quotation marks.
        Direct = "direct",
        /// Paraphrase.
        Indirect = "indirect",
        /// Paraphrase holding a quoted fragment.
        Mixed = "mixed",
        /// No propositional content.
        None = "none",
    }
}

vocabulary! {
    /// The grammatical kind of a cue.
    CueKind {
        /// A finite verb of saying.
        Verb = "verb",
        /// An adverbial participle continuing a speaker.
        Participle = "participle",
        /// A prepositional phrase (وفقا لـ، بحسب).
        Preposition = "preposition",
        /// A noun of statement.
        Noun = "noun",
        /// An agentless passive.
        Passive = "passive",
        /// A refusal or no-response formula.
        Refusal = "refusal",
        /// A request for comment reported by the writer.
        Outreach = "outreach",
        /// A headline's colon.
        Headline = "headline",
    }
}

vocabulary! {
    /// What kind of source speaks.
    SourceKind {
        /// An unnamed person or group.
        Anonymous = "anonymous",
        /// A named person.
        NamedPerson = "named_person",
        /// A government, ministry, army, presidency, or a capital standing for its government.
        OfficialBody = "official_body",
        /// A company, party, NGO or court.
        Organization = "organization",
        /// A channel, newspaper, agency or network.
        Media = "media",
        /// A report, statement, study or file.
        Document = "document",
        /// Nothing says which.
        Unknown = "unknown",
    }
}

vocabulary! {
    /// How one attribution stands to another about the same proposition.
    RelationKind {
        /// Repeats or supports it.
        Corroborates = "corroborates",
        /// Confirms it with a verb of confirming.
        Confirms = "confirms",
        /// States the opposite.
        Contradicts = "contradicts",
        /// Denies it.
        Denies = "denies",
        /// Will neither confirm nor deny it.
        NeitherConfirmsNorDenies = "neither_confirms_nor_denies",
        /// Declines to comment on it.
        DeclinesToComment = "declines_to_comment",
        /// Gave no response on it.
        NoResponse = "no_response",
    }
}

vocabulary! {
    /// The three families relations fall into.
    Family {
        /// Corroborates or confirms.
        Support = "support",
        /// Contradicts or denies.
        Oppose = "oppose",
        /// Neither confirms nor denies, declines, no response.
        Noncommittal = "noncommittal",
    }
}

impl RelationKind {
    /// The family of the kind.
    pub fn family(self) -> Family {
        match self {
            RelationKind::Corroborates | RelationKind::Confirms => Family::Support,
            RelationKind::Contradicts | RelationKind::Denies => Family::Oppose,
            _ => Family::Noncommittal,
        }
    }
}

/// Grammatical gender, as agreement shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Masculine.
    Masculine,
    /// Feminine (also non-human plurals).
    Feminine,
    /// Not marked.
    Unknown,
}

/// Grammatical number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Number {
    /// One.
    Singular,
    /// Two.
    Dual,
    /// Three or more.
    Plural,
    /// Not marked.
    Unknown,
}

/// One place where the text says who said what.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribution {
    /// `a1`, `a2`, … in text order.
    pub id: String,
    /// The cue words.
    pub cue: TextSpan,
    /// The cue's dictionary form.
    pub lemma: String,
    /// Its grammatical kind.
    pub cue_kind: CueKind,
    /// The source entity, when one is known.
    pub source: Option<String>,
    /// The words naming the source here; none for pro-drop.
    pub source_mention: Option<TextSpan>,
    /// What is attributed.
    pub content: Option<TextSpan>,
    /// What the source does toward the content.
    pub stance: Stance,
    /// How the content is reported.
    pub quote: QuoteType,
    /// Whether a negation particle governs the cue.
    pub negated: bool,
    /// Zero-based sentence index.
    pub sentence: usize,
    /// To whom it was said (لـ«…»، لشبكة …).
    pub addressee: Option<TextSpan>,
    /// Through what (في بيان، في تغريدة …).
    pub medium: Option<TextSpan>,
    /// When (أمس، يوم الخميس …).
    pub time: Option<TextSpan>,
    /// Who the content is about, where the cue's frame names it: the accused (اتهمت X «Y» بـ).
    pub target: Option<TextSpan>,
    /// The attribution whose content holds this one, for chains.
    pub parent: Option<String>,
    /// The claim it is about.
    pub claim: Option<String>,
    /// Its isnad: the speaker's source id first, then those who relay it.
    pub chain: Vec<String>,
}

/// Who or what content comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// `s1`, `s2`, … in order of first mention.
    pub id: String,
    /// The fullest name the text gives.
    pub name: String,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// Title or role, where the text gives one.
    pub role: Option<String>,
    /// ISO 3166 alpha-2 country, where the text gives one.
    pub affiliation: Option<String>,
    /// Why it is unnamed, where the text says.
    pub anonymity_reason: Option<String>,
    /// The body a spokesperson speaks for (المتحدث باسم «الجيش»).
    pub speaks_for: Option<String>,
    /// What the kind and affiliation rest on (title, head noun, nisba, media name …).
    pub evidence: Vec<String>,
    /// Every mention.
    pub mentions: Vec<TextSpan>,
    /// The attributions it made.
    pub attributions: Vec<String>,
}

/// A link between two attributions about one proposition: the later one (`from`) toward the
/// earlier (`to`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relation {
    /// From attribution id.
    pub from: String,
    /// To attribution id.
    pub to: String,
    /// corroborates, confirms, contradicts, denies, neither_confirms_nor_denies, …
    pub kind: RelationKind,
    /// support, oppose or noncommittal.
    pub family: Family,
    /// How sure the link is, 0–1.
    pub score: f32,
    /// The shared words behind it (or the words that point back: ذلك، هذه المعلومات).
    pub evidence: Vec<String>,
    /// The claim both belong to.
    pub claim: String,
}

/// A group of attributions about one proposition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// `c1`, `c2`, … in order of their first attribution.
    pub id: String,
    /// The attribution that states it first.
    pub anchor: String,
    /// Every attribution about it, in text order.
    pub attributions: Vec<String>,
    /// Its key terms, as words of the text (folded).
    pub terms: Vec<String>,
    /// Whether the anchor states it negatively (لم تكن هناك محادثات).
    pub negative: bool,
    /// The anchor statement's own words, trimmed to a clause.
    pub title: String,
    /// Who confirms, denies or gives no answer, in one line: "confirmed by …; denied by …; no
    /// answer from …; rests on one anonymous source".
    pub verdict: String,
    /// Who says it and how: one chain per attribution.
    pub chains: Vec<Chain>,
    /// The sourcing summary.
    pub sourcing: Sourcing,
}

/// The isnad of one attribution: the speaker first, then whoever relays it, out to the outlet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chain {
    /// The attribution.
    pub attribution: String,
    /// Source ids, the speaker first (نتنياهو ← مسؤول ← CNN).
    pub sources: Vec<String>,
}

/// How a claim is sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sourcing {
    /// Distinct speakers.
    pub sources: usize,
    /// Of them, named (people, bodies, media, documents).
    pub named: usize,
    /// Of them, unnamed.
    pub anonymous: usize,
    /// Attributions heard through someone else.
    pub relayed: usize,
    /// Attributions that support the anchor.
    pub support: usize,
    /// Attributions that oppose it.
    pub oppose: usize,
    /// Attributions that neither confirm nor deny, decline or do not respond.
    pub noncommittal: usize,
}

/// The whole result for one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// Always `isnad/1`.
    pub schema: &'static str,
    /// Input length in bytes.
    pub bytes: usize,
    /// The outlet or agency named in the dateline, as a source id.
    pub dateline: Option<String>,
    /// Regions skipped as scraper junk.
    pub skipped: Vec<TextSpan>,
    /// Attributions in text order.
    pub attributions: Vec<Attribution>,
    /// Sources in order of first mention.
    pub sources: Vec<Source>,
    /// Links between attributions.
    pub relations: Vec<Relation>,
    /// Propositions and who stands where on them.
    pub claims: Vec<Claim>,
    /// The text the offsets refer to, when it is not the input itself (the text extracted from
    /// an HTML page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Analysis {
    /// The attribution with this id: ids index the list (`a1` is the first).
    pub fn attribution(&self, id: &str) -> Option<&Attribution> {
        indexed(&self.attributions, id, 'a', |x| &x.id)
    }

    /// The source with this id: ids index the list (`s1` is the first).
    pub fn source(&self, id: &str) -> Option<&Source> {
        indexed(&self.sources, id, 's', |x| &x.id)
    }

    /// Statements per affiliation (ISO country), most heard first, then by code.
    pub fn countries_heard(&self) -> Vec<(&str, usize)> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for s in &self.sources {
            let Some(c) = s.affiliation.as_deref() else {
                continue;
            };
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some(slot) => slot.1 += s.attributions.len(),
                None => counts.push((c, s.attributions.len())),
            }
        }
        counts.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
        counts
    }
}

/// The item `id` (`a3`, `s2`) names in a list its ids index.
fn indexed<'a, T>(
    list: &'a [T],
    id: &str,
    prefix: char,
    id_of: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    let n: usize = id.strip_prefix(prefix)?.parse().ok()?;
    list.get(n.checked_sub(1)?).filter(|x| id_of(x) == id)
}

/// The schema name written into every analysis.
pub const SCHEMA: &str = "isnad/1";
