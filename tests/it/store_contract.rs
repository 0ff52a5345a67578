//! The store seam's contract: what the app and the command line rely on from any store, run
//! against the sled store and the in-memory store alike. A third store (a shared one) adds
//! one line to `both!` and must pass the same tests.

use crate::common;

use common::*;
use hearback::core::*;
use hearback::store::{DataRead, DataStore, MemoryStore, Store, codec};

/// A store to test, and what keeps it alive (the sled store's directory).
type Opened = (Box<dyn DataStore>, Option<tempfile::TempDir>);

fn sled_store() -> Opened {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("data")).expect("opens");
    (Box::new(store), Some(dir))
}

fn memory_store() -> Opened {
    (Box::new(MemoryStore::new()), None)
}

/// Runs each contract test against each store.
macro_rules! both {
    ($($test:ident),* $(,)?) => {
        mod sled {
            $(#[test] fn $test() { super::$test(&*super::sled_store().0); })*
        }
        mod memory {
            $(#[test] fn $test() { super::$test(&*super::memory_store().0); })*
        }
    };
}

both!(
    what_was_committed_loads_back_in_id_order,
    a_record_saved_again_replaces_the_old_one,
    a_timeline_is_one_customers_events_by_time_then_save_order,
    drafts_are_saved_replaced_and_removed,
    a_commit_with_a_record_too_large_writes_nothing,
    an_empty_store_loads_empty,
);

fn an_empty_store_loads_empty(store: &dyn DataStore) {
    assert_eq!(store.load().expect("loads"), Dataset::default());
    assert_eq!(store.events().expect("events"), vec![]);
    assert_eq!(store.drafts().expect("drafts"), vec![]);
    assert!(!store.is_poisoned());
}

fn what_was_committed_loads_back_in_id_order(store: &dyn DataStore) {
    // Saved out of id order, in two commits: read back in id order.
    let mut later = ChangeSet::new();
    later.push(Change::Customer(customer(300, "Zephyr Haulage", 9_000)));
    later.push(Change::Staff(staff(7, "Ola Nilsen", vec![Role::Executive])));
    let durable = store.commit(&later).expect("commits");
    assert_eq!(durable.records, 2);
    let durable = store.commit(&one_of_each()).expect("commits");
    assert_eq!(durable.records, 11);

    let data = store.load().expect("loads");
    let ids: Vec<u64> = data.customers.iter().map(|c| c.id.0).collect();
    assert_eq!(ids, vec![10, 300]);
    let staff_ids: Vec<u64> = data.staff.iter().map(|s| s.id.0).collect();
    assert_eq!(staff_ids, vec![1, 7]);
    assert_eq!(data.customers[0], customer(10, "Acme Freight", 125_000_000));
    assert_eq!(data.interviews, vec![interview(20, 10)]);
    assert_eq!(data.followups, vec![followup(30)]);
    assert_eq!(data.actions, vec![action(40)]);
    assert_eq!(data.deliverables, vec![deliverable(50)]);
    assert_eq!(data.snoozes, vec![snooze()]);
    assert_eq!(data.monitors, vec![monitor(65)]);
    assert_eq!(data.requests, vec![request(60)]);
    assert_eq!(store.events().expect("events"), vec![event(31)]);
}

fn a_record_saved_again_replaces_the_old_one(store: &dyn DataStore) {
    store.commit(&one_of_each()).expect("commits");
    let mut renamed = customer(10, "Acme Freight Ltd", 125_000_000);
    renamed.archived = true;
    let mut moved = snooze();
    moved.until = at(9_000);
    let mut set = ChangeSet::new();
    set.push(Change::Customer(renamed.clone()));
    set.push(Change::Snooze(moved.clone()));
    store.commit(&set).expect("commits");
    let data = store.load().expect("loads");
    assert_eq!(data.customers, vec![renamed]);
    assert_eq!(
        data.snoozes,
        vec![moved],
        "a snooze is keyed by its queue item"
    );
}

fn a_timeline_is_one_customers_events_by_time_then_save_order(store: &dyn DataStore) {
    let of = |customer: u64, minutes: i64, summary: &str| TimelineEvent {
        customer: CustomerId(customer),
        summary: summary.into(),
        ..event(minutes)
    };
    let mut first = ChangeSet::new();
    first.push(Change::Event(of(10, 60, "third")));
    first.push(Change::Event(of(11, 0, "another customer")));
    first.push(Change::Event(of(10, 0, "first")));
    store.commit(&first).expect("commits");
    let mut second = ChangeSet::new();
    // Same instant as "first": after it, in the order saved; nothing overwritten.
    second.push(Change::Event(of(10, 0, "second")));
    second.push(Change::Event(of(10, -90_000, "before everything")));
    store.commit(&second).expect("commits");

    let summaries = |events: Vec<TimelineEvent>| -> Vec<String> {
        events.into_iter().map(|e| e.summary).collect()
    };
    assert_eq!(
        summaries(store.timeline(CustomerId(10)).expect("timeline")),
        vec!["before everything", "first", "second", "third"]
    );
    assert_eq!(
        summaries(store.timeline(CustomerId(11)).expect("timeline")),
        vec!["another customer"]
    );
    assert_eq!(store.timeline(CustomerId(12)).expect("timeline"), vec![]);
    assert_eq!(store.events().expect("events").len(), 5);
    assert_eq!(store.load().expect("loads"), Dataset::default());
}

fn draft(id: u64, location: &str) -> Draft {
    let mut interview = Interview::booked(InterviewId(id), CustomerId(10), Trigger::Cadence, at(0));
    interview.location = Some(location.into());
    Draft {
        interview,
        cursor: DraftCursor::default(),
        saved_at: at(1),
    }
}

fn drafts_are_saved_replaced_and_removed(store: &dyn DataStore) {
    store.save_draft(draft(21, "old")).expect("saves");
    store.save_draft(draft(20, "kept")).expect("saves");
    store.save_draft(draft(21, "new")).expect("saves");
    assert_eq!(
        store.drafts().expect("drafts"),
        vec![draft(20, "kept"), draft(21, "new")]
    );
    store
        .remove_drafts(&[InterviewId(21), InterviewId(99)])
        .expect("removes");
    assert_eq!(store.drafts().expect("drafts"), vec![draft(20, "kept")]);
    // A draft is no interview: the dataset does not show it.
    assert!(store.load().expect("loads").interviews.is_empty());
}

fn a_commit_with_a_record_too_large_writes_nothing(store: &dyn DataStore) {
    let mut huge = customer(11, "Huge", 1);
    huge.prebrief.problems = "x".repeat(codec::MAX_RECORD_BYTES);
    let mut set = one_of_each();
    set.push(Change::Customer(huge));
    assert!(store.commit(&set).is_err(), "too large to save");
    assert_eq!(store.load().expect("loads"), Dataset::default());
    assert_eq!(store.events().expect("events"), vec![]);
    // Refused, not broken: the next commit goes through.
    store.commit(&one_of_each()).expect("commits");
    assert_eq!(store.load().expect("loads").customers.len(), 1);
}

#[test]
fn a_memory_store_that_refuses_writes_says_so_and_keeps_what_it_had() {
    let store = MemoryStore::new();
    store.commit(&one_of_each()).expect("commits");
    store.refuse_writes();
    assert!(store.is_poisoned());
    let err = store
        .commit(&one_of_each())
        .expect_err("refused after a failure");
    assert!(err.to_string().starts_with("not saved"), "{err}");
    assert_eq!(store.load().expect("loads").customers.len(), 1);
}
