//! Plan files: RON text, pretty and deterministic, read with every kind of bad input turned into
//! an error that says where and what.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use super::atomic::{Replace, Replaced, replace_with};
use super::error::{LoadError, LoadErrorKind, LocatedProblem, Location, SaveError};
use super::limits::{self, MAX_NESTING};
use super::migrate::{UNVERSIONED, migrate};
use crate::model::integrity::{self, IntegrityProblem};
use crate::model::{FORMAT_VERSION, Lang, Plan, format};

pub use super::limits::MAX_FILE_BYTES;

/// How many integrity problems a load error lists; it says how many more there are.
pub const MAX_LISTED_PROBLEMS: usize = 100;

pub(super) fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_NESTING)
}

/// The canonical text of a plan: same plan, same bytes; one field per line, so changing one
/// field changes one line.
pub fn to_ron(plan: &Plan) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(true)
        .compact_arrays(false)
        .escape_strings(true);
    let mut text = ron::ser::to_string_pretty(plan, config)
        // Serialising our own types into a String has no failure path: every map key is a
        // string and every value is plain data.
        .unwrap_or_else(|e| unreachable!("a plan always serialises: {e}"));
    text.push('\n');
    text
}

#[derive(Deserialize)]
struct VersionProbe {
    /// 0 when the file does not say.
    #[serde(default)]
    format_version: u32,
}

/// The UTF-8 byte-order mark some Windows editors put at the start of a file.
const BOM: char = '\u{FEFF}';

/// The text without a byte-order mark at its start; lines and columns are counted after it, as
/// editors count them.
pub(super) fn without_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

pub(super) fn syntax(err: ron::error::SpannedError, text: &str) -> LoadErrorKind {
    // Ron counts lines at `\n` only; count them as editors do (`\r\n`, `\r`).
    let offset = Location::ron_offset(text, err.span.start.line.max(1), err.span.start.col.max(1));
    LoadErrorKind::Syntax {
        at: Location::of_offset(text, offset),
        message: describe(&err.code),
    }
}

/// Ron's wording, with the two cases planners meet most put in plain words.
fn describe(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => {
            "the file ends too early (is it truncated?); expected the rest of the plan".into()
        }
        ron::Error::ExceededRecursionLimit => {
            format!("the file nests deeper than {MAX_NESTING} levels; a plan file never does")
        }
        ron::Error::ExpectedString => "expected text in double quotes, like \"София\"".into(),
        ron::Error::ExpectedStringEnd => "this text has no closing `\"`".into(),
        ron::Error::ExpectedInteger => "expected a whole number".into(),
        ron::Error::ExpectedFloat => "expected a number, like 12.5".into(),
        ron::Error::IntegerOutOfBounds => "the number is out of range for this field (e.g. negative where only 0 or more is allowed)".into(),
        ron::Error::ExpectedOption => "expected Some(…) or None".into(),
        ron::Error::ExpectedArray => "expected a list in square brackets […]".into(),
        ron::Error::ExpectedComma => "expected a comma between items".into(),
        ron::Error::TrailingCharacters => "unexpected text after the end of the plan".into(),
        other => other.to_string(),
    }
}

/// Reads a plan from RON text. `origin` names the file in errors.
pub fn parse(text: &str, origin: &Path) -> Result<Plan, LoadError> {
    let text = without_bom(text);
    let plan = parse_lenient(text, origin)?;
    let mut listed = Vec::new();
    let mut more = 0usize;
    integrity::each_problem(&plan, |p| {
        if listed.len() < MAX_LISTED_PROBLEMS {
            listed.push(p);
        } else {
            more += 1;
        }
        std::ops::ControlFlow::Continue(())
    });
    if !listed.is_empty() {
        let mut located = locate_all(text, &listed);
        if more > 0 {
            located.push(LocatedProblem {
                location: None,
                message: format!(
                    "… and {} more problems with ids and references (only the first {MAX_LISTED_PROBLEMS} are listed)",
                    format::integer(Lang::En, more as u64)
                ),
            });
        }
        return Err(LoadError {
            file: origin.to_path_buf(),
            kind: LoadErrorKind::Integrity(located),
        });
    }
    Ok(plan)
}

/// Like [`parse`], but keeps a plan whose ids or references are broken, for the checks to report
/// (a consultant still wants to read such a file).
pub fn parse_lenient(text: &str, origin: &Path) -> Result<Plan, LoadError> {
    let text = without_bom(text);
    let err = |kind| LoadError {
        file: origin.to_path_buf(),
        kind,
    };
    if text.trim().is_empty() {
        let at = Location { line: 1, column: 1 };
        return Err(err(LoadErrorKind::Syntax {
            at,
            message: "the file is empty; expected a plan starting with `(`".into(),
        }));
    }
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(err(LoadErrorKind::TooLarge {
            size: text.len() as u64,
            limit: MAX_FILE_BYTES,
        }));
    }
    // Before the parser allocates anything for them: lists and texts beyond the limits.
    if let Err(e) = limits::check(text) {
        return Err(err(LoadErrorKind::Limit {
            at: Location::of_offset(text, e.offset),
            message: e.message,
        }));
    }
    let newer = |found| {
        err(LoadErrorKind::NewerVersion {
            found,
            supported: FORMAT_VERSION,
        })
    };
    let (mut plan, version) = match ron_options().from_str::<Plan>(text) {
        Ok(plan) => {
            let version = plan.format_version.max(UNVERSIONED);
            if version > FORMAT_VERSION {
                return Err(newer(version));
            }
            (plan, version)
        }
        Err(e) => {
            // A newer file most likely fails on a field it added; refuse it for its version,
            // not for whatever that field is. Only read the version when the parse failed, so
            // a good file is parsed once.
            let version = ron_options()
                .from_str::<VersionProbe>(text)
                .map_or(0, |p| p.format_version);
            if version > FORMAT_VERSION {
                return Err(newer(version));
            }
            return Err(err(syntax(e, text)));
        }
    };
    migrate(&mut plan, version);
    Ok(plan)
}

/// Finds where in the text an integrity problem shows, so the message can name line and column.
pub fn locate(text: &str, problem: &IntegrityProblem) -> LocatedProblem {
    locate_all(text, std::slice::from_ref(problem))
        .pop()
        .unwrap_or_else(|| LocatedProblem {
            location: None,
            message: problem.messages().0,
        })
}

/// Finds where in the text each problem shows, in one pass over the text: the problem's
/// message in English with its path, and its line and column where it could be found. Values
/// are compared as the parser reads them, so an escaped id (`"A\u{2D}1"`) is found too.
pub fn locate_all(text: &str, problems: &[IntegrityProblem]) -> Vec<LocatedProblem> {
    let text = without_bom(text);
    let offsets = super::locate::offsets(text, problems);
    let found: Vec<usize> = offsets.iter().flatten().copied().collect();
    let mut locations = Location::of_offsets(text, &found).into_iter();
    problems
        .iter()
        .zip(offsets)
        .map(|(problem, offset)| {
            let (en, _) = problem.messages();
            LocatedProblem {
                location: offset.and_then(|_| locations.next()),
                message: format!("{en} (at {})", problem.path()),
            }
        })
        .collect()
}

/// Reads a plan file. The file is not trusted: it may be anything. Temporary files that a
/// killed save of it left beside it are removed on the way.
pub fn load(path: &Path) -> Result<Plan, LoadError> {
    let text = read_text(path)?;
    super::atomic::clean_stale_temps(path);
    parse(&text, path)
}

/// Reads a file as plan text: bounded in size, and UTF-8. A byte-order mark at its start is
/// kept in the text (so `fmt` sees the file is not canonical) and skipped by [`parse`].
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let err = |kind| LoadError {
        file: path.to_path_buf(),
        kind,
    };
    // A folder, pipe or device is refused before it is opened: opening a named pipe would
    // wait for a writer forever.
    super::atomic::check_regular(path).map_err(|e| err(LoadErrorKind::Io(e)))?;
    let file = File::open(path).map_err(|e| err(LoadErrorKind::Io(e)))?;
    let size = file
        .metadata()
        .map_err(|e| err(LoadErrorKind::Io(e)))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(err(LoadErrorKind::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        }));
    }
    // Bound the read too: the size can change between the check and the read (a growing file,
    // a pipe).
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(LoadErrorKind::Io(e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(err(LoadErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        }));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or("");
        let before = without_bom(before);
        let at = Location::of_offset(before, before.len());
        err(LoadErrorKind::NotUtf8 { at })
    })
}

/// Saves a plan atomically, keeping the previous file as `NAME.bak`.
pub fn save(path: &Path, plan: &Plan) -> Result<(), SaveError> {
    save_file(path, plan).map(|_| ())
}

/// Like [`save`], with the replacing rules of `how` (e.g. a read-only file on purpose).
pub fn save_with(path: &Path, plan: &Plan, how: Replace) -> Result<(), SaveError> {
    save_file_with(path, plan, how).map(|_| ())
}

/// Saves a plan atomically, keeping the previous file as `NAME.bak`, and says which file was
/// written and where the backup is (next to the real file when `path` is a symbolic link).
/// A plan beyond the limits of a plan file ([`super::limits`]) is refused before anything is
/// written, so every file saved can be read back.
pub fn save_file(path: &Path, plan: &Plan) -> Result<Replaced, SaveError> {
    save_file_with(path, plan, Replace::PLAN)
}

/// [`save_file`] with the replacing rules of `how`.
pub fn save_file_with(path: &Path, plan: &Plan, how: Replace) -> Result<Replaced, SaveError> {
    let text = current_text(plan);
    if let Err(e) = limits::check_size(text.len()).and_then(|()| limits::check(&text)) {
        return Err(SaveError {
            file: path.to_path_buf(),
            step: "checking the plan against the limits of a plan file",
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.message),
        });
    }
    replace_with(path, how, |w| w.write_all(text.as_bytes()))
}

/// The canonical text in the current format, whatever version the plan was read as (cloning
/// only in that rare case).
fn current_text(plan: &Plan) -> String {
    if plan.format_version == FORMAT_VERSION {
        return to_ron(plan);
    }
    let mut current = plan.clone();
    current.format_version = FORMAT_VERSION;
    to_ron(&current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn small_plan() -> Plan {
        let mut p = Plan::new();
        p.facts.title = "План \"тест\"\nред 2".into();
        p.actions.push(Action {
            id: "A-1".into(),
            title: "Едно".into(),
            cost: Some(Money::from_cents(12_345)),
            ..Action::default()
        });
        p
    }

    #[test]
    fn round_trips_and_is_readable() {
        let p = small_plan();
        let text = to_ron(&p);
        assert!(
            text.contains("title: \"Едно\""),
            "Cyrillic stays readable:\n{text}"
        );
        assert!(text.contains("cost: Some(\"123.45\")"), "{text}");
        assert_eq!(parse(&text, Path::new("t.ron")).unwrap(), p);
        assert_eq!(to_ron(&parse(&text, Path::new("t.ron")).unwrap()), text);
    }

    #[test]
    fn one_field_changes_one_line() {
        let a = small_plan();
        let mut b = a.clone();
        b.actions[0].lead = "Столична община".into();
        let (ta, tb) = (to_ron(&a), to_ron(&b));
        let changed = ta.lines().zip(tb.lines()).filter(|(x, y)| x != y).count();
        assert_eq!(changed, 1);
        assert_eq!(ta.lines().count(), tb.lines().count());
    }

    #[test]
    fn newer_files_are_refused_by_version() {
        let text = "(format_version: 99, facts: (city: \"X\"), hologram: true)";
        let e = parse(text, Path::new("new.ron")).unwrap_err();
        assert!(
            matches!(e.kind, LoadErrorKind::NewerVersion { found: 99, .. }),
            "{e}"
        );
        assert!(e.to_string().starts_with("new.ron:"), "{e}");
    }

    #[test]
    fn version_one_files_are_migrated() {
        let text = r#"(format_version: 1, actions: [(id: "A-1", funding: [
            (id: "F-1", source: EsfPlus, amount: "10.00", secured: true),
            (id: "F-2", source: Municipal, amount: "5.00", secured: false)])])"#;
        let p = parse(text, Path::new("old.ron")).unwrap();
        assert_eq!(p.format_version, FORMAT_VERSION);
        let f = &p.actions[0].funding;
        assert_eq!(
            (f[0].status, f[1].status),
            (FundingStatus::Secured, FundingStatus::Potential)
        );
        assert!(f.iter().all(|l| l.legacy_secured.is_none()));
        assert!(!to_ron(&p).contains("secured:"));
    }

    #[test]
    fn version_three_risk_links_move_to_the_actions() {
        let text = r#"(format_version: 3,
            actions: [(id: "A-1", risks: ["R-2"]), (id: "A-2")],
            risks: [(id: "R-1", actions: ["A-2", "A-1"]), (id: "R-2", actions: [])])"#;
        let p = parse(text, Path::new("old.ron")).unwrap();
        let risks =
            |i: usize| -> Vec<&str> { p.actions[i].risks.iter().map(|r| r.as_str()).collect() };
        assert_eq!(risks(0), ["R-2", "R-1"]);
        assert_eq!(risks(1), ["R-1"]);
        assert!(p.risks.iter().all(|r| r.legacy_actions.is_none()));
        let threatened: Vec<&str> = p
            .actions_threatened_by(&"R-1".into())
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(threatened, ["A-1", "A-2"]);
        // Written once, on the actions.
        let written = to_ron(&p);
        let version = format!("format_version: {FORMAT_VERSION},");
        assert!(written.contains(&version), "{written}");
        assert_eq!(
            written.matches("actions:").count(),
            1,
            "only the plan's own:\n{written}"
        );
        assert_eq!(parse(&written, Path::new("new.ron")).unwrap(), p);
    }

    #[test]
    fn an_old_risk_naming_a_missing_action_is_located_not_dropped() {
        let text = "(\n    format_version: 3,\n    actions: [(id: \"A-1\")],\n    risks: [\n        (\n            id: \"R-1\",\n            actions: [\"A-1\", \"A-404\"],\n        ),\n    ],\n)\n";
        let e = parse(text, Path::new("old.ron")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "old.ron:7:30: actions refers to action \"A-404\", which does not exist (at risks/R-1.actions)"
        );
        // Read leniently (for `check`), the link that resolves is kept and the broken one is
        // still there to report.
        let p = parse_lenient(text, Path::new("old.ron")).unwrap();
        assert_eq!(p.actions[0].risks, [RiskId::from("R-1")]);
        assert_eq!(
            p.risks[0].legacy_actions,
            Some(vec![ActionId::from("A-404")])
        );
        assert_eq!(integrity::problems(&p).len(), 1);
    }

    #[test]
    fn a_practice_or_action_that_is_not_there_is_located() {
        let text = "(\n    format_version: 8,\n    actions: [\n        (\n            id: \"A-1\",\n            adapts: Some((practice: \"GP-9\")),\n        ),\n    ],\n    exchanges: [(id: \"EX-1\", actions: [\"A-7\"])],\n)\n";
        let e = parse(text, Path::new("p.ron")).unwrap_err();
        let s = e.to_string();
        assert!(s.contains("p.ron:6:"), "{s}");
        assert!(s.contains("\"GP-9\""), "{s}");
        assert!(s.contains("p.ron:9:"), "{s}");
        assert!(s.contains("\"A-7\""), "{s}");
    }

    #[test]
    fn a_flood_of_broken_links_is_listed_briefly() {
        let mut p = small_plan();
        p.actions[0].risks = (0..MAX_LISTED_PROBLEMS + 50)
            .map(|i| RiskId(format!("R-{i}")))
            .collect();
        let e = parse(&to_ron(&p), Path::new("many.ron")).unwrap_err();
        let text = e.to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), MAX_LISTED_PROBLEMS + 1);
        assert!(lines[0].starts_with("many.ron:"), "{}", lines[0]);
        assert_eq!(
            lines[MAX_LISTED_PROBLEMS],
            "many.ron: … and 50 more problems with ids and references (only the first 100 are listed)"
        );
    }

    #[test]
    fn duplicate_ids_are_located() {
        let mut p = small_plan();
        p.actions.push(Action {
            id: "A-1".into(),
            ..Action::default()
        });
        let text = to_ron(&p);
        let e = parse(&text, Path::new("dup.ron")).unwrap_err();
        let second = text.match_indices("id: \"A-1\"").nth(1).unwrap().0;
        assert_eq!(e.location(), Some(Location::of_offset(&text, second)));
        assert!(
            e.to_string()
                .contains("\"A-1\" is used by more than one item"),
            "{e}"
        );
    }
}

/// The SHA-256 of the plan's canonical text, in hex: the same for the same content, whatever the
/// file's formatting and on every machine. The monitoring rounds are not the plan's content (they
/// are added while an adopted plan is carried out), so they are left out: a round added to an
/// adopted plan leaves the fingerprint the council adopted. [`monitoring_fingerprint`] covers
/// them.
pub fn fingerprint(plan: &Plan) -> String {
    if plan.monitoring.is_empty() {
        return sha256_hex(current_text(plan).as_bytes());
    }
    let mut content = plan.clone();
    content.monitoring = crate::model::Monitoring::default();
    sha256_hex(current_text(&content).as_bytes())
}

/// The SHA-256 of the monitoring rounds' canonical text (with the tolerance they are judged by),
/// in hex: it changes when any round does, and only then.
pub fn monitoring_fingerprint(plan: &Plan) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .escape_strings(true);
    let text = ron::ser::to_string_pretty(&plan.monitoring, config)
        .unwrap_or_else(|e| unreachable!("monitoring always serialises: {e}"));
    sha256_hex(text.as_bytes())
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The first 16 hex digits of the fingerprint in groups of four, as printed in the PDF footer.
pub fn short_fingerprint(plan: &Plan) -> String {
    let full = fingerprint(plan);
    full.as_bytes()[..16]
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod fingerprint_tests {
    use super::*;

    #[test]
    fn fingerprint_follows_content_not_formatting() {
        let plan = crate::synthetic::plan(5, 1);
        let messy = "(format_version:2,facts:(city:\"X\"))";
        let a = parse(messy, Path::new("a.ron")).unwrap();
        let b = parse(&to_ron(&a), Path::new("b.ron")).unwrap();
        assert_eq!(fingerprint(&a), fingerprint(&b));
        assert_ne!(fingerprint(&a), fingerprint(&plan));
        assert_eq!(fingerprint(&plan).len(), 64);
        assert_eq!(short_fingerprint(&plan).len(), 19);
        assert!(fingerprint(&plan).starts_with(&short_fingerprint(&plan)[..4]));
    }

    #[test]
    fn a_round_changes_the_monitoring_fingerprint_not_the_plans() {
        let mut plan = crate::synthetic::plan(5, 1);
        plan.facts.status = crate::model::PlanStatus::Adopted;
        let (content, rounds) = (fingerprint(&plan), monitoring_fingerprint(&plan));
        let text = to_ron(&plan);
        assert!(
            !text.contains("\n    monitoring:"),
            "no rounds: nothing written"
        );
        plan.monitoring.rounds.push(crate::model::MonitoringRound {
            id: "MR-1".into(),
            note: "first".into(),
            ..Default::default()
        });
        assert_eq!(fingerprint(&plan), content);
        assert_ne!(monitoring_fingerprint(&plan), rounds);
        let again = monitoring_fingerprint(&plan);
        plan.monitoring.rounds[0].note = "first, corrected".into();
        assert_eq!(fingerprint(&plan), content);
        assert_ne!(monitoring_fingerprint(&plan), again);
        // The content still counts.
        plan.vision = "changed".into();
        assert_ne!(fingerprint(&plan), content);
    }
}
