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
mod check_repair;
mod command;
mod config;
pub mod console;
mod customer;
mod customers;
mod demo;
mod dispatch;
mod export;
mod followup;
mod hub;
mod import;
mod import_monitors;
mod import_requests;
mod import_responses;
mod import_triggers;
mod inbox;
mod interview;
mod interview_args;
mod letter;
mod lookup;
mod output;
mod overview;
mod progress;
mod queue;
mod record_size;
mod report;
mod request;
mod review;
mod session;
mod staff;
mod stats;
mod table;
mod vocabulary;

use crate::core::Instant;
use crate::runtime::{Clock, FixedClock};
use anyhow::Context as _;
use clap::Parser;
pub use command::{Cli, Command};
use output::report;
pub(crate) use output::{say, say_err, say_raw};
pub use session::{Context, Reading, Session, Writing};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
pub use vocabulary::vocabulary;

pub use args::{
    CrmArg, ExportFormat, ExportWhat, ImportCommand, ListFormat, TimeArg, parse_now, parse_time,
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
///
/// When a dashboard holds the data dir, the command is sent to it and run there (see `hub`):
/// its output, errors and exit code come back as they would have been here.
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
    let args = std::env::args_os().skip(1).collect();
    let invocation = match Invocation::resolve(cli, args) {
        Ok(invocation) => invocation,
        Err(err) => {
            report(&err);
            return ExitCode::FAILURE;
        }
    };
    if invocation.may_go_to_a_dashboard()
        && let Some(code) = hub::forward(&invocation)
    {
        return ExitCode::from(code);
    }
    match dispatch::run(invocation, None) {
        Ok(code) => code,
        Err(err) => {
            report(&err);
            ExitCode::FAILURE
        }
    }
}

/// One command, with what the caller's process resolved for it: where the data is, what time
/// it is, which config, who acts. A command sent to the open dashboard carries these, so it
/// runs with the caller's settings, not the dashboard's.
pub struct Invocation {
    /// The subcommand (none: the dashboard, or the overview when not on a terminal).
    pub command: Option<Command>,
    /// The data directory.
    pub data_dir: PathBuf,
    /// `--now`, if given.
    pub now: Option<Instant>,
    /// `--config`, if given.
    pub config: Option<PathBuf>,
    /// The config file read when none is given.
    pub default_config: Option<PathBuf>,
    /// Who acts.
    pub actor: String,
    /// The arguments as typed, after the program's name (sent to the dashboard as they are).
    pub args: Vec<std::ffi::OsString>,
}

impl Invocation {
    /// Resolves what the command line left to the environment.
    pub fn resolve(cli: Cli, args: Vec<std::ffi::OsString>) -> anyhow::Result<Invocation> {
        let data_dir = match cli.data {
            Some(dir) => dir,
            None => default_data_dir()?,
        };
        Ok(Invocation {
            command: cli.command,
            data_dir,
            now: cli.now,
            config: cli.config,
            default_config: config::default_path(),
            actor: actor::actor(cli.actor),
            args,
        })
    }

    /// Whether this command opens the dashboard itself.
    fn opens_the_dashboard(&self) -> bool {
        self.command.is_none() && console::stdout_is_terminal()
    }

    /// Whether an open dashboard may run it: every command but the dashboard itself and the
    /// benchmark (which works on stores of its own, never the data dir).
    fn may_go_to_a_dashboard(&self) -> bool {
        !self.opens_the_dashboard() && !matches!(self.command, Some(Command::Bench(_)))
    }

    /// The context the command runs in, with the one clock.
    fn context(&self, clock: &dyn Clock) -> Context {
        Context::new(
            self.data_dir.clone(),
            clock.now(),
            self.actor.clone(),
            self.config.clone(),
            self.default_config.clone(),
        )
    }

    /// The one clock of the command: the system clock, or `--now`.
    fn clock(&self) -> Arc<dyn Clock> {
        match self.now {
            Some(now) => Arc::new(FixedClock(now)),
            None => Arc::new(SystemClock),
        }
    }
}

/// An exit code as the byte a process exits with (`ExitCode` does not say).
pub fn exit_byte(code: ExitCode) -> u8 {
    (0..=u8::MAX)
        .find(|n| ExitCode::from(*n) == code)
        .unwrap_or(1)
}

/// Opens a file for reading, or standard input for `-`.
fn open_input(path: &Path) -> anyhow::Result<Box<dyn std::io::Read>> {
    if path == Path::new("-") {
        return console::stdin().map(|r| r as Box<dyn std::io::Read>);
    }
    let file = std::fs::File::open(console::path(path))
        .with_context(|| format!("cannot open {}", path.display()))?;
    Ok(Box::new(file))
}
