//! Atomic file replacement: write a temporary file in the same folder, flush it to disk, keep
//! the previous file as `NAME.bak`, then rename over the target. A crash or a full disk at any
//! point leaves either the old file or the new one, never half of one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::error::SaveError;

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The backup of `path`: `plan.ron` → `plan.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

fn sibling(path: &Path, tag: &str) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(
        ".{tag}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    path.with_file_name(name)
}

/// Replaces `path` with what `write` writes, atomically; the previous content (if any) is kept
/// in `NAME.bak`. When `write` or any step fails, `path` is unchanged and the temporary file is
/// removed.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    replace(path, write).map(|_| ())
}

/// What [`replace`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replaced {
    /// The file written: `path` itself, or the file it links to.
    pub file: PathBuf,
    /// Where the previous content was kept, when there was a previous file. Next to the real
    /// file, so when `path` is a symbolic link this is not `backup_path(path)`.
    pub backup: Option<PathBuf>,
}

/// [`write_atomically`], saying which file was written and where the backup went, so callers
/// can name the real paths (saving through a symbolic link writes next to its target).
pub fn replace(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<Replaced, SaveError> {
    // Write next to the real file when `path` is a link, so the rename stays on one disk and
    // replaces the file the user meant.
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let fail = |step, source| SaveError {
        file: path.to_path_buf(),
        step,
        source,
    };
    if target.file_name().is_none() {
        return Err(fail(
            "choosing the file name",
            io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"),
        ));
    }
    let tmp = sibling(&target, "tmp");
    let result = (|| {
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|e| fail("creating the temporary file", e))?;
        let mut out = BufWriter::new(file);
        write(&mut out).map_err(|e| fail("writing the temporary file", e))?;
        let file = out
            .into_inner()
            .map_err(|e| fail("writing the temporary file", e.into_error()))?;
        file.sync_all()
            .map_err(|e| fail("flushing the temporary file to disk", e))?;
        let mut backup = None;
        if let Ok(meta) = fs::metadata(&target) {
            // Keep the permissions the user gave the file.
            let _ = fs::set_permissions(&tmp, meta.permissions());
            keep_backup(&target).map_err(|e| fail("keeping the previous version as .bak", e))?;
            backup = Some(backup_path(&target));
        }
        fs::rename(&tmp, &target).map_err(|e| fail("replacing the file", e))?;
        sync_dir(&target);
        Ok(Replaced {
            file: target.clone(),
            backup,
        })
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Copies the current file to `NAME.bak` (itself atomically, so a crash cannot leave a torn
/// backup in place of a good one).
fn keep_backup(target: &Path) -> io::Result<()> {
    let bak = backup_path(target);
    let bak_tmp = sibling(target, "bak");
    let copy = (|| {
        fs::copy(target, &bak_tmp)?;
        File::open(&bak_tmp)?.sync_all()?;
        fs::rename(&bak_tmp, &bak)
    })();
    if copy.is_err() {
        let _ = fs::remove_file(&bak_tmp);
    }
    copy
}

/// Makes the rename itself durable. Not every platform can open a folder; there it is skipped.
fn sync_dir(target: &Path) {
    if let Some(dir) = target.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_and_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        write_atomically(&path, |w| w.write_all(b"one")).unwrap();
        assert_eq!(leftovers(dir.path()), ["plan.ron"]);
        write_atomically(&path, |w| w.write_all(b"two")).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        assert_eq!(leftovers(dir.path()), ["plan.ron", "plan.ron.bak"]);
    }

    #[test]
    fn a_write_that_fails_half_way_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        fs::write(&path, b"the old plan").unwrap();
        let err = write_atomically(&path, |w| {
            w.write_all(b"half of the new pl")?;
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device",
            ))
        })
        .unwrap_err();
        assert_eq!(fs::read(&path).unwrap(), b"the old plan");
        let msg = err.to_string();
        assert!(
            msg.contains("plan.ron") && msg.contains("no space left"),
            "{msg}"
        );
        assert!(msg.contains("previous file is unchanged"), "{msg}");
        // No temporary file is left behind, and no backup was made of a save that never happened.
        assert_eq!(leftovers(dir.path()), ["plan.ron"]);
    }

    #[cfg(unix)]
    #[test]
    fn through_a_link_the_backup_is_next_to_the_real_file() {
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("real");
        fs::create_dir(&real_dir).unwrap();
        let real = real_dir.join("plan.ron");
        fs::write(&real, b"one").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let done = replace(&link, |w| w.write_all(b"two")).unwrap();
        let real = fs::canonicalize(&real).unwrap();
        assert_eq!(done.file, real);
        assert_eq!(done.backup, Some(backup_path(&real)));
        assert_eq!(fs::read(backup_path(&real)).unwrap(), b"one");
        assert!(!backup_path(&link).exists());
        assert_eq!(fs::read(&link).unwrap(), b"two");
        // A new file has no backup.
        let fresh = replace(&dir.path().join("new.ron"), |w| w.write_all(b"x")).unwrap();
        assert_eq!(fresh.backup, None);
    }

    #[test]
    fn a_missing_folder_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("plan.ron");
        let err = write_atomically(&path, |w| w.write_all(b"x")).unwrap_err();
        assert_eq!(err.step, "creating the temporary file");
    }
}
