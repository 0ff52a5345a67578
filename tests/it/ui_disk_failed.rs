//! Once the store reported a disk error, every screen of the dashboard says so, for good:
//! panes, zoom, help, the calendar, a document, the customer detail and the interview form,
//! at both snapshot sizes; a tick does not make it go (it is not a status message), and a
//! later failed save does not replace it.

use crate::common;

use common::dashboard::{SIZES, app, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, DISK_FAILED, Msg, update};
use hearback::core::ChangeSet;

fn key(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn failed() -> App {
    let mut app = app();
    update(&mut app, Msg::DiskFailed);
    app
}

/// The banner's text, cut to the narrower width, is on the last row of every size.
fn assert_banner(app: &App, what: &str) {
    for (w, h) in SIZES {
        let text = screen(app, w, h);
        let last = text.lines().last().unwrap_or_default();
        let shown = &DISK_FAILED[..DISK_FAILED.len().min(usize::from(w) - 2)];
        assert!(
            last.contains(shown),
            "{what} at {w}x{h} does not show the disk error:\n{text}"
        );
    }
}

#[test]
fn without_a_disk_error_no_banner() {
    let app = app();
    for (w, h) in SIZES {
        assert!(!screen(&app, w, h).contains("the disk reported"));
    }
}

#[test]
fn the_banner_is_on_the_panes_zoomed_and_under_help_and_outlives_ticks() {
    let mut app = failed();
    assert_banner(&app, "the panes");
    let now = app.now;
    for _ in 0..200 {
        update(&mut app, Msg::Tick(now));
    }
    assert_banner(&app, "the panes after 200 ticks");
    press(&mut app, "Z");
    assert!(app.zoomed);
    assert_banner(&app, "a zoomed pane");
    press(&mut app, "Z?");
    assert!(app.overlay.is_some());
    assert_banner(&app, "help");
}

#[test]
fn the_banner_is_on_full_screen_views_and_overlays() {
    let mut calendar = failed();
    press(&mut calendar, "C");
    assert!(calendar.overlay.is_some(), "the calendar opened");
    assert_banner(&calendar, "the calendar");

    let mut staff = failed();
    press(&mut staff, "S");
    assert!(staff.overlay.is_some(), "the staff view opened");
    assert_banner(&staff, "the staff view");

    let mut detail = failed();
    press(&mut detail, "1");
    key(&mut detail, KeyCode::Enter);
    assert!(detail.overlay.is_some(), "the customer detail opened");
    assert_banner(&detail, "the customer detail");
}

#[test]
fn the_banner_is_on_the_interview_form_and_survives_a_failed_save() {
    let mut app = failed();
    press(&mut app, "3");
    key(&mut app, KeyCode::Enter);
    assert!(app.form.is_some(), "the form opened");
    assert_banner(&app, "the interview form");
    update(
        &mut app,
        Msg::Saved {
            changes: ChangeSet::new(),
            label: "a later save".into(),
            result: Err("not saved: the disk reported an error earlier".into()),
        },
    );
    assert_banner(&app, "the form after a refused save");
}
