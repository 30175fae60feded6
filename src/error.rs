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
    /// A document could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The path (or `<stdin>`).
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
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
    #[error("cannot read lexicon {path}: {source}")]
    LexiconIo {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Error {
    /// Whether the error is the input's fault (as opposed to the system's: an unreadable file).
    pub fn is_bad_input(&self) -> bool {
        !matches!(self, Error::Read { .. } | Error::LexiconIo { .. })
    }
}

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
