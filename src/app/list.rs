//! The master list of a section: its items as selectable rows (only the visible rows are laid
//! out, so thousands scroll smoothly) and buttons to add, duplicate, delete and reorder.

use egui::{ScrollArea, Ui};

use super::StepCtx;
use super::widgets::EditScope;
use crate::i18n::tr;
use crate::model::ids::fresh_id;
use crate::model::integrity;
use crate::model::*;

/// An item of a list the planner edits.
pub trait ListItem: Clone {
    /// Prefix of new ids.
    const PREFIX: &'static str;
    /// Its id.
    fn id(&self) -> &str;
    /// Gives it a new id.
    fn set_id(&mut self, id: String);
    /// The line shown in the list, in the reader's language (dates).
    fn title(&self, lang: Lang) -> String;
    /// What editing the list changes: the plan (closed while it is locked) or review comments
    /// (open in review mode).
    const SCOPE: EditScope = EditScope::Plan;
    /// After duplication: gives nested items (funding lines, specific objectives…) new ids.
    fn renew_nested(&mut self, _taken: &mut Vec<String>) {}
    /// Ids a new item must not take though the plan does not use them (the shipped library's
    /// practices, which a plan may copy in later).
    fn reserved() -> Vec<String> {
        Vec::new()
    }
}

/// What the list's buttons did.
pub struct ListEdit<T> {
    /// The new list.
    pub list: Vec<T>,
    /// The id of a deleted item, whose references must go too.
    pub deleted: Option<String>,
}

use crate::model::items::join;

macro_rules! list_item {
    ($t:ty, $id:ident, $prefix:expr, |$s:ident, $lang:ident| $title:expr $(, nested $list:ident => $nested_prefix:expr)?) => {
        impl ListItem for $t {
            const PREFIX: &'static str = $prefix;
            fn id(&self) -> &str {
                self.$id.as_str()
            }
            fn set_id(&mut self, id: String) {
                self.$id = id.as_str().into();
            }
            fn title(&self, $lang: Lang) -> String {
                let $s = self;
                $title
            }
            $(
                fn renew_nested(&mut self, taken: &mut Vec<String>) {
                    for x in &mut self.$list {
                        x.id = next($nested_prefix, taken).as_str().into();
                    }
                }
            )?
        }
    };
}

list_item!(Evidence, id, EvidenceId::PREFIX, |s, _lang| join(
    "", &s.label
));
list_item!(Member, id, MemberId::PREFIX, |s, _lang| join(
    "",
    &s.organisation
));
list_item!(Meeting, id, MeetingId::PREFIX, |s, lang| join(
    &s.date.map(|d| format::date(lang, d)).unwrap_or_default(),
    &s.topic
));
list_item!(Problem, id, ProblemId::PREFIX, |s, _lang| join(
    "", &s.title
));
list_item!(StrategyGoal, id, StrategyGoalId::PREFIX, |s, _lang| join(
    &s.code, &s.title
));
list_item!(Pilot, id, PilotId::PREFIX, |s, _lang| join("", &s.title));
list_item!(Indicator, id, IndicatorId::PREFIX, |s, _lang| join(
    &s.code, &s.name
));
list_item!(Risk, id, RiskId::PREFIX, |s, _lang| join("", &s.title));
list_item!(City, id, CityId::PREFIX, |s, _lang| join("", &s.name));
// Written by hand: a plan's own practice keeps clear of the library's ids.
impl ListItem for GoodPractice {
    const PREFIX: &'static str = PracticeId::PREFIX;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn set_id(&mut self, id: String) {
        self.id = id.as_str().into();
    }
    fn title(&self, _lang: Lang) -> String {
        join(self.id.as_str(), &self.title)
    }
    fn reserved() -> Vec<String> {
        crate::store::practices::shipped()
            .iter()
            .map(|p| p.id.to_string())
            .collect()
    }
}
list_item!(Exchange, id, ExchangeId::PREFIX, |s, lang| join(
    &s.date.map(|d| format::date(lang, d)).unwrap_or_default(),
    &s.title
));
// Comments stay open in review mode: written by hand for their scope.
impl ListItem for Comment {
    const PREFIX: &'static str = CommentId::PREFIX;
    const SCOPE: EditScope = EditScope::Comments;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn set_id(&mut self, id: String) {
        self.id = id.as_str().into();
    }
    fn title(&self, _lang: Lang) -> String {
        join(&self.author, &self.text)
    }
}
list_item!(
    SpecificObjective,
    id,
    SpecificObjectiveId::PREFIX,
    |s, _lang| join(&s.code, &s.title)
);
list_item!(FundingLine, id, FundingLineId::PREFIX, |s, _lang| join(
    "",
    &s.programme
));
list_item!(
    OpennessIndicator,
    id,
    OpennessIndicatorId::PREFIX,
    |s, _lang| join("", &s.name)
);

list_item!(StrategicObjective, id, ObjectiveId::PREFIX, |s, _lang| join(&s.code, &s.title), nested specific => SpecificObjectiveId::PREFIX);
list_item!(Action, id, ActionId::PREFIX, |s, _lang| join(&s.code, &s.title), nested funding => FundingLineId::PREFIX);
list_item!(OpennessArea, id, OpennessAreaId::PREFIX, |s, _lang| join("", &s.name), nested indicators => OpennessIndicatorId::PREFIX);

/// A fresh id with `prefix`, recorded in `taken`.
pub fn next(prefix: &str, taken: &mut Vec<String>) -> String {
    let id = fresh_id(prefix, taken.iter().map(String::as_str));
    taken.push(id.clone());
    id
}

/// Every id in the plan.
pub fn taken_ids(plan: &Plan) -> Vec<String> {
    integrity::items(plan)
        .into_iter()
        .map(|e| e.id.to_owned())
        .collect()
}

/// The list of `items` with its buttons. `key` names the list (the selection is kept under it);
/// `items_of` finds the list in the plan. Returns the edited list when a button was used.
pub fn master_list<T: ListItem + Default>(
    ui: &mut Ui,
    cx: &mut StepCtx<'_>,
    key: &'static str,
    items_of: impl Fn(&Plan) -> &[T],
) -> Option<ListEdit<T>> {
    let lang = cx.lang;
    let items = items_of(cx.doc.plan());
    let mut selected = cx.selection.get(key).cloned();
    let mut pos = selected
        .as_deref()
        .and_then(|s| items.iter().position(|i| i.id() == s));
    // Nothing (or something deleted) selected: show the first item rather than an empty editor.
    if pos.is_none()
        && let Some(first) = items.first()
    {
        cx.selection.insert(key, first.id().to_owned());
        selected = Some(first.id().to_owned());
        pos = Some(0);
    }
    let mut edit: Option<ListEdit<T>> = None;
    let mut delete_now: Option<usize> = None;
    // The list's buttons change the plan: closed while it is locked (comments stay open in
    // review mode).
    let enabled = super::widgets::editable(ui, T::SCOPE);
    ui.horizontal_wrapped(|ui| {
        if !enabled {
            ui.disable();
        }
        if ui.button(tr(lang, "list-add")).clicked() {
            let mut taken = taken_ids(cx.doc.plan());
            taken.extend(T::reserved());
            let mut item = T::default();
            item.set_id(next(T::PREFIX, &mut taken));
            let mut list = items.to_vec();
            let at = pos.map_or(list.len(), |p| p + 1);
            cx.selection.insert(key, item.id().to_owned());
            list.insert(at, item);
            edit = Some(ListEdit {
                list,
                deleted: None,
            });
        }
        ui.add_enabled_ui(pos.is_some(), |ui| {
            let p = pos.unwrap_or(0);
            if ui.button(tr(lang, "list-duplicate")).clicked() {
                let mut taken = taken_ids(cx.doc.plan());
                taken.extend(T::reserved());
                let mut copy = items[p].clone();
                copy.set_id(next(T::PREFIX, &mut taken));
                copy.renew_nested(&mut taken);
                cx.selection.insert(key, copy.id().to_owned());
                let mut list = items.to_vec();
                list.insert(p + 1, copy);
                edit = Some(ListEdit {
                    list,
                    deleted: None,
                });
            }
            if ui.button(tr(lang, "list-delete")).clicked() {
                let id = items[p].id();
                // An item that others use is deleted only once the planner has seen what loses
                // its link.
                if links_lost(cx.doc.plan(), lang, id).is_empty() {
                    delete_now = Some(p);
                } else {
                    ui.data_mut(|d| d.insert_temp(confirm_id(key), id.to_owned()));
                }
            }
            if ui
                .add_enabled(p > 0, egui::Button::new(tr(lang, "list-up")))
                .clicked()
            {
                let mut list = items.to_vec();
                list.swap(p, p - 1);
                edit = Some(ListEdit {
                    list,
                    deleted: None,
                });
            }
            if ui
                .add_enabled(
                    p + 1 < items.len(),
                    egui::Button::new(tr(lang, "list-down")),
                )
                .clicked()
            {
                let mut list = items.to_vec();
                list.swap(p, p + 1);
                edit = Some(ListEdit {
                    list,
                    deleted: None,
                });
            }
        });
    });
    if let Some(confirmed) = confirm_delete(ui, lang, cx.doc.plan(), key, items) {
        delete_now = Some(confirmed);
    }
    if let Some(p) = delete_now {
        let mut list = items.to_vec();
        let gone = list.remove(p);
        match list.get(p).or(list.last()) {
            Some(next) => cx.selection.insert(key, next.id().to_owned()),
            None => cx.selection.remove(key),
        };
        edit = Some(ListEdit {
            list,
            deleted: Some(gone.id().to_owned()),
        });
    }
    // Drawn here, acted on after the list, when the plan is no longer borrowed.
    let mut add_comment_on: Option<String> = None;
    if T::SCOPE != EditScope::Comments
        && let Some(id) = &selected
        && comment_bar(ui, lang, &cx.doc.plan().comments, id)
    {
        add_comment_on = Some(id.clone());
    }
    ui.separator();
    if items.is_empty() {
        ui.weak(tr(lang, "list-empty"));
        return edit;
    }
    let row_height =
        ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y + 2.0;
    let scroll_to = cx
        .scroll_to
        .take_if(|id| items.iter().any(|i| i.id() == id.as_str()));
    let mut area = ScrollArea::vertical()
        .id_salt(("list", key))
        .auto_shrink([false, true]);
    if let Some(id) = &scroll_to
        && let Some(i) = items.iter().position(|x| x.id() == id)
    {
        // Rows are laid out lazily, so scroll by offset rather than to a widget.
        area = area.vertical_scroll_offset((i as f32 * row_height - 80.0).max(0.0));
    }
    area.show_rows(ui, row_height, items.len(), |ui, range| {
        for item in &items[range] {
            let is_sel = selected.as_deref() == Some(item.id());
            // People see codes and titles, never the internal id.
            let title = item.title(lang);
            let text = if title == "—" {
                tr(lang, "list-untitled")
            } else {
                title
            };
            // One line per row: the virtual list assumes a fixed row height.
            let row =
                egui::Button::selectable(is_sel, text).wrap_mode(egui::TextWrapMode::Truncate);
            if ui.add(row).clicked() {
                cx.selection.insert(key, item.id().to_owned());
            }
        }
    });
    if let Some(id) = add_comment_on {
        add_comment(cx, &id);
    }
    edit
}

/// Where a list keeps the id of an item waiting for the planner to confirm its deletion.
pub(super) fn confirm_id(key: &str) -> egui::Id {
    egui::Id::unique(("confirm-delete", key))
}

/// Asks whether to delete the item waiting in list `key`, saying what loses its link; returns
/// its position once confirmed.
fn confirm_delete<T: ListItem>(
    ui: &mut Ui,
    lang: Lang,
    plan: &Plan,
    key: &str,
    items: &[T],
) -> Option<usize> {
    // Only the waiting item's caption is needed; build the rest lazily.
    let waiting = ui.data(|d| d.get_temp::<String>(confirm_id(key)))?;
    let rows: Vec<(String, String)> = items
        .iter()
        .map(|i| {
            let caption = if i.id() == waiting {
                i.title(lang)
            } else {
                String::new()
            };
            (i.id().to_owned(), caption)
        })
        .collect();
    confirm_delete_of(ui, lang, plan, key, &rows)
}

/// Asks whether to delete the row waiting in list `key` (its id stored under [`confirm_id`]),
/// among `rows` of (id, caption), saying what loses its link; returns its position once
/// confirmed. Cancel and Esc answer no.
pub(super) fn confirm_delete_of(
    ui: &mut Ui,
    lang: Lang,
    plan: &Plan,
    key: &str,
    rows: &[(String, String)],
) -> Option<usize> {
    let id = ui.data(|d| d.get_temp::<String>(confirm_id(key)))?;
    let Some(pos) = rows.iter().position(|(i, _)| *i == id) else {
        ui.data_mut(|d| d.remove::<String>(confirm_id(key)));
        return None;
    };
    let lost = links_lost(plan, lang, &id);
    let mut answer: Option<bool> = None;
    let modal =
        egui::Modal::new(egui::Id::unique(("confirm-delete-modal", key))).show(ui.ctx(), |ui| {
            ui.set_max_width(520.0);
            ui.heading(crate::i18n::tr_args(
                lang,
                "delete-confirm-title",
                &[("item", rows[pos].1.clone().into())],
            ));
            for line in &lost {
                ui.label(format!("• {line}"));
            }
            ui.label(tr(lang, "delete-confirm-undo"));
            ui.horizontal(|ui| {
                if ui.button(tr(lang, "list-delete")).clicked() {
                    answer = Some(true);
                }
                if ui.button(tr(lang, "button-cancel")).clicked() {
                    answer = Some(false);
                }
            });
        });
    if modal.should_close() {
        answer.get_or_insert(false);
    }
    let confirmed = answer?;
    ui.data_mut(|d| d.remove::<String>(confirm_id(key)));
    confirmed.then_some(pos)
}

/// What loses its link when item `id` is deleted, one line per kind of link, in words:
/// "4 actions lose their link to it (Strategic objective)". Empty when nothing uses it.
pub fn links_lost(plan: &Plan, lang: Lang, id: &str) -> Vec<String> {
    let kinds: std::collections::HashMap<&str, integrity::ItemKind> = integrity::items(plan)
        .into_iter()
        .map(|e| (e.id, e.kind))
        .collect();
    // (kind of the item that links, its field) → how many, in the order first seen.
    let mut groups: Vec<((Option<integrity::ItemKind>, String), usize)> = Vec::new();
    for r in integrity::references(plan)
        .iter()
        .filter(|r| r.target == id)
    {
        let kind = r.from.item.as_deref().and_then(|i| kinds.get(i).copied());
        let field = r.from.field.clone().unwrap_or_default();
        match groups.iter_mut().find(|(g, _)| g.0 == kind && g.1 == field) {
            Some((_, n)) => *n += 1,
            None => groups.push(((kind, field), 1)),
        }
    }
    let comments = plan
        .comments
        .iter()
        .filter(|c| c.target.item.as_deref() == Some(id))
        .count();
    let mut lines: Vec<String> = groups
        .into_iter()
        .map(|((kind, field), n)| {
            let what = match kind {
                Some(k) if n == 1 => lang.pick(k.names().0, k.names().1).to_owned(),
                Some(k) => lang.pick(k.plural_names().0, k.plural_names().1).to_owned(),
                None => tr(lang, "delete-the-plan"),
            };
            let field_key = format!("field-{}", field.replace('_', "-"));
            let field_name = crate::i18n::lookup(lang, &field_key).unwrap_or(field);
            crate::i18n::tr_args(
                lang,
                "delete-loses-link",
                &[
                    ("n", n.into()),
                    ("what", what.into()),
                    ("field", field_name.into()),
                ],
            )
        })
        .collect();
    if comments > 0 {
        lines.push(crate::i18n::tr_args(
            lang,
            "delete-loses-comments",
            &[("n", comments.into())],
        ));
    }
    lines
}

/// How many review comments the item has (with the open ones), and a button to add one.
/// Returns true when the button was clicked.
fn comment_bar(ui: &mut Ui, lang: Lang, comments: &[Comment], id: &str) -> bool {
    let on_item: Vec<&Comment> = comments
        .iter()
        .filter(|c| c.target.item.as_deref() == Some(id))
        .collect();
    let open = on_item.iter().filter(|c| !c.resolved).count();
    let text = crate::i18n::tr_args(
        lang,
        "comments-on-item",
        &[("n", on_item.len().into()), ("open", open.into())],
    );
    ui.horizontal_wrapped(|ui| {
        if open > 0 {
            ui.colored_label(super::theme::WARNING, text);
        } else {
            ui.weak(text);
        }
        // Comments are refused on an adopted plan: they would change its fingerprint.
        let enabled = super::widgets::editable(ui, EditScope::Comments);
        ui.add_enabled(enabled, egui::Button::new(tr(lang, "add-comment")).small())
            .on_hover_text(tr(lang, "add-comment"))
            .clicked()
    })
    .inner
}

/// Adds a comment on item `id` of the current step, with the reviewer's name and today's date,
/// and opens it in the Review step.
fn add_comment(cx: &mut StepCtx<'_>, id: &str) {
    let mut list = cx.doc.plan().comments.clone();
    let mut taken = taken_ids(cx.doc.plan());
    let comment_id = next(CommentId::PREFIX, &mut taken);
    list.push(Comment {
        id: comment_id.as_str().into(),
        author: cx.reviewer.to_owned(),
        date: Some(Date::today()),
        target: ItemPath::item(cx.section, id),
        ..Comment::default()
    });
    cx.doc.set_in(
        EditScope::Comments,
        "comments#add",
        f64::NEG_INFINITY,
        |p| Some(&mut p.comments),
        list,
    );
    cx.intents.push(crate::app::Intent::GoTo(ItemPath::item(
        Section::Review,
        comment_id,
    )));
}
