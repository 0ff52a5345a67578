//! The feedback calendar: no two feedback requests (interviews or surveys) to one customer
//! closer than the policy's spacing. Scheduling inside the window is allowed only after the
//! user confirms; this module finds the conflict to warn about.

use super::policy::Policy;
use super::{CustomerId, Dataset, Instant, Interview, InterviewId, InterviewStatus};

/// When an interview is due after a deliverable delivered at `delivered`: within
/// `cadence.after_deliverable_days`, but never inside the feedback calendar's spacing after the
/// customer's last completed interview (`last`).
pub fn after_deliverable_due(
    delivered: Instant,
    last: Option<Instant>,
    policy: &Policy,
) -> Instant {
    let due = super::time_math::later(
        delivered,
        Policy::days(policy.cadence.after_deliverable_days),
    );
    match last {
        Some(last) => due.max(super::time_math::later(
            last,
            Policy::days(policy.cadence.spacing_days),
        )),
        None => due,
    }
}

/// The nearest other feedback request within the spacing window of `at`, if any.
pub fn spacing_conflict<'a>(
    data: &'a Dataset,
    customer: CustomerId,
    at: Instant,
    policy: &Policy,
) -> Option<&'a Interview> {
    spacing_conflict_besides(data, customer, at, policy, None)
}

/// [`spacing_conflict`] leaving out the interview `moving` (a booking moved to another time
/// does not conflict with itself).
pub fn spacing_conflict_besides<'a>(
    data: &'a Dataset,
    customer: CustomerId,
    at: Instant,
    policy: &Policy,
    moving: Option<InterviewId>,
) -> Option<&'a Interview> {
    let window = Policy::days(policy.cadence.spacing_days);
    data.interviews
        .iter()
        .filter(|i| i.customer == customer && i.status != InterviewStatus::Cancelled)
        .filter(|i| Some(i.id) != moving)
        .filter(|i| {
            let when = i.completed_at.unwrap_or(i.scheduled_at);
            (when - at).abs() < window
        })
        .min_by_key(|i| (i.completed_at.unwrap_or(i.scheduled_at) - at).abs())
}
