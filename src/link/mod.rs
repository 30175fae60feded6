//! Stage 8: link the attributions that are about the same proposition, and trace their chains.
//!
//! Each content is reduced to stemmed key terms and a polarity ([`terms`]). A later attribution
//! is linked to the earlier one, by another source, whose terms it shares most (weighted by how
//! rare each term is in the article); a content that only points back (نفى ذلك، هذه الاتهامات)
//! is linked to the nearest claim before it; a refusal without a topic (رفض التعليق) to the
//! article's main claim. The kind of link follows from the two stances and polarities: a denial
//! or a flipped polarity opposes, a refusal is noncommittal, the rest supports. Linked
//! attributions form claims; every attribution gets its chain (the isnad): nested speech
//! (قال مسؤول إن نتنياهو طلب), relays (نقلت رويترز عن مسؤول، أفادت القناة نقلا عن مصادر) and the
//! dateline's outlet.

pub mod answers;
pub mod chains;
pub mod clause;
pub mod concern;
pub mod pair;
pub mod readable;
pub mod roles;
pub mod statements;
pub mod terms;
pub mod vocab;
pub mod words;

use crate::cues::Feat;
use crate::lexicon::Lexicon;
use crate::model::{RelationKind, Stance};
use crate::parse::Draft;
use crate::resolve::Resolution;
use crate::segment::Document;

use statements::{StatementReader, Statements};
use terms::{Marks, TermReader, Terms};
use vocab::StemId;

/// The most tokens of a content read: a content runs on past a sentence at most this far.
pub(crate) const MAX_TOKENS: usize = 160;
/// How many attributions back a content is compared with; keeps linking linear.
const WINDOW: usize = 40;
/// The weighted share of terms two contents need in common.
const MIN_SCORE: f32 = 0.5;
/// The share of [`MIN_SCORE`] a refusal needs (لن يعلق على التحقيقات).
const REFUSAL_SHARE: f32 = 0.8;
/// The least score a relation is kept with.
const MIN_LINK: f32 = 0.1;
/// The share of the weight of a claim, and of a denial joined to it by words alone, that the
/// two must have in common.
const RESTATED: f32 = 0.3;
/// How many sentences back a pointer (نفى ذلك) looks for what it points at.
const POINTER_REACH: u32 = 3;

/// A link in draft indices: `from` (later) toward `to` (earlier).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The later attribution.
    pub from: usize,
    /// The earlier attribution.
    pub to: usize,
    /// What the later does to the earlier.
    pub kind: RelationKind,
    /// How sure, 0–1.
    pub score: f32,
    /// Tokens of the shared words, or of the pointing words.
    pub evidence: Vec<usize>,
}

/// A claim in draft indices.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Members in text order; the first is the anchor.
    pub members: Vec<usize>,
    /// Tokens of the key terms the members share, or of the anchor's.
    pub terms: Vec<usize>,
    /// The anchor's polarity.
    pub negative: bool,
}

/// Everything linking finds.
#[derive(Debug, Clone, Default)]
pub struct Linked {
    /// Links between attributions.
    pub links: Vec<Link>,
    /// Claims, in order of their anchors.
    pub claims: Vec<Group>,
    /// Per draft, its claim.
    pub claim_of: Vec<Option<usize>>,
    /// Per draft, the draft whose content holds it.
    pub parents: Vec<Option<usize>>,
    /// Per draft, its chain of entities, the speaker first.
    pub chains: Vec<Vec<usize>>,
    /// Per draft, its terms.
    pub terms: Vec<Terms>,
    /// The dateline's entity, the last link of every chain.
    pub dateline: Option<usize>,
}

/// Links the drafts of one document.
pub fn link(
    doc: &Document,
    lex: &Lexicon,
    feats: &[Feat],
    drafts: &[Draft],
    res: &Resolution,
    dateline: Option<usize>,
    body_from: u32,
) -> Linked {
    let mut reader = TermReader::new(doc, lex, feats);
    let (terms, polarities): (Vec<Terms>, Vec<_>) = drafts
        .iter()
        .map(|d| {
            d.content
                .map(|c| reader.read_with_polarity(c))
                .unwrap_or_default()
        })
        .unzip();
    let statements = Statements::new(
        StatementReader::new(doc, lex, feats),
        drafts.iter().map(|d| d.content).collect(),
        polarities,
    );
    // رفض الكشف عن هويته: a refusal about the source itself answers no claim.
    let terms: Vec<Terms> = terms
        .into_iter()
        .zip(drafts)
        .map(|(t, d)| {
            if keeps_name_back(doc, d) {
                Terms::default()
            } else {
                t
            }
        })
        .collect();
    let stems = reader.vocab().len();
    let parents = chains::parents(drafts);
    let relays = chains::relays(doc, lex, drafts);
    let chains = chains::chains(drafts, res, &parents, &relays, dateline);
    let weights = Weights::new(doc, feats, &terms, stems);
    let linker = Linker {
        doc,
        lex,
        feats,
        drafts,
        res,
        terms: &terms,
        parents: &parents,
        totals: weights.totals(&terms),
        weights,
        marks: std::cell::RefCell::new(Marks::new(stems)),
    };
    // Answers by the party a claim is about (its spokesman, its body, its country).
    let is_other = |i: usize, j: usize| linker.other_source(i, j);
    let is_nested = |i: usize, j: usize| linker.nested(i, j);
    let is_statement = |i: usize| states(&drafts[i], &terms[i]);
    let cx = concern::Context {
        doc,
        lex,
        feats,
        drafts,
        res,
        terms: &terms,
        other_source: &is_other,
        nested: &is_nested,
        states: &is_statement,
        chains: &chains,
        parents: &parents,
        dateline,
        statements: &statements,
        cache: Default::default(),
    };
    let answered_by = concern::answers(&cx);
    // Per attribution that answers by pointing, its first answer: what it joins.
    let mut own_answer: Vec<Option<Link>> = vec![None; drafts.len()];
    for (j, _, l) in answered_by.iter().filter(|a| a.1) {
        // From the answer toward what it answers, wherever that stands.
        let other = if l.from == *j { l.to } else { l.from };
        own_answer[*j].get_or_insert_with(|| Link {
            from: *j,
            to: other,
            ..l.clone()
        });
    }
    let concerned: Vec<Link> = answered_by.into_iter().map(|(_, _, l)| l).collect();
    // Each attribution joins the earlier one it shares most with; the groups are the claims.
    // At most one join per attribution, indexed by it.
    let mut join_of: Vec<Option<Link>> = Vec::with_capacity(drafts.len());
    for j in 0..drafts.len() {
        let join = if let Some(i) = relays[j] {
            // أفادت القناة نقلا عن مصادر: the relay repeats what it relays.
            Some(Link {
                from: j,
                to: i,
                kind: RelationKind::Corroborates,
                score: 1.0,
                evidence: terms[j]
                    .shared_with(&terms[i])
                    .iter()
                    .map(|&k| terms[j].tokens[k])
                    .collect(),
            })
        } else if let Some(l) = &own_answer[j] {
            // نفت طالبان هذه التصريحات، نفى المكتب ما نشرته الصحيفة: the claim its party or
            // its pointer names, not the nearest or the one with most words in common.
            Some(l.clone())
        } else if terms[j].pointer {
            linker.pointer(j)
        } else {
            linker.best(j)
        };
        join_of.push(join);
    }
    let joins: Vec<Link> = join_of.iter().flatten().cloned().collect();
    // A headline repeats the story's claim; the body states it.
    let in_body = |m: &usize| doc.tokens[drafts[*m].cue.0].paragraph >= body_from;
    // The anchor: the first member that states the claim (not a denial, a refusal or a
    // pointer back), so that denials in a story's lead face the claim they deny.
    let choose_anchor = |g: &mut Group| {
        let states = |m: &usize| states(&drafts[*m], &terms[*m]);
        let pos = g
            .members
            .iter()
            .position(|m| states(m) && in_body(m))
            .or_else(|| g.members.iter().position(in_body))
            .or_else(|| g.members.iter().position(states));
        if let Some(pos) = pos {
            g.members[..=pos].rotate_right(1);
        }
        g.negative = terms[g.members[0]].negative;
    };
    let (mut parts, _) = group(drafts.len(), &joins, &terms);
    // Every member stands toward the anchor of the statements it shares words with.
    let mut links: Vec<Link> = Vec::new();
    for g in &mut parts {
        choose_anchor(g);
        let anchor = g.members[0];
        for &m in &g.members[1..] {
            // A relay shares the content it relays (أفادت القناة نقلا عن مصادر بأن …).
            let relay = relays[m] == Some(anchor) || relays[anchor] == Some(m);
            if !linker.other_source(anchor, m)
                || (linker.nested(anchor, m) && !relay)
                || !in_body(&m)
            {
                continue;
            }
            let own = join_of[m].as_ref();
            // A pointer (نفت ذلك) and a relay stand toward what they point at or relay.
            let link = match own {
                Some(l) if l.to == anchor || terms[m].pointer || relays[m].is_some() => l.clone(),
                _ => linker.toward(anchor, m, own),
            };
            links.push(link);
        }
    }
    // Denials linked by what they answer (the accusation they name, every statement of it).
    let answers = answers::answers(
        doc,
        lex,
        drafts,
        &terms,
        &statements,
        &parents,
        &|i, j| linker.other_source(i, j),
        &|i, j| linker.nested(i, j),
        &|i| states(&drafts[i], &terms[i]),
        &|i, j| concern::concerns(&cx, i, j),
    );
    let mut answers = answers;
    for c in concerned {
        if !answers
            .iter()
            .any(|a| (a.from, a.to) == (c.from, c.to) || (a.from, a.to) == (c.to, c.from))
        {
            answers.push(c);
        }
    }
    // وأضاف المكتب: «ترفض الإدارة المزاعم …»: a statement that opens with its speaker's
    // denial denies what that denial answers.
    let mut opened = Vec::new();
    for a in answers.iter().chain(&links) {
        if a.kind != RelationKind::Denies {
            continue;
        }
        for (k, other) in [(a.from, a.to), (a.to, a.from)] {
            let Some(p) = parents[k] else { continue };
            let opens = drafts[p]
                .content
                .is_some_and(|(s, _)| drafts[k].cue.0 <= s + 1);
            if opens
                && drafts[k].stance == Stance::Denies
                && drafts[p].stance == Stance::Asserts
                && linker.other_source(p, other)
                && !linker.nested(p, other)
                && p != other
            {
                opened.push(Link {
                    from: p.max(other),
                    to: p.min(other),
                    ..a.clone()
                });
            }
        }
    }
    for o in &opened {
        if !answers
            .iter()
            .any(|a| (a.from, a.to) == (o.from, o.to) || (a.from, a.to) == (o.to, o.from))
        {
            answers.push(o.clone());
        }
    }
    // The denial it opens with is what it does, whatever its words share.
    for o in &opened {
        links.retain(|l| (l.from, l.to) != (o.from, o.to) && (l.from, l.to) != (o.to, o.from));
    }
    for a in &answers {
        let known = links
            .iter()
            .any(|l| (l.from, l.to) == (a.from, a.to) || (l.from, l.to) == (a.to, a.from));
        if !known {
            links.push(a.clone());
        }
    }
    links.sort_by_key(|l| (l.from, l.to));
    // Each member has at most one relation so far: what it faces, and how often each is faced.
    let mut faces: Vec<Option<usize>> = vec![None; drafts.len()];
    let mut answered: Vec<usize> = vec![0; drafts.len()];
    for l in &links {
        faces[l.from] = Some(l.to);
        answered[l.to] += 1;
    }
    // A claim also takes in what its speakers go on to say of it (وأضاف، مضيفا أن …): the
    // reader sees one account with every answer to any part of it.
    let mut merged = joins.clone();
    merged.extend(linker.accounts());
    merged.extend(answers.iter().cloned());
    let (mut claims, claim_of) = group(drafts.len(), &merged, &terms);
    for g in &mut claims {
        // The statement most answered is what the account is about (a denial in the lead
        // answers a claim made further down); else the first that states it.
        let most = g
            .members
            .iter()
            .copied()
            .filter(|&m| answered[m] > 0)
            .max_by_key(|&m| (answered[m], std::cmp::Reverse(m)));
        match most {
            Some(m) => {
                let pos = g.members.iter().position(|&x| x == m).expect("a member");
                g.members[..=pos].rotate_right(1);
                g.negative = terms[m].negative;
            }
            None => choose_anchor(g),
        }
    }
    // One who answers part of an account answers the account: a relation toward its anchor
    // too, when that is another source's and they share words.
    const MIN_TOWARD: f32 = 0.15;
    let mut extra = Vec::new();
    for g in &claims {
        let anchor = g.members[0];
        for &m in &g.members[1..] {
            if faces[m].is_some_and(|t| t != anchor)
                && linker.other_source(anchor, m)
                && !linker.nested(anchor, m)
                && in_body(&m)
            {
                let l = linker.toward(anchor, m, join_of[m].as_ref());
                if l.score >= MIN_TOWARD {
                    extra.push(l);
                }
            }
        }
    }
    for l in extra {
        if !links.iter().any(|k| (k.from, k.to) == (l.from, l.to)) {
            links.push(l);
        }
    }
    // A threshold on every relation: a wrong "denies" is worse than a missing one.
    links.retain(|l| l.score >= MIN_LINK);
    // The headline and the lead in one source's words are one voice, not a corroboration.
    let name = |i: usize| {
        res.source_of[i].map(|k| {
            let (s, e) = res.entities[k].name;
            doc.folded(s, e).to_string()
        })
    };
    links.retain(|l| {
        // Without a dateline, the first of several paragraphs is the headline.
        let top = |m: usize| {
            let p = doc.tokens[drafts[m].cue.0].paragraph;
            !in_body(&m) || (p == 0 && doc.paragraphs.len() > 1)
        };
        let headline = top(l.from) || top(l.to);
        let same = match (name(l.from), name(l.to)) {
            (Some(a), Some(b)) => readable::one_voice(&a, &b),
            _ => false,
        };
        // Name forms of one person (الأمير محمد، الأمير محمد بن عبد الرحمن) never answer
        // each other; the headline and the lead do not corroborate each other.
        !(same && (headline || l.kind.family() == crate::model::Family::Oppose))
    });
    // A contradiction read from polarity alone ("لا تلعب دور … بل" against a statement with
    // some of its words) is too often none: only the answers above contradict.
    let answered = |l: &Link| {
        answers
            .iter()
            .any(|a| (a.from, a.to) == (l.from, l.to) || (a.from, a.to) == (l.to, l.from))
    };
    links.retain(|l| l.kind != RelationKind::Contradicts || answered(l));
    // What an opposition needs, however it was found:
    // - a denial joined by shared words alone (يشكك في دوافع الرئيس against a long statement
    //   that names the president) answers a claim about its speaker, the claim it points at, or
    //   one whose proposition it restates (a good part of the weight of either in common), and
    //   only when its speaker is known;
    // - what negates a clause of its own (تعهدت بعدم بيع البيانات) stands with a denial or
    //   hedges: no answer opposes it;
    // - both ends speak: a statement without a source faces or is faced only when it has none
    //   by its form (قيل إن), not when its speaker was not found.
    let speaks = |i: usize| res.source_of[i].is_some() || drafts[i].agentless;
    let opposition_holds = |l: &Link| {
        let restates = || {
            let (common, answer, claim) =
                answers::shared(statements.get(l.from), statements.get(l.to));
            common >= RESTATED * claim.max(answer)
        };
        let joined = answered(l)
            || (res.source_of[l.from].is_some()
                && (terms[l.from].pointer || concern::concerns(&cx, l.to, l.from) || restates()));
        let denying = |i: usize| answers::denies(&drafts[i], &terms[i]);
        let faced = if !denying(l.from) && denying(l.to) {
            l.from
        } else {
            l.to
        };
        joined && !statements.get(faced).negates && speaks(l.from) && speaks(l.to)
    };
    links.retain(|l| l.kind.family() != crate::model::Family::Oppose || opposition_holds(l));
    links.sort_by_key(|l| (l.from, l.to));
    Linked {
        links,
        claims,
        claim_of,
        parents,
        chains,
        terms,
        dateline,
    }
}

struct Linker<'a> {
    doc: &'a Document,
    lex: &'a Lexicon,
    feats: &'a [Feat],
    drafts: &'a [Draft],
    res: &'a Resolution,
    terms: &'a [Terms],
    parents: &'a [Option<usize>],
    weights: Weights,
    totals: Vec<f32>,
    /// For comparing one content with its window of earlier ones.
    marks: std::cell::RefCell<Marks>,
}

impl Linker<'_> {
    /// Whether `i` and `j` come from different sources (one source's successive statements are
    /// not linked to each other).
    fn other_source(&self, i: usize, j: usize) -> bool {
        match (self.res.source_of[i], self.res.source_of[j]) {
            (Some(a), Some(b)) => a != b,
            _ => true,
        }
    }

    /// Whether one is nested, at any depth, in the other's content.
    fn nested(&self, i: usize, j: usize) -> bool {
        let within = |mut c: usize, outer: usize| {
            for _ in 0..chains::MAX_DEPTH {
                match self.parents[c] {
                    Some(p) if p == outer => return true,
                    Some(p) => c = p,
                    None => return false,
                }
            }
            false
        };
        // A prepositional cue that qualifies part of another's content (حذر من أن الحرب التي
        // خلفت … وفقا لـ …) overlaps it.
        let overlap = match (self.drafts[i].content, self.drafts[j].content) {
            (Some((a, b)), Some((c, d))) => a < d && c < b,
            _ => false,
        };
        within(j, i) || within(i, j) || overlap
    }

    /// How much two contents say alike: the weight of the terms they share over the geometric
    /// mean of their weights (so neither a long nor a short content wins by its length), plus a
    /// bonus for each phrase of two terms they share.
    fn similarity(&self, i: usize, j: usize, shared: &[usize]) -> f32 {
        let (ti, tj) = (&self.terms[i], &self.terms[j]);
        const PAIR_BONUS: f32 = 0.15;
        let common: f32 = shared.iter().map(|&k| self.weights.of(tj.stems[k])).sum();
        let norm = self.totals[i].min(self.totals[j]);
        // A phrase of the story's topic words (الملا عمر) earns little.
        let pairs: f32 = tj
            .shared_pairs(ti, shared)
            .iter()
            .map(|&(a, b)| {
                let w = self.weights.of(tj.stems[a]) + self.weights.of(tj.stems[b]);
                w / (2.0 * self.weights.rare())
            })
            .sum();
        common / norm + PAIR_BONUS * pairs
    }

    /// The earlier attribution `j` shares the most weighted terms with.
    fn best(&self, j: usize) -> Option<Link> {
        let tj = &self.terms[j];
        if tj.stems.is_empty() {
            return None;
        }
        // One source's successive statements may join one claim; they are not related to
        // each other, only to the claim's anchor.
        let (score, i, shared) = (j.saturating_sub(WINDOW)..j)
            .filter(|&i| !self.nested(i, j) && !self.terms[i].pointer)
            .filter_map(|i| {
                let mut marks = self.marks.borrow_mut();
                marks.mark(&self.terms[i]);
                let shared = tj.shared_with_marked(&marks);
                if shared.len() < 2 {
                    return None;
                }
                Some((self.similarity(i, j, &shared), i, shared))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))?;
        // A refusal names its topic and does not restate the claim, so it needs less in common.
        let refusal = noncommittal(self.drafts[j].stance).is_some()
            || nested_refusal(self.drafts, j).is_some();
        let needed = if refusal {
            MIN_SCORE * REFUSAL_SHARE
        } else {
            MIN_SCORE
        };
        if score < needed {
            return None;
        }
        Some(Link {
            from: j,
            to: i,
            kind: kind(self.drafts, self.terms, i, j),
            score: score.min(1.0),
            evidence: shared.iter().map(|&k| tj.tokens[k]).collect(),
        })
    }

    /// The relation of `m` toward the anchor `a` of its claim, reached through other members:
    /// scored by the terms they share, the evidence those terms (or the join's own).
    fn toward(&self, a: usize, m: usize, own: Option<&Link>) -> Link {
        let (ta, tm) = (&self.terms[a], &self.terms[m]);
        let shared = tm.shared_with(ta);
        let (score, evidence) = if shared.is_empty() {
            (
                own.map_or(0.0, |l| l.score) * 0.5,
                own.map(|l| l.evidence.clone()).unwrap_or_default(),
            )
        } else {
            (
                self.similarity(a, m, &shared).min(1.0),
                shared.iter().map(|&k| tm.tokens[k]).collect(),
            )
        };
        Link {
            from: m,
            to: a,
            kind: kind(self.drafts, self.terms, a, m),
            score,
            evidence,
        }
    }

    /// Continuations of an account: a participle (مضيفا أن) or a verb that goes on (وأضاف)
    /// whose speaker made the attribution just before, in the same or the next sentence.
    fn accounts(&self) -> Vec<Link> {
        let sentence = |k: usize| self.doc.tokens[self.drafts[k].cue.0].sentence;
        (1..self.drafts.len())
            .filter_map(|j| {
                let d = &self.drafts[j];
                // وقال المصدر: the same source named again by its bare head.
                let anaphor = d.mention.is_none_or(|(s, e)| {
                    let w = self.doc.text(s);
                    e == s + 1 && crate::clitics::without_article(w) != w
                });
                let goes_on = d.kind == crate::model::CueKind::Participle
                    || anaphor
                    || self.lex.marks(
                        &crate::normalize::fold(&d.lemma),
                        crate::lexicon::Marker::Continues,
                    );
                // The statement it goes on from is in its sentence or the one before, among
                // the last few hundred: bounded, so deep nesting cannot make this quadratic.
                let i = (0..j)
                    .rev()
                    .take(ACCOUNT_REACH)
                    .take_while(|&i| sentence(i) + 1 >= sentence(j))
                    .find(|&i| !self.nested(i, j))?;
                let same = self.res.source_of[j].is_some()
                    && self.res.source_of[i] == self.res.source_of[j];
                (goes_on
                    && same
                    && sentence(i) + 1 >= sentence(j)
                    && !self.terms[j].stems.is_empty())
                .then(|| Link {
                    from: j,
                    to: i,
                    kind: RelationKind::Corroborates,
                    score: 0.0,
                    evidence: Vec::new(),
                })
            })
            .collect()
    }

    /// نفى المتحدث هذه المعلومة: the nearest earlier claim by another source.
    fn pointer(&self, j: usize) -> Option<Link> {
        let sentence = |d: &Draft| self.doc.tokens[d.cue.0].sentence;
        let here = sentence(&self.drafts[j]);
        // It points at a statement, not at a refusal or another pointer: the one that shares
        // most with the words after the pointer (هذه التصريحات التي صدرت عن الجبهة), else the
        // nearest.
        let candidates: Vec<usize> = (0..j)
            .rev()
            .take_while(|&i| sentence(&self.drafts[i]) + POINTER_REACH >= here)
            .filter(|&i| {
                self.other_source(i, j)
                    && !self.nested(i, j)
                    && !self.terms[i].pointer
                    && !self.terms[i].stems.is_empty()
                    && states(&self.drafts[i], &self.terms[i])
            })
            .collect();
        let tj = &self.terms[j];
        let i = candidates
            .iter()
            .copied()
            .map(|i| (tj.shared_with(&self.terms[i]).len(), i))
            .filter(|&(n, _)| n > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, i)| i)
            .or_else(|| candidates.first().copied())?;
        let d = &self.drafts[j];
        Some(Link {
            from: j,
            to: i,
            kind: kind(self.drafts, self.terms, i, j),
            score: 0.5,
            evidence: d
                .content
                .map(|(s, e)| (s..e).filter(|&k| self.feats[k].word).collect())
                .unwrap_or_default(),
        })
    }
}

/// Whether a refusal is one to name someone (لم تكشف الصحيفة عن «هويتها»): the name kept
/// back stands right after the cue or opens the content.
fn keeps_name_back(doc: &Document, d: &Draft) -> bool {
    const NEAR: usize = 5;
    let identity = |k: usize| roles::Roles::get().of(doc.text(k)) == Some(roles::Role::Identity);
    let after_cue = d.cue.1..(d.cue.1 + NEAR).min(doc.len());
    let opening = d.content.map_or(0..0, |(s, e)| s..e.min(s + NEAR));
    noncommittal(d.stance).is_some() && after_cue.chain(opening).any(identity)
}

/// Whether an attribution states a claim: it asserts, confirms or alleges a content that does
/// not only point back and does not open by denying.
fn states(d: &Draft, t: &Terms) -> bool {
    matches!(
        d.stance,
        Stance::Asserts | Stance::Confirms | Stance::Alleges
    ) && !t.pointer
        && !t.denial
}

/// The noncommittal relation a stance makes, if it is one.
fn noncommittal(s: Stance) -> Option<RelationKind> {
    match s {
        Stance::NeitherConfirmsNorDenies => Some(RelationKind::NeitherConfirmsNorDenies),
        Stance::DeclinesToComment => Some(RelationKind::DeclinesToComment),
        Stance::NoResponse => Some(RelationKind::NoResponse),
        _ => None,
    }
}

/// What `j` (later) does to `i` (earlier): a refusal is noncommittal; a denial, or a content of
/// the other polarity, opposes; the rest supports.
fn kind(drafts: &[Draft], terms: &[Terms], i: usize, j: usize) -> RelationKind {
    let (di, dj) = (&drafts[i], &drafts[j]);
    if let Some(k) = noncommittal(dj.stance).or_else(|| noncommittal(di.stance)) {
        return k;
    }
    // قالت المتحدثة إن الاتحاد يتعاون ولن يعلق: a refusal inside the content is the stance.
    if let Some(k) = nested_refusal(drafts, j) {
        return k;
    }
    // A denial toward a claim opposes it even when its content is positive; so does a content
    // that opens by denying (لا صحة لما أشيع عن …).
    let denies = |d: &Draft, t: &Terms| d.stance == Stance::Denies || t.denial;
    let (ti, tj) = (&terms[i], &terms[j]);
    let claim_i = ti.negative ^ denies(di, ti);
    let claim_j = (tj.negative && !tj.pointer) ^ denies(dj, tj);
    if claim_i != claim_j {
        if denies(dj, tj) || denies(di, ti) {
            RelationKind::Denies
        } else {
            RelationKind::Contradicts
        }
    } else if dj.stance == Stance::Confirms {
        RelationKind::Confirms
    } else {
        RelationKind::Corroborates
    }
}

/// The noncommittal stance of an attribution nested in `j`'s content, if any: a refusal that
/// goes on from the speaker (قالت المتحدثة إن الاتحاد يتعاون ولن يعلق), not one that names a
/// speaker of its own (ولم يعلق مكتب رئيس الوزراء), and not inside a denial (نفت القناة ما
/// صرحت به …).
fn nested_refusal(drafts: &[Draft], j: usize) -> Option<RelationKind> {
    let (s, e) = drafts[j].content?;
    if drafts[j].stance == Stance::Denies {
        return None;
    }
    drafts[j + 1..]
        .iter()
        .take_while(|d| d.cue.0 < e)
        .filter(|d| s <= d.cue.0 && d.mention.is_none())
        .find_map(|d| noncommittal(d.stance))
}

/// Claims as the connected groups of links; attributions with a content and no link are claims
/// of their own.
fn group(n: usize, links: &[Link], terms: &[Terms]) -> (Vec<Group>, Vec<Option<usize>>) {
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for l in links {
        let (a, b) = (root(&mut parent, l.from), root(&mut parent, l.to));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut claims: Vec<Group> = Vec::new();
    let mut index_of_root: Vec<Option<usize>> = vec![None; n];
    let mut claim_of = vec![None; n];
    let linked: Vec<bool> = {
        let mut v = vec![false; n];
        for l in links {
            v[l.from] = true;
            v[l.to] = true;
        }
        v
    };
    for i in 0..n {
        if !linked[i] && terms[i].stems.is_empty() {
            continue;
        }
        let r = root(&mut parent, i);
        let c = *index_of_root[r].get_or_insert_with(|| {
            claims.push(Group {
                members: Vec::new(),
                terms: Vec::new(),
                negative: terms[i].negative,
            });
            claims.len() - 1
        });
        claims[c].members.push(i);
        claim_of[i] = Some(c);
    }
    for g in &mut claims {
        g.terms = shared_terms(g, terms);
    }
    (claims, claim_of)
}

/// The anchor's terms that another member shares, else the anchor's first few.
fn shared_terms(g: &Group, terms: &[Terms]) -> Vec<usize> {
    const SHOWN: usize = 8;
    let anchor = &terms[g.members[0]];
    let shared: Vec<usize> = anchor
        .stems
        .iter()
        .zip(&anchor.tokens)
        .filter(|(&s, _)| g.members[1..].iter().any(|&m| terms[m].has(s)))
        .map(|(_, &t)| t)
        .take(SHOWN)
        .collect();
    if shared.is_empty() {
        anchor.tokens.iter().take(SHOWN).copied().collect()
    } else {
        shared
    }
}

/// How many attributions back a continuation looks for the statement it goes on from.
const ACCOUNT_REACH: usize = 256;

/// Term weights: rarer terms in the article weigh more.
struct Weights {
    /// Per stem, its weight.
    of: Vec<f32>,
    n: f32,
}

/// Maps keyed by the input's words: a keyed hasher keeps crafted text from flooding them.
type WordMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

impl Weights {
    /// Weights by how many of the article's sentences use a term's word: the topic of the
    /// story (الملا عمر، طالبان) is in most of them and says little about which proposition a
    /// content states.
    fn new(doc: &Document, feats: &[Feat], terms: &[Terms], stems: usize) -> Self {
        let key = |t: usize| {
            let w = doc.text(t);
            let w = crate::clitics::without_conjunction(w)
                .last()
                .map_or(w, |(_, r)| r);
            crate::clitics::without_article(w)
        };
        // Sentences per key, counted once per sentence. Each type's key is found once.
        let mut slots: WordMap<&str, usize> = WordMap::default();
        let mut slot_of: Vec<Option<usize>> = vec![None; doc.type_count];
        let mut counts: Vec<(u32, usize)> = Vec::new();
        for (t, f) in feats.iter().enumerate() {
            if !f.word {
                continue;
            }
            let ty = doc.types[t] as usize;
            let slot = *slot_of[ty].get_or_insert_with(|| {
                let next = slots.len();
                *slots.entry(key(t)).or_insert_with(|| {
                    counts.push((u32::MAX, 0));
                    next
                })
            });
            let sentence = doc.tokens[t].sentence;
            let count = &mut counts[slot];
            if count.0 != sentence {
                *count = (sentence, count.1 + 1);
            }
        }
        // Per stem, the most sentences any of its words is in (at least one); 0 until a term has it.
        let mut df = vec![0usize; stems];
        for t in terms {
            for (&stem, &tok) in t.stems.iter().zip(&t.tokens) {
                // لزعيم is counted with زعيم.
                let k = key(tok);
                let n = std::iter::once(k)
                    .chain(crate::clitics::without_preposition(k))
                    .filter_map(|k| slots.get(k).map(|&slot| counts[slot].1))
                    .max()
                    .unwrap_or(1);
                let slot = &mut df[stem as usize];
                *slot = (*slot).max(n);
            }
        }
        let n = doc.sentences.len().max(1) as f32;
        Weights {
            of: df
                .iter()
                .map(|&df| (1.0 + n / df.max(1) as f32).ln())
                .collect(),
            n,
        }
    }

    /// The weight of a term in one sentence only.
    fn rare(&self) -> f32 {
        (1.0 + self.n).ln()
    }

    fn of(&self, stem: StemId) -> f32 {
        self.of[stem as usize]
    }

    /// Each content's total weight, computed once.
    fn totals(&self, terms: &[Terms]) -> Vec<f32> {
        terms.iter().map(|t| self.total(t)).collect()
    }

    fn total(&self, t: &Terms) -> f32 {
        t.stems
            .iter()
            .map(|&s| self.of(s))
            .sum::<f32>()
            .max(f32::EPSILON)
    }
}

#[cfg(test)]
mod tests;
