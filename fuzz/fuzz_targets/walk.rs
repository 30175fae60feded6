//! Any bytes as a directory tree (files, folders and symlinks, some pointing at /dev/zero or
//! at themselves), read the way `isnad DIR` reads it: the walk must not panic or block, must
//! read nothing past the limit, and every entry must come out as a document or a failure.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use isnad::batch::{self, Format, Options, Origin, Reader};
use libfuzzer_sys::fuzz_target;

const LIMIT: usize = 256;

static ANALYZER: OnceLock<isnad::Analyzer> = OnceLock::new();

/// A path component from fuzz bytes: a few letters, so names collide and extensions vary.
fn component(bytes: &[u8]) -> String {
    const EXT: [&str; 6] = ["txt", "md", "html", "jsonl", "bin", ""];
    let stem: String = bytes
        .iter()
        .take(3)
        .map(|b| (b'a' + b % 4) as char)
        .collect();
    let ext = EXT[bytes.len() % EXT.len()];
    let hidden = if bytes.first() == Some(&b'.') { "." } else { "" };
    match ext {
        "" => format!("{hidden}{stem}"),
        e => format!("{hidden}{stem}.{e}"),
    }
}

fn build(root: &Path, data: &[u8]) {
    for line in data.split(|&b| b == b'\n').take(32) {
        let Some((&kind, rest)) = line.split_first() else {
            continue;
        };
        let (name, body) = match rest.iter().position(|&b| b == b'\t') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &[][..]),
        };
        let mut path = root.to_path_buf();
        for part in name.split(|&b| b == b'/').take(3) {
            path.push(component(part));
        }
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = match kind % 5 {
            0 | 1 => std::fs::write(&path, body),
            2 => std::fs::create_dir_all(&path),
            3 => std::os::unix::fs::symlink("/dev/zero", &path),
            _ => std::os::unix::fs::symlink(component(body), &path),
        };
    }
}

fuzz_target!(|data: &[u8]| {
    static RUN: AtomicUsize = AtomicUsize::new(0);
    let root: PathBuf = std::env::temp_dir().join(format!(
        "isnad-fuzz-walk-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    build(&root, data);
    let format = match data.first().map(|b| b % 3) {
        Some(1) => Some(Format::Html),
        Some(2) => Some(Format::Jsonl),
        _ => None,
    };
    let reader = Reader::new(vec![Origin::Path(root.clone())], format)
        .limit(LIMIT)
        .notes(|_| {});
    let opts = Options {
        lossy: true,
        max_bytes: LIMIT,
    };
    let analyzer = ANALYZER.get_or_init(isnad::Analyzer::new);
    for item in reader {
        assert!(!item.meta.id.is_empty());
        if let Ok(d) = batch::analyze(analyzer, item, opts) {
            assert!(d.text.len() <= LIMIT * 3, "{}", d.text.len());
        }
    }
    let _ = std::fs::remove_dir_all(&root);
});
