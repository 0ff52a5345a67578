//! `hearback` without a subcommand: where the data is, what is in it, and what to do next.
//! (The dashboard replaces this once it exists.)

use super::Context;
use super::customers::{Listing, table};
use std::process::ExitCode;

/// How many customers the overview lists.
const TOP: usize = 10;

/// Runs the overview.
pub fn run(ctx: &Context) -> anyhow::Result<ExitCode> {
    let listing = Listing::load(ctx)?;
    let data = &listing.data;
    println!(
        "hearback {} · data in {}",
        env!("CARGO_PKG_VERSION"),
        ctx.data_dir.display()
    );
    if data.is_empty() {
        println!();
        println!("The store is empty. To start:");
        println!("  hearback demo                          sample data to look around with");
        println!("  hearback import customers FILE.csv     your CRM's account export");
        println!(
            "Then `hearback customers` lists them largest first. `hearback --help` lists every command."
        );
        return Ok(ExitCode::SUCCESS);
    }
    let summaries = listing.summaries();
    println!(
        "{} customers · {} interviews · {} follow-ups · {} action items",
        summaries.len(),
        data.interviews.len(),
        data.followups.len(),
        data.actions.len()
    );
    println!();
    let shown = summaries.len().min(TOP);
    print!("{}", table(&listing, &summaries[..shown], ctx.now));
    if summaries.len() > shown {
        println!(
            "… and {} more: `hearback customers`",
            summaries.len() - shown
        );
    }
    Ok(ExitCode::SUCCESS)
}
