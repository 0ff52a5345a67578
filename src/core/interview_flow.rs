//! Booking interviews and recording the steps around them (pre-brief, invitation, thank-you,
//! debrief, report, dissemination). Each returns the records to write with a timeline event.

use super::policy::Policy;
pub use super::reschedule::reschedule;
use super::spacing::spacing_conflict;
use super::{
    Answer, Change, ChangeSet, ContactId, Customer, Dataset, EventKind, IdAllocator, Instant,
    Interview, InterviewId, InterviewStatus, QuestionSet, StaffId, TimelineEvent, Trigger,
};

/// A step recorded against an interview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The questions were sent in advance.
    InvitationSent,
    /// Our executive's bio was sent.
    BioSent,
    /// Our executive was pre-briefed.
    PreBriefed,
    /// The thank-you note was sent.
    Acknowledged,
    /// Account manager and salesperson debriefed.
    Debriefed,
    /// Other executives informed of a significant issue.
    ExecutivesInformed,
    /// Written report sent to the President.
    Reported,
    /// Results shared with the workforce.
    Disseminated,
}

impl Step {
    /// Every step, in process order.
    pub const ALL: [Step; 8] = [
        Step::InvitationSent,
        Step::BioSent,
        Step::PreBriefed,
        Step::Acknowledged,
        Step::Debriefed,
        Step::ExecutivesInformed,
        Step::Reported,
        Step::Disseminated,
    ];

    /// The stable kebab-case name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::InvitationSent => "invitation-sent",
            Step::BioSent => "bio-sent",
            Step::PreBriefed => "prebriefed",
            Step::Acknowledged => "acknowledged",
            Step::Debriefed => "debriefed",
            Step::ExecutivesInformed => "executives-informed",
            Step::Reported => "reported",
            Step::Disseminated => "disseminated",
        }
    }

    /// Whether the step happens after the interview is completed.
    fn needs_completion(self) -> bool {
        !matches!(
            self,
            Step::InvitationSent | Step::BioSent | Step::PreBriefed
        )
    }

    /// When this step was recorded on `i`, if it was.
    pub fn recorded_at(self, i: &Interview) -> Option<Instant> {
        *self.field(&mut i.clone())
    }

    fn field(self, i: &mut Interview) -> &mut Option<Instant> {
        match self {
            Step::InvitationSent => &mut i.invitation_sent_at,
            Step::BioSent => &mut i.bio_sent_at,
            Step::PreBriefed => &mut i.prebriefed_at,
            Step::Acknowledged => &mut i.acknowledged_at,
            Step::Debriefed => &mut i.debriefed_at,
            Step::ExecutivesInformed => &mut i.executives_informed_at,
            Step::Reported => &mut i.reported_at,
            Step::Disseminated => &mut i.disseminated_at,
        }
    }

    fn event(self) -> (EventKind, &'static str) {
        match self {
            Step::InvitationSent => (
                EventKind::InvitationSent,
                "Questions sent to the customer in advance",
            ),
            Step::BioSent => (
                EventKind::InvitationSent,
                "Executive's bio sent to the customer",
            ),
            Step::PreBriefed => (EventKind::PreBriefed, "Executive pre-briefed"),
            Step::Acknowledged => (EventKind::Acknowledged, "Thank-you note sent"),
            Step::Debriefed => (
                EventKind::Debriefed,
                "Account manager and salesperson debriefed",
            ),
            Step::ExecutivesInformed => (
                EventKind::ExecutivesInformed,
                "Other executives informed of the significant issue",
            ),
            Step::Reported => (
                EventKind::ReportedToPresident,
                "Written report sent to the President",
            ),
            Step::Disseminated => (EventKind::Disseminated, "Results shared with the workforce"),
        }
    }
}

/// Why an interview step was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InterviewError {
    /// The step comes after completion.
    #[error("{0} is not completed yet; {1} is recorded after the interview")]
    NotCompleted(String, &'static str),
    /// Recorded before; nothing changes.
    #[error("{1} was already recorded for {0} at {2}")]
    AlreadyRecorded(String, &'static str, String),
    /// Booking too close to another request, without confirmation.
    #[error(
        "{customer} already has a feedback request on {other_at} ({other}), within the {days}-day spacing of the feedback calendar; confirm to book anyway"
    )]
    TooClose {
        /// Customer name.
        customer: String,
        /// The other interview.
        other: String,
        /// Its date.
        other_at: String,
        /// The spacing.
        days: u32,
    },
    /// Cancelling something that is not booked.
    #[error("{0} is {1} and cannot be cancelled")]
    NotBooked(String, &'static str),
    /// Moving something that is not booked (or no longer only booked).
    #[error("{0} is {1} and cannot be moved to another time")]
    NotMovable(String, &'static str),
    /// Moving a booking to the time it already has.
    #[error("{0} is already booked for {1}; give another time")]
    SameTime(String, String),
}

impl InterviewError {
    /// The booking falls inside the feedback calendar's spacing of `other`.
    pub fn too_close(customer: &Customer, other: &Interview, policy: &Policy) -> InterviewError {
        InterviewError::TooClose {
            customer: customer.name.clone(),
            other: other.id.to_string(),
            other_at: other
                .completed_at
                .unwrap_or(other.scheduled_at)
                .format("%Y-%m-%d")
                .to_string(),
            days: policy.cadence.spacing_days,
        }
    }
}

fn event(
    customer: &Customer,
    at: Instant,
    actor: &str,
    kind: EventKind,
    summary: String,
    id: InterviewId,
) -> Change {
    Change::Event(TimelineEvent {
        customer: customer.id,
        at,
        actor: actor.into(),
        kind,
        summary,
        reference: Some(id.to_string()),
    })
}

/// Records a step at `at`. Recording a step twice is refused (the first time stands).
pub fn mark_step(
    customer: &Customer,
    mut i: Interview,
    step: Step,
    at: Instant,
    actor: &str,
) -> Result<ChangeSet, InterviewError> {
    let id = i.id.to_string();
    if step.needs_completion() && i.status != InterviewStatus::Completed {
        return Err(InterviewError::NotCompleted(id, step.as_str()));
    }
    if let Some(before) = *step.field(&mut i) {
        return Err(InterviewError::AlreadyRecorded(
            id,
            step.as_str(),
            before.to_rfc3339(),
        ));
    }
    *step.field(&mut i) = Some(at);
    let (kind, text) = step.event();
    let mut set = ChangeSet::new();
    let interview_id = i.id;
    set.push(Change::Interview(i));
    set.push(event(
        customer,
        at,
        actor,
        kind,
        format!("{text} ({id})"),
        interview_id,
    ));
    Ok(set)
}

/// What a new booking needs.
#[derive(Clone, Debug)]
pub struct Booking {
    /// When.
    pub at: Instant,
    /// The empty answer sheet to fill during the call ([`blank_answers`] of the questions).
    pub answers: Vec<Answer>,
    /// Why.
    pub trigger: Trigger,
    /// Our executive.
    pub executive: Option<StaffId>,
    /// The contact.
    pub contact: Option<ContactId>,
    /// Length in minutes.
    pub minutes: u16,
    /// `None` = the customer's office.
    pub location: Option<String>,
    /// The user confirmed booking inside the spacing window.
    pub confirmed: bool,
}

/// An empty answer sheet for the question set.
pub fn blank_answers(questions: &QuestionSet) -> Vec<Answer> {
    questions
        .questions
        .iter()
        .map(|q| Answer {
            question_key: q.key.clone(),
            question: q.text.clone(),
            ..Answer::default()
        })
        .collect()
}

/// Books an interview. Inside the feedback calendar's spacing window it is refused (naming the
/// other request) unless `booking.confirmed`.
pub fn schedule(
    data: &Dataset,
    customer: &Customer,
    booking: Booking,
    policy: &Policy,
    now: Instant,
    actor: &str,
    ids: &mut IdAllocator,
) -> Result<(Interview, ChangeSet), InterviewError> {
    if let Some(other) = spacing_conflict(data, customer.id, booking.at, policy)
        && !booking.confirmed
    {
        return Err(InterviewError::too_close(customer, other, policy));
    }
    let interview = Interview {
        contact: booking.contact,
        executive: booking.executive.or(customer.executive_sponsor),
        duration_minutes: booking.minutes,
        location: booking.location,
        answers: booking.answers,
        ..Interview::booked(
            InterviewId(ids.next_id()),
            customer.id,
            booking.trigger,
            booking.at,
        )
    };
    let mut set = ChangeSet::new();
    set.push(Change::Interview(interview.clone()));
    let summary = format!(
        "Interview {} booked for {} ({} min, {})",
        interview.id,
        interview.scheduled_at.format("%Y-%m-%d %H:%M UTC"),
        interview.duration_minutes,
        interview
            .location
            .as_deref()
            .unwrap_or("at the customer's office")
    );
    set.push(event(
        customer,
        now,
        actor,
        EventKind::InterviewScheduled,
        summary,
        interview.id,
    ));
    Ok((interview, set))
}

/// Cancels a booked interview, with a reason on the timeline.
pub fn cancel(
    customer: &Customer,
    mut i: Interview,
    reason: &str,
    at: Instant,
    actor: &str,
) -> Result<ChangeSet, InterviewError> {
    let id = i.id.to_string();
    match i.status {
        InterviewStatus::Scheduled | InterviewStatus::InProgress => {}
        InterviewStatus::Completed => return Err(InterviewError::NotBooked(id, "completed")),
        InterviewStatus::Cancelled => {
            return Err(InterviewError::NotBooked(id, "cancelled already"));
        }
    }
    i.status = InterviewStatus::Cancelled;
    let interview_id = i.id;
    let mut set = ChangeSet::new();
    set.push(Change::Interview(i));
    set.push(event(
        customer,
        at,
        actor,
        EventKind::InterviewCancelled,
        format!(
            "Interview {id} cancelled: {}",
            super::sanitize::line(reason)
        ),
        interview_id,
    ));
    Ok(set)
}
