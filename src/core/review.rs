//! The weekly review: what was closed in a work week, what slipped and by whom, and how long
//! the responses took against the policy, per owner (what Qualtrics calls "time to close").
//! `hearback review` prints it and the dashboard's weekly review view shows the same lines.
//!
//! Definitions (also in the user guide, docs/src/guide/review.md):
//! - **The week** is Monday 00:00 to the next Monday 00:00 in the policy's offset (the working
//!   week's day boundaries). The current week is reviewed *so far*: up to `now`.
//! - **Closed**: every step of the loop recorded as done inside the week: pre-brief, thank-you,
//!   debrief, executives informed, report to the President, results shared, customer
//!   contacted, formal report presented, follow-up closed, action done, customer told of an
//!   action. Scheduling the next interview has no time of its own and is not counted.
//! - **Owner**: the queue's rule, unchanged (see `obligations` and [`super::deadlines`]): the
//!   follow-up's owner for its steps, the action's owner for the action, the customer's
//!   account manager for the pre-brief, the thank-you and telling the customer of an action,
//!   and the interview's executive (else the account manager) for its other steps. Owners are
//!   taken as they stand now: hearback keeps no history of reassignments.
//! - **Slipped**: a step done inside the week after its due time (the due time the queue gave
//!   it, from [`super::deadlines`]; late is strictly after, as in [`super::lateness`]), and
//!   every queue item overdue at the end of the week (at `now` for the current week). For a
//!   past week the records are first wound back to the end of the week ([`rewind::as_of`]):
//!   whatever was done after it is taken as not done yet.
//! - **Response times**, each counted in the week its end falls in: time to thank-you
//!   (completion to thank-you, business time), time to contact (follow-up opened to contact,
//!   business time), time to formal report (contact to report presented, calendar time) and
//!   time to close (opened to closed, calendar time: the policy sets no limit for it). Business
//!   time is the policy's: non-working days do not count, every hour of a working day does.
//!   Per owner and for everyone: the count, the median and the 90th percentile by the
//!   nearest-rank method (the smallest value with at least p% of the values at or below it, so
//!   always a value that occurred; the median of 4 values is the 2nd), and how many were within
//!   the policy (done by the due time the queue gave the step).

#[cfg(test)]
mod fixture;
mod kinds;
pub mod rewind;
mod stats;
#[cfg(test)]
mod tests;
pub mod text;

pub use super::period::Period;
pub use kinds::{Measure, StepKind};
pub use stats::{Stat, Who, nearest_rank, stats};

use super::business_time::WorkWeek;
use super::deadlines;
use super::lateness::is_overdue;
use super::policy::Policy;
use super::queue::{DueState, Item, Subject, queue};
use super::{CustomerId, Dataset, Instant, InterviewStatus, StaffId};
use chrono::Duration;

/// The work week containing `t`: Monday 00:00 to the next Monday 00:00 in `cal`'s offset.
pub fn week_of(t: Instant, cal: &WorkWeek) -> Period {
    Period::weeks_from(t, t, cal)
}

/// A step done inside the week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Done {
    /// Which step.
    pub kind: StepKind,
    /// The record it was done on.
    pub subject: Subject,
    /// Whose.
    pub customer: CustomerId,
    /// Who answers for it (`None`: unassigned).
    pub owner: Option<StaffId>,
    /// When it was recorded as done.
    pub at: Instant,
    /// When the queue had it due; `None` for a step without a deadline (closing a follow-up
    /// that owed nothing more).
    pub due: Option<Instant>,
}

impl Done {
    /// How late it was done, if it was.
    pub fn late_by(&self) -> Option<Duration> {
        self.due
            .filter(|due| is_overdue(*due, self.at))
            .map(|due| self.at - due)
    }
}

/// One response measured: from its start to its end, in the time the policy counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sample {
    /// What was measured.
    pub measure: Measure,
    /// The interview or follow-up.
    pub subject: Subject,
    /// Whose.
    pub customer: CustomerId,
    /// Who answers for it.
    pub owner: Option<StaffId>,
    /// When the clock started.
    pub start: Instant,
    /// When it stopped (inside the week).
    pub end: Instant,
    /// How long it took (business or calendar time, see [`Measure::business_time`]).
    pub took: Duration,
    /// The due time the policy set; `None` when it sets none (time to close).
    pub due: Option<Instant>,
}

impl Sample {
    /// Whether it was done by its due time; `None` without a limit.
    pub fn within(&self) -> Option<bool> {
        self.due.map(|due| !is_overdue(due, self.end))
    }
}

/// The weekly review of one work week.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    /// The week, Monday 00:00 to the next Monday 00:00.
    pub since: Instant,
    /// The end of the week.
    pub until: Instant,
    /// Where the review stops: the end of the week, or `now` in the current week.
    pub as_of: Instant,
    /// The steps done in the week, oldest first.
    pub done: Vec<Done>,
    /// Queue items overdue at `as_of`, in queue order.
    pub overdue: Vec<Item>,
    /// Every response measured in the week, oldest end first.
    pub samples: Vec<Sample>,
    /// The response times per measure: one row per owner, then everyone.
    pub stats: Vec<Stat>,
}

impl Review {
    /// Whether the week is over (else it is reviewed so far).
    pub fn complete(&self) -> bool {
        self.as_of >= self.until
    }

    /// The steps done late in the week, oldest first.
    pub fn late(&self) -> impl Iterator<Item = &Done> {
        self.done.iter().filter(|d| d.late_by().is_some())
    }
}

/// Reviews the work week starting at `since` (a Monday 00:00, see [`week_of`]) as of `now`.
/// The records must be the whole history (not open work only).
pub fn review(
    data: &Dataset,
    policy: &Policy,
    cal: &WorkWeek,
    since: Instant,
    now: Instant,
) -> Review {
    let until = super::time_math::later(since, Duration::days(7));
    let as_of = now.clamp(since, until);
    // The week so far includes what was recorded at `now` itself.
    let inside = |t: Instant| since <= t && t < until && t <= now;
    let mut done = Vec::new();
    let mut samples = Vec::new();
    let am = |c: CustomerId| data.customer(c).and_then(|c| c.account_manager);
    for i in &data.interviews {
        let subject = Subject::Interview(i.id);
        let mut push = |kind, at: Option<Instant>, owner, due| {
            if let Some(at) = at.filter(|t| inside(*t)) {
                done.push(Done {
                    kind,
                    subject,
                    customer: i.customer,
                    owner,
                    at,
                    due,
                });
            }
        };
        if i.status != InterviewStatus::Cancelled {
            let due = deadlines::prebrief(i, policy, cal);
            push(
                StepKind::PreBrief,
                i.prebriefed_at,
                am(i.customer),
                Some(due),
            );
        }
        if i.status != InterviewStatus::Completed {
            continue;
        }
        let start = deadlines::interview_done(i);
        let (_, owner) = deadlines::steps_owner(i, am(i.customer));
        let thank_due = deadlines::acknowledge(start, policy, cal);
        let steps = [
            (
                StepKind::ThankYou,
                i.acknowledged_at,
                am(i.customer),
                thank_due,
            ),
            (
                StepKind::Debrief,
                i.debriefed_at,
                owner,
                deadlines::debrief(start, policy),
            ),
            (
                StepKind::InformExecutives,
                i.executives_informed_at,
                owner,
                deadlines::inform_executives(start, policy),
            ),
            (
                StepKind::ReportPresident,
                i.reported_at,
                owner,
                deadlines::report_president(start, policy),
            ),
            (
                StepKind::Disseminate,
                i.disseminated_at,
                owner,
                deadlines::disseminate(i, policy),
            ),
        ];
        for (kind, at, owner, due) in steps {
            push(kind, at, owner, Some(due));
        }
        if let Some(end) = i.acknowledged_at.filter(|t| inside(*t)) {
            samples.push(Sample {
                measure: Measure::ThankYou,
                subject,
                customer: i.customer,
                owner: am(i.customer),
                start,
                end,
                took: cal.between(start, end),
                due: Some(thank_due),
            });
        }
    }
    followups(data, policy, cal, &inside, &mut done, &mut samples);
    for a in &data.actions {
        let subject = Subject::Action(a.id);
        if let Some(at) = a.done_at.filter(|t| inside(*t)) {
            done.push(Done {
                kind: StepKind::ActionDone,
                subject,
                customer: a.customer,
                owner: a.owner,
                at,
                due: Some(super::lateness::action_due(a)),
            });
        }
        if let Some(at) = a.followed_up_at.filter(|t| inside(*t)) {
            let from = a.done_at.unwrap_or(a.created_at);
            done.push(Done {
                kind: StepKind::ActionFollowUp,
                subject,
                customer: a.customer,
                owner: am(a.customer),
                at,
                due: Some(deadlines::action_followup(from, policy)),
            });
        }
    }
    done.sort_by_key(|d| (d.at, d.kind, d.subject.to_string()));
    samples.sort_by_key(|s| (s.end, s.measure, s.subject.to_string()));
    let then = rewind::as_of(data, as_of);
    let overdue = queue(&then, policy, cal, as_of)
        .into_iter()
        .filter(|i| i.state == DueState::Overdue)
        .collect();
    let stats = stats(data, &samples);
    Review {
        since,
        until,
        as_of,
        done,
        overdue,
        samples,
        stats,
    }
}

/// The follow-ups' steps and response times. Closing discharges whatever the follow-up still
/// owed (the contact, or the formal report once contacted), as in the queue: a close is late
/// when what it discharged was overdue.
fn followups(
    data: &Dataset,
    policy: &Policy,
    cal: &WorkWeek,
    inside: &dyn Fn(Instant) -> bool,
    done: &mut Vec<Done>,
    samples: &mut Vec<Sample>,
) {
    for f in &data.followups {
        let subject = Subject::FollowUp(f.id);
        let contact_due = deadlines::contact(f, policy, cal);
        let report_due = deadlines::formal_report(f, policy);
        let step = |kind, at, due| Done {
            kind,
            subject,
            customer: f.customer,
            owner: f.owner,
            at,
            due,
        };
        let sample = |measure, start, end, took, due| Sample {
            measure,
            subject,
            customer: f.customer,
            owner: f.owner,
            start,
            end,
            took,
            due,
        };
        if let Some(end) = f.contacted_at.filter(|t| inside(*t)) {
            done.push(step(StepKind::Contact, end, Some(contact_due)));
            let took = cal.between(f.opened_at, end);
            samples.push(sample(
                Measure::Contact,
                f.opened_at,
                end,
                took,
                Some(contact_due),
            ));
        }
        if let Some(end) = f.report_presented_at.filter(|t| inside(*t)) {
            done.push(step(StepKind::FormalReport, end, Some(report_due)));
            let start = f.contacted_at.unwrap_or(f.opened_at);
            let took = (end - start).max(Duration::zero());
            samples.push(sample(
                Measure::FormalReport,
                start,
                end,
                took,
                Some(report_due),
            ));
        }
        if let Some(end) = f.closed_at.filter(|t| inside(*t)) {
            // What the close discharged, if anything was still owed then.
            let owed = match (f.contacted_at, f.report_presented_at) {
                (None, _) => Some(contact_due),
                (Some(_), None) => Some(report_due),
                (Some(_), Some(_)) => None,
            };
            done.push(step(StepKind::CloseFollowUp, end, owed));
            let took = (end - f.opened_at).max(Duration::zero());
            samples.push(sample(Measure::Close, f.opened_at, end, took, None));
        }
    }
}
