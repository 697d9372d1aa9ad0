//! One editor per plan step, in the order a planner works: each file has the step's `ui`.

mod actions;
mod context;
mod exchanges;
mod facts;
mod funding;
mod governance;
mod indicators;
mod monitoring;
mod objectives;
mod openness;
mod pilots;
mod practices;
mod problems;
mod review;
mod risks;
mod strategy;
mod support_group;

use egui::{ScrollArea, Ui};

use super::StepCtx;
use crate::model::*;

/// How each step with more than one view is shown; a typo here is a compile error, not a
/// silently empty page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Views {
    /// Actions: the list with its form, or the timeline.
    pub actions: ActionsView,
    /// Review and export: the overview, or the comments.
    pub review: ReviewView,
    /// Openness: results, values, cities or framework.
    pub openness: OpennessTab,
    /// Openness results: the year of the profile (`None`: the latest values).
    pub openness_year: Option<i32>,
    /// Openness values: the year the grid shows (`None`: the values without a year).
    pub openness_values_year: Option<i32>,
    /// Strategy links: which of the city's strategies.
    pub strategy: StrategyKind,
    /// Support group: members or meetings.
    pub support_group: SupportGroupTab,
    /// Good practices: the shipped library or the plan's own.
    pub practices: PracticesView,
    /// Good practices: the theme the list is filtered by (`None`: every theme).
    pub practice_theme: Option<PracticeTheme>,
}

/// The views of the Good practices step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PracticesView {
    /// The library shipped with the app.
    #[default]
    Library,
    /// The plan's own practices.
    Plan,
    /// The library of the network file the plan's framework came from.
    Network,
}

/// The views of the Actions step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ActionsView {
    /// The list and the form of one action.
    #[default]
    List,
    /// The timeline (Gantt) of all actions.
    Timeline,
}

/// The views of the Review and export step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReviewView {
    /// Completeness, findings and the export.
    #[default]
    Overview,
    /// The review comments.
    Comments,
}

/// The tabs of the Openness step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OpennessTab {
    /// The index and the profile.
    #[default]
    Results,
    /// The values table.
    Values,
    /// The compared cities.
    Cities,
    /// Areas and indicators.
    Framework,
}

/// The tabs of the Support group step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SupportGroupTab {
    /// The members.
    #[default]
    Members,
    /// The meetings.
    Meetings,
}

/// Shows the editor of a step.
pub fn show(section: Section, ui: &mut Ui, cx: &mut StepCtx<'_>) {
    match section {
        Section::Facts => facts::ui(ui, cx),
        Section::Context => context::ui(ui, cx),
        Section::SupportGroup => support_group::ui(ui, cx),
        Section::Exchanges => exchanges::ui(ui, cx),
        Section::Problems => problems::ui(ui, cx),
        Section::Objectives => objectives::ui(ui, cx),
        Section::Practices => practices::ui(ui, cx),
        Section::Actions => actions::ui(ui, cx),
        Section::StrategyLinks => strategy::ui(ui, cx),
        Section::Funding => funding::ui(ui, cx),
        Section::Pilots => pilots::ui(ui, cx),
        Section::Indicators => indicators::ui(ui, cx),
        Section::Risks => risks::ui(ui, cx),
        Section::Governance => governance::ui(ui, cx),
        Section::Monitoring => monitoring::ui(ui, cx),
        Section::Openness => openness::ui(ui, cx),
        Section::Review => review::ui(ui, cx),
    }
}

/// The list (by key) that shows an item of a section, and the id to select in it: a funding
/// line selects its action, a specific objective its objective, a meeting switches the support
/// group to its meetings.
pub fn list_key_for(plan: &Plan, section: Section, item: &str) -> (Option<&'static str>, String) {
    let owner_action = |id: &str| {
        plan.actions
            .iter()
            .find(|a| a.funding.iter().any(|f| f.id.as_str() == id))
            .map(|a| a.id.to_string())
    };
    let owner_objective = |id: &str| {
        plan.objectives
            .iter()
            .find(|o| o.specific.iter().any(|s| s.id.as_str() == id))
            .map(|o| o.id.to_string())
    };
    let item = item.to_owned();
    match section {
        Section::Context => (Some("evidence"), item),
        Section::SupportGroup
            if plan
                .support_group
                .meetings
                .iter()
                .any(|m| m.id.as_str() == item) =>
        {
            (Some("meetings"), item)
        }
        Section::SupportGroup => (Some("members"), item),
        Section::Exchanges => (Some("exchanges"), item),
        Section::Problems => (Some("problems"), item),
        Section::Objectives => (Some("objectives"), owner_objective(&item).unwrap_or(item)),
        Section::Practices => (Some("practices"), item),
        Section::Actions => (Some("actions"), item),
        Section::Funding => (Some("funding-actions"), owner_action(&item).unwrap_or(item)),
        Section::StrategyLinks if plan.actions.iter().any(|a| a.id.as_str() == item) => {
            (Some("actions"), item)
        }
        Section::StrategyLinks => (Some("goals"), item),
        Section::Pilots => (Some("pilots"), item),
        Section::Indicators => (Some("indicators"), item),
        Section::Risks => (Some("risks"), item),
        Section::Openness => (Some("cities"), item),
        Section::Review => (Some("comments"), item),
        Section::Monitoring => (Some("rounds"), item),
        Section::Facts | Section::Governance => (None, item),
    }
}

/// The list of a master–detail step: on the left, or above the form when the room is too
/// narrow for both side by side (a small window), so the form keeps a usable width.
pub fn list_panel<R>(ui: &mut Ui, key: &'static str, add: impl FnOnce(&mut Ui) -> R) -> R {
    if ui.available_width() < STACK_BELOW {
        let height = (ui.available_height() * 0.35).clamp(90.0, 260.0);
        return egui::Panel::top(("list-panel-top", key))
            .resizable(true)
            .default_size(height)
            .min_size(70.0)
            .show(ui, add)
            .inner;
    }
    // In proportion to the room there is, so the form beside it stays usable.
    let width = (ui.available_width() * 0.38).clamp(130.0, 300.0);
    egui::Panel::left(("list-panel", key))
        .resizable(true)
        .default_size(width)
        .min_size(120.0)
        .max_size(ui.available_width() * 0.6)
        .show(ui, add)
        .inner
}

/// Below this width a step's list goes above its form instead of beside it.
const STACK_BELOW: f32 = 600.0;

/// A text above a step's list, given at most a third of the page (it scrolls within that), so
/// the list and the form below stay in the window however long the text grows.
pub fn bounded(ui: &mut Ui, key: &'static str, add: impl FnOnce(&mut Ui)) {
    let most = (ui.available_height() * 0.33).max(90.0);
    ScrollArea::vertical()
        .id_salt(("bounded", key))
        .max_height(most)
        .auto_shrink([false, true])
        .show(ui, add);
}

/// The scrolling detail beside the list.
pub fn detail<R>(ui: &mut Ui, key: &'static str, add: impl FnOnce(&mut Ui) -> R) -> R {
    ScrollArea::vertical()
        .id_salt(("detail", key))
        .auto_shrink([false, false])
        .show(ui, add)
        .inner
}

/// Index of the selected item of a list in `items`.
pub fn selected_index<T>(
    cx: &StepCtx<'_>,
    key: &str,
    items: &[T],
    id: impl Fn(&T) -> &str,
) -> Option<usize> {
    let sel = cx.selection.get(key)?;
    items.iter().position(|x| id(x) == sel)
}

fn code_title(code: &str, title: &str) -> String {
    if code.trim().is_empty() {
        title.to_owned()
    } else {
        format!("{code} {title}")
    }
}

/// Objectives to pick from.
pub fn objective_options(plan: &Plan) -> Vec<(ObjectiveId, String)> {
    plan.objectives
        .iter()
        .map(|o| (o.id.clone(), code_title(&o.code, &o.title)))
        .collect()
}

/// Specific objectives of one objective (or all) to pick from.
pub fn specific_options(
    plan: &Plan,
    of: Option<&ObjectiveId>,
) -> Vec<(SpecificObjectiveId, String)> {
    plan.objectives
        .iter()
        .filter(|o| of.is_none_or(|id| &o.id == id))
        .flat_map(|o| {
            o.specific
                .iter()
                .map(|s| (s.id.clone(), code_title(&s.code, &s.title)))
        })
        .collect()
}

/// Indicators to pick from.
pub fn indicator_options(plan: &Plan) -> Vec<(IndicatorId, String)> {
    plan.indicators
        .iter()
        .map(|i| (i.id.clone(), code_title(&i.code, &i.name)))
        .collect()
}

/// Risks to pick from.
pub fn risk_options(plan: &Plan) -> Vec<(RiskId, String)> {
    plan.risks
        .iter()
        .map(|r| (r.id.clone(), r.title.clone()))
        .collect()
}

/// Actions to pick from, except `but`.
pub fn action_options(plan: &Plan, but: Option<&ActionId>) -> Vec<(ActionId, String)> {
    plan.actions
        .iter()
        .filter(|a| Some(&a.id) != but)
        .map(|a| (a.id.clone(), code_title(&a.code, &a.title)))
        .collect()
}

/// Strategy goals to pick from.
pub fn goal_options(plan: &Plan, lang: Lang) -> Vec<(StrategyGoalId, String)> {
    plan.strategies
        .goals()
        .map(|(k, g)| {
            let star = if g.skilled_migrants { " ★" } else { "" };
            (
                g.id.clone(),
                format!(
                    "{} — {}{star}",
                    k.label(lang),
                    code_title(&g.code, &g.title)
                ),
            )
        })
        .collect()
}

/// Every item of the plan as people name it (code and title, never the internal id), with its
/// section and id, in plan order.
pub fn item_captions(plan: &Plan, lang: Lang) -> Vec<(Section, String, String)> {
    let mut out = Vec::new();
    crate::model::walk(plan, |item| {
        out.push((item.section(), item.id().to_owned(), item.caption(lang)));
    });
    out
}

/// The items of one section to pick from: (id, caption).
pub fn items_of_section(plan: &Plan, lang: Lang, section: Section) -> Vec<(String, String)> {
    item_captions(plan, lang)
        .into_iter()
        .filter(|(s, _, _)| *s == section)
        .map(|(_, id, caption)| (id, caption))
        .collect()
}

/// Every item's caption by id: built once, then looked up for as many places as needed.
pub fn captions_by_id(plan: &Plan, lang: Lang) -> std::collections::HashMap<String, String> {
    item_captions(plan, lang)
        .into_iter()
        .map(|(_, id, caption)| (id, caption))
        .collect()
}

/// Where a finding or comment points, as people say it: "Actions › 1.2.3 Title"; `captions`
/// from [`captions_by_id`].
pub fn place_caption(
    captions: &std::collections::HashMap<String, String>,
    lang: Lang,
    path: &ItemPath,
) -> String {
    let section = path.section.label(lang);
    match &path.item {
        None => section.to_owned(),
        Some(id) => {
            let item = captions
                .get(id)
                .cloned()
                .unwrap_or_else(|| crate::i18n::tr(lang, "item-missing"));
            format!("{section} › {item}")
        }
    }
}
