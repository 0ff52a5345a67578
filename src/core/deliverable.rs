//! Recording a major deliverable shipped to a customer: a feedback interview becomes due
//! after it. Shared by `hearback deliverable` and the dashboard's form.

use super::{
    Change, ChangeSet, Customer, Deliverable, DeliverableId, EventKind, IdAllocator, Instant,
    TimelineEvent, sanitize,
};

/// Why a deliverable was not recorded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DeliverableError {
    /// Blank name.
    #[error("a deliverable needs a name saying what was delivered")]
    NoName,
}

/// The deliverable `name` delivered to `customer` at `delivered_at`, with its timeline event
/// (stamped `now`).
pub fn record(
    customer: &Customer,
    name: &str,
    delivered_at: Instant,
    now: Instant,
    actor: &str,
    ids: &mut IdAllocator,
) -> Result<(Deliverable, ChangeSet), DeliverableError> {
    let name = sanitize::line(name);
    if name.is_empty() {
        return Err(DeliverableError::NoName);
    }
    let d = Deliverable {
        id: DeliverableId(ids.next_id()),
        customer: customer.id,
        name,
        delivered_at,
    };
    let mut set = ChangeSet::new();
    set.push(Change::Event(TimelineEvent {
        customer: customer.id,
        at: now,
        actor: actor.into(),
        kind: EventKind::DeliverableRecorded,
        summary: format!(
            "Major deliverable \"{}\" delivered {}",
            d.name,
            delivered_at.format("%Y-%m-%d")
        ),
        reference: Some(d.id.to_string()),
    }));
    set.push(Change::Deliverable(d.clone()));
    Ok((d, set))
}
