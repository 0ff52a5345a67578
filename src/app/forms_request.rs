//! The dashboard's form for logging a customer's request while on the phone (`R` on a
//! customer): what they ask, who is calling, how it came in and when (blank: a call, now).
//! It saves with `requests::log`, the call `hearback request add` makes, so both save the same
//! change set; the request is then owed a first response in the queue.

use super::act::ask;
use super::prompt::{Field, Prompt, PromptKind};
use super::{App, Effect};
use crate::core::requests::{self, Channel, NewRequest};
use crate::core::when::parse_when;
use crate::core::{ChangeSet, CustomerId, IdAllocator};

/// Opens the log-a-request form for a customer; `detail` when opened on the customer's
/// detail view (the form goes back there).
pub(super) fn prompt(app: &mut App, customer: CustomerId, detail: bool) -> Vec<Effect> {
    let name = app
        .data
        .customer(customer)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let fields = vec![
        Field::new("About", "what the customer asks for, in one line"),
        Field::new("From", "who is asking (name or email); may stay blank"),
        Field::new("Channel", "blank = call; email, ticket, meeting or other"),
        Field::time("Received", "blank = now; 9:30, yesterday 16:00 or a date"),
    ];
    let kind = PromptKind::LogRequest { customer, detail };
    ask(app, kind, format!("Request from {name}"), fields)
}

/// The request the form describes, logged: the change set and the status line's words.
pub(super) fn log(
    app: &App,
    prompt: &Prompt,
    customer: CustomerId,
) -> Result<(ChangeSet, String), String> {
    let c = app
        .data
        .customer(customer)
        .ok_or("that customer is no longer in the store")?;
    let channel = match prompt.value(2).trim() {
        "" => Channel::Call,
        text => Channel::parse(text).ok_or_else(|| {
            format!("'{text}' is not a channel: call, email, ticket, meeting or other")
        })?,
    };
    let received_at = match prompt.value(3) {
        "" => app.now,
        text => parse_when(text, app.now, app.rules.work_week.offset)?,
    };
    let new = NewRequest {
        customer,
        channel,
        from: prompt.value(1).to_string(),
        about: prompt.value(0).to_string(),
        received_at,
        owner: None,
    };
    let mut ids = IdAllocator::after(&app.data).map_err(|e| e.to_string())?;
    let (r, set) = requests::log(new, app.now, &app.actor, &mut ids).map_err(|e| e.to_string())?;
    let due = requests::response_due(&r, &app.rules.policy, &app.rules.work_week);
    let due = crate::core::time_math::local(due, app.rules.work_week.offset)
        .format("%a %d %b %H:%M")
        .to_string();
    Ok((
        set,
        format!("{} logged for {}; an answer is due by {due}", r.id, c.name),
    ))
}
