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
use super::reach::Scope;
use super::{
    ActionItem, ActionState, CustomerId, Dataset, FollowUp, FollowUpState, Interview,
    InterviewStatus,
};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

mod digest;
pub use digest::{Brief, Digest, RECENT, Seen, TREND, average};

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
    let mut d = Digest::new(customer);
    interviews.into_iter().for_each(|i| d.offer(i));
    (!d.kept.is_empty()).then_some(d)
}

/// The digests of every customer with a completed interview, in customer id order, from the
/// whole history.
pub fn digests(interviews: &[Interview]) -> Vec<Digest> {
    let mut by_customer: BTreeMap<CustomerId, Digest> = BTreeMap::new();
    for i in interviews.iter().filter(|i| i.is_completed()) {
        by_customer
            .entry(i.customer)
            .or_insert_with(|| Digest::new(i.customer))
            .offer(i);
    }
    by_customer.into_values().collect()
}

/// Every customer's digest as `data` stands: the digests it was loaded with (none when it
/// holds the whole history) brought up to date with the interviews it holds, which are newer
/// than the digests' copies (a loaded copy replaces the digest's). Exact when every interview
/// changed since the digests were read is in `data`, which holds for the dashboard: its own
/// saves apply to `data`, and a change from outside reloads both.
///
/// A stored digest is borrowed unless an interview in `data` changes it: the dashboard
/// recomputes after every save, and copying ten thousand digests each time was most of that
/// cost.
pub fn current_digests(data: &Dataset) -> HashMap<CustomerId, Cow<'_, Digest>> {
    current_digests_of(data, Scope::All)
}

/// [`current_digests`] of the customers in `scope` only.
pub fn current_digests_of<'a>(
    data: &'a Dataset,
    scope: Scope<'_>,
) -> HashMap<CustomerId, Cow<'a, Digest>> {
    let mut out: HashMap<CustomerId, Cow<'_, Digest>> = HashMap::new();
    if let Some(stored) = &data.digests {
        match scope {
            Scope::All => {
                out.reserve(stored.len());
                out.extend(stored.iter().map(|d| (d.customer, Cow::Borrowed(d))));
            }
            // Digests are in customer id order: a few are a binary search each.
            Scope::Only(set) => out.extend(set.iter().filter_map(|&id| {
                let at = stored.binary_search_by_key(&id, |d| d.customer).ok()?;
                stored.get(at).map(|d| (id, Cow::Borrowed(d)))
            })),
        }
        // A copy that changed since the digest was read leaves it first, so the offers below
        // compare against the rest.
        for i in data.interviews.iter().filter(|i| scope.covers(i.customer)) {
            if let Some(d) = out.get_mut(&i.customer)
                && d.kept.iter().any(|s| s.id == i.id)
                && !d.holds(i)
            {
                d.to_mut().forget(i.id);
            }
        }
    }
    for i in data
        .interviews
        .iter()
        .filter(|i| i.is_completed() && scope.covers(i.customer))
    {
        let d = out
            .entry(i.customer)
            .or_insert_with(|| Cow::Owned(Digest::new(i.customer)));
        if !d.holds(i) && d.wants(i) {
            d.to_mut().offer(i);
        }
    }
    out.retain(|_, d| !d.kept.is_empty());
    out
}

/// What a load of open work returns, from the whole history `full`: every customer, person,
/// deliverable, snooze and monitor event (their windows move with the clock, which the
/// derived state must not depend on); the open interviews, follow-ups, actions and requests,
/// plus the interview of each open follow-up (its lowest questions are named on the queue); and
/// the digests.
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
        highest_id: full
            .interviews
            .iter()
            .map(|i| i.id.0)
            .chain(full.followups.iter().map(|f| f.id.0))
            .chain(full.actions.iter().map(|a| a.id.0))
            .chain(full.requests.iter().map(|r| r.id.0))
            .chain([full.highest_id])
            .max()
            .unwrap_or(0),
        crm_fields: full.crm_fields.clone(),
        monitors: full.monitors.clone(),
        requests: full
            .requests
            .iter()
            .filter(|r| r.is_open())
            .cloned()
            .collect(),
    }
}
