//! The comparison of several cities' plans (issue 14), for a network's lead partner: a window
//! over the open plan and the plan files added with the file dialog (each read on a job
//! thread), with the openness profiles against the group average, the trend, objectives and
//! actions by theme, the budget by fund, and which good practices went from which city to
//! which — the tables `lap-studio compare` prints, from
//! [`crate::analysis::compare`].

use egui::{RichText, Ui};

use crate::analysis::compare::{Comparison, compare};
use crate::i18n::tr;
use crate::model::{Lang, OpennessMethod, Plan};
use crate::report::compare::{self as report, Part};
use crate::report::tables::Table;

/// The plans compared and their comparison.
pub struct CitiesView {
    /// Each plan with the name it is listed by (its file's name; the open plan first).
    plans: Vec<(String, Plan)>,
    /// How openness values are scored.
    pub method: OpennessMethod,
    /// The comparison of `plans`, computed when they change.
    comparison: Comparison,
}

/// What the window asks of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// Nothing.
    Nothing,
    /// Pick another plan file to add.
    Add,
    /// Pick a network file whose cities (with their values) are added.
    AddNetwork,
    /// Close the window.
    Close,
}

impl CitiesView {
    /// A comparison of the open plan alone, to which others are added.
    pub fn new(open: Plan, name: String, lang: Lang) -> Self {
        let plans = vec![(name, open)];
        let comparison = compare(&[plans[0].1.clone()], OpennessMethod::default(), lang);
        CitiesView {
            plans,
            method: OpennessMethod::default(),
            comparison,
        }
    }

    /// Adds a plan read from a file named `name`.
    pub fn add(&mut self, name: String, plan: Plan, lang: Lang) {
        self.plans.push((name, plan));
        self.recompute(lang);
    }

    /// The names of the plans, in order.
    pub fn names(&self) -> Vec<&str> {
        self.plans.iter().map(|(n, _)| n.as_str()).collect()
    }

    /// The comparison shown.
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    fn recompute(&mut self, lang: Lang) {
        let plans: Vec<Plan> = self.plans.iter().map(|(_, p)| p.clone()).collect();
        self.comparison = compare(&plans, self.method, lang);
    }
}

/// A table of the report as a striped grid: the header row strong, the first column a row
/// header.
fn grid(ui: &mut Ui, id: &str, table: &Table) {
    egui::Grid::new(id).striped(true).show(ui, |ui| {
        for c in &table.columns {
            ui.strong(&c.title);
        }
        ui.end_row();
        for (r, row) in table.rows.iter().enumerate() {
            let total = table.totals.contains(&r);
            for cell in row {
                let text = RichText::new(cell.replace('\u{2003}', "    "));
                ui.label(if total { text.strong() } else { text });
            }
            ui.end_row();
        }
    });
}

/// The window, while the comparison is open; says what it asks of the app.
pub fn window(ctx: &egui::Context, lang: Lang, view: &mut CitiesView) -> Ask {
    let mut ask = Ask::Nothing;
    let mut open = true;
    let mut remove = None;
    let mut method = view.method;
    egui::Window::new(tr(lang, "cmp-title"))
        .id(egui::Id::unique("cities-comparison"))
        .open(&mut open)
        .default_size([900.0, 640.0])
        .vscroll(true)
        .show(ctx, |ui| {
            let c = &view.comparison;
            ui.heading(tr(lang, Part::Plans.key()));
            for (i, (name, _)) in view.plans.iter().enumerate() {
                ui.horizontal(|ui| {
                    let city = c.plans.get(i).map_or("", |p| p.city.as_str());
                    ui.label(format!("{city} — {name}"));
                    if i > 0 && ui.small_button(tr(lang, "cmp-remove")).clicked() {
                        remove = Some(i);
                    }
                });
            }
            ui.horizontal(|ui| {
                if ui.button(tr(lang, "cmp-add")).clicked() {
                    ask = Ask::Add;
                }
                if ui.button(tr(lang, "cmp-add-network")).clicked() {
                    ask = Ask::AddNetwork;
                }
                egui::ComboBox::from_label(tr(lang, "cmp-method"))
                    .selected_text(method.label(lang))
                    .show_ui(ui, |ui| {
                        for m in OpennessMethod::ALL {
                            ui.selectable_value(&mut method, *m, m.label(lang));
                        }
                    });
            });
            if view.plans.len() < 2 {
                ui.label(tr(lang, "cmp-add-hint"));
            }
            grid(ui, "cities-plans", &report::plans_table(c, lang));
            ui.separator();
            ui.heading(tr(lang, Part::Profile.key()));
            grid(ui, "cities-profile", &report::profile_table(c, lang));
            ui.push_id("cities-charts", |ui| {
                if !c.index.cities.is_empty() && !c.index.areas.is_empty() {
                    super::charts::openness_profile(ui, lang, &c.index);
                }
            });
            for note in report::notes(c, lang) {
                ui.label(note);
            }
            ui.separator();
            ui.heading(tr(lang, Part::Trend.key()));
            if c.trend.years.len() < 2 {
                ui.label(tr(lang, "cmp-no-trend"));
            } else {
                ui.push_id("cities-trend", |ui| {
                    super::charts::openness_trend(ui, lang, &c.trend);
                });
                ui.label(crate::analysis::openness::trend_text(lang, &c.trend));
            }
            ui.separator();
            ui.heading(tr(lang, Part::Themes.key()));
            grid(ui, "cities-themes", &report::themes_table(c, lang));
            ui.separator();
            ui.heading(tr(lang, Part::Budget.key()));
            grid(ui, "cities-budget", &report::funds_table(c, lang));
            ui.label(tr(lang, "cmp-budget-note"));
            ui.separator();
            ui.heading(tr(lang, Part::Transfers.key()));
            if c.transfers.list.is_empty() {
                ui.label(tr(lang, "cmp-no-transfers"));
            } else {
                grid(ui, "cities-transfers", &report::transfer_matrix(c, lang));
                ui.strong(tr(lang, "cmp-transfer-list"));
                grid(ui, "cities-transfer-list", &report::transfer_list(c, lang));
                ui.label(tr(lang, "cmp-transfers-note"));
            }
        });
    let mut changed = false;
    if let Some(i) = remove {
        view.plans.remove(i);
        changed = true;
    }
    if method != view.method {
        view.method = method;
        changed = true;
    }
    if changed {
        view.recompute(lang);
    }
    if !open {
        ask = Ask::Close;
    }
    ask
}
