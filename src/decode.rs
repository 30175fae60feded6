//! Stage 1: bytes to text. Strict UTF-8 by default; lossy on request.

use std::borrow::Cow;

use crate::error::{Error, Result};

/// Decodes `bytes` as UTF-8. A byte-order mark is kept in the text (offsets stay true) and folded
/// away later by normalization.
pub fn decode(bytes: &[u8]) -> Result<&str> {
    std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        offset: e.valid_up_to(),
    })
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
