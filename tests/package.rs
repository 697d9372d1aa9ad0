//! The files the Debian package installs agree with each other and with the program: the desktop
//! entry starts the binary on a plan file, names the plan file type and an icon that exists, and
//! matches the window's app id; the MIME type and the AppStream metadata say the same. Building
//! and installing the `.deb` itself is done by hand (see the README's "Install").

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use clap::Parser;
use lap_studio::cli::{Cli, Command};

const DESKTOP: &str = "assets/linux/lap-studio.desktop";
const MIME: &str = "assets/linux/lap-studio-mime.xml";
const METAINFO: &str = "assets/linux/lap-studio.metainfo.xml";
const MIME_NS: &str = "http://www.freedesktop.org/standards/shared-mime-info";
const ICON_SIZES: [u32; 7] = [16, 32, 48, 64, 128, 256, 512];

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The keys of the `[Desktop Entry]` group.
fn desktop_entry() -> HashMap<String, String> {
    let text = read(DESKTOP);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("[Desktop Entry]"));
    lines
        .take_while(|l| !l.starts_with('['))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (k, v) = l
                .split_once('=')
                .unwrap_or_else(|| panic!("{DESKTOP}: {l}"));
            (k.to_owned(), v.to_owned())
        })
        .collect()
}

fn list(value: &str) -> Vec<&str> {
    value.split(';').filter(|s| !s.is_empty()).collect()
}

/// The plan file type the MIME XML defines.
fn mime_type() -> String {
    let text = read(MIME);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let types: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((MIME_NS, "mime-type")))
        .collect();
    assert_eq!(types.len(), 1, "{MIME} defines one type");
    types[0].attribute("type").unwrap().to_owned()
}

/// The name of the binary cargo builds.
fn binary() -> String {
    Path::new(env!("CARGO_BIN_EXE_lap-studio"))
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// The command line the desktop entry runs, with `%f` replaced by `file` (or dropped).
fn exec(file: Option<&str>) -> Vec<String> {
    let entry = desktop_entry();
    entry["Exec"]
        .split(' ')
        .filter_map(|arg| match arg {
            "%f" => file.map(str::to_owned),
            a => Some(a.to_owned()),
        })
        .collect()
}

#[test]
fn the_desktop_entry_starts_the_app_on_a_plan_file_or_on_the_last_plan() {
    let entry = desktop_entry();
    assert_eq!(entry["Type"], "Application");
    assert_eq!(entry["Terminal"], "false");
    assert_eq!(entry["TryExec"], binary());
    let with_file = exec(Some("/home/planner/Sofia 2025.lap.ron"));
    assert_eq!(with_file[0], binary());
    match Cli::try_parse_from(&with_file).unwrap().command {
        Some(Command::Open {
            file: Some(file),
            template: None,
        }) => assert_eq!(file, PathBuf::from("/home/planner/Sofia 2025.lap.ron")),
        other => panic!("{with_file:?} gives {other:?}"),
    }
    // Started from the menu, with no file: the last plan, as `lap-studio` alone.
    let without = exec(None);
    match Cli::try_parse_from(&without).unwrap().command {
        Some(Command::Open {
            file: None,
            template: None,
        }) => {}
        other => panic!("{without:?} gives {other:?}"),
    }
}

#[test]
fn the_desktop_entry_names_the_plan_type_and_the_window() {
    let entry = desktop_entry();
    assert_eq!(list(&entry["MimeType"]), [mime_type().as_str()]);
    // The window's app id (X11 WM_CLASS, Wayland app_id) is what StartupWMClass names.
    let app = read("src/app/mod.rs");
    let id = app
        .split(".with_app_id(\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("src/app/mod.rs sets the app id");
    assert_eq!(entry["StartupWMClass"], id);
    for key in ["Name", "GenericName", "Comment", "Categories", "Icon"] {
        assert!(entry.contains_key(key), "{key} missing");
    }
    for key in ["GenericName[bg]", "Comment[bg]"] {
        assert!(
            entry[key].chars().any(|c| ('а'..='я').contains(&c)),
            "{key} is not in Bulgarian"
        );
    }
}

/// Width and height from a PNG's header.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{}", path.display());
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn the_icon_exists_as_svg_and_in_every_size() {
    let icon = &desktop_entry()["Icon"];
    let svg = read(&format!("assets/icons/{icon}.svg"));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(doc.root_element().attribute("viewBox"), Some("0 0 512 512"));
    assert!(
        !doc.descendants().any(|n| n.has_tag_name("text")),
        "the icon uses no fonts"
    );
    for size in ICON_SIZES {
        let png = PathBuf::from(format!(
            "assets/icons/hicolor/{size}x{size}/apps/{icon}.png"
        ));
        assert_eq!(png_size(&png), (size, size), "{}", png.display());
    }
}

#[test]
fn plan_files_are_lap_ron_text() {
    let text = read(MIME);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let ty = doc
        .descendants()
        .find(|n| n.has_tag_name((MIME_NS, "mime-type")))
        .unwrap();
    let child = |name: &str| {
        ty.children()
            .filter(move |n| n.has_tag_name((MIME_NS, name)))
            .collect::<Vec<_>>()
    };
    let globs: Vec<_> = child("glob")
        .iter()
        .map(|g| g.attribute("pattern").unwrap())
        .collect();
    assert_eq!(globs, ["*.lap.ron"]);
    assert_eq!(
        child("sub-class-of")[0].attribute("type"),
        Some("text/plain")
    );
    let langs: Vec<_> = child("comment")
        .iter()
        .map(|c| c.attribute(("http://www.w3.org/XML/1998/namespace", "lang")))
        .collect();
    assert_eq!(langs, [None, Some("bg")]);
}

#[test]
fn the_appstream_metadata_matches_the_package() {
    let text = read(METAINFO);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let text_of = |tag: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name(tag))
            .and_then(|n| n.text())
            .unwrap_or_else(|| panic!("<{tag}> missing"))
            .trim()
            .to_owned()
    };
    let desktop_id = text_of("launchable");
    assert_eq!(
        Path::new(DESKTOP).file_name().unwrap().to_str(),
        Some(desktop_id.as_str())
    );
    assert_eq!(text_of("binary"), binary());
    assert_eq!(text_of("mediatype"), mime_type());
    assert_eq!(text_of("project_license"), env!("CARGO_PKG_LICENSE"));
    assert_eq!(text_of("metadata_license"), "CC0-1.0");
    let release = doc
        .descendants()
        .find(|n| n.has_tag_name("release"))
        .unwrap();
    assert_eq!(
        release.attribute("version"),
        Some(env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn the_package_ships_files_that_exist() {
    let manifest = read("Cargo.toml");
    let section = manifest
        .split("[package.metadata.deb]")
        .nth(1)
        .expect("Cargo.toml configures cargo deb");
    let sources: Vec<&str> = section
        .lines()
        .filter_map(|l| l.trim().strip_prefix("[\""))
        .filter_map(|l| l.split('"').next())
        .collect();
    assert!(sources.contains(&"target/release/lap-studio"));
    for source in sources.iter().filter(|s| !s.starts_with("target/")) {
        assert!(Path::new(source).is_file(), "{source} is missing");
    }
    // The embedded fallback font's licence goes with the binary (SIL OFL 1.1, condition 2).
    for needed in [
        DESKTOP,
        MIME,
        METAINFO,
        "assets/icons/lap-studio.svg",
        "assets/fonts/OFL.txt",
    ] {
        assert!(sources.contains(&needed), "{needed} is not packaged");
    }
    for size in ICON_SIZES {
        let png = format!("assets/icons/hicolor/{size}x{size}/apps/lap-studio.png");
        assert!(sources.contains(&png.as_str()), "{png} is not packaged");
    }
}
