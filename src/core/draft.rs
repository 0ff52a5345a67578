//! An interview being recorded: saved on every change so a crash, a kill or a closed terminal
//! loses at most the last moments of typing, and reopened exactly where it was.

use super::{Instant, Interview, ms};
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
