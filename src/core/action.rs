//! Corrective and preventive actions, and their follow-up with the customer.

use super::ids::{ActionId, CustomerId, FollowUpId, InterviewId, StaffId};
use super::{Instant, ms};
use serde::{Deserialize, Serialize};

/// Whether an action fixes what went wrong or stops it happening again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionKind {
    /// Fixes the problem the customer raised.
    Corrective,
    /// Prevents it from happening again.
    Preventive,
}

impl ActionKind {
    /// The stable lower-case name used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionKind::Corrective => "corrective",
            ActionKind::Preventive => "preventive",
        }
    }
}

/// The columns of the action board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ActionState {
    /// Not started.
    ToDo,
    /// Being worked on.
    Doing,
    /// Done on our side; the customer has not yet been told.
    Done,
    /// The customer was told what we did: the loop is closed.
    FollowedUp,
}

impl ActionState {
    /// Every state, in board order.
    pub const ALL: [ActionState; 4] = [
        ActionState::ToDo,
        ActionState::Doing,
        ActionState::Done,
        ActionState::FollowedUp,
    ];

    /// The stable snake_case name used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionState::ToDo => "todo",
            ActionState::Doing => "doing",
            ActionState::Done => "done",
            ActionState::FollowedUp => "followed_up",
        }
    }
}

/// A corrective or preventive action with an owner and a due date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    /// Store-assigned id.
    pub id: ActionId,
    /// Whose issue it addresses.
    pub customer: CustomerId,
    /// The follow-up it came from, if any.
    pub followup: Option<FollowUpId>,
    /// The interview it came from, if any.
    pub interview: Option<InterviewId>,
    /// Corrective or preventive.
    pub kind: ActionKind,
    /// One line: what will be done.
    pub title: String,
    /// Longer description.
    pub detail: String,
    /// Who is accountable.
    pub owner: Option<StaffId>,
    /// When it must be done, set by its owner.
    #[serde(with = "ms::opt")]
    pub due: Option<Instant>,
    /// Board column.
    pub state: ActionState,
    /// When it was created.
    #[serde(with = "ms")]
    pub created_at: Instant,
    /// When it was done.
    #[serde(with = "ms::opt")]
    pub done_at: Option<Instant>,
    /// When the customer was told about it.
    #[serde(with = "ms::opt")]
    pub followed_up_at: Option<Instant>,
}
