//! The command line reads times, lengths and places through the dashboard's parser: what the
//! booking dialog accepts, `--at`, `--due` and `--until` accept too.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Monday 23 November 2026, 09:00 UTC (the calendar's offset is UTC: TZ=UTC, no config).
const NOW: &str = "2026-11-23T09:00:00Z";

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", NOW)
        .env("HEARBACK_USER", "Test Lead")
        .env("HEARBACK_CONFIG", data.with_extension("no-config.toml"))
        .env("TZ", "UTC")
        .output()
        .expect("runs hearback")
}

fn ok(data: &Path, args: &[&str]) -> String {
    let o = run(data, args);
    assert!(
        o.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn setup(dir: &Path) -> PathBuf {
    let data = dir.join("d");
    let csv = dir.join("c.csv");
    std::fs::write(
        &csv,
        "name,size,tier,account_manager,contact_name,contact_email\n\
         Acme Freight,1250000,key,Dana Reyes,Ada Byrne,ada@acme.example\n",
    )
    .expect("write csv");
    std::fs::write(data.with_extension("no-config.toml"), "").expect("write config");
    ok(
        &data,
        &["import", "customers", csv.to_str().expect("utf-8")],
    );
    data
}

fn exported(data: &Path, what: &str) -> Vec<Value> {
    serde_json::from_str(&ok(data, &["export", what, "--format", "json"])).expect("json")
}

#[test]
fn booking_takes_what_people_type_with_length_place_and_the_primary_contact() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path());
    let out = ok(
        &data,
        &[
            "interview",
            "schedule",
            "--customer",
            "Acme",
            "--at",
            "tomorrow 9",
            "--duration",
            "1h",
            "--location",
            "phone",
        ],
    );
    assert!(out.contains("2026-11-24 09:00"), "{out}");
    let interviews = exported(&data, "interviews");
    let i = interviews.first().expect("one interview");
    assert_eq!(i["scheduled_at"], "2026-11-24T09:00:00+00:00");
    assert_eq!(i["duration_minutes"], 60);
    assert_eq!(i["contact"], "Ada Byrne", "the primary contact by default");
    let customer = ok(&data, &["customer", "Acme"]);
    assert!(customer.contains("by phone"), "{customer}");
    assert!(!customer.contains("customer's office"), "{customer}");
}

#[test]
fn lengths_outside_the_range_and_past_times_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path());
    let book = |extra: &[&str]| {
        let mut args = vec!["interview", "schedule", "--customer", "Acme"];
        args.extend_from_slice(extra);
        run(&data, &args)
    };
    let long = book(&["--at", "fri 10:00", "--duration", "600"]);
    assert!(!long.status.success());
    let err = String::from_utf8_lossy(&long.stderr);
    assert!(err.contains("600 minutes is outside 5-480"), "{err}");
    let past = book(&["--at", "today 8:00"]);
    assert!(!past.status.success());
    let err = String::from_utf8_lossy(&past.stderr);
    assert!(
        err.contains("Mon 23 Nov 08:00 (today, 1 h ago) is in the past"),
        "{err}"
    );
    assert!(exported(&data, "interviews").is_empty());
    ok(
        &data,
        &[
            "interview",
            "schedule",
            "--customer",
            "Acme",
            "--at",
            "today 8:00",
            "--confirm",
        ],
    );
}

#[test]
fn due_dates_and_snoozes_take_weekdays_and_times_of_day() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path());
    ok(
        &data,
        &[
            "action",
            "add",
            "--customer",
            "Acme",
            "--kind",
            "corrective",
            "--title",
            "Fix it",
            "--due",
            "fri",
        ],
    );
    let actions = exported(&data, "actions");
    let action = actions.first().expect("one action");
    let due = action["due"].clone();
    assert!(
        due.as_str()
            .is_some_and(|d| d.starts_with("2026-11-27T00:00")),
        "{due}"
    );
    let id = format!("A{}", action["id"]);
    ok(&data, &["action", "set", &id, "--due", "10:00"]);
    let actions = exported(&data, "actions");
    let due = actions.first().expect("one action")["due"].clone();
    assert!(
        due.as_str()
            .is_some_and(|d| d.starts_with("2026-11-23T10:00")),
        "{due}"
    );
    let bad = run(&data, &["action", "set", &id, "--due", "someday"]);
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("'someday' is not a time: use 10:00"), "{err}");
}
