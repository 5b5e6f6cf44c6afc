//! Content hot-reload for kiosks: watch the content path, and when it changes, load and validate
//! it on the watcher's own thread — never on the UI path — and hand the result to the runner.
//!
//! The runner decides when a new tree takes over (between sessions, never mid-session); a refused
//! one leaves the old content serving and goes to the log with its diagnostics.
//!
//! The watch follows the content's *path*, not the folder it first found there: a folder moved
//! away, deleted, re-created or swapped for another (`mv content content.bak; mkdir content`, a
//! symlink switched to a new release) is noticed through a second watch on the folder above,
//! logged, and watched again at the same path.

use std::path::{Path, PathBuf};
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
    /// Something for the log: the content folder went away or came back.
    Notice(String),
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

/// What the file system told the watcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// A content file in the watched folder changed.
    Content,
    /// The watched folder itself was created, removed, renamed or replaced.
    Folder,
}

/// Watches `path` (a file or folder) and hands a [`Reload`] to `send` after each burst of
/// changes settles (editors write files in several steps). The watcher lives on its own thread
/// for as long as `send` returns `true` (its receiver is there).
pub fn watch(path: PathBuf, send: impl Fn(Reload) -> bool + Send + 'static) -> notify::Result<()> {
    // An absolute path, with symlinks kept: a symlink switched to a new folder is followed.
    let path = std::path::absolute(&path).unwrap_or(path);
    // The folder holding the content: watched so an editor's write-to-temp-and-rename is seen.
    let folder = if path.is_dir() {
        path.clone()
    } else {
        path.parent()
            .map_or_else(|| PathBuf::from("/"), Path::to_path_buf)
    };
    let (tx, rx) = std::sync::mpsc::channel::<Change>();
    // Only changes to the content itself count: the folder may hold other files (a kiosk log
    // written on every reload would otherwise trigger the next reload, for ever).
    let file = (!path.is_dir())
        .then(|| path.file_name().map(ToOwned::to_owned))
        .flatten();
    let inside = folder.clone();
    let relevant = move |p: &Path| {
        p.parent() == Some(inside.as_path())
            && match &file {
                Some(name) => p.file_name() == Some(name.as_os_str()),
                None => p.extension().is_some_and(|x| x == "toml"),
            }
    };
    let itself = folder.clone();
    let mut watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
        let Ok(e) = ev else { return };
        if !(e.kind.is_modify() || e.kind.is_create() || e.kind.is_remove()) {
            return;
        }
        if e.paths.iter().any(|p| p == &itself) {
            let _ = tx.send(Change::Folder);
        } else if e.paths.iter().any(|p| relevant(p)) {
            // An editor's save-as-temporary-then-rename names the content file in one of its
            // paths.
            let _ = tx.send(Change::Content);
        }
    })?;
    watcher.watch(&folder, RecursiveMode::NonRecursive)?;
    // The folder above sees the content folder itself come and go.
    if let Some(above) = folder.parent() {
        watcher.watch(above, RecursiveMode::NonRecursive)?;
    }
    let mut seen = identity(&folder);
    std::thread::Builder::new()
        .name("content-reload".into())
        .spawn(move || {
            // Blocks until a change; no polling, so an idle kiosk stays idle.
            while let Ok(first) = rx.recv() {
                // Let the burst settle, then take everything queued as one change.
                std::thread::sleep(Duration::from_millis(300));
                let rest: Vec<Change> = rx.try_iter().collect();
                let folder_changed = first == Change::Folder || rest.contains(&Change::Folder);
                let now = identity(&folder);
                if folder_changed && now != seen {
                    // Another folder (or none) is at the path now: watch whatever is there.
                    let _ = watcher.unwatch(&folder);
                    let notice = if now.is_some() && watcher.watch(&folder, RecursiveMode::NonRecursive).is_ok() {
                        format!(
                            "content folder {} was replaced or re-created; watching the new one",
                            folder.display()
                        )
                    } else {
                        format!(
                            "content folder {} is gone; the old content keeps serving until it is back",
                            folder.display()
                        )
                    };
                    let gone = now.is_none();
                    seen = now;
                    if !send(Reload::Notice(notice)) {
                        break;
                    }
                    if gone {
                        continue;
                    }
                }
                if !send(load(&path)) {
                    break;
                }
            }
        })
        .map_err(|e| notify::Error::generic(&e.to_string()))?;
    Ok(())
}

/// Which folder is at `path` now (device and inode), or `None` when none is.
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_dir)
        .map(|m| (m.dev(), m.ino()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::Receiver;

    fn next(rx: &Receiver<Reload>) -> Reload {
        rx.recv_timeout(Duration::from_secs(10))
            .expect("the watcher reports within 10 s")
    }

    fn accepted_title(r: Reload) -> String {
        match r {
            Reload::Accepted(t) => t.meta.title,
            other => panic!("expected accepted content, got {other:?}"),
        }
    }

    fn notice(r: Reload) -> String {
        match r {
            Reload::Notice(n) => n,
            other => panic!("expected a notice, got {other:?}"),
        }
    }

    /// Saves `text` as `path` the way editors do: written in full elsewhere, then renamed over
    /// it. (`fs::write` empties the file first: a watcher woken between the two steps on a slow
    /// machine would rightly refuse an empty file, and the test would fail for nothing.)
    fn save(path: &std::path::Path, text: &str) {
        let tmp = path.with_extension("saving");
        let outside = std::env::temp_dir().join(format!(
            "aftercare-reload-{}-{}",
            std::process::id(),
            tmp.file_name().unwrap().to_string_lossy()
        ));
        std::fs::write(&outside, text).unwrap();
        std::fs::rename(&outside, path).unwrap();
    }

    fn starter() -> String {
        std::fs::read_to_string("tests/fixtures/starter/tree.toml").unwrap()
    }

    #[test]
    fn a_change_on_disk_is_validated_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("tree.toml");
        let good = starter();
        std::fs::write(&file, &good).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        watch(file.clone(), move |r| tx.send(r).is_ok()).unwrap();
        save(
            &file,
            &good.replace("level = \"doctor\"", "level = \"docter\""),
        );
        match next(&rx) {
            Reload::Refused(lines) => {
                assert!(lines[0].contains("unknown level 'docter'"), "{lines:?}")
            }
            other => panic!("a broken tree was not refused: {other:?}"),
        }
        // Another file in the same folder (a log, say) does not trigger a reload.
        std::fs::write(dir.path().join("kiosk.log"), "x").unwrap();
        save(&file, &good.replace("Starter tree", "Starter tree v2"));
        assert_eq!(accepted_title(next(&rx)), "Starter tree v2");
    }

    #[test]
    fn a_folder_moved_away_and_replaced_is_watched_again_at_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        let good = starter();
        std::fs::create_dir(&content).unwrap();
        std::fs::write(content.join("tree.toml"), &good).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        watch(content.clone(), move |r| tx.send(r).is_ok()).unwrap();

        // Moved away: logged, nothing loaded.
        std::fs::rename(&content, dir.path().join("content.bak")).unwrap();
        let n = notice(next(&rx));
        assert!(n.contains("is gone"), "{n}");

        // A new folder at the same path (made elsewhere, then moved in whole): logged, loaded.
        let fresh = dir.path().join("content.new");
        std::fs::create_dir(&fresh).unwrap();
        std::fs::write(
            fresh.join("tree.toml"),
            good.replace("Starter tree", "Starter v2"),
        )
        .unwrap();
        std::fs::rename(&fresh, &content).unwrap();
        let n = notice(next(&rx));
        assert!(n.contains("replaced or re-created"), "{n}");
        assert_eq!(accepted_title(next(&rx)), "Starter v2");

        // An edit in the old folder is not content any more; one in the new folder is seen.
        std::fs::write(
            dir.path().join("content.bak/tree.toml"),
            good.replace("Starter tree", "Old folder"),
        )
        .unwrap();
        save(
            &content.join("tree.toml"),
            &good.replace("Starter tree", "Starter v3"),
        );
        assert_eq!(accepted_title(next(&rx)), "Starter v3");

        // Deleted outright, then re-created by hand: both logged, the new files loaded.
        std::fs::remove_dir_all(&content).unwrap();
        assert!(notice(next(&rx)).contains("is gone"));
        std::fs::create_dir(&content).unwrap();
        let n = notice(next(&rx));
        assert!(n.contains("replaced or re-created"), "{n}");
        std::fs::write(
            content.join("tree.toml"),
            good.replace("Starter tree", "Starter v4"),
        )
        .unwrap();
        // The folder may have been read while still empty (refused) before the file came.
        loop {
            match next(&rx) {
                Reload::Refused(_) => continue,
                r => {
                    assert_eq!(accepted_title(r), "Starter v4");
                    break;
                }
            }
        }
    }
}
