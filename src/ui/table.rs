//! A table with a selected row that scrolls to keep the selection in view, drops the least
//! important columns when narrow, and builds text only for the rows on screen (the customer
//! list and the queue can be long).

use super::columns::{Column, fit_columns};
use super::fit::{truncate, window};
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table};
use unicode_width::UnicodeWidthStr;

/// Gap between columns.
const GAP: u16 = 1;

/// A cell's text, and a shorter way to say it when the column is narrower than the text
/// (a countdown to its first unit): the short form is shown whole rather than the long one
/// cut with `…`.
pub struct Text {
    /// The text and its style.
    pub span: Span<'static>,
    /// The shorter form, if there is one.
    pub short: Option<String>,
}

impl From<Span<'static>> for Text {
    fn from(span: Span<'static>) -> Text {
        Text { span, short: None }
    }
}

impl Text {
    /// The text to show in `width` cells.
    fn fitted(&self, width: usize) -> Span<'static> {
        let text = match &self.short {
            Some(short) if self.span.content.width() > width => truncate(short, width),
            _ => truncate(&self.span.content, width),
        };
        Span::styled(text, self.span.style)
    }
}

/// Whether a table of `columns` in `width` cells leaves any of them out.
pub fn drops_columns(columns: &[Column], width: u16) -> bool {
    fit_columns(columns, width.saturating_sub(2), GAP).len() < columns.len()
}

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
pub fn draw<F, C>(frame: &mut Frame, area: Rect, theme: Theme, spec: &Spec<'_>, mut row: F)
where
    F: FnMut(usize) -> (Vec<C>, Style),
    C: Into<Text>,
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
        let (cells, style) = row(i);
        let texts: Vec<Text> = cells.into_iter().map(Into::into).collect();
        let chosen = i == spec.selected;
        let marker = if chosen { "›" } else { " " };
        let cells = std::iter::once(Cell::from(marker)).chain(fitted.iter().map(|&(c, w)| {
            let span = texts
                .get(c)
                .map(|t| t.fitted(usize::from(w)))
                .unwrap_or_default();
            Cell::from(Line::from(span))
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
