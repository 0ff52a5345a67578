//! The staff view (`S`) and the loud "no senior manager" on the dashboard: driven by real keys
//! on the demo dashboard at a fixed `now`, saves answered as the runtime would, and drawn at
//! 80x24 and 200x60.
//!
//! Update after an intended change: `INSTA_UPDATE=always cargo test --test it ui_staff::`, then read
//! the diff of `tests/snapshots/`.

use crate::common;

use common::dashboard::{SIZES, app, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, Overlay, update};
use hearback::core::queue::{ItemKind, Subject};
use hearback::core::{FollowUpState, Role, StaffId};

fn key(app: &mut App, code: KeyCode) {
    let effects = update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    save(app, effects);
}

/// Answers every commit as a successful save, as the runtime does.
fn save(app: &mut App, effects: Vec<Effect>) {
    for e in effects {
        if let Effect::Commit { changes, label } = e {
            let more = update(
                app,
                Msg::Saved {
                    changes,
                    label,
                    result: Ok(()),
                },
            );
            save(app, more);
        }
    }
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn selected(app: &App) -> Option<StaffId> {
    match &app.overlay {
        Some(Overlay::Staff(v)) => v.selected,
        other => panic!("the staff view is not open: {other:?}"),
    }
}

/// The demo with nobody holding the senior-management role and no executive sponsors: what a
/// CRM import gives.
fn without_seniors() -> App {
    let mut app = app();
    for s in &mut app.data.staff {
        s.roles.retain(|r| *r != Role::SeniorManagement);
    }
    for c in &mut app.data.customers {
        c.executive_sponsor = None;
    }
    app.recompute();
    app
}

#[test]
fn staff_view_snapshots() {
    let mut app = app();
    press(&mut app, "S");
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("staff_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn no_senior_manager_is_loud_on_the_dashboard_until_one_is_given() {
    let mut app = without_seniors();
    assert!(app.senior_gaps > 0, "the demo has open 1-2 follow-ups");
    let gaps = app.senior_gaps;
    let row = app
        .items
        .iter()
        .find(|i| i.lacks_senior_manager())
        .expect("a follow-up without its senior manager");
    assert_eq!(row.kind, ItemKind::LowScoreFollowUp);
    let text = screen(&app, 200, 60);
    assert!(
        text.contains(&format!(
            "NO SENIOR MANAGER for {gaps} follow-up(s): S staff"
        )),
        "status line:\n{text}"
    );
    assert!(
        text.contains("NO SENIOR MANAGER for lowest score"),
        "queue footer:\n{text}"
    );
    assert!(
        text.contains(" S2! Low-score follow-up"),
        "queue row marker:\n{text}"
    );
    insta::assert_snapshot!("staff_no_senior_200x60", text);

    // In the staff view, `m` on a person gives the role: every gap closes, selection stays.
    press(&mut app, "S");
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("NOBODY counts as senior management"),
        "{text}"
    );
    press(&mut app, "jj");
    let chosen = selected(&app).expect("someone selected");
    press(&mut app, "m");
    assert_eq!(selected(&app), Some(chosen), "selection kept by id");
    let member = app.data.staff_member(chosen).expect("on file");
    assert!(member.has_role(Role::SeniorManagement));
    assert_eq!(app.senior_gaps, 0);
    assert!(!screen(&app, 80, 24).contains("NOBODY counts"));

    // `x` marks them as left: they move to the end of the list, still selected, and the gaps
    // come back.
    press(&mut app, "x");
    assert_eq!(selected(&app), Some(chosen));
    assert!(!app.data.staff_member(chosen).expect("kept").active);
    assert_eq!(app.senior_gaps, gaps);
}

#[test]
fn adding_a_person_from_the_staff_view() {
    let mut app = without_seniors();
    press(&mut app, "Sn");
    assert!(matches!(app.overlay, Some(Overlay::Prompt(_))));
    press(&mut app, "Pat Lee");
    key(&mut app, KeyCode::Enter);
    press(&mut app, "pat@us.example");
    key(&mut app, KeyCode::Enter);
    press(&mut app, "e");
    key(&mut app, KeyCode::Enter);
    let pat = app
        .data
        .staff
        .iter()
        .find(|s| s.name == "Pat Lee")
        .expect("added");
    assert_eq!(pat.roles, vec![Role::SeniorManagement]);
    assert_eq!(
        selected(&app),
        Some(pat.id),
        "back in the view, on the new person"
    );
    assert_eq!(app.senior_gaps, 0);
}

#[test]
fn assigning_to_someone_not_on_file_offers_to_add_them() {
    let mut app = app();
    // The queue's first low-score follow-up, selected by walking the rows.
    let target = app
        .queue_rows()
        .iter()
        .position(|i| i.kind == ItemKind::LowScoreFollowUp)
        .expect("a low-score follow-up in the queue");
    app.queue.selected = target;
    let subject = app.queue_rows().get(target).map(|i| i.subject);
    let Some(Subject::FollowUp(fid)) = subject else {
        panic!("a follow-up");
    };
    press(&mut app, "w");
    press(&mut app, "Noor Haddad");
    key(&mut app, KeyCode::Enter);
    let Some(Overlay::Prompt(p)) = &app.overlay else {
        panic!("the add form: {:?}", app.overlay);
    };
    assert_eq!(p.value(0), "Noor Haddad");
    assert!(
        p.error
            .as_deref()
            .is_some_and(|e| e.contains("Noor Haddad is not one of our people")),
        "{p:?}"
    );
    let text = screen(&app, 80, 24);
    assert!(text.contains("not one of our people"), "{text}");
    press(&mut app, "a");
    key(&mut app, KeyCode::Enter);
    let noor = app
        .data
        .staff
        .iter()
        .find(|s| s.name == "Noor Haddad")
        .expect("added");
    assert_eq!(noor.roles, vec![Role::AccountManager]);
    let f = app
        .data
        .followups
        .iter()
        .find(|f| f.id == fid)
        .expect("follow-up");
    assert_eq!(f.owner, Some(noor.id));
    assert_ne!(f.state, FollowUpState::Closed);
}

#[test]
fn naming_a_card_owner_not_on_file_offers_to_add_them_too() {
    let mut app = app();
    press(&mut app, "4");
    let card = app.selected_action().expect("a card").id;
    press(&mut app, "w");
    press(&mut app, "Ines Moreau");
    key(&mut app, KeyCode::Enter);
    let Some(Overlay::Prompt(p)) = &app.overlay else {
        panic!("the add form: {:?}; said {:?}", app.overlay, app.message);
    };
    assert!(p.title.contains(&card.to_string()), "{}", p.title);
    press(&mut app, "s");
    key(&mut app, KeyCode::Enter);
    let ines = app
        .data
        .staff
        .iter()
        .find(|s| s.name == "Ines Moreau")
        .expect("added");
    assert_eq!(ines.roles, vec![Role::ServiceManager]);
    let owner = app
        .data
        .actions
        .iter()
        .find(|a| a.id == card)
        .and_then(|a| a.owner);
    assert_eq!(owner, Some(ines.id));
}
