//! Lists inside an item (specific objectives, funding lines, budget lines, openness indicators,
//! outputs and results, review points): each row its form and its buttons (move up, move
//! down, duplicate, delete), an add button under them, fresh ids for duplicates, and the
//! question before deleting a row that others link to — written once, used by every step.

use egui::Ui;

use super::list::{confirm_delete_of, links_lost, next, taken_ids};
use super::widgets::{self as w, EditScope, RowOp};
use crate::model::*;

/// A row of a nested list.
pub trait Row: Clone {
    /// Its id, for rows that other items link to.
    fn row_id(&self) -> Option<&str> {
        None
    }
    /// Gives a duplicate its own id.
    fn renew(&mut self, _taken: &mut Vec<String>) {}
}

macro_rules! row_with_id {
    ($t:ty, $prefix:expr) => {
        impl Row for $t {
            fn row_id(&self) -> Option<&str> {
                Some(self.id.as_str())
            }
            fn renew(&mut self, taken: &mut Vec<String>) {
                self.id = next($prefix, taken).as_str().into();
            }
        }
    };
}

row_with_id!(SpecificObjective, SpecificObjectiveId::PREFIX);
row_with_id!(FundingLine, FundingLineId::PREFIX);
row_with_id!(OpennessIndicator, OpennessIndicatorId::PREFIX);
row_with_id!(PlanSource, SourceId::PREFIX);
row_with_id!(Milestone, MilestoneId::PREFIX);
impl Row for BudgetItem {}
impl Row for TargetedResult {}
impl Row for ReviewPoint {}
impl Row for Signatory {}
impl Row for GlossaryEntry {}

/// Draws the rows of `list` (each through `row_ui`, named by `caption` for screen readers and
/// the delete question) and an add button labelled `add_label` that appends `new_row()`.
/// `key` names the list (unique on the page). Returns the id of a deleted row, whose links
/// elsewhere in the plan must go too (see [`super::StepCtx::commit_item`]).
#[allow(clippy::too_many_arguments)]
pub fn nested_rows<T: Row>(
    ui: &mut Ui,
    lang: Lang,
    plan: &Plan,
    key: &'static str,
    list: &mut Vec<T>,
    caption: impl Fn(&T) -> String,
    mut row_ui: impl FnMut(&mut Ui, &mut T),
    add_label: &str,
    new_row: impl FnOnce(&mut Vec<String>) -> T,
) -> Option<String> {
    let n = list.len();
    let mut op: Option<(usize, RowOp)> = None;
    for (k, item) in list.iter_mut().enumerate() {
        let salt = item
            .row_id()
            .map_or_else(|| format!("{key}-{k}"), str::to_owned);
        ui.push_id(salt, |ui| {
            row_ui(ui, item);
            if let Some(o) = w::row_buttons(ui, lang, k, n, &caption(item)) {
                op = Some((k, o));
            }
        });
        ui.separator();
    }
    // A row that others link to is deleted only once the planner has seen what loses its link.
    let rows: Vec<(String, String)> = list
        .iter()
        .map(|r| (r.row_id().unwrap_or_default().to_owned(), caption(r)))
        .collect();
    if let Some((k, RowOp::Delete)) = op
        && let Some(id) = list[k].row_id()
        && !links_lost(plan, lang, id).is_empty()
    {
        let id = id.to_owned();
        ui.data_mut(|d| d.insert_temp(super::list::confirm_id(key), id));
        op = None;
    }
    if let Some(pos) = confirm_delete_of(ui, lang, plan, key, &rows) {
        op = Some((pos, RowOp::Delete));
    }
    let mut deleted = None;
    if let Some((k, o)) = op {
        let mut taken = taken_ids(plan);
        deleted = w::apply_row_op(list, k, o, |r| r.renew(&mut taken))
            .and_then(|r| r.row_id().map(str::to_owned));
    }
    if w::add_button(ui, add_label, EditScope::Plan) {
        let mut taken = taken_ids(plan);
        list.push(new_row(&mut taken));
    }
    deleted
}
