//! Snapshots of the dashboard drawn into ratatui's `TestBackend`: every pane focused, the
//! overlays, the first-run screen and the NO_COLOR variant, at 80x24 and 200x60, from the demo
//! data at a fixed `now`. Times are drawn at the rules' calendar offset (UTC by default), never
//! through the process's local zone, so these snapshots do not depend on `TZ`.
//!
//! Update after an intended change: `INSTA_UPDATE=always cargo test --test it ui_snapshots::`, then
//! read the diff of `tests/snapshots/`.

use crate::common;

use common::dashboard::{buffer_text, demo_changes, draw, now, rules, screen};

use hearback::app::{App, Field, Overlay, Pane, Prompt, PromptKind, SaveState};
use hearback::core::queue::Subject;
use hearback::core::{Change, Dataset, Snooze, TimelineEvent};
use ratatui::style::Color;

/// The two sizes every view is snapshotted at.
const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

/// The demo dashboard, and every timeline event the demo wrote.
fn demo() -> (App, Vec<TimelineEvent>) {
    let changes = demo_changes(40, 7);
    let mut data = Dataset::default();
    data.apply(&changes);
    let events = changes
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::Event(e) => Some(e.clone()),
            _ => None,
        })
        .collect();
    let app = App::new(
        data,
        rules(),
        now(),
        true,
        "/data/hearback".into(),
        "tester".into(),
    );
    (app, events)
}

fn app() -> App {
    demo().0
}

fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(app, w, h));
    }
}

#[test]
fn each_pane_focused() {
    for (pane, name) in [
        (Pane::Customers, "customers"),
        (Pane::Queue, "queue"),
        (Pane::Interview, "interview"),
        (Pane::Actions, "actions"),
    ] {
        let mut app = app();
        app.focus = pane;
        snap(&format!("focus_{name}"), &app);
    }
}

#[test]
fn help_overlay() {
    let mut app = app();
    app.overlay = Some(Overlay::Help);
    snap("help_queue", &app);
    app.focus = Pane::Actions;
    snap("help_actions", &app);
}

#[test]
fn customer_detail_overlay() {
    let (mut app, events) = demo();
    app.focus = Pane::Customers;
    let id = app
        .customer_rows()
        .first()
        .map(|r| r.customer.id)
        .expect("demo customers");
    app.overlay = Some(Overlay::Customer { id, scroll: 0 });
    app.timeline = Some((
        id,
        events
            .iter()
            .filter(|e| e.customer == id)
            .cloned()
            .collect(),
    ));
    snap("detail", &app);
    // Scrolled to the end: the timeline, newest first.
    app.overlay = Some(Overlay::Customer { id, scroll: 1000 });
    insta::assert_snapshot!("detail_scrolled_200x60", screen(&app, 200, 60));
    // Before the store answered: the timeline of another customer does not show.
    app.timeline = None;
    app.overlay = Some(Overlay::Customer { id, scroll: 1000 });
    assert!(screen(&app, 200, 60).contains("loading timeline…"));
}

#[test]
fn prompt_overlay() {
    let mut app = app();
    let item = app
        .queue_rows()
        .first()
        .map(|i| (i.kind, i.subject))
        .expect("an item in the demo queue");
    let mut until = Field::time("Until", "+4h, tomorrow 9, mon, +1w or a date");
    for c in "+3d".chars() {
        until.insert(c);
    }
    let mut reason = Field::new("Reason", "why; shown on the customer's timeline");
    for c in "Customer on holiday until Monday, asked us to call back then".chars() {
        reason.insert(c);
    }
    reason.move_cursor(-8);
    let mut prompt = Prompt::new(
        PromptKind::Snooze(item.0, item.1),
        "Snooze: Send thank-you".into(),
        vec![until, reason],
    );
    prompt.focus = 1;
    prompt.error = Some("the reason is shown to the team: at least 3 characters".into());
    app.overlay = Some(Overlay::Prompt(prompt));
    snap("prompt_snooze", &app);
    // The terminal cursor sits on the cursor cell, inside the screen.
    for (w, h) in SIZES.into_iter().chain([(20, 6), (3, 3)]) {
        let mut terminal = draw(&app, w, h);
        let pos = terminal.get_cursor_position().expect("a cursor position");
        assert!(pos.x < w && pos.y < h, "{pos:?} at {w}x{h}");
    }
}

#[test]
fn welcome_on_an_empty_store() {
    let app = App::new(
        Dataset::default(),
        rules(),
        now(),
        true,
        "/data/hearback".into(),
        "tester".into(),
    );
    assert_eq!(app.overlay, Some(Overlay::Welcome));
    snap("welcome", &app);
}

#[test]
fn confirm_quit_and_save_states() {
    let mut app = app();
    app.overlay = Some(Overlay::ConfirmQuit);
    app.save = SaveState::Saving(1);
    insta::assert_snapshot!("confirm_quit_80x24", screen(&app, 80, 24));
    app.overlay = None;
    let cases = [
        (SaveState::Saved, "saved"),
        (SaveState::Saving(1), "saving…"),
        (SaveState::Saving(3), "saving… (3)"),
        (
            SaveState::Failed("disk full".into()),
            "NOT SAVED: disk full",
        ),
    ];
    for (state, want) in cases {
        app.save = state;
        app.message = Some("Moved A12 to Doing".into());
        let shown = screen(&app, 120, 30);
        let status = shown.lines().last().expect("a status line");
        assert!(
            status.contains(want) && status.contains("Moved A12 to Doing"),
            "{status}"
        );
        assert!(
            status.contains("--now 2026-11-23 09:00") && status.ends_with("? help"),
            "{status}"
        );
    }
    app.fixed_now = false;
    let shown = screen(&app, 80, 24);
    assert!(!shown.contains("--now") && shown.contains("2026-11-23 09:00"));
}

#[test]
fn filtered_sorted_and_scrolled_lists() {
    let mut app = app();
    app.focus = Pane::Customers;
    app.customers.selected = 30;
    insta::assert_snapshot!("customers_scrolled_80x24", screen(&app, 80, 24));
    app.customers.filter = "marine".into();
    app.customers.filtering = true;
    app.clamp_selections();
    insta::assert_snapshot!("customers_filtered_80x24", screen(&app, 80, 24));
    app.customers.filter = "zzz-no-such".into();
    app.clamp_selections();
    insta::assert_snapshot!("customers_no_match_80x24", screen(&app, 80, 24));
}

#[test]
fn queue_show_all_marks_snoozed_items() {
    let mut app = app();
    let key = app
        .queue_rows()
        .first()
        .map(|i| i.key())
        .expect("an item in the demo queue");
    let customer = app
        .queue_rows()
        .first()
        .map(|i| i.customer)
        .expect("an item in the demo queue");
    app.data.snoozes.push(Snooze {
        item_key: key,
        customer,
        until: now() + chrono::Duration::days(2),
        reason: "on holiday".into(),
        by: None,
        at: now(),
    });
    app.recompute();
    app.queue.show_all = true;
    insta::assert_snapshot!("queue_show_all_200x60", screen(&app, 200, 60));
    assert!(screen(&app, 200, 60).contains("snoozed 11-25"));
}

#[test]
fn empty_queue_says_so() {
    let mut app = app();
    // A programme with nothing owed: the queue is worked out from the data, never set.
    app.data = hearback::core::Dataset::default();
    app.recompute();
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Nothing due or overdue.") && shown.contains("a shows upcoming"),
        "{shown}"
    );
}

#[test]
fn no_color_uses_modifiers_only() {
    let mut app = app();
    app.color = false;
    let terminal = draw(&app, 80, 24);
    insta::assert_snapshot!(
        "no_color_queue_80x24",
        buffer_text(terminal.backend().buffer())
    );
    for overlay in [None, Some(Overlay::Help), Some(Overlay::ConfirmQuit)] {
        app.overlay = overlay;
        for (w, h) in SIZES {
            let terminal = draw(&app, w, h);
            for (i, cell) in terminal.backend().buffer().content.iter().enumerate() {
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "cell {i} at {w}x{h} has {:?} on {:?}",
                    cell.fg,
                    cell.bg
                );
            }
        }
    }
    // The focus and the selection still show: the focused pane has a thick border and a mark.
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("▶ 2 Follow-up queue") && shown.contains('┏'));
    app.color = true;
    let terminal = draw(&app, 80, 24);
    assert!(
        terminal
            .backend()
            .buffer()
            .content
            .iter()
            .any(|c| c.fg != Color::Reset),
        "colour is on by default"
    );
}

#[test]
fn any_size_draws_without_panicking() {
    let (mut app, events) = demo();
    let id = app
        .customer_rows()
        .first()
        .map(|r| r.customer.id)
        .expect("demo customers");
    app.timeline = Some((
        id,
        events.into_iter().filter(|e| e.customer == id).collect(),
    ));
    let prompt = Prompt::new(
        PromptKind::Assign(Subject::Customer(id)),
        "Assign".into(),
        vec![Field::new("Who", "a name"), Field::new("Note", "")],
    );
    let overlays = [
        None,
        Some(Overlay::Help),
        Some(Overlay::Welcome),
        Some(Overlay::Customer { id, scroll: 3 }),
        Some(Overlay::Prompt(prompt)),
        Some(Overlay::ConfirmQuit),
    ];
    let odd = [
        (1, 60),
        (200, 1),
        (81, 25),
        (119, 40),
        (120, 40),
        (37, 9),
        (250, 80),
        (1000, 3),
    ];
    let sizes = (1..=30)
        .flat_map(|w| (1..=12).map(move |h| (w, h)))
        .chain(odd);
    app.save = SaveState::Failed("a very long reason why the store could not be written".into());
    app.message = Some("x".repeat(300));
    for (w, h) in sizes {
        for (n, overlay) in overlays.iter().enumerate() {
            app.overlay = overlay.clone();
            app.focus = Pane::ALL[n % 4];
            let mut terminal = draw(&app, w, h);
            assert_eq!(terminal.backend().buffer().area.width, w);
            if matches!(overlay, Some(Overlay::Prompt(_))) && w > 4 && h > 4 {
                let pos = terminal.get_cursor_position().expect("a cursor position");
                assert!(pos.x < w && pos.y < h, "{pos:?} at {w}x{h}");
            }
        }
    }
    let mut empty = App::new(
        Dataset::default(),
        rules(),
        now(),
        false,
        String::new(),
        String::new(),
    );
    empty.overlay = None;
    for (w, h) in [(1, 1), (5, 2), (80, 24)] {
        let _ = draw(&empty, w, h);
    }
}
