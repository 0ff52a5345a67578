//! How one row's values merge into a customer: text fields, contacts, and the words the
//! timeline uses for what changed.

use crate::core::{Contact, ContactId, Customer, IdAllocator, sanitize};

use super::ContactRow;

/// Replaces a text field when a value was given.
pub(super) fn set_text(slot: &mut String, value: Option<&str>) {
    if let Some(value) = value.map(sanitize::line).filter(|v| !v.is_empty()) {
        *slot = value;
    }
}

/// Adds the contact, or fills the blank fields of the one it matches: same email when both
/// have one, otherwise same name (case-insensitive).
pub(super) fn merge_contact(contacts: &mut Vec<Contact>, row: &ContactRow, ids: &mut IdAllocator) {
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
pub(super) fn changed_fields(before: &Customer, after: &Customer) -> Vec<&'static str> {
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

/// How many line numbers a timeline entry lists before it says how many more there were.
const LINES_LISTED: usize = 10;

/// `line 12`, `lines 12, 40`, or `lines 2, 3, ... 11 and 990 more`: a customer named on
/// thousands of rows still gets a timeline entry that fits in one record.
pub(super) fn lines_text(lines: &[u64]) -> String {
    match lines {
        [one] => format!("line {one}"),
        _ => {
            let list: Vec<String> = lines
                .iter()
                .take(LINES_LISTED)
                .map(u64::to_string)
                .collect();
            let more = lines.len().saturating_sub(LINES_LISTED);
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!("lines {}{tail}", list.join(", "))
        }
    }
}
