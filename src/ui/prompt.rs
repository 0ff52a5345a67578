//! Small forms over the panes (assign, context, snooze, owner, due date) and the question asked
//! before quitting with a save in flight. The focused field shows its cursor as a reversed cell
//! (and the terminal cursor sits on it), and scrolls sideways when the text is longer than the
//! box.

use super::centered;
use super::fit::{truncate_line, wrap_line};
use super::theme::Theme;
use crate::app::{App, Field, Prompt};
use crate::keymap::{Action, KeyContext, Keymap, hints};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthChar;

/// The widest a form gets.
const MAX_WIDTH: u16 = 70;

/// Draws an open form; time fields show what they understood at `app`'s now.
pub fn draw(app: &App, prompt: &Prompt, theme: Theme, frame: &mut Frame, screen: Rect) {
    let width = screen.width.saturating_sub(4).min(MAX_WIDTH);
    // Errors wrap (never cut): they say what to do, and the end is often the instruction.
    let error_lines: Vec<Line<'static>> = prompt
        .error
        .as_ref()
        .map(|e| {
            let line = Line::styled(format!("! {e}"), theme.error());
            wrap_line(&line, usize::from(width.saturating_sub(2)), 2)
        })
        .unwrap_or_default();
    // A form taller than the screen keeps only the focused field's hint.
    let full = prompt.fields.len().saturating_mul(3) + error_lines.len() + 4;
    let compact = full > usize::from(screen.height);
    let field_lines = if compact {
        prompt.fields.len().saturating_mul(2) + 1
    } else {
        prompt.fields.len().saturating_mul(3)
    };
    let needed = field_lines + error_lines.len() + 2;
    let height = u16::try_from(needed).unwrap_or(u16::MAX).saturating_add(2);
    let area = centered(screen, width, height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border())
        .title(Line::from(Span::styled(
            format!(" {} ", prompt.title),
            theme.title(),
        )));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let input_width = usize::from(inner.width.saturating_sub(2));
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut cursor: Option<Position> = None;
    for (n, field) in prompt.fields.iter().enumerate() {
        let focused = n == prompt.focus;
        let label_style = if focused {
            theme.title()
        } else {
            theme.normal()
        };
        lines.push(Line::styled(
            format!("{}{}", if focused { "▶ " } else { "  " }, field.label),
            label_style,
        ));
        let (input, cursor_x) = input_line("> ", field, focused, input_width, theme);
        if let Some(x) = cursor_x {
            let y = inner
                .y
                .saturating_add(u16::try_from(lines.len()).unwrap_or(u16::MAX));
            let x = inner.x.saturating_add(2).saturating_add(x);
            cursor = Some(Position { x, y });
        }
        lines.push(input);
        if compact && !focused {
            continue;
        }
        lines.push(
            match prompt.preview(n, app.now, app.rules.work_week.offset) {
                Some(Ok(understood)) => Line::from(vec![
                    Span::styled("  = ", theme.key()),
                    Span::styled(understood, theme.title()),
                ]),
                Some(Err(_)) => {
                    Line::styled(format!("  not a time yet: {}", field.hint), theme.dim())
                }
                None => Line::styled(format!("  {}", field.hint), theme.dim()),
            },
        );
    }
    lines.extend(error_lines);
    lines.push(Line::raw(""));
    lines.push(keys_line(
        &app.rules.keys,
        KeyContext::Prompt,
        &[Action::Submit, Action::Back, Action::ClearField],
        theme,
    ));
    // Cut rather than wrapped: the cursor's line must stay where it was counted.
    let width = usize::from(inner.width);
    let lines: Vec<Line<'static>> = lines.into_iter().map(|l| truncate_line(l, width)).collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(pos) = cursor.filter(|p| inner.contains(*p)) {
        frame.set_cursor_position(pos);
    }
}

/// The visible part of a field's text after `prefix` (`> `), with the cursor cell reversed
/// when focused, and the cursor's column inside the input. Scrolls so the cursor stays in view.
pub(super) fn input_line(
    prefix: &'static str,
    field: &Field,
    focused: bool,
    width: usize,
    theme: Theme,
) -> (Line<'static>, Option<u16>) {
    let chars: Vec<char> = field.value.chars().collect();
    let cursor = field.cursor.min(chars.len());
    let w = |c: &char| c.width().unwrap_or(0);
    // The first char shown: as far left as keeps the cursor cell within the width.
    let mut start = cursor;
    let mut used = 1;
    while start > 0 {
        let cw = chars.get(start - 1).map_or(0, w);
        if used + cw > width {
            break;
        }
        used += cw;
        start -= 1;
    }
    let before: String = chars
        .get(start..cursor)
        .unwrap_or_default()
        .iter()
        .collect();
    let before_width: usize = chars
        .get(start..cursor)
        .unwrap_or_default()
        .iter()
        .map(w)
        .sum();
    let at = chars.get(cursor).copied();
    let mut room = width
        .saturating_sub(before_width)
        .saturating_sub(at.map_or(1, |c| w(&c)));
    let mut after = String::new();
    for c in chars.get(cursor.saturating_add(1)..).unwrap_or_default() {
        if w(c) > room {
            break;
        }
        room -= w(c);
        after.push(*c);
    }
    let mut spans = vec![Span::styled(prefix, theme.key()), Span::raw(before)];
    if focused {
        spans.push(Span::styled(
            at.map_or(" ".to_string(), String::from),
            theme.cursor(),
        ));
    } else if let Some(c) = at {
        spans.push(Span::raw(String::from(c)));
    }
    spans.push(Span::raw(after));
    let x = focused.then(|| u16::try_from(before_width).unwrap_or(u16::MAX));
    (Line::from(spans), x)
}

/// Asks before quitting while a save is still on its way to disk.
pub fn draw_confirm_quit(app: &App, theme: Theme, frame: &mut Frame, screen: Rect) {
    let area = centered(screen, 48, 4);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border())
        .title(Line::from(Span::styled(" Quit? ", theme.title())));
    let lines = vec![
        Line::styled("A save is still in progress.", theme.title()),
        keys_line(
            &app.rules.keys,
            KeyContext::Quit,
            &[Action::Quit, Action::Back],
            theme,
        ),
    ];
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

/// `key help · key help` for `actions`, keys and help from the key table.
fn keys_line(
    keymap: &Keymap,
    context: KeyContext,
    actions: &[Action],
    theme: Theme,
) -> Line<'static> {
    let mut spans = Vec::new();
    for (n, (key, help)) in hints(keymap, context, actions).into_iter().enumerate() {
        if n > 0 {
            spans.push(Span::raw(" · "));
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {help}")));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(line: &Line<'_>) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_in_view() {
        let theme = Theme::new(false);
        let mut field = Field::new("Reason", "");
        for c in "abcdefghijklmnopqrstuvwxyz".chars() {
            field.insert(c);
        }
        let (line, x) = input_line("> ", &field, true, 10, theme);
        assert_eq!(shown(&line), "> rstuvwxyz ");
        assert_eq!(x, Some(9));
        field.home_end(false);
        let (line, x) = input_line("> ", &field, true, 10, theme);
        assert_eq!(shown(&line), "> abcdefghij");
        assert_eq!(x, Some(0));
        let (line, x) = input_line("> ", &field, false, 10, theme);
        assert_eq!(shown(&line), "> abcdefghij");
        assert_eq!(x, None);
        // Wide characters count two cells.
        let mut wide = Field::new("Name", "");
        for c in "日本語日本語".chars() {
            wide.insert(c);
        }
        let (line, x) = input_line("> ", &wide, true, 7, theme);
        assert_eq!(shown(&line), "> 日本語 ");
        assert_eq!(x, Some(6));
    }
}
