//! The help overlay: every key of the focused pane, then the keys that work everywhere, read
//! from the same table the key handling uses, so help never lies.

use super::centered;
use super::fit::wrap_line;
use super::theme::Theme;
use crate::app::App;
use crate::keymap::{Action, KeyContext, Keymap, help_rows, hints};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// From this inner width on, the pane's keys and the global keys stand side by side.
const SIDE_BY_SIDE: u16 = 70;
/// The widest the overlay gets.
const MAX_WIDTH: u16 = 100;
/// Space between columns.
const GUTTER: u16 = 2;
/// The narrowest a column of keys gets before the overlay says rows are missing.
const MIN_COLUMN: usize = 26;

/// A hint line, `key word · key word`: the keys are read from the key table, each with a
/// short word for where room is scarce (the help overlay has the full text).
pub fn hint_line(
    keymap: &Keymap,
    context: KeyContext,
    actions: &[(Action, &'static str)],
    theme: Theme,
) -> Line<'static> {
    let keys = actions.iter().filter_map(|&(action, word)| {
        let (key, _) = hints(keymap, context, &[action]).into_iter().next()?;
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

/// Every key of `actions` in `context` for a hint, `Tab/j`: the arrows and Shift-Tab, which
/// every user tries anyway, are left out when the action has another key (help lists them
/// all), and a run of digits is a range (`1-5`). Empty when none of them has a key.
pub fn hint_keys(keymap: &Keymap, context: KeyContext, actions: &[Action]) -> String {
    let arrows = ["↑", "↓", "←", "→", "Shift-Tab"];
    let mut keys: Vec<String> = Vec::new();
    for &action in actions {
        let all = keymap.keys_of(context, action);
        let plain: Vec<String> = all
            .iter()
            .filter(|k| !arrows.contains(&k.as_str()))
            .cloned()
            .collect();
        keys.extend(if plain.is_empty() { all } else { plain });
    }
    let digit = |k: &String| k.parse::<u8>().ok().filter(|_| k.len() == 1);
    let mut out: Vec<String> = Vec::new();
    let mut at = 0;
    while at < keys.len() {
        let mut end = at;
        while let (Some(a), Some(b)) = (
            keys.get(end).and_then(digit),
            keys.get(end + 1).and_then(digit),
        ) {
            if b != a + 1 {
                break;
            }
            end += 1;
        }
        let run = keys.get(at..=end).unwrap_or_default();
        match (run.first(), run.last()) {
            (Some(first), Some(last)) if run.len() > 2 => out.push(format!("{first}-{last}")),
            _ => out.extend(run.iter().cloned()),
        }
        at = end + 1;
    }
    out.join("/")
}

/// A hint as text, `h/l day · t today`: for each part, the first key of each of its actions
/// (a pane's or view's own, else the global one) joined by `/`, then its word. A part whose
/// actions have no key is left out.
pub fn hint_text(keymap: &Keymap, context: KeyContext, parts: &[(&[Action], &str)]) -> String {
    parts
        .iter()
        .filter_map(|(actions, word)| {
            let keys: Vec<String> = hints(keymap, context, actions)
                .into_iter()
                .map(|(key, _)| key)
                .collect();
            (!keys.is_empty()).then(|| format!("{} {word}", keys.join("/")))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What the help is about: the pane's title, or the view's or form's.
fn title(app: &App, ctx: KeyContext) -> &'static str {
    ctx.title().unwrap_or_else(|| app.focus.title())
}

/// Draws the help overlay for the focused pane.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, screen: Rect) {
    let ctx = app.key_context();
    let rows = help_rows(&app.rules.keys, ctx);
    // A row belongs to the pane when one of the pane's own bindings has its text.
    let own = |help: &str| {
        app.rules
            .keys
            .bindings()
            .iter()
            .any(|b| b.context == ctx && b.help == help)
    };
    let (pane_rows, global_rows): (Vec<_>, Vec<_>) = rows.iter().partition(|(_, help)| own(help));
    let key_width = rows
        .iter()
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(0)
        .min(14);
    let pane_rows = section(theme, title(app, ctx), &pane_rows, key_width);
    let global_rows = section(theme, "Everywhere", &global_rows, key_width);
    let width = screen.width.saturating_sub(4).min(MAX_WIDTH);
    let inner_width = usize::from(width.saturating_sub(2));
    let most_lines = usize::from(screen.height.saturating_sub(4));
    // A view or form that takes only its own keys has no "Everywhere" section.
    let sections: Vec<Vec<HelpLine>> = [pane_rows, global_rows]
        .into_iter()
        .filter(|s| s.len() > 1)
        .collect();
    let layout = layout(theme, &sections, inner_width, most_lines, key_width + 2);
    let height = u16::try_from(layout.iter().map(Vec::len).max().unwrap_or(0))
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
        .title_bottom(Line::from(closes(&app.rules.keys)).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // Columns exactly as wide as the lines were wrapped to.
    let count = u16::try_from(layout.len()).unwrap_or(1).max(1);
    let column = inner
        .width
        .saturating_sub((count - 1).saturating_mul(GUTTER))
        / count;
    let mut constraints = Vec::new();
    for n in 0..count {
        if n > 0 {
            constraints.push(Constraint::Length(GUTTER));
        }
        constraints.push(Constraint::Length(column));
    }
    let areas = Layout::horizontal(constraints).split(inner);
    for (lines, column) in layout.into_iter().zip(areas.iter().step_by(2)) {
        frame.render_widget(Paragraph::new(lines), *column);
    }
}

/// ` Esc closes `: the help's own close key, from the table.
fn closes(keymap: &Keymap) -> String {
    hints(keymap, KeyContext::Help, &[Action::Back])
        .into_iter()
        .next()
        .map_or_else(
            || " any key closes ".to_string(),
            |(key, help)| format!(" {key} {help} "),
        )
}

/// A help line, and whether it starts a key row (not a heading, a gap or a wrapped line).
type HelpLine = (Line<'static>, bool);

/// The sections' lines in columns of at most `most_lines`: the fewest columns that show
/// every row (side by side from [`SIDE_BY_SIDE`] on, each section starting a column, a
/// section taller than the overlay running on into the next). When no number of columns
/// shows every row, as many as fit are shown and the last line says how many are not: a
/// help cut off without a word would hide keys.
fn layout(
    theme: Theme,
    sections: &[Vec<HelpLine>],
    inner_width: usize,
    most_lines: usize,
    indent: usize,
) -> Vec<Vec<Line<'static>>> {
    let first = if inner_width >= usize::from(SIDE_BY_SIDE) {
        2
    } else {
        1
    };
    let widest = ((inner_width + usize::from(GUTTER)) / (MIN_COLUMN + usize::from(GUTTER))).max(1);
    let column_width = |n: usize| (inner_width.saturating_sub((n - 1) * usize::from(GUTTER))) / n;
    let wrapped = |n: usize| -> Vec<Vec<HelpLine>> {
        sections
            .iter()
            .map(|lines| {
                lines
                    .iter()
                    .flat_map(|(line, starts)| {
                        wrap_line(line, column_width(n), indent)
                            .into_iter()
                            .enumerate()
                            .map(move |(i, l)| (l, *starts && i == 0))
                    })
                    .collect()
            })
            .collect()
    };
    for n in first.min(widest)..=widest {
        let sections = wrapped(n);
        if n == 1 {
            let all = stacked(&sections);
            if all.len() <= most_lines {
                return vec![all.into_iter().map(|(l, _)| l).collect()];
            }
            continue;
        }
        for height in 1..=most_lines {
            let columns: Vec<Vec<Line<'static>>> = sections
                .iter()
                .flat_map(|s| columns_of(s, height))
                .collect();
            if columns.len() <= n {
                return columns;
            }
        }
    }
    // Not every row fits: as many as do (in the number of columns that hides the fewest),
    // then how many do not.
    (1..=widest)
        .map(|n| cut(theme, &stacked(&wrapped(n)), n, column_width(n), most_lines))
        .min_by_key(|(_, hidden)| *hidden)
        .map(|(columns, _)| columns)
        .unwrap_or_default()
}

/// The first of `all` that fit in `n` columns of `width` x `most_lines` with a last line
/// saying how many rows are left out, and that number.
fn cut(
    theme: Theme,
    all: &[HelpLine],
    n: usize,
    width: usize,
    most_lines: usize,
) -> (Vec<Vec<Line<'static>>>, usize) {
    let mut shown = all.len();
    loop {
        // Never half a row: cut where a row starts.
        while shown > 0
            && all
                .get(shown)
                .is_some_and(|(l, starts)| !starts && is_wrapped(l))
        {
            shown -= 1;
        }
        let hidden = all.iter().skip(shown).filter(|(_, starts)| *starts).count();
        let marker = Line::from(Span::styled(
            format!("… {hidden} more: make the terminal taller"),
            theme.error(),
        ));
        let mut lines: Vec<HelpLine> = all.iter().take(shown).cloned().collect();
        lines.extend(
            wrap_line(&marker, width, 2)
                .into_iter()
                .enumerate()
                .map(|(i, l)| (l, i == 0)),
        );
        let mut columns = columns_of(&lines, most_lines);
        if columns.len() <= n || shown == 0 {
            columns.truncate(n);
            return (columns, hidden);
        }
        shown -= 1;
    }
}

/// `lines` in columns of at most `height`, a key row and its wrapped lines kept together
/// (unless one row alone is taller than a column).
fn columns_of(lines: &[HelpLine], height: usize) -> Vec<Vec<Line<'static>>> {
    let height = height.max(1);
    let mut columns: Vec<Vec<Line<'static>>> = Vec::new();
    let mut column: Vec<Line<'static>> = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        // The row starting here: this line and the wrapped ones after it.
        let len = 1 + lines
            .iter()
            .skip(at + 1)
            .take_while(|(l, starts)| !starts && !l.spans.is_empty() && is_wrapped(l))
            .count();
        if !column.is_empty() && column.len() + len > height {
            columns.push(std::mem::take(&mut column));
        }
        for (line, _) in lines.iter().skip(at).take(len) {
            if column.len() == height {
                columns.push(std::mem::take(&mut column));
            }
            column.push(line.clone());
        }
        at += len;
    }
    if !column.is_empty() {
        columns.push(column);
    }
    columns
}

/// Whether a line is the wrapped rest of a key row (it starts with the indent).
fn is_wrapped(line: &Line<'_>) -> bool {
    line.spans
        .first()
        .is_some_and(|s| !s.content.is_empty() && s.content.trim().is_empty())
}

/// The sections one under the other with a blank line between.
fn stacked(sections: &[Vec<HelpLine>]) -> Vec<HelpLine> {
    let mut all = Vec::new();
    for (n, lines) in sections.iter().enumerate() {
        if n > 0 {
            all.push((Line::raw(""), false));
        }
        all.extend(lines.iter().cloned());
    }
    all
}

/// A heading and one line per key row: `j ↓        down`.
fn section(
    theme: Theme,
    heading: &str,
    rows: &[&(String, &'static str)],
    key_width: usize,
) -> Vec<HelpLine> {
    let mut lines = vec![(Line::styled(heading.to_string(), theme.header()), false)];
    for (keys, help) in rows {
        let pad = key_width.saturating_sub(keys.width());
        let line = Line::from(vec![
            Span::styled(keys.clone(), theme.key()),
            Span::raw(" ".repeat(pad + 2)),
            Span::raw(*help),
        ]);
        lines.push((line, true));
    }
    lines
}
