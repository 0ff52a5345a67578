//! What the lead should know about the customer's copy before presenting it: what it leaves
//! out, and what to put right first. Said on stderr by the command line and on the status line
//! by the dashboard; never part of the document.

use crate::core::{ActionId, FollowUpId};

/// Something the lead should know about the customer's copy before presenting it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// A comment on this question (by key) is left out: it is about one of our people.
    Comment(String),
    /// The context recorded on the follow-up is left out: it names one of our people.
    Context(FollowUpId),
    /// The action is left out whole: its title names one of our people.
    Action(ActionId),
    /// The action's detail is left out: it names one of our people.
    Detail(ActionId),
    /// The action has no owner.
    NoOwner(ActionId),
    /// The action has no due date.
    NoDue(ActionId),
    /// The open action's due date (shown) has gone by.
    PastDue(ActionId, String),
    /// Nobody owns the follow-up and the customer has no account manager.
    Unsigned(FollowUpId),
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Note::Comment(q) => write!(
                f,
                "the comment on {q} is left out: it is about one of our people"
            ),
            Note::Context(id) => write!(
                f,
                "the context recorded on {id} is left out: it names one of our people"
            ),
            Note::Action(a) => write!(
                f,
                "action {a} is left out: its title names one of our people"
            ),
            Note::Detail(a) => write!(
                f,
                "the detail of action {a} is left out: it names one of our people"
            ),
            Note::NoOwner(a) => write!(f, "action {a} has no owner: give it one (w on the board)"),
            Note::NoDue(a) => write!(
                f,
                "action {a} has no due date: give it one (d on the board)"
            ),
            Note::PastDue(a, due) => write!(
                f,
                "action {a} is past its due date ({due}): agree a new one before presenting (d on the board)"
            ),
            Note::Unsigned(id) => write!(
                f,
                "{id} has no owner and the customer no account manager: the report is signed by the customer success team"
            ),
        }
    }
}
