//! The measurements of `hearback bench run`. Each is timed here, around the real code paths
//! (store open and load, queue, drawing into ratatui's TestBackend, the form's key handling,
//! durable commits), repeated, and summarised by its median (and p99 where the tail matters).

use super::table::{Figure, Figures};
use super::{Context, clear, generate, saves, taskwarrior};
use crate::app::{App, Form, Msg, Rules, update};
use crate::core::business_time::WorkWeek;
use crate::core::policy::Policy;
use crate::core::queue::queue;
use crate::core::{InterviewStatus, QuestionSet};
use crate::demo::synthetic;
use crate::store::Store;
use anyhow::{Context as _, anyhow};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::time::{Duration, Instant as Clock};

/// The rules every figure uses: the shipped defaults, days counted in UTC.
pub(super) fn rules() -> Rules {
    Rules {
        policy: Policy::default(),
        work_week: WorkWeek::default(),
        questions: QuestionSet::defaults(),
        keys: Default::default(),
        notifications: Default::default(),
    }
}

/// The dashboard over `data` at the synthetic programme's fixed time.
fn dashboard(data: crate::core::Dataset) -> App {
    App::new(
        data,
        rules(),
        synthetic::now(),
        true,
        "bench".into(),
        "bench".into(),
    )
}

fn terminal(width: u16, height: u16) -> anyhow::Result<Terminal<TestBackend>> {
    Terminal::new(TestBackend::new(width, height)).map_err(|e| anyhow!("test terminal: {e}"))
}

fn draw(term: &mut Terminal<TestBackend>, app: &App) -> anyhow::Result<()> {
    term.draw(|frame| crate::ui::render(app, frame))
        .map_err(|e| anyhow!("drawing: {e}"))?;
    Ok(())
}

/// The value at quantile `q` (0..=1) of `samples` (sorted here).
pub fn quantile(samples: &mut [Duration], q: f64) -> Duration {
    samples.sort_unstable();
    let last = samples.len().saturating_sub(1);
    let at = ((last as f64) * q).round() as usize;
    samples.get(at.min(last)).copied().unwrap_or_default()
}

pub(super) fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Times `f` `n` times; the samples.
pub(super) fn sample(
    n: usize,
    mut f: impl FnMut() -> anyhow::Result<()>,
) -> anyhow::Result<Vec<Duration>> {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Clock::now();
        f()?;
        out.push(t.elapsed());
    }
    Ok(out)
}

/// The resident memory of this process, in KiB, from /proc (None elsewhere).
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// `bench open`: open the store, load its open work (as the dashboard starts), build the
/// dashboard and draw the first frame at 200x60; print the time and the memory used then, as
/// JSON.
pub fn open_once(_ctx: &Context, store_dir: &Path, saves: usize) -> anyhow::Result<String> {
    let t = Clock::now();
    let store = Store::open(store_dir)?;
    let opened = t.elapsed();
    let rss_opened = rss_kib();
    let data = store.load_open()?;
    let loaded = t.elapsed();
    let rss_loaded = rss_kib();
    let app = dashboard(data);
    let built = t.elapsed();
    let mut term = terminal(200, 60)?;
    draw(&mut term, &app)?;
    let took = t.elapsed();
    let rss = rss_kib();
    let after_save = if saves == 0 {
        None
    } else {
        let mut app = app.clone();
        let mut times = saves::after_save(&mut app, saves)?;
        Some(ms(quantile(&mut times, 0.5)))
    };
    Ok(serde_json::json!({
        "open_ms": ms(took),
        "phases_ms": {
            "sled_open": ms(opened),
            "load_open_work": ms(loaded - opened),
            "queue_risk_lists": ms(built - loaded),
            "first_draw": ms(took - built),
        },
        "rss_kib": rss,
        "rss_phases_kib": { "sled_open": rss_opened, "load_open_work": rss_loaded },
        "after_save_ms": after_save,
        "customers": app.data.customers.len(),
        "interviews": app.data.interviews.len(),
        "actions": app.data.actions.len(),
    })
    .to_string())
}

/// Runs `hearback bench open` on `store` in a fresh process `n` times: (median ms, median RSS
/// KiB).
pub(super) fn open_in_child(
    dir: &Path,
    store: &str,
    n: usize,
) -> anyhow::Result<(f64, Option<u64>)> {
    let exe = std::env::current_exe().context("cannot find the hearback binary")?;
    let mut times = Vec::new();
    let mut rss = Vec::new();
    for _ in 0..n {
        let out = std::process::Command::new(&exe)
            .args(["bench", "open", "--dir"])
            .arg(dir)
            .args(["--store", store])
            .output()
            .context("cannot run `hearback bench open`")?;
        if !out.status.success() {
            anyhow::bail!(
                "`hearback bench open` failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let v: serde_json::Value =
            serde_json::from_slice(&out.stdout).context("`hearback bench open` printed no JSON")?;
        times.push(Duration::from_secs_f64(
            v["open_ms"].as_f64().unwrap_or_default() / 1000.0,
        ));
        if let Some(r) = v["rss_kib"].as_u64() {
            rss.push(r);
        }
    }
    rss.sort_unstable();
    Ok((
        ms(quantile(&mut times, 0.5)),
        rss.get(rss.len() / 2).copied(),
    ))
}

/// Every figure of the table.
pub fn measure(ctx: &Context, dir: &Path, quick: bool) -> anyhow::Result<Figures> {
    let reps = |full: usize, short: usize| if quick { short } else { full };
    let mut rows = Vec::new();
    crate::cli::say_err!(
        "bench: generating (or reusing) the synthetic store in {}",
        dir.display()
    );
    let written = generate(&dir.join("store"), 1)?;
    rows.push(Figure::info(
        "write the synthetic store",
        match written {
            Some(took) => format!("{:.2} s", took.as_secs_f64()),
            None => format!(
                "not timed: reused from an earlier run (remove {} to time it)",
                dir.join("store").display()
            ),
        },
    ));

    crate::cli::say_err!("bench: open to first frame, in a fresh process");
    let (open_ms, rss) = open_in_child(dir, "store", reps(7, 3))?;
    rows.push(Figure::target(
        "open store to first frame (200x60)",
        open_ms,
        "ms",
        100.0,
    ));
    if let Some(kib) = rss {
        rows.push(Figure::target(
            "RSS after opening",
            kib as f64 / 1024.0,
            "MiB",
            64.0,
        ));
    }

    let store = Store::open(&dir.join("store"))?;
    let data = store.load()?;
    drop(store);
    let counts = format!(
        "{} customers, {} interviews, {} follow-ups, {} action items",
        data.customers.len(),
        data.interviews.len(),
        data.followups.len(),
        data.actions.len()
    );

    crate::cli::say_err!("bench: queue recompute");
    let r = rules();
    let now = synthetic::now();
    let mut q = sample(reps(50, 10), || {
        std::hint::black_box(queue(&data, &r.policy, &r.work_week, now));
        Ok(())
    })?;
    let queue_ms = ms(quantile(&mut q, 0.5));
    rows.push(Figure::info(
        "queue recompute, whole history",
        format!("{queue_ms:.3} ms"),
    ));
    let open = super::history::open_work(&dir.join("store"), reps(20, 5))?;
    rows.extend(open.rows(""));
    drop(data);

    // From here on, the dashboard as it starts: open work and the digests.
    let mut app = dashboard(Store::open(&dir.join("store"))?.load_open()?);
    crate::cli::say_err!("bench: the dashboard after a save");
    let mut after = saves::after_save(&mut app, reps(50, 10))?;
    rows.push(Figure::target(
        "queue after a save (the dashboard: queue, risk, lists)",
        ms(quantile(&mut after, 0.5)),
        "ms",
        5.0,
    ));

    crate::cli::say_err!("bench: full draw");
    for (w, h, target) in [(200u16, 60u16, Some(1.0)), (80, 24, None)] {
        let mut term = terminal(w, h)?;
        let mut d = sample(reps(300, 30), || draw(&mut term, &app))?;
        let name = if w == 200 {
            "full draw 200x60 (TestBackend)"
        } else {
            "full draw 80x24 (TestBackend)"
        };
        let median = ms(quantile(&mut d, 0.5));
        rows.push(match target {
            Some(t) => Figure::target(name, median, "ms", t),
            None => Figure::info(name, format!("{median:.3} ms")),
        });
    }

    crate::cli::say_err!("bench: keystroke to frame in the interview form");
    let booked = app
        .data
        .interviews
        .iter()
        .find(|i| i.status == InterviewStatus::Scheduled)
        .cloned()
        .context("the synthetic store has no booked interview")?;
    let mut form = Form::open(booked);
    form.start(app.now);
    form.open_editor();
    app.form = Some(form);
    let mut term = terminal(200, 60)?;
    let mut keys = sample(reps(2000, 200), || {
        // The effects (the debounced draft save) go to the runtime: the flush is excluded.
        let key = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE);
        std::hint::black_box(update(&mut app, Msg::Key(key)));
        draw(&mut term, &app)
    })?;
    let p99 = ms(quantile(&mut keys, 0.99));
    rows.push(Figure::target(
        "keystroke to frame, interview form (p50)",
        ms(quantile(&mut keys, 0.5)),
        "ms",
        2.0,
    ));
    rows.push(Figure::info(
        "keystroke to frame, interview form (p99)",
        format!("{p99:.3} ms"),
    ));

    crate::cli::say_err!("bench: durable saves next to plain fdatasync");
    clear(dir, "saves")?;
    std::fs::create_dir_all(dir.join("saves"))?;
    let (mut store_l, mut plain_l) = saves::latencies(&dir.join("saves"), reps(500, 60), ctx.now)?;
    clear(dir, "saves")?;
    let (s50, s99) = (
        ms(quantile(&mut store_l, 0.5)),
        ms(quantile(&mut store_l, 0.99)),
    );
    let (f50, f99) = (
        ms(quantile(&mut plain_l, 0.5)),
        ms(quantile(&mut plain_l, 0.99)),
    );
    rows.push(Figure::info(
        "durable save p50 / p99",
        format!("{s50:.2} / {s99:.2} ms"),
    ));
    rows.push(Figure::info(
        "plain write+fdatasync p50 / p99",
        format!("{f50:.2} / {f99:.2} ms"),
    ));
    rows.push(Figure::ratio("save / fdatasync ratio (p50)", s50, f50, 2.0));
    rows.push(Figure::ratio("save / fdatasync ratio (p99)", s99, f99, 2.0));

    crate::cli::say_err!("bench: the same programme with 10x the history");
    rows.extend(super::history::second_point(
        dir,
        reps(3, 1),
        open_ms,
        &open,
    )?);

    crate::cli::say_err!("bench: overdue query next to taskwarrior");
    rows.extend(taskwarrior::compare(dir, reps(5, 2))?);

    Ok(Figures {
        machine: super::table::machine(dir),
        data: counts,
        rows,
    })
}
