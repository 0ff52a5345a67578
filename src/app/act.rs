//! The few steps every key handler ends in: send a change to the store, say something in
//! the status line, open a small form, open a customer. They live here, below the handlers,
//! so a key's path runs one way (handler -> act) and never back up into `update`.

use super::prompt::{Field, Prompt, PromptKind};
use super::{App, Effect, Overlay, SaveState};
use crate::core::{ChangeSet, CustomerId};
use crate::keymap::{Action, KeyContext};

/// Sends a change to the store.
pub(super) fn commit(app: &mut App, changes: ChangeSet, label: String) -> Vec<Effect> {
    app.save = match app.save {
        SaveState::Saving(n) => SaveState::Saving(n + 1),
        _ => SaveState::Saving(1),
    };
    vec![Effect::Commit { changes, label }]
}

/// Shows a message in the status line.
pub(super) fn say(app: &mut App, text: impl Into<String>) -> Vec<Effect> {
    app.message = Some(text.into());
    Vec::new()
}

/// Opens a small form over the panes.
pub(super) fn ask(
    app: &mut App,
    kind: PromptKind,
    title: String,
    fields: Vec<Field>,
) -> Vec<Effect> {
    app.overlay = Some(Overlay::Prompt(Prompt::new(kind, title, fields)));
    Vec::new()
}

/// Opens a customer's detail and asks for its timeline.
pub(super) fn open_customer(app: &mut App, id: CustomerId) -> Vec<Effect> {
    app.overlay = Some(Overlay::Customer { id, scroll: 0 });
    if app.timeline.as_ref().is_some_and(|(t, _)| *t != id) {
        app.timeline = None;
    }
    vec![Effect::LoadTimeline(id)]
}

/// The keys of `action` in `context` as a message names them (`v`, `Enter or Tab`), from the
/// keys in force, so a message never names a key that does something else; `None` when the
/// user unbound it.
pub(super) fn key_of(app: &App, context: KeyContext, action: Action) -> Option<String> {
    let keys = app.rules.keys.keys_of(context, action);
    (!keys.is_empty()).then(|| keys.join(" or "))
}
