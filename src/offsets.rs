//! Where each byte of the folded text came from in the original, stored by pieces: most
//! characters fold to a character of the same length, so long runs of the folded text sit at a
//! constant distance from the original and need one entry each. A byte-by-byte table would
//! take eight bytes per byte of input.

/// A stretch of folded text from `at` up to the next piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// First folded byte.
    at: u32,
    /// A run: each char is the original char at `orig + (its offset - at)`, of the same length.
    /// Otherwise every byte comes from the original range `orig..end`.
    orig: u32,
    /// `None` for a run.
    end: Option<u32>,
}

/// For every folded byte, the original range of the character it came from.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// Records that the char of `len` bytes at folded byte `at` came from `start..end`.
    #[inline]
    pub fn push(&mut self, at: usize, len: usize, start: u32, end: u32) {
        let at = at as u32;
        if let Some(last) = self.pieces.last() {
            let continues = match last.end {
                None => end - start == len as u32 && start - last.orig == at - last.at,
                Some(e) => last.orig == start && e == end,
            };
            if continues {
                return;
            }
        }
        let end = (end - start != len as u32).then_some(end);
        self.pieces.push(Piece {
            at,
            orig: start,
            end,
        });
    }

    /// Extends the original range of the char at folded bytes `from..` (the last one, in
    /// `text`) to `end`.
    pub fn extend_last(&mut self, text: &str, from: usize, end: u32) {
        let start = self.get(text, from).0;
        let last = self.pieces.last_mut().expect("a char was pushed");
        let piece = Piece {
            at: from as u32,
            orig: start,
            end: Some(end),
        };
        if last.at as usize == from {
            *last = piece;
        } else {
            self.pieces.push(piece);
        }
    }

    /// The original range of the char holding folded byte `k` of `text`.
    pub fn get(&self, text: &str, k: usize) -> (u32, u32) {
        let i = self.pieces.partition_point(|p| p.at as usize <= k) - 1;
        let p = &self.pieces[i];
        match p.end {
            Some(end) => (p.orig, end),
            None => {
                let bytes = text.as_bytes();
                let mut cs = k;
                while bytes[cs] & 0xC0 == 0x80 {
                    cs -= 1;
                }
                let len = text[cs..].chars().next().map_or(1, char::len_utf8);
                let start = p.orig + (cs as u32 - p.at);
                (start, start + len as u32)
            }
        }
    }
}
