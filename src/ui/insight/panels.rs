//! What the insight view shows below its table: the selected group against the programme
//! (per question and month by month), the churn reasons, and the comments behind the
//! selected number.

use super::{bar, pad, rpad, score_style, two_decimals};
use crate::app::{App, InsightView};
use crate::core::Individual;
use crate::core::insight::Comment;
use crate::core::revenue::{BEFORE_LOSS, Moved};
use crate::ui::clock;
use crate::ui::fit::{truncate_line, wrap_line};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The selected group's average per question beside the programme's, as horizontal bars.
pub(super) fn draw_comparison(view: &InsightView, theme: Theme, frame: &mut Frame, area: Rect) {
    let insight = &view.insight;
    let (Some(group), all) = (insight.row(view.row), &insight.all) else {
        return;
    };
    let block = Block::bordered()
        .border_style(theme.border())
        .title(format!(" {} compared with all customers ", group.label));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let key_width = insight
        .questions
        .iter()
        .map(|q| q.width())
        .max()
        .unwrap_or(7)
        .max(7)
        + 2;
    let label_width = group.label.width().clamp(13, 24);
    let bar_width = usize::from(inner.width)
        .saturating_sub(key_width + label_width + 8)
        .max(1);
    let mut lines = Vec::new();
    for c in 0..view.columns() {
        let name = insight.questions.get(c).map_or("Average", String::as_str);
        let marker = if c == view.column { "›" } else { " " };
        for (i, f) in [group, all].into_iter().enumerate() {
            let value = f.averages.get(c).copied().unwrap_or(f.overall);
            let first = if i == 0 {
                format!("{marker}{}", pad(name, key_width - 1))
            } else {
                " ".repeat(key_width)
            };
            let style = score_style(theme, value);
            lines.push(Line::from(vec![
                Span::raw(first),
                Span::raw(pad(&f.label, label_width)),
                Span::raw(" "),
                Span::styled(
                    value.map_or_else(|| " ".repeat(bar_width), |v| bar(v, bar_width)),
                    style,
                ),
                Span::styled(
                    rpad(&value.map_or_else(|| "-".into(), |v| format!("{v:.1}")), 5),
                    style,
                ),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The selected figure (question or average) of the selected group month by month, beside
/// the programme's.
pub(super) fn draw_months(view: &InsightView, theme: Theme, frame: &mut Frame, area: Rect) {
    let insight = &view.insight;
    let Some(group) = insight.row(view.row) else {
        return;
    };
    if area.height < 3 {
        return;
    }
    let block = Block::bordered()
        .border_style(theme.border())
        .title(format!(
            " {} month by month: average of every score ",
            group.label
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let bar_width = usize::from(inner.width).saturating_sub(52).clamp(1, 40);
    let mut lines = vec![Line::styled(
        format!(
            "{}  {}  {} {}  {}",
            pad("Month", 8),
            rpad("Interviews", 10),
            rpad("Avg", 5),
            " ".repeat(bar_width),
            rpad("All customers", 13)
        ),
        theme.header(),
    )];
    for (m, all) in group.trend.iter().zip(&insight.all.trend) {
        let style = score_style(theme, m.average);
        lines.push(Line::from(vec![
            Span::raw(format!(
                "{}  {}  ",
                pad(&m.name(), 8),
                rpad(&m.interviews.to_string(), 10)
            )),
            Span::styled(rpad(&two_decimals(m.average), 5), style),
            Span::raw(" "),
            Span::styled(
                m.average
                    .map_or_else(|| " ".repeat(bar_width), |v| bar(v, bar_width)),
                style,
            ),
            Span::raw(format!("  {}", rpad(&two_decimals(all.average), 13))),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The comments behind the selected number, newest first, from the panel's scroll position.
/// Comments about an individual are shown (this is the programme lead's view) and marked.
pub(super) fn draw_comments(
    app: &App,
    view: &InsightView,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let Some(panel) = &view.comments else {
        return;
    };
    let on = panel.question.as_deref().unwrap_or("every question");
    let total = panel.comments.len();
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.focus_border())
        .title(Line::from(Span::styled(
            format!(" Comments · {} · {on} · {total} ", panel.group),
            theme.title(),
        )))
        .title_bottom(
            Line::from(format!(
                " {}/{total} · {} ",
                (panel.scroll + 1).min(total),
                crate::ui::help::hint_text(
                    &app.rules.keys,
                    crate::keymap::KeyContext::Insight,
                    &[
                        (
                            &[crate::keymap::Action::Down, crate::keymap::Action::Up],
                            "scroll"
                        ),
                        (&[crate::keymap::Action::Back], "closes"),
                    ],
                )
            ))
            .right_aligned(),
        );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    if total == 0 {
        lines.push(Line::styled(
            "No comments were written with these scores in this period.",
            theme.dim(),
        ));
    }
    for c in panel.comments.iter().skip(panel.scroll) {
        if lines.len() >= usize::from(inner.height) {
            break;
        }
        lines.extend(comment_lines(app, c, theme, width));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One comment: who, when, on what and the score; the words; the individual flag.
fn comment_lines(app: &App, c: &Comment, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let score = c.score.map(|s| s.get());
    let head = Line::from(vec![
        Span::raw(format!("{}  ", clock::date(app, c.at))),
        Span::styled(c.customer_name.clone(), theme.title()),
        Span::raw(format!("  · {} · ", c.question_key)),
        Span::styled(
            score.map_or_else(|| "N/A".into(), |s| format!("score {s}")),
            score_style(theme, score.map(f64::from)),
        ),
    ]);
    let mut lines = vec![truncate_line(head, width)];
    lines.extend(wrap_line(
        &Line::raw(format!("  “{}”", c.comment)),
        width,
        3,
    ));
    match c.individual {
        Individual::No => {}
        Individual::Private => lines.push(Line::styled(
            "  ⚑ about an individual (private): kept out of the workforce digest",
            theme.due(),
        )),
        Individual::Praise => lines.push(Line::styled(
            "  ★ praise of an individual: shared in the workforce digest",
            theme.ok(),
        )),
    }
    lines.push(Line::raw(""));
    lines
}

/// The churn reasons, most frequent first, when there is room for a box.
pub(super) fn draw_churn(view: &InsightView, theme: Theme, frame: &mut Frame, area: Rect) {
    let insight = &view.insight;
    if area.height < 3 || area.width < 20 {
        return;
    }
    let since = if insight.period.since.is_some() {
        "lost in this period"
    } else {
        "all lost customers"
    };
    let block = Block::bordered()
        .border_style(theme.border())
        .title(format!(" Churn reasons · {since} "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line<'static>> = if insight.churn.is_empty() {
        vec![Line::styled(
            "No customer was lost in this period.",
            theme.dim(),
        )]
    } else {
        let rows: Vec<Line<'static>> = insight
            .churn
            .iter()
            .map(|c| Line::raw(format!("{:>3}  {}", c.count, c.reason)))
            .collect();
        let wrapped: Vec<Line<'static>> =
            rows.iter().flat_map(|l| wrap_line(l, width, 5)).collect();
        // Long reasons wrap when everything fits; otherwise one line each, so more show.
        if wrapped.len() <= usize::from(inner.height) {
            wrapped
        } else {
            rows.into_iter().map(|l| truncate_line(l, width)).collect()
        }
    };
    // What lost customers scored before the loss, in the rows the reasons leave.
    let room = usize::from(inner.height).saturating_sub(lines.len());
    lines.extend(
        before_loss(&view.revenue.moved, width)
            .into_iter()
            .take(room),
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Lost customers' scores before the loss against retained customers', the widest gap first:
/// a heading, then one question a line. Nothing when no lost customer had scores.
fn before_loss(moved: &[Moved], width: usize) -> Vec<Line<'static>> {
    let mut gaps: Vec<(&Moved, f64)> = moved.iter().filter_map(|m| Some((m, m.gap()?))).collect();
    if gaps.is_empty() {
        return Vec::new();
    }
    gaps.sort_by(|a, b| a.1.total_cmp(&b.1));
    let key_width = gaps
        .iter()
        .map(|(m, _)| m.question.width())
        .max()
        .unwrap_or(0);
    let heading = format!("Before the loss (last {BEFORE_LOSS} interviews) against retained:");
    let mut lines = wrap_line(&Line::raw(heading), width, 2);
    lines.extend(gaps.iter().map(|(m, gap)| {
        let text = format!(
            "  {} {} vs {} ({gap:+.2})",
            pad(&m.question, key_width),
            two_decimals(m.lost),
            two_decimals(m.retained)
        );
        truncate_line(Line::raw(text), width)
    }));
    lines
}
