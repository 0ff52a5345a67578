//! The command line inside the dashboard: `:` opens a one-line prompt at the bottom of the
//! screen that takes the same commands as `hearback` in a shell (without the `hearback`).
//! Enter hands the line to the runtime (`Effect::RunCommand`), which runs it through the CLI's
//! own clap definitions and handlers off the input path and answers `Msg::CommandDone`; its
//! output opens in the document view. Tab completes (see `complete`), Up/Down walk the history,
//! which the runtime keeps in a file across runs (`io::history`).

mod complete;
mod output;
mod vocabulary;
mod words;

pub use complete::{Candidate, Completion, common_prefix, complete};
pub(super) use output::{deliver, done, inbox_ran};
pub use vocabulary::{CommandWords, Flag, Positional, Refers, Values, Vocabulary};

use super::prompt::Field;
use super::{App, Effect, Overlay};
use crate::core::{Dataset, sanitize};
use crate::keymap::{Action, KeyContext, lookup};
use crossterm::event::KeyEvent;

/// The open prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandLine {
    /// The line typed so far, with its cursor.
    pub field: Field,
    /// The history entry shown while Up/Down walk it; None while a new line is typed.
    history_at: Option<usize>,
    /// The new line, kept while Up/Down show older ones.
    draft: String,
    /// The candidates of the last Tab while Tab goes through them.
    pub cycle: Option<Cycle>,
    /// Why the last Tab inserted nothing.
    pub note: Option<String>,
}

/// Several candidates for one word: shown above the prompt; Tab again inserts each in turn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cycle {
    /// Where the word starts (chars).
    start: usize,
    /// Put before each candidate (`--format=`).
    lead: String,
    /// The candidates, in the order shown.
    pub candidates: Vec<Candidate>,
    /// The one inserted, once Tab went on from the shared start.
    pub selected: Option<usize>,
}

impl Default for CommandLine {
    fn default() -> CommandLine {
        CommandLine {
            field: Field::new("command", ""),
            history_at: None,
            draft: String::new(),
            cycle: None,
            note: None,
        }
    }
}

impl CommandLine {
    /// Shows `text` with the cursor at its end.
    fn show(&mut self, text: &str) {
        self.field.value = text.to_string();
        self.field.home_end(true);
    }

    /// Up: the command before the one shown (the newest first); stays at the oldest.
    pub fn history_back(&mut self, history: &[String]) {
        let at = match self.history_at {
            None if history.is_empty() => return,
            None => {
                self.draft = self.field.value.clone();
                history.len() - 1
            }
            Some(at) => at.saturating_sub(1),
        };
        self.history_at = Some(at);
        if let Some(line) = history.get(at) {
            self.show(line);
        }
    }

    /// Down: the command after the one shown; past the newest, the line that was being typed.
    pub fn history_forward(&mut self, history: &[String]) {
        let Some(at) = self.history_at else {
            return;
        };
        match history.get(at + 1) {
            Some(line) => {
                self.history_at = Some(at + 1);
                let line = line.clone();
                self.show(&line);
            }
            None => {
                self.history_at = None;
                let draft = std::mem::take(&mut self.draft);
                self.show(&draft);
            }
        }
    }

    /// Replaces the text from char `start` to the cursor with `text`; the cursor after it.
    fn replace(&mut self, start: usize, text: &str) {
        let chars: Vec<char> = self.field.value.chars().collect();
        let cursor = self.field.cursor.min(chars.len());
        let start = start.min(cursor);
        let before: String = chars.get(..start).unwrap_or_default().iter().collect();
        let after: String = chars.get(cursor..).unwrap_or_default().iter().collect();
        self.field.value = format!("{before}{text}{after}");
        self.field.cursor = start + text.chars().count();
    }

    /// Tab (`back`: Shift-Tab): completes the word under the cursor. One candidate is inserted
    /// whole; several insert what they share and are listed, and Tab again inserts each in
    /// turn (Shift-Tab the other way round).
    pub fn tab(&mut self, vocabulary: &Vocabulary, data: &Dataset, back: bool) {
        self.note = None;
        if let Some(cycle) = &mut self.cycle {
            let n = cycle.candidates.len().max(1);
            let next = match (cycle.selected, back) {
                (None, false) => 0,
                (None, true) => n - 1,
                (Some(i), false) => (i + 1) % n,
                (Some(i), true) => (i + n - 1) % n,
            };
            cycle.selected = Some(next);
            let word = cycle
                .candidates
                .get(next)
                .map(|c| format!("{}{} ", cycle.lead, words::quote(&c.value)));
            let start = cycle.start;
            if let Some(word) = word {
                self.replace(start, &word);
            }
            return;
        }
        let before: String = self.field.value.chars().take(self.field.cursor).collect();
        let found = complete(vocabulary, data, &before);
        let values: Vec<&str> = found.candidates.iter().map(|c| c.value.as_str()).collect();
        match values.as_slice() {
            [] => {
                self.note = Some(if found.typed.is_empty() {
                    "nothing to complete here".to_string()
                } else {
                    format!("nothing to complete for {}", sanitize::quote(&found.typed))
                });
            }
            [one] => {
                let word = format!("{}{} ", found.lead, words::quote(one));
                self.replace(found.start, &word);
            }
            several => {
                let shared = common_prefix(several);
                if shared.chars().count() > found.typed.chars().count() {
                    let word = format!("{}{}", found.lead, words::quote_start(&shared));
                    self.replace(found.start, &word);
                }
                self.cycle = Some(Cycle {
                    start: found.start,
                    lead: found.lead,
                    candidates: found.candidates,
                    selected: None,
                });
            }
        }
    }
}

impl App {
    /// The commands typed at `:`, oldest first (what the runtime saves).
    pub fn command_history(&self) -> &[String] {
        &self.command_history
    }

    /// The history the runtime read from its file at start (oldest first; the newest
    /// [`crate::io::history::CAP`] are kept).
    pub fn set_command_history(&mut self, mut history: Vec<String>) {
        let extra = history.len().saturating_sub(crate::io::history::CAP);
        self.command_history = history.split_off(extra);
    }

    /// What Tab completes from: the CLI's subcommands and flags (`cli::vocabulary()`), set by
    /// the runtime at start. Without it Tab completes nothing.
    pub fn set_vocabulary(&mut self, vocabulary: Vocabulary) {
        self.vocabulary = vocabulary;
    }

    /// The vocabulary Tab completes from.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Adds a run command to the history: not twice in a row, the newest `CAP` kept.
    fn remember(&mut self, line: &str) {
        if self.command_history.last().map(String::as_str) == Some(line) {
            return;
        }
        self.command_history.push(line.to_string());
        let extra = self
            .command_history
            .len()
            .saturating_sub(crate::io::history::CAP);
        self.command_history.drain(..extra);
    }
}

/// `:` opens the prompt (over the panes or a view; the view stays under it).
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    app.command = Some(CommandLine::default());
    Vec::new()
}

/// Keys while the prompt is open: its command keys from the key table (mode `command`), then
/// the text-editing keys of a single-line field.
pub(super) fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let action = lookup(&app.rules.keys, KeyContext::Command, &key);
    let (vocabulary, data, history) = (&app.vocabulary, &app.data, &app.command_history);
    let Some(line) = &mut app.command else {
        return Vec::new();
    };
    if !matches!(action, Some(Action::CompleteWord | Action::CompleteBack)) {
        line.cycle = None;
        line.note = None;
    }
    match action {
        Some(Action::Submit) => return submit(app),
        Some(Action::Back) => app.command = None,
        Some(Action::CompleteWord) => line.tab(vocabulary, data, false),
        Some(Action::CompleteBack) => line.tab(vocabulary, data, true),
        Some(Action::Up) => line.history_back(history),
        Some(Action::Down) => line.history_forward(history),
        Some(Action::ClearField) => line.field.clear(),
        Some(Action::DeleteWord) => line.field.delete_word(),
        Some(Action::First) => line.field.home_end(false),
        Some(Action::Last) => line.field.home_end(true),
        Some(Action::Help) => {
            app.under_help = app.overlay.take();
            app.overlay = Some(Overlay::Help);
        }
        Some(Action::Suspend) => return vec![Effect::Suspend],
        Some(_) => {}
        None => {
            if line.field.edit(key) {
                // An edited line is a new line, whatever history entry it started from.
                line.history_at = None;
            }
        }
    }
    Vec::new()
}

/// Enter: the line goes to the runtime and into the history; an empty line just closes.
fn submit(app: &mut App) -> Vec<Effect> {
    let Some(line) = app.command.take() else {
        return Vec::new();
    };
    let mut text = line.field.value.trim();
    // `hearback queue` typed out of habit runs `queue`.
    if let Some(rest) = text.strip_prefix("hearback ") {
        text = rest.trim_start();
    }
    if text.is_empty() || text == "hearback" {
        return Vec::new();
    }
    let text = text.to_string();
    app.remember(&text);
    app.message = Some(format!("running: {}", sanitize::line(&text)));
    vec![Effect::RunCommand { line: text }]
}

#[cfg(test)]
mod tests;
