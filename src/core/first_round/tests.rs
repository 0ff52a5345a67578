use super::*;
use crate::core::Money;
use chrono::{TimeZone, Utc};

fn imported() -> Instant {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("valid")
}

fn customer(id: u64, tier: Tier, minor: i64, created_at: Instant) -> Customer {
    Customer::new(
        CustomerId(id),
        format!("Customer {id:03}"),
        Money::new(minor, "USD"),
        created_at,
    )
    .with_tier(tier)
}

/// `n` customers imported together: every seventh is a key account, sizes vary.
fn cohort(n: u64) -> Vec<Customer> {
    (1..=n)
        .map(|id| {
            let tier = if id % 7 == 0 {
                Tier::Key
            } else {
                Tier::Standard
            };
            customer(
                id,
                tier,
                i64::try_from((id * 7919) % 1000).unwrap_or(0) * 1000,
                imported(),
            )
        })
        .collect()
}

fn week(w: i64) -> Instant {
    imported() + Duration::weeks(w)
}

#[test]
fn key_accounts_first_then_largest_at_the_weekly_capacity() {
    let customers = cohort(35);
    let refs: Vec<&Customer> = customers.iter().collect();
    let (dates, round) = plan_cohort(&refs, &Policy::default());
    assert_eq!(
        round,
        FirstRound {
            start: imported(),
            customers: 35,
            per_week: 10,
            weeks: 4,
            key_by: Some(week(0)),
            raised: false,
        }
    );
    let due = |id: u64| {
        dates
            .iter()
            .find(|(c, _)| *c == CustomerId(id))
            .map(|(_, at)| *at)
            .expect("planned")
    };
    // The 5 key accounts lead week 0; then sizes, largest first.
    for key in [7, 14, 21, 28, 35] {
        assert_eq!(due(key), week(0), "key account {key}");
    }
    let mut standard: Vec<&Customer> = customers.iter().filter(|c| c.tier != Tier::Key).collect();
    standard.sort_by(|a, b| by_size_desc(a, b));
    for (rank, c) in standard.iter().enumerate() {
        let expected = week(i64::try_from((rank + 5) / 10).unwrap_or(0));
        assert_eq!(due(c.id.0), expected, "rank {rank}");
    }
    for w in 0..4 {
        let count = dates.iter().filter(|(_, at)| *at == week(w)).count();
        assert_eq!(count, if w < 3 { 10 } else { 5 }, "week {w}");
    }
}

#[test]
fn capacity_is_raised_only_to_finish_within_the_cadence_period() {
    let mut policy = Policy::default();
    policy.cadence.first_round_per_week = 2;
    policy.cadence.months = 3; // 13 weeks
    let customers = cohort(100);
    let refs: Vec<&Customer> = customers.iter().collect();
    let (_, round) = plan_cohort(&refs, &policy);
    assert_eq!((round.per_week, round.weeks, round.raised), (8, 13, true));
    assert!(describe(&round, false).contains("above the policy's first_round_per_week"));
}

#[test]
fn only_cohorts_larger_than_a_week_are_spread() {
    let mut data = Dataset {
        customers: cohort(12),
        ..Dataset::default()
    };
    let alone = Utc
        .with_ymd_and_hms(2026, 11, 1, 9, 0, 0)
        .single()
        .expect("valid");
    data.customers.push(customer(100, Tier::Standard, 5, alone));
    let due = first_due(&data, &Policy::default());
    assert_eq!(due.len(), 12, "the cohort of 12, not the single addition");
    assert_eq!(due.values().filter(|at| **at == week(1)).count(), 2);
    let small = Dataset {
        customers: cohort(10),
        ..Dataset::default()
    };
    assert!(first_due(&small, &Policy::default()).is_empty());
}

#[test]
fn the_summary_says_how_the_round_was_planned() {
    let round = FirstRound {
        start: imported(),
        customers: 120,
        per_week: 10,
        weeks: 12,
        key_by: Some(week(2)),
        raised: false,
    };
    assert_eq!(
        describe(&round, false),
        "First interviews planned: 120 customers over 12 weeks, 10 a week; key accounts by 2026-12-07"
    );
}
