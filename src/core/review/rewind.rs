//! The records as they stood at an earlier time, as far as their timestamps tell: what the
//! queue owed at the end of a past week is the queue of these records at that time.
//!
//! A record created after `t` is left out; a step done after `t` is taken as not done, and the
//! record's state goes back to what its remaining timestamps say. What has no timestamp (a
//! customer's tier or lifecycle, an owner reassigned, a booking moved or cancelled) is taken as
//! it stands now.

use crate::core::{
    ActionState, Dataset, FollowUp, FollowUpState, Instant, Interview, InterviewStatus,
};

/// `data` wound back to `t`.
pub fn as_of(data: &Dataset, t: Instant) -> Dataset {
    let after = |x: Option<Instant>| x.is_some_and(|x| x > t);
    let mut then = Dataset {
        staff: data.staff.clone(),
        customers: data
            .customers
            .iter()
            .filter(|c| c.created_at <= t)
            .cloned()
            .collect(),
        interviews: data.interviews.iter().map(|i| interview(i, t)).collect(),
        followups: data
            .followups
            .iter()
            .filter(|f| f.opened_at <= t)
            .map(|f| followup(f, t))
            .collect(),
        actions: data
            .actions
            .iter()
            .filter(|a| a.created_at <= t)
            .cloned()
            .collect(),
        deliverables: data
            .deliverables
            .iter()
            .filter(|d| d.delivered_at <= t)
            .cloned()
            .collect(),
        snoozes: data.snoozes.iter().filter(|s| s.at <= t).cloned().collect(),
        digests: data.digests.clone(),
        highest_id: data.highest_id,
        crm_fields: data.crm_fields.clone(),
        monitors: data
            .monitors
            .iter()
            .filter(|m| m.on <= t)
            .cloned()
            .collect(),
        requests: data
            .requests
            .iter()
            .filter(|r| r.received_at <= t)
            .map(|r| request(r, t))
            .collect(),
    };
    for a in &mut then.actions {
        if after(a.followed_up_at) {
            a.followed_up_at = None;
            if a.state == ActionState::FollowedUp {
                a.state = ActionState::Done;
            }
        }
        if after(a.done_at) {
            a.done_at = None;
            if matches!(a.state, ActionState::Done | ActionState::FollowedUp) {
                a.state = ActionState::Doing;
            }
        }
    }
    then
}

/// An interview at `t`: completed after it means still booked then, with no step done.
fn interview(i: &Interview, t: Instant) -> Interview {
    let mut i = i.clone();
    let keep = |x: &mut Option<Instant>| {
        if x.is_some_and(|x| x > t) {
            *x = None;
        }
    };
    keep(&mut i.prebriefed_at);
    keep(&mut i.started_at);
    let completed = crate::core::deadlines::interview_done(&i);
    if i.status == InterviewStatus::Completed && completed > t {
        i.status = InterviewStatus::Scheduled;
        i.completed_at = None;
    }
    for step in [
        &mut i.acknowledged_at,
        &mut i.debriefed_at,
        &mut i.executives_informed_at,
        &mut i.reported_at,
        &mut i.disseminated_at,
    ] {
        keep(step);
    }
    i
}

/// A follow-up at `t` (opened by then): its state from the steps done by then.
fn followup(f: &FollowUp, t: Instant) -> FollowUp {
    let mut f = f.clone();
    let mut changed = false;
    for step in [
        &mut f.contacted_at,
        &mut f.report_committed_at,
        &mut f.report_presented_at,
        &mut f.closed_at,
    ] {
        if step.is_some_and(|x| x > t) {
            *step = None;
            changed = true;
        }
    }
    if changed {
        f.state = if f.closed_at.is_some() {
            FollowUpState::Closed
        } else if f.report_committed_at.is_some() {
            FollowUpState::ReportCommitted
        } else if f.contacted_at.is_some() {
            FollowUpState::Contacted
        } else {
            FollowUpState::Open
        };
    }
    f
}

/// A request as it stood at `t`: not yet answered or resolved if that came later.
fn request(r: &crate::core::Request, t: Instant) -> crate::core::Request {
    let mut r = r.clone();
    if r.first_response_at.is_some_and(|x| x > t) {
        r.first_response_at = None;
        r.responded_by = None;
    }
    if r.resolved_at.is_some_and(|x| x > t) {
        r.resolved_at = None;
        r.resolved_by = None;
    }
    r
}
