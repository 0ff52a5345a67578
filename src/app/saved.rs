//! A save the store finished: on success the change is applied, the lists rebuilt, the step
//! made undoable and the user told; on failure nothing is applied and the status says why.

use super::{App, Effect, Overlay, SaveState};
use crate::core::ChangeSet;
use crate::core::undo::Undo;

/// Applies the answer of the store to a commit.
pub(super) fn saved(
    app: &mut App,
    changes: ChangeSet,
    label: String,
    result: Result<(), String>,
) -> Vec<Effect> {
    let pending = match app.save {
        SaveState::Saving(n) => n.saturating_sub(1),
        _ => 0,
    };
    match result {
        Ok(()) => {
            let completed = app.form.as_ref().is_some_and(|f| {
                changes.changes.iter().any(
                    |c| matches!(c, crate::core::Change::DiscardDraft(id) if *id == f.interview.id),
                )
            });
            if completed {
                app.form = None;
            }
            // The step can be undone for a while; an undo is not undone in turn.
            app.undo = if Undo::is_undo(&changes) {
                None
            } else {
                Undo::of(&app.data, &changes, &label, app.now).ok()
            };
            app.data.apply(&changes);
            app.recompute();
            refresh_views(app);
            // A failed earlier save was reported and never applied; this one stands.
            app.save = if pending == 0 {
                SaveState::Saved
            } else {
                SaveState::Saving(pending)
            };
            app.message = Some(match app.undo {
                Some(_) => format!("saved (u undoes it): {label}"),
                None => format!("saved: {label}"),
            });
            if completed {
                super::form_complete::select_opened_followup(app, &changes);
            }
            // A detail view of a customer this touched shows a stale timeline: reload.
            if let Some(Overlay::Customer { id, .. }) = &app.overlay {
                return vec![Effect::LoadTimeline(*id)];
            }
        }
        Err(e) => {
            if let Some(form) = &mut app.form {
                // Completion failed: the form and its draft stay; the user can retry.
                form.completing = false;
                form.confirming = false;
            }
            app.save = SaveState::Failed(e.clone());
            app.message = Some(format!("NOT saved ({label}): {e}"));
        }
    }
    Vec::new()
}

/// Brings an open insight view up to date with the data (the calendar view reads the data on
/// every key, and the panes on every frame).
pub(super) fn refresh_views(app: &mut App) {
    for slot in [true, false] {
        let overlay = if slot {
            &mut app.overlay
        } else {
            &mut app.under_help
        };
        if let Some(Overlay::Insight(view)) = overlay {
            let mut fresh = view.clone();
            fresh.refresh(app);
            let overlay = if slot {
                &mut app.overlay
            } else {
                &mut app.under_help
            };
            *overlay = Some(Overlay::Insight(fresh));
        }
    }
}
