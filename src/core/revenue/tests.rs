//! A hand-computed programme: every figure below is worked out in the comments.

use super::*;
use crate::core::{Answer, Customer, InterviewStatus, Money, Score, Trigger, insight::ChurnReason};
use chrono::{TimeZone, Utc};

/// 2026-`month`-`day` 10:00 UTC.
fn t(month: u32, day: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, month, day, 10, 0, 0)
        .single()
        .expect("valid date")
}

fn customer(id: u64, name: &str, minor: i64, currency: &str) -> Customer {
    Customer::new(CustomerId(id), name, Money::new(minor, currency), t(1, 1))
}

fn lost(mut c: Customer, reason: &str, at: Instant) -> Customer {
    c.lifecycle = Lifecycle::Lost {
        reason: reason.into(),
        at,
    };
    c
}

/// A completed interview; a score of 0 means not answered.
fn interview(id: u64, customer: u64, (month, day): (u32, u32), q1: u8, q2: u8) -> Interview {
    let answer = |key: &str, s: u8| Answer {
        question_key: key.into(),
        score: Score::new(s),
        ..Answer::default()
    };
    Interview {
        status: InterviewStatus::Completed,
        completed_at: Some(t(month, day)),
        answers: vec![answer("q1", q1), answer("q2", q2)],
        ..Interview::booked(
            InterviewId(id),
            CustomerId(customer),
            Trigger::Cadence,
            t(month, day),
        )
    }
}

fn assessed(level: RiskLevel) -> Assessment {
    Assessment {
        level,
        reasons: vec!["a reason".into()],
    }
}

/// Sizes in minor units: Alpha USD 1,000.00 = 100_000; Beta USD 3,000.00 = 300_000; Gamma
/// EUR 500.00 = 50_000; Delta USD 1,000.00; Lost One USD 400.00 = 40_000; Lost Two EUR 600.00
/// = 60_000; Old Loss USD 999.00, lost before the period.
fn data() -> Dataset {
    Dataset {
        customers: vec![
            customer(1, "Alpha", 100_000, "USD"),
            customer(2, "Beta", 300_000, "USD"),
            customer(3, "Gamma", 50_000, "EUR"),
            customer(4, "Delta", 100_000, "USD"),
            lost(customer(5, "Lost One", 40_000, "USD"), "price", t(3, 1)),
            lost(customer(6, "Lost Two", 60_000, "EUR"), "Price ", t(3, 10)),
            lost(customer(7, "Old Loss", 99_900, "USD"), "merger", t(1, 2)),
        ],
        interviews: vec![
            interview(10, 1, (2, 10), 2, 4),
            interview(11, 2, (2, 11), 4, 5),
            interview(12, 3, (2, 12), 3, 0),
            // Lost One: three interviews before its loss on 1 March; the January one is
            // outside the period and is its third-latest, so no figure uses it.
            interview(13, 5, (1, 5), 5, 5),
            interview(14, 5, (2, 5), 2, 3),
            interview(15, 5, (2, 20), 1, 3),
            // Lost Two: one before its loss on 10 March, one after it.
            interview(16, 6, (2, 15), 3, 2),
            interview(17, 6, (3, 15), 5, 5),
        ],
        ..Dataset::default()
    }
}

fn risk() -> HashMap<CustomerId, Assessment> {
    [
        (CustomerId(1), assessed(RiskLevel::AtRisk)),
        (CustomerId(2), assessed(RiskLevel::Watch)),
        (CustomerId(3), assessed(RiskLevel::AtRisk)),
        (CustomerId(4), Assessment::default()),
    ]
    .into()
}

fn questions() -> Vec<String> {
    vec!["q1".into(), "q2".into()]
}

/// 1 February to 1 April.
fn period() -> Period {
    Period::new(t(2, 1), t(4, 1)).expect("a period")
}

fn close(got: Option<f64>, want: f64) {
    let got = got.expect("a figure");
    assert!((got - want).abs() < 1e-9, "got {got}, want {want}");
}

#[test]
fn revenue_at_risk_counts_at_risk_only_per_currency() {
    let r = revenue(&data(), &questions(), &risk(), period());
    // EUR: Gamma 50_000. USD: Alpha 100_000; Beta is on watch and Delta healthy, not counted.
    assert_eq!(
        r.at_risk,
        [
            CurrencyTotal {
                currency: "EUR".into(),
                minor: 50_000,
                customers: 1
            },
            CurrencyTotal {
                currency: "USD".into(),
                minor: 100_000,
                customers: 1
            },
        ]
    );
    assert_eq!(r.at_risk[1].money().compact(), "USD 1k");
}

#[test]
fn weighted_averages_weigh_by_size_within_each_currency() {
    let r = revenue(&data(), &questions(), &risk(), period());
    let currencies: Vec<&str> = r.weighted.iter().map(|w| w.currency.as_str()).collect();
    assert_eq!(currencies, ["EUR", "USD"]);
    let (eur, usd) = (&r.weighted[0], &r.weighted[1]);
    // EUR, weights Gamma 50_000 and Lost Two 60_000 (interviews 12, 16, 17; all in the period):
    // q1 = (3*50 + 3*60 + 5*60) / (50 + 60 + 60) = 630 / 170 = 3.70588...
    close(eur.averages[0], 630.0 / 170.0);
    // q2: Gamma did not answer; (2*60 + 5*60) / 120 = 3.5.
    close(eur.averages[1], 3.5);
    // overall = (630 + 420) / (170 + 120) = 1050 / 290.
    close(eur.overall, 1050.0 / 290.0);
    assert_eq!(eur.customers, 2);
    // USD, weights Alpha 100k, Beta 300k, Lost One 40k twice (interviews 10, 11, 14, 15):
    // q1 = (2*100 + 4*300 + 2*40 + 1*40) / 480 = 1520 / 480 = 3.1666...
    close(usd.averages[0], 1520.0 / 480.0);
    // q2 = (4*100 + 5*300 + 3*40 + 3*40) / 480 = 2140 / 480 = 4.4583...
    close(usd.averages[1], 2140.0 / 480.0);
    // overall = (1520 + 2140) / 960 = 3.8125. The plain mean would be 3.5 (28 / 8): the large,
    // happy Beta lifts it.
    close(usd.overall, 3.8125);
    assert_eq!(usd.customers, 3);
}

#[test]
fn lost_in_the_period_with_revenue_and_reasons() {
    let r = revenue(&data(), &questions(), &risk(), period());
    // Lost One (1 March) and Lost Two (10 March); Old Loss (2 January) is before the period.
    assert_eq!(r.lost.customers, 2);
    let sums: Vec<(String, i64)> = r
        .lost
        .revenue
        .iter()
        .map(|t| (t.currency.clone(), t.minor))
        .collect();
    assert_eq!(sums, [("EUR".into(), 60_000), ("USD".into(), 40_000)]);
    // "price" and "Price " are one reason, spelled as first recorded.
    assert_eq!(
        r.lost.reasons,
        [ChurnReason {
            reason: "price".into(),
            count: 2
        }]
    );
    // All time: Old Loss counts too.
    let all = revenue(&data(), &questions(), &risk(), Period::up_to(t(4, 1)));
    assert_eq!(all.lost.customers, 3);
    assert_eq!(all.lost.revenue[1].minor, 40_000 + 99_900);
}

#[test]
fn scores_before_loss_against_retained_customers() {
    let r = revenue(&data(), &questions(), &risk(), period());
    let (q1, q2) = (&r.moved[0], &r.moved[1]);
    // Lost: Lost One's last two before 1 March (interviews 15: 1,3 and 14: 2,3; not 13) and
    // Lost Two's one before 10 March (16: 3,2; not 17, after the loss).
    // q1 = (1 + 2 + 3) / 3 = 2.0; q2 = (3 + 3 + 2) / 3 = 2.666...
    close(q1.lost, 2.0);
    assert_eq!(q1.lost_scores, 3);
    close(q2.lost, 8.0 / 3.0);
    // Retained (current customers, the period): Alpha 2,4; Beta 4,5; Gamma 3,-.
    // q1 = (2 + 4 + 3) / 3 = 3.0; q2 = (4 + 5) / 2 = 4.5.
    close(q1.retained, 3.0);
    close(q2.retained, 4.5);
    assert_eq!(q2.retained_scores, 2);
    // Gaps: q1 2.0 - 3.0 = -1.0; q2 2.667 - 4.5 = -1.833: q2 moved most.
    close(q1.gap(), -1.0);
    close(q2.gap(), 8.0 / 3.0 - 4.5);
}
