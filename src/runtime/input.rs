//! Input as it arrives: key presses and resizes become messages for the app. When typing
//! outpaces drawing (a busy machine, a debug build), the keys that came while one was handled
//! are handled before the next frame, so one frame is drawn per burst and the screen, and the
//! drafts, keep up with the typing.

use crate::app::{App, Effect, Msg, update};
use crossterm::event::{Event, KeyEventKind};
use std::time::Duration;

/// At most this many input events are handled between two draws, so a paste of a long text
/// cannot hold off the timers and signals.
const BURST: usize = 64;

/// Handles `first` and the events that are already waiting after it, up to [`BURST`]; sets
/// `dirty` when the screen must be drawn. A read error ends the burst and is returned with
/// the effects of the events before it.
pub fn burst(
    app: &mut App,
    first: Event,
    dirty: &mut bool,
) -> (Vec<Effect>, Option<std::io::Error>) {
    let mut effects = on_event(app, first, dirty);
    for _ in 1..BURST {
        if app.quit || effects.iter().any(ends_burst) {
            break;
        }
        match ready_event() {
            Ok(Some(event)) => effects.extend(on_event(app, event, dirty)),
            Ok(None) => break,
            Err(e) => return (effects, Some(e)),
        }
    }
    (effects, None)
}

/// One input event: key presses (not releases or repeats) and resizes go to the app.
fn on_event(app: &mut App, event: Event, dirty: &mut bool) -> Vec<Effect> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            *dirty = true;
            update(app, Msg::Key(key))
        }
        Event::Resize(width, height) => {
            *dirty = true;
            update(app, Msg::Resize { width, height })
        }
        _ => Vec::new(),
    }
}

/// An input event that is already waiting, without waiting for one. This reads crossterm's
/// shared reader directly instead of polling the `EventStream` with a dummy waker, which
/// would leave the stream's wake-up thread holding that dummy and the loop never woken again.
/// With a zero timeout it cannot block: if the stream's thread holds the reader, it says none.
fn ready_event() -> std::io::Result<Option<Event>> {
    if crossterm::event::poll(Duration::ZERO)? {
        crossterm::event::read().map(Some)
    } else {
        Ok(None)
    }
}

/// Keys after these belong to what comes next (the shell after Ctrl-Z), not to this burst.
fn ends_burst(effect: &Effect) -> bool {
    matches!(effect, Effect::Suspend | Effect::Quit)
}
