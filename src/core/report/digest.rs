//! The workforce digest for a period: the interviews, the averages, what customers said and
//! what we are doing about it.
//!
//! **The rule.** Feedback about individuals never reaches the workforce unless the lead chose
//! to share it, in any form:
//! - a comment flagged as about an individual ([`Individual::Private`]) is left out whatever
//!   its score: a score judges the question, not one comment, so a 4 can carry a complaint
//!   about a named person;
//! - the only way such a comment reaches the digest is the lead's separate, deliberate
//!   marker [`Individual::Praise`] ("praise to share"), which keeps it in as written;
//! - what is left out leaves no trace: no placeholder, no count, no "comments withheld";
//! - apart from praise the lead marked to share, the digest names none of our people: no
//!   owners, account managers, executives or participants, and none of the free text that
//!   tends to name them (interview notes, what the customer said on a follow-up call, action
//!   details);
//! - as a safety net for a flag forgotten during a call, an unflagged comment or an action
//!   title that contains the full name of any of our people (active or not, case and spacing
//!   ignored) is left out too, whatever its score.

use super::averages;
use super::format::{self, NONE};
use super::president::{done_action_items, open_action_items};
use super::{Period, Sources, interviews_in};
use crate::core::{ActionItem, Answer, Dataset, Individual};
use serde::Serialize;

/// The workforce digest.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Digest {
    /// The period, e.g. `2026-11-01 to 2026-11-22`.
    pub period: String,
    /// How many interviews were completed in it.
    pub count: usize,
    /// Mean of every score given.
    pub average: String,
    /// The interviews, oldest first.
    pub interviews: Vec<DigestInterview>,
    /// Average per question.
    pub questions: Vec<DigestQuestion>,
    /// What customers said that may be shared.
    pub comments: Vec<DigestComment>,
    /// The actions being taken.
    pub actions: Vec<DigestAction>,
}

/// An interview of the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DigestInterview {
    /// Customer name.
    pub customer: String,
    /// Completion date.
    pub date: String,
    /// Mean score.
    pub average: String,
}

/// A question's average.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DigestQuestion {
    /// The question's key.
    pub key: String,
    /// Mean score.
    pub average: String,
    /// How many scores.
    pub answers: usize,
}

/// A comment that may be shared.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DigestComment {
    /// Customer name.
    pub customer: String,
    /// The question's key.
    pub question: String,
    /// The score, or `N/A`.
    pub score: String,
    /// The customer's words.
    pub comment: String,
}

/// An action being taken.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DigestAction {
    /// Customer name.
    pub customer: String,
    /// What will be done.
    pub title: String,
    /// Corrective or preventive.
    pub kind: String,
    /// Where it stands.
    pub state: String,
}

/// The full names of our people, folded for matching (lower case, single spaces).
pub(super) fn staff_names(data: &Dataset) -> Vec<String> {
    let mut names: Vec<String> = data
        .staff
        .iter()
        .map(|s| fold(&s.name))
        .filter(|n| !n.is_empty())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Lower case with runs of white space as one space, so `Tom  ELLERY` matches `Tom Ellery`.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `text` contains one of the folded `names`.
pub(super) fn names_someone(text: &str, names: &[String]) -> bool {
    let text = fold(text);
    names.iter().any(|n| text.contains(n.as_str()))
}

/// Whether an answer's comment may reach the workforce (see the module's rule).
pub fn shareable(answer: &Answer, staff_names: &[String]) -> bool {
    let text = answer.comment.trim();
    if text.is_empty() {
        return false;
    }
    match answer.individual {
        Individual::Private => false,
        Individual::Praise => true,
        Individual::No => !names_someone(text, staff_names),
    }
}

/// Builds the workforce digest for `period`.
pub fn digest(src: &Sources<'_>, period: Period) -> Digest {
    let cal = src.work_week;
    let list = interviews_in(src.data, period);
    let names = staff_names(src.data);
    let customer = |id| {
        src.data
            .customer(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    };
    let per_question = averages::per_question(&list);
    let questions = averages::keys(src.questions, &[&per_question])
        .into_iter()
        .map(|key| {
            let t = per_question.get(key).copied().unwrap_or_default();
            DigestQuestion {
                key: key.to_string(),
                average: format::average(t.mean()),
                answers: t.n,
            }
        })
        .collect();
    let comments = list
        .iter()
        .flat_map(|i| i.answers.iter().map(move |a| (i, a)))
        .filter(|(_, a)| shareable(a, &names))
        .map(|(i, a)| DigestComment {
            customer: customer(i.customer),
            question: a.question_key.clone(),
            score: format::score(a.score),
            comment: a.comment.trim().to_string(),
        })
        .collect();
    Digest {
        period: format::period_of(cal, period),
        count: list.len(),
        average: format::average(averages::overall(&list).mean()),
        interviews: list
            .iter()
            .map(|i| DigestInterview {
                customer: customer(i.customer),
                date: i
                    .completed_at
                    .map_or_else(|| NONE.to_string(), |t| format::date(cal, t)),
                average: format::average(i.average_score()),
            })
            .collect(),
        questions,
        comments,
        actions: actions(src, period)
            .into_iter()
            .filter(|a| !names_someone(&a.title, &names))
            .map(|a| DigestAction {
                customer: customer(a.customer),
                title: a.title.clone(),
                kind: format::action_kind(a.kind).to_string(),
                state: format::action_state(a.state).to_string(),
            })
            .collect(),
    }
}

/// The actions being taken: those open now (soonest due first), then those done in the
/// period (in the order they were done).
fn actions<'a>(src: &Sources<'a>, period: Period) -> Vec<&'a ActionItem> {
    let mut list = open_action_items(src);
    list.extend(done_action_items(src, period));
    list
}
