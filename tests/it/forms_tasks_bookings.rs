//! Cancelling (asks first) and moving a booked interview from the Interviews pane.

use crate::common;

use crate::forms_tasks::{committed, error, fill, key, press, prompt};
use common::dashboard::{app, now, rules, save_all, screen};
use crossterm::event::KeyCode;
use hearback::app::{App, Overlay};
use hearback::core::spacing::spacing_conflict_besides;
use hearback::core::when::parse_when;
use hearback::core::{Interview, InterviewId, InterviewStatus, interview_flow, reschedule};

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
