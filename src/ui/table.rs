//! A table with a selected row that scrolls to keep the selection in view, drops the least
//! important columns when narrow, and builds text only for the rows on screen (the customer
//! list and the queue can be long).

use super::fit::{Column, fit_columns, truncate, window};
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table};

/// Gap between columns.
const GAP: u16 = 1;

/// What a table shows and how.
pub struct Spec<'a> {
    /// Every column it may show.
    pub columns: &'a [Column],
    /// How many rows there are.
    pub len: usize,
    /// The selected row.
    pub selected: usize,
    /// Whether the pane has the focus (the selection is then reversed).
    pub focused: bool,
}

/// Draws the table in `area`; `row(i)` gives row `i`'s cells (one per column, in column
/// order) and its style, and is called only for the rows on screen.
pub fn draw<F>(frame: &mut Frame, area: Rect, theme: Theme, spec: &Spec<'_>, mut row: F)
where
    F: FnMut(usize) -> (Vec<Span<'static>>, Style),
{
    // One cell on the left marks the selection without colour.
    let fitted = fit_columns(spec.columns, area.width.saturating_sub(2), GAP);
    let visible = usize::from(area.height.saturating_sub(1));
    let first = window(spec.selected, spec.len, visible);
    let mut widths = vec![Constraint::Length(1)];
    widths.extend(fitted.iter().map(|&(_, w)| Constraint::Length(w)));
    let header = Row::new(
        std::iter::once(Cell::from("")).chain(fitted.iter().map(|&(i, w)| {
            let text = spec.columns.get(i).map_or("", |c| c.header);
            Cell::from(truncate(text, usize::from(w)))
        })),
    )
    .style(theme.header());
    let rows = (first..spec.len.min(first.saturating_add(visible))).map(|i| {
        let (spans, style) = row(i);
        let chosen = i == spec.selected;
        let marker = if chosen { "›" } else { " " };
        let cells = std::iter::once(Cell::from(marker)).chain(fitted.iter().map(|&(c, w)| {
            let span = spans.get(c).cloned().unwrap_or_default();
            let text = truncate(&span.content, usize::from(w));
            Cell::from(Line::from(Span::styled(text, span.style)))
        }));
        let style = match (chosen, spec.focused) {
            (true, true) => style.patch(theme.selected()),
            (true, false) => style.patch(theme.selected_unfocused()),
            _ => style,
        };
        Row::new(cells).style(style)
    });
    let table = Table::new(rows, widths).header(header).column_spacing(GAP);
    frame.render_widget(table, area);
}
