//! The kinds of queue items, what each is about, and the stable `kind:subject` keys snoozes
//! refer to.

use crate::core::{ActionId, CustomerId, FollowUpId, InterviewId, RequestId};
use std::fmt;

/// What kind of obligation an item is. The order is the display order of kinds in help texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    /// Book the next feedback interview (cadence or deliverable).
    ScheduleInterview,
    /// Pre-brief our executive before a booked interview.
    PreBrief,
    /// Send the thank-you note.
    Acknowledge,
    /// Debrief the account manager and salesperson.
    Debrief,
    /// Inform other executives of a significant issue.
    InformExecutives,
    /// Written report to the President.
    ReportPresident,
    /// Disseminate the results to the workforce.
    Disseminate,
    /// Contact the customer about a low score and record the context.
    LowScoreFollowUp,
    /// Present the formal report with actions to the customer.
    FormalReport,
    /// Do a corrective or preventive action.
    ActionItem,
    /// Tell the customer an action is done.
    ActionFollowUp,
    /// Answer a customer's request (first response).
    RequestResponse,
    /// Resolve a customer's request.
    RequestResolution,
}

impl ItemKind {
    /// Every kind.
    pub const ALL: [ItemKind; 13] = [
        ItemKind::ScheduleInterview,
        ItemKind::PreBrief,
        ItemKind::Acknowledge,
        ItemKind::Debrief,
        ItemKind::InformExecutives,
        ItemKind::ReportPresident,
        ItemKind::Disseminate,
        ItemKind::LowScoreFollowUp,
        ItemKind::FormalReport,
        ItemKind::ActionItem,
        ItemKind::ActionFollowUp,
        ItemKind::RequestResponse,
        ItemKind::RequestResolution,
    ];

    /// The stable snake_case name used in JSON and item keys.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::ScheduleInterview => "schedule_interview",
            ItemKind::PreBrief => "prebrief",
            ItemKind::Acknowledge => "acknowledge",
            ItemKind::Debrief => "debrief",
            ItemKind::InformExecutives => "inform_executives",
            ItemKind::ReportPresident => "report_president",
            ItemKind::Disseminate => "disseminate",
            ItemKind::LowScoreFollowUp => "low_score_followup",
            ItemKind::FormalReport => "formal_report",
            ItemKind::ActionItem => "action_item",
            ItemKind::ActionFollowUp => "action_followup",
            ItemKind::RequestResponse => "request_response",
            ItemKind::RequestResolution => "request_resolution",
        }
    }

    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::ScheduleInterview => "Schedule interview",
            ItemKind::PreBrief => "Pre-brief executive",
            ItemKind::Acknowledge => "Send thank-you",
            ItemKind::Debrief => "Debrief AM/sales",
            ItemKind::InformExecutives => "Inform executives",
            ItemKind::ReportPresident => "Report to President",
            ItemKind::Disseminate => "Disseminate results",
            ItemKind::LowScoreFollowUp => "Low-score follow-up",
            ItemKind::FormalReport => "Formal report to customer",
            ItemKind::ActionItem => "Action item",
            ItemKind::ActionFollowUp => "Follow up action",
            ItemKind::RequestResponse => "Answer request",
            ItemKind::RequestResolution => "Resolve request",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(text: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// The record an item is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A customer (scheduling).
    Customer(CustomerId),
    /// An interview (pre-brief and the post-interview steps).
    Interview(InterviewId),
    /// A follow-up.
    FollowUp(FollowUpId),
    /// An action item.
    Action(ActionId),
    /// A customer's request.
    Request(RequestId),
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Customer(id) => id.fmt(f),
            Subject::Interview(id) => id.fmt(f),
            Subject::FollowUp(id) => id.fmt(f),
            Subject::Action(id) => id.fmt(f),
            Subject::Request(id) => id.fmt(f),
        }
    }
}

impl Subject {
    /// Parses a display id (`C1`, `I2`, `F3`, `A4`, `R5`).
    pub fn parse(text: &str) -> Option<Subject> {
        let mut chars = text.chars();
        let letter = chars.next()?;
        let n: u64 = chars.as_str().parse().ok()?;
        match letter {
            'C' => Some(Subject::Customer(CustomerId(n))),
            'I' => Some(Subject::Interview(InterviewId(n))),
            'F' => Some(Subject::FollowUp(FollowUpId(n))),
            'A' => Some(Subject::Action(ActionId(n))),
            'R' => Some(Subject::Request(RequestId(n))),
            _ => None,
        }
    }
}

/// The stable key of an item: `kind:subject`, e.g. `debrief:I20`. Snoozes refer to it.
pub fn item_key(kind: ItemKind, subject: Subject) -> String {
    format!("{}:{subject}", kind.as_str())
}

/// Splits an item key back into kind and subject.
pub fn parse_item_key(key: &str) -> Option<(ItemKind, Subject)> {
    let (kind, subject) = key.split_once(':')?;
    Some((ItemKind::parse(kind)?, Subject::parse(subject)?))
}
