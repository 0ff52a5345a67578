//! Everything the rules and views read, loaded once from the store.

use super::crm_triggers::CrmFields;
use super::monitors::MonitorEvent;
use super::open_work::Digest;
use super::{
    ActionItem, Change, ChangeSet, Customer, CustomerId, Deliverable, FollowUp, Instant, Interview,
    InterviewId, InterviewStatus, Request, Snooze, Staff, StaffId,
};
use std::cmp::Ordering;

/// All records except the timeline (which is read per customer).
///
/// This is the one list of record kinds: the backup, the restore and [`Dataset::apply`] take
/// the lists apart by exhaustive patterns (no `..`), so a kind added here does not compile
/// until each of them handles it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    /// Our people.
    pub staff: Vec<Staff>,
    /// Customers, in id order.
    pub customers: Vec<Customer>,
    /// Interviews, in id order.
    pub interviews: Vec<Interview>,
    /// Follow-ups, in id order.
    pub followups: Vec<FollowUp>,
    /// Action items, in id order.
    pub actions: Vec<ActionItem>,
    /// Deliverables, in id order.
    pub deliverables: Vec<Deliverable>,
    /// Snoozes of queue items.
    pub snoozes: Vec<Snooze>,
    /// `None`: the lists above hold the whole history. `Some`: they hold open work only
    /// (see [`super::open_work`]), and these digests, one per customer ever interviewed, in
    /// customer id order, stand in for the rest. Only the queue reads them; a view that
    /// shows history needs a whole load. [`Dataset::apply`] does not update them (a change
    /// can lower a digest, which needs the history): reload open work after a save.
    pub digests: Option<Vec<Digest>>,
    /// With open work only: the highest id of any interview, follow-up or action in the store,
    /// loaded or not, so new records never take the id of one in the history
    /// ([`super::IdAllocator::after`]). 0 when the lists hold the whole history.
    pub highest_id: u64,
    /// The last values CRM imports showed of each customer's watched columns, in customer id
    /// order (see [`super::crm_triggers`]).
    pub crm_fields: Vec<CrmFields>,
    /// Monitor events (deliveries, claims, returns, credit notes), in id order; open work
    /// holds them all (see [`super::open_work::open_part`]).
    pub monitors: Vec<MonitorEvent>,
    /// Customers' requests, in id order. With open work only: the unresolved ones.
    pub requests: Vec<Request>,
}

/// The order of the customer list: largest first, then by name, then id (total and stable).
///
/// Sizes in different currencies are compared by their amounts as they stand; hearback does
/// not convert currencies.
pub fn by_size_desc(a: &Customer, b: &Customer) -> Ordering {
    b.size
        .minor
        .cmp(&a.size.minor)
        .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        .then_with(|| a.id.cmp(&b.id))
}

/// Replaces the record with the same key, or appends it keeping the id order.
fn upsert<T: Clone, K: Ord + Copy>(list: &mut Vec<T>, record: &T, key: impl Fn(&T) -> K) {
    let k = key(record);
    match list.binary_search_by(|r| key(r).cmp(&k)) {
        Ok(at) => list[at] = record.clone(),
        Err(at) => list.insert(at, record.clone()),
    }
}

/// The record with id `id` of a list in id order, by binary search (the views look records up
/// for every row they draw). A list built out of order by hand still answers right, by a scan.
fn by_id<T, K: Ord + Copy>(list: &[T], id: K, key: impl Fn(&T) -> K) -> Option<&T> {
    match list.binary_search_by_key(&id, &key) {
        Ok(at) => list.get(at),
        Err(_) => list.iter().find(|r| key(r) == id),
    }
}

impl Dataset {
    /// Applies a committed change set, so memory matches the store without reloading it.
    /// Lists stay in id order (the order the store returns them in). Timeline events are not
    /// kept here.
    pub fn apply(&mut self, set: &ChangeSet) {
        for change in &set.changes {
            match change {
                Change::Staff(r) => upsert(&mut self.staff, r, |x| x.id),
                Change::Customer(r) => upsert(&mut self.customers, r, |x| x.id),
                Change::Interview(r) => upsert(&mut self.interviews, r, |x| x.id),
                Change::FollowUp(r) => upsert(&mut self.followups, r, |x| x.id),
                Change::Action(r) => upsert(&mut self.actions, r, |x| x.id),
                Change::Deliverable(r) => upsert(&mut self.deliverables, r, |x| x.id),
                Change::CrmFields(r) => upsert(&mut self.crm_fields, r, |x| x.customer),
                Change::Snooze(r) => {
                    match self.snoozes.iter_mut().find(|s| s.item_key == r.item_key) {
                        Some(existing) => *existing = r.clone(),
                        None => self.snoozes.push(r.clone()),
                    }
                }
                // Timeline and drafts are not part of the dataset the views read.
                Change::Event(_) | Change::Draft(_) | Change::DiscardDraft(_) => {}
                Change::Monitor(r) => upsert(&mut self.monitors, r, |x| x.id),
                Change::Request(r) => upsert(&mut self.requests, r, |x| x.id),
            }
        }
    }

    /// Every record as a change that writes it, kind by kind in the order of the fields, so a
    /// restore writes the whole dataset.
    pub fn into_changes(self) -> Vec<Change> {
        let Dataset {
            staff,
            customers,
            interviews,
            followups,
            actions,
            deliverables,
            snoozes,
            // Derived from the interviews: a restore writes the records, the store derives.
            digests: _,
            highest_id: _,
            crm_fields,
            monitors,
            requests,
        } = self;
        let mut changes = Vec::with_capacity(
            staff.len()
                + customers.len()
                + interviews.len()
                + followups.len()
                + actions.len()
                + deliverables.len()
                + snoozes.len()
                + crm_fields.len()
                + monitors.len()
                + requests.len(),
        );
        changes.extend(staff.into_iter().map(Change::Staff));
        changes.extend(customers.into_iter().map(Change::Customer));
        changes.extend(interviews.into_iter().map(Change::Interview));
        changes.extend(followups.into_iter().map(Change::FollowUp));
        changes.extend(actions.into_iter().map(Change::Action));
        changes.extend(deliverables.into_iter().map(Change::Deliverable));
        changes.extend(snoozes.into_iter().map(Change::Snooze));
        changes.extend(crm_fields.into_iter().map(Change::CrmFields));
        changes.extend(monitors.into_iter().map(Change::Monitor));
        changes.extend(requests.into_iter().map(Change::Request));
        changes
    }

    /// Whether the store holds nothing worth showing.
    pub fn is_empty(&self) -> bool {
        self.customers.is_empty() && self.staff.is_empty()
    }

    /// Customers that are not archived, largest first.
    pub fn customers_by_size(&self) -> Vec<&Customer> {
        let mut list: Vec<&Customer> = self.customers.iter().filter(|c| !c.archived).collect();
        list.sort_by(|a, b| by_size_desc(a, b));
        list
    }

    /// The staff member with this id.
    pub fn staff_member(&self, id: StaffId) -> Option<&Staff> {
        by_id(&self.staff, id, |s| s.id)
    }

    /// The name of a staff member, or an empty string.
    pub fn staff_name(&self, id: Option<StaffId>) -> &str {
        id.and_then(|id| self.staff_member(id))
            .map_or("", |s| s.name.as_str())
    }

    /// The customer with this id.
    pub fn customer(&self, id: CustomerId) -> Option<&Customer> {
        by_id(&self.customers, id, |c| c.id)
    }

    /// What the last CRM import showed of a customer's watched columns.
    pub fn crm_fields_of(&self, id: CustomerId) -> Option<&CrmFields> {
        by_id(&self.crm_fields, id, |f| f.customer)
    }

    /// When the customer's latest completed interview was completed.
    pub fn last_completed_interview(&self, id: CustomerId) -> Option<Instant> {
        self.interviews
            .iter()
            .filter(|i| i.customer == id && i.status == InterviewStatus::Completed)
            .map(|i| i.completed_at.unwrap_or(i.scheduled_at))
            .max()
    }

    /// The interview with this id.
    pub fn interview(&self, id: InterviewId) -> Option<&Interview> {
        by_id(&self.interviews, id, |i| i.id)
    }

    /// A customer's monitor events, oldest first by date.
    pub fn monitors_of(&self, id: CustomerId) -> Vec<&MonitorEvent> {
        let mut list: Vec<&MonitorEvent> =
            self.monitors.iter().filter(|m| m.customer == id).collect();
        list.sort_by_key(|m| (m.on, m.id));
        list
    }

    /// A customer's interviews, oldest first by scheduled time.
    pub fn interviews_of(&self, id: CustomerId) -> Vec<&Interview> {
        let mut list: Vec<&Interview> = self
            .interviews
            .iter()
            .filter(|i| i.customer == id)
            .collect();
        list.sort_by_key(|i| (i.scheduled_at, i.id));
        list
    }
}
