//! Stage 3: fold the text for matching and keep a map back to the original bytes.
//!
//! Folding drops diacritics, tatweel, bidi and zero-width marks; unifies alef, ya, ta marbuta,
//! Persian and Urdu letters, digits, quotation marks, dashes and Latin punctuation; and applies
//! NFKC to presentation forms. Every folded byte knows the original span of the character it
//! came from, so any folded range maps back to original offsets on char boundaries.

use unicode_normalization::UnicodeNormalization;

use crate::model::Span;

/// The folded text and its map into the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The folded text.
    pub text: String,
    /// For every byte of `text`: the original byte where its character starts.
    starts: Vec<u32>,
    /// For every byte of `text`: the original byte where its character ends, including
    /// diacritics and tatweel that were folded away after it.
    ends: Vec<u32>,
    /// Length of the original.
    len: usize,
}

/// What folding does with one character.
enum Fold {
    /// Removed; it belongs to no word (bidi marks, zero-width characters).
    Drop,
    /// Removed, but part of the preceding letter (diacritics, tatweel).
    Attach,
    /// Replaced with one character.
    Char(char),
    /// Replaced with several characters.
    Str(String),
}

fn fold_char(c: char) -> Fold {
    match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' => Fold::Attach,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}'
        | '\u{00AD}' => Fold::Drop,
        'أ' | 'إ' | 'آ' | 'ٱ' => Fold::Char('ا'),
        'ى' | 'ی' | 'ې' => Fold::Char('ي'),
        'ة' | 'ۀ' | 'ە' | 'ھ' | 'ہ' => Fold::Char('ه'),
        'ک' | 'ڪ' => Fold::Char('ك'),
        '٠'..='٩' => Fold::Char(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '۰'..='۹' => Fold::Char(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '«' | '“' | '„' | '‹' | '❝' | '〝' => Fold::Char('«'),
        '»' | '”' | '‟' | '›' | '❞' | '〞' => Fold::Char('»'),
        '＂' => Fold::Char('"'),
        '‘' | '’' | '`' | '´' => Fold::Char('\''),
        '–' | '—' | '‒' | '―' | '−' | '﹘' => Fold::Char('-'),
        ',' | '٫' => Fold::Char('،'),
        ';' => Fold::Char('؛'),
        '?' => Fold::Char('؟'),
        '…' => Fold::Str("...".into()),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => {
            Fold::Char(' ')
        }
        'A'..='Z' => Fold::Char(c.to_ascii_lowercase()),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => {
            let mut out = String::new();
            for d in c.nfkc() {
                // Unassigned code points and noncharacters in these blocks decompose to
                // themselves: keep them as they are rather than fold them again.
                if d == c {
                    out.push(c);
                    continue;
                }
                match fold_char(d) {
                    Fold::Char(x) => out.push(x),
                    Fold::Str(s) => out.push_str(&s),
                    Fold::Drop | Fold::Attach => {}
                }
            }
            Fold::Str(out)
        }
        _ => Fold::Char(c),
    }
}

impl Normalized {
    /// Folds `src`.
    pub fn new(src: &str) -> Self {
        let mut n = Normalized {
            text: String::with_capacity(src.len()),
            starts: Vec::with_capacity(src.len()),
            ends: Vec::with_capacity(src.len()),
            len: src.len(),
        };
        let mut chars = src.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let end = (i + c.len_utf8()) as u32;
            let fold = if c == '\r' {
                // CRLF is one line break; a lone CR is one too.
                match chars.peek() {
                    Some((_, '\n')) => Fold::Drop,
                    _ => Fold::Char('\n'),
                }
            } else {
                fold_char(c)
            };
            match fold {
                Fold::Drop => {}
                Fold::Attach => {
                    // Extend the previous character when it is a letter, so a word's span keeps
                    // its marks; a mark after a space stands alone and is dropped.
                    if let Some(prev) = n.text.chars().next_back() {
                        if crate::chars::is_alphabetic(prev) {
                            let from = n.text.len() - prev.len_utf8();
                            for e in &mut n.ends[from..] {
                                *e = end;
                            }
                        }
                    }
                }
                Fold::Char(x) => n.push(x, i as u32, end),
                Fold::Str(s) => {
                    for x in s.chars() {
                        n.push(x, i as u32, end);
                    }
                }
            }
        }
        n
    }

    fn push(&mut self, c: char, start: u32, end: u32) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.starts.push(start);
            self.ends.push(end);
        }
    }

    /// Maps a folded byte range (on folded char boundaries) to the original span.
    pub fn span(&self, start: usize, end: usize) -> Span {
        if start >= end {
            let at = self.starts.get(start).map_or(self.len, |&s| s as usize);
            return Span::new(at, at);
        }
        Span::new(self.starts[start] as usize, self.ends[end - 1] as usize)
    }

    /// Length of the original text in bytes.
    pub fn original_len(&self) -> usize {
        self.len
    }
}

/// Folds a short string for matching (lexicon entries, test expectations).
pub fn fold(s: &str) -> String {
    Normalized::new(s).text
}

#[cfg(test)]
mod tests {
    #[test]
    fn presentation_block_code_points_without_decomposition_stay() {
        // U+FDD0 (a noncharacter) and U+FE75 (unassigned) have no compatibility mapping.
        for c in ['\u{FDD0}', '\u{FE75}', '\u{FDFE}'] {
            let s = c.to_string();
            assert_eq!(super::fold(&s), s);
        }
    }

    use super::*;

    #[test]
    fn folding_table() {
        let cases = [
            ("diacritics", "وفقًا", "وفقا"),
            ("shadda", "صرّح", "صرح"),
            ("superscript_alef", "هٰذا", "هذا"),
            ("tatweel", "قـــال", "قال"),
            ("alef_variants", "أإآٱ", "اااا"),
            ("alef_maqsura", "نفى", "نفي"),
            ("ta_marbuta", "وزارة", "وزاره"),
            ("persian_letters", "یک", "يك"),
            ("eastern_digits", "٢٠٢٣ ۱۹", "2023 19"),
            ("bidi_marks", "قال\u{200F}\u{061C}", "قال"),
            ("zero_width", "قا\u{200C}ل", "قال"),
            ("nbsp", "قال\u{00A0}المصدر", "قال المصدر"),
            ("quotes", "“نعم” «لا» „x‟", "«نعم» «لا» «x»"),
            ("dashes", "a–b—c", "a-b-c"),
            ("latin_punct", "a, b; c?", "a، b؛ c؟"),
            ("presentation_lam_alef", "\u{FEFB}", "لا"),
            ("presentation_letter", "\u{FE8D}", "ا"),
            ("ellipsis", "…", "..."),
            ("crlf", "a\r\nb\rc", "a\nb\nc"),
            ("bom", "\u{FEFF}قال", "قال"),
            ("uppercase", "CNN", "cnn"),
        ];
        for (name, input, want) in cases {
            assert_eq!(fold(input), want, "{name}");
        }
    }

    #[test]
    fn spans_map_back_with_marks() {
        let src = "قال مضيفًا أن";
        let n = Normalized::new(src);
        let start = n.text.find("مضيفا").unwrap();
        let sp = n.span(start, start + "مضيفا".len());
        assert_eq!(sp.text(src), "مضيفًا");
    }

    #[test]
    fn spans_cover_expanded_characters() {
        let src = "x\u{FEFB}y";
        let n = Normalized::new(src);
        assert_eq!(n.text, "xلاy");
        let sp = n.span(1, 1 + "لا".len());
        assert_eq!(sp.text(src), "\u{FEFB}");
    }

    #[test]
    fn every_span_is_on_char_boundaries() {
        let src = "\u{FEFF}قـال «المصدر»\r\n٢ ﻻ  é";
        let n = Normalized::new(src);
        for (i, _) in n.text.char_indices() {
            for (j, c) in n.text[i..].char_indices() {
                let sp = n.span(i, i + j + c.len_utf8());
                assert!(src.is_char_boundary(sp.start) && src.is_char_boundary(sp.end));
                assert!(sp.start <= sp.end && sp.end <= src.len());
            }
        }
    }

    #[test]
    fn empty_range_maps_to_a_point() {
        let n = Normalized::new("ab");
        assert_eq!(n.span(1, 1), Span::new(1, 1));
        assert_eq!(n.span(2, 2), Span::new(2, 2));
    }
}
