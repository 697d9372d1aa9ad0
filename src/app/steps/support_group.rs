//! Step 3: the Local Support Group — members (sector, role, influence, interest) and meetings.

use egui::Ui;

use super::{SupportGroupTab, detail, list_panel, selected_index};
use crate::app::StepCtx;
use crate::app::list::master_list;
use crate::app::widgets::{self as w, form};
use crate::model::*;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(
        ui,
        Section::SupportGroup.label(lang),
        &cx.tr("help-support-group"),
    );
    // Jumping to a meeting opens the meetings tab.
    if cx.scroll_to.as_ref().is_some_and(|id| {
        cx.plan()
            .support_group
            .meetings
            .iter()
            .any(|m| &m.id.0 == id)
    }) {
        cx.views.support_group = SupportGroupTab::Meetings;
    }
    let tab = &mut cx.views.support_group;
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(tab, SupportGroupTab::Members, tr(lang, "tab-members"));
        ui.selectable_value(tab, SupportGroupTab::Meetings, tr(lang, "tab-meetings"));
    });
    ui.separator();
    match cx.views.support_group {
        SupportGroupTab::Members => members(ui, cx),
        SupportGroupTab::Meetings => meetings(ui, cx),
    }
}

use crate::i18n::tr;

fn members(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    if let Some(e) = list_panel(ui, "members", |ui| {
        master_list(ui, cx, "members", |p| &p.support_group.members)
    }) {
        cx.commit_list("members", |p| Some(&mut p.support_group.members), e);
    }
    detail(ui, "members", |ui| {
        let Some(i) = selected_index(cx, "members", &cx.plan().support_group.members, |m| {
            m.id.as_str()
        }) else {
            ui.weak(cx.tr("select-item"));
            return;
        };
        let mut m = cx.plan().support_group.members[i].clone();
        form(ui, "member-form", |ui| {
            w::text(ui, &cx.tr("field-organisation"), &mut m.organisation);
            w::text(ui, &cx.tr("field-contact"), &mut m.contact);
            w::choice(
                ui,
                &cx.tr("field-sector"),
                &mut m.sector,
                Sector::ALL,
                |s| s.label(lang),
            );
            w::text(ui, &cx.tr("field-role"), &mut m.role);
            w::choice(
                ui,
                &cx.tr("field-influence"),
                &mut m.influence,
                Level::ALL,
                |s| s.label(lang),
            );
            w::choice(
                ui,
                &cx.tr("field-interest"),
                &mut m.interest,
                Level::ALL,
                |s| s.label(lang),
            );
        });
        let id = m.id.clone();
        cx.set(
            &format!("member:{id}"),
            move |p| p.support_group.members.iter_mut().find(|x| x.id == id),
            m,
        );
    });
}

fn meetings(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    if let Some(e) = list_panel(ui, "meetings", |ui| {
        master_list(ui, cx, "meetings", |p| &p.support_group.meetings)
    }) {
        cx.commit_list("meetings", |p| Some(&mut p.support_group.meetings), e);
    }
    detail(ui, "meetings", |ui| {
        let Some(i) = selected_index(cx, "meetings", &cx.plan().support_group.meetings, |m| {
            m.id.as_str()
        }) else {
            ui.weak(cx.tr("select-item"));
            return;
        };
        let mut m = cx.plan().support_group.meetings[i].clone();
        let members: Vec<(MemberId, String)> = cx
            .plan()
            .support_group
            .members
            .iter()
            .map(|m| (m.id.clone(), m.organisation.clone()))
            .collect();
        form(ui, "meeting-form", |ui| {
            w::date(ui, lang, &cx.tr("field-date"), &mut m.date);
            w::text(ui, &cx.tr("field-topic"), &mut m.topic);
            w::text(ui, &cx.tr("field-place"), &mut m.place);
            w::pick_many(
                ui,
                lang,
                &cx.tr("field-attendees"),
                &mut m.attendees,
                &members,
            );
            w::string_list(ui, lang, &cx.tr("field-decisions"), &mut m.decisions);
        });
        let id = m.id.clone();
        cx.set(
            &format!("meeting:{id}"),
            move |p| p.support_group.meetings.iter_mut().find(|x| x.id == id),
            m,
        );
    });
}
