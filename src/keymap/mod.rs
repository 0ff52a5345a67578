//! Keys are data: one table of `(context, key) -> Action` with a help text per row. Key
//! handling looks keys up here and the help overlay lists the same rows, so help never lies.

mod table;

pub use table::DEFAULTS;

use KeyCode as K;
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
    /// A question before an irreversible step (yes or no).
    Confirm,
    /// Our people: roles, active, add.
    Staff,
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
                | KeyContext::Confirm
                | KeyContext::Staff
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
    /// Open the staff view (our people and their roles).
    OpenStaff,
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
    /// Undo the last step saved from the dashboard (for a while after it was saved).
    Undo,
    /// Say yes to the question asked.
    Confirm,
    /// Give the focused pane the whole screen, or go back to the four panes.
    Zoom,
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

/// The key of each of `actions` in `context` (its first binding there, else the global one)
/// with its help text, for hint lines: a hint read from the table cannot name a key that does
/// not do what it says.
pub fn hints(context: KeyContext, actions: &[Action]) -> Vec<(String, &'static str)> {
    let first = |ctx: KeyContext, action: Action| {
        DEFAULTS
            .iter()
            .find(|b| b.context == ctx && b.action == action)
    };
    actions
        .iter()
        .filter_map(|&a| first(context, a).or_else(|| first(KeyContext::Global, a)))
        .map(|b| (key_name(b), b.help))
        .collect()
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
