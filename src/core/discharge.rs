//! Which step discharges which queue item: the one place that decides it, for the dashboard's
//! `x` and the CLI's `--record`. The `match` on the kind has no catch-all arm on purpose: a new
//! kind of item does not compile until someone decides here how it is discharged.

use super::action_flow::{self, ActionError};
use super::followup_flow::{self, FlowError};
use super::interview_flow::{self, InterviewError, Step};
use super::queue::{ItemKind, Subject};
use super::requests;
use super::{ActionState, Change, ChangeSet, CustomerId, Dataset, FollowUpId, Instant, Interview};

/// Why an item cannot be closed by recording one step now.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Refusal {
    /// Scheduling is discharged by a booking, which needs a time and a contact.
    #[error("an interview is owed by {0}: book it (a time and a contact are needed)")]
    NeedsBooking(CustomerId),
    /// A low score is discharged by recording what the customer said.
    #[error("record what the customer said on {0}: that closes the low-score follow-up")]
    NeedsContext(FollowUpId),
    /// The record the item is about was removed since the queue was read.
    #[error("{0} is no longer in the store")]
    Missing(Subject),
    /// The item's kind and its record do not go together (an item key typed by hand).
    #[error("{} is not about {subject}", kind.label())]
    WrongSubject {
        /// What the item asks for.
        kind: ItemKind,
        /// The record given.
        subject: Subject,
    },
    /// The interview step was refused (not completed yet, already recorded).
    #[error(transparent)]
    Interview(#[from] InterviewError),
    /// The follow-up step was refused (wrong state, no context).
    #[error(transparent)]
    FollowUp(#[from] FlowError),
    /// The action move was refused (already there).
    #[error(transparent)]
    Action(#[from] ActionError),
    /// The request step was refused (already recorded).
    #[error(transparent)]
    Request(#[from] requests::RequestError),
}

/// The interview step that discharges `kind`, for the kinds an interview step closes.
pub fn interview_step(kind: ItemKind) -> Option<Step> {
    match kind {
        ItemKind::PreBrief => Some(Step::PreBriefed),
        ItemKind::Acknowledge => Some(Step::Acknowledged),
        ItemKind::Debrief => Some(Step::Debriefed),
        ItemKind::InformExecutives => Some(Step::ExecutivesInformed),
        ItemKind::ReportPresident => Some(Step::Reported),
        ItemKind::Disseminate => Some(Step::Disseminated),
        ItemKind::ScheduleInterview
        | ItemKind::LowScoreFollowUp
        | ItemKind::FormalReport
        | ItemKind::ActionItem
        | ItemKind::ActionFollowUp
        | ItemKind::RequestResponse
        | ItemKind::RequestResolution => None,
    }
}

/// When the step that discharges `kind` was recorded on `interview`, if it was.
pub fn discharged_at(kind: ItemKind, interview: &Interview) -> Option<Instant> {
    interview_step(kind).and_then(|step| step.recorded_at(interview))
}

/// Whether nothing more is owed on the record once `kind` is discharged: the formal report
/// (it closes the follow-up), the dissemination and telling the customer an action is done.
/// The dashboard asks before such a step.
pub fn closes_a_loop(kind: ItemKind) -> bool {
    match kind {
        ItemKind::FormalReport
        | ItemKind::Disseminate
        | ItemKind::ActionFollowUp
        | ItemKind::RequestResolution => true,
        ItemKind::ScheduleInterview
        | ItemKind::PreBrief
        | ItemKind::Acknowledge
        | ItemKind::Debrief
        | ItemKind::InformExecutives
        | ItemKind::ReportPresident
        | ItemKind::LowScoreFollowUp
        | ItemKind::ActionItem
        | ItemKind::RequestResponse => false,
    }
}

/// The changes that discharge the item `kind` about `subject`, recorded by `actor` at `now`,
/// or why one step cannot close it.
pub fn discharge(
    kind: ItemKind,
    subject: Subject,
    data: &Dataset,
    now: Instant,
    actor: &str,
) -> Result<ChangeSet, Refusal> {
    let wrong = || Refusal::WrongSubject { kind, subject };
    match kind {
        ItemKind::ScheduleInterview => match subject {
            Subject::Customer(id) => Err(Refusal::NeedsBooking(id)),
            _ => Err(wrong()),
        },
        ItemKind::PreBrief
        | ItemKind::Acknowledge
        | ItemKind::Debrief
        | ItemKind::InformExecutives
        | ItemKind::ReportPresident
        | ItemKind::Disseminate => {
            let (Subject::Interview(id), Some(step)) = (subject, interview_step(kind)) else {
                return Err(wrong());
            };
            let interview = data.interviews.iter().find(|i| i.id == id);
            let customer = interview.and_then(|i| data.customer(i.customer));
            match (interview, customer) {
                (Some(i), Some(c)) => {
                    Ok(interview_flow::mark_step(c, i.clone(), step, now, actor)?)
                }
                _ => Err(Refusal::Missing(subject)),
            }
        }
        ItemKind::LowScoreFollowUp => match subject {
            Subject::FollowUp(id) => Err(Refusal::NeedsContext(id)),
            _ => Err(wrong()),
        },
        ItemKind::FormalReport => {
            let Subject::FollowUp(id) = subject else {
                return Err(wrong());
            };
            let f = data.followups.iter().find(|f| f.id == id).cloned();
            present_and_close(f.ok_or(Refusal::Missing(subject))?, now, actor)
        }
        ItemKind::ActionItem | ItemKind::ActionFollowUp => {
            let Subject::Action(id) = subject else {
                return Err(wrong());
            };
            let to = if kind == ItemKind::ActionItem {
                ActionState::Done
            } else {
                ActionState::FollowedUp
            };
            let a = data.actions.iter().find(|a| a.id == id).cloned();
            let a = a.ok_or(Refusal::Missing(subject))?;
            Ok(action_flow::move_to(a, to, now, actor)?)
        }
        ItemKind::RequestResponse | ItemKind::RequestResolution => {
            let Subject::Request(id) = subject else {
                return Err(wrong());
            };
            let r = data.requests.iter().find(|r| r.id == id).cloned();
            let r = r.ok_or(Refusal::Missing(subject))?;
            // Who answered is not known from one key press; the timeline names the actor.
            Ok(if kind == ItemKind::RequestResponse {
                requests::respond(r, now, None, now, actor)?
            } else {
                requests::resolve(r, now, None, now, actor)?
            })
        }
    }
}

/// Presenting the formal report is the last step of a follow-up: it closes the loop too, as
/// one change set holding the closed follow-up and both timeline events.
fn present_and_close(f: super::FollowUp, now: Instant, actor: &str) -> Result<ChangeSet, Refusal> {
    let mut set = followup_flow::present_report(f, actor, now)?;
    let presented = set.changes.iter().find_map(|c| match c {
        Change::FollowUp(f) => Some(f.clone()),
        _ => None,
    });
    if let Some(f) = presented {
        let closed = followup_flow::close(f, actor, now)?;
        set.changes.retain(|c| !matches!(c, Change::FollowUp(_)));
        set.changes.extend(closed.changes);
    }
    Ok(set)
}
