//! The documents of the loop (debrief, President report, workforce digest) as plain data,
//! built from the records; `io::report` turns them into Markdown.
//!
//! Every figure and date is formatted here (averages to one decimal, changes as `↑0.3`,
//! `↓0.2` or `=`, dates in the calendar's offset), so the templates only place text. Lists are
//! sorted here, so the same records always give the same bytes.
//!
//! What counts:
//! - An interview is *in a period* when it is completed and its `completed_at` falls inside
//!   `[since, until)`. Imported survey responses count like interviews.
//! - A score is *low* below [`LOW_BELOW`] (4), as in the programme's rule that any score below
//!   4 is followed up. The reports use this fixed line, not the policy's follow-up threshold,
//!   so that what the workforce digest withholds cannot be changed by a policy edit.
//! - The previous period is the one of the same length that ends where this one starts.
//! - What is owed, due or overdue comes from the queue at `now`, the one place that decides it.
//!
//! The workforce digest has its own rule about people; see [`digest`].

mod averages;
pub mod customer;
#[cfg(test)]
mod customer_tests;
pub mod debrief;
pub mod digest;
pub mod format;
pub mod president;
pub mod president_revenue;
#[cfg(test)]
mod tests;

pub use customer::{CustomerReport, customer_report};
pub use debrief::{Debrief, debrief};
pub use digest::{Digest, digest};
pub use president::{President, president};

/// The one period type, here for the documents' callers.
pub use super::period::Period;
use super::period::PeriodError;

use super::business_time::WorkWeek;
use super::queue::{Item, Subject};
use super::risk::Assessment;
use super::{
    CustomerId, Dataset, FollowUpId, Instant, Interview, InterviewId, InterviewStatus, QuestionSet,
};
use std::collections::HashMap;

/// Scores below this are low: followed up, listed for the President, and when flagged about an
/// individual never shown to the workforce.
pub const LOW_BELOW: u8 = 4;

/// Everything a document is built from: the records, the queue and risk at `now`, the
/// questions and the calendar whose offset dates are shown in.
#[derive(Clone, Copy, Debug)]
pub struct Sources<'a> {
    /// The records.
    pub data: &'a Dataset,
    /// The queue computed at `now` (every item, snoozed ones included).
    pub items: &'a [Item],
    /// Risk of every current customer, from the same queue.
    pub risk: &'a HashMap<CustomerId, Assessment>,
    /// The questions in force, for their order and wording.
    pub questions: &'a QuestionSet,
    /// Where days begin: dates are shown in its offset.
    pub work_week: &'a WorkWeek,
    /// The time the document is written at.
    pub now: Instant,
}

impl Sources<'_> {
    /// The queue items about one record, in queue order.
    fn items_about(&self, subject: Subject) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.subject == subject)
    }

    /// A staff member's name, or `fallback` when nobody is named or the record is missing.
    fn name_or(&self, id: Option<super::StaffId>, fallback: &str) -> String {
        let name = self.data.staff_name(id);
        if name.is_empty() {
            fallback.to_string()
        } else {
            name.to_string()
        }
    }
}

/// Why a document could not be built.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReportError {
    /// No interview with this id.
    #[error("there is no interview {0}")]
    UnknownInterview(InterviewId),
    /// A debrief needs a completed interview.
    #[error("{0} is not completed yet: nothing to debrief")]
    NotCompleted(InterviewId),
    /// The interview names a customer that is not in the store.
    #[error("interview {0} names a customer that is not in the store; run `hearback check`")]
    NoCustomer(InterviewId),
    /// No follow-up with this id.
    #[error("there is no follow-up {0}")]
    UnknownFollowUp(FollowUpId),
    /// The report to the customer comes after the call: nobody has recorded one yet.
    #[error(
        "nothing to report yet on {0}: the customer has not been contacted about it. Call them, then record what they said with `hearback followup contacted {0} --context \"...\"` (c on its queue item)"
    )]
    NotContacted(FollowUpId),
    /// The report to the customer presents actions, and none is linked to the follow-up.
    #[error(
        "nothing to report yet on {0}: no corrective or preventive action answers it, and the formal report presents them. Add one with `hearback action add --followup {0} --customer ... --kind corrective --title ... --owner ... --due ...`, then write the report"
    )]
    NoActions(FollowUpId),
    /// The follow-up names a record that is not in the store.
    #[error("follow-up {0} names {1} that is not in the store; run `hearback check`")]
    Broken(FollowUpId, &'static str),
    /// The period ends before (or where) it starts.
    #[error(transparent)]
    Period(#[from] PeriodError),
}

/// The interviews completed in `period`, oldest first (then by id).
pub fn interviews_in(data: &Dataset, period: Period) -> Vec<&Interview> {
    let mut list: Vec<&Interview> = data
        .interviews
        .iter()
        .filter(|i| {
            i.status == InterviewStatus::Completed
                && i.completed_at.is_some_and(|t| period.contains(t))
        })
        .collect();
    list.sort_by_key(|i| (i.completed_at, i.id));
    list
}
