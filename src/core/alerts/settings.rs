//! The `[notifications]` section of the config file (shipped defaults and their comments in
//! `assets/policy.toml`).

use super::Kind;
use crate::core::Instant;
use chrono::{FixedOffset, NaiveTime, Timelike};
use serde::Deserialize;

/// How the terminal is told.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Signal {
    /// Chosen from the terminal the dashboard runs in ([`Signal::for_terminal`]).
    #[default]
    Auto,
    /// `ESC ] 9 ; text BEL`: iTerm2, WezTerm, Ghostty, kitty.
    Osc9,
    /// `ESC ] 777 ; notify ; title ; body BEL`: foot, urxvt, VTE terminals.
    Osc777,
    /// The bell (`BEL`): every terminal, and tmux and screen, which mark the window.
    Bell,
    /// Nothing written to the terminal.
    Off,
}

impl Signal {
    /// What `auto` means in a terminal described by its environment (`TERM`,
    /// `TERM_PROGRAM`, whether `TMUX`/`STY` or `VTE_VERSION` are set). Inside tmux or screen
    /// an OSC notification would reach the outer terminal only with passthrough switched on,
    /// so the bell is used there: tmux flags the window and passes the bell on.
    pub fn for_terminal(self, env: &TerminalEnv) -> Signal {
        if self != Signal::Auto {
            return self;
        }
        let term = env.term.as_str();
        let program = env.term_program.as_str();
        if env.multiplexed || term.starts_with("screen") || term.starts_with("tmux") {
            Signal::Bell
        } else if matches!(program, "iTerm.app" | "WezTerm" | "ghostty")
            || term.contains("kitty")
            || term.contains("ghostty")
        {
            Signal::Osc9
        } else if term.starts_with("foot") || term.starts_with("rxvt-unicode") || env.vte {
            Signal::Osc777
        } else {
            Signal::Bell
        }
    }
}

/// What the environment says about the terminal (read by the runtime).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TerminalEnv {
    /// `TERM`.
    pub term: String,
    /// `TERM_PROGRAM`.
    pub term_program: String,
    /// Inside tmux or screen (`TMUX` or `STY` set).
    pub multiplexed: bool,
    /// A VTE terminal (`VTE_VERSION` set): GNOME Terminal, Tilix, ...
    pub vte: bool,
}

/// The notification settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// New low scores raise a notification.
    pub low_scores: bool,
    /// Items turning overdue raise a notification.
    pub overdue: bool,
    /// How the terminal is told.
    pub terminal: Signal,
    /// Also a desktop notification, where a notifier is available.
    pub desktop: bool,
    /// Local times (start, end) between which nothing is signalled; may wrap midnight.
    pub quiet_hours: Option<(NaiveTime, NaiveTime)>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            low_scores: true,
            overdue: true,
            terminal: Signal::Auto,
            desktop: false,
            quiet_hours: None,
        }
    }
}

/// The section as written; checked by [`Settings::from_toml`].
#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Section {
    low_scores: bool,
    overdue: bool,
    terminal: Signal,
    desktop: bool,
    quiet_hours: Option<String>,
}

impl Default for Section {
    fn default() -> Section {
        let d = Settings::default();
        Section {
            low_scores: d.low_scores,
            overdue: d.overdue,
            terminal: d.terminal,
            desktop: d.desktop,
            quiet_hours: None,
        }
    }
}

/// The config file as far as notifications go: other sections are read elsewhere.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct File {
    notifications: Section,
}

/// Why the section was refused; the message names the key.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SettingsError {
    /// TOML syntax or an unknown key or a wrong type (toml names line, column and key).
    #[error("{0}")]
    Syntax(String),
    /// `quiet_hours` is not two times.
    #[error(
        "notifications.quiet_hours: \"{0}\" is not a span of local times like \"19:00-08:00\" (start-end, 24-hour clock, start and end different)"
    )]
    QuietHours(String),
}

impl Settings {
    /// Reads the `[notifications]` section of a config file; missing keys keep the defaults.
    pub fn from_toml(text: &str) -> Result<Settings, SettingsError> {
        let file: File = toml::from_str(text)
            .map_err(|e| SettingsError::Syntax(crate::core::sanitize::text(&e.to_string())))?;
        let s = file.notifications;
        let quiet_hours = match s.quiet_hours.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(span) => Some(
                quiet_span(span)
                    .ok_or_else(|| SettingsError::QuietHours(crate::core::sanitize::text(span)))?,
            ),
        };
        Ok(Settings {
            low_scores: s.low_scores,
            overdue: s.overdue,
            terminal: s.terminal,
            desktop: s.desktop,
            quiet_hours,
        })
    }

    /// Whether `kind` raises notifications.
    pub fn raises(&self, kind: Kind) -> bool {
        match kind {
            Kind::LowScore => self.low_scores,
            Kind::Overdue => self.overdue,
        }
    }

    /// Whether `now` falls in the quiet hours (local time at `offset`). The start is quiet,
    /// the end is not: "19:00-08:00" is quiet from 19:00 up to 07:59.
    pub fn is_quiet(&self, now: Instant, offset: FixedOffset) -> bool {
        let Some((start, end)) = self.quiet_hours else {
            return false;
        };
        let local = now.with_timezone(&offset).time();
        let t = local.with_nanosecond(0).unwrap_or(local);
        if start < end {
            start <= t && t < end
        } else {
            t >= start || t < end
        }
    }
}

/// "19:00-08:00" as two times, different from each other.
fn quiet_span(span: &str) -> Option<(NaiveTime, NaiveTime)> {
    let (start, end) = span.split_once('-')?;
    let time = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
    let (start, end) = (time(start)?, time(end)?);
    (start != end).then_some((start, end))
}
