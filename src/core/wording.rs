//! The words people read for why an interview happens and where it is in its life: one
//! wording for the dashboard, the command line, the documents and the iCalendar file. (Stable
//! machine names for JSON and CSV stay with each type's `as_str` and the export format.)

use super::sanitize;
use super::{InterviewStatus, Trigger};

/// Why an interview happens, in words: `regular cadence`, `after the deliverable "Go-live"`,
/// `ad hoc (outside the cadence)`, `survey response (qualtrics)`. Names are cleaned, since
/// they come from imports and people's typing.
pub fn trigger(t: &Trigger) -> String {
    match t {
        Trigger::Cadence => "regular cadence".to_string(),
        Trigger::Deliverable { name } => {
            format!("after the deliverable \"{}\"", sanitize::line(name))
        }
        Trigger::AdHoc => "ad hoc (outside the cadence)".to_string(),
        Trigger::SurveyImport { source, .. } => {
            format!("survey response ({})", sanitize::line(source))
        }
    }
}

/// Where an interview is in its life, in words: `booked`, `in progress`, `completed`,
/// `cancelled`.
pub fn interview_status(s: InterviewStatus) -> &'static str {
    match s {
        InterviewStatus::Scheduled => "booked",
        InterviewStatus::InProgress => "in progress",
        InterviewStatus::Completed => "completed",
        InterviewStatus::Cancelled => "cancelled",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_trigger_and_status_has_its_words() {
        let cases = [
            (Trigger::Cadence, "regular cadence"),
            (
                Trigger::Deliverable {
                    name: "Go-live\u{1b}[2J".into(),
                },
                "after the deliverable \"Go-live\"",
            ),
            (Trigger::AdHoc, "ad hoc (outside the cadence)"),
            (
                Trigger::SurveyImport {
                    source: "qualtrics".into(),
                    response_id: "R_1".into(),
                },
                "survey response (qualtrics)",
            ),
        ];
        for (t, words) in cases {
            assert_eq!(trigger(&t), words);
        }
        let statuses = [
            (InterviewStatus::Scheduled, "booked"),
            (InterviewStatus::InProgress, "in progress"),
            (InterviewStatus::Completed, "completed"),
            (InterviewStatus::Cancelled, "cancelled"),
        ];
        for (s, words) in statuses {
            assert_eq!(interview_status(s), words);
        }
    }
}
