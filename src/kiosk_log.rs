//! The kiosk log: a small text file of what the kiosk did — starts, content reloads, crashes and,
//! when the clinic asks, counts of results per level. Never answers, never anything personal.
//!
//! Bounded: when the file would pass `max_bytes` it is renamed to `<name>.1` (replacing the old
//! one) and a new file is started, so the log never takes more than twice the limit.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::PathBuf;
use std::time::SystemTime;

use crate::content::Level;

/// Where and how much to log; a `Log` with no path writes nothing.
#[derive(Debug, Clone)]
pub struct Log {
    path: Option<PathBuf>,
    max_bytes: u64,
}

impl Log {
    /// A log at `path` (or none), rotated at `max_bytes`.
    pub fn new(path: Option<PathBuf>, max_bytes: u64) -> Self {
        Log { path, max_bytes }
    }

    /// Appends one line with a UTC timestamp. Logging must never stop a kiosk: errors are
    /// swallowed after one attempt.
    pub fn write(&self, event: &str) {
        let Some(path) = &self.path else { return };
        let line = format!(
            "{} {}\n",
            humantime::format_rfc3339_seconds(SystemTime::now()),
            event.replace(['\n', '\r'], " ")
        );
        let size = fs::metadata(path).map_or(0, |m| m.len());
        if size + line.len() as u64 > self.max_bytes {
            let mut rotated = path.clone().into_os_string();
            rotated.push(".1");
            let _ = fs::rename(path, rotated);
        }
        if let Ok(mut f) = OpenOptions::new().create(true).append(true).open(path) {
            let _ = f.write_all(line.as_bytes());
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
        let now = fs::read_to_string(&path).unwrap();
        let old = fs::read_to_string(dir.path().join("kiosk.log.1")).unwrap();
        assert!(now.len() <= 200 && old.len() <= 200);
        assert!(now.contains("event number 19"));
        assert!(!dir.path().join("kiosk.log.2").exists());
        log.counts(&[3, 0, 1, 0, 0]);
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
        assert_eq!(entries(dir.path()), ["not-a-folder"]);
        assert_eq!(fs::read_to_string(&file).unwrap(), "keep me");
    }
}
