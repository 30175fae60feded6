//! Stage 1: bytes to text. Strict UTF-8 by default; lossy on request.

use std::borrow::Cow;

use crate::error::{Error, Result};

/// The largest input read by default: 64 MiB, far above any article; archives are read as
/// many documents.
pub const DEFAULT_MAX_BYTES: usize = 64 << 20;

/// Decodes `bytes` as UTF-8. A byte-order mark is kept in the text (offsets stay true) and folded
/// away later by normalization. A NUL byte marks a binary file, which is refused.
pub fn decode(bytes: &[u8]) -> Result<&str> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    match memchr::memchr(0, bytes) {
        Some(offset) => Err(Error::Binary { offset }),
        None => Ok(text),
    }
}

/// Decodes owned bytes without copying them, under the same rules as [`decode`].
pub fn decode_owned(bytes: Vec<u8>) -> Result<String> {
    let text = String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    refuse_binary(&text)?;
    Ok(text)
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
