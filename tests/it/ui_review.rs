//! The weekly review view (`W`) driven by real keys on a dashboard over the hand-computed week
//! of `review.rs`, at Wednesday 25 Nov 12:00: it opens on the current week, `[`/`]`/`t` move
//! between weeks (never past the current one), j/k scroll, Esc closes, a save refreshes it;
//! drawn at 80x24 and 200x60.
//!
//! Update after an intended change: `INSTA_UPDATE=always cargo test --test it ui_review::`,
//! then read the diff of `tests/snapshots/`.

use crate::common;

use chrono::{TimeZone, Utc};
use common::dashboard::{SIZES, rules, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Msg, Overlay, ReviewView, update};
use hearback::core::{ActionId, ActionState, Change, ChangeSet, Dataset};

fn app() -> App {
    let mut data = Dataset::default();
    data.apply(&super::review::fixture());
    let now = Utc
        .with_ymd_and_hms(2026, 11, 25, 12, 0, 0)
        .single()
        .expect("valid");
    App::new(
        data,
        rules(),
        now,
        true,
        "/data/hearback".into(),
        "tester".into(),
    )
}

fn key(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn view(app: &App) -> &ReviewView {
    match &app.overlay {
        Some(Overlay::Review(v)) => v,
        other => panic!("the weekly review is not open: {other:?}"),
    }
}

#[test]
fn weekly_review_snapshots() {
    let mut a = app();
    press(&mut a, "W[");
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("review_{w}x{h}"), screen(&a, w, h));
    }
}

#[test]
fn keys_move_between_weeks_but_not_past_this_one_and_scroll() {
    let mut a = app();
    press(&mut a, "W");
    let this_week = view(&a).since;
    assert!(view(&a).lines[0].contains("so far, to Wed 25 Nov 12:00"));
    press(&mut a, "]");
    assert_eq!(view(&a).since, this_week, "the week after has not started");
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.contains("not started")),
        "{:?}",
        a.message
    );
    press(&mut a, "[[");
    assert_eq!((this_week - view(&a).since).num_days(), 14);
    press(&mut a, "]");
    assert_eq!(view(&a).review.done.len(), 11, "the hand-computed week");
    press(&mut a, "jjj");
    assert_eq!(view(&a).scroll, 3);
    press(&mut a, "k");
    assert_eq!(view(&a).scroll, 2);
    press(&mut a, "G");
    assert_eq!(usize::from(view(&a).scroll), view(&a).lines.len() - 1);
    press(&mut a, "t");
    assert_eq!(view(&a).since, this_week);
    assert_eq!(view(&a).scroll, 0);
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.overlay, None);
}

#[test]
fn a_save_while_it_is_open_shows_at_once() {
    let mut a = app();
    press(&mut a, "W");
    assert_eq!(view(&a).review.overdue.len(), 2);
    // A41, overdue since Tue 17 Nov, is done now.
    let mut done = a
        .data
        .actions
        .iter()
        .find(|x| x.id == ActionId(41))
        .cloned()
        .expect("A41");
    done.state = ActionState::Done;
    done.done_at = Some(a.now);
    let mut changes = ChangeSet::new();
    changes.push(Change::Action(done));
    update(
        &mut a,
        Msg::Saved {
            changes,
            label: "A41 done".into(),
            result: Ok(()),
        },
    );
    let v = view(&a);
    assert_eq!(v.review.overdue.len(), 1, "A41 is no longer overdue");
    assert!(
        v.lines
            .iter()
            .any(|l| l.contains("Action done") && l.contains("A41")),
        "{:#?}",
        v.lines
    );
}

#[test]
fn over_open_work_only_it_reads_the_history_first() {
    let full = {
        let mut data = Dataset::default();
        data.apply(&super::review::fixture());
        data
    };
    let mut a = app();
    a.data = hearback::core::open_work::open_part(&full);
    a.recompute();
    assert!(!a.has_history());
    let effects = update(
        &mut a,
        Msg::Key(KeyEvent::new(KeyCode::Char('W'), KeyModifiers::NONE)),
    );
    assert_eq!(effects, vec![hearback::app::Effect::LoadHistory]);
    assert_eq!(a.overlay, None, "nothing opens on half the records");
    update(&mut a, Msg::History(Ok(full)));
    // Closed work (F30, F32) is history: it is in the review once the history is here.
    press(&mut a, "[");
    assert_eq!(view(&a).review.done.len(), 11);
}
