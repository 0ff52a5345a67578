//! The dashboard's key for logging a request while on the phone: `R` on a customer (the
//! customers pane or the customer's detail) opens a form; it saves the change set
//! `hearback request add` saves, and the request is then owed an answer in the queue.

use crate::common;

use crate::forms_tasks::{committed, customer_name, error, fill, key, press, prompt};
use common::dashboard::{app, now, rules, screen};
use crossterm::event::KeyCode;
use hearback::app::Overlay;
use hearback::core::IdAllocator;
use hearback::core::requests::{self, Channel, NewRequest};
use hearback::core::when::parse_when;

#[test]
fn r_on_a_customer_logs_a_call_as_the_command_line_does() {
    let mut a = app();
    press(&mut a, "1");
    let id = a.selected_customer().expect("a customer");
    press(&mut a, "R");
    assert!(prompt(&a).title.contains(&customer_name(&a, id)));
    // A subject is needed.
    let effects = fill(&mut a, &[]);
    assert!(effects.is_empty());
    assert!(error(&a).contains("needs a subject"), "{}", error(&a));
    key(&mut a, KeyCode::Up);
    key(&mut a, KeyCode::Up);
    key(&mut a, KeyCode::Up);
    let before = a.data.clone();
    let effects = fill(
        &mut a,
        &[
            ("About", "Invoice copy for October"),
            ("From", "Ines Duarte"),
            ("Received", "2026-11-20 16:00"),
        ],
    );
    let at = parse_when("2026-11-20 16:00", now(), rules().work_week.offset).expect("a time");
    let (_, want) = requests::log(
        NewRequest {
            customer: id,
            channel: Channel::Call,
            from: "Ines Duarte".into(),
            about: "Invoice copy for October".into(),
            received_at: at,
            owner: None,
        },
        now(),
        "tester",
        &mut IdAllocator::after(&before).expect("ids"),
    )
    .expect("the CLI's core call");
    assert_eq!(
        committed(&effects),
        want,
        "a call by default, taken at the time given"
    );
    assert!(a.overlay.is_none(), "back on the panes: {:?}", a.overlay);
}

#[test]
fn from_the_customer_detail_an_email_goes_back_there_and_a_bad_channel_is_named() {
    let mut a = app();
    press(&mut a, "1");
    let id = a.selected_customer().expect("a customer");
    key(&mut a, KeyCode::Enter);
    press(&mut a, "?");
    let shown = screen(&a, 80, 24);
    assert!(
        shown.contains("R      log a request (a call taken)"),
        "help on the detail names the key: {shown}"
    );
    key(&mut a, KeyCode::Esc);
    assert!(matches!(a.overlay, Some(Overlay::Customer { .. })));
    press(&mut a, "R");
    let effects = fill(&mut a, &[("About", "Seats"), ("Channel", "pigeon")]);
    assert!(effects.is_empty());
    assert!(
        error(&a).contains("'pigeon' is not a channel"),
        "{}",
        error(&a)
    );
    // Back to the channel field and fix it.
    key(&mut a, KeyCode::Up);
    let effects = fill_from(&mut a, 2, "email");
    let set = committed(&effects);
    let logged = set
        .changes
        .iter()
        .find_map(|c| match c {
            hearback::core::Change::Request(r) => Some(r.clone()),
            _ => None,
        })
        .expect("a request saved");
    assert_eq!(logged.channel, Channel::Email);
    assert_eq!(logged.received_at, now(), "blank: now");
    assert!(
        matches!(a.overlay, Some(Overlay::Customer { id: back, .. }) if back == id),
        "back on the customer: {:?}",
        a.overlay
    );
}

/// Types `value` into the focused field (number `at`) and presses Enter through the rest.
fn fill_from(a: &mut hearback::app::App, at: usize, value: &str) -> Vec<hearback::app::Effect> {
    assert_eq!(prompt(a).focus, at);
    let rest = prompt(a).fields.len() - at;
    crate::forms_tasks::ctrl(a, 'u');
    crate::forms_tasks::typed(a, value);
    let mut effects = Vec::new();
    for _ in 0..rest {
        effects = key(a, KeyCode::Enter);
    }
    effects
}
