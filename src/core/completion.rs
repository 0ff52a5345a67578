//! Completing an interview (or recording a survey response): one plan that stores the
//! interview, opens the low-score follow-up with its owners, and appends the timeline. The
//! queue then derives thank-you, debrief, report and dissemination from the stored record;
//! [`opened_by`] asks the queue itself what a plan will open, for the confirmation screen.

use super::business_time::WorkWeek;
use super::policy::Policy;
use super::queue::{Item, queue};
use super::senior::{MISSING_TEXT, Senior, senior_manager};
use super::{
    Change, ChangeSet, Customer, Dataset, EventKind, FollowUp, FollowUpId, FollowUpState,
    IdAllocator, Instant, Interview, InterviewStatus, StaffId, TimelineEvent,
};

/// What completing an interview will do, for the confirmation screen and the store.
#[derive(Clone, Debug, PartialEq)]
pub struct CompletionPlan {
    /// The interview as it will be stored.
    pub interview: Interview,
    /// The follow-up a low score opens, if any.
    pub followup: Option<FollowUp>,
    /// Whether that follow-up needs senior management and who (or nobody) was found.
    pub senior: Senior,
    /// Everything to write in one transaction.
    pub changes: ChangeSet,
}

/// Why an interview cannot be completed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CompletionError {
    /// Already completed or cancelled.
    #[error("interview {0} is already {1}")]
    NotOpen(String, &'static str),
    /// No customer record.
    #[error("interview {0} names customer {1}, which does not exist")]
    UnknownCustomer(String, String),
    /// Nothing scored at all.
    #[error("interview {0} has no scores; score at least one question (or mark it cancelled)")]
    NoScores(String),
}

/// The people a low-score follow-up brings together, and whether senior management is covered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Team {
    /// Everyone named, each once: account manager, service manager, then senior management.
    pub people: Vec<StaffId>,
    /// Senior management: not needed, who attends, or nobody found (said loudly, never dropped).
    pub senior: Senior,
}

/// Who takes part in a follow-up of this severity: the client (account) manager and the
/// service manager for the lightest low score; plus senior management at or below
/// `senior_max`, found by [`senior_manager`] per `[policy.senior_management]`.
pub fn participants(data: &Dataset, customer: &Customer, severity: u8, policy: &Policy) -> Team {
    let mut people: Vec<StaffId> = Vec::new();
    let mut add = |id: StaffId| {
        // One person may hold several of these seats; name each once.
        if !people.contains(&id) {
            people.push(id);
        }
    };
    customer.account_manager.into_iter().for_each(&mut add);
    customer.service_manager.into_iter().for_each(&mut add);
    let senior = if severity <= policy.low_scores.senior_max {
        senior_manager(data, customer, &policy.senior_management)
    } else {
        Senior::NotNeeded
    };
    if let Senior::Attends { id, .. } = senior {
        add(id);
    }
    Team { people, senior }
}

/// Plans the completion of `interview` at `at`, by `actor`.
pub fn plan_completion(
    data: &Dataset,
    mut interview: Interview,
    policy: &Policy,
    at: Instant,
    actor: &str,
    ids: &mut IdAllocator,
) -> Result<CompletionPlan, CompletionError> {
    let label = interview.id.to_string();
    match interview.status {
        InterviewStatus::Completed => return Err(CompletionError::NotOpen(label, "completed")),
        InterviewStatus::Cancelled => return Err(CompletionError::NotOpen(label, "cancelled")),
        InterviewStatus::Scheduled | InterviewStatus::InProgress => {}
    }
    let customer = data.customer(interview.customer).ok_or_else(|| {
        CompletionError::UnknownCustomer(label.clone(), interview.customer.to_string())
    })?;
    let Some(lowest) = interview.lowest_score() else {
        return Err(CompletionError::NoScores(label));
    };
    interview.status = InterviewStatus::Completed;
    interview.completed_at = Some(at);
    interview.started_at.get_or_insert(at);

    let mut changes = ChangeSet::new();
    let average = interview.average_score().unwrap_or(0.0);
    let event = |kind, summary: String, reference: String| {
        Change::Event(TimelineEvent {
            customer: customer.id,
            at,
            actor: actor.to_string(),
            kind,
            summary,
            reference: Some(reference),
        })
    };
    changes.push(Change::Interview(interview.clone()));
    changes.push(event(
        EventKind::InterviewCompleted,
        format!(
            "Interview {label} completed: average {average:.1}, lowest {}",
            lowest.get()
        ),
        label.clone(),
    ));

    let threshold = policy.low_scores.threshold;
    let low: Vec<String> = interview
        .answers
        .iter()
        .filter(|a| a.score.is_some_and(|s| s.get() < threshold))
        .map(|a| a.question_key.clone())
        .collect();
    let team = participants(data, customer, lowest.get(), policy);
    let senior = if low.is_empty() {
        Senior::NotNeeded
    } else {
        team.senior
    };
    let followup = (!low.is_empty()).then(|| FollowUp {
        id: FollowUpId(ids.next_id()),
        customer: customer.id,
        interview: interview.id,
        severity: lowest,
        low_questions: low.clone(),
        owner: customer.account_manager,
        participants: team.people,
        state: FollowUpState::Open,
        opened_at: at,
        contacted_at: None,
        context: String::new(),
        report_committed_at: None,
        report_presented_at: None,
        closed_at: None,
    });
    if let Some(f) = &followup {
        let who: Vec<&str> = f
            .participants
            .iter()
            .map(|id| data.staff_name(Some(*id)))
            .filter(|name| !name.is_empty())
            .collect();
        let mut who = match who.as_slice() {
            [] => "nobody on file yet: assign an owner".to_string(),
            names => names.join(", "),
        };
        if senior.is_missing() {
            who = format!("{who}. {MISSING_TEXT}");
        }
        changes.push(Change::FollowUp(f.clone()));
        changes.push(event(
            EventKind::FollowUpOpened,
            format!(
                "Lowest score {} on {}: follow-up {} opened for {who}",
                lowest.get(),
                f.lowest_questions(Some(&interview)).join(", "),
                f.id,
            ),
            f.id.to_string(),
        ));
    }
    Ok(CompletionPlan {
        interview,
        followup,
        senior,
        changes,
    })
}

/// The obligations completing `plan` opens, in queue order: the queue's own rules run over the
/// customer's records before and after the plan, so the confirmation screen lists exactly what
/// the queue will show (inform executives included when the issue is significant), and cannot
/// drift from it.
pub fn opened_by(
    data: &Dataset,
    plan: &CompletionPlan,
    policy: &Policy,
    cal: &WorkWeek,
    now: Instant,
) -> Vec<Item> {
    let customer = plan.interview.customer;
    // Only this customer's records can gain obligations from the plan: run the rules over
    // those (and our people, who decide who must attend) instead of the whole programme.
    let before = Dataset {
        staff: data.staff.clone(),
        customers: data.customer(customer).cloned().into_iter().collect(),
        interviews: mine(&data.interviews, |i| i.customer == customer),
        followups: mine(&data.followups, |f| f.customer == customer),
        actions: mine(&data.actions, |a| a.customer == customer),
        deliverables: mine(&data.deliverables, |d| d.customer == customer),
        snoozes: data.snoozes.clone(),
        digests: data
            .digests
            .as_ref()
            .map(|d| mine(d, |d| d.customer == customer)),
        highest_id: data.highest_id,
        crm_fields: Vec::new(),
        monitors: mine(&data.monitors, |m| m.customer == customer),
        requests: mine(&data.requests, |r| r.customer == customer),
    };
    let mut after = before.clone();
    after.apply(&plan.changes);
    let known: std::collections::HashSet<String> = queue(&before, policy, cal, now)
        .iter()
        .map(Item::key)
        .collect();
    queue(&after, policy, cal, now)
        .into_iter()
        .filter(|i| !known.contains(&i.key()))
        .collect()
}

fn mine<T: Clone>(records: &[T], keep: impl Fn(&T) -> bool) -> Vec<T> {
    records.iter().filter(|r| keep(r)).cloned().collect()
}
