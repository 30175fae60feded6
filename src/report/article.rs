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

/// Cuts `input` into paragraphs (by line) of marked runs.
pub fn paragraphs(input: &str, a: &Analysis) -> Vec<Paragraph> {
    // Marks by priority: a cue over a mention over a content; later attributions' contents
    // over earlier ones (nested speech shows its own).
    let mut spans: Vec<(usize, usize, u8, usize)> = Vec::new();
    for (i, at) in a.attributions.iter().enumerate() {
        if let Some(c) = &at.content {
            spans.push((c.start, c.end, 0, i));
        }
        if let Some(m) = &at.source_mention {
            spans.push((m.start, m.end, 1, i));
        }
        spans.push((at.cue.start, at.cue.end, 2, i));
    }
    let mut out = Vec::new();
    let mut start = 0;
    for line in input.split_inclusive('\n') {
        let end = start + line.len();
        let text_end = start + line.trim_end_matches(['\n', '\r']).len();
        if text_end > start && !input[start..text_end].trim().is_empty() {
            out.push(paragraph(input, a, &spans, start, text_end));
        }
        start = end;
    }
    out
}

fn paragraph(
    input: &str,
    a: &Analysis,
    spans: &[(usize, usize, u8, usize)],
    start: usize,
    end: usize,
) -> Paragraph {
    let here: Vec<&(usize, usize, u8, usize)> = spans
        .iter()
        .filter(|&&(s, e, _, _)| s < end && e > start)
        .collect();
    let mut cuts: Vec<usize> = vec![start, end];
    for &&(s, e, _, _) in &here {
        cuts.push(s.clamp(start, end));
        cuts.push(e.clamp(start, end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut runs: Vec<Run> = Vec::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        if s >= e {
            continue;
        }
        let top = here
            .iter()
            .filter(|&&&(a0, b0, _, _)| a0 <= s && e <= b0)
            .max_by_key(|&&&(a0, _, kind, i)| (kind, i, a0));
        let mark = match top {
            None => Mark::Plain,
            Some(&&(_, _, 0, i)) => Mark::Content(i + 1),
            Some(&&(_, _, 1, i)) => Mark::Mention(i + 1),
            Some(&&(_, _, _, i)) => Mark::Cue(
                i + 1,
                a.attributions[i].id.clone(),
                a.attributions[i].stance,
            ),
        };
        match runs.last_mut() {
            Some(last) if last.mark == mark && !matches!(mark, Mark::Cue(..)) => {
                last.text.push_str(&input[s..e]);
            }
            _ => runs.push(Run {
                text: input[s..e].to_string(),
                mark,
            }),
        }
    }
    let attributions = a
        .attributions
        .iter()
        .enumerate()
        .filter(|(_, x)| start <= x.cue.start && x.cue.start < end)
        .map(|(i, _)| i)
        .collect();
    let skipped = a
        .skipped
        .iter()
        .any(|k| k.start <= start && end <= k.end.max(start));
    Paragraph {
        runs,
        skipped,
        attributions,
    }
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
