//! The letters the closed loop owes the customer, and whom each goes to:
//!
//! | letter | owed by the queue item | To | From | Cc |
//! |---|---|---|---|---|
//! | thank-you | Send thank-you (interview or survey response) | the contact who gave the feedback | our executive who conducted it, else the account manager | the account manager |
//! | invitation to the follow-up call | Low-score follow-up | the contact | the follow-up's owner, else the account manager | everyone the severity rule brings to the call: client (account) and service manager, plus senior management for a lowest score at or below `senior_max` |
//! | formal report | Formal report to customer | the contact | the owner | the same people as the call |
//!
//! The contact is the one the interview names, else the customer's first contact. Nobody is
//! named twice, and the sender is never copied. Whoever lacks an email on file is named in
//! [`Letter::missing`]: the letter can still be read and copied, but not written as an email
//! file until the address is on file. The words are in editable templates
//! (`assets/letter_*.md`), rendered by `io::letters`.

use super::queue::{ItemKind, Subject};
use super::report::Sources;
use super::report::format;
use super::{Customer, FollowUpId, InterviewId, StaffId, Trigger};
use serde::Serialize;

/// Which letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LetterKind {
    /// Thanks for the feedback (the acknowledge step).
    ThankYou,
    /// An invitation to the follow-up call on a low score.
    Invitation,
    /// The formal report with actions.
    Report,
}

impl LetterKind {
    /// Every letter, in the loop's order.
    pub const ALL: [LetterKind; 3] = [
        LetterKind::ThankYou,
        LetterKind::Invitation,
        LetterKind::Report,
    ];

    /// The letter a queue item owes, if it owes one.
    pub fn for_item(kind: ItemKind) -> Option<LetterKind> {
        match kind {
            ItemKind::Acknowledge => Some(LetterKind::ThankYou),
            ItemKind::LowScoreFollowUp => Some(LetterKind::Invitation),
            ItemKind::FormalReport => Some(LetterKind::Report),
            _ => None,
        }
    }

    /// The queue item that owes it.
    pub fn item_kind(self) -> ItemKind {
        match self {
            LetterKind::ThankYou => ItemKind::Acknowledge,
            LetterKind::Invitation => ItemKind::LowScoreFollowUp,
            LetterKind::Report => ItemKind::FormalReport,
        }
    }

    /// The name on the command line and in file names: `thank-you`, `invitation`, `report`.
    pub fn as_str(self) -> &'static str {
        match self {
            LetterKind::ThankYou => "thank-you",
            LetterKind::Invitation => "invitation",
            LetterKind::Report => "report",
        }
    }

    /// For people: `thank-you note`, `invitation to the follow-up call`, `formal report`.
    pub fn label(self) -> &'static str {
        match self {
            LetterKind::ThankYou => "thank-you note",
            LetterKind::Invitation => "invitation to the follow-up call",
            LetterKind::Report => "formal report",
        }
    }
}

/// A name and an address, as mail clients show them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mailbox {
    /// The person's name.
    pub name: String,
    /// Their email; empty when none is on file.
    pub email: String,
}

/// A person on our side who joins the follow-up call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attendee {
    /// Their name.
    pub name: String,
    /// What brings them: `client manager`, `service manager`, `senior management`, or empty.
    pub role: String,
}

/// A question scored low, as the letter quotes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LowAnswer {
    /// The question as asked.
    pub question: String,
    /// The score (1-5).
    pub score: u8,
}

/// What a letter's template can use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fields {
    /// Our reference: the interview (`I20`) or follow-up (`F3`).
    pub reference: String,
    /// The customer's company name.
    pub customer: String,
    /// Whom we write to: the contact's name, or `colleagues at Acme`.
    pub contact: String,
    /// `feedback interview` or `survey response`.
    pub source: String,
    /// When they gave the feedback (date).
    pub feedback_date: String,
    /// The questions scored below the threshold, in the order asked.
    pub low: Vec<LowAnswer>,
    /// The lowest score given.
    pub lowest: u8,
    /// When we call them by (the follow-up's deadline, date), when a call is owed.
    pub call_by: String,
    /// Who joins the call from our side (the invitation), sender first.
    pub team: Vec<Attendee>,
    /// Who signs: the sender's name, or `The customer success team`.
    pub signer: String,
}

/// A letter, addressed, before its words are rendered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    /// Which letter.
    pub kind: LetterKind,
    /// The record it is about.
    pub subject: Subject,
    /// The sender.
    pub from: Mailbox,
    /// The customer's contact.
    pub to: Mailbox,
    /// Our other people copied in.
    pub cc: Vec<Mailbox>,
    /// Who has no email on file, as sentences saying what to do.
    pub missing: Vec<String>,
    /// What the template uses.
    pub fields: Fields,
}

/// Why a letter cannot be written.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LetterError {
    /// No such record.
    #[error("there is no {0} in the store: check the id (hearback queue lists them)")]
    Unknown(String),
    /// The record names a customer or interview that is not there.
    #[error("{0} names {1} that is not in the store: hearback check names what is damaged")]
    Broken(String, &'static str),
    /// A thank-you for an interview that has not taken place.
    #[error(
        "{0} has not taken place yet: a thank-you follows a completed interview or survey response"
    )]
    NotCompleted(String),
}

/// The letter of `kind` about `subject` (an interview for the thank-you, a follow-up for the
/// others).
pub fn letter(
    src: &Sources<'_>,
    kind: LetterKind,
    subject: Subject,
) -> Result<Letter, LetterError> {
    match (kind, subject) {
        (LetterKind::ThankYou, Subject::Interview(id)) => thank_you(src, id),
        (LetterKind::Invitation | LetterKind::Report, Subject::FollowUp(id)) => {
            about_followup(src, kind, id)
        }
        (_, other) => Err(LetterError::Unknown(format!(
            "{} about {other}",
            kind.label()
        ))),
    }
}

fn thank_you(src: &Sources<'_>, id: InterviewId) -> Result<Letter, LetterError> {
    let data = src.data;
    let interview = data
        .interview(id)
        .ok_or_else(|| LetterError::Unknown(format!("interview {id}")))?;
    let customer = data
        .customer(interview.customer)
        .ok_or(LetterError::Broken(id.to_string(), "a customer"))?;
    let completed = interview
        .completed_at
        .ok_or_else(|| LetterError::NotCompleted(id.to_string()))?;
    let sender = interview.executive.or(customer.account_manager);
    let followup = data.followups.iter().find(|f| f.interview == id);
    let call_by = ahead(
        src,
        followup.and_then(|f| item_about(src, ItemKind::LowScoreFollowUp, Subject::FollowUp(f.id))),
    );
    let mut out = Addressing::new(src, customer, interview.contact, sender);
    out.copy(customer.account_manager);
    let fields = Fields {
        reference: id.to_string(),
        customer: customer.name.clone(),
        contact: out.to.name.clone(),
        source: source(&interview.trigger),
        feedback_date: format::date(src.work_week, completed),
        low: low_answers(src, interview, followup.map(|f| f.low_questions.as_slice())),
        lowest: interview.lowest_score().map_or(0, |s| s.get()),
        call_by,
        team: Vec::new(),
        signer: out.signer(),
    };
    Ok(out.letter(LetterKind::ThankYou, Subject::Interview(id), fields))
}

fn about_followup(
    src: &Sources<'_>,
    kind: LetterKind,
    id: FollowUpId,
) -> Result<Letter, LetterError> {
    let data = src.data;
    let f = data
        .followups
        .iter()
        .find(|f| f.id == id)
        .ok_or_else(|| LetterError::Unknown(format!("follow-up {id}")))?;
    let customer = data
        .customer(f.customer)
        .ok_or(LetterError::Broken(id.to_string(), "a customer"))?;
    let interview = data
        .interview(f.interview)
        .ok_or(LetterError::Broken(id.to_string(), "an interview"))?;
    // The queue item says who the rule brings to the call now (a senior manager found since
    // the follow-up opened is on it); without one, the follow-up's own record.
    let item = src
        .items
        .iter()
        .find(|i| i.kind == ItemKind::LowScoreFollowUp && i.subject == Subject::FollowUp(id));
    let people: Vec<StaffId> =
        item.map_or_else(|| f.participants.clone(), |i| i.participants.clone());
    let sender = f.owner.or(customer.account_manager);
    let mut out = Addressing::new(src, customer, interview.contact, sender);
    for person in &people {
        out.copy(Some(*person));
    }
    let mut team: Vec<Attendee> = Vec::new();
    for person in sender.into_iter().chain(people.iter().copied()) {
        let name = data.staff_name(Some(person)).to_string();
        if name.is_empty() || team.iter().any(|t| t.name == name) {
            continue;
        }
        team.push(Attendee {
            name,
            role: role_of(src, customer, person),
        });
    }
    let fields = Fields {
        reference: id.to_string(),
        customer: customer.name.clone(),
        contact: out.to.name.clone(),
        source: source(&interview.trigger),
        feedback_date: format::date(src.work_week, interview.completed_at.unwrap_or(f.opened_at)),
        low: low_answers(src, interview, Some(&f.low_questions)),
        lowest: f.severity.get(),
        call_by: ahead(src, item.map(|i| i.due)),
        team,
        signer: out.signer(),
    };
    Ok(out.letter(kind, Subject::FollowUp(id), fields))
}

/// The due time of the item of `kind` about `subject`, if the queue holds one.
fn item_about(src: &Sources<'_>, kind: ItemKind, subject: Subject) -> Option<super::Instant> {
    src.items
        .iter()
        .find(|i| i.kind == kind && i.subject == subject)
        .map(|i| i.due)
}

/// The date of `due` when it is still ahead (today counts); a deadline already missed is not
/// a promise to repeat to the customer, so the letter says "shortly" instead.
fn ahead(src: &Sources<'_>, due: Option<super::Instant>) -> String {
    due.filter(|t| *t >= src.work_week.day_start(src.now))
        .map(|t| format::date(src.work_week, t))
        .unwrap_or_default()
}

fn source(trigger: &Trigger) -> String {
    match trigger {
        Trigger::SurveyImport { .. } => "survey response",
        _ => "feedback interview",
    }
    .to_string()
}

/// The answers below the threshold (the follow-up's questions), in the order asked.
fn low_answers(
    src: &Sources<'_>,
    interview: &super::Interview,
    keys: Option<&[String]>,
) -> Vec<LowAnswer> {
    let Some(keys) = keys else {
        return Vec::new();
    };
    let mut low: Vec<(usize, LowAnswer)> = interview
        .answers
        .iter()
        .filter(|a| keys.contains(&a.question_key))
        .filter_map(|a| {
            let score = a.score?.get();
            let order = src
                .questions
                .questions
                .iter()
                .position(|q| q.key == a.question_key)
                .unwrap_or(usize::MAX);
            Some((
                order,
                LowAnswer {
                    question: a.question.clone(),
                    score,
                },
            ))
        })
        .collect();
    low.sort_by_key(|(order, _)| *order);
    low.into_iter().map(|(_, a)| a).collect()
}

/// Why `person` joins the call.
fn role_of(src: &Sources<'_>, customer: &Customer, person: StaffId) -> String {
    if customer.account_manager == Some(person) {
        "your client manager"
    } else if customer.service_manager == Some(person) {
        "your service manager"
    } else if src
        .data
        .staff_member(person)
        .is_some_and(|s| s.has_role(super::Role::SeniorManagement))
    {
        "senior management"
    } else {
        ""
    }
    .to_string()
}

mod addressing;
mod sent;

use addressing::Addressing;
pub use sent::{SentError, record_sent};

#[cfg(test)]
pub(crate) mod tests;
