//! The data-only clap arguments shared by several subcommands: what `import` reads, what and
//! how `export` writes, list formats, and the time parser behind every `--at`/`--now`.
//!
//! Everything here is re-exported from `crate::cli`.

use crate::core::Instant;
use clap::{Subcommand, ValueEnum};
use std::path::PathBuf;

/// What `import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import or update customers from a CSV file (HubSpot, Salesforce, Zoho or our own columns).
    Customers {
        /// The CSV file, or `-` for standard input.
        file: PathBuf,
        /// Show what would change without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Import nothing unless every row is good.
        #[arg(long)]
        strict: bool,
        /// Currency of sizes that name none (ISO 4217 code).
        #[arg(long, default_value = "USD", value_name = "CODE")]
        currency: String,
    },
    /// Import online survey responses (Qualtrics, SurveyMonkey, Typeform CSV) as completed
    /// interviews: thank-you owed, low scores open follow-ups.
    Responses {
        /// The survey export (CSV), or `-` for standard input.
        file: PathBuf,
        /// The map file (TOML): which columns hold the respondent and our questions.
        #[arg(long, value_name = "MAP.toml")]
        map: PathBuf,
        /// Show what would be imported without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Import nothing unless every response is good and matched.
        #[arg(long)]
        strict: bool,
    },
    /// Import or update our people from an HR or directory export (name, email, job title,
    /// manager, status); job titles give roles, e.g. "VP ..." or "Director ..." senior management.
    People {
        /// The CSV file, or `-` for standard input.
        file: PathBuf,
        /// Show what would change without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Import nothing unless every row is good.
        #[arg(long)]
        strict: bool,
    },
    /// Import deliveries, warranty claims, returns and credit notes from an ERP or quality
    /// export (CSV); a document imported before is updated, not added twice.
    Monitors {
        /// The export (CSV), or `-` for standard input.
        file: PathBuf,
        /// The map file (TOML): which columns hold the customer, kind, dates and document number.
        #[arg(long, value_name = "MAP.toml")]
        map: PathBuf,
        /// Show what would be imported without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Import nothing unless every row is good and matched.
        #[arg(long)]
        strict: bool,
    },
    /// Import customers' requests and our responses from a helpdesk's ticket export (Zendesk,
    /// Freshdesk, or any CSV through a map); a ticket imported before is updated, not added twice.
    Requests {
        /// The export (CSV), or `-` for standard input.
        file: PathBuf,
        /// Which helpdesk wrote it (its own ticket CSV export, read as it is).
        #[arg(long, value_enum, value_name = "HELPDESK", conflicts_with = "map")]
        from: Option<crate::cli::import_requests::Helpdesk>,
        /// The map file (TOML) of any other export: which columns hold the ticket, its subject
        /// and times, the requester and the assignee.
        #[arg(long, value_name = "MAP.toml")]
        map: Option<PathBuf>,
        /// The zone of times written without one, e.g. +01:00 (Freshdesk writes its own zone's
        /// times); default UTC, or the map's `utc_offset`.
        #[arg(long, value_name = "OFFSET", allow_hyphen_values = true)]
        utc_offset: Option<String>,
        /// Show what would be imported without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Import nothing unless every row is good and matched.
        #[arg(long)]
        strict: bool,
    },
    /// Restore a JSON backup (from `hearback export all --format json`) into an empty store.
    Backup {
        /// The backup file.
        file: PathBuf,
    },
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportWhat {
    /// Customers, largest first, in the column layout `import customers` reads.
    Customers,
    /// Interviews and survey responses with their answers.
    Interviews,
    /// Corrective and preventive action items.
    Actions,
    /// Everything, as a restorable JSON backup.
    All,
    /// Feedback figures per customer for the CRM's own import, keyed by its record id
    /// (CSV; name the CRM with `--for`).
    Crm,
}

/// The CRM `export crm` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CrmArg {
    /// HubSpot companies (`Record ID`, properties `hearback_...`).
    Hubspot,
    /// Salesforce accounts (`Id`, fields `Hearback_...__c`).
    Salesforce,
    /// Zoho CRM accounts (`Record Id`, fields `Hearback ...`).
    Zoho,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// RFC 4180 CSV.
    Csv,
    /// JSON.
    Json,
}

/// List formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for people.
    Table,
    /// A JSON array for scripts.
    Json,
}

/// A time typed on the command line, checked when parsed and resolved against the present
/// (`--now` or the clock) and the working week's offset by the handler: the dashboard's parser,
/// so `10:00`, `tomorrow 9`, `fri`, `+2w` and dates mean the same in both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeArg(String);

impl TimeArg {
    /// The instant it names at `now`, in the user's day (`offset`).
    pub fn resolve(&self, now: Instant, offset: chrono::FixedOffset) -> anyhow::Result<Instant> {
        crate::core::when::parse_when(&self.0, now, offset).map_err(anyhow::Error::msg)
    }
}

/// Checks a time flag's syntax as clap parses it; what it means waits for the present.
pub fn parse_time(text: &str) -> Result<TimeArg, String> {
    // Any fixed present will do: only the syntax is checked here.
    let reference = chrono::DateTime::UNIX_EPOCH + chrono::Duration::days(365 * 40);
    let utc = chrono::FixedOffset::east_opt(0).ok_or("no UTC offset")?;
    crate::core::when::parse_when(text, reference, utc)?;
    Ok(TimeArg(text.trim().to_string()))
}

/// Parses `--now`, which replaces the clock and so cannot be relative to it: RFC 3339, a date
/// (midnight UTC) or a date and time (UTC).
pub fn parse_now(text: &str) -> Result<Instant, String> {
    let utc = chrono::FixedOffset::east_opt(0).ok_or("no UTC offset")?;
    crate::core::when::parse_absolute(text, utc)
}
