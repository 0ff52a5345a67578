//! Follow-ups opened by low scores, and snoozes of queue items.

use super::ids::{CustomerId, FollowUpId, InterviewId, StaffId};
use super::interview::Score;
use super::{Instant, ms};
use serde::{Deserialize, Serialize};

/// Where a follow-up is in the closed loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FollowUpState {
    /// Opened by a low score; nobody has spoken to the customer yet.
    Open,
    /// The customer was contacted and the context recorded.
    Contacted,
    /// The client manager committed to a formal report with actions.
    ReportCommitted,
    /// The loop is closed.
    Closed,
}

/// A follow-up: a low score that someone must call the customer about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// Store-assigned id.
    pub id: FollowUpId,
    /// Whose score.
    pub customer: CustomerId,
    /// The interview or survey response that scored low.
    pub interview: InterviewId,
    /// The lowest score; 1-2 needs senior management, 3 the client and service managers.
    pub severity: Score,
    /// Keys of the questions that scored below 4.
    pub low_questions: Vec<String>,
    /// The named person accountable for making the contact.
    pub owner: Option<StaffId>,
    /// Everyone who must take part in the contact (by the severity rule).
    pub participants: Vec<StaffId>,
    /// State in the loop.
    pub state: FollowUpState,
    /// When it was opened; the time limit runs from here.
    #[serde(with = "ms")]
    pub opened_at: Instant,
    /// When the customer was contacted.
    #[serde(with = "ms::opt")]
    pub contacted_at: Option<Instant>,
    /// What the customer said when contacted: the input to root-cause analysis.
    pub context: String,
    /// When the formal report with actions was committed to.
    #[serde(with = "ms::opt")]
    pub report_committed_at: Option<Instant>,
    /// When the formal report was presented to the customer.
    #[serde(with = "ms::opt")]
    pub report_presented_at: Option<Instant>,
    /// When the loop was closed.
    #[serde(with = "ms::opt")]
    pub closed_at: Option<Instant>,
}

/// A queue item hidden until a time, with a reason (shown on the timeline).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snooze {
    /// The stable key of the queue item snoozed.
    pub item_key: String,
    /// The customer the item is about.
    pub customer: CustomerId,
    /// Hidden until this instant.
    #[serde(with = "ms")]
    pub until: Instant,
    /// Why, in the user's words; required.
    pub reason: String,
    /// Who snoozed it.
    pub by: Option<StaffId>,
    /// When it was snoozed.
    #[serde(with = "ms")]
    pub at: Instant,
}
