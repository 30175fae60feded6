//! Reliability of input and output: bounded reading, output that never clobbers what it
//! writes to, failures that stay alone, signals, broken pipes and what reaches the terminal.

mod support;

use std::io::{Read, Write};
use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use support::{is_root, run, run_limited, TempDir};

const SENTENCE: &str = "وقال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا.";
const GIB: u64 = 1 << 30;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(ok.success());
}

/// Reads a FIFO to its end on a thread of its own.
fn drain(path: &Path) -> std::thread::JoinHandle<Vec<u8>> {
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let mut v = Vec::new();
        std::fs::File::open(&path)
            .expect("the FIFO opens")
            .read_to_end(&mut v)
            .expect("the FIFO reads");
        v
    })
}

#[test]
fn output_onto_a_fifo_is_written_into_it() {
    let dir = TempDir::new();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let reader = drain(&fifo);
    let r = run(
        [
            "analyze".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            "-o".as_ref(),
            fifo.as_os_str(),
        ],
        SENTENCE.as_bytes(),
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    // Checked before joining the reader, which a replaced FIFO would leave waiting forever.
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
    assert_eq!(dir.entries(), ["pipe"]);
    let got = reader.join().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&got).expect("JSON through the FIFO");
    assert_eq!(json["schema"], "isnad/1");
}

/// Device nodes made in the test's own directory, never a system one; only root may make them.
fn device(dir: &TempDir, name: &str, minor: &str) -> Option<std::path::PathBuf> {
    if !is_root() {
        eprintln!("skipped: making a device node needs root");
        return None;
    }
    let path = dir.path().join(name);
    let made = Command::new("mknod")
        .arg(&path)
        .args(["c", "1", minor])
        .status()
        .ok()?;
    if !made.success() {
        eprintln!("skipped: mknod is not allowed here");
        return None;
    }
    Some(path)
}

#[test]
fn output_onto_a_character_device_writes_into_it() {
    let dir = TempDir::new();
    // 1:3 is a null device, 1:7 a full one.
    let Some(null) = device(&dir, "null", "3") else {
        return;
    };
    let r = run(
        ["analyze".as_ref(), "-o".as_ref(), null.as_os_str()],
        SENTENCE.as_bytes(),
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let kind = std::fs::symlink_metadata(&null).unwrap().file_type();
    assert!(kind.is_char_device(), "the device node is still one");
    let Some(full) = device(&dir, "full", "7") else {
        return;
    };
    let r = run(
        ["analyze".as_ref(), "-o".as_ref(), full.as_os_str()],
        SENTENCE.as_bytes(),
    );
    assert_eq!(
        r.code,
        Some(74),
        "a full device is an I/O error: {}",
        r.stderr
    );
    assert!(r.stderr.contains("full"), "{}", r.stderr);
    let kind = std::fs::symlink_metadata(&full).unwrap().file_type();
    assert!(kind.is_char_device());
    assert_eq!(dir.entries(), ["full", "null"]);
}

#[test]
fn output_to_dev_stdout_appends_to_the_file_the_shell_opened() {
    let dir = TempDir::new();
    let log = dir.file("log", b"before\n");
    let file = std::fs::OpenOptions::new().append(true).open(&log).unwrap();
    let status = bin()
        .args(["analyze", "-o", "/dev/stdout"])
        .stdin(std::fs::File::open(dir.file("in.txt", SENTENCE.as_bytes())).unwrap())
        .stdout(file)
        .status()
        .unwrap();
    assert!(status.success());
    let got = std::fs::read_to_string(&log).unwrap();
    assert!(
        got.starts_with("before\n") && got.contains("الاجتماع"),
        "{got}"
    );
    assert_eq!(dir.entries(), ["in.txt", "log"]);
}

#[test]
fn output_through_a_symlink_writes_its_target() {
    let dir = TempDir::new();
    let real = dir.file("real.json", b"old");
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let r = run(
        ["analyze".as_ref(), "-o".as_ref(), link.as_os_str()],
        SENTENCE.as_bytes(),
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().contains("الاجتماع"));
    assert_eq!(dir.entries(), ["link.json", "real.json"]);
}

#[test]
fn dev_zero_over_max_bytes_is_refused_in_little_memory() {
    for args in [
        vec!["analyze", "/dev/zero", "--max-bytes", "1000"],
        vec!["analyze", "--max-bytes", "1000"],
    ] {
        let stdin = std::fs::File::open("/dev/zero").expect("/dev/zero opens for reading");
        let r = run_limited(&args, stdin.into(), GIB, Duration::from_secs(60));
        assert_eq!(r.run.code, Some(65), "{args:?}: {}", r.run.stderr);
        assert!(
            r.run.stderr.contains("over the limit of 1000 bytes"),
            "{}",
            r.run.stderr
        );
        assert!(r.run.stderr.contains("--max-bytes"), "{}", r.run.stderr);
        assert!(
            r.max_rss_kib < 50 * 1024,
            "{args:?}: {} KiB at peak",
            r.max_rss_kib
        );
        eprintln!("{args:?}: {} KiB at peak", r.max_rss_kib);
    }
}

#[test]
fn a_long_json_lines_line_fails_alone_without_being_kept() {
    let long = format!(
        "{{\"id\": \"long\", \"text\": \"{}\"}}\n",
        "قال ".repeat(5_000_000)
    );
    let input = long + &format!("{{\"id\": \"short\", \"text\": \"{SENTENCE}\"}}\n");
    let dir = TempDir::new();
    let path = dir.file("in.jsonl", input.as_bytes());
    let r = run_limited(
        [
            "analyze".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            "--max-bytes".as_ref(),
            "10000".as_ref(),
            path.as_os_str(),
        ],
        Stdio::null(),
        GIB,
        Duration::from_secs(60),
    );
    assert_eq!(r.run.code, Some(65), "{}", r.run.stderr);
    let out = String::from_utf8(r.run.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].contains("\"error\"") && lines[0].contains(":1"),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("\"id\":\"short\""), "{}", lines[1]);
    // 30 MB of line was read past, not kept.
    assert!(r.max_rss_kib < 50 * 1024, "{} KiB at peak", r.max_rss_kib);
}

#[test]
fn max_bytes_beyond_what_offsets_hold_is_a_usage_error() {
    let r = run(["analyze", "--max-bytes", "5000000000"], b"");
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    let r = run(
        ["analyze", "--max-bytes", "1073741824"],
        SENTENCE.as_bytes(),
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

#[test]
fn a_fifo_or_device_link_in_a_directory_is_skipped_with_a_note() {
    let dir = TempDir::new();
    dir.file("a.txt", SENTENCE.as_bytes());
    mkfifo(&dir.path().join("b.txt"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("c.txt")).unwrap();
    let r = run_limited(
        [
            "analyze".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            dir.path().as_os_str(),
        ],
        Stdio::null(),
        GIB,
        Duration::from_secs(60),
    );
    assert_eq!(r.run.code, Some(0), "{}", r.run.stderr);
    assert_eq!(String::from_utf8_lossy(&r.run.stdout).lines().count(), 1);
    for name in ["b.txt", "c.txt"] {
        let note = r.run.stderr.lines().find(|l| l.contains(name));
        let note = note.unwrap_or_else(|| panic!("a note on {name}: {}", r.run.stderr));
        assert!(note.contains("skipped"), "{note}");
    }
}

/// Makes `depth` folders named `name`, one in the other, under `dir`, and a text file at the
/// bottom: each made relative to the last, since the whole path is too long to name.
fn nest(dir: &Path, name: &str, depth: usize) {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let top = CString::new(dir.as_os_str().as_bytes()).unwrap();
    let name = CString::new(name).unwrap();
    // SAFETY: plain system calls on descriptors this function opens and closes.
    unsafe {
        let mut fd = libc::open(top.as_ptr(), libc::O_DIRECTORY | libc::O_RDONLY);
        assert!(fd >= 0);
        for _ in 0..depth {
            assert_eq!(libc::mkdirat(fd, name.as_ptr(), 0o755), 0);
            let next = libc::openat(fd, name.as_ptr(), libc::O_DIRECTORY | libc::O_RDONLY);
            assert!(next >= 0);
            libc::close(fd);
            fd = next;
        }
        let file = CString::new("e.txt").unwrap();
        let f = libc::openat(fd, file.as_ptr(), libc::O_CREAT | libc::O_WRONLY, 0o644);
        assert!(f >= 0);
        assert_eq!(libc::write(f, b"x".as_ptr().cast(), 1), 1);
        libc::close(f);
        libc::close(fd);
    }
}

#[test]
fn each_unreadable_entry_fails_alone_and_names_itself() {
    let dir = TempDir::new();
    dir.file("a.txt", SENTENCE.as_bytes());
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    dir.file("sub/b.txt", SENTENCE.as_bytes());
    // A link to itself cannot be read, even by root.
    std::os::unix::fs::symlink("loop.txt", dir.path().join("loop.txt")).unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    dir.file("locked/c.txt", SENTENCE.as_bytes());
    // A subdirectory too deep to be named in one path cannot be read, even by root.
    std::fs::create_dir(dir.path().join("deep")).unwrap();
    nest(&dir.path().join("deep"), &"d".repeat(250), 18);
    let locks = !is_root();
    if locks {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let r = run(
        [
            "analyze".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            dir.path().as_os_str(),
        ],
        b"",
    );
    if locks {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert_eq!(r.code, Some(74), "{}", r.stderr);
    let out = r.stdout_text();
    let ids: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert!(ids.iter().any(|i| i.ends_with("a.txt\"")), "{ids:?}");
    assert!(ids.iter().any(|i| i.ends_with("b.txt\"")), "{ids:?}");
    assert!(r.stderr.contains("loop.txt"), "{}", r.stderr);
    assert!(
        r.stderr.contains("/deep/ddd"),
        "the deep folder names itself: {}",
        r.stderr
    );
    if locks {
        assert!(r.stderr.contains("locked"), "{}", r.stderr);
    } else {
        assert!(ids.iter().any(|i| i.ends_with("c.txt\"")), "{ids:?}");
    }
}

#[test]
fn a_signal_leaves_no_temporary_file() {
    for (name, sig) in [("INT", 2), ("TERM", 15), ("HUP", 1)] {
        let dir = TempDir::new();
        let out = dir.path().join("out.jsonl");
        let mut child = bin()
            .args(["analyze", "--input", "jsonl", "--format", "json", "-o"])
            .arg(&out)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "{{\"text\": \"{SENTENCE}\"}}").unwrap();
        // The temporary file exists while the run waits for more input.
        let start = std::time::Instant::now();
        while dir.entries().is_empty() && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(dir.entries().len(), 1, "{name}: {:?}", dir.entries());
        let killed = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        drop(stdin);
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(sig), "{name}: {status:?}");
        assert!(dir.entries().is_empty(), "{name}: {:?}", dir.entries());
    }
}

#[test]
fn a_broken_pipe_stops_the_run() {
    let record = format!("{{\"text\": \"{SENTENCE}\"}}\n");
    let input = record.repeat(200_000);
    let mut child = bin()
        .args(["analyze", "--input", "jsonl", "--format", "json", "-j", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let start = std::time::Instant::now();
    let out = child.wait_with_output().unwrap();
    let wrote = writer.join().unwrap();
    assert!(
        wrote.is_err(),
        "the input was read to its end after the output closed ({:?})",
        start.elapsed()
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_byte_order_mark_before_the_first_record_is_accepted() {
    let input = format!("\u{FEFF}{{\"id\": \"x\", \"text\": \"{SENTENCE}\"}}\n");
    let r = run(
        ["analyze", "--input", "jsonl", "--format", "json"],
        input.as_bytes(),
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout_text().starts_with("{\"id\":\"x\""),
        "{}",
        r.stdout_text()
    );
}

#[test]
fn utf16_input_is_named_as_such() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(SENTENCE.encode_utf16().flat_map(u16::to_le_bytes));
    let r = run(["analyze"], &bytes);
    assert_eq!(r.code, Some(65), "{}", r.stderr);
    assert!(r.stderr.contains("UTF-16"), "{}", r.stderr);
}

#[test]
fn ids_reach_the_terminal_without_control_characters() {
    let input = "{\"id\": \"\\u001b]0;owned\\u0007\\u001b[2J\\u202Eevil\"}\n";
    let r = run(
        ["analyze", "--input", "jsonl", "--format", "json"],
        input.as_bytes(),
    );
    assert_eq!(r.code, Some(65), "{}", r.stderr);
    assert!(r.stderr.contains("evil"), "{}", r.stderr);
    assert!(
        !r.stderr.contains(['\u{1b}', '\u{7}', '\u{202E}']),
        "{:?}",
        r.stderr
    );
    // The output record keeps the id as it is.
    assert!(r.stdout_text().contains("\\u001b"), "{}", r.stdout_text());
    // A text heading does not.
    let input = format!("{{\"id\": \"\\u001b[2Jx\", \"text\": \"{SENTENCE}\"}}\n");
    let r = run(["analyze", "--input", "jsonl"], input.as_bytes());
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout_text().starts_with("# [2Jx\n"),
        "{:?}",
        r.stdout_text()
    );
}

#[test]
fn too_many_worker_threads_are_reported_not_panicked() {
    let dir = TempDir::new();
    dir.file("a.txt", SENTENCE.as_bytes());
    dir.file("b.txt", SENTENCE.as_bytes());
    // Little address space: thread stacks run out long before 100,000 threads.
    let r = run_limited(
        [
            "analyze".as_ref(),
            "-j".as_ref(),
            "100000".as_ref(),
            dir.path().as_os_str(),
        ],
        Stdio::null(),
        512 << 20,
        Duration::from_secs(120),
    );
    assert_eq!(r.run.code, Some(74), "{:?} {}", r.signal, r.run.stderr);
    assert!(r.run.stderr.contains("worker threads"), "{}", r.run.stderr);
    assert!(!r.run.stderr.contains("panicked"), "{}", r.run.stderr);
}

#[test]
fn report_pages_are_unique_and_every_failure_is_reported() {
    let dir = TempDir::new();
    let ids = ["same", "same", "a/b", "a_b", "", "...", "stuck"];
    let input: String = ids
        .iter()
        .map(|id| format!("{{\"id\": \"{id}\", \"text\": \"{SENTENCE}\"}}\n"))
        .collect();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    // A directory where a page should go: that page cannot be written.
    std::fs::create_dir(pages.join("stuck.html")).unwrap();
    let r = run(
        [
            "report".as_ref(),
            "--input".as_ref(),
            "jsonl".as_ref(),
            "-o".as_ref(),
            pages.as_os_str(),
        ],
        input.as_bytes(),
    );
    assert_eq!(r.code, Some(74), "{}", r.stderr);
    assert!(r.stderr.contains("stuck"), "{}", r.stderr);
    let mut names: Vec<String> = std::fs::read_dir(&pages)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "a_b-2.html",
            "a_b.html",
            "document-2.html",
            "document.html",
            "same-2.html",
            "same.html",
            "stuck.html"
        ]
    );
}
