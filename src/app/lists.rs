//! Where in the data the panes' lists are, worked out once per data change.
//!
//! A large programme (10,000 customers, 100,000 interviews, 50,000 actions) is far too big to
//! summarise, filter and sort on every frame; [`Lists::build`] runs in `App::recompute`, after
//! every change of the data, and the panes read positions from here. Positions are looked up
//! with `get`, so a list that is ever out of step shows a shorter list, never a panic.

mod update;

pub(super) use update::Before;

use super::App;
use super::panes::action_column;
use crate::core::Instant;
use crate::core::open_work::Brief;
use crate::core::queue::{Item, action_is_open};
use crate::core::summary::{NextInterview, customer_summaries};
use crate::core::{
    ActionItem, CustomerId, Dataset, FollowUp, FollowUpState, Interview, InterviewStatus,
};
use std::collections::HashMap;
use std::sync::Arc;

/// One customer of the list, by position in `Dataset::customers`.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct CustomerEntry {
    /// Position of the customer.
    pub customer: usize,
    /// Its latest completed interview.
    pub last: Option<Brief>,
    /// Its next interview.
    pub next: NextInterview,
    /// How many of its follow-ups are open.
    pub open_followups: usize,
    /// The averages of its last few completed interviews, oldest first.
    pub trend: Vec<f64>,
}

/// One customer's records, by position in the dataset's lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Records {
    /// Interviews, oldest first by scheduled time.
    pub interviews: Vec<usize>,
    /// Follow-ups, in id order.
    pub followups: Vec<usize>,
    /// Action items, in id order.
    pub actions: Vec<usize>,
}

/// The positions of what the panes list.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Lists {
    /// Each customer's records, for the detail view and the form's pre-brief.
    pub by_customer: HashMap<CustomerId, Records>,
    /// Non-archived customers, largest first.
    pub customers: Vec<CustomerEntry>,
    /// Booked interviews: in progress first, then soonest.
    pub booked: Vec<usize>,
    /// The cards of each board column, in card order.
    pub columns: [Arc<[usize]>; 4],
    /// The due times of the cards still to do or doing, earliest first: how many are overdue
    /// at any moment is a binary search, not a scan of every card on every frame.
    pub open_due: Vec<Instant>,
}

impl Lists {
    /// The lists of `data` with the queue `items`.
    pub fn build(data: &Dataset, items: &[Item]) -> Lists {
        let mut open: HashMap<CustomerId, usize> = HashMap::new();
        for f in data
            .followups
            .iter()
            .filter(|f| f.state != FollowUpState::Closed)
        {
            *open.entry(f.customer).or_default() += 1;
        }
        // Lists in a Dataset are in id order, so a position is a binary search away.
        let customer_at = |id| data.customers.binary_search_by_key(&id, |c| c.id).ok();
        let customers = customer_summaries(data, items)
            .into_iter()
            .filter_map(|s| {
                Some(CustomerEntry {
                    customer: customer_at(s.customer.id)?,
                    last: s.last_completed,
                    next: s.next,
                    open_followups: open.get(&s.customer.id).copied().unwrap_or(0),
                    trend: s.trend,
                })
            })
            .collect();
        let mut booked: Vec<usize> = data
            .interviews
            .iter()
            .enumerate()
            .filter(|(_, i)| {
                matches!(
                    i.status,
                    InterviewStatus::Scheduled | InterviewStatus::InProgress
                )
            })
            .map(|(at, _)| at)
            .collect();
        booked.sort_by_key(|&at| {
            let i = &data.interviews[at];
            (
                i.status != InterviewStatus::InProgress,
                i.scheduled_at,
                i.id,
            )
        });
        let action_at = |id| data.actions.binary_search_by_key(&id, |a| a.id).ok();
        let columns = [0, 1, 2, 3].map(|col| {
            action_column(data, col)
                .into_iter()
                .filter_map(|a| action_at(a.id))
                .collect()
        });
        let mut open_due: Vec<Instant> = data
            .actions
            .iter()
            .filter(|a| action_is_open(a.state))
            .map(crate::core::lateness::action_due)
            .collect();
        open_due.sort_unstable();
        let mut by_customer: HashMap<CustomerId, Records> = HashMap::new();
        for (at, i) in data.interviews.iter().enumerate() {
            by_customer
                .entry(i.customer)
                .or_default()
                .interviews
                .push(at);
        }
        for (at, f) in data.followups.iter().enumerate() {
            by_customer
                .entry(f.customer)
                .or_default()
                .followups
                .push(at);
        }
        for (at, a) in data.actions.iter().enumerate() {
            by_customer.entry(a.customer).or_default().actions.push(at);
        }
        for r in by_customer.values_mut() {
            r.interviews.sort_by_key(|&at| {
                let i = &data.interviews[at];
                (i.scheduled_at, i.id)
            });
        }
        Lists {
            by_customer,
            customers,
            booked,
            columns,
            open_due,
        }
    }
}

impl App {
    /// A customer's interviews, oldest first by scheduled time (as `Dataset::interviews_of`,
    /// from the index instead of a scan).
    pub fn interviews_of(&self, id: CustomerId) -> Vec<&Interview> {
        self.lists.by_customer.get(&id).map_or_else(Vec::new, |r| {
            r.interviews
                .iter()
                .filter_map(|&at| self.data.interviews.get(at))
                .collect()
        })
    }

    /// A customer's follow-ups, in id order.
    pub fn followups_of(&self, id: CustomerId) -> Vec<&FollowUp> {
        self.lists.by_customer.get(&id).map_or_else(Vec::new, |r| {
            r.followups
                .iter()
                .filter_map(|&at| self.data.followups.get(at))
                .collect()
        })
    }

    /// A customer's action items, in id order.
    pub fn actions_of(&self, id: CustomerId) -> Vec<&ActionItem> {
        self.lists.by_customer.get(&id).map_or_else(Vec::new, |r| {
            r.actions
                .iter()
                .filter_map(|&at| self.data.actions.get(at))
                .collect()
        })
    }
}
