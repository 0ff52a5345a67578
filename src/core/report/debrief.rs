//! The debrief of one interview, for the account manager and the salesperson: what the
//! customer said, question by question (comments about individuals included and marked: the
//! debrief is where they belong), the follow-ups and actions it opened, and what is still owed.

use super::format::{self, NONE};
use super::{ReportError, Sources};
use crate::core::queue::{ItemKind, Subject};
use crate::core::{ActionItem, Customer, FollowUp, Individual, Interview, InterviewId, StaffId};
use serde::Serialize;

/// Shown where nobody is named.
const NOBODY: &str = "not assigned";

/// The debrief document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Debrief {
    /// The interview id, e.g. `I12`.
    pub interview: String,
    /// Who was interviewed.
    pub customer: CustomerFacts,
    /// Our account manager for the customer.
    pub account_manager: String,
    /// Our salesperson for the customer.
    pub salesperson: String,
    /// Our executive who conducted the interview.
    pub executive: String,
    /// Who we spoke to at the customer, with their role.
    pub contact: String,
    /// When it was completed.
    pub date: String,
    /// Why it happened.
    pub trigger: String,
    /// Mean of the scores given.
    pub average: String,
    /// Lowest score given.
    pub lowest: String,
    /// Whether significant issues came up (other executives must be informed).
    pub significant: bool,
    /// When the other executives were informed, if recorded.
    pub executives_informed: Option<String>,
    /// Every question, in the order asked.
    pub answers: Vec<DebriefAnswer>,
    /// How many comments are flagged about an individual.
    pub about_individuals: usize,
    /// The interviewer's own notes.
    pub notes: String,
    /// Follow-ups opened by the low scores.
    pub followups: Vec<FollowUpLine>,
    /// Corrective and preventive actions linked to the interview or its follow-ups.
    pub actions: Vec<ActionLine>,
    /// Queue items about this interview still owed.
    pub owed: Vec<OwedLine>,
    /// When the debrief was recorded as done, if it was.
    pub debriefed: Option<String>,
    /// When the document was written.
    pub written: String,
}

/// The customer, as the debrief names it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CustomerFacts {
    /// Company name.
    pub name: String,
    /// Id, e.g. `C4`.
    pub id: String,
    /// Annual contract value, short form.
    pub size: String,
    /// `key`, `growth` or `standard`.
    pub tier: String,
    /// Market segment.
    pub segment: String,
    /// Region.
    pub region: String,
}

/// One question's answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DebriefAnswer {
    /// 1-based position.
    pub number: usize,
    /// The question as asked.
    pub question: String,
    /// The score, or `N/A`.
    pub score: String,
    /// Whether the score is below 4.
    pub low: bool,
    /// The customer's words.
    pub comment: String,
    /// Whether the comment is about one of our people (`no`, `private` or `praise` in
    /// templates); a private one never reaches the digest.
    pub individual: Individual,
}

/// A follow-up and its next step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FollowUpLine {
    /// Id, e.g. `F3`.
    pub id: String,
    /// The lowest score that opened it.
    pub severity: u8,
    /// The questions scored low, joined.
    pub low_questions: String,
    /// Who must make the contact.
    pub owner: String,
    /// Everyone who must take part, joined.
    pub participants: String,
    /// Where it is in the loop.
    pub state: String,
    /// What the customer said when contacted, if recorded.
    pub context: String,
    /// The next step from the queue, or that nothing is owed.
    pub next: String,
    /// When the next step is due and how it stands, if one is owed.
    pub due: Option<String>,
}

/// An action item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionLine {
    /// Id, e.g. `A7`.
    pub id: String,
    /// What will be done.
    pub title: String,
    /// Whose issue it addresses.
    pub customer: String,
    /// Corrective or preventive.
    pub kind: String,
    /// Who is accountable.
    pub owner: String,
    /// Due date, or `no due date`.
    pub due: String,
    /// Board column, and how late when it is overdue.
    pub state: String,
}

/// A queue item still owed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OwedLine {
    /// What must be done.
    pub what: String,
    /// Who must do it.
    pub owner: String,
    /// Due time.
    pub due: String,
    /// Overdue, due today or upcoming, and how far off.
    pub state: String,
}

/// Builds the debrief of `id`, which must be a completed interview.
pub fn debrief(src: &Sources<'_>, id: InterviewId) -> Result<Debrief, ReportError> {
    let interview = src
        .data
        .interviews
        .iter()
        .find(|i| i.id == id)
        .ok_or(ReportError::UnknownInterview(id))?;
    if !interview.is_completed() {
        return Err(ReportError::NotCompleted(id));
    }
    let customer = src
        .data
        .customer(interview.customer)
        .ok_or(ReportError::NoCustomer(id))?;
    let cal = src.work_week;
    let mut followups: Vec<&FollowUp> = src
        .data
        .followups
        .iter()
        .filter(|f| f.interview == id)
        .collect();
    followups.sort_by_key(|f| f.id);
    let answers: Vec<DebriefAnswer> = interview
        .answers
        .iter()
        .enumerate()
        .map(|(n, a)| DebriefAnswer {
            number: n + 1,
            question: a.question.clone(),
            score: format::score(a.score),
            low: a.score.is_some_and(|s| s.get() < super::LOW_BELOW),
            comment: a.comment.clone(),
            individual: a.individual,
        })
        .collect();
    Ok(Debrief {
        interview: id.to_string(),
        customer: facts(customer),
        account_manager: src.name_or(customer.account_manager, NOBODY),
        salesperson: src.name_or(customer.salesperson, NOBODY),
        executive: src.name_or(interview.executive, "not recorded"),
        contact: contact(customer, interview),
        date: interview
            .completed_at
            .map_or_else(|| NONE.to_string(), |t| format::date_time(cal, t)),
        trigger: crate::core::wording::trigger(&interview.trigger),
        average: format::average(interview.average_score()),
        lowest: interview
            .lowest_score()
            .map_or_else(|| NONE.to_string(), |s| s.get().to_string()),
        significant: interview.significant_issue,
        executives_informed: interview
            .executives_informed_at
            .map(|t| format::date_time(cal, t)),
        about_individuals: answers
            .iter()
            .filter(|a| a.individual.is_flagged() && !a.comment.trim().is_empty())
            .count(),
        answers,
        notes: interview.notes.trim().to_string(),
        followups: followups.iter().map(|f| followup_line(src, f)).collect(),
        actions: linked_actions(src, id, &followups)
            .into_iter()
            .map(|a| action_line(src, a))
            .collect(),
        owed: src
            .items_about(Subject::Interview(id))
            .map(|item| OwedLine {
                what: item.what.to_string(),
                owner: src.name_or(item.owner, NOBODY),
                due: format::date_time(cal, item.due),
                state: format::item_state(cal, item, src.now),
            })
            .collect(),
        debriefed: interview.debriefed_at.map(|t| format::date_time(cal, t)),
        written: format::date_time(cal, src.now),
    })
}

fn facts(c: &Customer) -> CustomerFacts {
    CustomerFacts {
        name: c.name.clone(),
        id: c.id.to_string(),
        size: c.size.compact(),
        tier: c.tier.as_str().to_string(),
        segment: blank_as(&c.segment, "no segment"),
        region: blank_as(&c.region, "no region"),
    }
}

fn blank_as(text: &str, fallback: &str) -> String {
    if text.trim().is_empty() {
        fallback.to_string()
    } else {
        text.to_string()
    }
}

/// `Ada Byrne (COO)`, or that nobody was recorded.
fn contact(customer: &Customer, interview: &Interview) -> String {
    match interview.contact.and_then(|id| customer.contact(id)) {
        Some(p) if p.role.trim().is_empty() => p.name.clone(),
        Some(p) => format!("{} ({})", p.name, p.role),
        None => "not recorded".to_string(),
    }
}

fn names(src: &Sources<'_>, ids: &[StaffId]) -> String {
    let list: Vec<String> = ids
        .iter()
        .map(|id| src.name_or(Some(*id), "unknown"))
        .collect();
    if list.is_empty() {
        "nobody named".to_string()
    } else {
        list.join(", ")
    }
}

fn followup_line(src: &Sources<'_>, f: &FollowUp) -> FollowUpLine {
    let item = src.items_about(Subject::FollowUp(f.id)).next();
    FollowUpLine {
        id: f.id.to_string(),
        severity: f.severity.get(),
        low_questions: f.low_questions.join(", "),
        owner: src.name_or(f.owner, NOBODY),
        participants: names(src, &f.participants),
        state: format::followup_state(f.state).to_string(),
        context: f.context.trim().to_string(),
        next: item.map_or_else(|| "nothing owed".to_string(), |i| i.what.to_string()),
        due: item.map(|i| {
            format!(
                "{} ({})",
                format::date_time(src.work_week, i.due),
                format::item_state(src.work_week, i, src.now)
            )
        }),
    }
}

/// Actions from the interview or from one of its follow-ups, in id order.
fn linked_actions<'a>(
    src: &Sources<'a>,
    id: InterviewId,
    followups: &[&FollowUp],
) -> Vec<&'a ActionItem> {
    let mut list: Vec<&ActionItem> = src
        .data
        .actions
        .iter()
        .filter(|a| {
            a.interview == Some(id)
                || a.followup
                    .is_some_and(|f| followups.iter().any(|mine| mine.id == f))
        })
        .collect();
    list.sort_by_key(|a| a.id);
    list
}

/// An action with its state; open ones say how they stand in the queue.
pub(super) fn action_line(src: &Sources<'_>, a: &ActionItem) -> ActionLine {
    let mut state = format::action_state(a.state).to_string();
    if let Some(item) = src.items_about(Subject::Action(a.id)).next() {
        let how = format::item_state(src.work_week, item, src.now);
        state = if item.kind == ItemKind::ActionFollowUp {
            format!("{state}; telling the customer is {how}")
        } else {
            format!("{state}, {how}")
        };
    }
    ActionLine {
        id: a.id.to_string(),
        title: a.title.clone(),
        customer: src
            .data
            .customer(a.customer)
            .map_or_else(|| a.customer.to_string(), |c| c.name.clone()),
        kind: format::action_kind(a.kind).to_string(),
        owner: src.name_or(a.owner, NOBODY),
        due: a.due.map_or_else(
            || "no due date".to_string(),
            |t| format::date(src.work_week, t),
        ),
        state,
    }
}
