//! The document view: a debrief, President report or digest as the Markdown it is, headings
//! in bold, long lines word-wrapped (continuations indented), scrolled by text line.

use super::fit::wrap_line;
use super::theme::Theme;
use crate::app::{App, DocumentView};
use crate::keymap::{Action, KeyContext, hints};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph};

/// Continuation lines of a wrapped line start this far in.
const INDENT: usize = 2;

/// Draws the document view into `area` (the screen above the status line).
pub fn draw(app: &App, view: &DocumentView, theme: Theme, frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let width = usize::from(area.width.saturating_sub(4));
    let inner = usize::from(area.height.saturating_sub(2));
    // The lead's notes stay on top while the document scrolls, in at most a third of it.
    let heading = if view.letter.is_some() {
        "The email's headers (y copies the text only; e writes them with it):"
    } else {
        "For you, not in the document (y copies the document only):"
    };
    let mut notes = notes(heading, &view.notes, theme, width);
    if notes.len() > inner / 3 {
        notes.truncate((inner / 3).saturating_sub(1));
        if !notes.is_empty() {
            let more = "… more notes: taller terminal, or `hearback report` lists them on stderr";
            notes.push(Line::from(Span::styled(more, theme.due())));
        }
    }
    let page = inner - notes.len();
    let text: Vec<&str> = view.text.lines().collect();
    let wrapped: Vec<Vec<Line<'static>>> = text
        .iter()
        .map(|l| wrap_line(&styled(l, theme), width, INDENT))
        .collect();
    let top = usize::from(view.scroll).min(last_page_top(&wrapped, page));
    let mut shown: Vec<Line<'static>> = Vec::with_capacity(inner);
    let mut last = top;
    for (n, lines) in wrapped.iter().enumerate().skip(top) {
        if shown.len() >= page {
            break;
        }
        last = n;
        shown.extend(lines.iter().take(page - shown.len()).cloned());
    }
    notes.extend(shown);
    let shown = notes;
    let position = if text.is_empty() {
        "empty".to_string()
    } else {
        format!("line {}-{} of {}", top + 1, last + 1, text.len())
    };
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border())
        .padding(Padding::horizontal(1))
        .title(Line::from(Span::styled(
            format!(" {} ", view.title),
            theme.title(),
        )))
        .title_bottom(Line::from(format!(" {position} · {} ", keys(app, view))).right_aligned());
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

/// The lead's notes, wrapped, under a line saying they are not part of the document, and a
/// blank line after them.
fn notes(heading: &str, notes: &[String], theme: Theme, width: usize) -> Vec<Line<'static>> {
    if notes.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::from(Span::styled(heading.to_string(), theme.title()))];
    for note in notes {
        let line = Line::from(Span::styled(format!("- {note}"), theme.due()));
        lines.extend(wrap_line(&line, width, INDENT));
    }
    lines.push(Line::default());
    lines
}

/// `y copies · Esc closes` (a letter: `y copies · e email file · x sent · Esc closes`), the
/// keys from the key table.
fn keys(app: &App, view: &DocumentView) -> String {
    let context = if view.letter.is_some() {
        KeyContext::Letter
    } else {
        KeyContext::Document
    };
    let key = |action| {
        hints(&app.rules.keys, context, &[action])
            .into_iter()
            .next()
            .map(|(key, _)| key)
    };
    let letter = view.letter.is_some();
    [
        (Action::CopyDocument, "copies", true),
        (Action::WriteEmail, "email file", letter),
        (Action::MarkSent, "sent", letter),
        (Action::Back, "closes", true),
    ]
    .into_iter()
    .filter(|(_, _, shown)| *shown)
    .map(|(action, word, _)| (action, word))
    .filter_map(|(action, word)| Some(format!("{} {word}", key(action)?)))
    .collect::<Vec<_>>()
    .join(" · ")
}

/// A text line with its style: Markdown headings bold, everything else plain.
fn styled(line: &str, theme: Theme) -> Line<'static> {
    if line.starts_with('#') {
        Line::styled(line.to_string(), theme.title())
    } else {
        Line::raw(line.to_string())
    }
}

/// The earliest text line from which the rest of the text fits on the page: scrolling stops
/// there, so the end of the text sits at the bottom rather than alone at the top.
fn last_page_top(wrapped: &[Vec<Line<'static>>], page: usize) -> usize {
    let mut rows = 0usize;
    for (n, lines) in wrapped.iter().enumerate().rev() {
        if rows + lines.len() > page {
            return (n + 1).min(wrapped.len().saturating_sub(1));
        }
        rows += lines.len();
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_page_is_full() {
        let one = || vec![Line::raw("x")];
        let wrapped = vec![one(), one(), vec![Line::raw("a"), Line::raw("b")], one()];
        assert_eq!(last_page_top(&wrapped, 3), 2);
        assert_eq!(last_page_top(&wrapped, 4), 1);
        assert_eq!(last_page_top(&wrapped, 10), 0);
        // A wrapped line that does not fit with the last one: the last line alone.
        assert_eq!(last_page_top(&wrapped, 2), 3);
        assert_eq!(last_page_top(&[], 2), 0);
    }
}
