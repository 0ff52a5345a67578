//! The rules: which obligations the records imply, with their owners and deadlines.
//! Each rule says what discharges it; `queue` orders the result.

use super::deadlines;
use super::ids::IdMap;
use super::policy::Policy;
use super::queue::{
    Builder, ItemKind, Obligation, Subject, action_is_open, cadence_due, is_conversation,
};
use super::senior::{Senior, SeniorPool};
use super::what::What;
use super::{
    ActionState, CustomerId, Dataset, FollowUpState, Instant, Interview, InterviewStatus, Role,
};

/// Per customer: what the scheduling rule needs to know.
#[derive(Default)]
struct Feedback {
    last_completed: Option<Instant>,
    booked: bool,
}

pub(crate) fn collect(data: &Dataset, policy: &Policy, out: &mut Builder<'_>) {
    let mut feedback: IdMap<CustomerId, Feedback> = IdMap::default();
    feedback.reserve(data.customers.len());
    let scope = out.scope;
    for interview in data.interviews.iter().filter(|i| scope.covers(i.customer)) {
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
    // Open work only: the digests know when the history not loaded was last completed.
    for d in data
        .digests
        .iter()
        .flatten()
        .filter(|d| scope.covers(d.customer))
    {
        if let Some(at) = d.last_completed() {
            let entry = feedback.entry(d.customer).or_default();
            entry.last_completed = Some(entry.last_completed.map_or(at, |t| t.max(at)));
        }
    }
    scheduling(data, policy, &feedback, out);
    followups(data, policy, out);
    actions(data, policy, out);
    super::requests::obligations(data, policy, out);
}

/// Book the next interview: at the tier's cadence after the last one (at once if never), or
/// within `after_deliverable_days` of a deliverable delivered since. Discharged by booking one.
fn scheduling(
    data: &Dataset,
    policy: &Policy,
    feedback: &IdMap<CustomerId, Feedback>,
    out: &mut Builder<'_>,
) {
    let mut first_deliverable: IdMap<CustomerId, (&str, Instant)> = IdMap::default();
    let scope = out.scope;
    for d in data
        .deliverables
        .iter()
        .filter(|d| scope.covers(d.customer))
    {
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
    // Planned on first need: only a customer never interviewed and not booked reads it.
    let mut first_round = None;
    for c in scope.customers(data).filter(|c| c.is_current()) {
        let fb = feedback.get(&c.id);
        if fb.is_some_and(|f| f.booked) {
            continue;
        }
        let months = policy.cadence_months(c.tier);
        let (mut due, mut what) = match fb.and_then(|f| f.last_completed) {
            Some(last) => (cadence_due(last, months), What::Cadence { months, last }),
            None => (
                first_round
                    .get_or_insert_with(|| super::first_round::first_due_of(data, policy, scope))
                    .get(&c.id)
                    .copied()
                    .unwrap_or(c.created_at),
                What::FirstInterview,
            ),
        };
        if let Some((name, delivered)) = first_deliverable.get(&c.id) {
            let last = fb.and_then(|f| f.last_completed);
            let after = super::spacing::after_deliverable_due(*delivered, last, policy);
            if after < due {
                due = after;
                what = What::AfterDeliverable {
                    name: (*name).to_string(),
                    delivered: *delivered,
                };
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
            opened_at: None,
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
    let due = deadlines::prebrief(i, policy, out.cal);
    out.push(Obligation {
        kind: ItemKind::PreBrief,
        subject: Subject::Interview(i.id),
        customer: i.customer,
        what: What::PreBrief { at: i.scheduled_at },
        owner_role: Some(Role::AccountManager),
        owner,
        participants: i.executive.into_iter().collect(),
        due,
        severity: None,
        opened_at: None,
    });
}

/// The steps after a completed interview, each discharged by its own timestamp. Survey
/// responses owe the thank-you only (and their low scores open follow-ups like any other).
fn after_interview(i: &Interview, policy: &Policy, out: &mut Builder<'_>) {
    let conversation = is_conversation(&i.trigger);
    let owes_steps = conversation
        && (i.debriefed_at.is_none()
            || (i.significant_issue && i.executives_informed_at.is_none())
            || i.reported_at.is_none()
            || i.disseminated_at.is_none());
    if i.acknowledged_at.is_some() && !owes_steps {
        return; // the common case on a large programme: everything was done
    }
    // A completed record without its completion time (an edited backup, say) still owes its
    // steps: nothing may silently drop out, so the booking time stands in.
    let done = deadlines::interview_done(i);
    let (account_manager, salesperson) = out
        .customer(i.customer)
        .map_or((None, None), |c| (c.account_manager, c.salesperson));
    let push = |out: &mut Builder<'_>, kind, what: &'static str, role, owner, participants, due| {
        out.push(Obligation {
            kind,
            subject: Subject::Interview(i.id),
            customer: i.customer,
            what: What::Text(what),
            owner_role: Some(role),
            owner,
            participants,
            due,
            severity: None,
            opened_at: Some(done),
        });
    };
    if i.acknowledged_at.is_none() {
        let due = deadlines::acknowledge(done, policy, out.cal);
        let what = "Thank the customer for their feedback";
        push(
            out,
            ItemKind::Acknowledge,
            what,
            Role::AccountManager,
            account_manager,
            vec![],
            due,
        );
    }
    if !owes_steps {
        return;
    }
    let (role, owner) = deadlines::steps_owner(i, account_manager);
    if i.debriefed_at.is_none() {
        let due = deadlines::debrief(done, policy);
        let debriefed = account_manager.into_iter().chain(salesperson).collect();
        push(
            out,
            ItemKind::Debrief,
            "Debrief account manager and salesperson",
            role,
            owner,
            debriefed,
            due,
        );
    }
    if i.significant_issue && i.executives_informed_at.is_none() {
        let due = deadlines::inform_executives(done, policy);
        let what = "Significant issue: inform the other executives";
        push(
            out,
            ItemKind::InformExecutives,
            what,
            role,
            owner,
            vec![],
            due,
        );
    }
    if i.reported_at.is_none() {
        let what = "Written report of the interview to the President";
        push(
            out,
            ItemKind::ReportPresident,
            what,
            role,
            owner,
            vec![],
            deadlines::report_president(done, policy),
        );
    }
    if i.disseminated_at.is_none() {
        let due = deadlines::disseminate(i, policy);
        let what = "Share the results with the workforce";
        push(out, ItemKind::Disseminate, what, role, owner, vec![], due);
    }
}

/// Low-score follow-ups: contact the customer within 1 business day when senior management
/// must attend (lowest score 1-2), else 2 (client and service managers). Once the context is
/// recorded, the formal report with actions is owed within `formal_report_days`, until it is
/// presented. Closing discharges both.
fn followups(data: &Dataset, policy: &Policy, out: &mut Builder<'_>) {
    let rules = &policy.low_scores;
    // Built on first need: most queues hold no open senior follow-up.
    let mut pool: Option<SeniorPool> = None;
    let scope = out.scope;
    for f in data.followups.iter().filter(|f| scope.covers(f.customer)) {
        let severity = f.severity.get();
        let senior = severity <= rules.senior_max;
        match f.state {
            FollowUpState::Open => {
                let mut participants = f.participants.clone();
                let cover = match out.customer(f.customer) {
                    Some(c) if senior => {
                        let pool = pool.get_or_insert_with(|| {
                            SeniorPool::new(data, &policy.senior_management)
                        });
                        pool.cover(&f.participants, c)
                    }
                    // A follow-up whose customer record is missing cannot be resolved: say so.
                    None if senior => Senior::Missing,
                    _ => Senior::NotNeeded,
                };
                // Someone found since the follow-up opened (a role given, a policy changed)
                // is named on the item, so the row shows who must attend.
                if let Senior::Attends { id, .. } = cover
                    && !participants.contains(&id)
                {
                    participants.push(id);
                }
                out.push(Obligation {
                    kind: ItemKind::LowScoreFollowUp,
                    subject: Subject::FollowUp(f.id),
                    customer: f.customer,
                    what: What::LowScore {
                        severity,
                        questions: f.lowest_questions(data.interview(f.interview)).join(", "),
                        senior: cover,
                    },
                    owner_role: Some(Role::AccountManager),
                    owner: f.owner,
                    participants,
                    due: deadlines::contact(f, policy, out.cal),
                    severity: Some(severity),
                    opened_at: Some(f.opened_at),
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
                    what: What::Text("Present the formal report with actions to the customer"),
                    owner_role: Some(Role::AccountManager),
                    owner: f.owner,
                    participants: vec![],
                    due: deadlines::formal_report(f, policy),
                    severity: Some(severity),
                    opened_at: Some(from),
                });
            }
            FollowUpState::Closed => {}
        }
    }
}

/// Action items are due when their owner said; an action without a due date is due at once
/// (it needs one). Once done, telling the customer is due within `action_followup_days`.
fn actions(data: &Dataset, policy: &Policy, out: &mut Builder<'_>) {
    let scope = out.scope;
    for a in data.actions.iter().filter(|a| scope.covers(a.customer)) {
        if action_is_open(a.state) {
            out.push(Obligation {
                kind: ItemKind::ActionItem,
                subject: Subject::Action(a.id),
                customer: a.customer,
                what: What::Action {
                    title: a.title.clone(),
                    kind: a.kind,
                    no_due_date: a.due.is_none(),
                },
                owner_role: None,
                owner: a.owner,
                participants: vec![],
                due: crate::core::lateness::action_due(a),
                severity: None,
                opened_at: Some(a.created_at),
            });
        } else if a.state == ActionState::Done {
            let done = a.done_at.unwrap_or(a.created_at);
            let account_manager = out.customer(a.customer).and_then(|c| c.account_manager);
            out.push(Obligation {
                kind: ItemKind::ActionFollowUp,
                subject: Subject::Action(a.id),
                customer: a.customer,
                what: What::ActionDone {
                    title: a.title.clone(),
                },
                owner_role: Some(Role::AccountManager),
                owner: account_manager,
                participants: a.owner.into_iter().collect(),
                due: deadlines::action_followup(done, policy),
                severity: None,
                opened_at: Some(done),
            });
        }
    }
}
