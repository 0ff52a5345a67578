//! Narrow terminals: which columns the queue keeps at each size, that its rows stay readable,
//! and the zoom key that gives the focused pane the whole screen. Snapshots at 60x20, 80x24,
//! 120x40 and 200x60 from the demo data at a fixed `now`.
//!
//! Update after an intended change: `INSTA_UPDATE=always cargo test --test it ui_narrow::`, then
//! read the diff of `tests/snapshots/`.

use crate::common;

use common::dashboard::{app, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Msg, Overlay, Pane, update};

/// The sizes the issue asks for.
const SIZES: [(u16, u16); 4] = [(60, 20), (80, 24), (120, 40), (200, 60)];

fn press(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// The lines of `shown` that are rows of the queue pane (the right half of the top row), cut
/// to that pane: the part after the last `┃` pair's opening border.
fn queue_lines(shown: &str) -> Vec<String> {
    shown
        .lines()
        .filter_map(|l| {
            let start = l.find('┃')?;
            let rest = l.get(start + '┃'.len_utf8()..)?;
            let end = rest.rfind('┃').unwrap_or(rest.len());
            Some(rest.get(..end)?.to_string())
        })
        .collect()
}

#[test]
fn queue_focused_at_every_size() {
    let app = app();
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("queue_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn kind_shows_below_200_columns() {
    let app = app();
    for (w, h) in [(80, 24), (120, 40)] {
        let shown = screen(&app, w, h);
        let header = queue_lines(&shown)
            .into_iter()
            .find(|l| l.contains("When"))
            .unwrap_or_default();
        if w == 120 {
            assert!(header.contains("Kind"), "{w}x{h}: {header}\n{shown}");
        }
        assert!(header.contains("Customer"), "{w}x{h}: {header}\n{shown}");
    }
}

#[test]
fn every_queue_row_is_readable_at_60x20() {
    let app = app();
    let shown = screen(&app, 60, 20);
    let lines = queue_lines(&shown);
    let header = lines.first().cloned().unwrap_or_default();
    for column in ["When", "Sev", "Customer"] {
        assert!(header.contains(column), "{column} missing:\n{shown}");
    }
    let rows = app.queue_rows();
    // Every row on screen starts with its countdown and shows the start of its customer's name.
    let mut checked = 0;
    for (line, item) in lines.iter().skip(1).zip(rows.iter()) {
        if !line.starts_with('›') && !line.starts_with(' ') {
            break; // the footer under the table
        }
        let name = app
            .data
            .customer(item.customer)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        let first_word = name.split(' ').next().unwrap_or_default();
        let start: String = first_word.chars().take(6).collect();
        assert!(
            line.contains("overdue") || line.contains("due in"),
            "{line}"
        );
        assert!(line.contains(&start), "{start} not in {line:?}\n{shown}");
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} rows:\n{shown}");
}

#[test]
fn zoom_gives_the_focused_pane_the_screen_and_back() {
    let mut app = app();
    assert_eq!(app.focus, Pane::Queue);
    press(&mut app, KeyCode::Char('Z'));
    assert!(app.zoomed);
    for (w, h) in [(80, 24), (60, 20)] {
        let shown = screen(&app, w, h);
        insta::assert_snapshot!(format!("queue_zoomed_{w}x{h}"), shown);
        let shown = screen(&app, w, h);
        assert!(shown.contains("zoomed"), "{shown}");
        assert!(!shown.contains("Customers by size"), "{shown}");
    }
    // At 80 columns the zoomed queue has room for every column but What.
    let shown = screen(&app, 80, 24);
    for column in ["When", "Sev", "Kind", "Customer", "Owner"] {
        assert!(shown.contains(column), "{column}:\n{shown}");
    }
    // Another pane's key shows that pane zoomed.
    press(&mut app, KeyCode::Tab);
    assert!(app.zoomed);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Interviews") && !shown.contains("Follow-up queue"));
    // The same key goes back to the four panes.
    press(&mut app, KeyCode::Char('Z'));
    assert!(!app.zoomed);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Customers by size") && shown.contains("Follow-up queue"));
}

#[test]
fn esc_leaves_the_zoom_and_overlays_come_first() {
    let mut app = app();
    press(&mut app, KeyCode::Char('Z'));
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlay, Some(Overlay::Help));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    assert!(app.zoomed, "Esc closed the help only");
    press(&mut app, KeyCode::Esc);
    assert!(!app.zoomed);
}

#[test]
fn help_is_never_cut_off() {
    let mut app = app();
    app.overlay = Some(Overlay::Help);
    for pane in Pane::ALL {
        app.focus = pane;
        for (w, h) in [(80, 24), (60, 20), (200, 60)] {
            let shown = screen(&app, w, h);
            // Either every global row shows or the overlay says how many do not.
            let all = shown.contains("our people and roles") && shown.contains("zoom");
            assert!(
                all || shown.contains("more: make the") && shown.contains("taller"),
                "{pane:?} {w}x{h}:\n{shown}"
            );
        }
    }
    app.focus = Pane::Queue;
    insta::assert_snapshot!("help_queue_60x20", screen(&app, 60, 20));
}

#[test]
fn every_pane_zoomed_draws_at_any_size() {
    let mut app = app();
    app.zoomed = true;
    for pane in Pane::ALL {
        app.focus = pane;
        for (w, h) in (1..=40)
            .flat_map(|w| (1..=12).map(move |h| (w, h)))
            .chain(SIZES)
        {
            let shown = screen(&app, w, h);
            if w >= 60 && h >= 20 {
                assert!(
                    shown.contains(pane.title()) && shown.contains("zoomed"),
                    "{shown}"
                );
            }
        }
    }
}
