//! Sourcing over an archive: documents are added one at a time and only counts are kept, so
//! memory does not grow with the number of articles (the table of source names is pruned of
//! names heard once when it grows large).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::batch::Meta;
use crate::flags::{self, Rule};
use crate::model::{Analysis, SourceKind, Stance};
use crate::normalize;
use crate::Lexicon;

/// Sources listed in the report, and contested claims kept.
const TOP_SOURCES: usize = 25;
const TOP_CONTESTED: usize = 20;
/// Distinct source names kept before those heard once are dropped.
const MAX_NAMES: usize = 200_000;
/// Characters of a claim's text shown.
const CLAIM_CHARS: usize = 160;

/// Counts for one outlet or one month.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Slice {
    /// Documents.
    pub documents: usize,
    /// Attributions.
    pub attributions: usize,
    /// Attributions to an anonymous source.
    pub anonymous: usize,
    /// Attributions with no source at all (agentless passives).
    pub unattributed: usize,
    /// Denials.
    pub denials: usize,
    /// Requests for comment with no response, and refusals to comment.
    pub silences: usize,
}

impl Slice {
    /// Share of attributions that rest on an anonymous or no source.
    pub fn anonymity_rate(&self) -> f64 {
        if self.attributions == 0 {
            0.0
        } else {
            (self.anonymous + self.unattributed) as f64 / self.attributions as f64
        }
    }

    fn add(&mut self, a: &Analysis) {
        self.documents += 1;
        for x in &a.attributions {
            self.attributions += 1;
            match x.source.as_deref().and_then(|id| a.source(id)) {
                Some(s) if s.kind == SourceKind::Anonymous => self.anonymous += 1,
                Some(_) => {}
                None => self.unattributed += 1,
            }
            match x.stance {
                Stance::Denies => self.denials += 1,
                Stance::NoResponse | Stance::DeclinesToComment => self.silences += 1,
                _ => {}
            }
        }
    }
}

/// A source as counted over the archive.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quoted {
    /// The name as first seen.
    pub name: String,
    /// Its kind.
    pub kind: SourceKind,
    /// Attributions.
    pub attributions: usize,
    /// Documents it speaks in.
    pub documents: usize,
    /// The first document it speaks in, its id there and the document's address.
    pub first: Place,
}

/// Where something was first found: a document, the id in it, and the document's address.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Place {
    /// The document's id.
    pub document: String,
    /// The id in the document's analysis (`s3`, `c2`).
    pub id: String,
    /// The document's address, if the record gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A claim sources disagree or stay silent on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contested {
    /// The document's id.
    pub document: String,
    /// The document's title, if known.
    pub title: Option<String>,
    /// The claim's id in its document.
    pub claim: String,
    /// The document's address, if the record gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The anchor's content (cut).
    pub text: String,
    /// Distinct sources.
    pub sources: usize,
    /// Supporting, opposing and noncommittal members.
    pub support: usize,
    /// Opposing members.
    pub oppose: usize,
    /// Noncommittal members.
    pub noncommittal: usize,
}

impl Contested {
    /// Opposition weighs most, then silences, then how many speak.
    fn weight(&self) -> (usize, usize, usize) {
        (
            2 * self.oppose + self.noncommittal,
            self.sources,
            self.support,
        )
    }
}

/// The archive's figures, as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Documents analyzed.
    pub documents: usize,
    /// Documents that could not be read or decoded.
    pub failed: usize,
    /// Documents with at least one attribution.
    pub with_attributions: usize,
    /// Every document together.
    pub total: Slice,
    /// Attributions per stance, in the stance vocabulary's order.
    pub stances: Vec<(Stance, usize)>,
    /// Attributions per kind of source; `None` for no source.
    pub kinds: Vec<(Option<SourceKind>, usize)>,
    /// Editorial findings per rule.
    pub flags: Vec<(Rule, usize)>,
    /// Per outlet, by name.
    pub outlets: BTreeMap<String, Slice>,
    /// Per month (`YYYY-MM` from the date), in order.
    pub months: BTreeMap<String, Slice>,
    /// Named sources (people, bodies, media, documents), most quoted first.
    pub most_quoted: Vec<Quoted>,
    /// Descriptions of anonymous sources (مصدر مطلع، مسؤولون), most used first.
    pub anonymous: Vec<Quoted>,
    /// The most contested claims.
    pub contested: Vec<Contested>,
}

/// The running counts.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Shared: an archive is read by many workers, each with its own counts.
    lexicon: std::sync::Arc<Lexicon>,
    documents: usize,
    failed: usize,
    with_attributions: usize,
    total: Slice,
    stances: HashMap<Stance, usize>,
    kinds: HashMap<Option<SourceKind>, usize>,
    flags: HashMap<Rule, usize>,
    outlets: BTreeMap<String, Slice>,
    months: BTreeMap<String, Slice>,
    names: HashMap<(String, SourceKind), Quoted>,
    contested: Vec<Contested>,
}

impl Corpus {
    /// An empty archive; the lexicon's given names tell a person's name from the title or
    /// description before it.
    pub fn new(lexicon: impl Into<std::sync::Arc<Lexicon>>) -> Corpus {
        Corpus {
            lexicon: lexicon.into(),
            ..Corpus::default()
        }
    }

    /// Counts a document that failed.
    pub fn add_failed(&mut self) {
        self.failed += 1;
    }

    /// Counts one analyzed document (its findings without the text: see [`Corpus::add_in`]).
    pub fn add(&mut self, meta: &Meta, a: &Analysis) {
        self.add_in(meta, "", a);
    }

    /// Counts one analyzed document of `text`, its findings as the article report gives them.
    pub fn add_in(&mut self, meta: &Meta, text: &str, a: &Analysis) {
        self.documents += 1;
        self.with_attributions += usize::from(!a.attributions.is_empty());
        self.total.add(a);
        let outlet = meta.outlet.clone().unwrap_or_else(|| "—".into());
        self.outlets.entry(outlet).or_default().add(a);
        self.months
            .entry(month(meta.date.as_deref()))
            .or_default()
            .add(a);
        for x in &a.attributions {
            *self.stances.entry(x.stance).or_default() += 1;
            let kind = x
                .source
                .as_deref()
                .and_then(|id| a.source(id))
                .map(|s| s.kind);
            *self.kinds.entry(kind).or_default() += 1;
        }
        for f in flags::flags_in(text, a) {
            *self.flags.entry(f.rule).or_default() += 1;
        }
        for s in &a.sources {
            if s.attributions.is_empty() || s.kind == SourceKind::Unknown {
                continue;
            }
            let key = (self.name_key(&s.name, s.role.as_deref(), s.kind), s.kind);
            let q = self.names.entry(key).or_insert_with(|| Quoted {
                name: s.name.clone(),
                kind: s.kind,
                attributions: 0,
                documents: 0,
                first: Place {
                    document: meta.id.clone(),
                    id: s.id.clone(),
                    url: meta.url.clone(),
                },
            });
            q.attributions += s.attributions.len();
            q.documents += 1;
        }
        if self.names.len() > MAX_NAMES {
            self.names.retain(|_, q| q.attributions > 1);
        }
        for c in &a.claims {
            let s = &c.sourcing;
            if s.oppose == 0 && s.noncommittal == 0 {
                continue;
            }
            let text = a
                .attribution(&c.anchor)
                .and_then(|x| x.content.as_ref())
                .map(|t| cut(&t.text))
                .unwrap_or_default();
            self.contested.push(Contested {
                document: meta.id.clone(),
                title: meta.title.clone(),
                claim: c.id.clone(),
                url: meta.url.clone(),
                text,
                sources: s.sources,
                support: s.support,
                oppose: s.oppose,
                noncommittal: s.noncommittal,
            });
        }
        if self.contested.len() > 4 * TOP_CONTESTED {
            self.keep_contested();
        }
    }

    /// The key a source is counted under across articles: the folded name, from the given
    /// name on for a person (وزير الخارجية عادل الجبير and عادل الجبير are one person), else
    /// without a title that precedes it.
    fn name_key(&self, name: &str, role: Option<&str>, kind: SourceKind) -> String {
        let folded = normalize::fold(name);
        let words: Vec<&str> = folded.split_whitespace().collect();
        if kind == SourceKind::NamedPerson {
            let given = (0..words.len()).find(|&i| self.lexicon.names.longest(&words, i).is_some());
            if let Some(i) = given.filter(|&i| i > 0 && words.len() - i >= 2) {
                return words[i..].join(" ");
            }
        }
        if let Some(r) = role.map(normalize::fold) {
            if let Some(rest) = folded.strip_prefix(r.as_str()) {
                if rest.split_whitespace().count() >= 2 {
                    return rest.trim().to_string();
                }
            }
        }
        folded
    }

    fn keep_contested(&mut self) {
        // Stable: among equals the earlier document stays first.
        self.contested
            .sort_by_key(|c| std::cmp::Reverse(c.weight()));
        self.contested.truncate(TOP_CONTESTED);
    }

    /// The figures.
    pub fn finish(mut self) -> Summary {
        self.keep_contested();
        let stances = Stance::ALL
            .iter()
            .map(|&s| (s, self.stances.get(&s).copied().unwrap_or(0)))
            .collect();
        let mut kinds: Vec<(Option<SourceKind>, usize)> = SourceKind::ALL
            .iter()
            .map(|&k| Some(k))
            .chain([None])
            .map(|k| (k, self.kinds.get(&k).copied().unwrap_or(0)))
            .filter(|&(_, n)| n > 0)
            .collect();
        kinds.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        let flags = Rule::ALL
            .iter()
            .map(|&r| (r, self.flags.get(&r).copied().unwrap_or(0)))
            .collect();
        let lexicon = std::sync::Arc::clone(&self.lexicon);
        let generic = |key: &str| generic_name(&lexicon, key);
        // A surname heard alone (كيري) joins the one full name that ends with it.
        let mut by_key: HashMap<(String, SourceKind), Quoted> = self.names;
        let singles: Vec<(String, SourceKind)> = by_key
            .keys()
            .filter(|(k, kind)| *kind == SourceKind::NamedPerson && !k.contains(' '))
            .cloned()
            .collect();
        for single in singles {
            let suffix = format!(" {}", single.0);
            let mut fuller = by_key
                .keys()
                .filter(|(k, kind)| *kind == SourceKind::NamedPerson && k.ends_with(&suffix));
            if let (Some(full), None) = (fuller.next().cloned(), fuller.next()) {
                if let Some(q) = by_key.remove(&single) {
                    let f = by_key.get_mut(&full).expect("listed above");
                    f.attributions += q.attributions;
                    f.documents += q.documents;
                }
            }
        }
        let mut quoted: Vec<Quoted> = by_key
            .into_iter()
            .filter(|((key, kind), _)| *kind == SourceKind::Anonymous || !generic(key))
            .map(|(_, q)| q)
            .collect();
        quoted.sort_by(|a, b| {
            b.attributions
                .cmp(&a.attributions)
                .then(b.documents.cmp(&a.documents))
                .then(a.name.cmp(&b.name))
        });
        let (anonymous, named): (Vec<Quoted>, Vec<Quoted>) = quoted
            .into_iter()
            .partition(|q| q.kind == SourceKind::Anonymous);
        Summary {
            documents: self.documents,
            failed: self.failed,
            with_attributions: self.with_attributions,
            total: self.total,
            stances,
            kinds,
            flags,
            outlets: self.outlets,
            months: self.months,
            most_quoted: named.into_iter().take(TOP_SOURCES).collect(),
            anonymous: anonymous.into_iter().take(TOP_SOURCES).collect(),
            contested: self.contested,
        }
    }
}

/// A one-word name that only says what kind of source spoke (البيان، الشركة، المتحدث): it
/// names no one across articles.
fn generic_name(lexicon: &Lexicon, key: &str) -> bool {
    if key.contains(' ') {
        return false;
    }
    let bare = key.strip_prefix("ال").unwrap_or(key);
    [key, bare].iter().any(|w| {
        lexicon.bodies.longest(&[*w], 0).is_some() || lexicon.titles.longest(&[*w], 0).is_some()
    })
}

/// `YYYY-MM` from a date that starts with one, else `—`.
fn month(date: Option<&str>) -> String {
    let Some(d) = date else { return "—".into() };
    let b = d.as_bytes();
    let ok = b.len() >= 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit);
    if ok {
        d[..7].to_string()
    } else {
        "—".into()
    }
}

fn cut(s: &str) -> String {
    match s.char_indices().nth(CLAIM_CHARS) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    fn meta(id: &str, outlet: &str, date: &str) -> Meta {
        Meta {
            id: id.into(),
            outlet: Some(outlet.into()),
            date: Some(date.into()),
            ..Meta::default()
        }
    }

    #[test]
    fn counts_by_outlet_month_source_and_claim() {
        let analyzer = Analyzer::new();
        let mut c = Corpus::new(Lexicon::embedded());
        let one = "قال وزير الخارجية سامي العلي إن المحادثات السرية جرت في جنيف. \
                   ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف.";
        let two = "وقال النائب سامي العلي إن الوفد سيعود غدا. وقال مصدر مطلع إن الوفد لن يعود. \
                   وأضاف البيان أن الوفد سيلتقي وزير الدفاع.";
        c.add(
            &meta("d1", "alpha", "2015-07-21 10:00"),
            &analyzer.analyze(one),
        );
        c.add(&meta("d2", "beta", "2015-08-02"), &analyzer.analyze(two));
        c.add(
            &meta("d3", "beta", "undated"),
            &analyzer.analyze("لا إسناد هنا."),
        );
        c.add_failed();
        let s = c.finish();
        assert_eq!((s.documents, s.failed, s.with_attributions), (3, 1, 2));
        assert_eq!(s.outlets["beta"].documents, 2);
        assert_eq!(s.outlets["beta"].anonymous, 1);
        assert_eq!(s.outlets["alpha"].denials, 1);
        let months: Vec<&str> = s.months.keys().map(String::as_str).collect();
        assert_eq!(months, ["2015-07", "2015-08", "—"]);
        // The minister, with and without his title, is one source across the two articles.
        let top = &s.most_quoted[0];
        assert_eq!(
            (top.attributions, top.documents),
            (2, 2),
            "{:?}",
            s.most_quoted
        );
        assert_eq!(s.anonymous.len(), 1);
        assert!(s.most_quoted.iter().all(|q| q.name != "البيان"));
        assert_eq!(s.contested.len(), 1);
        assert_eq!(s.contested[0].document, "d1");
        assert!(s.contested[0].oppose >= 1);
        let total: usize = s.stances.iter().map(|&(_, n)| n).sum();
        assert_eq!(total, s.total.attributions);
        assert!(s.total.anonymity_rate() > 0.0 && s.total.anonymity_rate() < 1.0);
    }

    #[test]
    fn a_surname_alone_joins_its_full_name() {
        let analyzer = Analyzer::new();
        let mut c = Corpus::new(Lexicon::embedded());
        let texts = [
            "قال وزير الخارجية الأمريكي جون كيري إن المحادثات مستمرة.",
            "وقال كيري إن الاتفاق قريب.",
            "وقال الرئيس باراك أوباما إن الاتفاق جيد.",
        ];
        for (i, t) in texts.iter().enumerate() {
            c.add(
                &meta(&format!("d{i}"), "x", "2015-07-01"),
                &analyzer.analyze(t),
            );
        }
        let s = c.finish();
        let kerry = s
            .most_quoted
            .iter()
            .find(|q| q.name.contains("كيري"))
            .unwrap();
        assert_eq!(
            (kerry.attributions, kerry.documents),
            (2, 2),
            "{:?}",
            s.most_quoted
        );
        assert_eq!(s.most_quoted.len(), 2, "{:?}", s.most_quoted);
    }

    #[test]
    fn months_need_an_iso_date() {
        assert_eq!(month(Some("2015-07-21")), "2015-07");
        assert_eq!(month(Some("21/07/2015")), "—");
        assert_eq!(month(None), "—");
    }
}
