//! The selected day of the month view in full: its events with who, where and why, and the
//! quiet days of its customers.

use super::super::fit::wrap_line;
use super::super::theme::Theme;
use crate::app::{App, CalendarView};
use crate::core::feedback_calendar::{CalendarEvent, EventKind, Spacing, day_of};
use crate::core::wording::trigger;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The selected day's events in full, then the quiet days of its customers in the month.
pub(super) fn draw_day(
    app: &App,
    view: &CalendarView,
    quiet: &[&Spacing],
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let day = view.selected;
    let mut heading = day.format("%A %-d %B %Y").to_string();
    if day == view.today {
        heading.push_str(" · today");
    }
    let mut lines = vec![Line::styled(heading, theme.header())];
    let events: Vec<&CalendarEvent> = view.events_on(day).collect();
    if events.is_empty() {
        let text = if view.events.is_empty() {
            format!(
                "No interviews booked or due in {}. [ and ] show other months.",
                day.format("%B %Y")
            )
        } else {
            "Nothing booked or due on this day.".to_string()
        };
        lines.push(Line::styled(text, theme.dim()));
    }
    for e in events {
        lines.extend(event_lines(app, view, e, theme));
    }
    let month = view.month();
    let mut quiet_lines = Vec::new();
    for s in quiet {
        let name = view
            .events_on(day)
            .find(|e| e.customer == s.customer)
            .map_or(String::new(), |e| e.customer_name.clone());
        for span in s.quiet_spans(month) {
            let around: Vec<String> = span
                .requests
                .iter()
                .map(|r| format!("{} on {}", r.label(), day_of(&app.rules.work_week, r.at)))
                .collect();
            quiet_lines.push(Line::raw(format!(
                "··· {name}: quiet {} to {}, around the {}",
                span.first,
                span.last,
                around.join(" and the ")
            )));
        }
    }
    if !quiet_lines.is_empty() {
        let days = quiet.first().map_or(0, |s| s.days);
        lines.push(Line::styled(
            format!("Quiet days: no new request within {days} days of another"),
            theme.header(),
        ));
        lines.extend(quiet_lines);
    }
    let width = usize::from(area.width);
    let mut wrapped: Vec<Line<'static>> =
        lines.iter().flat_map(|l| wrap_line(l, width, 2)).collect();
    let height = usize::from(area.height);
    if wrapped.len() > height && height > 0 {
        let hidden = wrapped.len() - (height - 1);
        wrapped.truncate(height - 1);
        wrapped.push(Line::styled(
            format!("… {hidden} more lines: a taller window shows them"),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(wrapped), area);
}

/// One event of the selected day, with who, where and why, and any spacing conflict.
fn event_lines(
    app: &App,
    view: &CalendarView,
    e: &CalendarEvent,
    theme: Theme,
) -> Vec<Line<'static>> {
    let offset = app.rules.work_week.offset;
    let name = Span::styled(e.customer_name.clone(), theme.title());
    let mut out = Vec::new();
    match &e.kind {
        EventKind::Booked(b) => {
            let start = crate::core::time_math::local(e.start, offset);
            let end = crate::core::time_math::local(e.end(&app.rules.work_week), offset);
            let times = format!("● {}–{} ", start.format("%H:%M"), end.format("%H:%M"));
            let exec = match app.data.staff_name(b.executive) {
                "" => "no executive yet".to_string(),
                n => format!("with {n}"),
            };
            let place = b.location.as_deref().unwrap_or("at the customer's office");
            let mut rest = format!(" · {exec} · {place} · {}", trigger(&b.trigger));
            if b.in_progress {
                rest.push_str(" · being recorded now");
            }
            out.push(Line::from(vec![Span::raw(times), name, Span::raw(rest)]));
            for other in view.too_close(e) {
                let at = day_of(&app.rules.work_week, other.at);
                let when = match (e.day - at).num_days() {
                    0 => "on the same day as".to_string(),
                    d if d > 0 => format!("{d} days after"),
                    d => format!("{} days before", -d),
                };
                out.push(Line::styled(
                    format!("  ⚠ {when} the {at} {}", other.label()),
                    theme.overdue(),
                ));
            }
        }
        EventKind::Due(d) => {
            let (mark, when, style) = if d.overdue {
                (
                    "○! ",
                    format!("overdue since {}", d.due_date),
                    theme.overdue(),
                )
            } else {
                ("○ ", format!("due {}", d.due_date), theme.due())
            };
            let manager = match app.data.staff_name(e.account_manager) {
                "" => "no account manager".to_string(),
                n => format!("AM {n}"),
            };
            out.push(Line::from(vec![
                Span::styled(mark, style),
                name,
                Span::raw(" · "),
                Span::styled(when, style),
                Span::raw(format!(" · {} · {manager}", d.what)),
            ]));
        }
    }
    out
}
