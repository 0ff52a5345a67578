//! Requests in the dashboard's views: the insight view's requests box, shown under the churn
//! reasons once requests exist (the demo has none, so the insight snapshots do not change),
//! with everyone's and each owner's median / p90 time to answer and to resolve, in business
//! time; and the Requests section of a customer's detail.

use crate::common;

use chrono::{Duration, TimeZone, Utc};
use common::dashboard::{app, demo_data, now, rules, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Msg, update};
use hearback::core::requests::{Channel, Request};
use hearback::core::{Instant, RequestId};

fn t(day: u32, hour: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0)
        .single()
        .expect("valid")
}

fn opened(app: &mut App) {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char('I'), KeyModifiers::NONE)),
    );
}

/// Two requests to the first demo customer: one in Friday 20 Nov 22:00, answered Monday
/// 23 Nov 01:00 (2h Friday + 1h Monday = 3h of business time, 51h of clock) and still open;
/// one in Tuesday 17 Nov 10:00, answered after 30m and resolved after 5h.
fn with_requests() -> App {
    let mut data = demo_data();
    let customer = data.customers[0].id;
    let request = |id, received: Instant, answered: Option<Instant>, resolved| Request {
        id: RequestId(id),
        customer,
        channel: Channel::Call,
        from: String::new(),
        about: "x".into(),
        received_at: received,
        owner: None,
        team: String::new(),
        first_response_at: answered,
        responded_by: None,
        resolved_at: resolved,
        resolved_by: None,
        external_key: String::new(),
    };
    data.requests = vec![
        request(900_001, t(20, 22), Some(t(23, 1)), None),
        request(
            900_002,
            t(17, 10),
            Some(t(17, 10) + Duration::minutes(30)),
            Some(t(17, 15)),
        ),
    ];
    App::new(
        data,
        rules(),
        now(),
        true,
        "/data/hearback".into(),
        "tester".into(),
    )
}

#[test]
fn the_requests_box_shows_median_and_p90_in_business_time_once_there_are_requests() {
    let mut a = with_requests();
    opened(&mut a);
    let shown = screen(&a, 200, 60);
    assert!(
        shown.contains("Requests · median / p90, business time"),
        "{shown}"
    );
    // Answers 30m and 3h: median rank 1 = 30m, p90 rank 2 = 3h; one resolution of 5h.
    let everyone = shown
        .lines()
        .find(|l| l.contains("everyone"))
        .expect("everyone's row");
    let words = everyone.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("everyone 2 1 30m / 3h 00m 5h 00m / 5h 00m"),
        "{everyone}"
    );
    // Without requests, no box.
    let mut plain = app();
    opened(&mut plain);
    assert!(!screen(&plain, 200, 60).contains("Requests ·"));
}

/// The insight view stays open while work is saved (here a request logged from another
/// terminal): its requests box follows the save, as the scores do.
#[test]
fn the_requests_box_follows_a_save_while_insight_is_open() {
    use hearback::core::{Change, ChangeSet};
    let mut a = app();
    opened(&mut a);
    assert!(!screen(&a, 200, 60).contains("Requests ·"));
    let mut set = ChangeSet::new();
    set.push(Change::Request(Request {
        id: RequestId(900_010),
        customer: a.data.customers[0].id,
        channel: Channel::Call,
        from: String::new(),
        about: "Price list for 2027".into(),
        received_at: t(17, 10),
        owner: None,
        team: String::new(),
        first_response_at: Some(t(17, 11)),
        responded_by: None,
        resolved_at: None,
        resolved_by: None,
        external_key: String::new(),
    }));
    update(
        &mut a,
        Msg::Saved {
            changes: set,
            label: "log a request".into(),
            result: Ok(()),
        },
    );
    let shown = screen(&a, 200, 60);
    assert!(
        shown.contains("Requests · median / p90, business time"),
        "{shown}"
    );
}

#[test]
fn the_customer_detail_shows_its_requests_newest_first_with_their_figures() {
    let mut a = with_requests();
    let press = |a: &mut App, code| update(a, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    press(&mut a, KeyCode::Char('1'));
    // Select the customer the requests are for.
    let target = a.data.requests[0].customer;
    for _ in 0..a.data.customers.len() {
        if a.selected_customer() == Some(target) {
            break;
        }
        press(&mut a, KeyCode::Down);
    }
    assert_eq!(a.selected_customer(), Some(target));
    press(&mut a, KeyCode::Enter);
    let shown = screen(&a, 200, 60);
    let lines: Vec<String> = shown
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Requests"))
        .unwrap_or_else(|| panic!("a Requests section: {shown}"));
    assert!(
        lines[at + 1].contains(
            "2 received, 1 open · answer: median 30m, p90 3h 00m · resolve: median 5h 00m, p90 \
             5h 00m (business time)"
        ),
        "{}",
        lines[at + 1]
    );
    assert!(
        lines[at + 2].contains("R900001 2026-11-20 22:00 call: \"x\" · answered 2026-11-23 01:00"),
        "newest first: {}",
        lines[at + 2]
    );
    assert!(
        lines[at + 3].contains("R900002 2026-11-17 10:00 call: \"x\" · resolved 2026-11-17 15:00"),
        "{}",
        lines[at + 3]
    );
}

#[test]
fn x_on_a_resolve_request_item_in_the_queue_records_the_resolution_now() {
    use hearback::core::Change;
    use hearback::core::queue::{ItemKind, Subject};
    let mut a = with_requests();
    update(
        &mut a,
        Msg::Key(KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE)),
    );
    // Due Wednesday (3 business days after Friday night): upcoming, shown with `a`.
    crate::forms_tasks::press(&mut a, "a");
    let rows = a.queue_rows();
    let row = rows
        .iter_from(0)
        .find(|(_, i)| i.kind == ItemKind::RequestResolution)
        .map(|(at, _)| at)
        .expect("R900001 is answered and open: its resolution is owed");
    drop(rows);
    a.queue.selected = row;
    assert_eq!(
        a.selected_item().map(|i| i.subject),
        Some(Subject::Request(RequestId(900_001)))
    );
    // Resolving closes the request: asked first, in the request's words.
    crate::forms_tasks::key(&mut a, KeyCode::Char('x'));
    let Some(hearback::app::Overlay::Confirm(c)) = &a.overlay else {
        panic!("asks first: {:?}", a.overlay);
    };
    assert!(
        c.question
            .starts_with("Record the request as resolved now: Resolve call: \"x\" for "),
        "{}",
        c.question
    );
    let effects = crate::forms_tasks::press(&mut a, "y");
    let set = crate::forms_tasks::committed(&effects);
    let resolved = set
        .changes
        .iter()
        .find_map(|c| match c {
            Change::Request(r) => Some(r.clone()),
            _ => None,
        })
        .expect("the request saved");
    assert_eq!(resolved.id, RequestId(900_001));
    assert_eq!(resolved.resolved_at, Some(now()));
    assert_eq!(
        resolved.first_response_at,
        Some(t(23, 1)),
        "the answer kept"
    );
}
