//! Atomic file replacement: write a temporary file in the same folder, flush it to disk, keep
//! the previous file as `NAME.bak`, then rename over the target. A crash or a full disk at any
//! point leaves either the old file or the new one, never half of one.
//!
//! The target must be a regular file (or not exist yet): a folder, a pipe or a device is
//! refused, never replaced. A read-only file is replaced only when asked to ([`Replace`]). The
//! replaced file's permissions (and, on Unix, its owner where allowed) are kept. The temporary
//! file is locked while it is written, so one left by a killed save is recognised and removed
//! the next time the same file is saved or opened ([`clean_stale_temps`]).

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

/// A hidden temporary name next to `path`: `.NAME.TAG-PID-N`.
pub(super) fn sibling(path: &Path, tag: &str) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(
        ".{tag}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    path.with_file_name(name)
}

/// How an existing file may be replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Replace {
    /// Keep the previous content as `NAME.bak` (plans: yes; exports, which can be made again
    /// at any time: no).
    pub backup: bool,
    /// Replace a read-only file too (the user said so: `--force`, or "Replace" in the app).
    pub read_only_too: bool,
}

impl Replace {
    /// A plan file: the previous version is kept; a read-only file is refused.
    pub const PLAN: Replace = Replace {
        backup: true,
        read_only_too: false,
    };
    /// An export (PDF, HTML, CSV): no backup; a read-only file is refused.
    pub const EXPORT: Replace = Replace {
        backup: false,
        read_only_too: false,
    };

    /// The same, allowing read-only files to be replaced when `force` is set.
    pub fn forced(self, force: bool) -> Replace {
        Replace {
            read_only_too: self.read_only_too || force,
            ..self
        }
    }
}

/// The step named in a [`SaveError`] when the file is read-only and replacing it was not asked.
pub const READ_ONLY_STEP: &str = "checking that the file may be replaced";

/// Replaces `path` with what `write` writes, atomically; the previous content (if any) is kept
/// in `NAME.bak`. When `write` or any step fails, `path` is unchanged and the temporary file is
/// removed. A read-only file is refused (see [`write_with`]).
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    write_with(path, Replace::PLAN, write)
}

/// Like [`write_atomically`], with the replacing rules of `how`.
pub fn write_with(
    path: &Path,
    how: Replace,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    replace_with(path, how, write).map(|_| ())
}

/// What [`replace`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replaced {
    /// The file written: `path` itself, or the file it links to.
    pub file: PathBuf,
    /// Where the previous content was kept, when there was a previous file and a backup was
    /// asked for. Next to the real file, so when `path` is a symbolic link this is not
    /// `backup_path(path)`.
    pub backup: Option<PathBuf>,
}

/// [`write_atomically`], saying which file was written and where the backup went, so callers
/// can name the real paths (saving through a symbolic link writes next to its target).
pub fn replace(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<Replaced, SaveError> {
    replace_with(path, Replace::PLAN, write)
}

/// [`replace`] with the replacing rules of `how`.
pub fn replace_with(
    path: &Path,
    how: Replace,
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
    let existing = fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        if !meta.is_file() {
            return Err(fail(
                "checking the file",
                io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("it is {}, not a file", special_kind(meta)),
                ),
            ));
        }
        if meta.permissions().readonly() && !how.read_only_too {
            return Err(fail(
                READ_ONLY_STEP,
                io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    "the file is read-only; replace it only on purpose (--force on the command \
                     line, \"Replace\" in the app)",
                ),
            ));
        }
    }
    clean_stale_temps(&target);
    let tmp = sibling(&target, "tmp");
    let result = (|| {
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|e| fail("creating the temporary file", e))?;
        // Held until the file is closed: a temporary file nobody holds is a leftover.
        let _ = file.try_lock();
        let mut out = BufWriter::new(file);
        write(&mut out).map_err(|e| fail("writing the temporary file", e))?;
        let file = out
            .into_inner()
            .map_err(|e| fail("writing the temporary file", e.into_error()))?;
        file.sync_all()
            .map_err(|e| fail("flushing the temporary file to disk", e))?;
        let mut backup = None;
        if let Some(meta) = &existing {
            // Keep the permissions the user gave the file (a forced replacement of a read-only
            // file stays read-only), and its owner where we may.
            let _ = fs::set_permissions(&tmp, meta.permissions());
            keep_owner(&tmp, meta);
            if how.backup {
                keep_backup(&target)
                    .map_err(|e| fail("keeping the previous version as .bak", e))?;
                backup = Some(backup_path(&target));
            }
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

/// What a path that is not a regular file is, in words.
fn special_kind(meta: &fs::Metadata) -> &'static str {
    if meta.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

/// Refuses a path that exists and is not a regular file (a folder, pipe or device), before
/// anything opens it: opening a named pipe would wait for a writer forever.
pub fn check_regular(path: &Path) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("it is {}, not a file", special_kind(&meta)),
        )),
        _ => Ok(()),
    }
}

/// Gives the new file the owner of the one it replaces (Unix, where allowed; elsewhere the
/// owner is the user saving, as the system decides).
fn keep_owner(tmp: &Path, meta: &fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::chown(tmp, Some(meta.uid()), Some(meta.gid()));
    }
    #[cfg(not(unix))]
    let _ = (tmp, meta);
}

/// Removes temporary files that a killed save of `path` left beside it: they are named after
/// the file, and nobody holds their lock any more.
pub fn clean_stale_temps(path: &Path) {
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let name = name.to_string_lossy();
    let prefixes = [
        format!(".{name}.tmp-"),
        format!(".{name}.bak-"),
        format!(".{name}.old-"),
    ];
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let file_name = e.file_name().to_string_lossy().into_owned();
        if !prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            continue;
        }
        let p = e.path();
        if !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        // A save under way holds its lock; only a file no one holds is stale.
        if let Ok(f) = File::open(&p)
            && f.try_lock().is_ok()
        {
            drop(f);
            let _ = fs::remove_file(&p);
        }
    }
}

/// Copies the current file to `NAME.bak` (itself atomically, so a crash cannot leave a torn
/// backup in place of a good one).
fn keep_backup(target: &Path) -> io::Result<()> {
    let bak = backup_path(target);
    let bak_tmp = sibling(target, "bak");
    let copy = (|| {
        fs::copy(target, &bak_tmp)?;
        // A read-only original makes a read-only copy, which a later backup could not replace.
        let mut perms = fs::metadata(&bak_tmp)?.permissions();
        if perms.readonly() {
            #[allow(clippy::permissions_set_readonly_false)]
            perms.set_readonly(false);
            fs::set_permissions(&bak_tmp, perms)?;
        }
        File::open(&bak_tmp)?.sync_all()?;
        fs::rename(&bak_tmp, &bak)
    })();
    if copy.is_err() {
        let _ = fs::remove_file(&bak_tmp);
    }
    copy
}

/// Makes the rename itself durable. Not every platform can open a folder; there it is skipped.
pub(super) fn sync_dir(target: &Path) {
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
    fn a_folder_or_a_pipe_is_refused_and_nothing_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("plan.ron");
        fs::create_dir(&folder).unwrap();
        let err = write_atomically(&folder, |w| w.write_all(b"x")).unwrap_err();
        assert!(
            err.to_string().contains("it is a folder, not a file"),
            "{err}"
        );
        assert!(folder.is_dir());
        #[cfg(unix)]
        {
            let fifo = dir.path().join("pipe.pdf");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                let err = write_with(&fifo, Replace::EXPORT, |w| w.write_all(b"x")).unwrap_err();
                assert!(err.to_string().contains("a named pipe"), "{err}");
                assert!(check_regular(&fifo).is_err());
            }
        }
        assert!(
            leftovers(dir.path())
                .iter()
                .all(|n| n == "plan.ron" || n == "pipe.pdf")
        );
    }

    #[test]
    fn a_read_only_file_is_replaced_only_on_purpose_and_stays_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        fs::write(&path, b"adopted").unwrap();
        let mut perms = fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms).unwrap();
        let err = write_atomically(&path, |w| w.write_all(b"new")).unwrap_err();
        assert_eq!(err.step, READ_ONLY_STEP);
        assert_eq!(fs::read(&path).unwrap(), b"adopted");
        write_with(&path, Replace::PLAN.forced(true), |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert!(fs::metadata(&path).unwrap().permissions().readonly());
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"adopted");
        // The backup can itself be replaced by the next save.
        write_with(&path, Replace::PLAN.forced(true), |w| w.write_all(b"newer")).unwrap();
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn permissions_and_owner_of_a_replaced_file_are_kept() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        fs::write(&path, b"one").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        // Only root may give a file away; elsewhere the owner stays the user's own anyway.
        let owner = std::os::unix::fs::chown(&path, Some(4321), Some(4321)).is_ok();
        write_atomically(&path, |w| w.write_all(b"two")).unwrap();
        let meta = fs::metadata(&path).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, 0o640);
        if owner {
            assert_eq!((meta.uid(), meta.gid()), (4321, 4321));
        }
    }

    #[test]
    fn exports_keep_no_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.pdf");
        write_with(&path, Replace::EXPORT, |w| w.write_all(b"one")).unwrap();
        write_with(&path, Replace::EXPORT, |w| w.write_all(b"two")).unwrap();
        assert_eq!(leftovers(dir.path()), ["plan.pdf"]);
    }

    #[test]
    fn temporary_files_of_a_killed_save_are_removed_next_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        fs::write(&path, b"one").unwrap();
        // Left by a save that was killed: nobody holds it.
        fs::write(dir.path().join(".plan.ron.tmp-99999-0"), b"half").unwrap();
        fs::write(dir.path().join(".plan.ron.bak-99999-1"), b"half").unwrap();
        // A save under way in another process holds its lock: it stays.
        let busy = dir.path().join(".plan.ron.tmp-88888-0");
        let held = File::create(&busy).unwrap();
        held.lock().unwrap();
        // Another file's leftovers are not ours to remove.
        fs::write(dir.path().join(".other.ron.tmp-1-0"), b"x").unwrap();
        write_atomically(&path, |w| w.write_all(b"two")).unwrap();
        assert_eq!(
            leftovers(dir.path()),
            [
                ".other.ron.tmp-1-0",
                ".plan.ron.tmp-88888-0",
                "plan.ron",
                "plan.ron.bak"
            ]
        );
        drop(held);
        clean_stale_temps(&path);
        assert!(!busy.exists());
    }

    #[test]
    fn a_missing_folder_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("plan.ron");
        let err = write_atomically(&path, |w| w.write_all(b"x")).unwrap_err();
        assert_eq!(err.step, "creating the temporary file");
    }
}
