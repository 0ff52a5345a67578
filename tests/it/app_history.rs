//! The dashboard started from open work (issue 15): the panes show what they show over the
//! whole history, and a view that shows history reads it first, once, then opens.

use crate::common;

use common::dashboard::{demo_data, now, rules, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, Overlay, update};
use hearback::core::open_work::open_part;
use hearback::core::{ActionState, Dataset};

fn over(data: Dataset) -> App {
    App::new(
        data,
        rules(),
        now(),
        true,
        "/data/hearback".into(),
        "tester".into(),
    )
}

fn press(app: &mut App, keys: &[KeyCode]) -> Vec<Effect> {
    keys.iter()
        .flat_map(|&code| update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))))
        .collect()
}

fn chars(app: &mut App, keys: &str) -> Vec<Effect> {
    let codes: Vec<KeyCode> = keys.chars().map(KeyCode::Char).collect();
    press(app, &codes)
}

/// The demo with some of its history closed, so open work is really a part of it.
fn history() -> Dataset {
    let mut data = demo_data();
    for a in data.actions.iter_mut().take(3) {
        a.state = ActionState::FollowedUp;
    }
    data
}

#[test]
fn every_pane_over_open_work_shows_what_it_shows_over_the_whole_history() {
    let full = history();
    let open = open_part(&full);
    assert!(open.interviews.len() < full.interviews.len());
    for pane in ['1', '2', '3'] {
        let mut from_open = over(open.clone());
        let mut from_full = over(full.clone());
        // Zoomed, so the pane has the screen to itself.
        for app in [&mut from_open, &mut from_full] {
            assert!(chars(app, &format!("{pane}Z")).is_empty());
        }
        assert!(!from_open.has_history());
        assert_eq!(
            screen(&from_open, 200, 60),
            screen(&from_full, 200, 60),
            "pane {pane}"
        );
    }
}

#[test]
fn a_customer_opened_before_the_history_is_read_opens_once_it_is() {
    let full = history();
    let mut app = over(open_part(&full));
    let effects = press(&mut app, &[KeyCode::Char('1'), KeyCode::Enter]);
    assert_eq!(effects, vec![Effect::LoadHistory]);
    assert_eq!(app.overlay, None);
    assert!(screen(&app, 120, 30).contains("reading the history for this view"));
    // Asked once, however often the key is pressed meanwhile.
    assert!(press(&mut app, &[KeyCode::Enter]).is_empty());

    let effects = update(&mut app, Msg::History(Ok(full.clone())));
    assert!(app.has_history());
    let Some(Overlay::Customer { id, .. }) = app.overlay else {
        panic!("the customer opens: {:?}", app.overlay)
    };
    assert_eq!(effects, vec![Effect::LoadTimeline(id)]);

    // The same screen as a dashboard that had the history from the start.
    let mut whole = over(full);
    press(&mut whole, &[KeyCode::Char('1'), KeyCode::Enter]);
    assert_eq!(screen(&app, 120, 40), screen(&whole, 120, 40));
}

#[test]
fn the_followed_up_column_says_it_is_not_read_and_reads_it_when_moved_to() {
    let full = history();
    let followed_up = full
        .actions
        .iter()
        .filter(|a| a.state == ActionState::FollowedUp)
        .count();
    let mut app = over(open_part(&full));
    let first = screen(&app, 200, 60);
    for text in ["Followed up  ", "not read yet:", "move here to read"] {
        assert!(first.contains(text), "{text}: {first}");
    }
    assert!(chars(&mut app, "4ll").is_empty());
    assert_eq!(chars(&mut app, "l"), vec![Effect::LoadHistory]);
    assert!(screen(&app, 200, 60).contains("reading them…"));
    update(&mut app, Msg::History(Ok(full)));
    assert_eq!(app.actions.column, 3);
    assert_eq!(app.cards(3).len(), followed_up);
    assert!(screen(&app, 200, 60).contains(&format!("Followed up ({followed_up})")));
}

#[test]
fn a_failed_read_says_so_and_opens_nothing() {
    let mut app = over(open_part(&history()));
    chars(&mut app, "I");
    update(
        &mut app,
        Msg::History(Err("the disk is on fire. Run hearback check".into())),
    );
    assert_eq!(app.overlay, None);
    assert_eq!(
        app.message.as_deref(),
        Some("cannot read the history: the disk is on fire. Run hearback check")
    );
    // The next try asks again.
    assert_eq!(chars(&mut app, "I"), vec![Effect::LoadHistory]);
}

#[test]
fn data_read_back_after_a_change_from_outside_brings_the_history_back() {
    let full = history();
    let mut app = over(full.clone());
    let effects = update(
        &mut app,
        Msg::Remote {
            said: "hearback import customers x.csv (another terminal)".into(),
            data: Some(Ok(open_part(&full))),
        },
    );
    assert_eq!(effects, vec![Effect::LoadHistory]);
    update(&mut app, Msg::History(Ok(full)));
    assert!(app.has_history());
    assert_eq!(app.overlay, None);
}
