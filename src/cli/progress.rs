//! A progress bar on stderr for long imports, drawn only when stderr is a terminal.
//!
//! When stderr is piped or redirected (scripts, CI, every CLI test) no bar exists at all, so
//! nothing extra is written and the output stays byte for byte what it was. The bar is cleared
//! when the import ends, so the terminal keeps only the import's own report.

use indicatif::{ProgressBar, ProgressStyle};
use std::time::Duration;

/// A bar, or nothing when stderr is not a terminal.
pub struct Progress {
    bar: Option<ProgressBar>,
    /// Whether stdout shares the terminal: lines printed then must not tear the bar.
    stdout_is_terminal: bool,
}

impl Progress {
    /// A step without countable items (`what` says which, e.g. "planning 100000 rows").
    pub fn working(what: &str) -> Progress {
        Progress::new(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(style("{spinner} {msg} ({elapsed})"));
            bar.set_message(what.to_string());
            bar
        })
    }

    /// Counts items of unknown total (`what` names them, e.g. "responses checked").
    pub fn counting(what: &str) -> Progress {
        Progress::new(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(style("{spinner} {human_pos} {msg} ({elapsed})"));
            bar.set_message(what.to_string());
            bar
        })
    }

    /// Counts `total` items (`what` names them, e.g. "responses written").
    pub fn bar(total: u64, what: &str) -> Progress {
        Progress::new(|| {
            let bar = ProgressBar::new(total);
            bar.set_style(style(
                "{wide_bar} {human_pos}/{human_len} {msg} ({elapsed}, {eta} left)",
            ));
            bar.set_message(what.to_string());
            bar
        })
    }

    fn new(make: impl FnOnce() -> ProgressBar) -> Progress {
        let bar = super::console::stderr_is_terminal().then(|| {
            let bar = make();
            // Ticks on its own so a long step without items (planning, a commit) still moves.
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            stdout_is_terminal: super::console::stdout_is_terminal(),
        }
    }

    /// `n` more items done.
    pub fn inc(&self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
    }

    /// Says what is happening now (e.g. "planning", "writing").
    pub fn message(&self, what: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(what.to_string());
        }
    }

    /// Runs `print` (which writes to stdout) without tearing the bar when both share a terminal.
    pub fn print<T>(&self, print: impl FnOnce() -> T) -> T {
        match &self.bar {
            Some(bar) if self.stdout_is_terminal => bar.suspend(print),
            _ => print(),
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn style(template: &str) -> ProgressStyle {
    // The templates are constants: a bad one falls back to the default look, never a panic.
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar())
}
