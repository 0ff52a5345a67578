//! The action board marks a card late exactly when the queue says its item is overdue: one
//! rule (`core::lateness`), the same boundary, the same answer for a card without a due date.

use crate::common;

use common::dashboard::{now, rules, screen};
use common::{action, customer};
use hearback::app::{App, Msg, update};
use hearback::core::queue::{DueState, ItemKind, Subject};
use hearback::core::*;

/// Three open cards: one without a due date, one due exactly now, one due a minute ago.
fn app() -> App {
    let mut set = ChangeSet::new();
    set.push(Change::Customer(customer(10, "Acme Freight", 125_000_000)));
    let cards = [
        (41, None, "Undated fix"),
        (42, Some(now()), "Due now fix"),
        (43, Some(now() - chrono::Duration::minutes(1)), "Late fix"),
    ];
    for (id, due, title) in cards {
        set.push(Change::Action(ActionItem {
            due,
            title: title.into(),
            followup: None,
            interview: None,
            created_at: now() - chrono::Duration::days(2),
            ..action(id)
        }));
    }
    let mut data = Dataset::default();
    data.apply(&set);
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
fn a_card_is_late_exactly_when_its_queue_item_is_overdue() {
    let mut app = app();
    let overdue: Vec<Subject> = app
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::ActionItem && i.state == DueState::Overdue)
        .map(|i| i.subject)
        .collect();
    assert_eq!(
        overdue,
        [Subject::Action(ActionId(41)), Subject::Action(ActionId(43))]
    );
    assert_eq!(app.overdue_cards(), overdue.len());
    let key = |c| {
        Msg::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        ))
    };
    update(&mut app, key('4'));
    let text = screen(&app, 200, 60);
    assert!(text.contains("2 overdue"), "{text}");
    assert!(text.contains("! Undated fix"), "{text}");
    assert!(text.contains("! Late fix"), "{text}");
    assert!(!text.contains("! Due now fix"), "{text}");
}
