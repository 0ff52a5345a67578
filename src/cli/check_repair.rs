//! `hearback check --repair`: rebuild the index of open work (the store's derived state) from
//! the records, after showing what is out of step and asking.
//!
//! It asks even though the records are not touched: the rewrite changes the live store, and a
//! lead about to change a store that a check just found wrong should have taken a backup
//! first. The answer is read from stdin, so a script answers with `echo y |`.

use super::Context;
use super::console;
use super::{say, say_raw};
use crate::store::Damage;
use std::io::{BufRead, Write};
use std::process::ExitCode;

/// How many differences are listed before "and N more".
const SHOWN: usize = 20;

/// Lists the differences between the index and the records.
pub(super) fn say_stale(stale: &[Damage]) {
    say!(
        "The index of open work is out of step with the records in {} place(s):",
        stale.len()
    );
    for d in stale.iter().take(SHOWN) {
        say!("  tree {} key {}: {}", d.tree, d.key, d.reason);
    }
    if stale.len() > SHOWN {
        say!("  ... and {} more", stale.len() - SHOWN);
    }
}

/// Runs the check and, when the index is out of step, rebuilds it once the user agrees.
pub fn run(ctx: &Context) -> anyhow::Result<ExitCode> {
    if ctx.in_dashboard() {
        anyhow::bail!(
            "the index can only be rebuilt with the store closed: quit the dashboard on {}, \
             then run `hearback check --repair` again",
            ctx.data_dir.display()
        );
    }
    let store = ctx.open_store()?;
    let report = store.check();
    if !report.damage.is_empty() {
        say!(
            "{} damaged record(s); the index is rebuilt from the records, so it cannot be \
             rebuilt from these. Run `hearback check` for the list and what to do.",
            report.damage.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    if report.stale.is_empty() {
        say!(
            "nothing to repair: the index of open work matches the records ({})",
            ctx.data_dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    say_stale(&report.stale);
    say!(
        "Rebuilding rewrites the index from the records; the records are not changed, and a \
         rebuild cut short is done again the next time hearback opens the store. Keep a backup \
         first: `hearback export all --format json --out FILE.json`."
    );
    say_raw!("Rebuild the index now? [y/N] ");
    console::out().flush()?;
    let mut answer = String::new();
    std::io::BufReader::new(console::stdin()?).read_line(&mut answer)?;
    if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
        say!("Nothing was changed.");
        return Ok(ExitCode::FAILURE);
    }
    let records = store.repair_derived()?;
    let after = store.check();
    if !after.is_clean() {
        say_stale(&after.stale);
        anyhow::bail!(
            "the index was rebuilt but still differs from the records; keep the data \
             directory as it is and report this"
        );
    }
    say!(
        "rebuilt the index of open work from {records} records; `hearback check` now finds it in step"
    );
    Ok(ExitCode::SUCCESS)
}
