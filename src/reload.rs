//! Content hot-reload for kiosks: watch the content path, and when it changes, load and validate
//! it on the watcher's own thread — never on the UI path — and hand the result to the runner.
//!
//! The runner decides when a new tree takes over (between sessions, never mid-session); a refused
//! one leaves the old content serving and goes to the log with its diagnostics.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::content::{self, Tree};

/// The outcome of one reload attempt.
#[derive(Debug, Clone)]
pub enum Reload {
    /// The new content is valid.
    Accepted(Box<Tree>),
    /// The new content was refused; one line per diagnostic (or the read error).
    Refused(Vec<String>),
}

/// Loads and validates content from a path, as one reload.
pub fn load(path: &Path) -> Reload {
    match content::check_path(path) {
        Ok(checked) => match checked.tree {
            Some(tree) => Reload::Accepted(Box::new(tree)),
            None => Reload::Refused(
                checked
                    .errors()
                    .map(|d| d.one_line(&checked.files))
                    .collect(),
            ),
        },
        Err(e) => Reload::Refused(vec![e.to_string()]),
    }
}

/// Watches `path` (a file or folder) and sends a [`Reload`] through `send` after each burst of
/// changes settles (editors write files in several steps). Returns the watcher, which must be
/// kept alive; dropping it stops watching.
pub fn watch<T: Send + 'static>(
    path: PathBuf,
    send: Sender<T>,
    wrap: fn(Reload) -> T,
) -> notify::Result<notify::RecommendedWatcher> {
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    // Only changes to the content itself count: the folder may hold other files (a kiosk log
    // written on every reload would otherwise trigger the next reload, for ever).
    let file = (!path.is_dir())
        .then(|| path.file_name().map(ToOwned::to_owned))
        .flatten();
    let relevant = move |p: &Path| match &file {
        Some(name) => p.file_name() == Some(name.as_os_str()),
        None => p.extension().is_some_and(|x| x == "toml"),
    };
    let mut watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
        let Ok(e) = ev else { return };
        let kind = e.kind.is_modify() || e.kind.is_create() || e.kind.is_remove();
        // An editor's save-as-temporary-then-rename names the content file in one of its paths.
        if kind && e.paths.iter().any(|p| relevant(p)) {
            let _ = tx.send(());
        }
    })?;
    // Watch the folder holding a file too, so an editor's write-to-temp-and-rename is seen.
    let target = if path.is_dir() {
        path.clone()
    } else {
        path.parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    };
    watcher.watch(&target, RecursiveMode::NonRecursive)?;
    std::thread::Builder::new()
        .name("content-reload".into())
        .spawn(move || {
            // Blocks until a change; no polling, so an idle kiosk stays idle.
            while rx.recv().is_ok() {
                // Let the burst settle, then take everything queued as one change.
                std::thread::sleep(Duration::from_millis(300));
                while rx.try_recv().is_ok() {}
                if send.send(wrap(load(&path))).is_err() {
                    break;
                }
            }
        })
        .map_err(|e| notify::Error::generic(&e.to_string()))?;
    Ok(watcher)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_on_disk_is_validated_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("tree.toml");
        let good = std::fs::read_to_string("tests/fixtures/starter/tree.toml").unwrap();
        std::fs::write(&file, &good).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let _w = watch(file.clone(), tx, |r| r).unwrap();
        std::fs::write(
            &file,
            good.replace("level = \"doctor\"", "level = \"docter\""),
        )
        .unwrap();
        match rx.recv_timeout(Duration::from_secs(10)).unwrap() {
            Reload::Refused(lines) => {
                assert!(lines[0].contains("unknown level 'docter'"), "{lines:?}")
            }
            Reload::Accepted(_) => panic!("a broken tree was accepted"),
        }
        // Another file in the same folder (a log, say) does not trigger a reload.
        std::fs::write(dir.path().join("kiosk.log"), "x").unwrap();
        std::fs::write(&file, good.replace("Starter tree", "Starter tree v2")).unwrap();
        match rx.recv_timeout(Duration::from_secs(10)).unwrap() {
            Reload::Accepted(t) => assert_eq!(t.meta.title, "Starter tree v2"),
            Reload::Refused(l) => panic!("{l:?}"),
        }
    }
}
