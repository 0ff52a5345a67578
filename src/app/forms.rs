//! The small forms over the panes: keys while one is open, and what a submitted form
//! changes (assign, context, snooze, action owner/due, pre-brief, booking). A refused form
//! stays open with the reason; an accepted one goes out as one `Commit`.

use super::act::{commit, say};
use super::prompt::{Prompt, PromptKind};
use super::{App, Effect, Overlay};
use crate::core::ChangeSet;
use crate::core::action_flow;
use crate::core::followup_flow;
use crate::core::interview_flow;
use crate::core::lookup;
use crate::core::queue::Subject;
use crate::core::when::parse_when;
use crate::keymap::{Action, KeyContext, hints, lookup};
use crossterm::event::KeyEvent;

/// Keys while a form is open: its command keys from the key table (mode `prompt`), then
/// the text-editing keys of a single-line field.
pub(super) fn prompt_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let action = lookup(&app.rules.keys, KeyContext::Prompt, &key);
    let Some(Overlay::Prompt(prompt)) = &mut app.overlay else {
        return Vec::new();
    };
    let count = prompt.fields.len().max(1);
    match action {
        Some(Action::Back) => {
            // A form opened on a customer's detail or on a person goes back there.
            app.overlay = super::forms_tasks::back_to(prompt);
            return say(app, "cancelled");
        }
        Some(Action::Down) => prompt.focus = (prompt.focus + 1) % count,
        Some(Action::Up) => prompt.focus = (prompt.focus + count - 1) % count,
        Some(Action::Submit) if prompt.focus + 1 < prompt.fields.len() => prompt.focus += 1,
        Some(Action::Submit) => return submit(app),
        // Empties the field, as Ctrl-U does in a shell: every form gets it from here.
        Some(Action::ClearField) => {
            if let Some(f) = prompt.field() {
                f.clear();
            }
        }
        Some(_) => {}
        None => {
            if let Some(f) = prompt.field() {
                f.edit(key);
            }
        }
    }
    Vec::new()
}

/// Turns a submitted form into a change, or shows why not (the form stays open).
fn submit(app: &mut App) -> Vec<Effect> {
    let Some(Overlay::Prompt(prompt)) = app.overlay.clone() else {
        return Vec::new();
    };
    let (now, actor) = (app.now, app.actor.clone());
    let offset = app.rules.work_week.offset;
    // A time in the past is asked about once, naming it; Enter again with it unchanged uses it.
    let submit = super::act::key_of(app, KeyContext::Prompt, Action::Submit)
        .map(|k| format!(" {k} again to use it, or change the time"))
        .unwrap_or_else(|| " Submit again to use it, or change the time".into());
    // A delivery date is in the past by nature: not asked about.
    let past_matters = !matches!(
        prompt.kind,
        PromptKind::Deliverable { .. } | PromptKind::LogRequest { .. }
    );
    if let Some(Overlay::Prompt(p)) = &mut app.overlay
        && past_matters
        && let Some(when) = p.confirm_past(now, offset)
    {
        p.error = Some(format!("{when} is in the past.{submit}"));
        return Vec::new();
    }
    let data = &app.data;
    // Naming an owner who is not on file offers to add them (with a role), then assigns.
    let owned = match &prompt.kind {
        PromptKind::Assign(s @ Subject::FollowUp(_)) => Some(*s),
        PromptKind::ActionOwner(id) => Some(Subject::Action(*id)),
        _ => None,
    };
    if let Some(subject) = owned
        && let Err(lookup::LookupError::NotFound(..)) = lookup::staff(data, prompt.value(0))
    {
        let name = prompt.value(0).to_string();
        return super::staff::ask_new(app, &name, Some(subject));
    }
    let result: Result<(ChangeSet, String), String> = match &prompt.kind {
        PromptKind::NewAction(_)
        | PromptKind::NewActionOwner(_)
        | PromptKind::CancelInterview(_)
        | PromptKind::Reschedule { .. }
        | PromptKind::Deliverable { .. }
        | PromptKind::LogRequest { .. }
        | PromptKind::EditStaff(_) => return super::forms_tasks::submit(app, &prompt),
        PromptKind::AddStaff { assign } => add_staff(app, &prompt, *assign),
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
                    let key = |action| {
                        let hint = hints(&app.rules.keys, KeyContext::Prompt, &[action]);
                        hint.into_iter()
                            .next()
                            .map(|(key, _)| key)
                            .unwrap_or_default()
                    };
                    let (book, cancel) = (key(Action::Submit), key(Action::Back));
                    p.error = Some(format!("{why}. {book} books anyway, {cancel} cancels"));
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
            if let PromptKind::AddStaff { assign: None } = prompt.kind {
                // Added from the staff view: back to it, on the new person.
                let added = set.changes.iter().find_map(|c| match c {
                    crate::core::Change::Staff(s) => Some(s.id),
                    _ => None,
                });
                app.overlay = Some(Overlay::Staff(super::StaffView { selected: added }));
            }
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

/// A new person from the add form; with `assign`, the follow-up is assigned to them in the
/// same transaction.
pub(super) fn add_staff(
    app: &App,
    prompt: &Prompt,
    assign: Option<Subject>,
) -> Result<(ChangeSet, String), String> {
    let role = super::staff::role_choice(prompt.value(2))?;
    let email = Some(prompt.value(1)).filter(|e| !e.is_empty());
    let mut ids = crate::core::IdAllocator::after(&app.data).map_err(|e| e.to_string())?;
    let (member, mut set) = crate::core::staff_edit::add(
        &app.data,
        prompt.value(0),
        email,
        &role.into_iter().collect::<Vec<_>>(),
        &mut ids,
    )
    .map_err(|e| e.to_string())?;
    let assigned = match assign {
        None => return Ok((set, format!("{} added", member.name))),
        Some(Subject::FollowUp(id)) => {
            let f = app.data.followups.iter().find(|f| f.id == id).cloned();
            let f = f.ok_or_else(|| format!("{id} is no longer in the store"))?;
            followup_flow::assign(f, member.id, &member.name, &app.actor, app.now)
                .map_err(|e| e.to_string())?
        }
        Some(Subject::Action(id)) => {
            let a = app.data.actions.iter().find(|a| a.id == id).cloned();
            let a = a.ok_or_else(|| format!("{id} is no longer in the store"))?;
            let owner = Some((member.id, member.name.as_str()));
            action_flow::update(a, owner, None, app.now, &app.actor)
        }
        Some(other) => return Err(format!("{other} has no owner to set")),
    };
    let id = assign.map(|s| s.to_string()).unwrap_or_default();
    set.changes.extend(assigned.changes);
    Ok((
        set,
        format!("{} added and {id} assigned to them", member.name),
    ))
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
    let at = parse_when(prompt.value(0), app.now, app.rules.work_week.offset)?;
    let minutes = crate::core::booking::parse_minutes(prompt.value(1))?;
    let location = crate::core::booking::parse_location(prompt.value(2))?;
    let contact = match prompt.value(3) {
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
    let executive = match prompt.value(4) {
        "" => None,
        text => Some(lookup::staff(data, text).map_err(|e| e.to_string())?.id),
    };
    let trigger = match prompt.value(5) {
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
        minutes,
        location,
        confirmed,
    };
    let mut ids = crate::core::IdAllocator::after(data).map_err(|e| e.to_string())?;
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
