//! The dashboard's forms for the daily tasks that used to be command-line only (issue 14.3):
//! add an action (from a queue follow-up, a customer, the board), cancel or move a booked
//! interview, record a deliverable. Driven by real keys on the demo dashboard at a fixed `now`;
//! each form's change set must be exactly what the command line's core call makes.
//!
//! Update snapshots after an intended change: `INSTA_UPDATE=always cargo test --test it
//! forms_tasks::`, then read the diff of `tests/it/snapshots/`.

use crate::common;

use common::dashboard::{app, now, rules, save_all, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, Overlay, Prompt, update};
use hearback::core::action_flow::{self, NewAction};
use hearback::core::queue::{ItemKind, Subject};
use hearback::core::spacing::spacing_conflict_besides;
use hearback::core::when::parse_when;
use hearback::core::{
    ActionKind, ChangeSet, CustomerId, IdAllocator, Interview, InterviewId, InterviewStatus,
    deliverable, interview_flow, reschedule,
};

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn ctrl(app: &mut App, c: char) {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
}

/// Types text into the open form (no key of it may save anything).
fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        assert!(
            key(app, KeyCode::Char(c)).is_empty(),
            "typing saved something"
        );
    }
}

/// Presses the keys of `keys` as characters, outside any form.
fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in keys.chars() {
        effects.extend(key(app, KeyCode::Char(c)));
    }
    effects
}

fn prompt(app: &App) -> &Prompt {
    match &app.overlay {
        Some(Overlay::Prompt(p)) => p,
        other => panic!("no form open: {other:?}"),
    }
}

fn error(app: &App) -> String {
    prompt(app).error.clone().unwrap_or_default()
}

/// Fills the form's fields by label, in order, then submits from the last field.
fn fill(app: &mut App, values: &[(&str, &str)]) -> Vec<Effect> {
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
fn committed(effects: &[Effect]) -> ChangeSet {
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
fn select_low_score(a: &mut App) -> hearback::core::FollowUp {
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

fn customer_name(a: &App, id: CustomerId) -> String {
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

/// Selects the first interview of the Interviews pane that is booked, not started, and could
/// move a day later without the feedback calendar's warning.
fn select_booked(a: &mut App) -> Interview {
    press(a, "3");
    let policy = rules().policy;
    let row = a
        .booked_interviews()
        .iter()
        .position(|i| {
            let later = i.scheduled_at + chrono::Duration::days(1);
            i.status == InterviewStatus::Scheduled
                && i.scheduled_at > now()
                && spacing_conflict_besides(&a.data, i.customer, later, &policy, Some(i.id))
                    .is_none()
        })
        .expect("the demo has a booked interview");
    a.interviews.selected = row;
    a.selected_interview().cloned().expect("selected")
}

#[test]
fn cancelling_a_booked_interview_asks_first_and_saves_what_the_cli_saves() {
    let mut a = app();
    let i = select_booked(&mut a);
    press(&mut a, "c");
    assert!(prompt(&a).title.contains(&i.id.to_string()));
    // A reason is needed: it goes on the customer's timeline.
    let effects = fill(&mut a, &[]);
    assert!(effects.is_empty());
    assert!(error(&a).contains("reason"), "{}", error(&a));
    let effects = fill(&mut a, &[("Reason", "customer asked to skip this quarter")]);
    assert!(effects.is_empty(), "irreversible: asks before saving");
    let Some(Overlay::Confirm(c)) = &a.overlay else {
        panic!("a question: {:?}", a.overlay);
    };
    assert!(c.question.contains(&i.id.to_string()), "{}", c.question);
    insta::assert_snapshot!("cancel_confirm_80x24", screen(&a, 80, 24));
    // No leaves everything as it was.
    assert!(press(&mut a, "n").is_empty());
    assert!(a.overlay.is_none());
    press(&mut a, "c");
    fill(&mut a, &[("Reason", "customer asked to skip this quarter")]);
    let effects = press(&mut a, "y");
    let customer = a.data.customer(i.customer).cloned().expect("customer");
    let want = interview_flow::cancel(
        &customer,
        i.clone(),
        "customer asked to skip this quarter",
        now(),
        "tester",
    )
    .expect("the CLI's core call");
    assert_eq!(committed(&effects), want);
    save_all(&mut a, effects);
    assert!(!a.booked_interviews().iter().any(|b| b.id == i.id));
    // For a while, u undoes it: the booking is back, and the timeline says so.
    let effects = press(&mut a, "u");
    assert_eq!(save_all(&mut a, effects), 1);
    let back = a.data.interviews.iter().find(|b| b.id == i.id);
    assert_eq!(back.map(|b| b.status), Some(InterviewStatus::Scheduled));
}

#[test]
fn rescheduling_moves_the_booking_and_saves_what_the_cli_saves() {
    let mut a = app();
    let i = select_booked(&mut a);
    press(&mut a, "r");
    let p = prompt(&a);
    assert!(p.title.contains(&i.id.to_string()), "{}", p.title);
    // A bad time keeps the form open with the parser's reason.
    let effects = fill(&mut a, &[("New time", "someday")]);
    assert!(effects.is_empty());
    assert!(error(&a).contains("someday"), "{}", error(&a));
    let at = i.scheduled_at + chrono::Duration::days(1);
    let to = at.format("%Y-%m-%d %H:%M").to_string();
    let effects = fill(&mut a, &[("New time", &to)]);
    assert_eq!(
        parse_when(&to, now(), rules().work_week.offset),
        Ok(at),
        "the test calendar is UTC"
    );
    let customer = a.data.customer(i.customer).cloned().expect("customer");
    let want = reschedule::reschedule(
        &a.data,
        &customer,
        i.clone(),
        at,
        false,
        &rules().policy,
        now(),
        "tester",
    )
    .expect("the CLI's core call");
    assert_eq!(committed(&effects), want);
    save_all(&mut a, effects);
    let moved = a.data.interviews.iter().find(|x| x.id == i.id).cloned();
    assert_eq!(
        moved,
        Some(Interview {
            scheduled_at: at,
            ..i
        })
    );
}

#[test]
fn rescheduling_into_the_spacing_of_another_request_warns_once_as_booking_does() {
    let mut a = app();
    let i = select_booked(&mut a);
    // Another request of the same customer 60 days later.
    let other_at = i.scheduled_at + chrono::Duration::days(60);
    let other = Interview {
        id: InterviewId(990_001),
        ..Interview::booked(
            InterviewId(990_001),
            i.customer,
            hearback::core::Trigger::AdHoc,
            other_at,
        )
    };
    a.data.interviews.push(other);
    a.recompute();
    let row = a
        .booked_interviews()
        .iter()
        .position(|b| b.id == i.id)
        .expect("still booked");
    a.interviews.selected = row;
    press(&mut a, "r");
    let near = (other_at - chrono::Duration::days(2))
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let effects = fill(&mut a, &[("New time", &near)]);
    assert!(effects.is_empty(), "warned, not saved");
    assert!(error(&a).contains("I990001"), "{}", error(&a));
    assert!(error(&a).contains("Enter moves it anyway"), "{}", error(&a));
    insta::assert_snapshot!("reschedule_spacing_80x24", screen(&a, 80, 24));
    let effects = key(&mut a, KeyCode::Enter);
    let at = parse_when(&near, now(), rules().work_week.offset).expect("a time");
    let customer = a.data.customer(i.customer).cloned().expect("customer");
    let want = reschedule::reschedule(
        &a.data,
        &customer,
        i,
        at,
        true,
        &rules().policy,
        now(),
        "tester",
    )
    .expect("confirmed");
    assert_eq!(committed(&effects), want);
}

#[test]
fn a_deliverable_from_the_customer_detail_defaults_to_now_and_returns_there() {
    let mut a = app();
    press(&mut a, "1");
    let id = a.selected_customer().expect("a customer");
    key(&mut a, KeyCode::Enter);
    assert!(matches!(a.overlay, Some(Overlay::Customer { .. })));
    press(&mut a, "d");
    assert!(prompt(&a).title.contains(&customer_name(&a, id)));
    insta::assert_snapshot!("deliverable_80x24", screen(&a, 80, 24));
    // A name is needed.
    let effects = fill(&mut a, &[]);
    assert!(effects.is_empty());
    assert!(error(&a).contains("needs a name"), "{}", error(&a));
    key(&mut a, KeyCode::Up);
    let before = a.data.clone();
    let effects = fill(&mut a, &[("Deliverable", "Phase 2 go-live")]);
    let customer = before.customer(id).cloned().expect("customer");
    let (_, want) = deliverable::record(
        &customer,
        "Phase 2 go-live",
        now(),
        now(),
        "tester",
        &mut IdAllocator::after(&before).expect("ids"),
    )
    .expect("the CLI's core call");
    assert_eq!(committed(&effects), want);
    assert!(
        matches!(a.overlay, Some(Overlay::Customer { id: back, .. }) if back == id),
        "back on the customer: {:?}",
        a.overlay
    );
}

#[test]
fn a_past_delivery_date_is_taken_without_asking() {
    let mut a = app();
    press(&mut a, "1");
    let id = a.selected_customer().expect("a customer");
    press(&mut a, "d");
    let before = a.data.clone();
    let effects = fill(
        &mut a,
        &[
            ("Deliverable", "Data migration"),
            ("Delivered", "2026-11-20"),
        ],
    );
    let at = parse_when("2026-11-20", now(), rules().work_week.offset).expect("a date");
    let customer = before.customer(id).cloned().expect("customer");
    let (_, want) = deliverable::record(
        &customer,
        "Data migration",
        at,
        now(),
        "tester",
        &mut IdAllocator::after(&before).expect("ids"),
    )
    .expect("recorded");
    assert_eq!(committed(&effects), want);
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

#[test]
fn the_new_keys_are_in_help_and_the_detail_hint_at_80x24() {
    let mut a = app();
    press(&mut a, "3?");
    let shown = screen(&a, 80, 24);
    // Help wraps a long text inside its column.
    assert!(
        shown.contains("r          move the interview to"),
        "{shown}"
    );
    assert!(shown.contains("c          cancel the interview"), "{shown}");
    key(&mut a, KeyCode::Esc);
    press(&mut a, "2?");
    let shown = screen(&a, 80, 24);
    assert!(shown.contains("A          new action for this"), "{shown}");
    key(&mut a, KeyCode::Esc);
    press(&mut a, "1");
    key(&mut a, KeyCode::Enter);
    let shown = screen(&a, 80, 24);
    assert!(shown.contains("A action · d deliverable"), "{shown}");
}

#[test]
fn the_staff_view_edits_name_email_and_any_role_as_staff_set_does() {
    use hearback::core::Role;
    use hearback::core::staff_edit::{self, StaffPatch};
    let mut a = app();
    press(&mut a, "S");
    let Some(Overlay::Staff(view)) = &a.overlay else {
        panic!("the staff view: {:?}", a.overlay);
    };
    let id = view.selected.expect("a person selected");
    let member = a
        .data
        .staff
        .iter()
        .find(|s| s.id == id)
        .cloned()
        .expect("on file");
    press(&mut a, "e");
    assert_eq!(prompt(&a).value_of("Name"), member.name);
    insta::assert_snapshot!("staff_edit_80x24", screen(&a, 80, 24));
    // A role that is not one keeps the form open, naming it.
    let effects = fill(&mut a, &[("Roles", "salesperson, boss")]);
    assert!(effects.is_empty());
    assert!(error(&a).contains("'boss' is not a role"), "{}", error(&a));
    key(&mut a, KeyCode::Up);
    key(&mut a, KeyCode::Up);
    let before = a.data.clone();
    let effects = fill(
        &mut a,
        &[
            ("Email", "new.address@example.com"),
            ("Roles", "salesperson, e"),
        ],
    );
    let had: Vec<Role> = member.roles.clone();
    let want_roles = [Role::Salesperson, Role::SeniorManagement];
    let patch = StaffPatch {
        name: None,
        email: Some("new.address@example.com".into()),
        add_roles: want_roles
            .iter()
            .copied()
            .filter(|r| !had.contains(r))
            .collect(),
        remove_roles: had
            .iter()
            .copied()
            .filter(|r| !want_roles.contains(r))
            .collect(),
        active: None,
    };
    let (_, want) = staff_edit::set(&before, member, &patch).expect("the CLI's core call");
    assert_eq!(committed(&effects), want);
    assert!(
        matches!(&a.overlay, Some(Overlay::Staff(v)) if v.selected == Some(id)),
        "back on the person: {:?}",
        a.overlay
    );
}

#[test]
fn escape_from_a_form_opened_on_the_customer_goes_back_to_the_customer() {
    let mut a = app();
    press(&mut a, "1");
    let id = a.selected_customer().expect("a customer");
    key(&mut a, KeyCode::Enter);
    for opens in ["d", "A"] {
        press(&mut a, opens);
        assert!(matches!(a.overlay, Some(Overlay::Prompt(_))));
        assert!(key(&mut a, KeyCode::Esc).is_empty());
        assert!(
            matches!(a.overlay, Some(Overlay::Customer { id: back, .. }) if back == id),
            "{opens}: {:?}",
            a.overlay
        );
    }
}
