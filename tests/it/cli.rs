//! End-to-end runs of the real `hearback` binary on temporary data dirs.

use crate::common;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const NOW: &str = "2026-11-23T09:00:00Z";

/// The real binary at the tests' fixed time ([`NOW`]).
use common::hearback_cli as hearback;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(data: &Path, args: &[&str]) -> String {
    let o = hearback(data, args);
    assert!(
        o.status.success(),
        "hearback {args:?} failed: {}{}",
        stdout(&o),
        stderr(&o)
    );
    stdout(&o)
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/crm/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn demo_then_customers_lists_largest_first() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    ok(&data, &["demo"]);
    let list: Vec<Value> =
        serde_json::from_str(&ok(&data, &["customers", "--format", "json"])).expect("json");
    assert!(
        list.len() >= 35,
        "demo customers listed (archived ones hidden): {}",
        list.len()
    );
    let sizes: Vec<i64> = list
        .iter()
        .map(|c| c["size_minor"].as_i64().expect("size_minor is an integer"))
        .collect();
    assert!(
        sizes.windows(2).all(|w| w[0] >= w[1]),
        "largest first: {sizes:?}"
    );
    for field in [
        "id",
        "name",
        "size_minor",
        "currency",
        "tier",
        "account_manager",
    ] {
        assert!(list[0].get(field).is_some(), "field {field} present");
    }
    let table = ok(&data, &["customers"]);
    let first_name = list[0]["name"].as_str().expect("name");
    assert!(
        table
            .lines()
            .nth(1)
            .is_some_and(|l| l.starts_with(first_name)),
        "{table}"
    );
}

#[test]
fn demo_refuses_a_non_empty_store_unless_forced() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    ok(&data, &["demo", "--customers", "3"]);
    let again = hearback(&data, &["demo", "--customers", "3"]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already holds 3 customers"),
        "{}",
        stderr(&again)
    );
    ok(&data, &["demo", "--customers", "3", "--force"]);
    let list: Vec<Value> =
        serde_json::from_str(&ok(&data, &["customers", "--format", "json"])).expect("json");
    assert!(
        list.len() >= 4,
        "forced demo added customers alongside: {}",
        list.len()
    );
}

#[test]
fn demo_is_deterministic_for_a_seed_and_now() {
    let dir = tempfile::tempdir().expect("temp");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    ok(&a, &["demo", "--seed", "11"]);
    ok(&b, &["demo", "--seed", "11"]);
    for what in ["customers", "interviews", "actions"] {
        assert_eq!(
            ok(&a, &["export", what]),
            ok(&b, &["export", what]),
            "{what}"
        );
    }
}

#[test]
fn a_second_process_gets_a_clear_message_without_waiting() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    let store = hearback::store::Store::open(&data).expect("opens");
    let started = std::time::Instant::now();
    let o = hearback(&data, &["customers"]);
    // The store stays open here until the end, so a process that waited for the lock would
    // never finish; the bound turns that into a failure (see common::HANG), not a speed claim.
    assert!(started.elapsed() < common::HANG, "{:?}", started.elapsed());
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains(&format!("hearback is already open on {}", data.display())),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
    drop(store);
}

#[test]
fn import_reports_bad_rows_by_line_and_exits_non_zero() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    let o = hearback(&data, &["import", "customers", &fixture("messy.csv")]);
    assert_eq!(o.status.code(), Some(3), "{}{}", stdout(&o), stderr(&o));
    let err = stderr(&o);
    assert!(err.lines().count() >= 4, "one line per bad row: {err}");
    assert!(err.lines().all(|l| l.contains("messy.csv:")), "{err}");
    let list: Vec<Value> =
        serde_json::from_str(&ok(&data, &["customers", "--format", "json"])).expect("json");
    assert!(!list.is_empty(), "good rows were imported");
    for c in &list {
        let name = c["name"].as_str().expect("name");
        assert!(
            !name.contains('\u{1b}') && !name.contains('\u{202e}'),
            "sanitised: {name:?}"
        );
    }
}

#[test]
fn strict_import_writes_nothing_when_a_row_is_bad() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    let o = hearback(
        &data,
        &["import", "customers", "--strict", &fixture("messy.csv")],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nothing imported"), "{}", stderr(&o));
    assert!(ok(&data, &["customers"]).contains("No customers yet"));
}

#[test]
fn dry_run_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    let out = ok(
        &data,
        &[
            "import",
            "customers",
            "--dry-run",
            &fixture("hubspot_companies.csv"),
        ],
    );
    assert!(out.contains("would create"), "{out}");
    assert!(ok(&data, &["customers"]).contains("No customers yet"));
}

#[test]
fn every_crm_layout_imports_and_reimport_never_duplicates() {
    for file in [
        "hubspot_companies.csv",
        "salesforce_api.csv",
        "salesforce_report.csv",
        "zoho_accounts.csv",
        "plain.csv",
    ] {
        let dir = tempfile::tempdir().expect("temp");
        let data = dir.path().join("d");
        ok(&data, &["import", "customers", &fixture(file)]);
        let first: Vec<Value> =
            serde_json::from_str(&ok(&data, &["customers", "--format", "json"])).expect("json");
        assert!(!first.is_empty(), "{file}");
        let again = ok(&data, &["import", "customers", &fixture(file)]);
        assert!(again.contains("create 0 customers"), "{file}: {again}");
        let second: Vec<Value> =
            serde_json::from_str(&ok(&data, &["customers", "--format", "json"])).expect("json");
        assert_eq!(first, second, "{file}: re-import changed nothing");
    }
}

#[test]
fn export_then_import_round_trips_customers_exactly() {
    let dir = tempfile::tempdir().expect("temp");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let messy = hearback(&a, &["import", "customers", &fixture("messy.csv")]);
    assert_eq!(
        messy.status.code(),
        Some(3),
        "messy.csv has bad rows; its good rows are imported"
    );
    ok(&a, &["demo", "--customers", "12", "--force"]);
    let exported = ok(&a, &["export", "customers"]);
    let file = dir.path().join("customers.csv");
    std::fs::write(&file, &exported).expect("write");
    ok(
        &b,
        &["import", "customers", file.to_str().expect("utf-8 path")],
    );
    let strip_ids = |csv: &str| -> Vec<String> {
        csv.lines()
            .map(|l| l.split_once(',').map_or(l, |(_, rest)| rest).to_string())
            .collect()
    };
    assert_eq!(
        strip_ids(&ok(&b, &["export", "customers"])),
        strip_ids(&exported)
    );
}

#[test]
fn csv_export_neutralises_formulas() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    let file = dir.path().join("evil.csv");
    std::fs::write(
        &file,
        "name,size,segment\n\"=HYPERLINK(\"\"http://x\"\")\",100,@SUM(A1)\n+Plus Co,200,-minus\n",
    )
    .expect("write");
    ok(
        &data,
        &["import", "customers", file.to_str().expect("utf-8 path")],
    );
    let csv = ok(&data, &["export", "customers"]);
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
    assert!(
        csv.contains("'@SUM(A1)") && csv.contains("'+Plus Co") && csv.contains("'-minus"),
        "{csv}"
    );
}

#[test]
fn backup_restores_everything_into_a_new_store() {
    let dir = tempfile::tempdir().expect("temp");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    ok(&a, &["demo", "--customers", "15"]);
    let backup = ok(&a, &["export", "all", "--format", "json"]);
    let file = dir.path().join("backup.json");
    std::fs::write(&file, &backup).expect("write");
    ok(
        &b,
        &["import", "backup", file.to_str().expect("utf-8 path")],
    );
    assert_eq!(ok(&b, &["export", "all", "--format", "json"]), backup);
    let refused = hearback(
        &b,
        &["import", "backup", file.to_str().expect("utf-8 path")],
    );
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("not empty"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn a_broken_backup_is_refused_with_line_and_column() {
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("bad.json");
    std::fs::write(
        &file,
        "{\n  \"format\": \"hearback-backup\",\n  \"version\": 1,\n  oops\n}",
    )
    .expect("write");
    let o = hearback(
        &dir.path().join("d"),
        &["import", "backup", file.to_str().expect("utf-8 path")],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("line 4"), "{}", stderr(&o));
}

#[test]
fn check_is_clean_on_a_demo_store() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    ok(&data, &["demo", "--customers", "5"]);
    let out = ok(&data, &["check"]);
    assert!(out.contains("ok: every record decodes"), "{out}");
}

#[test]
fn check_names_a_damaged_record_and_exits_non_zero() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    ok(&data, &["demo", "--customers", "5"]);
    {
        let db = sled::open(data.join("store")).expect("raw open");
        let tree = db.open_tree("customers").expect("tree");
        let (key, value) = tree.first().expect("reads").expect("has a customer");
        let mut bad = value.to_vec();
        bad[3] ^= 0xff;
        tree.insert(key, bad).expect("insert");
        db.flush().expect("flush");
    }
    common::wait_until_unlocked(&data);
    let o = hearback(&data, &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("tree customers key"), "{}", stdout(&o));
    let listing = hearback(&data, &["customers"]);
    assert!(!listing.status.success());
    assert!(
        stderr(&listing).contains("damaged record in tree 'customers'"),
        "{}",
        stderr(&listing)
    );
}

#[test]
fn bad_now_is_a_clear_usage_error() {
    let dir = tempfile::tempdir().expect("temp");
    let o = hearback(&dir.path().join("d"), &["customers", "--now", "yesterday"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("'yesterday' is not a time"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn empty_store_overview_says_what_to_do() {
    let dir = tempfile::tempdir().expect("temp");
    let out = ok(&dir.path().join("d"), &[]);
    assert!(
        out.contains("The store is empty") && out.contains("hearback demo"),
        "{out}"
    );
}

#[test]
fn help_and_version_work_on_every_subcommand() {
    let dir = tempfile::tempdir().expect("temp");
    for args in [
        vec!["--help"],
        vec!["--version"],
        vec!["demo", "--help"],
        vec!["import", "--help"],
        vec!["import", "customers", "--help"],
        vec!["import", "backup", "--help"],
        vec!["export", "--help"],
        vec!["check", "--help"],
        vec!["customers", "--help"],
        vec!["customers", "--version"],
    ] {
        let out = ok(dir.path(), &args);
        assert!(!out.is_empty(), "{args:?}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly_without_a_panic() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    // Enough customers that the list outgrows the pipe's buffer.
    ok(&data, &["demo", "--customers", "3000"]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(["customers"])
        .env("HEARBACK_DATA", &data)
        .env("HEARBACK_NOW", NOW)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs hearback");
    // Read a little, then close the pipe, as `| head -c 100` does.
    let mut first = [0u8; 100];
    std::io::Read::read_exact(child.stdout.as_mut().expect("stdout"), &mut first)
        .expect("reads the start");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("waits");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn without_user_in_the_environment_the_timeline_names_the_login_user_not_cli() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    ok(&data, &["demo"]);
    // A write without USER: booking an interview puts an event on the timeline.
    let first = "Alderley Logistics";
    let o = Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args([
            "interview",
            "schedule",
            "--customer",
            first,
            "--at",
            "2026-12-01T10:00:00Z",
        ])
        .env("HEARBACK_DATA", &data)
        .env("HEARBACK_NOW", NOW)
        .env_remove("USER")
        .env_remove("LOGNAME")
        .output()
        .expect("runs hearback");
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let login = Command::new("id").arg("-un").output().expect("runs id");
    let login = String::from_utf8_lossy(&login.stdout).trim().to_string();
    let all: Value =
        serde_json::from_str(&ok(&data, &["export", "all", "--format", "json"])).expect("json");
    let actors: Vec<&str> = all["timeline"]
        .as_array()
        .expect("a timeline")
        .iter()
        .filter(|e| e["kind"] == "InterviewScheduled")
        .filter_map(|e| e["actor"].as_str())
        .collect();
    // The demo's bookings name our people; the one just made names the login user.
    assert!(
        actors.contains(&login.as_str()),
        "{login} not in {actors:?}"
    );
    assert!(!actors.contains(&"cli"), "{actors:?}");
}
