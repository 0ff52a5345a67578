//! The per-customer timeline: every change appends an event saying who did what, when.

use super::ids::CustomerId;
use super::{Instant, ms};
use serde::{Deserialize, Serialize};

/// What happened. Append-only: new kinds go at the end, none is ever removed or reordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventKind {
    /// The customer record was created.
    CustomerCreated,
    /// Fields of the customer record changed.
    CustomerUpdated,
    /// The customer was marked lost.
    CustomerLost,
    /// The pre-brief notes were edited.
    PreBriefEdited,
    /// An interview was booked.
    InterviewScheduled,
    /// Questions or bio were sent in advance.
    InvitationSent,
    /// Our executive was pre-briefed.
    PreBriefed,
    /// Recording of an interview started.
    InterviewStarted,
    /// An interview was completed (or a survey response imported).
    InterviewCompleted,
    /// An interview was cancelled.
    InterviewCancelled,
    /// The thank-you note was sent.
    Acknowledged,
    /// Account manager and salesperson were debriefed.
    Debriefed,
    /// Other executives were informed of a significant issue.
    ExecutivesInformed,
    /// The written report went to the President.
    ReportedToPresident,
    /// Results were disseminated to the workforce.
    Disseminated,
    /// A low score opened a follow-up.
    FollowUpOpened,
    /// A follow-up was assigned or reassigned.
    FollowUpAssigned,
    /// The customer was contacted about a low score; context recorded.
    FollowUpContacted,
    /// A formal report with actions was committed to.
    FollowUpReportCommitted,
    /// The formal report was presented to the customer.
    FollowUpReportPresented,
    /// A follow-up was closed.
    FollowUpClosed,
    /// A queue item was snoozed.
    Snoozed,
    /// An action item was created.
    ActionCreated,
    /// An action item moved on the board or changed owner/due date.
    ActionUpdated,
    /// The customer was told about a completed action.
    ActionFollowedUp,
    /// A major deliverable was recorded.
    DeliverableRecorded,
    /// The customer asked for something.
    CustomerRequest,
    /// We answered a request.
    OurResponse,
    /// A free note.
    Note,
    /// Data came in from a file (import or restore).
    Imported,
    /// A step recorded by mistake was undone; the records went back to how they were.
    Undone,
    /// A letter went to the customer (the invitation to a follow-up call).
    LetterSent,
}

/// One line of a customer's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// Whose timeline.
    pub customer: CustomerId,
    /// When it happened.
    #[serde(with = "ms")]
    pub at: Instant,
    /// Who did it: a staff name, `import`, `demo` or `hearback` for the rules.
    pub actor: String,
    /// What kind of thing happened.
    pub kind: EventKind,
    /// One line a person can read.
    pub summary: String,
    /// The record it is about, as its display id (`I12`, `F3`), if any.
    pub reference: Option<String>,
}
