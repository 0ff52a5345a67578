//! Follow-ups opened by low scores, and snoozes of queue items.

use super::ids::{CustomerId, FollowUpId, InterviewId, StaffId};
use super::interview::{Interview, Score};
use super::{Instant, ms};
use serde::{Deserialize, Serialize};

/// Where a follow-up is in the closed loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FollowUpState {
    /// Opened by a low score; nobody has spoken to the customer yet.
    Open,
    /// The customer was contacted and the context recorded.
    Contacted,
    /// The client manager committed to a formal report with actions.
    ReportCommitted,
    /// The loop is closed.
    Closed,
}

/// A follow-up: a low score that someone must call the customer about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// Store-assigned id.
    pub id: FollowUpId,
    /// Whose score.
    pub customer: CustomerId,
    /// The interview or survey response that scored low.
    pub interview: InterviewId,
    /// The lowest score; 1-2 needs senior management, 3 the client and service managers.
    pub severity: Score,
    /// Keys of the questions that scored below 4.
    pub low_questions: Vec<String>,
    /// The named person accountable for making the contact.
    pub owner: Option<StaffId>,
    /// Everyone who must take part in the contact (by the severity rule).
    pub participants: Vec<StaffId>,
    /// State in the loop.
    pub state: FollowUpState,
    /// When it was opened; the time limit runs from here.
    #[serde(with = "ms")]
    pub opened_at: Instant,
    /// When the customer was contacted.
    #[serde(with = "ms::opt")]
    pub contacted_at: Option<Instant>,
    /// What the customer said when contacted: the input to root-cause analysis.
    pub context: String,
    /// When the formal report with actions was committed to.
    #[serde(with = "ms::opt")]
    pub report_committed_at: Option<Instant>,
    /// When the formal report was presented to the customer.
    #[serde(with = "ms::opt")]
    pub report_presented_at: Option<Instant>,
    /// When the loop was closed.
    #[serde(with = "ms::opt")]
    pub closed_at: Option<Instant>,
}

impl FollowUp {
    /// The questions that got the lowest score, the ones its text names ("Lowest score 2 on
    /// responsiveness"): a 3 beside a 2 is not what the call is about. Without the interview
    /// at hand, every question below 4.
    pub fn lowest_questions<'a>(&'a self, interview: Option<&Interview>) -> Vec<&'a str> {
        let lowest = |key: &str| {
            interview.is_none_or(|i| {
                i.answers
                    .iter()
                    .any(|a| a.question_key == key && a.score == Some(self.severity))
            })
        };
        let keys: Vec<&str> = self.low_questions.iter().map(String::as_str).collect();
        let named: Vec<&str> = keys.iter().copied().filter(|k| lowest(k)).collect();
        // An interview edited since cannot leave the text naming nothing.
        if named.is_empty() { keys } else { named }
    }
}

/// A queue item hidden until a time, with a reason (shown on the timeline).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snooze {
    /// The stable key of the queue item snoozed.
    pub item_key: String,
    /// The customer the item is about.
    pub customer: CustomerId,
    /// Hidden until this instant.
    #[serde(with = "ms")]
    pub until: Instant,
    /// Why, in the user's words; required.
    pub reason: String,
    /// Who snoozed it.
    pub by: Option<StaffId>,
    /// When it was snoozed.
    #[serde(with = "ms")]
    pub at: Instant,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Answer, CustomerId, Trigger};

    fn followup(severity: u8, low: &[&str]) -> FollowUp {
        FollowUp {
            id: FollowUpId(1),
            customer: CustomerId(1),
            interview: InterviewId(1),
            severity: Score::new(severity).expect("a score"),
            low_questions: low.iter().map(|s| s.to_string()).collect(),
            owner: None,
            participants: Vec::new(),
            state: FollowUpState::Open,
            opened_at: Instant::default(),
            contacted_at: None,
            context: String::new(),
            report_committed_at: None,
            report_presented_at: None,
            closed_at: None,
        }
    }

    fn scored(scores: &[(&str, u8)]) -> Interview {
        Interview {
            answers: scores
                .iter()
                .map(|(k, s)| Answer {
                    question_key: k.to_string(),
                    score: Score::new(*s),
                    ..Answer::default()
                })
                .collect(),
            ..Interview::booked(
                InterviewId(1),
                CustomerId(1),
                Trigger::Cadence,
                Instant::default(),
            )
        }
    }

    #[test]
    fn the_text_names_only_the_questions_with_the_lowest_score() {
        let i = scored(&[("a", 5), ("b", 2), ("c", 3), ("d", 2), ("e", 4)]);
        type Case<'a> = (u8, &'a [&'a str], Option<&'a Interview>, &'a [&'a str]);
        let cases: [Case<'_>; 4] = [
            (2, &["b", "c", "d"], Some(&i), &["b", "d"]),
            (3, &["c"], Some(&i), &["c"]),
            // Without the interview: every question below 4.
            (2, &["b", "c", "d"], None, &["b", "c", "d"]),
            // An interview that no longer matches never leaves the text naming nothing.
            (1, &["b", "c"], Some(&i), &["b", "c"]),
        ];
        for (severity, low, interview, want) in cases {
            assert_eq!(followup(severity, low).lowest_questions(interview), want);
        }
    }
}
