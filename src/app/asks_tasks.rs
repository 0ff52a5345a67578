//! The forms for the daily tasks that used to be command-line only, opened where the need
//! arises: add an action (queue follow-up, customer, detail view, board), cancel or move a
//! booked interview, record a deliverable. What they save is in `forms_tasks`.

use super::act::{ask, say};
use super::prompt::{ActionFor, Field, PromptKind};
use super::{App, Effect};
use crate::core::CustomerId;
use crate::keymap::Action;

/// Opens the add-an-action form. With a follow-up, its owner is the suggested owner.
pub(super) fn action_prompt(app: &mut App, target: ActionFor) -> Vec<Effect> {
    let mut fields = Vec::new();
    if target.customer.is_none() {
        fields.push(Field::new(
            "Customer",
            "id (C12), name or a unique part of it",
        ));
    }
    let owner = target
        .followup
        .and_then(|id| app.data.followups.iter().find(|f| f.id == id))
        .and_then(|f| f.owner)
        .map(|o| app.data.staff_name(Some(o)).to_string())
        .unwrap_or_default();
    fields.extend([
        Field::new("Title", "what will be done, in one line"),
        // Most actions answer a low score: corrective is the usual case.
        Field::filled(
            "Kind",
            "c corrective (fixes the problem) or p preventive (stops a repeat)",
            "corrective",
        ),
        Field::filled(
            "Owner",
            "optional: who is accountable (name, part of one, or email)",
            &owner,
        ),
        Field::time("Due", "optional: fri, +1w, tomorrow 17:00 or a date"),
        Field::new("Detail", "optional: more detail"),
    ]);
    let name = target
        .customer
        .and_then(|c| app.data.customer(c))
        .map(|c| c.name.clone());
    let title = match (name, target.followup) {
        (Some(name), Some(f)) => format!("New action for {name} (answers {f})"),
        (Some(name), None) => format!("New action for {name}"),
        (None, _) => "New corrective or preventive action".into(),
    };
    ask(app, PromptKind::NewAction(target), title, fields)
}

/// Opens the add-an-action form for the customer of the selected queue item, linked to it
/// when it is a follow-up.
pub(super) fn action_from_queue(app: &mut App) -> Vec<Effect> {
    let Some(item) = app.selected_item() else {
        return say(app, "nothing selected");
    };
    let followup = match item.subject {
        crate::core::queue::Subject::FollowUp(id) => Some(id),
        _ => None,
    };
    let target = ActionFor {
        customer: Some(item.customer),
        followup,
        detail: false,
    };
    action_prompt(app, target)
}

/// Opens the add-an-action or the deliverable form for a customer; `detail` when opened on
/// the customer's detail view (the form goes back there).
pub(super) fn for_customer(
    app: &mut App,
    customer: CustomerId,
    action: Action,
    detail: bool,
) -> Vec<Effect> {
    if action == Action::RecordDeliverable {
        return deliverable_prompt(app, customer, detail);
    }
    if action == Action::LogRequest {
        return super::forms_request::prompt(app, customer, detail);
    }
    let target = ActionFor {
        customer: Some(customer),
        followup: None,
        detail,
    };
    action_prompt(app, target)
}

/// Opens the cancel or reschedule form of the selected booked interview.
pub(super) fn interview_prompt(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(i) = app.selected_interview().cloned() else {
        return say(app, "no interview selected");
    };
    let name = app
        .data
        .customer(i.customer)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let offset = app.rules.work_week.offset;
    // Short, for the form's title: the question before saving says it in full.
    let when = crate::core::time_math::local(i.scheduled_at, offset)
        .format("%a %d %b %H:%M")
        .to_string();
    if action == Action::CancelInterview {
        let fields = vec![Field::new(
            "Reason",
            "why it is cancelled (goes on the customer's timeline)",
        )];
        let title = format!("Cancel {} with {name}, {when}", i.id);
        return ask(app, PromptKind::CancelInterview(i.id), title, fields);
    }
    // The current time to edit: the preview under it shows what the new text means.
    let current = crate::core::time_math::local(i.scheduled_at, offset)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let mut field = Field::time("New time", "10:00, tomorrow 9, fri 14:00, +3d or a date");
    field.value = current.clone();
    field.cursor = current.chars().count();
    let kind = PromptKind::Reschedule {
        interview: i.id,
        confirmed: false,
    };
    let title = format!("Move {} with {name}, now {when}", i.id);
    ask(app, kind, title, vec![field])
}

/// Opens the record-a-deliverable form for a customer.
pub(super) fn deliverable_prompt(app: &mut App, customer: CustomerId, detail: bool) -> Vec<Effect> {
    let name = app
        .data
        .customer(customer)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let fields = vec![
        Field::new("Deliverable", "what was delivered, e.g. Phase 2 go-live"),
        Field::time(
            "Delivered",
            "blank = now; yesterday, mon, 2026-11-20 or a time",
        ),
    ];
    let kind = PromptKind::Deliverable { customer, detail };
    ask(app, kind, format!("Major deliverable for {name}"), fields)
}

/// Opens the form that changes one of our people, filled with what is on file; the roles are
/// a list, so any role can be given or taken (the view's own keys only do senior management).
pub(super) fn edit_staff_prompt(app: &mut App, member: &crate::core::Staff) -> Vec<Effect> {
    let roles: Vec<&str> = member.roles.iter().map(|r| r.as_str()).collect();
    let fields = vec![
        Field::filled("Name", "full name", &member.name),
        Field::filled(
            "Email",
            "work email (blank = none)",
            member.email.as_deref().unwrap_or_default(),
        ),
        Field::filled(
            "Roles",
            "comma list of a, s, e, salesperson, executive, president",
            &roles.join(", "),
        ),
    ];
    let title = format!("Edit {} ({})", member.name, member.id);
    ask(app, PromptKind::EditStaff(member.id), title, fields)
}
