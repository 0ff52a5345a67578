//! What enters the loop (messages) and what the loop asks the runtime to do (effects).

use crate::core::{ChangeSet, CustomerId, Dataset, Instant, TimelineEvent};
use crossterm::event::KeyEvent;

/// One input to [`super::update`]: keys, time and the results of background work all arrive
/// here, in one inbox.
#[derive(Clone, Debug)]
pub enum Msg {
    /// A key press (releases and repeats are filtered out by the runtime).
    Key(KeyEvent),
    /// The clock moved to this time (ignored when `--now` fixed it).
    Tick(Instant),
    /// The terminal is this size (columns, rows): sent once at start and on every resize;
    /// the next frame redraws everything.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// A save finished. Only on `Ok` are the changes applied to what is shown.
    Saved {
        /// What was saved (applied to the data on success).
        changes: ChangeSet,
        /// What to say in the status line.
        label: String,
        /// Ok when the change is on disk; the error otherwise.
        result: Result<(), String>,
    },
    /// A customer's timeline was read.
    Timeline(CustomerId, Result<Vec<TimelineEvent>, String>),
    /// The whole history was read (the dashboard starts with open work only, see
    /// [`crate::core::open_work`]): it replaces the data.
    History(Result<Dataset, String>),
    /// The store was (re)loaded, e.g. after demo data was written.
    Reloaded(Result<Dataset, String>),
    /// A command run on the dashboard's behalf (from another terminal, or the `:` line) is
    /// done with the store: if it wrote, `data` is the store read back.
    Remote {
        /// What to say in the status line when something changed.
        said: String,
        /// What the store holds now; `None` when the command changed nothing.
        data: Option<Result<Dataset, String>>,
    },
    /// The disk reported an error while the store made a save durable: the store writes
    /// nothing more, and the dashboard says so on every screen until it is quit.
    DiskFailed,
    /// A draft save finished: the form is saved up to `version` when `result` is Ok.
    DraftSaved {
        /// The form version the saved draft held.
        version: u64,
        /// Ok once it is on disk.
        result: Result<(), String>,
    },
    /// A command run from the command line (`Effect::RunCommand`) finished.
    CommandDone {
        /// The line as it was run.
        line: String,
        /// What it wrote to standard output.
        stdout: String,
        /// What it wrote to standard error.
        stderr: String,
        /// Its exit code (0: success).
        code: u8,
    },
    /// The dashboard imported what arrived in the inbox folder (`hearback inbox`, run by the
    /// inbox watcher).
    InboxRan {
        /// What the run wrote to standard output: a line per file and a summary.
        stdout: String,
        /// What it wrote to standard error.
        stderr: String,
        /// Its exit code (0 imported, 3 rows rejected, 1 a file refused).
        code: u8,
    },
}

/// Work for the runtime, done off the input path; each answers with a [`Msg`].
// A draft is a few hundred bytes and effects live for one loop turn, a handful at a time:
// boxing it would cost an allocation per keystroke to save a copy nobody notices.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Write these records in one transaction and make them durable; answers `Saved`.
    Commit {
        /// The records.
        changes: ChangeSet,
        /// What to say when saved.
        label: String,
    },
    /// Read a customer's timeline; answers `Timeline`.
    LoadTimeline(CustomerId),
    /// Read the whole history, for a view that shows it; answers `History`.
    LoadHistory,
    /// Write the demo data into the (empty) store; answers `Reloaded`.
    LoadDemo,
    /// Save the form's draft. The runtime keeps only the newest per interview and writes it at
    /// most 100 ms after the first unsaved change, off the input path; answers `DraftSaved`.
    /// A `Commit` that discards the draft (the interview was completed) cancels a pending one.
    SaveDraft {
        /// The draft.
        draft: crate::core::Draft,
        /// The form version it holds.
        version: u64,
    },
    /// Put this text on the clipboard of the terminal's machine (OSC 52; works over ssh when
    /// the terminal allows it).
    Copy(String),
    /// Raise a notification: the terminal's own (or its bell), and a desktop one if set.
    Notify(crate::core::alerts::Notice),
    /// Run this command line (the words after `hearback`, as typed: the runtime splits it as a
    /// shell does) through the CLI's clap definitions and handlers; answers `CommandDone`.
    RunCommand {
        /// The line, without the leading `hearback`.
        line: String,
    },
    /// Suspend to the shell (Ctrl-Z), redraw fully on resume.
    Suspend,
    /// Leave.
    Quit,
}
