//! The live interview form, drawn over the whole screen while an interview is recorded: the
//! questions with their scores and comments on the left, the pre-brief on the right, the
//! 30-minute timer in the title (amber from 25 minutes, red past the end), key hints at the
//! bottom, and the completion summary on Ctrl-S.

use super::fit::{truncate, wrap_line};
use super::help::hint_keys;
use super::theme::Theme;
use crate::app::soft_wrap;
use crate::app::{App, Form};
use crate::core::Individual;
use crate::keymap::{Action, KeyContext};
use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

/// The timer turns amber after this many minutes.
const AMBER_MINUTES: i64 = 25;

/// `mm:ss` of a non-negative span.
fn clock_span(d: Duration) -> String {
    let s = d.num_seconds().max(0);
    format!("{:02}:{:02}", s / 60, s % 60)
}

/// The timer text and its style: elapsed, then remaining (or over); before the interview
/// starts, its length and what starts it.
pub fn timer(app: &App, form: &Form, theme: Theme) -> (String, Style) {
    let Some(started) = form.interview.started_at else {
        let text = format!(
            "not started · {} min from the first entry (t starts now)",
            form.interview.duration_minutes
        );
        return (text, theme.dim());
    };
    let elapsed = app.now - started;
    let length = Duration::minutes(i64::from(form.interview.duration_minutes));
    let text = if elapsed <= length {
        format!(
            "{} elapsed · {} left",
            clock_span(elapsed),
            clock_span(length - elapsed)
        )
    } else {
        format!(
            "{} elapsed · {} OVER",
            clock_span(elapsed),
            clock_span(elapsed - length)
        )
    };
    let style = if elapsed > length {
        theme.overdue()
    } else if elapsed >= Duration::minutes(AMBER_MINUTES) {
        theme.due()
    } else {
        theme.ok()
    };
    (text, style)
}

/// Draws the form over `area`.
pub fn draw(app: &App, form: &Form, theme: Theme, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    frame.render_widget(Clear, area);
    let interview = &form.interview;
    let customer = app.data.customer(interview.customer);
    let name = customer.map_or("?", |c| c.name.as_str());
    let (timer_text, timer_style) = timer(app, form, theme);
    let title = Line::from(vec![
        Span::styled(
            format!(" Interview {} · {name} ", interview.id),
            theme.title(),
        ),
        Span::styled(
            format!(" {timer_text} "),
            timer_style.add_modifier(Modifier::BOLD),
        ),
    ]);
    let wide = area.width >= crate::app::WIDE;
    let [left, right] = if wide {
        let questions = Constraint::Length(crate::app::questions_width(area.width));
        Layout::horizontal([questions, Constraint::Fill(1)]).areas(area)
    } else {
        [area, Rect::default()]
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(theme.focus_border())
        .title(title);
    let inner = block.inner(left);
    frame.render_widget(block, left);
    let hint = hint(app, form);
    let saved = if !form.started() {
        Span::styled("not started, nothing saved", theme.dim())
    } else if form.is_saved() {
        Span::styled("draft saved", theme.ok())
    } else {
        Span::styled("saving draft…", theme.due())
    };
    let hint_lines: Vec<Line<'static>> = wrap_line(
        &Line::from(vec![
            saved,
            Span::raw(" · "),
            Span::styled(hint, theme.dim()),
        ]),
        usize::from(inner.width),
        0,
    );
    // Every key stays readable at 80 columns: the hint takes the lines it needs (the questions
    // keep at least half the form).
    let needed = u16::try_from(hint_lines.len()).unwrap_or(u16::MAX);
    let [body, hints] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(needed.min(inner.height / 2)),
    ])
    .areas(inner);
    questions(app, form, theme, frame, body);
    frame.render_widget(Paragraph::new(hint_lines), hints);
    if wide {
        super::prebrief::draw(app, customer, interview, theme, frame, right);
    }
    if form.confirming {
        super::form_summary::draw(app, form, theme, frame, area);
    }
    if form.discarding {
        discard(app, form, theme, frame, area);
    }
}

/// The form's key hint: the keys from the key table (modes `form` and `editor`), each with
/// a short word; the help over the form (`?`) has every key in full.
fn hint(app: &App, form: &Form) -> String {
    let keys = |context, actions: &[Action]| hint_keys(&app.rules.keys, context, actions);
    let part = |context, actions: &[Action], word: &str| {
        let keys = keys(context, actions);
        (!keys.is_empty()).then(|| format!("{keys} {word}"))
    };
    let parts: Vec<Option<String>> = if form.editor.is_some() {
        vec![
            Some("typing the comment".to_string()),
            part(KeyContext::Editor, &[Action::Leave], "leaves it"),
            part(KeyContext::Editor, &[Action::Complete], "complete"),
        ]
    } else {
        let c = KeyContext::Form;
        let scores: Vec<Action> = (1..=5).map(Action::Score).collect();
        let mut parts = vec![
            part(c, &scores, "score"),
            part(c, &[Action::NotAsked], "not asked"),
            part(c, &[Action::Down, Action::Up], "move"),
            part(c, &[Action::Comment], "comment"),
            part(c, &[Action::Individual], "individual: private/praise"),
            part(c, &[Action::SignificantIssue], "significant issue"),
            part(c, &[Action::EditPreBrief], "pre-brief notes"),
        ];
        if !form.started() {
            parts.push(part(c, &[Action::StartTimer], "start timer"));
        }
        parts.push(part(c, &[Action::Complete], "complete"));
        if form.started() {
            parts.push(part(c, &[Action::DiscardDraft], "discard draft"));
            parts.push(part(c, &[Action::Leave], "leave (draft kept)"));
        } else {
            parts.push(part(c, &[Action::Leave], "close"));
        }
        parts.push(part(c, &[Action::Help], "all keys"));
        parts
    };
    parts.into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

/// The discard question, centred over the form.
fn discard(app: &App, form: &Form, theme: Theme, frame: &mut Frame, area: Rect) {
    let question = crate::app::discard_question(app, form);
    let width = area.width.saturating_sub(4).clamp(20, 72);
    let lines = wrap_line(
        &Line::styled(question, theme.overdue()),
        usize::from(width.saturating_sub(2)),
        0,
    );
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(area.height);
    let rect = Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width: width.min(area.width),
        height,
    };
    if rect.is_empty() {
        return;
    }
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .title(Span::styled(" Discard the draft? ", theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn questions(app: &App, form: &Form, theme: Theme, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let threshold = app.rules.policy.low_scores.threshold;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut editor_row = None;
    // The comment being typed, soft-wrapped to the editor's width (see `app::soft_wrap`); it
    // grows with the text, up to what leaves the question above it on screen.
    let wrap = usize::from(area.width.saturating_sub(7)).max(1);
    let editing = form.editor.as_ref().map(|e| {
        let segments = soft_wrap::layout(e.lines(), wrap);
        let cursor = soft_wrap::locate(&segments, e.lines(), e.cursor());
        (e, segments, cursor)
    });
    let editor_height = editing.as_ref().map_or(0, |(_, segments, _)| {
        segments
            .len()
            .max(4)
            .min(usize::from(area.height.saturating_sub(3)).max(1))
    });
    for (n, a) in form.interview.answers.iter().enumerate() {
        let current = n == form.question;
        let score = a.score.map_or("-".to_string(), |s| s.get().to_string());
        let score_style = match a.score {
            Some(s) if s.get() < threshold => theme.severity(s.get()),
            Some(_) => theme.ok(),
            None => theme.dim(),
        };
        let marker = if current { "›" } else { " " };
        let mut head = vec![
            Span::raw(format!("{marker}{}. ", n + 1)),
            Span::styled(
                format!("[{score}] "),
                score_style.add_modifier(Modifier::BOLD),
            ),
            Span::raw(a.question.clone()),
        ];
        match a.individual {
            Individual::No => {}
            Individual::Private => {
                head.push(Span::styled(" [about an individual: private]", theme.due()))
            }
            Individual::Praise => head.push(Span::styled(" [praise to share]", theme.ok())),
        }
        let mut line = Line::from(head);
        if current {
            line = line.style(theme.selected());
        }
        lines.extend(wrap_line(&line, width, 7));
        if current && form.editor.is_some() {
            editor_row = Some(lines.len());
            // Room for the editor: drawn below over these blank lines.
            lines.extend(std::iter::repeat_n(Line::raw(""), editor_height));
        } else if current && !a.comment.is_empty() {
            // The current question's comment in full, to reread it during the call.
            let quoted = format!("“{}”", a.comment);
            for l in quoted.lines() {
                let line = Line::styled(format!("       {l}"), theme.dim());
                lines.extend(wrap_line(&line, width, 7));
            }
        } else if !a.comment.is_empty() {
            let first = a.comment.lines().next().unwrap_or_default();
            let more = if a.comment.lines().count() > 1 {
                " …"
            } else {
                ""
            };
            lines.push(Line::styled(
                truncate(&format!("       “{first}”{more}"), width),
                theme.dim(),
            ));
        }
    }
    if form.interview.significant_issue {
        lines.push(Line::styled(
            "  ! significant issue: other executives will be informed",
            theme.overdue(),
        ));
    }
    // Keep the current question (and its editor) on screen.
    let top = editor_row
        .unwrap_or(0)
        .saturating_sub(usize::from(area.height).saturating_sub(editor_height + 2));
    let skip = u16::try_from(top).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(lines).scroll((skip, 0)), area);
    if let (Some(row), Some((editor, segments, (at, cells)))) = (editor_row, editing) {
        let y = area
            .y
            .saturating_add(u16::try_from(row.saturating_sub(top)).unwrap_or(u16::MAX));
        let height = u16::try_from(editor_height)
            .unwrap_or(u16::MAX)
            .min(area.bottom().saturating_sub(y));
        let rect = Rect {
            x: area.x.saturating_add(6),
            y,
            width: area.width.saturating_sub(6),
            height,
        };
        if !rect.is_empty() {
            let frame_block = Block::default()
                .borders(Borders::LEFT)
                .border_style(theme.focus_border());
            let inner = frame_block.inner(rect);
            frame.render_widget(frame_block, rect);
            draw_comment(editor.lines(), &segments, (at, cells), theme, frame, inner);
        }
    }
}

/// The wrapped comment in `area`, scrolled so the cursor's line shows, the cursor as a
/// reversed cell.
fn draw_comment(
    text: &[String],
    segments: &[soft_wrap::Segment],
    (at, cells): (usize, usize),
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    if area.is_empty() {
        return;
    }
    let height = usize::from(area.height);
    let first = at.saturating_sub(height - 1);
    let lines: Vec<Line<'static>> = segments
        .iter()
        .skip(first)
        .take(height)
        .map(|s| {
            let line = text.get(s.row).map_or("", String::as_str);
            Line::raw(
                line.chars()
                    .skip(s.start)
                    .take(s.end - s.start)
                    .collect::<String>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    let x = area
        .x
        .saturating_add(u16::try_from(cells).unwrap_or(u16::MAX))
        .min(area.right().saturating_sub(1));
    let y = area
        .y
        .saturating_add(u16::try_from(at - first).unwrap_or(u16::MAX));
    if let Some(cell) = frame.buffer_mut().cell_mut((x, y)) {
        cell.set_style(theme.selected().add_modifier(Modifier::REVERSED));
    }
}
