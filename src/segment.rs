//! Stage 4: paragraphs, sentences and tokens over the folded text.
//!
//! A paragraph is a non-empty line. A sentence ends at `.`, `؟`, `!`, `؛` or a line break; the
//! Arabic comma does not end one. Quotations may run over sentences and paragraphs: the parser
//! follows quotation marks across these boundaries itself.

use crate::model::Span;
use crate::normalize::Normalized;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of letters (Arabic, Latin, Hebrew, …), possibly with digits.
    Word,
    /// A run of digits, with inner `.`, `,` or `/`.
    Number,
    /// One punctuation character (folded: `«` `»` `"` `،` `.` `؟` `!` `؛` `:` `-` `(` `)` …).
    Punct(char),
}

/// A token: where it sits in the folded text and in the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Folded byte range start.
    pub start: u32,
    /// Folded byte range end.
    pub end: u32,
    /// The kind.
    pub kind: TokenKind,
    /// Zero-based sentence index.
    pub sentence: u32,
    /// Zero-based paragraph index.
    pub paragraph: u32,
}

impl Token {
    /// Whether this is a word.
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    /// The punctuation character, if any.
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            TokenKind::Punct(c) => Some(c),
            _ => None,
        }
    }
}

/// A document split into tokens, with the folded text and its map.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The folded text and its offset map.
    pub norm: Normalized,
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// For each sentence, its token range.
    pub sentences: Vec<(usize, usize)>,
    /// For each paragraph, its token range.
    pub paragraphs: Vec<(usize, usize)>,
    /// For each token, its type: words and numbers of one folded text share a number, given
    /// in order of first occurrence, so later stages keep what they learn of a word in a table
    /// by number instead of hashing its text again. Punctuation has [`NO_TYPE`].
    pub types: Vec<u32>,
    /// How many types there are.
    pub type_count: usize,
}

fn is_word_char(c: char) -> bool {
    crate::chars::is_alphanumeric(c) || c == '_'
}

/// The char starting at byte `i`, if any; one- and two-byte chars (through Arabic) are decoded
/// here, the rest by `str`.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let bytes = text.as_bytes();
    let lead = *bytes.get(i)?;
    if lead < 0x80 {
        Some(char::from(lead))
    } else if lead & 0xE0 == 0xC0 {
        let c = (u32::from(lead & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
        char::from_u32(c)
    } else {
        text[i..].chars().next()
    }
}

/// The end of the word whose first char ends at `i`.
fn word_end(text: &str, mut i: usize) -> usize {
    while let Some(d) = char_at(text, i).filter(|&d| is_word_char(d)) {
        i += d.len_utf8();
    }
    i
}

/// The end of the number whose first digit ends at `i`: digits, with `.`, `،`, `/` or `:`
/// between two of them.
fn number_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(d) = char_at(text, i) {
        let next = i + d.len_utf8();
        let inner = matches!(d, '.' | '،' | '/' | ':')
            && bytes.get(next).is_some_and(|b| b.is_ascii_digit());
        if d.is_ascii_digit() || inner {
            i = next;
        } else {
            break;
        }
    }
    i
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '؟' | '!' | '؛')
}

impl Document {
    /// Folds and tokenizes `src`.
    pub fn new(src: &str) -> Self {
        Self::from_normalized(Normalized::new(src))
    }

    /// Tokenizes already folded text.
    pub fn from_normalized(norm: Normalized) -> Self {
        let text = norm.text.as_str();
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut sentence = 0u32;
        let mut paragraph = 0u32;
        let mut sentence_open = false;
        let mut paragraph_open = false;
        let mut i = 0;
        while let Some(c) = char_at(text, i) {
            let n = c.len_utf8();
            if c == '\n' {
                if sentence_open {
                    sentence += 1;
                    sentence_open = false;
                }
                if paragraph_open {
                    paragraph += 1;
                    paragraph_open = false;
                }
                i += n;
                continue;
            }
            if c.is_whitespace() || c.is_control() {
                i += n;
                continue;
            }
            let (end, kind) = if c.is_ascii_digit() {
                (number_end(text, i + n), TokenKind::Number)
            } else if is_word_char(c) {
                (word_end(text, i + n), TokenKind::Word)
            } else {
                (i + n, TokenKind::Punct(c))
            };
            tokens.push(Token {
                start: i as u32,
                end: end as u32,
                kind,
                sentence,
                paragraph,
            });
            i = end;
            sentence_open = true;
            paragraph_open = true;
            if let TokenKind::Punct(p) = kind {
                if ends_sentence(p) && !is_abbreviation(&tokens, text) {
                    // A run of dots or a closing quote right after the stop stays in this sentence.
                    while let Some(d) = char_at(text, i).filter(|&d| ends_sentence(d) || d == '»')
                    {
                        let to = i + d.len_utf8();
                        tokens.push(Token {
                            start: i as u32,
                            end: to as u32,
                            kind: TokenKind::Punct(d),
                            sentence,
                            paragraph,
                        });
                        i = to;
                    }
                    sentence += 1;
                    sentence_open = false;
                }
            }
        }
        let sentences = ranges(&tokens, |t| t.sentence);
        let paragraphs = ranges(&tokens, |t| t.paragraph);
        let (types, type_count) = types(&tokens, text);
        Document {
            norm,
            tokens,
            sentences,
            paragraphs,
            types,
            type_count,
        }
    }

    /// The folded text of token `i`.
    pub fn text(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.norm.text[t.start as usize..t.end as usize]
    }

    /// The original span of tokens `from..to` (exclusive).
    pub fn span(&self, from: usize, to: usize) -> Span {
        debug_assert!(from < to && to <= self.tokens.len());
        self.norm.span(
            self.tokens[from].start as usize,
            self.tokens[to - 1].end as usize,
        )
    }

    /// The folded text of tokens `from..to`, as written (spaces kept).
    pub fn folded(&self, from: usize, to: usize) -> &str {
        if from >= to {
            return "";
        }
        &self.norm.text[self.tokens[from].start as usize..self.tokens[to - 1].end as usize]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// A dot after a one-letter word (د. for doctor) or between initials does not end a sentence.
fn is_abbreviation(tokens: &[Token], text: &str) -> bool {
    let n = tokens.len();
    if n < 2 || tokens[n - 1].kind != TokenKind::Punct('.') {
        return false;
    }
    let prev = &tokens[n - 2];
    prev.kind == TokenKind::Word
        && prev.end == tokens[n - 1].start
        && text[prev.start as usize..prev.end as usize].chars().count() == 1
}

/// The type of a punctuation token.
pub const NO_TYPE: u32 = u32::MAX;

/// Numbers the distinct texts of the words.
fn types(tokens: &[Token], text: &str) -> (Vec<u32>, usize) {
    // The input decides the keys: a keyed hasher keeps crafted text from flooding the table.
    let mut numbers: std::collections::HashMap<&str, u32, foldhash::fast::RandomState> =
        std::collections::HashMap::default();
    let types = tokens
        .iter()
        .map(|t| {
            if !t.is_word() {
                return NO_TYPE;
            }
            let next = numbers.len() as u32;
            *numbers
                .entry(&text[t.start as usize..t.end as usize])
                .or_insert(next)
        })
        .collect();
    (types, numbers.len())
}

fn ranges(tokens: &[Token], key: impl Fn(&Token) -> u32) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut last = None;
    for (i, t) in tokens.iter().enumerate() {
        let k = key(t);
        if last == Some(k) {
            out.last_mut().expect("a range is open").1 = i + 1;
        } else {
            out.push((i, i + 1));
            last = Some(k);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(src: &str) -> Vec<String> {
        let d = Document::new(src);
        (0..d.len()).map(|i| d.text(i).to_string()).collect()
    }

    #[test]
    fn tokens_split_words_and_punctuation() {
        assert_eq!(
            words("وقال المصدر: «نعم»، ثم غادر."),
            [
                "وقال",
                "المصدر",
                ":",
                "«",
                "نعم",
                "»",
                "،",
                "ثم",
                "غادر",
                "."
            ]
        );
    }

    #[test]
    fn numbers_keep_inner_separators() {
        assert_eq!(
            words("بلغ 3.5 في 7/10 و٧٠%"),
            ["بلغ", "3.5", "في", "7/10", "و70", "%"]
        );
    }

    #[test]
    fn sentences_end_at_stops_and_line_breaks_not_commas() {
        let d = Document::new("قال، أضاف. نفى؟ أكد! ذكر؛ كتب\nرأى");
        assert_eq!(d.sentences.len(), 6);
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn abbreviation_dot_does_not_end_sentence() {
        let d = Document::new("وقال د. أحمد إن الوضع مستقر.");
        assert_eq!(d.sentences.len(), 1);
    }

    #[test]
    fn closing_quote_after_stop_stays_in_sentence() {
        let d = Document::new("قال: «انتهى.» ثم غادر.");
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.text(d.sentences[0].1 - 1), "»");
    }

    #[test]
    fn spans_point_into_original() {
        let src = "وقـال المصدرُ إن";
        let d = Document::new(src);
        assert_eq!(d.span(0, 2).text(src), "وقـال المصدرُ");
    }

    #[test]
    fn empty_and_blank_input() {
        assert!(Document::new("").is_empty());
        assert!(Document::new(" \n\r\n\t ").is_empty());
    }
}
