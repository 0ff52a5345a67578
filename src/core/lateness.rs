//! When something owed is late: one rule for the queue's due states and the action board's
//! late cards, so a card is marked late exactly when its queue item is overdue.

use super::queue::action_is_open;
use super::{ActionItem, Instant};

/// Whether something due at `due` is overdue at `now`: strictly after its due time, so an
/// item due exactly now is due, not yet late.
pub fn is_overdue(due: Instant, now: Instant) -> bool {
    now > due
}

/// When an action is due: its due date, or at once (from its creation) when it has none, since
/// an action without a due date needs one.
pub fn action_due(a: &ActionItem) -> Instant {
    a.due.unwrap_or(a.created_at)
}

/// Whether an action card is late at `now`: still to do or doing, and overdue.
pub fn action_is_late(a: &ActionItem, now: Instant) -> bool {
    action_is_open(a.state) && is_overdue(action_due(a), now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{ActionId, ActionKind, ActionState, CustomerId};
    use chrono::{Duration, TimeZone, Utc};

    fn now() -> Instant {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
            .single()
            .expect("valid")
    }

    fn card(due: Option<Instant>, state: ActionState) -> ActionItem {
        ActionItem {
            id: ActionId(1),
            customer: CustomerId(1),
            followup: None,
            interview: None,
            kind: ActionKind::Corrective,
            title: "Fix the invoices".into(),
            detail: String::new(),
            owner: None,
            due,
            state,
            created_at: now() - Duration::days(3),
            done_at: None,
            followed_up_at: None,
        }
    }

    #[test]
    fn late_is_strictly_after_the_due_time_and_only_while_open() {
        let minute = Duration::minutes(1);
        let cases = [
            (Some(now() - minute), ActionState::ToDo, true),
            (Some(now()), ActionState::Doing, false),
            (Some(now() + minute), ActionState::ToDo, false),
            // No due date: due since it was created, so late (it needs a date).
            (None, ActionState::ToDo, true),
            (Some(now() - minute), ActionState::Done, false),
            (None, ActionState::FollowedUp, false),
        ];
        for (due, state, late) in cases {
            assert_eq!(
                action_is_late(&card(due, state), now()),
                late,
                "{due:?} {state:?}"
            );
        }
        assert!(!is_overdue(now(), now()));
        assert!(is_overdue(now() - minute, now()));
    }
}
