//! What the triage keys change: on the queue (assign, record context, snooze, done), on the
//! board (move, owner, due), and the forms they open. Every change goes out as one `Commit`
//! effect and is shown only once the store says it is on disk.

use super::act::{ask, commit, open_customer, say};
use super::panes::Pane;
use super::prompt::{Field, PromptKind};
use super::{App, Effect};
use crate::core::action_flow;
use crate::core::interview_flow::{self, Step};
use crate::core::queue::Subject;
use crate::core::{ActionState, ChangeSet};
use crate::keymap::{Action, KeyContext};

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
            Some(id) => super::asks::book_prompt(app, id),
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
            Subject::FollowUp(_) => super::asks::context_prompt(app, &item, &name),
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
        Action::Close => super::steps::done(app, &item, &name),
        _ => Vec::new(),
    }
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

/// Copy the invitation of the selected booking to the clipboard; marking it sent records it.
fn copy_invitation(app: &mut App) -> Vec<Effect> {
    let Some(interview) = app.selected_interview().cloned() else {
        return say(app, "no interview selected");
    };
    let template = crate::io::invitation::DEFAULT_TEMPLATE;
    match crate::io::invitation::render(&app.data, &interview, &app.rules.questions, template) {
        Ok(text) => {
            let record = super::act::key_of(app, KeyContext::Interview, Action::MarkInvited)
                .map(|k| format!("; {k} records it sent"))
                .unwrap_or_default();
            app.message = Some(format!(
                "invitation for {} copied to the clipboard{record}",
                interview.id
            ));
            vec![Effect::Copy(text)]
        }
        Err(e) => say(app, e.to_string()),
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
