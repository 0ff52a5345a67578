//! The insight view's requests box, beside or under the churn reasons: how quickly the
//! requests received in the period were answered and resolved (median and 90th percentile,
//! business time), everyone first, then per owner. Drawn only once there are requests.

use crate::core::requests::responsiveness::{Figures, Responsiveness, Row, duration_text};
use crate::ui::fit::truncate_line;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// The lines the box needs, borders included, for `r` (0: nothing to show).
pub(super) fn height(r: &Responsiveness) -> u16 {
    match r.all {
        None => 0,
        Some(_) => u16::try_from(r.owners.len() + 4).unwrap_or(u16::MAX),
    }
}

fn pair(f: Option<Figures>) -> String {
    f.map_or_else(
        || "-".into(),
        |f| format!("{} / {}", duration_text(f.median), duration_text(f.p90)),
    )
}

fn line(r: &Row, label: usize) -> String {
    let name: String = r.label.chars().take(label).collect();
    format!(
        "{name:<label$} {:>4} {:>4}  {:<15} {}",
        r.requests,
        r.open,
        pair(r.first_response),
        pair(r.resolution)
    )
}

/// Draws the box into `area` when there are requests and room.
pub(super) fn draw(r: &Responsiveness, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(all) = &r.all else {
        return;
    };
    if area.height < 4 || area.width < 30 {
        return;
    }
    let block = Block::bordered()
        .border_style(theme.border())
        .title(" Requests · median / p90, business time ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let label = r
        .owners
        .iter()
        .map(|o| o.label.chars().count())
        .max()
        .unwrap_or(8)
        .clamp(8, 20);
    let mut lines = vec![Line::styled(
        format!(
            "{:<label$} {:>4} {:>4}  {:<15} {}",
            "", "in", "open", "answer", "resolve"
        ),
        theme.dim(),
    )];
    lines.push(Line::raw(line(all, label)));
    lines.extend(r.owners.iter().map(|o| Line::raw(line(o, label))));
    let lines = lines
        .into_iter()
        .map(|l| truncate_line(l, width))
        .collect::<Vec<_>>();
    frame.render_widget(Paragraph::new(lines), inner);
}
