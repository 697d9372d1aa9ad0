//! One self-contained HTML file of the whole plan, for the city's website: semantic headings,
//! tables with headers and captions, the document language, a table of contents, and a print
//! style sheet. It is well-formed XML too, so any parser reads it.

use std::fmt::Write as _;
use std::path::Path;

use super::svg;
use super::tables::{self, Table};
use crate::analysis;
use crate::i18n::tr;
use crate::model::*;

/// Escapes text for HTML (and XML).
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML does not allow in a document.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Paragraphs from text with blank-line breaks.
fn paras(s: &str) -> String {
    s.split('\n')
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>", esc(p)))
        .collect()
}

struct Html {
    out: String,
    lang: Lang,
}

impl Html {
    fn t(&self, key: &str) -> String {
        esc(&tr(self.lang, key))
    }

    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn table(&mut self, caption: &str, table: &Table) {
        let _ = write!(
            self.out,
            "<table><caption>{}</caption><thead><tr>",
            esc(caption)
        );
        for c in &table.columns {
            let _ = write!(self.out, "<th scope=\"col\">{}</th>", esc(&c.title));
        }
        self.push("</tr></thead><tbody>");
        for (n, r) in table.rows.iter().enumerate() {
            // Totals and subtotals set apart, as in the PDF.
            self.push(if table.totals.contains(&n) {
                "<tr class=\"total\">"
            } else {
                "<tr>"
            });
            for (i, (cell, col)) in r.iter().zip(&table.columns).enumerate() {
                let class = if col.right { " class=\"num\"" } else { "" };
                // Cells may hold several lines (name and definition…).
                let text = cell.split('\n').map(esc).collect::<Vec<_>>().join("<br />");
                if i == 0 {
                    let _ = write!(self.out, "<th scope=\"row\"{class}>{text}</th>");
                } else {
                    let _ = write!(self.out, "<td{class}>{text}</td>");
                }
            }
            self.push("</tr>");
        }
        self.push("</tbody></table>");
    }

    fn fields(&mut self, items: &[(&str, String)]) {
        self.push("<dl>");
        for (k, v) in items {
            if !v.trim().is_empty() {
                let _ = write!(self.out, "<dt>{}</dt><dd>{}</dd>", self.t(k), esc(v));
            }
        }
        self.push("</dl>");
    }

    fn list(&mut self, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.push("<ul>");
        for i in items {
            let _ = write!(self.out, "<li>{}</li>", esc(i));
        }
        self.push("</ul>");
    }
}

pub(super) const STYLE: &str = "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1e;line-height:1.45}\
h1{color:#14457f;font-size:1.9rem}h2{color:#14457f;border-bottom:2px solid #14457f;padding-bottom:.2rem;margin-top:2.5rem}h3{color:#14457f}\
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}caption{text-align:left;font-weight:bold;padding:.3rem 0}\
th,td{border-bottom:1px solid #ccd;padding:.3rem .4rem;text-align:left;vertical-align:top}thead th{background:#14457f;color:#fff}\
tbody tr:nth-child(even){background:#f0f2f7}tr.total{font-weight:bold;background:#e3e8f1;border-top:2px solid #14457f}.num{text-align:right;white-space:nowrap}dt{font-weight:bold}dd{margin:0 0 .4rem 1rem}\
nav ol{columns:2}.meta{color:#555}.draft{color:#b00;font-weight:bold}\
figure{margin:1rem 0}figcaption{font-weight:bold;padding:.3rem 0}svg text{fill:#1a1a1e}\
@page{size:A4;margin:18mm 16mm 20mm;@bottom-center{content:counter(page) \" / \" counter(pages);font-size:9pt;color:#555}}\
@media print{body{max-width:none;margin:0}figure{break-inside:avoid}nav{display:none}h2{break-after:avoid}table,tr{break-inside:avoid}a{color:inherit;text-decoration:none}}";

/// The whole plan as one HTML document.
pub fn html(plan: &Plan, lang: Lang) -> String {
    let f = &plan.facts;
    let mut h = Html {
        out: String::new(),
        lang,
    };
    let _ = write!(
        h.out,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\" /><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" /><title>{}</title><meta name=\"generator\" content=\"LAP Studio\" /><style>{STYLE}</style></head><body>",
        lang.code(),
        esc(&f.title)
    );
    let _ = write!(
        h.out,
        "<header><p class=\"meta\">{} — {}</p><h1>{}</h1>",
        esc(&f.municipality),
        esc(&f.city),
        esc(&f.title)
    );
    if f.status == PlanStatus::Draft {
        let _ = write!(
            h.out,
            "<p class=\"draft\">{}</p>",
            h.t("pdf-draft-watermark")
        );
    }
    let period = plan
        .period()
        .map(|(s, e)| format::month_range(lang, Some(s), Some(e)))
        .unwrap_or_default();
    h.fields(&[
        ("pdf-period", period),
        ("pdf-status", f.status.label(lang).to_owned()),
        ("pdf-version", f.version.clone()),
        ("pdf-authors", f.authors.join("; ")),
        ("pdf-adoption", f.adoption_decision.clone()),
    ]);
    let summary = paras(&f.summary);
    h.push(&summary);
    h.push("</header>");
    let sections: Vec<Section> = Section::ALL
        .iter()
        .copied()
        .filter(|s| !matches!(s, Section::Review | Section::Monitoring))
        .collect();
    let _ = write!(
        h.out,
        "<nav aria-label=\"{}\"><h2>{}</h2><ol>",
        h.t("pdf-contents"),
        h.t("pdf-contents")
    );
    for s in &sections {
        let _ = write!(
            h.out,
            "<li><a href=\"#{}\">{}</a></li>",
            s.key(),
            esc(s.label(lang))
        );
    }
    if !super::council::glossary_entries(plan, lang).is_empty() {
        let _ = write!(
            h.out,
            "<li><a href=\"#glossary\">{}</a></li>",
            h.t("pdf-glossary")
        );
    }
    if !plan.sources.is_empty() {
        let _ = write!(
            h.out,
            "<li><a href=\"#sources\">{}</a></li>",
            h.t("pdf-sources")
        );
    }
    h.push("</ol></nav><main>");
    for s in sections {
        let _ = write!(
            h.out,
            "<section id=\"{0}\" aria-labelledby=\"h-{0}\"><h2 id=\"h-{0}\">{1}</h2>",
            s.key(),
            esc(s.label(lang))
        );
        match s {
            Section::Facts => h.fields(&[
                ("pdf-city", f.city.clone()),
                ("pdf-municipality", f.municipality.clone()),
                ("pdf-languages", f.languages.join(", ")),
                ("pdf-currency", f.currency.clone()),
            ]),
            Section::Context => {
                let text = paras(&plan.context.narrative);
                h.push(&text);
                h.table(&tr(lang, "pdf-evidence"), &tables::evidence(plan, lang));
            }
            Section::SupportGroup => {
                let g = &plan.support_group;
                h.table(&tr(lang, "pdf-members"), &tables::members(plan, lang));
                let _ = write!(h.out, "<h3>{}</h3>", h.t("pdf-meetings"));
                for m in &g.meetings {
                    let _ = write!(
                        h.out,
                        "<h4>{} — {}</h4>",
                        m.date
                            .map(|d| format::date_long(lang, d))
                            .unwrap_or_default(),
                        esc(&m.topic)
                    );
                    h.list(&m.decisions);
                }
            }
            Section::Problems => {
                for p in &plan.problems {
                    let _ = write!(h.out, "<h3>{}</h3>{}", esc(&p.title), paras(&p.description));
                    if !p.causes.is_empty() {
                        let _ = write!(h.out, "<h4>{}</h4>", h.t("pdf-causes"));
                        h.list(&p.causes);
                    }
                    if !p.effects.is_empty() {
                        let _ = write!(h.out, "<h4>{}</h4>", h.t("pdf-effects"));
                        h.list(&p.effects);
                    }
                }
            }
            Section::Objectives => {
                let _ = write!(
                    h.out,
                    "<h3>{}</h3><blockquote>{}</blockquote>",
                    h.t("pdf-vision"),
                    paras(&plan.vision)
                );
                for o in plan.objectives_by_code() {
                    let _ = write!(
                        h.out,
                        "<h3>{} {}</h3><p>{}</p>{}",
                        esc(&o.code),
                        esc(&o.title),
                        esc(o.theme.label(lang)),
                        paras(&o.description)
                    );
                    let items: Vec<String> = o
                        .specific
                        .iter()
                        .map(|s| format!("{} {} — {}", s.code, s.title, s.description))
                        .collect();
                    h.list(&items);
                }
            }
            Section::Actions => {
                h.table(&tr(lang, "pdf-actions"), &tables::actions(plan, lang));
                if let Some(f) = svg::timeline(plan, lang) {
                    h.push(&f.html());
                }
                for a in plan.actions_by_code() {
                    let _ = write!(
                        h.out,
                        "<h3 id=\"{}\">{} {}</h3>{}",
                        esc(a.id.as_str()),
                        esc(&a.code),
                        esc(&a.title),
                        paras(&a.description)
                    );
                    h.fields(&[
                        ("pdf-partners", a.partners.join("; ")),
                        ("pdf-target-group", a.target_group.clone()),
                        ("pdf-location", a.location.clone()),
                        ("pdf-outputs", a.outputs.join("; ")),
                    ]);
                }
            }
            Section::StrategyLinks => {
                for (kind, g) in plan.strategies.goals() {
                    let serving: Vec<String> = plan
                        .actions_serving(&g.id)
                        .map(|a| format!("{} {}", a.code, a.title))
                        .collect();
                    let star = if g.skilled_migrants {
                        format!(" ({})", tr(lang, "pdf-skilled-migrants"))
                    } else {
                        String::new()
                    };
                    let _ = write!(
                        h.out,
                        "<h3>{}: {} {}{}</h3>",
                        esc(kind.label(lang)),
                        esc(&g.code),
                        esc(&g.title),
                        esc(&star)
                    );
                    h.list(&serving);
                }
            }
            Section::Funding => {
                let b = analysis::budget(plan);
                let headline: Vec<(&str, String)> = b
                    .headline(lang, &f.currency)
                    .into_iter()
                    .map(|(figure, text)| (figure.key(), text))
                    .collect();
                h.fields(&headline);
                h.push(&svg::budget(plan, lang, &b).html());
                h.table(
                    &tr(lang, "pdf-by-source"),
                    &tables::by_source(plan, lang, &b),
                );
                h.table(
                    &tr(lang, "pdf-funding-lines"),
                    &tables::funding_lines(plan, lang),
                );
                let calls = tables::calls_used(plan, lang);
                if !calls.rows.is_empty() {
                    h.table(&tr(lang, "pdf-calls"), &calls);
                }
            }
            Section::Pilots => {
                let catalogue = analysis::checks::catalogue_of(plan);
                for p in &plan.pilots {
                    let _ = write!(h.out, "<h3>{}</h3>", esc(&p.title));
                    h.fields(&[
                        (
                            "pdf-fund",
                            p.fund.map(|x| x.label(lang).to_owned()).unwrap_or_default(),
                        ),
                        (
                            "pdf-call",
                            tables::programme_call(
                                &catalogue,
                                lang,
                                p.catalogue.as_ref(),
                                &p.programme,
                                &p.call,
                            ),
                        ),
                        ("pdf-lead", p.lead.clone()),
                        ("pdf-partners", p.partners.join("; ")),
                        ("pdf-target-group", p.target_group.clone()),
                        ("pdf-pilot-objective", p.objective.clone()),
                    ]);
                    if let Some(e) = p.catalogue.as_ref().and_then(|r| catalogue.resolve(r)) {
                        let rules: Vec<(&str, String)> = tables::call_rules(plan, lang, &e)
                            .into_iter()
                            .filter(|(k, _)| {
                                !matches!(*k, "catalogue-programme" | "catalogue-call")
                            })
                            .collect();
                        h.fields(&rules);
                    }
                    h.table(
                        &tr(lang, "pdf-budget"),
                        &tables::pilot_budget(plan, lang, p),
                    );
                }
            }
            Section::Indicators => {
                h.table(&tr(lang, "pdf-indicators"), &tables::indicators(plan, lang));
                h.table(
                    &tr(lang, "pdf-indicator-measurement"),
                    &tables::indicator_measurement(plan, lang),
                );
            }
            Section::Risks => {
                if let Some(f) = svg::risk_matrix(plan, lang) {
                    h.push(&f.html());
                }
                h.table(&tr(lang, "pdf-risks"), &tables::risks(plan, lang));
            }
            Section::Practices => {
                h.table(&tr(lang, "pdf-practices"), &tables::practices(plan, lang));
                let adapting = tables::adapting_actions(plan);
                if !adapting.is_empty() {
                    let _ = write!(
                        h.out,
                        "<h3>{}</h3><p>{}</p>",
                        h.t("pdf-transfer"),
                        h.t("pdf-transfer-intro")
                    );
                }
                for (a, r, p) in adapting {
                    let practice = p
                        .map(|p| ItemRef::Practice(p).caption(lang))
                        .unwrap_or_else(|| r.practice.to_string());
                    let _ = write!(
                        h.out,
                        "<h4>{}</h4><dl><dt>{}</dt><dd>{}</dd>",
                        esc(&crate::model::items::join(&a.code, &a.title)),
                        h.t("pdf-adapts"),
                        esc(&practice)
                    );
                    for (label, text) in tables::transfer_notes(lang, r) {
                        let _ = write!(h.out, "<dt>{}</dt><dd>{}</dd>", esc(&label), esc(&text));
                    }
                    h.push("</dl>");
                }
                let sources: Vec<(&GoodPractice, &PracticeSource)> = plan
                    .practices
                    .iter()
                    .flat_map(|p| p.sources.iter().map(move |s| (p, s)))
                    .collect();
                if !sources.is_empty() {
                    let _ = write!(h.out, "<h3>{}</h3><ul>", h.t("pdf-practice-sources"));
                    for (p, s) in sources {
                        // Only web addresses become links; anything else is shown as text.
                        let address = if is_web_address(&s.url) {
                            format!("<a href=\"{0}\">{0}</a>", esc(s.url.trim()))
                        } else {
                            esc(&s.url)
                        };
                        let _ = write!(
                            h.out,
                            "<li>{}: {} — {} ({})</li>",
                            esc(p.id.as_str()),
                            esc(&s.title),
                            address,
                            esc(&s.as_of)
                        );
                    }
                    h.push("</ul>");
                }
            }
            Section::Exchanges => {
                h.table(&tr(lang, "pdf-exchanges"), &tables::exchanges(plan, lang));
                for x in plan.exchanges.iter().filter(|x| !x.comments.is_empty()) {
                    let caption = format!(
                        "{}: {}",
                        tr(lang, "pdf-consultation-comments"),
                        ItemRef::Exchange(x).caption(lang)
                    );
                    h.table(&caption, &tables::consultation_comments(lang, x));
                }
            }
            Section::Governance => {
                let g = &plan.governance;
                h.fields(&[
                    ("pdf-coordinator", g.coordinator.clone()),
                    ("pdf-implementing-bodies", g.implementing_bodies.join("; ")),
                    (
                        "pdf-reporting",
                        format!("{}; {}", g.reporting_frequency.label(lang), g.reporting_to),
                    ),
                ]);
                let text = paras(&g.monitoring);
                h.push(&text);
            }
            Section::Openness => {
                let o = &plan.openness;
                if let Some(n) = tables::network_line(plan, lang) {
                    h.fields(&[("pdf-network", n)]);
                }
                if !o.definition.trim().is_empty() {
                    let _ = write!(
                        h.out,
                        "<h3>{}</h3>{}",
                        h.t("pdf-definition"),
                        paras(&o.definition)
                    );
                }
                let idx = analysis::openness_index(plan);
                h.table(&tr(lang, "pdf-index"), &tables::openness_index(lang, &idx));
                if let Some(f) = svg::openness(lang, &idx) {
                    h.push(&f.html());
                }
                let _ = write!(
                    h.out,
                    "<h3>{}</h3><p>{}</p>",
                    h.t("pdf-method"),
                    esc(&analysis::openness::method(lang, &idx))
                );
                let trend = analysis::openness::trend(o);
                if trend.years.len() >= 2 {
                    let _ = write!(h.out, "<h3>{}</h3>", h.t("pdf-trend"));
                    if let Some(f) = svg::openness_trend(lang, &trend) {
                        h.push(&f.html());
                    }
                    h.table(
                        &tr(lang, "pdf-trend"),
                        &tables::openness_trend(lang, &trend),
                    );
                    let _ = write!(
                        h.out,
                        "<p>{}</p>",
                        esc(&analysis::openness::trend_text(lang, &trend))
                    );
                }
                // The raw values, as one matrix of indicators × cities (the PDF's tables).
                for table in tables::openness_values(plan, lang) {
                    h.table(&tr(lang, "pdf-raw-values"), &table);
                }
            }
            Section::Review | Section::Monitoring => {}
        }
        h.push("</section>");
    }
    let glossary = super::council::glossary_entries(plan, lang);
    if !glossary.is_empty() {
        let _ = write!(
            h.out,
            "<section id=\"glossary\" aria-labelledby=\"h-glossary\"><h2 id=\"h-glossary\">{}</h2><dl>",
            h.t("pdf-glossary")
        );
        for (abbreviation, meaning) in &glossary {
            let _ = write!(
                h.out,
                "<dt>{}</dt><dd>{}</dd>",
                esc(abbreviation),
                esc(meaning)
            );
        }
        h.push("</dl></section>");
    }
    if !plan.sources.is_empty() {
        let _ = write!(
            h.out,
            "<section id=\"sources\" aria-labelledby=\"h-sources\"><h2 id=\"h-sources\">{}</h2>",
            h.t("pdf-sources")
        );
        h.table(&tr(lang, "pdf-sources"), &tables::sources(plan, lang));
        h.push("</section>");
    }
    let _ = writeln!(
        h.out,
        "</main><footer><p class=\"meta\">LAP Studio {} — {}</p></footer></body></html>",
        env!("CARGO_PKG_VERSION"),
        esc(&f.title)
    );
    h.out
}

/// Writes the HTML file atomically (no backup; a read-only file is refused).
pub fn export(plan: &Plan, lang: Lang, path: &Path) -> Result<(), crate::store::SaveError> {
    export_with(plan, lang, path, crate::store::atomic::Replace::EXPORT)
}

/// Like [`export`], with the replacing rules of `how`.
pub fn export_with(
    plan: &Plan,
    lang: Lang,
    path: &Path,
    how: crate::store::atomic::Replace,
) -> Result<(), crate::store::SaveError> {
    let text = html(plan, lang);
    crate::store::atomic::write_with(path, how, |w| w.write_all(text.as_bytes()))
}
