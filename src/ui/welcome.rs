//! The first-run screen of an empty store: load demo data with one key, or import customers
//! from a CRM export. The keys listed come from the keymap's welcome rows.

use super::centered;
use super::theme::Theme;
use crate::app::App;
use crate::keymap::{Action, KeyContext, help_rows, hints};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// Draws the welcome screen.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, screen: Rect) {
    let rows = help_rows(&app.rules.keys, KeyContext::Welcome);
    let key_width = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let mut lines = vec![
        Line::styled("Welcome to hearback", theme.title()),
        Line::raw(""),
        Line::raw(format!("The store in {} is empty.", app.data_dir)),
        Line::raw(""),
    ];
    for (keys, help) in &rows {
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(keys.clone(), theme.key()),
            Span::raw(" ".repeat(key_width.saturating_sub(keys.width()) + 2)),
            Span::raw(*help),
        ]));
    }
    // The command line runs the import right here when it has a key; else the shell does.
    let (how, command) = match hints(&app.rules.keys, KeyContext::Welcome, &[Action::CommandLine])
        .into_iter()
        .next()
    {
        Some((key, _)) => (
            format!("To bring in your own customers, press {key} and type:"),
            "  import customers FILE.csv",
        ),
        None => (
            "To bring in your own customers, quit and run:".to_string(),
            "  hearback import customers FILE.csv",
        ),
    };
    lines.extend([
        Line::raw(""),
        Line::raw(how),
        Line::styled(command, theme.key()),
        Line::styled(
            "(a CRM export: name, size, tier, account manager, ...)",
            theme.dim(),
        ),
    ]);
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let area = centered(screen, screen.width.saturating_sub(4).min(64), height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border())
        .title(Line::from(Span::styled(" hearback ", theme.title())));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
