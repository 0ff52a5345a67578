//! Moving a booked interview to another time. Everything else about the booking stays (who,
//! where, how long, the steps already recorded); the feedback calendar's spacing is checked as
//! for a new booking, leaving the interview itself out. Shared by `hearback interview
//! reschedule` and the dashboard's form, so both make the same change.

use super::interview_flow::InterviewError;
use super::policy::Policy;
use super::spacing::spacing_conflict_besides;
use super::{
    Change, ChangeSet, Customer, Dataset, EventKind, Instant, Interview, InterviewStatus,
    TimelineEvent,
};

/// Moves the booked interview `i` to `at`, with a timeline event naming both times. Refused
/// for an interview in progress, completed or cancelled, for the time it already has, and
/// inside the spacing window of another request unless `confirmed`.
#[allow(clippy::too_many_arguments)] // the same inputs as `schedule`, plus the interview
pub fn reschedule(
    data: &Dataset,
    customer: &Customer,
    mut i: Interview,
    at: Instant,
    confirmed: bool,
    policy: &Policy,
    now: Instant,
    actor: &str,
) -> Result<ChangeSet, InterviewError> {
    let id = i.id.to_string();
    match i.status {
        InterviewStatus::Scheduled => {}
        InterviewStatus::InProgress => return Err(InterviewError::NotMovable(id, "in progress")),
        InterviewStatus::Completed => return Err(InterviewError::NotMovable(id, "completed")),
        InterviewStatus::Cancelled => return Err(InterviewError::NotMovable(id, "cancelled")),
    }
    let shown = |t: Instant| t.format("%Y-%m-%d %H:%M UTC").to_string();
    if i.scheduled_at == at {
        return Err(InterviewError::SameTime(id, shown(at)));
    }
    if let Some(other) = spacing_conflict_besides(data, customer.id, at, policy, Some(i.id))
        && !confirmed
    {
        return Err(InterviewError::too_close(customer, other, policy));
    }
    let summary = format!(
        "Interview {id} moved from {} to {}",
        shown(i.scheduled_at),
        shown(at)
    );
    i.scheduled_at = at;
    let reference = Some(i.id.to_string());
    let mut set = ChangeSet::new();
    set.push(Change::Interview(i));
    // A move is a new booking time: the same kind of event as the booking itself (no new
    // stored event kind, so stores written by older versions still read it).
    set.push(Change::Event(TimelineEvent {
        customer: customer.id,
        at: now,
        actor: actor.into(),
        kind: EventKind::InterviewScheduled,
        summary,
        reference,
    }));
    Ok(set)
}

/// The feedback-calendar warning of a refused move or booking, without the booking's "confirm
/// to book anyway" (each caller says how to go ahead: a flag, a key); `None` for other errors.
pub fn spacing_warning(e: &InterviewError) -> Option<String> {
    match e {
        InterviewError::TooClose {
            customer,
            other,
            other_at,
            days,
        } => Some(format!(
            "{customer} already has a feedback request on {other_at} ({other}), within the \
             {days}-day spacing of the feedback calendar"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
