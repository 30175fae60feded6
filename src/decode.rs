//! Stage 1: bytes to text. Strict UTF-8 by default; lossy on request.

use std::borrow::Cow;

use crate::error::{Error, Result};

/// The largest input read by default: 64 MiB, far above any article; archives are read as
/// many documents.
pub const DEFAULT_MAX_BYTES: usize = 64 << 20;

/// Decodes `bytes` as UTF-8. A byte-order mark is kept in the text (offsets stay true) and folded
/// away later by normalization. A NUL byte marks a binary file, which is refused.
pub fn decode(bytes: &[u8]) -> Result<&str> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        utf16(bytes).unwrap_or(Error::InvalidUtf8 {
            offset: e.valid_up_to(),
        })
    })?;
    match memchr::memchr(0, bytes) {
        Some(offset) => Err(utf16(bytes).unwrap_or(Error::Binary { offset })),
        None => Ok(text),
    }
}

/// Decodes owned bytes without copying them, under the same rules as [`decode`].
pub fn decode_owned(bytes: Vec<u8>) -> Result<String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        utf16(e.as_bytes()).unwrap_or(Error::InvalidUtf8 {
            offset: e.utf8_error().valid_up_to(),
        })
    })?;
    if let Err(e) = refuse_binary(&text) {
        return Err(utf16(text.as_bytes()).unwrap_or(e));
    }
    Ok(text)
}

/// Names UTF-16 input that failed as UTF-8: by its byte-order mark, or, without one, by NUL
/// bytes that all fall on one side of each byte pair (the high half of ASCII spaces and
/// digits), which a binary file's do not.
fn utf16(bytes: &[u8]) -> Option<Error> {
    match bytes {
        [0xFF, 0xFE, ..] => {
            return Some(Error::Utf16 {
                order: "little-endian",
            })
        }
        [0xFE, 0xFF, ..] => {
            return Some(Error::Utf16 {
                order: "big-endian",
            })
        }
        _ => {}
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    match (even, odd) {
        (0, n) if n >= 2 => Some(Error::Utf16 {
            order: "little-endian",
        }),
        (n, 0) if n >= 2 => Some(Error::Utf16 {
            order: "big-endian",
        }),
        _ => None,
    }
}

/// Refuses a text that holds a NUL, the mark of a binary file.
pub fn refuse_binary(text: &str) -> Result<()> {
    match memchr::memchr(0, text.as_bytes()) {
        Some(offset) => Err(Error::Binary { offset }),
        None => Ok(()),
    }
}

/// Refuses an input over `limit` bytes.
pub fn check_size(bytes: &[u8], limit: usize) -> Result<()> {
    if bytes.len() > limit {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit,
        });
    }
    Ok(())
}

/// Decodes `bytes`, replacing invalid sequences with U+FFFD. Offsets then refer to the
/// replaced text, which the caller must use as the input.
pub fn decode_lossy(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_byte_is_binary() {
        let err = decode(b"abc\0def").unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 3 }), "{err}");
        assert!(decode_lossy(b"abc\0def").contains('\0'));
    }

    #[test]
    fn size_limit() {
        assert!(check_size(b"12345", 5).is_ok());
        let err = check_size(b"123456", 5).unwrap_err();
        assert_eq!(
            err.to_string(),
            "input is 6 bytes, over the limit of 5 bytes"
        );
    }

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn utf16_is_named_as_such() {
        for bom in [true, false] {
            let bytes = utf16le("قال الوزير إن الجلسة تأجلت.", bom);
            let e = decode(&bytes).unwrap_err();
            assert!(
                matches!(
                    e,
                    Error::Utf16 {
                        order: "little-endian"
                    }
                ),
                "{e}"
            );
            let e = decode_owned(bytes).unwrap_err();
            assert!(e.to_string().contains("UTF-16"), "{e}");
        }
        let mut be = vec![0xFE, 0xFF];
        be.extend("said".encode_utf16().flat_map(u16::to_be_bytes));
        assert!(matches!(
            decode(&be),
            Err(Error::Utf16 {
                order: "big-endian"
            })
        ));
        // A binary file's NULs fall on both sides.
        assert!(matches!(
            decode(b"\0\0ab\0\0"),
            Err(Error::Binary { offset: 0 })
        ));
    }

    #[test]
    fn valid_text_passes_through() {
        assert_eq!(decode("قال الوزير".as_bytes()).unwrap(), "قال الوزير");
    }

    #[test]
    fn invalid_byte_is_located() {
        let mut bytes = "قال".as_bytes().to_vec();
        bytes.push(0xff);
        match decode(&bytes) {
            Err(Error::InvalidUtf8 { offset }) => assert_eq!(offset, 6),
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn truncated_sequence_is_located() {
        let bytes = &"قال".as_bytes()[..5];
        assert!(matches!(
            decode(bytes),
            Err(Error::InvalidUtf8 { offset: 4 })
        ));
    }

    #[test]
    fn lossy_replaces() {
        assert_eq!(decode_lossy(&[b'a', 0xff, b'b']), "a\u{fffd}b");
    }
}
