//! The monitor rules of the at-risk flag: each a watch sign of its own, their wording, the
//! policy's thresholds, and the same answer from open work as from the whole history.

use super::tests::{interview, monitoring};
use super::*;
use crate::core::monitors::{MonitorId, MonitorKind, date_instant};
use crate::core::open_work::open_part;
use crate::core::policy::Policy;
use crate::core::{Customer, Instant, Money};
use RiskLevel::{AtRisk, Healthy, Watch};
use chrono::NaiveDate;

/// 2026-`month`-`day` (midnight UTC, as monitor dates are stored).
fn on(month: u32, day: u32) -> Instant {
    date_instant(NaiveDate::from_ymd_opt(2026, month, day).expect("date"))
}

fn event(id: u64, kind: MonitorKind, at: Instant) -> MonitorEvent {
    MonitorEvent {
        id: MonitorId(id),
        customer: CustomerId(10),
        kind,
        on: at,
        reference: format!("D{id}"),
        note: String::new(),
    }
}

/// Seven deliveries promised in the 90 days before 2026-11-23: five on time, one late, one
/// promised on 2026-11-20 and not made.
fn deliveries() -> Vec<MonitorEvent> {
    let made = |id, promised: Instant, late: i64| {
        let delivered = promised + chrono::Duration::days(late);
        event(
            id,
            MonitorKind::Delivery {
                promised,
                delivered: Some(delivered),
            },
            delivered,
        )
    };
    vec![
        made(1, on(9, 1), 0),
        made(2, on(9, 15), -1),
        made(3, on(9, 29), 3),
        made(4, on(10, 13), 0),
        made(5, on(10, 27), -1),
        made(6, on(11, 10), 0),
        event(
            7,
            MonitorKind::Delivery {
                promised: on(11, 20),
                delivered: None,
            },
            on(11, 20),
        ),
    ]
}

fn returns(n: u64, kind: MonitorKind) -> Vec<MonitorEvent> {
    (0..n)
        .map(|k| {
            event(
                100 + k + 10 * u64::from(kind == MonitorKind::Claim),
                kind.clone(),
                on(11, 1 + k as u32),
            )
        })
        .collect()
}

fn assess_with(events: &[MonitorEvent], scores: [u8; 6], policy: &Policy) -> Assessment {
    let i = interview(20, 2, scores);
    let events: Vec<&MonitorEvent> = events.iter().collect();
    assess_one(&[&i], &[], &[], &events, monitoring(policy))
}

/// A case: its name, the events, the latest interview's scores, the level and reasons.
type Row<'a> = (
    &'a str,
    &'a [MonitorEvent],
    [u8; 6],
    RiskLevel,
    &'a [&'a str],
);

#[test]
fn each_monitor_rule_is_a_watch_sign_with_its_figures() {
    let policy = Policy::default();
    let late = deliveries();
    let three_returns = returns(3, MonitorKind::Return);
    let three_claims = returns(3, MonitorKind::Claim);
    let both_quality: Vec<MonitorEvent> =
        three_returns.iter().chain(&three_claims).cloned().collect();
    let late_and_returns: Vec<MonitorEvent> = late.iter().chain(&three_returns).cloned().collect();
    let rows: Vec<Row<'_>> = vec![
        ("no events", &[], [5; 6], Healthy, &[]),
        (
            "late deliveries",
            &late,
            [5; 6],
            Watch,
            &["on-time 71 % (5 of 7 deliveries in 90 days)"],
        ),
        (
            "returns",
            &three_returns,
            [5; 6],
            Watch,
            &["3 returns in 30 days"],
        ),
        (
            "two returns are under the threshold",
            &three_returns[..2],
            [5; 6],
            Healthy,
            &[],
        ),
        (
            "returns and claims are one sign",
            &both_quality,
            [5; 6],
            Watch,
            &["3 returns in 30 days", "3 warranty claims in 30 days"],
        ),
        (
            "late deliveries and returns are two signs",
            &late_and_returns,
            [5; 6],
            AtRisk,
            &[
                "on-time 71 % (5 of 7 deliveries in 90 days)",
                "3 returns in 30 days",
            ],
        ),
        (
            "returns and a lukewarm interview",
            &three_returns,
            [5, 5, 5, 3, 5, 5],
            AtRisk,
            &[
                "scored 3 on delivery in the latest interview",
                "3 returns in 30 days",
            ],
        ),
        (
            "too few deliveries to judge",
            &late[5..],
            [5; 6],
            Healthy,
            &[],
        ),
    ];
    for (name, events, scores, level, reasons) in rows {
        let got = assess_with(events, scores, &policy);
        assert_eq!(got.reasons, reasons, "{name}");
        assert_eq!(got.level, level, "{name}");
    }
}

#[test]
fn the_policy_sets_the_thresholds_and_zero_switches_a_rule_off() {
    let mut policy = Policy::default();
    let events: Vec<MonitorEvent> = deliveries()
        .into_iter()
        .chain(returns(3, MonitorKind::Return))
        .collect();
    policy.monitors.on_time_below_percent = 0;
    policy.monitors.returns_in_30_days = 0;
    assert_eq!(assess_with(&events, [5; 6], &policy).level, Healthy);
    policy.monitors.on_time_below_percent = 71;
    assert_eq!(
        assess_with(&events, [5; 6], &policy).level,
        Healthy,
        "71 is not below 71"
    );
    policy.monitors.on_time_below_percent = 72;
    policy.monitors.returns_in_30_days = 4;
    assert_eq!(
        assess_with(&events, [5; 6], &policy).reasons,
        ["on-time 71 % (5 of 7 deliveries in 90 days)"]
    );
    policy.monitors.on_time_min_deliveries = 8;
    assert_eq!(assess_with(&events, [5; 6], &policy).level, Healthy);
}

#[test]
fn open_work_gives_the_same_answer_as_the_whole_history() {
    let policy = Policy::default();
    let mut other = deliveries();
    other.iter_mut().for_each(|e| {
        e.customer = CustomerId(11);
        e.id.0 += 1000;
    });
    let credit = event(
        300,
        MonitorKind::CreditNote {
            amount: Some(Money::new(5, "EUR")),
        },
        on(11, 2),
    );
    let full = Dataset {
        customers: [10, 11]
            .map(|id| {
                Customer::new(
                    CustomerId(id),
                    format!("C{id}"),
                    Money::new(1, "USD"),
                    on(1, 1),
                )
            })
            .to_vec(),
        interviews: vec![interview(20, 2, [5; 6])],
        monitors: deliveries()
            .into_iter()
            .chain(returns(3, MonitorKind::Return))
            .chain(other)
            .chain([credit])
            .collect(),
        ..Dataset::default()
    };
    let whole = assess(&full, &[], monitoring(&policy));
    assert_eq!(whole[&CustomerId(10)].level, AtRisk);
    assert_eq!(
        whole[&CustomerId(11)].reasons.len(),
        2,
        "{:?}",
        whole[&CustomerId(11)]
    );
    assert_eq!(assess(&open_part(&full), &[], monitoring(&policy)), whole);
}
