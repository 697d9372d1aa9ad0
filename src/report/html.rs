//! One self-contained HTML file of the whole plan, for the city's website: semantic headings,
//! tables with headers and captions, the document language, a table of contents, and a print
//! style sheet. It is well-formed XML too, so any parser reads it.

use std::fmt::Write as _;
use std::path::Path;

use crate::analysis;
use crate::i18n::tr;
use crate::model::*;

/// Escapes text for HTML (and XML).
fn esc(s: &str) -> String {
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

    fn table(&mut self, caption: &str, header: &[String], rows: &[Vec<String>], numeric: &[usize]) {
        let _ = write!(
            self.out,
            "<table><caption>{}</caption><thead><tr>",
            esc(caption)
        );
        for h in header {
            let _ = write!(self.out, "<th scope=\"col\">{}</th>", esc(h));
        }
        self.push("</tr></thead><tbody>");
        for r in rows {
            self.push("<tr>");
            for (i, c) in r.iter().enumerate() {
                let class = if numeric.contains(&i) {
                    " class=\"num\""
                } else {
                    ""
                };
                if i == 0 {
                    let _ = write!(self.out, "<th scope=\"row\"{class}>{}</th>", esc(c));
                } else {
                    let _ = write!(self.out, "<td{class}>{}</td>", esc(c));
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

const STYLE: &str = "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1e;line-height:1.45}\
h1{color:#14457f;font-size:1.9rem}h2{color:#14457f;border-bottom:2px solid #14457f;padding-bottom:.2rem;margin-top:2.5rem}h3{color:#14457f}\
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}caption{text-align:left;font-weight:bold;padding:.3rem 0}\
th,td{border-bottom:1px solid #ccd;padding:.3rem .4rem;text-align:left;vertical-align:top}thead th{background:#14457f;color:#fff}\
tbody tr:nth-child(even){background:#f0f2f7}.num{text-align:right;white-space:nowrap}dt{font-weight:bold}dd{margin:0 0 .4rem 1rem}\
nav ol{columns:2}.meta{color:#555}.draft{color:#b00;font-weight:bold}\
@media print{body{max-width:none;margin:0}nav{display:none}h2{break-after:avoid}table,tr{break-inside:avoid}a{color:inherit;text-decoration:none}}";

/// The whole plan as one HTML document.
pub fn html(plan: &Plan, lang: Lang) -> String {
    let f = &plan.facts;
    let mut h = Html {
        out: String::new(),
        lang,
    };
    let money = |m: Money| m.text(lang, &f.currency);
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
        .map(|(s, e)| format!("{s} – {e}"))
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
        .filter(|s| *s != Section::Review)
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
                let header: Vec<String> = [
                    "pdf-indicator",
                    "pdf-value",
                    "pdf-unit",
                    "pdf-year",
                    "pdf-source",
                ]
                .iter()
                .map(|k| tr(lang, k))
                .collect();
                let rows: Vec<Vec<String>> = plan
                    .context
                    .evidence
                    .iter()
                    .map(|e| {
                        vec![
                            e.label.clone(),
                            e.value.map(|v| v.to_string()).unwrap_or_default(),
                            e.unit.clone(),
                            e.year.map(|y| y.to_string()).unwrap_or_default(),
                            e.source.clone(),
                        ]
                    })
                    .collect();
                h.table(&tr(lang, "pdf-evidence"), &header, &rows, &[1, 3]);
            }
            Section::SupportGroup => {
                let g = &plan.support_group;
                let header: Vec<String> = [
                    "pdf-organisation",
                    "pdf-sector",
                    "pdf-role",
                    "pdf-influence-interest",
                ]
                .iter()
                .map(|k| tr(lang, k))
                .collect();
                let rows: Vec<Vec<String>> = g
                    .members
                    .iter()
                    .map(|m| {
                        vec![
                            m.organisation.clone(),
                            m.sector.label(lang).to_owned(),
                            m.role.clone(),
                            format!("{} / {}", m.influence.label(lang), m.interest.label(lang)),
                        ]
                    })
                    .collect();
                h.table(&tr(lang, "pdf-members"), &header, &rows, &[]);
                let _ = write!(h.out, "<h3>{}</h3>", h.t("pdf-meetings"));
                for m in &g.meetings {
                    let _ = write!(
                        h.out,
                        "<h4>{} — {}</h4>",
                        m.date.map(|d| d.to_string()).unwrap_or_default(),
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
                for o in &plan.objectives {
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
                let header: Vec<String> = [
                    "pdf-code",
                    "pdf-action",
                    "pdf-objective",
                    "pdf-lead",
                    "pdf-months",
                    "pdf-cost",
                    "pdf-funding",
                ]
                .iter()
                .map(|k| tr(lang, k))
                .collect();
                let rows: Vec<Vec<String>> = plan
                    .actions
                    .iter()
                    .map(|a| {
                        let obj = a
                            .objective
                            .as_ref()
                            .and_then(|o| plan.objective(o))
                            .map(|o| o.code.clone())
                            .unwrap_or_default();
                        let mut sources: Vec<&str> =
                            a.funding.iter().map(|f| f.source.label(lang)).collect();
                        sources.dedup();
                        vec![
                            a.code.clone(),
                            a.title.clone(),
                            obj,
                            a.lead.clone(),
                            format!(
                                "{} – {}",
                                a.start.map(|m| m.to_string()).unwrap_or_default(),
                                a.end.map(|m| m.to_string()).unwrap_or_default()
                            ),
                            a.cost.map(money).unwrap_or_default(),
                            sources.join(", "),
                        ]
                    })
                    .collect();
                h.table(&tr(lang, "pdf-actions"), &header, &rows, &[5]);
                for a in &plan.actions {
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
                        .actions
                        .iter()
                        .filter(|a| a.strategy_goals.contains(&g.id))
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
                h.fields(&[
                    ("pdf-total-cost", money(b.total_cost)),
                    ("pdf-secured", money(b.secured)),
                    ("pdf-potential", money(b.potential)),
                    ("pdf-gap", money(b.gap)),
                ]);
                let header: Vec<String> =
                    ["pdf-source", "pdf-secured", "pdf-potential", "pdf-total"]
                        .iter()
                        .map(|k| tr(lang, k))
                        .collect();
                let rows: Vec<Vec<String>> = b
                    .by_source
                    .iter()
                    .map(|s| {
                        vec![
                            s.source.label(lang).to_owned(),
                            money(s.secured),
                            money(s.potential),
                            money(s.total()),
                        ]
                    })
                    .collect();
                h.table(&tr(lang, "pdf-by-source"), &header, &rows, &[1, 2, 3]);
            }
            Section::Pilots => {
                for p in &plan.pilots {
                    let _ = write!(h.out, "<h3>{}</h3>", esc(&p.title));
                    h.fields(&[
                        (
                            "pdf-fund",
                            p.fund.map(|x| x.label(lang).to_owned()).unwrap_or_default(),
                        ),
                        ("pdf-call", p.call.clone()),
                        ("pdf-lead", p.lead.clone()),
                        ("pdf-partners", p.partners.join("; ")),
                        ("pdf-target-group", p.target_group.clone()),
                        ("pdf-pilot-objective", p.objective.clone()),
                    ]);
                    let header: Vec<String> = ["pdf-cost-category", "pdf-note", "pdf-amount"]
                        .iter()
                        .map(|k| tr(lang, k))
                        .collect();
                    let mut rows: Vec<Vec<String>> = p
                        .budget
                        .iter()
                        .map(|x| {
                            vec![
                                x.category.label(lang).to_owned(),
                                x.note.clone(),
                                money(x.amount),
                            ]
                        })
                        .collect();
                    rows.push(vec![
                        tr(lang, "pdf-total"),
                        String::new(),
                        money(analysis::budget::pilot_total(p)),
                    ]);
                    h.table(&tr(lang, "pdf-budget"), &header, &rows, &[2]);
                }
            }
            Section::Indicators => {
                let header: Vec<String> = [
                    "pdf-code",
                    "pdf-indicator",
                    "pdf-level",
                    "pdf-unit",
                    "pdf-baseline",
                    "pdf-targets",
                ]
                .iter()
                .map(|k| tr(lang, k))
                .collect();
                let rows: Vec<Vec<String>> = plan
                    .indicators
                    .iter()
                    .map(|i| {
                        let base = i
                            .baseline
                            .as_ref()
                            .map(|b| format!("{} ({}; {})", b.value, b.year, b.source))
                            .unwrap_or_default();
                        let targets: Vec<String> = i
                            .targets
                            .iter()
                            .map(|t| format!("{}: {}", t.year, t.value))
                            .collect();
                        vec![
                            i.code.clone(),
                            i.name.clone(),
                            i.level.label(lang).to_owned(),
                            i.unit.clone(),
                            base,
                            targets.join("; "),
                        ]
                    })
                    .collect();
                h.table(&tr(lang, "pdf-indicators"), &header, &rows, &[]);
            }
            Section::Risks => {
                let header: Vec<String> = [
                    "pdf-risk",
                    "pdf-likelihood-impact",
                    "pdf-mitigation",
                    "pdf-owner",
                ]
                .iter()
                .map(|k| tr(lang, k))
                .collect();
                let rows: Vec<Vec<String>> = plan
                    .risks
                    .iter()
                    .map(|r| {
                        vec![
                            r.title.clone(),
                            format!("{} / {}", r.likelihood.label(lang), r.impact.label(lang)),
                            r.mitigation.clone(),
                            r.owner.clone(),
                        ]
                    })
                    .collect();
                h.table(&tr(lang, "pdf-risks"), &header, &rows, &[]);
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
                let idx = analysis::openness_index(plan);
                let mut header = vec![tr(lang, "pdf-area")];
                header.extend(idx.cities.iter().map(|c| c.name.clone()));
                let mut rows: Vec<Vec<String>> = vec![
                    std::iter::once(tr(lang, "pdf-overall"))
                        .chain(
                            idx.cities
                                .iter()
                                .map(|c| c.overall.map_or("—".into(), |v| format!("{v:.1}"))),
                        )
                        .collect(),
                ];
                for (a, (_, name)) in idx.areas.iter().enumerate() {
                    rows.push(
                        std::iter::once(name.clone())
                            .chain(
                                idx.cities.iter().map(|c| {
                                    c.areas[a].map_or("—".into(), |v| format!("{v:.0}"))
                                }),
                            )
                            .collect(),
                    );
                }
                let numeric: Vec<usize> = (1..=idx.cities.len()).collect();
                h.table(&tr(lang, "pdf-index"), &header, &rows, &numeric);
                let _ = write!(
                    h.out,
                    "<h3>{}</h3><p>{}</p>",
                    h.t("pdf-method"),
                    esc(&analysis::openness::method(lang, &idx))
                );
            }
            Section::Review => {}
        }
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

/// Writes the HTML file atomically.
pub fn export(plan: &Plan, lang: Lang, path: &Path) -> Result<(), crate::store::SaveError> {
    let text = html(plan, lang);
    crate::store::atomic::write_atomically(path, |w| w.write_all(text.as_bytes()))
}
