//! The good-practice library shipped with the app: one RON file a practice under
//! `plan-templates/practices/`, embedded in the binary and parsed once. A practice without a
//! public source is not shipped: the library is only as good as what a planner can check.

use std::sync::OnceLock;

use crate::model::{GoodPractice, PracticeId, is_web_address};

/// Each shipped practice file: its name and its RON text.
pub const FILES: &[(&str, &str)] = &[
    (
        "gp-01-vienna-startwien.ron",
        include_str!("../../plan-templates/practices/gp-01-vienna-startwien.ron"),
    ),
    (
        "gp-02-vienna-integration-monitor.ron",
        include_str!("../../plan-templates/practices/gp-02-vienna-integration-monitor.ron"),
    ),
    (
        "gp-03-vienna-core.ron",
        include_str!("../../plan-templates/practices/gp-03-vienna-core.ron"),
    ),
    (
        "gp-04-vienna-youth-college.ron",
        include_str!("../../plan-templates/practices/gp-04-vienna-youth-college.ron"),
    ),
    (
        "gp-05-belfast-migrants-forum.ron",
        include_str!("../../plan-templates/practices/gp-05-belfast-migrants-forum.ron"),
    ),
    (
        "gp-06-belfast-migrant-centre.ron",
        include_str!("../../plan-templates/practices/gp-06-belfast-migrant-centre.ron"),
    ),
    (
        "gp-07-dublin-student-city.ron",
        include_str!("../../plan-templates/practices/gp-07-dublin-student-city.ron"),
    ),
    (
        "gp-08-dublin-integration-programme.ron",
        include_str!("../../plan-templates/practices/gp-08-dublin-integration-programme.ron"),
    ),
    (
        "gp-09-dublin-deli.ron",
        include_str!("../../plan-templates/practices/gp-09-dublin-deli.ron"),
    ),
    (
        "gp-10-madrid-semsi.ron",
        include_str!("../../plan-templates/practices/gp-10-madrid-semsi.ron"),
    ),
    (
        "gp-11-sofia-info-bureau.ron",
        include_str!("../../plan-templates/practices/gp-11-sofia-info-bureau.ron"),
    ),
    (
        "gp-12-poznan-migrant-info-point.ron",
        include_str!("../../plan-templates/practices/gp-12-poznan-migrant-info-point.ron"),
    ),
    (
        "gp-13-barcelona-anti-rumours.ron",
        include_str!("../../plan-templates/practices/gp-13-barcelona-anti-rumours.ron"),
    ),
    (
        "gp-14-amadora-rumourless.ron",
        include_str!("../../plan-templates/practices/gp-14-amadora-rumourless.ron"),
    ),
    (
        "gp-15-groningen-international-talent.ron",
        include_str!("../../plan-templates/practices/gp-15-groningen-international-talent.ron"),
    ),
    (
        "gp-16-nuremberg-integreat.ron",
        include_str!("../../plan-templates/practices/gp-16-nuremberg-integreat.ron"),
    ),
    (
        "gp-17-berlin-district-mothers.ron",
        include_str!("../../plan-templates/practices/gp-17-berlin-district-mothers.ron"),
    ),
    (
        "gp-18-zurich-naturalisation.ron",
        include_str!("../../plan-templates/practices/gp-18-zurich-naturalisation.ron"),
    ),
    (
        "gp-19-antwerp-curant.ron",
        include_str!("../../plan-templates/practices/gp-19-antwerp-curant.ron"),
    ),
    (
        "gp-20-utrecht-plan-einstein.ron",
        include_str!("../../plan-templates/practices/gp-20-utrecht-plan-einstein.ron"),
    ),
];

/// A shipped file that does not parse or is refused: its name and the reason (a test keeps
/// this empty).
#[derive(Clone, Debug, PartialEq)]
pub struct PracticeError {
    /// The file.
    pub file: &'static str,
    /// What is wrong.
    pub message: String,
}

/// Reads one practice and refuses it when it has no source, a source without an http(s)
/// address, or no id, title or city.
pub fn parse_one(text: &str) -> Result<GoodPractice, String> {
    let p: GoodPractice = ron::from_str(text).map_err(|e| e.to_string())?;
    if p.id.as_str().trim().is_empty() || p.title.trim().is_empty() || p.city.trim().is_empty() {
        return Err("a practice needs an id, a title and a city".into());
    }
    if p.sources.is_empty() {
        return Err(format!("{}: a practice needs at least one source", p.id));
    }
    if let Some(s) = p.sources.iter().find(|s| !is_web_address(&s.url)) {
        return Err(format!(
            "{}: source {:?} is not an http(s) address",
            p.id, s.url
        ));
    }
    Ok(p)
}

fn parse_all() -> (Vec<GoodPractice>, Vec<PracticeError>) {
    let mut practices = Vec::new();
    let mut errors = Vec::new();
    for (file, text) in FILES {
        match parse_one(text) {
            Ok(p) if practices.iter().any(|q: &GoodPractice| q.id == p.id) => {
                errors.push(PracticeError {
                    file,
                    message: format!("{}: id used twice", p.id),
                })
            }
            Ok(p) => practices.push(p),
            Err(message) => errors.push(PracticeError { file, message }),
        }
    }
    (practices, errors)
}

fn parsed() -> &'static (Vec<GoodPractice>, Vec<PracticeError>) {
    static CELL: OnceLock<(Vec<GoodPractice>, Vec<PracticeError>)> = OnceLock::new();
    CELL.get_or_init(parse_all)
}

/// The shipped practices, in file order. A file that is refused is left out rather than
/// stopping the app; [`errors`] names it, and a test keeps the list empty.
pub fn shipped() -> &'static [GoodPractice] {
    &parsed().0
}

/// Shipped files that were refused.
pub fn errors() -> &'static [PracticeError] {
    &parsed().1
}

/// The shipped practice with this id.
pub fn find(id: &PracticeId) -> Option<&'static GoodPractice> {
    shipped().iter().find(|p| &p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_the_folder_is_shipped_and_accepted() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plan-templates/practices");
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
            "store::practices::FILES must list every file"
        );
        assert_eq!(errors(), &[] as &[PracticeError]);
        assert_eq!(shipped().len(), 20);
        for p in shipped() {
            assert!(!p.themes.is_empty(), "{} has no theme", p.id);
            assert!(
                p.contact.url.is_empty() || is_web_address(&p.contact.url),
                "{}",
                p.id
            );
        }
        assert_eq!(find(&"GP-11".into()).unwrap().city, "Sofia");
    }

    #[test]
    fn a_practice_without_a_source_is_refused() {
        let text = r#"(id: "GP-99", city: "X", title: "Y", themes: [Language])"#;
        let e = parse_one(text).unwrap_err();
        assert!(e.contains("at least one source"), "{e}");
        let with = r#"(id: "GP-99", city: "X", title: "Y",
            sources: [(url: "https://example.org/a", title: "A", as_of: "2026")])"#;
        assert!(parse_one(with).is_ok());
        let bad = r#"(id: "GP-99", city: "X", title: "Y",
            sources: [(url: "javascript:alert(1)", title: "A", as_of: "")])"#;
        assert!(parse_one(bad).unwrap_err().contains("http(s)"));
        assert!(!is_web_address("file:///etc/passwd"));
        assert!(is_web_address("HTTPS://coe.int/x"));
    }
}
