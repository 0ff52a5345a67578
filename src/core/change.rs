//! A set of records to write together: the core decides what changes, the store writes it as
//! one transaction and acknowledges only once it is durable.

use super::{
    ActionItem, Customer, Deliverable, Draft, FollowUp, Interview, InterviewId, Request, Snooze,
    Staff, TimelineEvent,
};

/// One record to insert or replace.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Upsert a staff member.
    Staff(Staff),
    /// Upsert a customer.
    Customer(Customer),
    /// Upsert an interview.
    Interview(Interview),
    /// Upsert a follow-up.
    FollowUp(FollowUp),
    /// Upsert an action item.
    Action(ActionItem),
    /// Upsert a deliverable.
    Deliverable(Deliverable),
    /// Upsert a snooze.
    Snooze(Snooze),
    /// Append a timeline event.
    Event(TimelineEvent),
    /// Save the draft of an interview being recorded.
    Draft(Draft),
    /// Remove an interview's draft (it was completed or abandoned).
    DiscardDraft(InterviewId),
    /// Upsert the last values a CRM import showed of a customer's watched columns.
    CrmFields(super::crm_triggers::CrmFields),
    /// Upsert a monitor event (delivery, claim, return, credit note).
    Monitor(super::monitors::MonitorEvent),
    /// Upsert a customer's request.
    Request(Request),
}

/// Records written all-or-nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChangeSet {
    /// The records, in the order they were added.
    pub changes: Vec<Change>,
}

impl Change {
    /// Whether this is a draft's autosave or its removal: typing in progress, not a step.
    pub fn is_draft(&self) -> bool {
        matches!(self, Change::Draft(_) | Change::DiscardDraft(_))
    }
}

impl ChangeSet {
    /// An empty set.
    pub fn new() -> ChangeSet {
        ChangeSet::default()
    }

    /// Adds one record.
    pub fn push(&mut self, change: Change) {
        self.changes.push(change);
    }

    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// How many records.
    pub fn len(&self) -> usize {
        self.changes.len()
    }
}
