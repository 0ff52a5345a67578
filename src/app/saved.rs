//! A save the store finished: on success the change is applied, the lists rebuilt, the step
//! made undoable and the user told; on failure nothing is applied and the status says why.

use super::{App, Effect, Overlay, SaveState};
use crate::core::ChangeSet;
use crate::core::queue::{queue_of, replace_items};
use crate::core::reach::{Reach, Scope};
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
            app.apply_saved(&changes);
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

/// Brings an open insight or weekly review view up to date with the data (the calendar view
/// reads the data on every key, and the panes on every frame).
pub(super) fn refresh_views(app: &mut App) {
    for slot in [true, false] {
        let overlay = if slot { &app.overlay } else { &app.under_help };
        let fresh = match overlay {
            Some(Overlay::Insight(view)) => {
                let mut fresh = view.clone();
                fresh.refresh(app);
                Overlay::Insight(fresh)
            }
            Some(Overlay::Review(view)) => Overlay::Review(view.refresh(app)),
            _ => continue,
        };
        let overlay = if slot {
            &mut app.overlay
        } else {
            &mut app.under_help
        };
        *overlay = Some(fresh);
    }
}

impl App {
    /// Applies a committed change set to the data and brings the queue, risk and the panes'
    /// lists up to date: only the customers the change reaches are recomputed
    /// ([`crate::core::reach`]); a change that reaches everything recomputes it all.
    pub(super) fn apply_saved(&mut self, changes: &ChangeSet) {
        let reach = crate::core::reach::reach(&self.data, changes);
        let before = super::lists::Before::of(&self.data, changes);
        self.data.apply(changes);
        let Reach::Customers(touched) = reach else {
            self.recompute();
            return;
        };
        let scope = Scope::Only(&touched);
        let rules = &self.rules;
        let fresh = queue_of(&self.data, &rules.policy, &rules.work_week, self.now, scope);
        replace_items(&mut self.items, fresh, scope);
        for id in &touched {
            self.risk.remove(id);
        }
        self.risk.extend(crate::core::risk::assess_of(
            &self.data,
            &self.items,
            scope,
            rules.monitoring(self.now),
        ));
        self.senior_gaps = super::senior_gaps(&self.items);
        self.lists
            .update(&self.data, &self.items, &touched, changes, &before);
        self.generation += 1;
        self.restore_selections();
        #[cfg(debug_assertions)]
        self.assert_in_step();
    }

    /// What a full recompute would change in the derived state, one line per difference; empty
    /// when the state is in step with the data. Debug builds check it after every save and
    /// every tick that moved the queue, and the property tests after random saves.
    pub fn derived_differences(&self) -> Vec<String> {
        let mut full = self.clone();
        full.recompute();
        let mut out = Vec::new();
        if full.items != self.items {
            out.push(format!(
                "queue: {} items kept, {} from a full recompute",
                self.items.len(),
                full.items.len()
            ));
        }
        if full.risk != self.risk {
            out.push("risk differs from a full recompute".into());
        }
        if full.senior_gaps != self.senior_gaps {
            out.push("senior management gaps differ".into());
        }
        if full.lists != self.lists {
            out.push("the panes' lists differ from a full rebuild".into());
        }
        out
    }

    /// Panics when the derived state is out of step with the data (debug builds only).
    #[cfg(debug_assertions)]
    pub(super) fn assert_in_step(&self) {
        let differences = self.derived_differences();
        assert!(
            differences.is_empty(),
            "incremental update out of step: {differences:?}"
        );
    }
}
