//! Raising a notification: the escape sequence (or the bell) written to the terminal between
//! frames, and, when `notifications.desktop` is on, the desktop's notifier run in the
//! background. What is raised and when is decided by [`crate::core::alerts`].

use crate::core::alerts::{Notice, Settings, Signal, TerminalEnv};
use std::io::{self, Write as _};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// How notifications leave the dashboard, decided once at start.
pub struct Notifier {
    /// What is written to the terminal.
    signal: Signal,
    /// The desktop notifier to run, if any.
    desktop: Option<Desktop>,
}

/// A desktop notifier program.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Desktop {
    /// `notify-send` (libnotify), talking to the desktop's notification daemon.
    NotifySend(PathBuf),
    /// `osascript`, macOS's Notification Centre.
    Osascript(PathBuf),
}

impl Notifier {
    /// The notifier for `settings` in this terminal. The second value is what to tell the user
    /// when the desktop notifications they switched on cannot be raised here.
    pub fn new(settings: &Settings) -> (Notifier, Option<String>) {
        let signal = settings.terminal.for_terminal(&environment());
        let (desktop, warning) = if settings.desktop {
            match find_desktop() {
                Some(d) => (Some(d), None),
                None => (
                    None,
                    Some(
                        "desktop notifications are on but no notifier was found (notify-send on Linux: install libnotify-bin or libnotify; osascript on macOS); the terminal is still told"
                            .to_string(),
                    ),
                ),
            }
        } else {
            (None, None)
        };
        (Notifier { signal, desktop }, warning)
    }

    /// Raises `notice`: the terminal first (it cannot fail in a way worth stopping for), then
    /// the desktop notifier, which runs in the background.
    pub fn raise(&self, notice: &Notice) -> io::Result<()> {
        if let Some(bytes) = escape(self.signal, notice) {
            let mut out = io::stdout().lock();
            out.write_all(bytes.as_bytes())?;
            out.flush()?;
        }
        if let Some(desktop) = &self.desktop {
            let mut command = match desktop {
                Desktop::NotifySend(path) => {
                    let mut c = Command::new(path);
                    c.arg("--app-name=hearback")
                        .arg(&notice.title)
                        .arg(&notice.body);
                    c
                }
                Desktop::Osascript(path) => {
                    let mut c = Command::new(path);
                    c.arg("-e").arg(format!(
                        "display notification {} with title \"hearback\" subtitle {}",
                        applescript(&notice.body),
                        applescript(&notice.title)
                    ));
                    c
                }
            };
            let mut child = command
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()?;
            // Reaped off the loop: the notifier may take a moment to hand over to the daemon.
            std::thread::spawn(move || child.wait());
        }
        Ok(())
    }
}

/// The terminal the dashboard runs in, as its environment describes it.
fn environment() -> TerminalEnv {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    TerminalEnv {
        term: var("TERM"),
        term_program: var("TERM_PROGRAM"),
        multiplexed: set("TMUX") || set("STY"),
        vte: set("VTE_VERSION"),
    }
}

/// The desktop notifier on `PATH`, if there is one.
fn find_desktop() -> Option<Desktop> {
    let path = std::env::var_os("PATH")?;
    let find = |name: &str| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    };
    if cfg!(target_os = "macos") {
        find("osascript").map(Desktop::Osascript)
    } else {
        find("notify-send").map(Desktop::NotifySend)
    }
}

/// The bytes that tell the terminal, or `None` when it is not told. The text is cleaned of
/// anything that could end the sequence early or drive the terminal (control characters;
/// `;`, which separates OSC 777's fields).
pub fn escape(signal: Signal, notice: &Notice) -> Option<String> {
    let title = field(&notice.title);
    let body = field(&notice.body);
    match signal {
        Signal::Osc9 => Some(format!("\u{1b}]9;hearback: {title}: {body}\u{7}")),
        Signal::Osc777 => Some(format!("\u{1b}]777;notify;hearback: {title};{body}\u{7}")),
        Signal::Bell | Signal::Auto => Some("\u{7}".to_string()),
        Signal::Off => None,
    }
}

/// Text fit for a field of an escape sequence: one line, no control characters, no `;`, at
/// most 200 characters.
fn field(text: &str) -> String {
    let line = crate::core::sanitize::line(text).replace(';', ",");
    let cut: String = line.chars().take(200).collect();
    if cut.len() < line.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// An AppleScript string literal.
fn applescript(text: &str) -> String {
    let line = crate::core::sanitize::line(text);
    format!("\"{}\"", line.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::alerts::Kind;

    fn notice(title: &str, body: &str) -> Notice {
        Notice {
            kind: Kind::LowScore,
            title: title.into(),
            body: body.into(),
        }
    }

    #[test]
    fn each_signal_writes_its_own_sequence() {
        let n = notice("1 new low score", "Acme Corp scored 2");
        assert_eq!(
            escape(Signal::Osc9, &n).as_deref(),
            Some("\u{1b}]9;hearback: 1 new low score: Acme Corp scored 2\u{7}")
        );
        assert_eq!(
            escape(Signal::Osc777, &n).as_deref(),
            Some("\u{1b}]777;notify;hearback: 1 new low score;Acme Corp scored 2\u{7}")
        );
        assert_eq!(escape(Signal::Bell, &n).as_deref(), Some("\u{7}"));
        assert_eq!(escape(Signal::Off, &n), None);
    }

    #[test]
    fn a_name_cannot_end_the_sequence_or_add_a_field() {
        let n = notice(
            "1 new low score",
            "Evil\u{7}\u{1b}]52;c;aGk=\u{7} Ltd; scored 2",
        );
        let out = escape(Signal::Osc777, &n).expect("a sequence");
        assert_eq!(out.matches('\u{7}').count(), 1, "{out:?}");
        assert_eq!(out.matches('\u{1b}').count(), 1, "{out:?}");
        assert_eq!(
            out.matches(';').count(),
            3,
            "notify;title;body only: {out:?}"
        );
        let long = notice("t", &"x".repeat(500));
        let out = escape(Signal::Osc9, &long).expect("a sequence");
        assert!(out.chars().count() < 230, "{}", out.len());
        assert_eq!(applescript("say \"hi\" \\"), "\"say \\\"hi\\\" \\\\\"");
    }
}
