//! The dashboard's runtime: the one loop where keys, time and finished background work enter.
//!
//! One crossterm `EventStream` for the whole run, one 1-second `interval` (created once, missed
//! ticks skipped) and the channel of finished background jobs are joined in one
//! `tokio::select!`, together with SIGTERM, SIGHUP and SIGINT. Everything becomes a
//! [`Msg`] for [`update`]; the [`Effect`]s it returns run off the input path (see `effects`).
//!
//! Frames are drawn only when something changed — never at a frame rate:
//! - after every key press, resize, finished job and resume from Ctrl-Z;
//! - on a tick only with the real clock (a fixed `--now` stops the tick altogether) and only
//!   while a countdown is visible, or when the minute shown in the status line changed. So an
//!   idle dashboard at a fixed `--now` draws nothing, and with the real clock at most once a
//!   second.

mod draw_log;
mod effects;
mod terminal;

use crate::app::{App, Effect, Msg, Rules, update};
use crate::cli::Context;
use crate::store::Store;
use anyhow::{Context as _, anyhow};
use crossterm::event::{Event, EventStream, KeyEventKind};
use draw_log::DrawLog;
use effects::{Done, Worker};
use futures_util::StreamExt;
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use terminal::Tui;
use tokio::signal::unix::{SignalKind, signal};
use tokio::time::{MissedTickBehavior, interval_at};

/// The tick: countdowns show minutes, the interview timer seconds.
const TICK: Duration = Duration::from_secs(1);

/// Opens the dashboard on the store of `ctx` and runs it until the user quits or a signal ends
/// it. `fixed_now` says `--now` replaced the clock: time then stands still.
///
/// The store is opened and read before the terminal is touched, so a locked or damaged store
/// gives the command line's usual error on a normal screen. Exits with 128 + the signal number
/// after SIGTERM, SIGHUP or SIGINT, once the saves in flight are on disk.
pub fn run(ctx: &Context, fixed_now: bool) -> anyhow::Result<ExitCode> {
    let store = ctx.open_store()?;
    let data = store.load()?;
    let rules = ctx.rules()?;
    let rules = Rules {
        policy: rules.policy,
        calendar: rules.calendar,
        questions: rules.questions,
    };
    let mut app = App::new(
        data,
        rules,
        ctx.now,
        fixed_now,
        ctx.data_dir.display().to_string(),
        ctx.actor.clone(),
    );
    app.color = !no_color();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the event loop")?;
    let mut log = DrawLog::from_env();
    let result = runtime.block_on(dashboard(app, Arc::new(store), &mut log));
    if let Err(e) = log.write() {
        say(&format!("cannot write ${}: {e}", draw_log::ENV));
    }
    result
}

/// `NO_COLOR` set and not empty (https://no-color.org).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// A line on stderr that never panics: after SIGHUP there may be no terminal to write to.
fn say(text: &str) {
    let _ = writeln!(std::io::stderr(), "hearback: {text}");
}

/// Why the loop ended.
enum End {
    /// The user quit.
    Quit,
    /// SIGTERM, SIGHUP or SIGINT.
    Signal(i32),
    /// The terminal's input ended.
    InputClosed,
    /// The terminal could not be read or written.
    Failed(anyhow::Error),
}

/// The loop's own state besides the app.
struct Frame {
    /// Something changed since the last draw.
    dirty: bool,
    /// The minute of `app.now` at the last draw (the status line shows the clock).
    drawn_minute: i64,
}

fn minute(app: &App) -> i64 {
    app.now.timestamp().div_euclid(60)
}

async fn dashboard(mut app: App, store: Arc<Store>, log: &mut DrawLog) -> anyhow::Result<ExitCode> {
    // Listen before the terminal changes, so a signal at any moment after is a clean exit.
    let listen = |kind: SignalKind, name: &str| {
        signal(kind).with_context(|| format!("cannot listen for {name}"))
    };
    let mut sigterm = listen(SignalKind::terminate(), "SIGTERM")?;
    let mut sighup = listen(SignalKind::hangup(), "SIGHUP")?;
    let mut sigint = listen(SignalKind::interrupt(), "SIGINT")?;
    let (worker, mut finished) = Worker::start(store);
    let mut tui = Tui::enter().context("cannot set up the terminal")?;
    let mut events = EventStream::new();
    let mut tick = interval_at(tokio::time::Instant::now() + TICK, TICK);
    tick.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut frame = Frame {
        dirty: true,
        drawn_minute: minute(&app),
    };
    // Jobs submitted whose answer has not come back yet.
    let mut pending = 0usize;

    let end = loop {
        if frame.dirty {
            if let Err(e) = tui.draw(&app) {
                break End::Failed(anyhow!(e).context("cannot draw on the terminal"));
            }
            log.record();
            frame.dirty = false;
            frame.drawn_minute = minute(&app);
        }
        let effects = tokio::select! {
            event = events.next() => match event {
                Some(Ok(Event::Key(key))) if key.kind == KeyEventKind::Press => {
                    frame.dirty = true;
                    update(&mut app, Msg::Key(key))
                }
                Some(Ok(Event::Resize(..))) => {
                    frame.dirty = true;
                    update(&mut app, Msg::Resize)
                }
                Some(Ok(_)) => Vec::new(),
                Some(Err(e)) => {
                    break End::Failed(anyhow!(e).context("cannot read the terminal"));
                }
                None => break End::InputClosed,
            },
            // With a fixed `--now` time stands still: no tick, no wake-up, no redraw.
            _ = tick.tick(), if !app.fixed_now => {
                let counting = app.has_countdowns();
                let effects = update(&mut app, Msg::Tick(chrono::Utc::now()));
                if counting || app.has_countdowns() || minute(&app) != frame.drawn_minute {
                    frame.dirty = true;
                }
                effects
            }
            Some(done) = finished.recv() => {
                pending = pending.saturating_sub(1);
                if done.crashed
                    && let Err(e) = tui.clear()
                {
                    break End::Failed(anyhow!(e).context("cannot draw on the terminal"));
                }
                frame.dirty = true;
                update(&mut app, done.msg)
            }
            _ = sigterm.recv() => break End::Signal(libc::SIGTERM),
            _ = sighup.recv() => break End::Signal(libc::SIGHUP),
            _ = sigint.recv() => break End::Signal(libc::SIGINT),
        };
        let mut quit = app.quit;
        let mut failed = None;
        for effect in effects {
            match effect {
                Effect::Quit => quit = true,
                Effect::Suspend => match tui.suspend() {
                    Ok(()) => frame.dirty = true,
                    Err(e) => failed = Some(anyhow!(e).context("cannot suspend and resume")),
                },
                other => {
                    if worker.submit(other, app.now) {
                        pending += 1;
                    }
                }
            }
        }
        if let Some(e) = failed {
            break End::Failed(e);
        }
        if quit {
            break End::Quit;
        }
    };

    // Saves are durable once acknowledged; wait for the ones in flight before leaving, and say
    // (after the terminal is back) if any of them failed, since the screen can no longer.
    let mut lost = Vec::new();
    while pending > 0 {
        let Some(Done { msg, .. }) = finished.recv().await else {
            break;
        };
        pending -= 1;
        match msg {
            Msg::Saved {
                label,
                result: Err(e),
                ..
            } => lost.push(format!("not saved: {label}: {e}")),
            Msg::Reloaded(Err(e)) => lost.push(format!("demo data not written: {e}")),
            _ => {}
        }
    }
    drop(worker);
    drop(tui);
    for line in &lost {
        say(line);
    }
    match end {
        End::Failed(e) => Err(e),
        _ if !lost.is_empty() => Ok(ExitCode::FAILURE),
        End::Signal(n) => Ok(ExitCode::from(u8::try_from(128 + n).unwrap_or(1))),
        End::Quit | End::InputClosed => Ok(ExitCode::SUCCESS),
    }
}
