//! The customer detail overlay, like `hearback customer NAME`: who looks after them, risk and
//! why, the next interview, the pre-brief, contacts, interviews with their scores, what is
//! owed, and the timeline once it has been read from the store.

use super::customers::{next_interview, risk_label};
use super::fit::wrap_line;
use super::theme::Theme;
use super::{centered, clock};
use crate::app::App;
use crate::core::countdown::countdown;
use crate::core::summary::customer_summaries;
use crate::core::{Customer, CustomerId, Lifecycle};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The widest the overlay gets.
const MAX_WIDTH: u16 = 120;
/// Actor names are padded to line up, up to this width.
const MAX_ACTOR: usize = 20;

/// Draws customer `id` scrolled down by `scroll` lines.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, screen: Rect, id: CustomerId, scroll: u16) {
    let area = centered(
        screen,
        screen.width.saturating_sub(4).min(MAX_WIDTH),
        screen.height.saturating_sub(2),
    );
    frame.render_widget(Clear, area);
    let (title, lines) = match app.data.customer(id) {
        Some(c) => (format!(" {} ({}) ", c.name, c.id), content(app, theme, c)),
        None => (
            format!(" {id} "),
            vec![Line::styled(
                "This customer is no longer in the store.",
                theme.dim(),
            )],
        ),
    };
    // Wrapped here rather than by the paragraph, so the scroll can stop at the last page.
    let width = usize::from(area.width.saturating_sub(2));
    let lines: Vec<Line<'static>> = lines
        .iter()
        .flat_map(|l| wrap_line(l, width, leading_spaces(l) + 2))
        .collect();
    let page = usize::from(area.height.saturating_sub(2));
    let top = usize::from(scroll).min(lines.len().saturating_sub(page));
    let shown_to = top.saturating_add(page).min(lines.len());
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border())
        .title(Line::from(Span::styled(title, theme.title())))
        .title_bottom(
            Line::from(format!(
                " {} · {}-{} of {} ",
                super::help::hint_text(
                    &app.rules.keys,
                    crate::keymap::KeyContext::Detail,
                    &[
                        (
                            &[crate::keymap::Action::Down, crate::keymap::Action::Up],
                            "scroll"
                        ),
                        (&[crate::keymap::Action::NewAction], "action"),
                        (&[crate::keymap::Action::RecordDeliverable], "deliverable"),
                        (&[crate::keymap::Action::Back], "closes"),
                    ],
                ),
                top.saturating_add(1).min(shown_to),
                shown_to,
                lines.len()
            ))
            .right_aligned(),
        );
    let visible: Vec<Line<'static>> = lines.into_iter().skip(top).take(page).collect();
    frame.render_widget(Paragraph::new(visible).block(block), area);
}

fn leading_spaces(line: &Line<'_>) -> usize {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    text.len() - text.trim_start_matches(' ').len()
}

fn heading(theme: Theme, text: &str) -> [Line<'static>; 2] {
    [
        Line::raw(""),
        Line::styled(text.to_string(), theme.header()),
    ]
}

/// Every line of the detail text.
fn content(app: &App, theme: Theme, c: &Customer) -> Vec<Line<'static>> {
    let staff = |id| match app.data.staff_name(id) {
        "" => "-".to_string(),
        name => name.to_string(),
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(c.name.clone(), theme.title()),
        // A blank segment or region is left out, not shown as an empty field between dots.
        Span::raw(format!(
            "   {}",
            [
                c.size.compact(),
                c.tier.as_str().to_string(),
                c.segment.clone(),
                c.region.clone()
            ]
            .into_iter()
            .filter(|part| !part.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
        )),
    ])];
    if let Some(crm) = &c.crm_id {
        lines.push(Line::raw(format!("CRM id {crm}")));
    }
    match &c.lifecycle {
        Lifecycle::Active if c.archived => lines.push(Line::styled("Archived", theme.dim())),
        Lifecycle::Active => {}
        Lifecycle::Lost { reason, at } => lines.push(Line::styled(
            format!("LOST on {}: {reason}", clock::date(app, *at)),
            theme.overdue(),
        )),
    }
    lines.push(Line::raw(format!(
        "Account manager {} · salesperson {} · service manager {} · executive sponsor {}",
        staff(c.account_manager),
        staff(c.salesperson),
        staff(c.service_manager),
        staff(c.executive_sponsor)
    )));
    if let Some(r) = app.risk.get(&c.id) {
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::raw("Risk: "),
            Span::styled(risk_label(r.level), theme.risk(r.level)),
        ]));
        lines.extend(
            r.reasons
                .iter()
                .map(|reason| Line::raw(format!("  - {reason}"))),
        );
    }
    // The list may be filtered, so the summary is found in the unfiltered one.
    if let Some(s) = customer_summaries(&app.data, &app.items)
        .into_iter()
        .find(|s| s.customer.id == c.id)
    {
        let (text, style) = next_interview(app, theme, s.next);
        lines.push(Line::from(vec![
            Span::raw("Next interview: "),
            Span::styled(text, style),
        ]));
    }
    let p = &c.prebrief;
    let notes = [
        ("Successes", &p.successes),
        ("Problems", &p.problems),
        ("Issues", &p.issues),
        ("Personality", &p.personality),
    ];
    if notes.iter().any(|(_, t)| !t.is_empty()) {
        lines.extend(heading(theme, "Pre-brief"));
        for (label, text) in notes.iter().filter(|(_, t)| !t.is_empty()) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {label}: "), theme.title()),
                Span::raw((*text).clone()),
            ]));
        }
    }
    let monitors = crate::core::monitors::view::lines(
        &app.data.monitors_of(c.id),
        app.rules.monitoring(app.now),
    );
    if !monitors.is_empty() {
        lines.extend(heading(theme, "Monitors"));
        lines.extend(monitors.into_iter().map(|l| Line::raw(format!("  {l}"))));
    }
    if !c.contacts.is_empty() {
        lines.extend(heading(theme, "Contacts"));
        for k in &c.contacts {
            let details: Vec<&str> = [k.role.as_str(), k.email.as_str(), k.phone.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            lines.push(Line::raw(format!("  {} · {}", k.name, details.join(" · "))));
            if !k.personality.is_empty() {
                lines.push(Line::styled(format!("    {}", k.personality), theme.dim()));
            }
        }
    }
    interviews(app, theme, c.id, &mut lines);
    requests(app, theme, c.id, &mut lines);
    owed(app, theme, c.id, &mut lines);
    timeline(app, theme, c.id, &mut lines);
    lines
}

fn interviews(app: &App, theme: Theme, id: CustomerId, lines: &mut Vec<Line<'static>>) {
    let list = app.interviews_of(id);
    if list.is_empty() {
        return;
    }
    lines.extend(heading(theme, "Interviews"));
    for i in list {
        let scores: Vec<String> = i
            .answers
            .iter()
            .map(|a| a.score.map_or("-".into(), |s| s.get().to_string()))
            .collect();
        let when = clock::date(app, i.completed_at.unwrap_or(i.scheduled_at));
        let status = crate::core::wording::interview_status(i.status);
        let avg = i
            .average_score()
            .map(|a| format!(" avg {a:.1}"))
            .unwrap_or_default();
        let low = i.lowest_score().is_some_and(|s| s.get() < 4);
        let text = format!(
            "  {:<5} {when} {status:<11} [{}]{avg}",
            i.id.to_string(),
            scores.join(" ")
        );
        lines.push(if low {
            Line::styled(text, theme.due())
        } else {
            Line::raw(text)
        });
    }
}

/// How quickly the customer is answered and served, and its latest requests (`R` logs one).
fn requests(app: &App, theme: Theme, id: CustomerId, lines: &mut Vec<Line<'static>>) {
    use crate::core::requests::{self, responsiveness};
    let Some(row) = responsiveness::of_customer(&app.data, &app.rules.work_week, id) else {
        return;
    };
    lines.extend(heading(theme, "Requests"));
    lines.push(Line::raw(format!("  {}", responsiveness::summary(&row))));
    for r in responsiveness::latest(&app.data, id, requests::LATEST) {
        let state = requests::state(r, |t| clock::datetime(app, t));
        let style = if r.is_unanswered() {
            theme.due()
        } else {
            theme.normal()
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {} {} ", r.id, clock::datetime(app, r.received_at)),
                theme.dim(),
            ),
            Span::styled(format!("{} · {state}", requests::describe(r)), style),
        ]));
    }
}

fn owed(app: &App, theme: Theme, id: CustomerId, lines: &mut Vec<Line<'static>>) {
    let items: Vec<_> = app.items.iter().filter(|i| i.customer == id).collect();
    if items.is_empty() {
        return;
    }
    lines.extend(heading(theme, "Owed"));
    for i in items {
        let (when, style) = match i.snoozed_until {
            Some(t) => (
                format!("snoozed to {}", clock::datetime(app, t)),
                theme.dim(),
            ),
            None if i.due < app.now => (countdown(i.due, app.now), theme.overdue()),
            None => (countdown(i.due, app.now), theme.normal()),
        };
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{when:<18}"), style),
            Span::raw(format!(" {:<26} {}", i.kind.label(), i.what)),
        ]));
    }
}

fn timeline(app: &App, theme: Theme, id: CustomerId, lines: &mut Vec<Line<'static>>) {
    lines.extend(heading(theme, "Timeline (newest first)"));
    match &app.timeline {
        Some((cid, events)) if *cid == id && events.is_empty() => {
            lines.push(Line::styled("  No events recorded.", theme.dim()))
        }
        Some((cid, events)) if *cid == id => {
            let actor_width = events
                .iter()
                .map(|e| e.actor.width())
                .max()
                .unwrap_or(0)
                .min(MAX_ACTOR);
            for e in events.iter().rev() {
                let pad = actor_width.saturating_sub(e.actor.width());
                lines.push(Line::from(vec![
                    Span::styled(format!("  {} ", clock::datetime(app, e.at)), theme.dim()),
                    Span::raw(format!("{}{} {}", e.actor, " ".repeat(pad), e.summary)),
                ]));
            }
        }
        _ => lines.push(Line::styled("  loading timeline…", theme.dim())),
    }
}
