//! The second scale point: the same programme with 10x the history (10,000 customers, a
//! million interviews; the same open work), to show how first frame and queue grow with history
//! alone. The promise is that they stay flat: within 1.5x of the 1x figures.

use super::figures::{ms, open_in_child, quantile, rules, sample};
use super::generate;
use super::table::Figure;
use crate::core::queue::queue;
use crate::demo::synthetic;
use crate::store::Store;
use std::path::Path;

/// How many times the history.
const HISTORY: u64 = 10;

/// The 10x store's name in the bench directory.
const STORE: &str = "store-10x";

/// What reading open work costs on one store (medians, ms).
pub struct OpenWork {
    /// `Store::load_open`, the store already open.
    pub read_ms: f64,
    /// The queue computed from open work.
    pub queue_ms: f64,
    /// `hearback queue` (a table) as a fresh process, warm cache.
    pub cli_ms: f64,
    /// What it read.
    pub records: usize,
}

impl OpenWork {
    /// The rows; `suffix` names the scale point.
    pub fn rows(&self, suffix: &str) -> Vec<Figure> {
        vec![
            Figure::info(
                &format!("read open work ({} records){suffix}", self.records),
                format!("{:.3} ms", self.read_ms),
            ),
            Figure::info(
                &format!("queue from open work{suffix}"),
                format!("{:.3} ms", self.queue_ms),
            ),
            Figure::target(
                &format!("`hearback queue` fresh process{suffix}"),
                self.cli_ms,
                "ms",
                50.0,
            ),
        ]
    }
}

/// Measures reading open work and the queue from it on the data dir `store_dir`.
pub fn open_work(store_dir: &Path, reps: usize) -> anyhow::Result<OpenWork> {
    let store = Store::open(store_dir)?;
    let mut data = None;
    let mut read = sample(reps, || {
        data = Some(store.load_open()?);
        Ok(())
    })?;
    drop(store);
    let data = data.unwrap_or_default();
    let r = rules();
    let now = synthetic::now();
    let mut q = sample(reps.max(5), || {
        std::hint::black_box(queue(&data, &r.policy, &r.work_week, now));
        Ok(())
    })?;
    let exe = std::env::current_exe()?;
    let run = || {
        let mut c = std::process::Command::new(&exe);
        c.arg("--data").arg(store_dir).args([
            "--now",
            "2026-11-23T09:00:00Z",
            "queue",
            "--format",
            "table",
        ]);
        c
    };
    super::taskwarrior::time(1, run)?;
    let cli = super::taskwarrior::time(reps.max(3), run)?;
    Ok(OpenWork {
        read_ms: ms(quantile(&mut read, 0.5)),
        queue_ms: ms(quantile(&mut q, 0.5)),
        cli_ms: ms(cli),
        records: data.interviews.len() + data.followups.len() + data.actions.len(),
    })
}

/// The rows of the second scale point; `open_ms` and `open` are the 1x figures.
pub fn second_point(
    dir: &Path,
    reps: usize,
    open_ms: f64,
    open: &OpenWork,
) -> anyhow::Result<Vec<Figure>> {
    let mut rows = Vec::new();
    let written = generate(&dir.join(STORE), HISTORY)?;
    rows.push(Figure::info(
        "write the 10x-history store",
        match written {
            Some(took) => format!("{:.2} s", took.as_secs_f64()),
            None => format!(
                "not timed: reused from an earlier run (remove {} to time it)",
                dir.join(STORE).display()
            ),
        },
    ));
    let (open10, rss10) = open_in_child(dir, STORE, reps)?;
    rows.push(Figure::info(
        "open store to first frame, 10x history",
        format!("{open10:.3} ms"),
    ));
    rows.push(Figure::ratio(
        "first frame 10x / 1x history",
        open10,
        open_ms,
        1.5,
    ));
    if let Some(kib) = rss10 {
        rows.push(Figure::info(
            "RSS after opening, 10x history",
            format!("{:.3} MiB", kib as f64 / 1024.0),
        ));
    }
    let open10 = open_work(&dir.join(STORE), reps.max(5))?;
    rows.extend(open10.rows(", 10x history"));
    rows.push(Figure::ratio(
        "queue from open work 10x / 1x history",
        open10.queue_ms,
        open.queue_ms,
        1.5,
    ));
    rows.push(Figure::ratio(
        "`hearback queue` 10x / 1x history",
        open10.cli_ms,
        open.cli_ms,
        1.5,
    ));
    Ok(rows)
}
