//! One line per customer for lists: size order, last interview, next interview due.
//!
//! Built in one pass over the interviews (grouped by customer), so the list stays linear in the
//! size of the data. When an unbooked interview is due comes from the queue's
//! `schedule_interview` item (cadence per tier, deliverables), so the list and the queue can
//! never disagree.

use super::dataset::by_size_desc;
use super::open_work::{Brief, Seen, current_digests_of};
use super::queue::{Item, ItemKind};
use super::reach::Scope;
use super::{Customer, CustomerId, Dataset, Instant, InterviewStatus};
use std::collections::HashMap;

/// When the customer's next feedback interview is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextInterview {
    /// Booked for this time.
    Scheduled(Instant),
    /// Not booked; due by this time (the queue's scheduling item).
    DueBy(Instant),
    /// Never interviewed: due now.
    Never,
    /// Not planned: the customer is lost.
    NotPlanned,
}

impl NextInterview {
    /// The instant to sort or show by; `None` for never interviewed (due at once).
    pub fn at(self) -> Option<Instant> {
        match self {
            NextInterview::Scheduled(t) | NextInterview::DueBy(t) => Some(t),
            NextInterview::Never | NextInterview::NotPlanned => None,
        }
    }
}

/// A customer with what lists show about it.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomerSummary<'a> {
    /// The customer.
    pub customer: &'a Customer,
    /// The latest completed interview, if any.
    pub last_completed: Option<Brief>,
    /// The averages of its latest scored interviews, oldest first (see [`Digest::trend`](super::open_work::Digest::trend)).
    pub trend: Vec<f64>,
    /// The next interview.
    pub next: NextInterview,
}

/// Summaries of all non-archived customers, largest first. `items` is the queue at `now`.
pub fn customer_summaries<'a>(data: &'a Dataset, items: &[Item]) -> Vec<CustomerSummary<'a>> {
    customer_summaries_of(data, items, Scope::All)
}

/// [`customer_summaries`] of the customers in `scope` only (`items` may hold anyone's).
pub fn customer_summaries_of<'a>(
    data: &'a Dataset,
    items: &[Item],
    scope: Scope<'_>,
) -> Vec<CustomerSummary<'a>> {
    let due: HashMap<CustomerId, Instant> = items
        .iter()
        .filter(|i| i.kind == ItemKind::ScheduleInterview && scope.covers(i.customer))
        .map(|i| (i.customer, i.due))
        .collect();
    let mut digests = current_digests_of(data, scope);
    let mut booked: HashMap<CustomerId, Instant> = HashMap::new();
    for interview in data.interviews.iter().filter(|i| {
        matches!(
            i.status,
            InterviewStatus::Scheduled | InterviewStatus::InProgress
        ) && scope.covers(i.customer)
    }) {
        let at = interview.scheduled_at;
        booked
            .entry(interview.customer)
            .and_modify(|t| *t = (*t).min(at))
            .or_insert(at);
    }
    let mut list: Vec<&Customer> = scope.customers(data).filter(|c| !c.archived).collect();
    list.sort_by(|a, b| by_size_desc(a, b));
    list.into_iter()
        .map(|customer| {
            let digest = digests.remove(&customer.id);
            let last_completed = digest.as_ref().and_then(|d| d.last()).map(Seen::brief);
            let next = match (
                booked.get(&customer.id),
                &last_completed,
                due.get(&customer.id),
            ) {
                _ if !customer.is_current() => NextInterview::NotPlanned,
                (Some(&t), _, _) => NextInterview::Scheduled(t),
                (None, None, _) => NextInterview::Never,
                (None, Some(_), Some(&t)) => NextInterview::DueBy(t),
                // The queue owes nothing for it (cannot happen for a current customer).
                (None, Some(_), None) => NextInterview::NotPlanned,
            };
            CustomerSummary {
                customer,
                trend: digest.as_ref().map(|d| d.trend()).unwrap_or_default(),
                last_completed,
                next,
            }
        })
        .collect()
}

/// When an interview took place: its completion, else its booking.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::business_time::WorkWeek;
    use crate::core::policy::Policy;
    use crate::core::queue::queue;
    use crate::core::{CustomerId, Interview, InterviewId, Lifecycle, Money, Trigger};
    use chrono::{TimeZone, Utc};

    fn t(m: u32, d: u32) -> Instant {
        Utc.with_ymd_and_hms(2026, m, d, 9, 0, 0)
            .single()
            .expect("valid date")
    }

    fn customer(id: u64, name: &str, minor: i64) -> Customer {
        Customer::new(CustomerId(id), name, Money::new(minor, "USD"), t(1, 1))
    }

    fn interview(id: u64, customer: u64, at: Instant, status: InterviewStatus) -> Interview {
        Interview {
            status,
            completed_at: (status == InterviewStatus::Completed).then_some(at),
            ..Interview::booked(InterviewId(id), CustomerId(customer), Trigger::Cadence, at)
        }
    }

    #[test]
    fn largest_first_with_last_and_next_interview() {
        let mut archived = customer(4, "Gone", 9_000_000);
        archived.archived = true;
        let data = Dataset {
            customers: vec![
                customer(1, "Small", 100),
                customer(2, "Big", 5_000),
                customer(3, "Mid", 1_000),
                archived,
            ],
            interviews: vec![
                interview(10, 2, t(1, 10), InterviewStatus::Completed),
                interview(11, 2, t(3, 10), InterviewStatus::Completed),
                interview(12, 3, t(2, 1), InterviewStatus::Completed),
                interview(13, 3, t(9, 1), InterviewStatus::Scheduled),
                interview(14, 3, t(8, 1), InterviewStatus::Scheduled),
                interview(15, 1, t(5, 1), InterviewStatus::Cancelled),
            ],
            ..Dataset::default()
        };
        let items = queue(&data, &Policy::default(), &WorkWeek::default(), t(10, 1));
        let list = customer_summaries(&data, &items);
        let names: Vec<&str> = list.iter().map(|s| s.customer.name.as_str()).collect();
        assert_eq!(names, ["Big", "Mid", "Small"]);
        assert_eq!(
            list[0].last_completed.as_ref().map(|i| i.id),
            Some(InterviewId(11))
        );
        assert_eq!(list[0].next, NextInterview::DueBy(t(9, 10)));
        assert_eq!(list[1].next, NextInterview::Scheduled(t(8, 1)));
        assert_eq!(list[2].next, NextInterview::Never);
        assert_eq!(list[2].last_completed, None);
    }

    #[test]
    fn lost_customers_have_no_next_interview() {
        let mut lost = customer(1, "Gone Co", 100);
        lost.lifecycle = Lifecycle::Lost {
            reason: "price".into(),
            at: t(2, 1),
        };
        let data = Dataset {
            customers: vec![lost],
            interviews: vec![interview(10, 1, t(1, 10), InterviewStatus::Completed)],
            ..Dataset::default()
        };
        assert_eq!(
            customer_summaries(
                &data,
                &queue(&data, &Policy::default(), &WorkWeek::default(), t(10, 1))
            )[0]
            .next,
            NextInterview::NotPlanned
        );
    }
}
