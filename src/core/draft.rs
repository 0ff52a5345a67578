//! An interview being recorded: saved on every change so a crash, a kill or a closed terminal
//! loses at most the last moments of typing, and reopened exactly where it was.

use super::{Instant, Interview, InterviewStatus, ms};
use serde::{Deserialize, Serialize};

/// Where the interviewer was in the form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftCursor {
    /// The question (0-based).
    pub question: u32,
    /// Whether the comment editor was open.
    pub editing_comment: bool,
    /// Cursor line in the comment.
    pub row: u32,
    /// Cursor column (in chars) in the comment.
    pub col: u32,
}

/// The autosaved state of an interview form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The interview as typed so far (status in progress).
    pub interview: Interview,
    /// Where the cursor was.
    pub cursor: DraftCursor,
    /// When this draft was saved.
    #[serde(with = "ms")]
    pub saved_at: Instant,
}

impl Draft {
    /// Whether nothing was entered: no score, no comment, no significant issue. Opening a form
    /// to look used to leave such drafts; they hold nothing worth reopening. (A flag about an
    /// individual is left out: it qualifies a comment, and without one it says nothing.)
    pub fn nothing_entered(&self) -> bool {
        !self.interview.significant_issue
            && self
                .interview
                .answers
                .iter()
                .all(|a| a.score.is_none() && a.comment.trim().is_empty())
    }
}

/// Whether `interview` is done with: completed or cancelled. A draft of it is stale, and a
/// save that stores it so ends its draft.
pub fn is_closed(interview: &Interview) -> bool {
    matches!(
        interview.status,
        InterviewStatus::Completed | InterviewStatus::Cancelled
    )
}

impl Draft {
    /// Whether the draft is stale: its interview (as stored in `interviews`) was completed or
    /// cancelled since, so reopening it would record the interview a second time. A draft of
    /// an interview the store does not hold is not stale: what was typed is kept.
    pub fn is_stale(&self, interviews: &[Interview]) -> bool {
        interviews
            .iter()
            .find(|i| i.id == self.interview.id)
            .is_some_and(is_closed)
    }
}

/// The draft to reopen at start: the most recently saved one that is not stale.
pub fn to_reopen(drafts: Vec<Draft>, interviews: &[Interview]) -> Option<Draft> {
    drafts
        .into_iter()
        .filter(|d| !d.is_stale(interviews))
        .max_by_key(|d| d.saved_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{CustomerId, InterviewId, Trigger};
    use chrono::{Duration, TimeZone, Utc};

    fn at(minutes: i64) -> Instant {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
            .single()
            .expect("valid")
            + Duration::minutes(minutes)
    }

    fn interview(id: u64, status: InterviewStatus) -> Interview {
        Interview {
            status,
            ..Interview::booked(InterviewId(id), CustomerId(1), Trigger::Cadence, at(0))
        }
    }

    fn draft(id: u64, saved: i64) -> Draft {
        Draft {
            interview: interview(id, InterviewStatus::InProgress),
            cursor: DraftCursor::default(),
            saved_at: at(saved),
        }
    }

    #[test]
    fn a_draft_is_stale_once_its_interview_is_completed_or_cancelled() {
        let cases = [
            (InterviewStatus::Scheduled, false),
            (InterviewStatus::InProgress, false),
            (InterviewStatus::Completed, true),
            (InterviewStatus::Cancelled, true),
        ];
        for (status, stale) in cases {
            assert_eq!(
                draft(1, 0).is_stale(&[interview(1, status)]),
                stale,
                "{status:?}"
            );
        }
        // The store no longer holds the interview: what was typed is kept.
        assert!(!draft(1, 0).is_stale(&[interview(2, InterviewStatus::Completed)]));
    }

    #[test]
    fn the_latest_draft_that_is_not_stale_is_reopened() {
        let stored = [
            interview(1, InterviewStatus::InProgress),
            interview(2, InterviewStatus::Completed),
            interview(3, InterviewStatus::InProgress),
        ];
        let drafts = vec![draft(1, 5), draft(2, 30), draft(3, 10)];
        let reopened = to_reopen(drafts, &stored).map(|d| d.interview.id);
        assert_eq!(reopened, Some(InterviewId(3)));
        assert_eq!(to_reopen(vec![draft(2, 30)], &stored), None);
        assert_eq!(to_reopen(Vec::new(), &stored), None);
    }
}
