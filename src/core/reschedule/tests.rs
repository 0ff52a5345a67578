//! Moving a booking, table by table: what stays, what is refused, the spacing warning.

use super::*;
use crate::core::{CustomerId, InterviewId, Money, Trigger};
use chrono::{Duration, TimeZone, Utc};

fn t(d: u32, h: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0)
        .single()
        .expect("valid")
}

fn acme() -> Customer {
    Customer::new(CustomerId(1), "Acme", Money::new(100_000, "USD"), t(1, 8))
}

fn booked(id: u64, at: Instant) -> Interview {
    Interview {
        duration_minutes: 45,
        location: Some("by phone".into()),
        invitation_sent_at: Some(t(2, 9)),
        ..Interview::booked(InterviewId(id), CustomerId(1), Trigger::Cadence, at)
    }
}

fn data(interviews: Vec<Interview>) -> Dataset {
    Dataset {
        customers: vec![acme()],
        interviews,
        ..Dataset::default()
    }
}

#[test]
fn moves_the_time_and_keeps_everything_else() {
    let before = booked(5, t(25, 10));
    let d = data(vec![before.clone()]);
    let policy = Policy::default();
    let set = reschedule(
        &d,
        &acme(),
        before.clone(),
        t(26, 14),
        false,
        &policy,
        t(23, 9),
        "me",
    )
    .expect("moved");
    let moved = set.changes.iter().find_map(|c| match c {
        Change::Interview(i) => Some(i.clone()),
        _ => None,
    });
    assert_eq!(
        moved,
        Some(Interview {
            scheduled_at: t(26, 14),
            ..before
        })
    );
    let event = set.changes.iter().find_map(|c| match c {
        Change::Event(e) => Some(e.clone()),
        _ => None,
    });
    let event = event.expect("an event");
    assert_eq!(event.at, t(23, 9));
    assert_eq!(event.reference.as_deref(), Some("I5"));
    assert_eq!(
        event.summary,
        "Interview I5 moved from 2026-11-25 10:00 UTC to 2026-11-26 14:00 UTC"
    );
}

#[test]
fn refuses_what_is_not_simply_booked_and_the_same_time() {
    let policy = Policy::default();
    let at = t(25, 10);
    let cases = [
        (
            InterviewStatus::InProgress,
            at + Duration::days(1),
            "in progress",
        ),
        (
            InterviewStatus::Completed,
            at + Duration::days(1),
            "completed",
        ),
        (
            InterviewStatus::Cancelled,
            at + Duration::days(1),
            "cancelled",
        ),
    ];
    for (status, to, word) in cases {
        let i = Interview {
            status,
            ..booked(5, at)
        };
        let d = data(vec![i.clone()]);
        assert_eq!(
            reschedule(&d, &acme(), i, to, true, &policy, t(23, 9), "me"),
            Err(InterviewError::NotMovable("I5".into(), word))
        );
    }
    let i = booked(5, at);
    let d = data(vec![i.clone()]);
    assert_eq!(
        reschedule(&d, &acme(), i, at, true, &policy, t(23, 9), "me"),
        Err(InterviewError::SameTime(
            "I5".into(),
            "2026-11-25 10:00 UTC".into()
        ))
    );
}

#[test]
fn the_spacing_warning_leaves_the_interview_itself_out_and_is_confirmed_as_booking() {
    let policy = Policy::default();
    let me = booked(5, t(25, 10));
    // Alone, a move by a day is inside its own window: no warning.
    let alone = data(vec![me.clone()]);
    assert!(
        reschedule(
            &alone,
            &acme(),
            me.clone(),
            t(26, 10),
            false,
            &policy,
            t(23, 9),
            "me"
        )
        .is_ok()
    );
    // Another request nearby warns, naming it; confirmed, it moves.
    let other = booked(6, t(28, 10));
    let both = data(vec![me.clone(), other]);
    let warned = reschedule(
        &both,
        &acme(),
        me.clone(),
        t(27, 10),
        false,
        &policy,
        t(23, 9),
        "me",
    );
    assert!(
        matches!(&warned, Err(InterviewError::TooClose { other, .. }) if other == "I6"),
        "{warned:?}"
    );
    assert!(reschedule(&both, &acme(), me, t(27, 10), true, &policy, t(23, 9), "me").is_ok());
}
