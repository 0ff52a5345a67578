//! Insight figures on small hand-built datasets, each number worked out by hand.

use super::*;
use crate::core::{
    Answer, CustomerId, Interview, InterviewId, InterviewStatus, Lifecycle, Money, Role, Score,
    Staff, Trigger,
};
use chrono::{FixedOffset, TimeZone, Utc};

fn t(y: i32, m: u32, d: u32, h: u32) -> Instant {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
        .single()
        .expect("valid date")
}

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).expect("zero offset")
}

fn customer(id: u64, name: &str, segment: &str, tier: Tier, manager: Option<u64>) -> Customer {
    Customer::new(
        CustomerId(id),
        name,
        Money::new(1_000, "USD"),
        t(2025, 1, 1, 0),
    )
    .with_tier(tier)
    .with_segment(segment)
    .with_region("EMEA")
    .with_account_manager(manager.map(StaffId))
}

fn staff(id: u64, name: &str) -> Staff {
    Staff {
        id: StaffId(id),
        name: name.into(),
        email: None,
        roles: vec![Role::AccountManager],
        bio: String::new(),
        active: true,
    }
}

fn answer(key: &str, score: Option<u8>, comment: &str) -> Answer {
    Answer {
        question_key: key.into(),
        question: format!("How is {key}?"),
        score: score.and_then(Score::new),
        comment: comment.into(),
        individual: crate::core::Individual::No,
    }
}

/// A completed interview with scores for `a` and `b` (None = N/A).
fn done(id: u64, customer: u64, at: Instant, a: Option<u8>, b: Option<u8>) -> Interview {
    Interview {
        status: InterviewStatus::Completed,
        completed_at: Some(at),
        answers: vec![answer("a", a, ""), answer("b", b, "")],
        ..Interview::booked(InterviewId(id), CustomerId(customer), Trigger::Cadence, at)
    }
}

fn questions() -> QuestionSet {
    QuestionSet::from_toml("[[question]]\nkey='a'\ntext='A?'\n[[question]]\nkey='b'\ntext='B?'\n")
        .expect("valid questions")
}

fn data() -> Dataset {
    Dataset {
        staff: vec![staff(1, "Zoe Adams"), staff(2, "Ben Cole")],
        customers: vec![
            customer(1, "Acme", "Retail", Tier::Standard, Some(1)),
            customer(2, "Bolt", "Retail", Tier::Key, Some(2)),
            customer(3, "Crest", "  ", Tier::Growth, None),
            customer(4, "Dune", "Energy", Tier::Key, Some(1)),
        ],
        interviews: vec![
            done(10, 1, t(2026, 3, 1, 9), Some(5), Some(3)),
            done(11, 1, t(2026, 4, 1, 9), Some(4), None),
            done(12, 2, t(2026, 4, 2, 9), Some(2), Some(4)),
            done(13, 3, t(2026, 6, 1, 9), None, None),
            done(14, 4, t(2026, 6, 5, 9), Some(5), Some(5)),
            // Not completed: never counted.
            Interview {
                status: InterviewStatus::Scheduled,
                ..done(15, 4, t(2026, 6, 6, 9), Some(1), Some(1))
            },
        ],
        ..Dataset::default()
    }
}

fn period(since: Option<Instant>, until: Instant) -> Period {
    Period { since, until }
}

fn all_time() -> Period {
    period(None, t(2026, 11, 23, 9))
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn averages_exclude_na_and_count_low_scores() {
    let got = compute(&data(), &questions(), GroupBy::Segment, all_time(), utc());
    assert_eq!(got.questions, ["a", "b"]);
    let all = &got.all;
    assert_eq!((all.interviews, all.customers), (5, 4));
    // a: 5, 4, 2, 5 -> 16/4; b: 3, 4, 5 -> 12/3; N/A never counts as 0.
    assert!(close(all.averages[0], 4.0), "{:?}", all.averages);
    assert!(close(all.averages[1], 4.0), "{:?}", all.averages);
    assert_eq!(all.scored, [4, 3]);
    assert!(close(all.overall, 28.0 / 7.0));
    assert_eq!(all.low_scores, 2, "the 3 and the 2");
    let labels: Vec<&str> = got.groups.iter().map(|g| g.label.as_str()).collect();
    // Retail has 3 interviews; (none) and Energy 1 each, then by name.
    assert_eq!(labels, ["Retail", "(none)", "Energy"]);
    let none = &got.groups[1];
    assert_eq!(none.averages, [None, None], "nobody answered: no average");
    assert_eq!(none.overall, None);
    let retail = &got.groups[0];
    assert!(close(retail.averages[0], 11.0 / 3.0));
    assert!(close(retail.averages[1], 3.5));
    assert_eq!((retail.customers, retail.low_scores), (2, 2));
}

#[test]
fn period_start_is_included_and_end_excluded() {
    let d = data();
    let p = period(Some(t(2026, 4, 1, 9)), t(2026, 6, 5, 9));
    let got = compute(&d, &questions(), GroupBy::Segment, p, utc());
    // 11 (exactly at since), 12 and 13 count; 14 (exactly at until) and 10 do not.
    assert_eq!(got.all.interviews, 3);
    let ids: Vec<u64> = completed_in(&d, p).map(|i| i.id.0).collect();
    assert_eq!(ids, [11, 12, 13]);
}

#[test]
fn managers_by_name_and_no_manager_shown_as_such() {
    let got = compute(&data(), &questions(), GroupBy::Manager, all_time(), utc());
    let rows: Vec<(&str, usize)> = got
        .groups
        .iter()
        .map(|g| (g.label.as_str(), g.interviews))
        .collect();
    assert_eq!(
        rows,
        [
            ("Zoe Adams", 3),
            ("(no account manager)", 1),
            ("Ben Cole", 1)
        ],
        "most interviews first, then by label"
    );
}

#[test]
fn tiers_in_tier_order_whatever_the_counts() {
    let got = compute(&data(), &questions(), GroupBy::Tier, all_time(), utc());
    let labels: Vec<&str> = got.groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["key", "growth", "standard"]);
}

#[test]
fn trend_has_twelve_months_with_gaps_as_none() {
    let got = compute(&data(), &questions(), GroupBy::Segment, all_time(), utc());
    let trend = &got.all.trend;
    let keys: Vec<String> = trend.iter().map(MonthAverage::key).collect();
    assert_eq!(keys.first().map(String::as_str), Some("2025-12"));
    assert_eq!(keys.last().map(String::as_str), Some("2026-11"));
    assert_eq!(keys.len(), 12);
    let march = &trend[3];
    assert_eq!(march.key(), "2026-03");
    assert!(close(march.average, 4.0), "5 and 3");
    let april = &trend[4];
    // 4 (N/A left out), then 2 and 4: 10 / 3.
    assert!(close(april.average, 10.0 / 3.0));
    assert_eq!(april.interviews, 2);
    let may = &trend[5];
    assert_eq!((may.average, may.interviews), (None, 0), "a gap, not 0");
    let june = &trend[6];
    // Interview 13 counts as an interview but has no score.
    assert_eq!(june.interviews, 2);
    assert!(close(june.average, 5.0));
    assert_eq!(spark(trend), "   ▆▅ █     ");
    let energy = &got.groups[2].trend;
    assert_eq!(spark(energy), "      █     ");
}

#[test]
fn trend_months_follow_the_calendar_offset() {
    let mut d = data();
    d.interviews = vec![done(1, 1, t(2026, 5, 31, 23), Some(5), Some(5))];
    let p = period(None, t(2026, 7, 1, 0));
    let utc_trend = compute(&d, &questions(), GroupBy::Segment, p, utc())
        .all
        .trend;
    assert_eq!(
        utc_trend.last().map(MonthAverage::key).as_deref(),
        Some("2026-06")
    );
    assert_eq!(utc_trend[10].interviews, 1, "May in UTC");
    let tokyo = FixedOffset::east_opt(9 * 3600).expect("offset");
    let local = compute(&d, &questions(), GroupBy::Segment, p, tokyo)
        .all
        .trend;
    assert_eq!(
        local[11].key(),
        "2026-07",
        "until is July 1st 09:00 in Tokyo"
    );
    assert_eq!(local[10].interviews, 1, "June 1st 08:00 in Tokyo");
}

#[test]
fn spark_uses_a_fixed_scale() {
    assert_eq!(spark_char(Some(1.0)), '▁');
    assert_eq!(spark_char(Some(3.0)), '▅');
    assert_eq!(spark_char(Some(5.0)), '█');
    assert_eq!(spark_char(Some(9.0)), '█');
    assert_eq!(spark_char(None), ' ');
}

#[test]
fn comments_newest_first_for_one_question_or_all() {
    let mut d = data();
    d.interviews[0].answers[1].comment = "slow replies".into();
    d.interviews[0].answers[0].comment = "great team".into();
    d.interviews[1].answers[1].comment = "  not asked ".into();
    d.interviews[1].answers[0].individual = crate::core::Individual::Private;
    d.interviews[1].answers[0].comment = "Sam was rude".into();
    d.interviews[2].answers[1].comment = "   ".into();
    let retail = GroupKey::Segment("Retail".into());
    let all: Vec<(u64, String)> = comments(&d, &retail, None, all_time())
        .into_iter()
        .map(|c| (c.interview.0, c.question_key))
        .collect();
    let all: Vec<(u64, &str)> = all.iter().map(|(i, k)| (*i, k.as_str())).collect();
    assert_eq!(all, [(11, "a"), (11, "b"), (10, "a"), (10, "b")]);
    let b = comments(&d, &retail, Some("b"), all_time());
    assert_eq!(b.len(), 2);
    assert_eq!(b[0].comment, "not asked");
    assert_eq!(b[0].score, None, "an N/A answer keeps its comment");
    assert_eq!(b[1].customer_name, "Acme");
    assert_eq!(b[1].score.map(Score::get), Some(3));
    let a = comments(&d, &retail, Some("a"), all_time());
    assert_eq!(a[0].individual, crate::core::Individual::Private);
    assert_eq!(a[0].question, "How is a?");
    let energy = GroupKey::Segment("Energy".into());
    assert!(comments(&d, &energy, None, all_time()).is_empty());
    let narrow = period(Some(t(2026, 3, 15, 0)), t(2026, 11, 1, 0));
    assert_eq!(comments(&d, &retail, Some("b"), narrow).len(), 1);
}

#[test]
fn churn_reasons_counted_case_folded_most_frequent_first() {
    let mut d = data();
    let lost = |reason: &str, at| Lifecycle::Lost {
        reason: reason.into(),
        at,
    };
    let mut extra: Vec<Customer> = (5..=10)
        .map(|i| customer(i, "X", "Retail", Tier::Standard, None))
        .collect();
    extra[0].lifecycle = lost("price ", t(2026, 2, 1, 0));
    extra[1].lifecycle = lost("Price", t(2026, 1, 1, 0));
    extra[2].lifecycle = lost("Moved in-house", t(2026, 3, 1, 0));
    extra[3].lifecycle = lost("", t(2026, 3, 1, 0));
    extra[4].lifecycle = lost("Acquired", t(2026, 3, 1, 0));
    extra[5].lifecycle = lost("Price", t(2024, 1, 1, 0));
    d.customers.extend(extra);
    let rows: Vec<(String, usize)> = churn(&d, all_time())
        .into_iter()
        .map(|r| (r.reason, r.count))
        .collect();
    assert_eq!(
        rows,
        [
            ("Price".to_string(), 3),
            ("(no reason given)".to_string(), 1),
            ("Acquired".to_string(), 1),
            ("Moved in-house".to_string(), 1),
        ],
        "the first spelling (the earliest loss) is shown"
    );
    let since = period(Some(t(2026, 1, 15, 0)), t(2026, 11, 23, 0));
    let rows: Vec<(String, usize)> = churn(&d, since)
        .into_iter()
        .map(|r| (r.reason, r.count))
        .collect();
    assert_eq!(rows.len(), 4, "the 2024 and January losses are left out");
    assert_eq!(
        rows[3],
        ("price".to_string(), 1),
        "trimmed, spelled as first in the period, alphabetical among equal counts"
    );
}

#[test]
fn questions_answered_but_no_longer_asked_get_a_column() {
    let mut d = data();
    d.interviews[0].answers.push(answer("retired", Some(2), ""));
    let got = compute(&d, &questions(), GroupBy::Region, all_time(), utc());
    assert_eq!(got.questions, ["a", "b", "retired"]);
    assert!(close(got.all.averages[2], 2.0));
    assert_eq!(got.groups.len(), 1, "every customer is in EMEA");
    assert_eq!(got.row(1).map(|r| r.label.as_str()), Some("All customers"));
    assert_eq!(got.row(2), None);
}

#[test]
fn an_empty_period_has_no_groups() {
    let p = period(Some(t(2027, 1, 1, 0)), t(2027, 2, 1, 0));
    let got = compute(&data(), &questions(), GroupBy::Segment, p, utc());
    assert!(got.is_empty());
    assert!(got.groups.is_empty());
    assert_eq!(got.all.overall, None);
    assert_eq!(got.all.trend.len(), 12);
    assert_eq!(earliest_completed(&data()), Some(t(2026, 3, 1, 9)));
}
