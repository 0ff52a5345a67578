//! Drawing: a pure function of the [`App`] state. Nothing here changes state, reads the clock,
//! the environment or the disk; the same state always draws the same screen, which is what the
//! snapshot tests rely on. One file per pane or view; styles come from [`theme`].
//!
//! Layout: the focused pane alone when zoomed (`Z`); otherwise every pane of the registry
//! (`app::Pane::ALL`) in a grid (`grid`: 2x2 for the four at 80x24; at 120 columns and more
//! the customers and the queue get the taller top row (customers the wider part of it) and the
//! action board the wider half of the bottom row), a one-line status line at the bottom, and at
//! most one overlay centred on top. `pane_view` says which module draws which pane.

mod actions;
mod calendar;
mod clock;
mod columns;
mod command_line;
mod confirm;
mod customers;
mod detail;
mod document;
mod fit;
mod form;
mod form_summary;
mod grid;
mod help;
mod insight;
mod interview;
mod prebrief;
mod prompt;
mod queue;
mod review;
mod staff;
mod table;
mod theme;
mod welcome;

use crate::app::{App, Overlay, Pane, SaveState};
use crate::keymap::{Action, KeyContext, hints};
use fit::truncate;
use grid::PaneView;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use theme::Theme;
use unicode_width::UnicodeWidthStr;

/// Draws the whole dashboard for `app` into `frame`.
pub fn render(app: &App, frame: &mut Frame) {
    let theme = Theme::new(app.color);
    draw_screen(app, theme, frame);
    if let Some(line) = &app.command {
        command_line::draw(app, line, theme, frame);
    }
    if app.disk_failed {
        // Last, over the status line: no view, overlay or form can hide it.
        draw_disk_failed(theme, frame);
    }
}

/// The banner that stays once the store reported a disk error.
fn draw_disk_failed(theme: Theme, frame: &mut Frame) {
    let area = frame.area();
    if area.is_empty() {
        return;
    }
    let row = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let text = truncate(
        &format!(" {}", crate::app::DISK_FAILED),
        usize::from(row.width),
    );
    frame.render_widget(Clear, row);
    frame.render_widget(Paragraph::new(text).style(theme.error()), row);
}

/// Everything but the disk-error banner.
fn draw_screen(app: &App, theme: Theme, frame: &mut Frame) {
    let [main, status] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(frame.area());
    draw_status(app, theme, frame, status);
    let screen = frame.area();
    if let Some(form) = &app.form {
        // The form takes the screen above the status line while an interview is recorded; the
        // panes under it are not drawn at all, which keeps each keystroke's frame cheap.
        form::draw(app, form, theme, frame, main);
        match &app.overlay {
            Some(Overlay::Prompt(p)) => prompt::draw(app, p, theme, frame, screen),
            Some(Overlay::Help) => help::draw(app, theme, frame, screen),
            _ => {}
        }
        return;
    }
    // A full-screen view (or help opened over one) replaces the panes.
    let view = match &app.overlay {
        Some(Overlay::Help) => app.under_help.as_ref(),
        other => other.as_ref(),
    };
    if let Some(view) = view.filter(|o| o.is_full_screen()) {
        match view {
            Overlay::Insight(v) => insight::draw(app, v, theme, frame, main),
            Overlay::Calendar(v) => calendar::draw(app, v, theme, frame, main),
            Overlay::Document(v) => document::draw(app, v, theme, frame, main),
            Overlay::Staff(v) => staff::draw(app, v, theme, frame, main),
            Overlay::Review(v) => review::draw(app, v, theme, frame, main),
            _ => {}
        }
        if app.overlay == Some(Overlay::Help) {
            help::draw(app, theme, frame, screen);
        }
        return;
    }
    if app.zoomed {
        // The focused pane alone, over the whole area of all.
        (pane_view(app.focus).draw)(app, theme, frame, main);
    } else {
        for (pane, area) in pane_areas(main) {
            (pane_view(pane).draw)(app, theme, frame, area);
        }
    }
    match &app.overlay {
        None => {}
        Some(Overlay::Welcome) => welcome::draw(app, theme, frame, screen),
        Some(Overlay::Help) => help::draw(app, theme, frame, screen),
        Some(Overlay::Customer { id, scroll }) => {
            detail::draw(app, theme, frame, screen, *id, *scroll)
        }
        Some(Overlay::Prompt(p)) => prompt::draw(app, p, theme, frame, screen),
        Some(Overlay::ConfirmQuit) => prompt::draw_confirm_quit(app, theme, frame, screen),
        Some(Overlay::Confirm(c)) => confirm::draw(&app.rules.keys, c, theme, frame, screen),
        // Drawn above instead of the panes.
        Some(
            Overlay::Insight(_)
            | Overlay::Calendar(_)
            | Overlay::Document(_)
            | Overlay::Staff(_)
            | Overlay::Review(_),
        ) => {}
    }
}

/// The draw side of the pane registry: the module that draws each pane and the room it wants.
/// A pane added to `app::Pane` without its line here does not compile.
fn pane_view(pane: Pane) -> PaneView {
    match pane {
        Pane::Customers => customers::VIEW,
        Pane::Queue => queue::VIEW,
        Pane::Interview => interview::VIEW,
        Pane::Actions => actions::VIEW,
    }
}

/// Every pane of the registry with its area of the grid, in registry order.
fn pane_areas(main: Rect) -> Vec<(Pane, Rect)> {
    let views: Vec<PaneView> = Pane::ALL.iter().map(|&p| pane_view(p)).collect();
    Pane::ALL
        .into_iter()
        .zip(grid::grid(main, &views))
        .collect()
}

/// The bordered block of a pane: the focused one has a thick, coloured border and a `▶` in its
/// title, so the focus shows without colour too. `detail` follows the title (sort, counts);
/// `position` goes on the bottom border (e.g. `3/40`).
fn pane_block(
    app: &App,
    theme: Theme,
    pane: Pane,
    detail: &str,
    position: Option<String>,
) -> Block<'static> {
    let focused = app.focus == pane;
    let number = pane.index() + 1;
    let mark = if focused { "▶ " } else { "" };
    let mut title = format!(" {mark}{number} {}", pane.title());
    if app.zoomed && focused {
        // Before the detail, so a narrow title is cut there rather than here.
        let key = hints(&app.rules.keys, KeyContext::Global, &[Action::Zoom])
            .into_iter()
            .next()
            .map_or_else(String::new, |(key, _)| key);
        title.push_str(&format!(" · zoomed, {key} back"));
    }
    if !detail.is_empty() {
        title.push_str(" · ");
        title.push_str(detail);
    }
    title.push(' ');
    let (border, kind) = if focused {
        (theme.focus_border(), BorderType::Thick)
    } else {
        (theme.border(), BorderType::Plain)
    };
    let mut block = Block::bordered()
        .border_type(kind)
        .border_style(border)
        .title(Line::from(Span::styled(title, theme.title())));
    if let Some(pos) = position {
        block = block.title_bottom(Line::from(format!(" {pos} ")).right_aligned());
    }
    block
}

/// `selected/len` for a pane's bottom border, when there is anything to count.
fn position(selected: usize, len: usize) -> Option<String> {
    (len > 0).then(|| format!("{}/{len}", selected.saturating_add(1).min(len)))
}

/// An area of at most `width` x `height` centred in `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x.saturating_add((area.width - w) / 2),
        area.y.saturating_add((area.height - h) / 2),
        w,
        h,
    )
}

/// The status line: data dir, save state and message on the left; the clock and the help hint
/// on the right. The right part and the save state win when space is short.
fn draw_status(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let clock = clock::datetime(app, app.now);
    let help = hints(&app.rules.keys, KeyContext::Global, &[Action::Help])
        .into_iter()
        .next()
        .map_or_else(String::new, |(key, _)| format!("  {key} help"));
    let right = if app.fixed_now {
        format!(" --now {clock}{help} ")
    } else {
        format!(" {clock}{help} ")
    };
    let unread = unread(app);
    let right_width = u16::try_from(unread.width() + right.width())
        .unwrap_or(u16::MAX)
        .min(area.width);
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(right_width)]).areas(area);
    let (save_text, save_style) = match &app.save {
        SaveState::Saved => ("saved".to_string(), theme.ok()),
        SaveState::Saving(n) if *n > 1 => (format!("saving… ({n})"), theme.due()),
        SaveState::Saving(_) => ("saving…".to_string(), theme.due()),
        SaveState::Failed(reason) => (format!("NOT SAVED: {reason}"), theme.error()),
    };
    let room = usize::from(left_area.width);
    // The data dir gets what the save state leaves, up to a third of the line.
    let dir_room = room.saturating_sub(save_text.width() + 4).min(room / 3);
    let mut spans = vec![
        Span::raw(" "),
        Span::raw(shorten_path(&app.data_dir, dir_room)),
        Span::raw(" · "),
        Span::styled(save_text, save_style),
    ];
    if app.senior_gaps > 0 {
        // Loud until fixed: a follow-up that needs senior management has nobody.
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(
            format!(
                "NO SENIOR MANAGER for {} follow-up(s): S staff",
                app.senior_gaps
            ),
            theme.error(),
        ));
    }
    if let Some(msg) = &app.message {
        let used: usize = spans.iter().map(|s| s.content.width()).sum();
        let left = room.saturating_sub(used + 3);
        spans.push(Span::raw(" · "));
        spans.push(Span::raw(fit::truncate_words(msg, left)));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.status()),
        left_area,
    );
    let right_line = Line::from(vec![Span::styled(unread, theme.due()), Span::raw(right)]);
    frame.render_widget(
        Paragraph::new(right_line)
            .style(theme.status())
            .right_aligned(),
        right_area,
    );
}

/// What arrived since the lead last looked at the queue, and the key that shows it:
/// ` 3 new: 2 queue ·`; empty when nothing did.
fn unread(app: &App) -> String {
    let n = app.alerts.unread;
    if n == 0 {
        return String::new();
    }
    let queue = crate::app::Pane::Queue;
    let key = hints(
        &app.rules.keys,
        KeyContext::Global,
        &[Action::Focus(queue.index())],
    )
    .into_iter()
    .next()
    .map_or_else(String::new, |(key, _)| format!(": {key} queue"));
    if app.looking_at_queue() {
        format!(" {n} new ·")
    } else {
        format!(" {n} new{key} ·")
    }
}

/// The end of a path, cut at the front: `…/share/hearback`.
fn shorten_path(path: &str, width: usize) -> String {
    if path.width() <= width {
        return path.to_string();
    }
    let chars: Vec<char> = path.chars().collect();
    let mut keep = String::new();
    for start in 0..chars.len() {
        let tail: String = chars.get(start..).unwrap_or_default().iter().collect();
        if tail.width() < width {
            keep = tail;
            break;
        }
    }
    if keep.is_empty() {
        truncate(path, width)
    } else {
        format!("…{keep}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_cut_at_the_front() {
        assert_eq!(
            shorten_path("/home/ann/.local/share/hearback", 40),
            "/home/ann/.local/share/hearback"
        );
        assert_eq!(
            shorten_path("/home/ann/.local/share/hearback", 16),
            "…/share/hearback"
        );
        assert_eq!(shorten_path("/home/ann", 0), "");
    }

    #[test]
    fn centred_areas_fit_inside() {
        let outer = Rect::new(2, 3, 10, 4);
        assert_eq!(centered(outer, 6, 2), Rect::new(4, 4, 6, 2));
        assert_eq!(centered(outer, 60, 20), outer);
    }
}
