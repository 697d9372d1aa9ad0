//! Plan templates, embedded in the binary so a fresh install has them without any files.

use std::path::Path;

use super::error::LoadError;
use super::file::parse;
use crate::model::Plan;

/// A plan template.
#[derive(Clone, Copy, Debug)]
pub struct Template {
    /// Its name on the command line and in the app.
    pub name: &'static str,
    /// What it is, in English.
    pub description_en: &'static str,
    /// What it is, in Bulgarian.
    pub description_bg: &'static str,
    /// Its RON text.
    pub text: &'static str,
}

/// Every template: the Sofia sample, its two partner samples, then the skeletons.
pub const TEMPLATES: &[Template] = &[
    Template {
        name: "sofia-open-cities",
        description_en: "Sofia Municipality's Local Action Plan for migrant integration and openness (complete sample, in Bulgarian)",
        description_bg: "Местен план за действие на Столична община за интеграция на мигранти и отвореност (пълен пример)",
        text: include_str!("../../plan-templates/sofia-open-cities.ron"),
    },
    Template {
        name: "vienna-open-cities",
        description_en: "A partner city's Local Action Plan: Vienna (small but complete sample, in English, to compare with Sofia and Dublin)",
        description_bg: "Местен план на град-партньор: Виена (малък, но пълен пример на английски, за сравнение със София и Дъблин)",
        text: include_str!("../../plan-templates/vienna-open-cities.ron"),
    },
    Template {
        name: "dublin-open-cities",
        description_en: "A partner city's Local Action Plan: Dublin City (small but complete sample, in English, to compare with Sofia and Vienna)",
        description_bg: "Местен план на град-партньор: Дъблин (малък, но пълен пример на английски, за сравнение със София и Виена)",
        text: include_str!("../../plan-templates/dublin-open-cities.ron"),
    },
    Template {
        name: "urbact-generic",
        description_en: "An English skeleton of an URBACT action plan, with guidance in every section",
        description_bg: "Скелет на план по URBACT на английски, с насоки във всеки раздел",
        text: include_str!("../../plan-templates/urbact-generic.ron"),
    },
    Template {
        name: "blank",
        description_en: "An empty plan",
        description_bg: "Празен план",
        text: include_str!("../../plan-templates/blank.ron"),
    },
];

/// The template of that name.
pub fn find(name: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.name == name)
}

impl Template {
    /// The template as a plan.
    pub fn plan(&self) -> Result<Plan, LoadError> {
        parse(self.text, Path::new(&format!("template {}", self.name)))
    }
}
