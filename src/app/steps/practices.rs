//! Good practices: the shipped library, the plan's own, and the library of the network file the
//! plan's framework came from, filtered by theme and city; one practice whole with its sources;
//! "Turn into a draft action" as one undoable edit.

use egui::{RichText, Ui};

use super::{PracticesView, detail, list_panel, selected_index};
use crate::app::StepCtx;
use crate::app::list::master_list;
use crate::app::widgets::{self as w, EditScope, form};
use crate::i18n::tr;
use crate::model::*;

/// The selection keys: the library's chosen practice, the filters.
const LIBRARY: &str = "practice-library";
const NETWORK: &str = "practice-network";
const CITY: &str = "practice-city";

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(ui, Section::Practices.label(lang), &cx.tr("help-practices"));
    // The network's library, once its file is read: beside the shipped one.
    let network: Option<(String, Vec<GoodPractice>)> = cx
        .network
        .and_then(|k| k.network.as_ref().ok())
        .map(|n| (n.name.clone(), n.practices.clone()));
    if network.is_none() && cx.views.practices == PracticesView::Network {
        cx.views.practices = PracticesView::Library;
    }
    let view = &mut cx.views.practices;
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(view, PracticesView::Library, tr(lang, "practices-library"));
        if let Some((name, _)) = &network {
            ui.selectable_value(
                view,
                PracticesView::Network,
                crate::i18n::tr_args(
                    lang,
                    "practices-network",
                    &[("network", name.clone().into())],
                ),
            );
        }
        ui.selectable_value(view, PracticesView::Plan, tr(lang, "practices-own"));
    });
    ui.separator();
    match cx.views.practices {
        PracticesView::Library => {
            let shipped: Vec<GoodPractice> = crate::store::practices::shipped().to_vec();
            library(ui, cx, &shipped, LIBRARY);
        }
        PracticesView::Network => {
            let practices = network.map(|(_, p)| p).unwrap_or_default();
            if practices.is_empty() {
                ui.weak(tr(lang, "practices-network-empty"));
            } else {
                library(ui, cx, &practices, NETWORK);
            }
        }
        PracticesView::Plan => own(ui, cx),
    }
}

/// Theme and city pickers; returns the chosen filters.
fn filters(
    ui: &mut Ui,
    cx: &mut StepCtx<'_>,
    all: &[&GoodPractice],
) -> (Option<PracticeTheme>, Option<String>) {
    let lang = cx.lang;
    let mut theme = cx.views.practice_theme;
    let mut city = cx.selected(CITY);
    let mut cities: Vec<&str> = all.iter().map(|p| p.city.as_str()).collect();
    cities.sort_unstable();
    cities.dedup();
    let any = tr(lang, "practices-any");
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(tr(lang, "practices-theme"));
        egui::ComboBox::from_id_salt("practice-theme")
            .selected_text(theme.map_or(any.clone(), |t| t.label(lang).to_owned()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut theme, None, any.as_str());
                for t in PracticeTheme::ALL {
                    ui.selectable_value(&mut theme, Some(*t), t.label(lang));
                }
            })
            .response
            .labelled_by(l.id);
        let l = ui.label(tr(lang, "practices-city"));
        egui::ComboBox::from_id_salt("practice-city")
            .selected_text(city.clone().unwrap_or_else(|| any.clone()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut city, None, any.as_str());
                for c in &cities {
                    ui.selectable_value(&mut city, Some((*c).to_owned()), *c);
                }
            })
            .response
            .labelled_by(l.id);
    });
    cx.views.practice_theme = theme;
    match &city {
        Some(c) => cx.selection.insert(CITY, c.clone()),
        None => cx.selection.remove(CITY),
    };
    (theme, city)
}

fn matches(p: &GoodPractice, theme: Option<PracticeTheme>, city: Option<&str>) -> bool {
    theme.is_none_or(|t| p.themes.contains(&t)) && city.is_none_or(|c| p.city == c)
}

/// A library (the shipped one or the network's): a filtered list beside the practice shown
/// whole; `key` keeps each library's chosen practice.
fn library(ui: &mut Ui, cx: &mut StepCtx<'_>, practices: &[GoodPractice], key: &'static str) {
    let lang = cx.lang;
    let all: Vec<&GoodPractice> = practices.iter().collect();
    let (theme, city) = filters(ui, cx, &all);
    let shown: Vec<&GoodPractice> = all
        .into_iter()
        .filter(|p| matches(p, theme, city.as_deref()))
        .collect();
    let mut chosen = cx.selected(key);
    list_panel(ui, key, |ui| {
        ui.weak(crate::i18n::tr_args(
            lang,
            "practices-count",
            &[("n", shown.len().into())],
        ));
        egui::ScrollArea::vertical()
            .id_salt((key, "list"))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for p in &shown {
                    let on = chosen.as_deref() == Some(p.id.as_str());
                    let caption = format!("{}  {}", p.id, ItemRef::Practice(p).caption(lang));
                    if ui.selectable_label(on, caption).clicked() {
                        chosen = Some(p.id.to_string());
                    }
                }
            });
    });
    if let Some(c) = &chosen {
        cx.selection.insert(key, c.clone());
    }
    detail(ui, key, |ui| {
        let Some(p) = chosen
            .as_deref()
            .and_then(|id| shown.iter().find(|p| p.id.as_str() == id))
        else {
            ui.weak(cx.tr("select-item"));
            return;
        };
        if cx.plan().practice(&p.id).is_some() {
            ui.weak(tr(lang, "practices-in-plan"));
        }
        turn_into_action(ui, cx, p);
        show_whole(ui, lang, p);
    });
}

/// The button that turns a practice into a draft action, and goes to it.
fn turn_into_action(ui: &mut Ui, cx: &mut StepCtx<'_>, p: &GoodPractice) {
    if w::add_button(ui, &tr(cx.lang, "practice-to-action"), EditScope::Plan) {
        let mut plan = cx.plan().clone();
        let id = plan.draft_action_from(p);
        // One edit for the copy of the practice and the new action: one undo takes back both.
        cx.doc.replace_plan(plan, cx.now);
        cx.selection.insert("actions", id.to_string());
        cx.intents
            .push(crate::app::commands::Intent::GoTo(ItemPath::item(
                Section::Actions,
                id.as_str(),
            )));
    }
    ui.add_space(6.0);
}

/// A practice shown whole: every field, its sources as links (only http(s) ones open).
fn show_whole(ui: &mut Ui, lang: Lang, p: &GoodPractice) {
    ui.heading(&p.title);
    let place = if p.country.trim().is_empty() {
        p.city.clone()
    } else {
        format!("{} ({})", p.city, p.country)
    };
    ui.label(RichText::new(place).strong());
    let themes: Vec<&str> = p.themes.iter().map(|t| t.label(lang)).collect();
    let not_found = tr(lang, "pdf-not-found");
    for (key, text) in [
        ("field-practice-themes", themes.join("; ")),
        ("field-period", p.period.clone()),
        ("field-summary", p.summary.clone()),
        ("field-practice-problem", p.problem.clone()),
        ("field-practice-evidence", p.evidence.clone()),
        ("field-practice-cost", p.cost.clone()),
        ("field-note", p.note.clone()),
    ] {
        ui.add_space(4.0);
        ui.label(RichText::new(tr(lang, key)).strong());
        if text.trim().is_empty() {
            ui.weak(&not_found);
        } else {
            ui.add(egui::Label::new(text).wrap());
        }
    }
    ui.add_space(4.0);
    ui.label(RichText::new(tr(lang, "field-practice-contact")).strong());
    link(ui, &p.contact.organisation, &p.contact.url);
    ui.add_space(4.0);
    ui.label(RichText::new(tr(lang, "field-practice-sources")).strong());
    for s in &p.sources {
        let title = if s.as_of.trim().is_empty() {
            s.title.clone()
        } else {
            format!("{} ({})", s.title, s.as_of)
        };
        link(ui, &title, &s.url);
    }
}

/// A link when the address is a web address; otherwise the text and the address as plain text.
fn link(ui: &mut Ui, text: &str, url: &str) {
    let text = if text.trim().is_empty() { url } else { text };
    if is_web_address(url) {
        ui.hyperlink_to(text, url.trim()).on_hover_text(url);
    } else if !text.trim().is_empty() {
        ui.label(text);
    }
}

/// The plan's own practices: a list with a form, and the actions that adapt each.
fn own(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    if let Some(e) = list_panel(ui, "practices", |ui| {
        master_list(ui, cx, "practices", |p| &p.practices)
    }) {
        cx.commit_list("practices", |p| Some(&mut p.practices), e);
    }
    detail(ui, "practices", |ui| {
        let Some(i) = selected_index(cx, "practices", &cx.plan().practices, |x| x.id.as_str())
        else {
            ui.weak(cx.tr("select-item"));
            return;
        };
        let mut p = cx.plan().practices[i].clone();
        let adapting: Vec<(ActionId, String)> = cx
            .plan()
            .actions
            .iter()
            .filter(|a| a.adapts.as_ref().is_some_and(|r| r.practice == p.id))
            .map(|a| (a.id.clone(), ItemRef::Action(a).caption(lang)))
            .collect();
        turn_into_action(ui, cx, &p);
        ui.label(RichText::new(tr(lang, "practice-adapted-by")).strong());
        if adapting.is_empty() {
            ui.weak(tr(lang, "field-none"));
        }
        for (id, caption) in adapting {
            if ui.link(caption).clicked() {
                cx.intents
                    .push(crate::app::commands::Intent::GoTo(ItemPath::item(
                        Section::Actions,
                        id.as_str(),
                    )));
            }
        }
        ui.separator();
        let t = |k: &str| tr(lang, k);
        form(ui, "practice-form", |ui| {
            w::text(ui, &t("field-title"), &mut p.title);
            w::text(ui, &t("field-city"), &mut p.city);
            w::text(ui, &t("field-country"), &mut p.country);
            w::multiline(ui, &t("field-summary"), &mut p.summary);
            w::multiline(ui, &t("field-practice-problem"), &mut p.problem);
            ui.label(RichText::new(t("field-practice-themes")).strong());
            ui.horizontal_wrapped(|ui| {
                for th in PracticeTheme::ALL {
                    let mut on = p.themes.contains(th);
                    if ui.checkbox(&mut on, th.label(lang)).changed() {
                        if on {
                            p.themes.push(*th);
                            p.themes.sort();
                        } else {
                            p.themes.retain(|x| x != th);
                        }
                    }
                }
            });
            ui.add_space(6.0);
            w::multiline(ui, &t("field-practice-evidence"), &mut p.evidence);
            w::text(ui, &t("field-practice-cost"), &mut p.cost);
            w::text(
                ui,
                &t("field-practice-organisation"),
                &mut p.contact.organisation,
            );
            w::text(ui, &t("field-practice-page"), &mut p.contact.url);
            w::text(ui, &t("field-period"), &mut p.period);
            w::multiline(ui, &t("field-note"), &mut p.note);
        });
        ui.separator();
        ui.strong(t("field-practice-sources"));
        let mut remove = None;
        for (k, s) in p.sources.iter_mut().enumerate() {
            ui.push_id(("source", k), |ui| {
                form(ui, "practice-source", |ui| {
                    w::text(ui, &t("field-source-title"), &mut s.title);
                    w::text(ui, &t("field-source-url"), &mut s.url);
                    w::text(ui, &t("field-source-as-of"), &mut s.as_of);
                });
                link(ui, &s.url, &s.url);
                if ui
                    .small_button("✖")
                    .on_hover_text(format!("{}: {}", t("list-remove"), s.title))
                    .clicked()
                {
                    remove = Some(k);
                }
                ui.separator();
            });
        }
        if let Some(k) = remove {
            p.sources.remove(k);
        }
        if w::add_button(ui, &t("add-source"), EditScope::Plan) {
            p.sources.push(PracticeSource::default());
        }
        let id = p.id.clone();
        cx.set(
            &format!("practice:{id}"),
            move |pl| pl.practices.iter_mut().find(|x| x.id == id),
            p,
        );
    });
}
