//! The completion summary over the form (Ctrl-S): the scores, the follow-up a low score opens
//! with its owners, and every obligation completing will open, as the queue's own rules
//! compute them (see `core::completion::opened_by`), so this screen cannot promise less or
//! more than the queue will show.

use super::clock;
use super::fit::wrap_line;
use super::theme::Theme;
use crate::app::{App, Form};
use crate::keymap::{Action, KeyContext};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

/// Draws the summary centred over `area`.
pub fn draw(app: &App, form: &Form, theme: Theme, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).clamp(20, 90);
    let text_width = usize::from(width.saturating_sub(2));
    let lines = lines(app, form, theme, text_width);
    let wanted = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let height = wanted.min(area.height.saturating_sub(2)).max(3);
    let rect = Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width: width.min(area.width),
        height: height.min(area.height),
    };
    if rect.is_empty() {
        return;
    }
    // A blank margin either side, so no letter of the form behind sits against the border.
    let margin = Rect {
        x: rect.x.saturating_sub(1).max(area.x),
        width: rect.width.saturating_add(2).min(area.width),
        ..rect
    };
    frame.render_widget(Clear, margin);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .title(Span::styled(" Complete the interview? ", theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    // The answer keys are the last line and must never be cut: on a short screen the list
    // above gives way instead.
    let fits = usize::from(inner.height);
    let shown: Vec<Line<'static>> = if lines.len() > fits && fits > 0 {
        let mut cut: Vec<Line<'static>> = lines[..fits - 1].to_vec();
        cut.extend(lines.last().cloned());
        cut
    } else {
        lines
    };
    frame.render_widget(Paragraph::new(shown), inner);
}

fn lines(app: &App, form: &Form, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let threshold = app.rules.policy.low_scores.threshold;
    let mut spans: Vec<Span<'static>> = vec![Span::raw("Scores: ")];
    for (n, a) in form.interview.answers.iter().enumerate() {
        if n > 0 {
            spans.push(Span::raw(" · "));
        }
        spans.push(Span::raw(format!("{} ", a.question_key)));
        spans.push(match a.score {
            Some(s) if s.get() < threshold => Span::styled(
                format!("{} LOW", s.get()),
                theme.severity(s.get()).add_modifier(Modifier::BOLD),
            ),
            Some(s) => Span::styled(s.get().to_string(), theme.ok()),
            None => Span::styled("not asked", theme.dim()),
        });
    }
    let mut lines = wrap_line(&Line::from(spans), width, 2);
    match &form.preview {
        Some(Some(f)) => {
            let who: Vec<&str> = f
                .participants
                .iter()
                .map(|p| app.data.staff_name(Some(*p)))
                .filter(|n| !n.is_empty())
                .collect();
            let who = if who.is_empty() {
                "nobody on file: assign an owner".to_string()
            } else {
                who.join(", ")
            };
            lines.extend(wrap_line(
                &Line::styled(format!("Follow-up {} for: {who}", f.id), theme.overdue()),
                width,
                2,
            ));
        }
        Some(None) => lines.push(Line::styled(
            "No score below the threshold: no follow-up.",
            theme.ok(),
        )),
        None => {}
    }
    if !form.opens.is_empty() {
        lines.push(Line::styled("Completing opens:", theme.header()));
    }
    for item in &form.opens {
        // The due date first, in one column; the text as the queue's row shows it.
        let text = format!("• due {}  {}", clock::date(app, item.due), item.what);
        let style = if item.severity.is_some() {
            theme.overdue()
        } else {
            theme.dim()
        };
        lines.extend(wrap_line(&Line::styled(text, style), width, 18));
    }
    let action = if form.completing {
        "saving…".to_string()
    } else {
        // Any key but yes goes back, so the keys of going back need no naming.
        format!(
            "{} complete and save · any other key goes back",
            super::help::hint_keys(&app.rules.keys, KeyContext::Summary, &[Action::Confirm])
        )
    };
    lines.push(Line::styled(action, theme.key()));
    lines
}
