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

use crate::analysis::summary::{FindingCounts, Summary};
use crate::analysis::{self, Report, Severity};
use crate::i18n::{FluentArg, tr, tr_args};
use crate::model::{ItemPath, Lang, Plan, Section};
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
    /// An Excel workbook, a sheet per table, with numbers as numbers (for people's
    /// spreadsheets in any locale).
    Xlsx,
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

/// How the comparison scores openness values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum MethodArg {
    /// Relative to the group average (average = 100), as the OPENCities Monitor does.
    #[default]
    Relative,
    /// Min–max across the group: the weakest city 0, the strongest 100.
    MinMax,
}

impl From<MethodArg> for crate::model::OpennessMethod {
    fn from(m: MethodArg) -> Self {
        match m {
            MethodArg::Relative => crate::model::OpennessMethod::RelativeToAverage,
            MethodArg::MinMax => crate::model::OpennessMethod::MinMax,
        }
    }
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
    /// Export the plan: a PDF for the council and funding applications, HTML for the website,
    /// an Excel workbook or CSV tables for spreadsheets.
    Export {
        /// The plan file.
        file: PathBuf,
        /// The PDF, HTML or xlsx file to write, or for CSV the folder to write actions.csv,
        /// funding.csv and indicators.csv into (files are written atomically).
        #[arg(long, short)]
        output: PathBuf,
        /// What to write.
        #[arg(long, value_enum, default_value_t)]
        format: ExportFormat,
        /// Sections to include, comma-separated (default: all). Keys: approval, summary,
        /// glossary, facts, context, problems, objectives, actions, strategy_links, funding,
        /// pilots, indicators, risks, governance, openness, sources, support_group, findings,
        /// comments. Findings and comments are internal: named here, they make a consultation
        /// copy.
        #[arg(long, value_delimiter = ',')]
        sections: Vec<String>,
        /// A consultation copy: adds the internal material a council version leaves out (open
        /// findings, review comments, internal ids).
        #[arg(long)]
        consultation_copy: bool,
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
    /// The openness values table: export it for partner cities, import what they filled in.
    Openness {
        /// What to do.
        #[command(subcommand)]
        action: OpennessCommand,
    },
    /// Monitoring rounds: export a round's indicator values as a table for a department to
    /// fill in, import what it filled in.
    Monitoring {
        /// What to do.
        #[command(subcommand)]
        action: MonitoringCommand,
    },
    /// Compare several cities' plans: the openness profiles on the indicators their frameworks
    /// share, against the group average and over the years; objectives and actions by theme;
    /// the budget by fund. A summary on stdout, or a PDF or HTML report with -o.
    Compare {
        /// The plan files, the one the comparison is read from first.
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
        /// The report to write, atomically: a .pdf or an .html file.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Language of the labels (default: the first plan's language).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// How openness values are scored.
        #[arg(long, value_enum, default_value_t)]
        method: MethodArg,
        /// Paper size of a PDF.
        #[arg(long, value_enum, default_value_t)]
        paper: PaperArg,
        /// Replace the report even when it is read-only.
        #[arg(long)]
        force: bool,
    },
    /// A network's shared file (NAME.lapnet.ron): the partner cities, the agreed openness
    /// framework, every city's values by year, the network's good practices.
    Network {
        /// What to do.
        #[command(subcommand)]
        action: NetworkCommand,
    },
    /// Reports made from a plan other than the plan itself.
    Report {
        /// Which report.
        #[command(subcommand)]
        kind: ReportCommand,
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

/// The reports `lap-studio report` makes.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The progress report to the council for a monitoring round: status counts, money spent
    /// and committed, what changed since the previous round, each objective's status and
    /// reasons, each indicator's chart and numbers, slipped actions, next steps, the method.
    Progress {
        /// The plan file.
        file: PathBuf,
        /// The round to report on, by id (e.g. MR-2) or date (2026-12-31); default: the latest.
        #[arg(long)]
        round: Option<String>,
        /// The report to write, atomically: a .pdf or an .html file.
        #[arg(long, short)]
        output: PathBuf,
        /// Language of the labels (default: the plan's language).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Paper size of a PDF.
        #[arg(long, value_enum, default_value_t)]
        paper: PaperArg,
        /// Replace the report even when it is read-only (as `--force` does for the other
        /// exports).
        #[arg(long, alias = "force")]
        replace: bool,
    },
}

/// What to do with a network file.
#[derive(Debug, Subcommand)]
pub enum NetworkCommand {
    /// Start a network file, empty or with the framework, cities, values and practices of a
    /// plan (its home city becomes the lead partner). Refuses to overwrite a file.
    New {
        /// The network's name, e.g. "OPEN Cities".
        name: String,
        /// The network file to write (NAME.lapnet.ron).
        #[arg(long, short)]
        output: PathBuf,
        /// A plan whose framework, cities, values and practices the network starts with.
        #[arg(long)]
        from: Option<PathBuf>,
    },
    /// Check a network file: it reads (limits, syntax, ids and references, each with its line)
    /// and its framework and values pass the openness checks. With plans: says of each whether
    /// its copy of the framework is this network's version or older. Exit code 0: no errors;
    /// 1: errors, or a plan's copy is older; 2: a file cannot be read.
    Check {
        /// The network file.
        file: PathBuf,
        /// Plans to compare with the network.
        plans: Vec<PathBuf>,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t)]
        lang: LangArg,
    },
    /// Give a plan the network's framework and values (replacing its own), and record the
    /// network's name, version and date in it; the plan is rewritten atomically (the old file
    /// kept as NAME.bak). An adopted plan is refused.
    Import {
        /// The network file.
        network: PathBuf,
        /// The plan file.
        plan: PathBuf,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t)]
        lang: LangArg,
    },
}

/// What to do with a plan's monitoring rounds.
#[derive(Debug, Subcommand)]
pub enum MonitoringCommand {
    /// Read indicator values (.csv or .xlsx: indicator code, date or year, value, source, note;
    /// headers in English or Bulgarian, numbers as the header's language writes them) into a
    /// monitoring round; the plan is rewritten atomically (the old file kept as NAME.bak). An
    /// adopted plan takes them too: its rounds are not part of its adopted content. Every bad
    /// row is reported with its line, and then nothing is imported (exit code 1) unless
    /// --skip-bad is given.
    Import {
        /// The plan file.
        file: PathBuf,
        /// The table to read.
        table: PathBuf,
        /// The round to import into, by id (default: the latest round).
        #[arg(long, conflicts_with = "new_round")]
        round: Option<String>,
        /// Start a new round with this date (e.g. 2026-12-31) and import into it; the latest
        /// progress is carried over.
        #[arg(long)]
        new_round: Option<String>,
        /// Import the good rows and list the bad ones as skipped.
        #[arg(long)]
        skip_bad: bool,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t)]
        lang: LangArg,
    },
    /// Write a round's indicator values (.csv, or .xlsx by the name) in the columns the import
    /// reads, with a row to fill in for each indicator without a value of the round's year.
    Export {
        /// The plan file.
        file: PathBuf,
        /// The table to write (.csv or .xlsx), atomically.
        #[arg(long, short)]
        output: PathBuf,
        /// The round, by id (default: the latest; an empty table to fill in when there is
        /// none).
        #[arg(long)]
        round: Option<String>,
        /// Replace the table even when it is read-only.
        #[arg(long)]
        force: bool,
    },
}

/// What to do with a plan's openness values.
#[derive(Debug, Subcommand)]
pub enum OpennessCommand {
    /// Write the values table (city, indicator, year, value, source): CSV, or an Excel workbook
    /// when the file name ends in .xlsx. Numbers are written as the plan's language writes them.
    Export {
        /// The plan file.
        file: PathBuf,
        /// The table to write (.csv or .xlsx), atomically.
        #[arg(long, short)]
        output: PathBuf,
        /// Replace the table even when it is read-only.
        #[arg(long)]
        force: bool,
    },
    /// Read a values table (.csv or .xlsx) into the plan, which is rewritten atomically (the
    /// old file kept as NAME.bak). Cities and indicators by name or id; numbers as the plan's
    /// language writes them. Every bad row is reported with its line, and then nothing is
    /// imported (exit code 1).
    Import {
        /// The plan file.
        file: PathBuf,
        /// The table to read.
        table: PathBuf,
        /// Keep the plan's values the table does not have (a value of the same city, indicator
        /// and year is replaced); without it, the table becomes the plan's values.
        #[arg(long)]
        merge: bool,
        /// Language of the messages.
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
    written.map_err(write_error)?;
    Ok(code)
}

fn run_command(cli: Cli, out: &mut dyn Write) -> Result<ExitCode, String> {
    match cli.command {
        None => open(None, None),
        Some(Command::Open { file, template }) => open(file, template),
        Some(Command::Templates { format }) => templates(format, out),
        Some(Command::New {
            template,
            output,
            force,
        }) => new(&template, &output, force, out),
        Some(Command::Check { file, format, lang }) => check(&file, format, lang.into(), out),
        Some(Command::Fmt { file, check, force }) => fmt(&file, check, force, out),
        Some(Command::Generate {
            actions,
            output,
            seed,
        }) => generate(actions, &output, seed, out),
        Some(Command::Export {
            file,
            output,
            format,
            sections,
            consultation_copy,
            lang,
            paper,
            force,
        }) => export(
            &file,
            &output,
            format,
            &sections,
            consultation_copy,
            lang.map(Lang::from),
            paper,
            force,
            out,
        ),
        Some(Command::Diff { old, new, format }) => diff(&old, &new, format, out),
        Some(Command::Fingerprint { file, short }) => fingerprint(&file, short, out),
        Some(Command::Openness { action }) => openness(action, out),
        Some(Command::Network { action }) => network(action, out),
        Some(Command::Monitoring { action }) => monitoring(action, out),
        Some(Command::Summary { file, format, lang }) => {
            summary_command(&file, format, lang.into(), out)
        }
        Some(Command::Report {
            kind:
                ReportCommand::Progress {
                    file,
                    round,
                    output,
                    lang,
                    paper,
                    replace,
                },
        }) => progress_report(
            &file,
            round.as_deref(),
            &output,
            lang.map(Lang::from),
            paper,
            replace,
            out,
        ),
        Some(Command::Compare {
            files,
            output,
            lang,
            method,
            paper,
            force,
        }) => compare(
            &files,
            output.as_deref(),
            lang.map(Lang::from),
            method,
            paper,
            force,
            out,
        ),
    }
}

/// `lap-studio compare`: the comparison as text, or written as PDF or HTML.
fn compare(
    files: &[PathBuf],
    output: Option<&Path>,
    lang: Option<Lang>,
    method: MethodArg,
    paper: PaperArg,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    // Know where the report goes before reading any plan.
    let kind = match output {
        None => None,
        Some(path) => {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            match ext.as_deref() {
                Some("pdf") => Some(ExportFormat::Pdf),
                Some("html" | "htm") => Some(ExportFormat::Html),
                _ => {
                    return Err(say(EN, "cli-compare-format", &[("file", path_arg(path))]));
                }
            }
        }
    };
    let plans = files
        .iter()
        .map(|f| store::load(f).map_err(load_error))
        .collect::<Result<Vec<Plan>, String>>()?;
    let labels = lang.unwrap_or(plans[0].facts.language);
    let c = analysis::compare::compare(&plans, method.into(), labels);
    let replace = store::atomic::Replace::EXPORT.forced(force);
    let written = |path: &Path| {
        say(
            EN,
            "cli-compare-written",
            &[
                ("file", path_arg(path)),
                ("count", count_arg(EN, plans.len())),
                ("n", FluentArg::Number(plans.len() as f64)),
            ],
        )
    };
    match (kind, output) {
        (Some(ExportFormat::Pdf), Some(path)) => {
            let paper = match paper {
                PaperArg::A4 => crate::report::layout::Paper::A4,
                PaperArg::Letter => crate::report::layout::Paper::Letter,
            };
            crate::report::compare::export_pdf(&c, labels, paper, path, replace).map_err(err)?;
            line(out, &written(path))?;
        }
        (Some(_), Some(path)) => {
            crate::report::compare::export_html(&c, labels, path, replace).map_err(err)?;
            line(out, &written(path))?;
        }
        _ => {
            for text in crate::report::compare::text(&c, labels).lines() {
                line(out, &escape(text))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `lap-studio report progress`: the progress report for a round, as PDF or HTML.
fn progress_report(
    file: &Path,
    round: Option<&str>,
    output: &Path,
    lang: Option<Lang>,
    paper: PaperArg,
    replace: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    use crate::report::progress::{self, ProgressError};
    // Know where the report goes before reading the plan.
    let ext = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let pdf = match ext.as_deref() {
        Some("pdf") => true,
        Some("html" | "htm") => false,
        _ => {
            return Err(say(
                EN,
                "cli-progress-format",
                &[("file", path_arg(output))],
            ));
        }
    };
    let plan = store::load(file).map_err(load_error)?;
    // A round by its id, or by its date as the file writes it (2026-12-31).
    let id = round.map(|r| {
        let by_date = r.parse::<crate::model::Date>().ok().and_then(|d| {
            plan.monitoring
                .rounds
                .iter()
                .find(|x| x.date == Some(d) && x.id.as_str() != r)
        });
        by_date.map_or_else(
            || crate::model::MonitoringRoundId::from(r),
            |x| x.id.clone(),
        )
    });
    let p = progress::prepare(&plan, id.as_ref()).map_err(|e| match e {
        ProgressError::NoRounds => say(EN, "cli-progress-no-rounds", &[("file", path_arg(file))]),
        ProgressError::UnknownRound { round, rounds } => say(
            EN,
            "cli-progress-unknown-round",
            &[
                ("file", path_arg(file)),
                ("round", escape(&round).into_owned().into()),
                ("names", escape(&rounds.join(", ")).into_owned().into()),
            ],
        ),
    })?;
    let labels = lang.unwrap_or(plan.facts.language);
    let how = store::atomic::Replace::EXPORT.forced(replace);
    let pages = if pdf {
        let paper = match paper {
            PaperArg::A4 => crate::report::layout::Paper::A4,
            PaperArg::Letter => crate::report::layout::Paper::Letter,
        };
        Some(
            progress::export_pdf(&p, labels, paper, output, how)
                .map_err(err)?
                .pages,
        )
    } else {
        progress::export_html(&p, labels, output, how).map_err(err)?;
        None
    };
    let round = p.round.id.to_string();
    let message = match pages {
        Some(n) => say(
            EN,
            "cli-progress-written-pdf",
            &[
                ("file", path_arg(output)),
                ("round", escape(&round).into_owned().into()),
                ("count", count_arg(EN, n)),
                ("n", FluentArg::Number(n as f64)),
            ],
        ),
        None => say(
            EN,
            "cli-progress-written",
            &[
                ("file", path_arg(output)),
                ("round", escape(&round).into_owned().into()),
            ],
        ),
    };
    line(out, &message)?;
    Ok(ExitCode::SUCCESS)
}

fn openness(action: OpennessCommand, out: &mut dyn Write) -> Result<ExitCode, String> {
    match action {
        OpennessCommand::Export {
            file,
            output,
            force,
        } => {
            let plan = store::load(&file).map_err(load_error)?;
            let replace = store::atomic::Replace::EXPORT.forced(force);
            crate::report::values::export_with(
                &plan.openness,
                plan.facts.language,
                &output,
                replace,
            )
            .map_err(err)?;
            line(
                out,
                &say(EN, "values-exported", &[("file", path_arg(&output))]),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        OpennessCommand::Import {
            file,
            table,
            merge,
            lang,
        } => {
            let lang = Lang::from(lang);
            let mut plan = store::load(&file).map_err(load_error)?;
            // As in the app: an adopted plan's published figures change only in a new revision.
            if plan.facts.status == crate::model::PlanStatus::Adopted {
                return Err(say(
                    lang,
                    "values-import-adopted",
                    &[("file", path_arg(&file))],
                ));
            }
            let imported =
                match store::values::import_file(&plan.openness, &table, plan.facts.language, lang)
                {
                    Ok(v) => v,
                    Err(e) => {
                        let head = say(lang, "values-import-failed", &[("file", path_arg(&table))]);
                        return nothing_imported(out, &head, &e.lines());
                    }
                };
            let count = imported.len();
            store::values::apply(&mut plan.openness, imported, merge);
            store::save_file_with(&file, &plan, store::atomic::Replace::PLAN).map_err(err)?;
            line(
                out,
                &say(
                    lang,
                    "values-imported",
                    &[("count", count.into()), ("file", path_arg(&file))],
                ),
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Says why nothing was imported: `head`, then each message (untrusted text, escaped); exit 1.
fn nothing_imported(
    out: &mut dyn Write,
    head: &str,
    messages: &[String],
) -> Result<ExitCode, String> {
    line(out, head)?;
    for message in messages {
        line(out, &escape(message))?;
    }
    Ok(ExitCode::from(1))
}

fn monitoring(action: MonitoringCommand, out: &mut dyn Write) -> Result<ExitCode, String> {
    use store::actuals::{self, Target};
    match action {
        MonitoringCommand::Export {
            file,
            output,
            round,
            force,
        } => {
            let plan = store::load(&file).map_err(load_error)?;
            let lang = plan.facts.language;
            let target = round.map_or(Target::Latest, |r| Target::Round(r.as_str().into()));
            let shown = terminal::path(&file);
            let round = match actuals::round_for(&plan, &target, &shown, EN) {
                Ok(r) => r,
                // No round yet: a table to fill in for a first round dated today.
                Err(_) if plan.monitoring.rounds.is_empty() => {
                    plan.new_round(crate::model::Date::today())
                }
                Err(e) => return Err(err(e)),
            };
            let replace = store::atomic::Replace::EXPORT.forced(force);
            crate::report::actuals::export_with(&plan, &round, lang, &output, replace)
                .map_err(err)?;
            line(
                out,
                &say(
                    EN,
                    "actuals-exported",
                    &[
                        ("round", escape(round.id.as_str()).into_owned().into()),
                        ("file", path_arg(&output)),
                    ],
                ),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        MonitoringCommand::Import {
            file,
            table,
            round,
            new_round,
            skip_bad,
            lang,
        } => {
            let lang = Lang::from(lang);
            let mut plan = store::load(&file).map_err(load_error)?;
            let target = match (round, new_round) {
                (_, Some(text)) => {
                    let other = match lang {
                        Lang::En => Lang::Bg,
                        Lang::Bg => Lang::En,
                    };
                    let date = format::parse_date(lang, &text)
                        .or_else(|_| format::parse_date(other, &text))
                        .map_err(|e| {
                            err(say(
                                lang,
                                "actuals-bad-new-round",
                                &[
                                    ("date", text.clone().into()),
                                    ("error", e.message(lang).into()),
                                ],
                            ))
                        })?;
                    Target::New(date)
                }
                (Some(id), None) => Target::Round(id.as_str().into()),
                (None, None) => Target::Latest,
            };
            let mut into =
                actuals::round_for(&plan, &target, &terminal::path(&file), lang).map_err(err)?;
            let imported = match actuals::import_file(&plan, &table, into.date, lang) {
                Ok(i) => i,
                Err(e) => {
                    let head = say(lang, "values-import-failed", &[("file", path_arg(&table))]);
                    return nothing_imported(out, &head, &e.lines());
                }
            };
            let bad: Vec<String> = imported.bad.iter().map(|b| b.message.clone()).collect();
            if !bad.is_empty() && !skip_bad {
                let head = say(
                    lang,
                    "actuals-import-refused",
                    &[("file", path_arg(&table)), ("count", bad.len().into())],
                );
                return nothing_imported(out, &head, &bad);
            }
            let count = actuals::apply(&mut into, imported.actuals.into_iter().map(|(_, a)| a));
            let id = into.id.to_string();
            if count > 0 {
                plan.monitoring.rounds = actuals::rounds_with(&plan, into);
                store::save_file_with(&file, &plan, store::atomic::Replace::PLAN).map_err(err)?;
            }
            line(
                out,
                &say(
                    lang,
                    "actuals-imported",
                    &[
                        ("count", count.into()),
                        ("round", escape(&id).into_owned().into()),
                        ("file", path_arg(&file)),
                    ],
                ),
            )?;
            if !bad.is_empty() {
                line(
                    out,
                    &say(lang, "actuals-skipped", &[("count", bad.len().into())]),
                )?;
                for message in &bad {
                    line(out, &escape(message))?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn network(action: NetworkCommand, out: &mut dyn Write) -> Result<ExitCode, String> {
    use crate::model::{Currency, Network};
    match action {
        NetworkCommand::New { name, output, from } => {
            if output.exists() {
                return Err(say(
                    EN,
                    "cli-network-exists",
                    &[("file", path_arg(&output))],
                ));
            }
            let mut network = match &from {
                Some(plan) => Network::from_plan(&name, &store::load(plan).map_err(load_error)?),
                None => Network::new(&name),
            };
            network.date = Some(crate::model::Date::today());
            store::network::save(&output, &network, store::atomic::Replace::PLAN).map_err(err)?;
            line(
                out,
                &say(
                    EN,
                    "cli-network-written",
                    &[
                        ("file", path_arg(&output)),
                        ("cities", network.openness.cities.len().into()),
                        ("values", network.openness.values.len().into()),
                    ],
                ),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        NetworkCommand::Check { file, plans, lang } => {
            let lang = Lang::from(lang);
            let network = store::network::load(&file).map_err(load_error)?;
            // The openness checks of a plan holding the network's framework and values.
            let report = analysis::check(&store::network::as_plan(&network));
            // A network names no home city: each plan says which is its own.
            let mine = |f: &analysis::Finding| {
                matches!(f.path.section, Section::Openness | Section::Practices)
                    && f.code != "OPENNESS_NO_HOME_CITY"
            };
            let name = terminal::path(&file);
            let mut errors = 0usize;
            let mut warnings = 0usize;
            for f in report.findings.iter().filter(|f| mine(f)) {
                match f.severity {
                    analysis::Severity::Error => errors += 1,
                    analysis::Severity::Warning => warnings += 1,
                    _ => {}
                }
                line(
                    out,
                    &format!(
                        "{name}: {} {}: {}",
                        f.severity.label(lang),
                        f.code,
                        escape(f.message(lang))
                    ),
                )?;
            }
            line(
                out,
                &say(
                    lang,
                    "cli-network-checked",
                    &[
                        ("file", path_arg(&file)),
                        ("cities", network.openness.cities.len().into()),
                        ("values", network.openness.values.len().into()),
                        ("practices", network.practices.len().into()),
                        ("errors", errors.into()),
                        ("warnings", warnings.into()),
                    ],
                ),
            )?;
            let mut stale = false;
            for p in &plans {
                let plan = store::load(p).map_err(load_error)?;
                let key = match network.currency_of(&plan) {
                    Currency::NotLinked => "cli-network-plan-not-linked",
                    Currency::OtherNetwork => "cli-network-plan-other",
                    Currency::Current => "cli-network-plan-current",
                    Currency::Older { .. } => {
                        stale = true;
                        "cli-network-plan-older"
                    }
                };
                let taken = plan.network.clone().unwrap_or_default();
                let date = |d: Option<crate::model::Date>| {
                    d.map(|d| format::date(lang, d))
                        .unwrap_or_else(|| "—".into())
                };
                line(
                    out,
                    &say(
                        lang,
                        key,
                        &[
                            ("plan", path_arg(p)),
                            ("network", escape(&network.name).into_owned().into()),
                            ("taken", escape(&taken.version).into_owned().into()),
                            ("taken_date", date(taken.date).into()),
                            ("version", escape(&network.version).into_owned().into()),
                            ("date", date(network.date).into()),
                        ],
                    ),
                )?;
            }
            Ok(if errors > 0 || stale {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        NetworkCommand::Import {
            network,
            plan: file,
            lang,
        } => {
            let lang = Lang::from(lang);
            let net = store::network::load(&network).map_err(load_error)?;
            let mut plan = store::load(&file).map_err(load_error)?;
            // As the values import: an adopted plan's published figures change only in a new
            // revision (the app takes a network file through the same function).
            if let Err(crate::model::ImportRefused::Adopted) =
                net.import_into(&mut plan, &network.to_string_lossy())
            {
                return Err(say(
                    lang,
                    "values-import-adopted",
                    &[("file", path_arg(&file))],
                ));
            }
            store::save_file_with(&file, &plan, store::atomic::Replace::PLAN).map_err(err)?;
            line(
                out,
                &say(
                    lang,
                    "cli-network-imported",
                    &[
                        ("plan", path_arg(&file)),
                        ("network", escape(&net.name).into_owned().into()),
                        ("version", escape(&net.version).into_owned().into()),
                        ("values", net.openness.values.len().into()),
                    ],
                ),
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Messages of the commands that have no `--lang` are in English.
const EN: Lang = Lang::En;

/// A command-line text from the Fluent files.
fn say(lang: Lang, key: &str, args: &[(&str, FluentArg)]) -> String {
    tr_args(lang, key, args)
}

/// An untrusted path as a Fluent argument.
fn path_arg(p: &Path) -> FluentArg {
    terminal::path(p).into()
}

/// A count as a Fluent argument: written as `lang` writes numbers.
fn count_arg(lang: Lang, n: usize) -> FluentArg {
    format::integer(lang, n as u64).into()
}

/// Writes one line of output; a failed write is the command's error.
fn line(out: &mut dyn Write, text: &str) -> Result<(), String> {
    writeln!(out, "{text}").map_err(write_error)
}

fn write_error(e: std::io::Error) -> String {
    say(EN, "cli-cannot-write", &[("error", e.to_string().into())])
}

fn open(file: Option<PathBuf>, template: Option<String>) -> Result<ExitCode, String> {
    let start = match (file, template) {
        (Some(file), _) => crate::app::Start::File(file),
        (None, Some(name)) => {
            if store::templates::find(&name).is_none() {
                return Err(unknown_template(&name));
            }
            crate::app::Start::Template(name)
        }
        (None, None) => crate::app::Start::Last,
    };
    crate::app::run(start).map(|()| ExitCode::SUCCESS)
}

fn templates(format: Format, out: &mut dyn Write) -> Result<ExitCode, String> {
    let list = store::templates::TEMPLATES;
    match format {
        Format::Text => {
            for t in list {
                line(out, &format!("{:<20} {}", t.name, t.description_en))?;
            }
        }
        Format::Json => {
            let v: Vec<Value> = list
                .iter()
                .map(|t| json!({"name": t.name, "description_en": t.description_en, "description_bg": t.description_bg}))
                .collect();
            line(out, &Value::Array(v).to_string())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn new(
    template: &str,
    output: &Path,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    let t = store::templates::find(template).ok_or_else(|| unknown_template(template))?;
    // A link counts as there even when it points nowhere: never write through it unasked.
    if output.symlink_metadata().is_ok() && !force {
        return Err(say(EN, "cli-exists", &[("file", path_arg(output))]));
    }
    let plan = t.plan().map_err(load_error)?;
    store::save_with(output, &plan, store::atomic::Replace::PLAN.forced(force)).map_err(err)?;
    line(
        out,
        &say(
            EN,
            "cli-new-plan",
            &[("file", path_arg(output)), ("template", t.name.into())],
        ),
    )?;
    Ok(ExitCode::SUCCESS)
}

fn fmt(
    file: &Path,
    check_only: bool,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    let text = store::read_text(file).map_err(load_error)?;
    let plan = store::parse(&text, file).map_err(load_error)?;
    let canonical = store::to_ron(&plan);
    if canonical == text {
        line(
            out,
            &say(EN, "cli-already-canonical", &[("file", path_arg(file))]),
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    if check_only {
        line(
            out,
            &say(EN, "cli-not-canonical", &[("file", path_arg(file))]),
        )?;
        return Ok(ExitCode::from(1));
    }
    // Checked against the limits before writing: the canonical text is longer than a compact
    // file, and must still be readable.
    let saved = store::save_file_with(file, &plan, store::atomic::Replace::PLAN.forced(force))
        .map_err(err)?;
    // Through a symbolic link, the backup is next to the real file.
    let backup = saved
        .backup
        .unwrap_or_else(|| store::atomic::backup_path(&saved.file));
    line(
        out,
        &say(
            EN,
            "cli-rewritten",
            &[("file", path_arg(file)), ("backup", path_arg(&backup))],
        ),
    )?;
    Ok(ExitCode::SUCCESS)
}

fn generate(
    actions: usize,
    output: &Path,
    seed: u64,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    // A file that could not be read back is never written: `save` checks every limit, and the
    // number of actions is refused before the plan is even made.
    let max = store::limits::MAX_ACTIONS;
    if actions > max {
        return Err(say(
            EN,
            "cli-too-many-actions",
            &[
                ("count", actions.to_string().into()),
                ("max", count_arg(EN, max)),
            ],
        ));
    }
    let plan = crate::synthetic::plan(actions, seed);
    store::save(output, &plan).map_err(err)?;
    line(
        out,
        &say(
            EN,
            "cli-generated",
            &[
                ("file", path_arg(output)),
                ("count", actions.to_string().into()),
            ],
        ),
    )?;
    Ok(ExitCode::SUCCESS)
}

#[allow(clippy::too_many_arguments)]
fn export(
    file: &Path,
    output: &Path,
    format: ExportFormat,
    sections: &[String],
    consultation_copy: bool,
    lang: Option<Lang>,
    paper: PaperArg,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    crate::report::warm_up();
    let plan = store::load(file).map_err(load_error)?;
    let replace = store::atomic::Replace::EXPORT.forced(force);
    let labels = lang.unwrap_or(plan.facts.language);
    match format {
        ExportFormat::Html => {
            crate::report::html::export_with(&plan, labels, output, replace).map_err(err)?;
            line(out, &terminal::path(output))?;
        }
        ExportFormat::Xlsx => {
            crate::report::xlsx::export_with(&plan, labels, output, replace).map_err(err)?;
            line(out, &terminal::path(output))?;
        }
        ExportFormat::Csv => {
            let written =
                crate::report::csv::export_with(&plan, labels, output, replace).map_err(err)?;
            for path in written {
                line(out, &terminal::path(&path))?;
            }
        }
        ExportFormat::Pdf => {
            let mut opts = crate::report::Options::for_plan(&plan);
            opts.lang = labels;
            opts.paper = match paper {
                PaperArg::A4 => crate::report::layout::Paper::A4,
                PaperArg::Letter => crate::report::layout::Paper::Letter,
            };
            if !sections.is_empty() {
                opts.parts = sections
                    .iter()
                    .map(|k| part(k.trim()))
                    .collect::<Result<_, _>>()?;
            }
            opts.consultation_copy = consultation_copy
                || opts
                    .parts
                    .iter()
                    .any(|p| p.internal() && sections.iter().any(|k| k.trim() == p.key()));
            opts.base_dir = file.parent().map(Path::to_path_buf);
            let pdf =
                crate::report::export_with(&plan, &opts, output, &|_| {}, replace).map_err(err)?;
            line(
                out,
                &say(
                    EN,
                    "cli-pdf-written",
                    &[
                        ("file", path_arg(output)),
                        ("count", count_arg(EN, pdf.pages)),
                        ("n", FluentArg::Number(pdf.pages as f64)),
                    ],
                ),
            )?;
            for image in &pdf.missing_images {
                eprintln!(
                    "lap-studio: {}",
                    say(
                        EN,
                        "cli-image-missing",
                        &[("file", escape(image).into_owned().into())],
                    )
                );
            }
            for lost in &pdf.lost {
                eprintln!(
                    "lap-studio: {}",
                    say(
                        EN,
                        "cli-font-lost",
                        &[
                            ("item", escape(&lost.item.to_string()).into_owned().into()),
                            ("chars", escape(&lost.chars).into_owned().into()),
                        ],
                    )
                );
            }
            for cut in &pdf.cut {
                eprintln!(
                    "lap-studio: {}",
                    say(
                        EN,
                        "cli-text-cut",
                        &[
                            ("item", escape(&cut.item).into_owned().into()),
                            ("place", cut.place.to_string().into()),
                        ],
                    )
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A report section named on the command line.
fn part(key: &str) -> Result<crate::report::Part, String> {
    crate::report::Part::from_key(key).ok_or_else(|| {
        let keys: Vec<&str> = crate::report::Part::all().iter().map(|p| p.key()).collect();
        say(
            EN,
            "cli-unknown-section",
            &[
                ("name", format!("{key:?}").into()),
                ("names", keys.join(", ").into()),
            ],
        )
    })
}

fn diff(old: &Path, new: &Path, format: Format, out: &mut dyn Write) -> Result<ExitCode, String> {
    let a = store::load(old).map_err(load_error)?;
    let b = store::load(new).map_err(load_error)?;
    let d = crate::analysis::diff::diff(&a, &b);
    match format {
        Format::Json => line(
            out,
            &serde_json::to_string_pretty(&diff_json(&d)).unwrap_or_default(),
        )?,
        Format::Text => write_diff_text(&d, out).map_err(write_error)?,
    }
    Ok(if d.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn fingerprint(file: &Path, short: bool, out: &mut dyn Write) -> Result<ExitCode, String> {
    let plan = store::load(file).map_err(load_error)?;
    if short {
        line(out, &store::short_fingerprint(&plan))?;
    } else {
        line(
            out,
            &format!("{}  {}", store::fingerprint(&plan), terminal::path(file)),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn summary_command(
    file: &Path,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    let plan = store::load(file).map_err(load_error)?;
    let s = analysis::summary::summary(&plan);
    match format {
        Format::Json => line(out, &serde_json::to_string_pretty(&s).unwrap_or_default())?,
        Format::Text => write_summary_text(&plan, &s, lang, out).map_err(write_error)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn unknown_template(name: &str) -> String {
    let names: Vec<&str> = store::templates::TEMPLATES.iter().map(|t| t.name).collect();
    say(
        EN,
        "cli-unknown-template",
        &[
            ("name", format!("{name:?}").into()),
            ("names", names.join(", ").into()),
        ],
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
    let w = |r: std::io::Result<()>| r.map_err(write_error);
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
            let n = FindingCounts::of(&report);
            w(writeln!(
                out,
                "{}",
                say(
                    lang,
                    "cli-check-totals",
                    &[
                        ("file", name.clone().into()),
                        ("errors", count_arg(lang, n.error)),
                        ("warnings", count_arg(lang, n.warning)),
                        ("hints", count_arg(lang, n.hint)),
                        ("ne", FluentArg::Number(n.error as f64)),
                        ("nw", FluentArg::Number(n.warning as f64)),
                        ("nh", FluentArg::Number(n.hint as f64)),
                        (
                            "complete",
                            format::percent(lang, f64::from(report.completeness_percent()), 0)
                                .into(),
                        ),
                    ],
                )
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
                "counts": FindingCounts::of(&report),
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

fn completeness_json(report: &Report) -> Value {
    let map: serde_json::Map<String, Value> = report
        .completeness
        .iter()
        .map(|(s, p)| (s.key().to_owned(), json!(p)))
        .collect();
    Value::Object(map)
}

/// The key figures of a plan as JSON (the `summary --format json` object).
pub fn summary(plan: &Plan) -> Value {
    serde_json::to_value(analysis::summary::summary(plan)).unwrap_or_default()
}

/// The summary as people read it: the same figures as the JSON, written as `lang` writes them.
fn write_summary_text(
    plan: &Plan,
    s: &Summary,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let money = |m: crate::model::Money| escape(&format::money(lang, m, &s.currency)).into_owned();
    writeln!(out, "{} — {}", escape(&s.city), escape(&s.title))?;
    if let Some((start, end)) = s.period {
        let text = say(
            lang,
            "cli-summary-period",
            &[
                (
                    "period",
                    format::month_range(lang, Some(start), Some(end)).into(),
                ),
                ("status", plan.facts.status.label(lang).into()),
                ("version", escape(&s.version).into_owned().into()),
            ],
        );
        writeln!(out, "{text}")?;
    }
    let c = &s.counts;
    let items: Vec<String> = [
        ("cli-count-objectives", c.objectives),
        ("cli-count-actions", c.actions),
        ("cli-count-pilots", c.pilots),
        ("cli-count-indicators", c.indicators),
        ("cli-count-risks", c.risks),
        ("cli-count-members", c.members),
    ]
    .iter()
    .map(|(key, n)| {
        say(
            lang,
            key,
            &[
                ("count", count_arg(lang, *n)),
                ("n", FluentArg::Number(*n as f64)),
            ],
        )
    })
    .collect();
    let contents = say(
        lang,
        "cli-summary-contents",
        &[("items", items.join(", ").into())],
    );
    writeln!(out, "{contents}")?;
    // The headline figures as the app and the PDF show them.
    let b = analysis::budget(plan);
    for (i, (figure, text)) in b.headline(lang, &s.currency).into_iter().enumerate() {
        let indent = if i == 0 { "" } else { "  " };
        writeln!(out, "{indent}{}: {}", tr(lang, figure.key()), escape(&text))?;
    }
    for t in &s.budget.by_source {
        writeln!(
            out,
            "  {:<28} {}",
            t.source.label(lang),
            money(t.secured + t.potential)
        )?;
    }
    if !s.openness_index.is_empty() {
        writeln!(out, "{}", tr(lang, "cli-summary-index"))?;
        for city in &s.openness_index {
            writeln!(
                out,
                "  {:<20} {}{}",
                escape(&city.name),
                format::decimal(lang, city.overall, 1),
                if city.home { " *" } else { "" }
            )?;
        }
    }
    let m = &s.monitoring;
    if let Some(round) = &m.latest_round {
        let date = round
            .date
            .as_deref()
            .and_then(|d| d.parse().ok())
            .map(|d| format::date_long(lang, d))
            .unwrap_or_else(|| round.id.clone());
        let counts = |n: &[usize; 4]| FluentArg::Text(rag_counts(lang, n));
        let text = say(
            lang,
            "cli-summary-monitoring",
            &[
                ("date", date.into()),
                ("rounds", FluentArg::Number(m.rounds as f64)),
                ("actions", counts(&m.actions)),
                ("indicators", counts(&m.indicators)),
                ("spent", money(m.spent).into()),
                ("committed", money(m.committed).into()),
                (
                    "share",
                    format::percent(lang, m.spent_share_percent, 1).into(),
                ),
            ],
        );
        writeln!(out, "{text}")?;
    }
    let n = s.findings;
    let text = say(
        lang,
        "cli-summary-complete",
        &[
            (
                "complete",
                format::percent(lang, f64::from(s.completeness_percent), 0).into(),
            ),
            ("errors", count_arg(lang, n.error)),
            ("warnings", count_arg(lang, n.warning)),
            ("hints", count_arg(lang, n.hint)),
        ],
    );
    writeln!(out, "{text}")
}

/// Counts by status in words ("3 on track, 1 at risk"), leaving out the statuses no item has.
fn rag_counts(lang: Lang, n: &[usize; 4]) -> String {
    use crate::analysis::monitoring::Rag;
    let parts: Vec<String> = Rag::ALL
        .iter()
        .zip(n)
        .filter(|(_, n)| **n > 0)
        .map(|(r, n)| {
            format!(
                "{} {}",
                format::integer(lang, *n as i128),
                r.label(lang).to_lowercase()
            )
        })
        .collect();
    if parts.is_empty() {
        "—".into()
    } else {
        parts.join(", ")
    }
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
        return writeln!(out, "{}", tr(EN, "cli-diff-same"));
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
    let text = say(
        EN,
        "cli-diff-money",
        &[
            ("cost", signed(d.cost_delta).into()),
            ("secured", signed(d.secured_delta).into()),
            ("potential", signed(d.potential_delta).into()),
        ],
    );
    writeln!(out, "{text}")
}
