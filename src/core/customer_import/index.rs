//! The planner's lookups: customers by CRM id and by normalised name, staff by email and by
//! name. A linear scan per row made planning quadratic (16k rows took 17 s, 100k more than ten
//! minutes); with these maps each row costs a few hash lookups. `probes` counts the records a
//! lookup examined, so a test can prove the work stays proportional to the rows.

use crate::core::{Customer, Staff};
use std::collections::HashMap;

/// Indices into a list, kept sorted so the first is the one a scan from the top would find.
type Positions = Vec<usize>;

fn insert(map: &mut HashMap<String, Positions>, key: String, index: usize) {
    let list = map.entry(key).or_default();
    let at = list.partition_point(|&i| i < index);
    if list.get(at) != Some(&index) {
        list.insert(at, index);
    }
}

fn remove(map: &mut HashMap<String, Positions>, key: &str, index: usize) {
    if let Some(list) = map.get_mut(key)
        && let Ok(at) = list.binary_search(&index)
    {
        list.remove(at);
    }
}

/// Customers by CRM id and by normalised name.
#[derive(Default)]
pub(super) struct CustomerIndex {
    by_crm: HashMap<String, Positions>,
    by_name: HashMap<String, Positions>,
    /// By name, only those without a CRM id: the ones a row with an unknown CRM id may match.
    by_name_without_crm: HashMap<String, Positions>,
    /// Records examined by lookups.
    pub(super) probes: usize,
}

impl CustomerIndex {
    pub(super) fn new(customers: &[Customer]) -> CustomerIndex {
        let mut index = CustomerIndex::default();
        for (i, c) in customers.iter().enumerate() {
            index.add(i, c);
        }
        index
    }

    /// Files `customer`, at `i` in the working list, under its current id and name.
    pub(super) fn add(&mut self, i: usize, customer: &Customer) {
        let name = Customer::normalised_name(&customer.name);
        match &customer.crm_id {
            Some(id) => insert(&mut self.by_crm, id.clone(), i),
            None => insert(&mut self.by_name_without_crm, name.clone(), i),
        }
        insert(&mut self.by_name, name, i);
    }

    /// Takes `customer`, at `i`, out of the index (before its id or name changes).
    pub(super) fn remove(&mut self, i: usize, customer: &Customer) {
        let name = Customer::normalised_name(&customer.name);
        match &customer.crm_id {
            Some(id) => remove(&mut self.by_crm, id, i),
            None => remove(&mut self.by_name_without_crm, &name, i),
        }
        remove(&mut self.by_name, &name, i);
    }

    /// By CRM id first, else by normalised name; a customer with a different CRM id is a
    /// different CRM record even when the names match.
    pub(super) fn find(&mut self, crm_id: Option<&str>, name: &str) -> Option<usize> {
        if let Some(id) = crm_id
            && let Some(&i) = self.by_crm.get(id).and_then(|l| l.first())
        {
            self.probes += 1;
            return Some(i);
        }
        let key = Customer::normalised_name(name);
        if key.is_empty() {
            return None;
        }
        // With a CRM id that matched nobody, only a customer without one can be the same.
        let map = match crm_id {
            Some(_) => &self.by_name_without_crm,
            None => &self.by_name,
        };
        let found = map.get(&key).and_then(|l| l.first()).copied();
        self.probes += usize::from(found.is_some());
        found
    }
}

/// Staff by email (ASCII case ignored) and by name (case ignored); the first listed wins.
#[derive(Default)]
pub(super) struct StaffIndex {
    by_email: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    /// Records examined by lookups.
    pub(super) probes: usize,
}

impl StaffIndex {
    pub(super) fn new(staff: &[Staff]) -> StaffIndex {
        let mut index = StaffIndex::default();
        for (i, s) in staff.iter().enumerate() {
            index.add(i, s);
        }
        index
    }

    /// Files the member at `i` (names and emails do not change while planning).
    pub(super) fn add(&mut self, i: usize, member: &Staff) {
        if let Some(email) = &member.email {
            self.by_email
                .entry(email.trim().to_ascii_lowercase())
                .or_insert(i);
        }
        self.by_name
            .entry(member.name.trim().to_lowercase())
            .or_insert(i);
    }

    /// The member whose email is `text` (when it is an email), else whose name is.
    pub(super) fn find(&mut self, text: &str) -> Option<usize> {
        let by_email = text
            .contains('@')
            .then(|| self.by_email.get(&text.to_ascii_lowercase()))
            .flatten();
        let found = by_email
            .or_else(|| self.by_name.get(&text.to_lowercase()))
            .copied();
        self.probes += usize::from(found.is_some());
        found
    }
}
