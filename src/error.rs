//! The library's error type: small, structured, and naming the place.

use std::path::PathBuf;

/// Everything that can go wrong inside the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input is not valid UTF-8; `offset` is the byte where decoding failed.
    #[error("input is not valid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input holds a NUL byte: a binary file, not text.
    #[error("input is binary, not text: NUL byte at offset {offset}")]
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The input is larger than the limit the caller set.
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// The input's size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// A stream (standard input, a pipe, a device) or a JSON Lines line went past the limit;
    /// it is not read further, so its size is unknown.
    #[error("input is over the limit of {limit} bytes")]
    OverLimit {
        /// The limit.
        limit: usize,
    },
    /// The input is UTF-16, which isnad does not read.
    #[error("input is UTF-16 ({order}), not UTF-8: convert it first (iconv -f UTF-16 -t UTF-8)")]
    Utf16 {
        /// Byte order as found: `little-endian` or `big-endian`.
        order: &'static str,
    },
    /// A document could not be read. The cause is in the message, not in the error chain,
    /// so that printing the chain says it once.
    #[error("cannot read {path}: {cause}")]
    Read {
        /// The path (or `<stdin>`).
        path: PathBuf,
        /// The underlying error.
        cause: std::io::Error,
    },
    /// A JSON Lines record is malformed.
    #[error("{at}: {message}")]
    Record {
        /// `FILE:LINE`.
        at: String,
        /// What is wrong with it.
        message: String,
    },
    /// A lexicon file has a malformed line.
    #[error("lexicon {file}, line {line}: {message}")]
    Lexicon {
        /// The file (embedded name or path).
        file: String,
        /// One-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A lexicon directory or file could not be read.
    #[error("cannot read lexicon {path}: {cause}")]
    LexiconIo {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        cause: std::io::Error,
    },
}

impl Error {
    /// Whether the error is the input's fault (as opposed to the system's: an unreadable file).
    pub fn is_bad_input(&self) -> bool {
        !matches!(self, Error::Read { .. } | Error::LexiconIo { .. })
    }

    /// Whether raising `--max-bytes` would let the input through.
    pub fn is_too_large(&self) -> bool {
        matches!(self, Error::TooLarge { .. } | Error::OverLimit { .. })
    }
}

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    /// An I/O error is said once when the error and its chain are printed.
    #[test]
    fn a_read_error_has_no_second_cause() {
        let e = Error::Read {
            path: "x.txt".into(),
            cause: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        assert!(std::error::Error::source(&e).is_none());
        let shown = format!("{:#}", anyhow::Error::new(e));
        assert_eq!(shown.matches("not found").count(), 1, "{shown}");
    }
}
