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

use std::collections::{BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::content::{self, Translations, Tree};
use crate::i18n::Lang;
use crate::signoff;

/// The outcome of one reload attempt.
#[derive(Debug, Clone)]
pub enum Reload {
    /// The new content is valid: the tree, and its translations (`es/`), checked with it.
    Accepted(Box<Tree>, Translations),
    /// The new content was refused; one line per diagnostic (or the read error).
    Refused(Vec<String>),
    /// Something for the log: the content folder went away or came back.
    Notice(String),
}

/// Loads and validates content from a path, as one reload. With `require_signoff`, content that
/// is not exactly what its last sign-off approved is refused before it is checked (the sign-off
/// is judged on the same bytes that would be loaded).
pub fn load(path: &Path, require_signoff: bool) -> Reload {
    let files = match content::read_path(path) {
        Ok(files) => files,
        Err(e) => return Reload::Refused(vec![e.to_string()]),
    };
    if require_signoff {
        let found = signoff::status_of(path, &files);
        if let Err(lines) = signoff::required(&path.display().to_string(), found) {
            return Reload::Refused(lines);
        }
    }
    let checked = content::check_files(files);
    match checked.tree {
        Some(tree) => Reload::Accepted(Box::new(tree), checked.translations),
        None => Reload::Refused(
            checked
                .errors()
                .map(|d| d.one_line(&checked.files))
                .collect(),
        ),
    }
}

/// The content a kiosk runs, in every language it has, from one read of `path` (the built-in
/// content without one): the English tree and its translations come out of the same check, and
/// with `require_signoff` out of the same sign-off judgement, so a translation is never read
/// apart from the tree it was checked and signed with. `Err` with one line per problem.
pub fn kiosk_content(
    path: Option<&Path>,
    require_signoff: bool,
) -> Result<(Tree, Translations), Vec<String>> {
    match path {
        Some(p) => match load(p, require_signoff) {
            Reload::Accepted(tree, translations) => Ok((*tree, translations)),
            Reload::Refused(lines) => Err(lines),
            Reload::Notice(line) => Err(vec![line]),
        },
        None => content::default_tree()
            .map(|tree| (tree, content::default_translations()))
            .map_err(|c| c.lines()),
    }
}

/// The note for staff when content with `translations` cannot speak `lang` (the clinic's
/// language): it runs in English instead. `None` when it can.
pub fn missing_language(translations: &[(Lang, Tree)], lang: Lang) -> Option<String> {
    let has = lang == Lang::En || translations.iter().any(|(l, _)| *l == lang);
    (!has).then(|| {
        format!(
            "the content has no '{}' translation ({}/ beside its files); using English",
            lang.code(),
            lang.code()
        )
    })
}

/// The path to the content as deployed, resolved one component at a time from the root: every
/// symlink followed, every folder passed through.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Chain {
    /// Every path whose change changes what the content is: each component as it is named
    /// (`/srv/app/current`, a symlink) and each one it leads to (`/srv/app/releases/r2`), down to
    /// the content itself.
    entries: BTreeSet<PathBuf>,
    /// The folders holding those entries: watched, so a rename, a new symlink or a folder made
    /// or removed there is seen.
    folders: BTreeSet<PathBuf>,
    /// Where the path leads now (no symlinks left), or `None` when it leads nowhere (a dangling
    /// link, a folder missing, a link loop).
    real: Option<PathBuf>,
    /// The content folder (the content itself, or the folder holding a content file) and which
    /// folder is there (device and inode): a folder replaced at the same path is another one.
    content_folder: Option<(PathBuf, Option<(u64, u64)>)>,
}

/// The most symlinks followed in one path, as Linux's own limit (40): a loop leads nowhere.
const MAX_LINKS: usize = 40;

impl Chain {
    fn resolve(path: &Path) -> Chain {
        let mut chain = Chain::default();
        // Symlink targets are put in front of the steps still to take as they are read.
        let mut names: VecDeque<Step> = VecDeque::new();
        push_front(&mut names, path);
        let mut cur = PathBuf::from("/");
        let mut links = 0;
        let mut reached = true;
        while let Some(step) = names.pop_front() {
            match step {
                Step::Root => cur = PathBuf::from("/"),
                Step::Up => {
                    cur.pop();
                }
                Step::Name(name) => {
                    let next = cur.join(&name);
                    chain.folders.insert(cur.clone());
                    chain.entries.insert(next.clone());
                    match std::fs::symlink_metadata(&next) {
                        Ok(m) if m.file_type().is_symlink() => {
                            links += 1;
                            let Ok(target) = std::fs::read_link(&next) else {
                                reached = false;
                                break;
                            };
                            if links > MAX_LINKS {
                                reached = false;
                                break;
                            }
                            // A relative target is read from the folder holding the link.
                            push_front(&mut names, &target);
                        }
                        Ok(_) => cur = next,
                        Err(_) => {
                            reached = false;
                            break;
                        }
                    }
                }
            }
        }
        if reached {
            let folder = if cur.is_dir() {
                cur.clone()
            } else {
                cur.parent()
                    .map_or_else(|| PathBuf::from("/"), Path::to_path_buf)
            };
            chain.folders.insert(folder.clone());
            // A content folder's translations (`es/`) are content too: watched, so an edit to
            // one is reloaded (and, under require_signoff, refused) like any other.
            if cur.is_dir() {
                for l in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
                    let translation = cur.join(l.code());
                    if translation.is_dir() {
                        chain.folders.insert(translation);
                    }
                }
            }
            chain.content_folder = Some((folder.clone(), identity(&folder)));
            chain.real = Some(cur);
        }
        chain
    }

    /// Whether a change at `p` (an event's path) may change the content or where it is.
    fn touches(&self, p: &Path) -> bool {
        if self.entries.contains(p) || self.folders.contains(p) {
            return true;
        }
        // A content file in the content folder (a folder of `.toml` files) or in one of its
        // translations (`es/*.toml`), or a translation folder made or removed.
        match (&self.real, &self.content_folder) {
            (Some(real), Some((folder, _))) if real == folder => {
                let translation = |f: &Path| {
                    f.parent() == Some(folder.as_path())
                        && Lang::ALL
                            .into_iter()
                            .any(|l| l != Lang::En && f.file_name() == Some(l.code().as_ref()))
                };
                let toml = p.extension().is_some_and(|x| x == "toml");
                let parent = p.parent();
                translation(p)
                    || (toml
                        && (parent == Some(folder.as_path()) || parent.is_some_and(translation)))
            }
            _ => false,
        }
    }

    /// Where the content is, for comparing: a path leading elsewhere, or another folder at the
    /// same place, is a change to log.
    fn place(&self) -> (Option<&PathBuf>, Option<(u64, u64)>) {
        (
            self.real.as_ref(),
            self.content_folder.as_ref().and_then(|(_, id)| *id),
        )
    }
}

/// One step of resolving a path.
#[derive(Debug)]
enum Step {
    Root,
    Up,
    Name(std::ffi::OsString),
}

/// Puts the steps of `path` in front of the ones still to take.
fn push_front(steps: &mut VecDeque<Step>, path: &Path) {
    use std::path::Component;
    let mine: Vec<Step> = path
        .components()
        .filter_map(|c| match c {
            Component::RootDir | Component::Prefix(_) => Some(Step::Root),
            Component::CurDir => None,
            Component::ParentDir => Some(Step::Up),
            Component::Normal(n) => Some(Step::Name(n.to_owned())),
        })
        .collect();
    for s in mine.into_iter().rev() {
        steps.push_front(s);
    }
}

/// Watches `path` (a file or folder) as deployed and hands a [`Reload`] to `send` after each
/// burst of changes settles (editors and deploy scripts write in several steps). Every symlink
/// and folder from the root to the content is watched: a `current` symlink switched to a new
/// release, a folder higher up moved away and re-created, a symlinked content file edited at
/// its target or pointed elsewhere, a dangling link whose target appears later. Each change of
/// where the content is is logged (a [`Reload::Notice`]) before the content is loaded. The
/// watcher lives on its own thread for as long as `send` returns `true`.
/// With `require_signoff`, content that is not signed off is refused as broken content is (see
/// [`load`]); `signoff.toml` is in the content folder, so signing it is a change that is seen.
pub fn watch(
    path: PathBuf,
    require_signoff: bool,
    send: impl Fn(Reload) -> bool + Send + 'static,
) -> notify::Result<()> {
    // An absolute path, with symlinks kept: they are followed, and watched, one by one.
    let path = std::path::absolute(&path).unwrap_or(path);
    let chain = Arc::new(Mutex::new(Chain::resolve(&path)));
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let seen = Arc::clone(&chain);
    let mut watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
        let Ok(e) = ev else { return };
        if !(e.kind.is_modify() || e.kind.is_create() || e.kind.is_remove()) {
            return;
        }
        // Only changes to the content or the way to it count: the folders on the way hold other
        // files (a kiosk log written on every reload would otherwise trigger the next reload).
        let touches = seen
            .lock()
            .map(|c| e.paths.iter().any(|p| c.touches(p)))
            .unwrap_or(true);
        if touches {
            let _ = tx.send(());
        }
    })?;
    let mut watched = {
        let c = chain.lock().map(|c| c.clone()).unwrap_or_default();
        watch_folders(&mut watcher, &c)
    };
    std::thread::Builder::new()
        .name("content-reload".into())
        .spawn(move || {
            // Blocks until a change; no polling, so an idle kiosk stays idle.
            while rx.recv().is_ok() {
                // Let the burst settle, then take everything queued as one change.
                std::thread::sleep(Duration::from_millis(300));
                let _ = rx.try_iter().count();
                let before = chain.lock().map(|c| c.clone()).unwrap_or_default();
                let mut now = Chain::resolve(&path);
                // Watch what the path leads through now; a change made while the watches were
                // moved is caught by resolving again until nothing moves.
                for _ in 0..4 {
                    let wanted = folder_ids(&now);
                    if wanted == watched {
                        break;
                    }
                    for (f, _) in &watched {
                        let _ = watcher.unwatch(f);
                    }
                    if let Ok(mut c) = chain.lock() {
                        *c = now.clone();
                    }
                    watched = watch_folders(&mut watcher, &now);
                    now = Chain::resolve(&path);
                }
                if let Ok(mut c) = chain.lock() {
                    *c = now.clone();
                }
                if now.place() != before.place() {
                    let notice = match (&now.real, &before.real) {
                        (None, _) => format!(
                            "content {} is gone; the old content keeps serving until it is back ({})",
                            path.display(),
                            missing(&now)
                        ),
                        (Some(real), Some(old)) if real != old => format!(
                            "content {} now leads to {} (was {}); watching it",
                            path.display(),
                            real.display(),
                            old.display()
                        ),
                        (Some(real), _) => format!(
                            "content folder {} was replaced or re-created; watching the new one ({})",
                            path.display(),
                            real.display()
                        ),
                    };
                    if !send(Reload::Notice(notice)) {
                        break;
                    }
                }
                if now.real.is_none() {
                    continue;
                }
                if !send(load(&path, require_signoff)) {
                    break;
                }
            }
        })
        .map_err(|e| notify::Error::generic(&e.to_string()))?;
    Ok(())
}

/// The first entry on the way to the content that is not there, for the log.
fn missing(chain: &Chain) -> String {
    chain
        .entries
        .iter()
        .find(|e| std::fs::symlink_metadata(e).is_err())
        .map_or_else(
            || "a link loop".to_string(),
            |e| format!("{} is missing", e.display()),
        )
}

/// The folders `chain` leads through, each with which folder is there.
fn folder_ids(chain: &Chain) -> Vec<(PathBuf, Option<(u64, u64)>)> {
    chain
        .folders
        .iter()
        .map(|f| (f.clone(), identity(f)))
        .collect()
}

/// Watches every folder of `chain` (those that exist); returns what it watched.
fn watch_folders(watcher: &mut impl Watcher, chain: &Chain) -> Vec<(PathBuf, Option<(u64, u64)>)> {
    let ids = folder_ids(chain);
    for (f, id) in &ids {
        if id.is_some() {
            let _ = watcher.watch(f, RecursiveMode::NonRecursive);
        }
    }
    ids
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
            Reload::Accepted(t, _) => t.meta.title,
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
        // A name of its own for every save: the tests run side by side in one process.
        static SAVES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = SAVES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let outside = std::env::temp_dir().join(format!(
            "aftercare-reload-{}-{n}.saving",
            std::process::id()
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
        watch(file.clone(), false, move |r| tx.send(r).is_ok()).unwrap();
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
        watch(content.clone(), false, move |r| tx.send(r).is_ok()).unwrap();

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

    #[test]
    fn a_watch_started_on_a_dangling_link_loads_once_the_target_appears() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("content");
        std::os::unix::fs::symlink("releases/r1", &link).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        watch(link.clone(), false, move |r| tx.send(r).is_ok()).unwrap();
        // Neither `releases` nor `r1` exists yet: both appear, one after the other.
        std::fs::create_dir(dir.path().join("releases")).unwrap();
        let staged = dir.path().join("staged");
        std::fs::create_dir(&staged).unwrap();
        std::fs::write(
            staged.join("tree.toml"),
            starter().replace("Starter tree", "Late"),
        )
        .unwrap();
        std::fs::rename(&staged, dir.path().join("releases/r1")).unwrap();
        loop {
            match next(&rx) {
                Reload::Notice(n) => assert!(!n.contains("is gone"), "{n}"),
                r => {
                    assert_eq!(accepted_title(r), "Late");
                    break;
                }
            }
        }
    }

    #[test]
    fn a_path_is_resolved_through_every_link_and_a_loop_leads_nowhere() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("releases/r2/content")).unwrap();
        std::os::unix::fs::symlink("releases/r2", d.join("current")).unwrap();
        std::os::unix::fs::symlink("current/content", d.join("live")).unwrap();
        let chain = Chain::resolve(&d.join("live"));
        let real = std::fs::canonicalize(d.join("releases/r2/content")).unwrap();
        assert_eq!(
            chain
                .real
                .as_deref()
                .map(std::fs::canonicalize)
                .map(Result::unwrap),
            Some(real)
        );
        for e in ["live", "current", "releases/r2", "releases/r2/content"] {
            assert!(
                chain.entries.contains(&d.join(e)),
                "{e} not watched: {chain:?}"
            );
        }
        std::os::unix::fs::symlink("b", d.join("a")).unwrap();
        std::os::unix::fs::symlink("a", d.join("b")).unwrap();
        assert_eq!(Chain::resolve(&d.join("a")).real, None);
    }
}
