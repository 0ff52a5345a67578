//! When each step of the loop is due, and who answers for the steps after an interview: one
//! function per rule, used by the queue (what is owed now) and by the weekly review (whether a
//! step done was done in time, and by whom), so the two can never disagree.

use super::business_time::WorkWeek;
use super::policy::Policy;
use super::time_math::later;
use super::{FollowUp, Instant, Interview, Role, StaffId};

/// When an interview's steps start: its completion, or its booking time for a completed record
/// without one (an edited backup), so nothing silently drops out.
pub fn interview_done(i: &Interview) -> Instant {
    i.completed_at.unwrap_or(i.scheduled_at)
}

/// Who answers for an interview's debrief, report and dissemination: our executive who
/// conducted it; with no executive recorded, the customer's account manager.
pub fn steps_owner(i: &Interview, account_manager: Option<StaffId>) -> (Role, Option<StaffId>) {
    match i.executive {
        Some(e) => (Role::Executive, Some(e)),
        None => (Role::AccountManager, account_manager),
    }
}

/// The pre-brief: `prebrief_business_days_before` business days before the interview.
pub fn prebrief(i: &Interview, policy: &Policy, cal: &WorkWeek) -> Instant {
    cal.sub_days(
        i.scheduled_at,
        policy.deadlines.prebrief_business_days_before,
    )
}

/// The thank-you: `acknowledge_business_hours` business hours after completion.
pub fn acknowledge(done: Instant, policy: &Policy, cal: &WorkWeek) -> Instant {
    cal.add(
        done,
        Policy::hours(policy.deadlines.acknowledge_business_hours),
    )
}

/// The debrief: `debrief_hours` hours after completion.
pub fn debrief(done: Instant, policy: &Policy) -> Instant {
    later(done, Policy::hours(policy.deadlines.debrief_hours))
}

/// Informing the other executives of a significant issue: `inform_executives_hours` hours.
pub fn inform_executives(done: Instant, policy: &Policy) -> Instant {
    later(
        done,
        Policy::hours(policy.deadlines.inform_executives_hours),
    )
}

/// The written report to the President: `report_president_days` days after completion.
pub fn report_president(done: Instant, policy: &Policy) -> Instant {
    later(done, Policy::days(policy.deadlines.report_president_days))
}

/// Sharing the results: `disseminate_days_after_report` days after the report to the
/// President (after its due time while it is not written).
pub fn disseminate(i: &Interview, policy: &Policy) -> Instant {
    let report = i
        .reported_at
        .unwrap_or_else(|| report_president(interview_done(i), policy));
    later(
        report,
        Policy::days(policy.deadlines.disseminate_days_after_report),
    )
}

/// Whether a follow-up of this severity needs senior management (lowest score 1-2 by default).
pub fn needs_senior(f: &FollowUp, policy: &Policy) -> bool {
    f.severity.get() <= policy.low_scores.senior_max
}

/// Contacting the customer about a low score: within `senior_business_days` business days of
/// the follow-up opening when senior management must attend, else `managers_business_days`.
pub fn contact(f: &FollowUp, policy: &Policy, cal: &WorkWeek) -> Instant {
    let rules = &policy.low_scores;
    let days = if needs_senior(f, policy) {
        rules.senior_business_days
    } else {
        rules.managers_business_days
    };
    cal.add_days(f.opened_at, days)
}

/// The formal report with actions to the customer: `formal_report_days` days after the contact
/// (after the opening for a record without a contact time).
pub fn formal_report(f: &FollowUp, policy: &Policy) -> Instant {
    let from = f.contacted_at.unwrap_or(f.opened_at);
    later(from, Policy::days(policy.deadlines.formal_report_days))
}

/// Telling the customer an action is done: `action_followup_days` days after it was done.
pub fn action_followup(done: Instant, policy: &Policy) -> Instant {
    later(done, Policy::days(policy.deadlines.action_followup_days))
}
