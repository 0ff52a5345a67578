//! The rules: which obligations the records imply, with their owners and deadlines.
//! Each rule says what discharges it; `queue` orders the result.

use super::policy::Policy;
use super::queue::{
    Builder, ItemKind, Obligation, Subject, action_is_open, cadence_due, is_conversation,
};
use super::{
    ActionState, CustomerId, Dataset, FollowUpState, Instant, Interview, InterviewStatus, Role,
};
use std::collections::HashMap;

/// Per customer: what the scheduling rule needs to know.
#[derive(Default)]
struct Feedback {
    last_completed: Option<Instant>,
    booked: bool,
}

pub(crate) fn collect(data: &Dataset, policy: &Policy, out: &mut Builder<'_>) {
    let mut feedback: HashMap<CustomerId, Feedback> = HashMap::with_capacity(data.customers.len());
    for interview in &data.interviews {
        let entry = feedback.entry(interview.customer).or_default();
        match interview.status {
            InterviewStatus::Completed => {
                let at = interview.completed_at.unwrap_or(interview.scheduled_at);
                entry.last_completed = Some(entry.last_completed.map_or(at, |t| t.max(at)));
                after_interview(interview, policy, out);
            }
            InterviewStatus::Scheduled => {
                entry.booked = true;
                prebrief(interview, policy, out);
            }
            InterviewStatus::InProgress => entry.booked = true,
            InterviewStatus::Cancelled => {}
        }
    }
    scheduling(data, policy, &feedback, out);
    followups(data, policy, out);
    actions(data, policy, out);
}

/// Book the next interview: at the tier's cadence after the last one (at once if never), or
/// within `after_deliverable_days` of a deliverable delivered since. Discharged by booking one.
fn scheduling(
    data: &Dataset,
    policy: &Policy,
    feedback: &HashMap<CustomerId, Feedback>,
    out: &mut Builder<'_>,
) {
    let mut first_deliverable: HashMap<CustomerId, (&str, Instant)> = HashMap::new();
    for d in &data.deliverables {
        let last = feedback.get(&d.customer).and_then(|f| f.last_completed);
        if last.is_some_and(|t| t >= d.delivered_at) {
            continue; // an interview already followed this deliverable
        }
        let entry = first_deliverable
            .entry(d.customer)
            .or_insert((d.name.as_str(), d.delivered_at));
        if d.delivered_at < entry.1 {
            *entry = (d.name.as_str(), d.delivered_at);
        }
    }
    for c in data.customers.iter().filter(|c| c.is_current()) {
        let fb = feedback.get(&c.id);
        if fb.is_some_and(|f| f.booked) {
            continue;
        }
        let months = policy.cadence_months(c.tier);
        let (mut due, mut what) = match fb.and_then(|f| f.last_completed) {
            Some(last) => (
                cadence_due(last, months),
                format!(
                    "{months}-monthly interview (last {})",
                    last.format("%Y-%m-%d")
                ),
            ),
            None => (
                c.created_at,
                "First feedback interview (never interviewed)".to_string(),
            ),
        };
        if let Some((name, delivered)) = first_deliverable.get(&c.id) {
            let after = *delivered + Policy::days(policy.cadence.after_deliverable_days);
            if after < due {
                due = after;
                what = format!(
                    "Interview after deliverable \"{name}\" ({})",
                    delivered.format("%Y-%m-%d")
                );
            }
        }
        out.push(Obligation {
            kind: ItemKind::ScheduleInterview,
            subject: Subject::Customer(c.id),
            customer: c.id,
            what,
            owner_role: Some(Role::AccountManager),
            owner: c.account_manager,
            participants: c.executive_sponsor.into_iter().collect(),
            due,
            severity: None,
        });
    }
}

/// Pre-brief our executive a business day before a booked interview. Discharged by
/// `prebriefed_at`.
fn prebrief(i: &Interview, policy: &Policy, out: &mut Builder<'_>) {
    if i.prebriefed_at.is_some() {
        return;
    }
    let Some(c) = out.customer(i.customer) else {
        return;
    };
    let owner = c.account_manager;
    let due = out.cal.sub_days(
        i.scheduled_at,
        policy.deadlines.prebrief_business_days_before,
    );
    out.push(Obligation {
        kind: ItemKind::PreBrief,
        subject: Subject::Interview(i.id),
        customer: i.customer,
        what: format!(
            "Pre-brief for the interview on {}",
            i.scheduled_at.format("%Y-%m-%d %H:%M")
        ),
        owner_role: Some(Role::AccountManager),
        owner,
        participants: i.executive.into_iter().collect(),
        due,
        severity: None,
    });
}

/// The steps after a completed interview, each discharged by its own timestamp. Survey
/// responses owe the thank-you only (and their low scores open follow-ups like any other).
fn after_interview(i: &Interview, policy: &Policy, out: &mut Builder<'_>) {
    // A completed record without its completion time (an edited backup, say) still owes its
    // steps: nothing may silently drop out, so the booking time stands in.
    let done = i.completed_at.unwrap_or(i.scheduled_at);
    let d = &policy.deadlines;
    let (account_manager, salesperson) = out
        .customer(i.customer)
        .map_or((None, None), |c| (c.account_manager, c.salesperson));
    let executive = i.executive;
    let debriefed: Vec<_> = account_manager.into_iter().chain(salesperson).collect();
    let mut steps: Vec<(ItemKind, String, Role, Option<_>, Vec<_>, Instant)> = Vec::new();
    if i.acknowledged_at.is_none() {
        let due = out
            .cal
            .add(done, Policy::hours(d.acknowledge_business_hours));
        steps.push((
            ItemKind::Acknowledge,
            "Thank the customer for their feedback".into(),
            Role::AccountManager,
            account_manager,
            vec![],
            due,
        ));
    }
    if is_conversation(&i.trigger) {
        // With no executive recorded, the account manager answers for the interview's steps.
        let (role, owner) = match executive {
            Some(e) => (Role::Executive, Some(e)),
            None => (Role::AccountManager, account_manager),
        };
        if i.debriefed_at.is_none() {
            let due = done + Policy::hours(d.debrief_hours);
            steps.push((
                ItemKind::Debrief,
                "Debrief account manager and salesperson".into(),
                role,
                owner,
                debriefed.clone(),
                due,
            ));
        }
        if i.significant_issue && i.executives_informed_at.is_none() {
            let due = done + Policy::hours(d.inform_executives_hours);
            steps.push((
                ItemKind::InformExecutives,
                "Significant issue: inform the other executives".into(),
                role,
                owner,
                vec![],
                due,
            ));
        }
        if i.reported_at.is_none() {
            let due = done + Policy::days(d.report_president_days);
            steps.push((
                ItemKind::ReportPresident,
                "Written report of the interview to the President".into(),
                role,
                owner,
                vec![],
                due,
            ));
        }
        if i.disseminated_at.is_none() {
            let reported = i
                .reported_at
                .unwrap_or(done + Policy::days(d.report_president_days));
            let due = reported + Policy::days(d.disseminate_days_after_report);
            steps.push((
                ItemKind::Disseminate,
                "Share the results with the workforce".into(),
                role,
                owner,
                vec![],
                due,
            ));
        }
    }
    for (kind, what, role, owner, participants, due) in steps {
        out.push(Obligation {
            kind,
            subject: Subject::Interview(i.id),
            customer: i.customer,
            what,
            owner_role: Some(role),
            owner,
            participants,
            due,
            severity: None,
        });
    }
}

/// Low-score follow-ups: contact the customer within 1 business day when senior management
/// must attend (lowest score 1-2), else 2 (client and service managers). Once the context is
/// recorded, the formal report with actions is owed within `formal_report_days`, until it is
/// presented. Closing discharges both.
fn followups(data: &Dataset, policy: &Policy, out: &mut Builder<'_>) {
    let rules = &policy.low_scores;
    for f in &data.followups {
        let severity = f.severity.get();
        let senior = severity <= rules.senior_max;
        match f.state {
            FollowUpState::Open => {
                let days = if senior {
                    rules.senior_business_days
                } else {
                    rules.managers_business_days
                };
                let who = if senior {
                    "senior management must attend"
                } else {
                    "client manager and service manager to call"
                };
                let questions = if f.low_questions.is_empty() {
                    String::new()
                } else {
                    format!(" on {}", f.low_questions.join(", "))
                };
                out.push(Obligation {
                    kind: ItemKind::LowScoreFollowUp,
                    subject: Subject::FollowUp(f.id),
                    customer: f.customer,
                    what: format!("Lowest score {severity}{questions}: {who}; record the context"),
                    owner_role: Some(Role::AccountManager),
                    owner: f.owner,
                    participants: f.participants.clone(),
                    due: out.cal.add_days(f.opened_at, days),
                    severity: Some(severity),
                });
            }
            FollowUpState::Contacted | FollowUpState::ReportCommitted => {
                if f.report_presented_at.is_some() {
                    continue;
                }
                let from = f.contacted_at.unwrap_or(f.opened_at);
                out.push(Obligation {
                    kind: ItemKind::FormalReport,
                    subject: Subject::FollowUp(f.id),
                    customer: f.customer,
                    what: "Present the formal report with actions to the customer".into(),
                    owner_role: Some(Role::AccountManager),
                    owner: f.owner,
                    participants: vec![],
                    due: from + Policy::days(policy.deadlines.formal_report_days),
                    severity: Some(severity),
                });
            }
            FollowUpState::Closed => {}
        }
    }
}

/// Action items are due when their owner said; an action without a due date is due at once
/// (it needs one). Once done, telling the customer is due within `action_followup_days`.
fn actions(data: &Dataset, policy: &Policy, out: &mut Builder<'_>) {
    for a in &data.actions {
        let account_manager = out.customer(a.customer).and_then(|c| c.account_manager);
        if action_is_open(a.state) {
            let what = match a.due {
                Some(_) => format!("{} ({})", a.title, a.kind.as_str()),
                None => format!("{} ({}; no due date set)", a.title, a.kind.as_str()),
            };
            out.push(Obligation {
                kind: ItemKind::ActionItem,
                subject: Subject::Action(a.id),
                customer: a.customer,
                what,
                owner_role: None,
                owner: a.owner,
                participants: vec![],
                due: a.due.unwrap_or(a.created_at),
                severity: None,
            });
        } else if a.state == ActionState::Done {
            let done = a.done_at.unwrap_or(a.created_at);
            out.push(Obligation {
                kind: ItemKind::ActionFollowUp,
                subject: Subject::Action(a.id),
                customer: a.customer,
                what: format!("Tell the customer: \"{}\" is done", a.title),
                owner_role: Some(Role::AccountManager),
                owner: account_manager,
                participants: a.owner.into_iter().collect(),
                due: done + Policy::days(policy.deadlines.action_followup_days),
                severity: None,
            });
        }
    }
}
