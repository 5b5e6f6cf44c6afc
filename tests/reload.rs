//! Reload follows the content's path as deployed, end to end: a kiosk (the real binary in a
//! pseudo-terminal) started on a path through symlinks and folders, then the deploy changes
//! under it with nobody touching it. Each case waits, with a generous timeout, for the kiosk log
//! to name the change and for the screen to show the new content's title: nothing here depends
//! on how fast the machine or the watcher is.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code"
)]

mod common;

use std::os::unix::fs::symlink;
use std::path::Path;

use common::pty::{Session, kiosk_config};

fn kiosk(dir: &Path, content: &Path) -> Session {
    let log = dir.join("kiosk.log");
    let cfg = kiosk_config(dir, &format!("log_path = \"{}\"\n", log.display()));
    let content = content.to_string_lossy().into_owned();
    let mut s = Session::start(&["--kiosk", "--config", &cfg, "--content", &content]);
    s.wait_for("Check a symptom");
    // The welcome is drawn from [meta] before the content is checked and watched; the log says
    // when both are done.
    wait_for_log(dir, "kiosk started");
    s
}

/// Waits until the kiosk log in `dir` contains `text`; returns the log.
fn wait_for_log(dir: &Path, text: &str) -> String {
    common::pty::wait_for_log(&dir.join("kiosk.log"), text)
}

/// The starter tree titled `title`, version `version`.
fn tree(title: &str, version: &str) -> String {
    std::fs::read_to_string("tests/fixtures/starter/tree.toml")
        .unwrap()
        .replace("Starter tree", title)
        .replace("test-1", version)
}

/// A release folder `dir/releases/NAME` holding a tree titled `title`.
fn release(dir: &Path, name: &str, title: &str) -> std::path::PathBuf {
    let r = dir.join("releases").join(name);
    std::fs::create_dir_all(&r).unwrap();
    std::fs::write(r.join("tree.toml"), tree(title, name)).unwrap();
    r
}

/// Points the symlink `link` at `target` in one step, as deploy tools do (`ln -sfn` to a
/// temporary name, then a rename over the old link).
fn switch(link: &Path, target: &Path) {
    let tmp = link.with_extension("new");
    symlink(target, &tmp).unwrap();
    std::fs::rename(&tmp, link).unwrap();
}

fn stop(mut s: Session) {
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}

#[test]
fn a_current_symlink_switched_to_a_new_release_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    for (name, title) in [("r1", "Release one"), ("r2", "Release two")] {
        let content = dir.path().join("releases").join(name).join("content");
        std::fs::create_dir_all(&content).unwrap();
        std::fs::write(content.join("tree.toml"), tree(title, name)).unwrap();
    }
    let current = dir.path().join("current");
    symlink("releases/r1", &current).unwrap();
    // The content is a folder *below* the symlink: the link is not the last component.
    let mut s = kiosk(dir.path(), &current.join("content"));
    s.wait_for("Release one");
    switch(&current, Path::new("releases/r2"));
    wait_for_log(dir.path(), "now leads to");
    wait_for_log(dir.path(), "content reload accepted (version r2)");
    s.wait_for("Release two");
    // And back: every switch is followed, not only the first.
    switch(&current, Path::new("releases/r1"));
    wait_for_log(dir.path(), "content reload accepted (version r1)");
    s.wait_for("Release one");
    stop(s);
}

#[test]
fn the_folder_above_the_content_moved_away_and_re_created_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir_all(site.join("content")).unwrap();
    std::fs::write(site.join("content/tree.toml"), tree("Site one", "s1")).unwrap();
    let mut s = kiosk(dir.path(), &site.join("content"));
    s.wait_for("Site one");
    // The parent, not the content folder, is moved away: the old watches see nothing at the path.
    std::fs::rename(&site, dir.path().join("site.old")).unwrap();
    wait_for_log(dir.path(), "is gone; the old content keeps serving");
    let fresh = dir.path().join("site.new");
    std::fs::create_dir_all(fresh.join("content")).unwrap();
    std::fs::write(fresh.join("content/tree.toml"), tree("Site two", "s2")).unwrap();
    std::fs::rename(&fresh, &site).unwrap();
    wait_for_log(dir.path(), "replaced or re-created");
    wait_for_log(dir.path(), "content reload accepted (version s2)");
    s.wait_for("Site two");
    // An edit in the old folder is not the content any more; one in the new folder is.
    std::fs::write(
        dir.path().join("site.old/content/tree.toml"),
        tree("Old site", "old"),
    )
    .unwrap();
    std::fs::write(site.join("content/tree.toml"), tree("Site three", "s3")).unwrap();
    let log = wait_for_log(dir.path(), "content reload accepted (version s3)");
    assert!(!log.contains("version old"), "{log}");
    s.wait_for("Site three");
    stop(s);
}

#[test]
fn a_single_symlinked_content_file_is_followed_at_its_target_and_when_pointed_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let r1 = release(dir.path(), "r1", "File one");
    let r2 = release(dir.path(), "r2", "File two");
    let link = dir.path().join("tree.toml");
    symlink(r1.join("tree.toml"), &link).unwrap();
    let mut s = kiosk(dir.path(), &link);
    s.wait_for("File one");
    // Edited where it really is (the folder of the link sees nothing).
    let edited = r1.join("tree.toml.saving");
    std::fs::write(&edited, tree("File one edited", "r1e")).unwrap();
    std::fs::rename(&edited, r1.join("tree.toml")).unwrap();
    wait_for_log(dir.path(), "content reload accepted (version r1e)");
    s.wait_for("File one edited");
    // The link pointed at another release's file.
    switch(&link, &r2.join("tree.toml"));
    wait_for_log(dir.path(), "now leads to");
    wait_for_log(dir.path(), "content reload accepted (version r2)");
    s.wait_for("File two");
    stop(s);
}

#[test]
fn a_dangling_content_link_is_followed_once_its_target_appears() {
    let dir = tempfile::tempdir().unwrap();
    release(dir.path(), "r1", "Before");
    let current = dir.path().join("current");
    symlink("releases/r1", &current).unwrap();
    let mut s = kiosk(dir.path(), &current);
    s.wait_for("Before");
    // Pointed at a release not made yet: logged, the old content keeps serving.
    switch(&current, Path::new("releases/r9"));
    wait_for_log(dir.path(), "is gone; the old content keeps serving");
    // The release appears (made elsewhere, moved in whole).
    let staged = dir.path().join("staging");
    std::fs::create_dir(&staged).unwrap();
    std::fs::write(staged.join("tree.toml"), tree("After", "r9")).unwrap();
    std::fs::rename(&staged, dir.path().join("releases/r9")).unwrap();
    wait_for_log(dir.path(), "content reload accepted (version r9)");
    s.wait_for("After");
    stop(s);
}
