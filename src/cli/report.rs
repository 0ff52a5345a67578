//! `hearback report ...`: the debrief, the President report and the workforce digest as
//! Markdown, to stdout or a file; `--record` records the matching step as done.

use super::Context;
use crate::core::Instant;
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

/// Which document.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// For the account manager and salesperson: scores, comments, significant issues, the
    /// follow-ups opened and who owns them.
    Debrief {
        /// The interview (e.g. I12).
        #[arg(long)]
        interview: String,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Record the debrief as done once the document is written.
        #[arg(long)]
        record: bool,
    },
    /// For the President: every interview in the period, averages, lowest scores, open and
    /// overdue follow-ups, actions, customers at risk, compared with the previous period.
    President {
        /// First day of the period (interviews completed from then on).
        #[arg(long, value_parser = super::parse_time)]
        since: Instant,
        /// End of the period (default: now).
        #[arg(long, value_parser = super::parse_time)]
        until: Option<Instant>,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Record the report to the President as done for every interview in the period.
        #[arg(long)]
        record: bool,
    },
    /// For the workforce: everything except negative comments flagged about an individual.
    Digest {
        /// First day of the period (interviews completed from then on, until now).
        #[arg(long, value_parser = super::parse_time)]
        since: Instant,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Record the results as disseminated for every interview in the period.
        #[arg(long)]
        record: bool,
    },
}

/// Runs `hearback report`.
pub fn run(ctx: &Context, cmd: ReportCommand) -> anyhow::Result<ExitCode> {
    let _ = (ctx, cmd);
    anyhow::bail!("reports are being built")
}
