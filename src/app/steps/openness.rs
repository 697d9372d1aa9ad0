//! Step 13: openness — the framework (areas and indicators with direction and weight) and the
//! plan's definition of openness, the cities compared, raw values per city and year with their
//! source (imported and exported as a table), and the resulting index: the profile of the latest
//! values or of one year, and the trend of the index over the years.

use egui::Ui;

use crate::analysis::openness;
use crate::app::StepCtx;
use crate::app::charts;
use crate::app::list::{ListItem, master_list, next};
use crate::app::rows::nested_rows;
use crate::app::widgets::{self as w, form};
use crate::i18n::tr;
use crate::model::*;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(ui, Section::Openness.label(lang), &cx.tr("help-openness"));
    use super::OpennessTab as T;
    let tab = &mut cx.views.openness;
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(tab, T::Results, tr(lang, "tab-results"));
        ui.selectable_value(tab, T::Values, tr(lang, "tab-values"));
        ui.selectable_value(tab, T::Cities, tr(lang, "tab-cities"));
        ui.selectable_value(tab, T::Framework, tr(lang, "tab-framework"));
    });
    ui.separator();
    network_notice(ui, cx);
    match cx.views.openness {
        T::Results => results(ui, cx),
        T::Values => values(ui, cx),
        T::Cities => cities(ui, cx),
        T::Framework => framework(ui, cx),
    }
}

/// A network version as people name it: its version, and its date when there is one.
fn version_text(lang: Lang, version: &str, date: Option<Date>) -> String {
    match date {
        Some(d) => format!("{version} ({})", crate::model::format::date(lang, d)),
        None => version.to_owned(),
    }
}

/// Says when the plan's copy of the framework is older than the network file it came from
/// (read by the app off the window's thread), with a button that takes the file again; or that
/// the file cannot be read now.
fn network_notice(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    let Some(known) = cx.network else { return };
    let file = known.path.display().to_string();
    match &known.network {
        Err(message) => {
            ui.colored_label(
                crate::app::theme::WARNING,
                crate::i18n::tr_args(
                    lang,
                    "network-unreadable",
                    &[("file", file.into()), ("message", message.clone().into())],
                ),
            );
            ui.separator();
        }
        Ok(net) => {
            let Currency::Older { taken } = net.currency_of(cx.plan()) else {
                return;
            };
            ui.colored_label(
                crate::app::theme::WARNING,
                crate::i18n::tr_args(
                    lang,
                    "network-older",
                    &[
                        ("network", net.name.clone().into()),
                        (
                            "taken",
                            version_text(lang, &taken.version, taken.date).into(),
                        ),
                        ("current", version_text(lang, &net.version, net.date).into()),
                        ("file", file.into()),
                    ],
                ),
            );
            let can = cx.doc.allows(crate::app::document::EditScope::Plan);
            if ui
                .add_enabled(can, egui::Button::new(tr(lang, "network-take-again")))
                .clicked()
            {
                cx.intents.push(crate::app::commands::Intent::TakeNetwork(
                    known.path.clone(),
                ));
            }
            ui.separator();
        }
    }
}

fn results(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    let o = cx.plan().openness.clone();
    let years = o.years();
    // A year that is gone (its values deleted) falls back to the latest values.
    if cx.views.openness_year.is_some_and(|y| !years.contains(&y)) {
        cx.views.openness_year = None;
    }
    let basis = cx
        .views
        .openness_year
        .map_or(openness::Basis::Latest, openness::Basis::Year);
    let idx = openness::index(&o, basis);
    let trend = openness::trend(&o);
    let mut method = o.method;
    egui::ScrollArea::vertical()
        .id_salt("openness-results")
        .show(ui, |ui| {
            if !o.definition.trim().is_empty() {
                ui.strong(tr(lang, "field-openness-definition"));
                ui.label(&o.definition);
                ui.add_space(6.0);
            }
            if idx.cities.is_empty() {
                ui.weak(tr(lang, "openness-no-data"));
                return;
            }
            form(ui, "results-head", |ui| {
                w::choice(
                    ui,
                    &tr(lang, "field-openness-method"),
                    &mut method,
                    OpennessMethod::ALL,
                    |m| m.label(lang),
                );
                year_picker(
                    ui,
                    &tr(lang, "field-openness-year"),
                    &tr(lang, "openness-latest"),
                    &years,
                    &mut cx.views.openness_year,
                );
            });
            // Areas down, cities across: five cities fit beside each other, eleven areas do not.
            // Area names wrap to a share of the width, so all cities stay in view.
            let name_w = (ui.available_width() * 0.34).clamp(90.0, 240.0);
            egui::Grid::new("index-table").striped(true).show(ui, |ui| {
                ui.strong(tr(lang, "field-area"));
                for c in &idx.cities {
                    ui.strong(if c.home {
                        format!("{} ★", c.name)
                    } else {
                        c.name.clone()
                    });
                }
                ui.end_row();
                ui.strong(tr(lang, "openness-index"));
                for c in &idx.cities {
                    ui.strong(c.overall.map_or("—".to_owned(), |v| {
                        crate::model::format::decimal(lang, v, 1)
                    }));
                }
                ui.end_row();
                for (a, (_, name)) in idx.areas.iter().enumerate() {
                    ui.scope(|ui| {
                        ui.set_max_width(name_w);
                        ui.add(egui::Label::new(name).wrap());
                    });
                    for c in &idx.cities {
                        ui.label(c.areas[a].map_or("—".to_owned(), |v| {
                            crate::model::format::decimal(lang, v, 0)
                        }));
                    }
                    ui.end_row();
                }
            });
            ui.add_space(8.0);
            charts::openness_profile(ui, lang, &idx);
            ui.add_space(8.0);
            ui.strong(tr(lang, "openness-method"));
            ui.label(openness::method(lang, &idx));
            ui.add_space(8.0);
            ui.separator();
            ui.strong(tr(lang, "openness-trend"));
            if trend.years.len() >= 2 {
                charts::openness_trend(ui, lang, &trend);
                egui::Grid::new("trend-table").striped(true).show(ui, |ui| {
                    ui.strong(tr(lang, "xlsx-city"));
                    for y in &trend.years {
                        ui.strong(y.to_string());
                    }
                    ui.end_row();
                    for (_, name, home, scores) in trend.overall() {
                        ui.label(if home { format!("{name} ★") } else { name });
                        for s in scores {
                            ui.label(s.map_or("—".to_owned(), |v| {
                                crate::model::format::decimal(lang, v, 1)
                            }));
                        }
                        ui.end_row();
                    }
                });
            }
            ui.label(openness::trend_text(lang, &trend));
        });
    cx.set("openness-method", |p| Some(&mut p.openness.method), method);
}

/// A year picker: `none` (the latest values, or the values without a year) and each year.
fn year_picker(ui: &mut Ui, name: &str, none: &str, years: &[i32], value: &mut Option<i32>) {
    let l = ui.label(name);
    let shown = value.map_or(none.to_owned(), |y| y.to_string());
    egui::ComboBox::from_id_salt(("year", name))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, none);
            for y in years {
                ui.selectable_value(value, Some(*y), y.to_string());
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
}

fn values(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    let o = cx.plan().openness.clone();
    let mut values = o.values.clone();
    let mut years = o.years();
    // The year the grid shows: by default the most recent.
    let shown = *cx
        .views
        .openness_values_year
        .get_or_insert_with(|| years.last().copied().unwrap_or(0));
    if shown != 0 && !years.contains(&shown) {
        years.push(shown);
        years.sort_unstable();
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr(lang, "cmd-import-values")).clicked() {
            cx.intents
                .push(crate::app::Intent::Run(crate::app::Command::ImportValues));
        }
        if ui.button(tr(lang, "cmd-export-values")).clicked() {
            cx.intents
                .push(crate::app::Intent::Run(crate::app::Command::ExportValues));
        }
    });
    let mut year_choice = (shown != 0).then_some(shown);
    // Typing another year shows that year's (empty) column of the grid, to fill in.
    let start = if shown == 0 {
        years
            .last()
            .copied()
            .unwrap_or_else(|| crate::model::Date::today().year())
    } else {
        shown
    };
    let mut new_year = start;
    form(ui, "values-head", |ui| {
        year_picker(
            ui,
            &tr(lang, "field-values-year"),
            &tr(lang, "values-no-year"),
            &years,
            &mut year_choice,
        );
        let l = ui.label(tr(lang, "field-values-other-year"));
        ui.add(egui::DragValue::new(&mut new_year).range(1900..=2100))
            .labelled_by(l.id);
        ui.end_row();
    });
    let year = if new_year != start {
        Some(new_year)
    } else {
        year_choice
    };
    cx.views.openness_values_year = Some(year.unwrap_or(0));
    egui::ScrollArea::both()
        .id_salt("openness-values")
        .show(ui, |ui| {
            let name_w = (ui.available_width() * 0.34).clamp(100.0, 260.0);
            egui::Grid::new("values-grid").striped(true).show(ui, |ui| {
                ui.strong(tr(lang, "field-indicator"));
                for c in &o.cities {
                    ui.strong(&c.name);
                }
                ui.end_row();
                for area in &o.areas {
                    for ind in &area.indicators {
                        let arrow = match ind.direction {
                            Direction::HigherIsBetter => "↑",
                            Direction::LowerIsBetter => "↓",
                        };
                        // Wrapped to a share of the width, so the cities' columns stay in view.
                        let row_label = ui
                            .scope(|ui| {
                                ui.set_max_width(name_w);
                                ui.add(
                                    egui::Label::new(format!(
                                        "{} / {} ({}) {arrow}",
                                        area.name, ind.name, ind.unit
                                    ))
                                    .wrap(),
                                )
                            })
                            .inner;
                        for c in &o.cities {
                            let found = values.iter().position(|v| {
                                v.city == c.id && v.indicator == ind.id && v.year == year
                            });
                            match found {
                                Some(k) => {
                                    let v = &mut values[k];
                                    let hover = format!(
                                        "{} — {}: {} {}",
                                        c.name,
                                        ind.name,
                                        v.year.map(|y| y.to_string()).unwrap_or_default(),
                                        v.source
                                    );
                                    ui.horizontal(|ui| {
                                        let mut value = Some(v.value);
                                        let (field, why) = w::number_field(
                                            ui,
                                            lang,
                                            row_label.id,
                                            70.0,
                                            &mut value,
                                        );
                                        field.on_hover_text(hover);
                                        v.value = value.unwrap_or(v.value);
                                        if let Some(why) = why {
                                            ui.colored_label(crate::app::theme::ERROR, "⚠")
                                                .on_hover_text(why);
                                        }
                                    });
                                }
                                None => {
                                    if ui
                                        .small_button("+")
                                        .on_hover_text(format!(
                                            "{}: {} — {} ({})",
                                            tr(lang, "add-value"),
                                            c.name,
                                            ind.name,
                                            year.map_or(tr(lang, "values-no-year"), |y| y
                                                .to_string())
                                        ))
                                        .clicked()
                                    {
                                        values.push(OpennessValue {
                                            city: c.id.clone(),
                                            indicator: ind.id.clone(),
                                            value: 0.0,
                                            year,
                                            source: String::new(),
                                        });
                                    }
                                }
                            }
                        }
                        ui.end_row();
                    }
                }
            });
            ui.separator();
            ui.strong(tr(lang, "openness-sources"));
            let mut delete = None;
            egui::Grid::new("sources-grid")
                .striped(true)
                .show(ui, |ui| {
                    for key in ["xlsx-city", "xlsx-indicator", "xlsx-year", "xlsx-value"] {
                        ui.strong(tr(lang, key));
                    }
                    ui.strong(tr(lang, "xlsx-source"));
                    ui.end_row();
                    for (k, v) in values.iter_mut().enumerate() {
                        let city = o
                            .cities
                            .iter()
                            .find(|c| c.id == v.city)
                            .map_or(v.city.to_string(), |c| c.name.clone());
                        let ind = o
                            .areas
                            .iter()
                            .flat_map(|a| &a.indicators)
                            .find(|i| i.id == v.indicator)
                            .map_or(v.indicator.to_string(), |i| i.name.clone());
                        let l = ui.label(&city);
                        ui.label(&ind);
                        let mut y = v.year.unwrap_or(0);
                        if ui
                            .add(egui::DragValue::new(&mut y).range(0..=2100))
                            .labelled_by(l.id)
                            .on_hover_text(tr(lang, "values-year-hint"))
                            .changed()
                        {
                            v.year = (y > 0).then_some(y);
                        }
                        ui.label(crate::model::format::decimal_up_to(lang, v.value, 6));
                        ui.add(egui::TextEdit::singleline(&mut v.source).desired_width(300.0))
                            .labelled_by(l.id);
                        if ui
                            .small_button("✖")
                            .on_hover_text(format!("{}: {city} — {ind}", tr(lang, "values-delete")))
                            .clicked()
                        {
                            delete = Some(k);
                        }
                        ui.end_row();
                    }
                });
            if let Some(k) = delete {
                values.remove(k);
            }
        });
    cx.set("openness-values", |p| Some(&mut p.openness.values), values);
}

fn cities(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    let mut head = (
        cx.plan().openness.framework.clone(),
        cx.plan().openness.description.clone(),
        cx.plan().openness.home_city.clone(),
    );
    let cities: Vec<(CityId, String)> = cx
        .plan()
        .openness
        .cities
        .iter()
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    form(ui, "openness-head", |ui| {
        w::pick_one(ui, lang, &tr(lang, "field-home-city"), &mut head.2, &cities);
    });
    if head.2 != cx.plan().openness.home_city {
        cx.set(
            "home-city",
            |p| Some(&mut p.openness.home_city),
            head.2.take(),
        );
    }
    if let Some(e) = super::list_panel(ui, "cities", |ui| {
        master_list(ui, cx, "cities", |p| &p.openness.cities)
    }) {
        cx.commit_list("cities", |p| Some(&mut p.openness.cities), e);
    }
    super::detail(ui, "cities", |ui| {
        let Some(mut c) = cx
            .selected("cities")
            .and_then(|id| cx.plan().openness.cities.iter().find(|c| c.id() == id))
            .cloned()
        else {
            ui.weak(cx.tr("select-item"));
            return;
        };
        form(ui, "city-form", |ui| {
            w::text(ui, &tr(lang, "field-name"), &mut c.name);
            w::text(ui, &tr(lang, "field-country"), &mut c.country);
        });
        let id = c.id.clone();
        cx.set(
            &format!("city:{id}"),
            move |p| p.openness.cities.iter_mut().find(|x| x.id == id),
            c,
        );
    });
    let _ = (&head.0, &head.1);
}

fn framework(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    let mut head = (
        cx.plan().openness.framework.clone(),
        cx.plan().openness.description.clone(),
        cx.plan().openness.method,
        cx.plan().openness.definition.clone(),
    );
    // Taken from a network file: `lap-studio network check` tells when it is out of date.
    if let Some(n) = crate::report::tables::network_line(cx.plan(), lang) {
        ui.label(format!("{}: {n}", tr(lang, "pdf-network")));
        ui.weak(tr(lang, "hint-network"));
        ui.add_space(6.0);
    }
    form(ui, "framework-head", |ui| {
        w::text(ui, &tr(lang, "field-framework"), &mut head.0);
        w::multiline(ui, &tr(lang, "field-openness-definition"), &mut head.3);
        w::multiline(ui, &tr(lang, "field-description"), &mut head.1);
        w::choice(
            ui,
            &tr(lang, "field-openness-method"),
            &mut head.2,
            OpennessMethod::ALL,
            |m| m.label(lang),
        );
    });
    cx.set("openness-method", |p| Some(&mut p.openness.method), head.2);
    cx.set(
        "framework-name",
        |p| Some(&mut p.openness.framework),
        head.0,
    );
    cx.set(
        "framework-description",
        |p| Some(&mut p.openness.description),
        head.1,
    );
    cx.set(
        "openness-definition",
        |p| Some(&mut p.openness.definition),
        head.3,
    );
    ui.separator();
    if let Some(e) = super::list_panel(ui, "areas", |ui| {
        master_list(ui, cx, "areas", |p| &p.openness.areas)
    }) {
        cx.commit_list("areas", |p| Some(&mut p.openness.areas), e);
    }
    super::detail(ui, "areas", |ui| {
        let Some(mut a) = cx
            .selected("areas")
            .and_then(|id| cx.plan().openness.areas.iter().find(|x| x.id() == id))
            .cloned()
        else {
            ui.weak(cx.tr("select-item"));
            return;
        };
        form(ui, "area-form", |ui| {
            w::text(ui, &tr(lang, "field-name"), &mut a.name);
            w::number(ui, lang, &tr(lang, "field-weight"), &mut a.weight);
        });
        ui.separator();
        ui.strong(tr(lang, "openness-indicators"));
        let deleted = nested_rows(
            ui,
            lang,
            cx.plan(),
            "openness-indicators",
            &mut a.indicators,
            |i| i.name.clone(),
            |ui, i| {
                form(ui, "oi-form", |ui| {
                    w::text(ui, &tr(lang, "field-name"), &mut i.name);
                    w::text(ui, &tr(lang, "field-unit"), &mut i.unit);
                    w::choice(
                        ui,
                        &tr(lang, "field-direction"),
                        &mut i.direction,
                        Direction::ALL,
                        |d| d.label(lang),
                    );
                    w::number(ui, lang, &tr(lang, "field-weight"), &mut i.weight);
                });
            },
            &tr(lang, "add-openness-indicator"),
            |taken| OpennessIndicator {
                id: next(OpennessIndicatorId::PREFIX, taken).as_str().into(),
                weight: 1.0,
                ..OpennessIndicator::default()
            },
        );
        let id = a.id.clone();
        // A deleted indicator also takes its values along.
        cx.commit_item(
            &format!("area:{id}"),
            move |p| p.openness.areas.iter_mut().find(|x| x.id == id),
            a,
            deleted,
        );
    });
}
