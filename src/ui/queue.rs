//! The follow-up queue: what is due or overdue, most urgent first, with live countdowns,
//! severity, who must act and exactly what is owed. When the pane is too narrow for every
//! column, the selected item is spelt out under the table.

use super::fit::{Column, truncate, truncate_line};
use super::table::{self, Spec};
use super::theme::Theme;
use super::{clock, pane_block, position};
use crate::app::{App, Pane};
use crate::core::countdown::countdown;
use crate::core::queue::{DueState, Item};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

const COLUMNS: [Column; 6] = [
    Column {
        header: "When",
        width: 15,
        flex: 0,
        priority: 0,
    },
    Column {
        header: "Sev",
        width: 3,
        flex: 0,
        priority: 1,
    },
    Column {
        header: "Kind",
        width: 19,
        flex: 0,
        priority: 3,
    },
    Column {
        header: "Customer",
        width: 12,
        flex: 2,
        priority: 2,
    },
    Column {
        header: "Owner",
        width: 12,
        flex: 1,
        priority: 4,
    },
    Column {
        header: "What",
        width: 20,
        flex: 4,
        priority: 5,
    },
];

/// Below this inner width some columns are dropped, so the selected item is spelt out below.
const ALL_COLUMNS: u16 = 90;
/// Lines of that description.
const FOOTER: u16 = 2;

/// Draws the queue pane.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let rows = app.queue_rows();
    // Snoozed items (shown with `a`) are not counted: the title says what needs doing now.
    let awake = || rows.iter().filter(|i| i.is_visible());
    let overdue = awake().filter(|i| i.due < app.now).count();
    let due = awake()
        .filter(|i| i.due >= app.now && i.state == DueState::Due)
        .count();
    let mut parts = vec![format!("{overdue} overdue")];
    if due > 0 {
        parts.push(format!("{due} due today"));
    }
    if app.queue.show_all {
        parts.push("all".into());
    }
    let detail = parts.join(" · ");
    let block = pane_block(
        app,
        theme,
        Pane::Queue,
        &detail,
        position(app.queue.selected, rows.len()),
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if rows.is_empty() {
        let text = if app.queue.show_all {
            vec![
                Line::raw("Nothing owed:"),
                Line::raw("every loop is closed."),
            ]
        } else {
            vec![
                Line::raw("Nothing due or overdue."),
                Line::from(vec![
                    Span::styled("a", theme.key()),
                    Span::raw(" shows upcoming"),
                ]),
            ]
        };
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let footer = if inner.width < ALL_COLUMNS && inner.height > FOOTER + 3 {
        FOOTER
    } else {
        0
    };
    let [list_area, footer_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(footer)]).areas(inner);
    let spec = Spec {
        columns: &COLUMNS,
        len: rows.len(),
        selected: app.queue.selected,
        focused: app.focus == Pane::Queue,
    };
    table::draw(frame, list_area, theme, &spec, |i| match rows.get(i) {
        Some(item) => cells(app, theme, item),
        None => (Vec::new(), Style::new()),
    });
    if let Some(item) = rows.get(app.queue.selected).filter(|_| footer > 0) {
        draw_footer(app, theme, frame, footer_area, item);
    }
}

/// One row's cells, in column order, and the row's style.
fn cells(app: &App, theme: Theme, item: &Item) -> (Vec<Span<'static>>, Style) {
    let (when, when_style, row_style) = match item.snoozed_until {
        Some(until) => (
            format!("snoozed {}", clock::day(app, until)),
            theme.dim(),
            theme.dim(),
        ),
        None => (
            countdown(item.due, app.now),
            due_style(app, theme, item),
            Style::new(),
        ),
    };
    let severity = match item.severity {
        // `!`: senior management must attend and nobody counts as one (the footer and the
        // What column say so in words; this column survives the narrowest screens).
        Some(s) if item.lacks_senior_manager() => Span::styled(format!("S{s}!"), theme.error()),
        Some(s) => Span::styled(format!("S{s}"), theme.severity(s)),
        None => Span::raw(""),
    };
    let customer = app
        .data
        .customer(item.customer)
        .map_or_else(|| item.customer.to_string(), |c| c.name.clone());
    let cells = vec![
        Span::styled(when, when_style),
        severity,
        Span::raw(item.kind.label()),
        Span::raw(customer),
        owner(app, theme, item),
        what_cell(theme, item),
    ];
    (cells, row_style)
}

/// What is owed; a follow-up lacking its senior manager is drawn as an error (its text leads
/// with NO SENIOR MANAGER, so it shows without colour too).
fn what_cell(theme: Theme, item: &Item) -> Span<'static> {
    if item.lacks_senior_manager() {
        Span::styled(item.what.to_string(), theme.error())
    } else {
        Span::raw(item.what.to_string())
    }
}

fn due_style(app: &App, theme: Theme, item: &Item) -> Style {
    if item.due < app.now {
        theme.overdue()
    } else if item.state == DueState::Due {
        theme.due()
    } else {
        theme.normal()
    }
}

/// Who must act: the named owner, or UNASSIGNED (bold, so it shows without colour).
fn owner(app: &App, theme: Theme, item: &Item) -> Span<'static> {
    match app.data.staff_name(item.owner) {
        "" => Span::styled("UNASSIGNED", theme.overdue()),
        name => Span::raw(name.to_string()),
    }
}

/// The selected item in words: kind and what on the first line, who and when on the second.
fn draw_footer(app: &App, theme: Theme, frame: &mut Frame, area: Rect, item: &Item) {
    let width = usize::from(area.width);
    let first = truncate(&format!("{}: {}", item.kind.label(), item.what), width);
    let due = match item.snoozed_until {
        Some(until) => format!(
            "snoozed to {} · due {} · owner ",
            clock::short(app, until),
            clock::short(app, item.due)
        ),
        None => format!("due {} · owner ", clock::short(app, item.due)),
    };
    let mut who = vec![Span::raw(due), owner(app, theme, item)];
    let others: Vec<&str> = item
        .participants
        .iter()
        .filter(|p| Some(**p) != item.owner)
        .map(|p| app.data.staff_name(Some(*p)))
        .filter(|n| !n.is_empty())
        .collect();
    if !others.is_empty() {
        who.push(Span::raw(format!(" with {}", others.join(", "))));
    }
    let lines = vec![
        Line::from(Span::styled(first, theme.title())),
        truncate_line(Line::from(who), width),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}
