//! Feedback interviews (and imported survey responses, which are recorded the same way).

use super::ids::{ContactId, CustomerId, InterviewId, StaffId};
use super::{Instant, ms};
use serde::{Deserialize, Serialize};

/// A score from 1 (very poor) to 5 (excellent). Out-of-range values cannot be built.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

impl Score {
    /// The lowest score.
    pub const MIN: u8 = 1;
    /// The highest score.
    pub const MAX: u8 = 5;

    /// A score, if `value` is within 1..=5.
    pub fn new(value: u8) -> Option<Score> {
        (Score::MIN..=Score::MAX)
            .contains(&value)
            .then_some(Score(value))
    }

    /// The numeric value.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Score {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Score::new(value).ok_or_else(|| format!("score {value} is outside 1-5"))
    }
}

impl From<Score> for u8 {
    fn from(s: Score) -> u8 {
        s.0
    }
}

/// What caused an interview to happen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trigger {
    /// The regular six-monthly cadence.
    Cadence,
    /// A major deliverable, named.
    Deliverable {
        /// What was delivered.
        name: String,
    },
    /// Asked for outside the cadence.
    AdHoc,
    /// An online survey response imported from a file.
    SurveyImport {
        /// The survey tool (e.g. `qualtrics`).
        source: String,
        /// The tool's response id; re-imports skip ids already stored.
        response_id: String,
    },
}

/// Where an interview is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InterviewStatus {
    /// Booked, not started.
    Scheduled,
    /// Being recorded right now (a draft).
    InProgress,
    /// Done; the closed-loop obligations start from `completed_at`.
    Completed,
    /// Called off.
    Cancelled,
}

/// The answer to one question.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// Stable key of the question (from `assets/questions.toml`).
    pub question_key: String,
    /// The question text as it was asked.
    pub question: String,
    /// The score; `None` when the question was not asked or not answered (N/A).
    pub score: Option<Score>,
    /// The customer's words, as typed during the call.
    pub comment: String,
    /// Set when the comment is negative feedback about an individual: it is then left out of
    /// what is disseminated to the workforce.
    pub about_individual: bool,
}

/// A feedback interview with one customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interview {
    /// Store-assigned id.
    pub id: InterviewId,
    /// Who was interviewed.
    pub customer: CustomerId,
    /// The contact interviewed, if recorded.
    pub contact: Option<ContactId>,
    /// Our executive conducting it.
    pub executive: Option<StaffId>,
    /// Why it happened.
    pub trigger: Trigger,
    /// When it is (or was) booked.
    #[serde(with = "ms")]
    pub scheduled_at: Instant,
    /// Planned length in minutes (30 by default).
    pub duration_minutes: u16,
    /// Where; `None` means at the customer's office.
    pub location: Option<String>,
    /// When the questions were sent to the customer in advance.
    #[serde(with = "ms::opt")]
    pub invitation_sent_at: Option<Instant>,
    /// When our executive's bio was sent.
    #[serde(with = "ms::opt")]
    pub bio_sent_at: Option<Instant>,
    /// When the executive was pre-briefed.
    #[serde(with = "ms::opt")]
    pub prebriefed_at: Option<Instant>,
    /// Life-cycle state.
    pub status: InterviewStatus,
    /// When recording started.
    #[serde(with = "ms::opt")]
    pub started_at: Option<Instant>,
    /// When it was completed; the follow-up clock starts here.
    #[serde(with = "ms::opt")]
    pub completed_at: Option<Instant>,
    /// The answers, one per question, in question order.
    pub answers: Vec<Answer>,
    /// Significant issues came up: other executives must be informed.
    pub significant_issue: bool,
    /// When the thank-you note was sent.
    #[serde(with = "ms::opt")]
    pub acknowledged_at: Option<Instant>,
    /// When the account manager/salesperson were debriefed.
    #[serde(with = "ms::opt")]
    pub debriefed_at: Option<Instant>,
    /// When other executives were informed of significant issues.
    #[serde(with = "ms::opt")]
    pub executives_informed_at: Option<Instant>,
    /// When the written report went to the President.
    #[serde(with = "ms::opt")]
    pub reported_at: Option<Instant>,
    /// When the results were disseminated to the workforce.
    #[serde(with = "ms::opt")]
    pub disseminated_at: Option<Instant>,
    /// Free notes of the interviewer outside the six answers.
    pub notes: String,
}

impl Interview {
    /// A booked interview with nothing recorded yet: 30 minutes at the customer's office, no
    /// answers, no step done. Callers set what they know with struct update syntax.
    pub fn booked(
        id: InterviewId,
        customer: CustomerId,
        trigger: Trigger,
        scheduled_at: Instant,
    ) -> Interview {
        Interview {
            id,
            customer,
            contact: None,
            executive: None,
            trigger,
            scheduled_at,
            duration_minutes: 30,
            location: None,
            invitation_sent_at: None,
            bio_sent_at: None,
            prebriefed_at: None,
            status: InterviewStatus::Scheduled,
            started_at: None,
            completed_at: None,
            answers: Vec::new(),
            significant_issue: false,
            acknowledged_at: None,
            debriefed_at: None,
            executives_informed_at: None,
            reported_at: None,
            disseminated_at: None,
            notes: String::new(),
        }
    }

    /// The lowest score given, if any question was scored.
    pub fn lowest_score(&self) -> Option<Score> {
        self.answers.iter().filter_map(|a| a.score).min()
    }

    /// The mean of the scored answers, if any.
    pub fn average_score(&self) -> Option<f64> {
        let scores: Vec<u8> = self
            .answers
            .iter()
            .filter_map(|a| a.score.map(Score::get))
            .collect();
        (!scores.is_empty())
            .then(|| scores.iter().map(|&s| f64::from(s)).sum::<f64>() / scores.len() as f64)
    }

    /// Whether the interview has been completed.
    pub fn is_completed(&self) -> bool {
        self.status == InterviewStatus::Completed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_one_to_five_only() {
        for v in 0..=10u8 {
            assert_eq!(Score::new(v).is_some(), (1..=5).contains(&v), "{v}");
        }
        assert!(Score::try_from(6).is_err());
    }
}
