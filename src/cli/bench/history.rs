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

/// The rows of the second scale point; `open_ms` and `queue_ms` are the 1x medians.
pub fn second_point(
    dir: &Path,
    reps: usize,
    open_ms: f64,
    queue_ms: f64,
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
    let store = Store::open(&dir.join(STORE))?;
    let data = store.load()?;
    drop(store);
    let r = rules();
    let now = synthetic::now();
    let mut q = sample(reps.max(5), || {
        std::hint::black_box(queue(&data, &r.policy, &r.work_week, now));
        Ok(())
    })?;
    let queue10 = ms(quantile(&mut q, 0.5));
    rows.push(Figure::info(
        &format!(
            "queue recompute, 10x history ({} interviews)",
            data.interviews.len()
        ),
        format!("{queue10:.3} ms"),
    ));
    rows.push(Figure::ratio(
        "queue recompute 10x / 1x history",
        queue10,
        queue_ms,
        1.5,
    ));
    Ok(rows)
}
