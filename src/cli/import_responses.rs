//! `hearback import responses FILE --map MAP`, read in two passes so a million responses fit in
//! bounded memory.
//!
//! What "never half-applied" means here: the whole file is read, matched and checked first
//! (pass one keeps only counts and the rejected rows), so `--strict` and `--dry-run` see every
//! problem before anything is written. Pass two then writes the responses in batches of
//! [`BATCH`], each batch one transaction. If a write fails or the process is killed between
//! batches, the batches already written stay and the message says so; running the same import
//! again imports only the rest, because responses are keyed by source and response id and are
//! never imported twice.
//!
//! Memory: the file's bytes, a 16-byte key per response id in the reader (duplicates) and in
//! the planner (already imported), and one batch. 1M responses (128 MB file): 308 MB peak for
//! `--dry-run`; a real import adds sled's own growth as it writes (about 470 MB more at 1M).

use super::import::{Mode, rejected_rows};
use super::progress::Progress;
use super::record_size::record_fits;
use super::{Context, EXIT_PARTIAL, Writing, open_input, say};
use crate::core::IdAllocator;
use crate::core::survey_import::{ImportContext, SurveyImportPlan, SurveyPlanner, SurveyResponse};
use crate::io::customers_csv::RowError;
use crate::io::survey_csv::{SurveyLayout, SurveySource, read_responses};
use crate::io::survey_map::SurveyMap;
use anyhow::Context as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Responses written per transaction: large enough that syncing is not the cost, small enough
/// that a batch's records stay a few megabytes.
pub const BATCH: usize = 5_000;

/// What pass one found.
#[derive(Default)]
struct Tally {
    read: usize,
    imported: usize,
    followups: usize,
    already: usize,
    /// Rows the reader could not read (the rest of `problems` were read but not imported).
    unreadable: usize,
    problems: Vec<RowError>,
}

/// Reads the responses of `source` in batches, plans each, and hands the plan to `each`;
/// `progress` counts the rows read.
fn in_batches(
    source: &SurveySource,
    map: &SurveyMap,
    planner: &mut SurveyPlanner<'_>,
    ids: &mut IdAllocator,
    progress: &Progress,
    mut each: impl FnMut(&[SurveyResponse], SurveyImportPlan, Vec<RowError>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut reading = read_responses(source, map)?;
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        let mut errors = Vec::new();
        for item in reading.by_ref() {
            match item {
                Ok(response) => batch.push(response),
                Err(e) => errors.push(e),
            }
            if batch.len() == BATCH {
                break;
            }
        }
        if batch.is_empty() && errors.is_empty() {
            return Ok(());
        }
        let rows = batch.len() + errors.len();
        let plan = planner.plan(&batch, ids, &record_fits);
        each(&batch, plan, errors)?;
        progress.inc(rows as u64);
    }
}

/// The map and the responses file, read and their header checked before the store is opened:
/// a refused file creates and locks nothing.
pub struct Input {
    file: PathBuf,
    map: SurveyMap,
    source: SurveySource,
    layout: SurveyLayout,
    source_name: String,
    notes: Vec<String>,
}

/// Reads the map and the file of `hearback import responses FILE --map MAP`.
pub fn read(ctx: &Context, file: &Path, map: &Path) -> anyhow::Result<Input> {
    let rules = ctx.rules()?;
    let text = std::fs::read_to_string(super::console::path(map))
        .with_context(|| format!("cannot read the map file {}", map.display()))?;
    let map = SurveyMap::from_toml(&text, &rules.questions)
        .with_context(|| format!("invalid map file {}", map.display()))?;
    let cannot = || format!("cannot import {}", file.display());
    let source = SurveySource::read(open_input(file)?).with_context(cannot)?;
    let header = read_responses(&source, &map).with_context(cannot)?;
    let (layout, source_name, notes) = (header.table.layout, header.source.clone(), header.notes);
    Ok(Input {
        file: file.to_path_buf(),
        map,
        source,
        layout,
        source_name,
        notes,
    })
}

/// Runs `hearback import responses FILE --map MAP` on what [`read`] read: each matched
/// response not imported before becomes a completed interview.
pub fn responses(session: Writing<'_>, input: Input, mode: Mode) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let rules = ctx.rules()?;
    let Input {
        file,
        map,
        source,
        layout,
        source_name,
        notes,
    } = input;
    let file = file.as_path();
    let cannot = || format!("cannot import {}", file.display());
    let cx = ImportContext {
        source: &source_name,
        questions: &rules.questions,
        policy: &rules.policy,
        now: ctx.now,
        actor: &ctx.actor,
    };

    // Pass one: everything checked, nothing kept but counts and problems.
    let mut tally = Tally::default();
    let mut planner = SurveyPlanner::new(data, cx);
    let mut ids = IdAllocator::after(data)?;
    let checking = Progress::counting("responses checked");
    in_batches(
        &source,
        &map,
        &mut planner,
        &mut ids,
        &checking,
        |batch, plan, errors| {
            tally.read += batch.len();
            tally.imported += plan.imported.len();
            tally.followups += plan
                .imported
                .iter()
                .filter(|i| i.followup.is_some())
                .count();
            tally.already += plan.already_imported.len();
            tally.unreadable += errors.len();
            tally.problems.extend(errors);
            let rejected = plan.rejected.into_iter();
            tally.problems.extend(rejected.map(|r| RowError {
                line: r.line,
                reason: r.reason,
            }));
            Ok(())
        },
    )
    .with_context(cannot)?;
    drop(checking);

    say!(
        "{}: {} (source {}), {} responses read, {} rejected",
        file.display(),
        layout.label(),
        source_name,
        tally.read,
        tally.unreadable
    );
    for note in &notes {
        say!("note: {note}");
    }
    let problems = rejected_rows(
        file,
        tally.problems.iter().map(|e| (e.line, e.reason.as_str())),
    );
    let verb = if mode.dry_run {
        "would import"
    } else {
        "imported"
    };
    let summary = format!(
        "{verb} {} responses ({} open a low-score follow-up), {} already imported, \
         {} not imported",
        tally.imported,
        tally.followups,
        tally.already,
        problems.len()
    );
    if mode.strict && !problems.is_empty() {
        crate::cli::say_err!(
            "nothing imported: --strict and {} response(s) not imported",
            problems.len()
        );
        return Ok(ExitCode::FAILURE);
    }

    // Pass two: the same plan again (same data, same ids), listed and written batch by batch.
    // Pass one's planner holds every response id: gone before pass two builds its own.
    drop(planner);
    let mut planner = SurveyPlanner::new(data, cx);
    let mut ids = IdAllocator::after(data)?;
    let mut saved = 0;
    let mut wrote = false;
    let rows = (tally.read + tally.unreadable) as u64;
    let writing = Progress::bar(
        rows,
        if mode.dry_run {
            "responses listed"
        } else {
            "responses written"
        },
    );
    in_batches(
        &source,
        &map,
        &mut planner,
        &mut ids,
        &writing,
        |_, plan, _| {
            // One pause of the bar per batch, not per line: a terminal shows the lines at its pace.
            writing.print(|| {
                for i in &plan.imported {
                    let followup = i
                        .followup
                        .as_ref()
                        .map(|f| format!(", follow-up {f}"))
                        .unwrap_or_default();
                    say!(
                        "  {} {} (line {}, response {}): lowest {}{followup}",
                        i.interview,
                        i.customer,
                        i.line,
                        i.response_id,
                        i.lowest.get()
                    );
                }
            });
            if !mode.dry_run && !plan.changes.is_empty() {
                session.commit(&plan.changes).with_context(|| {
                    format!(
                        "{saved} of {} responses were saved before this error; run the same \
                     import again to import the rest (none is imported twice)",
                        tally.imported
                    )
                })?;
                saved += plan.imported.len();
                wrote = true;
            }
            Ok(())
        },
    )
    .with_context(cannot)?;
    drop(writing);
    if mode.dry_run {
        say!("dry run: {summary}");
    } else if !wrote {
        say!("nothing to change: {summary}");
    } else {
        say!("saved: {summary}");
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PARTIAL)
    })
}
