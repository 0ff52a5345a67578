//! The weekly review view: the lines `hearback review` prints, headings in bold, long lines
//! word-wrapped (continuations indented), scrolled by text line; the keys from the key table.

use super::fit::wrap_line;
use super::theme::Theme;
use crate::app::{App, ReviewView};
use crate::keymap::{Action, KeyContext, hints};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph};

/// Continuation lines of a wrapped line start this far in.
const INDENT: usize = 6;

/// Draws the weekly review into `area` (the screen above the status line).
pub fn draw(app: &App, view: &ReviewView, theme: Theme, frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let width = usize::from(area.width.saturating_sub(4)).max(1);
    let page = usize::from(area.height.saturating_sub(2));
    let top = usize::from(view.scroll).min(view.lines.len().saturating_sub(1));
    let mut shown: Vec<Line<'static>> = Vec::with_capacity(page);
    let mut last = top;
    for (n, text) in view.lines.iter().enumerate().skip(top) {
        if shown.len() >= page {
            break;
        }
        last = n;
        let wrapped = wrap_line(&styled(text, theme), width, INDENT);
        let room = page - shown.len();
        shown.extend(wrapped.into_iter().take(room));
    }
    let position = format!("line {}-{} of {}", top + 1, last + 1, view.lines.len());
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border())
        .padding(Padding::horizontal(1))
        .title(Line::from(Span::styled(" Weekly review ", theme.title())))
        .title_bottom(Line::from(format!(" {position} · {} ", keys(app))).right_aligned());
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

/// A heading (a line that starts at the first column) in bold; the rest plain.
fn styled(text: &str, theme: Theme) -> Line<'static> {
    if !text.is_empty() && !text.starts_with(' ') {
        Line::styled(text.to_string(), theme.title())
    } else {
        Line::raw(text.to_string())
    }
}

/// `[ week before · ] week after · t this week · Esc closes`, from the key table.
fn keys(app: &App) -> String {
    let key = |action| {
        hints(&app.rules.keys, KeyContext::Review, &[action])
            .into_iter()
            .next()
            .map(|(key, _)| key)
    };
    [
        (Action::PeriodPrev, "week before"),
        (Action::PeriodNext, "week after"),
        (Action::Today, "this week"),
        (Action::Back, "closes"),
    ]
    .into_iter()
    .filter_map(|(action, word)| Some(format!("{} {word}", key(action)?)))
    .collect::<Vec<_>>()
    .join(" · ")
}
