//! A deliverable and an action from a customer, the staff edit form, and the new keys in help
//! and hints.

use crate::common;

use crate::forms_tasks::{committed, customer_name, error, fill, key, press, prompt};
use common::dashboard::{app, now, rules, screen};
use crossterm::event::KeyCode;
use hearback::app::Overlay;
use hearback::core::when::parse_when;
use hearback::core::{IdAllocator, deliverable};

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
    press(&mut a, "4?");
    let shown = screen(&a, 80, 24);
    assert!(shown.contains("A          new action (asks for"), "{shown}");
    key(&mut a, KeyCode::Esc);
    press(&mut a, "1?");
    let shown = screen(&a, 80, 24);
    assert!(
        shown.contains("A          new corrective/preventive"),
        "{shown}"
    );
    assert!(shown.contains("d          record a major"), "{shown}");
    assert!(!shown.contains("more: make the terminal taller"), "{shown}");
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Enter);
    let shown = screen(&a, 80, 24);
    assert!(shown.contains("A action · d deliverable"), "{shown}");
    press(&mut a, "?");
    let shown = screen(&a, 80, 24);
    assert!(
        shown.contains("A      new action for this customer"),
        "{shown}"
    );
    assert!(
        shown.contains("d      record a major deliverable"),
        "{shown}"
    );
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
