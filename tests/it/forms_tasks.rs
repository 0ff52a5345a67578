//! The dashboard's forms for the daily tasks that used to be command-line only (issue 14.3):
//! add an action (from a queue follow-up, a customer, the board), cancel or move a booked
//! interview, record a deliverable. Driven by real keys on the demo dashboard at a fixed `now`;
//! each form's change set must be exactly what the command line's core call makes.
//!
//! Here the helpers and the action forms; `forms_tasks_bookings` cancels and moves interviews,
//! `forms_tasks_customer` records deliverables, edits our people and checks the keys are shown.
//!
//! Update snapshots after an intended change: `INSTA_UPDATE=always cargo test --test it
//! forms_tasks::`, then read the diff of `tests/it/snapshots/`.

use crate::common;

use common::dashboard::{app, now, rules, save_all, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, Overlay, Prompt, update};
use hearback::core::action_flow::{self, NewAction};
use hearback::core::queue::{ItemKind, Subject};
use hearback::core::when::parse_when;
use hearback::core::{ActionKind, ChangeSet, CustomerId, IdAllocator};

pub(crate) fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

pub(crate) fn ctrl(app: &mut App, c: char) {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
}

/// Types text into the open form (no key of it may save anything).
pub(crate) fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        assert!(
            key(app, KeyCode::Char(c)).is_empty(),
            "typing saved something"
        );
    }
}

/// Presses the keys of `keys` as characters, outside any form.
pub(crate) fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in keys.chars() {
        effects.extend(key(app, KeyCode::Char(c)));
    }
    effects
}

pub(crate) fn prompt(app: &App) -> &Prompt {
    match &app.overlay {
        Some(Overlay::Prompt(p)) => p,
        other => panic!("no form open: {other:?}"),
    }
}

pub(crate) fn error(app: &App) -> String {
    prompt(app).error.clone().unwrap_or_default()
}

/// Fills the form's fields by label, in order, then submits from the last field.
pub(crate) fn fill(app: &mut App, values: &[(&str, &str)]) -> Vec<Effect> {
    let labels: Vec<&str> = prompt(app).fields.iter().map(|f| f.label).collect();
    let mut effects = Vec::new();
    for (n, label) in labels.iter().enumerate() {
        assert_eq!(prompt(app).focus, n, "focus on {label}");
        if let Some((_, v)) = values.iter().find(|(l, _)| l == label) {
            ctrl(app, 'u');
            typed(app, v);
        }
        effects = key(app, KeyCode::Enter);
        if n + 1 < labels.len() {
            assert!(effects.is_empty(), "Enter on {label} saved");
        }
    }
    effects
}

/// The one change set among `effects`.
pub(crate) fn committed(effects: &[Effect]) -> ChangeSet {
    let sets: Vec<&ChangeSet> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Commit { changes, .. } => Some(changes),
            _ => None,
        })
        .collect();
    assert_eq!(sets.len(), 1, "one commit expected: {effects:?}");
    sets[0].clone()
}

/// Selects the first low-score follow-up of the queue.
pub(crate) fn select_low_score(a: &mut App) -> hearback::core::FollowUp {
    press(a, "2");
    let rows = a.queue_rows();
    let row = rows
        .iter_from(0)
        .find(|(_, i)| i.kind == ItemKind::LowScoreFollowUp)
        .map(|(at, _)| at)
        .expect("the demo has a low-score follow-up in the queue");
    drop(rows);
    a.queue.selected = row;
    let Some(Subject::FollowUp(id)) = a.selected_item().map(|i| i.subject) else {
        panic!("a follow-up item");
    };
    a.data
        .followups
        .iter()
        .find(|f| f.id == id)
        .cloned()
        .expect("the follow-up")
}

pub(crate) fn customer_name(a: &App, id: CustomerId) -> String {
    a.data
        .customer(id)
        .map(|c| c.name.clone())
        .expect("a customer")
}

#[test]
fn an_action_from_a_low_score_followup_is_prefilled_linked_and_what_the_cli_saves() {
    let mut a = app();
    let f = select_low_score(&mut a);
    let name = customer_name(&a, f.customer);
    press(&mut a, "A");
    let p = prompt(&a);
    assert!(p.title.contains(&name), "{}", p.title);
    assert!(p.title.contains(&f.id.to_string()), "{}", p.title);
    assert!(
        !p.fields.iter().any(|f| f.label == "Customer"),
        "the customer is known: not asked"
    );
    insta::assert_snapshot!("action_from_followup_80x24", screen(&a, 80, 24));
    let owner = a.data.staff[0].clone();
    let before = a.data.clone();
    let effects = fill(
        &mut a,
        &[
            ("Title", "Fix the invoice run"),
            ("Kind", "c"),
            ("Owner", &owner.name),
            ("Due", "fri 17:00"),
            ("Detail", "root cause: the batch job"),
        ],
    );
    let got = committed(&effects);
    let due = parse_when("fri 17:00", now(), rules().work_week.offset).expect("a time");
    let (_, want) = action_flow::create(
        NewAction {
            customer: f.customer,
            kind: ActionKind::Corrective,
            title: "Fix the invoice run".into(),
            detail: "root cause: the batch job".into(),
            owner: Some(owner.id),
            due: Some(due),
            followup: Some(f.id),
            interview: Some(f.interview),
        },
        now(),
        "tester",
        &mut IdAllocator::after(&before).expect("ids"),
    )
    .expect("the CLI's core call");
    assert_eq!(got, want);
    assert_eq!(save_all(&mut a, effects), 1);
    assert!(a.overlay.is_none(), "{:?}", a.overlay);
}

#[test]
fn an_action_from_the_board_asks_for_the_customer_and_refuses_an_unknown_one() {
    let mut a = app();
    press(&mut a, "4A");
    assert_eq!(prompt(&a).fields[0].label, "Customer");
    let effects = fill(
        &mut a,
        &[
            ("Customer", "no such customer"),
            ("Title", "Weekly status call"),
            ("Kind", "p"),
        ],
    );
    assert!(effects.is_empty(), "refused");
    assert!(
        error(&a).contains("no customer matches 'no such customer'"),
        "{}",
        error(&a)
    );
    // A unique part of a name, as on the command line.
    let target = a.data.customers[3].clone();
    let part: String = target.name.chars().take(target.name.len().min(9)).collect();
    let matches = a
        .data
        .customers
        .iter()
        .filter(|c| c.name.to_lowercase().contains(&part.to_lowercase()))
        .count();
    assert_eq!(matches, 1, "'{part}' names one demo customer");
    let before = a.data.clone();
    // Back to the customer field (Up wraps from the first field to the last, so go round).
    while prompt(&a).focus != 0 {
        key(&mut a, KeyCode::Up);
    }
    let effects = fill(&mut a, &[("Customer", &part)]);
    let got = committed(&effects);
    let (_, want) = action_flow::create(
        NewAction {
            customer: target.id,
            kind: ActionKind::Preventive,
            title: "Weekly status call".into(),
            detail: String::new(),
            owner: None,
            due: None,
            followup: None,
            interview: None,
        },
        now(),
        "tester",
        &mut IdAllocator::after(&before).expect("ids"),
    )
    .expect("the CLI's core call");
    assert_eq!(got, want);
}

#[test]
fn a_bad_due_time_or_kind_keeps_the_form_open_with_the_reason() {
    let mut a = app();
    press(&mut a, "1A");
    let effects = fill(&mut a, &[("Title", "Call back"), ("Due", "next blursday")]);
    assert!(effects.is_empty());
    assert!(error(&a).contains("next blursday"), "{}", error(&a));
    assert!(matches!(a.overlay, Some(Overlay::Prompt(_))));
    let mut b = app();
    press(&mut b, "1A");
    let effects = fill(&mut b, &[("Title", "Call back"), ("Kind", "urgent")]);
    assert!(effects.is_empty());
    assert!(
        error(&b).contains("corrective or preventive"),
        "{}",
        error(&b)
    );
}

#[test]
fn an_owner_not_on_file_is_offered_to_be_added_and_owns_the_new_action_in_one_save() {
    let mut a = app();
    press(&mut a, "1");
    let customer = a.selected_customer().expect("a customer");
    press(&mut a, "A");
    let before = a.data.clone();
    let effects = fill(
        &mut a,
        &[("Title", "Site visit"), ("Owner", "Robin Newhire")],
    );
    assert!(effects.is_empty(), "asks first");
    let p = prompt(&a);
    assert_eq!(p.fields[0].value, "Robin Newhire");
    assert!(
        error(&a).contains("Robin Newhire is not one of our people"),
        "{}",
        error(&a)
    );
    typed(&mut a, "a");
    let effects = key(&mut a, KeyCode::Enter);
    let got = committed(&effects);
    let mut ids = IdAllocator::after(&before).expect("ids");
    let (member, mut want) = hearback::core::staff_edit::add(
        &before,
        "Robin Newhire",
        None,
        &[hearback::core::Role::AccountManager],
        &mut ids,
    )
    .expect("added");
    let (_, action) = action_flow::create(
        NewAction {
            customer,
            kind: ActionKind::Corrective,
            title: "Site visit".into(),
            detail: String::new(),
            owner: Some(member.id),
            due: None,
            followup: None,
            interview: None,
        },
        now(),
        "tester",
        &mut ids,
    )
    .expect("created");
    want.changes.extend(action.changes);
    assert_eq!(got, want);
}

#[test]
fn an_action_from_the_customer_detail_names_the_customer_and_returns_there() {
    let mut a = app();
    press(&mut a, "1");
    let id = a.selected_customer().expect("a customer");
    key(&mut a, KeyCode::Enter);
    press(&mut a, "A");
    assert!(prompt(&a).title.contains(&customer_name(&a, id)));
    let effects = fill(&mut a, &[("Title", "Send the roadmap")]);
    let got = committed(&effects);
    assert!(got.changes.iter().any(|c| matches!(
        c,
        hearback::core::Change::Action(x) if x.customer == id && x.followup.is_none()
    )));
    assert!(matches!(a.overlay, Some(Overlay::Customer { id: back, .. }) if back == id));
}
