//! The command line: clap definitions and one handler per subcommand.
//!
//! This is the edge where typed errors become messages for people (what happened, where, and
//! what to do) and where the clock is read, once, unless `--now` replaces it.

mod action;
mod actor;
mod args;
mod bench;
mod calendar;
mod check;
mod config;
mod customer;
mod customers;
mod demo;
mod export;
mod followup;
mod import;
mod import_responses;
mod interview;
mod interview_args;
mod lookup;
mod output;
mod overview;
mod progress;
mod queue;
mod record_size;
mod report;
mod staff;
mod stats;
mod table;

use crate::core::Instant;
use crate::store::{ReadStore, Store, StoreError, StoreOptions};
use anyhow::Context as _;
use clap::{Parser, Subcommand};
use output::{commit, report};
pub(crate) use output::{say, say_raw};
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use args::{
    ExportFormat, ExportWhat, ImportCommand, ListFormat, TimeArg, parse_now, parse_time,
};

/// Exit code: an import finished but some rows were rejected.
pub const EXIT_PARTIAL: u8 = 3;

/// hearback: keep every customer's feedback loop closed.
#[derive(Debug, Parser)]
#[command(name = "hearback", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// Data directory (created 0700). Default: the XDG data dir, e.g. ~/.local/share/hearback.
    #[arg(long, global = true, env = "HEARBACK_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Pretend the current time is this (RFC 3339, or a date YYYY-MM-DD meaning midnight UTC);
    /// replaces the clock everywhere, for demos and tests.
    #[arg(long, global = true, env = "HEARBACK_NOW", value_name = "TIME", value_parser = parse_now)]
    pub now: Option<Instant>,
    /// Config file with policy overrides. Default: hearback.toml in the XDG config dir
    /// (e.g. ~/.config/hearback/hearback.toml), if it exists.
    #[arg(long, global = true, env = "HEARBACK_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Who is acting, for the timeline. Default: $HEARBACK_USER, else the login name.
    #[arg(long = "as", global = true, env = "HEARBACK_USER", value_name = "NAME")]
    pub actor: Option<String>,
    /// What to do. Without one, hearback opens the dashboard when its output is a terminal,
    /// and prints the overview (as `hearback status` does) when it is not, e.g. when piped.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print an overview of the store: where it is, what is in it, the largest customers.
    /// Never opens the dashboard.
    Status,
    /// Fill the store with realistic, deterministic sample data.
    Demo {
        /// How many customers to create.
        #[arg(long, default_value_t = 40, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        customers: u32,
        /// Seed of the generator: the same seed and --now give the same data.
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Add the sample data even though the store is not empty (nothing is removed).
        #[arg(long)]
        force: bool,
    },
    /// Read customers from a CRM export, survey responses from a survey tool, or a backup.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Write customers, interviews or actions (CSV or JSON), or a full backup, to stdout.
    Export {
        /// What to export.
        #[arg(value_enum)]
        what: ExportWhat,
        /// Output format (`all` is JSON only).
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
    },
    /// Decode every record and report counts and any damage.
    Check {
        /// Set the lost-save guard (DATA/hearback.commits) to the saves the store holds, when
        /// hearback reported it damaged or missing. Copy the data directory first, and look for
        /// your latest changes afterwards: a save the store lost cannot be detected any more.
        #[arg(long)]
        reset_guard: bool,
    },
    /// List customers, largest first.
    Customers {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// One customer in full: risk and why, pre-brief, contacts, scores, what is owed, timeline.
    Customer {
        /// Customer: id (C12), name, or a unique part of the name.
        customer: String,
    },
    /// The follow-up queue: what is due or overdue, by whom, most urgent first.
    Queue {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Include upcoming and snoozed items.
        #[arg(long)]
        all: bool,
    },
    /// Hide a queue item until a time, with a reason (it stays owed; see `queue --all`).
    Snooze {
        /// The item's key from `hearback queue`, e.g. debrief:I20.
        key: String,
        /// Until when.
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = parse_time)]
        until: TimeArg,
        /// Why.
        #[arg(long)]
        reason: String,
        /// Who decided (staff name); default: nobody recorded.
        #[arg(long)]
        by: Option<String>,
    },
    /// Book, record, complete or cancel interviews, and record the steps around them.
    #[command(subcommand)]
    Interview(interview::InterviewCommand),
    /// Move a low-score follow-up through its loop.
    #[command(subcommand)]
    Followup(followup::FollowUpCommand),
    /// Add and move corrective and preventive actions.
    #[command(subcommand)]
    Action(action::ActionCommand),
    /// Write a debrief, a President report or a workforce digest (Markdown).
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Our people: add, change (roles, email, active) and list them.
    #[command(subcommand)]
    Staff(staff::StaffCommand),
    /// Average scores compared across segments, regions, tiers or account managers.
    Stats(stats::StatsArgs),
    /// The feedback calendar (booked and due interviews) as iCalendar: `> feedback.ics`.
    Calendar(calendar::CalendarArgs),
    /// Measure performance and durability on a large synthetic programme (never your data).
    #[command(subcommand)]
    Bench(bench::BenchCommand),
    /// Record a major deliverable; a feedback interview becomes due after it.
    Deliverable {
        /// Customer: id, name or unique part of it.
        #[arg(long)]
        customer: String,
        /// What was delivered.
        #[arg(long)]
        name: String,
        /// When (default: now).
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = parse_time)]
        at: Option<TimeArg>,
    },
}

/// What every handler gets: where the data is, what time it is, who acts, which rules.
pub struct Context {
    /// The data directory.
    pub data_dir: PathBuf,
    /// The current time (the clock, or `--now`).
    pub now: Instant,
    /// Who is acting, for the timeline.
    pub actor: String,
    /// An explicit config file.
    pub config: Option<PathBuf>,
}

impl Context {
    /// Opens the store of this context, to write.
    pub fn open_store(&self) -> Result<Store, StoreError> {
        Store::open(&self.data_dir)
    }

    /// Opens the store of this context for a command that only reads: where hearback cannot
    /// write (read-only media), it reads a private copy, and says so once on stderr.
    pub fn read_store(&self) -> Result<ReadStore, StoreError> {
        static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        let store = ReadStore::open(&self.data_dir, StoreOptions::default())?;
        if let Some(copy) = store.copy_dir()
            && !SAID.swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            eprintln!(
                "note: {} is read-only for hearback; reading a private copy of it in {} (removed at exit)",
                self.data_dir.display(),
                copy.display()
            );
        }
        Ok(store)
    }

    /// Opens the store of this context, setting its lost-save guard to what the store holds.
    pub fn open_store_resetting_guard(&self) -> Result<Store, StoreError> {
        let options = StoreOptions {
            reset_guard: true,
            ..StoreOptions::default()
        };
        Store::open_with(&self.data_dir, options)
    }

    /// The instant a time flag names now, in the calendar's offset.
    pub fn time(&self, arg: &TimeArg) -> anyhow::Result<Instant> {
        arg.resolve(self.now, self.rules()?.calendar.offset)
    }

    /// The policy, calendar and questions in force.
    pub fn rules(&self) -> anyhow::Result<config::Rules> {
        config::load(self.config.as_deref(), self.now)
    }
}

fn default_data_dir() -> anyhow::Result<PathBuf> {
    directories::ProjectDirs::from("", "", "hearback")
        .map(|d| d.data_dir().to_path_buf())
        .context("cannot find a home directory for the default data dir; pass --data DIR or set HEARBACK_DATA")
}

/// Parses the command line, runs it and turns errors into messages and exit codes.
pub fn main() -> ExitCode {
    // Like every Unix filter: `hearback status | head` ends quietly when `head` has enough,
    // instead of a panic on the closed pipe. A write to a closed pipe ends the process before
    // anything after it (e.g. `report --record` records only a document that was delivered).
    // SAFETY: setting a signal's disposition to its default at start-up, before any thread.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // Every file hearback creates holds customer data or says something about it, including
    // the ones sled creates with its own modes (store/db, conf, snapshots, blobs): none is for
    // group or others, and a stricter umask the user set stays.
    // SAFETY: umask only changes this process's file-creation mask; set once at start-up.
    unsafe {
        let user = libc::umask(0o077);
        libc::umask(user | 0o077);
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            report(&err);
            ExitCode::FAILURE
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let data_dir = match cli.data {
        Some(dir) => dir,
        None => default_data_dir()?,
    };
    let actor = actor::actor(cli.actor);
    // The only read of the real clock in hearback.
    let ctx = Context {
        data_dir,
        now: cli.now.unwrap_or_else(chrono::Utc::now),
        actor,
        config: cli.config,
    };
    match cli.command {
        // `cli.now` says whether `--now` replaced the clock: the dashboard's time stands still.
        None if std::io::stdout().is_terminal() => crate::runtime::run(&ctx, cli.now.is_some()),
        None | Some(Command::Status) => overview::run(&ctx),
        Some(Command::Demo {
            customers,
            seed,
            force,
        }) => demo::run(&ctx, customers as usize, seed, force),
        Some(Command::Import(ImportCommand::Customers {
            file,
            dry_run,
            strict,
            currency,
        })) => import::customers(&ctx, &file, import::Mode { dry_run, strict }, &currency),
        Some(Command::Import(ImportCommand::Responses {
            file,
            map,
            dry_run,
            strict,
        })) => import::responses(&ctx, &file, &map, import::Mode { dry_run, strict }),
        Some(Command::Import(ImportCommand::People {
            file,
            dry_run,
            strict,
        })) => import::people(&ctx, &file, import::Mode { dry_run, strict }),
        Some(Command::Import(ImportCommand::Backup { file })) => import::backup(&ctx, &file),
        Some(Command::Export { what, format }) => export::run(&ctx, what, format),
        Some(Command::Check { reset_guard }) => check::run(&ctx, reset_guard),
        Some(Command::Customers { format }) => customers::run(&ctx, format),
        Some(Command::Customer { customer: which }) => customer::run(&ctx, &which),
        Some(Command::Queue { format, all }) => queue::run(&ctx, format, all),
        Some(Command::Snooze {
            key,
            until,
            reason,
            by,
        }) => queue::snooze(&ctx, &key, ctx.time(&until)?, &reason, by.as_deref()),
        Some(Command::Interview(cmd)) => {
            use interview::InterviewCommand;
            match cmd {
                InterviewCommand::Schedule {
                    who,
                    at,
                    minutes,
                    location,
                    confirm,
                } => interview::schedule(&ctx, &who, ctx.time(&at)?, minutes, location, confirm),
                InterviewCommand::Record { who, at, answers } => {
                    interview::record(&ctx, &who, ctx.time(&at)?, &answers)
                }
                InterviewCommand::Complete { id, answers, at } => {
                    interview::complete(&ctx, &id, &answers, at.map(|a| ctx.time(&a)).transpose()?)
                }
                InterviewCommand::Mark { id, step, at } => {
                    interview::mark(&ctx, &id, step, at.map(|a| ctx.time(&a)).transpose()?)
                }
                InterviewCommand::Cancel { id, reason } => interview::cancel(&ctx, &id, &reason),
                InterviewCommand::Invitation {
                    id,
                    out,
                    template,
                    mark,
                } => interview::invitation(&ctx, &id, out.as_deref(), template.as_deref(), mark),
            }
        }
        Some(Command::Followup(cmd)) => followup::run(&ctx, cmd),
        Some(Command::Action(cmd)) => action::run(&ctx, cmd),
        Some(Command::Bench(cmd)) => bench::run(&ctx, cmd),
        Some(Command::Report(cmd)) => report::run(&ctx, cmd),
        Some(Command::Staff(cmd)) => staff::run(&ctx, cmd),
        Some(Command::Stats(args)) => stats::run(&ctx, &args),
        Some(Command::Calendar(args)) => calendar::run(&ctx, &args),
        Some(Command::Deliverable { customer, name, at }) => action::deliverable(
            &ctx,
            &customer,
            &name,
            at.map(|a| ctx.time(&a)).transpose()?,
        ),
    }
}

/// Opens a file for reading, or standard input for `-`.
fn open_input(path: &Path) -> anyhow::Result<Box<dyn std::io::Read>> {
    if path == Path::new("-") {
        return Ok(Box::new(std::io::stdin().lock()));
    }
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    Ok(Box::new(file))
}
