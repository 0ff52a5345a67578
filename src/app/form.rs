//! The live interview form: six questions scored by one key each, comments typed in a text
//! editor, flags, a 30-minute timer, and completion with a summary. Every change bumps a
//! version and asks the runtime to save a draft (debounced there to at most 100 ms), so
//! nothing typed is lost to a crash.
//!
//! Opening a form is only looking: the interview starts (timer, status in progress, drafts)
//! with the first score, comment or flag, or the explicit start key. Until then it leaves
//! nothing behind, so a form glanced at yesterday does not come back tomorrow as "OVER".

use crate::core::{Draft, DraftCursor, Instant, Interview, InterviewStatus};
use ratatui_textarea::{CursorMove, TextArea};

/// Screens this wide or wider show the pre-brief beside the questions.
pub const WIDE: u16 = 100;

/// The width of the form's question column on a screen `width` wide (the pre-brief, when
/// shown, takes the rest). Drawing and the editor's Up/Down both use it, so the lines the
/// cursor moves over are the lines on screen.
pub fn questions_width(width: u16) -> u16 {
    if width >= WIDE {
        u16::try_from(u32::from(width) * 3 / 5).unwrap_or(width)
    } else {
        width
    }
}

/// Cells of comment text per line on a screen `width` wide: the question column less its
/// borders (2), the comment's indent (6) and the editor's left rule (1).
pub fn comment_width(width: u16) -> u16 {
    questions_width(width).saturating_sub(9).max(1)
}

/// The form's state.
#[derive(Clone, Debug)]
pub struct Form {
    /// The interview as typed so far.
    pub interview: Interview,
    /// The current question (0-based).
    pub question: usize,
    /// The comment editor, while a comment is being typed.
    pub editor: Option<TextArea<'static>>,
    /// Bumped on every change; drafts carry it back when saved.
    pub version: u64,
    /// The last version the store confirmed as saved.
    pub saved_version: u64,
    /// The completion summary is shown and waits for confirmation.
    pub confirming: bool,
    /// While confirming: the follow-up completing will open (`None` inside: no low score).
    pub preview: Option<Option<crate::core::FollowUp>>,
    /// While confirming: every obligation completing will open, in queue order.
    pub opens: Vec<crate::core::queue::Item>,
    /// Completion was confirmed and is on its way to disk.
    pub completing: bool,
    /// The discard question is shown and waits for y/n.
    pub discarding: bool,
}

impl Form {
    /// A form over a booked or in-progress interview, as it is: opening does not start it.
    pub fn open(interview: Interview) -> Form {
        Form {
            interview,
            question: 0,
            editor: None,
            version: 1,
            saved_version: 0,
            confirming: false,
            preview: None,
            opens: Vec::new(),
            completing: false,
            discarding: false,
        }
    }

    /// Reopens a saved draft exactly where it was, comment cursor included.
    pub fn resume(draft: Draft) -> Form {
        let q =
            (draft.cursor.question as usize).min(draft.interview.answers.len().saturating_sub(1));
        let mut form = Form {
            interview: draft.interview,
            question: q,
            editor: None,
            version: 1,
            saved_version: 1,
            confirming: false,
            preview: None,
            opens: Vec::new(),
            completing: false,
            discarding: false,
        };
        if draft.cursor.editing_comment {
            form.open_editor();
            if let Some(editor) = &mut form.editor {
                let row = u16::try_from(draft.cursor.row).unwrap_or(u16::MAX);
                let col = u16::try_from(draft.cursor.col).unwrap_or(u16::MAX);
                editor.move_cursor(CursorMove::Jump(row, col));
            }
        }
        form
    }

    /// Whether the interview has started (something was entered, or the timer was started).
    pub fn started(&self) -> bool {
        self.interview.started_at.is_some()
    }

    /// Starts the interview at `now` (the timer runs from here) unless it already started.
    pub fn start(&mut self, now: Instant) {
        self.interview.status = InterviewStatus::InProgress;
        self.interview.started_at.get_or_insert(now);
    }

    /// Opens the comment editor on the current question's comment.
    pub fn open_editor(&mut self) {
        let text = self
            .interview
            .answers
            .get(self.question)
            .map(|a| a.comment.clone())
            .unwrap_or_default();
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut editor = TextArea::new(lines);
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        self.editor = Some(editor);
    }

    /// Copies the editor's text into the current answer.
    pub fn sync_editor(&mut self) {
        if let (Some(editor), Some(answer)) =
            (&self.editor, self.interview.answers.get_mut(self.question))
        {
            answer.comment = editor.lines().join("\n");
        }
    }

    /// Where the cursor is, for the draft.
    pub fn cursor(&self) -> DraftCursor {
        let (row, col) = self.editor.as_ref().map_or((0, 0), |e| e.cursor());
        DraftCursor {
            question: u32::try_from(self.question).unwrap_or(u32::MAX),
            editing_comment: self.editor.is_some(),
            row: u32::try_from(row).unwrap_or(u32::MAX),
            col: u32::try_from(col).unwrap_or(u32::MAX),
        }
    }

    /// The draft to save now.
    pub fn draft(&self, now: Instant) -> Draft {
        Draft {
            interview: self.interview.clone(),
            cursor: self.cursor(),
            saved_at: now,
        }
    }

    /// Whether every change so far is on disk.
    pub fn is_saved(&self) -> bool {
        self.saved_version >= self.version
    }
}
