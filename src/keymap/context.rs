//! The modes keys are pressed in. Each has its own table of keys; the name is what
//! `hearback.toml` calls it in `[keys.<mode>]`.

/// Where a key is pressed: the focused pane, a view or overlay, or a form.
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
    /// A letter the loop owes the customer, being read before it is sent.
    Letter,
    /// A question before an irreversible step (yes or no).
    Confirm,
    /// Our people: roles, active, add.
    Staff,
    /// The weekly review (closed, slipped, response times).
    Review,
    /// The interview form (outside the comment editor).
    Form,
    /// The comment editor inside the form: only its command keys; every other key is text.
    Editor,
    /// A small form over the panes (assign, snooze, book, ...): command keys; the rest is text.
    Prompt,
    /// Typing the customer filter: command keys; the rest is text or the pane's keys.
    Filter,
    /// Quit asked while a save is in flight.
    Quit,
    /// The question before discarding an interview's draft.
    Discard,
    /// The completion summary over the form (complete, or go back).
    Summary,
    /// The help overlay itself.
    Help,
    /// The command line (`:`): command keys; the rest is text.
    Command,
}

impl KeyContext {
    /// Every mode, in the order help and error messages list them.
    pub const ALL: [KeyContext; 23] = [
        KeyContext::Global,
        KeyContext::Customers,
        KeyContext::Queue,
        KeyContext::Interview,
        KeyContext::Actions,
        KeyContext::Detail,
        KeyContext::Welcome,
        KeyContext::Insight,
        KeyContext::Calendar,
        KeyContext::Document,
        KeyContext::Letter,
        KeyContext::Confirm,
        KeyContext::Staff,
        KeyContext::Review,
        KeyContext::Form,
        KeyContext::Editor,
        KeyContext::Prompt,
        KeyContext::Filter,
        KeyContext::Quit,
        KeyContext::Discard,
        KeyContext::Summary,
        KeyContext::Help,
        KeyContext::Command,
    ];

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
                | KeyContext::Letter
                | KeyContext::Confirm
                | KeyContext::Staff
                | KeyContext::Review
        ) || self.own_keys_only()
    }

    /// Whether only this mode's own table counts (no global key at all): the forms, the
    /// questions and help, whose keys used to be hard-coded and never reached the globals.
    pub fn own_keys_only(self) -> bool {
        matches!(
            self,
            KeyContext::Form
                | KeyContext::Editor
                | KeyContext::Prompt
                | KeyContext::Filter
                | KeyContext::Quit
                | KeyContext::Discard
                | KeyContext::Summary
                | KeyContext::Help
                | KeyContext::Command
        )
    }

    /// The mode's name in `[keys.<name>]`: the variant in snake case (`queue`, `form`).
    pub fn name(self) -> String {
        snake(&format!("{self:?}"))
    }

    /// The mode called `name` in a config file.
    pub fn from_name(name: &str) -> Option<KeyContext> {
        KeyContext::ALL.into_iter().find(|c| c.name() == name)
    }

    /// What help calls the mode when it is not a pane.
    pub fn title(self) -> Option<&'static str> {
        Some(match self {
            KeyContext::Detail => "Customer",
            KeyContext::Welcome => "Welcome",
            KeyContext::Insight => "Insight",
            KeyContext::Calendar => "Feedback calendar",
            KeyContext::Document => "Document",
            KeyContext::Letter => "Letter",
            KeyContext::Staff => "Staff",
            KeyContext::Review => "Weekly review",
            KeyContext::Form => "Interview form",
            KeyContext::Editor => "Comment",
            KeyContext::Prompt => "Form",
            KeyContext::Filter => "Filter",
            KeyContext::Quit => "Quit",
            KeyContext::Discard => "Discard the draft",
            KeyContext::Summary => "Complete the interview",
            KeyContext::Help => "Help",
            KeyContext::Command => "Command line",
            KeyContext::Confirm => "Are you sure?",
            KeyContext::Global
            | KeyContext::Customers
            | KeyContext::Queue
            | KeyContext::Interview
            | KeyContext::Actions => return None,
        })
    }
}

/// `OpenCustomer` -> `open_customer`.
pub(super) fn snake(camel: &str) -> String {
    let mut out = String::new();
    for (n, c) in camel.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if n > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
