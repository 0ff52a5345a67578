//! Every style the dashboard uses, in one place. With colour off (`NO_COLOR`) only modifiers
//! (bold, reverse, underline, dim) are used, so every state stays visible on a monochrome
//! terminal and no cell carries a foreground or background colour.

use crate::core::risk::RiskLevel;
use ratatui::style::{Color, Modifier, Style};

/// The styles of one frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// The theme for a frame: colours only when `color` is true.
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    /// `plain` modifiers always, plus the colour when colour is on.
    fn paint(self, plain: Style, fg: Color) -> Style {
        if self.color { plain.fg(fg) } else { plain }
    }

    /// Text with no emphasis.
    pub fn normal(self) -> Style {
        Style::new()
    }

    /// A pane border that does not have the focus.
    pub fn border(self) -> Style {
        self.paint(Style::new(), Color::Gray)
    }

    /// The focused pane's border.
    pub fn focus_border(self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    /// A pane or overlay title.
    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Column headings.
    pub fn header(self) -> Style {
        self.paint(
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Color::Cyan,
        )
    }

    /// The selected row of the focused pane.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The selected row of a pane without the focus.
    pub fn selected_unfocused(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Secondary text: hints, empty states, snoozed rows.
    pub fn dim(self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::DIM), Color::DarkGray)
    }

    /// Late: overdue countdowns and cards.
    pub fn overdue(self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Red)
    }

    /// Due today.
    pub fn due(self) -> Style {
        self.paint(Style::new(), Color::Yellow)
    }

    /// A queue severity: 1-2 red, 3 amber.
    pub fn severity(self, severity: u8) -> Style {
        match severity {
            0..=2 => self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Red),
            3 => self.paint(Style::new(), Color::Yellow),
            _ => self.normal(),
        }
    }

    /// A risk level.
    pub fn risk(self, level: RiskLevel) -> Style {
        match level {
            RiskLevel::AtRisk => self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Red),
            RiskLevel::Watch => self.paint(Style::new(), Color::Yellow),
            RiskLevel::Healthy => self.paint(Style::new(), Color::Green),
        }
    }

    /// Something the user must read: a failed save, a refused form.
    pub fn error(self) -> Style {
        let plain = Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED);
        if self.color {
            Style::new()
                .add_modifier(Modifier::BOLD)
                .fg(Color::White)
                .bg(Color::Red)
        } else {
            plain
        }
    }

    /// A key name in help and hints.
    pub fn key(self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    /// Good news: saved, done marks.
    pub fn ok(self) -> Style {
        self.paint(Style::new(), Color::Green)
    }

    /// The status line background.
    pub fn status(self) -> Style {
        if self.color {
            Style::new().bg(Color::Indexed(236))
        } else {
            Style::new()
        }
    }

    /// The text cursor inside a prompt field.
    pub fn cursor(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}
