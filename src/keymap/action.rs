//! Everything a key can ask for. The names are what `hearback.toml` uses in `[keys.<mode>]`.

/// Everything a key can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave hearback (asks only if a save is in flight).
    Quit,
    /// Show every key of the focused pane.
    Help,
    /// Next pane.
    FocusNext,
    /// Previous pane.
    FocusPrev,
    /// Focus pane N (0-based).
    Focus(usize),
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Jump to the first row.
    First,
    /// Jump to the last row.
    Last,
    /// Open the selected thing.
    Open,
    /// Back out of an overlay or the filter.
    Back,
    /// Customers: filter as you type.
    Filter,
    /// Customers: cycle the sort order.
    Sort,
    /// Queue: show or hide upcoming and snoozed items.
    ToggleAll,
    /// Queue: assign the selected follow-up to someone.
    Assign,
    /// Queue: record the customer's context on the selected follow-up.
    RecordContext,
    /// Queue: snooze the selected item with a reason.
    Snooze,
    /// Queue: discharge the selected item (record the step done).
    Close,
    /// Queue/board: open the customer of the selection.
    OpenCustomer,
    /// Board: focus the column to the left.
    ColumnLeft,
    /// Board: focus the column to the right.
    ColumnRight,
    /// Board: move the card one column left.
    MoveLeft,
    /// Board: move the card one column right.
    MoveRight,
    /// Board: set the card's owner.
    SetOwner,
    /// Board: set the card's due date.
    SetDue,
    /// Customers/queue: book a feedback interview.
    Book,
    /// Interviews: record that the questions and the bio were sent.
    MarkInvited,
    /// Interviews: record that the executive was pre-briefed.
    MarkPreBriefed,
    /// Interviews: copy the invitation (questions and bio) to the clipboard.
    CopyInvitation,
    /// Welcome: fill the empty store with demo data.
    LoadDemo,
    /// Suspend to the shell (Ctrl-Z).
    Suspend,
    /// Open the insight view.
    OpenInsight,
    /// Open the feedback calendar's month view.
    OpenCalendar,
    /// Open the staff view (our people and their roles).
    OpenStaff,
    /// Open the weekly review view.
    OpenReview,
    /// Staff: give or take away the senior-management role.
    ToggleSenior,
    /// Staff: mark the person as left, or back.
    ToggleActive,
    /// Staff: add a person.
    AddStaff,
    /// Queue: read the document that discharges the selected item (debrief, report, digest).
    ViewDocument,
    /// Insight: compare by the next grouping (segment, region, tier, manager).
    CycleGroup,
    /// Insight: a shorter period; calendar: the previous month; weekly review: the week before.
    PeriodPrev,
    /// Insight: a longer period; calendar: the next month; weekly review: the week after.
    PeriodNext,
    /// Calendar: back to today; weekly review: back to this week.
    Today,
    /// Insight: the President report for the chosen period.
    PresidentReport,
    /// Insight: the workforce digest for the chosen period.
    Digest,
    /// Document: copy the whole document to the clipboard.
    CopyDocument,
    /// Scroll a page up.
    PageUp,
    /// Scroll a page down.
    PageDown,
    /// Undo the last step saved from the dashboard (for a while after it was saved).
    Undo,
    /// Say yes to the question asked.
    Confirm,
    /// Give the focused pane the whole screen, or go back to the four panes.
    Zoom,
    /// Form: score the question (1 to 5) and go to the next.
    Score(u8),
    /// Form: the question was not asked (no score); go to the next.
    NotAsked,
    /// Form: write the comment on the question.
    Comment,
    /// Form: the comment is about an individual (private, praise, no).
    Individual,
    /// Form: mark or unmark a significant issue.
    SignificantIssue,
    /// Form: start the interview's timer now.
    StartTimer,
    /// Form: edit the customer's pre-brief notes.
    EditPreBrief,
    /// Form and comment editor: show what completing saves, then confirm.
    Complete,
    /// Form: discard the draft (asks first).
    DiscardDraft,
    /// Form: leave it (draft kept) or close it (nothing entered); editor: leave the comment.
    Leave,
    /// Small forms: next field, or submit from the last; filter: keep the filter.
    Submit,
    /// Small forms: empty the field.
    ClearField,
    /// Open the command line (`:`): run a hearback command from the dashboard.
    CommandLine,
    /// Command line: complete the word under the cursor, or the next candidate.
    CompleteWord,
    /// Command line: the previous candidate.
    CompleteBack,
    /// Command line: delete the word before the cursor.
    DeleteWord,
    /// Queue/customers/customer/board: add a corrective or preventive action.
    NewAction,
    /// Customers/customer: record a major deliverable.
    RecordDeliverable,
    /// Interviews: move the booking to another time.
    Reschedule,
    /// Interviews: cancel the booking, with a reason (asks first).
    CancelInterview,
    /// Staff: change the person's name, email and roles.
    EditStaff,
    /// Queue: the letter the selected item owes (thank-you, call invitation, formal report).
    WriteLetter,
    /// Letter: write it as an email file (.eml) for the mail client.
    WriteEmail,
    /// Letter: record it as sent.
    MarkSent,
    /// Customers/customer: log a request the customer makes (a call taken, an email read).
    LogRequest,
}

impl Action {
    /// The action's name in `[keys.<mode>]`: the variant in snake case (`open_customer`);
    /// a numbered one carries its number (`focus_1` for the first pane, `score_3`).
    pub fn name(self) -> String {
        match self {
            Action::Focus(n) => format!("focus_{}", n + 1),
            Action::Score(n) => format!("score_{n}"),
            other => super::context::snake(&format!("{other:?}")),
        }
    }
}
