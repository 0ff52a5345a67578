//! The document view in the dashboard: opened with `r` on a queue item of the demo dashboard,
//! snapshotted at 80x24 and 200x60, and driven by its keys. Update the snapshots after an
//! intended change with `INSTA_UPDATE=always cargo test --test it ui_document::` and read them.

use crate::common;

use common::dashboard::{app, screen};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, DocumentView, Effect, Msg, Overlay, update};
use hearback::core::queue::ItemKind;

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn press(app: &mut App, c: char) -> Vec<Effect> {
    key(app, KeyCode::Char(c))
}

/// Selects the first queue row of `kind` (the queue pane has the focus at start).
fn select(app: &mut App, kind: ItemKind) {
    let at = app
        .queue_rows()
        .iter()
        .position(|i| i.kind == kind)
        .unwrap_or_else(|| panic!("the demo queue shows a {kind:?} item"));
    app.queue.selected = at;
    app.clamp_selections();
}

/// The demo dashboard with the debrief of its first Debrief item open, via `r`.
fn debrief_open() -> App {
    let mut app = app();
    select(&mut app, ItemKind::Debrief);
    assert!(press(&mut app, 'r').is_empty());
    app
}

fn view(app: &App) -> &DocumentView {
    match &app.overlay {
        Some(Overlay::Document(v)) => v,
        other => panic!("no document open: {other:?}, message {:?}", app.message),
    }
}

#[test]
fn the_debrief_of_a_debrief_item() {
    let app = debrief_open();
    assert_eq!(view(&app).title, "Debrief · Lindqvist Pet Supplies (I380)");
    for (w, h) in [(80, 24), (200, 60)] {
        insta::assert_snapshot!(format!("debrief_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn the_dashboard_shows_the_same_debrief_as_the_command_line() {
    let app = debrief_open();
    // The same snapshot tests/it/reports.rs checks the command line's debrief against.
    common::assert_report("debrief", &view(&app).text);
}

#[test]
fn scrolling_stays_inside_the_text() {
    let mut app = debrief_open();
    let last = u16::try_from(view(&app).text.lines().count() - 1).expect("a short text");
    press(&mut app, 'k');
    assert_eq!(view(&app).scroll, 0, "k at the top stays at the top");
    press(&mut app, 'j');
    press(&mut app, 'j');
    assert_eq!(view(&app).scroll, 2);
    key(&mut app, KeyCode::Up);
    assert_eq!(view(&app).scroll, 1);
    press(&mut app, ' ');
    assert_eq!(
        view(&app).scroll,
        22,
        "space pages down by 21 lines at 80x24"
    );
    key(&mut app, KeyCode::PageUp);
    assert_eq!(view(&app).scroll, 1);
    press(&mut app, 'G');
    assert_eq!(view(&app).scroll, last);
    for _ in 0..5 {
        press(&mut app, 'j');
        key(&mut app, KeyCode::PageDown);
    }
    assert_eq!(view(&app).scroll, last, "never past the last line");
    press(&mut app, 'g');
    assert_eq!(view(&app).scroll, 0);
    // Scrolled to the end, the view shows the end of the text at the bottom of the screen.
    press(&mut app, 'G');
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Written 2026-11-23 09:00 by hearback."),
        "{shown}"
    );
    assert!(shown.contains(&format!("of {}", last + 1)), "{shown}");
}

#[test]
fn a_page_is_the_text_lines_the_screen_has_room_for() {
    let mut app = debrief_open();
    let lines = view(&app).text.lines().count();
    // A screen tall enough for 10 lines of text: 13 rows less the status line and two borders.
    update(
        &mut app,
        Msg::Resize {
            width: 100,
            height: 13,
        },
    );
    assert!(
        lines > 20,
        "the debrief is longer than two pages: {lines} lines"
    );
    press(&mut app, ' ');
    assert_eq!(view(&app).scroll, 10, "space pages down by 10 lines");
    let shown = screen(&app, 100, 13);
    let top = view(&app).text.lines().nth(10).unwrap_or_default().trim();
    assert!(!top.is_empty(), "line 11 has text to look for");
    assert!(
        shown.contains(top.get(..top.len().min(40)).unwrap_or(top)),
        "line 11 is the first shown:\n{shown}"
    );
    key(&mut app, KeyCode::PageUp);
    assert_eq!(view(&app).scroll, 0);
    // A terminal of one row still moves by a line, never by none.
    update(
        &mut app,
        Msg::Resize {
            width: 100,
            height: 1,
        },
    );
    press(&mut app, ' ');
    assert_eq!(view(&app).scroll, 1);
}

#[test]
fn y_copies_the_whole_text() {
    let mut app = debrief_open();
    press(&mut app, 'j');
    let text = view(&app).text.clone();
    let effects = press(&mut app, 'y');
    assert_eq!(effects, vec![Effect::Copy(text.clone())]);
    assert_eq!(
        app.message.as_deref(),
        Some(
            format!(
                "copied the debrief ({} lines) to the clipboard",
                text.lines().count()
            )
            .as_str()
        )
    );
    assert!(
        matches!(app.overlay, Some(Overlay::Document(_))),
        "still open"
    );
}

#[test]
fn esc_and_q_close_the_document() {
    let mut app = debrief_open();
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    assert!(!app.quit);
    let mut app = debrief_open();
    press(&mut app, 'q');
    assert_eq!(app.overlay, None);
    assert!(!app.quit, "q closes the document, it does not quit");
}

#[test]
fn report_and_dissemination_items_open_the_report_and_the_digest() {
    let mut app = app();
    app.queue.show_all = true;
    select(&mut app, ItemKind::ReportPresident);
    press(&mut app, 'r');
    let v = view(&app);
    assert!(v.title.starts_with("President report · "), "{}", v.title);
    assert!(v.text.starts_with("# Report to the President"));
    key(&mut app, KeyCode::Esc);
    select(&mut app, ItemKind::Disseminate);
    press(&mut app, 'r');
    let v = view(&app);
    assert!(v.title.starts_with("Workforce digest · "), "{}", v.title);
    assert!(v.text.starts_with("# What our customers told us"));
}

#[test]
fn r_on_an_item_without_a_document_says_so() {
    let mut app = app();
    select(&mut app, ItemKind::LowScoreFollowUp);
    assert!(press(&mut app, 'r').is_empty());
    assert_eq!(app.overlay, None);
    let message = app.message.clone().expect("a message");
    assert!(
        message.contains("asks for a call or an action, not a document"),
        "{message}"
    );
}

#[test]
fn r_opens_the_report_for_the_whole_weeks_its_interview_belongs_to() {
    let mut app = app();
    app.queue.show_all = true;
    app.clamp_selections();
    // I380 was completed on Thursday 2026-11-19; now is Monday 2026-11-23 09:00.
    let at = app
        .queue_rows()
        .iter()
        .position(|i| i.kind == ItemKind::ReportPresident && i.subject.to_string() == "I380")
        .expect("the demo owes the President a report on I380");
    app.queue.selected = at;
    app.clamp_selections();
    press(&mut app, 'r');
    let v = view(&app);
    assert_eq!(v.title, "President report · 2026-11-16 to 2026-11-29");
    // Compared with the two weeks before, not with the hours before.
    assert!(v.text.contains("2026-11-02 to 2026-11-15"), "{}", v.text);
}

/// The demo dashboard with the formal report owed on F260 selected and opened with `r`.
fn customer_report_open() -> App {
    let mut app = app();
    let at = app
        .queue_rows()
        .iter()
        .position(|i| i.kind == ItemKind::FormalReport && i.subject.to_string() == "F260")
        .expect("the demo owes Quintero Precision the formal report on F260");
    app.queue.selected = at;
    app.clamp_selections();
    assert!(press(&mut app, 'r').is_empty());
    view(&app);
    app
}

#[test]
fn r_on_a_formal_report_item_opens_the_report_to_the_customer() {
    let app = customer_report_open();
    let v = view(&app);
    assert_eq!(
        v.title,
        "Report to the customer · Quintero Precision (F260)"
    );
    assert_eq!(v.kind, "report to the customer");
    // The same text the command line writes (tests/it/report_customer.rs checks the same file).
    common::assert_report("customer", &v.text);
    // The lead learns what the customer's copy leaves out, as on the command line's stderr:
    // above the report, in full at any width, never in what `y` copies.
    assert!(
        v.notes.iter().any(|n| n.contains("is left out")),
        "{:?}",
        v.notes
    );
    assert!(!v.text.contains("is left out"));
    for (w, h) in [(80, 24), (200, 60)] {
        let shown = screen(&app, w, h);
        assert!(shown.contains("For you, not in the document"), "{shown}");
    }
    // On a short terminal the notes keep to a third of the view and say there are more.
    let short = screen(&app, 80, 14);
    assert!(short.contains("… more notes"), "{short}");
    assert!(short.contains("# Your feedback"), "{short}");
    for (w, h) in [(80, 24), (200, 60)] {
        insta::assert_snapshot!(format!("customer_report_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn the_formal_report_scrolls_and_copies_like_the_debrief() {
    let mut app = customer_report_open();
    press(&mut app, 'j');
    assert_eq!(view(&app).scroll, 1);
    let text = view(&app).text.clone();
    assert_eq!(press(&mut app, 'y'), vec![Effect::Copy(text.clone())]);
    assert_eq!(
        app.message.as_deref(),
        Some(
            format!(
                "copied the report to the customer ({} lines) to the clipboard",
                text.lines().count()
            )
            .as_str()
        )
    );
}

#[test]
fn the_formal_report_is_recorded_with_x_on_its_item_as_the_debrief_is() {
    let mut app = customer_report_open();
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    let item = app
        .selected_item()
        .expect("the item is still selected")
        .clone();
    assert_eq!(item.kind, ItemKind::FormalReport);
    // Presenting closes the follow-up, so the dashboard asks first.
    assert!(press(&mut app, 'x').is_empty(), "nothing saved before yes");
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    let effects = press(&mut app, 'y');
    assert_eq!(common::dashboard::save_all(&mut app, effects), 1);
    assert!(!app.items.iter().any(|i| i.key() == item.key()));
    let f = app
        .data
        .followups
        .iter()
        .find(|f| f.id.to_string() == "F260")
        .expect("F260");
    assert!(f.report_presented_at.is_some());
    assert_eq!(f.state, hearback::core::FollowUpState::Closed);
}
