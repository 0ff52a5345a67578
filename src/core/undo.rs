//! Undoing a step recorded by mistake. A saved change set is undone by writing back every
//! record it touched as it was before, and by a timeline event saying so: history is added
//! to, never erased. Only steps that change existing records can be undone this way; a new
//! booking is undone by cancelling it, a new snooze by ending it at once.

use super::{
    Change, ChangeSet, CustomerId, Dataset, EventKind, Instant, InterviewStatus, TimelineEvent,
};
use chrono::Duration;

/// How long after it was saved a step can still be undone.
pub const UNDO_WINDOW: Duration = Duration::minutes(10);

/// Why a saved change cannot be undone.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum UndoError {
    /// The change created a record that cannot be taken back without erasing it.
    #[error("{0} cannot be undone")]
    NotUndoable(&'static str),
    /// Too long ago.
    #[error("'{label}' was saved more than {minutes} minutes ago and can no longer be undone")]
    TooLate {
        /// What was saved.
        label: String,
        /// The window, in minutes.
        minutes: i64,
    },
}

/// The record as it was before the step, or why a step that created it cannot be undone.
fn prior<T: Clone>(before: Option<&T>, what: &'static str) -> Result<T, UndoError> {
    before.cloned().ok_or(UndoError::NotUndoable(what))
}

/// What undoing one saved step writes, worked out when the step was saved (from the records
/// as they were before it).
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    /// What the step was, e.g. `Thank-you done (Acme)`.
    pub label: String,
    /// When the step was saved; the window runs from here.
    pub saved_at: Instant,
    /// The records as they were before the step.
    records: Vec<Change>,
    /// Whose timelines say it was undone.
    customers: Vec<CustomerId>,
}

impl Undo {
    /// The undo of `set`, saved at `saved_at`, over the records as `before` held them.
    pub fn of(
        before: &Dataset,
        set: &ChangeSet,
        label: &str,
        saved_at: Instant,
    ) -> Result<Undo, UndoError> {
        let mut records = Vec::new();
        let mut customers = Vec::new();
        for change in &set.changes {
            let (old, customer) = match change {
                Change::Customer(c) => (
                    Change::Customer(prior(before.customer(c.id), "adding a customer")?),
                    Some(c.id),
                ),
                Change::Interview(i) => {
                    let old = before.interview(i.id).cloned().unwrap_or_else(|| {
                        // A new booking: undone by calling it off.
                        let mut cancelled = i.clone();
                        cancelled.status = InterviewStatus::Cancelled;
                        cancelled
                    });
                    (Change::Interview(old), Some(i.customer))
                }
                Change::FollowUp(f) => {
                    let old = before.followups.iter().find(|x| x.id == f.id);
                    (
                        Change::FollowUp(prior(old, "opening a follow-up")?),
                        Some(f.customer),
                    )
                }
                Change::Action(a) => {
                    let old = before.actions.iter().find(|x| x.id == a.id);
                    (
                        Change::Action(prior(old, "adding an action item")?),
                        Some(a.customer),
                    )
                }
                Change::Deliverable(d) => {
                    let old = before.deliverables.iter().find(|x| x.id == d.id);
                    (
                        Change::Deliverable(prior(old, "recording a deliverable")?),
                        Some(d.customer),
                    )
                }
                Change::Staff(s) => (
                    Change::Staff(prior(before.staff_member(s.id), "adding a person")?),
                    None,
                ),
                Change::Snooze(s) => {
                    let old = before
                        .snoozes
                        .iter()
                        .find(|x| x.item_key == s.item_key)
                        .cloned()
                        .unwrap_or_else(|| {
                            // A new snooze: undone by ending it when it began.
                            let mut ended = s.clone();
                            ended.until = s.at;
                            ended
                        });
                    (Change::Snooze(old), Some(s.customer))
                }
                Change::CrmFields(f) => (
                    Change::CrmFields(prior(
                        before.crm_fields_of(f.customer),
                        "recording CRM values",
                    )?),
                    Some(f.customer),
                ),
                Change::Request(r) => {
                    let old = before.requests.iter().find(|x| x.id == r.id);
                    (
                        Change::Request(prior(old, "logging a request")?),
                        Some(r.customer),
                    )
                }
                // The timeline keeps what happened; the undo adds to it.
                Change::Event(_) => continue,
                Change::Draft(_) | Change::DiscardDraft(_) => {
                    return Err(UndoError::NotUndoable("recording an interview"));
                }
                Change::Monitor(m) => {
                    let old = before.monitors.iter().find(|x| x.id == m.id);
                    (
                        Change::Monitor(prior(old, "importing a monitor event")?),
                        Some(m.customer),
                    )
                }
            };
            records.push(old);
            if let Some(c) = customer.filter(|c| !customers.contains(c)) {
                customers.push(c);
            }
        }
        if records.is_empty() {
            return Err(UndoError::NotUndoable("a change with no records"));
        }
        Ok(Undo {
            label: label.to_string(),
            saved_at,
            records,
            customers,
        })
    }

    /// The change set that undoes the step at `now`, or why it is too late.
    pub fn change_set(&self, actor: &str, now: Instant) -> Result<ChangeSet, UndoError> {
        if now - self.saved_at > UNDO_WINDOW {
            return Err(UndoError::TooLate {
                label: self.label.clone(),
                minutes: UNDO_WINDOW.num_minutes(),
            });
        }
        let mut set = ChangeSet::new();
        for r in &self.records {
            set.push(r.clone());
        }
        for &customer in &self.customers {
            set.push(Change::Event(TimelineEvent {
                customer,
                at: now,
                actor: actor.to_string(),
                kind: EventKind::Undone,
                summary: format!("Undone: {}", self.label),
                reference: None,
            }));
        }
        Ok(set)
    }

    /// Whether `set` is itself an undo (an undo is not undone in turn).
    pub fn is_undo(set: &ChangeSet) -> bool {
        set.changes
            .iter()
            .any(|c| matches!(c, Change::Event(e) if e.kind == EventKind::Undone))
    }
}
