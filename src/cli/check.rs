//! `hearback check`: open the store, decode every record, report counts and damage.

use super::Context;
use super::table::Table;
use std::process::ExitCode;

/// Runs the check; exits non-zero when anything is damaged.
pub fn run(ctx: &Context) -> anyhow::Result<ExitCode> {
    let store = ctx.open_store()?;
    let report = store.check();
    let mut t = Table::new(&[("Tree", 16), ("Records", 10)]);
    for (tree, n) in &report.counts {
        t.push(vec![(*tree).to_string(), n.to_string()]);
    }
    print!("{}", t.render());
    if report.is_clean() {
        println!("ok: every record decodes ({})", ctx.data_dir.display());
        return Ok(ExitCode::SUCCESS);
    }
    println!();
    println!("{} damaged record(s):", report.damage.len());
    for d in &report.damage {
        println!(
            "  tree {} key {}: {}",
            d.tree,
            if d.key.is_empty() { "?" } else { &d.key },
            d.reason
        );
    }
    println!("Nothing was changed or deleted. Restore your last backup into a new directory:");
    println!("  hearback import backup FILE.json --data NEWDIR");
    Ok(ExitCode::FAILURE)
}
