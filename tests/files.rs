//! Files that are not what they seem, and files that must not be replaced unasked, through the
//! command line as a user runs it: a pipe, a folder or a device never hangs anything and leaves
//! nothing behind; a read-only file needs `--force`; a dangling link is not written through.

use std::path::Path;
use std::process::Command;

mod common;
use common::*;

const SOFIA: &str = "plan-templates/sofia-open-cities.ron";

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn a_named_pipe_as_input_or_output_never_hangs() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.ron");
    if !mkfifo(&fifo) {
        return;
    }
    let f = fifo.to_str().unwrap();
    for args in [
        vec!["check", f],
        vec!["summary", f],
        vec!["fmt", f],
        vec!["fingerprint", f],
    ] {
        let o = lap(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("it is a named pipe, not a file"),
            "{}",
            stderr(&o)
        );
    }
    let pdf = dir.path().join("out.pdf");
    assert!(mkfifo(&pdf));
    let o = lap(&["export", SOFIA, "-o", pdf.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("a named pipe"), "{}", stderr(&o));
    let o = lap(&["new", "-o", f, "--force"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("a named pipe"), "{}", stderr(&o));
    assert_eq!(
        names(dir.path()),
        ["out.pdf", "plan.ron"],
        "nothing left behind"
    );
}

#[test]
fn a_folder_as_input_or_output_gets_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("plan.ron");
    std::fs::create_dir(&folder).unwrap();
    let o = lap(&["check", folder.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("it is a folder, not a file"),
        "{}",
        stderr(&o)
    );
    let o = lap(&["export", SOFIA, "-o", folder.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("it is a folder, not a file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(names(dir.path()), ["plan.ron"]);
}

#[test]
fn a_read_only_file_needs_force_and_exports_keep_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(SOFIA, &plan).unwrap();
    let pdf = dir.path().join("plan.pdf");
    let o = lap(&[
        "export",
        plan.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = lap(&[
        "export",
        plan.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !dir.path().join("plan.pdf.bak").exists(),
        "an export can be made again; it keeps no .bak"
    );
    for p in [&plan, &pdf] {
        let mut perms = std::fs::metadata(p).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(p, perms).unwrap();
    }
    let before = std::fs::read(&pdf).unwrap();
    let o = lap(&[
        "export",
        plan.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("read-only"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&pdf).unwrap(), before);
    let o = lap(&[
        "export",
        plan.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // A read-only plan is replaced by `new` only with --force, and stays read-only.
    let o = lap(&["new", "-o", plan.to_str().unwrap(), "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::metadata(&plan).unwrap().permissions().readonly());
}

#[cfg(unix)]
#[test]
fn new_never_writes_through_a_dangling_link_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("plan.ron");
    let elsewhere = dir.path().join("elsewhere.ron");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let o = lap(&["new", "-o", link.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert!(!elsewhere.exists());
}
