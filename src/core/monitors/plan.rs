//! Planning an import of monitor events: each row's customer found (by CRM record id, else by
//! name, else by the domain of an email), and each event created, or updated when an event of
//! the same kind and reference is already stored.

use super::{MonitorEvent, MonitorId, MonitorKind, identity};
use crate::core::excerpt::excerpt;
use crate::core::{Change, ChangeSet, Customer, CustomerId, Dataset, IdAllocator, Instant};
use std::collections::HashMap;

/// One row of an export, read through a map: who, what, when and which document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonitorRow {
    /// The line the row starts on.
    pub line: u64,
    /// The customer's CRM record id, if the map names that column.
    pub crm_id: String,
    /// The customer's name, if mapped.
    pub name: String,
    /// An email address (or a bare domain) at the customer, if mapped.
    pub email: String,
    /// What happened.
    pub kind: MonitorKind,
    /// The event's date.
    pub on: Instant,
    /// The source document's number.
    pub reference: String,
    /// A short note.
    pub note: String,
}

/// A row not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// Its line.
    pub line: u64,
    /// Why.
    pub reason: String,
    /// Whether the reason is about the customer (else about the document number): which
    /// columns to name is known where the file was read.
    pub about_customer: bool,
}

/// What an import of monitor rows would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonitorPlan {
    /// Every event created or changed: one transaction.
    pub changes: ChangeSet,
    /// Events new to the store.
    pub created: usize,
    /// Events already stored (same kind and reference) that the row changes.
    pub updated: usize,
    /// Events already stored exactly as the row has them.
    pub unchanged: usize,
    /// Rows repeating an earlier row's document with the same customer, kind and dates (an
    /// export with one row per item): imported once.
    pub repeated: usize,
    /// Rows not imported.
    pub rejected: Vec<Rejected>,
    /// Events created or changed per customer, in customer id order.
    pub per_customer: Vec<(CustomerId, usize)>,
}

/// Customers by CRM id, normalised name and contacts' email domains (archived ones left out).
struct Index<'a> {
    by_crm: HashMap<&'a str, Vec<&'a Customer>>,
    by_name: HashMap<String, Vec<&'a Customer>>,
    by_domain: HashMap<String, Vec<&'a Customer>>,
}

fn domain(text: &str) -> String {
    let t = text.trim();
    let d = t.rsplit_once('@').map_or(t, |(_, d)| d);
    d.trim().trim_end_matches('.').to_ascii_lowercase()
}

impl<'a> Index<'a> {
    fn new(data: &'a Dataset) -> Index<'a> {
        let mut index = Index {
            by_crm: HashMap::new(),
            by_name: HashMap::new(),
            by_domain: HashMap::new(),
        };
        for c in data.customers.iter().filter(|c| !c.archived) {
            if let Some(id) = c.crm_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                index.by_crm.entry(id).or_default().push(c);
            }
            let name = Customer::normalised_name(&c.name);
            if !name.is_empty() {
                index.by_name.entry(name).or_default().push(c);
            }
            let mut domains: Vec<String> = c
                .contacts
                .iter()
                .filter(|p| p.email.contains('@'))
                .map(|p| domain(&p.email))
                .filter(|d| !d.is_empty())
                .collect();
            domains.sort();
            domains.dedup();
            for d in domains {
                index.by_domain.entry(d).or_default().push(c);
            }
        }
        index
    }

    /// The customer of a row: by CRM id, else name, else email domain; the error says why none.
    fn find(&self, row: &MonitorRow) -> Result<CustomerId, String> {
        let mut why = Vec::new();
        let tries: [(&str, Option<&Vec<&Customer>>, &str); 3] = [
            (
                "CRM record id",
                self.by_crm.get(row.crm_id.trim()),
                row.crm_id.trim(),
            ),
            (
                "name",
                self.by_name.get(&Customer::normalised_name(&row.name)),
                row.name.trim(),
            ),
            ("email domain", self.by_domain.get(&domain(&row.email)), {
                row.email.trim()
            }),
        ];
        for (what, hits, given) in tries {
            if given.is_empty() {
                continue;
            }
            match hits.map_or(&[][..], Vec::as_slice) {
                [one] => return Ok(one.id),
                [] => why.push(format!("no customer has the {what} '{}'", excerpt(given))),
                many => {
                    let names: Vec<String> = many
                        .iter()
                        .map(|c| format!("{} ({})", c.name, c.id))
                        .collect();
                    return Err(format!(
                        "the {what} '{}' matches {}; not guessing which",
                        excerpt(given),
                        names.join(", ")
                    ));
                }
            }
        }
        if why.is_empty() {
            return Err("no CRM record id, customer name or email to find the customer by".into());
        }
        Err(format!(
            "customer not found: {}; import the customer first, or map another column",
            why.join(", ")
        ))
    }
}

/// Plans the import of `rows` into `data`: new events take ids from `ids`.
pub fn plan_monitors(data: &Dataset, rows: &[MonitorRow], ids: &mut IdAllocator) -> MonitorPlan {
    let index = Index::new(data);
    let stored: HashMap<(&'static str, String), &MonitorEvent> =
        data.monitors.iter().map(|e| (e.identity(), e)).collect();
    let mut plan = MonitorPlan::default();
    // The first row of each document in this file, and the event it became.
    let mut seen: HashMap<(&'static str, String), (u64, MonitorEvent)> = HashMap::new();
    let mut touched: HashMap<CustomerId, usize> = HashMap::new();
    for row in rows {
        let customer = match index.find(row) {
            Ok(c) => c,
            Err(reason) => {
                plan.rejected.push(Rejected {
                    line: row.line,
                    reason,
                    about_customer: true,
                });
                continue;
            }
        };
        let key = identity(&row.kind, &row.reference);
        if let Some((line, first)) = seen.get(&key) {
            if first.customer == customer && first.kind == row.kind && first.on == row.on {
                plan.repeated += 1;
            } else {
                plan.rejected.push(Rejected {
                    line: row.line,
                    reason: format!(
                        "{} '{}' is also on line {line} with another customer or other \
                         dates; one document, one customer and one set of dates",
                        row.kind.label(),
                        excerpt(&row.reference)
                    ),
                    about_customer: false,
                });
            }
            continue;
        }
        let old = stored.get(&key);
        let id = match old {
            Some(old) => old.id,
            None => MonitorId(ids.next_id()),
        };
        let event = MonitorEvent {
            id,
            customer,
            kind: row.kind.clone(),
            on: row.on,
            reference: row.reference.clone(),
            note: row.note.clone(),
        };
        match old {
            Some(old) if **old == event => plan.unchanged += 1,
            found => {
                if found.is_some() {
                    plan.updated += 1;
                } else {
                    plan.created += 1;
                }
                *touched.entry(customer).or_default() += 1;
                plan.changes.push(Change::Monitor(event.clone()));
            }
        }
        seen.insert(key, (row.line, event));
    }
    let mut per: Vec<(CustomerId, usize)> = touched.into_iter().collect();
    per.sort();
    plan.per_customer = per;
    plan
}
