//! The feedback calendar's month view: opened with the real key `C` on the demo dashboard at
//! a fixed `now` (Monday 2026-11-23 09:00 UTC), driven by its keys, and drawn into ratatui's
//! `TestBackend` at 80x24 and 200x60.
//!
//! Update after an intended change: `INSTA_UPDATE=always cargo test --test it ui_calendar::`, then
//! read the diff of `tests/snapshots/`.

use crate::common;

use chrono::NaiveDate;
use common::dashboard::{app, now, rules, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, CalendarView, Msg, Overlay, update};
use hearback::core::feedback_calendar::EventKind;
use hearback::core::{Interview, InterviewId, Trigger};

/// The two sizes every view is snapshotted at.
const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn key(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The demo dashboard with the calendar opened by its key.
fn calendar() -> App {
    let mut app = app();
    press(&mut app, "C");
    app
}

fn view(app: &App) -> &CalendarView {
    match &app.overlay {
        Some(Overlay::Calendar(v)) => v,
        other => panic!("the calendar is not open: {other:?}"),
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(app, w, h));
    }
}

#[test]
fn opens_on_today() {
    let app = calendar();
    let v = view(&app);
    assert_eq!(v.selected, day(2026, 11, 23));
    assert_eq!(v.today, day(2026, 11, 23));
    // The demo has interviews overdue for booking: they are shown on today.
    assert!(v.events_on(v.today).any(|e| e.is_overdue()));
    snap("calendar_today", &app);
}

#[test]
fn a_booked_day_shows_its_customers_quiet_days() {
    let mut app = calendar();
    // The first booked interview after today.
    let target = view(&app)
        .events
        .iter()
        .find(|e| matches!(e.kind, EventKind::Booked(_)) && e.day > now().date_naive())
        .map(|e| e.day)
        .expect("the demo books interviews ahead");
    while view(&app).selected < target {
        press(&mut app, "l");
    }
    let v = view(&app);
    assert_eq!(v.selected, target);
    let quiet = v.selected_spacing();
    assert!(!quiet.is_empty(), "the booked customer's spacing is known");
    // The booked day itself and the day before are quiet for that customer.
    assert!(v.is_quiet(target));
    assert!(v.is_quiet(target.pred_opt().expect("a day before")));
    let shown = screen(&app, 200, 60);
    assert!(shown.contains("Quiet days"), "{shown}");
    assert!(shown.contains("···"), "{shown}");
    snap("calendar_booked_day", &app);
}

#[test]
fn a_booking_too_close_to_another_request_is_flagged() {
    // Book a customer interviewed in the last weeks again, 7 days after that interview.
    let mut data = common::dashboard::demo_data();
    let last = data
        .interviews
        .iter()
        .filter(|i| i.is_completed() && i.completed_at.is_some_and(|t| t < now()))
        .max_by_key(|i| (i.completed_at, i.id))
        .cloned()
        .expect("a completed interview in the demo");
    let done = last.completed_at.expect("completed");
    let next_id = data.interviews.iter().map(|i| i.id.0).max().unwrap_or(0) + 1_000;
    let at = done + chrono::Duration::days(7);
    data.interviews.push(Interview::booked(
        InterviewId(next_id),
        last.customer,
        Trigger::AdHoc,
        at,
    ));
    let mut app = App::new(
        data,
        rules(),
        now(),
        true,
        "/data/hearback".into(),
        "tester".into(),
    );
    press(&mut app, "C");
    while view(&app).selected < at.date_naive() {
        press(&mut app, "l");
    }
    while view(&app).selected > at.date_naive() {
        press(&mut app, "h");
    }
    let shown = screen(&app, 200, 60);
    let warning = format!(
        "⚠ 7 days after the {} interview",
        done.date_naive().format("%Y-%m-%d")
    );
    assert!(shown.contains(&warning), "{warning} missing from:\n{shown}");
    // In the grid too: the booking is marked ⚠ instead of ●.
    assert!(
        shown.contains(&format!("⚠{}", at.format("%H:%M"))),
        "{shown}"
    );
}

#[test]
fn days_weeks_and_months_move_the_selection() {
    let mut app = calendar();
    let cases: [(&str, NaiveDate); 8] = [
        ("l", day(2026, 11, 24)),
        ("h", day(2026, 11, 23)),
        ("j", day(2026, 11, 30)),
        // Across the month boundary: December is shown.
        ("l", day(2026, 12, 1)),
        ("k", day(2026, 11, 24)),
        ("]", day(2026, 12, 24)),
        ("[", day(2026, 11, 24)),
        ("t", day(2026, 11, 23)),
    ];
    for (keys, want) in cases {
        press(&mut app, keys);
        assert_eq!(view(&app).selected, want, "after {keys}");
    }
    // The month follows the selection, and its events are read again.
    press(&mut app, "jl");
    let v = view(&app);
    assert_eq!(v.month().from, day(2026, 12, 1));
    assert!(v.events.iter().all(|e| e.day >= day(2026, 12, 1)));
    assert!(screen(&app, 80, 24).contains("December 2026"));
    // t comes back to today from another month.
    press(&mut app, "t");
    assert_eq!(view(&app).selected, day(2026, 11, 23));
}

#[test]
fn months_keep_the_day_clamped_to_the_month_end() {
    let mut app = calendar();
    // 23 Nov -> 31 Dec by weeks and days, then a month on: 31 January, then 28 February.
    press(&mut app, "]");
    while view(&app).selected < day(2026, 12, 31) {
        press(&mut app, "l");
    }
    press(&mut app, "]");
    assert_eq!(view(&app).selected, day(2027, 1, 31));
    press(&mut app, "]");
    assert_eq!(view(&app).selected, day(2027, 2, 28));
    // Page keys do the same as [ and ].
    key(&mut app, KeyCode::PageUp);
    assert_eq!(view(&app).selected, day(2027, 1, 28));
}

#[test]
fn an_empty_month_says_so() {
    let mut app = calendar();
    // Far back, before the demo's history: nothing booked, nothing due.
    for _ in 0..60 {
        press(&mut app, "[");
    }
    let v = view(&app);
    assert!(v.events.is_empty(), "{:?}", v.events);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("No interviews booked or due in"), "{shown}");
}

#[test]
fn any_terminal_size_draws() {
    let mut app = calendar();
    press(&mut app, "l");
    for (w, h) in [
        (1, 1),
        (3, 3),
        (20, 6),
        (40, 10),
        (79, 23),
        (120, 40),
        (300, 90),
    ] {
        let shown = screen(&app, w, h);
        assert_eq!(shown.lines().count(), usize::from(h), "{w}x{h}");
    }
}

#[test]
fn esc_and_q_close_the_calendar() {
    let mut app = calendar();
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    press(&mut app, "C");
    assert!(matches!(app.overlay, Some(Overlay::Calendar(_))));
    press(&mut app, "q");
    assert_eq!(app.overlay, None);
    assert!(!app.quit, "q closes the view, it does not quit");
}
