//! Undo of a saved step, case by case: what goes back, what is refused, and the window.

use crate::common;

use common::{at, customer, followup, interview, snooze};
use hearback::core::undo::{UNDO_WINDOW, Undo, UndoError};
use hearback::core::*;

fn before() -> Dataset {
    let mut data = Dataset::default();
    let mut set = ChangeSet::new();
    set.push(Change::Customer(customer(10, "Acme Freight", 125_000_000)));
    set.push(Change::Interview(interview(20, 10)));
    set.push(Change::FollowUp(followup(30)));
    data.apply(&set);
    data
}

fn one(change: Change) -> ChangeSet {
    let mut set = ChangeSet::new();
    set.push(change);
    set
}

#[test]
fn a_changed_record_goes_back_to_how_it_was() {
    let data = before();
    let mut assigned = followup(30);
    assigned.owner = Some(StaffId(9));
    let undo = Undo::of(
        &data,
        &one(Change::FollowUp(assigned)),
        "F30 assigned",
        at(0),
    )
    .expect("undoable");
    let set = undo.change_set("Dana Reyes", at(5)).expect("in time");
    assert_eq!(set.changes[0], Change::FollowUp(followup(30)));
    match &set.changes[1] {
        Change::Event(e) => {
            assert_eq!(e.kind, EventKind::Undone);
            assert_eq!(e.summary, "Undone: F30 assigned");
            assert_eq!((e.customer, e.at), (CustomerId(10), at(5)));
        }
        other => panic!("no event: {other:?}"),
    }
}

#[test]
fn a_new_booking_is_cancelled_and_a_new_snooze_ends_at_once() {
    let data = before();
    let mut booked = interview(21, 10);
    booked.status = InterviewStatus::Scheduled;
    let mut set = one(Change::Interview(booked.clone()));
    set.push(Change::Snooze(snooze()));
    let undo = Undo::of(&data, &set, "booked", at(0)).expect("undoable");
    let back = undo.change_set("Dana Reyes", at(1)).expect("in time");
    match &back.changes[0] {
        Change::Interview(i) => {
            assert_eq!((i.id, i.status), (booked.id, InterviewStatus::Cancelled))
        }
        other => panic!("{other:?}"),
    }
    match &back.changes[1] {
        Change::Snooze(s) => assert_eq!(s.until, s.at, "the snooze hides nothing"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn new_records_and_recordings_are_refused() {
    let data = before();
    let cases = [
        (
            Change::FollowUp(followup(31)),
            "opening a follow-up cannot be undone",
        ),
        (
            Change::DiscardDraft(InterviewId(20)),
            "recording an interview cannot be undone",
        ),
        (
            Change::Customer(customer(11, "Beta", 1)),
            "adding a customer cannot be undone",
        ),
    ];
    for (change, said) in cases {
        let err = Undo::of(&data, &one(change), "x", at(0)).expect_err("refused");
        assert_eq!(err.to_string(), said);
    }
}

#[test]
fn the_window_closes_after_ten_minutes() {
    let data = before();
    let mut assigned = followup(30);
    assigned.owner = Some(StaffId(9));
    let undo = Undo::of(
        &data,
        &one(Change::FollowUp(assigned)),
        "F30 assigned",
        at(0),
    )
    .expect("undoable");
    assert!(undo.change_set("a", at(0) + UNDO_WINDOW).is_ok());
    let late = undo
        .change_set("a", at(0) + UNDO_WINDOW + chrono::Duration::seconds(1))
        .expect_err("too late");
    assert!(matches!(late, UndoError::TooLate { .. }));
}
