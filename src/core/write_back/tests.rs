use super::*;
use crate::core::business_time::WorkWeek;
use crate::core::policy::Policy;
use crate::core::queue::queue;
use crate::core::risk::assess;
use crate::core::summary::customer_summaries;
use crate::core::{
    Answer, FollowUp, FollowUpId, Interview, InterviewStatus, Lifecycle, Money, Score, Trigger,
};
use chrono::{TimeZone, Utc};

/// 2026-`month`-`day` 10:00 UTC.
fn t(month: u32, day: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, month, day, 10, 0, 0)
        .single()
        .expect("valid date")
}

fn customer(id: u64, name: &str, minor: i64, crm: Option<&str>) -> Customer {
    Customer::new(CustomerId(id), name, Money::new(minor, "USD"), t(1, 1))
        .with_crm_id(crm.map(String::from))
}

/// A completed interview of `customer` on `month`/`day` with these scores.
fn interview(id: u64, customer: u64, (month, day): (u32, u32), scores: &[u8]) -> Interview {
    Interview {
        status: InterviewStatus::Completed,
        completed_at: Some(t(month, day)),
        answers: scores
            .iter()
            .enumerate()
            .map(|(n, &s)| Answer {
                question_key: format!("q{n}"),
                score: Score::new(s),
                ..Answer::default()
            })
            .collect(),
        ..Interview::booked(
            InterviewId(id),
            CustomerId(customer),
            Trigger::Cadence,
            t(month, day),
        )
    }
}

fn followup(id: u64, customer: u64, state: FollowUpState) -> FollowUp {
    FollowUp {
        id: FollowUpId(id),
        customer: CustomerId(customer),
        interview: InterviewId(1),
        severity: Score::new(3).expect("valid score"),
        low_questions: vec!["q1".into()],
        owner: None,
        participants: vec![],
        state,
        opened_at: t(3, 1),
        contacted_at: None,
        context: String::new(),
        report_committed_at: None,
        report_presented_at: None,
        closed_at: None,
    }
}

/// Acme (CRM id A-1) was interviewed four times: its lowest recent score looks at the latest
/// three only. Globex (G-2) is lost. Initech has no CRM id. Umbrella (U-4) was never interviewed.
fn data() -> Dataset {
    let mut globex = customer(2, "Globex", 500, Some("G-2"));
    globex.lifecycle = Lifecycle::Lost {
        reason: "price".into(),
        at: t(4, 1),
    };
    Dataset {
        customers: vec![
            customer(1, "Acme", 1_000, Some("A-1")),
            globex,
            customer(3, "Initech", 800, None),
            customer(4, "Umbrella", 100, Some("U-4")),
            customer(5, "Blank Id", 50, Some("  ")),
        ],
        interviews: vec![
            // The oldest: its 1 is outside the latest three.
            interview(10, 1, (1, 10), &[1, 5, 5]),
            interview(11, 1, (2, 10), &[4, 5, 5]),
            interview(12, 1, (3, 10), &[5, 3, 5]),
            // The last: average (5 + 4 + 4) / 3 = 4.33.
            interview(13, 1, (4, 10), &[5, 4, 4]),
            interview(20, 2, (3, 1), &[2, 2, 2]),
        ],
        followups: vec![
            followup(30, 1, FollowUpState::Open),
            followup(31, 1, FollowUpState::Contacted),
            followup(32, 1, FollowUpState::Closed),
            followup(33, 2, FollowUpState::Open),
        ],
        ..Dataset::default()
    }
}

#[test]
fn records_carry_the_figures_keyed_by_crm_id() {
    let data = data();
    let now = t(5, 1);
    let items = queue(&data, &Policy::default(), &WorkWeek::default(), now);
    let policy = Policy::default();
    let m = crate::core::monitors::Monitoring::new(now, WorkWeek::default().offset, &policy);
    let risk = assess(&data, &items, m);
    let summaries = customer_summaries(&data, &items);
    let out = write_backs(&data, &summaries, &risk, now);

    // Initech has no id and "Blank Id" only spaces: neither can be keyed.
    assert_eq!(out.without_crm_id, 2);
    let ids: Vec<&str> = out.records.iter().map(|r| r.crm_id).collect();
    assert_eq!(ids, ["A-1", "G-2", "U-4"], "largest first, keyed ones only");

    let acme = &out.records[0];
    assert_eq!(acme.last_interview, Some(t(4, 10)));
    let average = acme.last_average.expect("an average");
    assert!((average - 13.0 / 3.0).abs() < 1e-9, "{average}");
    // min over interviews 11, 12, 13 = min(4, 3, 4) = 3; interview 10's 1 is too old.
    assert_eq!(acme.lowest_recent, Some(3));
    assert_eq!(acme.open_followups, 2, "open and contacted, not closed");
    let expected = risk.get(&CustomerId(1)).expect("assessed");
    assert_eq!(acme.standing, Standing::Risk(expected.level));
    assert_eq!(acme.reasons, expected.reasons);
    assert!(!acme.reasons.is_empty(), "open follow-ups put it on watch");
    // Cadence: due six months after the last interview, not yet past at 1 May.
    assert!(
        matches!(acme.next, NextDate::Due(at) if at > now),
        "{:?}",
        acme.next
    );

    let globex = &out.records[1];
    assert_eq!(globex.standing, Standing::Lost);
    assert_eq!(globex.standing.as_str(), "lost");
    assert!(globex.reasons.is_empty());
    assert_eq!(globex.next, NextDate::None);
    assert_eq!(globex.lowest_recent, Some(2));
    assert_eq!(globex.open_followups, 1);

    let umbrella = &out.records[2];
    assert_eq!(umbrella.last_interview, None);
    assert_eq!(umbrella.last_average, None);
    assert_eq!(umbrella.lowest_recent, None);
    assert_eq!(
        umbrella.next,
        NextDate::Due(now),
        "never interviewed: due now"
    );
}

#[test]
fn next_dates_by_state() {
    let now = t(5, 1);
    let cases = [
        (NextInterview::Scheduled(t(6, 1)), NextDate::Booked(t(6, 1))),
        (NextInterview::Scheduled(t(4, 1)), NextDate::Booked(t(4, 1))),
        (NextInterview::DueBy(t(6, 1)), NextDate::Due(t(6, 1))),
        (NextInterview::DueBy(t(4, 1)), NextDate::Overdue(t(4, 1))),
        (NextInterview::Never, NextDate::Due(now)),
        (NextInterview::NotPlanned, NextDate::None),
    ];
    for (next, expected) in cases {
        assert_eq!(NextDate::of(next, now), expected, "{next:?}");
    }
    let statuses: Vec<&str> = [
        NextDate::Booked(now),
        NextDate::Due(now),
        NextDate::Overdue(now),
        NextDate::None,
    ]
    .iter()
    .map(|n| n.status())
    .collect();
    assert_eq!(statuses, ["booked", "due", "overdue", "none"]);
}
