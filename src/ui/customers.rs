//! The customer list, largest first: size, tier, account manager, the last interview with its
//! average, a sparkline of recent averages, the next interview, risk and open follow-ups.

use super::clock;
use super::columns::Column;
use super::fit::truncate_line;
use super::grid::{PaneView, Share};
use super::table::{self, Spec};
use super::theme::Theme;
use super::{pane_block, position};
use crate::app::{App, Pane};
use crate::core::open_work::Brief;
use crate::core::risk::RiskLevel;
use crate::core::summary::NextInterview;
use crate::core::{Customer, Lifecycle};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Sparkline bars, from an average of 1 to an average of 5.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

const COLUMNS: [Column; 9] = [
    Column::text("Customer", 14, 26, 3, 0),
    Column::fixed("Size", 9, 1),
    Column::fixed("Tier", 8, 7),
    Column::text("Account manager", 10, 16, 1, 4),
    Column::fixed("Last interview", 14, 5),
    Column::fixed("Trend", 6, 6),
    Column::fixed("Next interview", 18, 3),
    Column::fixed("Risk", 7, 2),
    Column::fixed("F/U", 3, 8),
];

/// How the registry's grid draws this pane, and the room it wants.
pub(super) const VIEW: PaneView = PaneView {
    draw,
    width: Share::new(50, 60),
    height: Share::new(50, 58),
};

/// Draws the customers pane.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let rows = app.customer_rows();
    let detail = format!("sort {}", app.customers.sort.label());
    let block = pane_block(
        app,
        theme,
        Pane::Customers,
        &detail,
        position(app.customers.selected, rows.len()),
    );
    let mut inner = block.inner(area);
    frame.render_widget(block, area);
    let filtered = app.customers.filtering || !app.customers.filter.is_empty();
    if filtered {
        // The filter gets a line of its own, so it is never cut off with the title.
        let [filter_area, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
        let mut spans = vec![
            Span::styled("/", theme.key()),
            Span::raw(app.customers.filter.clone()),
        ];
        if app.customers.filtering {
            spans.push(Span::styled(" ", theme.cursor()));
        }
        let found = if rows.len() == 1 {
            "1 match".to_string()
        } else {
            format!("{} matches", rows.len())
        };
        spans.push(Span::styled(format!("  {found}"), theme.dim()));
        frame.render_widget(
            Paragraph::new(truncate_line(
                Line::from(spans),
                usize::from(filter_area.width),
            )),
            filter_area,
        );
        inner = rest;
    }
    if rows.is_empty() {
        let text = if filtered {
            let clear = crate::keymap::hints(
                &app.rules.keys,
                crate::keymap::KeyContext::Filter,
                &[crate::keymap::Action::Back],
            );
            match clear.first() {
                Some((key, _)) => format!("No customer matches. {key} clears the filter."),
                None => "No customer matches.".to_string(),
            }
        } else {
            "No customers yet.".to_string()
        };
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let spec = Spec {
        columns: &COLUMNS,
        len: rows.len(),
        selected: app.customers.selected,
        focused: app.focus == Pane::Customers,
    };
    table::draw(frame, inner, theme, &spec, |i| match rows.get(i) {
        Some(row) => (
            cells(
                app,
                theme,
                (
                    row.customer,
                    row.last,
                    row.next,
                    row.open_followups,
                    row.trend,
                ),
            ),
            Style::new(),
        ),
        None => (Vec::new(), Style::new()),
    });
}

/// What one row shows: the customer, its last interview, its next one, open follow-ups.
type RowFacts<'a> = (
    &'a Customer,
    Option<&'a Brief>,
    NextInterview,
    usize,
    &'a [f64],
);

/// One row's cells, in column order.
fn cells(
    app: &App,
    theme: Theme,
    (c, last, next, open_followups, trend): RowFacts<'_>,
) -> Vec<Span<'static>> {
    let name = c.name.clone();
    let last = match last.map(|i| (i.at(), i.average)) {
        Some((at, Some(avg))) => format!("{} {avg:.1}", clock::date(app, at)),
        Some((at, None)) => clock::date(app, at),
        None => "never".into(),
    };
    let (next, next_style) = next_interview(app, theme, next);
    // Lost and archived customers are not assessed; the risk cell says why.
    let (risk, risk_style) = match (app.risk.get(&c.id).map(|a| a.level), &c.lifecycle) {
        (Some(level), _) => (risk_label(level), theme.risk(level)),
        (None, Lifecycle::Lost { .. }) => ("lost", theme.dim()),
        (None, Lifecycle::Active) => ("-", theme.dim()),
    };
    let followups = if open_followups == 0 {
        String::new()
    } else {
        open_followups.to_string()
    };
    vec![
        Span::raw(name),
        Span::raw(c.size.compact()),
        Span::raw(c.tier.as_str()),
        Span::raw(app.data.staff_name(c.account_manager).to_string()),
        Span::raw(last),
        Span::raw(trend.iter().map(|&avg| bar(avg)).collect::<String>()),
        Span::styled(next, next_style),
        Span::styled(risk, risk_style),
        Span::raw(followups),
    ]
}

/// A risk level in a cell (the CLI's words).
pub fn risk_label(level: RiskLevel) -> &'static str {
    match level {
        RiskLevel::Healthy => "ok",
        RiskLevel::Watch => "watch",
        RiskLevel::AtRisk => "AT RISK",
    }
}

/// The next interview and how to show it.
pub fn next_interview(app: &App, theme: Theme, next: NextInterview) -> (String, Style) {
    match next {
        NextInterview::Scheduled(t) => (format!("{} booked", clock::date(app, t)), theme.normal()),
        NextInterview::DueBy(t) if t < app.now => {
            (format!("{} overdue", clock::date(app, t)), theme.overdue())
        }
        NextInterview::DueBy(t) => (format!("{} due", clock::date(app, t)), theme.normal()),
        NextInterview::Never => ("due now".into(), theme.due()),
        NextInterview::NotPlanned => ("-".into(), theme.dim()),
    }
}

/// The bar of an average between 1 and 5.
fn bar(average: f64) -> char {
    let steps = (BARS.len() - 1) as f64;
    let at = ((average - 1.0) / 4.0 * steps).round().clamp(0.0, steps);
    // `at` is a whole number within the table by the clamp above.
    BARS.get(at as usize).copied().unwrap_or(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_span_one_to_five() {
        assert_eq!(bar(1.0), '▁');
        assert_eq!(bar(3.0), '▅');
        assert_eq!(bar(5.0), '█');
        assert_eq!(bar(9.0), '█');
        assert_eq!(bar(f64::NAN), '▁');
    }
}
