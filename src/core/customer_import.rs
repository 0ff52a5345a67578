//! Merging imported customer rows into the data: creates, updates by CRM id or name, never duplicates.
//!
//! The plan is computed on working copies of the customers and staff; whether a customer changed
//! is decided by comparing its final state with the stored one, so rows that set a value and
//! later rows that set it back (or a re-import of the same file) produce no change at all.

use super::crm_triggers::Watched;
use super::people_import::Rejected;
use super::sanitize;
use super::{
    Change, ChangeSet, Customer, CustomerId, Dataset, EventKind, IdAllocator, Instant, Money, Role,
    Staff, StaffId, Tier, TimelineEvent,
};
use index::{CustomerIndex, StaffIndex};
use merge::{changed_fields, lines_text, merge_contact, set_text};
use std::collections::HashMap;

/// A contact person as read from a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactRow {
    /// Full name, possibly blank.
    pub name: String,
    /// Job title, possibly blank.
    pub role: String,
    /// Email, possibly blank.
    pub email: String,
    /// Phone, possibly blank.
    pub phone: String,
}

/// One customer as read from a file; `None` means "not given" and leaves stored values alone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomerRow {
    /// 1-based line in the file where the record starts.
    pub line: u64,
    /// The id in the CRM.
    pub crm_id: Option<String>,
    /// Company name.
    pub name: String,
    /// Annual contract value.
    pub size: Option<Money>,
    /// Effort class.
    pub tier: Option<Tier>,
    /// Market segment or industry.
    pub segment: Option<String>,
    /// Region or country.
    pub region: Option<String>,
    /// Account manager's name or email.
    pub account_manager: Option<String>,
    /// Salesperson's name or email.
    pub salesperson: Option<String>,
    /// Service manager's name or email.
    pub service_manager: Option<String>,
    /// Executive sponsor's name or email.
    pub executive_sponsor: Option<String>,
    /// A contact person at the customer.
    pub contact: Option<ContactRow>,
    /// `(column key, value)` of the CRM columns the triggers watch, blank cells left out
    /// (see [`super::crm_triggers`]).
    pub watched: Vec<(String, String)>,
}

/// What an import would write, and a summary for the user.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    /// Staff, customers and timeline events to write in one transaction.
    pub changes: ChangeSet,
    /// Names of customers that would be created.
    pub created: Vec<String>,
    /// Names of existing customers that would change.
    pub updated: Vec<String>,
    /// How many existing customers were named in the file but need no change.
    pub unchanged: usize,
    /// Names of staff members that would be created.
    pub staff_created: Vec<String>,
    /// Rows not imported (their customer's record would be too large), in file order.
    pub rejected: Vec<Rejected>,
    /// Records the lookups examined: proportional to the rows, never to rows x customers.
    pub lookups: usize,
    /// Every customer the file named (changed or not), with the watched CRM values its rows
    /// gave, for the triggers.
    pub watched: Vec<Watched>,
}

/// Whether a record fits in the store: `Err` says why not. The store's codec knows the limit
/// (core does not encode), so the caller passes the check in; planning stays pure.
pub type RecordCheck<'a> = &'a dyn Fn(&Change) -> Result<(), String>;

/// A customer touched by the import, with the file lines that touched it.
struct Touched {
    index: usize,
    lines: Vec<u64>,
    /// Watched CRM values its rows gave, later rows' values replacing earlier ones.
    watched: Vec<(String, String)>,
}

/// Working state of one planning run.
struct Planner<'a> {
    existing: &'a Dataset,
    customers: Vec<Customer>,
    staff: Vec<Staff>,
    found: CustomerIndex,
    found_staff: StaffIndex,
    touched: Vec<Touched>,
    /// Where each touched customer (by working-list index) is in `touched`.
    touched_at: HashMap<usize, usize>,
    rejected: Vec<Rejected>,
    ids: &'a mut IdAllocator,
    fits: RecordCheck<'a>,
    now: Instant,
}

/// Works out the changes that merge `rows` into `existing`, in file order, without checking
/// record sizes (see [`plan_import_within`]).
pub fn plan_import(
    existing: &Dataset,
    rows: &[CustomerRow],
    ids: &mut IdAllocator,
    actor: &str,
    now: Instant,
) -> ImportPlan {
    plan_import_within(existing, rows, ids, actor, now, &|_| Ok(()))
}

/// Works out the changes that merge `rows` into `existing`, in file order. A row that would
/// make its customer's record fail `fits` (too large to store) is rejected with its line and
/// leaves the customer as the rows before it made it, so one bad row never fails the import.
pub fn plan_import_within(
    existing: &Dataset,
    rows: &[CustomerRow],
    ids: &mut IdAllocator,
    actor: &str,
    now: Instant,
    fits: RecordCheck<'_>,
) -> ImportPlan {
    let mut planner = Planner {
        existing,
        customers: existing.customers.clone(),
        staff: existing.staff.clone(),
        found: CustomerIndex::new(&existing.customers),
        found_staff: StaffIndex::new(&existing.staff),
        touched: Vec::new(),
        touched_at: HashMap::new(),
        rejected: Vec::new(),
        ids,
        fits,
        now,
    };
    for row in rows {
        planner.apply_row(row);
    }
    planner.finish(actor)
}

impl Planner<'_> {
    fn apply_row(&mut self, row: &CustomerRow) {
        let name = sanitize::line(&row.name);
        let crm_id = row
            .crm_id
            .as_deref()
            .map(sanitize::line)
            .filter(|s| !s.is_empty());
        let (index, created) = match self.found.find(crm_id.as_deref(), &name) {
            Some(index) => (index, false),
            // A nameless row can only update a customer found by its CRM id.
            None if name.is_empty() => return,
            None => (self.create(&name, row), true),
        };
        let Some(before) = self.customers.get(index) else {
            return;
        };
        let mut customer = before.clone();
        // Out of the index while its id and name may change; filed again below.
        if !created {
            self.found.remove(index, before);
        }
        if crm_id.is_some() {
            customer.crm_id = crm_id;
        }
        if !name.is_empty() {
            customer.name = name;
        }
        if let Some(size) = &row.size {
            customer.size = size.clone();
        }
        if let Some(tier) = row.tier {
            customer.tier = tier;
        }
        set_text(&mut customer.segment, row.segment.as_deref());
        set_text(&mut customer.region, row.region.as_deref());
        if let Some(contact) = &row.contact {
            merge_contact(&mut customer.contacts, contact, self.ids);
        }
        let texts = [
            (&row.account_manager, Role::AccountManager),
            (&row.salesperson, Role::Salesperson),
            (&row.service_manager, Role::ServiceManager),
            (&row.executive_sponsor, Role::Executive),
        ];
        // Checked with the largest staff ids there can be, before any staff is created, so a
        // rejected row leaves nothing behind.
        let mut largest = customer.clone();
        for (slot, (text, _)) in staff_slots(&mut largest).into_iter().zip(&texts) {
            if text
                .as_deref()
                .is_some_and(|t| !sanitize::line(t).is_empty())
            {
                *slot = Some(StaffId(u64::MAX));
            }
        }
        if let Err(reason) = (self.fits)(&Change::Customer(largest)) {
            match (created, self.customers.get(index)) {
                (true, _) => drop(self.customers.pop()),
                (false, Some(before)) => self.found.add(index, before),
                (false, None) => {}
            }
            self.rejected.push(Rejected {
                line: row.line,
                reason,
            });
            return;
        }
        let staff =
            texts.map(|(text, role)| text.as_deref().and_then(|t| self.resolve_staff(t, role)));
        for (slot, id) in staff_slots(&mut customer).into_iter().zip(staff) {
            if id.is_some() {
                *slot = id;
            }
        }
        self.found.add(index, &customer);
        if let Some(slot) = self.customers.get_mut(index) {
            *slot = customer;
        }
        match self
            .touched_at
            .get(&index)
            .and_then(|&t| self.touched.get_mut(t))
        {
            Some(t) => {
                t.lines.push(row.line);
                for (column, value) in &row.watched {
                    match t.watched.iter_mut().find(|(c, _)| c == column) {
                        Some(slot) => slot.1.clone_from(value),
                        None => t.watched.push((column.clone(), value.clone())),
                    }
                }
            }
            None => {
                self.touched_at.insert(index, self.touched.len());
                self.touched.push(Touched {
                    index,
                    lines: vec![row.line],
                    watched: row.watched.clone(),
                });
            }
        }
    }

    fn create(&mut self, name: &str, row: &CustomerRow) -> usize {
        self.customers.push(Customer::new(
            CustomerId(self.ids.next_id()),
            name,
            row.size.clone().unwrap_or_else(|| Money::new(0, "USD")),
            self.now,
        ));
        self.customers.len() - 1
    }

    /// The staff member named (or emailed) by `text`, created or given `role` if needed.
    fn resolve_staff(&mut self, text: &str, role: Role) -> Option<StaffId> {
        let text = sanitize::line(text);
        if text.is_empty() {
            return None;
        }
        match self
            .found_staff
            .find(&text)
            .and_then(|i| self.staff.get_mut(i))
        {
            Some(member) => {
                if !member.has_role(role) {
                    member.roles.push(role);
                }
                Some(member.id)
            }
            None => {
                let id = StaffId(self.ids.next_id());
                let is_email = text.contains('@');
                let member = Staff {
                    id,
                    name: text.clone(),
                    email: is_email.then_some(text),
                    roles: vec![role],
                    bio: String::new(),
                    active: true,
                };
                self.found_staff.add(self.staff.len(), &member);
                self.staff.push(member);
                Some(id)
            }
        }
    }

    fn finish(self, actor: &str) -> ImportPlan {
        let mut plan = ImportPlan {
            rejected: self.rejected,
            lookups: self.found.probes + self.found_staff.probes,
            ..ImportPlan::default()
        };
        let staff_before: HashMap<StaffId, &Staff> =
            self.existing.staff.iter().map(|s| (s.id, s)).collect();
        for member in &self.staff {
            match staff_before.get(&member.id) {
                Some(before) if *before == member => {}
                Some(_) => plan.changes.push(Change::Staff(member.clone())),
                None => {
                    plan.staff_created.push(member.name.clone());
                    plan.changes.push(Change::Staff(member.clone()));
                }
            }
        }
        let customers_before: HashMap<CustomerId, &Customer> =
            self.existing.customers.iter().map(|c| (c.id, c)).collect();
        for touched in &self.touched {
            let Some(after) = self.customers.get(touched.index) else {
                continue;
            };
            plan.watched.push(Watched {
                customer: after.id,
                created: !customers_before.contains_key(&after.id),
                line: touched.lines.last().copied().unwrap_or(0),
                values: touched.watched.clone(),
            });
            let (kind, summary) = match customers_before.get(&after.id) {
                Some(before) => {
                    let fields = changed_fields(before, after);
                    if fields.is_empty() {
                        plan.unchanged += 1;
                        continue;
                    }
                    plan.updated.push(after.name.clone());
                    let summary = format!(
                        "Updated from CSV {}: {}",
                        lines_text(&touched.lines),
                        fields.join(", ")
                    );
                    (EventKind::CustomerUpdated, summary)
                }
                None => {
                    plan.created.push(after.name.clone());
                    let summary = format!("Imported from CSV {}", lines_text(&touched.lines));
                    (EventKind::CustomerCreated, summary)
                }
            };
            let mut record = after.clone();
            record.updated_at = self.now;
            plan.changes.push(Change::Customer(record));
            plan.changes.push(Change::Event(TimelineEvent {
                customer: after.id,
                at: self.now,
                actor: actor.to_string(),
                kind,
                summary,
                reference: None,
            }));
        }
        plan
    }
}

/// The four staff slots of a customer, in the order rows give them.
fn staff_slots(c: &mut Customer) -> [&mut Option<StaffId>; 4] {
    [
        &mut c.account_manager,
        &mut c.salesperson,
        &mut c.service_manager,
        &mut c.executive_sponsor,
    ]
}

mod index;
mod merge;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod limits_tests;
