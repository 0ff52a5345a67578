//! The registry is the one place a pane is declared: these walk [`Pane::ALL`], so a pane
//! added to it is checked without a line here (its focus key, its key context, Tab, and that
//! the movement keys, clamping and countdowns reach it).

use super::Pane;
use crate::app::{App, Msg, Overlay, Rules, update};
use crate::core::business_time::WorkWeek;
use crate::core::policy::Policy;
use crate::core::{Dataset, IdAllocator, Instant, QuestionSet};
use crate::demo::{DemoOptions, generate};
use crate::keymap::{Action, DEFAULTS, KeyContext};
use chrono::{TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn now() -> Instant {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("valid")
}

fn app_over(data: Dataset) -> App {
    let rules = Rules {
        policy: Policy::default(),
        work_week: WorkWeek::default(),
        questions: QuestionSet::defaults(),
        keys: Default::default(),
        notifications: Default::default(),
    };
    App::new(data, rules, now(), true, "/data".into(), "tester".into())
}

/// The demo programme (40 customers): every pane has rows.
fn demo() -> App {
    let mut data = Dataset::default();
    let options = DemoOptions {
        customers: 40,
        seed: 7,
    };
    data.apply(&generate(&options, now(), &mut IdAllocator::starting_at(1)));
    app_over(data)
}

fn press(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn cursor(app: &mut App, pane: Pane) -> usize {
    *pane.kind().cursor(app)
}

#[test]
fn every_pane_has_a_focus_key_and_no_key_focuses_a_pane_that_is_not_there() {
    let mut app = demo();
    for (n, pane) in Pane::ALL.into_iter().enumerate() {
        let bound: Vec<KeyCode> = DEFAULTS
            .iter()
            .filter(|b| b.context == KeyContext::Global && b.action == Action::Focus(n))
            .map(|b| b.code)
            .collect();
        let digit = char::from_digit(u32::try_from(n + 1).unwrap_or(0), 10);
        assert_eq!(
            bound,
            digit.map(KeyCode::Char).into_iter().collect::<Vec<_>>(),
            "pane {pane:?} is number {} of the registry: its focus key is that digit",
            n + 1
        );
        let other = Pane::ALL[(n + 1) % Pane::ALL.len()];
        app.focus = other;
        if let Some(&code) = bound.first() {
            press(&mut app, code);
        }
        assert_eq!(app.focus, pane, "its key focuses it");
    }
    for b in DEFAULTS {
        if let Action::Focus(n) = b.action {
            assert!(n < Pane::ALL.len(), "{:?} focuses pane {n}: none", b.code);
        }
    }
}

#[test]
fn every_pane_has_its_own_key_table_and_title() {
    let mut app = demo();
    for (n, pane) in Pane::ALL.into_iter().enumerate() {
        app.focus = pane;
        assert_eq!(app.key_context(), pane.context(), "{pane:?} takes its keys");
        assert!(!pane.context().is_modal() && pane.context() != KeyContext::Global);
        assert!(
            DEFAULTS.iter().any(|b| b.context == pane.context()),
            "{pane:?} has keys of its own"
        );
        assert!(!pane.title().is_empty());
        for other in &Pane::ALL[n + 1..] {
            assert_ne!(pane.context(), other.context(), "{pane:?} and {other:?}");
            assert_ne!(pane.title(), other.title(), "{pane:?} and {other:?}");
        }
    }
}

#[test]
fn tab_visits_every_pane_in_registry_order_and_back() {
    let mut app = demo();
    app.focus = Pane::ALL[0];
    for pane in Pane::ALL.into_iter().skip(1).chain([Pane::ALL[0]]) {
        press(&mut app, KeyCode::Tab);
        assert_eq!(app.focus, pane);
    }
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, *Pane::ALL.last().expect("panes"));
}

#[test]
fn movement_keys_move_the_focused_panes_cursor_only() {
    let mut app = demo();
    for pane in Pane::ALL {
        app.focus = pane;
        let len = pane.kind().len(&app);
        assert!(len >= 2, "the demo gives {pane:?} rows to move over");
        let others: Vec<usize> = Pane::ALL
            .into_iter()
            .filter(|p| *p != pane)
            .map(|p| cursor(&mut app, p))
            .collect();
        press(&mut app, KeyCode::Char('g'));
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(cursor(&mut app, pane), 1, "{pane:?}: j moves down");
        press(&mut app, KeyCode::Char('G'));
        assert_eq!(cursor(&mut app, pane), len - 1, "{pane:?}: G to the last");
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(cursor(&mut app, pane), len - 1, "{pane:?}: never past it");
        let after: Vec<usize> = Pane::ALL
            .into_iter()
            .filter(|p| *p != pane)
            .map(|p| cursor(&mut app, p))
            .collect();
        assert_eq!(others, after, "{pane:?}'s keys leave the other panes alone");
    }
}

#[test]
fn clamping_brings_every_panes_cursor_into_its_list() {
    let mut app = demo();
    for pane in Pane::ALL {
        *pane.kind().cursor(&mut app) = 1_000_000;
    }
    app.clamp_selections();
    for pane in Pane::ALL {
        let len = pane.kind().len(&app);
        assert_eq!(cursor(&mut app, pane), len.saturating_sub(1), "{pane:?}");
    }
    // And on an empty store every cursor is on row 0.
    let mut empty = app_over(Dataset::default());
    for pane in Pane::ALL {
        *pane.kind().cursor(&mut empty) = 7;
    }
    empty.clamp_selections();
    for pane in Pane::ALL {
        assert_eq!(cursor(&mut empty, pane), 0, "{pane:?}");
    }
}

#[test]
fn countdowns_are_the_panes_to_report() {
    let mut app = demo();
    let counting: Vec<Pane> = Pane::ALL
        .into_iter()
        .filter(|p| p.kind().has_countdowns(&app))
        .collect();
    assert_eq!(counting, [Pane::Queue, Pane::Interview]);
    assert!(app.has_countdowns());
    // An overlay hides the bookings' countdowns; the queue's still count.
    app.overlay = Some(Overlay::Help);
    assert!(!Pane::Interview.kind().has_countdowns(&app));
    assert!(app.has_countdowns());
    assert!(!app_over(Dataset::default()).has_countdowns());
}
