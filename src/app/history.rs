//! The history on demand. The dashboard starts from open work and the customers' digests
//! ([`crate::core::open_work`]): the queue, the customer rows, risk, the booked interviews and
//! the open cards need nothing else, so the first frame costs what the open work costs, not
//! what years of history cost. The views that show history (a customer's detail, the
//! interview form's pre-brief, documents, insight, the calendar, the weekly review, the board's "Followed up"
//! column) ask for the whole history the first time one is opened: the key that opened it is
//! kept, the history is read off the input path, and the key is carried out once it is here.
//! From then on the data is the whole history, kept up to date save by save as before.

use super::panes::Pane;
use super::{App, Effect};
use crate::core::Dataset;
use crate::keymap::Action;

/// The board column that lists followed-up cards (they are history).
pub const FOLLOWED_UP: usize = 3;

impl App {
    /// Whether the data holds the whole history (else open work and digests only).
    pub fn has_history(&self) -> bool {
        self.data.digests.is_none()
    }

    /// Whether the whole history is on its way.
    pub fn reading_history(&self) -> bool {
        self.history_asked
    }

    /// At start: a draft resumed into the form shows its pre-brief, which is history, so the
    /// history is asked for at once.
    pub fn history_for_resumed_form(&mut self) -> Option<Effect> {
        if self.form.is_none() || self.has_history() || self.history_asked {
            return None;
        }
        self.history_asked = true;
        Some(Effect::LoadHistory)
    }
}

/// Whether `action`, over the panes as they stand, opens something that shows history.
fn shows_history(app: &App, action: Action) -> bool {
    if app.overlay.is_some() {
        return false;
    }
    match action {
        Action::OpenInsight | Action::OpenCalendar | Action::OpenCustomer | Action::OpenReview => {
            true
        }
        Action::ViewDocument | Action::WriteLetter => app.focus == Pane::Queue,
        // The customer's detail, or the interview form with its pre-brief.
        Action::Open => matches!(app.focus, Pane::Customers | Pane::Interview),
        Action::ColumnRight => app.focus == Pane::Actions && app.actions.column + 1 >= FOLLOWED_UP,
        _ => false,
    }
}

/// When `action` needs the history and it is not here: keeps the action for when it is and
/// asks for it (once). `None`: go ahead.
pub(super) fn wait_for(app: &mut App, action: Action) -> Option<Vec<Effect>> {
    if app.has_history() || !shows_history(app, action) {
        return None;
    }
    app.after_history = Some(action);
    app.message = Some("reading the history for this view…".into());
    if app.history_asked {
        return Some(Vec::new());
    }
    app.history_asked = true;
    Some(vec![Effect::LoadHistory])
}

/// The whole history arrived: it replaces the data, and the key that asked for it is carried
/// out.
pub(super) fn arrived(app: &mut App, result: Result<Dataset, String>) -> Vec<Effect> {
    app.history_asked = false;
    match result {
        Ok(data) => {
            app.data = data;
            app.recompute();
            super::saved::refresh_views(app);
            app.message = None;
            match app.after_history.take() {
                Some(action) => super::update::perform(app, action),
                None => Vec::new(),
            }
        }
        Err(e) => {
            app.after_history = None;
            app.message = Some(format!("cannot read the history: {e}"));
            Vec::new()
        }
    }
}

/// Data read back from the store after a change from outside (open work, see
/// `runtime::hub`): when the history was here, it is read again, so an open view keeps it.
pub(super) fn replaced(app: &mut App, data: Dataset) -> Vec<Effect> {
    let had = app.has_history();
    app.data = data;
    if had && !app.has_history() && !app.history_asked {
        app.history_asked = true;
        return vec![Effect::LoadHistory];
    }
    Vec::new()
}
