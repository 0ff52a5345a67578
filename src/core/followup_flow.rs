//! The follow-up lifecycle: open -> contacted (context recorded) -> formal report committed ->
//! closed, plus assigning and snoozing. Each step returns the records to write, the timeline
//! event included; invalid steps are refused with a message saying what to do instead.

use super::queue::{Item, item_key};
use super::{
    Change, ChangeSet, EventKind, FollowUp, FollowUpState, Instant, Snooze, StaffId, TimelineEvent,
    sanitize,
};

/// Why a step was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FlowError {
    /// Closing needs the context first: it feeds root-cause analysis.
    #[error(
        "cannot close {0}: no context recorded. Record what the customer said first (`hearback followup {0} contacted --context TEXT`)"
    )]
    NoContext(String),
    /// Context text was blank.
    #[error("the context of {0} is empty: write what the customer said")]
    EmptyContext(String),
    /// The step does not apply in this state.
    #[error("{0} is {1}; {2}")]
    WrongState(String, &'static str, &'static str),
    /// Snooze without a reason or into the past.
    #[error("{0}")]
    BadSnooze(String),
}

fn state_name(s: FollowUpState) -> &'static str {
    match s {
        FollowUpState::Open => "open",
        FollowUpState::Contacted => "contacted",
        FollowUpState::ReportCommitted => "waiting for its formal report",
        FollowUpState::Closed => "closed",
    }
}

fn write(f: FollowUp, kind: EventKind, summary: String, actor: &str, at: Instant) -> ChangeSet {
    let mut set = ChangeSet::new();
    set.push(Change::Event(TimelineEvent {
        customer: f.customer,
        at,
        actor: actor.into(),
        kind,
        summary,
        reference: Some(f.id.to_string()),
    }));
    set.changes.insert(0, Change::FollowUp(f));
    set
}

/// Records that the customer was contacted and what they said. Allowed again while not closed:
/// the new context is appended, so nothing said earlier is lost.
pub fn record_contact(
    mut f: FollowUp,
    context: &str,
    actor: &str,
    at: Instant,
) -> Result<ChangeSet, FlowError> {
    let id = f.id.to_string();
    if f.state == FollowUpState::Closed {
        return Err(FlowError::WrongState(
            id,
            "closed",
            "reopen is not supported; add a note to the customer's timeline instead",
        ));
    }
    let text = sanitize::text(context);
    if text.is_empty() {
        return Err(FlowError::EmptyContext(id));
    }
    f.context = if f.context.is_empty() {
        text.clone()
    } else {
        format!("{}\n\n{text}", f.context)
    };
    f.contacted_at.get_or_insert(at);
    if f.state == FollowUpState::Open {
        f.state = FollowUpState::Contacted;
    }
    let first_line = text.lines().next().unwrap_or_default().to_string();
    Ok(write(
        f,
        EventKind::FollowUpContacted,
        format!("Customer contacted about {id}: {first_line}"),
        actor,
        at,
    ))
}

/// The client manager commits to a formal report with actions.
pub fn commit_report(mut f: FollowUp, actor: &str, at: Instant) -> Result<ChangeSet, FlowError> {
    let id = f.id.to_string();
    match f.state {
        FollowUpState::Contacted => {}
        FollowUpState::Open => {
            return Err(FlowError::WrongState(
                id,
                "open",
                "record the contact and its context first",
            ));
        }
        other => {
            return Err(FlowError::WrongState(
                id,
                state_name(other),
                "nothing to commit",
            ));
        }
    }
    f.state = FollowUpState::ReportCommitted;
    f.report_committed_at = Some(at);
    Ok(write(
        f,
        EventKind::FollowUpReportCommitted,
        format!("Formal report with actions committed for {id}"),
        actor,
        at,
    ))
}

/// The formal report was presented to the customer (commits it too if that was skipped).
pub fn present_report(mut f: FollowUp, actor: &str, at: Instant) -> Result<ChangeSet, FlowError> {
    let id = f.id.to_string();
    match f.state {
        FollowUpState::Contacted | FollowUpState::ReportCommitted => {}
        FollowUpState::Open => {
            return Err(FlowError::WrongState(
                id,
                "open",
                "record the contact and its context first",
            ));
        }
        FollowUpState::Closed => {
            return Err(FlowError::WrongState(id, "closed", "nothing to present"));
        }
    }
    f.state = FollowUpState::ReportCommitted;
    f.report_committed_at.get_or_insert(at);
    f.report_presented_at = Some(at);
    Ok(write(
        f,
        EventKind::FollowUpReportPresented,
        format!("Formal report for {id} presented to the customer"),
        actor,
        at,
    ))
}

/// Closes the loop. Refused without recorded context.
pub fn close(mut f: FollowUp, actor: &str, at: Instant) -> Result<ChangeSet, FlowError> {
    let id = f.id.to_string();
    if f.state == FollowUpState::Closed {
        return Err(FlowError::WrongState(id, "closed", "nothing to do"));
    }
    if f.context.trim().is_empty() {
        return Err(FlowError::NoContext(id));
    }
    f.state = FollowUpState::Closed;
    f.closed_at = Some(at);
    Ok(write(
        f,
        EventKind::FollowUpClosed,
        format!("Follow-up {id} closed"),
        actor,
        at,
    ))
}

/// Assigns (or reassigns) the owner.
pub fn assign(
    mut f: FollowUp,
    to: StaffId,
    to_name: &str,
    actor: &str,
    at: Instant,
) -> Result<ChangeSet, FlowError> {
    let id = f.id.to_string();
    if f.state == FollowUpState::Closed {
        return Err(FlowError::WrongState(id, "closed", "nothing to assign"));
    }
    f.owner = Some(to);
    if !f.participants.contains(&to) {
        f.participants.insert(0, to);
    }
    Ok(write(
        f,
        EventKind::FollowUpAssigned,
        format!("{id} assigned to {to_name}"),
        actor,
        at,
    ))
}

/// Hides a queue item until `until`, with a reason; recorded on the customer's timeline.
pub fn snooze(
    item: &Item,
    until: Instant,
    reason: &str,
    by: Option<StaffId>,
    actor: &str,
    at: Instant,
) -> Result<ChangeSet, FlowError> {
    let reason = sanitize::line(reason);
    if reason.is_empty() {
        return Err(FlowError::BadSnooze(
            "a snooze needs a reason (--reason TEXT)".into(),
        ));
    }
    if until <= at {
        return Err(FlowError::BadSnooze(format!(
            "--until {} is not in the future",
            until.to_rfc3339()
        )));
    }
    let key = item_key(item.kind, item.subject);
    let mut set = ChangeSet::new();
    set.push(Change::Snooze(Snooze {
        item_key: key.clone(),
        customer: item.customer,
        until,
        reason: reason.clone(),
        by,
        at,
    }));
    set.push(Change::Event(TimelineEvent {
        customer: item.customer,
        at,
        actor: actor.into(),
        kind: EventKind::Snoozed,
        summary: format!(
            "{} snoozed until {}: {reason}",
            item.kind.label(),
            until.format("%Y-%m-%d %H:%M")
        ),
        reference: Some(key),
    }));
    Ok(set)
}
