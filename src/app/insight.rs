//! The insight view's state and keys.

use super::{App, Effect};
use crate::keymap::Action;

/// What the insight view shows and where its cursor is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InsightView {}

/// Opens the insight view.
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    app.overlay = Some(super::Overlay::Insight(InsightView::default()));
    Vec::new()
}

/// A key's action while the insight view is open.
pub(super) fn perform(app: &mut App, action: Action) -> Vec<Effect> {
    if action == Action::Back {
        app.overlay = None;
    }
    Vec::new()
}
