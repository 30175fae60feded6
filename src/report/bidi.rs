//! Untrusted text in a page must not change the direction of the text around it: an override
//! (U+202E) left open in a source's name would reverse everything after it on the line. Each
//! value from the article is balanced (closers it lacks added, closers it did not open
//! dropped), and where no `<bdi>` can stand (the page's title, SVG text) wrapped in an
//! isolate.

/// Opens an embedding or override (closed by PDF).
fn opens_embedding(c: char) -> bool {
    matches!(c, '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}')
}

/// Opens an isolate (closed by PDI).
fn opens_isolate(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2068}')
}

const PDF: char = '\u{202C}';
const PDI: char = '\u{2069}';
const FSI: char = '\u{2068}';

/// `s` with every embedding, override and isolate it opens closed at its end, and every
/// closer that matches nothing of its own dropped.
pub fn balance(s: &str) -> String {
    if !s
        .chars()
        .any(|c| opens_embedding(c) || opens_isolate(c) || c == PDF || c == PDI)
    {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    // true: an isolate; false: an embedding or override.
    let mut open: Vec<bool> = Vec::new();
    for c in s.chars() {
        if opens_embedding(c) || opens_isolate(c) {
            open.push(opens_isolate(c));
        } else if c == PDF {
            // A PDF closes only an embedding opened since the last isolate.
            if open.last() != Some(&false) {
                continue;
            }
            open.pop();
        } else if c == PDI {
            // A PDI closes its isolate and whatever was opened inside it.
            let Some(k) = open.iter().rposition(|&iso| iso) else {
                continue;
            };
            open.truncate(k);
        }
        out.push(c);
    }
    for iso in open.into_iter().rev() {
        out.push(if iso { PDI } else { PDF });
    }
    out
}

/// `s` balanced and isolated, for places that hold text but no markup.
pub fn isolate(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 6);
    out.push(FSI);
    out.push_str(&balance(s));
    out.push(PDI);
    out
}

/// Whether `s` is balanced: what [`balance`] would leave as it is. For tests.
pub fn is_balanced(s: &str) -> bool {
    balance(s) == s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closers_are_added_and_strays_dropped() {
        assert_eq!(balance("قال \u{202E}abc"), "قال \u{202E}abc\u{202C}");
        assert_eq!(balance("a\u{2069}b\u{202C}c"), "abc");
        assert_eq!(
            balance("\u{2067}x\u{202B}y\u{2069}z"),
            "\u{2067}x\u{202B}y\u{2069}z"
        );
        assert_eq!(
            balance("\u{202B}\u{2066}x\u{202C}"),
            "\u{202B}\u{2066}x\u{2069}\u{202C}"
        );
        assert_eq!(balance("سامي العلي"), "سامي العلي");
        assert_eq!(isolate("\u{202E}x"), "\u{2068}\u{202E}x\u{202C}\u{2069}");
        assert!(is_balanced(&isolate("\u{2069}\u{202E}")));
    }
}
