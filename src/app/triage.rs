//! What the triage keys change: on the queue (assign, record context, snooze, done), on the
//! board (move, owner, due), and the forms they open. Every change goes out as one `Commit`
//! effect and is shown only once the store says it is on disk.

use super::panes::Pane;
use super::prompt::{Field, Prompt, PromptKind};
use super::update::open_customer;
use super::{App, Confirm, Effect, Overlay, SaveState};
use crate::core::action_flow;
use crate::core::followup_flow;
use crate::core::interview_flow::{self, Step};
use crate::core::queue::{Item, ItemKind, Subject};
use crate::core::{ActionState, ChangeSet};
use crate::keymap::Action;

/// Sends a change to the store.
pub(super) fn commit(app: &mut App, changes: ChangeSet, label: String) -> Vec<Effect> {
    app.save = match app.save {
        SaveState::Saving(n) => SaveState::Saving(n + 1),
        _ => SaveState::Saving(1),
    };
    vec![Effect::Commit { changes, label }]
}

pub(super) fn say(app: &mut App, text: impl Into<String>) -> Vec<Effect> {
    app.message = Some(text.into());
    Vec::new()
}

fn ask(app: &mut App, kind: PromptKind, title: String, fields: Vec<Field>) -> Vec<Effect> {
    app.overlay = Some(Overlay::Prompt(Prompt::new(kind, title, fields)));
    Vec::new()
}

/// Runs a triage or board action on the selection.
pub(super) fn perform(app: &mut App, action: Action) -> Vec<Effect> {
    if app.focus == Pane::Actions {
        return board(app, action);
    }
    if app.focus == Pane::Interview {
        return interview_steps(app, action);
    }
    if action == Action::Book {
        let customer = match app.focus {
            Pane::Customers => app.selected_customer(),
            _ => app.selected_item().map(|i| i.customer),
        };
        return match customer {
            Some(id) => book_prompt(app, id),
            None => say(app, "no customer selected"),
        };
    }
    let Some(item) = app.selected_item().cloned() else {
        return say(app, "nothing selected");
    };
    let name = app
        .data
        .customer(item.customer)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    match action {
        Action::OpenCustomer => open_customer(app, item.customer),
        Action::Assign => match item.subject {
            Subject::FollowUp(_) => {
                let fields = vec![Field::new("Who", "a name, part of one, or an email")];
                ask(
                    app,
                    PromptKind::Assign(item.subject),
                    format!("Assign {} ({name})", item.subject),
                    fields,
                )
            }
            _ => say(
                app,
                "only follow-ups are assigned here; other items are owned by the customer's account manager",
            ),
        },
        Action::RecordContext => match item.subject {
            Subject::FollowUp(_) => context_prompt(app, &item, &name),
            _ => say(app, "context is recorded on low-score follow-ups"),
        },
        Action::Snooze => {
            let fields = vec![
                Field::time("Until", "+4h, tomorrow 9, mon, +1w or a date"),
                Field::new(
                    "Reason",
                    "why it can wait (goes on the customer's timeline)",
                ),
            ];
            ask(
                app,
                PromptKind::Snooze(item.kind, item.subject),
                format!("Snooze: {} ({name})", item.kind.label()),
                fields,
            )
        }
        Action::Close => done(app, &item, &name),
        _ => Vec::new(),
    }
}

fn book_prompt(app: &mut App, customer: crate::core::CustomerId) -> Vec<Effect> {
    let (name, primary) = app
        .data
        .customer(customer)
        .map_or_else(Default::default, |c| {
            let primary = c.primary_contact().map(|k| k.name.clone());
            (c.name.clone(), primary.unwrap_or_default())
        });
    let fields = vec![
        Field::time("When", "10:00, tomorrow 9, fri 14:00, +3d or a date"),
        Field::filled("Length", "minutes, 5-480", "30"),
        Field::new("Place", "phone, video, on site (the default) or a place"),
        Field::filled(
            "Contact",
            "their person: name or email (the primary contact first)",
            &primary,
        ),
        Field::new(
            "Executive",
            "optional: default the customer's executive sponsor",
        ),
        Field::new(
            "After deliverable",
            "optional: the deliverable that triggers it",
        ),
    ];
    ask(
        app,
        PromptKind::Book {
            customer,
            confirmed: false,
        },
        format!("Book a feedback interview with {name}"),
        fields,
    )
}

/// Interviews pane: record the questions and bio sent, or the pre-brief.
fn interview_steps(app: &mut App, action: Action) -> Vec<Effect> {
    if action == Action::CopyInvitation {
        return copy_invitation(app);
    }
    let steps: &[Step] = match action {
        Action::MarkInvited => &[Step::InvitationSent, Step::BioSent],
        Action::MarkPreBriefed => &[Step::PreBriefed],
        _ => return Vec::new(),
    };
    let Some(mut interview) = app.selected_interview().cloned() else {
        return say(app, "no interview selected");
    };
    let Some(customer) = app.data.customer(interview.customer).cloned() else {
        return say(app, "the customer of this interview is missing");
    };
    let (now, actor) = (app.now, app.actor.clone());
    let mut set = ChangeSet::new();
    for step in steps {
        match interview_flow::mark_step(&customer, interview.clone(), *step, now, &actor) {
            Ok(changes) => {
                for c in changes.changes {
                    if let crate::core::Change::Interview(i) = &c {
                        interview = i.clone();
                    }
                    set.push(c);
                }
            }
            Err(interview_flow::InterviewError::AlreadyRecorded(..)) => {}
            Err(e) => return say(app, e.to_string()),
        }
    }
    if set.is_empty() {
        return say(app, "already recorded");
    }
    let label = format!(
        "{} {}",
        interview.id,
        if action == Action::MarkInvited {
            "questions and bio sent"
        } else {
            "pre-briefed"
        }
    );
    commit(app, set, label)
}

/// `y`: the invitation of the selected booking, to the clipboard; `v` then records it sent.
fn copy_invitation(app: &mut App) -> Vec<Effect> {
    let Some(interview) = app.selected_interview().cloned() else {
        return say(app, "no interview selected");
    };
    let template = crate::io::invitation::DEFAULT_TEMPLATE;
    match crate::io::invitation::render(&app.data, &interview, &app.rules.questions, template) {
        Ok(text) => {
            app.message = Some(format!(
                "invitation for {} copied to the clipboard; v records it sent",
                interview.id
            ));
            vec![Effect::Copy(text)]
        }
        Err(e) => say(app, e.to_string()),
    }
}

fn context_prompt(app: &mut App, item: &Item, name: &str) -> Vec<Effect> {
    let fields = vec![Field::new(
        "What the customer said",
        "the context for root-cause analysis",
    )];
    ask(
        app,
        PromptKind::Context(item.subject),
        format!("Context for {} ({name})", item.subject),
        fields,
    )
}

/// `x`: records the step that discharges the selected item.
fn done(app: &mut App, item: &Item, name: &str) -> Vec<Effect> {
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

/// Board keys: move cards, set owner or due date, open the customer.
fn board(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(card) = app.selected_action().cloned() else {
        return say(app, "no card selected");
    };
    let (now, actor) = (app.now, app.actor.clone());
    match action {
        Action::OpenCustomer => open_customer(app, card.customer),
        Action::MoveLeft | Action::MoveRight => {
            let column = ActionState::ALL
                .iter()
                .position(|s| *s == card.state)
                .unwrap_or(0);
            let target = if action == Action::MoveLeft {
                column.checked_sub(1)
            } else {
                Some(column + 1)
            };
            let Some(&to) = target.and_then(|t| ActionState::ALL.get(t)) else {
                return Vec::new();
            };
            match action_flow::move_to(card.clone(), to, now, &actor) {
                Ok(set) => {
                    // The cursor follows the card into its new column once the move is saved.
                    let col = ActionState::ALL.iter().position(|s| *s == to).unwrap_or(0);
                    app.follow_card(col, card.id);
                    commit(app, set, format!("{} moved to {}", card.id, to.as_str()))
                }
                Err(e) => say(app, e.to_string()),
            }
        }
        Action::SetOwner => {
            let fields = vec![Field::new("Owner", "a name, part of one, or an email")];
            ask(
                app,
                PromptKind::ActionOwner(card.id),
                format!("Owner of {}: {}", card.id, card.title),
                fields,
            )
        }
        Action::SetDue => {
            let fields = vec![Field::time("Due", "fri, +1w, tomorrow 17:00 or a date")];
            ask(
                app,
                PromptKind::ActionDue(card.id),
                format!("Due date of {}: {}", card.id, card.title),
                fields,
            )
        }
        _ => Vec::new(),
    }
}
