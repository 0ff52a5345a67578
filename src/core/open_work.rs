//! Open work and the digest of history: what the queue needs, without reading every record
//! ever written.
//!
//! A programme that runs for years piles up completed interviews, closed follow-ups and
//! followed-up actions; the queue reads almost none of them. The store keeps, in the same
//! transaction as each change, an index of the records that are still open and one
//! [`Digest`] per customer of what the rules need from the rest (when its last interview was
//! completed). [`open_part`] says, as a pure function of the whole history, what a load of
//! open work returns; the store's derived state must always give exactly that, which `hearback
//! check` verifies and the property tests prove for the queue.
//!
//! Why the predicates ignore the policy and the clock: the derived state is written at save
//! time, and a policy edited later (or time passing) must never leave it stale. So a record
//! counts as open while anything could still be owed on it under any policy: a booked
//! interview, a completed one with a step of the closed loop not recorded, a follow-up not
//! closed, an action not followed up with the customer.

use super::queue::is_conversation;
use super::{
    ActionItem, ActionState, CustomerId, Dataset, FollowUp, FollowUpState, Instant, Interview,
    InterviewStatus,
};
use serde::{Deserialize, Serialize};

/// What the rules need from one customer's history of interviews.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Digest {
    /// The customer.
    pub customer: CustomerId,
    /// When its latest completed interview was completed (its booking time when the record
    /// lacks a completion time, as the rules read it). `None`: never interviewed.
    #[serde(with = "super::ms::opt")]
    pub last_completed: Option<Instant>,
}

/// Whether an interview is open work: booked, under way, or completed with a step still owed
/// (the thank-you, or for a conversation the debrief, the report, sharing the results, or
/// informing the executives of a significant issue).
pub fn interview_is_open(i: &Interview) -> bool {
    match i.status {
        InterviewStatus::Scheduled | InterviewStatus::InProgress => true,
        InterviewStatus::Cancelled => false,
        InterviewStatus::Completed => {
            i.acknowledged_at.is_none()
                || (is_conversation(&i.trigger)
                    && (i.debriefed_at.is_none()
                        || (i.significant_issue && i.executives_informed_at.is_none())
                        || i.reported_at.is_none()
                        || i.disseminated_at.is_none()))
        }
    }
}

/// Whether a follow-up is open work: not closed.
pub fn followup_is_open(f: &FollowUp) -> bool {
    f.state != FollowUpState::Closed
}

/// Whether an action is open work: to do, doing, or done but not yet followed up with the
/// customer.
pub fn action_is_open(a: &ActionItem) -> bool {
    a.state != ActionState::FollowedUp
}

/// The digest of one customer's interviews; `None` when none is completed (a customer with no
/// digest was never interviewed).
pub fn digest<'a>(
    customer: CustomerId,
    interviews: impl IntoIterator<Item = &'a Interview>,
) -> Option<Digest> {
    let last_completed = interviews
        .into_iter()
        .filter(|i| i.customer == customer && i.is_completed())
        .map(|i| i.completed_at.unwrap_or(i.scheduled_at))
        .max()?;
    Some(Digest {
        customer,
        last_completed: Some(last_completed),
    })
}

/// The digests of every customer with a completed interview, in customer id order, from the
/// whole history.
pub fn digests(interviews: &[Interview]) -> Vec<Digest> {
    let mut by_customer: std::collections::BTreeMap<CustomerId, Vec<&Interview>> =
        std::collections::BTreeMap::new();
    for i in interviews.iter().filter(|i| i.is_completed()) {
        by_customer.entry(i.customer).or_default().push(i);
    }
    by_customer
        .into_iter()
        .filter_map(|(customer, list)| digest(customer, list))
        .collect()
}

/// What a load of open work returns, from the whole history `full`: every customer, person,
/// deliverable and snooze; the open interviews, follow-ups and actions, plus the interview of
/// each open follow-up (its lowest questions are named on the queue); and the digests.
pub fn open_part(full: &Dataset) -> Dataset {
    let followups: Vec<FollowUp> = full
        .followups
        .iter()
        .filter(|f| followup_is_open(f))
        .cloned()
        .collect();
    let of_followups: std::collections::BTreeSet<_> =
        followups.iter().map(|f| f.interview).collect();
    let interviews: Vec<Interview> = full
        .interviews
        .iter()
        .filter(|i| interview_is_open(i) || of_followups.contains(&i.id))
        .cloned()
        .collect();
    Dataset {
        staff: full.staff.clone(),
        customers: full.customers.clone(),
        interviews,
        followups,
        actions: full
            .actions
            .iter()
            .filter(|a| action_is_open(a))
            .cloned()
            .collect(),
        deliverables: full.deliverables.clone(),
        snoozes: full.snoozes.clone(),
        digests: Some(match &full.digests {
            Some(d) => d.clone(),
            None => digests(&full.interviews),
        }),
    }
}
