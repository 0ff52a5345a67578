//! The feedback calendar month view's state and keys.

use super::{App, Effect};
use crate::keymap::Action;

/// Which month is shown and which day is selected.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CalendarView {}

/// Opens the month view on today.
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    app.overlay = Some(super::Overlay::Calendar(CalendarView::default()));
    Vec::new()
}

/// A key's action while the month view is open.
pub(super) fn perform(app: &mut App, action: Action) -> Vec<Effect> {
    if action == Action::Back {
        app.overlay = None;
    }
    Vec::new()
}
