//! Merging imported customer rows into the data: creates, updates by CRM id or name, never duplicates.
//!
//! The plan is computed on working copies of the customers and staff; whether a customer changed
//! is decided by comparing its final state with the stored one, so rows that set a value and
//! later rows that set it back (or a re-import of the same file) produce no change at all.

use super::sanitize;
use super::{
    Change, ChangeSet, Contact, ContactId, Customer, CustomerId, Dataset, EventKind, IdAllocator,
    Instant, Lifecycle, Money, PreBrief, Role, Staff, StaffId, Tier, TimelineEvent,
};

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
}

/// A customer touched by the import, with the file lines that touched it.
struct Touched {
    index: usize,
    lines: Vec<u64>,
}

/// Working state of one planning run.
struct Planner<'a> {
    existing: &'a Dataset,
    customers: Vec<Customer>,
    staff: Vec<Staff>,
    touched: Vec<Touched>,
    ids: &'a mut IdAllocator,
    now: Instant,
}

/// Works out the changes that merge `rows` into `existing`, in file order.
pub fn plan_import(
    existing: &Dataset,
    rows: &[CustomerRow],
    ids: &mut IdAllocator,
    actor: &str,
    now: Instant,
) -> ImportPlan {
    let mut planner = Planner {
        existing,
        customers: existing.customers.clone(),
        staff: existing.staff.clone(),
        touched: Vec::new(),
        ids,
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
        let index = match self.find(crm_id.as_deref(), &name) {
            Some(index) => index,
            // A nameless row can only update a customer found by its CRM id.
            None if name.is_empty() => return,
            None => self.create(&name, row),
        };
        match self.touched.iter_mut().find(|t| t.index == index) {
            Some(t) => t.lines.push(row.line),
            None => self.touched.push(Touched {
                index,
                lines: vec![row.line],
            }),
        }
        let staff = [
            (&row.account_manager, Role::AccountManager),
            (&row.salesperson, Role::Salesperson),
            (&row.service_manager, Role::ServiceManager),
            (&row.executive_sponsor, Role::Executive),
        ]
        .map(|(text, role)| text.as_deref().and_then(|t| self.resolve_staff(t, role)));
        let Some(customer) = self.customers.get_mut(index) else {
            return;
        };
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
        let [am, sp, sm, ex] = staff;
        for (slot, id) in [
            (&mut customer.account_manager, am),
            (&mut customer.salesperson, sp),
            (&mut customer.service_manager, sm),
            (&mut customer.executive_sponsor, ex),
        ] {
            if id.is_some() {
                *slot = id;
            }
        }
        if let Some(contact) = &row.contact {
            merge_contact(&mut customer.contacts, contact, self.ids);
        }
    }

    /// By CRM id first, else by normalised name; a customer with a different CRM id is a
    /// different CRM record even when the names match.
    fn find(&self, crm_id: Option<&str>, name: &str) -> Option<usize> {
        if let Some(id) = crm_id
            && let Some(i) = self
                .customers
                .iter()
                .position(|c| c.crm_id.as_deref() == Some(id))
        {
            return Some(i);
        }
        let key = Customer::normalised_name(name);
        if key.is_empty() {
            return None;
        }
        self.customers.iter().position(|c| {
            Customer::normalised_name(&c.name) == key
                && (crm_id.is_none() || c.crm_id.is_none() || c.crm_id.as_deref() == crm_id)
        })
    }

    fn create(&mut self, name: &str, row: &CustomerRow) -> usize {
        self.customers.push(Customer {
            id: CustomerId(self.ids.next_id()),
            crm_id: None,
            name: name.to_string(),
            size: row.size.clone().unwrap_or_else(|| Money::new(0, "USD")),
            tier: Tier::Standard,
            segment: String::new(),
            region: String::new(),
            account_manager: None,
            salesperson: None,
            service_manager: None,
            executive_sponsor: None,
            contacts: Vec::new(),
            prebrief: PreBrief::default(),
            lifecycle: Lifecycle::Active,
            archived: false,
            created_at: self.now,
            updated_at: self.now,
        });
        self.customers.len() - 1
    }

    /// The staff member named (or emailed) by `text`, created or given `role` if needed.
    fn resolve_staff(&mut self, text: &str, role: Role) -> Option<StaffId> {
        let text = sanitize::line(text);
        if text.is_empty() {
            return None;
        }
        let is_email = text.contains('@');
        let found = self
            .staff
            .iter()
            .position(|s| {
                is_email
                    && s.email
                        .as_deref()
                        .is_some_and(|e| e.trim().eq_ignore_ascii_case(&text))
            })
            .or_else(|| {
                let lower = text.to_lowercase();
                self.staff
                    .iter()
                    .position(|s| s.name.trim().to_lowercase() == lower)
            });
        match found.and_then(|i| self.staff.get_mut(i)) {
            Some(member) => {
                if !member.has_role(role) {
                    member.roles.push(role);
                }
                Some(member.id)
            }
            None => {
                let id = StaffId(self.ids.next_id());
                self.staff.push(Staff {
                    id,
                    name: text.clone(),
                    email: is_email.then_some(text),
                    roles: vec![role],
                    bio: String::new(),
                    active: true,
                });
                Some(id)
            }
        }
    }

    fn finish(self, actor: &str) -> ImportPlan {
        let mut plan = ImportPlan::default();
        for member in &self.staff {
            match self.existing.staff.iter().find(|s| s.id == member.id) {
                Some(before) if before == member => {}
                Some(_) => plan.changes.push(Change::Staff(member.clone())),
                None => {
                    plan.staff_created.push(member.name.clone());
                    plan.changes.push(Change::Staff(member.clone()));
                }
            }
        }
        for touched in &self.touched {
            let Some(after) = self.customers.get(touched.index) else {
                continue;
            };
            let before = self.existing.customers.iter().find(|c| c.id == after.id);
            let (kind, summary) = match before {
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

/// Replaces a text field when a value was given.
fn set_text(slot: &mut String, value: Option<&str>) {
    if let Some(value) = value.map(sanitize::line).filter(|v| !v.is_empty()) {
        *slot = value;
    }
}

/// Adds the contact, or fills the blank fields of the one it matches: same email when both
/// have one, otherwise same name (case-insensitive).
fn merge_contact(contacts: &mut Vec<Contact>, row: &ContactRow, ids: &mut IdAllocator) {
    let [name, role, email, phone] =
        [&row.name, &row.role, &row.email, &row.phone].map(|s| sanitize::line(s));
    if name.is_empty() && email.is_empty() {
        return; // nobody to talk to
    }
    let same = |c: &Contact| {
        if !email.is_empty() && !c.email.trim().is_empty() {
            c.email.trim().eq_ignore_ascii_case(&email)
        } else {
            !name.is_empty() && c.name.trim().to_lowercase() == name.to_lowercase()
        }
    };
    match contacts.iter_mut().find(|c| same(c)) {
        Some(c) => {
            for (slot, value) in [
                (&mut c.name, name),
                (&mut c.role, role),
                (&mut c.email, email),
                (&mut c.phone, phone),
            ] {
                if slot.trim().is_empty() && !value.is_empty() {
                    *slot = value;
                }
            }
        }
        None => contacts.push(Contact {
            id: ContactId(ids.next_id()),
            name,
            role,
            email,
            phone,
            personality: String::new(),
        }),
    }
}

/// The names of the fields that differ, for the timeline.
fn changed_fields(before: &Customer, after: &Customer) -> Vec<&'static str> {
    let checks = [
        (before.crm_id != after.crm_id, "CRM id"),
        (before.name != after.name, "name"),
        (before.size != after.size, "size"),
        (before.tier != after.tier, "tier"),
        (before.segment != after.segment, "segment"),
        (before.region != after.region, "region"),
        (
            before.account_manager != after.account_manager,
            "account manager",
        ),
        (before.salesperson != after.salesperson, "salesperson"),
        (
            before.service_manager != after.service_manager,
            "service manager",
        ),
        (
            before.executive_sponsor != after.executive_sponsor,
            "executive sponsor",
        ),
        (before.contacts != after.contacts, "contacts"),
    ];
    checks
        .into_iter()
        .filter_map(|(changed, name)| changed.then_some(name))
        .collect()
}

/// `line 12` or `lines 12, 40`.
fn lines_text(lines: &[u64]) -> String {
    match lines {
        [one] => format!("line {one}"),
        _ => {
            let list: Vec<String> = lines.iter().map(u64::to_string).collect();
            format!("lines {}", list.join(", "))
        }
    }
}

#[cfg(test)]
mod tests;
