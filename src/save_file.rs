//! Writing the saved summary: atomically (a temporary file in the same folder, then a link or a
//! rename), and never replacing a file unless the person said so.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::app::save::Saved;

/// Writes `text` to `path`. Without `overwrite`, an existing file is left alone and `Exists` is
/// returned; the check and the write are one atomic step (a hard link fails if the name exists).
pub fn write(path: &str, text: &str, overwrite: bool) -> Saved {
    let target = Path::new(path);
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Some(name) = target.file_name() else {
        return Saved::Failed("that is not a file name".into());
    };
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(text.as_bytes())?;
            f.sync_all()
        });
    if let Err(e) = written {
        // Remove our half-written file, but never one that was already there (create_new failed).
        if e.kind() != std::io::ErrorKind::AlreadyExists {
            let _ = fs::remove_file(&tmp);
        }
        return Saved::Failed(e.to_string());
    }
    let placed = if overwrite {
        fs::rename(&tmp, target)
    } else {
        let linked = fs::hard_link(&tmp, target);
        let _ = fs::remove_file(&tmp);
        linked
    };
    match placed {
        Ok(()) => Saved::Written(target.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Saved::Exists,
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Saved::Failed(e.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_replaces_without_asking_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("summary.md");
        let path = p.to_str().unwrap();
        assert!(matches!(write(path, "one", false), Saved::Written(_)));
        assert_eq!(write(path, "two", false), Saved::Exists);
        assert_eq!(fs::read_to_string(&p).unwrap(), "one");
        assert!(matches!(write(path, "two", true), Saved::Written(_)));
        assert_eq!(fs::read_to_string(&p).unwrap(), "two");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
        assert!(matches!(
            write("/nonexistent/dir/x.md", "x", false),
            Saved::Failed(_)
        ));
    }
}
