//! The dashboard's runtime: the one loop where keys, time and finished background work enter.
//!
//! One crossterm `EventStream` for the whole run, one 1-second `interval` (created once, missed
//! ticks skipped), the draft timer and the channel of finished background jobs are joined in
//! one `tokio::select!`, together with SIGTERM, SIGHUP and SIGINT. Everything becomes a
//! [`Msg`] for [`update`]; the [`Effect`]s it returns run off the input path (see `effects`).
//!
//! The `select!` is `biased`: signals, then a due draft, the tick and finished jobs, and input
//! last, so a burst of typing delays none of the others. Every round gives tokio a turn
//! (`yield_now`) before drawing: input that is always ready would otherwise keep the loop from
//! ever returning to tokio, and no timer would fire and no job would start.
//!
//! The interview form's draft saves are debounced here (see `drafts`): the form hands over a
//! draft on every change; one `Sleep`, created once and re-armed by the first unsaved change,
//! wakes the loop when it is due, and the loop also checks before each frame, writing a draft
//! that would fall due while the frame is drawn before drawing it. Keys that arrive while one
//! is handled are handled before the next frame (see `input`).
//!
//! Frames are drawn only when something changed — never at a frame rate:
//! - after key presses (once per burst), resizes, finished jobs and resume from Ctrl-Z;
//! - on a tick only with the real clock (a fixed `--now` stops the tick altogether) and only
//!   while a countdown is visible, or when the minute shown in the status line changed. So an
//!   idle dashboard at a fixed `--now` draws nothing, and with the real clock at most once a
//!   second;
//! - after a draft save only when what the screen says about it changed (the form became
//!   saved, or a message appeared), not once per save while someone types.

mod clock;
mod drafts;
mod draw_log;
mod effects;
mod hub;
mod input;
mod notify;
mod settle;
mod terminal;

use crate::app::{App, Effect, Msg, Rules, update};
use crate::core::Dataset;
use crate::store::DataStore;
use anyhow::{Context as _, anyhow};
use crossterm::event::EventStream;
use drafts::Drafts;
use draw_log::DrawLog;
use effects::Worker;
use futures_util::StreamExt;
use input::burst;
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use terminal::Tui;

pub use clock::{Clock, FixedClock};
pub use hub::{CommandOutput, Hub, HubClosed, HubInbox, Lease, hub};
use tokio::signal::unix::{SignalKind, signal};
use tokio::time::{MissedTickBehavior, interval_at, sleep_until};

/// The tick: countdowns show minutes, the interview timer seconds.
const TICK: Duration = Duration::from_secs(1);

/// What the dashboard runs on: the store opened and read by the caller (the command line),
/// so a locked or damaged store gives the command line's usual error on a normal screen,
/// before the terminal is touched.
pub struct Start {
    /// The store, opened to write.
    pub store: Arc<dyn DataStore>,
    /// What was read from it.
    pub data: Dataset,
    /// The rules in force.
    pub rules: Rules,
    /// The one clock of the run: the system clock, or a fixed `--now` (time then stands
    /// still: no tick).
    pub clock: Arc<dyn Clock>,
    /// Where the data is, as the status line shows it.
    pub place: String,
    /// Who is acting, for the timeline.
    pub actor: String,
    /// Where commands from outside the loop come in (see `hub`), if anything can send them.
    pub hub: Option<HubInbox>,
    /// Said in the status line at start (e.g. why other terminals cannot reach the dashboard).
    pub notice: Option<String>,
    /// The lines typed at the `:` line in earlier runs, oldest first.
    pub history: Vec<String>,
    /// Runs a line typed at the `:` line; its output comes back through the hub.
    pub commands: Option<Box<dyn Fn(String)>>,
    /// The words Tab completes at the `:` line (the command line's subcommands and options).
    pub vocabulary: crate::app::Vocabulary,
}

/// Runs the dashboard until the user quits or a signal ends it. Exits with 128 + the signal
/// number after SIGTERM, SIGHUP or SIGINT, once the saves in flight are on disk.
pub fn run(start: Start) -> anyhow::Result<ExitCode> {
    let Start {
        store,
        data,
        rules,
        clock,
        place,
        actor,
        hub,
        notice,
        history,
        commands,
        vocabulary,
    } = start;
    let mut app = App::new(data, rules, clock.now(), clock.is_fixed(), place, actor);
    app.color = !no_color();
    if notice.is_some() {
        app.message = notice;
    }
    app.set_command_history(history);
    app.set_vocabulary(vocabulary);
    drafts::resume(&mut app, &*store);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the event loop")?;
    let mut log = DrawLog::from_env();
    let result = runtime.block_on(dashboard(app, store, hub, commands, &*clock, &mut log));
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
    /// How long the last frame took to draw.
    cost: Duration,
}

/// What the screen says about the draft: whether the form is saved, and the message line.
fn draft_shown(app: &App) -> (Option<bool>, Option<String>) {
    (app.form.as_ref().map(|f| f.is_saved()), app.message.clone())
}

fn minute(app: &App) -> i64 {
    app.now.timestamp().div_euclid(60)
}

async fn dashboard(
    mut app: App,
    store: Arc<dyn DataStore>,
    mut inbox: Option<HubInbox>,
    commands: Option<Box<dyn Fn(String)>>,
    clock: &dyn Clock,
    log: &mut DrawLog,
) -> anyhow::Result<ExitCode> {
    // Listen before the terminal changes, so a signal at any moment after is a clean exit.
    let listen = |kind: SignalKind, name: &str| {
        signal(kind).with_context(|| format!("cannot listen for {name}"))
    };
    let mut sigterm = listen(SignalKind::terminate(), "SIGTERM")?;
    let mut sighup = listen(SignalKind::hangup(), "SIGHUP")?;
    let mut sigint = listen(SignalKind::interrupt(), "SIGINT")?;
    // Kept to ask whether a save poisoned the store (see `Msg::DiskFailed`).
    let watched = Arc::clone(&store);
    let (worker, mut finished) = Worker::start(store);
    let mut tui = Tui::enter().context("cannot set up the terminal")?;
    let (notifier, unavailable) = notify::Notifier::new(&app.rules.notifications);
    if let Some(warning) = unavailable {
        app.message = Some(warning);
    }
    // The size matters to what pages by a screenful; a terminal that cannot say keeps 80x24.
    if let Ok((width, height)) = crossterm::terminal::size() {
        update(&mut app, Msg::Resize { width, height });
    }
    let mut events = EventStream::new();
    let mut tick = interval_at(tokio::time::Instant::now() + TICK, TICK);
    tick.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut frame = Frame {
        dirty: true,
        drawn_minute: minute(&app),
        cost: Duration::ZERO,
    };
    // Jobs submitted whose answer has not come back yet.
    let mut pending = 0usize;
    if let Some(read) = app.history_for_resumed_form()
        && worker.submit(read, app.now)
    {
        pending += 1;
    }
    // Drafts not written yet; the timer sleeps until they are due. It is created once and
    // only re-armed, never replaced, so typing does not pile up timers.
    let mut drafts = Drafts::default();
    let draft_timer = sleep_until(tokio::time::Instant::now());
    tokio::pin!(draft_timer);

    let end = loop {
        // Drafts are checked here as well as by the timer: while keys keep coming the loop
        // may not wait on the timer for a while. A draft that would fall due while the next
        // frame is drawn is written first, a little early, rather than a frame late.
        let ahead = if frame.dirty {
            frame.cost
        } else {
            Duration::ZERO
        };
        if drafts.due(tokio::time::Instant::now() + ahead) {
            pending += drafts.take(|e| worker.submit(e, app.now));
        }
        // Give tokio a turn before drawing: the worker starts what was just queued, so the
        // write runs while the frame is drawn, not after. Without it, input that is always
        // ready (typing faster than it is handled) would keep this task from ever returning
        // to tokio, and then no timer would fire and no finished save come back.
        tokio::task::yield_now().await;
        if frame.dirty {
            let started = std::time::Instant::now();
            if let Err(e) = tui.draw(&app) {
                break End::Failed(anyhow!(e).context("cannot draw on the terminal"));
            }
            frame.cost = started.elapsed();
            log.record();
            frame.dirty = false;
            frame.drawn_minute = minute(&app);
        }
        // In this order: a signal, a draft that is due and a finished job before more input,
        // so a burst of typing can delay none of them (tokio would otherwise pick at random
        // among the ready branches, and a due draft could wait several keys).
        let mut failed = None;
        let effects = tokio::select! {
            biased;
            _ = sigterm.recv() => break End::Signal(libc::SIGTERM),
            _ = sighup.recv() => break End::Signal(libc::SIGHUP),
            _ = sigint.recv() => break End::Signal(libc::SIGINT),
            // The drafts are due: write them, off the input path. Nothing to draw.
            () = &mut draft_timer, if drafts.armed() => {
                pending += drafts.take(|e| worker.submit(e, app.now));
                Vec::new()
            }
            // With a fixed `--now` time stands still: no tick, no wake-up, no redraw.
            _ = tick.tick(), if !app.fixed_now => {
                let counting = app.has_countdowns();
                let said = app.message.is_some();
                let effects = update(&mut app, Msg::Tick(clock.now()));
                let expired = said && app.message.is_none();
                if counting || expired || app.has_countdowns() || minute(&app) != frame.drawn_minute {
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
                let before = draft_shown(&app);
                match &done.msg {
                    Msg::DraftSaved { result, .. } => {
                        drafts.answered(result.is_ok());
                    }
                    Msg::Saved { changes, result, .. } => {
                        let now = tokio::time::Instant::now();
                        if let Some(at) = drafts.settled(changes, result.is_ok(), now) {
                            draft_timer.as_mut().reset(at);
                        }
                    }
                    _ => {}
                }
                let quiet = matches!(done.msg, Msg::DraftSaved { .. }) && !done.crashed;
                let mut effects = update(&mut app, done.msg);
                if !app.disk_failed && watched.is_poisoned() {
                    effects.extend(update(&mut app, Msg::DiskFailed));
                    frame.dirty = true;
                }
                if !quiet || draft_shown(&app) != before {
                    frame.dirty = true;
                }
                effects
            }
            Some(visit) = hub::next(&mut inbox) => {
                let (effects, queued) = hub::take(&mut app, &worker, visit);
                pending += usize::from(queued);
                frame.dirty |= !effects.is_empty() || !queued;
                effects
            }
            event = events.next() => match event {
                Some(Ok(event)) => {
                    let (effects, error) = burst(&mut app, event, &mut frame.dirty);
                    // What the keys before the error asked for is still carried out.
                    failed = error.map(|e| anyhow!(e).context("cannot read the terminal"));
                    effects
                }
                Some(Err(e)) => {
                    break End::Failed(anyhow!(e).context("cannot read the terminal"));
                }
                None => break End::InputClosed,
            },
        };
        let mut quit = app.quit;
        for effect in effects {
            match effect {
                Effect::Quit => quit = true,
                Effect::Copy(text) => {
                    if let Err(e) = terminal::copy_to_clipboard(&text) {
                        app.message = Some(format!("cannot copy to the clipboard: {e}"));
                        frame.dirty = true;
                    }
                }
                Effect::Notify(notice) => {
                    if let Err(e) = notifier.raise(&notice) {
                        app.message = Some(format!("cannot raise a notification: {e}"));
                    }
                    // The count in the status line moved with it.
                    frame.dirty = true;
                }
                Effect::Suspend => match tui.suspend() {
                    Ok(()) => frame.dirty = true,
                    Err(e) => failed = Some(anyhow!(e).context("cannot suspend and resume")),
                },
                Effect::RunCommand { line } => match &commands {
                    Some(run) => run(line),
                    None => {
                        app.message = Some("commands cannot run in this dashboard".into());
                        frame.dirty = true;
                    }
                },
                // Typing only hands the draft over; the timer writes it.
                Effect::SaveDraft { draft, version } => {
                    let now = tokio::time::Instant::now();
                    if let Some(at) = drafts.offer(draft, version, now) {
                        draft_timer.as_mut().reset(at);
                    }
                }
                other => {
                    if let Effect::Commit { changes, .. } = &other {
                        drafts.completing(changes);
                    }
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

    // No more commands from outside: a caller now hears the dashboard is closing (and runs
    // its command itself once it is gone) instead of waiting for a loop that has ended.
    drop(inbox);
    let lost = settle::settle(&mut drafts, &worker, &mut finished, pending, app.now).await;
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
