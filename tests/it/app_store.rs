//! The dashboard's state machine and a store, without a disk or a terminal: keys go to
//! `update`, the commits it asks for go to an in-memory store as the runtime's save worker
//! sends them, and the answers come back as messages. What the store holds afterwards is what
//! a restart would show.

use crate::common;

use common::dashboard::{demo_changes, now, rules};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, SaveState, update};
use hearback::core::queue::{Item, ItemKind};
use hearback::store::{DataRead, DataStore, MemoryStore};

/// A dashboard over what `store` holds, at the tests' fixed time.
fn open(store: &dyn DataStore) -> App {
    let data = store.load().expect("loads");
    App::new(data, rules(), now(), true, "memory".into(), "tester".into())
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    keys.chars()
        .flat_map(|c| {
            update(
                app,
                Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            )
        })
        .collect()
}

/// Does what the runtime's worker does with the effects that reach the store, in order, and
/// hands each answer back to the app. Returns how many commits were sent.
fn run(app: &mut App, store: &dyn DataStore, effects: Vec<Effect>) -> usize {
    let mut commits = 0;
    for effect in effects {
        let answer = match effect {
            Effect::Commit { changes, label } => {
                commits += 1;
                let result = store
                    .commit(&changes)
                    .map(|_| ())
                    .map_err(|e| format!("{e}. {}", e.advice()));
                Msg::Saved {
                    changes,
                    label,
                    result,
                }
            }
            Effect::LoadTimeline(id) => {
                Msg::Timeline(id, store.timeline(id).map_err(|e| e.to_string()))
            }
            _ => continue,
        };
        let more = update(app, answer);
        commits += run(app, store, more);
    }
    commits
}

/// Selects the first acknowledgement in the queue and returns it.
fn first_acknowledgement(app: &mut App) -> Item {
    press(app, "2");
    let at = app
        .queue_rows()
        .iter()
        .position(|i| i.kind == ItemKind::Acknowledge)
        .expect("the demo has an acknowledgement due");
    app.queue.selected = at;
    app.clamp_selections();
    app.selected_item().expect("selected").clone()
}

fn has(app: &App, item: &Item) -> bool {
    app.items.iter().any(|i| i.key() == item.key())
}

#[test]
fn a_step_taken_on_the_dashboard_is_in_the_store_after_a_restart() {
    let store = MemoryStore::new();
    store.commit(&demo_changes(40, 7)).expect("demo data");
    let mut app = open(&store);
    let item = first_acknowledgement(&mut app);
    let events_before = store.timeline(item.customer).expect("timeline").len();

    let effects = press(&mut app, "x");
    assert_eq!(run(&mut app, &store, effects), 1);
    assert_eq!(app.save, SaveState::Saved);
    assert!(!has(&app, &item), "discharged on the screen");

    // A new dashboard on the same store: the step is there, and on the customer's timeline.
    let again = open(&store);
    assert!(!has(&again, &item), "discharged in the store");
    let events = store.timeline(item.customer).expect("timeline");
    assert_eq!(events.len(), events_before + 1, "one event recorded");
}

#[test]
fn a_save_the_store_refuses_changes_nothing_and_the_dashboard_says_so() {
    let store = MemoryStore::new();
    store.commit(&demo_changes(40, 7)).expect("demo data");
    let mut app = open(&store);
    let item = first_acknowledgement(&mut app);
    store.refuse_writes();

    let effects = press(&mut app, "x");
    assert_eq!(run(&mut app, &store, effects), 1);
    assert!(has(&app, &item), "still owed on the screen");
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("not saved"), "{said}");
    assert!(has(&open(&store), &item), "still owed in the store");
}
