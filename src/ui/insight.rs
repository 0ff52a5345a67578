//! The insight view: one row per group with each question's average (a number and a small
//! bar), the monthly trend as a sparkline, the programme last; the selected number's question
//! and how it compares; then, as room allows, the selected group against the programme per
//! question and month by month, and the churn reasons. Enter opens the comments behind the
//! selected number in a panel below the table.
//!
//! Colour of a number: below 3 the overdue style, below 4 the due style, else the ok style.
//! The selection shows without colour: `›` before the row and brackets around the cell.
//! Bars and sparklines run from 1 (empty) to 5 (full), the same scale everywhere.

mod panels;
mod requests;
mod table;

use super::clock;
use super::fit::{truncate, wrap_line};
use super::theme::Theme;
use crate::app::{App, InsightView};
use crate::core::insight::{Figures, spark_char};
use crate::core::revenue::totals_text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};
use unicode_width::UnicodeWidthStr;

/// From this inner width on, columns are spelled out and the charts stand beside the churn
/// reasons.
const WIDE: u16 = 120;
/// The least the comments panel gets, borders included.
const MIN_COMMENTS: usize = 10;
/// Eighths of a horizontal bar cell.
const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// Draws the insight view into `area` (the screen above the status line).
pub fn draw(app: &App, view: &InsightView, theme: Theme, frame: &mut Frame, area: Rect) {
    let insight = &view.insight;
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border())
        .title(Line::from(Span::styled(
            format!(" Insight · scores by {} ", insight.by.noun()),
            theme.title(),
        )))
        .title_bottom(Line::from(format!(" {} ", keys(app))).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let width = usize::from(inner.width);
    let mut lines = vec![header(app, view, width)];
    lines.extend(revenue_lines(view, theme, width));
    lines.push(Line::raw(""));
    if insight.is_empty() {
        let text = if insight.period.since.is_none() {
            "No interviews have been completed yet: their scores appear here once they are."
        } else {
            "No interviews completed in this period: widen it with ]"
        };
        lines.push(Line::styled(text, theme.dim()));
        lines.push(Line::raw(""));
        let used = lines.len();
        frame.render_widget(Paragraph::new(lines), inner);
        side(view, theme, frame, below(inner, used));
        return;
    }
    let comments = view.comments.is_some();
    let info = selected_lines(app, view, theme, width, !comments);
    let reserved = if comments { MIN_COMMENTS } else { 0 };
    let room = usize::from(inner.height).saturating_sub(lines.len() + info.len() + 1 + reserved);
    lines.extend(table::lines(view, theme, inner.width, room));
    lines.push(Line::raw(""));
    lines.extend(info);
    let used = lines.len() + 1;
    frame.render_widget(Paragraph::new(lines), inner);
    let rest = below(inner, used);
    if comments {
        panels::draw_comments(app, view, theme, frame, below(inner, used - 1));
    } else if rest.width >= WIDE {
        let [left, churn] =
            Layout::horizontal([Constraint::Percentage(62), Constraint::Fill(1)]).areas(rest);
        let chart_height = u16::try_from(view.columns() * 2 + 2).unwrap_or(u16::MAX);
        let [chart, months] =
            Layout::vertical([Constraint::Length(chart_height), Constraint::Fill(1)]).areas(left);
        panels::draw_comparison(view, theme, frame, chart);
        panels::draw_months(view, theme, frame, months);
        side(view, theme, frame, churn);
    } else {
        side(view, theme, frame, rest);
    }
}

/// The churn reasons, and under them the requests box once there are requests (the churn
/// reasons keep at least 4 lines).
fn side(view: &InsightView, theme: Theme, frame: &mut Frame, area: Rect) {
    let wanted = requests::height(&view.requests);
    let room = area.height.saturating_sub(4);
    if wanted == 0 || room < 4 {
        panels::draw_churn(view, theme, frame, area);
        return;
    }
    let [churn, asked] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(wanted.min(room))]).areas(area);
    panels::draw_churn(view, theme, frame, churn);
    requests::draw(&view.requests, theme, frame, asked);
}

/// `area` below its first `lines` lines.
fn below(area: Rect, lines: usize) -> Rect {
    let lines = u16::try_from(lines).unwrap_or(u16::MAX).min(area.height);
    Rect::new(area.x, area.y + lines, area.width, area.height - lines)
}

/// The period as dates and the counts.
fn header(app: &App, view: &InsightView, width: usize) -> Line<'static> {
    let p = view.insight.period;
    let dates = match p.since {
        Some(s) => format!("{} to {}", clock::date(app, s), clock::date(app, p.until)),
        None => format!("up to {}", clock::date(app, p.until)),
    };
    let text = format!(
        "{}: {dates} · {} interviews · {} customers",
        view.preset.label(),
        view.insight.all.interviews,
        view.insight.all.customers
    );
    Line::raw(truncate(&text, width))
}

/// Revenue at risk now and what the period's lost customers were worth, then the
/// revenue-weighted average beside the plain one; every sum per currency, never converted.
/// Word-wrapped (never cut): with many currencies this takes a few lines more.
fn revenue_lines(view: &InsightView, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let r = &view.revenue;
    let style = if r.at_risk.is_empty() {
        theme.dim()
    } else {
        theme.due()
    };
    let money = format!(
        "Revenue at risk: {} · lost in the period: {}",
        totals_text(&r.at_risk),
        totals_text(&r.lost.revenue)
    );
    let mut lines = wrap_line(&Line::styled(money, style), width, 2);
    let weighted = r
        .weighted
        .iter()
        .filter_map(|w| Some(format!("{} {:.2}", w.currency, w.overall?)))
        .collect::<Vec<_>>();
    if !weighted.is_empty() {
        let text = format!(
            "Revenue-weighted average: {} (unweighted {})",
            weighted.join(", "),
            two_decimals(view.insight.all.overall)
        );
        lines.extend(wrap_line(&Line::raw(text), width, 2));
    }
    lines
}

/// The style of an average: below 3 overdue, below 4 due, else ok.
fn score_style(theme: Theme, value: Option<f64>) -> Style {
    match value {
        None => theme.dim(),
        Some(v) if v < 3.0 => theme.overdue(),
        Some(v) if v < 4.0 => theme.due(),
        Some(_) => theme.ok(),
    }
}

/// A bar of `width` cells on the 1-5 scale (1 empty, 5 full); one cell is a vertical block.
fn bar(value: f64, width: usize) -> String {
    if width == 1 {
        return spark_char(Some(value)).to_string();
    }
    let fraction = (value.clamp(1.0, 5.0) - 1.0) / 4.0;
    // At most `width * 8`, so the cast cannot overflow.
    let eighths = (fraction * (width * 8) as f64).round() as usize;
    let mut out = "█".repeat(eighths / 8);
    if let Some(part) = EIGHTHS
        .get(eighths % 8)
        .filter(|_| !eighths.is_multiple_of(8))
    {
        out.push(*part);
    }
    let used = out.chars().count();
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

/// `text` left-aligned in `width` cells, cut with `…` when longer.
fn pad(text: &str, width: usize) -> String {
    let t = truncate(text, width);
    let fill = width.saturating_sub(t.width());
    format!("{t}{}", " ".repeat(fill))
}

/// `text` right-aligned in `width` cells.
fn rpad(text: &str, width: usize) -> String {
    let t = truncate(text, width);
    format!("{}{t}", " ".repeat(width.saturating_sub(t.width())))
}

/// An average with two decimals, or `-`.
fn two_decimals(value: Option<f64>) -> String {
    value.map_or_else(|| "-".into(), |v| format!("{v:.2}"))
}

/// The selected figure of a row: the question's average and how many scores it is made of,
/// or the average of every score.
fn pick(view: &InsightView, f: &Figures) -> (Option<f64>, usize) {
    match view.selected_question() {
        Some(_) => (
            f.averages.get(view.column).copied().flatten(),
            f.scored.get(view.column).copied().unwrap_or(0),
        ),
        None => (f.overall, f.scored_total),
    }
}

/// What the selected number is: the question asked, how the group compares with the
/// programme, and (with `legend`) what the sparklines show.
fn selected_lines(
    app: &App,
    view: &InsightView,
    theme: Theme,
    width: usize,
    legend: bool,
) -> Vec<Line<'static>> {
    let insight = &view.insight;
    let what = match view.selected_question() {
        Some(key) => {
            let text = app
                .rules
                .questions
                .questions
                .iter()
                .find(|q| q.key == key)
                .map_or("(no longer asked)", |q| q.text.as_str());
            format!("{key}: {text}")
        }
        None => "Average: the mean of every score given".into(),
    };
    let mut lines = vec![Line::styled(truncate(&what, width), theme.title())];
    if let Some(f) = insight.row(view.row) {
        let (value, n) = pick(view, f);
        let (all, _) = pick(view, &insight.all);
        let text = format!(
            "{}: {} from {n} scores (all customers {}) · Enter: the comments",
            f.label,
            two_decimals(value),
            two_decimals(all)
        );
        lines.push(Line::styled(
            truncate(&text, width),
            score_style(theme, value),
        ));
    }
    let months = (insight.all.trend.first(), insight.all.trend.last());
    if let (true, Some(first), Some(last)) = (legend, months.0, months.1) {
        let text = format!(
            "Trend: per month, {} to {} (▁ is 1, █ is 5; blank: no interviews)",
            first.name(),
            last.name()
        );
        lines.push(Line::styled(truncate(&text, width), theme.dim()));
    }
    lines
}

/// `text` with its first letter in upper case.
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The view's keys, from the key table: `b group · [/] period · ...`.
fn keys(app: &App) -> String {
    use crate::keymap::{Action as A, KeyContext};
    super::help::hint_text(
        &app.rules.keys,
        KeyContext::Insight,
        &[
            (&[A::CycleGroup], "group"),
            (&[A::PeriodPrev, A::PeriodNext], "period"),
            (&[A::Open], "comments"),
            (&[A::PresidentReport], "report"),
            (&[A::Digest], "digest"),
            (&[A::Help], "help"),
        ],
    )
}
