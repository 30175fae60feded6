//! Editorial lint: the report's flags as compiler-style diagnostics, each with its place in the
//! text (line, column, byte span), its message and what would fix it.

mod explain;
mod render;

use serde::Serialize;

use crate::flags::{self, Rule, Severity};
use crate::model::{Analysis, Attribution, TextSpan};
use crate::report::labels::Labels;

pub use explain::{explain, explain_ar};
pub use render::{clean, json, render, Style};

/// How much a diagnostic matters once `--deny` is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Worth a look.
    Note,
    /// Should be fixed or justified.
    Warning,
    /// Denied: the run fails.
    Error,
}

impl Level {
    /// The word printed before the rule id.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// Which rules are silenced and which are errors.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// Rules whose findings become errors.
    pub deny: Vec<Rule>,
    /// Rules whose findings are dropped.
    pub allow: Vec<Rule>,
}

impl Policy {
    /// Parses a rule list as given on the command line: ids separated by commas, or `all`.
    pub fn rules(list: &str) -> Result<Vec<Rule>, String> {
        let mut out = Vec::new();
        for word in list.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            if word == "all" {
                out.extend_from_slice(Rule::ALL);
                continue;
            }
            match Rule::parse(word) {
                Some(r) => out.push(r),
                None => {
                    let known: Vec<&str> = Rule::ALL.iter().map(|r| r.as_str()).collect();
                    return Err(format!(
                        "unknown rule `{word}`; the rules are: all, {}",
                        known.join(", ")
                    ));
                }
            }
        }
        Ok(out)
    }
}

/// One finding at its place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// The rule's id.
    pub rule: Rule,
    /// Note, warning or (denied) error.
    pub level: Level,
    /// One-based line of the span's start.
    pub line: usize,
    /// One-based column of the span's start, in characters.
    pub column: usize,
    /// The span the finding points at (byte offsets, as everywhere).
    pub span: TextSpan,
    /// What is wrong.
    pub message: &'static str,
    /// What would fix it.
    pub help: &'static str,
    /// The attribution it points at.
    pub attribution: String,
    /// The claim concerned, if any.
    pub claim: Option<String>,
    /// The source concerned, if any.
    pub source: Option<String>,
}

/// The diagnostics for an analysis of `text`, in text order, worded in `labels`' language.
pub fn lint(text: &str, a: &Analysis, labels: &Labels, policy: &Policy) -> Vec<Diagnostic> {
    let lines = LineIndex::new(text);
    // Placed in text order, so that columns are counted on from the previous place.
    let mut placed: Vec<(TextSpan, flags::Flag)> = flags::flags_in(text, a)
        .into_iter()
        .filter(|f| !policy.allow.contains(&f.rule))
        .filter_map(|f| Some((place(a.attribution(&f.attribution)?, f.rule), f)))
        .collect();
    placed.sort_by_key(|(span, f)| (span.start, f.rule));
    let mut cursor = Cursor::default();
    let mut out: Vec<Diagnostic> = placed
        .into_iter()
        .filter_map(|(span, f)| {
            let x = a.attribution(&f.attribution)?;
            let (line, column) = cursor.locate(&lines, text, span.start);
            let (message, help) = labels.rule(f.rule);
            let level = if policy.deny.contains(&f.rule) {
                Level::Error
            } else {
                match f.severity {
                    Severity::Note => Level::Note,
                    Severity::Warning => Level::Warning,
                }
            };
            Some(Diagnostic {
                rule: f.rule,
                level,
                line,
                column,
                span,
                message,
                help,
                attribution: f.attribution,
                claim: f.claim,
                source: f.source.or_else(|| x.source.clone()),
            })
        })
        .collect();
    out.sort_by_key(|d| (d.span.start, d.rule));
    out
}

/// What a finding underlines: the source's mention for rules about the source, else the cue.
fn place(x: &Attribution, rule: Rule) -> TextSpan {
    let about_source = matches!(
        rule,
        Rule::SingleAnonymousSource | Rule::AnonymousWithoutReason | Rule::VagueAttribution
    );
    match &x.source_mention {
        Some(m) if about_source => m.clone(),
        _ => x.cue.clone(),
    }
}

/// The last place located, so that places met in text order cost only the text between them.
#[derive(Default)]
struct Cursor {
    line: usize,
    at: usize,
    column: usize,
}

impl Cursor {
    fn locate(&mut self, lines: &LineIndex, text: &str, at: usize) -> (usize, usize) {
        let line = lines.line_of(at);
        if line != self.line || at < self.at || self.column == 0 {
            self.line = line;
            self.at = lines.starts[line];
            self.column = 1;
        }
        self.column += text[self.at..at].chars().count();
        self.at = at;
        (line + 1, self.column)
    }
}

/// Counts by level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Denied findings.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
}

impl Summary {
    /// Counts the diagnostics.
    pub fn of(diags: &[Diagnostic]) -> Summary {
        let mut s = Summary::default();
        for d in diags {
            s.add(d.level);
        }
        s
    }

    fn add(&mut self, level: Level) {
        match level {
            Level::Error => self.errors += 1,
            Level::Warning => self.warnings += 1,
            Level::Note => self.notes += 1,
        }
    }

    /// Adds another summary's counts.
    pub fn merge(&mut self, other: Summary) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.notes += other.notes;
    }
}

/// Line starts of a text, for turning byte offsets into lines and columns. A line ends at
/// `\n`, `\r\n` or a lone `\r`.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// The zero-based line holding byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at) - 1
    }

    /// One-based line and character column of byte `at`, counted from the line's start.
    #[cfg(test)]
    pub(crate) fn locate(&self, text: &str, at: usize) -> (usize, usize) {
        let line = self.line_of(at);
        let column = text[self.starts[line]..at].chars().count() + 1;
        (line + 1, column)
    }

    /// The byte range of the line holding byte `at`, without its line end.
    pub(crate) fn line_range(&self, text: &str, at: usize) -> (usize, usize) {
        let line = self.line_of(at);
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        (start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::labels::EN;
    use crate::Analyzer;

    fn diags(text: &str, policy: &Policy) -> Vec<Diagnostic> {
        lint(text, &Analyzer::new().analyze(text), &EN, policy)
    }

    #[test]
    fn lines_and_columns_count_characters_and_every_line_end() {
        let text = "سطر أول\r\nثان\rثالث\nرابع";
        let idx = LineIndex::new(text);
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(idx.locate(text, at("أول")), (1, 5));
        assert_eq!(idx.locate(text, at("ثان")), (2, 1));
        assert_eq!(idx.locate(text, at("ثالث")), (3, 1));
        assert_eq!(idx.locate(text, at("رابع")), (4, 1));
        assert_eq!(
            &text[{
                let (s, e) = idx.line_range(text, at("ثان"));
                s..e
            }],
            "ثان"
        );
    }

    #[test]
    fn a_finding_points_at_the_source_it_is_about() {
        let text = "خبر أول.\nأجرى الوفدان محادثات سرية في جنيف، وفقا لمصدر مطلع.";
        let d = diags(text, &Policy::default());
        let single = d
            .iter()
            .find(|d| d.rule == Rule::SingleAnonymousSource)
            .expect("the claim rests on one anonymous source");
        assert_eq!(single.span.text, "لمصدر مطلع");
        assert_eq!(single.line, 2);
        assert_eq!(single.level, Level::Warning);
        assert_eq!(single.help, EN.rule(Rule::SingleAnonymousSource).1);
    }

    #[test]
    fn deny_and_allow() {
        let text = "أجرى الوفدان محادثات سرية في جنيف، وفقا لمصدر مطلع.";
        let deny = Policy {
            deny: Policy::rules("single-anonymous-source").unwrap(),
            ..Policy::default()
        };
        let d = diags(text, &deny);
        assert!(d.iter().any(|d| d.level == Level::Error));
        assert!(d
            .iter()
            .all(|d| (d.level == Level::Error) == (d.rule == Rule::SingleAnonymousSource)));
        let allow = Policy {
            allow: Policy::rules("all").unwrap(),
            ..Policy::default()
        };
        assert!(diags(text, &allow).is_empty());
        assert!(Policy::rules("no-such-rule")
            .unwrap_err()
            .contains("single-anonymous-source"));
    }

    #[test]
    fn a_well_sourced_text_has_no_findings() {
        let text = "قال وزير الخارجية سامي العلي إن المحادثات ستستأنف الأسبوع المقبل في جنيف.";
        assert!(diags(text, &Policy::default()).is_empty());
    }
}
