//! `hearback demo`: fill the store with sample data.

use super::Writing;
use super::say;
use crate::core::{Change, IdAllocator};
use crate::demo::{DemoOptions, generate};
use anyhow::bail;
use std::process::ExitCode;

/// Runs `hearback demo`.
pub fn run(
    session: Writing<'_>,
    customers: usize,
    seed: u64,
    force: bool,
) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    if !data.is_empty() && !force {
        bail!(
            "the store in {} already holds {} customers; demo data goes into an empty store \
             (use another --data DIR, or --force to add it alongside; nothing is ever removed)",
            ctx.data_dir.display(),
            data.customers.len()
        );
    }
    let mut ids = IdAllocator::after(data)?;
    let changes = generate(&DemoOptions { customers, seed }, ctx.now, &mut ids);
    let count = |f: fn(&Change) -> bool| changes.changes.iter().filter(|c| f(c)).count();
    let written = session.commit(&changes)?;
    say!(
        "Wrote {} customers, {} staff, {} interviews, {} follow-ups, {} action items ({} records, saved to disk) in {}",
        count(|c| matches!(c, Change::Customer(_))),
        count(|c| matches!(c, Change::Staff(_))),
        count(|c| matches!(c, Change::Interview(_))),
        count(|c| matches!(c, Change::FollowUp(_))),
        count(|c| matches!(c, Change::Action(_))),
        written.records,
        ctx.data_dir.display()
    );
    say!("Next: `hearback customers` lists them largest first.");
    Ok(ExitCode::SUCCESS)
}
