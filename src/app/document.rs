//! A document (debrief, President report, workforce digest) being read, and the keys that
//! open one.

use super::{App, Effect};
use crate::core::{Instant, InterviewId};
use crate::keymap::Action;

/// The document on screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentView {
    /// Shown in the border.
    pub title: String,
    /// The Markdown text, as `hearback report` writes it.
    pub text: String,
    /// First line shown.
    pub scroll: u16,
}

/// Opens the debrief of an interview.
pub(super) fn open_debrief(app: &mut App, interview: InterviewId) -> Vec<Effect> {
    let _ = (app, interview);
    Vec::new()
}

/// Opens the President report for `[since, until)`.
pub(super) fn open_president(app: &mut App, since: Instant, until: Instant) -> Vec<Effect> {
    let _ = (app, since, until);
    Vec::new()
}

/// Opens the workforce digest for `[since, until)`.
pub(super) fn open_digest(app: &mut App, since: Instant, until: Instant) -> Vec<Effect> {
    let _ = (app, since, until);
    Vec::new()
}

/// Queue `r`: the document the selected item asks for.
pub(super) fn open_for_selected_item(app: &mut App) -> Vec<Effect> {
    let _ = app;
    Vec::new()
}

/// A key's action while a document is open.
pub(super) fn perform(app: &mut App, action: Action) -> Vec<Effect> {
    if action == Action::Back {
        app.overlay = None;
    }
    Vec::new()
}
