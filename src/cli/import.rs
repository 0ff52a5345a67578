//! `hearback import customers|responses|backup`.

use super::progress::Progress;
use super::record_size::record_fits;
use super::{Context, EXIT_PARTIAL, Writing, open_input, say};
use crate::core::customer_diff::changed_fields;
use crate::core::customer_import::plan_import_within;
use crate::core::{Change, ChangeSet, IdAllocator};
use crate::core::{crm_triggers, first_round};
use crate::io::backup::{Backup, Checked};
use crate::io::customers_csv::{ParsedCustomers, parse_customers_watching};
use crate::io::people_csv::ParsedPeople;
use anyhow::{Context as _, bail};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// How `import customers` behaves.
#[derive(Clone, Copy, Debug)]
pub struct Mode {
    /// Report only; write nothing.
    pub dry_run: bool,
    /// All rows good or nothing imported.
    pub strict: bool,
}

/// A file read in full before the store is opened: a refused file creates and locks nothing.
pub struct Input<T> {
    file: PathBuf,
    parsed: T,
    /// Shown from the reading to the planning.
    progress: Progress,
}

/// Reads the file of `hearback import customers FILE`.
pub fn read_customers(
    ctx: &Context,
    file: &Path,
    currency: &str,
) -> anyhow::Result<Input<ParsedCustomers>> {
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
        bail!("--currency '{currency}' is not an ISO 4217 code like USD, EUR or GBP");
    }
    // The policy plans the first round: a bad config stops the import before anything is read.
    ctx.rules()?;
    let input = open_input(file)?;
    let progress = Progress::working("reading the file");
    let watched = ctx.rules()?.policy.triggers.watched_columns();
    let parsed = parse_customers_watching(input, currency, &watched)
        .with_context(|| format!("cannot import {}", file.display()))?;
    Ok(Input {
        file: file.to_path_buf(),
        parsed,
        progress,
    })
}

/// Runs `hearback import customers FILE` on the file [`read_customers`] read.
pub fn customers(
    session: Writing<'_>,
    input: Input<ParsedCustomers>,
    mode: Mode,
) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let policy = &ctx.rules()?.policy;
    let Input {
        file,
        parsed,
        progress,
    } = input;
    let file = file.as_path();
    let mut ids = IdAllocator::after(data)?;
    progress.message(&format!("planning {} rows", parsed.rows.len()));
    let plan = plan_import_within(
        data,
        &parsed.rows,
        &mut ids,
        "import",
        ctx.now,
        &record_fits,
    );
    // Cleared before the report: it goes to stdout, often the same terminal.
    drop(progress);

    say!(
        "{}: {:?} layout, {} good rows, {} rejected",
        file.display(),
        parsed.layout,
        parsed.rows.len() - plan.rejected.len(),
        parsed.errors.len() + plan.rejected.len()
    );
    if !parsed.ignored_columns.is_empty() {
        say!("ignored columns: {}", parsed.ignored_columns.join(", "));
    }
    let problems = rejected_rows(
        file,
        (parsed.errors.iter().map(|e| (e.line, e.reason.as_str())))
            .chain(plan.rejected.iter().map(|r| (r.line, r.reason.as_str()))),
    );
    let verb = if mode.dry_run { "would " } else { "" };
    let summary = format!(
        "{verb}create {} customers, {verb}update {}, {} unchanged, {verb}add {} staff",
        plan.created.len(),
        plan.updated.len(),
        plan.unchanged,
        plan.staff_created.len()
    );
    let partial = !problems.is_empty();
    if mode.strict && partial {
        crate::cli::say_err!(
            "nothing imported: --strict and {} row(s) rejected",
            problems.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    let mut after = data.clone();
    after.apply(&plan.changes);
    let triggered = crm_triggers::plan(
        data,
        &after,
        &plan.watched,
        policy,
        ctx.now,
        &mut ids,
        "import",
    );
    after.apply(&triggered.changes);
    let mut changes = plan.changes.clone();
    changes
        .changes
        .extend(triggered.changes.changes.iter().cloned());
    let code = finish(&session, &changes, mode, &summary, partial)?;
    if mode.dry_run {
        for name in &plan.created {
            say!("  new: {name}");
        }
        for (old, new) in plan.changes.changes.iter().filter_map(|c| match c {
            Change::Customer(new) => data.customer(new.id).map(|old| (old, new)),
            _ => None,
        }) {
            let fields = changed_fields(old, new, &after);
            if !fields.is_empty() {
                say!("  changed: {}: {}", new.name, fields.join("; "));
            }
        }
    }
    for line in super::import_triggers::report(
        file,
        &triggered,
        &policy.triggers,
        &parsed.missing_watched,
        mode.dry_run,
    ) {
        say!("{line}");
    }
    if !plan.created.is_empty() {
        say!(
            "{}",
            first_round_line(&after, policy, ctx.now, mode.dry_run)
        );
    }
    Ok(code)
}

/// Reads the file of `hearback import people FILE`.
pub fn read_people(file: &Path) -> anyhow::Result<Input<ParsedPeople>> {
    let input = open_input(file)?;
    let progress = Progress::working("reading the file");
    let parsed = crate::io::people_csv::parse_people(input)
        .with_context(|| format!("cannot import {}", file.display()))?;
    Ok(Input {
        file: file.to_path_buf(),
        parsed,
        progress,
    })
}

/// Runs `hearback import people FILE`: our people from an HR or directory export, matched by
/// email, then by name; titles give roles (see `core::people_import::role_for_title`).
pub fn people(
    session: Writing<'_>,
    input: Input<ParsedPeople>,
    mode: Mode,
) -> anyhow::Result<ExitCode> {
    let data = &session.data;
    let Input {
        file,
        parsed,
        progress,
    } = input;
    let file = file.as_path();
    let mut ids = IdAllocator::after(data)?;
    progress.message(&format!("planning {} rows", parsed.rows.len()));
    let plan = crate::core::people_import::plan_people(data, &parsed.rows, &mut ids);
    drop(progress);
    say!(
        "{}: {} rows read, {} rejected",
        file.display(),
        parsed.rows.len(),
        parsed.errors.len() + plan.rejected.len()
    );
    if !parsed.ignored_columns.is_empty() {
        say!("ignored columns: {}", parsed.ignored_columns.join(", "));
    }
    let problems = rejected_rows(
        file,
        (parsed.errors.iter().map(|e| (e.line, e.reason.as_str())))
            .chain(plan.rejected.iter().map(|r| (r.line, r.reason.as_str()))),
    );
    let verb = if mode.dry_run { "would " } else { "" };
    let summary = format!(
        "{verb}add {} people, {verb}update {}, {} unchanged",
        plan.created.len(),
        plan.updated.len(),
        plan.unchanged
    );
    let partial = !problems.is_empty();
    if mode.strict && partial {
        crate::cli::say_err!(
            "nothing imported: --strict and {} row(s) rejected",
            problems.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    let code = finish(&session, &plan.changes, mode, &summary, partial)?;
    if mode.dry_run {
        for who in &plan.created {
            say!("  new: {who}");
        }
        for who in &plan.updated {
            say!("  changed: {who}");
        }
    }
    Ok(code)
}

/// The end of an import whose rows are planned as `changes`: a dry run says what it would do
/// and writes nothing; otherwise the changes are committed in one transaction and "saved" is
/// said only once they are on disk. Exit code 3 when rows were left out (`partial`).
pub(super) fn finish(
    session: &Writing<'_>,
    changes: &ChangeSet,
    mode: Mode,
    summary: &str,
    partial: bool,
) -> anyhow::Result<ExitCode> {
    if mode.dry_run {
        say!("dry run: {summary}");
    } else if changes.is_empty() {
        say!("nothing to change: {summary}");
    } else {
        let writing = Progress::working(&format!("writing {} changes", changes.len()));
        session.commit(changes)?;
        drop(writing);
        say!("saved: {summary}");
    }
    Ok(if partial {
        ExitCode::from(EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}

/// How the new customers' first interviews are planned (see `core::first_round`).
fn first_round_line(
    after: &crate::core::Dataset,
    policy: &crate::core::policy::Policy,
    now: crate::core::Instant,
    dry_run: bool,
) -> String {
    let cohort = first_round::cohort_at(after, now);
    let capacity = policy.cadence.first_round_per_week;
    if cohort.len() > usize::try_from(capacity).unwrap_or(usize::MAX) {
        return first_round::describe(&first_round::plan_cohort(&cohort, policy).1, dry_run);
    }
    format!(
        "First interviews: {} new customer{} due now, within the {capacity} a week of the policy's first_round_per_week",
        cohort.len(),
        if cohort.len() == 1 { "" } else { "s" }
    )
}

pub use super::import_responses::responses;

/// Reads and checks the file of `hearback import backup FILE`, in full before the store is
/// even opened: a refused file changes nothing.
pub fn read_backup(ctx: &Context, file: &Path) -> anyhow::Result<Checked> {
    let questions = &ctx.rules()?.questions;
    Backup::from_reader(open_input(file)?, questions)
        .with_context(|| format!("cannot restore {}", file.display()))
}

/// Runs `hearback import backup FILE`: restores into an empty store only, so a restore can
/// never overwrite or mix with existing data.
pub fn backup(session: Writing<'_>, file: &Path, checked: Checked) -> anyhow::Result<ExitCode> {
    let ctx = session.ctx;
    let backup = checked.backup;
    if !holds_nothing(&session)? {
        bail!(
            "the store in {} is not empty; restore into a new directory with --data NEWDIR \
             (nothing was changed)",
            ctx.data_dir.display()
        );
    }
    let (data, timeline) = backup.into_parts();
    let mut set = ChangeSet::new();
    set.changes.extend(data.into_changes());
    set.changes.extend(timeline.into_iter().map(Change::Event));
    let written = session.commit(&set)?;
    say!(
        "restored {} records from {} into {}",
        written.records,
        file.display(),
        ctx.data_dir.display()
    );
    if checked.cleaned > 0 {
        say!(
            "cleaned {} text fields of escape sequences or control characters (they could \
             drive a terminal)",
            checked.cleaned
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether the store holds no record at all: a restore goes only into such a store, so it
/// never mixes with or overwrites what is there.
fn holds_nothing(session: &Writing<'_>) -> anyhow::Result<bool> {
    let d = &session.data;
    Ok(d.staff.is_empty()
        && d.customers.is_empty()
        && d.interviews.is_empty()
        && d.followups.is_empty()
        && d.actions.is_empty()
        && d.deliverables.is_empty()
        && d.snoozes.is_empty()
        && d.monitors.is_empty()
        && d.requests.is_empty()
        && session.store.events()?.is_empty()
        && session.store.drafts()?.is_empty())
}

/// Prints every rejected row as `FILE:LINE: reason` on stderr, in line order, and returns them.
pub(super) fn rejected_rows<'a>(
    file: &Path,
    rows: impl Iterator<Item = (u64, &'a str)>,
) -> Vec<(u64, &'a str)> {
    let mut problems: Vec<(u64, &str)> = rows.collect();
    problems.sort_by_key(|&(line, _)| line);
    for (line, reason) in &problems {
        crate::cli::say_err!("{}:{line}: {reason}", file.display());
    }
    problems
}
