//! Random key sequences never panic the dashboard, keep every selection in range, and every
//! frame drawn after them fits the terminal, at sizes from tiny to wide.

use chrono::{TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, Rules, update};
use hearback::core::business_time::WorkWeek;
use hearback::core::policy::Policy;
use hearback::core::*;
use hearback::demo::{DemoOptions, generate};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::OnceLock;

fn now() -> Instant {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("valid")
}

fn base(empty: bool) -> App {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    let data = if empty {
        Dataset::default()
    } else {
        DATA.get_or_init(|| {
            let changes = generate(
                &DemoOptions {
                    customers: 12,
                    seed: 3,
                },
                now(),
                &mut IdAllocator::starting_at(1),
            );
            let mut d = Dataset::default();
            d.apply(&changes);
            d
        })
        .clone()
    };
    let rules = Rules {
        policy: Policy::default(),
        work_week: WorkWeek::default(),
        questions: QuestionSet::defaults(),
        keys: Default::default(),
        notifications: Default::default(),
    };
    App::new(data, rules, now(), true, "/data".into(), "tester".into())
}

/// Keys weighted towards the ones bound somewhere, plus arbitrary characters and modifiers.
fn key() -> impl Strategy<Value = KeyEvent> {
    let bound = prop::sample::select(vec![
        'q', '?', '1', '2', '3', '4', 'j', 'k', 'g', 'G', '/', 's', 'a', 'w', 'c', 'z', 'x', 'o',
        'h', 'l', 'H', 'L', '<', '>', 'd', '+', 'I', 'C', 'r', 'b', '[', ']', 't', 'y', 'e', 'v',
        'p', ' ',
    ]);
    let code = prop_oneof![
        6 => bound.prop_map(KeyCode::Char),
        2 => any::<char>().prop_map(KeyCode::Char),
        1 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Tab, KeyCode::BackTab, KeyCode::Backspace, KeyCode::Delete,
            KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right, KeyCode::Home, KeyCode::End,
            KeyCode::PageUp, KeyCode::PageDown,
        ]),
    ];
    let mods = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
    ]);
    (code, mods).prop_map(|(c, m)| KeyEvent::new(c, m))
}

/// Feeds one key, answering effects the way the runtime would: the `n`-th save (counted over
/// the whole run) fails when `fail_every` divides it.
fn step(app: &mut App, k: KeyEvent, fail_every: usize, n: &mut usize) {
    for e in update(app, Msg::Key(k)) {
        if let Effect::Commit { changes, label } = e {
            *n += 1;
            let result = if fail_every > 0 && (*n).is_multiple_of(fail_every) {
                Err("disk full".into())
            } else {
                Ok(())
            };
            update(
                app,
                Msg::Saved {
                    changes,
                    label,
                    result,
                },
            );
        }
    }
}

/// Feeds keys until the app quits.
fn drive(app: &mut App, keys: &[KeyEvent], fail_every: usize) {
    let mut n = 0;
    for k in keys {
        step(app, *k, fail_every, &mut n);
        if app.quit {
            break;
        }
    }
}

fn check_selections(app: &App) -> Result<(), TestCaseError> {
    prop_assert!(
        app.customer_rows().is_empty() || app.customers.selected < app.customer_rows().len()
    );
    prop_assert!(app.queue_rows().is_empty() || app.queue.selected < app.queue_rows().len());
    prop_assert!(app.actions.column < 4);
    Ok(())
}

/// What the panes list after any history equals what a new app over the same data, filter,
/// sort and show-all lists: the positions the panes remember are never stale.
fn check_views_are_fresh(app: &App) -> Result<(), TestCaseError> {
    let mut fresh = App::new(
        app.data.clone(),
        app.rules.clone(),
        app.now,
        app.fixed_now,
        "/data".into(),
        "tester".into(),
    );
    fresh.customers.filter = app.customers.filter.clone();
    fresh.customers.sort = app.customers.sort;
    fresh.queue.show_all = app.queue.show_all;
    let customers = |a: &App| {
        a.customer_rows()
            .iter()
            .map(|r| r.customer.id)
            .collect::<Vec<_>>()
    };
    prop_assert_eq!(customers(app), customers(&fresh));
    let queue = |a: &App| a.queue_rows().iter().map(|i| i.key()).collect::<Vec<_>>();
    prop_assert_eq!(queue(app), queue(&fresh));
    for column in 0..4 {
        let cards = |a: &App| a.cards(column).iter().map(|c| c.id).collect::<Vec<_>>();
        prop_assert_eq!(cards(app), cards(&fresh));
    }
    prop_assert_eq!(app.overdue_cards(), fresh.overdue_cards());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn random_keys_never_panic_and_frames_fit(
        keys in prop::collection::vec(key(), 0..120),
        empty in prop::bool::weighted(0.15),
        fail_every in 0usize..4,
        (w, h) in (1u16..220, 1u16..70),
    ) {
        let mut app = base(empty);
        // As the runtime does at start: the app is told the terminal's size.
        update(&mut app, Msg::Resize { width: w, height: h });
        drive(&mut app, &keys, fail_every);
        check_selections(&app)?;
        check_views_are_fresh(&app)?;
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        let frame = terminal.draw(|f| hearback::ui::render(&app, f)).expect("draws");
        prop_assert_eq!(frame.area, ratatui::layout::Rect::new(0, 0, w, h));
        // Every cell written is inside the buffer (ratatui would panic otherwise) and the
        // buffer has exactly the terminal's size.
        prop_assert_eq!(frame.buffer.content.len(), usize::from(w) * usize::from(h));
    }
}

/// How many keys the long run feeds in all: `HEARBACK_KEYS`, else one million in an optimised
/// build (`cargo test --release --test it app_props::`, which CI runs) and 20,000 in a debug build,
/// where each frame costs ~1.5 ms and a million would take 25 minutes.
fn total_keys() -> u32 {
    let default = if cfg!(debug_assertions) {
        20_000
    } else {
        1_000_000
    };
    std::env::var("HEARBACK_KEYS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Keys per case of the long run: long enough to wander deep into forms and views.
const KEYS_PER_CASE: u32 = 2_000;

proptest! {
    // One million keys in all (release), each followed by a full frame: 500 cases of 2,000.
    #![proptest_config(ProptestConfig {
        cases: total_keys().div_ceil(KEYS_PER_CASE),
        // Shrinking a 2,000-key case would take long; the failing case is printed as is.
        max_shrink_iters: 0,
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_million_random_keys_each_followed_by_a_frame(
        keys in prop::collection::vec(key(), KEYS_PER_CASE as usize),
        empty in prop::bool::weighted(0.05),
        fail_every in 0usize..4,
        (w, h) in prop::sample::select(vec![(80u16, 24u16), (200, 60), (120, 40), (30, 8)]),
    ) {
        let mut app = base(empty);
        update(&mut app, Msg::Resize { width: w, height: h });
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        let mut saves = 0;
        for k in &keys {
            step(&mut app, *k, fail_every, &mut saves);
            if app.quit {
                break;
            }
            terminal.draw(|f| hearback::ui::render(&app, f)).expect("draws");
        }
        check_selections(&app)?;
    }
}
