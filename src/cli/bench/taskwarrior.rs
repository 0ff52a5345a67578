//! The same overdue query in taskwarrior, on 100,000 tasks, timed side by side with
//! `hearback queue` on the synthetic store: a familiar yardstick for "fast enough".
//!
//! Fair on the work and the output: taskwarrior gets exactly as many overdue tasks as
//! `hearback queue` prints items (the rest of its 100,000 tasks pending, due later), and both
//! print a table on stdout. Taskwarrior 2.6 keeps pending tasks in a text file, which is
//! written directly here (one line per task). Both commands run as fresh processes, one after
//! the other in the same run, after a warm-up run each (warm cache), with their output read
//! and discarded, so the figures include process start, loading and printing.

use super::figures::quantile;
use super::table::Figure;
use anyhow::{Context as _, bail};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant as Clock};

/// How many tasks taskwarrior gets.
const TASKS: u64 = 100_000;

/// A stable, well-formed UUID (version 4 layout) for task `n`.
fn uuid(n: u64) -> String {
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        n >> 16,
        n & 0xffff,
        n % 0xfff,
        (n * 7) % 0xfff,
        n * 2_654_435_761 % 0xffff_ffff_ffff
    )
}

/// Writes the taskwarrior data dir and rc file, with `overdue` of the tasks overdue; returns
/// the rc path.
fn prepare(dir: &Path, overdue: u64) -> anyhow::Result<std::path::PathBuf> {
    let data = dir.join("data");
    std::fs::create_dir_all(&data).with_context(|| format!("cannot create {}", data.display()))?;
    // Taskwarrior compares due dates with the real clock, so the tasks are placed around it,
    // whatever `--now` says.
    let now = u64::try_from(crate::runtime::Clock::now(&super::super::SystemClock).timestamp())
        .unwrap_or(0);
    let mut pending = String::with_capacity(TASKS as usize * 160);
    for n in 0..TASKS {
        // The first `overdue` fell due up to ~30 days ago; the rest are due in the next ~30.
        let offset = 3_600 + (n * 7_919) % (30 * 86_400);
        let due = if n < overdue {
            now - offset
        } else {
            now + offset
        };
        let entry = now - 90 * 86_400;
        let _ = writeln!(
            pending,
            "[description:\"bench task {n}\" due:\"{due}\" entry:\"{entry}\" modified:\"{entry}\" status:\"pending\" uuid:\"{}\"]",
            uuid(n)
        );
    }
    std::fs::write(data.join("pending.data"), pending)?;
    std::fs::write(data.join("completed.data"), "")?;
    let rc = dir.join("taskrc");
    std::fs::write(
        &rc,
        format!(
            "data.location={}\nconfirmation=off\nverbose=nothing\ngc=off\nhooks=off\ncolor=off\nrecurrence=off\n",
            data.display()
        ),
    )?;
    Ok(rc)
}

/// Runs a command `n` times with its output discarded; the median wall time.
pub(super) fn time(n: usize, mut make: impl FnMut() -> Command) -> anyhow::Result<Duration> {
    let mut samples = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Clock::now();
        let out = make().output().context("cannot run the command")?;
        let took = t.elapsed();
        if !out.status.success() {
            bail!("command failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        samples.push(took);
    }
    Ok(quantile(&mut samples, 0.5))
}

/// The comparison rows; one explanatory row when taskwarrior is not installed.
pub fn compare(bench: &Path, reps: usize) -> anyhow::Result<Vec<Figure>> {
    if Command::new("task").arg("--version").output().is_err() {
        return Ok(vec![Figure::info(
            "taskwarrior overdue query",
            "not run: install the Debian package taskwarrior".into(),
        )]);
    }
    let exe = std::env::current_exe()?;
    let store = bench.join("store");
    let queue = |format: &str| {
        let mut c = Command::new(&exe);
        c.arg("--data").arg(&store).args([
            "--now",
            "2026-11-23T09:00:00Z",
            "queue",
            "--format",
            format,
        ]);
        c
    };
    // What `hearback queue` prints, counted from the same list as JSON.
    let listed = queue("json")
        .output()
        .context("cannot run hearback queue")?;
    let items: serde_json::Value = serde_json::from_slice(&listed.stdout)
        .context("hearback queue --format json printed no JSON")?;
    let printed = items.as_array().map_or(0, Vec::len) as u64;
    let tw = bench.join("taskwarrior");
    super::clear(bench, "taskwarrior")?;
    let rc = prepare(&tw, printed.min(TASKS))?;
    let task = |args: &[&str]| {
        let mut c = Command::new("task");
        c.env("TASKRC", &rc).args(args);
        c
    };
    let count = task(&["+OVERDUE", "count"]).output()?;
    let overdue = String::from_utf8_lossy(&count.stdout).trim().to_string();
    if overdue != printed.to_string() {
        bail!(
            "taskwarrior counts {overdue:?} overdue tasks, hearback prints {printed} items: not a \
             fair comparison"
        );
    }
    // One run each first, so both read from a warm cache.
    time(1, || queue("table"))?;
    time(1, || task(&["overdue"]))?;
    let hearback = time(reps, || queue("table"))?;
    let taskwarrior = time(reps, || task(&["overdue"]))?;
    super::clear(bench, "taskwarrior")?;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    Ok(vec![
        Figure::info(
            &format!("overdue list: hearback queue ({printed} items printed, a table)"),
            format!("{:.0} ms", ms(hearback)),
        ),
        Figure::info(
            &format!("overdue list: task overdue ({printed} of 100k tasks overdue, a table)"),
            format!("{:.0} ms", ms(taskwarrior)),
        ),
        Figure::info(
            "hearback / taskwarrior time",
            format!(
                "{:.2}x",
                ms(hearback) / ms(taskwarrior).max(f64::MIN_POSITIVE)
            ),
        ),
    ])
}
