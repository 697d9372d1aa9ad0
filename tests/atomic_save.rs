//! Saving never loses the previous plan.

use std::fs;
use std::io;

use lap_studio::store::{self, atomic};

#[test]
fn a_save_that_fails_half_way_leaves_the_old_plan_loadable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sofia.ron");
    let old = store::templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    store::save(&path, &old).unwrap();
    let before = fs::read(&path).unwrap();

    let mut new = old.clone();
    new.facts.title = "Нова версия".into();
    let text = store::to_ron(&new);
    // The disk fills up after half of the new plan is written.
    let err = atomic::write_atomically(&path, |w| {
        w.write_all(&text.as_bytes()[..text.len() / 2])?;
        w.flush()?;
        Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "No space left on device",
        ))
    })
    .unwrap_err();

    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(store::load(&path).unwrap(), old);
    let msg = err.to_string();
    assert!(
        msg.contains("sofia.ron")
            && msg.contains("No space left on device")
            && msg.contains("unchanged"),
        "{msg}"
    );
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["sofia.ron"], "no temporary file is left behind");
}

#[test]
fn each_save_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut plan = lap_studio::model::Plan::new();
    plan.facts.title = "v1".into();
    store::save(&path, &plan).unwrap();
    plan.facts.title = "v2".into();
    store::save(&path, &plan).unwrap();
    assert_eq!(store::load(&path).unwrap().facts.title, "v2");
    assert_eq!(
        store::load(&atomic::backup_path(&path))
            .unwrap()
            .facts
            .title,
        "v1"
    );
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_replaces_the_linked_file() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    store::save(&real, &lap_studio::model::Plan::new()).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut plan = lap_studio::model::Plan::new();
    plan.vision = "през връзката".into();
    store::save(&link, &plan).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(store::load(&real).unwrap().vision, "през връзката");
}
