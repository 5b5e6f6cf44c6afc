//! The kiosk log: a small text file of what the kiosk did — starts, content reloads, crashes and,
//! when the clinic asks, counts of results per level. Never answers, never anything personal.
//!
//! Bounded: when the file would pass `max_bytes` it is renamed to `<name>.1` (replacing the old
//! one) and a new file is started, so the log never takes more than twice the limit.
//!
//! Nothing it does can stop the kiosk. Lines are written by a thread of their own, through a
//! queue of [`QUEUE`] lines that drops a line rather than wait when it is full (the number
//! dropped is logged once there is room). The file is written only if it is a regular file (or
//! absent, then created): a FIFO, a device or a folder at `log_path` is refused, checked before
//! opening and again on the open file, which is opened non-blocking — a FIFO with no reader
//! blocked the kiosk in `open` for good. `aftercare check --config` warns of such a path
//! ([`path_problem`]).

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, SyncSender, TrySendError};
use std::time::{Duration, SystemTime};

use crate::content::Level;

/// How many lines may wait for the writer; more are dropped.
pub const QUEUE: usize = 64;

/// How long [`Log::flush`] waits for the writer before the process goes on (to exit).
const FLUSH_WAIT: Duration = Duration::from_secs(1);

/// What the writer thread is asked to do.
enum Job {
    Line(String),
    /// Say when every line before this one is written.
    Flush(SyncSender<()>),
}

/// Where and how much to log; a `Log` with no path writes nothing.
#[derive(Debug, Clone)]
pub struct Log {
    queue: Option<Arc<Queue>>,
}

#[derive(Debug)]
struct Queue {
    tx: SyncSender<Job>,
    dropped: AtomicU64,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Job::Line(_) => "Line",
            Job::Flush(_) => "Flush",
        })
    }
}

impl Log {
    /// A log at `path` (or none), rotated at `max_bytes`. Starts its writer thread; an empty path
    /// is no log.
    pub fn new(path: Option<PathBuf>, max_bytes: u64) -> Self {
        let Some(path) = path.filter(|p| !p.as_os_str().is_empty()) else {
            return Log { queue: None };
        };
        let (tx, rx) = mpsc::sync_channel::<Job>(QUEUE);
        let started = std::thread::Builder::new()
            .name("kiosk log".into())
            .spawn(move || {
                for job in rx {
                    match job {
                        Job::Line(line) => append(&path, max_bytes, &line),
                        Job::Flush(done) => {
                            let _ = done.send(());
                        }
                    }
                }
            });
        Log {
            queue: started.ok().map(|_| {
                Arc::new(Queue {
                    tx,
                    dropped: AtomicU64::new(0),
                })
            }),
        }
    }

    /// Queues one line with a UTC timestamp; never waits. Logging must never stop a kiosk: a
    /// line that finds the queue full is dropped (and counted), and write errors are swallowed.
    pub fn write(&self, event: &str) {
        let Some(q) = &self.queue else { return };
        let stamp = humantime::format_rfc3339_seconds(SystemTime::now());
        let dropped = q.dropped.load(Ordering::Relaxed);
        if dropped > 0 {
            let note = format!("{stamp} {dropped} log lines dropped: the log could not keep up\n");
            if q.tx.try_send(Job::Line(note)).is_ok() {
                q.dropped.fetch_sub(dropped, Ordering::Relaxed);
            }
        }
        let line = format!("{stamp} {}\n", event.replace(['\n', '\r'], " "));
        if let Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) =
            q.tx.try_send(Job::Line(line))
        {
            q.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Waits (at most a second) until the lines queued so far are written: before the process
    /// exits, which would end the writer mid-queue.
    pub fn flush(&self) {
        let Some(q) = &self.queue else { return };
        let (tx, rx) = mpsc::sync_channel(1);
        if q.tx.try_send(Job::Flush(tx)).is_ok() {
            let _ = rx.recv_timeout(FLUSH_WAIT);
        }
    }

    /// Writes the counts of sessions per overall level, e.g. `results expected=3 urgent=1`.
    pub fn counts(&self, counts: &[u64; 5]) {
        let parts: Vec<String> = Level::ALL
            .iter()
            .zip(counts)
            .map(|(l, n)| format!("{}={n}", l.id()))
            .collect();
        self.write(&format!("results {}", parts.join(" ")));
    }
}

/// Appends `line` to the file at `path`, rotating it first if it would pass `max_bytes`; only
/// if it is a regular file or absent, and without ever waiting on it (opened non-blocking).
fn append(path: &Path, max_bytes: u64, line: &str) {
    let size = match fs::metadata(path) {
        Ok(m) if !m.is_file() => return,
        Ok(m) => m.len(),
        Err(_) => 0,
    };
    if size + line.len() as u64 > max_bytes {
        let mut rotated = path.to_path_buf().into_os_string();
        rotated.push(".1");
        let _ = fs::rename(path, rotated);
    }
    let Ok(mut f) = OpenOptions::new()
        .create(true)
        .append(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
    else {
        return;
    };
    // Swapped for something else between the look and the open: refused all the same.
    if f.metadata().is_ok_and(|m| m.is_file()) {
        let _ = f.write_all(line.as_bytes());
    }
}

/// Why the kiosk could not write its log at `path`, if it could not: an empty path, a FIFO, a
/// device, a folder, a file it may not write, a folder that does not exist. For `check
/// --config`; the kiosk itself refuses all of these without waiting.
pub fn path_problem(path: &Path) -> Option<String> {
    if path.as_os_str().is_empty() {
        return Some("is empty: no log is written; leave log_path out for none".into());
    }
    match fs::metadata(path) {
        Ok(m) => {
            let t = m.file_type();
            let what = if t.is_fifo() {
                "a FIFO (named pipe)"
            } else if t.is_char_device() || t.is_block_device() {
                "a device"
            } else if t.is_dir() {
                "a folder"
            } else if t.is_socket() {
                "a socket"
            } else {
                return OpenOptions::new()
                    .append(true)
                    .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
                    .open(path)
                    .err()
                    .map(|e| format!("cannot be written: {e}"));
            };
            Some(format!(
                "is {what}, not a regular file: the kiosk will not write its log there"
            ))
        }
        Err(_) => {
            let parent = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            match fs::metadata(parent) {
                Ok(m) if m.is_dir() => rustix::fs::access(parent, rustix::fs::Access::WRITE_OK)
                    .err()
                    .map(|e| {
                        format!(
                            "cannot be created: {}: {}",
                            parent.display(),
                            std::io::Error::from(e)
                        )
                    }),
                _ => Some(format!(
                    "cannot be created: {} is not a folder",
                    parent.display()
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotates_when_full_and_keeps_one_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.log");
        let log = Log::new(Some(path.clone()), 200);
        for i in 0..20 {
            log.write(&format!("event number {i}"));
        }
        log.flush();
        let now = fs::read_to_string(&path).unwrap();
        let old = fs::read_to_string(dir.path().join("kiosk.log.1")).unwrap();
        assert!(now.len() <= 200 && old.len() <= 200);
        assert!(now.contains("event number 19"));
        assert!(!dir.path().join("kiosk.log.2").exists());
        log.counts(&[3, 0, 1, 0, 0]);
        log.flush();
        assert!(
            fs::read_to_string(&path)
                .unwrap()
                .contains("results expected=3 therapist=0 doctor=1 urgent=0 emergency=0")
        );
    }

    /// The names in `dir`, to see that nothing was added.
    fn entries(dir: &std::path::Path) -> Vec<std::ffi::OsString> {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn no_path_writes_nothing() {
        // A log without a path must not fall back to a file of its own choosing: nothing new
        // appears in the working directory, where a relative default would land.
        let cwd = std::env::current_dir().unwrap();
        let before = entries(&cwd);
        let log = Log::new(None, 100);
        log.write("kiosk started");
        log.counts(&[1, 0, 0, 0, 0]);
        assert_eq!(entries(&cwd), before);
    }

    #[test]
    fn an_unwritable_path_does_not_fail_and_leaves_the_folder_as_it_was() {
        // A path under a regular file cannot be created, even by root.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-folder");
        fs::write(&file, "keep me").unwrap();
        let log = Log::new(Some(file.join("kiosk.log")), 10);
        for i in 0..3 {
            log.write(&format!("event number {i}")); // past max_bytes: it tries to rotate too
        }
        log.counts(&[0, 0, 0, 0, 1]);
        log.flush();
        assert_eq!(entries(dir.path()), ["not-a-folder"]);
        assert_eq!(fs::read_to_string(&file).unwrap(), "keep me");
    }

    /// A FIFO in `dir`, and its reading end opened non-blocking (so a writer's open would
    /// succeed and its lines would arrive here).
    fn fifo(dir: &Path, name: &str) -> (PathBuf, fs::File) {
        let path = dir.join(name);
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &path,
            rustix::fs::Mode::from_raw_mode(0o600),
        )
        .unwrap();
        let reader = OpenOptions::new()
            .read(true)
            .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
            .open(&path)
            .unwrap();
        (path, reader)
    }

    fn read_all(mut f: &fs::File) -> Vec<u8> {
        let mut got = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = std::io::Read::read(&mut f, &mut buf) {
            if n == 0 {
                break;
            }
            got.extend_from_slice(&buf[..n]);
        }
        got
    }

    #[test]
    fn a_fifo_is_never_written_at_start_or_when_swapped_in() {
        let dir = tempfile::tempdir().unwrap();
        // A FIFO at start: refused, more lines than the queue holds, and nothing waits.
        let (path, reader) = fifo(dir.path(), "kiosk.log");
        let log = Log::new(Some(path.clone()), 1 << 20);
        for i in 0..(QUEUE * 4) {
            log.write(&format!("event number {i}"));
        }
        log.flush();
        assert_eq!(read_all(&reader), b"");
        // A regular file first, then swapped for a FIFO while the kiosk runs.
        let file = dir.path().join("swapped.log");
        let log = Log::new(Some(file.clone()), 1 << 20);
        log.write("kiosk started");
        log.flush();
        assert!(fs::read_to_string(&file).unwrap().contains("kiosk started"));
        fs::remove_file(&file).unwrap();
        let (_, reader) = fifo(dir.path(), "swapped.log");
        log.write("content reload accepted");
        log.flush();
        assert_eq!(read_all(&reader), b"");
        // A device too.
        let log = Log::new(Some(PathBuf::from("/dev/null")), 1 << 20);
        log.write("kiosk started");
        log.flush();
        // And an empty path is no log at all.
        assert!(Log::new(Some(PathBuf::new()), 100).queue.is_none());
    }

    #[test]
    fn check_names_every_path_the_kiosk_cannot_write() {
        let dir = tempfile::tempdir().unwrap();
        let (fifo, _reader) = fifo(dir.path(), "fifo.log");
        let file = dir.path().join("not-a-folder");
        fs::write(&file, "").unwrap();
        for (path, says) in [
            (PathBuf::new(), "is empty"),
            (fifo, "FIFO"),
            (PathBuf::from("/dev/null"), "a device"),
            (dir.path().to_path_buf(), "a folder"),
            (file.join("kiosk.log"), "is not a folder"),
            (dir.path().join("absent/kiosk.log"), "is not a folder"),
        ] {
            let got = path_problem(&path);
            assert!(
                got.as_deref().is_some_and(|g| g.contains(says)),
                "{path:?}: {got:?}"
            );
        }
        assert_eq!(path_problem(&file), None);
        assert_eq!(path_problem(&dir.path().join("kiosk.log")), None);
    }
}
