//! `hearback import monitors`: an ERP delivery list and a quality system's returns/claims
//! export, through the real binary: per-row errors with line and column, exit code 3, dry
//! runs that write nothing, re-imports that update instead of adding, and a backup that
//! carries the events into a new store.

use crate::common;

use common::{hearback_cli, hearback_ok};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn import(data: &Path, file: &str, extra: &[&str]) -> (String, String, Option<i32>) {
    let csv = fixture(&format!("monitors/{file}.csv"));
    let map = fixture(&format!("monitors/{file}_map.toml"));
    let mut args = vec!["import", "monitors", csv.as_str(), "--map", map.as_str()];
    args.extend_from_slice(extra);
    let out = hearback_cli(data, &args);
    let text = |b: &[u8]| String::from_utf8_lossy(b).replace(&fixture("monitors/"), "");
    (text(&out.stdout), text(&out.stderr), out.status.code())
}

/// A store holding the CRM fixture's customers.
fn store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    hearback_ok(&data, &["import", "customers", &fixture("crm/plain.csv")]);
    (dir, data)
}

fn monitors(data: &Path) -> Vec<Value> {
    let export = hearback_ok(data, &["export", "all", "--format", "json"]);
    let backup: Value = serde_json::from_str(&export).expect("json");
    backup["monitors"].as_array().cloned().unwrap_or_default()
}

#[test]
fn an_erp_delivery_list_imports_with_its_bad_rows_named_and_updates_on_reimport() {
    let (_dir, data) = store();
    let (out, err, code) = import(&data, "erp_deliveries", &["--dry-run"]);
    assert_eq!(code, Some(3), "{out}{err}");
    assert!(out.contains("dry run: would add 13 events"), "{out}");
    assert!(monitors(&data).is_empty(), "a dry run writes nothing");

    let (out, err, code) = import(&data, "erp_deliveries", &[]);
    assert_eq!(code, Some(3), "rows were rejected: {out}{err}");
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        vec![
            "erp_deliveries.csv:15: '31.02.2026' does not match date_format '%d.%m.%Y' \
             (column 'Deliv. Date')",
            "erp_deliveries.csv:17: customer not found: no customer has the CRM record id \
             'DE-4711', no customer has the name 'Nordlicht Maschinenbau GmbH'; import the \
             customer first, or map another column (columns 'Sold-To Party', 'Name of \
             Sold-To Party')",
            "erp_deliveries.csv:18: the document number is blank (column 'Delivery'); every \
             row needs one",
        ]
    );
    assert!(
        out.contains(
            "saved: add 13 events, update 0, 0 unchanged, 1 rows repeating a document \
             (imported once), 3 rows not imported"
        ),
        "{out}"
    );
    assert!(out.contains("Brightwater Logistics: 9 events"), "{out}");
    let events = monitors(&data);
    assert_eq!(events.len(), 13);
    let open = events
        .iter()
        .find(|e| e["reference"] == "80001207")
        .expect("the delivery not made yet");
    assert_eq!(open["kind"]["Delivery"]["delivered"], Value::Null);

    // The same export again: nothing added, nothing changed.
    let (out, _, code) = import(&data, "erp_deliveries", &[]);
    assert_eq!(code, Some(3));
    assert!(
        out.contains("nothing to change: add 0 events, update 0, 13 unchanged"),
        "{out}"
    );
    assert_eq!(monitors(&data).len(), 13);
    let check = hearback_ok(&data, &["check"]);
    assert!(check.contains("monitors"), "{check}");
}

#[test]
fn a_returns_and_claims_export_maps_its_kinds_and_reads_credit_amounts() {
    let (_dir, data) = store();
    let (out, err, code) = import(&data, "quality_returns", &[]);
    assert_eq!(code, Some(3), "{out}{err}");
    assert!(
        out.contains("12 rows read, 1 of a kind the map ignores"),
        "{out}"
    );
    assert!(
        err.contains(
            "quality_returns.csv:12: 'Quote' is not a kind we know; map it under [kinds] to \
             delivery, claim, return, credit_note or ignore (column 'Doc Type')"
        ),
        "{err}"
    );
    assert!(
        err.contains("quality_returns.csv:11: '2026-13-01' is not a date"),
        "{err}"
    );
    let events = monitors(&data);
    let kind = |reference: &str| {
        events
            .iter()
            .find(|e| e["reference"] == reference)
            .map(|e| e["kind"].clone())
            .unwrap_or(Value::Null)
    };
    assert_eq!(kind("RMA-2026-0311"), Value::from("Return"));
    assert_eq!(kind("WC-5521"), Value::from("Claim"));
    // Written negative in the export; the amount credited.
    assert_eq!(
        kind("CM-90017")["CreditNote"]["amount"],
        serde_json::json!({"minor": 125000, "currency": "GBP"})
    );
    assert_eq!(
        kind("CM-90030")["CreditNote"]["amount"],
        serde_json::json!({"minor": 150000, "currency": "JPY"})
    );
    assert_eq!(kind("INV-77120"), Value::Null, "invoices are ignored");
    // Corvid Games is found by the domain of its contact's email alone.
    let corvid = events
        .iter()
        .find(|e| e["reference"] == "WC-5530")
        .expect("matched by email domain");
    let customers = hearback_ok(&data, &["customers", "--format", "json"]);
    assert!(customers.contains("Corvid Games"));
    assert!(corvid["customer"].as_u64().is_some());

    // --strict imports nothing when a row is bad.
    let (_dir2, fresh) = store();
    let (_, _, code) = import(&fresh, "quality_returns", &["--strict"]);
    assert_eq!(code, Some(1));
    assert!(monitors(&fresh).is_empty());
}

#[test]
fn a_backup_carries_monitor_events_into_a_new_store() {
    let (dir, data) = store();
    import(&data, "erp_deliveries", &[]);
    let backup = dir.path().join("backup.json");
    let json = hearback_ok(&data, &["export", "all", "--format", "json"]);
    std::fs::write(&backup, json).expect("writes");
    let restored = dir.path().join("restored");
    let path = backup.display().to_string();
    hearback_ok(&restored, &["import", "backup", &path]);
    assert_eq!(monitors(&restored), monitors(&data));
    assert_eq!(monitors(&restored).len(), 13);
    let check = hearback_ok(&restored, &["check"]);
    assert!(!check.contains("problem"), "{check}");
}

/// What `hearback customer` shows of the monitors, risk included: on 2026-11-23 Brightwater
/// has 5 of 7 deliveries on time (71 %, below 80) and 3 returns in 30 days (10-30, 11-05,
/// 11-18; 10-12 is in the 90 days only), credits GBP 1,250.00 + 85.50.
#[test]
fn the_customer_view_shows_the_figures_and_the_risk_they_raise() {
    let (_dir, data) = store();
    import(&data, "erp_deliveries", &[]);
    import(&data, "quality_returns", &[]);
    let shown = hearback_ok(&data, &["customer", "Brightwater Logistics"]);
    insta::assert_snapshot!(shown);
}

/// The dashboard's customer detail shows the same lines.
#[test]
fn the_dashboard_detail_shows_the_monitors() {
    use common::dashboard::{now, rules, screen};
    use hearback::app::{App, Overlay};
    use hearback::core::monitors::{MonitorEvent, MonitorId, MonitorKind, date_instant};
    use hearback::core::{Change, ChangeSet, Customer, CustomerId, Dataset, Money};
    let day = |m, d| date_instant(chrono::NaiveDate::from_ymd_opt(2026, m, d).expect("date"));
    let event = |id: u64, kind: MonitorKind, on, reference: &str, note: &str| MonitorEvent {
        id: MonitorId(id),
        customer: CustomerId(1),
        kind,
        on,
        reference: reference.into(),
        note: note.into(),
    };
    let mut set = ChangeSet::new();
    set.push(Change::Customer(Customer::new(
        CustomerId(1),
        "Brightwater Logistics",
        Money::new(245_000_000, "GBP"),
        day(1, 5),
    )));
    for (id, promised, late) in [
        (10, day(10, 1), 0),
        (11, day(10, 15), 4),
        (12, day(11, 2), -1),
    ] {
        let made = promised + chrono::Duration::days(late);
        let kind = MonitorKind::Delivery {
            promised,
            delivered: Some(made),
        };
        set.push(Change::Monitor(event(
            id,
            kind,
            made,
            &format!("8000{id}"),
            "Scanners",
        )));
    }
    set.push(Change::Monitor(event(
        20,
        MonitorKind::Return,
        day(11, 18),
        "RMA-25",
        "Dead on arrival",
    )));
    let amount = Some(Money::new(8_550, "GBP"));
    set.push(Change::Monitor(event(
        21,
        MonitorKind::CreditNote { amount },
        day(11, 19),
        "CM-21",
        "Freight",
    )));
    let mut data = Dataset::default();
    data.apply(&set);
    let mut app = App::new(
        data,
        rules(),
        now(),
        true,
        "/data/hearback".into(),
        "tester".into(),
    );
    app.overlay = Some(Overlay::Customer {
        id: CustomerId(1),
        scroll: 0,
    });
    insta::assert_snapshot!(screen(&app, 200, 60));
}
