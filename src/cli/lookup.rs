//! Finding records from what a person types: `C12` or `12`, a name, or a unique part of one.
//! Ambiguity is an error that lists the candidates, never a guess.

use crate::core::ids::parse_id_number;
use crate::core::{ActionItem, Customer, Dataset, FollowUp, Interview, Staff, StaffId};
use anyhow::anyhow;

/// A customer by id (`C12`/`12`), exact name, or unique part of a name.
pub fn customer<'a>(data: &'a Dataset, text: &str) -> anyhow::Result<&'a Customer> {
    crate::core::lookup::customer(data, text).map_err(anyhow::Error::from)
}

/// A staff member by email, exact name, or unique part of a name.
pub fn staff<'a>(data: &'a Dataset, text: &str) -> anyhow::Result<&'a Staff> {
    crate::core::lookup::staff(data, text).map_err(|e| {
        let known: Vec<&str> = data.staff.iter().take(8).map(|s| s.name.as_str()).collect();
        anyhow!("{e} (known: {})", known.join(", "))
    })
}

/// A staff id from an optional name.
pub fn staff_id(data: &Dataset, text: Option<&str>) -> anyhow::Result<Option<StaffId>> {
    text.map(|t| staff(data, t).map(|s| s.id)).transpose()
}

fn by_id<'a, T>(
    what: &str,
    letter: char,
    text: &str,
    all: &'a [T],
    id: impl Fn(&T) -> u64,
) -> anyhow::Result<&'a T> {
    let n = parse_id_number(text, letter).ok_or_else(|| {
        let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        anyhow!("'{text}' is not {article} {what} id (like {letter}12)")
    })?;
    all.iter()
        .find(|x| id(x) == n)
        .ok_or_else(|| anyhow!("there is no {what} {letter}{n}"))
}

/// An interview by id.
pub fn interview<'a>(data: &'a Dataset, text: &str) -> anyhow::Result<&'a Interview> {
    by_id("interview", 'I', text, &data.interviews, |i| i.id.0)
}

/// A follow-up by id.
pub fn followup<'a>(data: &'a Dataset, text: &str) -> anyhow::Result<&'a FollowUp> {
    by_id("follow-up", 'F', text, &data.followups, |f| f.id.0)
}

/// An action by id.
pub fn action<'a>(data: &'a Dataset, text: &str) -> anyhow::Result<&'a ActionItem> {
    by_id("action", 'A', text, &data.actions, |a| a.id.0)
}

/// The customer of a record, which must exist.
pub fn customer_of(data: &Dataset, id: crate::core::CustomerId) -> anyhow::Result<&Customer> {
    data.customer(id)
        .ok_or_else(|| anyhow!("customer {id} is missing from the store; run `hearback check`"))
}
