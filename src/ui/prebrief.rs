//! The pre-brief beside the live interview form: the contact, successes, problems and issues,
//! earlier scores and comments, and what is still open with the customer.

use super::clock;
use super::fit::wrap_line;
use super::theme::Theme;
use crate::app::App;
use crate::core::{Customer, FollowUpState, Interview};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// The pre-brief beside the form: what our executive should know during the call.
pub fn draw(
    app: &App,
    customer: Option<&Customer>,
    interview: &Interview,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(" Pre-brief ", theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let section = |title: &str, text: &str, lines: &mut Vec<Line<'static>>| {
        if !text.trim().is_empty() {
            lines.push(Line::styled(title.to_string(), theme.header()));
            for l in text.lines() {
                lines.extend(wrap_line(&Line::raw(l.to_string()), width, 2));
            }
        }
    };
    if let Some(c) = customer {
        let contact = interview.contact.and_then(|id| c.contact(id));
        if let Some(k) = contact {
            section("Contact", &format!("{} · {}", k.name, k.role), &mut lines);
            section("Personality", &k.personality, &mut lines);
        }
        section("Successes", &c.prebrief.successes, &mut lines);
        section("Problems", &c.prebrief.problems, &mut lines);
        section("Issues", &c.prebrief.issues, &mut lines);
        section("Culture", &c.prebrief.personality, &mut lines);
        // Deliveries, returns and claims: what the customer may raise before we ask.
        let figures = crate::core::monitors::Figures::of(
            app.data.monitors_of(c.id),
            app.rules.monitoring(app.now),
        );
        section("Monitors", &figures.lines().join("\n"), &mut lines);
        let earlier: Vec<&Interview> = app
            .interviews_of(c.id)
            .into_iter()
            .filter(|i| i.is_completed())
            .collect();
        for i in earlier.iter().rev().take(2) {
            let scores: Vec<String> = i
                .answers
                .iter()
                .map(|a| a.score.map_or("-".into(), |s| s.get().to_string()))
                .collect();
            lines.push(Line::styled(
                format!(
                    "Interview {} ({})  [{}]",
                    i.id,
                    clock::date(app, i.completed_at.unwrap_or(i.scheduled_at)),
                    scores.join(" ")
                ),
                theme.header(),
            ));
            for a in i.answers.iter().filter(|a| !a.comment.is_empty()).take(3) {
                lines.extend(wrap_line(
                    &Line::styled(format!("“{}”", a.comment), theme.dim()),
                    width,
                    2,
                ));
            }
        }
        let open: Vec<String> = app
            .followups_of(c.id)
            .into_iter()
            .filter(|f| f.state != FollowUpState::Closed)
            .map(|f| {
                format!(
                    "{} lowest {} ({})",
                    f.id,
                    f.severity.get(),
                    f.low_questions.join(", ")
                )
            })
            .chain(
                app.actions_of(c.id)
                    .into_iter()
                    .filter(|a| crate::core::queue::action_is_open(a.state))
                    .map(|a| format!("{} {}", a.id, a.title)),
            )
            .collect();
        section("Open follow-ups and actions", &open.join("\n"), &mut lines);
    }
    if lines.is_empty() {
        lines.push(Line::styled("No pre-brief notes yet.", theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
