//! One line per customer for lists: size order, last interview, next interview due.
//!
//! Built in one pass over the interviews (grouped by customer), so the list stays linear in the
//! size of the data.

use super::dataset::by_size_desc;
use super::{Customer, CustomerId, Dataset, Instant, Interview, InterviewStatus};
use chrono::Months;
use std::collections::HashMap;

/// When the customer's next feedback interview is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextInterview {
    /// Booked for this time.
    Scheduled(Instant),
    /// Not booked; due by this time (last interview plus the cadence).
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
    pub last_completed: Option<&'a Interview>,
    /// The next interview.
    pub next: NextInterview,
}

/// Summaries of all non-archived customers, largest first. `cadence_months` is the interval
/// between interviews (six by default, set by policy).
pub fn customer_summaries(data: &Dataset, cadence_months: u32) -> Vec<CustomerSummary<'_>> {
    let mut last: HashMap<CustomerId, &Interview> = HashMap::new();
    let mut booked: HashMap<CustomerId, Instant> = HashMap::new();
    for interview in &data.interviews {
        match interview.status {
            InterviewStatus::Completed => {
                let when = completed_or_scheduled(interview);
                let entry = last.entry(interview.customer).or_insert(interview);
                if when > completed_or_scheduled(entry) {
                    *entry = interview;
                }
            }
            InterviewStatus::Scheduled | InterviewStatus::InProgress => {
                let at = interview.scheduled_at;
                booked
                    .entry(interview.customer)
                    .and_modify(|t| *t = (*t).min(at))
                    .or_insert(at);
            }
            InterviewStatus::Cancelled => {}
        }
    }
    let mut list: Vec<&Customer> = data.customers.iter().filter(|c| !c.archived).collect();
    list.sort_by(|a, b| by_size_desc(a, b));
    list.into_iter()
        .map(|customer| {
            let last_completed = last.get(&customer.id).copied();
            let next = match (booked.get(&customer.id), last_completed) {
                _ if !customer.is_current() => NextInterview::NotPlanned,
                (Some(&t), _) => NextInterview::Scheduled(t),
                (None, Some(i)) => {
                    let from = completed_or_scheduled(i);
                    NextInterview::DueBy(
                        from.checked_add_months(Months::new(cadence_months))
                            .unwrap_or(from),
                    )
                }
                (None, None) => NextInterview::Never,
            };
            CustomerSummary {
                customer,
                last_completed,
                next,
            }
        })
        .collect()
}

fn completed_or_scheduled(i: &Interview) -> Instant {
    i.completed_at.unwrap_or(i.scheduled_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{CustomerId, InterviewId, Lifecycle, Money, PreBrief, Tier, Trigger};
    use chrono::{TimeZone, Utc};

    fn t(m: u32, d: u32) -> Instant {
        Utc.with_ymd_and_hms(2026, m, d, 9, 0, 0)
            .single()
            .expect("valid date")
    }

    fn customer(id: u64, name: &str, minor: i64) -> Customer {
        Customer {
            id: CustomerId(id),
            crm_id: None,
            name: name.into(),
            size: Money::new(minor, "USD"),
            tier: Tier::Standard,
            segment: String::new(),
            region: String::new(),
            account_manager: None,
            salesperson: None,
            service_manager: None,
            executive_sponsor: None,
            contacts: vec![],
            prebrief: PreBrief::default(),
            lifecycle: Lifecycle::Active,
            archived: false,
            created_at: t(1, 1),
            updated_at: t(1, 1),
        }
    }

    fn interview(id: u64, customer: u64, at: Instant, status: InterviewStatus) -> Interview {
        Interview {
            id: InterviewId(id),
            customer: CustomerId(customer),
            contact: None,
            executive: None,
            trigger: Trigger::Cadence,
            scheduled_at: at,
            duration_minutes: 30,
            location: None,
            invitation_sent_at: None,
            bio_sent_at: None,
            prebriefed_at: None,
            status,
            started_at: None,
            completed_at: (status == InterviewStatus::Completed).then_some(at),
            answers: vec![],
            significant_issue: false,
            acknowledged_at: None,
            debriefed_at: None,
            executives_informed_at: None,
            reported_at: None,
            disseminated_at: None,
            notes: String::new(),
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
        let list = customer_summaries(&data, 6);
        let names: Vec<&str> = list.iter().map(|s| s.customer.name.as_str()).collect();
        assert_eq!(names, ["Big", "Mid", "Small"]);
        assert_eq!(list[0].last_completed.map(|i| i.id), Some(InterviewId(11)));
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
            customer_summaries(&data, 6)[0].next,
            NextInterview::NotPlanned
        );
    }
}
