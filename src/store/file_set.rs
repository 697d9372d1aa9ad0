//! Several files written as one set (the CSV tables of an export): when writing fails, either
//! every file of the set is new or every file is as it was, and the error says which.
//!
//! Each new file is first written to a temporary file next to its target and flushed to disk,
//! and each existing target is copied aside; only then are the new files renamed into place,
//! one by one. When a rename fails, the files already replaced are put back from their copies
//! (and files that did not exist before are removed). On success each copy becomes the file's
//! `NAME.bak`, as a single save keeps it. A crash (power loss, `kill -9`) in the middle of the
//! renames can still leave a mix; the temporary files are then named `.NAME.tmp-…` and
//! `.NAME.old-…`.

use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::atomic::{READ_ONLY_STEP, Replace, backup_path, check_regular, sibling, sync_dir};

/// Why a set of files could not be written, and in what state the files are.
#[derive(Debug)]
pub struct SetError {
    /// The file whose step failed.
    pub file: PathBuf,
    /// The step that failed, in words.
    pub step: &'static str,
    /// The system's reason.
    pub source: io::Error,
    /// Every file of the set, in order.
    pub files: Vec<PathBuf>,
    /// The files that hold the new content although the set failed: empty when no file was
    /// changed, the usual case. Not empty only when putting an old file back failed too.
    pub new: Vec<PathBuf>,
    /// Why those could not be put back, and where their previous content is kept, if it is.
    pub not_restored: Vec<(PathBuf, io::Error, Option<PathBuf>)>,
}

impl SetError {
    /// True when every file of the set is as it was before.
    pub fn nothing_changed(&self) -> bool {
        self.new.is_empty()
    }
}

fn name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn names(files: &[&PathBuf]) -> String {
    files.iter().map(|p| name(p)).collect::<Vec<_>>().join(", ")
}

impl fmt::Display for SetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not write {}: {} failed: {}; ",
            self.file.display(),
            self.step,
            self.source
        )?;
        if self.nothing_changed() {
            return write!(f, "no file was changed");
        }
        let old: Vec<&PathBuf> = self
            .files
            .iter()
            .filter(|p| !self.new.contains(p))
            .collect();
        let new: Vec<&PathBuf> = self.new.iter().collect();
        write!(
            f,
            "putting the previous files back failed too, so the files are mixed: new: {}; as before: {}",
            names(&new),
            if old.is_empty() {
                "none".to_owned()
            } else {
                names(&old)
            }
        )?;
        for (file, why, kept) in &self.not_restored {
            write!(f, "; {}: {why}", name(file))?;
            if let Some(kept) = kept {
                write!(f, " (its previous content is in {})", kept.display())?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for SetError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// One file of the set on its way.
struct Entry {
    /// Where the caller asked for it.
    asked: PathBuf,
    /// The real file (through a link).
    target: PathBuf,
    /// The new content, written and flushed.
    tmp: Option<PathBuf>,
    /// A copy of the previous content, when there was a file.
    old: Option<PathBuf>,
}

/// Writes every `(path, content)` or none: see the module description. Folders must exist.
pub fn write_all_or_none(files: &[(PathBuf, Vec<u8>)], how: Replace) -> Result<(), SetError> {
    write_set(files, how, &mut |from, to| fs::rename(from, to))
}

/// [`write_all_or_none`] with the rename to use, so tests can make one fail.
fn write_set(
    files: &[(PathBuf, Vec<u8>)],
    how: Replace,
    rename: &mut dyn FnMut(&Path, &Path) -> io::Result<()>,
) -> Result<(), SetError> {
    let all: Vec<PathBuf> = files.iter().map(|(p, _)| p.clone()).collect();
    let fail = |file: &Path, step, source| SetError {
        file: file.to_path_buf(),
        step,
        source,
        files: all.clone(),
        new: Vec::new(),
        not_restored: Vec::new(),
    };
    let mut entries: Vec<Entry> = files
        .iter()
        .map(|(p, _)| Entry {
            asked: p.clone(),
            // Write next to the real file when the path is a link, as a single save does.
            target: fs::canonicalize(p).unwrap_or_else(|_| p.clone()),
            tmp: None,
            old: None,
        })
        .collect();
    let cleanup = |entries: &[Entry]| {
        for e in entries {
            for p in [&e.tmp, &e.old].into_iter().flatten() {
                let _ = fs::remove_file(p);
            }
        }
    };

    // 1. Nothing that is there but not a file (a folder, a pipe, a device) is replaced: it could
    //    not be put back.
    for e in &entries {
        if let Err(why) = check_regular(&e.target) {
            return Err(fail(&e.asked, "checking the file", why));
        }
        // A read-only file is replaced only when asked to, as a single save does.
        if let Ok(meta) = fs::metadata(&e.target)
            && meta.permissions().readonly()
            && !how.read_only_too
        {
            return Err(fail(
                &e.asked,
                READ_ONLY_STEP,
                io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    "the file is read-only; replace it only on purpose (--force)",
                ),
            ));
        }
    }
    // 2. The new contents, in temporary files flushed to disk; the previous ones copied aside.
    for (i, (_, bytes)) in files.iter().enumerate() {
        let written = prepare(&mut entries[i], bytes);
        if let Err((step, err)) = written {
            cleanup(&entries);
            return Err(fail(&entries[i].asked, step, err));
        }
    }
    // 3. Into place, one by one; on a failure, back out.
    for i in 0..entries.len() {
        let Some(tmp) = entries[i].tmp.clone() else {
            continue;
        };
        if let Err(err) = rename(&tmp, &entries[i].target) {
            let mut error = fail(&entries[i].asked, "replacing the file", err);
            for e in entries[..i].iter_mut().rev() {
                e.tmp = None;
                let back = match &e.old {
                    Some(old) => rename(old, &e.target),
                    None => fs::remove_file(&e.target),
                };
                match back {
                    Ok(()) => e.old = None,
                    Err(why) => {
                        error.new.insert(0, e.asked.clone());
                        // The copy is the only previous content left: keep it.
                        error
                            .not_restored
                            .insert(0, (e.asked.clone(), why, e.old.take()));
                    }
                }
            }
            cleanup(&entries);
            sync_dir(&entries[0].target);
            return Err(error);
        }
        entries[i].tmp = None;
    }
    // 4. Done: each previous content becomes the file's backup, or goes when none is kept.
    for e in &mut entries {
        if let Some(old) = e.old.take()
            && (!how.backup || fs::rename(&old, backup_path(&e.target)).is_err())
        {
            let _ = fs::remove_file(&old);
        }
    }
    if let Some(first) = entries.first() {
        sync_dir(&first.target);
    }
    Ok(())
}

/// Writes the new content of one file to a temporary file and copies its previous content
/// aside; on failure says which step failed (what was made is in `e`, for cleaning up).
fn prepare(e: &mut Entry, bytes: &[u8]) -> Result<(), (&'static str, io::Error)> {
    if e.target.file_name().is_none() {
        return Err((
            "choosing the file name",
            io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"),
        ));
    }
    let tmp = sibling(&e.target, "tmp");
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(|err| ("creating the temporary file", err))?;
    e.tmp = Some(tmp.clone());
    file.write_all(bytes)
        .map_err(|err| ("writing the temporary file", err))?;
    file.sync_all()
        .map_err(|err| ("flushing the temporary file to disk", err))?;
    if let Ok(meta) = fs::metadata(&e.target) {
        // Keep the permissions the user gave the file.
        let _ = fs::set_permissions(&tmp, meta.permissions());
        let old = sibling(&e.target, "old");
        e.old = Some(old.clone());
        fs::copy(&e.target, &old)
            .and_then(|_| fs::File::open(&old)?.sync_all())
            .map_err(|err| ("keeping a copy of the previous file", err))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn set(dir: &Path, content: &str) -> Vec<(PathBuf, Vec<u8>)> {
        ["a.csv", "b.csv", "c.csv"]
            .iter()
            .map(|n| (dir.join(n), format!("{content} {n}").into_bytes()))
            .collect()
    }

    fn read(dir: &Path, n: &str) -> String {
        fs::read_to_string(dir.join(n)).unwrap()
    }

    #[test]
    fn a_rename_that_fails_midway_puts_the_replaced_files_back() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write_all_or_none(&set(d, "old"), Replace::PLAN).unwrap();
        fs::remove_file(d.join("c.csv")).unwrap();
        // b.csv cannot be replaced: a.csv is new by then, and is put back.
        let mut calls = 0;
        let err = write_set(&set(d, "new"), Replace::PLAN, &mut |from, to| {
            calls += 1;
            if to.ends_with("b.csv") && from.to_string_lossy().contains(".tmp-") {
                Err(io::Error::other("disk said no"))
            } else {
                fs::rename(from, to)
            }
        })
        .unwrap_err();
        assert!(err.nothing_changed());
        let msg = err.to_string();
        assert!(
            msg.contains("b.csv: replacing the file failed: disk said no; no file was changed"),
            "{msg}"
        );
        assert_eq!(calls, 3, "a in, b fails, a back");
        assert_eq!(read(d, "a.csv"), "old a.csv");
        assert_eq!(read(d, "b.csv"), "old b.csv");
        // c.csv did not exist and does not now; no temporary file is left, no backup made.
        assert_eq!(listing(d), ["a.csv", "b.csv"]);
    }

    #[test]
    fn when_putting_back_fails_too_the_error_says_which_files_are_new() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write_all_or_none(&set(d, "old"), Replace::PLAN).unwrap();
        let err = write_set(&set(d, "new"), Replace::PLAN, &mut |from, to| {
            let name = from.to_string_lossy();
            if to.ends_with("c.csv") || (to.ends_with("a.csv") && name.contains(".old-")) {
                Err(io::Error::other("disk said no"))
            } else {
                fs::rename(from, to)
            }
        })
        .unwrap_err();
        assert!(!err.nothing_changed());
        assert_eq!(err.new, [d.join("a.csv")]);
        let msg = err.to_string();
        assert!(
            msg.contains("the files are mixed: new: a.csv; as before: b.csv, c.csv; a.csv: disk said no (its previous content is in "),
            "{msg}"
        );
        assert_eq!(read(d, "a.csv"), "new a.csv");
        assert_eq!(read(d, "b.csv"), "old b.csv");
        assert_eq!(read(d, "c.csv"), "old c.csv");
        // The previous a.csv is kept where the message says; nothing else is left.
        let kept = err.not_restored[0].2.clone().unwrap();
        assert_eq!(fs::read_to_string(&kept).unwrap(), "old a.csv");
        assert_eq!(listing(d).len(), 3 + 1, "{:?}", listing(d));
    }

    #[test]
    fn success_replaces_every_file_and_keeps_backups() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write_all_or_none(&set(d, "old"), Replace::PLAN).unwrap();
        assert_eq!(listing(d), ["a.csv", "b.csv", "c.csv"]);
        write_all_or_none(&set(d, "new"), Replace::PLAN).unwrap();
        assert_eq!(read(d, "b.csv"), "new b.csv");
        assert_eq!(read(d, "b.csv.bak"), "old b.csv");
        assert_eq!(
            listing(d),
            [
                "a.csv",
                "a.csv.bak",
                "b.csv",
                "b.csv.bak",
                "c.csv",
                "c.csv.bak"
            ]
        );
    }

    #[test]
    fn a_folder_in_the_way_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write_all_or_none(&set(d, "old"), Replace::PLAN).unwrap();
        fs::remove_file(d.join("b.csv")).unwrap();
        fs::create_dir(d.join("b.csv")).unwrap();
        let err = write_all_or_none(&set(d, "new"), Replace::PLAN).unwrap_err();
        assert!(err.nothing_changed());
        assert!(
            err.to_string().contains(
                "b.csv: checking the file failed: it is a folder, not a file; no file was changed"
            ),
            "{err}"
        );
        assert_eq!(read(d, "a.csv"), "old a.csv");
        assert_eq!(listing(d), ["a.csv", "b.csv", "c.csv"]);
    }
}
