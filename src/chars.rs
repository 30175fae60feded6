//! Character classes with a table for the first 2048 code points (Latin through Arabic and
//! Syriac), where nearly all of the text is: the standard library's Unicode lookups are a
//! search per character. Answers are those of `char::is_alphabetic` and
//! `char::is_alphanumeric`.

use std::sync::OnceLock;

/// Code points below this are answered from the tables.
const TABLED: u32 = 0x800;
const WORDS: usize = TABLED as usize / 64;

struct Tables {
    alphabetic: [u64; WORDS],
    alphanumeric: [u64; WORDS],
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = Tables {
            alphabetic: [0; WORDS],
            alphanumeric: [0; WORDS],
        };
        for c in (0..TABLED).filter_map(char::from_u32) {
            let (w, bit) = (c as usize / 64, 1u64 << (c as u32 % 64));
            if c.is_alphabetic() {
                t.alphabetic[w] |= bit;
            }
            if c.is_alphanumeric() {
                t.alphanumeric[w] |= bit;
            }
        }
        t
    })
}

fn lookup(table: &[u64; WORDS], c: char) -> bool {
    let c = c as u32;
    table[c as usize / 64] & (1 << (c % 64)) != 0
}

/// `c.is_alphabetic()`.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if (c as u32) < TABLED {
        lookup(&tables().alphabetic, c)
    } else {
        c.is_alphabetic()
    }
}

/// `c.is_alphanumeric()`.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if (c as u32) < TABLED {
        lookup(&tables().alphanumeric, c)
    } else {
        c.is_alphanumeric()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn tables_agree_with_the_standard_library() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(super::is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
