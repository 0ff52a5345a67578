//! How quickly we answer and resolve customers' requests: the median and 90th percentile of the
//! time to first response and to resolution, per owner, per team and per customer.
//!
//! Times are business time ([`WorkWeek::between`]), the clock the policy's limits run on, so a
//! request that came in on Friday evening and was answered on Monday morning took the hours of
//! Friday evening and Monday morning, not the weekend. Percentiles are by nearest rank, as in
//! the weekly review ([`crate::core::review::nearest_rank`]).
//!
//! A request's owner is its owner, else the customer's account manager (who answers for it in
//! the queue). Its team is the helpdesk's group when the export named one, else the owner's
//! first role (a request logged here has no group): a group is how the helpdesk organised the
//! work, and without one the role is the nearest thing to a team hearback knows.

use super::Request;
use crate::core::business_time::WorkWeek;
use crate::core::review::nearest_rank;
use crate::core::{CustomerId, Dataset, Instant, StaffId};
use chrono::Duration;
use std::collections::BTreeMap;

/// The count, median and 90th percentile of one measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figures {
    /// How many requests had the measure.
    pub count: usize,
    /// The median by nearest rank.
    pub median: Duration,
    /// The 90th percentile by nearest rank.
    pub p90: Duration,
}

impl Figures {
    /// The figures of `took`, or `None` when empty.
    pub fn of(mut took: Vec<Duration>) -> Option<Figures> {
        took.sort();
        Some(Figures {
            count: took.len(),
            median: nearest_rank(&took, 50)?,
            p90: nearest_rank(&took, 90)?,
        })
    }
}

/// One row: whose requests, how many, and their two measures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The owner's, team's or customer's name ("unassigned" or "no team" when none).
    pub label: String,
    /// How many requests came in.
    pub requests: usize,
    /// How many are still open.
    pub open: usize,
    /// Time to first response of the answered ones.
    pub first_response: Option<Figures>,
    /// Time to resolution of the resolved ones.
    pub resolution: Option<Figures>,
}

/// The rows per owner, team and customer, and the whole programme.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Responsiveness {
    /// Per owner, by name (unassigned last).
    pub owners: Vec<Row>,
    /// Per team, by name.
    pub teams: Vec<Row>,
    /// Per customer, by name.
    pub customers: Vec<Row>,
    /// Everyone.
    pub all: Option<Row>,
}

/// The owner who answers for a request.
pub fn owner_of(data: &Dataset, r: &Request) -> Option<StaffId> {
    r.answerable(data.customer(r.customer).and_then(|c| c.account_manager))
}

/// The team of a request: the helpdesk group, else its owner's first role.
pub fn team_of(data: &Dataset, r: &Request) -> String {
    if !r.team.is_empty() {
        return r.team.clone();
    }
    owner_of(data, r)
        .and_then(|id| data.staff_member(id))
        .and_then(|s| s.roles.first())
        .map_or_else(
            || "no team".into(),
            |role| format!("role: {}", role.as_str().replace('_', " ")),
        )
}

fn row(label: String, list: &[&Request], cal: &WorkWeek) -> Row {
    let took = |end: fn(&Request) -> Option<Instant>| {
        list.iter()
            .filter_map(|r| end(r).map(|t| cal.between(r.received_at, t)))
            .collect::<Vec<_>>()
    };
    Row {
        label,
        requests: list.len(),
        open: list.iter().filter(|r| r.is_open()).count(),
        first_response: Figures::of(took(|r| r.first_response_at)),
        resolution: Figures::of(took(|r| r.resolved_at)),
    }
}

fn rows<K: Ord>(groups: BTreeMap<K, (String, Vec<&Request>)>, cal: &WorkWeek) -> Vec<Row> {
    groups
        .into_values()
        .map(|(label, list)| row(label, &list, cal))
        .collect()
}

/// The responsiveness of the requests received in `[from, to)` (all of them when `None`).
pub fn responsiveness(
    data: &Dataset,
    cal: &WorkWeek,
    window: Option<(Instant, Instant)>,
) -> Responsiveness {
    let list: Vec<&Request> = data
        .requests
        .iter()
        .filter(|r| window.is_none_or(|(from, to)| r.received_at >= from && r.received_at < to))
        .collect();
    if list.is_empty() {
        return Responsiveness::default();
    }
    let mut owners: BTreeMap<(bool, String, u64), (String, Vec<&Request>)> = BTreeMap::new();
    let mut teams: BTreeMap<String, (String, Vec<&Request>)> = BTreeMap::new();
    let mut customers: BTreeMap<(String, CustomerId), (String, Vec<&Request>)> = BTreeMap::new();
    for &r in &list {
        let owner = owner_of(data, r);
        let name = data.staff_name(owner);
        let label = if owner.is_none() { "unassigned" } else { name };
        owners
            .entry((
                owner.is_none(),
                name.to_lowercase(),
                owner.map_or(0, |s| s.0),
            ))
            .or_insert_with(|| (label.to_string(), Vec::new()))
            .1
            .push(r);
        let team = team_of(data, r);
        teams
            .entry(team.to_lowercase())
            .or_insert_with(|| (team, Vec::new()))
            .1
            .push(r);
        let customer = data
            .customer(r.customer)
            .map_or_else(|| r.customer.to_string(), |c| c.name.clone());
        customers
            .entry((customer.to_lowercase(), r.customer))
            .or_insert_with(|| (customer, Vec::new()))
            .1
            .push(r);
    }
    Responsiveness {
        owners: rows(owners, cal),
        teams: rows(teams, cal),
        customers: rows(customers, cal),
        all: Some(row("everyone".into(), &list, cal)),
    }
}

/// One customer's row (labelled with its name), or `None` when it has no requests.
pub fn of_customer(data: &Dataset, cal: &WorkWeek, customer: CustomerId) -> Option<Row> {
    let list: Vec<&Request> = data
        .requests
        .iter()
        .filter(|r| r.customer == customer)
        .collect();
    if list.is_empty() {
        return None;
    }
    let label = data
        .customer(customer)
        .map_or_else(|| customer.to_string(), |c| c.name.clone());
    Some(row(label, &list, cal))
}

/// A row in one line: `3 received, 1 open · answer: median 46m, p90 4h 00m · resolve: -
/// (business time)`.
pub fn summary(row: &Row) -> String {
    let figures = |f: Option<Figures>| {
        f.map_or_else(
            || "-".to_string(),
            |f| {
                format!(
                    "median {}, p90 {}",
                    duration_text(f.median),
                    duration_text(f.p90)
                )
            },
        )
    };
    format!(
        "{} received, {} open · answer: {} · resolve: {} (business time)",
        row.requests,
        row.open,
        figures(row.first_response),
        figures(row.resolution)
    )
}

/// The latest requests of `customer`, newest first, at most `n`.
pub fn latest(data: &Dataset, customer: CustomerId, n: usize) -> Vec<&Request> {
    let mut mine: Vec<&Request> = data
        .requests
        .iter()
        .filter(|r| r.customer == customer)
        .collect();
    mine.sort_by(|a, b| b.received_at.cmp(&a.received_at).then(b.id.0.cmp(&a.id.0)));
    mine.truncate(n);
    mine
}

/// A duration as people read it: `45m`, `3h 20m`, `2d 4h` (days of 24 business hours).
pub fn duration_text(d: Duration) -> String {
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    match (days, hours) {
        (0, 0) => format!("{mins}m"),
        (0, _) => format!("{hours}h {mins:02}m"),
        _ => format!("{days}d {hours}h"),
    }
}

#[cfg(test)]
mod tests;
