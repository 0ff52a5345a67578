//! The calendar's rules, table by table: window edges, overdue pinning, quiet days, conflicts.

use super::*;
use crate::core::Money;
use crate::core::policy::Policy;
use crate::core::queue::queue;
use chrono::{FixedOffset, TimeZone, Utc};
use std::collections::BTreeSet;

/// 2026-11-`d` at `h`:`m` UTC (d may run past 30 into December; chrono normalises via days).
fn t(d: i64, h: u32, m: u32) -> Instant {
    let base = Utc
        .with_ymd_and_hms(2026, 11, 1, h, m, 0)
        .single()
        .expect("valid");
    base + Duration::days(d - 1)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// 08:00 UTC on a day.
fn ymd(y: i32, m: u32, d: u32) -> Instant {
    Utc.with_ymd_and_hms(y, m, d, 8, 0, 0)
        .single()
        .expect("valid")
}

fn now() -> Instant {
    t(23, 9, 0)
}

fn customer(id: u64, name: &str) -> Customer {
    Customer::new(
        CustomerId(id),
        name,
        Money::new(100_000, "USD"),
        t(-400, 8, 0),
    )
    .with_segment("Logistics")
    .with_region("EMEA")
    .with_account_manager(StaffId(1))
    .with_executive_sponsor(StaffId(2))
    .with_updated_at(t(-300, 8, 0))
}

fn completed(id: u64, customer: u64, at: Instant) -> Interview {
    Interview {
        status: InterviewStatus::Completed,
        completed_at: Some(at + Duration::minutes(30)),
        ..Interview::booked(InterviewId(id), CustomerId(customer), Trigger::Cadence, at)
    }
}

fn booked(id: u64, customer: u64, at: Instant) -> Interview {
    Interview::booked(InterviewId(id), CustomerId(customer), Trigger::Cadence, at)
}

fn dataset(customers: Vec<Customer>, interviews: Vec<Interview>) -> Dataset {
    Dataset {
        customers,
        interviews,
        ..Dataset::default()
    }
}

fn events_of(data: &Dataset, cal: &WorkWeek, window: Window) -> Vec<CalendarEvent> {
    let items = queue(data, &Policy::default(), cal, now());
    events(data, &items, cal, window, now())
}

fn uids(events: &[CalendarEvent]) -> Vec<&str> {
    events.iter().map(|e| e.uid.as_str()).collect()
}

#[test]
fn booked_interviews_inside_the_window_only() {
    let data = dataset(
        (1..=5).map(|n| customer(n, &format!("C{n}"))).collect(),
        vec![
            booked(10, 1, t(22, 23, 59)), // the day before: out
            booked(11, 2, t(23, 0, 0)),   // first instant: in
            booked(12, 3, t(30, 23, 59)), // last day: in
            booked(13, 4, t(31, 0, 0)),   // 1 December: out
            Interview {
                status: InterviewStatus::Cancelled,
                ..booked(14, 5, t(25, 10, 0)) // cancelled: out
            },
        ],
    );
    let window = Window {
        from: date(2026, 11, 23),
        until: date(2026, 12, 1),
    };
    let got = events_of(&data, &WorkWeek::default(), window);
    let booked: Vec<&str> = uids(&got)
        .into_iter()
        .filter(|u| u.starts_with("interview-"))
        .collect();
    assert_eq!(booked, ["interview-I11@hearback", "interview-I12@hearback"]);
    let first = got
        .iter()
        .find(|e| e.uid == "interview-I11@hearback")
        .expect("I11 is in the window");
    assert_eq!(first.start, t(23, 0, 0));
    assert_eq!(first.end(&WorkWeek::default()), t(23, 0, 30));
}

#[test]
fn days_follow_the_calendar_offset() {
    // 23:30 UTC on the 30th is already 1 December at UTC+2: outside November there.
    let data = dataset(
        vec![customer(1, "Acme")],
        vec![booked(10, 1, t(30, 23, 30))],
    );
    let november = Window::month_of(date(2026, 11, 5));
    assert_eq!(events_of(&data, &WorkWeek::default(), november).len(), 1);
    let plus_two = WorkWeek {
        offset: FixedOffset::east_opt(2 * 3600).expect("valid"),
        ..WorkWeek::default()
    };
    let got = events_of(&data, &plus_two, november);
    assert!(
        uids(&got).iter().all(|u| !u.starts_with("interview-")),
        "{got:?}"
    );
    let december = Window::month_of(date(2026, 12, 1));
    let got = events_of(&data, &plus_two, december);
    assert_eq!(got.first().map(|e| e.day), Some(date(2026, 12, 1)));
}

#[test]
fn overdue_interviews_are_pinned_to_today_with_their_date() {
    // Due dates at a 6-month cadence: C1 overdue since 1 Nov, C2 due today, C3 on 10 Dec,
    // C4 on 10 March (beyond the window).
    let data = dataset(
        (1..=4).map(|n| customer(n, &format!("C{n}"))).collect(),
        vec![
            completed(10, 1, ymd(2026, 5, 1)),
            completed(11, 2, ymd(2026, 5, 23)),
            completed(12, 3, ymd(2026, 6, 10)),
            completed(13, 4, ymd(2026, 9, 10)),
        ],
    );
    let cal = WorkWeek::default();
    let window = Window::months(date(2026, 11, 23), 2);
    assert_eq!(window.until, date(2027, 1, 23));
    let got = events_of(&data, &cal, window);
    let due: Vec<(&str, NaiveDate, NaiveDate, bool)> = got
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Due(d) => Some((e.uid.as_str(), e.day, d.due_date, d.overdue)),
            EventKind::Booked(_) => None,
        })
        .collect();
    assert_eq!(
        due,
        [
            (
                "due-C1@hearback",
                date(2026, 11, 23),
                date(2026, 11, 1),
                true
            ),
            (
                "due-C2@hearback",
                date(2026, 11, 23),
                date(2026, 11, 23),
                false
            ),
            (
                "due-C3@hearback",
                date(2026, 12, 10),
                date(2026, 12, 10),
                false
            ),
        ]
    );
    // A due event starts at its day's start and lasts the day.
    assert_eq!(got[0].start, t(23, 0, 0));
    assert_eq!(got[0].end(&cal), t(24, 0, 0));
    // A month after today shows what falls due in it, never the overdue ones.
    let december = Window::month_of(date(2026, 12, 1));
    assert_eq!(uids(&events_of(&data, &cal, december)), ["due-C3@hearback"]);
    // A past month shows no due interviews: they are owed today.
    let october = Window::month_of(date(2026, 10, 1));
    assert!(events_of(&data, &cal, october).is_empty());
}

#[test]
fn booking_replaces_the_due_event() {
    let mut data = dataset(
        vec![customer(1, "Acme"), customer(2, "Bolt")],
        vec![
            completed(10, 1, t(1, 8, 0) - Duration::days(200)),
            completed(11, 2, t(1, 8, 0) - Duration::days(200)),
        ],
    );
    let window = Window::months(date(2026, 11, 23), 3);
    let cal = WorkWeek::default();
    let before = events_of(&data, &cal, window);
    assert_eq!(uids(&before), ["due-C1@hearback", "due-C2@hearback"]);
    data.interviews.push(booked(12, 1, t(27, 14, 0)));
    let after = events_of(&data, &cal, window);
    assert_eq!(uids(&after), ["due-C2@hearback", "interview-I12@hearback"]);
    // Same data, same time: the same events, in the same order.
    assert_eq!(after, events_of(&data, &cal, window));
}

#[test]
fn revised_comes_from_the_records() {
    let prebriefed = t(20, 16, 0);
    let data = dataset(
        vec![customer(1, "Acme"), customer(2, "Bolt")],
        vec![
            Interview {
                prebriefed_at: Some(prebriefed),
                ..booked(10, 1, t(27, 14, 0))
            },
            completed(11, 2, t(1, 8, 0) - Duration::days(200)),
        ],
    );
    let got = events_of(
        &data,
        &WorkWeek::default(),
        Window::months(date(2026, 11, 23), 3),
    );
    let revised: Vec<(&str, Instant)> = got.iter().map(|e| (e.uid.as_str(), e.revised)).collect();
    let last_completed = t(1, 8, 30) - Duration::days(200);
    assert_eq!(
        revised,
        [
            ("due-C2@hearback", last_completed),
            ("interview-I10@hearback", prebriefed),
        ]
    );
}

#[test]
fn quiet_days_surround_each_request() {
    // Completed 10 November 09:00 (+30 min), so the request time is 09:30.
    let mut data = dataset(
        vec![customer(1, "Acme")],
        vec![
            completed(10, 1, t(10, 9, 0)),
            Interview {
                status: InterviewStatus::Cancelled,
                ..booked(11, 1, t(20, 9, 0))
            },
        ],
    );
    let cal = WorkWeek::default();
    let s = spacing(&data, CustomerId(1), &Policy::default(), &cal);
    assert_eq!(s.requests.len(), 1, "cancelled requests ask nothing");
    let w = s.windows[0];
    assert_eq!((w.first, w.last), (date(2026, 10, 11), date(2026, 12, 10)));
    let cases = [
        (date(2026, 10, 10), false),
        (date(2026, 10, 11), true),
        (date(2026, 11, 10), true),
        (date(2026, 12, 10), true),
        (date(2026, 12, 11), false),
    ];
    for (day, quiet) in cases {
        assert_eq!(s.is_quiet(day), quiet, "{day}");
    }
    // A request at exactly midnight: the day 30 days later is free from its start.
    data.interviews = vec![booked(12, 1, t(10, 0, 0))];
    let s = spacing(&data, CustomerId(1), &Policy::default(), &cal);
    assert_eq!(
        (s.windows[0].first, s.windows[0].last),
        (date(2026, 10, 11), date(2026, 12, 9))
    );
    // No spacing configured: no quiet days, no conflicts.
    let mut policy = Policy::default();
    policy.cadence.spacing_days = 0;
    let s = spacing(&data, CustomerId(1), &policy, &cal);
    assert!(s.windows.is_empty() && s.conflicts.is_empty());
}

#[test]
fn conflicts_are_pairs_closer_than_the_spacing() {
    let data = dataset(
        vec![customer(1, "Acme"), customer(2, "Bolt")],
        vec![
            completed(10, 1, t(10, 9, 0)), // request at 10 Nov 09:30
            booked(11, 1, t(22, 9, 30)),   // 12 days later: too close
            booked(12, 1, t(22, 9, 30) + Duration::days(30)), // exactly 30 days after I11: fine
            completed(13, 2, t(1, 9, 0)),  // another customer: never compared
            booked(14, 2, t(40, 9, 0)),    // 39 days later: fine
        ],
    );
    let cal = WorkWeek::default();
    let wanted = BTreeSet::from([CustomerId(1), CustomerId(2)]);
    let all = spacing_of(&data, &wanted, &Policy::default(), &cal);
    let acme = &all[&CustomerId(1)];
    let pairs: Vec<(InterviewId, InterviewId)> = acme
        .conflicts
        .iter()
        .map(|c| (c.earlier.interview, c.later.interview))
        .collect();
    assert_eq!(pairs, [(InterviewId(10), InterviewId(11))]);
    let close = acme.too_close_to(InterviewId(11));
    assert_eq!(close.len(), 1);
    assert_eq!(close[0].interview, InterviewId(10));
    assert_eq!(close[0].label(), "interview");
    assert!(acme.too_close_to(InterviewId(12)).is_empty());
    assert!(all[&CustomerId(2)].conflicts.is_empty());
    // The same answer one customer at a time.
    assert_eq!(
        &spacing(&data, CustomerId(1), &Policy::default(), &cal),
        acme
    );
}

#[test]
fn windows_by_month() {
    let w = Window::month_of(date(2027, 1, 31));
    assert_eq!((w.from, w.until), (date(2027, 1, 1), date(2027, 2, 1)));
    let w = Window::months(date(2027, 1, 31), 1);
    assert_eq!(w.until, date(2027, 2, 28));
    assert!(w.contains(date(2027, 1, 31)) && !w.contains(date(2027, 2, 28)));
}

#[test]
fn overlapping_quiet_windows_make_one_span() {
    let data = dataset(
        vec![customer(1, "Acme")],
        vec![
            completed(10, 1, t(10, 9, 0)),  // quiet 11 Oct to 10 Dec
            booked(11, 1, t(27, 9, 0)),     // quiet 28 Oct to 27 Dec
            booked(12, 1, ymd(2027, 3, 1)), // quiet 30 Jan to 30 Mar
        ],
    );
    let s = spacing(
        &data,
        CustomerId(1),
        &Policy::default(),
        &WorkWeek::default(),
    );
    let november = s.quiet_spans(Window::month_of(date(2026, 11, 1)));
    assert_eq!(november.len(), 1);
    assert_eq!(
        (november[0].first, november[0].last),
        (date(2026, 10, 11), date(2026, 12, 27))
    );
    let behind: Vec<InterviewId> = november[0].requests.iter().map(|r| r.interview).collect();
    assert_eq!(behind, [InterviewId(10), InterviewId(11)]);
    // A window touching both runs shows both, apart.
    let winter = Window::months(date(2026, 12, 1), 3);
    let firsts: Vec<NaiveDate> = s.quiet_spans(winter).iter().map(|q| q.first).collect();
    assert_eq!(firsts, [date(2026, 10, 11), date(2027, 1, 30)]);
    // A month with no quiet day: nothing.
    assert!(s.quiet_spans(Window::month_of(date(2026, 8, 1))).is_empty());
}
