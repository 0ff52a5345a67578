//! Corrective and preventive actions: creating them and moving them across the board.

use super::{
    ActionId, ActionItem, ActionKind, ActionState, Change, ChangeSet, CustomerId, EventKind,
    FollowUpId, IdAllocator, Instant, InterviewId, StaffId, TimelineEvent, sanitize,
};

/// What a new action needs.
#[derive(Clone, Debug)]
pub struct NewAction {
    /// Whose.
    pub customer: CustomerId,
    /// Corrective or preventive.
    pub kind: ActionKind,
    /// One line.
    pub title: String,
    /// Longer text.
    pub detail: String,
    /// Accountable person.
    pub owner: Option<StaffId>,
    /// When it must be done.
    pub due: Option<Instant>,
    /// The follow-up it answers.
    pub followup: Option<FollowUpId>,
    /// The interview it answers.
    pub interview: Option<InterviewId>,
}

/// Why an action change was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ActionError {
    /// Blank title.
    #[error("an action needs a title saying what will be done")]
    NoTitle,
    /// Moving to where it is.
    #[error("{0} is already in {1}")]
    Unchanged(String, &'static str),
}

fn event(a: &ActionItem, at: Instant, actor: &str, kind: EventKind, summary: String) -> Change {
    Change::Event(TimelineEvent {
        customer: a.customer,
        at,
        actor: actor.into(),
        kind,
        summary,
        reference: Some(a.id.to_string()),
    })
}

/// Creates an action in To do.
pub fn create(
    new: NewAction,
    at: Instant,
    actor: &str,
    ids: &mut IdAllocator,
) -> Result<(ActionItem, ChangeSet), ActionError> {
    let title = sanitize::line(&new.title);
    if title.is_empty() {
        return Err(ActionError::NoTitle);
    }
    let a = ActionItem {
        id: ActionId(ids.next_id()),
        customer: new.customer,
        followup: new.followup,
        interview: new.interview,
        kind: new.kind,
        title,
        detail: sanitize::text(&new.detail),
        owner: new.owner,
        due: new.due,
        state: ActionState::ToDo,
        created_at: at,
        done_at: None,
        followed_up_at: None,
    };
    let mut set = ChangeSet::new();
    set.push(Change::Action(a.clone()));
    set.push(event(
        &a,
        at,
        actor,
        EventKind::ActionCreated,
        format!("{} action {} created: {}", a.kind.as_str(), a.id, a.title),
    ));
    Ok((a, set))
}

/// Moves an action to another column. Moving back clears the later stamps, so the queue sees
/// the real state; Done stamps `done_at`; Followed up stamps both if needed.
pub fn move_to(
    mut a: ActionItem,
    to: ActionState,
    at: Instant,
    actor: &str,
) -> Result<ChangeSet, ActionError> {
    if a.state == to {
        return Err(ActionError::Unchanged(a.id.to_string(), to.as_str()));
    }
    match to {
        ActionState::ToDo | ActionState::Doing => {
            a.done_at = None;
            a.followed_up_at = None;
        }
        ActionState::Done => {
            a.done_at.get_or_insert(at);
            a.followed_up_at = None;
        }
        ActionState::FollowedUp => {
            a.done_at.get_or_insert(at);
            a.followed_up_at = Some(at);
        }
    }
    let from = a.state;
    a.state = to;
    let kind = if to == ActionState::FollowedUp {
        EventKind::ActionFollowedUp
    } else {
        EventKind::ActionUpdated
    };
    let summary = format!(
        "{} moved from {} to {}: {}",
        a.id,
        from.as_str(),
        to.as_str(),
        a.title
    );
    let mut set = ChangeSet::new();
    set.push(event(&a, at, actor, kind, summary));
    set.changes.insert(0, Change::Action(a));
    Ok(set)
}

/// Changes owner and/or due date.
pub fn update(
    mut a: ActionItem,
    owner: Option<(StaffId, &str)>,
    due: Option<Instant>,
    at: Instant,
    actor: &str,
) -> ChangeSet {
    let mut parts = Vec::new();
    if let Some((id, name)) = owner {
        a.owner = Some(id);
        parts.push(format!("owner {name}"));
    }
    if let Some(d) = due {
        a.due = Some(d);
        parts.push(format!("due {}", d.format("%Y-%m-%d")));
    }
    let summary = format!("{} updated: {}", a.id, parts.join(", "));
    let mut set = ChangeSet::new();
    set.push(event(&a, at, actor, EventKind::ActionUpdated, summary));
    set.changes.insert(0, Change::Action(a));
    set
}
