//! What the triage keys change: on the queue (assign, record context, snooze, done), on the
//! board (move, owner, due), and the forms they open. Every change goes out as one `Commit`
//! effect and is shown only once the store says it is on disk.

use super::panes::{Pane, card_order};
use super::prompt::{Field, Prompt, PromptKind};
use super::update::open_customer;
use super::{App, Effect, Overlay, SaveState};
use crate::core::action_flow;
use crate::core::followup_flow;
use crate::core::interview_flow::{self, Step};
use crate::core::lookup;
use crate::core::queue::{Item, ItemKind, Subject};
use crate::core::when::parse_when;
use crate::core::{ActionState, ChangeSet};
use crate::keymap::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Sends a change to the store.
pub(super) fn commit(app: &mut App, changes: ChangeSet, label: String) -> Vec<Effect> {
    app.save = match app.save {
        SaveState::Saving(n) => SaveState::Saving(n + 1),
        _ => SaveState::Saving(1),
    };
    vec![Effect::Commit { changes, label }]
}

fn say(app: &mut App, text: impl Into<String>) -> Vec<Effect> {
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
                Field::new("Until", "+4h, +2d, 2026-11-25 or 2026-11-25 14:30"),
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
    let name = app
        .data
        .customer(customer)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let fields = vec![
        Field::new(
            "When",
            "2026-12-01 14:00, or +3d (30 minutes at their office)",
        ),
        Field::new("Contact", "optional: name or email of their person"),
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
    let steps: &[Step] = match action {
        Action::MarkInvited => &[Step::InvitationSent, Step::BioSent],
        Action::MarkPreBriefed => &[Step::PreBriefed],
        _ => return Vec::new(),
    };
    let Some(mut interview) = app
        .booked_interviews()
        .get(app.interview_selected)
        .map(|i| (*i).clone())
    else {
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
                (Some(i), Some(c)) => interview_flow::mark_step(c, i, step, now, &actor).map_err(|e| e.to_string()),
                _ => Err(format!("{id} is no longer in the store")),
            }
        }
        // A low score is discharged by recording what the customer said.
        (_, Subject::FollowUp(_)) if item.kind == ItemKind::LowScoreFollowUp => {
            return context_prompt(app, item, name);
        }
        (_, Subject::FollowUp(id)) => match app.data.followups.iter().find(|f| f.id == id).cloned() {
            // Presenting the formal report is the last step: it closes the loop too.
            Some(f) => followup_flow::present_report(f, &actor, now).and_then(|mut set| {
                let presented = set.changes.iter().find_map(|c| match c {
                    crate::core::Change::FollowUp(f) => Some(f.clone()),
                    _ => None,
                });
                match presented {
                    Some(f) => {
                        let closed = followup_flow::close(f, &actor, now)?;
                        set.changes.retain(|c| !matches!(c, crate::core::Change::FollowUp(_)));
                        set.changes.extend(closed.changes);
                        Ok(set)
                    }
                    None => Ok(set),
                }
            }).map_err(|e| e.to_string()),
            None => Err(format!("{id} is no longer in the store")),
        },
        (_, Subject::Action(id)) => {
            let to = if item.kind == ItemKind::ActionItem { ActionState::Done } else { ActionState::FollowedUp };
            match app.data.actions.iter().find(|a| a.id == id).cloned() {
                Some(a) => action_flow::move_to(a, to, now, &actor).map_err(|e| e.to_string()),
                None => Err(format!("{id} is no longer in the store")),
            }
        }
        _ => Err("book the interview with `hearback interview schedule` (the booking form comes with the live interview release)".into()),
    };
    match result {
        Ok(set) => commit(app, set, format!("{} done ({name})", item.kind.label())),
        Err(e) => say(app, e),
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
                    // Follow the card to where it will stand in its new column once saved.
                    let col = ActionState::ALL.iter().position(|s| *s == to).unwrap_or(0);
                    app.actions.column = col;
                    let key = card_order(&card);
                    app.actions.selected[col] = app
                        .data
                        .actions
                        .iter()
                        .filter(|a| a.state == to && card_order(a) < key)
                        .count();
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
            let fields = vec![Field::new(
                "Due",
                "+2d, +1w, 2026-12-01 or 2026-12-01 17:00",
            )];
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

/// Keys while a form is open.
pub(super) fn prompt_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(Overlay::Prompt(prompt)) = &mut app.overlay else {
        return Vec::new();
    };
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Esc => {
            app.overlay = None;
            return say(app, "cancelled");
        }
        KeyCode::Tab | KeyCode::Down => {
            prompt.focus = (prompt.focus + 1) % prompt.fields.len().max(1)
        }
        KeyCode::BackTab | KeyCode::Up => {
            prompt.focus =
                (prompt.focus + prompt.fields.len().max(1) - 1) % prompt.fields.len().max(1)
        }
        KeyCode::Enter if prompt.focus + 1 < prompt.fields.len() => prompt.focus += 1,
        KeyCode::Enter => return submit(app),
        KeyCode::Char(c) if plain => {
            if let Some(f) = prompt.field() {
                f.insert(c);
            }
        }
        KeyCode::Backspace => {
            if let Some(f) = prompt.field() {
                f.backspace();
            }
        }
        KeyCode::Delete => {
            if let Some(f) = prompt.field() {
                f.delete();
            }
        }
        KeyCode::Left => {
            if let Some(f) = prompt.field() {
                f.move_cursor(-1);
            }
        }
        KeyCode::Right => {
            if let Some(f) = prompt.field() {
                f.move_cursor(1);
            }
        }
        KeyCode::Home | KeyCode::End => {
            if let Some(f) = prompt.field() {
                f.home_end(key.code == KeyCode::End);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Turns a submitted form into a change, or shows why not (the form stays open).
fn submit(app: &mut App) -> Vec<Effect> {
    let Some(Overlay::Prompt(prompt)) = app.overlay.clone() else {
        return Vec::new();
    };
    let (now, actor) = (app.now, app.actor.clone());
    let offset = app.rules.calendar.offset;
    let data = &app.data;
    let result: Result<(ChangeSet, String), String> = match &prompt.kind {
        PromptKind::Assign(Subject::FollowUp(id)) | PromptKind::Context(Subject::FollowUp(id)) => {
            match data.followups.iter().find(|f| f.id == *id).cloned() {
                None => Err(format!("{id} is no longer in the store")),
                Some(f) => match &prompt.kind {
                    PromptKind::Assign(_) => lookup::staff(data, prompt.value(0))
                        .map_err(|e| e.to_string())
                        .and_then(|s| {
                            followup_flow::assign(f, s.id, &s.name, &actor, now)
                                .map(|set| (set, format!("{id} assigned to {}", s.name)))
                                .map_err(|e| e.to_string())
                        }),
                    _ => followup_flow::record_contact(f, prompt.value(0), &actor, now)
                        .map(|set| (set, format!("context recorded on {id}")))
                        .map_err(|e| e.to_string()),
                },
            }
        }
        PromptKind::Snooze(kind, subject) => {
            let item = app
                .items
                .iter()
                .find(|i| i.kind == *kind && i.subject == *subject);
            match (item, parse_when(prompt.value(0), now, offset)) {
                (None, _) => Err("that item is no longer in the queue".into()),
                (_, Err(e)) => Err(e),
                (Some(item), Ok(until)) => {
                    followup_flow::snooze(item, until, prompt.value(1), None, &actor, now)
                        .map(|set| (set, format!("{} snoozed", kind.label())))
                        .map_err(|e| e.to_string())
                }
            }
        }
        PromptKind::ActionOwner(id) | PromptKind::ActionDue(id) => {
            match data.actions.iter().find(|a| a.id == *id).cloned() {
                None => Err(format!("{id} is no longer in the store")),
                Some(a) => match &prompt.kind {
                    PromptKind::ActionOwner(_) => lookup::staff(data, prompt.value(0))
                        .map(|s| {
                            (
                                action_flow::update(
                                    a,
                                    Some((s.id, s.name.as_str())),
                                    None,
                                    now,
                                    &actor,
                                ),
                                format!("{id} owner: {}", s.name),
                            )
                        })
                        .map_err(|e| e.to_string()),
                    _ => parse_when(prompt.value(0), now, offset).map(|due| {
                        (
                            action_flow::update(a, None, Some(due), now, &actor),
                            format!("{id} due date set"),
                        )
                    }),
                },
            }
        }
        PromptKind::PreBrief(id) => prebrief(app, *id, &prompt),
        PromptKind::Book {
            customer,
            confirmed,
        } => match book(app, &prompt, *customer, *confirmed) {
            Ok(done) => Ok(done),
            Err(Refusal::TooClose(why)) => {
                if let Some(Overlay::Prompt(p)) = &mut app.overlay {
                    // The feedback-calendar warning is shown once; submitting again books anyway.
                    p.kind = PromptKind::Book {
                        customer: *customer,
                        confirmed: true,
                    };
                    p.error = Some(format!("{why}. Enter books anyway, Esc cancels"));
                }
                return Vec::new();
            }
            Err(Refusal::Invalid(why)) => Err(why),
        },
        PromptKind::Assign(_) | PromptKind::Context(_) => Err("only follow-ups take this".into()),
    };
    match result {
        Ok((set, label)) => {
            app.overlay = None;
            commit(app, set, label)
        }
        Err(e) => {
            if let Some(Overlay::Prompt(p)) = &mut app.overlay {
                p.error = Some(e);
            }
            Vec::new()
        }
    }
}

/// The pre-brief notes from the form's fields, saved with the customer record.
fn prebrief(
    app: &App,
    id: crate::core::CustomerId,
    prompt: &Prompt,
) -> Result<(ChangeSet, String), String> {
    let mut c = app
        .data
        .customer(id)
        .cloned()
        .ok_or_else(|| format!("{id} is no longer in the store"))?;
    let line = crate::core::sanitize::line;
    c.prebrief = crate::core::PreBrief {
        successes: line(prompt.value(0)),
        problems: line(prompt.value(1)),
        issues: line(prompt.value(2)),
        personality: line(prompt.value(3)),
    };
    c.updated_at = app.now;
    let summary = "Pre-brief notes updated".to_string();
    let event = crate::core::TimelineEvent {
        customer: id,
        at: app.now,
        actor: app.actor.clone(),
        kind: crate::core::EventKind::PreBriefEdited,
        summary,
        reference: None,
    };
    let label = format!("pre-brief of {} saved", c.name);
    let mut set = ChangeSet::new();
    set.push(crate::core::Change::Customer(c));
    set.push(crate::core::Change::Event(event));
    Ok((set, label))
}

/// Why a booking was not made.
enum Refusal {
    /// Inside the feedback calendar's spacing of another request: needs confirming.
    TooClose(String),
    /// Something typed is wrong.
    Invalid(String),
}

impl From<String> for Refusal {
    fn from(why: String) -> Refusal {
        Refusal::Invalid(why)
    }
}

/// A booking from the form's fields.
fn book(
    app: &App,
    prompt: &Prompt,
    customer: crate::core::CustomerId,
    confirmed: bool,
) -> Result<(ChangeSet, String), Refusal> {
    let data = &app.data;
    let c = data
        .customer(customer)
        .ok_or_else(|| "that customer is no longer in the store".to_string())?;
    let at = parse_when(prompt.value(0), app.now, app.rules.calendar.offset)?;
    let contact = match prompt.value(1) {
        "" => None,
        text => {
            let needle = text.to_lowercase();
            let found = c.contacts.iter().find(|k| {
                k.name.to_lowercase().contains(&needle) || k.email.to_lowercase() == needle
            });
            Some(
                found
                    .ok_or(format!("{} has no contact matching '{text}'", c.name))?
                    .id,
            )
        }
    };
    let executive = match prompt.value(2) {
        "" => None,
        text => Some(lookup::staff(data, text).map_err(|e| e.to_string())?.id),
    };
    let trigger = match prompt.value(3) {
        "" => crate::core::Trigger::Cadence,
        name => crate::core::Trigger::Deliverable {
            name: crate::core::sanitize::line(name),
        },
    };
    let booking = interview_flow::Booking {
        at,
        answers: interview_flow::blank_answers(&app.rules.questions),
        trigger,
        executive,
        contact,
        minutes: 30,
        location: None,
        confirmed,
    };
    let mut ids = crate::core::IdAllocator::after(data);
    match interview_flow::schedule(
        data,
        c,
        booking,
        &app.rules.policy,
        app.now,
        &app.actor,
        &mut ids,
    ) {
        Ok((i, set)) => Ok((set, format!("{} booked with {}", i.id, c.name))),
        Err(e @ interview_flow::InterviewError::TooClose { .. }) => {
            Err(Refusal::TooClose(e.to_string()))
        }
        Err(e) => Err(Refusal::Invalid(e.to_string())),
    }
}
