//! The document view.

use super::theme::Theme;
use crate::app::{App, DocumentView};
use ratatui::Frame;
use ratatui::layout::Rect;

/// Draws the document view into `area` (the screen above the status line).
pub fn draw(app: &App, view: &DocumentView, theme: Theme, frame: &mut Frame, area: Rect) {
    let _ = (app, view, theme, frame, area);
}
