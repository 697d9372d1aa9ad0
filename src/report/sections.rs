//! The content of the report, section by section, in the plan's order.

use std::cell::{Cell, OnceCell};
use std::sync::mpsc::Receiver;

use crate::analysis::{self, Severity};
use crate::i18n::tr_args;
use crate::model::*;

use super::fonts::Face;
use super::layout::{ACCENT, Anchor, Column, GREY, INK, Layout, Style};
use super::tables::{self, amount, by_id, num, period, refs, short, t, with_currency};
use super::{Options, Part, charts};

/// A date in the long form of `lang`, or nothing.
fn long_date(lang: Lang, d: Option<Date>) -> String {
    d.map(|d| format::date_long(lang, d)).unwrap_or_default()
}

/// Most lines the title takes on the cover; a longer title is cut with "…".
const COVER_TITLE_LINES: usize = 6;

/// Most lines of each fact (version, authors…) on the cover.
const COVER_FIELD_LINES: usize = 3;

/// The cover page: one page, so every line of it is bounded; what does not fit is cut with "…"
/// and reported.
pub fn cover(l: &mut Layout<'_>, plan: &Plan, lang: Lang, images: &super::council::CoverImages) {
    let f = &plan.facts;
    l.item = "facts".into();
    l.fill_rect(0.0, 0.0, l.page.0, 150.0, ACCENT);
    let white = [1.0, 1.0, 1.0];
    let city = [f.municipality.as_str(), f.city.as_str()]
        .iter()
        .filter(|s| !s.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" — ");
    let city_style = Style {
        face: Face::Bold,
        size: 16.0,
        color: white,
    };
    let (city, cut) = l.fit(city_style, &city, l.width());
    if cut {
        l.note_cut(None, "cover");
    }
    l.begin("P");
    l.put_text(l.left(), 60.0, city_style, &city);
    l.end();
    let kind = t(lang, "pdf-cover-kind");
    let p = l.begin("P");
    l.label(p);
    l.put_text(
        l.left(),
        90.0,
        Style {
            face: Face::Regular,
            size: 11.0,
            color: white,
        },
        &kind,
    );
    l.end();
    l.y = 200.0;
    // The plan's title is the document's first heading.
    l.title_lines(
        Style {
            face: Face::Bold,
            size: 22.0,
            color: INK,
        },
        &f.title,
        0.0,
        COVER_TITLE_LINES,
        "cover",
    );
    l.space(18.0);
    let status = f.status.label(lang);
    let date = long_date(lang, f.date);
    for (k, v) in [
        ("pdf-period", period(lang, f.period_start, f.period_end)),
        ("pdf-status", status.to_owned()),
        ("pdf-version", f.version.clone()),
        ("pdf-date", date),
        (
            "pdf-authors",
            refs(f.authors.iter().map(|a| short(a)), "; "),
        ),
    ] {
        l.field_lines(&t(lang, k), &v, COVER_FIELD_LINES, "cover");
    }
    if !f.adoption_decision.trim().is_empty() {
        l.field_lines(
            &t(lang, "pdf-adoption"),
            &format!(
                "{} {}",
                f.adoption_decision,
                long_date(lang, f.adoption_date)
            ),
            COVER_FIELD_LINES,
            "cover",
        );
    }
    // The logos take the foot of the page.
    let has_logos = !images.logos.is_empty() || images.emblem.is_some();
    if has_logos {
        l.margins.3 += super::council::LOGO_BAND;
    }
    if !f.summary.trim().is_empty() {
        l.space(14.0);
        // What fits on the rest of the page; the whole summary is in the facts section.
        let style = Style::BODY.italic();
        let room = (l.room() / style.line_height()).floor().max(1.0) as usize;
        l.paragraph_lines(style, &f.summary, 0.0, room, "cover");
    }
    if has_logos {
        l.margins.3 -= super::council::LOGO_BAND;
        super::council::cover_logos(l, lang, images);
    }
}

/// Height of a line of the contents: a little tighter when that keeps them on one page.
fn contents_line(l: &Layout<'_>, entries: usize) -> f32 {
    let line = Style::BODY.line_height() + 3.0;
    let first = l.room() - 40.0;
    let tight = Style::BODY.line_height() + 0.5;
    if entries as f32 * line > first && entries as f32 * tight <= first {
        first / entries as f32
    } else {
        line
    }
}

/// Pages the contents need for `entries` lines.
pub fn contents_pages(l: &Layout<'_>, entries: usize) -> usize {
    let line = contents_line(l, entries);
    let first = (l.room() - 40.0) / line;
    let next = (l.page.1 - l.margins.2 - l.margins.3) / line;
    if entries as f32 <= first {
        1
    } else {
        1 + ((entries as f32 - first) / next).ceil() as usize
    }
}

/// The contents; returns the link areas: (contents page, top, height, target body page, y).
pub fn contents(
    l: &mut Layout<'_>,
    lang: Lang,
    entries: &[&Anchor],
    first_body_page: usize,
) -> Vec<(usize, f32, f32, usize, f32)> {
    let title = t(lang, "pdf-contents");
    let style = Style {
        face: Face::Bold,
        size: 15.0,
        color: ACCENT,
    };
    let line = contents_line(l, entries.len());
    let y = l.y;
    let h = l.begin("H1");
    l.label(h);
    l.put_text(l.left(), y, style, &title);
    l.end();
    l.y += 34.0;
    let mut links = Vec::new();
    l.begin("TOC");
    for a in entries {
        if l.y + line > l.page.1 - l.margins.3 {
            l.new_page();
        }
        let toci = l.begin("TOCI");
        // An entry whose heading is a label reads in the labels' language.
        if a.lang.is_some() {
            l.label(toci);
        }
        let style = if a.level == 1 {
            Style::BODY.bold()
        } else {
            Style::BODY
        };
        let indent = if a.level == 1 { 0.0 } else { 16.0 };
        let number = (first_body_page + a.page + 1).to_string();
        let nw = l.text_width(style, &number);
        let avail = l.width() - indent - nw - 12.0;
        let clean = l.clean(style.face, &a.title);
        let text = super::fit(l, style, &clean, avail);
        let y = l.y;
        // The entry's text and page number are the Link's content, and the annotation its
        // object, so assistive technology reads the entry as one link.
        l.begin("Link");
        // A space after the title (invisible), so the entry reads "Title 4", not "Title4".
        l.put_text(l.left() + indent, y, style, &format!("{text} "));
        let right = l.left() + l.width();
        l.put_text(right - nw, y, style, &number);
        l.link_annotation(tr_args(
            lang,
            "pdf-link-contents",
            &[("title", a.title.clone().into()), ("page", number.into())],
        ));
        l.end();
        // Dotted leader between title and number.
        let tw = l.text_width(style, &text);
        let dots_from = l.left() + indent + tw + 4.0;
        let dots_to = right - nw - 4.0;
        if dots_to > dots_from {
            let dot_w = l.text_width(Style::BODY.color(GREY), ". ");
            let n = ((dots_to - dots_from) / dot_w).floor() as usize;
            l.artifact += 1;
            l.put_text(dots_from, y, Style::BODY.color(GREY), &". ".repeat(n));
            l.artifact -= 1;
        }
        l.end();
        links.push((l.pages.len() - 1, y - 2.0, line, a.page, a.y));
        l.y += line;
    }
    l.end();
    links
}

/// A glossary's entries: (abbreviation, meaning).
pub type Entries = Vec<(String, String)>;

/// What the body needs that does not depend on the layout, worked out on another core while
/// the pages before it are laid out (see `render_within`) and handed over as it is ready;
/// worked out here when it is not coming (no thread, or the thread stopped).
pub struct Ahead {
    /// The glossary's entries, coming.
    glossary: Cell<Option<Receiver<Entries>>>,
    /// The checks' report, coming.
    report: Cell<Option<Receiver<analysis::Report>>>,
    /// The report once taken.
    report_taken: OnceCell<analysis::Report>,
}

impl Ahead {
    /// What is being worked out: the checks' report and the glossary's entries (what a
    /// channel whose sender is gone does not bring is worked out when asked for).
    pub fn new(report: Receiver<analysis::Report>, glossary: Receiver<Entries>) -> Self {
        Ahead {
            glossary: Some(glossary).into(),
            report: Some(report).into(),
            report_taken: OnceCell::new(),
        }
    }

    /// The glossary's entries for `plan` in `lang` (once).
    fn glossary(&self, plan: &Plan, lang: Lang) -> Entries {
        self.glossary
            .take()
            .and_then(|r| r.recv().ok())
            .unwrap_or_else(|| super::council::glossary_entries(plan, lang))
    }

    /// The checks' report on `plan`.
    fn report(&self, plan: &Plan) -> &analysis::Report {
        self.report_taken.get_or_init(|| {
            self.report
                .take()
                .and_then(|r| r.recv().ok())
                .unwrap_or_else(|| analysis::check(plan))
        })
    }
}

/// Everything after the contents.
pub fn body(
    l: &mut Layout<'_>,
    plan: &Plan,
    opts: &Options,
    ahead: &Ahead,
    progress: &dyn Fn(f32),
) {
    let lang = opts.lang;
    let n = opts.parts.len().max(1) as f32;
    let mut first = true;
    charts::restart_figures();
    for (i, part) in Part::all()
        .into_iter()
        // The approval page is laid out before the contents.
        .filter(|p| opts.includes(*p) && *p != Part::Approval)
        .enumerate()
    {
        if l.overflow {
            // Past the page limit: the export is refused, the rest need not be laid out.
            break;
        }
        // A section follows the one before on the same page (its heading kept with its first
        // lines); the pilot fiches start a page, as each fiche does.
        if !first {
            if part == Part::Section(Section::Pilots) {
                l.new_page();
            } else if !l.at_top() {
                l.space(16.0);
            }
        }
        first = false;
        match part {
            Part::Approval => {}
            Part::Summary => {
                l.item = "facts".into();
                l.label_heading(1, &t(lang, "pdf-exec-summary"), 40.0);
                super::council::executive_summary(l, plan, ahead.report(plan), lang);
            }
            Part::Glossary => {
                l.item = "glossary".into();
                l.label_heading(1, &t(lang, "pdf-glossary"), 40.0);
                super::council::glossary(l, ahead.glossary(plan, lang), lang);
            }
            Part::Section(s) => section(l, plan, opts, ahead, s),
            Part::Sources => annex_sources(l, plan, lang),
            Part::Findings => annex_findings(l, ahead.report(plan), lang),
            Part::Comments => annex_comments(l, plan, lang),
        }
        progress(0.05 + 0.7 * (i as f32 + 1.0) / n);
    }
    l.finish();
}

fn section(l: &mut Layout<'_>, plan: &Plan, opts: &Options, ahead: &Ahead, s: Section) {
    let lang = opts.lang;
    l.item = s.key().into();
    if s == Section::SupportGroup {
        // An annex after the plan's own sections.
        l.label_heading(1, &t(lang, "pdf-annex-support-group"), 40.0);
    } else {
        l.label_heading(1, s.label(lang), 40.0);
    }
    match s {
        Section::Facts => facts(l, plan, lang),
        Section::Context => context(l, plan, lang),
        Section::SupportGroup => support_group(l, plan, lang),
        Section::Problems => problems(l, plan, lang),
        Section::Objectives => objectives(l, plan, lang),
        Section::Actions => actions(l, plan, opts),
        Section::StrategyLinks => strategy(l, plan, lang),
        Section::Funding => funding(l, plan, lang),
        Section::Pilots => pilots(l, plan, opts, ahead.report(plan)),
        Section::Indicators => indicators(l, plan, lang),
        Section::Risks => risks(l, plan, lang),
        Section::Practices => practices(l, plan, lang),
        Section::Exchanges => exchanges(l, plan, lang),
        Section::Governance => governance(l, plan, lang),
        Section::Openness => openness(l, plan, lang),
        // The rounds are not the plan's content: the progress report shows them.
        Section::Review | Section::Monitoring => {}
    }
}

fn empty(l: &mut Layout<'_>, lang: Lang) {
    l.label_paragraph(Style::BODY.italic().color(GREY), &t(lang, "pdf-empty"), 0.0);
}

/// Most lines of a name (city, municipality, version…) among the plan's facts.
const NAME_LINES: usize = 4;

fn facts(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    let f = &plan.facts;
    // Names, not prose, get a few lines at most; the authors and the decision what they need.
    for (k, v, names) in [
        (
            "pdf-city",
            if f.country.trim().is_empty() {
                f.city.clone()
            } else {
                format!("{} ({})", f.city, f.country)
            },
            true,
        ),
        ("pdf-municipality", f.municipality.clone(), true),
        (
            "pdf-period",
            period(lang, f.period_start, f.period_end),
            true,
        ),
        ("pdf-status", f.status.label(lang).to_owned(), true),
        ("pdf-version", f.version.clone(), true),
        ("pdf-authors", f.authors.join("; "), false),
        ("pdf-adoption", f.adoption_decision.clone(), false),
        ("pdf-languages", f.languages.join(", "), true),
        ("pdf-currency", f.currency.clone(), true),
    ] {
        let max = if names { NAME_LINES } else { usize::MAX };
        l.field_lines(&t(lang, k), &v, max, "field");
    }
    if !f.summary.trim().is_empty() {
        l.label_heading(3, &t(lang, "pdf-summary"), 20.0);
        l.paragraph(Style::BODY, &f.summary, 0.0);
    }
}

fn context(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    if !plan.context.narrative.trim().is_empty() {
        l.paragraph(Style::BODY, &plan.context.narrative, 0.0);
        l.space(8.0);
    }
    if plan.context.evidence.is_empty() {
        return;
    }
    l.label_heading(2, &t(lang, "pdf-evidence"), 40.0);
    let table = tables::evidence(plan, lang);
    l.table(&table.columns, &table.rows);
}

fn support_group(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    let g = &plan.support_group;
    if g.members.is_empty() && g.meetings.is_empty() {
        return empty(l, lang);
    }
    l.label_heading(2, &t(lang, "pdf-members"), 40.0);
    let table = tables::members(plan, lang);
    l.table(&table.columns, &table.rows);
    if g.meetings.is_empty() {
        return;
    }
    l.label_heading(2, &t(lang, "pdf-meetings"), 40.0);
    let members = by_id(&g.members, |m| &m.id);
    for m in &g.meetings {
        l.item = format!("support_group/{}", m.id);
        let date = long_date(lang, m.date);
        l.heading(3, &format!("{date} — {}", m.topic), 30.0);
        let who = refs(
            m.attendees
                .iter()
                .filter_map(|a| members.get(a))
                .map(|x| short(&x.organisation)),
            "; ",
        );
        l.field(&t(lang, "pdf-place"), &m.place);
        l.field(&t(lang, "pdf-attendees"), &who);
        for d in &m.decisions {
            l.bullet(d);
        }
    }
}

fn problems(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    if plan.problems.is_empty() {
        return empty(l, lang);
    }
    let evidence = by_id(&plan.context.evidence, |e| &e.id);
    for p in &plan.problems {
        l.item = format!("problems/{}", p.id);
        l.heading(3, &p.title, 40.0);
        if !p.description.is_empty() {
            l.paragraph(Style::BODY, &p.description, 0.0);
        }
        for (key, list) in [("pdf-causes", &p.causes), ("pdf-effects", &p.effects)] {
            if !list.is_empty() {
                l.label_paragraph(Style::BODY.bold(), &t(lang, key), 0.0);
                for c in list {
                    l.bullet(c);
                }
            }
        }
        let ev = refs(
            p.evidence
                .iter()
                .filter_map(|id| evidence.get(id))
                .map(|e| {
                    format!(
                        "{}: {} {} ({})",
                        short(&e.label),
                        e.value.map(|v| num(lang, v)).unwrap_or_default(),
                        short(&e.unit),
                        e.year.map(|y| y.to_string()).unwrap_or_default()
                    )
                }),
            "; ",
        );
        l.field(&t(lang, "pdf-evidence"), &ev);
    }
}

fn objectives(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    if !plan.vision.trim().is_empty() {
        l.label_heading(2, &t(lang, "pdf-vision"), 30.0);
        l.paragraph(Style::BODY.italic().size(10.5), &plan.vision, 0.0);
    }
    let indicators = by_id(&plan.indicators, |i| &i.id);
    for o in plan.objectives_by_code() {
        l.item = format!("objectives/{}", o.id);
        l.heading(2, &format!("{} {}", o.code, o.title), 40.0);
        l.field(&t(lang, "pdf-theme"), o.theme.label(lang));
        if !o.description.is_empty() {
            l.paragraph(Style::BODY, &o.description, 0.0);
        }
        for s in &o.specific {
            l.item = format!("objectives/{}", s.id);
            l.heading(3, &format!("{} {}", s.code, s.title), 24.0);
            l.paragraph(Style::BODY, &s.description, 0.0);
            let inds = refs(
                s.indicators
                    .iter()
                    .filter_map(|i| indicators.get(i))
                    .map(|i| format!("{} {}", short(&i.code), short(&i.name))),
                "; ",
            );
            l.field(&t(lang, "pdf-indicators"), &inds);
            if let Some(d) = s.deadline {
                l.field(&t(lang, "pdf-deadline"), &format::month(lang, d));
            }
        }
    }
}

fn actions(l: &mut Layout<'_>, plan: &Plan, opts: &Options) {
    let lang = opts.lang;
    if plan.actions.is_empty() {
        return empty(l, lang);
    }
    let table = tables::actions(plan, lang);
    l.table_totals(&table.columns, &table.rows, &table.totals);
    l.label_heading(2, &t(lang, "pdf-timeline"), 60.0);
    l.begin_figure(charts::alt_text(plan, lang, charts::Chart::Gantt));
    charts::gantt(l, plan, lang);
    l.end_figure();
    l.label_heading(2, &t(lang, "pdf-action-details"), 60.0);
    let indicators = by_id(&plan.indicators, |i| &i.id);
    let risks_by_id = by_id(&plan.risks, |r| &r.id);
    let actions = by_id(&plan.actions, |a| &a.id);
    let catalogue = analysis::checks::catalogue_of(plan);
    for a in plan.actions_by_code() {
        l.item = format!("actions/{}", a.id);
        l.heading(3, &format!("{} {}", a.code, a.title), 40.0);
        if !a.description.is_empty() {
            l.paragraph(Style::BODY, &a.description, 0.0);
        }
        let inds = refs(
            a.indicators
                .iter()
                .filter_map(|i| indicators.get(i))
                .map(|i| short(&i.code)),
            ", ",
        );
        let risks = refs(
            a.risks
                .iter()
                .filter_map(|r| risks_by_id.get(r))
                .map(|r| short(&r.title)),
            "; ",
        );
        let deps = refs(
            a.depends_on
                .iter()
                .filter_map(|d| actions.get(d))
                .map(|d| short(&d.code)),
            ", ",
        );
        let lead = match a.lead_type {
            Some(kind) if !a.lead.trim().is_empty() => {
                format!("{} ({})", a.lead, kind.label(lang))
            }
            _ => a.lead.clone(),
        };
        let funding = refs(
            a.funding.iter().map(|f| {
                let what = tables::programme_call(
                    &catalogue,
                    lang,
                    f.catalogue.as_ref(),
                    &f.programme,
                    &f.call,
                );
                let what = if what.trim().is_empty() {
                    String::new()
                } else {
                    format!(", {what}")
                };
                format!(
                    "{}{what}: {} ({})",
                    f.source.label(lang),
                    plan.money_text(lang, f.amount),
                    f.status.label(lang).to_lowercase()
                )
            }),
            "; ",
        );
        let internal = if opts.consultation_copy {
            a.id.to_string()
        } else {
            String::new()
        };
        for (k, v) in [
            ("pdf-lead", lead),
            ("pdf-partners", a.partners.join("; ")),
            ("pdf-fiche-period", period(lang, a.start, a.end)),
            (
                "pdf-fiche-cost",
                a.cost.map(|c| plan.money_text(lang, c)).unwrap_or_default(),
            ),
            ("pdf-fiche-funding", funding),
            ("pdf-target-group", a.target_group.clone()),
            ("pdf-location", a.location.clone()),
            (
                "pdf-status",
                format!(
                    "{}; {}: {}",
                    a.status.label(lang),
                    t(lang, "pdf-priority"),
                    a.priority.label(lang)
                ),
            ),
            ("pdf-outputs", a.outputs.join("; ")),
            ("pdf-indicators", inds),
            ("pdf-risks", risks),
            ("pdf-depends-on", deps),
            ("pdf-internal-id", internal),
        ] {
            l.field(&t(lang, k), &v);
        }
    }
}

fn strategy(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    // The actions serving each goal, in one pass over the actions.
    let mut serving: std::collections::HashMap<&StrategyGoalId, Vec<&Action>> =
        std::collections::HashMap::new();
    for a in plan.actions_by_code() {
        for g in &a.strategy_goals {
            let list = serving.entry(g).or_default();
            // An action naming a goal twice serves it once, as `Plan::actions_serving` says.
            if list.last().is_none_or(|last| !std::ptr::eq(*last, a)) {
                list.push(a);
            }
        }
    }
    for kind in StrategyKind::ALL {
        let s = plan.strategies.get(*kind);
        l.heading(2, &format!("{}: {}", kind.label(lang), s.title), 40.0);
        l.field(&t(lang, "pdf-reference"), &s.reference);
        for g in &s.goals {
            l.item = format!("strategy_links/{}", g.id);
            let star = if g.skilled_migrants {
                format!(" ({})", t(lang, "pdf-skilled-migrants"))
            } else {
                String::new()
            };
            l.heading(3, &format!("{} {}{star}", g.code, g.title), 24.0);
            if !g.description.is_empty() {
                l.paragraph(Style::BODY, &g.description, 0.0);
            }
            let these = serving.get(&g.id).map_or(&[][..], Vec::as_slice);
            l.field(
                &t(lang, "pdf-serving-actions"),
                &if these.is_empty() {
                    "—".to_owned()
                } else {
                    refs(
                        these
                            .iter()
                            .map(|a| format!("{} {}", short(&a.code), short(&a.title))),
                        "; ",
                    )
                },
            );
        }
    }
}

fn funding(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    let b = analysis::budget(plan);
    for (figure, text) in b.headline(lang, &plan.facts.currency) {
        l.field(&t(lang, figure.key()), &text);
    }
    l.space(6.0);
    l.label_heading(2, &t(lang, "pdf-by-source"), 80.0);
    let table = tables::by_source(plan, lang, &b);
    l.table_totals(&table.columns, &table.rows, &table.totals);
    l.begin_figure(charts::alt_text(plan, lang, charts::Chart::Budget));
    charts::budget(l, plan, lang, &b);
    l.end_figure();
    if !b.by_year.is_empty() {
        l.label_heading(2, &t(lang, "pdf-by-year"), 60.0);
        let cols = [
            Column::new(t(lang, "pdf-year"), 1.0),
            Column::right(with_currency(lang, plan, "pdf-cost"), 2.0),
        ];
        let rows: Vec<Vec<String>> = b
            .by_year
            .iter()
            .map(|(y, m)| vec![y.to_string(), amount(lang, *m)])
            .collect();
        l.table(&cols, &rows);
    }
    l.label_heading(2, &t(lang, "pdf-funding-lines"), 60.0);
    let table = tables::funding_lines(plan, lang);
    l.table_totals(&table.columns, &table.rows, &table.totals);
    let calls = tables::calls_used(plan, lang);
    if !calls.rows.is_empty() {
        l.label_heading(2, &t(lang, "pdf-calls"), 60.0);
        l.table(&calls.columns, &calls.rows);
    }
}

fn pilots(l: &mut Layout<'_>, plan: &Plan, opts: &Options, report: &analysis::Report) {
    let lang = opts.lang;
    if plan.pilots.is_empty() {
        return empty(l, lang);
    }
    let actions = by_id(&plan.actions, |a| &a.id);
    // What the checks say about each pilot's budget against the plan's funding lines.
    let mismatch: Vec<&analysis::Finding> = report
        .findings
        .iter()
        .filter(|f| f.code == "PILOT_BUDGET_MISMATCH")
        .collect();
    for (i, p) in plan.pilots.iter().enumerate() {
        // One page per fiche.
        if i > 0 {
            l.new_page();
        }
        l.item = format!("pilots/{}", p.id);
        l.heading(2, &p.title, 60.0);
        let fund = p.fund.map(|f| f.label(lang).to_owned()).unwrap_or_default();
        let duration = p
            .duration_months
            .map(|d| {
                format!(
                    "{} {}",
                    format::integer(lang, d),
                    t(lang, "pdf-months-unit")
                )
            })
            .unwrap_or_default();
        let catalogue = analysis::checks::catalogue_of(plan);
        let entry = p.catalogue.as_ref().and_then(|r| catalogue.resolve(r));
        let (programme, call) = match &entry {
            Some(e) => (
                e.programme.name(lang).to_owned(),
                e.call
                    .map(|c| tables::programme_call(&catalogue, lang, None, c.title(lang), &c.code))
                    .unwrap_or_default(),
            ),
            None => (p.programme.clone(), p.call.clone()),
        };
        for (k, v) in [
            ("pdf-fund", fund),
            ("pdf-programme", programme),
            ("pdf-call", call),
            ("pdf-lead", p.lead.clone()),
            ("pdf-partners", p.partners.join("; ")),
            (
                "pdf-duration",
                format!(
                    "{duration} {}",
                    p.start
                        .map(|s| format!("({})", format::month(lang, s)))
                        .unwrap_or_default()
                ),
            ),
            ("pdf-readiness", p.readiness.label(lang).to_owned()),
            ("pdf-target-group", p.target_group.clone()),
            (
                "pdf-internal-id",
                if opts.consultation_copy {
                    p.id.to_string()
                } else {
                    String::new()
                },
            ),
        ] {
            l.field(&t(lang, k), &v);
        }
        if let Some(e) = &entry {
            l.label_heading(3, &t(lang, "catalogue-rules"), 40.0);
            for (k, v) in tables::call_rules(plan, lang, e) {
                if !matches!(k, "catalogue-programme" | "catalogue-call") {
                    l.field(&t(lang, k), &v);
                }
            }
        }
        l.label_heading(3, &t(lang, "pdf-pilot-objective"), 20.0);
        l.paragraph(Style::BODY, &p.objective, 0.0);
        if !p.summary.is_empty() {
            l.paragraph(Style::BODY, &p.summary, 0.0);
        }
        l.label_heading(3, &t(lang, "pdf-budget"), 60.0);
        let table = tables::pilot_budget(plan, lang, p);
        l.table_totals(&table.columns, &table.rows, &table.totals);
        for f in mismatch
            .iter()
            .filter(|f| f.path.item.as_deref() == Some(p.id.as_str()))
        {
            flag(l, &t(lang, "pdf-pilot-mismatch"), f.message(lang));
        }
        let targets = |list: &Vec<TargetedResult>| -> Vec<Vec<String>> {
            list.iter()
                .map(|r| {
                    vec![
                        r.description.clone(),
                        r.target.map(|v| num(lang, v)).unwrap_or_default(),
                        r.unit.clone(),
                    ]
                })
                .collect()
        };
        for (key, list) in [("pdf-outputs", &p.outputs), ("pdf-results", &p.results)] {
            if !list.is_empty() {
                l.label_heading(3, &t(lang, key), 40.0);
                let cols = [
                    Column::new(t(lang, "pdf-description"), 5.0),
                    Column::right(t(lang, "pdf-target"), 1.0),
                    Column::new(t(lang, "pdf-unit"), 1.4),
                ];
                l.table(&cols, &targets(list));
            }
        }
        let linked = refs(
            p.actions
                .iter()
                .filter_map(|a| actions.get(a))
                .map(|a| format!("{} {}", short(&a.code), short(&a.title))),
            "; ",
        );
        l.field(&t(lang, "pdf-linked-actions"), &linked);
    }
}

/// A flagged note: a dark bar in the margin, a bold label and the text, so it stands out in
/// greyscale too.
fn flag(l: &mut Layout<'_>, label: &str, text: &str) {
    let style = Style::BODY;
    l.space(4.0);
    l.ensure(style.line_height() * 2.0);
    let top = l.y;
    l.paragraph(style.bold().color([0.55, 0.05, 0.10]), label, 10.0);
    l.paragraph(style, text, 10.0);
    if l.y > top {
        l.fill_rect(l.left(), top, 3.0, l.y - top, [0.55, 0.05, 0.10]);
    }
    l.space(4.0);
}

fn indicators(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    if plan.indicators.is_empty() {
        return empty(l, lang);
    }
    let table = tables::indicators(plan, lang);
    l.table(&table.columns, &table.rows);
    l.label_heading(2, &t(lang, "pdf-indicator-measurement"), 40.0);
    let table = tables::indicator_measurement(plan, lang);
    l.table(&table.columns, &table.rows);
}

fn risks(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    if plan.risks.is_empty() {
        return empty(l, lang);
    }
    l.label_heading(2, &t(lang, "pdf-risk-matrix"), 200.0);
    l.begin_figure(charts::alt_text(plan, lang, charts::Chart::RiskMatrix));
    charts::risk_matrix(l, plan, lang);
    l.end_figure();
    let table = tables::risks(plan, lang);
    l.table(&table.columns, &table.rows);
}

fn practices(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    if plan.practices.is_empty() && !plan.actions.iter().any(|a| a.adapts.is_some()) {
        return empty(l, lang);
    }
    let table = tables::practices(plan, lang);
    l.table(&table.columns, &table.rows);
    let adapting = tables::adapting_actions(plan);
    if !adapting.is_empty() {
        l.label_heading(2, &t(lang, "pdf-transfer"), 60.0);
        l.label_paragraph(Style::BODY, &t(lang, "pdf-transfer-intro"), 0.0);
        for (a, r, p) in adapting {
            let practice = p
                .map(|p| ItemRef::Practice(p).caption(lang))
                .unwrap_or_else(|| r.practice.to_string());
            l.heading(3, &crate::model::items::join(&a.code, &a.title), 40.0);
            l.field(&t(lang, "pdf-adapts"), &practice);
            for (label, text) in tables::transfer_notes(lang, r) {
                l.field(&label, &text);
            }
            l.space(4.0);
        }
    }
    let sources = tables::practice_sources(plan, lang);
    if !sources.rows.is_empty() {
        l.label_heading(2, &t(lang, "pdf-practice-sources"), 40.0);
        l.table(&sources.columns, &sources.rows);
    }
}

fn exchanges(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    if plan.exchanges.is_empty() {
        return empty(l, lang);
    }
    let table = tables::exchanges(plan, lang);
    l.table(&table.columns, &table.rows);
    let consulted: Vec<&Exchange> = plan
        .exchanges
        .iter()
        .filter(|x| !x.comments.is_empty())
        .collect();
    if !consulted.is_empty() {
        l.label_heading(2, &t(lang, "pdf-consultation-comments"), 60.0);
    }
    for x in consulted {
        // The heading is the plan's own text (date and title), so not a label.
        l.heading(3, &ItemRef::Exchange(x).caption(lang), 40.0);
        let c = tables::consultation_comments(lang, x);
        l.table(&c.columns, &c.rows);
    }
}

fn governance(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    let g = &plan.governance;
    for (k, v) in [
        ("pdf-coordinator", g.coordinator.clone()),
        ("pdf-implementing-bodies", g.implementing_bodies.join("; ")),
        (
            "pdf-reporting",
            format!("{}; {}", g.reporting_frequency.label(lang), g.reporting_to),
        ),
    ] {
        l.field(&t(lang, k), &v);
    }
    if !g.monitoring.is_empty() {
        l.space(4.0);
        l.paragraph(Style::BODY, &g.monitoring, 0.0);
    }
    if !g.review_points.is_empty() {
        l.label_heading(2, &t(lang, "pdf-review-points"), 40.0);
        let cols = [
            Column::new(t(lang, "pdf-month"), 1.0),
            Column::new(t(lang, "pdf-description"), 5.0),
        ];
        let rows: Vec<Vec<String>> = g
            .review_points
            .iter()
            .map(|r| {
                vec![
                    r.month.map(|m| format::month(lang, m)).unwrap_or_default(),
                    r.description.clone(),
                ]
            })
            .collect();
        l.table(&cols, &rows);
    }
}

fn openness(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    let o = &plan.openness;
    l.field(&t(lang, "pdf-framework"), &o.framework);
    if let Some(n) = tables::network_line(plan, lang) {
        l.field(&t(lang, "pdf-network"), &n);
    }
    // What the plan means by openness comes before any figure.
    if !o.definition.trim().is_empty() {
        l.label_heading(2, &t(lang, "pdf-definition"), 40.0);
        l.paragraph(Style::BODY, &o.definition, 0.0);
    }
    if !o.description.is_empty() {
        l.paragraph(Style::BODY, &o.description, 0.0);
    }
    let idx = analysis::openness_index(plan);
    if idx.cities.is_empty() || idx.areas.is_empty() {
        return empty(l, lang);
    }
    l.label_heading(2, &t(lang, "pdf-index"), 80.0);
    let table = tables::openness_index(lang, &idx);
    l.table(&table.columns, &table.rows);
    l.label_heading(2, &t(lang, "pdf-profile"), charts::openness_keep(l, &idx));
    l.begin_figure(charts::openness_alt(&idx, lang));
    charts::openness(l, plan, lang, &idx);
    l.end_figure();
    l.label_heading(2, &t(lang, "pdf-method"), 40.0);
    l.label_paragraph(Style::BODY, &analysis::openness::method(lang, &idx), 0.0);
    // The trend: a line chart with its caption and text alternative, then the table for the
    // numbers and the words of how it was computed.
    let trend = analysis::openness::trend(o);
    if trend.years.len() >= 2 {
        l.label_heading(2, &t(lang, "pdf-trend"), charts::openness_trend_keep());
        l.begin_figure(charts::openness_trend_alt(&trend, lang));
        charts::openness_trend(l, plan, lang, &trend);
        l.end_figure();
        let table = tables::openness_trend(lang, &trend);
        l.table(&table.columns, &table.rows);
        l.label_paragraph(
            Style::BODY,
            &analysis::openness::trend_text(lang, &trend),
            0.0,
        );
    }
    l.label_heading(2, &t(lang, "pdf-raw-values"), 60.0);
    // A matrix of indicators × cities.
    for table in tables::openness_values(plan, lang) {
        l.table(&table.columns, &table.rows);
    }
}

fn annex_sources(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    l.item = "sources".into();
    l.label_heading(1, &t(lang, "pdf-annex-sources"), 40.0);
    if plan.sources.is_empty() {
        return empty(l, lang);
    }
    let table = tables::sources(plan, lang);
    l.table(&table.columns, &table.rows);
}

fn annex_findings(l: &mut Layout<'_>, report: &analysis::Report, lang: Lang) {
    l.label_heading(1, &t(lang, "pdf-annex-findings"), 40.0);
    if report.findings.is_empty() {
        return l.label_paragraph(Style::BODY, &t(lang, "findings-none"), 0.0);
    }
    let cols = [
        Column::new(t(lang, "pdf-severity"), 1.2),
        Column::new(t(lang, "pdf-where"), 1.8),
        Column::new(t(lang, "pdf-finding"), 6.0),
    ];
    let rows: Vec<Vec<String>> = report
        .findings
        .iter()
        .map(|f| {
            let sev = match f.severity {
                Severity::Error | Severity::Warning | Severity::Hint => {
                    f.severity.label(lang).to_owned()
                }
            };
            vec![sev, f.path.to_string(), f.message(lang).to_owned()]
        })
        .collect();
    l.table(&cols, &rows);
}

fn annex_comments(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    l.label_heading(1, &t(lang, "pdf-annex-comments"), 40.0);
    if plan.comments.is_empty() {
        return empty(l, lang);
    }
    for c in &plan.comments {
        l.item = format!("review/{}", c.id);
        let state = if c.resolved {
            t(lang, "pdf-resolved")
        } else {
            t(lang, "pdf-open")
        };
        let about = format!(
            "{}{}",
            c.target.section.label(lang),
            c.target
                .item
                .as_ref()
                .map(|i| format!(" / {i}"))
                .unwrap_or_default()
        );
        l.heading(3, &format!("{} — {} ({state})", c.author, about), 30.0);
        l.paragraph(
            Style::BODY.italic().color(GREY),
            &long_date(lang, c.date),
            0.0,
        );
        l.paragraph(Style::BODY, &c.text, 0.0);
        for r in &c.replies {
            l.paragraph(
                Style::BODY.bold(),
                &format!("{} {}", r.author, long_date(lang, r.date)),
                14.0,
            );
            l.paragraph(Style::BODY, &r.text, 14.0);
        }
    }
}
