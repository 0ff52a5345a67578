//! What the forms for the daily tasks that used to be command-line only save: add a corrective
//! or preventive action (from a follow-up in the queue, a customer, or the board), cancel or
//! move a booked interview, record a major deliverable, edit one of our people (`asks_tasks`
//! opens them). Each makes its change with the core call the command line makes
//! (`action_flow::create`, `interview_flow::cancel`, `reschedule`, `deliverable::record`,
//! `staff_edit::set`), so the dashboard and `hearback ...` save identical change sets.

use super::act::{commit, key_of};
use super::prompt::{ActionFor, Prompt, PromptKind};
use super::{App, Confirm, Effect, Overlay};
use crate::core::action_flow::{self, ActionError, NewAction};
use crate::core::interview_flow;
use crate::core::lookup::{self, LookupError};
use crate::core::when::{describe, parse_when};
use crate::core::{
    ActionKind, Change, ChangeSet, CustomerId, IdAllocator, InterviewId, StaffId, deliverable,
    reschedule, sanitize,
};
use crate::keymap::{Action, KeyContext};

/// Submits one of these forms: saves, asks, or shows why not (the form stays open).
pub(super) fn submit(app: &mut App, prompt: &Prompt) -> Vec<Effect> {
    let result = match &prompt.kind {
        PromptKind::NewAction(target) => match new_action(app, prompt, target) {
            Ok(Owner::Known(new, name)) => create(app, new, &name, None),
            Ok(Owner::NotOnFile(owner)) => {
                let title = format!("Add {owner} to our people, as the owner of the new action");
                let kind = PromptKind::NewActionOwner(Box::new(prompt.clone()));
                return super::staff::ask_person(app, &owner, kind, title, true);
            }
            Err(e) => Err(e),
        },
        PromptKind::NewActionOwner(action) => owner_then_action(app, prompt, action),
        PromptKind::CancelInterview(id) => match cancel(app, prompt, *id) {
            Ok(confirm) => {
                app.overlay = Some(Overlay::Confirm(confirm));
                return Vec::new();
            }
            Err(e) => Err(e),
        },
        PromptKind::Reschedule {
            interview,
            confirmed,
        } => match move_to(app, prompt, *interview, *confirmed) {
            Err(Move::TooClose(why)) => {
                let key = |action| key_of(app, KeyContext::Prompt, action).unwrap_or_default();
                let (submit, cancel) = (key(Action::Submit), key(Action::Back));
                if let Some(Overlay::Prompt(p)) = &mut app.overlay {
                    // The feedback-calendar warning is shown once, as booking does.
                    p.kind = PromptKind::Reschedule {
                        interview: *interview,
                        confirmed: true,
                    };
                    p.error = Some(format!("{why}. {submit} moves it anyway, {cancel} cancels"));
                }
                return Vec::new();
            }
            Err(Move::Invalid(why)) => Err(why),
            Ok(done) => Ok(done),
        },
        PromptKind::Deliverable { customer, .. } => record_deliverable(app, prompt, *customer),
        PromptKind::EditStaff(id) => edit_staff(app, prompt, *id),
        PromptKind::LogRequest { customer, .. } => {
            super::forms_request::log(app, prompt, *customer)
        }
        _ => Err("this form is not one of the daily-task forms".into()),
    };
    match result {
        Ok((set, label)) => {
            app.overlay = back_to(prompt);
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

/// Where a submitted or cancelled form returns: the customer's detail view or the person in
/// the staff view it was opened from, else the panes (the detail view reloads its timeline
/// once the save is on disk).
pub(super) fn back_to(prompt: &Prompt) -> Option<Overlay> {
    let kind = match &prompt.kind {
        PromptKind::NewActionOwner(action) => &action.kind,
        kind => kind,
    };
    if let PromptKind::EditStaff(id) = kind {
        let selected = Some(*id);
        return Some(Overlay::Staff(super::StaffView { selected }));
    }
    let id = match kind {
        PromptKind::NewAction(ActionFor {
            customer: Some(id),
            detail: true,
            ..
        })
        | PromptKind::Deliverable {
            customer: id,
            detail: true,
        }
        | PromptKind::LogRequest {
            customer: id,
            detail: true,
        } => *id,
        _ => return None,
    };
    Some(Overlay::Customer { id, scroll: 0 })
}

/// The new action's owner as typed.
enum Owner {
    /// On file (or none given): the action, ready to create, and the customer's name.
    Known(NewAction, String),
    /// A name not on file: offer to add them.
    NotOnFile(String),
}

/// The action the form describes; the owner is looked up as the command line does.
fn new_action(app: &App, prompt: &Prompt, target: &ActionFor) -> Result<Owner, String> {
    let data = &app.data;
    let customer = match target.customer {
        Some(id) => data.customer(id),
        None => {
            Some(lookup::customer(data, prompt.value_of("Customer")).map_err(|e| e.to_string())?)
        }
    }
    .ok_or("that customer is no longer in the store")?;
    if sanitize::line(prompt.value_of("Title")).is_empty() {
        return Err(ActionError::NoTitle.to_string());
    }
    let kind = match prompt.value_of("Kind").to_lowercase().as_str() {
        "c" | "corrective" => ActionKind::Corrective,
        "p" | "preventive" => ActionKind::Preventive,
        other => {
            let other = sanitize::quote(other);
            return Err(format!(
                "Kind {other} is not corrective or preventive: type c or p"
            ));
        }
    };
    let due = match prompt.value_of("Due") {
        "" => None,
        text => Some(parse_when(text, app.now, app.rules.work_week.offset)?),
    };
    let followup = target
        .followup
        .and_then(|id| data.followups.iter().find(|f| f.id == id));
    let owner: Option<StaffId> = match prompt.value_of("Owner") {
        "" => None,
        text => match lookup::staff(data, text) {
            Ok(s) => Some(s.id),
            Err(LookupError::NotFound(..)) => return Ok(Owner::NotOnFile(text.to_string())),
            Err(e) => return Err(e.to_string()),
        },
    };
    let new = NewAction {
        customer: customer.id,
        kind,
        title: prompt.value_of("Title").to_string(),
        detail: prompt.value_of("Detail").to_string(),
        owner,
        due,
        followup: followup.map(|f| f.id),
        interview: followup.map(|f| f.interview),
    };
    Ok(Owner::Known(new, customer.name.clone()))
}

/// Creates the action; `ids` continues an allocator already used in the same save.
fn create(
    app: &App,
    new: NewAction,
    customer: &str,
    ids: Option<IdAllocator>,
) -> Result<(ChangeSet, String), String> {
    let mut ids = match ids {
        Some(ids) => ids,
        None => IdAllocator::after(&app.data).map_err(|e| e.to_string())?,
    };
    let (a, set) =
        action_flow::create(new, app.now, &app.actor, &mut ids).map_err(|e| e.to_string())?;
    Ok((set, format!("{} added for {customer}", a.id)))
}

/// The person from the add form, then the held action owned by them: one save.
fn owner_then_action(
    app: &App,
    prompt: &Prompt,
    action: &Prompt,
) -> Result<(ChangeSet, String), String> {
    let PromptKind::NewAction(target) = &action.kind else {
        return Err("the action form is gone; open it again".into());
    };
    let (mut set, added) = super::forms::add_staff(app, prompt, None)?;
    let member = set.changes.iter().find_map(|c| match c {
        Change::Staff(s) => Some(s.clone()),
        _ => None,
    });
    let member = member.ok_or("the new person was not added")?;
    let Owner::Known(mut new, customer) = new_action(app, &action_reset_owner(action), target)?
    else {
        return Err("the action form changed; open it again".into());
    };
    new.owner = Some(member.id);
    // Ids go on after the new person's, as one allocator would hand them out.
    let ids = IdAllocator::starting_at(member.id.0.saturating_add(1));
    let (made, label) = create(app, new, &customer, Some(ids))?;
    set.changes.extend(made.changes);
    Ok((set, format!("{added}; {label}, owned by {}", member.name)))
}

/// The held action form with its owner left blank (the new person is set instead).
fn action_reset_owner(action: &Prompt) -> Prompt {
    let mut held = action.clone();
    for f in held.fields.iter_mut().filter(|f| f.label == "Owner") {
        f.clear();
    }
    held
}

/// The cancellation the form describes, held for a yes.
fn cancel(app: &App, prompt: &Prompt, id: InterviewId) -> Result<Confirm, String> {
    let reason = prompt.value(0);
    if sanitize::line(reason).is_empty() {
        return Err("give a reason: it goes on the customer's timeline".into());
    }
    let i = app.data.interviews.iter().find(|i| i.id == id).cloned();
    let i = i.ok_or(format!("{id} is no longer in the store"))?;
    let customer = app
        .data
        .customer(i.customer)
        .ok_or("its customer is no longer in the store")?;
    let when = describe(i.scheduled_at, app.now, app.rules.work_week.offset);
    let changes = interview_flow::cancel(customer, i, reason, app.now, &app.actor)
        .map_err(|e| e.to_string())?;
    Ok(Confirm {
        question: format!(
            "Cancel {id} with {}, {when}? Reason: {}",
            customer.name,
            sanitize::line(reason)
        ),
        changes,
        label: format!("{id} cancelled"),
    })
}

/// Why a move was not made.
enum Move {
    /// Inside the feedback calendar's spacing of another request: needs confirming.
    TooClose(String),
    /// Something typed is wrong.
    Invalid(String),
}

fn move_to(
    app: &App,
    prompt: &Prompt,
    id: InterviewId,
    confirmed: bool,
) -> Result<(ChangeSet, String), Move> {
    let offset = app.rules.work_week.offset;
    let at = parse_when(prompt.value(0), app.now, offset).map_err(Move::Invalid)?;
    let i = app.data.interviews.iter().find(|i| i.id == id).cloned();
    let i = i.ok_or_else(|| Move::Invalid(format!("{id} is no longer in the store")))?;
    let customer = app
        .data
        .customer(i.customer)
        .ok_or_else(|| Move::Invalid("its customer is no longer in the store".into()))?;
    let policy = &app.rules.policy;
    match reschedule::reschedule(
        &app.data, customer, i, at, confirmed, policy, app.now, &app.actor,
    ) {
        Ok(set) => Ok((
            set,
            format!(
                "{id} with {} moved to {}",
                customer.name,
                describe(at, app.now, offset)
            ),
        )),
        Err(e) => Err(match reschedule::spacing_warning(&e) {
            Some(why) => Move::TooClose(why),
            None => Move::Invalid(e.to_string()),
        }),
    }
}

fn record_deliverable(
    app: &App,
    prompt: &Prompt,
    customer: CustomerId,
) -> Result<(ChangeSet, String), String> {
    let c = app
        .data
        .customer(customer)
        .ok_or("that customer is no longer in the store")?;
    // Blank is now, as `hearback deliverable` without --at.
    let at = match prompt.value(1) {
        "" => app.now,
        text => parse_when(text, app.now, app.rules.work_week.offset)?,
    };
    let mut ids = IdAllocator::after(&app.data).map_err(|e| e.to_string())?;
    let (d, set) = deliverable::record(c, prompt.value(0), at, app.now, &app.actor, &mut ids)
        .map_err(|e| e.to_string())?;
    let label = format!(
        "deliverable \"{}\" recorded for {}; a feedback interview is now due",
        d.name, c.name
    );
    Ok((set, label))
}

/// The changes to one of our people the edit form describes, made as `hearback staff set`
/// makes them: roles typed and not held are given, roles held and not typed are taken.
fn edit_staff(
    app: &App,
    prompt: &Prompt,
    id: crate::core::StaffId,
) -> Result<(ChangeSet, String), String> {
    let member = app.data.staff.iter().find(|s| s.id == id).cloned();
    let member = member.ok_or(format!("{id} is no longer on file"))?;
    let mut roles = Vec::new();
    for text in prompt
        .value_of("Roles")
        .split(',')
        .filter(|t| !t.trim().is_empty())
    {
        if let Some(role) = super::staff::role_choice(text)?
            && !roles.contains(&role)
        {
            roles.push(role);
        }
    }
    let name = prompt.value_of("Name");
    let email = prompt.value_of("Email");
    let patch = crate::core::staff_edit::StaffPatch {
        name: (name != member.name).then(|| name.to_string()),
        email: (Some(email) != member.email.as_deref().or(Some(""))).then(|| email.to_string()),
        add_roles: roles
            .iter()
            .copied()
            .filter(|r| !member.has_role(*r))
            .collect(),
        remove_roles: member
            .roles
            .iter()
            .copied()
            .filter(|r| !roles.contains(r))
            .collect(),
        active: None,
    };
    let (after, set) =
        crate::core::staff_edit::set(&app.data, member, &patch).map_err(|e| e.to_string())?;
    Ok((set, format!("{} updated", after.name)))
}
