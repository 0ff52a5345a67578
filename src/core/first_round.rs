//! The first round of interviews after an import: customers created together (one CRM import
//! writes them all at the same instant) are not all due at once. Their first interviews are
//! spread week by week, key accounts first, then largest first, at most the policy's
//! `first_round_per_week` a week, raised only as far as needed to finish within the first
//! cadence period (`cadence.months`).
//!
//! Why derived, not stored: the plan follows from records every store already has (the
//! customers' `created_at`, tier and size) and the policy, so no stored layout changes and the
//! queue, the calendar and the import summary compute the same dates. The rank is taken over
//! the whole cohort (interviewed, archived or not), so interviewing one customer early never
//! moves anyone else's date; a re-import that changes tiers or sizes re-plans the round, and a
//! policy change re-plans it too, which is what a lead changing the capacity wants.
//! The feedback calendar's spacing holds by construction: a customer in its first round has
//! no feedback request yet, and the plan only moves due dates later, never earlier.

use super::dataset::by_size_desc;
use super::ids::IdMap;
use super::policy::Policy;
use super::reach::Scope;
use super::{Customer, CustomerId, Dataset, Instant, Tier};
use chrono::Duration;

/// How one cohort's first round is planned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FirstRound {
    /// When the cohort was created (the import's time): week 0 starts then.
    pub start: Instant,
    /// Customers in the cohort.
    pub customers: usize,
    /// First interviews due per week.
    pub per_week: u32,
    /// Weeks the round spans.
    pub weeks: u32,
    /// When the last key account's first interview is due, if the cohort has key accounts.
    pub key_by: Option<Instant>,
    /// Whether the policy's capacity had to be raised to finish within the cadence period.
    pub raised: bool,
}

/// The weeks of the first cadence period (at least one).
fn period_weeks(policy: &Policy) -> u32 {
    (policy.cadence.months * 52 / 12).max(1)
}

/// Plans one cohort: each customer's first-interview due date, and the round's outline.
pub fn plan_cohort(
    cohort: &[&Customer],
    policy: &Policy,
) -> (Vec<(CustomerId, Instant)>, FirstRound) {
    let mut order: Vec<&Customer> = cohort.to_vec();
    order.sort_by(|a, b| {
        (a.tier != Tier::Key)
            .cmp(&(b.tier != Tier::Key))
            .then_with(|| by_size_desc(a, b))
    });
    let start = order.iter().map(|c| c.created_at).min().unwrap_or_default();
    let n = u32::try_from(order.len()).unwrap_or(u32::MAX);
    let capacity = policy.cadence.first_round_per_week.max(1);
    let needed = n.div_ceil(period_weeks(policy));
    let per_week = capacity.max(needed);
    let dates: Vec<(CustomerId, Instant)> = order
        .iter()
        .enumerate()
        .map(|(rank, c)| {
            let week = u32::try_from(rank).unwrap_or(u32::MAX) / per_week;
            (
                c.id,
                super::time_math::later(start, Duration::weeks(i64::from(week))),
            )
        })
        .collect();
    let key_by = order
        .iter()
        .zip(&dates)
        .filter(|(c, _)| c.tier == Tier::Key)
        .map(|(_, (_, at))| *at)
        .max();
    let round = FirstRound {
        start,
        customers: order.len(),
        per_week,
        weeks: n.div_ceil(per_week),
        key_by,
        raised: per_week > capacity,
    };
    (dates, round)
}

/// The customers created together at `at`.
pub fn cohort_at(data: &Dataset, at: Instant) -> Vec<&Customer> {
    data.customers
        .iter()
        .filter(|c| c.created_at == at)
        .collect()
}

/// Planned first-interview due dates of every customer in a cohort larger than one week's
/// capacity; a customer not in the map is due from its creation, as a single addition is.
pub fn first_due(data: &Dataset, policy: &Policy) -> IdMap<CustomerId, Instant> {
    first_due_of(data, policy, Scope::All)
}

/// [`first_due`] for the cohorts of the customers in `scope` (the plan of a cohort takes all
/// its customers, in scope or not, so a customer's date is the same either way).
pub fn first_due_of(
    data: &Dataset,
    policy: &Policy,
    scope: Scope<'_>,
) -> IdMap<CustomerId, Instant> {
    let capacity = usize::try_from(policy.cadence.first_round_per_week.max(1)).unwrap_or(1);
    let wanted: Option<std::collections::HashSet<i64>> = match scope {
        Scope::All => None,
        Scope::Only(_) => Some(
            scope
                .customers(data)
                .map(|c| c.created_at.timestamp_micros())
                .collect(),
        ),
    };
    let mut cohorts: IdMap<i64, Vec<&Customer>> = IdMap::default();
    for c in data.customers.iter().filter(|c| {
        wanted
            .as_ref()
            .is_none_or(|w| w.contains(&c.created_at.timestamp_micros()))
    }) {
        cohorts
            .entry(c.created_at.timestamp_micros())
            .or_default()
            .push(c);
    }
    let mut due = IdMap::default();
    for cohort in cohorts.values().filter(|c| c.len() > capacity) {
        due.extend(plan_cohort(cohort, policy).0);
    }
    due
}

/// The import summary's line: `First interviews planned: 120 customers over 12 weeks, 10 a
/// week; key accounts by 2026-12-19` (`would be planned` for a dry run).
pub fn describe(round: &FirstRound, dry_run: bool) -> String {
    let mut text = format!(
        "First interviews {}planned: {} customers over {} week{}, {} a week",
        if dry_run { "would be " } else { "" },
        round.customers,
        round.weeks,
        if round.weeks == 1 { "" } else { "s" },
        round.per_week
    );
    if round.raised {
        text.push_str(
            " (above the policy's first_round_per_week, to finish within the cadence period)",
        );
    }
    if let Some(at) = round.key_by {
        text.push_str(&format!("; key accounts by {}", at.format("%Y-%m-%d")));
    }
    text
}

#[cfg(test)]
mod tests;
