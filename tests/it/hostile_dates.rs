//! Dates at the very ends of what chrono holds (year +262142 and -262143), as an older build
//! could store them (`--at=+262142-12-31` was accepted then): every view and every reading
//! command must still work, showing something sane, never panic.

use crate::common;

use chrono::{DateTime, Utc};
use common::dashboard::{demo_data, now, rules, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Msg, update};
use hearback::core::*;

const FAR: DateTime<Utc> = DateTime::<Utc>::MAX_UTC;
const EARLY: DateTime<Utc> = DateTime::<Utc>::MIN_UTC;

fn hostile_data() -> Dataset {
    let mut data = demo_data();
    let changes = common::dated::records_at(&data, &[FAR, EARLY]);
    data.apply(&changes);
    data
}

fn key(app: &mut App, c: char) {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
    );
}

#[test]
fn the_queue_and_every_view_survive_dates_at_the_ends_of_time() {
    let data = hostile_data();
    let r = rules();
    let items = queue::queue(&data, &r.policy, &r.work_week, now());
    assert!(!items.is_empty());
    let mut app = App::new(data, r, now(), true, "/data".into(), "tester".into());
    for (w, h) in common::dashboard::SIZES {
        screen(&app, w, h);
    }
    // Each pane, the calendar (walked a month either way), the insight view and help.
    for keys in ["1", "2", "3", "4", "C][[q", "Iq", "Sq", "?"] {
        for c in keys.chars() {
            key(&mut app, c);
            screen(&app, 80, 24);
        }
        update(
            &mut app,
            Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
        );
    }
    app.advance(now() + chrono::Duration::hours(30));
    screen(&app, 200, 60);
}

use common::hearback_cli as hearback;

#[test]
fn reading_commands_survive_a_store_that_holds_such_dates() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    let o = hearback(&data, &["demo", "--customers", "6"]);
    assert!(o.status.success());
    {
        let store = hearback::store::Store::open(&data).expect("opens");
        let base = store.load().expect("loads");
        store
            .commit(&common::dated::records_at(&base, &[FAR, EARLY]))
            .expect("commits");
    }
    for args in [
        &["queue"][..],
        &["queue", "--all"],
        &["queue", "--format", "json"],
        &["customers"],
        &["status"],
        &["calendar"],
        &["stats"],
        &["check"],
        &["report", "president", "--since", "1970-01-01"],
        &["report", "digest", "--since", "1970-01-01"],
        &["export", "all", "--format", "json"],
    ] {
        let o = hearback(&data, args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "hearback {args:?}: {err}");
        assert!(
            o.status.code().is_some_and(|c| c < 100),
            "hearback {args:?}: {err}"
        );
    }
}

#[test]
fn check_names_what_a_restore_would_refuse_so_the_backup_is_known_unrestorable() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    assert!(
        hearback(&data, &["demo", "--customers", "6"])
            .status
            .success()
    );
    let clean = hearback(&data, &["check"]);
    assert!(
        clean.status.success(),
        "a demo store passes: {}",
        String::from_utf8_lossy(&clean.stdout)
    );
    {
        let store = hearback::store::Store::open(&data).expect("opens");
        let base = store.load().expect("loads");
        store
            .commit(&common::dated::records_at(&base, &[FAR]))
            .expect("commits");
    }
    let o = hearback(&data, &["check"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("PROBLEM:") && out.contains("would be refused"),
        "{out}"
    );
    assert!(out.contains("outside 1970"), "names the date rule: {out}");
}
