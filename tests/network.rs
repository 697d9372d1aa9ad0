//! The network file from the command line: `lap-studio network new|check|import`, and a plan
//! synced from a network file is told when the network agrees a newer version.

use std::path::Path;

use lap_studio::model::{Currency, Network};
use lap_studio::store;

mod common;
use common::*;

const SOFIA: &str = "plan-templates/sofia-open-cities.ron";

#[test]
fn a_plan_synced_from_a_network_file_is_told_when_stale() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("sofia.ron");
    std::fs::copy(SOFIA, &plan).unwrap();
    let net = dir.path().join("open.lapnet.ron");
    let (p, n) = (plan.to_str().unwrap(), net.to_str().unwrap());

    // new: from the plan's framework; never over an existing file.
    let o = lap(&["network", "new", "OPEN Cities", "-o", n, "--from", p]);
    assert!(o.status.success(), "{o:?}");
    assert!(stdout(&o).contains("5 cities"), "{}", stdout(&o));
    let o = lap(&["network", "new", "Other", "-o", n]);
    assert_eq!(o.status.code(), Some(2));
    let network = store::network::load(&net).unwrap();
    assert_eq!(network.name, "OPEN Cities");
    assert!(network.openness.home_city.is_none());
    assert!(network.date.is_some());

    // check: the network is clean; the plan took nothing from it yet.
    let o = lap(&["network", "check", n, p]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("0 errors, 0 warnings"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("not taken from a network file"));

    // import: the plan takes the framework and records the version.
    let o = lap(&["network", "import", n, p]);
    assert!(o.status.success(), "{o:?}");
    let synced = store::load(&plan).unwrap();
    assert_eq!(synced.network.as_ref().unwrap().name, "OPEN Cities");
    assert_eq!(synced.openness.values, network.openness.values);
    assert!(
        synced.openness.home_city.is_some(),
        "Sofia keeps its home city"
    );
    let o = lap(&["network", "check", n, p]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("up to date with OPEN Cities"));

    // The network agrees a new version: the plan's copy is older, and the check says so.
    let mut newer: Network = network.clone();
    newer.version = "2".into();
    newer.date = "2099-01-01".parse().ok();
    store::network::save(&net, &newer, store::atomic::Replace::PLAN).unwrap();
    assert!(matches!(newer.currency_of(&synced), Currency::Older { .. }));
    let o = lap(&["network", "check", n, p, "--lang", "bg"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("по-стара"), "{}", stdout(&o));
    // Importing again brings it up to date.
    assert!(lap(&["network", "import", n, p]).status.success());
    let o = lap(&["network", "check", n, p]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn a_broken_network_file_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let net = dir.path().join("bad.lapnet.ron");
    std::fs::write(
        &net,
        "(\n    format_version: 1,\n    name: \"X\",\n    colour: 3,\n)\n",
    )
    .unwrap();
    let o = lap(&["network", "check", net.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("bad.lapnet.ron:4:"), "{e}");
    // The plan is never touched by a failed import.
    let plan = dir.path().join("p.ron");
    std::fs::copy(SOFIA, &plan).unwrap();
    let before = std::fs::read(&plan).unwrap();
    let o = lap(&[
        "network",
        "import",
        net.to_str().unwrap(),
        plan.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(Path::new(&plan)).unwrap(), before);
}
