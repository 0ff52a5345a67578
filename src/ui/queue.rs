//! The follow-up queue: what is due or overdue, most urgent first, with live countdowns,
//! severity, who must act and exactly what is owed. When the pane is too narrow for every
//! column, the selected item is spelt out under the table.

use super::columns::Column;
use super::fit::{truncate, truncate_line};
use super::grid::{PaneView, Share};
use super::table::{self, Spec, Text};
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

// Most important first: when, severity, customer, kind, owner, what. The customer ranks
// above the kind because a 30-column pane (a 60-column terminal) has room for only one of
// them, and the customer is what tells rows apart; the footer spells out the selected
// item's kind. At 200 columns the asked widths add up to the pane, so no kind label is cut.
const COLUMNS: [Column; 6] = [
    Column::short("When", 11, 15, 0),
    Column::fixed("Sev", 3, 1),
    Column::text("Kind", 11, 19, 1, 3),
    Column::text("Customer", 10, 20, 2, 2),
    Column::text("Owner", 10, 15, 1, 4),
    Column::text("What", 30, 40, 4, 5),
];

/// Lines of the selected item's description, shown when some columns are left out.
const FOOTER: u16 = 2;

/// How the registry's grid draws this pane, and the room it wants.
pub(super) const VIEW: PaneView = PaneView {
    draw,
    width: Share::new(50, 40),
    height: Share::new(50, 58),
};

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
    let footer = if table::drops_columns(&COLUMNS, inner.width) && inner.height > FOOTER + 3 {
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
fn cells(app: &App, theme: Theme, item: &Item) -> (Vec<Text>, Style) {
    let (when, short, when_style, row_style) = match item.snoozed_until {
        Some(until) => (
            format!("snoozed {}", clock::day(app, until)),
            // The footer gives the date of the selected item.
            "snoozed".to_string(),
            theme.dim(),
            theme.dim(),
        ),
        None => {
            let long = countdown(item.due, app.now);
            let short = first_unit(&long);
            (long, short, due_style(app, theme, item), Style::new())
        }
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
        Text {
            span: Span::styled(when, when_style),
            short: Some(short),
        },
        severity.into(),
        Span::raw(item.kind.label()).into(),
        Span::raw(customer).into(),
        owner(app, theme, item).into(),
        what_cell(theme, item).into(),
    ];
    (cells, row_style)
}

/// A countdown to its largest unit, for a narrow When column: `overdue 2d 12h` -> `overdue 2d`.
fn first_unit(countdown: &str) -> String {
    let words: Vec<&str> = countdown.split(' ').collect();
    // The words before the number, and the number with its unit.
    match words
        .iter()
        .position(|w| w.starts_with(|c: char| c.is_ascii_digit() || c == '<'))
    {
        Some(at) => words.get(..=at).unwrap_or_default().join(" "),
        None => countdown.to_string(),
    }
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

#[cfg(test)]
mod tests {
    use super::first_unit;

    #[test]
    fn short_countdowns_keep_the_largest_unit() {
        for (long, short) in [
            ("overdue 2d 12h", "overdue 2d"),
            ("due in 3h 12m", "due in 3h"),
            ("due in 45m", "due in 45m"),
            ("due in <1m", "due in <1m"),
            ("overdue 400d 0h", "overdue 400d"),
        ] {
            assert_eq!(first_unit(long), short);
        }
    }
}
