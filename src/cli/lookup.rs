//! Finding records from what a person types: `C12` or `12`, a name, or a unique part of one.
//! Ambiguity is an error that lists the candidates, never a guess.

use crate::core::ids::parse_id_number;
use crate::core::{ActionItem, Customer, Dataset, FollowUp, Interview, Staff, StaffId};
use anyhow::{anyhow, bail};

/// At most this many candidates are named in an ambiguity error.
const SHOWN: usize = 8;

fn pick<'a, T>(
    what: &str,
    text: &str,
    all: &'a [T],
    name: impl Fn(&T) -> &str,
) -> anyhow::Result<&'a T> {
    let needle = text.trim().to_lowercase();
    if needle.is_empty() {
        bail!("no {what} given");
    }
    if let Some(exact) = all.iter().find(|x| name(x).to_lowercase() == needle) {
        return Ok(exact);
    }
    let matches: Vec<&T> = all
        .iter()
        .filter(|x| name(x).to_lowercase().contains(&needle))
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(anyhow!("no {what} matches '{text}'")),
        many => {
            let names: Vec<&str> = many.iter().take(SHOWN).map(|x| name(x)).collect();
            let more = if many.len() > SHOWN {
                format!(" and {} more", many.len() - SHOWN)
            } else {
                String::new()
            };
            Err(anyhow!(
                "'{text}' matches {} {what}s: {}{more}; be more specific",
                many.len(),
                names.join(", ")
            ))
        }
    }
}

/// A customer by id (`C12`/`12`), exact name, or unique part of a name.
pub fn customer<'a>(data: &'a Dataset, text: &str) -> anyhow::Result<&'a Customer> {
    if let Some(n) = parse_id_number(text, 'C')
        && let Some(c) = data.customers.iter().find(|c| c.id.0 == n)
    {
        return Ok(c);
    }
    pick("customer", text, &data.customers, |c| c.name.as_str())
}

/// A staff member by exact name, email, or unique part of a name.
pub fn staff<'a>(data: &'a Dataset, text: &str) -> anyhow::Result<&'a Staff> {
    if let Some(s) = data.staff.iter().find(|s| {
        s.email
            .as_deref()
            .is_some_and(|e| e.eq_ignore_ascii_case(text.trim()))
    }) {
        return Ok(s);
    }
    pick("staff member", text, &data.staff, |s| s.name.as_str()).map_err(|e| {
        anyhow!(
            "{e} (known: {})",
            data.staff
                .iter()
                .take(SHOWN)
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
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
    let n = parse_id_number(text, letter)
        .ok_or_else(|| anyhow!("'{text}' is not a {what} id (like {letter}12)"))?;
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
