//! Linguistic knowledge as data: plain TSV files embedded in the binary and read by the same
//! loader that reads a user's extra files (`--lexicon DIR`).

mod forms;
pub mod index;
mod stems;
mod table;

// Every token is looked up several times; Fx hashes short words far faster than SipHash, and
// these maps only hold the lexicon's own entries (input words are looked up, never inserted).
use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

pub use forms::{generate, Class, Generated, Tense};
pub use index::Index;
pub use stems::Stems;
pub use table::PhraseTable;

use crate::error::{Error, Result};
use crate::model::{Gender, Number, SourceKind, Stance};
use crate::normalize::fold;

/// The embedded lexicon files, by name.
/// Verbs come first: phrases name their head verb.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("verbs.tsv", include_str!("verbs.tsv")),
    ("anonymity.tsv", include_str!("anonymity.tsv")),
    ("bodies.tsv", include_str!("bodies.tsv")),
    ("denials.tsv", include_str!("denials.tsv")),
    ("masdars.tsv", include_str!("masdars.tsv")),
    ("formulas.tsv", include_str!("formulas.tsv")),
    ("junk.tsv", include_str!("junk.tsv")),
    ("markers.tsv", include_str!("markers.tsv")),
    ("media.tsv", include_str!("media.tsv")),
    ("names.tsv", include_str!("names.tsv")),
    ("nisbas.tsv", include_str!("nisbas.tsv")),
    ("phrases.tsv", include_str!("phrases.tsv")),
    ("objects.tsv", include_str!("objects.tsv")),
    ("preps.tsv", include_str!("preps.tsv")),
    ("stopwords.tsv", include_str!("stopwords.tsv")),
    ("time.tsv", include_str!("time.tsv")),
    ("titles.tsv", include_str!("titles.tsv")),
    ("words.tsv", include_str!("words.tsv")),
];

/// How a verb takes its content and source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Content after a complementizer, colon or quote.
    Say,
    /// Also a noun object.
    Object,
    /// نقل X عن Y قوله إن.
    Relay,
    /// A request for comment: the source is the one asked.
    Outreach,
    /// جاء في البيان: the source is the statement.
    Statement,
    /// Only as the head of a phrase.
    Phrase,
    /// اتهم X Y بـ: the subject accuses a target, the charge after بـ.
    Accuse,
}

/// A verb of saying.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    /// The lemma as written in the file.
    pub lemma: String,
    /// Stance when affirmative (none: a cue only under negation).
    pub stance: Option<Stance>,
    /// Stance under negation (none: unchanged).
    pub negated: Option<Stance>,
    /// How it takes its arguments.
    pub frame: Frame,
}

/// One analysis of a surface form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form {
    /// Index into [`Lexicon::verbs`].
    pub verb: usize,
    /// Tense.
    pub tense: Tense,
    /// Agreement gender.
    pub gender: Gender,
    /// Agreement number.
    pub number: Number,
}

/// A prepositional cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrepCue {
    /// Its stance.
    pub stance: Stance,
    /// The source carries the preposition ل (وفقا لمصدر).
    pub needs_lam: bool,
    /// The phrase ends in ما and takes the verb after it (حسبما ذكرت، بحسب ما أفاد).
    pub takes_verb: bool,
    /// The phrase only reports for the clause before it, closing its sentence (…، كما ذكرت
    /// الوكالة.); elsewhere its words mean something else (كما أكد الوزير أن: "also").
    pub trailing: bool,
}

/// A multi-word refusal headed by a verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// The folded words after the head.
    pub rest: Vec<String>,
    /// Its stance.
    pub stance: Stance,
    /// Whether the source follows the phrase (لم يتسن الوصول إلى X) instead of being the subject.
    pub source_after: bool,
}

/// A closed-class word's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// إن، أن، بأن.
    Complementizer,
    /// لم، لن، لا، ما.
    Negation,
    /// لكن، بينما: a clause starts after it.
    Boundary,
    /// كان and its forms.
    Kana,
    /// قد، لقد.
    Qad,
    /// A preposition that ends a mention.
    Prep,
    /// الذي، التي.
    Relative,
    /// هذا، ذلك.
    Demonstrative,
    /// بيان، تصريح.
    Statement,
    /// للتعليق.
    Request,
    /// Never a cue although it looks like a verb form (بين).
    NotCue,
    /// A verb form that is impersonal before أن (يذكر أن، يتوقع أن).
    Impersonal,
    /// A question word opening indirect content (متى، كيف).
    Question,
    /// A free subject pronoun (هو، هي، وهم).
    Pronoun,
}

/// A word a particular grammar rule looks for (markers.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Marker {
    /// Joins a verb of saying into one cue (قائلا، يقول، بالقول).
    Continuation,
    /// Joins a second negated verb (أو، ولم).
    Coordinator,
    /// "Issued by" (صادر عن).
    Issued,
    /// Makes the verbal noun after it a passive (تم، يتم).
    PassiveAux,
    /// Ends the one asked in a request for comment (للحصول).
    Purpose,
    /// A request that is no topic (طلب).
    RequestNoun,
    /// Opens the main clause after a fronted prepositional cue (فإن).
    Resumptive,
    /// The verbal noun of a relay (قوله).
    Saying,
    /// A resumptive pronoun after a verb in a relative clause (بيانا أكد فيه).
    InWhich,
    /// A verb that issues a statement (أصدر الوزير بيانا).
    Issue,
    /// A quantifier before a source's head (بعض المصادر، أكثر من مصدر).
    Quantifier,
    /// A verb that goes on with the last speaker whatever lies between (أضاف، تابع).
    Continues,
    /// A noun for a report or claim, the usual object of confirming and denying (الخبر).
    ClaimNoun,
    /// An emphatic after a name that adds nothing to it (نفسه، ذاته).
    Emphatic,
    /// The first word of a prepositional cue that relays another's words (نقلا عن).
    Relay,
    /// A word that can head no speaker: a verbal noun, an adverb, a quantity (حرص، أيضا،
    /// نسبة). A noun phrase it heads is an object or an adverbial, never a source.
    Mute,
    /// A word that means "the same" before a noun (نفس المصدر، ذات المصادر): the noun after it
    /// is the head, an anaphor.
    Same,
    /// A verb whose object is a verbal noun of saying by its subject (كرر تأكيده، جددت نفيها).
    Light,
    /// A verb that before a given name reads "is named" (يُدعى علي), not "claims" (يدّعي أن).
    Naming,
}

impl Marker {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "continuation" => Marker::Continuation,
            "coordinator" => Marker::Coordinator,
            "issued" => Marker::Issued,
            "passive_aux" => Marker::PassiveAux,
            "purpose" => Marker::Purpose,
            "request_noun" => Marker::RequestNoun,
            "resumptive" => Marker::Resumptive,
            "saying" => Marker::Saying,
            "in_which" => Marker::InWhich,
            "issue" => Marker::Issue,
            "quantifier" => Marker::Quantifier,
            "continues" => Marker::Continues,
            "claim_noun" => Marker::ClaimNoun,
            "emphatic" => Marker::Emphatic,
            "relay" => Marker::Relay,
            "mute" => Marker::Mute,
            "same" => Marker::Same,
            "light" => Marker::Light,
            "naming" => Marker::Naming,
            _ => return None,
        })
    }
}

/// Where a junk phrase sits on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Junk {
    /// The line starts with it.
    Start,
    /// The last line is exactly it.
    Whole,
}

/// A head noun naming a kind of source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Body {
    /// Kind of source.
    pub kind: SourceKind,
    /// Gender.
    pub gender: Gender,
    /// Number.
    pub number: Number,
}

/// A word or name that ties a source to a country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// ISO 3166 alpha-2, or none.
    pub code: Option<String>,
    /// nisba, plural, country or capital.
    pub form: PlaceForm,
}

/// How a place word relates to its country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceForm {
    /// An adjective (إسرائيلي and its inflections).
    Nisba,
    /// A group noun (الأتراك).
    Plural,
    /// A country name.
    Country,
    /// A capital or seat standing for a government.
    Capital,
}

/// Everything the analyzer knows about the language.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Verbs of saying.
    pub verbs: Vec<Verb>,
    forms: HashMap<String, Vec<Form>>,
    /// Prepositional cues.
    pub preps: PhraseTable<PrepCue>,
    /// Phrases by head verb index.
    pub phrases: HashMap<usize, Vec<Phrase>>,
    /// The prepositions of a verb's object, by verb index, folded (أشاد ب، شكك في).
    pub objects: HashMap<usize, Vec<String>>,
    /// Silence formulas: stance and the index of the cue word.
    pub formulas: PhraseTable<(Stance, usize)>,
    words: HashMap<String, WordClass>,
    /// Titles and roles.
    pub titles: PhraseTable<Gender>,
    /// Given names that open a person's name.
    pub names: PhraseTable<Gender>,
    /// Words without claim content: false for function words, true for negators.
    stopwords: HashMap<String, bool>,
    /// Nisbas, countries and capitals.
    pub places: PhraseTable<Place>,
    /// Media names.
    pub media: PhraseTable<Option<String>>,
    /// Head nouns of sources.
    pub bodies: PhraseTable<Body>,
    /// Anonymity reasons (true) and descriptors (false).
    pub anonymity: PhraseTable<bool>,
    /// Time words and phrases.
    pub time: PhraseTable<()>,
    markers: HashMap<String, Vec<Marker>>,
    /// Formulas in content that deny.
    pub denials: PhraseTable<Stance>,
    /// Verbal nouns of saying and their stance (تأكيده أن، إعلانها أن).
    masdars: HashMap<String, Stance>,
    /// Scraper junk, folded.
    pub junk: Vec<(String, Junk)>,
    /// Stems of the words read with this lexicon.
    stems: Stems,
}

impl Lexicon {
    /// The embedded lexicon.
    pub fn embedded() -> Self {
        let mut lex = Lexicon::default();
        for (name, text) in EMBEDDED {
            lex.load(name, text)
                .unwrap_or_else(|e| panic!("embedded lexicon is invalid: {e}"));
        }
        lex
    }

    /// The embedded lexicon extended with every `NAME.tsv` in `dir` whose name is one of the
    /// embedded files'.
    pub fn with_dir(dir: &Path) -> Result<Self> {
        let mut lex = Self::embedded();
        let io = |cause| Error::LexiconIo {
            path: dir.to_path_buf(),
            cause,
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(io)?;
        let order = |name: &str| EMBEDDED.iter().position(|(n, _)| *n == name);
        files.sort_by_key(|e| order(&e.file_name().to_string_lossy()));
        for entry in files {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if !EMBEDDED.iter().any(|(n, _)| *n == name) {
                continue;
            }
            let text = read_bounded(&path)?;
            lex.load(&path.display().to_string(), &text)?;
        }
        Ok(lex)
    }

    /// Loads one file's entries; the kind of file is told by its name's last component.
    pub fn load(&mut self, name: &str, text: &str) -> Result<()> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let err = |message: String| Error::Lexicon {
                file: name.to_string(),
                line: n + 1,
                message,
            };
            self.load_line(base, &cols).map_err(err)?;
        }
        Ok(())
    }

    fn load_line(&mut self, file: &str, cols: &[&str]) -> std::result::Result<(), String> {
        let want = match file {
            "verbs.tsv" => 7,
            "phrases.tsv" | "bodies.tsv" => 4,
            "formulas.tsv" | "nisbas.tsv" => 3,
            "preps.tsv" | "words.tsv" | "titles.tsv" | "names.tsv" | "media.tsv"
            | "anonymity.tsv" | "time.tsv" | "markers.tsv" | "denials.tsv" | "junk.tsv"
            | "stopwords.tsv" | "masdars.tsv" | "objects.tsv" => 2,
            other => return Err(format!("unknown lexicon file {other}")),
        };
        // preps.tsv has an optional third column.
        let fits = cols.len() == want || (file == "preps.tsv" && cols.len() == want + 1);
        if !fits || cols.iter().any(|c| c.is_empty()) {
            return Err(format!(
                "expected {want} non-empty tab-separated columns, found {}",
                cols.len()
            ));
        }
        match file {
            "verbs.tsv" => self.load_verb(cols),
            "preps.tsv" => {
                let (phrase, needs_lam) = match cols[0].strip_suffix("ل+") {
                    Some(p) => (p.trim_end(), true),
                    None => (cols[0], false),
                };
                self.preps.insert(
                    phrase,
                    PrepCue {
                        stance: stance(cols[1])?,
                        needs_lam,
                        takes_verb: fold(phrase).ends_with("ما"),
                        trailing: match cols.get(2).copied() {
                            None => false,
                            Some("trailing") => true,
                            Some(x) => {
                                return Err(format!("third column must be trailing, not {x}"))
                            }
                        },
                    },
                );
                Ok(())
            }
            "phrases.tsv" => {
                let verb = self.verb_index(cols[0])?;
                let source_after = match cols[3] {
                    "subject" => false,
                    "object" => true,
                    s => return Err(format!("slot must be subject or object, not {s}")),
                };
                let phrase = Phrase {
                    rest: fold(cols[1]).split(' ').map(String::from).collect(),
                    stance: stance(cols[2])?,
                    source_after,
                };
                self.phrases.entry(verb).or_default().push(phrase);
                Ok(())
            }
            "formulas.tsv" => {
                let words: Vec<String> = fold(cols[0]).split(' ').map(String::from).collect();
                let cue = fold(cols[2]);
                let at = words
                    .iter()
                    .position(|w| *w == cue)
                    .ok_or_else(|| format!("cue word {} is not in the formula", cols[2]))?;
                self.formulas.insert(cols[0], (stance(cols[1])?, at));
                Ok(())
            }
            "words.tsv" => {
                let class = match cols[1] {
                    "complementizer" => WordClass::Complementizer,
                    "negation" => WordClass::Negation,
                    "boundary" => WordClass::Boundary,
                    "kana" => WordClass::Kana,
                    "qad" => WordClass::Qad,
                    "prep" => WordClass::Prep,
                    "relative" => WordClass::Relative,
                    "demonstrative" => WordClass::Demonstrative,
                    "statement" => WordClass::Statement,
                    "request" => WordClass::Request,
                    "notcue" => WordClass::NotCue,
                    "impersonal" => WordClass::Impersonal,
                    "question" => WordClass::Question,
                    "pronoun" => WordClass::Pronoun,
                    c => return Err(format!("unknown word class {c}")),
                };
                self.words.insert(fold(cols[0]), class);
                Ok(())
            }
            "titles.tsv" => {
                self.titles.insert(cols[0], gender(cols[1])?);
                Ok(())
            }
            "stopwords.tsv" => {
                let negator = match cols[1] {
                    "function" => false,
                    "negator" => true,
                    r => return Err(format!("role must be function or negator, not {r}")),
                };
                self.stopwords.insert(fold(cols[0]), negator);
                Ok(())
            }
            "names.tsv" => {
                self.names.insert(cols[0], gender(cols[1])?);
                Ok(())
            }
            "nisbas.tsv" => self.load_place(cols),
            "media.tsv" => {
                let code = (cols[1] != "-").then(|| cols[1].to_string());
                self.media.insert(cols[0], code);
                Ok(())
            }
            "bodies.tsv" => {
                let kind = SourceKind::parse(cols[1])
                    .ok_or_else(|| format!("unknown kind {}", cols[1]))?;
                let number = match cols[3] {
                    "sg" => Number::Singular,
                    "pl" => Number::Plural,
                    "du" => Number::Dual,
                    n => return Err(format!("number must be sg, du or pl, not {n}")),
                };
                self.bodies.insert(
                    cols[0],
                    Body {
                        kind,
                        gender: gender(cols[2])?,
                        number,
                    },
                );
                Ok(())
            }
            "anonymity.tsv" => {
                let reason = match cols[1] {
                    "reason" => true,
                    "descriptor" => false,
                    r => return Err(format!("role must be reason or descriptor, not {r}")),
                };
                self.anonymity.insert(cols[0], reason);
                Ok(())
            }
            "time.tsv" => {
                self.time.insert(cols[0], ());
                Ok(())
            }
            "markers.tsv" => {
                let m =
                    Marker::parse(cols[1]).ok_or_else(|| format!("unknown role {}", cols[1]))?;
                self.markers.entry(fold(cols[0])).or_default().push(m);
                Ok(())
            }
            "denials.tsv" => {
                self.denials.insert(cols[0], stance(cols[1])?);
                Ok(())
            }
            "objects.tsv" => {
                let verb = self.verb_index(cols[0])?;
                let preps = fold(cols[1]).split(' ').map(String::from).collect();
                self.objects.insert(verb, preps);
                Ok(())
            }
            "masdars.tsv" => {
                self.masdars.insert(fold(cols[0]), stance(cols[1])?);
                Ok(())
            }
            "junk.tsv" => {
                let at = match cols[1] {
                    "start" => Junk::Start,
                    "whole" => Junk::Whole,
                    w => return Err(format!("where must be start or whole, not {w}")),
                };
                self.junk.push((fold(cols[0]), at));
                Ok(())
            }
            _ => unreachable!("file names are checked above"),
        }
    }

    fn load_verb(&mut self, cols: &[&str]) -> std::result::Result<(), String> {
        let class = Class::parse(cols[1]).ok_or_else(|| format!("unknown class {}", cols[1]))?;
        let opt_stance = |s: &str| {
            if s == "-" {
                Ok(None)
            } else {
                stance(s).map(Some)
            }
        };
        let frame = match cols[6] {
            "say" => Frame::Say,
            "obj" => Frame::Object,
            "relay" => Frame::Relay,
            "outreach" => Frame::Outreach,
            "statement" => Frame::Statement,
            "phrase" => Frame::Phrase,
            "accuse" => Frame::Accuse,
            f => return Err(format!("unknown frame {f}")),
        };
        let verb = Verb {
            lemma: cols[0].to_string(),
            stance: opt_stance(cols[4])?,
            negated: opt_stance(cols[5])?,
            frame,
        };
        let index = self.verbs.len();
        let participle = (cols[3] != "-").then(|| fold(cols[3]));
        for g in generate(class, &fold(cols[0]), &fold(cols[2]), participle.as_deref()) {
            self.forms.entry(g.text).or_default().push(Form {
                verb: index,
                tense: g.tense,
                gender: g.gender,
                number: g.number,
            });
        }
        self.verbs.push(verb);
        Ok(())
    }

    fn load_place(&mut self, cols: &[&str]) -> std::result::Result<(), String> {
        let code = (cols[1] != "-").then(|| cols[1].to_string());
        let form = match cols[2] {
            "nisba" => PlaceForm::Nisba,
            "plural" => PlaceForm::Plural,
            "country" => PlaceForm::Country,
            "capital" => PlaceForm::Capital,
            f => return Err(format!("unknown form {f}")),
        };
        let place = Place { code, form };
        if form == PlaceForm::Nisba {
            let base = fold(cols[0]);
            // Feminine, dual and plural, each with and without the article.
            for suffix in ["", "ه", "ان", "ين", "ون", "تان", "تين", "ات"] {
                let word = format!("{base}{suffix}");
                // A country name (السعودية) wins over a nisba form spelled the same.
                self.places
                    .insert_missing(&format!("ال{word}"), place.clone());
                self.places.insert_missing(&word, place.clone());
            }
        } else {
            self.places.insert(cols[0], place);
        }
        Ok(())
    }

    fn verb_index(&self, lemma: &str) -> std::result::Result<usize, String> {
        self.verbs
            .iter()
            .position(|v| v.lemma == lemma)
            .ok_or_else(|| format!("verb {lemma} is not in verbs.tsv (load verbs first)"))
    }

    /// The verb analyses of a folded surface form.
    pub fn forms(&self, word: &str) -> &[Form] {
        self.forms.get(word).map_or(&[], Vec::as_slice)
    }

    /// Whether the folded word plays `role` (markers.tsv).
    pub fn marks(&self, word: &str, role: Marker) -> bool {
        self.markers.get(word).is_some_and(|m| m.contains(&role))
    }

    /// The stance of a verbal noun of saying (تأكيد، إعلان، نفي), folded.
    pub fn masdar(&self, word: &str) -> Option<Stance> {
        self.masdars.get(word).copied()
    }

    /// The memory of stems shared by the documents read with this lexicon.
    pub fn stems(&self) -> &Stems {
        &self.stems
    }

    /// The closed class of a folded word, if any.
    pub fn word_class(&self, word: &str) -> Option<WordClass> {
        self.words.get(word).copied()
    }

    /// For a folded word that carries no claim: whether it negates (لم، غير، عدم).
    pub fn stopword(&self, word: &str) -> Option<bool> {
        self.stopwords.get(word).copied()
    }
}

fn stance(s: &str) -> std::result::Result<Stance, String> {
    Stance::parse(s).ok_or_else(|| format!("unknown stance {s}"))
}

fn gender(s: &str) -> std::result::Result<Gender, String> {
    match s {
        "m" => Ok(Gender::Masculine),
        "f" => Ok(Gender::Feminine),
        g => Err(format!("gender must be m or f, not {g}")),
    }
}

/// The most a lexicon file may hold: far above any real one, and a bound on what a wrong path
/// (a device, a link to /dev/zero) can make isnad read.
const LEXICON_FILE_BYTES: u64 = 16 << 20;

/// A lexicon file's text, read no further than [`LEXICON_FILE_BYTES`].
fn read_bounded(path: &Path) -> Result<String> {
    use std::io::Read;
    let io = |cause| Error::LexiconIo {
        path: path.to_path_buf(),
        cause,
    };
    let mut text = String::new();
    std::fs::File::open(path)
        .map_err(io)?
        .take(LEXICON_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(io)?;
    if text.len() as u64 > LEXICON_FILE_BYTES {
        return Err(Error::Lexicon {
            file: path.display().to_string(),
            line: 1,
            message: format!("the file is over {LEXICON_FILE_BYTES} bytes"),
        });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads() {
        let lex = Lexicon::embedded();
        assert!(lex.verbs.len() > 40);
        assert!(!lex.forms(&fold("وأضاف")[2..]).is_empty());
        assert!(!lex.forms(&fold("مضيفًا")).is_empty());
        assert!(!lex.forms(&fold("لم ينفِ")[5..]).is_empty());
    }

    #[test]
    fn embedded_files_are_sorted_without_duplicates() {
        for (name, text) in EMBEDDED {
            let lines: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .collect();
            for pair in lines.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: not sorted or duplicated at {:?}",
                    pair[1]
                );
            }
            let mut keys: Vec<&str> = lines
                .iter()
                .map(|l| l.split('\t').next().unwrap())
                .collect();
            let n = keys.len();
            keys.sort_unstable();
            keys.dedup();
            // phrases.tsv and formulas.tsv repeat their head on purpose; their lines are unique.
            if !matches!(*name, "phrases.tsv") {
                assert_eq!(keys.len(), n, "{name}: duplicate first column");
            }
        }
    }

    #[test]
    fn loader_reports_the_place_of_an_error() {
        let mut lex = Lexicon::default();
        let err = lex
            .load("extra/verbs.tsv", "# c\nقال\thollow\tقول\n")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "lexicon extra/verbs.tsv, line 2: expected 7 non-empty tab-separated columns, found 3"
        );
        let err = lex
            .load("verbs.tsv", "قال\tstrange\tقول\tقائل\tasserts\t-\tsay\n")
            .unwrap_err();
        assert!(err.to_string().contains("unknown class strange"));
    }

    #[test]
    fn user_file_extends_through_the_same_loader() {
        let dir = std::env::temp_dir().join(format!("isnad-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("verbs.tsv"),
            "همس\tsound\tهمس\tهامس\tasserts\t-\tsay\n",
        )
        .unwrap();
        let lex = Lexicon::with_dir(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(!lex.forms("همست").is_empty());
        let embedded = Lexicon::embedded();
        assert!(embedded.forms("همست").is_empty());
        assert_eq!(lex.forms("قالت").len(), embedded.forms("قالت").len());
    }

    #[test]
    fn nisbas_inflect() {
        let lex = Lexicon::embedded();
        for w in ["إسرائيلي", "الإسرائيلية", "إسرائيليون", "الإسرائيليين"]
        {
            let words: Vec<String> = vec![fold(w)];
            let hit = lex.places.longest(&words, 0);
            assert_eq!(hit.map(|(_, p)| p.code.as_deref()), Some(Some("IL")), "{w}");
        }
    }
}
