//! What a change to a customer record changes, field by field, for people: the import's
//! `--dry-run` lists `size USD 1000.00 -> USD 2500.00; tier standard -> key` per customer.

use super::{Customer, Dataset, StaffId};

/// The fields that differ between `old` and `new` as `field old -> new`, in record order;
/// staff are named from `data` (which must already hold any staff the change adds).
pub fn changed_fields(old: &Customer, new: &Customer, data: &Dataset) -> Vec<String> {
    let shown = |s: &str| {
        if s.is_empty() {
            "(none)".to_string()
        } else {
            s.to_string()
        }
    };
    let staff = |id: Option<StaffId>| shown(data.staff_name(id));
    let contacts = |c: &Customer| {
        shown(
            &c.contacts
                .iter()
                .map(|k| k.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    let fields: [(&str, String, String); 12] = [
        ("name", old.name.clone(), new.name.clone()),
        (
            "CRM id",
            shown(old.crm_id.as_deref().unwrap_or("")),
            shown(new.crm_id.as_deref().unwrap_or("")),
        ),
        ("size", old.size.to_string(), new.size.to_string()),
        ("tier", old.tier.as_str().into(), new.tier.as_str().into()),
        ("segment", shown(&old.segment), shown(&new.segment)),
        ("region", shown(&old.region), shown(&new.region)),
        (
            "account manager",
            staff(old.account_manager),
            staff(new.account_manager),
        ),
        (
            "salesperson",
            staff(old.salesperson),
            staff(new.salesperson),
        ),
        (
            "service manager",
            staff(old.service_manager),
            staff(new.service_manager),
        ),
        (
            "executive sponsor",
            staff(old.executive_sponsor),
            staff(new.executive_sponsor),
        ),
        ("contacts", contacts(old), contacts(new)),
        (
            "archived",
            old.archived.to_string(),
            new.archived.to_string(),
        ),
    ];
    fields
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(field, a, b)| format!("{field} {a} -> {b}"))
        .collect()
}
