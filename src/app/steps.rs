//! Recording the step a queue item asks for (`x`), the question asked before a step that
//! closes something, and `u`, which undoes the last step saved from the dashboard.

use super::act::{commit, say};
use super::asks::{book_prompt, context_prompt};
use super::{App, Confirm, Effect, Overlay};
use crate::core::ActionState;
use crate::core::action_flow;
use crate::core::followup_flow;
use crate::core::interview_flow::{self, Step};
use crate::core::queue::{Item, ItemKind, Subject};
use crate::keymap::Action;

/// `x`: records the step that discharges the selected item.
pub(super) fn done(app: &mut App, item: &Item, name: &str) -> Vec<Effect> {
    let (now, actor) = (app.now, app.actor.clone());
    let step = match item.kind {
        ItemKind::PreBrief => Some(Step::PreBriefed),
        ItemKind::Acknowledge => Some(Step::Acknowledged),
        ItemKind::Debrief => Some(Step::Debriefed),
        ItemKind::InformExecutives => Some(Step::ExecutivesInformed),
        ItemKind::ReportPresident => Some(Step::Reported),
        ItemKind::Disseminate => Some(Step::Disseminated),
        _ => None,
    };
    let result = match (step, item.subject) {
        (Some(step), Subject::Interview(id)) => {
            let interview = app.data.interviews.iter().find(|i| i.id == id).cloned();
            let customer = app.data.customer(item.customer);
            match (interview, customer) {
                (Some(i), Some(c)) => {
                    interview_flow::mark_step(c, i, step, now, &actor).map_err(|e| e.to_string())
                }
                _ => Err(format!("{id} is no longer in the store")),
            }
        }
        // A low score is discharged by recording what the customer said.
        (_, Subject::FollowUp(_)) if item.kind == ItemKind::LowScoreFollowUp => {
            return context_prompt(app, item, name);
        }
        (_, Subject::FollowUp(id)) => match app.data.followups.iter().find(|f| f.id == id).cloned()
        {
            // Presenting the formal report is the last step: it closes the loop too.
            Some(f) => followup_flow::present_report(f, &actor, now)
                .and_then(|mut set| {
                    let presented = set.changes.iter().find_map(|c| match c {
                        crate::core::Change::FollowUp(f) => Some(f.clone()),
                        _ => None,
                    });
                    match presented {
                        Some(f) => {
                            let closed = followup_flow::close(f, &actor, now)?;
                            set.changes
                                .retain(|c| !matches!(c, crate::core::Change::FollowUp(_)));
                            set.changes.extend(closed.changes);
                            Ok(set)
                        }
                        None => Ok(set),
                    }
                })
                .map_err(|e| e.to_string()),
            None => Err(format!("{id} is no longer in the store")),
        },
        (_, Subject::Action(id)) => {
            let to = if item.kind == ItemKind::ActionItem {
                ActionState::Done
            } else {
                ActionState::FollowedUp
            };
            match app.data.actions.iter().find(|a| a.id == id).cloned() {
                Some(a) => action_flow::move_to(a, to, now, &actor).map_err(|e| e.to_string()),
                None => Err(format!("{id} is no longer in the store")),
            }
        }
        // An interview is owed: `x` books it, as `b` does.
        (_, Subject::Customer(customer)) => return book_prompt(app, customer),
        _ => Err(format!(
            "{} cannot be recorded done from the queue",
            item.subject
        )),
    };
    let label = format!("{} done ({name})", item.kind.label());
    match result {
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
        Err(e) => say(app, e),
    }
}

/// The steps after which nothing more is owed on the record: the formal report (it closes the
/// follow-up), the dissemination and telling the customer an action is done.
fn closes_a_loop(kind: ItemKind) -> bool {
    matches!(
        kind,
        ItemKind::FormalReport | ItemKind::Disseminate | ItemKind::ActionFollowUp
    )
}

fn closing_question(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::FormalReport => "Record the formal report as presented and close the follow-up",
        ItemKind::Disseminate => "Record the results as shared with the workforce",
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
