//! Keys are data: one table of `(context, key) -> Action` with a help text per row. Key
//! handling looks keys up here and the help overlay lists the same rows, so help never lies.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a key is pressed: the focused pane, or everywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyContext {
    /// Any pane (overlays excepted).
    Global,
    /// The customer list.
    Customers,
    /// The follow-up queue.
    Queue,
    /// The interviews pane.
    Interview,
    /// The action board.
    Actions,
    /// The customer detail overlay.
    Detail,
    /// The welcome screen of an empty store.
    Welcome,
    /// The insight view (scores by group and over time).
    Insight,
    /// The feedback calendar's month view.
    Calendar,
    /// A document (debrief, President report, digest) being read.
    Document,
}

impl KeyContext {
    /// Whether this is a full-screen view or overlay that takes only its own keys (plus
    /// help, suspend and Ctrl-C) rather than falling back to the global pane keys.
    pub fn is_modal(self) -> bool {
        matches!(
            self,
            KeyContext::Detail
                | KeyContext::Welcome
                | KeyContext::Insight
                | KeyContext::Calendar
                | KeyContext::Document
        )
    }
}

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
    /// Queue: read the document that discharges the selected item (debrief, report, digest).
    ViewDocument,
    /// Insight: compare by the next grouping (segment, region, tier, manager).
    CycleGroup,
    /// Insight: a shorter period; calendar: the previous month.
    PeriodPrev,
    /// Insight: a longer period; calendar: the next month.
    PeriodNext,
    /// Calendar: back to today.
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
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// Where it applies.
    pub context: KeyContext,
    /// The key code.
    pub code: KeyCode,
    /// Modifiers that must be held (Shift is ignored for characters: `G` is its own code).
    pub modifiers: KeyModifiers,
    /// What it does.
    pub action: Action,
    /// The help text.
    pub help: &'static str,
}

const fn key(context: KeyContext, code: KeyCode, action: Action, help: &'static str) -> Binding {
    Binding {
        context,
        code,
        modifiers: KeyModifiers::NONE,
        action,
        help,
    }
}

const fn ctrl(context: KeyContext, c: char, action: Action, help: &'static str) -> Binding {
    Binding {
        context,
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
        action,
        help,
    }
}

use Action as A;
use KeyCode as K;
use KeyContext as C;

/// The default keys. Later rows never shadow earlier ones in the same context.
pub const DEFAULTS: &[Binding] = &[
    key(C::Global, K::Char('q'), A::Quit, "quit"),
    ctrl(C::Global, 'c', A::Quit, "quit"),
    ctrl(
        C::Global,
        'z',
        A::Suspend,
        "suspend to the shell (fg resumes)",
    ),
    key(C::Global, K::Char('?'), A::Help, "this help"),
    key(C::Global, K::Tab, A::FocusNext, "next pane"),
    key(C::Global, K::BackTab, A::FocusPrev, "previous pane"),
    key(C::Global, K::Char('1'), A::Focus(0), "customers"),
    key(C::Global, K::Char('2'), A::Focus(1), "follow-up queue"),
    key(C::Global, K::Char('3'), A::Focus(2), "interviews"),
    key(C::Global, K::Char('4'), A::Focus(3), "action board"),
    key(C::Global, K::Char('j'), A::Down, "down"),
    key(C::Global, K::Down, A::Down, "down"),
    key(C::Global, K::Char('k'), A::Up, "up"),
    key(C::Global, K::Up, A::Up, "up"),
    key(C::Global, K::Char('g'), A::First, "first row"),
    key(C::Global, K::Home, A::First, "first row"),
    key(C::Global, K::Char('G'), A::Last, "last row"),
    key(C::Global, K::End, A::Last, "last row"),
    key(C::Global, K::Esc, A::Back, "back"),
    key(
        C::Global,
        K::Char('I'),
        A::OpenInsight,
        "insight: scores by group, over time",
    ),
    key(
        C::Global,
        K::Char('C'),
        A::OpenCalendar,
        "feedback calendar",
    ),
    key(C::Customers, K::Enter, A::Open, "open the customer"),
    key(
        C::Customers,
        K::Char('/'),
        A::Filter,
        "filter as you type (Esc clears)",
    ),
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
    key(C::Detail, K::Char('j'), A::Down, "scroll down"),
    key(C::Detail, K::Down, A::Down, "scroll down"),
    key(C::Detail, K::Char('k'), A::Up, "scroll up"),
    key(C::Detail, K::Up, A::Up, "scroll up"),
    key(C::Detail, K::Esc, A::Back, "close"),
    key(C::Detail, K::Char('q'), A::Back, "close"),
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
    key(C::Welcome, K::Char('d'), A::LoadDemo, "load demo data"),
    key(C::Welcome, K::Char('q'), A::Quit, "quit"),
    key(C::Welcome, K::Esc, A::Back, "continue with the empty store"),
];

fn same_key(b: &Binding, event: &KeyEvent) -> bool {
    // Shift is part of the character for letters and symbols; other modifiers must match.
    let mods = event.modifiers - KeyModifiers::SHIFT;
    b.code == event.code && b.modifiers == mods
}

/// The action of a key in a context; pane contexts fall back to the global keys.
pub fn lookup(context: KeyContext, event: &KeyEvent) -> Option<Action> {
    let find = |ctx| {
        DEFAULTS
            .iter()
            .find(|b| b.context == ctx && same_key(b, event))
            .map(|b| b.action)
    };
    match context {
        c if c.is_modal() => find(context).or_else(|| {
            // Only a few global keys work over these overlays.
            find(KeyContext::Global).filter(|a| {
                matches!(a, Action::Suspend | Action::Help)
                    || *a == Action::Quit && event.modifiers.contains(KeyModifiers::CONTROL)
            })
        }),
        _ => find(context).or_else(|| find(KeyContext::Global)),
    }
}

/// How a key is written in help: `q`, `Ctrl-z`, `Tab`, `↑`.
pub fn key_name(b: &Binding) -> String {
    let base = match b.code {
        K::Char(' ') => "Space".to_string(),
        K::Char(c) => c.to_string(),
        K::Tab => "Tab".into(),
        K::BackTab => "Shift-Tab".into(),
        K::Enter => "Enter".into(),
        K::Esc => "Esc".into(),
        K::Up => "↑".into(),
        K::Down => "↓".into(),
        K::Left => "←".into(),
        K::Right => "→".into(),
        K::Home => "Home".into(),
        K::PageUp => "PgUp".into(),
        K::PageDown => "PgDn".into(),
        K::End => "End".into(),
        other => format!("{other:?}"),
    };
    if b.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// Help rows for a context: its own keys, then the global ones. Keys with the same action and
/// help are merged on one row (`j ↓  down`).
pub fn help_rows(context: KeyContext) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    let contexts: &[KeyContext] = if context.is_modal() {
        &[context]
    } else {
        &[context, KeyContext::Global]
    };
    for ctx in contexts {
        for b in DEFAULTS.iter().filter(|b| b.context == *ctx) {
            match rows.iter_mut().find(|(_, help)| *help == b.help) {
                Some((keys, _)) => {
                    keys.push(' ');
                    keys.push_str(&key_name(b));
                }
                None => rows.push((key_name(b), b.help)),
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn pane_keys_come_before_global_ones() {
        assert_eq!(
            lookup(KeyContext::Queue, &press(K::Char('a'))),
            Some(Action::ToggleAll)
        );
        assert_eq!(
            lookup(KeyContext::Queue, &press(K::Char('j'))),
            Some(Action::Down)
        );
        assert_eq!(
            lookup(KeyContext::Actions, &press(K::Char('L'))),
            Some(Action::MoveRight)
        );
        assert_eq!(lookup(KeyContext::Customers, &press(K::Char('x'))), None);
        let ctrl_z = KeyEvent::new(K::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(
            lookup(KeyContext::Queue, &ctrl_z),
            Some(Action::Suspend),
            "Ctrl-z is not z"
        );
        let shifted = KeyEvent::new(K::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(KeyContext::Customers, &shifted), Some(Action::Last));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in DEFAULTS.iter().enumerate() {
            for b in &DEFAULTS[i + 1..] {
                assert!(
                    !(a.context == b.context && a.code == b.code && a.modifiers == b.modifiers),
                    "{:?} {:?} bound twice",
                    a.context,
                    a.code
                );
            }
        }
    }

    #[test]
    fn help_lists_every_binding_of_the_context() {
        let rows = help_rows(KeyContext::Queue);
        for b in DEFAULTS
            .iter()
            .filter(|b| b.context == KeyContext::Queue || b.context == KeyContext::Global)
        {
            assert!(
                rows.iter().any(
                    |(keys, help)| *help == b.help && keys.split(' ').any(|k| k == key_name(b))
                ),
                "{b:?}"
            );
        }
        assert!(rows.iter().any(|(keys, _)| keys == "j ↓"));
    }
}
