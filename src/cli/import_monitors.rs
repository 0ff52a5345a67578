//! `hearback import monitors FILE --map MAP`: deliveries, warranty claims, returns and credit
//! notes from an ERP or quality export, matched to customers, in one transaction. A document
//! imported before (same kind and number) is updated, never added twice.

use super::import::{Mode, rejected_rows};
use super::record_size::record_fits;
use super::{Context, Writing, open_input, say};
use crate::core::monitors::plan_monitors;
use crate::core::{Change, IdAllocator};
use crate::io::monitor_csv::{ParsedMonitors, parse_monitors};
use crate::io::monitor_map::MonitorMap;
use anyhow::Context as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The map and the export, read and checked before the store is opened: a refused file
/// creates and locks nothing.
pub struct Input {
    file: PathBuf,
    parsed: ParsedMonitors,
}

/// Reads the map and the file of `hearback import monitors FILE --map MAP`.
pub fn read(ctx: &Context, file: &Path, map: &Path) -> anyhow::Result<Input> {
    ctx.rules()?;
    let text = std::fs::read_to_string(super::console::path(map))
        .with_context(|| format!("cannot read the map file {}", map.display()))?;
    let map = MonitorMap::from_toml(&text)
        .with_context(|| format!("invalid map file {}", map.display()))?;
    let parsed = parse_monitors(open_input(file)?, &map)
        .with_context(|| format!("cannot import {}", file.display()))?;
    Ok(Input {
        file: file.to_path_buf(),
        parsed,
    })
}

/// Runs the import on what [`read`] read.
pub fn run(session: Writing<'_>, input: Input, mode: Mode) -> anyhow::Result<ExitCode> {
    let data = &session.data;
    let Input { file, parsed } = input;
    let file = file.as_path();
    let mut ids = IdAllocator::after(data)?;
    let mut plan = plan_monitors(data, &parsed.rows, &mut ids);
    // A record too large to store is a bad row, found before anything is written.
    let mut too_large = Vec::new();
    plan.changes.changes.retain(|c| match (c, record_fits(c)) {
        (_, Ok(())) => true,
        (Change::Monitor(m), Err(reason)) => {
            let line = parsed
                .rows
                .iter()
                .find(|r| crate::core::monitors::identity(&r.kind, &r.reference) == m.identity())
                .map_or(0, |r| r.line);
            too_large.push((line, reason));
            false
        }
        (_, Err(_)) => true,
    });
    let rejected: Vec<(u64, String)> = plan
        .rejected
        .iter()
        .map(|r| {
            let columns = if r.about_customer {
                &parsed.customer_columns
            } else {
                &parsed.reference_column
            };
            (r.line, format!("{} ({columns})", r.reason))
        })
        .collect();
    say!(
        "{}: {} rows read{}",
        file.display(),
        parsed.rows.len() + parsed.errors.len() + parsed.ignored,
        match parsed.ignored {
            0 => String::new(),
            n => format!(", {n} of a kind the map ignores"),
        }
    );
    let problems = rejected_rows(
        file,
        (parsed.errors.iter().map(|e| (e.line, e.reason.as_str())))
            .chain(rejected.iter().map(|(l, r)| (*l, r.as_str())))
            .chain(too_large.iter().map(|(l, r)| (*l, r.as_str()))),
    );
    let verb = if mode.dry_run { "would " } else { "" };
    let repeated = match plan.repeated {
        0 => String::new(),
        n => format!(", {n} rows repeating a document (imported once)"),
    };
    let summary = format!(
        "{verb}add {} events, {verb}update {}, {} unchanged{repeated}, {} rows not imported",
        plan.created,
        plan.updated,
        plan.unchanged,
        problems.len()
    );
    let partial = !problems.is_empty();
    if mode.strict && partial {
        crate::cli::say_err!(
            "nothing imported: --strict and {} row(s) rejected",
            problems.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    for (customer, n) in &plan.per_customer {
        let name = data.customer(*customer).map_or("", |c| c.name.as_str());
        say!(
            "  {customer} {name}: {n} event{}",
            if *n == 1 { "" } else { "s" }
        );
    }
    super::import::finish(&session, &plan.changes, mode, &summary, partial)
}
