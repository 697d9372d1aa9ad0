//! Form widgets shared by the step editors. Every input is tied to its visible label
//! (`labelled_by`), so screen readers and tests find it by name.

use egui::{ComboBox, DragValue, Response, RichText, TextEdit, Ui};

use super::theme;
use crate::i18n::tr;
use crate::model::{Date, Lang, Money, YearMonth, calendar, format, month_name};

pub use crate::app::document::EditScope;

/// A form of the plan's content: each label above its input, inputs as wide as the column, so
/// it reads well at any width.
pub fn form(ui: &mut Ui, id: &str, add: impl FnOnce(&mut Ui)) {
    form_in(ui, id, EditScope::Plan, add);
}

/// A form of a monitoring round (open in an adopted plan, whose content stays locked).
pub fn monitoring_form(ui: &mut Ui, id: &str, add: impl FnOnce(&mut Ui)) {
    form_in(ui, id, EditScope::Monitoring, add);
}

/// A form of a review comment (open in review mode).
pub fn comment_form(ui: &mut Ui, id: &str, add: impl FnOnce(&mut Ui)) {
    form_in(ui, id, EditScope::Comments, add);
}

fn form_in(ui: &mut Ui, id: &str, scope: EditScope, add: impl FnOnce(&mut Ui)) {
    ui.push_id(id, |ui| {
        ui.spacing_mut().item_spacing.y = 3.0;
        // A locked plan shows its fields greyed out, so nobody types into a field that cannot
        // change.
        if !editable(ui, scope) {
            ui.disable();
        }
        ui.vertical(add);
    });
}

/// Where the app records, each frame, what the open plan's lock allows.
fn lock_id() -> egui::Id {
    egui::Id::unique("lap-studio-lock")
}

/// Records the open plan's lock for this frame's widgets.
pub fn set_lock(ctx: &egui::Context, lock: crate::app::document::Lock) {
    ctx.data_mut(|d| d.insert_temp(lock_id(), lock));
}

/// Where the app records, each frame, the month the open plan starts.
fn plan_start_id() -> egui::Id {
    egui::Id::unique("lap-studio-plan-start")
}

/// Records the month the open plan starts, the first month a new date field offers.
pub fn set_plan_start(ctx: &egui::Context, start: Option<YearMonth>) {
    ctx.data_mut(|d| match start {
        Some(s) => {
            d.insert_temp(plan_start_id(), s);
        }
        None => d.remove::<YearMonth>(plan_start_id()),
    });
}

/// The month a newly set month field starts at: the plan's first month, else this month.
fn first_month(ui: &Ui) -> YearMonth {
    ui.ctx()
        .data(|d| d.get_temp::<YearMonth>(plan_start_id()))
        .unwrap_or_else(|| Date::today().year_month())
}

/// True when what `scope` names may be edited in the open plan now.
pub fn editable(ui: &Ui, scope: EditScope) -> bool {
    use crate::app::document::Lock;
    ui.ctx()
        .data(|d| d.get_temp::<Lock>(lock_id()))
        .unwrap_or_default()
        .allows(scope)
}

/// A combo box as wide as `most`, or the room left when there is less (a small window).
fn combo_width(ui: &Ui, most: f32) -> f32 {
    (ui.available_width() - 8.0).clamp(60.0, most)
}

/// Space after one field of a form.
fn end_field(ui: &mut Ui) {
    ui.add_space(6.0);
}

fn label(ui: &mut Ui, text: &str) -> Response {
    ui.label(RichText::new(text).strong())
}

/// A one-line text field.
pub fn text(ui: &mut Ui, name: &str, value: &mut String) -> Response {
    let l = label(ui, name);
    let r = ui
        .add(TextEdit::singleline(value).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    end_field(ui);
    r
}

/// A text field of several lines.
pub fn multiline(ui: &mut Ui, name: &str, value: &mut String) -> Response {
    let l = label(ui, name);
    let r = ui
        .add(
            TextEdit::multiline(value)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    end_field(ui);
    r
}

/// A checkbox.
pub fn flag(ui: &mut Ui, name: &str, value: &mut bool) {
    ui.checkbox(value, name);
    end_field(ui);
}

/// What a typed field holds between frames while it is edited, or while what was typed cannot
/// be read (then the error stays beside the field until it is fixed).
#[derive(Clone, Debug, Default)]
struct Typing {
    text: String,
    error: Option<String>,
}

/// A value typed as text in the reader's language (`1 450 000,50` or `1,450,000.50`). The text
/// is read when the field is left (Enter, Tab or a click elsewhere), never letter by letter, so
/// a half-typed number never lands in the plan. What cannot be read unambiguously keeps the old
/// value and returns the reason, to show next to the field. `optional`: empty text clears it.
fn typed<T>(
    ui: &mut Ui,
    label: egui::Id,
    width: f32,
    value: &mut Option<T>,
    optional: bool,
    format: impl Fn(&T) -> String,
    parse: impl Fn(&str) -> Result<T, String>,
) -> (Response, Option<String>) {
    let id = ui.auto_id_with(("typed", label));
    let stored = ui.data(|d| d.get_temp::<Typing>(id));
    let mut text = stored.as_ref().map_or_else(
        || value.as_ref().map(&format).unwrap_or_default(),
        |t| t.text.clone(),
    );
    let r = ui
        .add(TextEdit::singleline(&mut text).desired_width(width))
        .labelled_by(label);
    let mut error = stored.and_then(|t| t.error);
    if r.lost_focus() {
        let parsed = if text.trim().is_empty() && optional {
            Ok(None)
        } else {
            parse(&text).map(Some)
        };
        match parsed {
            Ok(v) => {
                *value = v;
                error = None;
            }
            Err(why) => error = Some(why),
        }
    }
    if r.has_focus() || error.is_some() {
        let keep = Typing {
            text,
            error: error.clone(),
        };
        ui.data_mut(|d| d.insert_temp(id, keep));
    } else {
        ui.data_mut(|d| d.remove::<Typing>(id));
    }
    (r, error)
}

/// Shows why a typed value was not taken, under its field.
fn typed_error(ui: &mut Ui, error: Option<String>) {
    if let Some(e) = error {
        ui.add(egui::Label::new(RichText::new(e).color(theme::ERROR)).wrap());
    }
}

/// Money typed the reader's way; see [`typed`].
pub fn money(ui: &mut Ui, lang: Lang, name: &str, value: &mut Money) {
    let mut opt = Some(*value);
    money_input(ui, lang, name, &mut opt, false);
    *value = opt.unwrap_or_default();
}

/// Money that may be absent (empty text).
pub fn opt_money(ui: &mut Ui, lang: Lang, name: &str, value: &mut Option<Money>) {
    money_input(ui, lang, name, value, true);
}

fn money_input(ui: &mut Ui, lang: Lang, name: &str, value: &mut Option<Money>, optional: bool) {
    let l = label(ui, name);
    let (_, error) = typed(
        ui,
        l.id,
        MONEY_WIDTH.min(ui.available_width()),
        value,
        optional,
        |m| format::amount(lang, *m),
        |t| format::parse_money(lang, t).map_err(|e| e.message(lang)),
    );
    typed_error(ui, error);
    end_field(ui);
}

/// Width of a money field: room for a trillion with its separators.
const MONEY_WIDTH: f32 = 180.0;
/// Width of a number field.
const NUMBER_WIDTH: f32 = 120.0;

/// A number typed the reader's way (`24,1` or `24.1`); see [`typed`].
pub fn number(ui: &mut Ui, lang: Lang, name: &str, value: &mut f64) {
    let l = label(ui, name);
    let mut opt = Some(*value);
    let width = NUMBER_WIDTH.min(ui.available_width());
    let (_, error) = number_field(ui, lang, l.id, width, &mut opt);
    *value = opt.unwrap_or_default();
    typed_error(ui, error);
    end_field(ui);
}

/// The text field of a number `width` wide, for tables and rows that lay out their own labels;
/// also says why what was typed was not taken.
pub fn number_field(
    ui: &mut Ui,
    lang: Lang,
    label: egui::Id,
    width: f32,
    value: &mut Option<f64>,
) -> (Response, Option<String>) {
    number_text(ui, lang, label, width, value, false)
}

/// A number typed the reader's way that may be emptied: empty text leaves `value` `None` (a
/// cell of a grid, where emptying a value takes it away).
pub fn optional_number_field(
    ui: &mut Ui,
    lang: Lang,
    label: egui::Id,
    width: f32,
    value: &mut Option<f64>,
) -> (Response, Option<String>) {
    number_text(ui, lang, label, width, value, true)
}

/// A number's text field; with `optional`, empty text is no number rather than a mistake.
fn number_text(
    ui: &mut Ui,
    lang: Lang,
    label: egui::Id,
    width: f32,
    value: &mut Option<f64>,
    optional: bool,
) -> (Response, Option<String>) {
    typed(
        ui,
        label,
        width,
        value,
        optional,
        |v| format::decimal_up_to(lang, *v, 4),
        |t| format::parse_number(lang, t).map_err(|e| e.message(lang)),
    )
}

/// A value that may be absent: a "set" checkbox, and the editor when it is set. `default` is
/// what a newly set value starts as; `edit` may return why what was typed was not taken.
fn optional<T>(
    ui: &mut Ui,
    lang: Lang,
    name: &str,
    value: &mut Option<T>,
    default: impl FnOnce() -> T,
    edit: impl FnOnce(&mut Ui, &mut T, egui::Id) -> Option<String>,
) {
    let l = label(ui, name);
    let error = ui
        .horizontal(|ui| {
            let mut on = value.is_some();
            if ui
                .checkbox(&mut on, tr(lang, "field-set"))
                .labelled_by(l.id)
                .changed()
            {
                *value = if on { Some(default()) } else { None };
            }
            value.as_mut().and_then(|v| edit(ui, v, l.id))
        })
        .inner;
    typed_error(ui, error);
    end_field(ui);
}

/// Edits a value that is set, through [`typed`].
fn typed_set<T: Clone>(
    ui: &mut Ui,
    label: egui::Id,
    width: f32,
    v: &mut T,
    format: impl Fn(&T) -> String,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Option<String> {
    let mut opt = Some(v.clone());
    let (_, error) = typed(ui, label, width, &mut opt, false, format, parse);
    if let Some(new) = opt {
        *v = new;
    }
    error
}

/// A number that may be absent.
pub fn opt_number(ui: &mut Ui, lang: Lang, name: &str, value: &mut Option<f64>) {
    optional(
        ui,
        lang,
        name,
        value,
        || 0.0,
        |ui, v, l| {
            typed_set(
                ui,
                l,
                NUMBER_WIDTH,
                v,
                |v| format::decimal_up_to(lang, *v, 4),
                |t| format::parse_number(lang, t).map_err(|e| e.message(lang)),
            )
        },
    );
}

/// A percentage 0–100 that may be absent, typed the reader's way (`85 %`, `2,5`).
pub fn opt_percent(ui: &mut Ui, lang: Lang, name: &str, value: &mut Option<f64>) {
    optional(
        ui,
        lang,
        name,
        value,
        || 100.0,
        |ui, v, l| {
            typed_set(
                ui,
                l,
                NUMBER_WIDTH,
                v,
                |v| format::percent(lang, *v, 2),
                |t| {
                    let p = format::parse_percent(lang, t).map_err(|e| e.message(lang))?;
                    if (0.0..=100.0).contains(&p) {
                        Ok(p)
                    } else {
                        Err(crate::i18n::tr_args(
                            lang,
                            "field-percent-range",
                            &[("value", format::percent(lang, p, 2).into())],
                        ))
                    }
                },
            )
        },
    );
}

/// A year.
pub fn year(ui: &mut Ui, name: &str, value: &mut i32) {
    let l = label(ui, name);
    ui.add(DragValue::new(value).range(calendar::YEARS))
        .labelled_by(l.id);
    end_field(ui);
}

/// A year that may be absent.
pub fn opt_year(ui: &mut Ui, lang: Lang, name: &str, value: &mut Option<i32>) {
    optional(
        ui,
        lang,
        name,
        value,
        || Date::today().year(),
        |ui, v, l| {
            ui.add(DragValue::new(v).range(calendar::YEARS))
                .labelled_by(l);
            None
        },
    );
}

/// A whole number of months, or none.
pub fn opt_count(ui: &mut Ui, lang: Lang, name: &str, value: &mut Option<u32>) {
    optional(
        ui,
        lang,
        name,
        value,
        || 12,
        |ui, v, l| {
            ui.add(DragValue::new(v).range(0..=600)).labelled_by(l);
            None
        },
    );
}

/// A month picked from a list of the twelve, all shown at once.
fn month_combo(ui: &mut Ui, lang: Lang, salt: (&str, &str), month: &mut u8, l: egui::Id) {
    ComboBox::from_id_salt(salt)
        .selected_text(month_name(lang, *month))
        .height(f32::INFINITY)
        .show_ui(ui, |ui| {
            for k in 1..=12u8 {
                ui.selectable_value(month, k, month_name(lang, k));
            }
        })
        .response
        .labelled_by(l);
}

/// A month picked as month and year (the order dates use too), or none; a new one starts at the
/// plan's first month.
pub fn month(ui: &mut Ui, lang: Lang, name: &str, value: &mut Option<YearMonth>) {
    let first = first_month(ui);
    optional(
        ui,
        lang,
        name,
        value,
        || first,
        |ui, ym, l| {
            let (mut y, mut m) = (ym.year(), ym.month());
            month_combo(ui, lang, ("month", name), &mut m, l);
            ui.add(DragValue::new(&mut y).range(calendar::YEARS))
                .labelled_by(l);
            if let Some(new) = YearMonth::new(y, m) {
                *ym = new;
            }
            None
        },
    );
}

/// A date typed the reader's way (`14.03.2025`, `14 Mar 2025`; ISO `2025-03-14` too), or none.
pub fn date(ui: &mut Ui, lang: Lang, name: &str, value: &mut Option<Date>) {
    optional(ui, lang, name, value, Date::today, |ui, d, l| {
        typed_set(
            ui,
            l,
            NUMBER_WIDTH,
            d,
            |d| format::date(lang, *d),
            |t| format::parse_date(lang, t).map_err(|e| e.message(lang)),
        )
    });
}

/// One of a closed list.
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    name: &str,
    value: &mut T,
    all: &[T],
    label_of: impl Fn(T) -> &'static str,
) {
    let l = label(ui, name);
    ComboBox::from_id_salt(("choice", name))
        .selected_text(label_of(*value))
        .width(combo_width(ui, 260.0))
        .show_ui(ui, |ui| {
            for v in all {
                ui.selectable_value(value, *v, label_of(*v));
            }
        })
        .response
        .labelled_by(l.id);
    end_field(ui);
}

/// One of a closed list, or none.
pub fn opt_choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    lang: Lang,
    name: &str,
    value: &mut Option<T>,
    all: &[T],
    label_of: impl Fn(T) -> &'static str,
) {
    let l = label(ui, name);
    let none = tr(lang, "field-none");
    ComboBox::from_id_salt(("opt-choice", name))
        .selected_text(value.map_or(none.clone(), |v| label_of(v).to_owned()))
        .width(combo_width(ui, 260.0))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, none.as_str());
            for v in all {
                ui.selectable_value(value, Some(*v), label_of(*v));
            }
        })
        .response
        .labelled_by(l.id);
    end_field(ui);
}

/// A reference to one item, picked from the items that exist (never typed as an id).
pub fn pick_one<I: Clone + PartialEq + AsRef<str>>(
    ui: &mut Ui,
    lang: Lang,
    name: &str,
    value: &mut Option<I>,
    options: &[(I, String)],
) {
    let l = label(ui, name);
    let none = tr(lang, "field-none");
    let shown = match value {
        None => none.clone(),
        Some(v) => options
            .iter()
            .find(|(id, _)| id == v)
            .map_or_else(|| format!("{} ⚠", v.as_ref()), |(_, t)| t.clone()),
    };
    ComboBox::from_id_salt(("pick-one", name))
        .selected_text(shown)
        .width(combo_width(ui, 360.0))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, none.as_str());
            for (id, title) in options {
                ui.selectable_value(value, Some(id.clone()), title);
            }
        })
        .response
        .labelled_by(l.id);
    end_field(ui);
}

/// References to several items: the chosen ones with a remove button each, and a picker to
/// add one more.
pub fn pick_many<I: Clone + PartialEq + AsRef<str>>(
    ui: &mut Ui,
    lang: Lang,
    name: &str,
    values: &mut Vec<I>,
    options: &[(I, String)],
) {
    let l = label(ui, name);
    ui.vertical(|ui| {
        let mut remove = None;
        for (i, v) in values.iter().enumerate() {
            let title = options
                .iter()
                .find(|(id, _)| id == v)
                .map_or_else(|| format!("{} ⚠", v.as_ref()), |(_, t)| t.clone());
            ui.horizontal(|ui| {
                let rm = tr(lang, "list-remove");
                if ui
                    .small_button("✖")
                    .on_hover_text(format!("{rm}: {title}"))
                    .clicked()
                {
                    remove = Some(i);
                }
                // A long title wraps rather than widening the form past the window.
                ui.add(egui::Label::new(title).wrap());
            });
        }
        if let Some(i) = remove {
            values.remove(i);
        }
        let mut add: Option<I> = None;
        let rest: Vec<&(I, String)> = options
            .iter()
            .filter(|(id, _)| !values.contains(id))
            .collect();
        if !rest.is_empty() {
            ComboBox::from_id_salt(("pick-many", name))
                .selected_text(tr(lang, "list-add-link"))
                .width(combo_width(ui, 360.0))
                .show_ui(ui, |ui| {
                    for (id, title) in rest {
                        if ui.selectable_label(false, title).clicked() {
                            add = Some(id.clone());
                        }
                    }
                })
                .response
                .labelled_by(l.id);
        }
        if let Some(id) = add {
            values.push(id);
        }
    });
    end_field(ui);
}

/// A list of short texts (outputs, partners, decisions…), one line each.
pub fn string_list(ui: &mut Ui, lang: Lang, name: &str, values: &mut Vec<String>) {
    let l = label(ui, name);
    ui.vertical(|ui| {
        let mut remove = None;
        for (i, v) in values.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                if ui
                    .small_button("✖")
                    .on_hover_text(format!("{}: {}", tr(lang, "list-remove"), v))
                    .clicked()
                {
                    remove = Some(i);
                }
                ui.add(TextEdit::singleline(v).desired_width(f32::INFINITY))
                    .labelled_by(l.id);
            });
        }
        if let Some(i) = remove {
            values.remove(i);
        }
        if ui
            .small_button(format!("+ {}", tr(lang, "list-add-line")))
            .on_hover_text(name.to_owned())
            .clicked()
        {
            values.push(String::new());
        }
    });
    end_field(ui);
}

/// A button that adds to what `scope` names: greyed out while the plan is locked, so nothing
/// looks active that does nothing.
pub fn add_button(ui: &mut Ui, text: &str, scope: EditScope) -> bool {
    let enabled = editable(ui, scope);
    ui.add_enabled(enabled, egui::Button::new(text)).clicked()
}

/// A section heading with its help text.
pub fn heading(ui: &mut Ui, title: &str, help: &str) {
    ui.heading(title);
    if !help.is_empty() {
        ui.label(RichText::new(help).weak());
    }
    ui.add_space(6.0);
}

/// What the buttons of one item of a nested list asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowOp {
    /// Move one up.
    Up,
    /// Move one down.
    Down,
    /// Insert a copy after it.
    Duplicate,
    /// Remove it.
    Delete,
}

/// Move up, move down, duplicate and delete for item `index` of `len`; `what` names the item
/// for screen readers.
pub fn row_buttons(ui: &mut Ui, lang: Lang, index: usize, len: usize, what: &str) -> Option<RowOp> {
    let mut op = None;
    ui.horizontal_wrapped(|ui| {
        if !editable(ui, EditScope::Plan) {
            ui.disable();
        }
        for (key, o, enabled) in [
            ("list-up", RowOp::Up, index > 0),
            ("list-down", RowOp::Down, index + 1 < len),
            ("list-duplicate", RowOp::Duplicate, true),
            ("list-delete", RowOp::Delete, true),
        ] {
            let b = ui.add_enabled(enabled, egui::Button::new(tr(lang, key)).small());
            if b.on_hover_text(format!("{}: {what}", tr(lang, key)))
                .clicked()
            {
                op = Some(o);
            }
        }
    });
    op
}

/// Applies a row operation to a list; `renew` gives a duplicate its new ids. Returns the removed
/// item on delete.
pub fn apply_row_op<T: Clone>(
    list: &mut Vec<T>,
    index: usize,
    op: RowOp,
    renew: impl FnOnce(&mut T),
) -> Option<T> {
    if index >= list.len() {
        return None;
    }
    match op {
        RowOp::Up if index > 0 => list.swap(index, index - 1),
        RowOp::Down if index + 1 < list.len() => list.swap(index, index + 1),
        RowOp::Duplicate => {
            let mut copy = list[index].clone();
            renew(&mut copy);
            list.insert(index + 1, copy);
        }
        RowOp::Delete => return Some(list.remove(index)),
        _ => {}
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_ops_move_copy_and_remove() {
        let mut v = vec![1, 2, 3];
        apply_row_op(&mut v, 0, RowOp::Down, |_| {});
        assert_eq!(v, [2, 1, 3]);
        apply_row_op(&mut v, 0, RowOp::Up, |_| {});
        assert_eq!(v, [2, 1, 3], "the first cannot move up");
        apply_row_op(&mut v, 2, RowOp::Duplicate, |x| *x *= 10);
        assert_eq!(v, [2, 1, 3, 30]);
        assert_eq!(apply_row_op(&mut v, 1, RowOp::Delete, |_| {}), Some(1));
        assert_eq!(v, [2, 3, 30]);
        assert_eq!(apply_row_op(&mut v, 9, RowOp::Delete, |_| {}), None);
    }
}
