//! The feedback calendar's month view: a Monday-first grid of the selected day's month, each
//! day with its booked (●) and due (○) interviews, and the selected day's events in full
//! below the grid. The spacing rule shows on the grid: the quiet
//! days of the customers on the selected day carry a dotted line (`···`), and a booked
//! interview too close to another request is marked ⚠ with how close it is.

mod day;

use super::fit::truncate;
use super::theme::Theme;
use crate::app::{App, CalendarView};
use crate::core::feedback_calendar::{CalendarEvent, EventKind, Spacing};
use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The fewest lines left for the day's events below the grid.
const MIN_DETAIL: u16 = 6;
/// The most lines a week of the grid gets (a day then lists up to this many events less one).
const MAX_WEEK_LINES: u16 = 8;
/// Weekday headings, Monday first.
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Draws the calendar view into `area` (the screen above the status line).
pub fn draw(app: &App, view: &CalendarView, theme: Theme, frame: &mut Frame, area: Rect) {
    let title = format!(" Feedback calendar · {} ", view.selected.format("%B %Y"));
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border())
        .title(Line::from(Span::styled(title, theme.title())))
        .title_bottom(Line::from(format!(" {} ", keys(app))).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let weeks = weeks_of(view.selected);
    let rows = u16::try_from(weeks.len()).unwrap_or(6).max(1);
    let quiet = view.selected_spacing();
    // The grid takes what the day's events leave: at least MIN_DETAIL lines, a third of a
    // tall screen, so both grow with the terminal.
    let detail = MIN_DETAIL.max(inner.height / 3);
    let per_week = (inner.height.saturating_sub(2 + detail) / rows).clamp(2, MAX_WEEK_LINES);
    let [grid, legend, details] = Layout::vertical([
        Constraint::Length(1 + per_week * rows),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let ctx = Cells {
        app,
        view,
        theme,
        quiet: &quiet,
    };
    ctx.grid(frame, grid, &weeks);
    draw_legend(view, theme, frame, legend);
    day::draw_day(app, view, &quiet, theme, frame, details);
}

/// The weeks of `day`'s month, Monday first; days of other months are `None`.
fn weeks_of(day: NaiveDate) -> Vec<[Option<NaiveDate>; 7]> {
    let first = day.with_day(1).unwrap_or(day);
    let lead = first.weekday().num_days_from_monday() as usize;
    let mut weeks = Vec::new();
    let mut week = [None; 7];
    let mut slot = lead;
    let mut d = Some(first);
    while let Some(date) = d.filter(|x| x.month() == first.month()) {
        week[slot] = Some(date);
        slot += 1;
        if slot == 7 {
            weeks.push(week);
            week = [None; 7];
            slot = 0;
        }
        d = date.succ_opt();
    }
    if slot > 0 {
        weeks.push(week);
    }
    weeks
}

/// What drawing a day cell needs.
struct Cells<'a> {
    app: &'a App,
    view: &'a CalendarView,
    theme: Theme,
    quiet: &'a [&'a Spacing],
}

impl Cells<'_> {
    fn grid(&self, frame: &mut Frame, area: Rect, weeks: &[[Option<NaiveDate>; 7]]) {
        let cw = area.width / 7;
        if cw == 0 || area.height == 0 {
            return;
        }
        let rows = u16::try_from(weeks.len()).unwrap_or(6).max(1);
        let per_week = (area.height.saturating_sub(1) / rows).max(1);
        for (c, name) in WEEKDAYS.iter().enumerate() {
            let x = area.x + cw * c as u16;
            let head = Rect::new(x, area.y, cw, 1);
            // Whole names when they fit in every column, else the first three letters.
            let name = if cw >= 11 {
                name
            } else {
                name.get(..3).unwrap_or(name)
            };
            let text = format!(" {}", truncate(name, usize::from(cw.saturating_sub(2))));
            frame.render_widget(Line::styled(text, self.theme.header()), head);
        }
        for (r, week) in weeks.iter().enumerate() {
            let y = area.y + 1 + per_week * r as u16;
            if y >= area.bottom() {
                break;
            }
            for (c, day) in week.iter().enumerate() {
                let Some(day) = day else { continue };
                let x = area.x + cw * c as u16;
                let height = per_week.min(area.bottom() - y);
                let cell = Rect::new(x, y, cw.saturating_sub(1).max(1), height);
                let lines = self.cell(*day, usize::from(cell.width), usize::from(height));
                frame.render_widget(Paragraph::new(lines), cell);
            }
        }
    }

    /// A day: its number (bracketed when selected), `today`, the quiet-day dots, then its
    /// events as far as they fit.
    fn cell(&self, day: NaiveDate, width: usize, height: usize) -> Vec<Line<'static>> {
        let (view, theme) = (self.view, self.theme);
        let selected = day == view.selected;
        let label = if selected {
            format!("[{:>2}]", day.day())
        } else {
            format!(" {:>2} ", day.day())
        };
        let style = match (selected, day == view.today) {
            (true, _) => theme.selected(),
            (false, true) => theme.key(),
            _ => theme.normal(),
        };
        let mut used = label.width();
        let mut spans = vec![Span::styled(label, style)];
        let quiet = self.quiet.iter().any(|s| s.is_quiet(day));
        // In a narrow cell the quiet dots win over the word (today's number stays bold).
        let dots = if quiet { 4 } else { 0 };
        if day == view.today && width >= used + 6 + dots {
            spans.push(Span::styled(" today", theme.key()));
            used += 6;
        }
        if quiet && width > used + 1 {
            spans.push(Span::styled(
                format!(" {}", "·".repeat(width - used - 1)),
                theme.dim(),
            ));
        }
        let mut lines = vec![Line::from(spans)];
        let events: Vec<&CalendarEvent> = view.events_on(day).collect();
        let slots = height.saturating_sub(1);
        if slots == 0 || events.is_empty() {
            return lines;
        }
        if events.len() <= slots {
            lines.extend(events.iter().map(|e| self.event(e, width)));
        } else if slots == 1 {
            lines.push(summary(&events, width, theme));
        } else {
            let shown = slots - 1;
            lines.extend(events.iter().take(shown).map(|e| self.event(e, width)));
            let more = format!("+{} more", events.len() - shown);
            lines.push(Line::styled(truncate(&more, width), theme.dim()));
        }
        lines
    }

    /// One event in a cell: `●19:00 Upland Utilities`, `○Bellmoor…`, `○!Driftwood…`.
    fn event(&self, e: &CalendarEvent, width: usize) -> Line<'static> {
        let theme = self.theme;
        let (text, style) = match &e.kind {
            EventKind::Booked(_) => {
                let time = crate::core::time_math::local(e.start, self.app.rules.work_week.offset)
                    .format("%H:%M");
                if self.view.too_close(e).is_empty() {
                    (format!("●{time} {}", e.customer_name), theme.normal())
                } else {
                    (format!("⚠{time} {}", e.customer_name), theme.overdue())
                }
            }
            EventKind::Due(d) if d.overdue => (format!("○!{}", e.customer_name), theme.overdue()),
            EventKind::Due(_) => (format!("○{}", e.customer_name), theme.due()),
        };
        Line::styled(truncate(&text, width), style)
    }
}

/// The counts of a day too full for its one line: `●1 ○2` (`○!2` when some are overdue).
fn summary(events: &[&CalendarEvent], width: usize, theme: Theme) -> Line<'static> {
    let booked = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Booked(_)))
        .count();
    let due = events.len() - booked;
    let overdue = events.iter().any(|e| e.is_overdue());
    let mut parts = Vec::new();
    if booked > 0 {
        parts.push(format!("●{booked}"));
    }
    if due > 0 {
        parts.push(format!("○{}{due}", if overdue { "!" } else { "" }));
    }
    let style = if overdue {
        theme.overdue()
    } else {
        theme.normal()
    };
    Line::styled(truncate(&parts.join(" "), width), style)
}

fn draw_legend(view: &CalendarView, theme: Theme, frame: &mut Frame, area: Rect) {
    let days = view
        .spacing
        .values()
        .next()
        .map_or(String::new(), |s| format!(" ({}-day spacing)", s.days));
    let line = Line::from(vec![
        Span::raw(" ● booked  "),
        Span::styled("○ due", theme.due()),
        Span::raw("  "),
        Span::styled("○! overdue", theme.overdue()),
        Span::raw("  ⚠ too close  "),
        Span::styled(format!("··· quiet days{days}"), theme.dim()),
    ]);
    frame.render_widget(
        Paragraph::new(super::fit::truncate_line(line, usize::from(area.width))),
        area,
    );
}

/// The view's keys, from the key table: `h/l day · j/k week · ...`.
fn keys(app: &App) -> String {
    use crate::keymap::{Action as A, KeyContext};
    super::help::hint_text(
        &app.rules.keys,
        KeyContext::Calendar,
        &[
            (&[A::ColumnLeft, A::ColumnRight], "day"),
            (&[A::Down, A::Up], "week"),
            (&[A::PeriodPrev, A::PeriodNext], "month"),
            (&[A::Today], "today"),
            (&[A::Back], "close"),
        ],
    )
}
