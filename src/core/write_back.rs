//! Feedback written back into the CRM: one record per customer the CRM knows (by its record
//! id), carrying what the programme learned about it.
//!
//! What the figures mean, so the CRM shows the same thing as `hearback customers`:
//! - *last interview* and *last average*: the customer row's last completed interview
//!   ([`CustomerSummary::last_completed`]);
//! - *lowest recent score*: the lowest score in the latest [`RECENT`] scored interviews (the
//!   ones the risk rules compare), by completion time then id;
//! - *risk*: the risk rules' level and reasons at `now`; a lost customer is not assessed and
//!   is written as lost;
//! - *open follow-ups*: low-score follow-ups not closed;
//! - *next interview*: the customer row's next interview (booked, due by, due now, or none).
//!
//! Customers without a CRM record id cannot be keyed in the CRM: they are counted, not written.

use super::open_work::RECENT;
use super::risk::{Assessment, RiskLevel};
use super::summary::{CustomerSummary, NextInterview};
use super::{Customer, CustomerId, Dataset, FollowUpState, Instant, InterviewId};
use std::collections::HashMap;

/// The customer's standing as the CRM is told it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// A current customer, with the risk rules' level.
    Risk(RiskLevel),
    /// A lost customer (not assessed).
    Lost,
}

impl Standing {
    /// The stable snake_case value written to the CRM (`healthy`, `watch`, `at_risk`, `lost`).
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Risk(level) => level.as_str(),
            Standing::Lost => "lost",
        }
    }
}

/// When the next interview is, as the CRM is told it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextDate {
    /// Booked for this time.
    Booked(Instant),
    /// Not booked, due by this time (still to come).
    Due(Instant),
    /// Not booked and past its due time.
    Overdue(Instant),
    /// Not planned (a lost customer).
    None,
}

impl NextDate {
    /// The stable value of the status column (`booked`, `due`, `overdue`, `none`).
    pub fn status(self) -> &'static str {
        match self {
            NextDate::Booked(_) => "booked",
            NextDate::Due(_) => "due",
            NextDate::Overdue(_) => "overdue",
            NextDate::None => "none",
        }
    }

    /// The instant to show, if any.
    pub fn at(self) -> Option<Instant> {
        match self {
            NextDate::Booked(t) | NextDate::Due(t) | NextDate::Overdue(t) => Some(t),
            NextDate::None => None,
        }
    }

    /// The CRM's view of a customer row's next interview at `now`; a customer never
    /// interviewed is due now.
    pub fn of(next: NextInterview, now: Instant) -> NextDate {
        match next {
            NextInterview::Scheduled(t) => NextDate::Booked(t),
            NextInterview::DueBy(t) if t < now => NextDate::Overdue(t),
            NextInterview::DueBy(t) => NextDate::Due(t),
            NextInterview::Never => NextDate::Due(now),
            NextInterview::NotPlanned => NextDate::None,
        }
    }
}

/// One customer's record for the CRM.
#[derive(Clone, Debug, PartialEq)]
pub struct WriteBack<'a> {
    /// The customer.
    pub customer: &'a Customer,
    /// Its record id in the CRM (never blank).
    pub crm_id: &'a str,
    /// When its last interview was completed.
    pub last_interview: Option<Instant>,
    /// The mean score of that interview.
    pub last_average: Option<f64>,
    /// The lowest score in its latest [`RECENT`] scored interviews.
    pub lowest_recent: Option<u8>,
    /// Risk level, or lost.
    pub standing: Standing,
    /// Why, in plain words with the figures; empty when healthy or lost.
    pub reasons: Vec<String>,
    /// Low-score follow-ups not closed.
    pub open_followups: usize,
    /// The next interview.
    pub next: NextDate,
}

/// The records to write, and how many customers had to be left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WriteBacks<'a> {
    /// One per customer with a CRM record id, in the summaries' order (largest first).
    pub records: Vec<WriteBack<'a>>,
    /// Customers listed without a CRM record id: they cannot be keyed, so they are left out.
    pub without_crm_id: usize,
}

/// The write-back of every customer in `summaries` (built from the queue at `now`), with the
/// risk assessments `risk` at the same `now`.
pub fn write_backs<'a>(
    data: &Dataset,
    summaries: &[CustomerSummary<'a>],
    risk: &HashMap<CustomerId, Assessment>,
    now: Instant,
) -> WriteBacks<'a> {
    let lowest = lowest_recent_scores(data);
    let mut open: HashMap<CustomerId, usize> = HashMap::new();
    for f in data
        .followups
        .iter()
        .filter(|f| f.state != FollowUpState::Closed)
    {
        *open.entry(f.customer).or_default() += 1;
    }
    let mut out = WriteBacks::default();
    for s in summaries {
        let customer = s.customer;
        let Some(crm_id) = customer
            .crm_id
            .as_deref()
            .filter(|id| !id.trim().is_empty())
        else {
            out.without_crm_id += 1;
            continue;
        };
        let assessment = risk.get(&customer.id);
        let standing = match assessment {
            _ if !customer.is_current() => Standing::Lost,
            Some(a) => Standing::Risk(a.level),
            None => Standing::Risk(RiskLevel::Healthy),
        };
        out.records.push(WriteBack {
            customer,
            crm_id,
            last_interview: s.last_completed.as_ref().map(|b| b.at()),
            last_average: s.last_completed.as_ref().and_then(|b| b.average),
            lowest_recent: lowest.get(&customer.id).copied(),
            standing,
            reasons: match standing {
                Standing::Lost => Vec::new(),
                Standing::Risk(_) => assessment.map(|a| a.reasons.clone()).unwrap_or_default(),
            },
            open_followups: open.get(&customer.id).copied().unwrap_or(0),
            next: NextDate::of(s.next, now),
        });
    }
    out
}

/// Each customer's lowest score in its latest [`RECENT`] scored, completed interviews.
fn lowest_recent_scores(data: &Dataset) -> HashMap<CustomerId, u8> {
    let mut scored: HashMap<CustomerId, Vec<(Instant, InterviewId, u8)>> = HashMap::new();
    for i in data.interviews.iter().filter(|i| i.is_completed()) {
        if let Some(low) = i.lowest_score() {
            let at = i.completed_at.unwrap_or(i.scheduled_at);
            scored
                .entry(i.customer)
                .or_default()
                .push((at, i.id, low.get()));
        }
    }
    scored
        .into_iter()
        .filter_map(|(customer, mut list)| {
            list.sort_unstable_by_key(|&(at, id, _)| std::cmp::Reverse((at, id)));
            let low = list.iter().take(RECENT).map(|&(_, _, s)| s).min()?;
            Some((customer, low))
        })
        .collect()
}

#[cfg(test)]
mod tests;
