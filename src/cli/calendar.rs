//! `hearback calendar`: the feedback calendar as an RFC 5545 (iCalendar) file.

use super::Context;
use clap::Args;
use std::process::ExitCode;

/// The arguments of `hearback calendar`.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// How many months ahead, from today.
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=36))]
    pub months: u32,
}

/// Runs `hearback calendar`.
pub fn run(ctx: &Context, args: &CalendarArgs) -> anyhow::Result<ExitCode> {
    let _ = (ctx, args);
    anyhow::bail!("the calendar is being built")
}
