//! The `lap-studio` command line: templates, new plans, checks, canonical formatting, synthetic
//! plans and summaries. Every command reads files through `store`, so its errors name file, line
//! and column.
//!
//! Plan text and file names are untrusted: in text output and in error messages each goes
//! through [`terminal::escape`], and the whole text output through [`terminal::Lines`], so no
//! control character or bidi control reaches the terminal and no value can start a line of its
//! own. JSON output is written exact.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use serde_json::{Value, json};

use crate::analysis::{self, Report, Severity};
use crate::model::{ItemPath, Lang, Plan};
use crate::model::{format, integrity};
use crate::store::{self, LoadError, LoadErrorKind};
use crate::terminal::{self, escape};

/// Write, check and publish a city's Local Action Plan for migrant integration and openness.
///
/// With no command, starts the desktop app on the last plan (the Sofia sample the first time).
#[derive(Debug, Parser)]
#[command(name = "lap-studio", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Output format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    #[default]
    Text,
    /// For programs.
    Json,
}

/// Language of messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    #[default]
    En,
    /// Bulgarian.
    Bg,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Bg => Lang::Bg,
        }
    }
}

/// Export format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A PDF document.
    #[default]
    Pdf,
    /// CSV tables of actions, funding lines and indicators.
    Csv,
    /// One self-contained HTML file, for publishing on the city's website.
    Html,
}

/// Paper size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// ISO A4.
    #[default]
    A4,
    /// US Letter.
    Letter,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the desktop app on a plan file, or on a template as a new plan; with neither, on the
    /// last plan, as `lap-studio` alone does.
    // The desktop entry runs `lap-studio open %f`, and `%f` is nothing when started from the menu.
    Open {
        /// The plan file.
        file: Option<PathBuf>,
        /// Start a new, unsaved plan from this template instead (see `lap-studio templates`).
        #[arg(long, conflicts_with = "file")]
        template: Option<String>,
    },
    /// List the plan templates built into the program.
    Templates {
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Start a new plan file from a template.
    New {
        /// Template name (see `lap-studio templates`).
        #[arg(long, short, default_value = "blank")]
        template: String,
        /// The plan file to create.
        #[arg(long, short)]
        output: PathBuf,
        /// Replace the file if it exists, even read-only (the old one is kept as NAME.bak).
        #[arg(long)]
        force: bool,
    },
    /// Check a plan against the URBACT checklist. Exit code 0: no errors; 1: errors found;
    /// 2: the file cannot be read.
    Check {
        /// The plan file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Language of the messages in text output.
        #[arg(long, value_enum, default_value_t)]
        lang: LangArg,
    },
    /// Rewrite a plan file in canonical form (atomically; the old file is kept as NAME.bak).
    Fmt {
        /// The plan file.
        file: PathBuf,
        /// Only tell whether the file is canonical (exit 1 if not); write nothing.
        #[arg(long)]
        check: bool,
        /// Rewrite the file even when it is read-only.
        #[arg(long)]
        force: bool,
    },
    /// Write a large synthetic plan, for tests and benchmarks.
    Generate {
        /// Number of actions.
        #[arg(long)]
        actions: usize,
        /// The plan file to write.
        #[arg(long, short)]
        output: PathBuf,
        /// Seed of the generator: the same seed gives the same plan.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Export the plan: a PDF for the council and funding applications, or CSV tables for
    /// spreadsheets.
    Export {
        /// The plan file.
        file: PathBuf,
        /// The PDF or HTML file to write, or for CSV the folder to write actions.csv,
        /// funding.csv and indicators.csv into (files are written atomically).
        #[arg(long, short)]
        output: PathBuf,
        /// What to write.
        #[arg(long, value_enum, default_value_t)]
        format: ExportFormat,
        /// Sections to include, comma-separated (default: all). Keys: facts, context,
        /// support_group, problems, objectives, actions, strategy_links, funding, pilots,
        /// indicators, risks, governance, openness, findings, comments.
        #[arg(long, value_delimiter = ',')]
        sections: Vec<String>,
        /// Language of the labels (default: the plan's language).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Paper size.
        #[arg(long, value_enum, default_value_t)]
        paper: PaperArg,
        /// Replace output files even when they are read-only. Exports keep no .bak: they can be
        /// made again from the plan at any time.
        #[arg(long)]
        force: bool,
    },
    /// Compare two versions of a plan item by item. Exit code 0: the same; 1: different;
    /// 2: a file cannot be read.
    Diff {
        /// The older version.
        old: PathBuf,
        /// The newer version.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Print the SHA-256 fingerprint of a plan's content (the same after `fmt`, on every
    /// machine); the PDF of an adopted plan carries its short form.
    Fingerprint {
        /// The plan file.
        file: PathBuf,
        /// Print only the short form printed in the PDF footer.
        #[arg(long)]
        short: bool,
    },
    /// Key figures of a plan: counts, budget, openness index, completeness, findings.
    Summary {
        /// The plan file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Language of text output.
        #[arg(long, value_enum, default_value_t)]
        lang: LangArg,
    },
}

/// Exit code for a file that cannot be read.
const UNREADABLE: u8 = 2;

/// Parses the arguments and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut stdout = std::io::stdout().lock();
    match run(cli, &mut stdout) {
        Ok(code) => code,
        Err(message) => {
            let _ = stdout.flush();
            // Values in the message are escaped where it was made; this keeps its own line
            // breaks and catches anything else.
            eprintln!("lap-studio: {}", terminal::escape_lines(&message));
            ExitCode::from(UNREADABLE)
        }
    }
}

/// True when the command writes JSON, which must stay exact.
fn writes_json(cli: &Cli) -> bool {
    matches!(
        cli.command,
        Some(
            Command::Templates {
                format: Format::Json
            } | Command::Check {
                format: Format::Json,
                ..
            } | Command::Diff {
                format: Format::Json,
                ..
            } | Command::Summary {
                format: Format::Json,
                ..
            }
        )
    )
}

/// A message for an error that names untrusted values on one line (a file name, an item).
fn err(e: impl std::fmt::Display) -> String {
    escape(&e.to_string()).into_owned()
}

/// The message of a load error, with the file name and every quoted value escaped, and one line
/// per problem (a line break inside a value cannot start a line of its own).
fn load_error(mut e: LoadError) -> String {
    e.file = PathBuf::from(terminal::path(&e.file));
    match &mut e.kind {
        LoadErrorKind::Integrity(problems) => {
            for p in problems {
                p.message = escape(&p.message).into_owned();
            }
        }
        LoadErrorKind::Syntax { message, .. } => *message = escape(message).into_owned(),
        _ => {}
    }
    e.to_string()
}

/// Runs a command, writing its output to `out`. `Err` carries a message for stderr; the exit code
/// is then 2. Text output passes through [`terminal::Lines`].
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode, String> {
    if writes_json(&cli) {
        return run_command(cli, out);
    }
    let mut guarded = terminal::Lines::new(out);
    let result = run_command(cli, &mut guarded);
    let written = guarded.finish();
    let code = result?;
    written.map_err(|e| format!("cannot write the output: {e}"))?;
    Ok(code)
}

fn run_command(cli: Cli, out: &mut dyn Write) -> Result<ExitCode, String> {
    let w = |r: std::io::Result<()>| r.map_err(|e| format!("cannot write the output: {e}"));
    match cli.command {
        None => crate::app::run(crate::app::Start::Last).map(|()| ExitCode::SUCCESS),
        Some(Command::Open {
            file: Some(file), ..
        }) => crate::app::run(crate::app::Start::File(file)).map(|()| ExitCode::SUCCESS),
        Some(Command::Open {
            template: Some(name),
            ..
        }) => {
            if store::templates::find(&name).is_none() {
                return Err(unknown_template(&name));
            }
            crate::app::run(crate::app::Start::Template(name)).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Open { .. }) => {
            crate::app::run(crate::app::Start::Last).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Templates { format }) => {
            let list = store::templates::TEMPLATES;
            match format {
                Format::Text => {
                    for t in list {
                        w(writeln!(out, "{:<20} {}", t.name, t.description_en))?;
                    }
                }
                Format::Json => {
                    let v: Vec<Value> = list
                        .iter()
                        .map(|t| json!({"name": t.name, "description_en": t.description_en, "description_bg": t.description_bg}))
                        .collect();
                    w(writeln!(out, "{}", Value::Array(v)))?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::New {
            template,
            output,
            force,
        }) => {
            let t = store::templates::find(&template).ok_or_else(|| unknown_template(&template))?;
            // A link counts as there even when it points nowhere: never write through it
            // unasked.
            if output.symlink_metadata().is_ok() && !force {
                return Err(format!(
                    "{} already exists; choose another name or add --force",
                    terminal::path(&output)
                ));
            }
            let plan = t.plan().map_err(load_error)?;
            store::save_with(&output, &plan, store::atomic::Replace::PLAN.forced(force))
                .map_err(err)?;
            w(writeln!(
                out,
                "{}: new plan from template {}",
                terminal::path(&output),
                t.name
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { file, format, lang }) => check(&file, format, lang.into(), out),
        Some(Command::Fmt { file, check, force }) => {
            let text = store::read_text(&file).map_err(load_error)?;
            let plan = store::parse(&text, &file).map_err(load_error)?;
            let canonical = store::to_ron(&plan);
            if canonical == text {
                w(writeln!(
                    out,
                    "{}: already canonical",
                    terminal::path(&file)
                ))?;
                return Ok(ExitCode::SUCCESS);
            }
            if check {
                w(writeln!(out, "{}: not canonical", terminal::path(&file)))?;
                return Ok(ExitCode::from(1));
            }
            // Checked against the limits before writing: the canonical text is longer than a
            // compact file, and must still be readable.
            let saved =
                store::save_file_with(&file, &plan, store::atomic::Replace::PLAN.forced(force))
                    .map_err(err)?;
            // Through a symbolic link, the backup is next to the real file.
            let backup = saved
                .backup
                .unwrap_or_else(|| store::atomic::backup_path(&saved.file));
            w(writeln!(
                out,
                "{}: rewritten (previous version in {})",
                terminal::path(&file),
                terminal::path(&backup)
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Generate {
            actions,
            output,
            seed,
        }) => {
            // A file that could not be read back is never written: `save` checks every limit,
            // and the number of actions is refused before the plan is even made.
            let max = store::limits::MAX_ACTIONS;
            if actions > max {
                return Err(format!(
                    "--actions {actions} is more than {}, the most actions a plan file may have",
                    format::integer(Lang::En, max as u64)
                ));
            }
            let plan = crate::synthetic::plan(actions, seed);
            store::save(&output, &plan).map_err(err)?;
            w(writeln!(
                out,
                "{}: synthetic plan with {actions} actions",
                terminal::path(&output)
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            file,
            output,
            format,
            sections,
            lang,
            paper,
            force,
        }) => {
            let plan = store::load(&file).map_err(load_error)?;
            let replace = store::atomic::Replace::EXPORT.forced(force);
            if format == ExportFormat::Html {
                let lang = lang.map_or(plan.facts.language, Lang::from);
                crate::report::html::export_with(&plan, lang, &output, replace).map_err(err)?;
                w(writeln!(out, "{}", terminal::path(&output)))?;
                return Ok(ExitCode::SUCCESS);
            }
            if format == ExportFormat::Csv {
                let lang = lang.map_or(plan.facts.language, Lang::from);
                let written =
                    crate::report::csv::export_with(&plan, lang, &output, replace).map_err(err)?;
                for path in written {
                    w(writeln!(out, "{}", terminal::path(&path)))?;
                }
                return Ok(ExitCode::SUCCESS);
            }
            let mut opts = crate::report::Options::for_plan(&plan);
            if let Some(lang) = lang {
                opts.lang = lang.into();
            }
            opts.paper = match paper {
                PaperArg::A4 => crate::report::layout::Paper::A4,
                PaperArg::Letter => crate::report::layout::Paper::Letter,
            };
            if !sections.is_empty() {
                opts.parts = sections
                    .iter()
                    .map(|k| {
                        crate::report::Part::from_key(k.trim()).ok_or_else(|| {
                            let keys: Vec<&str> =
                                crate::report::Part::all().iter().map(|p| p.key()).collect();
                            format!("no section {k:?}; there are: {}", keys.join(", "))
                        })
                    })
                    .collect::<Result<_, _>>()?;
            }
            let pdf =
                crate::report::export_with(&plan, &opts, &output, &|_| {}, replace).map_err(err)?;
            w(writeln!(
                out,
                "{}: {} pages",
                terminal::path(&output),
                pdf.pages
            ))?;
            for lost in &pdf.lost {
                eprintln!(
                    "lap-studio: warning: {}: characters the PDF font cannot show were replaced by '?': {}",
                    escape(&lost.item.to_string()),
                    escape(&lost.chars)
                );
            }
            for cut in &pdf.cut {
                eprintln!(
                    "lap-studio: warning: {}: text too long for its place in the PDF ({}) was cut with '…'",
                    escape(&cut.item),
                    cut.place
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Diff { old, new, format }) => {
            let a = store::load(&old).map_err(load_error)?;
            let b = store::load(&new).map_err(load_error)?;
            let d = crate::analysis::diff::diff(&a, &b);
            match format {
                Format::Json => w(writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&diff_json(&d)).unwrap_or_default()
                ))?,
                Format::Text => w(write_diff_text(&d, out))?,
            }
            Ok(if d.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Some(Command::Fingerprint { file, short }) => {
            let plan = store::load(&file).map_err(load_error)?;
            if short {
                w(writeln!(out, "{}", store::short_fingerprint(&plan)))?;
            } else {
                w(writeln!(
                    out,
                    "{}  {}",
                    store::fingerprint(&plan),
                    terminal::path(&file)
                ))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Summary { file, format, lang }) => {
            let plan = store::load(&file).map_err(load_error)?;
            let s = summary(&plan);
            match format {
                Format::Json => w(writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&s).unwrap_or_default()
                ))?,
                Format::Text => w(write_summary_text(&plan, &s, lang.into(), out))?,
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn unknown_template(name: &str) -> String {
    let names: Vec<&str> = store::templates::TEMPLATES.iter().map(|t| t.name).collect();
    format!(
        "no template named {name:?}; there are: {}",
        names.join(", ")
    )
}

/// Reads a plan for checking: broken references are reported as findings, not refused.
fn read_for_check(file: &Path) -> Result<(String, Plan), LoadError> {
    let text = store::read_text(file)?;
    let plan = store::parse_lenient(&text, file)?;
    Ok((text, plan))
}

fn check(file: &Path, format: Format, lang: Lang, out: &mut dyn Write) -> Result<ExitCode, String> {
    let (text, plan) = read_for_check(file).map_err(load_error)?;
    let report = analysis::check(&plan);
    // Integrity findings can be pointed at in the file: those the report lists, found in one
    // pass over the text.
    let mut problems = Vec::new();
    let mut per_code: HashMap<&str, usize> = HashMap::new();
    integrity::each_problem(&plan, |p| {
        let n = per_code
            .entry(analysis::checks::integrity_code(&p))
            .or_default();
        *n += 1;
        if *n <= analysis::checks::MAX_FINDINGS_PER_CODE {
            problems.push(p);
        }
        std::ops::ControlFlow::Continue(())
    });
    let mut places: HashMap<(ItemPath, String), store::Location> = HashMap::new();
    for (p, located) in problems.iter().zip(store::locate_all(&text, &problems)) {
        if let Some(at) = located.location {
            places.insert((p.path().clone(), p.messages().0), at);
        }
    }
    let place =
        |f: &analysis::Finding| places.get(&(f.path.clone(), f.message_en.clone())).copied();
    let w = |r: std::io::Result<()>| r.map_err(|e| format!("cannot write the output: {e}"));
    match format {
        Format::Text => {
            let name = terminal::path(file);
            for f in &report.findings {
                let at = match place(f) {
                    Some(l) => format!("{name}:{l}"),
                    None => name.clone(),
                };
                w(writeln!(
                    out,
                    "{at}: {} {} [{}]: {}",
                    f.severity.label(lang),
                    f.code,
                    escape(&f.path.to_string()),
                    escape(f.message(lang))
                ))?;
            }
            let count = |s: Severity| format::integer(lang, report.count(s) as u64);
            w(writeln!(
                out,
                "{}: {} {}, {} {}, {} {}; {} {}",
                name,
                count(Severity::Error),
                lang.pick("errors", "грешки"),
                count(Severity::Warning),
                lang.pick("warnings", "предупреждения"),
                count(Severity::Hint),
                lang.pick("hints", "подсказки"),
                lang.pick("complete", "попълненост"),
                format::percent(lang, f64::from(report.completeness_percent()), 0)
            ))?;
        }
        Format::Json => {
            let findings: Vec<Value> = report
                .findings
                .iter()
                .map(|f| {
                    let mut v = json!({
                        "severity": f.severity,
                        "code": f.code,
                        "message_en": f.message_en,
                        "message_bg": f.message_bg,
                        "path": f.path.to_string(),
                        "section": f.path.section.key(),
                        "item": f.path.item,
                        "field": f.path.field,
                    });
                    if let Some(at) = place(f) {
                        v["line"] = json!(at.line);
                        v["column"] = json!(at.column);
                    }
                    v
                })
                .collect();
            let v = json!({
                "file": file.display().to_string(),
                "counts": counts_json(&report),
                "completeness_percent": report.completeness_percent(),
                "completeness": completeness_json(&report),
                "findings": findings,
            });
            w(writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            ))?;
        }
    }
    Ok(if report.count(Severity::Error) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn counts_json(report: &Report) -> Value {
    json!({
        "error": report.count(Severity::Error),
        "warning": report.count(Severity::Warning),
        "hint": report.count(Severity::Hint),
    })
}

fn completeness_json(report: &Report) -> Value {
    let map: serde_json::Map<String, Value> = report
        .completeness
        .iter()
        .map(|(s, p)| (s.key().to_owned(), json!(p)))
        .collect();
    Value::Object(map)
}

/// Rounds to one decimal, for figures people read.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The key figures of a plan as JSON (the `summary --format json` object).
pub fn summary(plan: &Plan) -> Value {
    let report = analysis::check(plan);
    let b = analysis::budget(plan);
    let idx = analysis::openness_index(plan);
    let by_source: serde_json::Map<String, Value> = b
        .by_source
        .iter()
        .map(|s| {
            (
                s.source.label(Lang::En).to_owned(),
                json!({"secured": s.secured.as_f64(), "potential": s.potential.as_f64(), "total": s.total().as_f64()}),
            )
        })
        .collect();
    let index: serde_json::Map<String, Value> = idx
        .cities
        .iter()
        .filter_map(|c| Some((c.name.clone(), json!(round1(c.overall?)))))
        .collect();
    let f = &plan.facts;
    json!({
        "title": f.title,
        "city": f.city,
        "status": f.status.label(Lang::En),
        "version": f.version,
        "period": plan.period().map(|(s, e)| format!("{s} – {e}")),
        "currency": f.currency,
        "counts": {
            "objectives": plan.objectives.len(),
            "specific_objectives": plan.objectives.iter().map(|o| o.specific.len()).sum::<usize>(),
            "actions": plan.actions.len(),
            "funding_lines": plan.funding_lines().count(),
            "pilots": plan.pilots.len(),
            "indicators": plan.indicators.len(),
            "risks": plan.risks.len(),
            "members": plan.support_group.members.len(),
            "meetings": plan.support_group.meetings.len(),
            "cities_compared": plan.openness.cities.len(),
            "comments": plan.comments.len(),
        },
        "budget_eur": {
            "total": b.total_cost.as_f64(),
            "secured": b.secured.as_f64(),
            "potential": b.potential.as_f64(),
            "gap": b.gap.as_f64(),
            "by_source": by_source,
            "by_year": b.by_year.iter().map(|(y, m)| (y.to_string(), json!(m.as_f64()))).collect::<serde_json::Map<_, _>>(),
        },
        "openness_index": index,
        "completeness_percent": report.completeness_percent(),
        "completeness": completeness_json(&report),
        "findings": counts_json(&report),
    })
}

fn write_summary_text(
    plan: &Plan,
    s: &Value,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let f = &plan.facts;
    let b = analysis::budget(plan);
    let money = |m: crate::model::Money| escape(&format::money(lang, m, &f.currency)).into_owned();
    writeln!(out, "{} — {}", escape(&f.city), escape(&f.title))?;
    if let Some((start, end)) = plan.period() {
        writeln!(
            out,
            "{}: {}; {}: {}; {} {}",
            lang.pick("Period", "Период"),
            format::month_range(lang, Some(start), Some(end)),
            lang.pick("status", "статус"),
            f.status.label(lang),
            lang.pick("version", "версия"),
            escape(&f.version)
        )?;
    }
    let c = &s["counts"];
    // Counts and figures from the JSON summary, written as people read them.
    let int = |v: &Value| format::integer(lang, v.as_u64().unwrap_or_default());
    let c = |key: &str| int(&c[key]);
    writeln!(
        out,
        "{}: {} {}, {} {}, {} {}, {} {}, {} {}, {} {}",
        lang.pick("Contents", "Съдържание"),
        c("objectives"),
        lang.pick("objectives", "цели"),
        c("actions"),
        lang.pick("actions", "дейности"),
        c("pilots"),
        lang.pick("pilots", "пилотни проекта"),
        c("indicators"),
        lang.pick("indicators", "индикатора"),
        c("risks"),
        lang.pick("risks", "риска"),
        c("members"),
        lang.pick("support group members", "членове на групата"),
    )?;
    writeln!(
        out,
        "{}: {}",
        lang.pick("Total cost", "Обща стойност"),
        money(b.total_cost)
    )?;
    writeln!(
        out,
        "  {}: {}",
        lang.pick("secured", "осигурено"),
        money(b.secured)
    )?;
    writeln!(
        out,
        "  {}: {}",
        lang.pick("potential", "потенциално"),
        money(b.potential)
    )?;
    writeln!(out, "  {}: {}", lang.pick("gap", "недостиг"), money(b.gap))?;
    for t in &b.by_source {
        writeln!(out, "  {:<28} {}", t.source.label(lang), money(t.total()))?;
    }
    let idx = analysis::openness_index(plan);
    if !idx.cities.is_empty() {
        writeln!(
            out,
            "{}:",
            lang.pick(
                "Openness index (0–100, relative to the compared cities)",
                "Индекс на отвореност (0–100, спрямо сравняваните градове)"
            )
        )?;
        for city in &idx.cities {
            let v = city
                .overall
                .map_or("—".to_owned(), |v| format::decimal(lang, v, 1));
            writeln!(
                out,
                "  {:<20} {v}{}",
                escape(&city.name),
                if city.home { " *" } else { "" }
            )?;
        }
    }
    let fc = &s["findings"];
    writeln!(
        out,
        "{}: {}; {}: {} / {} / {}",
        lang.pick("Complete", "Попълненост"),
        format::percent(
            lang,
            s["completeness_percent"].as_f64().unwrap_or_default(),
            0
        ),
        lang.pick(
            "errors / warnings / hints",
            "грешки / предупреждения / подсказки"
        ),
        int(&fc["error"]),
        int(&fc["warning"]),
        int(&fc["hint"])
    )
}

fn diff_json(d: &crate::analysis::diff::Diff) -> Value {
    json!({
        "same": d.is_empty(),
        "changes": d.changes.iter().map(|c| json!({
            "kind": c.kind,
            "path": c.path.to_string(),
            "section": c.path.section.key(),
            "item": c.path.item,
            "label": c.label,
            "fields": c.fields,
        })).collect::<Vec<_>>(),
        "money": {
            "cost_delta": d.cost_delta.as_f64(),
            "secured_delta": d.secured_delta.as_f64(),
            "potential_delta": d.potential_delta.as_f64(),
        },
    })
}

fn write_diff_text(d: &crate::analysis::diff::Diff, out: &mut dyn Write) -> std::io::Result<()> {
    use crate::analysis::diff::ChangeKind;
    if d.is_empty() {
        return writeln!(out, "no differences");
    }
    for c in &d.changes {
        let mark = match c.kind {
            ChangeKind::Added => "+",
            ChangeKind::Removed => "-",
            ChangeKind::Changed => "~",
            ChangeKind::Moved => "↕",
        };
        writeln!(
            out,
            "{mark} {}  {}",
            escape(&c.path.to_string()),
            escape(&c.label)
        )?;
        for f in &c.fields {
            writeln!(
                out,
                "    {}: {} → {}",
                escape(&f.field),
                escape(&f.old),
                escape(&f.new)
            )?;
        }
    }
    let signed = |m: crate::model::Money| {
        if m.cents() > 0 {
            format!("+{m}")
        } else {
            m.to_string()
        }
    };
    writeln!(
        out,
        "cost {}; secured {}; potential {}",
        signed(d.cost_delta),
        signed(d.secured_delta),
        signed(d.potential_delta)
    )
}
