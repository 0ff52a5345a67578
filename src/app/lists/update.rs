//! The panes' lists after a save that touched a few customers: their rows, their records and
//! the changed records' places in the booked list and on the board, instead of a rebuild.
//!
//! Positions stay valid because [`crate::core::reach::reach`] sends any save that would move
//! them (a new record below the highest id) or move a customer in the list (a new customer, a
//! changed name, size or archived flag) to the full [`Lists::build`].

use super::{CustomerEntry, Lists};
use crate::app::panes::card_order;
use crate::core::dataset::by_size_desc;
use crate::core::lateness::action_due;
use crate::core::queue::{Item, action_is_open};
use crate::core::reach::{CustomerSet, Scope};
use crate::core::summary::customer_summaries_of;
use crate::core::{ActionItem, Change, ChangeSet, CustomerId, Dataset, FollowUpState};
use crate::core::{ActionState, InterviewStatus};
use std::sync::Arc;

/// The actions a change set changes, as they were before it (`None`: new), one per id.
#[derive(Debug, Default)]
pub(in crate::app) struct Before {
    actions: Vec<(crate::core::ActionId, Option<ActionItem>)>,
}

impl Before {
    /// Reads what `changes` will replace, from `data` before they are applied.
    pub fn of(data: &Dataset, changes: &ChangeSet) -> Before {
        let mut actions: Vec<(crate::core::ActionId, Option<ActionItem>)> = Vec::new();
        for change in &changes.changes {
            if let Change::Action(a) = change
                && !actions.iter().any(|(id, _)| *id == a.id)
            {
                let old = data
                    .actions
                    .binary_search_by_key(&a.id, |x| x.id)
                    .ok()
                    .and_then(|at| data.actions.get(at))
                    .cloned();
                actions.push((a.id, old));
            }
        }
        Before { actions }
    }
}

/// Where a record with this id is in a list in id order.
fn position<T, K: Ord + Copy>(list: &[T], id: K, key: impl Fn(&T) -> K) -> Option<usize> {
    list.binary_search_by_key(&id, key).ok()
}

impl Lists {
    /// Brings the lists up to date with `data` (already changed by `changes`) and the queue
    /// `items`, for the customers in `touched`: what [`Lists::build`] would give.
    pub fn update(
        &mut self,
        data: &Dataset,
        items: &[Item],
        touched: &CustomerSet,
        changes: &ChangeSet,
        before: &Before,
    ) {
        let mut interviews = Vec::new();
        let mut followups = Vec::new();
        let mut actions = Vec::new();
        for change in &changes.changes {
            match change {
                Change::Interview(r) => {
                    interviews.extend(position(&data.interviews, r.id, |x| x.id))
                }
                Change::FollowUp(r) => followups.extend(position(&data.followups, r.id, |x| x.id)),
                Change::Action(r) => actions.extend(position(&data.actions, r.id, |x| x.id)),
                _ => {}
            }
        }
        for list in [&mut interviews, &mut followups, &mut actions] {
            list.sort_unstable();
            list.dedup();
        }
        self.records(data, touched, &interviews, &followups, &actions);
        self.rows(data, items, touched);
        if !interviews.is_empty() {
            self.booked(data, &interviews);
        }
        if !actions.is_empty() {
            self.board(data, &actions, before);
        }
    }

    /// Each touched customer's records: those it had that are still its own, and the changed
    /// ones that are now.
    fn records(
        &mut self,
        data: &Dataset,
        touched: &CustomerSet,
        interviews: &[usize],
        followups: &[usize],
        actions: &[usize],
    ) {
        for &customer in touched {
            let mut r = self.by_customer.remove(&customer).unwrap_or_default();
            let mine = |of: Option<CustomerId>| of == Some(customer);
            r.interviews.extend(interviews);
            r.interviews
                .retain(|at| mine(data.interviews.get(*at).map(|i| i.customer)));
            r.interviews.sort_unstable_by_key(|&at| {
                data.interviews.get(at).map(|i| (i.scheduled_at, i.id))
            });
            r.interviews.dedup();
            r.followups.extend(followups);
            r.followups
                .retain(|at| mine(data.followups.get(*at).map(|f| f.customer)));
            r.followups.sort_unstable();
            r.followups.dedup();
            r.actions.extend(actions);
            r.actions
                .retain(|at| mine(data.actions.get(*at).map(|a| a.customer)));
            r.actions.sort_unstable();
            r.actions.dedup();
            if !(r.interviews.is_empty() && r.followups.is_empty() && r.actions.is_empty()) {
                self.by_customer.insert(customer, r);
            }
        }
    }

    /// The touched customers' rows in the customer list. Their places in it do not move (the
    /// save changed nothing the order reads), so each row is a binary search away.
    fn rows(&mut self, data: &Dataset, items: &[Item], touched: &CustomerSet) {
        for s in customer_summaries_of(data, items, Scope::Only(touched)) {
            let found = self.customers.binary_search_by(|row| {
                data.customers
                    .get(row.customer)
                    .map_or(std::cmp::Ordering::Less, |c| by_size_desc(c, s.customer))
            });
            let Some(row) = found.ok().and_then(|at| self.customers.get_mut(at)) else {
                continue;
            };
            let open_followups = self.by_customer.get(&s.customer.id).map_or(0, |r| {
                r.followups
                    .iter()
                    .filter_map(|&at| data.followups.get(at))
                    .filter(|f| f.state != FollowUpState::Closed)
                    .count()
            });
            *row = CustomerEntry {
                customer: row.customer,
                last: s.last_completed,
                next: s.next,
                open_followups,
                trend: s.trend,
            };
        }
    }

    /// The booked interviews, with the changed ones taken out and put back where they belong.
    fn booked(&mut self, data: &Dataset, changed: &[usize]) {
        self.booked.retain(|at| !changed.contains(at));
        for &at in changed {
            if data.interviews.get(at).is_some_and(|i| {
                matches!(
                    i.status,
                    InterviewStatus::Scheduled | InterviewStatus::InProgress
                )
            }) {
                self.booked.push(at);
            }
        }
        self.booked.sort_by_key(|&at| {
            data.interviews.get(at).map(|i| {
                (
                    i.status != InterviewStatus::InProgress,
                    i.scheduled_at,
                    i.id,
                )
            })
        });
    }

    /// The board's columns and the open cards' due times, with the changed cards moved.
    fn board(&mut self, data: &Dataset, changed: &[usize], before: &Before) {
        for (col, state) in ActionState::ALL.iter().enumerate() {
            let Some(column) = self.columns.get_mut(col) else {
                continue;
            };
            let mut cards: Vec<usize> = column
                .iter()
                .copied()
                .filter(|at| !changed.contains(at))
                .collect();
            for &at in changed {
                let Some(a) = data.actions.get(at).filter(|a| a.state == *state) else {
                    continue;
                };
                let key = card_order(a);
                let place = cards
                    .partition_point(|&other| data.actions.get(other).map(card_order) < Some(key));
                cards.insert(place, at);
            }
            *column = Arc::from(cards);
        }
        for (id, old) in &before.actions {
            if let Some(old) = old.as_ref().filter(|a| action_is_open(a.state)) {
                let due = action_due(old);
                if let Ok(at) = self.open_due.binary_search(&due) {
                    self.open_due.remove(at);
                }
            }
            let now = position(&data.actions, *id, |x| x.id).and_then(|at| data.actions.get(at));
            if let Some(new) = now.filter(|a| action_is_open(a.state)) {
                let due = action_due(new);
                let at = self.open_due.partition_point(|&d| d < due);
                self.open_due.insert(at, due);
            }
        }
    }
}
