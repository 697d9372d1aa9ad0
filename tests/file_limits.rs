//! Nothing is written that cannot be read back: `generate`, `fmt` and saving check the limits of
//! a plan file before they write; files from Windows editors (a byte-order mark) and old Macs
//! (CR line ends) read with the right lines and columns; the backup of a file saved through a
//! symbolic link is named where it really is.

use std::fs;

use lap_studio::model::{Action, ActionId, Plan};
use lap_studio::store::{self, limits};

mod common;
use common::*;

#[test]
fn generate_refuses_more_actions_than_a_file_may_have() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("big.ron");
    let o = lap(&[
        "generate",
        "--actions",
        "10001",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "lap-studio: --actions 10001 is more than 10,000, the most actions a plan file may have\n"
    );
    assert!(!out.exists());
}

#[test]
fn save_refuses_a_plan_beyond_the_limits_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, "the old file").unwrap();
    let mut plan = Plan::new();
    plan.actions = (0..=limits::MAX_ACTIONS)
        .map(|i| Action {
            id: ActionId(format!("A-{i}")),
            ..Action::default()
        })
        .collect();
    let err = store::save(&path, &plan).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "could not save {}: checking the plan against the limits of a plan file failed: the list `actions` has 10,001 items, more than the 10,000 a plan file may have there; the previous file is unchanged",
            path.display()
        )
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "the old file");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file"
    );
    // A long text, set in the app, is refused the same way.
    plan.actions.truncate(1);
    plan.actions[0].title = "x".repeat(limits::MAX_TEXT_CHARS + 1);
    let err = store::save(&path, &plan).unwrap_err();
    assert!(
        err.to_string()
            .contains("the text of `actions.title` (in action \"A-0\") is 100,001 characters long"),
        "{err}"
    );
    // Within the limits, it saves and reads back.
    plan.actions[0].title.truncate(limits::MAX_TEXT_CHARS);
    store::save(&path, &plan).unwrap();
    assert_eq!(
        store::parse_lenient(&fs::read_to_string(&path).unwrap(), &path).unwrap(),
        plan
    );
}

#[test]
fn fmt_refuses_when_the_canonical_text_would_be_too_large() {
    // A compact file of 10,000 actions with 24 funding lines each (4 MB, within every limit)
    // whose canonical form, a field per line, takes 84 MB: more than a plan file may have.
    let actions: Vec<String> = (0..limits::MAX_ACTIONS)
        .map(|i| {
            let lines: Vec<String> = (0..24).map(|k| format!("(id:\"F{i}-{k}\")")).collect();
            format!("(id:\"A-{i}\",funding:[{}])", lines.join(","))
        })
        .collect();
    let text = format!("(format_version:4,actions:[{}])", actions.join(","));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("compact.ron");
    fs::write(&path, &text).unwrap();
    let o = lap(&["fmt", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    // It was read (the failing step is the check before writing), and not written.
    assert_eq!(
        stderr(&o),
        format!(
            "lap-studio: could not save {}: checking the plan against the limits of a plan file failed: its text would be 94,033,900 bytes, more than the 67,108,864 bytes (64 MiB) a plan file may have; the previous file is unchanged\n",
            path.display()
        )
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        text,
        "the file is unchanged"
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no backup, no temporary file"
    );
}

#[test]
fn a_byte_order_mark_is_read_and_fmt_drops_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("windows.ron");
    let canonical = fs::read_to_string("plan-templates/blank.ron").unwrap();
    fs::write(&path, format!("\u{FEFF}{canonical}")).unwrap();
    let o = lap(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = lap(&["fmt", "--check", path.to_str().unwrap()]);
    assert!(
        stdout(&o).ends_with("windows.ron: not canonical\n"),
        "{}",
        stdout(&o)
    );
    let o = lap(&["fmt", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&path).unwrap(), canonical);
}

#[cfg(unix)]
#[test]
fn fmt_through_a_link_names_the_real_backup() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("shared");
    fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("plan.ron");
    fs::write(&real, "(format_version: 4, facts: (city: \"София\"))").unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let o = lap(&["fmt", link.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let real_bak = fs::canonicalize(&real_dir).unwrap().join("plan.ron.bak");
    assert_eq!(
        stdout(&o),
        format!(
            "{}: rewritten (previous version in {})\n",
            link.display(),
            real_bak.display()
        )
    );
    assert!(real_bak.exists());
    assert!(!dir.path().join("link.ron.bak").exists());
}

#[test]
fn check_locates_escaped_and_blank_ids() {
    let o = lap(&[
        "check",
        "tests/bad-files/escaped-refs.ron",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let at: Vec<(String, u64, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "REF_DANGLING" || f["code"] == "ID_DUPLICATE")
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap_or(0),
                f["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        at,
        [
            ("ID_DUPLICATE".to_owned(), 15, 13),
            ("REF_DANGLING".to_owned(), 12, 28),
            ("REF_DANGLING".to_owned(), 17, 33)
        ]
    );
    let o = lap(&["check", "tests/bad-files/blank-ids.ron"]);
    let text = stdout(&o);
    assert!(
        text.contains("blank-ids.ron:18:13: error ID_EMPTY [actions/#2]: An action (1.2 «Информационен център») has an id of only spaces or invisible characters (\"\\u{1}\\u{200b}\")"),
        "{text}"
    );
}

#[test]
fn the_largest_generated_plan_is_readable() {
    // `generate` makes at most this many actions; its file must load.
    let plan = lap_studio::synthetic::plan(limits::MAX_ACTIONS, 1);
    let text = store::to_ron(&plan);
    assert!(
        limits::check_size(text.len()).is_ok(),
        "{} bytes",
        text.len()
    );
    assert_eq!(limits::check(&text), Ok(()));
}
