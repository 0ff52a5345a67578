//! Recording the step a queue item asks for (`x`), the question asked before a step that
//! closes something, and `u`, which undoes the last step saved from the dashboard.

use super::act::{commit, say};
use super::asks::{book_prompt, context_prompt};
use super::{App, Confirm, Effect, Overlay};
use crate::core::discharge::{Refusal, closes_a_loop, discharge};
use crate::core::queue::{Item, ItemKind};
use crate::keymap::Action;

/// `x`: records the step that discharges the selected item ([`discharge`] decides which); the
/// items one step cannot close open the form that does: a booking, or the context of a low
/// score.
pub(super) fn done(app: &mut App, item: &Item, name: &str) -> Vec<Effect> {
    let result = discharge(item.kind, item.subject, &app.data, app.now, &app.actor);
    let label = format!("{} done ({name})", item.kind.label());
    match result {
        Err(Refusal::NeedsBooking(customer)) => book_prompt(app, customer),
        Err(Refusal::NeedsContext(_)) => context_prompt(app, item, name),
        // Steps that close a loop ask first: one mis-aimed key must not close a formal report.
        Ok(changes) if closes_a_loop(item.kind) => {
            app.overlay = Some(Overlay::Confirm(Confirm {
                question: format!(
                    "{}: {} for {name} ({})?",
                    closing_question(item.kind),
                    item.what,
                    item.subject
                ),
                changes,
                label,
            }));
            Vec::new()
        }
        Ok(set) => commit(app, set, label),
        Err(e) => say(app, e.to_string()),
    }
}

fn closing_question(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::FormalReport => "Record the formal report as presented and close the follow-up",
        ItemKind::Disseminate => "Record the results as shared with the workforce",
        ItemKind::RequestResolution => "Record the request as resolved now",
        _ => "Record the customer as told and close the action",
    }
}

/// Keys over a question: yes saves what it holds, no leaves everything as it was.
pub(super) fn confirm(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Confirm => match app.overlay.take() {
            Some(Overlay::Confirm(c)) => commit(app, c.changes, c.label),
            other => {
                app.overlay = other;
                Vec::new()
            }
        },
        Action::Back => {
            app.overlay = None;
            say(app, "nothing recorded")
        }
        _ => Vec::new(),
    }
}

/// `u`: undoes the last step saved from here, while it is recent. The undo is kept until the
/// store has it, so a failed save can be retried.
pub(super) fn undo(app: &mut App) -> Vec<Effect> {
    let Some(undo) = app.undo.clone() else {
        return say(
            app,
            "nothing to undo: u undoes the last step saved here, for 10 minutes after it",
        );
    };
    match undo.change_set(&app.actor, app.now) {
        Ok(set) => commit(app, set, format!("undone: {}", undo.label)),
        Err(e) => {
            app.undo = None;
            say(app, format!("{e}: put it right by hand"))
        }
    }
}
