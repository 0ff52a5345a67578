//! The question asked before a step that closes something: what will be recorded, for whom,
//! and the keys to answer (from the key table, so the hint cannot drift from the keys).

use super::centered;
use super::fit::wrap_line;
use super::theme::Theme;
use crate::app::Confirm;
use crate::keymap::{KeyContext, Keymap, help_rows};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// The widest the question gets.
const MAX_WIDTH: u16 = 64;

/// Draws the question over the panes.
pub fn draw(keymap: &Keymap, confirm: &Confirm, theme: Theme, frame: &mut Frame, screen: Rect) {
    let width = screen.width.saturating_sub(4).min(MAX_WIDTH);
    let inner = usize::from(width.saturating_sub(2));
    let mut lines = wrap_line(
        &Line::styled(confirm.question.clone(), theme.title()),
        inner,
        0,
    );
    lines.push(Line::raw(""));
    let mut keys: Vec<Span<'static>> = Vec::new();
    for (n, (key, help)) in help_rows(keymap, KeyContext::Confirm)
        .into_iter()
        .enumerate()
    {
        if n > 0 {
            keys.push(Span::raw(" · "));
        }
        keys.push(Span::styled(key, theme.key()));
        keys.push(Span::raw(format!(" {help}")));
    }
    lines.extend(wrap_line(&Line::from(keys), inner, 0));
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let area = centered(screen, width, height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border())
        .title(Line::from(Span::styled(" Are you sure? ", theme.title())));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
