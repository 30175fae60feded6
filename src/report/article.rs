//! The article cut into runs for highlighting: each run is plain text, part of a content, a
//! source mention or a cue, so that the template marks them without building HTML here.

use crate::model::{Analysis, Stance};

/// One piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The text (escaped by the template).
    pub text: String,
    /// What it is.
    pub mark: Mark,
}

/// How a run is marked.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// Plain text.
    Plain,
    /// Inside a content (of the attribution numbered here).
    Content(usize),
    /// A source mention (of the attribution numbered here).
    Mention(usize),
    /// A cue: the attribution's number, id and stance.
    Cue(usize, String, Stance),
}

impl Run {
    /// The CSS class of the run.
    pub fn class(&self) -> String {
        match &self.mark {
            Mark::Plain => String::new(),
            Mark::Content(_) => "content".into(),
            Mark::Mention(_) => "mention".into(),
            Mark::Cue(_, _, s) => format!("cue {}", super::stance_class(*s)),
        }
    }
}

/// A paragraph of the article as runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// Its runs, in order.
    pub runs: Vec<Run>,
    /// Whether the analysis skipped it as scraper junk.
    pub skipped: bool,
    /// The attributions whose cue is in it (indices into the analysis).
    pub attributions: Vec<usize>,
}

/// Cuts `input` into paragraphs (by line) of marked runs. Time is linear in the text and the
/// number of marks (with a logarithm): marks are swept once in order, never searched per line.
pub fn paragraphs(input: &str, a: &Analysis) -> Vec<Paragraph> {
    // Marks by priority: a cue over a mention over a content; later attributions' contents
    // over earlier ones (nested speech shows its own).
    let mut spans: Vec<Mk> = Vec::new();
    for (i, at) in a.attributions.iter().enumerate() {
        if let Some(c) = &at.content {
            spans.push(Mk::new(c.start, c.end, 0, i));
        }
        if let Some(m) = &at.source_mention {
            spans.push(Mk::new(m.start, m.end, 1, i));
        }
        spans.push(Mk::new(at.cue.start, at.cue.end, 2, i));
    }
    spans.retain(|m| m.start < m.end);
    spans.sort_unstable_by_key(|m| m.start);
    let mut cues: Vec<(usize, usize)> = a
        .attributions
        .iter()
        .enumerate()
        .map(|(i, x)| (x.cue.start, i))
        .collect();
    cues.sort_unstable();
    let mut skipped: Vec<(usize, usize)> = a.skipped.iter().map(|k| (k.start, k.end)).collect();
    skipped.sort_unstable();
    // The furthest end among regions starting at or before each one.
    let mut reach = 0;
    let reach: Vec<usize> = skipped
        .iter()
        .map(|&(_, e)| {
            reach = reach.max(e);
            reach
        })
        .collect();
    let mut sweep = Sweep::default();
    let mut out = Vec::new();
    let mut start = 0;
    for line in input.split_inclusive('\n') {
        let end = start + line.len();
        let text_end = start + line.trim_end_matches(['\n', '\r']).len();
        // Marks that overlap the line: those begun before its end and not yet over.
        sweep.advance(&spans, start, text_end);
        if text_end > start && !input[start..text_end].trim().is_empty() {
            let from = cues.partition_point(|&(s, _)| s < start);
            let to = cues.partition_point(|&(s, _)| s < text_end);
            let attributions = cues[from..to].iter().map(|&(_, i)| i).collect();
            let k = skipped.partition_point(|&(s, _)| s <= start);
            let is_skipped = k > 0 && text_end <= reach[k - 1].max(start);
            out.push(Paragraph {
                runs: runs(input, a, &sweep.active, start, text_end),
                skipped: is_skipped,
                attributions,
            });
        }
        start = end;
    }
    out
}

/// A mark: a span of the text with its kind (0 content, 1 mention, 2 cue) and attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Mk {
    kind: u8,
    i: usize,
    start: usize,
    end: usize,
}

impl Mk {
    fn new(start: usize, end: usize, kind: u8, i: usize) -> Mk {
        Mk {
            kind,
            i,
            start,
            end,
        }
    }
}

/// The marks overlapping the current line, kept as the lines go by.
#[derive(Default)]
struct Sweep {
    next: usize,
    active: Vec<Mk>,
}

impl Sweep {
    fn advance(&mut self, spans: &[Mk], start: usize, end: usize) {
        self.active.retain(|m| m.end > start);
        while self.next < spans.len() && spans[self.next].start < end.max(start + 1) {
            if spans[self.next].end > start {
                self.active.push(spans[self.next]);
            }
            self.next += 1;
        }
    }
}

/// The runs of one line: cut at every mark's ends; each piece takes the strongest mark that
/// covers it, found in a sweep over the cuts.
fn runs(input: &str, a: &Analysis, here: &[Mk], start: usize, end: usize) -> Vec<Run> {
    let mut events: Vec<(usize, bool, Mk)> = Vec::with_capacity(2 * here.len());
    for m in here {
        events.push((m.start.clamp(start, end), true, *m));
        events.push((m.end.clamp(start, end), false, *m));
    }
    events.sort_unstable_by_key(|&(at, opens, _)| (at, opens));
    let mut cuts: Vec<usize> = events.iter().map(|e| e.0).chain([start, end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut open: std::collections::BTreeSet<Mk> = std::collections::BTreeSet::new();
    let mut e = 0;
    let mut runs: Vec<Run> = Vec::new();
    for w in cuts.windows(2) {
        let (s, t) = (w[0], w[1]);
        // Ends before openings at the same place (sorted so), both up to `s`.
        while e < events.len() && events[e].0 <= s {
            let (_, opens, m) = events[e];
            if opens {
                open.insert(m);
            } else {
                open.remove(&m);
            }
            e += 1;
        }
        if s >= t {
            continue;
        }
        let mark = match open.last() {
            None => Mark::Plain,
            Some(m) if m.kind == 0 => Mark::Content(m.i + 1),
            Some(m) if m.kind == 1 => Mark::Mention(m.i + 1),
            Some(m) => Mark::Cue(
                m.i + 1,
                a.attributions[m.i].id.clone(),
                a.attributions[m.i].stance,
            ),
        };
        match runs.last_mut() {
            Some(last) if last.mark == mark && !matches!(mark, Mark::Cue(..)) => {
                last.text.push_str(&input[s..t]);
            }
            _ => runs.push(Run {
                text: input[s..t].to_string(),
                mark,
            }),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    #[test]
    fn runs_cover_the_text_once() {
        let text = "عنوان الخبر\nوقال الوزير إن الحدود مغلقة. ونفت الوزارة ذلك.\n";
        let a = Analyzer::new().analyze(text);
        let ps = paragraphs(text, &a);
        assert_eq!(ps.len(), 2);
        let joined: String = ps
            .iter()
            .map(|p| p.runs.iter().map(|r| r.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(joined + "\n", text);
        let cues: Vec<&str> = ps[1]
            .runs
            .iter()
            .filter(|r| matches!(r.mark, Mark::Cue(..)))
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(cues, ["وقال", "ونفت"]);
        assert!(ps[1]
            .runs
            .iter()
            .any(|r| r.mark == Mark::Mention(1) && r.text == "الوزير"));
    }
}
