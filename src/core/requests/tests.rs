use super::*;
use crate::core::business_time::WorkWeek;
use crate::core::policy::Policy;
use crate::core::queue::{DueState, ItemKind, Subject, queue};
use crate::core::{Customer, Dataset, Money};
use chrono::{Duration, TimeZone, Utc};

/// 2026-03-`day` `hour`:`min` UTC; the 6th is a Friday, the 9th the Monday after.
fn t(day: u32, hour: u32, min: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 3, day, hour, min, 0)
        .single()
        .expect("valid date")
}

fn data_with(requests: Vec<Request>) -> Dataset {
    let mut c = Customer::new(CustomerId(1), "Acme", Money::new(100, "EUR"), t(1, 9, 0));
    c.account_manager = Some(StaffId(7));
    Dataset {
        customers: vec![c],
        requests,
        ..Dataset::default()
    }
}

fn logged(received_at: Instant, owner: Option<StaffId>) -> Request {
    let new = NewRequest {
        customer: CustomerId(1),
        channel: Channel::Call,
        from: "Ann Lee".into(),
        about: "Invoice 88 is wrong".into(),
        received_at,
        owner,
    };
    let mut ids = IdAllocator::starting_at(5);
    log(new, t(20, 0, 0), "Dana", &mut ids).expect("logs").0
}

fn items(data: &Dataset, now: Instant) -> Vec<(ItemKind, Instant, DueState, Option<StaffId>)> {
    queue(data, &Policy::default(), &WorkWeek::default(), now)
        .into_iter()
        .filter(|i| matches!(i.subject, Subject::Request(_)))
        .map(|i| (i.kind, i.due, i.state, i.owner))
        .collect()
}

#[test]
fn logging_makes_one_record_and_its_timeline_event() {
    let r = logged(t(6, 16, 0), None);
    assert_eq!(r.id, RequestId(5));
    assert_eq!(
        (r.from.as_str(), r.about.as_str()),
        ("Ann Lee", "Invoice 88 is wrong")
    );
    assert!(r.is_open() && r.is_unanswered());
    let blank = NewRequest {
        customer: CustomerId(1),
        channel: Channel::Email,
        from: String::new(),
        about: " \u{1b}[31m ".into(),
        received_at: t(6, 16, 0),
        owner: None,
    };
    let mut ids = IdAllocator::starting_at(1);
    assert_eq!(
        log(blank.clone(), t(20, 0, 0), "Dana", &mut ids).map(|_| ()),
        Err(RequestError::NoSubject)
    );
    let future = NewRequest {
        about: "x".into(),
        received_at: t(21, 0, 0),
        ..blank
    };
    assert!(matches!(
        log(future, t(20, 0, 0), "Dana", &mut ids),
        Err(RequestError::Future { .. })
    ));
}

#[test]
fn respond_and_resolve_record_once_and_never_before_the_request() {
    let r = logged(t(6, 16, 0), None);
    let now = t(20, 0, 0);
    assert!(matches!(
        respond(r.clone(), t(6, 15, 0), None, now, "Dana"),
        Err(RequestError::BeforeReceived { .. })
    ));
    let set = respond(r.clone(), t(9, 10, 0), Some(StaffId(3)), now, "Dana").expect("answers");
    let Some(Change::Request(answered)) = set.changes.last().cloned() else {
        panic!("no request in {set:?}");
    };
    assert_eq!(answered.first_response_at, Some(t(9, 10, 0)));
    assert_eq!(answered.responded_by, Some(StaffId(3)));
    assert!(matches!(
        respond(answered.clone(), t(9, 11, 0), None, now, "Dana"),
        Err(RequestError::Already { .. })
    ));
    // Resolving an unanswered request answers it at the same time.
    let set = resolve(r, t(9, 12, 0), Some(StaffId(4)), now, "Dana").expect("resolves");
    let Some(Change::Request(done)) = set.changes.last().cloned() else {
        panic!("no request in {set:?}");
    };
    assert_eq!(
        (done.first_response_at, done.resolved_at, done.resolved_by),
        (Some(t(9, 12, 0)), Some(t(9, 12, 0)), Some(StaffId(4)))
    );
    assert!(!done.is_open());
}

/// Business time counts every hour of a working day and none of a weekend day
/// (`core::business_time`): 4 business hours after Friday 22:00 are the 2 hours left on Friday
/// and 2 on Monday, so the response is due Monday 02:00; 3 business days later is Wednesday
/// 22:00. The item is due (not late) exactly at its limit and overdue one second after.
#[test]
fn an_unanswered_request_turns_overdue_exactly_at_its_business_time_limit() {
    let data = data_with(vec![logged(t(6, 22, 0), None)]);
    let due = t(9, 2, 0);
    let at = |now| items(&data, now);
    // Saturday noon: due on a later day (Monday).
    assert_eq!(
        at(t(7, 12, 0)),
        vec![(
            ItemKind::RequestResponse,
            due,
            DueState::Upcoming,
            Some(StaffId(7))
        )]
    );
    assert_eq!(at(due)[0].2, DueState::Due);
    assert_eq!(
        at(due + Duration::seconds(1))[0].2,
        DueState::Overdue,
        "late just after the limit"
    );
    // Friday 16:00 + 4 business hours is Friday 20:00: Friday is a working day all day long.
    let data = data_with(vec![logged(t(6, 16, 0), Some(StaffId(3)))]);
    let got = items(&data, t(6, 20, 0));
    assert_eq!(
        got,
        vec![(
            ItemKind::RequestResponse,
            t(6, 20, 0),
            DueState::Due,
            Some(StaffId(3))
        )],
        "the owner answers for it, not the account manager"
    );
    assert_eq!(items(&data, t(6, 20, 1))[0].2, DueState::Overdue);
}

#[test]
fn once_answered_the_resolution_is_owed_and_once_resolved_nothing() {
    let r = logged(t(6, 22, 0), None);
    let set = respond(r.clone(), t(9, 1, 0), None, t(9, 1, 0), "Dana").expect("answers");
    let mut data = data_with(vec![r.clone()]);
    data.apply(&set);
    // Friday 22:00 + 3 business days: Friday's 2 hours, Monday, Tuesday, and 22 hours of
    // Wednesday: Wednesday 22:00.
    let due = t(11, 22, 0);
    assert_eq!(
        items(&data, t(11, 22, 0)),
        vec![(
            ItemKind::RequestResolution,
            due,
            DueState::Due,
            Some(StaffId(7))
        )]
    );
    assert_eq!(items(&data, t(11, 22, 1))[0].2, DueState::Overdue);
    let Some(Change::Request(answered)) = set.changes.last().cloned() else {
        panic!("no request");
    };
    let set = resolve(answered, t(12, 9, 0), None, t(12, 9, 0), "Dana").expect("resolves");
    data.apply(&set);
    assert_eq!(items(&data, t(12, 9, 0)), vec![]);
}

#[test]
fn the_queue_can_discharge_a_request_item() {
    let r = logged(t(6, 22, 0), None);
    let data = data_with(vec![r.clone()]);
    let set = crate::core::discharge::discharge(
        ItemKind::RequestResponse,
        Subject::Request(r.id),
        &data,
        t(9, 1, 0),
        "Dana",
    )
    .expect("answers");
    assert!(set.changes.iter().any(|c| matches!(
        c,
        Change::Request(x) if x.first_response_at == Some(t(9, 1, 0))
    )));
}

#[test]
fn channels_parse_from_their_names_and_helpdesk_words() {
    for c in Channel::ALL {
        assert_eq!(Channel::parse(c.as_str()), Some(c));
    }
    assert_eq!(Channel::parse("Phone"), Some(Channel::Call));
    assert_eq!(Channel::parse("Portal"), Some(Channel::Ticket));
    assert_eq!(Channel::parse("pigeon"), None);
}
