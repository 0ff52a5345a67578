//! The staff view: our people with roles, whether they are active, and who counts as senior
//! management under the policy. The key hint is built from the key table.

use super::columns::Column;
use super::fit::truncate;
use super::table::{self, Spec};
use super::theme::Theme;
use crate::app::{App, StaffView, staff_rows};
use crate::core::senior::{SeniorPool, SeniorSource};
use crate::core::staff_edit::roles_text;
use crate::keymap::{KeyContext, key_name};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

const COLUMNS: [Column; 5] = [
    Column::text("Name", 16, 16, 2, 0),
    Column::fixed("Senior mgmt", 11, 1),
    Column::text("Roles", 16, 16, 3, 2),
    Column::fixed("Active", 6, 3),
    Column::text("Email", 16, 16, 2, 4),
];

/// Between a key and its help in the hint: a no-break space, so a wrapped hint never leaves a
/// key at the end of one line and what it does on the next.
const KEY_HELP: char = '\u{a0}';

/// The view's keys, from the key table: `j/k next person · m give/take ... · Esc close`.
fn hint(app: &App) -> String {
    let mut parts: Vec<String> = Vec::new();
    for b in app
        .rules
        .keys
        .bindings()
        .iter()
        .filter(|b| b.context == KeyContext::Staff)
    {
        let name = key_name(b);
        match parts.iter_mut().find(|p| p.ends_with(b.help)) {
            Some(p) => {
                // Same help: list the keys together (`j/k` is not merged: different help).
                let keys_end = p.len() - b.help.len() - KEY_HELP.len_utf8();
                p.insert_str(keys_end, &format!("/{name}"));
            }
            None => parts.push(format!("{name}{KEY_HELP}{}", b.help)),
        }
    }
    format!(" {} ", parts.join(" · "))
}

/// Draws the staff view into `area` (the screen above the status line).
pub fn draw(app: &App, view: &StaffView, theme: Theme, frame: &mut Frame, area: Rect) {
    let rows = staff_rows(app);
    let active = rows.iter().filter(|s| s.active).count();
    let title = format!(" Staff · {active} active, {} in all ", rows.len());
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border())
        .title(Line::from(Span::styled(title, theme.title())));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let pool = SeniorPool::new(&app.data, &app.rules.policy.senior_management);
    let seniors = rows
        .iter()
        .filter(|s| pool.counts_everywhere(s.id).is_some())
        .count();
    let summary = if seniors > 0 {
        Line::from(format!(
            "{seniors} count as senior management (scores of {} or lower bring one)",
            app.rules.policy.low_scores.senior_max
        ))
    } else {
        Line::from(Span::styled(
            "NOBODY counts as senior management: m on a person gives the role (customers' executive sponsors stand in where the policy allows)",
            theme.error(),
        ))
    };
    let hint = Line::from(Span::styled(hint(app), theme.dim()));
    let width = inner.width.max(1);
    let lines_of =
        |line: &Line| u16::try_from(line.width().div_ceil(usize::from(width)).max(1)).unwrap_or(1);
    let [top, list, bottom] = Layout::vertical([
        Constraint::Length(lines_of(&summary)),
        Constraint::Fill(1),
        Constraint::Length(lines_of(&hint)),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(summary).wrap(Wrap { trim: true }), top);
    frame.render_widget(Paragraph::new(hint).wrap(Wrap { trim: true }), bottom);
    if rows.is_empty() {
        let text = "Nobody on file yet. n adds a person; `hearback import people FILE.csv` reads an HR export.";
        frame.render_widget(
            Paragraph::new(truncate(text, usize::from(list.width)))
                .style(theme.dim())
                .wrap(Wrap { trim: true }),
            list,
        );
        return;
    }
    let spec = Spec {
        columns: &COLUMNS,
        len: rows.len(),
        selected: view.row(&rows),
        focused: true,
    };
    table::draw(frame, list, theme, &spec, |i| {
        let Some(s) = rows.get(i) else {
            return (Vec::new(), Style::new());
        };
        let senior = match pool.counts_everywhere(s.id) {
            Some(SeniorSource::Role) => Span::styled("yes", theme.ok()),
            Some(_) => Span::styled("named", theme.ok()),
            None => Span::raw(""),
        };
        let style = if s.active { Style::new() } else { theme.dim() };
        let cells = vec![
            Span::raw(s.name.clone()),
            senior,
            Span::raw(roles_text(&s.roles)),
            Span::raw(if s.active { "yes" } else { "left" }),
            Span::raw(s.email.clone().unwrap_or_default()),
        ];
        (cells, style)
    });
}
