//! `hearback bench`: the figures behind the performance and durability promises, on a large
//! synthetic programme (10,000 customers, 100,000 interviews, 50,000 action items), printed as
//! a table. Also the steady writer the crash test kills (`bench saves`).
//!
//! Bench stores live in their own directory (by default under the system temp dir), never in
//! the user's data dir; a directory is only ever reused or cleared when it carries the marker
//! file this command wrote, so pointing `--dir` at real data cannot destroy it.

mod figures;
mod history;
mod saves;
mod table;
mod taskwarrior;

use super::Context;
use crate::core::{Change, ChangeSet, Dataset};
use crate::store::Store;
use anyhow::{Context as _, bail};
use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The file that marks a directory as made by `hearback bench`.
const MARKER: &str = "HEARBACK-BENCH";

/// What `hearback bench` does.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Measure everything and print the table (generates the synthetic store on first use).
    Run {
        /// Where the bench stores go (default: hearback-bench in the temp dir).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Fewer repetitions: a quick look, not figures to publish.
        #[arg(long)]
        quick: bool,
    },
    /// Write the synthetic programme into DIR/store (refuses a directory it did not make).
    Generate {
        /// The bench directory.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Save small records one by one into DIR, each durably, printing `ack ID` after each save
    /// is on disk: the writer that the crash test kills at random moments.
    Saves {
        /// The store directory (must be new, or made by this command).
        #[arg(long, value_name = "DIR")]
        dir: PathBuf,
        /// Stop after this many saves.
        #[arg(long, default_value_t = 1_000_000)]
        count: u64,
    },
    /// Open the synthetic store and draw the first frame, then print the time it took and the
    /// memory used, as JSON (run by `bench run` in a fresh process).
    #[command(hide = true)]
    Open {
        /// The bench directory.
        #[arg(long, value_name = "DIR")]
        dir: PathBuf,
        /// Which store in it (`store`, or `store-10x` for the second scale point).
        #[arg(long, default_value = "store")]
        store: String,
        /// Then time this many saves as the dashboard applies them (`after_save_ms`, median),
        /// for profiling that path alone.
        #[arg(long, default_value_t = 0)]
        saves: usize,
    },
}

/// Runs `hearback bench`.
pub fn run(ctx: &Context, cmd: BenchCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        BenchCommand::Run { dir, quick } => {
            let dir = bench_dir(dir)?;
            let figures = figures::measure(ctx, &dir, quick)?;
            crate::cli::say_raw!("{}", table::render(&figures));
            Ok(ExitCode::SUCCESS)
        }
        BenchCommand::Generate { dir } => {
            let dir = bench_dir(dir)?;
            let store = dir.join("store");
            match generate(&store, 1)? {
                Some(took) => crate::cli::say!(
                    "wrote the synthetic programme to {} in {:.1} s",
                    store.display(),
                    took.as_secs_f64()
                ),
                None => crate::cli::say!(
                    "{} already holds the synthetic programme; remove it to write it again",
                    store.display()
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        BenchCommand::Saves { dir, count } => {
            claim(&dir)?;
            saves::ack_loop(&dir.join("store"), count, ctx.now)?;
            Ok(ExitCode::SUCCESS)
        }
        BenchCommand::Open { dir, store, saves } => {
            let json = figures::open_once(ctx, &dir.join(store), saves)?;
            crate::cli::say!("{json}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The bench directory: the one given, or `hearback-bench` in the temp dir; created and
/// marked as ours, or refused when it exists without the marker.
fn bench_dir(dir: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    let dir = dir.unwrap_or_else(|| std::env::temp_dir().join("hearback-bench"));
    claim(&dir)?;
    Ok(dir)
}

/// Makes `dir` a bench directory: creates it with the marker, or accepts it if it has the
/// marker already. An existing directory without the marker is refused, untouched.
fn claim(dir: &Path) -> anyhow::Result<()> {
    let marker = dir.join(MARKER);
    if marker.exists() {
        return Ok(());
    }
    if dir.exists()
        && std::fs::read_dir(dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .next()
            .is_some()
    {
        bail!(
            "{} is not empty and was not made by `hearback bench`; bench data goes into its own \
             directory (pass another --dir)",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    std::fs::write(
        &marker,
        "Made by `hearback bench`: synthetic data only, safe to delete.\n",
    )
    .with_context(|| format!("cannot write {}", marker.display()))?;
    Ok(())
}

/// Removes a store directory inside a bench directory (only ever our own synthetic data).
fn clear(bench: &Path, name: &str) -> anyhow::Result<()> {
    if !bench.join(MARKER).exists() {
        bail!("{} is not a bench directory", bench.display());
    }
    let target = bench.join(name);
    if target.exists() {
        std::fs::remove_dir_all(&target)
            .with_context(|| format!("cannot remove {}", target.display()))?;
    }
    Ok(())
}

/// Every record of `data` as one change set.
fn changes_of(data: &Dataset) -> ChangeSet {
    let mut set = ChangeSet::new();
    let Dataset {
        staff,
        customers,
        interviews,
        followups,
        actions,
        deliverables,
        snoozes,
        digests: _,
        highest_id: _,
        crm_fields,
        monitors,
        requests,
    } = data;
    staff
        .iter()
        .for_each(|r| set.push(Change::Staff(r.clone())));
    customers
        .iter()
        .for_each(|r| set.push(Change::Customer(r.clone())));
    interviews
        .iter()
        .for_each(|r| set.push(Change::Interview(r.clone())));
    followups
        .iter()
        .for_each(|r| set.push(Change::FollowUp(r.clone())));
    actions
        .iter()
        .for_each(|r| set.push(Change::Action(r.clone())));
    deliverables
        .iter()
        .for_each(|r| set.push(Change::Deliverable(r.clone())));
    snoozes
        .iter()
        .for_each(|r| set.push(Change::Snooze(r.clone())));
    crm_fields
        .iter()
        .for_each(|r| set.push(Change::CrmFields(r.clone())));
    monitors
        .iter()
        .for_each(|r| set.push(Change::Monitor(r.clone())));
    requests
        .iter()
        .for_each(|r| set.push(Change::Request(r.clone())));
    set
}

/// Writes the synthetic programme, with `history` times the interviews (see
/// `synthetic::dataset_with`), into a new store at `store_dir` (an existing one is kept: it
/// holds the same deterministic data). Returns how long writing took, or `None` when the store
/// was there already (then nothing was written, and there is nothing to time).
fn generate(store_dir: &Path, history: u64) -> anyhow::Result<Option<std::time::Duration>> {
    let started = std::time::Instant::now();
    let store = Store::open(store_dir)?;
    if !store.is_empty() {
        return Ok(None);
    }
    let data = crate::demo::synthetic::dataset_with(history);
    store.commit(&changes_of(&data))?;
    Ok(Some(started.elapsed()))
}
