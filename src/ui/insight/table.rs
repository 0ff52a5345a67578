//! The table of the insight view: one line per group, the programme last; columns that do
//! not fit are dropped around the selected one, so it always stays in view.

use super::{WIDE, bar, capital, pad, rpad, score_style};
use crate::app::InsightView;
use crate::core::insight::{Figures, spark};
use crate::ui::fit::window;
use crate::ui::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Cells of a trend sparkline (one per month) plus the gap before it.
const TREND: u16 = 13;
/// The narrowest a question's cell gets: ` 4.2▆ `.
const MIN_CELL: u16 = 6;
/// The widest a question's cell gets.
const MAX_CELL: u16 = 16;

/// Column widths of the table at `width` cells.
struct Widths {
    label: usize,
    customers: bool,
    interviews: usize,
    trend: bool,
    cell: usize,
    /// The first and one-past-last value column shown.
    shown: (usize, usize),
}

fn widths(view: &InsightView, width: u16) -> Widths {
    let columns = view.columns();
    let n = u16::try_from(columns).unwrap_or(u16::MAX).max(1);
    let wide = width >= WIDE;
    let longest = view
        .insight
        .groups
        .iter()
        .chain(std::iter::once(&view.insight.all))
        .map(|f| f.label.width())
        .max()
        .unwrap_or(0);
    let label_cap: u16 = if wide { 28 } else { 14 };
    let label = u16::try_from(longest)
        .unwrap_or(u16::MAX)
        .clamp(8, label_cap);
    let (customers, interviews) = if wide { (10, 11) } else { (0, 4) };
    let fixed = 1 + label + customers + interviews;
    let mut trend = true;
    let mut rest = width.saturating_sub(fixed + TREND);
    if rest / n < MIN_CELL {
        trend = false;
        rest = width.saturating_sub(fixed);
    }
    let cell = (rest / n).clamp(MIN_CELL, MAX_CELL);
    let fit = usize::from((rest / cell).max(1)).min(columns);
    // Keep the selected column in view when not every column fits.
    let first = view
        .column
        .saturating_sub(fit.saturating_sub(1))
        .min(columns - fit);
    let spare = width.saturating_sub(
        fixed + u16::try_from(fit).unwrap_or(0) * cell + if trend { TREND } else { 0 },
    );
    Widths {
        label: usize::from(
            label + spare.min(u16::try_from(longest).unwrap_or(0).saturating_sub(label)),
        ),
        customers: wide,
        interviews: usize::from(interviews),
        trend,
        cell: usize::from(cell),
        shown: (first, first + fit),
    }
}

/// One value cell: ` 4.2 ███▌ `, bracketed when selected.
fn value_cell(
    theme: Theme,
    value: Option<f64>,
    width: usize,
    selected: bool,
) -> Vec<Span<'static>> {
    let (open, close) = if selected { ("[", "]") } else { (" ", " ") };
    let style = score_style(theme, value);
    let sel = |s: Style| {
        if selected {
            s.patch(theme.selected())
        } else {
            s
        }
    };
    let inner = width.saturating_sub(2);
    let body = match value {
        None => vec![Span::styled(pad("-", inner), sel(theme.dim()))],
        Some(v) => {
            let number = format!("{v:.1}");
            let bar_width = inner.saturating_sub(4).max(usize::from(inner == 4));
            let gap = if inner > 4 { " " } else { "" };
            vec![
                Span::styled(format!("{number}{gap}"), sel(style)),
                Span::styled(bar(v, bar_width), sel(style)),
            ]
        }
    };
    let mut spans = vec![Span::styled(open, sel(Style::new()))];
    spans.extend(body);
    spans.push(Span::styled(close, sel(Style::new())));
    spans
}

/// The table in at most `room` lines (at least the header, the selected row, the rule and the
/// programme).
pub(super) fn lines(
    view: &InsightView,
    theme: Theme,
    width: u16,
    room: usize,
) -> Vec<Line<'static>> {
    visible_rows(view, table_lines(view, theme, width), room.max(4))
}

/// The table: header, one line per group, a rule, the programme.
fn table_lines(view: &InsightView, theme: Theme, width: u16) -> Vec<Line<'static>> {
    let w = widths(view, width);
    let insight = &view.insight;
    let mut head = vec![
        Span::raw(" "),
        Span::raw(pad(&capital(insight.by.noun()), w.label)),
    ];
    if w.customers {
        head.push(Span::raw(rpad("Customers", 10)));
    }
    head.push(Span::raw(rpad(
        if w.customers { "Interviews" } else { "Int" },
        w.interviews,
    )));
    for c in w.shown.0..w.shown.1 {
        let name = insight.questions.get(c).map_or("Average", String::as_str);
        let (open, close) = if c == view.column {
            ("[", "]")
        } else {
            (" ", " ")
        };
        // Headings are cut without an ellipsis ("resp", "deli"): the full question of the
        // selected column is spelled out below the table.
        let room = w.cell.saturating_sub(2);
        let heading: String = name.chars().take(room).collect();
        head.push(Span::raw(format!("{open}{}{close}", pad(&heading, room))));
    }
    if w.trend {
        head.push(Span::raw(" Trend"));
    }
    let mut lines = vec![Line::from(head).style(theme.header())];
    let row = |i: usize, f: &Figures| {
        let chosen = i == view.row;
        let mut spans = vec![
            Span::raw(if chosen { "›" } else { " " }),
            Span::styled(
                pad(&f.label, w.label),
                if chosen { theme.title() } else { Style::new() },
            ),
        ];
        if w.customers {
            spans.push(Span::raw(rpad(&f.customers.to_string(), 10)));
        }
        spans.push(Span::raw(rpad(&f.interviews.to_string(), w.interviews)));
        for c in w.shown.0..w.shown.1 {
            let value = f.averages.get(c).copied().unwrap_or(f.overall);
            spans.extend(value_cell(theme, value, w.cell, chosen && c == view.column));
        }
        if w.trend {
            spans.push(Span::raw(format!(" {}", spark(&f.trend))));
        }
        Line::from(spans)
    };
    lines.extend(insight.groups.iter().enumerate().map(|(i, f)| row(i, f)));
    lines.push(Line::styled("─".repeat(usize::from(width)), theme.border()));
    lines.push(row(insight.groups.len(), &insight.all));
    lines
}

/// The header, then the rows around the selection that fit in `room` lines; the rule and the
/// programme row always stay.
fn visible_rows(
    view: &InsightView,
    mut table: Vec<Line<'static>>,
    room: usize,
) -> Vec<Line<'static>> {
    let groups = view.insight.groups.len();
    if table.len() <= room {
        return table;
    }
    let tail = table.split_off(groups + 1);
    let visible = room.saturating_sub(3).max(1);
    let first = window(view.row.min(groups.saturating_sub(1)), groups, visible);
    let mut out: Vec<Line<'static>> = table.drain(..1).collect();
    out.extend(table.into_iter().skip(first).take(visible));
    out.extend(tail);
    out
}
