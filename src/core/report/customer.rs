//! The formal report to the customer after a low score: what they told us, what we are doing
//! about it, who is accountable and when we will come back to them. The client manager commits
//! to it once the customer was contacted; presenting it closes the follow-up.
//!
//! It is keyed by the follow-up, not the interview: the follow-up is what the queue item, the
//! recorded context, the actions and the "presented" step all belong to.
//!
//! **What the customer's copy leaves out.** It goes outside the company, so it follows the
//! workforce digest's rule about people ([`shareable`]) and holds nothing kept for us only:
//! - a comment flagged about one of our people (or an unflagged one that names one) is left
//!   out without a trace; the score it came with stays, it is the customer's own;
//! - the context recorded on the call, an action's title or its detail that names one of our
//!   people is left out the same way (an action whose title names someone is left out whole:
//!   it is about a person, not about the service);
//! - nothing from the pre-brief (personality, problems), no risk flag, no significant-issue
//!   flag, no queue lateness, no severity rule.
//!
//! What was left out is listed in [`CustomerReport::notes`] for the lead (never rendered), with
//! what the lead should fix before presenting it (an action without owner or due date).

mod note;
pub use note::Note;

use super::digest::{names_someone, shareable, staff_names};
use super::format;
use super::{ReportError, Sources};
use crate::core::queue::{ItemKind, Subject};
use crate::core::{
    ActionItem, ActionKind, ActionState, FollowUp, FollowUpId, FollowUpState, InterviewStatus,
    Trigger,
};
use serde::Serialize;

/// The formal report to the customer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CustomerReport {
    /// The follow-up id, our reference, e.g. `F12`.
    pub followup: String,
    /// The customer's company name.
    pub customer: String,
    /// Whom it is addressed to: the contact we spoke with, or the team at the customer.
    pub addressee: String,
    /// How the feedback came: `feedback interview` or `survey response`.
    pub source: String,
    /// When the feedback was given (date).
    pub feedback_date: String,
    /// The questions they scored low, in the order asked.
    pub low: Vec<LowScore>,
    /// What they explained when we called, if it may be shared.
    pub context: String,
    /// When we called them (date), if recorded.
    pub contacted: Option<String>,
    /// The corrective and preventive actions, in id order.
    pub actions: Vec<CustomerAction>,
    /// Who is accountable for the report and for seeing the actions through.
    pub owner: String,
    /// Our other people who took part in the follow-up, joined.
    pub with: String,
    /// How many days after an action is done we confirm it with the customer.
    pub followup_days: u32,
    /// The latest due date of the actions still open, when it is still ahead.
    pub last_due: Option<String>,
    /// Whether every action is done.
    pub all_done: bool,
    /// When their next feedback interview is booked or planned, as a sentence.
    pub next_interview: String,
    /// When the document was written (date).
    pub written: String,
    /// For the lead, never rendered: what was left out and what to fix before presenting.
    #[serde(skip)]
    pub notes: Vec<Note>,
}

/// A question the customer scored low.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LowScore {
    /// The question as asked.
    pub question: String,
    /// The score given.
    pub score: u8,
    /// Their words, when they may be shared; else empty.
    pub comment: String,
}

/// An action as the customer reads it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CustomerAction {
    /// What will be done.
    pub title: String,
    /// More detail, when it may be shared; else empty.
    pub detail: String,
    /// `corrective` or `preventive`, with what that means.
    pub kind: String,
    /// Who is accountable.
    pub owner: String,
    /// The due date, or `to be confirmed`.
    pub due: String,
    /// Where it stands, with the date we confirm it with them once done.
    pub state: String,
}

/// Builds the report to the customer for follow-up `id`; `followup_days` is the policy's
/// time to confirm a done action with the customer.
pub fn customer_report(
    src: &Sources<'_>,
    id: FollowUpId,
    followup_days: u32,
) -> Result<CustomerReport, ReportError> {
    let data = src.data;
    let cal = src.work_week;
    let f = data
        .followups
        .iter()
        .find(|f| f.id == id)
        .ok_or(ReportError::UnknownFollowUp(id))?;
    if f.state == FollowUpState::Open || f.context.trim().is_empty() {
        return Err(ReportError::NotContacted(id));
    }
    let customer = data
        .customer(f.customer)
        .ok_or(ReportError::Broken(id, "a customer"))?;
    let interview = data
        .interview(f.interview)
        .ok_or(ReportError::Broken(id, "an interview"))?;
    let actions = linked_actions(src, f);
    if actions.is_empty() {
        return Err(ReportError::NoActions(id));
    }
    let names = staff_names(data);
    let mut notes = Vec::new();
    let low = interview
        .answers
        .iter()
        .filter_map(|a| {
            let score = a.score?.get();
            let low = score < super::LOW_BELOW || f.low_questions.contains(&a.question_key);
            if !low {
                return None;
            }
            let keep = shareable(a, &names);
            if !keep && !a.comment.trim().is_empty() {
                notes.push(Note::Comment(a.question_key.clone()));
            }
            Some(LowScore {
                question: a.question.clone(),
                score,
                comment: if keep {
                    a.comment.trim().to_string()
                } else {
                    String::new()
                },
            })
        })
        .collect();
    let context = if names_someone(&f.context, &names) {
        notes.push(Note::Context(id));
        String::new()
    } else {
        f.context.trim().to_string()
    };
    let mut shown = Vec::new();
    for a in &actions {
        if names_someone(&a.title, &names) {
            notes.push(Note::Action(a.id));
            continue;
        }
        shown.push(customer_action(src, a, followup_days, &names, &mut notes));
    }
    if shown.is_empty() {
        return Err(ReportError::NoActions(id));
    }
    let open: Vec<&&ActionItem> = actions
        .iter()
        .filter(|a| matches!(a.state, ActionState::ToDo | ActionState::Doing))
        .collect();
    // Only a date still ahead is a promise worth repeating; past ones are in the notes.
    let last_due = open
        .iter()
        .filter_map(|a| a.due)
        .max()
        .filter(|t| *t > src.now)
        .map(|t| format::date(cal, t));
    let owner_id = f.owner.or(customer.account_manager);
    if owner_id.is_none() {
        notes.push(Note::Unsigned(id));
    }
    let contact = interview
        .contact
        .and_then(|c| customer.contact(c))
        .or_else(|| customer.primary_contact());
    Ok(CustomerReport {
        followup: id.to_string(),
        customer: customer.name.clone(),
        addressee: contact.map_or_else(
            || format!("colleagues at {}", customer.name),
            |c| c.name.clone(),
        ),
        source: match interview.trigger {
            Trigger::SurveyImport { .. } => "survey response",
            _ => "feedback interview",
        }
        .to_string(),
        feedback_date: format::date(cal, interview.completed_at.unwrap_or(f.opened_at)),
        low,
        context,
        contacted: f.contacted_at.map(|t| format::date(cal, t)),
        actions: shown,
        owner: src.name_or(owner_id, "The customer success team"),
        with: others(src, f, owner_id),
        followup_days,
        last_due,
        all_done: open.is_empty(),
        next_interview: next_interview(src, f),
        written: format::date(cal, src.now),
        notes,
    })
}

/// Actions from the follow-up, and those from its interview that name no follow-up.
fn linked_actions<'a>(src: &Sources<'a>, f: &FollowUp) -> Vec<&'a ActionItem> {
    let mut list: Vec<&ActionItem> = src
        .data
        .actions
        .iter()
        .filter(|a| {
            a.followup == Some(f.id) || (a.followup.is_none() && a.interview == Some(f.interview))
        })
        .collect();
    list.sort_by_key(|a| a.id);
    list
}

fn customer_action(
    src: &Sources<'_>,
    a: &ActionItem,
    followup_days: u32,
    names: &[String],
    notes: &mut Vec<Note>,
) -> CustomerAction {
    let cal = src.work_week;
    let detail = if names_someone(&a.detail, names) {
        notes.push(Note::Detail(a.id));
        String::new()
    } else {
        a.detail.trim().to_string()
    };
    if a.owner.is_none() {
        notes.push(Note::NoOwner(a.id));
    }
    let open = matches!(a.state, ActionState::ToDo | ActionState::Doing);
    match a.due {
        None => notes.push(Note::NoDue(a.id)),
        Some(due) if open && due < src.now => {
            notes.push(Note::PastDue(a.id, format::date(cal, due)));
        }
        Some(_) => {}
    }
    let done = a.done_at.map(|t| format::date(cal, t));
    let state = match (a.state, done) {
        (ActionState::ToDo, _) => "planned".to_string(),
        (ActionState::Doing, _) => "in progress".to_string(),
        (ActionState::Done, done) => {
            // The queue's own date for telling them, else the policy's from when it was done.
            let by = src
                .items
                .iter()
                .find(|i| i.kind == ItemKind::ActionFollowUp && i.subject == Subject::Action(a.id))
                .map(|i| i.due)
                .or_else(|| {
                    a.done_at
                        .map(|t| t + chrono::Duration::days(i64::from(followup_days)))
                });
            let done = done.map_or_else(|| "done".to_string(), |d| format!("done on {d}"));
            match by {
                Some(by) if by > src.now => format!(
                    "{done}; we will go through it with you by {}",
                    format::date(cal, by)
                ),
                // A date gone by reads as a broken promise: the report itself is the moment.
                _ => format!("{done}; we will go through it with you when we present this report"),
            }
        }
        (ActionState::FollowedUp, done) => {
            let done = done.map_or_else(|| "done".to_string(), |d| format!("done on {d}"));
            match a.followed_up_at {
                Some(t) => format!("{done}, confirmed with you on {}", format::date(cal, t)),
                None => format!("{done}, confirmed with you"),
            }
        }
    };
    CustomerAction {
        title: a.title.trim().to_string(),
        detail,
        kind: match a.kind {
            ActionKind::Corrective => "corrective (puts right what went wrong)",
            ActionKind::Preventive => "preventive (stops it happening again)",
        }
        .to_string(),
        owner: src.name_or(a.owner, "to be named"),
        due: a
            .due
            .map_or_else(|| "to be confirmed".to_string(), |t| format::date(cal, t)),
        state,
    }
}

/// Our other people on the follow-up, by name, joined with commas and `and`.
fn others(src: &Sources<'_>, f: &FollowUp, owner: Option<crate::core::StaffId>) -> String {
    let mut list: Vec<String> = Vec::new();
    for id in &f.participants {
        let name = src.data.staff_name(Some(*id));
        if Some(*id) != owner && !name.is_empty() && !list.iter().any(|n| n == name) {
            list.push(name.to_string());
        }
    }
    match list.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Their next feedback interview: the earliest one booked, else when the queue plans one.
fn next_interview(src: &Sources<'_>, f: &FollowUp) -> String {
    let cal = src.work_week;
    let booked = src
        .data
        .interviews
        .iter()
        .filter(|i| i.customer == f.customer && i.status == InterviewStatus::Scheduled)
        .filter(|i| i.scheduled_at >= src.now)
        .map(|i| i.scheduled_at)
        .min();
    if let Some(at) = booked {
        return format!(
            "Your next feedback interview is booked for {}.",
            format::date(cal, at)
        );
    }
    let planned = src
        .items_about(Subject::Customer(f.customer))
        .find(|i| i.kind == ItemKind::ScheduleInterview)
        .map(|i| i.due);
    match planned {
        Some(due) if due > src.now => format!(
            "We will be in touch to book your next feedback interview around {}.",
            format::date(cal, due)
        ),
        _ => "We will be in touch shortly to book your next feedback interview.".to_string(),
    }
}
