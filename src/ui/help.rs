//! The help overlay: every key of the focused pane, then the keys that work everywhere, read
//! from the same table the key handling uses, so help never lies.

use super::centered;
use super::fit::wrap_line;
use super::theme::Theme;
use crate::app::App;
use crate::keymap::{Action, DEFAULTS, KeyContext, help_rows, hints};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// From this inner width on, the pane's keys and the global keys stand side by side.
const SIDE_BY_SIDE: u16 = 70;
/// The widest the overlay gets.
const MAX_WIDTH: u16 = 100;
/// Space between the two sections.
const GUTTER: u16 = 2;

/// A hint line, `key word · key word`: the keys are read from the key table, each with a
/// short word for where room is scarce (the help overlay has the full text).
pub fn hint_line(
    context: KeyContext,
    actions: &[(Action, &'static str)],
    theme: Theme,
) -> Line<'static> {
    let keys = actions.iter().filter_map(|&(action, word)| {
        let (key, _) = hints(context, &[action]).into_iter().next()?;
        Some((key, word))
    });
    let mut spans = Vec::new();
    for (n, (key, help)) in keys.enumerate() {
        if n > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::styled(format!(" {help}"), theme.dim()));
    }
    Line::from(spans)
}

/// What the help is about: the pane's title, or the view's.
fn title(app: &App, ctx: KeyContext) -> &'static str {
    match ctx {
        KeyContext::Detail => "Customer",
        KeyContext::Welcome => "Welcome",
        KeyContext::Insight => "Insight",
        KeyContext::Calendar => "Feedback calendar",
        KeyContext::Document => "Document",
        KeyContext::Staff => "Staff",
        _ => app.focus.title(),
    }
}

/// Draws the help overlay for the focused pane.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, screen: Rect) {
    let ctx = app.key_context();
    let rows = help_rows(ctx);
    // A row belongs to the pane when one of the pane's own bindings has its text.
    let own = |help: &str| DEFAULTS.iter().any(|b| b.context == ctx && b.help == help);
    let (pane_rows, global_rows): (Vec<_>, Vec<_>) = rows.iter().partition(|(_, help)| own(help));
    let key_width = rows
        .iter()
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(0)
        .min(14);
    let pane_lines = section(theme, title(app, ctx), &pane_rows, key_width);
    let global_lines = section(theme, "Everywhere", &global_rows, key_width);
    let width = screen.width.saturating_sub(4).min(MAX_WIDTH);
    let inner_width = width.saturating_sub(2);
    let side = inner_width >= SIDE_BY_SIDE;
    let column = usize::from(if side {
        inner_width.saturating_sub(GUTTER) / 2
    } else {
        inner_width
    });
    let wrap = |lines: Vec<Line<'static>>| -> Vec<Line<'static>> {
        lines
            .iter()
            .flat_map(|l| wrap_line(l, column, key_width + 2))
            .collect()
    };
    let (pane_lines, global_lines) = (wrap(pane_lines), wrap(global_lines));
    let lines_needed = if side {
        pane_lines.len().max(global_lines.len())
    } else {
        pane_lines.len() + global_lines.len() + 1
    };
    let height = u16::try_from(lines_needed)
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(screen.height.saturating_sub(2));
    let area = centered(screen, width, height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border())
        .title(Line::from(Span::styled(
            format!(" Keys: {} ", title(app, ctx)),
            theme.title(),
        )))
        .title_bottom(Line::from(" Esc closes ").right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if side {
        let [left, _, right] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(GUTTER),
            Constraint::Fill(1),
        ])
        .areas(inner);
        frame.render_widget(Paragraph::new(pane_lines), left);
        frame.render_widget(Paragraph::new(global_lines), right);
    } else {
        let mut lines = pane_lines;
        lines.push(Line::raw(""));
        lines.extend(global_lines);
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// A heading and one line per key row: `j ↓        down`.
fn section(
    theme: Theme,
    heading: &str,
    rows: &[&(String, &'static str)],
    key_width: usize,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(heading.to_string(), theme.header())];
    for (keys, help) in rows {
        let pad = key_width.saturating_sub(keys.width());
        lines.push(Line::from(vec![
            Span::styled(keys.clone(), theme.key()),
            Span::raw(" ".repeat(pad + 2)),
            Span::raw(*help),
        ]));
    }
    lines
}
