//! The action-item board: To do / Doing / Done / Followed up. Wide enough, the four columns
//! stand side by side with two-line cards; narrower, a tab line names the columns and the
//! focused one is listed one card a line. Overdue cards (due and not yet done) carry a `!`, so
//! they show without colour.

use super::columns::Column;
use super::fit::{truncate, window};
use super::grid::{PaneView, Share};
use super::table::{self, Spec};
use super::theme::Theme;
use super::{clock, pane_block, position};
use crate::app::{App, FOLLOWED_UP, Pane, Rows};
use crate::core::ActionItem;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Column headings, in board order.
const NAMES: [&str; 4] = ["To do", "Doing", "Done", "Followed up"];
/// The same, for a tab line with little room.
const SHORT_NAMES: [&str; 4] = ["To do", "Doing", "Done", "F/up"];
/// From this inner width on, the four columns stand side by side.
const SIDE_BY_SIDE: u16 = 60;

const COLUMNS: [Column; 4] = [
    Column::fixed("Due", 6, 0),
    Column::text("Action", 12, 12, 3, 1),
    Column::text("Customer", 10, 10, 2, 2),
    Column::text("Owner", 10, 10, 1, 3),
];

/// A column's cards.
type Cards<'a> = Rows<'a, &'a ActionItem>;

/// Whether a card is late: the queue's rule, so a late card is an overdue queue item.
fn is_overdue(app: &App, a: &ActionItem) -> bool {
    crate::core::lateness::action_is_late(a, app.now)
}

/// How the registry's grid draws this pane, and the room it wants.
pub(super) const VIEW: PaneView = PaneView {
    draw,
    width: Share::new(50, 65),
    height: Share::new(50, 42),
};

/// Draws the action board.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let columns: [Cards<'_>; 4] = [0, 1, 2, 3].map(|n| app.cards(n));
    let late = app.overdue_cards();
    let col = app.actions.column.min(3);
    let selected = app.actions.selected.get(col).copied().unwrap_or(0);
    let focused_len = columns.get(col).map_or(0, Rows::len);
    let block = pane_block(
        app,
        theme,
        Pane::Actions,
        &format!("{late} overdue"),
        position(selected, focused_len),
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width >= SIDE_BY_SIDE {
        let areas = Layout::horizontal([Constraint::Fill(1); 4]).split(inner);
        for (n, (list, col_area)) in columns.iter().zip(areas.iter()).enumerate() {
            draw_column(app, theme, frame, *col_area, n, list);
        }
    } else {
        draw_focused(app, theme, frame, inner, &columns);
    }
}

/// The heading of column `n`: `▶ To do (5)` when focused (`▶ To do 5` when short).
fn heading(app: &App, theme: Theme, n: usize, count: usize, short: bool) -> Span<'static> {
    let names = if short { SHORT_NAMES } else { NAMES };
    let name = names.get(n).copied().unwrap_or("");
    // A count of the cards read so far would be wrong: none until the history is read.
    let text = if unread(app, n).is_some() {
        name.to_string()
    } else if short {
        format!("{name} {count}")
    } else {
        format!("{name} ({count})")
    };
    if app.actions.column == n {
        let style = if app.focus == Pane::Actions {
            theme.selected()
        } else {
            theme.title()
        };
        Span::styled(format!("▶ {text}"), style)
    } else {
        Span::styled(text, theme.title())
    }
}

/// What column `n` says while the cards followed up before this session are not read yet
/// (the dashboard starts from open work; see `app::history`).
/// Short lines: a column of the four is about 20 columns wide at the narrowest.
fn unread(app: &App, n: usize) -> Option<&'static [&'static str]> {
    if n != FOLLOWED_UP || app.has_history() {
        return None;
    }
    Some(if app.reading_history() {
        &["reading them…"]
    } else {
        &["not read yet:", "move here to read"]
    })
}

/// One column of two-line cards, scrolled to keep its selection in view.
fn draw_column(app: &App, theme: Theme, frame: &mut Frame, area: Rect, n: usize, list: &Cards<'_>) {
    let block = if n == 0 {
        Block::new()
    } else {
        Block::new()
            .borders(Borders::LEFT)
            .border_style(theme.border())
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width.saturating_sub(2));
    let selected = app.actions.selected.get(n).copied().unwrap_or(0);
    let focused = app.actions.column == n;
    let visible = usize::from(inner.height.saturating_sub(1) / 2);
    let first = window(selected, list.len(), visible);
    let mut lines = vec![Line::from(heading(app, theme, n, list.len(), false))];
    if let Some(note) = unread(app, n) {
        lines.extend(
            note.iter()
                .map(|l| Line::styled(format!("  {l}"), theme.dim())),
        );
    } else if list.is_empty() {
        lines.push(Line::styled("  (none)", theme.dim()));
    }
    for (i, a) in list.iter_from(first).take(visible) {
        let chosen = focused && i == selected;
        let late = is_overdue(app, a);
        let marker = if chosen { "› " } else { "  " };
        let title = truncate(
            &format!("{}{}", if late { "! " } else { "" }, a.title),
            width,
        );
        let customer = app
            .data
            .customer(a.customer)
            .map_or_else(|| a.customer.to_string(), |c| c.name.clone());
        let owner = match app.data.staff_name(a.owner) {
            "" => "no owner",
            o => o,
        };
        let due = a
            .due
            .map_or_else(|| "no due date".to_string(), |d| clock::short(app, d));
        let second = truncate(&format!("{customer} · {owner} · {due}"), width);
        let (first_style, second_style) = match (chosen, app.focus == Pane::Actions, late) {
            (true, true, _) => (theme.selected(), theme.selected()),
            (true, false, _) => (theme.selected_unfocused(), theme.selected_unfocused()),
            (false, _, true) => (theme.overdue(), theme.dim()),
            (false, _, false) => (theme.normal(), theme.dim()),
        };
        lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(title, first_style),
        ]));
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(second, second_style),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Narrow: a tab line of the four columns, then the focused column one card a line.
fn draw_focused(app: &App, theme: Theme, frame: &mut Frame, area: Rect, columns: &[Cards<'_>; 4]) {
    let [tabs_area, list_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let tab_line = |short: bool| {
        let mut tabs = Vec::new();
        for (n, list) in columns.iter().enumerate() {
            if n > 0 {
                tabs.push(Span::styled(
                    if short { "  " } else { " │ " },
                    theme.border(),
                ));
            }
            tabs.push(heading(app, theme, n, list.len(), short));
        }
        Line::from(tabs)
    };
    let full = tab_line(false);
    let tabs = if full.width() <= usize::from(tabs_area.width) {
        full
    } else {
        tab_line(true)
    };
    frame.render_widget(Paragraph::new(tabs), tabs_area);
    let col = app.actions.column.min(3);
    let Some(list) = columns.get(col) else { return };
    if let Some(note) = unread(app, col).filter(|_| list.is_empty()) {
        let lines: Vec<Line> = note.iter().map(|l| Line::styled(*l, theme.dim())).collect();
        frame.render_widget(Paragraph::new(lines), list_area);
        return;
    }
    if list.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("No cards in this column.", theme.dim())),
            list_area,
        );
        return;
    }
    let selected = app.actions.selected.get(col).copied().unwrap_or(0);
    let spec = Spec {
        columns: &COLUMNS,
        len: list.len(),
        selected,
        focused: app.focus == Pane::Actions,
    };
    table::draw(frame, list_area, theme, &spec, |i| match list.get(i) {
        Some(a) => row(app, theme, a),
        None => (Vec::new(), Style::new()),
    });
}

fn row(app: &App, theme: Theme, a: &ActionItem) -> (Vec<Span<'static>>, Style) {
    let late = is_overdue(app, a);
    let due = a.due.map_or_else(
        || " none".to_string(),
        |d| format!("{}{}", if late { "!" } else { " " }, clock::day(app, d)),
    );
    let customer = app
        .data
        .customer(a.customer)
        .map_or_else(|| a.customer.to_string(), |c| c.name.clone());
    let cells = vec![
        Span::styled(
            due,
            if late {
                theme.overdue()
            } else {
                theme.normal()
            },
        ),
        Span::raw(a.title.clone()),
        Span::raw(customer),
        Span::raw(app.data.staff_name(a.owner).to_string()),
    ];
    (cells, Style::new())
}
