//! Hostile backups (tests/fixtures/hostile/backup_*.json) restored with the real binary: each
//! is refused in full before anything is written, every problem named by JSON path and record,
//! or, for text with escape sequences, restored clean. And an older store that already holds
//! escape sequences cannot drive the terminal through any listing or report.

use crate::common;

use std::path::{Path, PathBuf};

use common::hearback_cli as hearback;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(format!(
        "{}/tests/fixtures/hostile/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
}

/// Restores `name` into a fresh dir; returns (dir, success, stdout + stderr).
fn restore(name: &str) -> (tempfile::TempDir, bool, String) {
    let dir = tempfile::tempdir().expect("temp");
    let file = fixture(name);
    let o = hearback(
        &dir.path().join("d"),
        &["import", "backup", file.to_str().expect("utf-8 path")],
    );
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (dir, o.status.success(), text)
}

fn assert_nothing_written(dir: &Path) {
    let o = hearback(&dir.join("d"), &["export", "all", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("a backup");
    for tree in ["staff", "customers", "interviews", "timeline"] {
        assert_eq!(
            json[tree].as_array().map(Vec::len),
            Some(0),
            "{tree} was written"
        );
    }
}

#[test]
fn a_valid_backup_restores_and_round_trips() {
    let (dir, ok, text) = restore("backup_valid_small.json");
    assert!(ok, "{text}");
    let o = hearback(
        &dir.path().join("d"),
        &["export", "all", "--format", "json"],
    );
    let back: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let orig: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("backup_valid_small.json")).expect("read"))
            .expect("json");
    assert_eq!(back["customers"], orig["customers"]);
    assert_eq!(back["interviews"], orig["interviews"]);
}

#[test]
fn duplicate_ids_are_refused_not_merged() {
    let (dir, ok, text) = restore("backup_duplicate_ids.json");
    assert!(!ok, "restored: {text}");
    assert!(
        text.contains("customers[2] (C14).id") && text.contains("already used by customers[0]"),
        "{text}"
    );
    assert!(text.contains("nothing was restored"), "{text}");
    assert_nothing_written(dir.path());
}

#[test]
fn an_id_that_leaves_no_room_is_refused() {
    let (dir, ok, text) = restore("backup_max_id.json");
    assert!(!ok, "restored: {text}");
    assert!(
        text.contains("staff[0] (S18446744073709551615).id"),
        "{text}"
    );
    assert!(text.contains("9007199254740991"), "{text}");
    assert_nothing_written(dir.path());
}

#[test]
fn every_bad_value_is_reported_with_its_path() {
    let (dir, ok, text) = restore("backup_bad_values.json");
    assert!(!ok, "restored: {text}");
    for needle in [
        "customers[0] (C14).size: '-50.00' is negative",
        "customers[1] (C29).size: currency 'DOLLARS'",
        "customers[1] (C29).name: is blank",
        "staff[2] (S3).name: is blank",
        "interviews[0] (I18).answers: has 7 answers; there are 6 questions",
        "interviews[0] (I18).answers[1].question_key: 'favourite_colour' is not one of our questions",
        "interviews[0] (I18).answers[6].question_key: question 'overall' is answered twice",
        "interviews[1] (I19).duration_minutes: 0 minutes is outside 5-480",
        "interviews[3] (I27).scheduled_at: the year 262142 is outside 1970-2200",
        "customers[0] (C14).created_at: the year -262143 is outside 1970-2200",
        "followups[0] (F",
        "names interview I999999, which is not in the backup",
        "actions[0] (A",
        "names customer C888888, which is not in the backup",
        "names S777777, who is not in the backup's staff",
        "who is not a contact of C14",
        "14 problems in the backup",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
    assert_nothing_written(dir.path());
}

/// What a person sees from every listing and report of the store in `data`.
fn every_output(data: &Path) -> String {
    let mut all = String::new();
    for args in [
        &["customers"][..],
        &["customer", "Northwind"],
        &["queue", "--all"],
        &["status"],
        &["stats"],
        &["staff", "list"],
        &["report", "president", "--since", "2020-01-01"],
        &["report", "digest", "--since", "2020-01-01"],
        &["report", "debrief", "--interview", "I18"],
        &["export", "customers", "--format", "csv"],
        &["export", "interviews", "--format", "csv"],
        &["export", "all", "--format", "json"],
    ] {
        let o = hearback(data, args);
        all.push_str(&String::from_utf8_lossy(&o.stdout));
        all.push_str(&String::from_utf8_lossy(&o.stderr));
    }
    all
}

fn assert_clean(text: &str) {
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(
            !text.contains(bad),
            "{bad:?} reached the terminal:\n{text:?}"
        );
    }
}

#[test]
fn escape_sequences_in_a_backup_are_cleaned_on_the_way_in() {
    let (dir, ok, text) = restore("backup_escapes.json");
    assert!(ok, "{text}");
    assert!(text.contains("cleaned 5 text fields"), "{text}");
    let out = every_output(&dir.path().join("d"));
    assert!(out.contains("Northwind Water"), "{out}");
    assert_clean(&out);
}

#[test]
fn a_store_that_already_holds_escape_sequences_cannot_drive_the_terminal() {
    // Written straight into the store, as an older build's restore did.
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    let bytes = std::fs::read(fixture("backup_escapes.json")).expect("read");
    let raw: hearback::io::backup::Backup = serde_json::from_slice(&bytes).expect("parses");
    let (dataset, timeline) = raw.into_parts();
    let mut set = hearback::core::ChangeSet::new();
    set.changes.extend(dataset.into_changes());
    set.changes
        .extend(timeline.into_iter().map(hearback::core::Change::Event));
    hearback::store::Store::open(&data)
        .expect("opens")
        .commit(&set)
        .expect("commits");
    let out = every_output(&data);
    assert!(out.contains("Northwind"), "{out}");
    assert_clean(&out);
}

#[test]
fn a_store_holding_an_id_that_leaves_no_room_refuses_new_records_instead_of_reusing_it() {
    // As an older build restored backup_max_id.json: staff S18446744073709551615 is stored.
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    let mut boss = common::staff(u64::MAX, "Max Id", vec![hearback::core::Role::Executive]);
    boss.email = None;
    let mut set = hearback::core::ChangeSet::new();
    set.changes.push(hearback::core::Change::Staff(boss));
    hearback::store::Store::open(&data)
        .expect("opens")
        .commit(&set)
        .expect("commits");
    for name in ["First New", "Second New"] {
        let o = hearback(&data, &["staff", "add", name]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{name} was added");
        assert!(err.contains("above the largest id"), "{err}");
    }
    let o = hearback(&data, &["staff", "list"]);
    let list = String::from_utf8_lossy(&o.stdout);
    assert!(list.contains("Max Id") && !list.contains("New"), "{list}");
}

/// `backup_valid_small.json` with monitor events and watched CRM values added: the good ones
/// restore and round-trip, and bad ones are named by path with nothing written.
fn with_new_kinds(dir: &Path, monitors: serde_json::Value, crm: serde_json::Value) -> PathBuf {
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("backup_valid_small.json")).expect("read"))
            .expect("json");
    json["monitors"] = monitors;
    json["crm_fields"] = crm;
    let path = dir.join("backup.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&json).expect("json")).expect("write");
    path
}

fn monitor_json(id: u64, customer: u64) -> serde_json::Value {
    let mut m = common::monitor(id);
    m.customer = hearback::core::CustomerId(customer);
    serde_json::to_value(&m).expect("json")
}

fn crm_json(customer: u64, renewal: &str) -> serde_json::Value {
    let mut f = common::crm_fields();
    f.customer = hearback::core::CustomerId(customer);
    f.renewal_noted = Some(renewal.into());
    serde_json::to_value(&f).expect("json")
}

#[test]
fn monitors_and_crm_values_restore_and_round_trip() {
    let dir = tempfile::tempdir().expect("temp");
    let monitors = serde_json::json!([monitor_json(100, 14), monitor_json(101, 29)]);
    let crm = serde_json::json!([crm_json(14, "2027-02-01")]);
    let file = with_new_kinds(dir.path(), monitors.clone(), crm.clone());
    let data = dir.path().join("d");
    let o = hearback(&data, &["import", "backup", file.to_str().expect("utf-8")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = hearback(&data, &["export", "all", "--format", "json"]);
    let back: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(back["monitors"], monitors);
    assert_eq!(back["crm_fields"], crm);
}

#[test]
fn bad_monitors_and_crm_values_are_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp");
    let mut blank = monitor_json(100, 14);
    blank["reference"] = "  ".into();
    let mut far = monitor_json(101, 14);
    far["on"] = serde_json::json!(10_413_792_000_000i64); // 2300-01-01
    let monitors = serde_json::json!([blank, far, monitor_json(102, 555_555)]);
    let crm = serde_json::json!([crm_json(29, "next spring"), crm_json(444_444, "2027-02-01")]);
    let file = with_new_kinds(dir.path(), monitors, crm);
    let data = dir.path().join("d");
    let o = hearback(&data, &["import", "backup", file.to_str().expect("utf-8")]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!o.status.success(), "restored: {text}");
    for needle in [
        "monitors[0] (M100).reference",
        "monitors[1] (M101).on",
        "monitors[2] (M102).customer",
        "names customer C555555, which is not in the backup",
        "crm_fields[0].renewal_noted: is not a date like 2027-03-31",
        "crm_fields[1].customer",
        "names customer C444444, which is not in the backup",
        "nothing was restored",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
    assert_nothing_written(dir.path());
}
