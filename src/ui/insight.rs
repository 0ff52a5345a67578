//! The insight view.

use super::theme::Theme;
use crate::app::{App, InsightView};
use ratatui::Frame;
use ratatui::layout::Rect;

/// Draws the insight view into `area` (the screen above the status line).
pub fn draw(app: &App, view: &InsightView, theme: Theme, frame: &mut Frame, area: Rect) {
    let _ = (app, view, theme, frame, area);
}
