//! The command line (`:`): one line at the bottom of the screen, in place of the status line
//! (one line up when the disk-error banner holds the bottom), with its keys on the right while
//! there is room; above it, the candidates of the last Tab (the one inserted marked `▶`) or why
//! Tab found nothing.

use super::fit::truncate;
use super::help::hint_line;
use super::prompt::input_line;
use super::theme::Theme;
use crate::app::{App, CommandLine, Cycle, Overlay};
use crate::keymap::{Action, KeyContext, hints};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The most candidates listed at once; the list scrolls with the one inserted.
const MOST_SHOWN: usize = 8;
/// The widest a candidate's label gets before its help.
const LABEL_WIDTH: usize = 40;

/// Draws the open command line over the bottom of the screen.
pub fn draw(app: &App, line: &CommandLine, theme: Theme, frame: &mut Frame) {
    let screen = frame.area();
    let up = u16::from(app.disk_failed);
    if screen.height <= up {
        return;
    }
    let row = Rect {
        y: screen.bottom().saturating_sub(1 + up),
        height: 1,
        ..screen
    };
    frame.render_widget(Clear, row);
    let width = usize::from(row.width);
    let keys = hint_line(
        &app.rules.keys,
        KeyContext::Command,
        &[
            (Action::Submit, "runs"),
            (Action::CompleteWord, "completes"),
            (Action::Back, "cancels"),
        ],
        theme,
    );
    // The keys only while the text leaves them room; the text always wins.
    let keys_width = keys.width() + 2;
    let text_width = line.field.value.width() + 2;
    let show_keys = text_width + keys_width <= width;
    let input_width = if show_keys { width - keys_width } else { width };
    let (input, cursor) = input_line(":", &line.field, true, input_width.saturating_sub(1), theme);
    frame.render_widget(Paragraph::new(input).style(theme.status()), row);
    if show_keys {
        let area = Rect {
            x: row.x + u16::try_from(input_width).unwrap_or(row.width),
            width: u16::try_from(keys_width).unwrap_or(0),
            ..row
        };
        frame.render_widget(
            Paragraph::new(keys).style(theme.status()).right_aligned(),
            area,
        );
    }
    if let Some(x) = cursor {
        frame.set_cursor_position(Position {
            x: row.x.saturating_add(1).saturating_add(x),
            y: row.y,
        });
    }
    // Help opened from the command line sits above; the list would cover it.
    if app.overlay == Some(Overlay::Help) {
        return;
    }
    let above = Rect {
        height: row.y.saturating_sub(screen.y),
        ..screen
    };
    if let Some(cycle) = &line.cycle {
        let next = hints(
            &app.rules.keys,
            KeyContext::Command,
            &[Action::CompleteWord],
        )
        .into_iter()
        .next()
        .map_or_else(String::new, |(key, _)| format!(" {key}: next "));
        draw_candidates(cycle, &next, theme, frame, above);
    } else if let Some(note) = &line.note {
        let area = Rect {
            y: above.bottom().saturating_sub(1),
            height: above.height.min(1),
            ..above
        };
        frame.render_widget(Clear, area);
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(" {}", truncate(note, width.saturating_sub(1))),
                theme.dim(),
            )),
            area,
        );
    }
}

/// The candidates in a box standing on the prompt, left-aligned, the one inserted marked.
fn draw_candidates(cycle: &Cycle, title: &str, theme: Theme, frame: &mut Frame, above: Rect) {
    let len = cycle.candidates.len();
    let room = usize::from(above.height.saturating_sub(2));
    let shown = len.min(MOST_SHOWN).min(room);
    if shown == 0 {
        return;
    }
    let label_width = cycle
        .candidates
        .iter()
        .map(|c| c.label.width())
        .max()
        .unwrap_or(0)
        .min(LABEL_WIDTH);
    let about_width = cycle
        .candidates
        .iter()
        .map(|c| c.about.width())
        .max()
        .unwrap_or(0);
    let about_room = if about_width > 0 { about_width + 2 } else { 0 };
    let inner = (2 + label_width + about_room).max(24);
    let width = u16::try_from(inner + 2)
        .unwrap_or(u16::MAX)
        .min(above.width);
    let height = u16::try_from(shown + 2).unwrap_or(u16::MAX);
    let area = Rect {
        x: above.x,
        y: above.bottom().saturating_sub(height),
        width,
        height,
    };
    let selected = cycle.selected.unwrap_or(0);
    let first = super::fit::window(selected, len, shown);
    let text_width = usize::from(width.saturating_sub(2));
    let lines: Vec<Line<'static>> = cycle
        .candidates
        .iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .map(|(n, c)| {
            let chosen = cycle.selected == Some(n);
            let mark = if chosen { "▶ " } else { "  " };
            let label = truncate(&c.label, label_width);
            let pad = " ".repeat(label_width.saturating_sub(label.width()));
            let style = if chosen {
                theme.selected()
            } else {
                theme.normal()
            };
            let mut spans = vec![Span::styled(format!("{mark}{label}"), style)];
            if !c.about.is_empty() {
                let left = text_width.saturating_sub(label_width + 4);
                spans.push(Span::raw(format!("{pad}  ")));
                spans.push(Span::styled(truncate(&c.about, left), theme.dim()));
            }
            Line::from(spans)
        })
        .collect();
    let position = if len > shown {
        format!(" {}-{} of {len} ", first + 1, first + shown)
    } else {
        format!(" {len} ")
    };
    let block = Block::bordered()
        .border_type(BorderType::Plain)
        .border_style(theme.border())
        .title(Line::from(Span::styled(title.to_string(), theme.title())))
        .title_bottom(Line::from(position).right_aligned());
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
