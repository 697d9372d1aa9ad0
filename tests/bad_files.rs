//! Every kind of bad plan file gives an error that names the file, the line and column, and what
//! was expected — never a panic, a hang or unbounded memory.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use lap_studio::store::{self, LoadErrorKind, MAX_FILE_BYTES};

fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir("tests/bad-files")
        .expect("the corpus folder")
        .map(|e| e.expect("a corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn each_bad_file_gives_its_expected_error() {
    let files = corpus();
    assert!(files.len() >= 15, "the corpus has {} files", files.len());
    for file in files {
        let expected_path = file.with_extension("expected");
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let err = match store::load(&file) {
            Ok(_) => panic!("{} loaded, but it is broken", file.display()),
            Err(e) => e,
        };
        assert_eq!(err.to_string(), expected.trim_end(), "{}", file.display());
        // Every message begins with the file's name.
        assert!(err.to_string().starts_with(&file.display().to_string()));
    }
}

#[test]
fn errors_in_content_name_line_and_column() {
    for file in corpus() {
        let err = store::load(&file).unwrap_err();
        if matches!(err.kind, LoadErrorKind::NewerVersion { .. }) {
            continue;
        }
        let at = err
            .location()
            .unwrap_or_else(|| panic!("{}: no location in {err}", file.display()));
        assert!(at.line >= 1 && at.column >= 1);
        assert!(
            err.to_string()
                .contains(&format!(":{}:{}: ", at.line, at.column)),
            "{err}"
        );
    }
}

#[test]
fn a_gigabyte_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // Sparse: takes no disk space, and would take a gigabyte of memory if it were read.
    fs::File::create(&path).unwrap().set_len(1 << 30).unwrap();
    let err = store::load(&path).unwrap_err();
    match err.kind {
        LoadErrorKind::TooLarge { size, limit } => {
            assert_eq!(size, 1 << 30);
            assert_eq!(limit, MAX_FILE_BYTES);
        }
        other => panic!("expected TooLarge, got {other}"),
    }
    assert!(
        err.to_string()
            .contains("huge.ron: the file is 1073741824 bytes"),
        "{err}"
    );
}

fn deep(prefix: &str, open: &str, depth: usize, suffix: &str) -> String {
    let mut s = String::with_capacity(depth * open.len() + prefix.len() + suffix.len());
    s.push_str(prefix);
    for _ in 0..depth {
        s.push_str(open);
    }
    s.push_str(suffix);
    s
}

#[test]
fn nesting_a_hundred_thousand_deep_is_refused() {
    for text in [
        deep("", "[", 100_000, ""),
        deep("", "(", 100_000, ""),
        deep("(format_version: 2, facts: (city: ", "[", 100_000, ""),
        deep("(format_version: 2, vision: Some(", "Some(", 100_000, ""),
        deep("(unknown: ", "(a: ", 100_000, ""),
    ] {
        let err = store::parse(&text, Path::new("deep.ron")).unwrap_err();
        assert!(err.location().is_some(), "{err}");
        let msg = err.to_string();
        assert!(msg.starts_with("deep.ron:1:"), "{msg}");
    }
}

#[test]
fn random_bytes_never_panic() {
    // A fixed pseudo-random stream, so a failure can be reproduced.
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let valid = store::to_ron(&lap_studio::synthetic::plan(3, 9));
    for round in 0..300 {
        let mut bytes = valid.clone().into_bytes();
        for _ in 0..(round % 17 + 1) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let at = (x as usize) % bytes.len();
            bytes[at] = (x >> 32) as u8;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mutated.ron");
        fs::File::create(&path).unwrap().write_all(&bytes).unwrap();
        // Ok or a located error; the point is that it returns.
        if let Err(e) = store::load(&path) {
            assert!(!e.to_string().is_empty());
        }
    }
}

#[test]
fn a_missing_file_is_named() {
    let err = store::load(Path::new("tests/bad-files/no-such-plan.ron")).unwrap_err();
    assert!(matches!(err.kind, LoadErrorKind::Io(_)));
    assert!(
        err.to_string()
            .starts_with("tests/bad-files/no-such-plan.ron: cannot read the file"),
        "{err}"
    );
}

/// Writes `text` to a temporary file named `name` and loads it.
fn load_text(name: &str, text: &str) -> (tempfile::TempDir, store::LoadError) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    let err = store::load(&path).expect_err("the file is beyond a limit");
    (dir, err)
}

#[test]
fn more_actions_than_a_plan_may_have_are_refused_where_the_list_starts() {
    let actions = vec!["()"; store::limits::MAX_ACTIONS + 1].join(",\n        ");
    let text = format!("(\n    format_version: 4,\n    actions: [\n        {actions}\n    ],\n)\n");
    let (dir, err) = load_text("many.ron", &text);
    assert!(matches!(err.kind, LoadErrorKind::Limit { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        format!(
            "{}:3:14: the list `actions` has 10,001 items, more than the 10,000 a plan file may have there",
            dir.path().join("many.ron").display()
        )
    );
    // At the limit the file loads.
    let at_limit = vec!["()"; store::limits::MAX_ACTIONS].join(",");
    let plan = store::parse(&format!("(actions: [{at_limit}])"), Path::new("ok.ron"));
    assert!(plan.is_err_and(|e| matches!(e.kind, LoadErrorKind::Integrity(_))));
}

#[test]
fn a_text_longer_than_a_field_may_have_is_refused_where_it_starts() {
    let long = "Дълго заглавие ".repeat(7_000);
    let text = format!(
        "(\n    facts: (\n        city: \"София\",\n        title: \"{long}\",\n    ),\n)\n"
    );
    let (dir, err) = load_text("long.ron", &text);
    assert_eq!(
        err.to_string(),
        format!(
            "{}:4:16: the text of `facts.title` is 105,000 characters long, more than the 100,000 a text field may have",
            dir.path().join("long.ron").display()
        )
    );
    let id = "A".repeat(201);
    let text = format!("(actions: [(id: \"A-1\"), (\n  id: \"{id}\")])");
    let (_dir, err) = load_text("id.ron", &text);
    assert!(
        err.to_string().ends_with(
            ":2:7: the text of `actions.id` (in action #2) is 201 characters long, more than the 200 an id, a reference, a code, a date or an amount may have"
        ),
        "{err}"
    );
}

#[test]
fn lists_within_their_limits_are_still_bounded_all_together() {
    // 2,001 actions of 500 partners: each list within its limit, a million and more items; the
    // 1,000,001st is the 4th partner of the 1,997th action (actions count as items too).
    let partners = vec!["\"\""; 500].join(",");
    let action = format!("(partners: [{partners}])");
    let text = format!("(actions: [{}])", vec![action.as_str(); 2_001].join(",\n"));
    let (_dir, err) = load_text("all.ron", &text);
    assert!(
        err.to_string()
            .ends_with(":1997:22: the file has more than 1,000,000 list items in all lists together, the most a plan file may have; this item is past that"),
        "{err}"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let plan = lap_studio::synthetic::plan(3, 5);
    let text = format!("\u{FEFF}{}", store::to_ron(&plan));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.ron");
    fs::write(&path, &text).unwrap();
    assert_eq!(store::load(&path).unwrap(), plan);
}
