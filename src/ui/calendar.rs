//! The calendar view.

use super::theme::Theme;
use crate::app::{App, CalendarView};
use ratatui::Frame;
use ratatui::layout::Rect;

/// Draws the calendar view into `area` (the screen above the status line).
pub fn draw(app: &App, view: &CalendarView, theme: Theme, frame: &mut Frame, area: Rect) {
    let _ = (app, view, theme, frame, area);
}
