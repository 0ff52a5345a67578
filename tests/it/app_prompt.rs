//! The dashboard's small forms: what people type for times goes through the one parser, the
//! form shows what it understood as you type, a past time is asked about, Ctrl-U clears a
//! field, and booking sets length, place and the primary contact. Demo data at a fixed time
//! (Monday 23 Nov 2026 09:00, calendar in UTC).

use crate::common;

use chrono::{Duration, TimeZone, Utc};
use common::dashboard::{app, now, save_all, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, Overlay, Prompt, update};
use hearback::core::{Instant, Interview};

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        assert!(update(app, key(KeyCode::Char(c))).is_empty());
    }
}

fn prompt(app: &App) -> &Prompt {
    match &app.overlay {
        Some(Overlay::Prompt(p)) => p,
        other => panic!("no form open: {other:?}"),
    }
}

fn utc(d: u32, h: u32, m: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 11, d, h, m, 0)
        .single()
        .expect("valid")
}

/// Opens the booking form on a customer with contacts and nothing booked or recent, so the
/// feedback calendar's spacing does not interfere.
fn open_booking(a: &mut App) -> hearback::core::CustomerId {
    update(a, key(KeyCode::Char('1')));
    let row = a
        .customer_rows()
        .iter()
        .position(|r| {
            let c = a.data.customer(r.customer.id);
            c.is_some_and(|c| !c.contacts.is_empty())
                && !a.data.interviews.iter().any(|i| {
                    i.customer == r.customer.id && (now() - i.scheduled_at).num_days().abs() < 60
                })
        })
        .expect("a customer with contacts and no interview near now");
    a.customers.selected = row;
    let id = a.selected_customer().expect("selected");
    update(a, key(KeyCode::Char('b')));
    assert!(matches!(a.overlay, Some(Overlay::Prompt(_))));
    id
}

/// Enter through the remaining fields and submit.
fn submit(a: &mut App) -> Vec<Effect> {
    let fields = prompt(a).fields.len();
    for _ in prompt(a).focus + 1..fields {
        assert!(update(a, key(KeyCode::Enter)).is_empty());
    }
    update(a, key(KeyCode::Enter))
}

fn booked(a: &App, customer: hearback::core::CustomerId) -> Option<&Interview> {
    a.data
        .interviews
        .iter()
        .find(|i| i.customer == customer && i.scheduled_at > now() - Duration::days(1))
}

#[test]
fn booking_accepts_a_time_of_day_with_length_place_and_the_primary_contact() {
    let mut a = app();
    let customer = open_booking(&mut a);
    let primary = a
        .data
        .customer(customer)
        .and_then(|c| c.primary_contact())
        .expect("a primary contact")
        .clone();
    assert_eq!(prompt(&a).value(3), primary.name, "contact prefilled");
    typed(&mut a, "10:00");
    assert_eq!(
        prompt(&a).preview(0, a.now, a.rules.work_week.offset),
        Some(Ok("Mon 23 Nov 10:00 (today, in 1 h)".to_string())),
        "10:00 is later today"
    );
    let shown = screen(&a, 80, 24);
    assert!(
        shown.contains("= Mon 23 Nov 10:00 (today, in 1 h)"),
        "{shown}"
    );
    update(&mut a, key(KeyCode::Enter));
    update(&mut a, ctrl('u'));
    typed(&mut a, "45");
    update(&mut a, key(KeyCode::Enter));
    typed(&mut a, "phone");
    let effects = submit(&mut a);
    assert_eq!(save_all(&mut a, effects), 1, "{:?}", a.overlay);
    let i = booked(&a, customer).expect("booked");
    assert_eq!(i.scheduled_at, utc(23, 10, 0));
    assert_eq!(i.duration_minutes, 45);
    assert_eq!(i.location.as_deref(), Some("by phone"));
    assert_eq!(i.contact, Some(primary.id));
    // The Interviews pane says where, as set (the new booking is the earliest: first row).
    update(&mut a, key(KeyCode::Char('3')));
    update(&mut a, key(KeyCode::Char('g')));
    let shown = screen(&a, 200, 60);
    assert!(shown.contains("45 min by phone"), "{shown}");
}

#[test]
fn a_past_time_is_named_and_needs_enter_again() {
    let mut a = app();
    let customer = open_booking(&mut a);
    typed(&mut a, "today 8:00");
    assert!(submit(&mut a).is_empty(), "the first submit only asks");
    let error = prompt(&a).error.clone().unwrap_or_default();
    assert!(
        error.contains("Mon 23 Nov 08:00 (today, 1 h ago) is in the past"),
        "{error}"
    );
    // The question wraps inside the form instead of being cut.
    let shown = screen(&a, 80, 24);
    assert!(shown.contains("change the time"), "{shown}");
    let effects = update(&mut a, key(KeyCode::Enter));
    assert_eq!(save_all(&mut a, effects), 1, "Enter again books");
    assert_eq!(
        booked(&a, customer).map(|i| i.scheduled_at),
        Some(utc(23, 8, 0))
    );
}

#[test]
fn the_past_time_question_names_the_submit_keys_in_force() {
    let mut a = app();
    a.rules.keys = hearback::keymap::from_toml("[keys.prompt]\nsubmit = [\"Enter\", \"F2\"]\n")
        .expect("a valid [keys] table");
    open_booking(&mut a);
    typed(&mut a, "today 8:00");
    assert!(submit(&mut a).is_empty(), "the first submit only asks");
    let error = prompt(&a).error.clone().unwrap_or_default();
    assert!(
        error.ends_with("is in the past. Enter or F2 again to use it, or change the time"),
        "{error}"
    );
}

#[test]
fn ctrl_u_clears_the_field_and_a_changed_past_time_is_asked_again() {
    let mut a = app();
    open_booking(&mut a);
    typed(&mut a, "today 7:00");
    assert!(submit(&mut a).is_empty());
    // Back to the time field: clear it, type another past time: asked again, not booked.
    // Down from the last field wraps to the first.
    update(&mut a, key(KeyCode::Down));
    assert_eq!(prompt(&a).focus, 0);
    update(&mut a, ctrl('u'));
    assert_eq!(prompt(&a).fields[0].value, "");
    assert_eq!(prompt(&a).fields[0].cursor, 0);
    typed(&mut a, "today 6:00");
    assert!(
        submit(&mut a).is_empty(),
        "a different past time is asked about"
    );
    let error = prompt(&a).error.clone().unwrap_or_default();
    assert!(error.contains("06:00"), "{error}");
}

#[test]
fn a_time_not_understood_says_so_as_you_type_and_on_submit() {
    let mut a = app();
    open_booking(&mut a);
    typed(&mut a, "next tuesday");
    assert!(matches!(
        prompt(&a).preview(0, a.now, a.rules.work_week.offset),
        Some(Err(_))
    ));
    assert!(screen(&a, 80, 24).contains("not a time yet"));
    assert!(submit(&mut a).is_empty());
    let error = prompt(&a).error.clone().unwrap_or_default();
    assert!(error.contains("'next tuesday' is not a time"), "{error}");
}

#[test]
fn hints_name_no_fixed_dates() {
    let mut a = app();
    open_booking(&mut a);
    for f in &prompt(&a).fields {
        assert!(!f.hint.contains("20"), "{}: {}", f.label, f.hint);
    }
}

#[test]
fn an_action_due_date_takes_a_weekday() {
    let mut a = app();
    update(&mut a, key(KeyCode::Char('4')));
    let id = a.selected_action().expect("a card on the board").id;
    update(&mut a, key(KeyCode::Char('d')));
    typed(&mut a, "fri");
    assert_eq!(
        prompt(&a).preview(0, a.now, a.rules.work_week.offset),
        Some(Ok("Fri 27 Nov 00:00 (in 4 days)".to_string()))
    );
    let effects = update(&mut a, key(KeyCode::Enter));
    assert_eq!(save_all(&mut a, effects), 1, "{:?}", a.overlay);
    let due = a
        .data
        .actions
        .iter()
        .find(|x| x.id == id)
        .and_then(|x| x.due);
    assert_eq!(due, Some(utc(27, 0, 0)));
}

#[test]
fn the_booking_form_with_a_past_time_question() {
    let mut a = app();
    open_booking(&mut a);
    typed(&mut a, "today 8:00");
    assert!(submit(&mut a).is_empty());
    // Back on the time field, the others show without their hints when the screen is short.
    update(&mut a, key(KeyCode::Down));
    for (w, h) in [(80, 24), (200, 60)] {
        insta::assert_snapshot!(format!("booking_past_{w}x{h}"), screen(&a, w, h));
    }
}
