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
    /// Whether the comment is about one of our people, and if so whether it may be shared.
    /// The name in files is `about_individual` (it was a yes/no flag; old files still read).
    #[serde(rename = "about_individual")]
    pub individual: Individual,
}

/// Whether a comment is about one of our people. The lead decides, not the score: a comment
/// about an individual stays out of the workforce digest unless it is marked as praise to share.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Individual {
    /// Not about an individual.
    #[default]
    No,
    /// About an individual: for the debrief and the President only, never the workforce.
    Private,
    /// Praise of an individual that the lead chose to share with the workforce.
    Praise,
}

impl Individual {
    /// The stable name used in files and templates.
    pub fn as_str(self) -> &'static str {
        match self {
            Individual::No => "no",
            Individual::Private => "private",
            Individual::Praise => "praise",
        }
    }

    /// The next state of the form's toggle: no, then private, then praise, then no again.
    pub fn cycle(self) -> Individual {
        match self {
            Individual::No => Individual::Private,
            Individual::Private => Individual::Praise,
            Individual::Praise => Individual::No,
        }
    }

    /// Whether the comment is about an individual at all (private or praise).
    pub fn is_flagged(self) -> bool {
        self != Individual::No
    }

    fn from_byte(b: u8) -> Option<Individual> {
        [Individual::No, Individual::Private, Individual::Praise]
            .get(usize::from(b))
            .copied()
    }
}

// In the store the flag is one byte: 0 and 1 are exactly the bytes of the yes/no flag it
// replaced (so every stored interview reads unchanged), 2 is praise. In JSON it is a word, and
// the `true`/`false` of older backups still read.
impl Serialize for Individual {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(self.as_str())
        } else {
            s.serialize_u8(*self as u8)
        }
    }
}

impl<'de> Deserialize<'de> for Individual {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Individual;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("\"no\", \"private\" or \"praise\"")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Individual, E> {
                Ok(if v {
                    Individual::Private
                } else {
                    Individual::No
                })
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Individual, E> {
                u8::try_from(v)
                    .ok()
                    .and_then(Individual::from_byte)
                    .ok_or_else(|| E::custom(format!("{v} is not an individual flag (0-2)")))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Individual, E> {
                match v {
                    "no" => Ok(Individual::No),
                    "private" => Ok(Individual::Private),
                    "praise" => Ok(Individual::Praise),
                    other => Err(E::unknown_variant(other, &["no", "private", "praise"])),
                }
            }
        }
        if d.is_human_readable() {
            d.deserialize_any(Visit)
        } else {
            d.deserialize_u8(Visit)
        }
    }
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
    fn the_individual_flag_keeps_the_bytes_of_the_old_yes_no_flag() {
        let cfg = bincode::config::standard();
        for (flag, old) in [(Individual::No, false), (Individual::Private, true)] {
            let new = bincode::serde::encode_to_vec(flag, cfg).expect("encodes");
            assert_eq!(
                new,
                bincode::serde::encode_to_vec(old, cfg).expect("encodes")
            );
            let (back, _): (Individual, usize) =
                bincode::serde::decode_from_slice(&new, cfg).expect("decodes");
            assert_eq!(back, flag);
        }
        let praise = bincode::serde::encode_to_vec(Individual::Praise, cfg).expect("encodes");
        assert_eq!(praise, vec![2]);
        assert!(bincode::serde::decode_from_slice::<Individual, _>(&[3], cfg).is_err());
    }

    #[test]
    fn the_individual_flag_reads_words_and_old_booleans_in_json() {
        for (json, flag) in [
            ("true", Individual::Private),
            ("false", Individual::No),
            ("\"praise\"", Individual::Praise),
            ("\"private\"", Individual::Private),
            ("\"no\"", Individual::No),
        ] {
            assert_eq!(
                serde_json::from_str::<Individual>(json).ok(),
                Some(flag),
                "{json}"
            );
        }
        assert!(serde_json::from_str::<Individual>("\"maybe\"").is_err());
        assert_eq!(
            serde_json::to_string(&Individual::Praise).ok().as_deref(),
            Some("\"praise\"")
        );
    }

    #[test]
    fn the_toggle_cycles_none_private_praise() {
        let mut f = Individual::No;
        let mut seen = Vec::new();
        for _ in 0..3 {
            f = f.cycle();
            seen.push(f);
        }
        assert_eq!(
            seen,
            [Individual::Private, Individual::Praise, Individual::No]
        );
    }

    #[test]
    fn scores_are_one_to_five_only() {
        for v in 0..=10u8 {
            assert_eq!(Score::new(v).is_some(), (1..=5).contains(&v), "{v}");
        }
        assert!(Score::try_from(6).is_err());
    }
}
