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
mod command;
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
mod session;
mod staff;
mod stats;
mod table;

use crate::core::Instant;
use crate::runtime::{Clock, FixedClock};
use anyhow::Context as _;
use clap::Parser;
pub use command::{Cli, Command};
use output::report;
pub(crate) use output::{say, say_raw};
pub use session::{Context, Reading, Session, Writing};
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

pub use args::{
    ExportFormat, ExportWhat, ImportCommand, ListFormat, TimeArg, parse_now, parse_time,
};

/// Exit code: an import finished but some rows were rejected.
pub const EXIT_PARTIAL: u8 = 3;

/// The system clock.
struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        // The only read of the real clock in hearback: everything that asks what time it is
        // gets it from the one clock `run` builds (this one, or the fixed `--now`).
        chrono::Utc::now()
    }

    fn is_fixed(&self) -> bool {
        false
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

/// Runs a parsed command line: builds the one clock and the context, opens the store once as
/// the command needs it (to read, to write, or in its own way for `check` and `bench`), and
/// hands the handler the session.
///
/// Commands that depend on the rules read them first (`ctx.rules()?` below, or a time flag,
/// which is read in the working week's offset): a bad config stops them before the store is
/// touched. Commands that read a file (imports) or check their arguments first do that before
/// the store is opened, so a refused file or flag creates and locks nothing.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let data_dir = match cli.data {
        Some(dir) => dir,
        None => default_data_dir()?,
    };
    let actor = actor::actor(cli.actor);
    let clock: Arc<dyn Clock> = match cli.now {
        Some(now) => Arc::new(FixedClock(now)),
        None => Arc::new(SystemClock),
    };
    let ctx = Context::new(data_dir, clock.now(), actor, cli.config);
    match cli.command {
        None if std::io::stdout().is_terminal() => {
            let Session { store, data, .. } = ctx.writing()?;
            let rules = ctx.rules()?.clone();
            crate::runtime::run(crate::runtime::Start {
                store: Arc::from(store),
                data,
                rules,
                clock,
                place: ctx.data_dir.display().to_string(),
                actor: ctx.actor.clone(),
            })
        }
        None | Some(Command::Status) => {
            ctx.rules()?;
            overview::run(ctx.reading()?)
        }
        Some(Command::Demo {
            customers,
            seed,
            force,
        }) => demo::run(ctx.writing()?, customers as usize, seed, force),
        Some(Command::Import(ImportCommand::Customers {
            file,
            dry_run,
            strict,
            currency,
        })) => {
            let input = import::read_customers(&ctx, &file, &currency)?;
            import::customers(ctx.writing()?, input, import::Mode { dry_run, strict })
        }
        Some(Command::Import(ImportCommand::Responses {
            file,
            map,
            dry_run,
            strict,
        })) => {
            let input = import_responses::read(&ctx, &file, &map)?;
            import::responses(ctx.writing()?, input, import::Mode { dry_run, strict })
        }
        Some(Command::Import(ImportCommand::People {
            file,
            dry_run,
            strict,
        })) => {
            let input = import::read_people(&file)?;
            import::people(ctx.writing()?, input, import::Mode { dry_run, strict })
        }
        Some(Command::Import(ImportCommand::Backup { file })) => {
            let checked = import::read_backup(&ctx, &file)?;
            import::backup(ctx.writing()?, &file, checked)
        }
        Some(Command::Export { what, format }) => export::run(ctx.reading()?, what, format),
        Some(Command::Check { reset_guard }) => check::run(&ctx, reset_guard),
        Some(Command::Customers { format }) => {
            ctx.rules()?;
            customers::run(ctx.reading()?, format)
        }
        Some(Command::Customer { customer: which }) => {
            ctx.rules()?;
            customer::run(ctx.reading()?, &which)
        }
        Some(Command::Queue { format, all }) => {
            ctx.rules()?;
            queue::run(ctx.reading()?, format, all)
        }
        Some(Command::Snooze {
            key,
            until,
            reason,
            by,
        }) => {
            let until = ctx.time(&until)?;
            queue::snooze(ctx.writing()?, &key, until, &reason, by.as_deref())
        }
        Some(Command::Interview(cmd)) => {
            use interview::InterviewCommand;
            match cmd {
                InterviewCommand::Schedule {
                    who,
                    at,
                    minutes,
                    location,
                    confirm,
                } => {
                    let at = ctx.time(&at)?;
                    interview::refuse_past(&ctx, at, confirm)?;
                    interview::schedule(ctx.writing()?, &who, at, minutes, location, confirm)
                }
                InterviewCommand::Record { who, at, answers } => {
                    let at = ctx.time(&at)?;
                    interview::record(ctx.writing()?, &who, at, &answers)
                }
                InterviewCommand::Complete { id, answers, at } => {
                    let at = at.map(|a| ctx.time(&a)).transpose()?;
                    ctx.rules()?;
                    interview::complete(ctx.writing()?, &id, &answers, at)
                }
                InterviewCommand::Mark { id, step, at } => {
                    let at = at.map(|a| ctx.time(&a)).transpose()?;
                    interview::mark(ctx.writing()?, &id, step, at)
                }
                InterviewCommand::Reschedule { id, at, confirm } => {
                    let at = ctx.time(&at)?;
                    interview::reschedule(ctx.writing()?, &id, at, confirm)
                }
                InterviewCommand::Cancel { id, reason } => {
                    interview::cancel(ctx.writing()?, &id, &reason)
                }
                InterviewCommand::Invitation {
                    id,
                    out,
                    template,
                    mark,
                } => {
                    ctx.rules()?;
                    interview::invitation(
                        ctx.writing()?,
                        &id,
                        out.as_deref(),
                        template.as_deref(),
                        mark,
                    )
                }
            }
        }
        Some(Command::Followup(cmd)) => {
            if cmd.uses_rules() {
                ctx.rules()?;
            }
            followup::run(ctx.writing()?, cmd)
        }
        Some(Command::Action(cmd)) => action::run(ctx.writing()?, cmd),
        Some(Command::Bench(cmd)) => bench::run(&ctx, cmd),
        Some(Command::Report(cmd)) => {
            ctx.rules()?;
            // A report that records nothing only reads, so it also works on read-only media;
            // one that records keeps the store (and its lock) from the reading to the
            // recording.
            if cmd.records() {
                let session = ctx.writing()?;
                report::run(&ctx, &session.data, Some(&session), cmd)
            } else {
                report::run(&ctx, &ctx.reading()?.data, None, cmd)
            }
        }
        Some(Command::Staff(cmd)) => match cmd {
            staff::StaffCommand::List { format, all } => {
                ctx.rules()?;
                let session = ctx.reading()?;
                staff::list(&ctx, &session.data, format, all)
            }
            cmd => staff::run(ctx.writing()?, cmd),
        },
        Some(Command::Stats(args)) => {
            let since = stats::since(&ctx, &args)?;
            ctx.rules()?;
            stats::run(ctx.reading()?, &args, since)
        }
        Some(Command::Calendar(args)) => {
            ctx.rules()?;
            calendar::run(ctx.reading()?, &args)
        }
        Some(Command::Deliverable { customer, name, at }) => {
            let at = at.map(|a| ctx.time(&a)).transpose()?;
            action::deliverable(ctx.writing()?, &customer, &name, at)
        }
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
