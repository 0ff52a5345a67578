//! The interviews pane: the next booked interview (or the one in progress) in full: who, when,
//! where, why, and whether the questions, the bio and the pre-brief are done; then every
//! booked interview, with the keys that act on it.

use super::columns::Column;
use super::fit::truncate_line;
use super::grid::{PaneView, Share};
use super::table::{self, Spec};
use super::theme::Theme;
use super::{clock, pane_block, position};
use crate::app::{App, Pane};
use crate::core::{Instant, Interview, InterviewStatus};
use crate::keymap::{Action, KeyContext};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

const COLUMNS: [Column; 3] = [
    Column::fixed("When", 16, 0),
    Column::fixed("In", 9, 2),
    Column::text("Customer", 10, 10, 1, 1),
];

/// Lines of the selected interview's description.
const DETAIL: u16 = 8;

/// How the registry's grid draws this pane, and the room it wants.
pub(super) const VIEW: PaneView = PaneView {
    draw,
    width: Share::new(50, 35),
    height: Share::new(50, 42),
};

/// Draws the interviews pane.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let booked = app.booked_interviews();
    let detail = format!("{} booked", booked.len());
    let block = pane_block(
        app,
        theme,
        Pane::Interview,
        &detail,
        position(app.interviews.selected, booked.len()),
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(selected) = booked
        .get(app.interviews.selected)
        .or_else(|| booked.first())
    else {
        let text = vec![
            Line::styled("No interview booked.", theme.dim()),
            Line::styled(
                "Book one with: hearback interview schedule --customer NAME --at TIME",
                theme.dim(),
            ),
        ];
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
        return;
    };
    // The list needs its heading and at least two rows to be worth showing.
    let list_height = if inner.height >= DETAIL + 3 {
        inner.height - DETAIL
    } else {
        0
    };
    let [detail_area, list_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(list_height)]).areas(inner);
    let width = usize::from(detail_area.width);
    let lines: Vec<Line<'static>> = describe(app, theme, selected)
        .into_iter()
        .map(|l| truncate_line(l, width))
        .collect();
    frame.render_widget(Paragraph::new(lines), detail_area);
    if list_height > 0 {
        let spec = Spec {
            columns: &COLUMNS,
            len: booked.len(),
            selected: app.interviews.selected,
            focused: app.focus == Pane::Interview,
        };
        table::draw(frame, list_area, theme, &spec, |i| match booked.get(i) {
            Some(interview) => (row(app, interview), Style::new()),
            None => (Vec::new(), Style::new()),
        });
    }
}

fn row(app: &App, i: &Interview) -> Vec<Span<'static>> {
    let name = app
        .data
        .customer(i.customer)
        .map_or_else(|| i.customer.to_string(), |c| c.name.clone());
    let when = if i.status == InterviewStatus::InProgress {
        "in progress".into()
    } else {
        clock::relative(app, i.scheduled_at)
    };
    vec![
        Span::raw(clock::booking(app, i.scheduled_at)),
        Span::raw(when),
        Span::raw(name),
    ]
}

/// The interview in full.
fn describe(app: &App, theme: Theme, i: &Interview) -> Vec<Line<'static>> {
    let customer = app.data.customer(i.customer);
    let name = customer.map_or_else(|| i.customer.to_string(), |c| c.name.clone());
    let when = match (i.status, i.started_at) {
        (InterviewStatus::InProgress, Some(start)) => {
            format!("IN PROGRESS, started {}", clock::relative(app, start))
        }
        (InterviewStatus::InProgress, None) => "IN PROGRESS".into(),
        _ => format!(
            "{} · {}",
            clock::booking(app, i.scheduled_at),
            clock::relative(app, i.scheduled_at)
        ),
    };
    let contact = match i
        .contact
        .and_then(|id| customer.and_then(|c| c.contact(id)))
    {
        Some(k) if k.role.is_empty() => k.name.clone(),
        Some(k) => format!("{} ({})", k.name, k.role),
        None => "no contact set".into(),
    };
    let executive = match app.data.staff_name(i.executive) {
        "" => "no executive set".to_string(),
        n => n.to_string(),
    };
    // The place reads after the length ("30 min by phone"); see core::booking.
    let location = i.location.as_deref().unwrap_or("at customer's office");
    vec![
        Line::styled(name, theme.title()),
        Line::styled(when, when_style(app, theme, i)),
        Line::from(format!("{} min {location}", i.duration_minutes)),
        Line::from(crate::core::wording::trigger(&i.trigger)),
        Line::from(format!("contact {contact}")),
        Line::from(format!("conducted by {executive}")),
        Line::from(vec![
            mark(theme, "questions", i.invitation_sent_at),
            Span::raw(" "),
            mark(theme, "bio", i.bio_sent_at),
            Span::raw(" "),
            mark(theme, "pre-brief", i.prebriefed_at),
        ]),
        super::help::hint_line(
            &app.rules.keys,
            KeyContext::Interview,
            &[(Action::Open, "record"), (Action::OpenCustomer, "customer")],
            theme,
        ),
    ]
}

fn when_style(app: &App, theme: Theme, i: &Interview) -> Style {
    if i.status == InterviewStatus::InProgress || i.scheduled_at < app.now {
        theme.overdue()
    } else {
        theme.normal()
    }
}

/// `[x] done` or `[ ] not done`: readable without colour.
fn mark(theme: Theme, label: &str, done: Option<Instant>) -> Span<'static> {
    match done {
        Some(_) => Span::styled(format!("[x] {label}"), theme.ok()),
        None => Span::styled(format!("[ ] {label}"), theme.due()),
    }
}
