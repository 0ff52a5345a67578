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

/// Parses a time typed on the command line: RFC 3339 (`2026-11-23T09:00:00Z`), a date
/// (`2026-11-23`, midnight UTC), or a local date and time (`2026-11-23 14:30`).
pub fn parse_time(text: &str) -> Result<Instant, String> {
    use chrono::TimeZone;
    let t = text.trim();
    if let Ok(x) = chrono::DateTime::parse_from_rfc3339(t) {
        return Ok(x.with_timezone(&chrono::Utc));
    }
    if let Ok(local) = chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M") {
        return chrono::Local
            .from_local_datetime(&local)
            .earliest()
            .map(|x| x.with_timezone(&chrono::Utc))
            .ok_or_else(|| format!("'{text}' does not exist in the local time zone (a DST gap)"));
    }
    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|x| x.and_utc())
        .ok_or_else(|| {
            format!("'{text}' is not a time: use RFC 3339 (2026-11-23T09:00:00Z), a date (2026-11-23) or a local time (\"2026-11-23 14:30\")")
        })
}
