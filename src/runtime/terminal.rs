//! The terminal: raw mode and the alternate screen going in, and coming out again on every exit
//! path — normal end, error, panic, signal and Ctrl-Z.
//!
//! The state is tracked in one flag so restoring is idempotent: the panic hook, the `Drop` of
//! [`Tui`] and the suspend path may all try, and only the first one writes anything.

use crate::app::App;
use crossterm::event::{DisableBracketedPaste, DisableMouseCapture};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set while the terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// The panic hook is installed once per process, however often a terminal is entered.
static HOOK: Once = Once::new();

/// The dashboard's terminal; restores the user's terminal when dropped.
pub struct Tui {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Tui {
    /// Installs the panic hook, enters raw mode and the alternate screen.
    pub fn enter() -> io::Result<Tui> {
        install_panic_hook();
        enter_screen()?;
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(Tui { terminal }),
            Err(e) => {
                // The raw terminal must not outlive a failed start.
                let _ = restore();
                Err(e)
            }
        }
    }

    /// Draws one frame of `app`. ratatui diffs against the previous frame, so only changed
    /// cells are written.
    pub fn draw(&mut self, app: &App) -> io::Result<()> {
        self.terminal
            .draw(|frame| crate::ui::render(app, frame))
            .map(|_| ())
    }

    /// Forgets what is on screen so the next draw repaints every cell (after a resume, or after
    /// something else wrote over the screen).
    pub fn clear(&mut self) -> io::Result<()> {
        self.terminal.clear()
    }

    /// Ctrl-Z by hand: raw mode turns ISIG off, so the key arrives as a key and no SIGTSTP is
    /// sent. Restores the terminal, stops the process as the shell expects, and once `fg`
    /// continues it, enters raw mode and the alternate screen again and forgets the screen
    /// so the next draw is a full one.
    pub fn suspend(&mut self) -> io::Result<()> {
        let restored = restore();
        if restored.is_ok() {
            // SAFETY: raise(3) has no memory-safety preconditions. SIGTSTP keeps its default
            // disposition (nothing here handles it), so this stops the whole process and
            // returns once SIGCONT arrives.
            unsafe {
                libc::raise(libc::SIGTSTP);
            }
        }
        // Re-enter even when restoring failed: the loop goes on drawing either way.
        enter_screen()?;
        self.terminal.clear()?;
        restored
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // Errors here have nowhere to go (the terminal may be gone after SIGHUP).
        let _ = restore();
    }
}

/// Raw mode, the alternate screen and a hidden cursor.
fn enter_screen() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)
}

/// Puts the terminal back as the shell had it, if it is not already. Mouse capture and
/// bracketed paste are turned off too: hearback does not turn them on, but a terminal left
/// with either on is unusable, so a crash must never leave them on.
pub fn restore() -> io::Result<()> {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    // Every step is tried even when an earlier one fails; the first error is reported.
    let raw = terminal::disable_raw_mode();
    let mut out = io::stdout();
    let screen = execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let flushed = out.flush();
    raw.and(screen).and(flushed)
}

/// Installs, once, a panic hook that restores the terminal before the previous hook prints the
/// message, so the message lands on the normal screen of a usable shell. It is installed when
/// the terminal is entered — after any hook set earlier — and chains to that hook.
///
/// Only a panic on the thread that owns the terminal restores it: a panic in a background
/// save is caught by the runtime, reported in the status line, and the dashboard goes on.
fn install_panic_hook() {
    HOOK.call_once(|| {
        let ui_thread = std::thread::current().id();
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().id() == ui_thread {
                let _ = restore();
            }
            previous(info);
        }));
    });
}

/// The OSC 52 sequence that puts `text` on the clipboard of the terminal's machine.
pub fn osc52(text: &str) -> String {
    use base64::Engine as _;
    format!(
        "\u{1b}]52;c;{}\u{7}",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

/// Writes the OSC 52 sequence for `text` to the terminal.
pub fn copy_to_clipboard(text: &str) -> io::Result<()> {
    use std::io::Write as _;
    let mut out = io::stdout().lock();
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod clipboard_tests {
    use super::*;

    #[test]
    fn osc52_wraps_base64_in_the_clipboard_sequence() {
        assert_eq!(osc52("Dear Ada"), "\u{1b}]52;c;RGVhciBBZGE=\u{7}");
        assert_eq!(osc52(""), "\u{1b}]52;c;\u{7}");
    }
}
