//! Cue mining: the reporting verbs, verbal nouns and light-verb frames an archive uses and the
//! lexicon lacks, found by what surrounds them, counted and shown in context for a person to
//! review before they enter `src/lexicon/`.
//!
//! A word is a candidate where it takes a reported complement: a complementizer (أنّ، إنّ، بأن،
//! إلى أن، من أن، على أن), a colon or an opening quotation mark, either right after it or after
//! a speaker noun it opens (a title, a body, a medium, an anonymous source: وأوردت وكالة الأنباء
//! أن). A verbal noun with a possessive before a complementizer (تأكيده أن) and an indefinite
//! verbal noun after a verb before ل/إلى/على (وجّه انتقادا لـ) are mined as frames. Words inside
//! a direct quote are the quoted speaker's, words the lexicon already reads as cues are known,
//! and closed-class words, titles, times and nouns with the article are never candidates.
//! Inflected forms are grouped under one stem; each group also counts how often its forms occur
//! at all, so a homograph that rarely reports (تبلغ 'amounts to', يدعى 'is called') shows a low
//! share.

use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use crate::clitics;
use crate::cues::{self, Feat};
use crate::lexicon::{Index, Lexicon, WordClass};
use crate::segment::Document;

/// What a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A finite verb or its participle (أورد، يورد، موردا).
    Verb,
    /// A verbal noun with its possessor (تأكيده، إعلانها).
    Masdar,
    /// A light verb with an indefinite verbal noun (وجه انتقادا).
    Frame,
}

impl Kind {
    /// The name used in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Verb => "verb",
            Kind::Masdar => "masdar",
            Kind::Frame => "frame",
        }
    }
}

/// How often each kind of evidence was seen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// A complementizer right after the word or after the speaker it opens.
    pub complementizer: usize,
    /// A colon.
    pub colon: usize,
    /// An opening quotation mark.
    pub quote: usize,
    /// A speaker noun (title, body, medium, anonymous source) right after the word.
    pub speaker: usize,
    /// A preposition after a frame's verbal noun (ل، إلى، على).
    pub preposition: usize,
}

/// One mined candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// Verb, verbal noun or frame.
    pub kind: Kind,
    /// The grouping stem (folded).
    pub stem: String,
    /// Its commonest form as written in the archive (folded, without a conjunction).
    pub head: String,
    /// Occurrences with reporting evidence.
    pub count: usize,
    /// Occurrences of the group's forms anywhere outside quotes.
    pub occurrences: usize,
    /// `count / occurrences`: low for homographs that seldom report.
    pub share: f64,
    /// Documents with at least one reporting occurrence.
    pub documents: usize,
    /// The evidence seen.
    pub evidence: Evidence,
    /// Its forms, commonest first, with counts.
    pub forms: Vec<(String, usize)>,
    /// A few contexts from different documents, as written.
    pub contexts: Vec<String>,
}

/// What to print.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Candidates seen fewer times are dropped.
    pub min_count: usize,
    /// Contexts kept per candidate.
    pub contexts: usize,
    /// At most this many candidates (0: all).
    pub limit: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_count: 5,
            contexts: 3,
            limit: 0,
        }
    }
}

/// The result of a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mined {
    /// Documents read.
    pub documents: usize,
    /// Candidates, highest count first.
    pub candidates: Vec<Candidate>,
}

#[derive(Default)]
struct Group {
    count: usize,
    documents: usize,
    last_doc: usize,
    evidence: Evidence,
    forms: HashMap<String, usize>,
    contexts: Vec<String>,
}

/// Reads documents one by one and keeps the counts.
pub struct Miner<'a> {
    lex: &'a Lexicon,
    index: Index,
    contexts: usize,
    documents: usize,
    groups: HashMap<(Kind, String), Group>,
    seen: HashMap<String, usize>,
}

/// Words of a speaker noun phrase looked at after a candidate.
const SPEAKER_WINDOW: usize = 7;

impl<'a> Miner<'a> {
    /// A miner against `lex`, keeping up to `contexts` contexts per candidate.
    pub fn new(lex: &'a Lexicon, contexts: usize) -> Self {
        Miner {
            lex,
            index: Index::new(lex),
            contexts,
            documents: 0,
            groups: HashMap::default(),
            seen: HashMap::default(),
        }
    }

    /// Mines one document's text.
    pub fn add(&mut self, text: &str) {
        self.documents += 1;
        let doc = Document::new(text);
        let cues = cues::find_indexed(&doc, self.lex, &self.index);
        let quoted = quoted(&doc, &cues.feats);
        let mut prep_cue = vec![false; doc.len()];
        for c in &cues.cues {
            if let cues::Cue::Prep { start, end, .. } = *c {
                prep_cue[start..end].iter_mut().for_each(|p| *p = true);
            }
        }
        let w = Window {
            doc: &doc,
            text,
            feats: &cues.feats,
            lex: self.lex,
            index: &self.index,
        };
        let mut found = Vec::new();
        for i in 0..doc.len() {
            if quoted[i] || !w.open_word(i) || prep_cue[i] {
                continue;
            }
            let base = w.base(i);
            *self.seen.entry(stem(base)).or_default() += 1;
            if let Some((kind, key, ev)) = w.candidate(i) {
                found.push((i, kind, key, base.to_string(), ev));
            }
        }
        for (i, kind, key, base, ev) in found {
            self.record(&doc, text, i, kind, key, &base, ev);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn record(
        &mut self,
        doc: &Document,
        text: &str,
        i: usize,
        kind: Kind,
        key: String,
        form: &str,
        ev: Evidence,
    ) {
        let g = self.groups.entry((kind, key)).or_default();
        g.count += 1;
        let new_doc = g.documents == 0 || g.last_doc != self.documents;
        if new_doc {
            g.documents += 1;
            g.last_doc = self.documents;
            if g.contexts.len() < self.contexts {
                g.contexts.push(context(doc, text, i));
            }
        }
        let e = &mut g.evidence;
        e.complementizer += ev.complementizer;
        e.colon += ev.colon;
        e.quote += ev.quote;
        e.speaker += ev.speaker;
        e.preposition += ev.preposition;
        *g.forms.entry(form.to_string()).or_default() += 1;
    }

    /// The candidates seen at least `opts.min_count` times, highest count first.
    pub fn finish(self, opts: Options) -> Mined {
        let mut candidates: Vec<Candidate> = self
            .groups
            .into_iter()
            .filter(|(_, g)| g.count >= opts.min_count.max(1))
            .map(|((kind, stem_key), g)| {
                let mut forms: Vec<(String, usize)> = g.forms.into_iter().collect();
                forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                let occurrences = match kind {
                    Kind::Verb => self.seen.get(&stem_key).copied().unwrap_or(0),
                    Kind::Masdar | Kind::Frame => g.count,
                }
                .max(g.count);
                Candidate {
                    kind,
                    head: forms[0].0.clone(),
                    stem: stem_key,
                    count: g.count,
                    occurrences,
                    share: (g.count as f64 / occurrences as f64 * 1000.0).round() / 1000.0,
                    documents: g.documents,
                    evidence: g.evidence,
                    forms,
                    contexts: g.contexts,
                }
            })
            .collect();
        candidates.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.kind.cmp(&b.kind))
                .then_with(|| a.stem.cmp(&b.stem))
        });
        if opts.limit > 0 {
            candidates.truncate(opts.limit);
        }
        Mined {
            documents: self.documents,
            candidates,
        }
    }
}

/// The candidates for a reader: one line each with kind, head form, counts, share and
/// evidence, then its other forms and contexts, indented.
pub fn text(m: &Mined) -> String {
    use std::fmt::Write as _;
    let mut out = format!(
        "# {} documents, {} candidates\n",
        m.documents,
        m.candidates.len()
    );
    for c in &m.candidates {
        let e = &c.evidence;
        let _ = writeln!(
            out,
            "{}\t{}\tcount {}\tdocs {}\tshare {:.2}\t(أن {}، : {}، « {}، speaker {}، prep {})",
            c.kind.as_str(),
            c.head,
            c.count,
            c.documents,
            c.share,
            e.complementizer,
            e.colon,
            e.quote,
            e.speaker,
            e.preposition
        );
        let forms: Vec<String> = c
            .forms
            .iter()
            .take(8)
            .map(|(f, n)| format!("{f} {n}"))
            .collect();
        let _ = writeln!(out, "    forms: {}", forms.join("، "));
        for ctx in &c.contexts {
            let _ = writeln!(out, "    | {ctx}");
        }
    }
    out
}

/// Which tokens are inside a direct quote: from an opening mark to its closer, or to the end of
/// the paragraph when the closer is lost; a straight quote opens and closes in turn.
fn quoted(doc: &Document, feats: &[Feat]) -> Vec<bool> {
    let mut inside = vec![false; doc.len()];
    for &(s, e) in &doc.paragraphs {
        let mut open = false;
        for k in s..e {
            match feats[k].punct {
                Some('«') => open = true,
                Some('»') => open = false,
                Some('"') => open = !open,
                _ => inside[k] = open,
            }
        }
    }
    inside
}

/// The paragraph's words around token `i`, as written.
fn context(doc: &Document, text: &str, i: usize) -> String {
    let p = doc.tokens[i].paragraph as usize;
    let (ps, pe) = doc.paragraphs[p];
    let from = i.saturating_sub(8).max(ps);
    let to = (i + 14).min(pe);
    let span = doc.span(from, to);
    text.get(span.start..span.end)
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

struct Window<'d> {
    doc: &'d Document,
    text: &'d str,
    feats: &'d [Feat],
    lex: &'d Lexicon,
    index: &'d Index,
}

impl Window<'_> {
    fn word(&self, i: usize) -> &str {
        if self.feats.get(i).is_some_and(|f| f.word) {
            self.doc.text(i)
        } else {
            ""
        }
    }

    /// The word without a leading و or ف, when the rest is long enough to be a verb.
    fn base(&self, i: usize) -> &str {
        let w = self.word(i);
        clitics::without_conjunction(w)
            .last()
            .filter(|(_, r)| clitics::at_least(r, 3))
            .map_or(w, |(_, r)| r)
    }

    /// A word that may be a candidate: not a known cue, closed-class word, stopword, time,
    /// title, medium, number, one letter or noun with the article.
    fn open_word(&self, i: usize) -> bool {
        let f = &self.feats[i];
        if !f.word || f.verb || f.class.is_some() || f.time > 0 || f.title > 0 || f.media > 0 {
            return false;
        }
        let w = self.word(i);
        let base = self.base(i);
        let span = self.doc.span(i, i + 1);
        // A ta marbuta, lost in folding, marks a noun (وزارة is not و + زار).
        let feminine = self
            .text
            .get(span.start..span.end)
            .is_some_and(|t| t.ends_with('ة'));
        let entry = |x: &str| self.index.get(x);
        !feminine
            && !entry(w).place
            && !entry(w).name
            && !entry(base).name
            && !w.chars().next().is_some_and(|c| c.is_ascii_digit())
            && clitics::at_least(base, 3)
            && base.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
            && !base.starts_with("ال")
            && !w.starts_with("لل")
            && self.lex.stopword(w).is_none()
            && self.lex.stopword(base).is_none()
            && self.lex.forms(base).is_empty()
    }

    /// A complementizer (إن، أن، بأن with or without a pronoun) at `k`, or a preposition that
    /// introduces one (إلى أن، من أن، على أن): the token after it.
    fn complement_at(&self, k: usize) -> bool {
        let f = self.feats.get(k);
        if f.is_some_and(|f| f.is(WordClass::Complementizer)) {
            return true;
        }
        matches!(self.word(k), "الي" | "من" | "علي")
            && self
                .feats
                .get(k + 1)
                .is_some_and(|f| f.is(WordClass::Complementizer))
    }

    /// What reports right after `k`: a complementizer, a colon or an opening quote.
    fn reported_at(&self, k: usize, ev: &mut Evidence) -> bool {
        if self.complement_at(k) {
            ev.complementizer += 1;
            return true;
        }
        match self.feats.get(k).and_then(|f| f.punct) {
            Some(':') => {
                ev.colon += 1;
                true
            }
            Some('«' | '"') if self.quotation_at(k) => {
                ev.quote += 1;
                true
            }
            _ => false,
        }
    }

    /// Whether the quotation mark at `k` opens a quotation of five words or more, or one whose
    /// closer is lost: a quoted name (برنامج «حوار») is not speech.
    fn quotation_at(&self, k: usize) -> bool {
        let p = self.doc.tokens[k].paragraph as usize;
        let end = self.doc.paragraphs[p].1;
        let close = (k + 1..end).find(|&j| matches!(self.feats[j].punct, Some('»' | '"')));
        close.is_none_or(|c| c - k > 5)
    }

    /// Whether a known cue opens the clause before `i`: then `i` is in its subject or
    /// material, not a verb of its own (وقال أوباما إن، في تصريح صحفي إن).
    fn after_known_cue(&self, i: usize) -> bool {
        (i.saturating_sub(8)..i)
            .rev()
            .take_while(|&k| !self.feats[k].is_stop() && self.feats[k].punct != Some(':'))
            .any(|k| self.feats[k].verb || self.feats[k].prep_cue)
    }

    /// Whether the noun at `k` names someone who can speak: a title, a medium, a body head or an
    /// anonymous source (with or without the article).
    fn speaker_at(&self, k: usize) -> bool {
        let Some(f) = self.feats.get(k).filter(|f| f.word) else {
            return false;
        };
        if f.title > 0 || f.media > 0 {
            return true;
        }
        let w = self.word(k);
        let bare = clitics::without_article(w);
        [w, bare]
            .iter()
            .any(|x| self.lex.bodies.starts(x) || self.lex.anonymity.starts(x))
    }

    /// Whether token `i` opens a clause: the first of its sentence, after punctuation, or
    /// carrying a conjunction.
    fn clause_initial(&self, i: usize) -> bool {
        let sent = self.doc.tokens[i].sentence;
        i == 0
            || self.doc.tokens[i - 1].sentence != sent
            || self.feats[i - 1].punct.is_some()
            || self.feats[i].conj
            || self.base(i) != self.word(i)
    }

    fn candidate(&self, i: usize) -> Option<(Kind, String, Evidence)> {
        let base = self.base(i);
        let mut ev = Evidence::default();
        // وجه انتقادا لـ: an indefinite verbal noun after a verb, then a preposition.
        if let Some((verb, noun)) = self.frame(i) {
            ev.preposition += 1;
            return Some((Kind::Frame, format!("{} {noun}", stem(verb)), ev));
        }
        if let Some(masdar) = self.masdar(i) {
            if self.complement_at(i + 1) {
                ev.complementizer += 1;
                return Some((Kind::Masdar, masdar.to_string(), ev));
            }
            return None;
        }
        if self.after_known_cue(i) {
            return None;
        }
        if self.reported_at(i + 1, &mut ev) {
            return Some((Kind::Verb, stem(base), ev));
        }
        if !self.clause_initial(i) || !self.speaker_at(i + 1) {
            return None;
        }
        // The speaker's noun phrase runs to the complement without other punctuation.
        for k in i + 2..(i + 2 + SPEAKER_WINDOW).min(self.doc.len()) {
            if self.reported_at(k, &mut ev) {
                ev.speaker += 1;
                return Some((Kind::Verb, stem(base), ev));
            }
            if self.feats[k].punct.is_some_and(|c| c != '،') || self.feats[k].verb {
                return None;
            }
        }
        None
    }

    /// انتقادا before ل، إلى، على (an adjective may stand between), in a clause opened by a
    /// verb-looking word at most four words back: the light verb and the noun.
    fn frame(&self, i: usize) -> Option<(&str, &str)> {
        let word = self.base(i);
        // A final alef after ه or ي is a pronoun or a country's name (احالتها، افريقيا), not a
        // tanween.
        if word.ends_with("ها") || word.ends_with("يا") {
            return None;
        }
        let noun = clitics::without_tanween(word)?;
        if !(noun.starts_with('ا') || noun.starts_with('ت')) || !clitics::at_least(noun, 5) {
            return None;
        }
        let prep_at = |k: usize| {
            let w = self.word(k);
            w.starts_with('ل') && clitics::at_least(w, 3) || matches!(w, "الي" | "علي")
        };
        let adjective = self.word(i + 1).ends_with('ا') && !prep_at(i + 1);
        if !(prep_at(i + 1) || adjective && prep_at(i + 2)) {
            return None;
        }
        let verb = (i.saturating_sub(4)..i)
            .rev()
            .take_while(|&k| self.feats[k].word)
            .find(|&k| self.clause_initial(k))?;
        let v = self.base(verb);
        // A light verb is short (وجه، القى، حمل) and has no tanween, nisba, possessive or
        // preposition of a noun.
        let verbal = !v.ends_with(['ا', 'ي', 'ء'])
            && !v.ends_with("ته")
            && !v.starts_with(['ل', 'ب', 'ك'])
            && !clitics::at_least(v, 5);
        (verbal && self.open_word(verb)).then_some((v, noun))
    }

    /// A verbal noun with a third-person possessive (تأكيده، إعلانها، تصريحاتهم): its noun.
    fn masdar(&self, i: usize) -> Option<&str> {
        let base = self.base(i);
        let (noun, enc) = clitics::without_enclitic(base)?;
        if !enc.starts_with('ه') || !clitics::at_least(noun, 4) {
            return None;
        }
        let c: Vec<char> = noun.chars().collect();
        let n = c.len();
        // تفعيل، إفعال، افتعال، استفعال، فعول، plus a plural ات.
        let shaped = (c[0] == 'ت' && c[n - 2] == 'ي')
            || (c[0] == 'ا' && c[n - 2] == 'ا')
            || noun.ends_with("ات")
            || (n == 4 && c[2] == 'و');
        shaped.then_some(noun)
    }
}

/// The stem an inflected verb form is grouped under: past and imperfect, masculine and
/// feminine, singular and plural, future and participle of one verb meet (أوردت، يورد،
/// سيوردون، موردا → ورد). Hollow verbs keep two stems (قال، يقول).
pub fn stem(word: &str) -> String {
    let mut w: &str = word;
    let strip = |w: &mut &str, s: &str, keep: usize| {
        if let Some(r) = w.strip_suffix(s) {
            if clitics::at_least(r, keep) {
                *w = r;
                return true;
            }
        }
        false
    };
    let prefix = |w: &mut &str, p: char, keep: usize| {
        if let Some(r) = w.strip_prefix(p) {
            if clitics::at_least(r, keep) {
                *w = r;
                return true;
            }
        }
        false
    };
    if w.starts_with('س') && tail(w).starts_with(['ي', 'ت', 'ن']) {
        prefix(&mut w, 'س', 4);
    }
    let imperfect = w.starts_with(['ي', 'ت', 'ن']) && clitics::at_least(w, 4);
    let participle = w.starts_with('م') && clitics::at_least(w, 4);
    if imperfect {
        // The past of forms V and VI also starts with ت (تساءلت، تحدثوا).
        let past_v = w.starts_with('ت') && clitics::at_least(w, 5);
        let _ = strip(&mut w, "ون", 3)
            || strip(&mut w, "ان", 3)
            || strip(&mut w, "ين", 3)
            || strip(&mut w, "وا", 3)
            || past_v && strip(&mut w, "ت", 4);
        w = tail(w);
    } else if participle {
        let _ = strip(&mut w, "ين", 3)
            || strip(&mut w, "ون", 3)
            || strip(&mut w, "ه", 3)
            || strip(&mut w, "ا", 3);
        w = tail(w);
    } else {
        let _ = strip(&mut w, "تا", 3)
            || strip(&mut w, "وا", 3)
            || strip(&mut w, "ت", 3)
            || strip(&mut w, "ا", 3);
    }
    // Forms IV-X: the past's initial alef and the imperfect's hamza or ت go (أورد → ورد).
    let _ = prefix(&mut w, 'ا', 2) || prefix(&mut w, 'ؤ', 2) || prefix(&mut w, 'ت', 3);
    w.to_string()
}

/// The word without its first letter.
fn tail(w: &str) -> &str {
    let mut c = w.chars();
    c.next();
    c.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mine(texts: &[&str]) -> Mined {
        let lex = Lexicon::embedded();
        let mut m = Miner::new(&lex, 2);
        for t in texts {
            m.add(t);
        }
        m.finish(Options {
            min_count: 1,
            ..Options::default()
        })
    }

    fn find<'a>(m: &'a Mined, kind: Kind, stem_key: &str) -> Option<&'a Candidate> {
        m.candidates
            .iter()
            .find(|c| c.kind == kind && c.stem == stem_key)
    }

    #[test]
    fn inflected_forms_meet_under_one_stem() {
        for w in [
            "اوردت",
            "اورد",
            "يورد",
            "سيوردون",
            "موردا",
            "اوردوا",
            "تورد",
        ] {
            assert_eq!(stem(w), "ورد", "{w}");
        }
        assert_eq!(stem("تحدث"), stem("يتحدث"));
        assert_eq!(stem("اكد"), stem("يؤكد"));
        assert_eq!(stem("تساءل"), stem("تساءلت"));
    }

    #[test]
    fn verbs_before_a_complement_or_a_speaker_are_found() {
        let m = mine(&[
            "ورددت وكالة الأنباء المحلية أن الحكومة ستخفض الضرائب.",
            "وردد أن المصنع سيغلق أبوابه.\nوتهكم الوزير: «إلى متى؟»",
        ]);
        let c = find(&m, Kind::Verb, "ردد").expect("ردد is mined");
        assert_eq!(c.count, 2);
        assert_eq!(c.evidence.speaker, 1);
        assert_eq!(c.evidence.complementizer, 2);
        assert_eq!(c.documents, 2);
        assert_eq!(c.contexts.len(), 2);
        assert!(c.contexts[0].contains("ورددت وكالة"));
        let q = find(&m, Kind::Verb, &stem("تهكم")).expect("تهكم is mined");
        assert_eq!(q.evidence.colon, 1);
    }

    #[test]
    fn known_cues_quotes_and_non_speech_senses_stay_out() {
        let m = mine(&[
            "وقال الوزير إن الخطة جاهزة، وأكد أن التمويل متوفر.",
            "وقال المدير: «لن أتساءل أن النتائج مفاجئة، بل أرى أن الأرقام تبشر».",
            "وتبلغ قيمة الصفقة مليوني دولار، ويدعى مالكها سامر.",
            "وهاجم مسلحون قافلة للمساعدات قرب الحدود.",
        ]);
        for c in &m.candidates {
            assert_ne!(c.stem, stem("قال"));
            assert_ne!(c.stem, stem("تساءل"), "inside a quote");
            assert_ne!(c.stem, stem("تبلغ"));
            assert_ne!(c.stem, stem("يدعى"));
            assert_ne!(c.stem, stem("هاجم"));
        }
        assert!(m.candidates.is_empty(), "{:?}", m.candidates);
    }

    #[test]
    fn masdars_and_light_verb_frames_are_found() {
        let m = mine(&[
            "وكرر وزير المالية تأكيده أن العملة لن تعوم.",
            "وسجل النائب اعتراضا شديدا على الحكومة، وجدد إعلانه أن الحزب سينسحب.",
        ]);
        assert!(find(&m, Kind::Masdar, "تاكيد").is_some(), "{m:?}");
        assert!(find(&m, Kind::Masdar, "اعلان").is_some());
        let f = m
            .candidates
            .iter()
            .find(|c| c.kind == Kind::Frame)
            .expect("a frame");
        assert_eq!(f.head, "اعتراضا");
        assert_eq!(f.stem, format!("{} اعتراض", stem("سجل")));
    }

    #[test]
    fn text_output_lists_counts_forms_and_contexts() {
        let m = mine(&[
            "وعللت الوكالة أن الميناء أغلق.",
            "وعلل التقرير أن الأسعار ارتفعت.",
        ]);
        let t = text(&m);
        assert!(t.starts_with("# 2 documents, 1 candidates\n"), "{t}");
        assert!(t.contains("verb\tعلل\tcount 2\tdocs 2"), "{t}");
        assert!(t.contains("forms: علل 1، عللت 1"), "{t}");
        assert!(t.contains("| وعلل التقرير أن الأسعار ارتفعت."), "{t}");
    }

    #[test]
    fn a_homograph_shows_a_low_share() {
        let m = mine(&[
            "وأكمل الوزير أن الخطة ستنفذ على مراحل.",
            "وأكمل الطلاب دراستهم في الخارج.",
            "وأكمل الفريق استعداداته للمباراة.",
            "وأكمل العمال بناء الجسر.",
        ]);
        let c = find(&m, Kind::Verb, &stem("اكمل")).expect("the reporting use is seen");
        assert_eq!((c.count, c.occurrences), (1, 4));
        assert!((c.share - 0.25).abs() < 1e-9);
    }

    #[test]
    fn a_pronoun_or_a_country_is_no_tanween_of_a_frame() {
        let m = mine(&[
            "وتمت إحالتها إلى القضاء.",
            "وزار الوفد أفريقيا لتوقيع الاتفاق.",
        ]);
        assert!(m.candidates.iter().all(|c| c.kind != Kind::Frame), "{m:?}");
    }
}
