//! Diagnostics in the compiler form: `file:line:col: level[rule]: message`, the line with the
//! span underlined, and a `help:` line. The caret line is measured in display columns of the
//! logical order; with colour the span is also underlined inside the line itself, which stays
//! right whatever the terminal does with right-to-left text. Control and bidi-control
//! characters of the article are never sent to the terminal.

use std::fmt::Write;

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use super::{Diagnostic, Level, LineIndex, Summary};

/// Characters shown on each side of a span in a long line.
const CONTEXT: usize = 40;

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// ANSI colour and underline.
    pub colour: bool,
}

impl Style {
    fn paint(self, code: &str, s: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

fn level_colour(l: Level) -> &'static str {
    match l {
        Level::Error => "1;31",
        Level::Warning => "1;33",
        Level::Note => "1;36",
    }
}

/// The diagnostics of one document named `file`, in the compiler form.
pub fn render(file: &str, text: &str, diags: &[Diagnostic], style: Style) -> String {
    let lines = LineIndex::new(text);
    let mut out = String::new();
    let file = clean(file);
    for d in diags {
        let head = format!("{}[{}]", d.level.as_str(), d.rule.as_str());
        let _ = writeln!(
            out,
            "{}: {}: {}",
            style.paint("1", &format!("{file}:{}:{}", d.line, d.column)),
            style.paint(level_colour(d.level), &head),
            style.paint("1", d.message)
        );
        let (ls, le) = lines.line_range(text, d.span.start);
        let end = d.span.end.min(le).max(d.span.start);
        let shown = excerpt(text, (ls, le), (d.span.start, end), style, d.level);
        let number = d.line.to_string();
        let pad = " ".repeat(number.len());
        let bar = style.paint("1;34", "|");
        let _ = writeln!(out, "{pad} {bar}");
        let _ = writeln!(out, "{} {bar} {}", style.paint("1;34", &number), shown.line);
        let carets = "^".repeat(shown.width.max(1));
        let _ = writeln!(
            out,
            "{pad} {bar} {}{} {}",
            " ".repeat(shown.before),
            style.paint(level_colour(d.level), &carets),
            clean(&d.span.text)
        );
        let _ = writeln!(out, "{pad} = {}: {}", style.paint("1", "help"), d.help);
    }
    out
}

/// The line around a span as shown, and where the span sits in it (display columns).
struct Shown {
    line: String,
    before: usize,
    width: usize,
}

fn excerpt(
    text: &str,
    (ls, le): (usize, usize),
    (ss, se): (usize, usize),
    style: Style,
    level: Level,
) -> Shown {
    // Cut long lines to a window around the span, on character boundaries; only the window is
    // walked, so a long line costs no more per diagnostic than a short one.
    let from = text[ls..ss]
        .char_indices()
        .rev()
        .nth(CONTEXT)
        .map_or(ls, |(i, c)| ls + i + c.len_utf8());
    let to = text[se..le]
        .char_indices()
        .nth(CONTEXT)
        .map_or(le, |(i, _)| se + i);
    let mut line = String::new();
    let mut before = 0;
    if from > ls {
        line.push('…');
        before += 1;
    }
    for c in text[from..ss].chars() {
        let (s, w) = shown(c);
        line.push_str(&s);
        before += w;
    }
    let mut span = String::new();
    let mut width = 0;
    for c in text[ss..se].chars() {
        let (s, w) = shown(c);
        span.push_str(&s);
        width += w;
    }
    line.push_str(&style.paint(&format!("4;{}", level_colour(level)), &span));
    for c in text[se..to].chars() {
        line.push_str(&shown(c).0);
    }
    if to < le {
        line.push('…');
    }
    Shown {
        line,
        before,
        width,
    }
}

/// A character as shown and its display width: tabs become a space, controls and bidi
/// controls vanish.
fn shown(c: char) -> (String, usize) {
    if c == '\t' {
        return (" ".into(), 1);
    }
    if is_hidden(c) {
        return (String::new(), 0);
    }
    (c.to_string(), c.width().unwrap_or(0))
}

fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A string with its control and bidi-control characters dropped, for the terminal.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .filter(|&c| !is_hidden(c))
        .collect()
}

/// One document's diagnostics as a JSON Lines record.
pub fn json(file: &str, diags: &[Diagnostic]) -> String {
    #[derive(Serialize)]
    struct Record<'a> {
        file: &'a str,
        diagnostics: &'a [Diagnostic],
        summary: Summary,
    }
    serde_json::to_string(&Record {
        file,
        diagnostics: diags,
        summary: Summary::of(diags),
    })
    .expect("diagnostics serialize")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flags::Rule;
    use crate::model::TextSpan;

    fn diag(text: &str, span: &str) -> Diagnostic {
        let start = text.find(span).unwrap();
        let idx = LineIndex::new(text);
        let (line, column) = idx.locate(text, start);
        Diagnostic {
            rule: Rule::VagueAttribution,
            level: Level::Note,
            line,
            column,
            span: TextSpan::new(crate::model::Span::new(start, start + span.len()), text),
            message: "vague attribution: who said it is not told",
            help: "name or describe the source",
            attribution: "a1".into(),
            claim: None,
            source: None,
        }
    }

    #[test]
    fn the_compiler_form() {
        let text = "عنوان\nوقالت مصادر إن الوزير سيستقيل.";
        let out = render("draft.txt", text, &[diag(text, "مصادر")], Style::default());
        let want = "draft.txt:2:7: note[vague-attribution]: vague attribution: who said it is not told\n  \
                    |\n\
                    2 | وقالت مصادر إن الوزير سيستقيل.\n  \
                    |       ^^^^^ مصادر\n  \
                    = help: name or describe the source\n";
        assert_eq!(out, want);
    }

    #[test]
    fn carets_skip_zero_width_marks_and_controls() {
        // Harakat take no column; a bidi mark and an escape are not printed at all.
        let text = "قَالَ\u{200F}\u{1b}[2J مصدرٌ إن";
        let out = render("x", text, &[diag(text, "مصدرٌ")], Style::default());
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{200F}'),
            "{out:?}"
        );
        let caret_line = out.lines().nth(3).unwrap();
        // "قال" is 3 columns, "[2J " 4 more: the span starts at column 7.
        assert_eq!(caret_line, "  |        ^^^^ مصدرٌ");
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let text = format!(
            "{} وقالت مصادر {}",
            "كلمة ".repeat(100),
            "أخرى ".repeat(100)
        );
        let out = render("x", &text, &[diag(&text, "مصادر")], Style::default());
        let line = out.lines().nth(2).unwrap();
        assert!(line.starts_with("1 | …") && line.ends_with('…'), "{line}");
        assert!(line.chars().count() < 2 * CONTEXT + 20);
    }

    #[test]
    fn colour_underlines_inside_the_line() {
        let text = "وقالت مصادر إن الوزير سيستقيل.";
        let out = render("x", text, &[diag(text, "مصادر")], Style { colour: true });
        assert!(out.contains("\x1b[4;1;36mمصادر\x1b[0m"), "{out:?}");
    }

    #[test]
    fn json_records() {
        let text = "وقالت مصادر إن الوزير سيستقيل.";
        let v: serde_json::Value =
            serde_json::from_str(&json("x", &[diag(text, "مصادر")])).unwrap();
        assert_eq!(v["file"], "x");
        assert_eq!(v["diagnostics"][0]["rule"], "vague-attribution");
        assert_eq!(v["diagnostics"][0]["span"]["text"], "مصادر");
        assert_eq!(v["summary"]["notes"], 1);
    }
}
