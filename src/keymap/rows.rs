//! How a row of the key tables is written: a plain key, or Ctrl plus a character.

use super::{Action, Binding, KeyContext};
use crossterm::event::{KeyCode, KeyModifiers};

/// A row for a plain key (no modifiers).
pub(super) const fn key(
    context: KeyContext,
    code: KeyCode,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        code,
        modifiers: KeyModifiers::NONE,
        action,
        help,
    }
}

/// A row for Ctrl plus a character.
pub(super) const fn ctrl(
    context: KeyContext,
    c: char,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
        action,
        help,
    }
}
