//! The dashboard's key handling as pure functions: state + keys -> state + effects, on the
//! demo data at a fixed time. No terminal, no store: saves are answered by hand.

use crate::common;

use common::dashboard::{app, demo_data, now, rules, save_all};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, Overlay, Pane, SaveState, update};
use hearback::core::queue::{DueState, ItemKind};
use hearback::core::*;

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    keys.chars()
        .flat_map(|c| update(app, key(KeyCode::Char(c))))
        .collect()
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        assert!(update(app, key(KeyCode::Char(c))).is_empty());
    }
}

/// Selects the first visible queue item of a kind.
fn select_kind(app: &mut App, kind: ItemKind) {
    press(app, "2");
    let at = app
        .queue_rows()
        .iter()
        .position(|i| i.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in the demo queue"));
    app.queue.selected = at;
    app.clamp_selections();
}

#[test]
fn panes_cycle_with_tab_and_numbers() {
    let mut a = app();
    assert_eq!(a.focus, Pane::Queue);
    update(&mut a, key(KeyCode::Tab));
    assert_eq!(a.focus, Pane::Interview);
    update(&mut a, key(KeyCode::BackTab));
    update(&mut a, key(KeyCode::BackTab));
    assert_eq!(a.focus, Pane::Customers);
    press(&mut a, "4");
    assert_eq!(a.focus, Pane::Actions);
}

#[test]
fn selection_moves_and_stays_in_range() {
    let mut a = app();
    let n = a.queue_rows().len();
    assert!(n > 3);
    press(&mut a, "jj");
    assert_eq!(a.queue.selected, 2);
    press(&mut a, "G");
    assert_eq!(a.queue.selected, n - 1);
    press(&mut a, "jjj");
    assert_eq!(a.queue.selected, n - 1);
    press(&mut a, "g");
    press(&mut a, "kk");
    assert_eq!(a.queue.selected, 0);
}

#[test]
fn filter_as_you_type_and_escape_clears() {
    let mut a = app();
    press(&mut a, "1/");
    let all = app().customer_rows().len();
    typed(&mut a, "logist");
    let rows = a.customer_rows();
    assert!(
        !rows.is_empty() && rows.len() < all,
        "{} of {all}",
        rows.len()
    );
    assert!(rows.iter().all(|r| {
        format!("{} {}", r.customer.name, r.customer.segment)
            .to_lowercase()
            .contains("logist")
    }));
    update(&mut a, key(KeyCode::Esc));
    assert_eq!(a.customer_rows().len(), all);
    assert!(!a.customers.filtering);
}

#[test]
fn q_in_the_filter_is_text_not_quit() {
    let mut a = app();
    press(&mut a, "1/");
    let effects = press(&mut a, "q");
    assert!(effects.is_empty() && !a.quit);
    assert_eq!(a.customers.filter, "q");
}

#[test]
fn show_all_adds_upcoming_items() {
    let mut a = app();
    let due = a.queue_rows().len();
    assert!(a.queue_rows().iter().all(|i| i.state != DueState::Upcoming));
    press(&mut a, "a");
    assert!(a.queue_rows().len() > due);
}

#[test]
fn done_on_a_thank_you_saves_and_only_then_discharges() {
    let mut a = app();
    select_kind(&mut a, ItemKind::Acknowledge);
    let subject = a.selected_item().expect("selected").subject;
    let effects = press(&mut a, "x");
    assert_eq!(a.save, SaveState::Saving(1));
    assert!(
        a.items
            .iter()
            .any(|i| i.kind == ItemKind::Acknowledge && i.subject == subject),
        "not gone before the save"
    );
    assert_eq!(save_all(&mut a, effects), 1);
    assert_eq!(a.save, SaveState::Saved);
    assert!(
        !a.items
            .iter()
            .any(|i| i.kind == ItemKind::Acknowledge && i.subject == subject)
    );
    assert!(a.message.as_deref().is_some_and(|m| m.starts_with("saved")));
}

#[test]
fn a_failed_save_changes_nothing_and_says_so() {
    let mut a = app();
    select_kind(&mut a, ItemKind::Acknowledge);
    let before = a.items.clone();
    for e in press(&mut a, "x") {
        if let Effect::Commit { changes, label } = e {
            update(
                &mut a,
                Msg::Saved {
                    changes,
                    label,
                    result: Err("disk full".into()),
                },
            );
        }
    }
    assert_eq!(a.items, before);
    assert_eq!(a.save, SaveState::Failed("disk full".into()));
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.contains("NOT saved"))
    );
}

#[test]
fn recording_context_needs_text_then_moves_the_follow_up_on() {
    let mut a = app();
    select_kind(&mut a, ItemKind::LowScoreFollowUp);
    press(&mut a, "c");
    assert!(matches!(a.overlay, Some(Overlay::Prompt(_))));
    assert!(
        update(&mut a, key(KeyCode::Enter)).is_empty(),
        "blank context is refused"
    );
    let Some(Overlay::Prompt(p)) = &a.overlay else {
        panic!("form stays open")
    };
    assert!(
        p.error.as_deref().is_some_and(|e| e.contains("empty")),
        "{:?}",
        p.error
    );
    typed(&mut a, "Invoices went to the old address");
    let effects = update(&mut a, key(KeyCode::Enter));
    assert!(a.overlay.is_none());
    save_all(&mut a, effects);
    assert!(
        a.data
            .followups
            .iter()
            .any(|f| f.context.contains("old address") && f.state == FollowUpState::Contacted)
    );
}

#[test]
fn assigning_names_a_person_or_explains() {
    let mut a = app();
    select_kind(&mut a, ItemKind::LowScoreFollowUp);
    press(&mut a, "w");
    typed(&mut a, "nobody-like-this");
    assert!(update(&mut a, key(KeyCode::Enter)).is_empty());
    let Some(Overlay::Prompt(p)) = &a.overlay else {
        panic!("form stays open")
    };
    // Issue 11: a name not on file no longer just fails: the form offers to add them.
    assert!(
        p.error
            .as_deref()
            .is_some_and(|e| e.contains("nobody-like-this is not one of our people")),
        "{:?}",
        p.error
    );
    assert_eq!(p.value(0), "nobody-like-this");
    update(&mut a, key(KeyCode::Esc));
    assert!(a.overlay.is_none(), "Esc cancels the add");
    assert!(a.data.staff.iter().all(|s| s.name != "nobody-like-this"));
    press(&mut a, "w");
    let name = a.data.staff[0].name.clone();
    typed(&mut a, &name);
    let effects = update(&mut a, key(KeyCode::Enter));
    save_all(&mut a, effects);
    let id = a.data.staff[0].id;
    assert!(
        a.message.as_deref().is_some_and(|m| m.contains(&name)),
        "{:?}",
        a.message
    );
    assert!(a.data.followups.iter().any(|f| f.owner == Some(id)));
}

#[test]
fn snooze_hides_the_item_with_a_reason() {
    let mut a = app();
    select_kind(&mut a, ItemKind::Debrief);
    let subject = a.selected_item().expect("selected").subject;
    press(&mut a, "z");
    typed(&mut a, "+2d");
    update(&mut a, key(KeyCode::Enter));
    typed(&mut a, "AM away until Wednesday");
    let effects = update(&mut a, key(KeyCode::Enter));
    save_all(&mut a, effects);
    assert!(
        !a.queue_rows()
            .iter()
            .any(|i| i.kind == ItemKind::Debrief && i.subject == subject)
    );
    assert!(
        a.data
            .snoozes
            .iter()
            .any(|s| s.reason == "AM away until Wednesday")
    );
}

#[test]
fn escape_cancels_a_form_without_saving() {
    let mut a = app();
    select_kind(&mut a, ItemKind::Debrief);
    press(&mut a, "z");
    typed(&mut a, "+1d");
    assert!(update(&mut a, key(KeyCode::Esc)).is_empty());
    assert!(a.overlay.is_none());
    assert_eq!(a.save, SaveState::Saved);
}

#[test]
fn a_card_moves_right_on_the_board() {
    let mut a = app();
    press(&mut a, "4");
    let card = a.selected_action().expect("a to-do card").clone();
    assert_eq!(card.state, ActionState::ToDo);
    let effects = press(&mut a, "L");
    save_all(&mut a, effects);
    let moved = a
        .data
        .actions
        .iter()
        .find(|x| x.id == card.id)
        .expect("still there");
    assert_eq!(moved.state, ActionState::Doing);
    assert_eq!(a.actions.column, 1, "focus follows the card");
    assert_eq!(a.selected_action().map(|x| x.id), Some(card.id));
}

#[test]
fn quit_asks_only_while_a_save_is_in_flight() {
    let mut a = app();
    select_kind(&mut a, ItemKind::Acknowledge);
    let pending = press(&mut a, "x");
    assert!(press(&mut a, "q").is_empty());
    assert_eq!(a.overlay, Some(Overlay::ConfirmQuit));
    assert_eq!(press(&mut a, "q"), vec![Effect::Quit]);
    assert!(a.quit);
    drop(pending);
    let mut b = app();
    assert_eq!(press(&mut b, "q"), vec![Effect::Quit]);
}

#[test]
fn ctrl_z_suspends_from_anywhere() {
    let mut a = app();
    let ctrl_z = Msg::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(update(&mut a, ctrl_z.clone()), vec![Effect::Suspend]);
    press(&mut a, "?");
    assert_eq!(update(&mut a, ctrl_z), vec![Effect::Suspend]);
}

#[test]
fn opening_a_customer_loads_its_timeline() {
    let mut a = app();
    press(&mut a, "1");
    let id = a.selected_customer().expect("a customer");
    assert_eq!(
        update(&mut a, key(KeyCode::Enter)),
        vec![Effect::LoadTimeline(id)]
    );
    assert_eq!(a.overlay, Some(Overlay::Customer { id, scroll: 0 }));
    update(&mut a, Msg::Timeline(id, Ok(vec![])));
    assert_eq!(a.timeline, Some((id, vec![])));
    press(&mut a, "jj");
    assert_eq!(a.overlay, Some(Overlay::Customer { id, scroll: 2 }));
    update(&mut a, key(KeyCode::Esc));
    assert_eq!(a.overlay, None);
}

#[test]
fn an_empty_store_welcomes_and_loads_demo_data_on_one_key() {
    let mut a = App::new(
        Dataset::default(),
        rules(),
        now(),
        true,
        "/data".into(),
        "tester".into(),
    );
    assert_eq!(a.overlay, Some(Overlay::Welcome));
    assert_eq!(press(&mut a, "d"), vec![Effect::LoadDemo]);
    update(&mut a, Msg::Reloaded(Ok(demo_data())));
    assert_eq!(a.overlay, None);
    assert!(!a.items.is_empty());
}

#[test]
fn ticks_move_time_and_items_turn_overdue_on_screen() {
    let mut a = App::new(
        demo_data(),
        rules(),
        now(),
        false,
        "/data".into(),
        "tester".into(),
    );
    let due: Vec<_> = a
        .items
        .iter()
        .filter(|i| i.state != DueState::Overdue)
        .map(|i| (i.kind, i.subject, i.due))
        .collect();
    let (kind, subject, when) = *due
        .iter()
        .min_by_key(|d| d.2)
        .expect("something not yet overdue");
    update(&mut a, Msg::Tick(when + chrono::Duration::seconds(1)));
    let item = a
        .items
        .iter()
        .find(|i| i.kind == kind && i.subject == subject)
        .expect("still owed");
    assert_eq!(item.state, DueState::Overdue);
    let mut fixed = app();
    update(&mut fixed, Msg::Tick(when + chrono::Duration::days(30)));
    assert_eq!(fixed.now, now(), "--now fixes the clock");
}

#[test]
fn booking_from_the_customer_list_warns_inside_the_feedback_calendar() {
    let mut a = app();
    press(&mut a, "1");
    // The largest customer was interviewed less than 30 days before a booking in 3 days? Find
    // one whose last interview is recent so the warning shows.
    let recent = a
        .customer_rows()
        .iter()
        .position(|r| {
            r.last
                .and_then(|i| i.completed_at)
                .is_some_and(|t| now() - t < chrono::Duration::days(20))
        })
        .expect("a recently interviewed customer in the demo");
    a.customers.selected = recent;
    a.clamp_selections();
    let customer = a.selected_customer().expect("selected");
    press(&mut a, "b");
    typed(&mut a, "+3d");
    // When, length, place, contact, executive: Enter moves on to the last field.
    for _ in 0..5 {
        update(&mut a, key(KeyCode::Enter));
    }
    assert!(
        update(&mut a, key(KeyCode::Enter)).is_empty(),
        "first submit only warns"
    );
    let Some(Overlay::Prompt(p)) = &a.overlay else {
        panic!("the form stays open")
    };
    assert!(
        p.error
            .as_deref()
            .is_some_and(|e| e.contains("spacing") && e.contains("Enter books anyway")),
        "{:?}",
        p.error
    );
    let effects = update(&mut a, key(KeyCode::Enter));
    assert_eq!(save_all(&mut a, effects), 1, "second submit books");
    assert!(
        a.booked_interviews()
            .iter()
            .any(|i| i.customer == customer && i.scheduled_at == now() + chrono::Duration::days(3))
    );
}

#[test]
fn questions_bio_and_prebrief_are_recorded_from_the_interviews_pane() {
    let mut a = app();
    press(&mut a, "3");
    let id = a.booked_interviews()[0].id;
    let before = a
        .data
        .interviews
        .iter()
        .find(|i| i.id == id)
        .expect("booked")
        .clone();
    let effects = press(&mut a, "vp");
    let expected = usize::from(before.invitation_sent_at.is_none() || before.bio_sent_at.is_none())
        + usize::from(before.prebriefed_at.is_none());
    assert_eq!(
        save_all(&mut a, effects),
        expected,
        "one save per step not yet recorded"
    );
    let i = a
        .data
        .interviews
        .iter()
        .find(|i| i.id == id)
        .expect("still booked");
    assert!(i.invitation_sent_at.is_some() && i.bio_sent_at.is_some() && i.prebriefed_at.is_some());
    assert!(press(&mut a, "v").is_empty(), "recorded once");
}

#[test]
fn y_copies_the_invitation_of_the_selected_booking() {
    let mut a = app();
    press(&mut a, "3");
    let effects = press(&mut a, "y");
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("one copy effect: {effects:?}")
    };
    assert!(
        text.starts_with("Subject: Your feedback session") && text.contains("1. "),
        "{text}"
    );
    assert!(a.message.as_deref().is_some_and(|m| m.contains("copied")));
}

/// Presses Enter in the open prompt and answers its save.
fn submit(app: &mut App) {
    let effects = update(app, key(KeyCode::Enter));
    assert_eq!(save_all(app, effects), 1, "one save: {:?}", app.message);
}

#[test]
fn the_board_cursor_stays_on_its_card_when_a_new_due_date_re_sorts_the_column() {
    let mut a = app();
    press(&mut a, "4");
    assert!(a.cards(0).len() >= 3, "the demo's to-do column has cards");
    let card = a.selected_action().expect("a to-do card").clone();
    // Due far later: the card sorts to another row of its column.
    press(&mut a, "d");
    typed(&mut a, "+300d");
    submit(&mut a);
    let row = a.cards(0).iter().position(|c| c.id == card.id);
    assert_ne!(row, Some(0), "the card moved down its column");
    assert_eq!(a.selected_action().map(|c| c.id), Some(card.id));
    // The next key acts on that card, not on the one now in its old row.
    press(&mut a, "w");
    match &a.overlay {
        Some(Overlay::Prompt(p)) => assert!(p.title.contains(&card.id.to_string()), "{}", p.title),
        other => panic!("no owner prompt: {other:?}"),
    }
}

#[test]
fn the_queue_cursor_stays_on_its_item_when_a_tick_re_sorts_the_queue() {
    let mut a = App::new(
        demo_data(),
        rules(),
        now(),
        false,
        "/data".into(),
        "tester".into(),
    );
    press(&mut a, "2a");
    // The last upcoming item; items due before it turn overdue and sort above the due ones.
    press(&mut a, "G");
    let item = a.selected_item().expect("an item").clone();
    let row = a.queue.selected;
    update(&mut a, Msg::Tick(item.due - chrono::Duration::hours(1)));
    assert_ne!(a.queue.selected, row, "the item moved to another row");
    assert_eq!(a.selected_item().map(|i| i.key()), Some(item.key()));
}

#[test]
fn x_on_a_formal_report_asks_first_naming_the_item_and_customer() {
    let mut a = app();
    select_kind(&mut a, ItemKind::FormalReport);
    let item = a.selected_item().expect("an item").clone();
    let name = a
        .data
        .customer(item.customer)
        .expect("its customer")
        .name
        .clone();
    assert!(press(&mut a, "x").is_empty(), "nothing is saved yet");
    match &a.overlay {
        Some(Overlay::Confirm(c)) => {
            assert!(c.question.contains(&name), "{}", c.question);
            assert!(
                c.question.contains(&item.subject.to_string()),
                "{}",
                c.question
            );
            assert!(c.question.contains("close the follow-up"), "{}", c.question);
        }
        other => panic!("no question: {other:?}"),
    }
    let screen = common::dashboard::screen(&a, 80, 24);
    assert!(
        screen.contains("Are you sure?") && screen.contains("yes, record it"),
        "{screen}"
    );
    // No: nothing changes.
    assert!(press(&mut a, "n").is_empty());
    assert!(a.overlay.is_none());
    assert_eq!(a.selected_item().map(|i| i.key()), Some(item.key()));
    // Yes: one save, and the item is discharged.
    press(&mut a, "x");
    let effects = press(&mut a, "y");
    assert_eq!(save_all(&mut a, effects), 1);
    assert!(!a.items.iter().any(|i| i.key() == item.key()));
}

#[test]
fn u_undoes_the_last_step_and_the_timeline_says_so() {
    let mut a = app();
    select_kind(&mut a, ItemKind::Acknowledge);
    let item = a.selected_item().expect("an item").clone();
    let effects = press(&mut a, "x");
    save_all(&mut a, effects);
    assert!(!a.items.iter().any(|i| i.key() == item.key()), "discharged");
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.contains("u undoes it"))
    );
    let effects = press(&mut a, "u");
    let undone = effects
        .iter()
        .find_map(|e| match e {
            Effect::Commit { changes, .. } => Some(changes.clone()),
            _ => None,
        })
        .expect("u saves the undo");
    let event = undone
        .changes
        .iter()
        .find_map(|c| match c {
            Change::Event(e) => Some(e.clone()),
            _ => None,
        })
        .expect("a timeline event");
    assert_eq!(event.kind, EventKind::Undone);
    assert!(
        event.summary.starts_with("Undone: Send thank-you done"),
        "{}",
        event.summary
    );
    save_all(&mut a, effects);
    assert!(a.items.iter().any(|i| i.key() == item.key()), "owed again");
    // An undo is not undone in turn.
    assert!(press(&mut a, "u").is_empty());
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.starts_with("nothing to undo"))
    );
}

#[test]
fn undo_is_refused_once_its_window_has_passed() {
    let mut a = App::new(
        demo_data(),
        rules(),
        now(),
        false,
        "/data".into(),
        "tester".into(),
    );
    select_kind(&mut a, ItemKind::Acknowledge);
    let effects = press(&mut a, "x");
    save_all(&mut a, effects);
    update(&mut a, Msg::Tick(now() + chrono::Duration::minutes(11)));
    assert!(press(&mut a, "u").is_empty());
    let said = a.message.clone().unwrap_or_default();
    assert!(said.contains("can no longer be undone"), "{said}");
}

#[test]
fn x_on_an_interview_that_is_owed_opens_the_booking_form() {
    let mut a = app();
    select_kind(&mut a, ItemKind::ScheduleInterview);
    assert!(press(&mut a, "x").is_empty());
    match &a.overlay {
        Some(Overlay::Prompt(p)) => assert!(
            p.title.starts_with("Book a feedback interview"),
            "{}",
            p.title
        ),
        other => panic!("no booking form: {other:?}; said {:?}", a.message),
    }
}

#[test]
fn a_status_message_goes_after_ten_seconds_and_is_never_cut_mid_word() {
    let mut a = App::new(
        demo_data(),
        rules(),
        now(),
        false,
        "/data".into(),
        "tester".into(),
    );
    select_kind(&mut a, ItemKind::Acknowledge);
    let effects = press(&mut a, "x");
    save_all(&mut a, effects);
    let said = a.message.clone().expect("a message");
    // At 80 columns the whole message does not fit: it ends at a word, with an ellipsis.
    let status = common::dashboard::screen(&a, 80, 24)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    let shown = status
        .split(" · ")
        .find(|part| part.starts_with("saved ("))
        .map(|part| {
            part.split("  ")
                .next()
                .unwrap_or_default()
                .trim_end()
                .to_string()
        })
        .expect("the message on the status line");
    assert!(shown.ends_with('…'), "{status}");
    let kept = shown.trim_end_matches('…');
    assert!(said.starts_with(kept), "{kept} is not the start of {said}");
    assert_eq!(
        said.as_bytes().get(kept.len()),
        Some(&b' '),
        "cut mid-word: {status}"
    );
    for s in 1..10 {
        update(&mut a, Msg::Tick(now() + chrono::Duration::seconds(s)));
    }
    assert_eq!(
        a.message.as_deref(),
        Some(said.as_str()),
        "still there after 9 s"
    );
    update(&mut a, Msg::Tick(now() + chrono::Duration::seconds(10)));
    assert_eq!(a.message, None, "gone after 10 s");
}
