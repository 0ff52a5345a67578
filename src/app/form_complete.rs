//! Completing an interview from the form: the summary of what completing saves, the keys
//! on it (mode `summary`), and where the cursor goes once the completion is on disk.

use super::{App, Effect};
use crate::core::Change;
use crate::core::ChangeSet;
use crate::core::IdAllocator;
use crate::core::completion::plan_completion;
use crate::keymap::{Action, KeyContext, lookup};
use crossterm::event::KeyEvent;

/// The complete key: shows what completing will do (low scores, the follow-up and its owners).
pub(super) fn summary(app: &mut App) -> Vec<Effect> {
    let (data, policy, now) = (&app.data, &app.rules.policy, app.now);
    let Some(form) = &mut app.form else {
        return Vec::new();
    };
    let planned = IdAllocator::after(data)
        .map_err(|e| e.to_string())
        .and_then(|mut ids| {
            plan_completion(
                data,
                form.interview.clone(),
                policy,
                now,
                "preview",
                &mut ids,
            )
            .map_err(|e| e.to_string())
        });
    match planned {
        Ok(plan) => {
            let cal = &app.rules.work_week;
            form.opens = crate::core::completion::opened_by(data, &plan, policy, cal, now);
            form.preview = Some(plan.followup);
            form.confirming = true;
            Vec::new()
        }
        Err(e) => {
            app.message = Some(format!("cannot complete yet: {e}"));
            Vec::new()
        }
    }
}

/// After a completion is saved: the follow-up it opened is selected in the queue (focused),
/// so the next thing to do is on screen. It shows in the default view, being opened within
/// the last day (`Item::in_default_view`).
pub(super) fn select_opened_followup(app: &mut App, changes: &ChangeSet) {
    let opened = changes.changes.iter().find_map(|c| match c {
        Change::FollowUp(f) => Some(crate::core::queue::Subject::FollowUp(f.id)),
        _ => None,
    });
    let Some(subject) = opened else {
        return;
    };
    let row = app.queue_rows().iter().position(|i| i.subject == subject);
    if let Some(row) = row {
        app.queue.selected = row;
        app.clamp_selections();
        app.focus = super::Pane::Queue;
        if let Some(message) = &mut app.message {
            message.push_str(": selected in the queue");
        }
    }
}

/// Keys on the completion summary: yes completes in one transaction; anything else goes back.
pub(super) fn confirm_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let action = lookup(&app.rules.keys, KeyContext::Summary, &key);
    if action == Some(Action::Suspend) {
        return vec![Effect::Suspend];
    }
    let Some(form) = &mut app.form else {
        return Vec::new();
    };
    if action != Some(Action::Confirm) {
        form.confirming = false;
        form.preview = None;
        form.opens.clear();
        return Vec::new();
    }
    let (now, actor) = (app.now, app.actor.clone());
    let interview = form.interview.clone();
    let id = interview.id;
    let planned = IdAllocator::after(&app.data)
        .map_err(|e| e.to_string())
        .and_then(|mut ids| {
            plan_completion(
                &app.data,
                interview,
                &app.rules.policy,
                now,
                &actor,
                &mut ids,
            )
            .map_err(|e| e.to_string())
        });
    match planned {
        Ok(mut plan) => {
            plan.changes.push(Change::DiscardDraft(id));
            let label = match &plan.followup {
                Some(f) => format!(
                    "{id} completed; {} opened (lowest score {})",
                    f.id,
                    f.severity.get()
                ),
                None => format!("{id} completed"),
            };
            form.completing = true;
            super::act::commit(app, plan.changes, label)
        }
        Err(e) => {
            form.confirming = false;
            app.message = Some(format!("cannot complete: {e}"));
            Vec::new()
        }
    }
}
