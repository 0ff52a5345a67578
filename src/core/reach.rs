//! How far a saved change reaches: which customers' queue items, risk and list rows it can
//! change. The dashboard recomputes only those after a save (a change touches the items of its
//! own records, not a rebuild); a change whose effect crosses customers reaches everything.
//!
//! | change | reaches |
//! |---|---|
//! | a staff member | everything: who counts as senior management on every follow-up |
//! | a new customer | everything: the first round's cohorts, the customer list's order |
//! | a customer's name, size, tier, creation time or archived flag | everything: the same |
//! | any other field of a customer (owners, lifecycle, contacts, ...) | that customer |
//! | an interview, follow-up, action, deliverable, request or monitor event | its customer, and the one it had before |
//! | an interview | also the customers of its follow-ups (their items name its questions) |
//! | a new interview, follow-up, action or request with an id below one already held | everything: the panes' lists hold positions, which such an insert moves |
//! | a snooze | the customer of the item it hides (everything when that record is not held) |
//! | a timeline event, a draft, a draft's removal | nobody |
//!
//! The claim behind the table, that every per-customer result (queue items, risk, the customer
//! row) depends only on that customer's records, the staff and the policy, is what the
//! property test `app_incremental` checks: after any random save, the dashboard's state equals
//! a full recompute.

use super::ids::IdHasher;
use super::queue::{Subject, parse_item_key};
use super::{Change, ChangeSet, Customer, CustomerId, Dataset};
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

/// A set of customer ids, hashed with [`IdHasher`].
pub type CustomerSet = HashSet<CustomerId, BuildHasherDefault<IdHasher>>;

/// Which customers a computation covers.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    /// Every customer.
    All,
    /// Only these.
    Only(&'a CustomerSet),
}

impl<'s> Scope<'s> {
    /// Whether the computation covers customer `id`.
    pub fn covers(self, id: CustomerId) -> bool {
        match self {
            Scope::All => true,
            Scope::Only(set) => set.contains(&id),
        }
    }

    /// The customers of `data` in scope (in id order for [`Scope::All`], else in no set order),
    /// each found by binary search when only a few are.
    pub fn customers<'d>(
        self,
        data: &'d Dataset,
    ) -> impl Iterator<Item = &'d Customer> + use<'d, 's> {
        let (all, few) = match self {
            Scope::All => (Some(data.customers.iter()), None),
            Scope::Only(set) => (None, Some(set.iter().filter_map(|&id| data.customer(id)))),
        };
        all.into_iter().flatten().chain(few.into_iter().flatten())
    }
}

/// What a change set can change in the dashboard's derived state.
#[derive(Clone, Debug, PartialEq)]
pub enum Reach {
    /// Anything: recompute it all.
    Everything,
    /// Only what belongs to these customers (possibly none).
    Customers(CustomerSet),
}

/// How far `changes` reach, read against `before`, the data they are about to be applied to.
pub fn reach(before: &Dataset, changes: &ChangeSet) -> Reach {
    let mut touched = CustomerSet::default();
    for change in &changes.changes {
        let ok = match change {
            Change::Staff(_) => false,
            Change::Customer(c) => match before.customer(c.id) {
                Some(old) => {
                    let same_place = old.name == c.name
                        && old.size == c.size
                        && old.tier == c.tier
                        && old.created_at == c.created_at
                        && old.archived == c.archived;
                    touched.insert(c.id);
                    same_place
                }
                None => false,
            },
            Change::Interview(i) => {
                touched.insert(i.customer);
                touched.extend(
                    before
                        .followups
                        .iter()
                        .filter(|f| f.interview == i.id)
                        .map(|f| f.customer),
                );
                record(
                    &before.interviews,
                    i.id,
                    |r| (r.id, r.customer),
                    &mut touched,
                )
            }
            Change::FollowUp(f) => {
                touched.insert(f.customer);
                record(
                    &before.followups,
                    f.id,
                    |r| (r.id, r.customer),
                    &mut touched,
                )
            }
            Change::Action(a) => {
                touched.insert(a.customer);
                record(&before.actions, a.id, |r| (r.id, r.customer), &mut touched)
            }
            Change::Deliverable(d) => {
                touched.insert(d.customer);
                if let Some(old) = before.deliverables.iter().find(|o| o.id == d.id) {
                    touched.insert(old.customer);
                }
                true
            }
            Change::Snooze(s) => match parse_item_key(&s.item_key).map(|(_, subject)| subject) {
                Some(subject) => customer_of(before, subject)
                    .map(|id| touched.insert(id))
                    .is_some(),
                None => true, // a key no item has hides nothing
            },
            // CRM values are read by the next CRM import only, never by the derived state.
            Change::Event(_)
            | Change::Draft(_)
            | Change::DiscardDraft(_)
            | Change::CrmFields(_) => true,
            Change::Monitor(m) => {
                touched.insert(m.customer);
                if let Some(old) = before.monitors.iter().find(|o| o.id == m.id) {
                    touched.insert(old.customer);
                }
                true
            }
            Change::Request(r) => {
                touched.insert(r.customer);
                record(&before.requests, r.id, |x| (x.id, x.customer), &mut touched)
            }
        };
        if !ok {
            return Reach::Everything;
        }
    }
    Reach::Customers(touched)
}

/// Adds the customer a record had before to `touched`; false when the record is new with an id
/// below the highest held (the insert would move the positions of those after it).
fn record<T, K: Ord + Copy>(
    list: &[T],
    id: K,
    key: impl Fn(&T) -> (K, CustomerId),
    touched: &mut CustomerSet,
) -> bool {
    match list.binary_search_by(|r| key(r).0.cmp(&id)) {
        Ok(at) => {
            if let Some(old) = list.get(at) {
                touched.insert(key(old).1);
            }
            true
        }
        Err(at) => at == list.len(),
    }
}

/// The customer of the record a queue item is about, if `data` holds it.
fn customer_of(data: &Dataset, subject: Subject) -> Option<CustomerId> {
    match subject {
        Subject::Customer(id) => data.customer(id).map(|c| c.id),
        Subject::Interview(id) => data.interview(id).map(|i| i.customer),
        Subject::FollowUp(id) => data
            .followups
            .binary_search_by_key(&id, |f| f.id)
            .ok()
            .and_then(|at| data.followups.get(at))
            .map(|f| f.customer),
        Subject::Action(id) => data
            .actions
            .binary_search_by_key(&id, |a| a.id)
            .ok()
            .and_then(|at| data.actions.get(at))
            .map(|a| a.customer),
        Subject::Request(id) => data
            .requests
            .binary_search_by_key(&id, |r| r.id)
            .ok()
            .and_then(|at| data.requests.get(at))
            .map(|r| r.customer),
    }
}

#[cfg(test)]
mod tests;
