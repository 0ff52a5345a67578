//! `hearback check`: open the store, decode every record, report counts and damage; then check
//! the programme's people against the policy (a follow-up that needs senior management while
//! nobody counts as one is a problem to fix, not a detail).

use super::Context;
use super::table::Table;
use super::{say, say_raw};
use crate::core::TimelineEvent;
use crate::core::queue::queue;
use crate::core::senior::SeniorPool;
use crate::io::backup::{Backup, PROBLEMS_SHOWN};
use crate::store::{DataRead, ReadStore};
use std::process::ExitCode;

/// Runs the check; exits non-zero when anything is damaged or a follow-up lacks its senior
/// manager.
pub fn run(ctx: &Context, reset_guard: bool) -> anyhow::Result<ExitCode> {
    let store: Box<dyn DataRead> = if reset_guard {
        if ctx.in_dashboard() {
            anyhow::bail!(
                "the lost-save guard can only be reset with the store closed: quit the dashboard \
                 on {}, then run `hearback check --reset-guard` again",
                ctx.data_dir.display()
            );
        }
        let store = ctx.open_store_resetting_guard()?;
        say!(
            "the lost-save guard now counts {} saves, what the store holds; check that your latest changes are there",
            store.saves()?
        );
        Box::new(ReadStore::from(store))
    } else {
        ctx.read_store()?
    };
    let report = store.check();
    let mut t = Table::new(&[("Tree", 16), ("Records", 10)]);
    for (tree, n) in &report.counts {
        t.push(vec![(*tree).to_string(), n.to_string()]);
    }
    say_raw!("{}", t.render());
    if report.damage.is_empty() && !report.stale.is_empty() {
        say!();
        super::check_repair::say_stale(&report.stale);
        say!(
            "Your records are intact. Rebuild the index from them with `hearback check --repair`."
        );
        return Ok(ExitCode::FAILURE);
    }
    if !report.is_clean() {
        say!();
        say!("{} damaged record(s):", report.damage.len());
        for d in &report.damage {
            say!(
                "  tree {} key {}: {}",
                d.tree,
                if d.key.is_empty() { "?" } else { &d.key },
                d.reason
            );
        }
        say!("Nothing was changed or deleted. Restore your last backup into a new directory:");
        say!("  hearback import backup FILE.json --data NEWDIR");
        return Ok(ExitCode::FAILURE);
    }
    say!(
        "ok: every record decodes and the index of open work matches them ({})",
        ctx.data_dir.display()
    );
    let rules = ctx.rules()?;
    let data = store.load()?;
    let mut problems = 0;
    let timeline: Vec<TimelineEvent> = store.events()?;
    let refused = Backup::new(data.clone(), timeline, ctx.now).problems(&rules.questions);
    if !refused.is_empty() {
        problems += 1;
        say!(
            "PROBLEM: {} field(s) break the rules every way into hearback keeps (written by an \
             older build?), so a backup of this store would be refused on restore until they \
             are corrected:",
            refused.len()
        );
        for p in refused.iter().take(PROBLEMS_SHOWN) {
            say!("  {p}");
        }
        if refused.len() > PROBLEMS_SHOWN {
            say!("  ... and {} more", refused.len() - PROBLEMS_SHOWN);
        }
    }
    let pool = SeniorPool::new(&data, &rules.policy.senior_management);
    for name in &pool.unknown_named {
        problems += 1;
        say!(
            "PROBLEM: [policy.senior_management] people names '{name}', who is not one of our people; add them with `hearback staff add \"{name}\" --role senior_management` or fix the name"
        );
    }
    let items = queue(&data, &rules.policy, &rules.work_week, ctx.now);
    if let Some(warning) = super::queue::missing_senior_warning(&data, &items) {
        problems += 1;
        say!("PROBLEM: {warning}");
    }
    if problems > 0 {
        return Ok(ExitCode::FAILURE);
    }
    say!("ok: every open follow-up that needs senior management has someone");
    Ok(ExitCode::SUCCESS)
}
