//! The daily tasks that used to need the command line, done from the dashboard end to end (issue
//! 14.3): the real binary under tmux adds an action from a low-score follow-up in the queue,
//! moves and then cancels a booked interview, records a deliverable and adds one of our people;
//! after quitting, `hearback` on the command line finds every one of them in the store. Also the
//! command line's `interview reschedule`, the same move from a shell.
//!
//! Every Escape waits for the screen first: an Escape sent together with the next key reads as
//! Alt plus that key.

use crate::common;

use common::tmux::{Tmux, WAIT, text};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-23T09:00:00Z";
const BIN: &str = env!("CARGO_BIN_EXE_hearback");

/// A demo store in a temporary dir, with its environment.
struct Store {
    _dir: tempfile::TempDir,
    data: PathBuf,
    config: PathBuf,
}

impl Store {
    fn demo() -> Store {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = dir.path().join("hearback.toml");
        std::fs::write(&config, "").expect("write config");
        let store = Store {
            data: dir.path().join("data"),
            config,
            _dir: dir,
        };
        store.ok(&["demo"]);
        store
    }

    fn apply<'a>(&self, cmd: &'a mut Command) -> &'a mut Command {
        cmd.env("HEARBACK_DATA", &self.data)
            .env("HEARBACK_NOW", NOW)
            .env("HEARBACK_CONFIG", &self.config)
            .env("HEARBACK_USER", "Test Lead")
            .env("TZ", "UTC")
            .env_remove("TMUX")
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        self.apply(&mut Command::new(BIN))
            .args(args)
            .output()
            .expect("runs hearback")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "hearback {args:?}: {}", text(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The whole store as `export all` writes it.
    fn export(&self) -> Value {
        serde_json::from_str(&self.ok(&["export", "all", "--format", "json"])).expect("json")
    }
}

/// The text after `marker` up to the next space, e.g. the id in `Move I165 with`.
fn word_after(screen: &str, marker: &str) -> String {
    let at = screen
        .find(marker)
        .unwrap_or_else(|| panic!("{marker:?} not on the screen:\n{screen}"));
    screen[at + marker.len()..]
        .split([' ', ','])
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Waits until the dashboard has let go of the store (after `q`), so the CLI can open it.
fn wait_closed(store: &Store) {
    let start = Instant::now();
    loop {
        let out = store.run(&["customers", "--format", "json"]);
        if out.status.success() {
            return;
        }
        assert!(
            start.elapsed() < WAIT,
            "the store is still held: {}",
            text(&out)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn find<'a>(all: &'a Value, what: &str, ok: impl Fn(&Value) -> bool) -> Option<&'a Value> {
    all[what].as_array().expect(what).iter().find(|v| ok(v))
}

#[test]
fn every_daily_task_is_done_from_the_dashboard_and_the_cli_finds_it() {
    let store = Store::demo();
    let before = store.export();
    let socket = format!("hearback-tasks-{}", std::process::id());
    let tmux = Tmux::start(socket, |cmd| store.apply(cmd), BIN);
    tmux.wait_for("the dashboard", |s| s.contains("Follow-up queue"));

    // 1. An action from the low-score follow-up at the top of the queue.
    tmux.keys(&["2", "A"]);
    let shown = tmux.wait_for("the action form", |s| s.contains("(answers F"));
    let followup = word_after(&shown, "(answers ");
    let followup = followup.trim_end_matches(')').to_string();
    tmux.literal("Fix the invoice run");
    tmux.keys(&["Enter", "C-u"]);
    tmux.literal("p");
    tmux.keys(&["Enter", "Enter"]);
    tmux.literal("fri 17:00");
    tmux.keys(&["Enter"]);
    tmux.literal("agreed on the call");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the action saved", |s| s.contains("added for"));

    // 2. Move the first booked interview two days later, then cancel it.
    tmux.keys(&["3", "g", "r"]);
    let shown = tmux.wait_for("the move form", |s| s.contains("Move I"));
    let interview = format!("I{}", word_after(&shown, "Move I"));
    tmux.keys(&["C-u"]);
    tmux.literal("2026-12-09 15:30");
    tmux.keys(&["Enter"]);
    let shown = tmux.wait_for("moved or warned", |s| {
        s.contains(&format!("{interview} with")) && s.contains("moved")
            || s.contains("moves it anyway")
    });
    if shown.contains("moves it anyway") {
        tmux.keys(&["Enter"]);
    }
    tmux.wait_for("the move saved", |s| {
        s.contains(&format!("{interview} with")) && s.contains("moved")
    });
    tmux.keys(&["c"]);
    tmux.wait_for("the cancel form", |s| {
        s.contains(&format!("Cancel {interview}"))
    });
    tmux.literal("they asked to skip this quarter");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the question", |s| s.contains("Are you sure?"));
    tmux.keys(&["y"]);
    tmux.wait_for("the cancellation saved", |s| s.contains("cancelled"));

    // 3. A deliverable for the first customer, delivered on Friday.
    tmux.keys(&["1", "g", "d"]);
    let shown = tmux.wait_for("the deliverable form", |s| {
        s.contains("Major deliverable for")
    });
    let customer_line = shown
        .lines()
        .find(|l| l.contains("Major deliverable for"))
        .unwrap_or_default()
        .to_string();
    tmux.literal("Phase 2 go-live");
    tmux.keys(&["Enter"]);
    tmux.literal("2026-11-20");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the deliverable saved", |s| s.contains("deliverable \""));

    // 4. One of our people, from the staff view.
    tmux.keys(&["S"]);
    tmux.wait_for("the staff view", |s| s.contains("Staff · "));
    tmux.keys(&["n"]);
    tmux.wait_for("the add form", |s| s.contains("Add a person"));
    tmux.literal("Robin Newhire");
    tmux.keys(&["Enter"]);
    tmux.literal("robin@example.com");
    tmux.keys(&["Enter"]);
    tmux.literal("e");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the person saved", |s| s.contains("Robin Newhire added"));
    tmux.keys(&["Escape"]);
    tmux.wait_for("the panes again", |s| s.contains("Follow-up queue"));
    tmux.keys(&["q"]);
    wait_closed(&store);

    let after = store.export();
    let action = find(&after, "actions", |a| a["title"] == "Fix the invoice run")
        .expect("the action is in the store");
    assert_eq!(action["kind"], "Preventive");
    assert_eq!(action["detail"], "agreed on the call");
    let f = find(&before, "followups", |f| {
        format!("F{}", f["id"]) == followup
    })
    .expect("the follow-up");
    assert_eq!(action["followup"], f["id"], "linked to {followup}");
    assert_eq!(action["customer"], f["customer"]);
    assert_eq!(action["interview"], f["interview"]);
    assert!(action["due"].is_number(), "{action}");

    let moved = find(&after, "interviews", |i| {
        format!("I{}", i["id"]) == interview
    })
    .expect("the interview");
    assert_eq!(moved["status"], "Cancelled");
    let at = chrono::DateTime::parse_from_rfc3339("2026-12-09T15:30:00Z").expect("time");
    assert_eq!(moved["scheduled_at"], at.timestamp_millis());

    let d =
        find(&after, "deliverables", |d| d["name"] == "Phase 2 go-live").expect("the deliverable");
    let customer = find(&after, "customers", |c| c["id"] == d["customer"]).expect("its customer");
    let name = customer["name"].as_str().expect("a name");
    assert!(customer_line.contains(name), "{customer_line} names {name}");
    let friday = chrono::DateTime::parse_from_rfc3339("2026-11-20T00:00:00Z").expect("time");
    assert_eq!(d["delivered_at"], friday.timestamp_millis());

    let staff = store.ok(&["staff", "list", "--format", "json"]);
    assert!(staff.contains("Robin Newhire"), "{staff}");
    assert!(staff.contains("robin@example.com"), "{staff}");
    // The timeline says what happened, as the CLI's own commands would.
    let timeline = after["timeline"].as_array().expect("timeline");
    let said = |needle: &str| {
        timeline
            .iter()
            .any(|e| e["summary"].as_str().is_some_and(|s| s.contains(needle)))
    };
    assert!(said(&format!("Interview {interview} moved from")));
    assert!(said(&format!(
        "Interview {interview} cancelled: they asked to skip this quarter"
    )));
    assert!(said("Major deliverable \"Phase 2 go-live\""));
}

#[test]
fn the_command_line_moves_a_booking_as_the_form_does() {
    let store = Store::demo();
    let data = store.export();
    let booked = data["interviews"]
        .as_array()
        .expect("interviews")
        .iter()
        .find(|i| i["status"] == "Scheduled")
        .expect("a booked interview");
    let id = format!("I{}", booked["id"]);
    let past = store.run(&["interview", "reschedule", &id, "--at", "2026-11-20 10:00"]);
    assert!(!past.status.success());
    assert!(
        text(&past).contains("is in the past; to move"),
        "{}",
        text(&past)
    );
    let out = store.ok(&[
        "interview",
        "reschedule",
        &id,
        "--at",
        "2026-12-09 15:30",
        "--confirm",
    ]);
    assert!(out.contains(&format!("saved: {id} with")), "{out}");
    let again = store.run(&["interview", "reschedule", &id, "--at", "2026-12-09 15:30"]);
    assert!(
        text(&again).contains("already booked for 2026-12-09 15:30 UTC"),
        "{}",
        text(&again)
    );
    let after = store.export();
    let moved = find(&after, "interviews", |i| i["id"] == booked["id"]).expect("it");
    let mut want = booked.clone();
    want["scheduled_at"] = Value::from(
        chrono::DateTime::parse_from_rfc3339("2026-12-09T15:30:00Z")
            .expect("time")
            .timestamp_millis(),
    );
    assert_eq!(moved, &want, "only the time changed");
}
