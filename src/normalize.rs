//! Stage 3: fold the text for matching and keep a map back to the original bytes.
//!
//! Folding drops diacritics, tatweel, bidi and zero-width marks; unifies alef, ya, ta marbuta,
//! Persian and Urdu letters, digits, quotation marks, dashes and Latin punctuation; and applies
//! NFKC to presentation forms. Every folded byte knows the original span of the character it
//! came from, so any folded range maps back to original offsets on char boundaries.

use unicode_normalization::UnicodeNormalization;

use crate::model::Span;
use crate::offsets::OffsetMap;

/// Folded text and map as they are written.
struct Builder {
    text: String,
    map: OffsetMap,
}

impl Builder {
    fn new(capacity: usize) -> Self {
        Builder {
            text: String::with_capacity(capacity),
            map: OffsetMap::default(),
        }
    }

    #[inline(always)]
    fn push(&mut self, c: char, start: u32, end: u32) {
        self.map.push(self.text.len(), c.len_utf8(), start, end);
        self.text.push(c);
    }

    /// Extends the previous character when it is a letter, so a word's span keeps its marks;
    /// a mark after a space stands alone and is dropped.
    fn attach(&mut self, end: u32) {
        if let Some(prev) = self.text.chars().next_back() {
            if crate::chars::is_alphabetic(prev) {
                let from = self.text.len() - prev.len_utf8();
                self.map.extend_last(&self.text, from, end);
            }
        }
    }

    fn finish(self, len: usize) -> Normalized {
        Normalized {
            text: self.text,
            map: self.map,
            len,
        }
    }
}

/// The folded text and its map into the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The folded text.
    pub text: String,
    /// For every byte of `text`: the original bytes where its character starts and ends, the
    /// end including diacritics and tatweel that were folded away after it.
    map: OffsetMap,
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

/// Code points below this are folded through a table: nearly all of the text.
const TABLED: u32 = 0x800;
/// Table entries for characters that are dropped or attach; the others hold the folded char.
const DROP: u32 = u32::MAX;
const ATTACH: u32 = u32::MAX - 1;

/// `fold_char` for every code point below [`TABLED`] (none of them folds to several chars).
fn fold_table() -> &'static [u32; TABLED as usize] {
    static TABLE: std::sync::OnceLock<[u32; TABLED as usize]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [DROP; TABLED as usize];
        for c in (0..TABLED).filter_map(char::from_u32) {
            t[c as usize] = match fold_char(c) {
                Fold::Drop => DROP,
                Fold::Attach => ATTACH,
                Fold::Char(x) => x as u32,
                Fold::Str(_) => unreachable!("no char below U+0800 folds to several"),
            };
        }
        t
    })
}

impl Normalized {
    /// Folds `src`.
    pub fn new(src: &str) -> Self {
        let table = fold_table();
        let bytes = src.as_bytes();
        let mut b = Builder::new(src.len());
        let mut i = 0;
        while i < bytes.len() {
            // One- and two-byte sequences (up to U+07FF) are decoded here, the rest by `str`.
            let lead = bytes[i];
            let (c, n) = if lead < 0x80 {
                (u32::from(lead), 1)
            } else if lead & 0xE0 == 0xC0 {
                let c = (u32::from(lead & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
                (c, 2)
            } else {
                let c = src[i..].chars().next().expect("a char starts here");
                (c as u32, c.len_utf8())
            };
            let (start, end) = (i as u32, (i + n) as u32);
            let folded = table.get(c as usize).copied();
            let c = char::from_u32(c).expect("decoded from UTF-8");
            if folded == Some(c as u32) && c != '\r' {
                // Most characters fold to themselves.
                b.push(c, start, end);
                i += n;
                continue;
            }
            if c == '\r' {
                // CRLF is one line break; a lone CR is one too.
                if bytes.get(i + 1) != Some(&b'\n') {
                    b.push('\n', start, end);
                }
            } else {
                match folded {
                    Some(DROP) => {}
                    Some(ATTACH) => b.attach(end),
                    // Entries other than the two markers are chars.
                    Some(x) => b.push(char::from_u32(x).unwrap_or(c), start, end),
                    None => match fold_char(c) {
                        Fold::Drop => {}
                        Fold::Attach => b.attach(end),
                        Fold::Char(x) => b.push(x, start, end),
                        Fold::Str(s) => {
                            for x in s.chars() {
                                b.push(x, start, end);
                            }
                        }
                    },
                }
            }
            i += n;
        }
        b.finish(src.len())
    }

    /// Maps a folded byte range (on folded char boundaries) to the original span.
    pub fn span(&self, start: usize, end: usize) -> Span {
        if start >= end {
            let at = if start < self.text.len() {
                self.map.get(&self.text, start).0 as usize
            } else {
                self.len
            };
            return Span::new(at, at);
        }
        assert!(end <= self.text.len(), "a range within the folded text");
        Span::new(
            self.map.get(&self.text, start).0 as usize,
            self.map.get(&self.text, end - 1).1 as usize,
        )
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

    /// The map as it was first written, byte by byte, for comparison.
    fn dense(src: &str) -> (String, Vec<(u32, u32)>) {
        let mut text = String::new();
        let mut map: Vec<(u32, u32)> = Vec::new();
        let push = |text: &mut String, map: &mut Vec<(u32, u32)>, c: char, s: u32, e: u32| {
            text.push(c);
            map.extend(std::iter::repeat_n((s, e), c.len_utf8()));
        };
        let mut chars = src.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let end = (i + c.len_utf8()) as u32;
            let fold = if c == '\r' {
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
                    if let Some(prev) = text.chars().next_back() {
                        if prev.is_alphabetic() {
                            let from = text.len() - prev.len_utf8();
                            for m in &mut map[from..] {
                                m.1 = end;
                            }
                        }
                    }
                }
                Fold::Char(x) => push(&mut text, &mut map, x, i as u32, end),
                Fold::Str(s) => {
                    for x in s.chars() {
                        push(&mut text, &mut map, x, i as u32, end);
                    }
                }
            }
        }
        (text, map)
    }

    fn agrees_with_dense(src: &str) {
        let n = Normalized::new(src);
        let (text, map) = dense(src);
        assert_eq!(n.text, text, "{src:?}");
        for (k, &(s, e)) in map.iter().enumerate() {
            assert_eq!(
                n.span(k, k + 1),
                Span::new(s as usize, e as usize),
                "{src:?} at {k}"
            );
        }
        assert_eq!(
            n.span(text.len(), text.len()),
            Span::new(src.len(), src.len())
        );
    }

    #[test]
    fn pieces_agree_with_a_byte_table() {
        for src in [
            "",
            "قـال مضيفًا أن",
            "وقـال المصدرُ إن",
            "x\u{FEFB}y\u{FEFB}\u{064B}z",
            "\u{FEFF}قـال «المصدر»\r\n٢ ﻻ  é",
            "a\r\nb\rc\u{200F}d\u{0640}\u{0640}e",
            " \u{064B}ب\u{0651}\u{064E}… ٣٤٥ أإآ",
            "صرّح وفقًا لـ«رويترز»: …",
        ] {
            agrees_with_dense(src);
        }
    }

    proptest::proptest! {
        #[test]
        fn pieces_agree_on_any_text(chars in proptest::collection::vec(proptest::sample::select(vec![
            'a', 'Z', ' ', '\n', '\r', 'ق', 'ا', 'أ', 'ة', 'ى', '\u{064B}', '\u{0651}', '\u{0640}',
            '\u{200F}', '\u{FEFF}', '\u{FEFB}', '\u{FE8D}', '٢', '…', '«', '”', ',', 'é', '😀',
        ]), 0..40)) {
            let src: String = chars.into_iter().collect();
            agrees_with_dense(&src);
        }
    }

    #[test]
    fn empty_range_maps_to_a_point() {
        let n = Normalized::new("ab");
        assert_eq!(n.span(1, 1), Span::new(1, 1));
        assert_eq!(n.span(2, 2), Span::new(2, 2));
    }
}
