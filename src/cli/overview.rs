//! `hearback` without a subcommand: where the data is, what is in it, and what to do next.
//! (The dashboard replaces this once it exists.)

use super::Reading;
use super::customers::{Listing, table};
use super::{say, say_raw};
use std::process::ExitCode;

/// How many customers the overview lists.
const TOP: usize = 10;

/// Runs the overview.
pub fn run(session: Reading<'_>) -> anyhow::Result<ExitCode> {
    let ctx = session.ctx;
    let listing = Listing::of(ctx, session.data)?;
    let data = &listing.data;
    say!(
        "hearback {} · data in {}",
        env!("CARGO_PKG_VERSION"),
        ctx.data_dir.display()
    );
    if data.is_empty() {
        say!();
        say!("The store is empty. To start:");
        say!("  hearback demo                          sample data to look around with");
        say!("  hearback import customers FILE.csv     your CRM's account export");
        say!(
            "Then `hearback customers` lists them largest first. `hearback --help` lists every command."
        );
        return Ok(ExitCode::SUCCESS);
    }
    let summaries = listing.summaries();
    say!(
        "{} customers · {} interviews · {} follow-ups · {} action items",
        summaries.len(),
        data.interviews.len(),
        data.followups.len(),
        data.actions.len()
    );
    say!();
    let shown = summaries.len().min(TOP);
    say_raw!("{}", table(&listing, &summaries[..shown], ctx.now));
    if summaries.len() > shown {
        say!(
            "… and {} more: `hearback customers`",
            summaries.len() - shown
        );
    }
    Ok(ExitCode::SUCCESS)
}
