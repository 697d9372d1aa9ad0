//! The funding catalogue shipped with the app: one RON file a programme under
//! `plan-templates/funding/`, embedded in the binary and parsed once.

use std::sync::OnceLock;

use crate::model::Programme;

/// Each shipped programme file: its name and its RON text.
pub const FILES: &[(&str, &str)] = &[
    (
        "bg-amif-2021-2027.ron",
        include_str!("../../plan-templates/funding/bg-amif-2021-2027.ron"),
    ),
    (
        "bg-municipal-budget.ron",
        include_str!("../../plan-templates/funding/bg-municipal-budget.ron"),
    ),
    (
        "bg-national-cofinancing.ron",
        include_str!("../../plan-templates/funding/bg-national-cofinancing.ron"),
    ),
    (
        "bg-national-employment-plan.ron",
        include_str!("../../plan-templates/funding/bg-national-employment-plan.ron"),
    ),
    (
        "bg-phrd-2021-2027.ron",
        include_str!("../../plan-templates/funding/bg-phrd-2021-2027.ron"),
    ),
    (
        "bg-prd-2021-2027.ron",
        include_str!("../../plan-templates/funding/bg-prd-2021-2027.ron"),
    ),
    (
        "eu-amif-union-actions.ron",
        include_str!("../../plan-templates/funding/eu-amif-union-actions.ron"),
    ),
    (
        "eu-eui-innovative-actions.ron",
        include_str!("../../plan-templates/funding/eu-eui-innovative-actions.ron"),
    ),
    (
        "eu-urbact-iv.ron",
        include_str!("../../plan-templates/funding/eu-urbact-iv.ron"),
    ),
    (
        "interreg-danube.ron",
        include_str!("../../plan-templates/funding/interreg-danube.ron"),
    ),
    (
        "interreg-europe.ron",
        include_str!("../../plan-templates/funding/interreg-europe.ron"),
    ),
    (
        "interreg-gr-bg.ron",
        include_str!("../../plan-templates/funding/interreg-gr-bg.ron"),
    ),
    (
        "interreg-ipa-bg-mk.ron",
        include_str!("../../plan-templates/funding/interreg-ipa-bg-mk.ron"),
    ),
    (
        "interreg-ipa-bg-rs.ron",
        include_str!("../../plan-templates/funding/interreg-ipa-bg-rs.ron"),
    ),
    (
        "interreg-ipa-bg-tr.ron",
        include_str!("../../plan-templates/funding/interreg-ipa-bg-tr.ron"),
    ),
    (
        "interreg-next-black-sea-basin.ron",
        include_str!("../../plan-templates/funding/interreg-next-black-sea-basin.ron"),
    ),
    (
        "interreg-ro-bg.ron",
        include_str!("../../plan-templates/funding/interreg-ro-bg.ron"),
    ),
];

/// A shipped file that does not parse: its name and the reason (a test keeps this empty).
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogueError {
    /// The file.
    pub file: &'static str,
    /// What is wrong, with line and column.
    pub message: String,
}

fn parse_all() -> (Vec<Programme>, Vec<CatalogueError>) {
    let mut programmes = Vec::new();
    let mut errors = Vec::new();
    for (file, text) in FILES {
        match ron::from_str::<Programme>(text) {
            Ok(p) => programmes.push(p),
            Err(e) => errors.push(CatalogueError {
                file,
                message: e.to_string(),
            }),
        }
    }
    (programmes, errors)
}

fn parsed() -> &'static (Vec<Programme>, Vec<CatalogueError>) {
    static CELL: OnceLock<(Vec<Programme>, Vec<CatalogueError>)> = OnceLock::new();
    CELL.get_or_init(parse_all)
}

/// The shipped programmes. A file that does not parse is left out rather than stopping the app;
/// [`errors`] names it, and a test keeps the list empty.
pub fn shipped() -> &'static [Programme] {
    &parsed().0
}

/// Shipped files that did not parse.
pub fn errors() -> &'static [CatalogueError] {
    &parsed().1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_the_folder_is_shipped_and_parses() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plan-templates/funding");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ron"))
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = FILES.iter().map(|(n, _)| n.to_string()).collect();
        listed.sort();
        assert_eq!(
            on_disk, listed,
            "store::catalogue::FILES must list every file"
        );
        assert_eq!(errors(), &[] as &[CatalogueError]);
    }
}
