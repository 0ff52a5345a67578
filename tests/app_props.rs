//! Random key sequences never panic the dashboard, keep every selection in range, and every
//! frame drawn after them fits the terminal, at sizes from tiny to wide.

use chrono::{TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, Rules, update};
use hearback::core::business_time::Calendar;
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
        calendar: Calendar::default(),
        questions: QuestionSet::defaults(),
    };
    App::new(data, rules, now(), true, "/data".into(), "tester".into())
}

/// Keys weighted towards the ones bound somewhere, plus arbitrary characters and modifiers.
fn key() -> impl Strategy<Value = KeyEvent> {
    let bound = prop::sample::select(vec![
        'q', '?', '1', '2', '3', '4', 'j', 'k', 'g', 'G', '/', 's', 'a', 'w', 'c', 'z', 'x', 'o',
        'h', 'l', 'H', 'L', '<', '>', 'd', '+',
    ]);
    let code = prop_oneof![
        6 => bound.prop_map(KeyCode::Char),
        2 => any::<char>().prop_map(KeyCode::Char),
        1 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Tab, KeyCode::BackTab, KeyCode::Backspace, KeyCode::Delete,
            KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right, KeyCode::Home, KeyCode::End,
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

/// Feeds keys, answering effects the way the runtime would (saves succeed or fail).
fn drive(app: &mut App, keys: &[KeyEvent], fail_every: usize) {
    let mut n = 0;
    for k in keys {
        let effects = update(app, Msg::Key(*k));
        for e in effects {
            if let Effect::Commit { changes, label } = e {
                n += 1;
                let result = if fail_every > 0 && n % fail_every == 0 {
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
        drive(&mut app, &keys, fail_every);
        check_selections(&app)?;
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        let frame = terminal.draw(|f| hearback::ui::render(&app, f)).expect("draws");
        prop_assert_eq!(frame.area, ratatui::layout::Rect::new(0, 0, w, h));
        // Every cell written is inside the buffer (ratatui would panic otherwise) and the
        // buffer has exactly the terminal's size.
        prop_assert_eq!(frame.buffer.content.len(), usize::from(w) * usize::from(h));
    }
}
