//! The default key table: every `(context, key) -> action` row with its help text.
//!
//! `DEFAULTS` (the panes and views) is re-exported from the parent module as
//! `crate::keymap::DEFAULTS`; the forms' and questions' keys are in `modes`.

use super::{Action, Binding, KeyContext};
use crossterm::event::{KeyCode, KeyModifiers};

use Action as A;
use KeyCode as K;
use KeyContext as C;

/// A row for a plain key (no modifiers).
pub(super) const fn key(
    context: KeyContext,
    code: KeyCode,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        code,
        modifiers: KeyModifiers::NONE,
        action,
        help,
    }
}

/// A row for Ctrl plus a character.
pub(super) const fn ctrl(
    context: KeyContext,
    c: char,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
        action,
        help,
    }
}

/// The help of the keys that focus a pane.
const PANES: &str = "go to that pane";

/// The default keys. Later rows never shadow earlier ones in the same context.
pub const DEFAULTS: &[Binding] = &[
    key(C::Global, K::Char('q'), A::Quit, "quit"),
    ctrl(C::Global, 'c', A::Quit, "quit"),
    ctrl(C::Global, 'z', A::Suspend, "suspend (fg resumes)"),
    key(C::Global, K::Char('?'), A::Help, "this help"),
    key(C::Global, K::Tab, A::FocusNext, "next pane"),
    key(C::Global, K::BackTab, A::FocusPrev, "previous pane"),
    // One row per pane of the registry (`app::Pane::ALL`), in its order (a test there checks
    // it); one help text for all, so help shows them on one row.
    key(C::Global, K::Char('1'), A::Focus(0), PANES),
    key(C::Global, K::Char('2'), A::Focus(1), PANES),
    key(C::Global, K::Char('3'), A::Focus(2), PANES),
    key(C::Global, K::Char('4'), A::Focus(3), PANES),
    key(C::Global, K::Char('j'), A::Down, "down"),
    key(C::Global, K::Down, A::Down, "down"),
    key(C::Global, K::Char('k'), A::Up, "up"),
    key(C::Global, K::Up, A::Up, "up"),
    key(C::Global, K::Char('g'), A::First, "first row"),
    key(C::Global, K::Home, A::First, "first row"),
    key(C::Global, K::Char('G'), A::Last, "last row"),
    key(C::Global, K::End, A::Last, "last row"),
    key(C::Global, K::Esc, A::Back, "back"),
    key(C::Global, K::Char('u'), A::Undo, "undo the last step"),
    key(
        C::Global,
        K::Char('Z'),
        A::Zoom,
        "zoom the pane to full screen / back",
    ),
    key(
        C::Global,
        K::Char('I'),
        A::OpenInsight,
        "insight: scores compared",
    ),
    key(
        C::Global,
        K::Char('C'),
        A::OpenCalendar,
        "feedback calendar",
    ),
    key(
        C::Global,
        K::Char('S'),
        A::OpenStaff,
        "our people and roles",
    ),
    key(C::Customers, K::Enter, A::Open, "open the customer"),
    key(C::Customers, K::Char('/'), A::Filter, "filter as you type"),
    key(
        C::Customers,
        K::Char('s'),
        A::Sort,
        "sort: size, risk, next interview, name",
    ),
    key(
        C::Customers,
        K::Char('b'),
        A::Book,
        "book a feedback interview",
    ),
    key(
        C::Customers,
        K::Char('A'),
        A::NewAction,
        "new corrective/preventive action",
    ),
    key(
        C::Customers,
        K::Char('d'),
        A::RecordDeliverable,
        "record a major deliverable",
    ),
    key(C::Queue, K::Enter, A::OpenCustomer, "open the customer"),
    key(C::Queue, K::Char('o'), A::OpenCustomer, "open the customer"),
    key(
        C::Queue,
        K::Char('a'),
        A::ToggleAll,
        "show/hide upcoming and snoozed",
    ),
    key(
        C::Queue,
        K::Char('w'),
        A::Assign,
        "assign the follow-up (who)",
    ),
    key(
        C::Queue,
        K::Char('c'),
        A::RecordContext,
        "record the customer's context",
    ),
    key(C::Queue, K::Char('z'), A::Snooze, "snooze with a reason"),
    key(
        C::Queue,
        K::Char('x'),
        A::Close,
        "done: record the step / close the follow-up",
    ),
    key(
        C::Queue,
        K::Char('b'),
        A::Book,
        "book an interview with the customer",
    ),
    key(
        C::Queue,
        K::Char('r'),
        A::ViewDocument,
        "read the report this item asks for",
    ),
    key(
        C::Queue,
        K::Char('A'),
        A::NewAction,
        "new action for this customer",
    ),
    key(
        C::Interview,
        K::Enter,
        A::Open,
        "record the interview (opens the form)",
    ),
    key(
        C::Interview,
        K::Char('o'),
        A::OpenCustomer,
        "open the customer",
    ),
    key(
        C::Interview,
        K::Char('v'),
        A::MarkInvited,
        "questions and bio sent",
    ),
    key(
        C::Interview,
        K::Char('p'),
        A::MarkPreBriefed,
        "executive pre-briefed",
    ),
    key(
        C::Interview,
        K::Char('y'),
        A::CopyInvitation,
        "copy the invitation to the clipboard",
    ),
    key(
        C::Interview,
        K::Char('r'),
        A::Reschedule,
        "move the interview to another time",
    ),
    key(
        C::Interview,
        K::Char('c'),
        A::CancelInterview,
        "cancel the interview (asks first)",
    ),
    key(C::Actions, K::Char('h'), A::ColumnLeft, "column left"),
    key(C::Actions, K::Left, A::ColumnLeft, "column left"),
    key(C::Actions, K::Char('l'), A::ColumnRight, "column right"),
    key(C::Actions, K::Right, A::ColumnRight, "column right"),
    key(C::Actions, K::Char('H'), A::MoveLeft, "move card left"),
    key(C::Actions, K::Char('<'), A::MoveLeft, "move card left"),
    key(C::Actions, K::Char('L'), A::MoveRight, "move card right"),
    key(C::Actions, K::Char('>'), A::MoveRight, "move card right"),
    key(C::Actions, K::Char('w'), A::SetOwner, "set the owner"),
    key(C::Actions, K::Char('d'), A::SetDue, "set the due date"),
    key(C::Actions, K::Enter, A::OpenCustomer, "open the customer"),
    key(
        C::Actions,
        K::Char('A'),
        A::NewAction,
        "new action (asks for the customer)",
    ),
    key(C::Detail, K::Char('j'), A::Down, "scroll down"),
    key(C::Detail, K::Down, A::Down, "scroll down"),
    key(C::Detail, K::Char('k'), A::Up, "scroll up"),
    key(C::Detail, K::Up, A::Up, "scroll up"),
    key(C::Detail, K::Esc, A::Back, "close"),
    key(C::Detail, K::Char('q'), A::Back, "close"),
    key(
        C::Detail,
        K::Char('A'),
        A::NewAction,
        "new action for this customer",
    ),
    key(
        C::Detail,
        K::Char('d'),
        A::RecordDeliverable,
        "record a major deliverable",
    ),
    key(C::Insight, K::Char('j'), A::Down, "next row"),
    key(C::Insight, K::Down, A::Down, "next row"),
    key(C::Insight, K::Char('k'), A::Up, "previous row"),
    key(C::Insight, K::Up, A::Up, "previous row"),
    key(C::Insight, K::Char('h'), A::ColumnLeft, "previous question"),
    key(C::Insight, K::Left, A::ColumnLeft, "previous question"),
    key(C::Insight, K::Char('l'), A::ColumnRight, "next question"),
    key(C::Insight, K::Right, A::ColumnRight, "next question"),
    key(
        C::Insight,
        K::Char('b'),
        A::CycleGroup,
        "compare by: segment, region, tier, manager",
    ),
    key(C::Insight, K::Char('['), A::PeriodPrev, "shorter period"),
    key(C::Insight, K::Char(']'), A::PeriodNext, "longer period"),
    key(
        C::Insight,
        K::Enter,
        A::Open,
        "the comments behind the selected number",
    ),
    key(
        C::Insight,
        K::Char('r'),
        A::PresidentReport,
        "President report for the period",
    ),
    key(
        C::Insight,
        K::Char('d'),
        A::Digest,
        "workforce digest for the period",
    ),
    key(C::Insight, K::Esc, A::Back, "close (comments first)"),
    key(C::Insight, K::Char('q'), A::Back, "close (comments first)"),
    key(C::Calendar, K::Char('h'), A::ColumnLeft, "previous day"),
    key(C::Calendar, K::Left, A::ColumnLeft, "previous day"),
    key(C::Calendar, K::Char('l'), A::ColumnRight, "next day"),
    key(C::Calendar, K::Right, A::ColumnRight, "next day"),
    key(C::Calendar, K::Char('k'), A::Up, "previous week"),
    key(C::Calendar, K::Up, A::Up, "previous week"),
    key(C::Calendar, K::Char('j'), A::Down, "next week"),
    key(C::Calendar, K::Down, A::Down, "next week"),
    key(C::Calendar, K::Char('['), A::PeriodPrev, "previous month"),
    key(C::Calendar, K::PageUp, A::PeriodPrev, "previous month"),
    key(C::Calendar, K::Char(']'), A::PeriodNext, "next month"),
    key(C::Calendar, K::PageDown, A::PeriodNext, "next month"),
    key(C::Calendar, K::Char('t'), A::Today, "today"),
    key(C::Calendar, K::Esc, A::Back, "close"),
    key(C::Calendar, K::Char('q'), A::Back, "close"),
    key(C::Document, K::Char('j'), A::Down, "scroll down"),
    key(C::Document, K::Down, A::Down, "scroll down"),
    key(C::Document, K::Char('k'), A::Up, "scroll up"),
    key(C::Document, K::Up, A::Up, "scroll up"),
    key(C::Document, K::PageDown, A::PageDown, "page down"),
    key(C::Document, K::Char(' '), A::PageDown, "page down"),
    key(C::Document, K::PageUp, A::PageUp, "page up"),
    key(C::Document, K::Char('g'), A::First, "top"),
    key(C::Document, K::Char('G'), A::Last, "bottom"),
    key(
        C::Document,
        K::Char('y'),
        A::CopyDocument,
        "copy the document (Markdown) to the clipboard",
    ),
    key(C::Document, K::Esc, A::Back, "close"),
    key(C::Document, K::Char('q'), A::Back, "close"),
    key(C::Confirm, K::Char('y'), A::Confirm, "yes, record it"),
    key(C::Confirm, K::Enter, A::Confirm, "yes, record it"),
    key(C::Confirm, K::Char('n'), A::Back, "no, leave it as it is"),
    key(C::Confirm, K::Esc, A::Back, "no, leave it as it is"),
    key(C::Staff, K::Char('j'), A::Down, "next person"),
    key(C::Staff, K::Down, A::Down, "next person"),
    key(C::Staff, K::Char('k'), A::Up, "previous person"),
    key(C::Staff, K::Up, A::Up, "previous person"),
    key(
        C::Staff,
        K::Char('m'),
        A::ToggleSenior,
        "give/take the senior-management role",
    ),
    key(
        C::Staff,
        K::Char('x'),
        A::ToggleActive,
        "mark as left / back (kept for history)",
    ),
    key(C::Staff, K::Char('n'), A::AddStaff, "add a person"),
    key(
        C::Staff,
        K::Char('e'),
        A::EditStaff,
        "edit name, email and roles",
    ),
    key(C::Staff, K::Esc, A::Back, "close"),
    key(C::Staff, K::Char('q'), A::Back, "close"),
    key(C::Welcome, K::Char('d'), A::LoadDemo, "load demo data"),
    key(C::Welcome, K::Char('q'), A::Quit, "quit"),
    key(C::Welcome, K::Esc, A::Back, "continue with the empty store"),
    // The command line opens over the panes and over the views that are only read (they stay
    // under it); not over a question, a form or text being typed.
    key(C::Global, K::Char(':'), A::CommandLine, COMMAND),
    key(C::Detail, K::Char(':'), A::CommandLine, COMMAND),
    key(C::Insight, K::Char(':'), A::CommandLine, COMMAND),
    key(C::Calendar, K::Char(':'), A::CommandLine, COMMAND),
    key(C::Document, K::Char(':'), A::CommandLine, COMMAND),
    key(C::Staff, K::Char(':'), A::CommandLine, COMMAND),
    key(C::Welcome, K::Char(':'), A::CommandLine, COMMAND),
];

/// The help of the key that opens the command line.
const COMMAND: &str = "run a hearback command";
