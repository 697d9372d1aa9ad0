//! Where an item lives in the plan: a section, an item id within it, and a field. Findings carry
//! one so the app can jump there; comments carry one to say what they are about.

use serde::{Deserialize, Serialize};

use super::labels::{Lang, labelled_enum};

labelled_enum! {
    /// The sections of a plan, in the order a planner works through them.
    Section {
        /// Plan facts.
        #[default]
        Facts => ("Plan facts", "Основни данни"),
        /// Context and evidence.
        Context => ("Context and evidence", "Контекст и данни"),
        /// Local Support Group.
        SupportGroup => ("Local Support Group", "Местна група за подкрепа"),
        /// Problem tree.
        Problems => ("Problems", "Проблеми"),
        /// Vision and objectives.
        Objectives => ("Vision and objectives", "Визия и цели"),
        /// Actions.
        Actions => ("Actions", "Дейности"),
        /// Links to the city strategies.
        StrategyLinks => ("Strategy links", "Връзка със стратегиите"),
        /// Funding plan.
        Funding => ("Funding", "Финансиране"),
        /// Pilot project fiches.
        Pilots => ("Pilot fiches", "Пилотни проекти"),
        /// Indicators.
        Indicators => ("Indicators", "Индикатори"),
        /// Risks.
        Risks => ("Risks", "Рискове"),
        /// Governance and monitoring.
        Governance => ("Governance and monitoring", "Управление и наблюдение"),
        /// Monitoring rounds and the status of implementation (not part of the plan document).
        Monitoring => ("Monitoring", "Наблюдение на изпълнението"),
        /// Openness assessment.
        Openness => ("Openness", "Отвореност"),
        /// Good practices and their transfer.
        Practices => ("Good practices and transfer", "Добри практики и трансфер"),
        /// Exchange and participation register.
        Exchanges => ("Exchange and participation", "Обмен и участие"),
        /// Review comments and export.
        Review => ("Review and export", "Преглед и експорт"),
    }
}

impl Section {
    /// A stable lower-case key (`"actions"`), for JSON and command-line options.
    pub fn key(self) -> &'static str {
        match self {
            Section::Facts => "facts",
            Section::Context => "context",
            Section::SupportGroup => "support_group",
            Section::Problems => "problems",
            Section::Objectives => "objectives",
            Section::Actions => "actions",
            Section::StrategyLinks => "strategy_links",
            Section::Funding => "funding",
            Section::Pilots => "pilots",
            Section::Indicators => "indicators",
            Section::Risks => "risks",
            Section::Governance => "governance",
            Section::Monitoring => "monitoring",
            Section::Openness => "openness",
            Section::Practices => "practices",
            Section::Exchanges => "exchanges",
            Section::Review => "review",
        }
    }
}

/// A place in the plan: a section, optionally an item (by id) and a field of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ItemPath {
    /// The section.
    pub section: Section,
    /// The item's id, if the path points at an item.
    pub item: Option<String>,
    /// The field's name, if the path points at a field.
    pub field: Option<String>,
}

impl ItemPath {
    /// A whole section.
    pub fn section(section: Section) -> Self {
        ItemPath {
            section,
            item: None,
            field: None,
        }
    }

    /// An item of a section.
    pub fn item(section: Section, id: impl Into<String>) -> Self {
        ItemPath {
            section,
            item: Some(id.into()),
            field: None,
        }
    }

    /// A field: of an item when `id` is given, else of the section.
    pub fn field(section: Section, id: Option<&str>, field: &str) -> Self {
        ItemPath {
            section,
            item: id.map(str::to_owned),
            field: Some(field.to_owned()),
        }
    }
}

impl std::fmt::Display for ItemPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.section.key())?;
        if let Some(item) = &self.item {
            write!(f, "/{item}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ".{field}")?;
        }
        Ok(())
    }
}
