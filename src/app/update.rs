//! Key handling and messages: state + msg -> state + effects. Overlays take keys first, then
//! the filter, then the focused pane's keys from the keymap table.

use super::panes::Pane;
use super::{App, Effect, Msg, Overlay, SaveState};
use crate::keymap::{Action, KeyContext, lookup};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// How many ticks (seconds of the live clock) a status message stays once nothing changes it.
/// Every key clears it too; a fixed `--now` has no ticks, so its messages stay until a key.
pub const MESSAGE_TICKS: u8 = 10;

/// Applies one message to the state and returns the work for the runtime.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let shown = app.message.clone();
    let watch = super::alerts::Watch::of(&msg, app);
    let mut effects = handle(app, msg);
    effects.extend(app.after_for_alerts(watch));
    // A command's output kept while the user was busy opens once they are back.
    super::command_line::deliver(app);
    if app.message != shown {
        app.message_ticks = MESSAGE_TICKS;
    }
    effects
}

fn handle(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(app, key),
        Msg::Tick(now) => {
            app.advance(now);
            // A message set outside `update` (at start, on resume) starts its time now.
            if app.message.is_some() && app.message_ticks == 0 {
                app.message_ticks = MESSAGE_TICKS;
            }
            // The message has been read or is stale: it goes.
            app.message_ticks = app.message_ticks.saturating_sub(1);
            if app.message_ticks == 0 {
                app.message = None;
            }
            Vec::new()
        }
        Msg::Resize { width, height } => {
            app.screen = (width, height);
            Vec::new()
        }
        Msg::Saved {
            changes,
            label,
            result,
        } => super::saved::saved(app, changes, label, result),
        Msg::DiskFailed => {
            app.disk_failed = true;
            Vec::new()
        }
        Msg::DraftSaved { version, result } => {
            if let Some(form) = &mut app.form {
                match result {
                    Ok(()) => form.saved_version = form.saved_version.max(version),
                    Err(e) => app.message = Some(format!("draft NOT saved: {e}")),
                }
            }
            Vec::new()
        }
        Msg::Timeline(id, result) => {
            match result {
                Ok(events) => app.timeline = Some((id, events)),
                Err(e) => app.message = Some(format!("cannot read the timeline: {e}")),
            }
            Vec::new()
        }
        Msg::CommandDone {
            line,
            stdout,
            stderr,
            code,
        } => super::command_line::done(app, &line, &stdout, &stderr, code),
        Msg::InboxRan {
            stdout,
            stderr,
            code,
        } => super::command_line::inbox_ran(app, &stdout, &stderr, code),
        Msg::History(result) => super::history::arrived(app, result),
        Msg::Remote { said, data } => {
            let mut effects = Vec::new();
            match data {
                None => {}
                Some(Ok(data)) => {
                    effects = super::history::replaced(app, data);
                    app.recompute();
                    super::saved::refresh_views(app);
                    if app.overlay == Some(Overlay::Welcome) && !app.data.is_empty() {
                        app.overlay = None;
                    }
                    // Empty: the command says its own outcome (the inbox watcher's run).
                    if !said.is_empty() {
                        app.message = Some(said);
                    }
                }
                Some(Err(e)) => app.message = Some(format!("cannot read the store back: {e}")),
            }
            effects
        }
        Msg::Reloaded(result) => {
            match result {
                Ok(data) => {
                    app.data = data;
                    app.recompute();
                    super::saved::refresh_views(app);
                    if app.overlay == Some(Overlay::Welcome) {
                        app.overlay = None;
                    }
                    app.message = Some("data loaded".into());
                }
                Err(e) => app.message = Some(format!("cannot load: {e}")),
            }
            Vec::new()
        }
    }
}

impl App {
    /// Where keys go now: the overlay's context, else the focused pane's. While help is up,
    /// the context of what it was opened over (help lists that context's keys).
    pub fn key_context(&self) -> KeyContext {
        if let Some(mode) = self.mode_context() {
            return mode;
        }
        let overlay = match &self.overlay {
            Some(Overlay::Help) => self.under_help.as_ref(),
            other => other.as_ref(),
        };
        match (overlay, self.focus) {
            (Some(Overlay::Welcome), _) => KeyContext::Welcome,
            (Some(Overlay::Customer { .. }), _) => KeyContext::Detail,
            (Some(Overlay::Insight(_)), _) => KeyContext::Insight,
            (Some(Overlay::Calendar(_)), _) => KeyContext::Calendar,
            (Some(Overlay::Document(view)), _) if view.letter.is_some() => KeyContext::Letter,
            (Some(Overlay::Document(_)), _) => KeyContext::Document,
            (Some(Overlay::Confirm(_)), _) => KeyContext::Confirm,
            (Some(Overlay::Staff(_)), _) => KeyContext::Staff,
            (Some(Overlay::Review(_)), _) => KeyContext::Review,
            (_, pane) => pane.context(),
        }
    }
}

impl App {
    /// The mode of the interview form and the questions over the panes, if one is up (help
    /// shows the keys of the mode it was opened over).
    fn mode_context(&self) -> Option<KeyContext> {
        // Every key goes to the command line while it is open (help opened from it included).
        if self.command.is_some() {
            return Some(KeyContext::Command);
        }
        match &self.overlay {
            Some(Overlay::Prompt(_)) => return Some(KeyContext::Prompt),
            Some(Overlay::ConfirmQuit) => return Some(KeyContext::Quit),
            _ => {}
        }
        let form = self.form.as_ref()?;
        Some(if form.confirming {
            KeyContext::Summary
        } else if form.discarding {
            KeyContext::Discard
        } else if form.editor.is_some() {
            KeyContext::Editor
        } else {
            KeyContext::Form
        })
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    match app.overlay {
        // Help first: it can be open over the interview form too.
        Some(Overlay::Help) => return help_key(app, &key),
        // A form's small prompts (e.g. the pre-brief) sit on top of the interview form.
        Some(Overlay::Prompt(_)) => return super::forms::prompt_key(app, key),
        Some(Overlay::ConfirmQuit) => return quit_key(app, &key),
        _ => {}
    }
    if app.command.is_some() {
        return super::command_line::key(app, key);
    }
    if app.form.is_some() {
        return super::form_keys::key(app, key);
    }
    if app.focus == Pane::Customers
        && app.customers.filtering
        && app.overlay.is_none()
        && filter_key(app, &key)
    {
        return Vec::new();
    }
    match lookup(&app.rules.keys, app.key_context(), &key) {
        Some(action) => perform(app, action),
        None => Vec::new(),
    }
}

/// Any key closes help, back to what it was opened over; the suspend key still suspends.
fn help_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    app.overlay = app.under_help.take();
    if lookup(&app.rules.keys, KeyContext::Help, key) == Some(Action::Suspend) {
        vec![Effect::Suspend]
    } else {
        Vec::new()
    }
}

/// Quit asked with a save in flight: the quit key again quits; any other key stays.
fn quit_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    app.overlay = None;
    if lookup(&app.rules.keys, KeyContext::Quit, key) == Some(Action::Quit) {
        app.quit = true;
        return vec![Effect::Quit];
    }
    Vec::new()
}

/// Keys typed into the customer filter: its command keys from the table, then text; returns
/// false for keys the filter does not take (they go to the pane).
fn filter_key(app: &mut App, key: &KeyEvent) -> bool {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match (lookup(&app.rules.keys, KeyContext::Filter, key), key.code) {
        (Some(Action::Submit), _) => app.customers.filtering = false,
        (Some(Action::Back), _) => {
            app.customers.filtering = false;
            app.customers.filter.clear();
        }
        (Some(_), _) => return false,
        (None, KeyCode::Char(c)) if plain => app.customers.filter.push(c),
        (None, KeyCode::Backspace) => {
            app.customers.filter.pop();
        }
        (None, _) => return false,
    }
    app.customers.selected = 0;
    app.clamp_selections();
    true
}

pub(super) fn perform(app: &mut App, action: Action) -> Vec<Effect> {
    app.message = None;
    match action {
        Action::Help => {
            app.under_help = app.overlay.take();
            app.overlay = Some(Overlay::Help);
            return Vec::new();
        }
        Action::Suspend => return vec![Effect::Suspend],
        Action::Quit => return quit(app),
        Action::CommandLine => return super::command_line::open(app),
        _ => {}
    }
    if let Some(effects) = super::history::wait_for(app, action) {
        return effects;
    }
    match &mut app.overlay {
        Some(Overlay::Customer { scroll, id }) => {
            let id = *id;
            match action {
                Action::NewAction | Action::RecordDeliverable | Action::LogRequest => {
                    return super::asks_tasks::for_customer(app, id, action, true);
                }
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::Back => app.overlay = None,
                _ => {}
            }
            return Vec::new();
        }
        Some(Overlay::Insight(_)) => return super::insight::perform(app, action),
        Some(Overlay::Calendar(_)) => return super::calendar::perform(app, action),
        Some(Overlay::Document(_)) => return super::document::perform(app, action),
        Some(Overlay::Confirm(_)) => return super::steps::confirm(app, action),
        Some(Overlay::Staff(_)) => return super::staff::perform(app, action),
        Some(Overlay::Review(_)) => return super::review::perform(app, action),
        _ => {}
    }
    match action {
        Action::Quit | Action::Suspend | Action::Help | Action::CommandLine => {}
        Action::FocusNext => app.focus = app.focus.cycle(true),
        Action::FocusPrev => app.focus = app.focus.cycle(false),
        Action::Focus(n) => app.focus = Pane::ALL.get(n).copied().unwrap_or(app.focus),
        Action::Up => app.move_selection(|s, _| s.saturating_sub(1)),
        Action::Down => app.move_selection(|s, _| s.saturating_add(1)),
        Action::First => app.move_selection(|_, _| 0),
        Action::Last => app.move_selection(|_, len| len.saturating_sub(1)),
        Action::Back => {
            // Esc backs out of one thing at a time: an overlay, the pane's own (the customer
            // filter), the zoom.
            let pane = app.focus.kind();
            if app.overlay.take().is_none() && !pane.back(app) {
                app.zoomed = false;
            }
        }
        // The pane keys keep the zoom: the newly focused pane is shown zoomed.
        Action::Zoom => app.zoomed = !app.zoomed,
        Action::OpenInsight => return super::insight::open(app),
        Action::OpenCalendar => return super::calendar::open(app),
        Action::OpenStaff => return super::staff::open(app),
        Action::OpenReview => return super::review::open(app),
        // Keys of the full-screen views; they do nothing over the panes.
        Action::CycleGroup
        | Action::PeriodPrev
        | Action::PeriodNext
        | Action::Today
        | Action::PresidentReport
        | Action::Digest
        | Action::CopyDocument
        | Action::WriteEmail
        | Action::MarkSent
        | Action::ToggleSenior
        | Action::ToggleActive
        | Action::AddStaff
        | Action::PageUp
        | Action::PageDown
        | Action::Confirm => {}
        // Keys of the interview form and the small forms, handled where they are open.
        Action::Score(_)
        | Action::NotAsked
        | Action::Comment
        | Action::Individual
        | Action::SignificantIssue
        | Action::StartTimer
        | Action::EditPreBrief
        | Action::Complete
        | Action::DiscardDraft
        | Action::Leave
        | Action::Submit
        | Action::ClearField
        | Action::CompleteWord
        | Action::CompleteBack
        | Action::DeleteWord => {}
        Action::Undo => return super::steps::undo(app),
        Action::LoadDemo => {
            app.message = Some("writing demo data…".into());
            return vec![Effect::LoadDemo];
        }
        // Every other key is the focused pane's own.
        action => {
            let pane = app.focus.kind();
            return pane.perform(app, action);
        }
    }
    Vec::new()
}

fn quit(app: &mut App) -> Vec<Effect> {
    if matches!(app.save, SaveState::Saving(n) if n > 0) {
        app.overlay = Some(Overlay::ConfirmQuit);
        return Vec::new();
    }
    app.quit = true;
    vec![Effect::Quit]
}
