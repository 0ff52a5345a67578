//! What a command says: its output cleaned on the way out, its errors in one plain line with
//! what to do, and a save's warning when the lost-save guard could not count it.

use crate::core::sanitize;
use crate::store::{DataStore, Durable, StoreError};
use std::path::Path;

/// Prints an error with its causes and, for store errors, what to do about it. Messages quote
/// user text (names, cells, paths): cleaned here once more, so none can drive the terminal.
pub(super) fn report(err: &anyhow::Error) {
    super::console::err_line(&format!("error: {}", sanitize::terminal(&message(err))));
    if let Some(store) = err.chain().find_map(|e| e.downcast_ref::<StoreError>()) {
        super::console::err_line(&format!("hint: {}", store.advice()));
    }
}

/// An error and its causes as one line, each said once: a store error already words its cause
/// (in plain words, see `store::io_text`), so what lies under it is not repeated, and a cause
/// whose text is already in the line is left out.
pub fn message(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if !line.contains(&text) {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push_str(&text);
        }
        if cause.downcast_ref::<StoreError>().is_some() {
            break;
        }
    }
    line
}

/// `println!` for command output, to the command's stdout (see `console`): the text is
/// cleaned of escape sequences on its way out (STYLE: sanitise in and out), whatever the store
/// holds.
macro_rules! say {
    () => {
        $crate::cli::console::out_text("\n")
    };
    ($($arg:tt)*) => {
        $crate::cli::console::out_text(
            &($crate::core::sanitize::terminal(&format!($($arg)*)) + "\n")
        )
    };
}

/// `print!` for command output, cleaned as [`say!`].
macro_rules! say_raw {
    ($($arg:tt)*) => {
        $crate::cli::console::out_text(&$crate::core::sanitize::terminal(&format!($($arg)*)))
    };
}
/// `eprintln!` for hearback's own messages, to the command's stderr (see `console`); not
/// cleaned here: the messages clean what they quote.
macro_rules! say_err {
    ($($arg:tt)*) => {
        $crate::cli::console::err_line(&format!($($arg)*))
    };
}
pub(crate) use {say, say_err, say_raw};

/// Commits `set`; when the change is saved but the lost-save guard could not count it, says so
/// on stderr (the change stands, so this is a warning, not a failure).
pub(super) fn commit(
    store: &dyn DataStore,
    data_dir: &Path,
    set: &crate::core::ChangeSet,
) -> Result<Durable, StoreError> {
    let durable = store.commit(set)?;
    if let Some(kind) = durable.guard_error {
        super::console::err_line(&format!(
            "warning: the change is saved, but hearback could not update its lost-save guard {} \
             ({kind}), so a later loss of this save by the store would go unnoticed. Check the \
             disk (space, permissions); the next save updates the guard again.",
            data_dir.join("hearback.commits").display()
        ));
    }
    Ok(durable)
}
