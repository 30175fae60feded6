//! Where output goes: standard output, a device or pipe written through, or a regular file
//! replaced whole. A regular file is written to a temporary file beside it — created
//! exclusively under a random name, synced, then renamed over the target — so a failed,
//! interrupted or panicking run leaves the target as it was and no temporary file behind. A
//! symlink is followed, so its target is what gets written.

use std::fs::{File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Why output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The folder the output should go into does not exist.
    #[error("cannot write {path}: the folder {dir} does not exist")]
    NoFolder {
        /// The path as the user gave it.
        path: PathBuf,
        /// Its folder.
        dir: PathBuf,
    },
    /// The target is a directory.
    #[error("cannot write {path}: it is a directory")]
    IsDirectory {
        /// The path as the user gave it.
        path: PathBuf,
    },
    /// Writing, syncing or renaming failed.
    #[error("cannot write {}: {cause}", display(.path))]
    Io {
        /// The path as the user gave it (none for standard output).
        path: Option<PathBuf>,
        /// The underlying error.
        cause: std::io::Error,
    },
}

fn display(path: &Option<PathBuf>) -> String {
    match path {
        Some(p) => p.display().to_string(),
        None => "standard output".into(),
    }
}

impl OutputError {
    /// Whether the reader of a pipe went away (`isnad … | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, OutputError::Io { cause, .. } if cause.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Temporary files not yet renamed into place, removed by [`remove_pending`] when a signal
/// ends the process.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic while holding the lock leaves a list that is still right.
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes every temporary file still open; for a signal handler about to end the process.
pub fn remove_pending() {
    for p in pending().drain(..) {
        let _ = std::fs::remove_file(p);
    }
}

/// A temporary file that removes itself unless it was renamed into place.
struct Temp {
    path: PathBuf,
    kept: bool,
}

impl Temp {
    fn forget(&mut self) {
        self.kept = true;
        pending().retain(|p| p != &self.path);
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
            pending().retain(|p| p != &self.path);
        }
    }
}

/// A random 64-bit number: the standard hasher's keys come from the system's randomness, and
/// the counter and clock keep two draws in one process apart.
fn random() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u32(std::process::id());
    if let Ok(t) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        h.write_u128(t.as_nanos());
    }
    h.finish()
}

/// Creates a new file beside `target`, exclusively, under a name drawn from `draw`: a name
/// someone else holds (another process, even one with the same pid in another namespace) is
/// never opened, and another is drawn.
fn create_temp(target: &Path, mut draw: impl FnMut() -> u64) -> std::io::Result<(File, Temp)> {
    let dir = parent(target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Bounded so that a long target name still gives a legal temporary name.
    let short: String = name.chars().take(64).collect();
    let mut last = None;
    for _ in 0..64 {
        let tmp = dir.join(format!(".{short}.{:016x}.isnad-tmp", draw()));
        // Registered before it exists, so a signal between the two leaves nothing behind.
        pending().push(tmp.clone());
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => {
                return Ok((
                    f,
                    Temp {
                        path: tmp,
                        kept: false,
                    },
                ))
            }
            Err(e) => {
                pending().retain(|p| p != &tmp);
                if e.kind() != std::io::ErrorKind::AlreadyExists {
                    return Err(e);
                }
                last = Some(e);
            }
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temporary name")))
}

fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// What a path names, once symlinks are followed.
enum Target {
    /// A regular file, existing or not, at this resolved path.
    Regular(PathBuf),
    /// Anything else that can be written (a device, a pipe, a socket), or a file named
    /// through /dev or /proc.
    Through,
}

/// Follows `path` to what it names. A dangling symlink names the file it points to.
fn resolve(path: &Path) -> Result<Target, OutputError> {
    // /dev/stdout and /proc/self/fd/N name an open file (a shell's `>` or `>>`), which is
    // written through: replacing it would put the output beside what the shell holds.
    let system = path.starts_with("/dev") || path.starts_with("/proc");
    match std::fs::metadata(path) {
        Ok(m) if system && !m.is_dir() => Ok(Target::Through),
        Ok(m) if m.is_dir() => Err(OutputError::IsDirectory {
            path: path.to_path_buf(),
        }),
        Ok(m) if m.is_file() => {
            let real = std::fs::canonicalize(path).map_err(|cause| OutputError::Io {
                path: Some(path.to_path_buf()),
                cause,
            })?;
            Ok(Target::Regular(real))
        }
        Ok(_) => Ok(Target::Through),
        Err(_) => {
            // Not there: follow a dangling symlink to the file it would create.
            let mut at = path.to_path_buf();
            for _ in 0..40 {
                match std::fs::read_link(&at) {
                    Ok(next) => at = parent(&at).join(next),
                    Err(_) => break,
                }
            }
            let dir = parent(&at);
            if !dir.is_dir() {
                return Err(OutputError::NoFolder {
                    path: path.to_path_buf(),
                    dir: parent(path).to_path_buf(),
                });
            }
            Ok(Target::Regular(at))
        }
    }
}

/// Where output is being written.
pub struct Sink {
    out: BufWriter<Box<dyn Write + Send>>,
    /// The path the user named, for messages.
    shown: Option<PathBuf>,
    /// For a regular file: the temporary file, its handle to sync, and the resolved target.
    replace: Option<(Temp, File, PathBuf)>,
}

impl Sink {
    /// Output to `path`, or to standard output without one.
    pub fn open(path: Option<&Path>) -> Result<Sink, OutputError> {
        Sink::open_with(path, random)
    }

    fn open_with(path: Option<&Path>, draw: impl FnMut() -> u64) -> Result<Sink, OutputError> {
        let Some(path) = path else {
            return Ok(Sink {
                out: BufWriter::new(Box::new(std::io::stdout())),
                shown: None,
                replace: None,
            });
        };
        let io = |cause| OutputError::Io {
            path: Some(path.to_path_buf()),
            cause,
        };
        match resolve(path)? {
            Target::Through => {
                // Appending: a file behind /dev/stdout keeps what the shell put before.
                let f = OpenOptions::new().append(true).open(path).map_err(io)?;
                Ok(Sink {
                    out: BufWriter::new(Box::new(f)),
                    shown: Some(path.to_path_buf()),
                    replace: None,
                })
            }
            Target::Regular(real) => {
                let (file, temp) = create_temp(&real, draw).map_err(io)?;
                // The replacement keeps the permissions of the file it replaces.
                if let Ok(m) = std::fs::metadata(&real) {
                    let _ = file.set_permissions(m.permissions());
                }
                let handle = file.try_clone().map_err(io)?;
                Ok(Sink {
                    out: BufWriter::new(Box::new(file)),
                    shown: Some(path.to_path_buf()),
                    replace: Some((temp, handle, real)),
                })
            }
        }
    }

    fn error(&self, cause: std::io::Error) -> OutputError {
        OutputError::Io {
            path: self.shown.clone(),
            cause,
        }
    }

    /// Writes bytes as they are.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), OutputError> {
        self.out.write_all(bytes).map_err(|e| self.error(e))
    }

    /// Writes a record, ending it with a newline if it has none; an empty one writes nothing.
    pub fn line(&mut self, s: &str) -> Result<(), OutputError> {
        if s.is_empty() {
            return Ok(());
        }
        self.write(s.as_bytes())?;
        if !s.ends_with('\n') {
            self.write(b"\n")?;
        }
        Ok(())
    }

    /// Ends the output: flushed, and a regular file synced and renamed into place. On error
    /// the temporary file is removed and the target left as it was.
    pub fn finish(mut self) -> Result<(), OutputError> {
        self.out.flush().map_err(|e| self.error(e))?;
        let Some((mut temp, handle, real)) = self.replace.take() else {
            return Ok(());
        };
        handle.sync_all().map_err(|e| self.error(e))?;
        std::fs::rename(&temp.path, &real).map_err(|e| self.error(e))?;
        temp.forget();
        // The rename itself is durable once the folder is synced; not every system can.
        if let Ok(dir) = File::open(parent(&real)) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

/// A regular file written in full but not yet synced and put in place; dropped, it is removed.
pub struct Staged {
    temp: Temp,
    real: PathBuf,
    shown: PathBuf,
}

impl Sink {
    /// Ends the output like [`Sink::finish`], except that a regular file is left staged for
    /// [`commit`], which syncs many at the cost of one. Other targets are done here.
    pub fn stage(mut self) -> Result<Option<Staged>, OutputError> {
        self.out.flush().map_err(|e| self.error(e))?;
        Ok(self.replace.take().map(|(temp, _, real)| Staged {
            temp,
            real,
            shown: self.shown.clone().unwrap_or_default(),
        }))
    }
}

/// Syncs staged files and renames each into place: one sync of their file system when they
/// share a folder (a file's own sync costs milliseconds, too many for thousands of pages),
/// else one per file. Returns what failed, each naming its path as given.
pub fn commit(staged: Vec<Staged>) -> Vec<OutputError> {
    let io = |s: &Staged, cause| OutputError::Io {
        path: Some(s.shown.clone()),
        cause,
    };
    let Some(first) = staged.first() else {
        return Vec::new();
    };
    let dir = parent(&first.real).to_path_buf();
    let one_folder = staged.iter().all(|s| parent(&s.real) == dir);
    let mut errors = Vec::new();
    let synced = one_folder && sync_file_system(&dir).is_ok();
    let mut placed = Vec::new();
    for mut s in staged {
        if !synced {
            let each = File::open(&s.temp.path).and_then(|f| f.sync_all());
            if let Err(e) = each {
                errors.push(io(&s, e));
                continue;
            }
        }
        match std::fs::rename(&s.temp.path, &s.real) {
            Ok(()) => {
                s.temp.forget();
                let d = parent(&s.real).to_path_buf();
                if !placed.contains(&d) {
                    placed.push(d);
                }
            }
            Err(e) => errors.push(io(&s, e)),
        }
    }
    for d in placed {
        if let Ok(f) = File::open(d) {
            let _ = f.sync_all();
        }
    }
    errors
}

/// Flushes the file system that holds `dir` to its disk.
fn sync_file_system(dir: &Path) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let f = File::open(dir)?;
    // SAFETY: syncfs takes a descriptor this function holds open.
    if unsafe { libc::syncfs(f.as_raw_fd()) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Writes `bytes` to `path` (standard output without one) through a [`Sink`].
pub fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<(), OutputError> {
    let mut sink = Sink::open(path)?;
    sink.write(bytes)?;
    sink.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("isnad-output-{name}-{}", random()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_temporary_name_taken_by_someone_else_is_never_opened() {
        let dir = scratch("collide");
        let target = dir.join("out.json");
        // Two writers drawing the same first name, as two processes with one pid in separate
        // namespaces would with a pid-based name.
        let mut first = Sink::open_with(Some(&target), || 7).unwrap();
        let mut draws = [7u64, 7, 9].into_iter();
        let mut second = Sink::open_with(Some(&target), move || draws.next().unwrap()).unwrap();
        first.write(b"first\n").unwrap();
        second.write(b"second\n").unwrap();
        assert_eq!(entries(&dir).len(), 2, "two temporary files");
        first.finish().unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"first\n");
        second.finish().unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"second\n");
        assert_eq!(entries(&dir), ["out.json"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn staged_files_are_committed_together_or_removed() {
        let dir = scratch("staged");
        let mut staged = Vec::new();
        for name in ["a.html", "b.html"] {
            let mut s = Sink::open(Some(&dir.join(name))).unwrap();
            s.write(name.as_bytes()).unwrap();
            staged.push(s.stage().unwrap().unwrap());
        }
        assert_eq!(entries(&dir).len(), 2);
        assert!(entries(&dir).iter().all(|n| n.ends_with(".isnad-tmp")));
        assert!(commit(staged).is_empty());
        assert_eq!(entries(&dir), ["a.html", "b.html"]);
        assert_eq!(std::fs::read(dir.join("b.html")).unwrap(), b"b.html");
        let mut s = Sink::open(Some(&dir.join("c.html"))).unwrap();
        s.write(b"c").unwrap();
        drop(s.stage().unwrap());
        assert_eq!(entries(&dir), ["a.html", "b.html"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_panic_leaves_no_temporary_file() {
        let dir = scratch("panic");
        let target = dir.join("out.txt");
        std::fs::write(&target, b"old").unwrap();
        let t = target.clone();
        let r = std::panic::catch_unwind(move || {
            let mut s = Sink::open(Some(&t)).unwrap();
            s.write(b"new").unwrap();
            panic!("while writing");
        });
        assert!(r.is_err());
        assert_eq!(entries(&dir), ["out.txt"]);
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// A temporary file is on the list a signal empties while it exists, and only then (the
    /// emptying itself is tested through the program: here it would race the other tests).
    #[test]
    fn open_temporary_files_are_listed_for_a_signal() {
        let dir = scratch("signal");
        let target = dir.join("out.txt");
        let mut s = Sink::open(Some(&target)).unwrap();
        s.write(b"half").unwrap();
        let tmp = dir.join(&entries(&dir)[0]);
        assert!(pending().contains(&tmp));
        s.finish().unwrap();
        assert!(!pending().contains(&tmp));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_symlink_is_written_through_and_kept() {
        let dir = scratch("link");
        let real = dir.join("real.txt");
        std::fs::write(&real, b"old").unwrap();
        let link = dir.join("link.txt");
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        write_output(Some(&link), b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        // A dangling link creates the file it points to.
        let dangling = dir.join("dangling.txt");
        std::os::unix::fs::symlink("made.txt", &dangling).unwrap();
        write_output(Some(&dangling), b"made").unwrap();
        assert_eq!(std::fs::read(dir.join("made.txt")).unwrap(), b"made");
        assert!(std::fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_missing_folder_and_a_directory_are_named_as_given() {
        let dir = scratch("missing");
        let path = dir.join("nope").join("out.txt");
        let e = write_output(Some(&path), b"x").unwrap_err().to_string();
        assert!(e.contains(&path.display().to_string()), "{e}");
        assert!(!e.contains("isnad-tmp"), "{e}");
        let e = write_output(Some(&dir), b"x").unwrap_err().to_string();
        assert!(e.contains("is a directory"), "{e}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
