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

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
