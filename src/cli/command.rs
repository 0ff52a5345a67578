//! The clap definitions of the command line: the global options and every subcommand. The
//! CLI reference and the man pages under `docs/` are generated from these (tests/it/docs_reference.rs).

use super::args::{
    CrmArg, ExportFormat, ExportWhat, ImportCommand, ListFormat, TimeArg, parse_now, parse_time,
};
use super::{action, bench, calendar, followup, interview, letter, report, review, staff, stats};
use crate::core::Instant;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

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
    /// Config file with policy overrides and key bindings. Default: hearback.toml in the XDG config dir
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
    /// Import every export waiting in the inbox folder, as `import` would, once (for cron; the
    /// open dashboard does the same by itself). CRM exports go in INBOX/customers/, survey
    /// exports in a folder of their own with its map.toml; each imported file moves to its
    /// folder's done/ with FILE.report.txt, and a file imported before is skipped.
    Inbox {
        /// The inbox folder. Default: inbox in the data directory.
        #[arg(long, value_name = "DIR", env = "HEARBACK_INBOX")]
        dir: Option<PathBuf>,
        /// Seconds a file must stay unchanged before it is read (one still being written is
        /// left for the next run).
        #[arg(long, value_name = "SECONDS", default_value_t = 2)]
        settle: u64,
        /// Currency of sizes that name none in CRM exports (ISO 4217 code).
        #[arg(long, default_value = "USD", value_name = "CODE")]
        currency: String,
    },
    /// Write customers, interviews or actions (CSV or JSON), a full backup, or feedback for a
    /// CRM's own import, to stdout.
    Export {
        /// What to export.
        #[arg(value_enum)]
        what: ExportWhat,
        /// Output format (`all` is JSON only, `crm` CSV only).
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
        /// The CRM whose import reads the file (with `export crm`).
        #[arg(
            long = "for",
            value_enum,
            value_name = "CRM",
            required_if_eq("what", "crm")
        )]
        crm: Option<CrmArg>,
    },
    /// Decode every record, check the index of open work against the records, and report
    /// counts and any damage.
    Check {
        /// Rebuild the index of open work from the records when the check finds it out of
        /// step (it asks first; answer from a pipe with `echo y |`). The records themselves
        /// are not changed. Needs the dashboard closed.
        #[arg(long, conflicts_with = "reset_guard")]
        repair: bool,
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
    /// Write a debrief, a President report, a workforce digest or the formal report to a
    /// customer (Markdown).
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// A letter the loop owes the customer: the thank-you, the invitation to the follow-up
    /// call (copied to the people the severity rule requires) or the formal report; printed
    /// with From, To and Cc, or written as an email file with --eml.
    Letter(letter::LetterArgs),
    /// Our people: add, change (roles, email, active) and list them.
    #[command(subcommand)]
    Staff(staff::StaffCommand),
    /// Average scores compared across segments, regions, tiers or account managers.
    Stats(stats::StatsArgs),
    /// The weekly review: what was closed, what slipped and by whom, and response times
    /// (to thank-you, contact, formal report, close) against the policy, per owner.
    Review(review::ReviewArgs),
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
    /// Customers' requests and our responses: log one (a call, an email), record the answer
    /// and the resolution, list them.
    #[command(subcommand)]
    Request(super::request::RequestCommand),
}
