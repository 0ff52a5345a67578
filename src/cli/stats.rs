//! `hearback stats`: average scores per question compared across segments, regions, tiers or
//! account managers, over time, and churn reasons counted.

use super::Context;
use crate::core::Instant;
use clap::{Args, ValueEnum};
use std::process::ExitCode;

/// What to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// Market segment.
    Segment,
    /// Region or country.
    Region,
    /// Tier (key, growth, standard).
    Tier,
    /// Account manager.
    Manager,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// Aligned columns for people.
    Table,
    /// JSON for scripts.
    Json,
}

/// The arguments of `hearback stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Compare by.
    #[arg(long, value_enum, default_value_t = By::Segment)]
    pub by: By,
    /// Only interviews completed from then on (default: all).
    #[arg(long, value_parser = super::parse_time)]
    pub since: Option<Instant>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
}

/// Runs `hearback stats`.
pub fn run(ctx: &Context, args: &StatsArgs) -> anyhow::Result<ExitCode> {
    let _ = (ctx, args);
    anyhow::bail!("stats are being built")
}
