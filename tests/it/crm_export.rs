//! `hearback export crm` through the real binary: the HubSpot write-back CSV carries the
//! feedback figures under HubSpot's property names, leaves out customers without a record id,
//! and re-imports into hearback's own CRM reader as an update of the same records.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-02T09:00:00Z";

fn run(data: &Path, args: &[&str]) -> Output {
    let o = Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", NOW)
        .env("HEARBACK_USER", "Test Lead")
        .env("HEARBACK_CONFIG", data.with_extension("no-config.toml"))
        .env("TZ", "UTC")
        .output()
        .expect("runs hearback");
    assert!(
        o.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/crm/hubspot_companies.csv")
}

/// The HubSpot fixture's three companies, one customer typed in without a CRM id, and one
/// interview with Brightwater scoring a 2.
fn store(dir: &Path) -> PathBuf {
    let data = dir.join("d");
    std::fs::write(data.with_extension("no-config.toml"), "").expect("write config");
    let path = |p: &Path| p.to_str().expect("UTF-8 path").to_string();
    run(&data, &["import", "customers", &path(&fixture())]);
    let plain = dir.join("plain.csv");
    std::fs::write(&plain, "name,size\nNo Id Ltd,1000\n").expect("write csv");
    run(&data, &["import", "customers", &path(&plain)]);
    run(
        &data,
        &[
            "interview",
            "record",
            "--customer",
            "Brightwater",
            "--at",
            "2026-10-01T10:00:00Z",
            "--scores",
            "5,4,2,5,3,5",
        ],
    );
    data
}

/// `(hearback id, crm id)` of every customer, sorted.
fn ids(data: &Path) -> Vec<(u64, String)> {
    let list: Vec<Value> =
        serde_json::from_str(&stdout(&run(data, &["customers", "--format", "json"])))
            .expect("json");
    let mut ids: Vec<(u64, String)> = list
        .iter()
        .map(|c| {
            (
                c["id"].as_u64().expect("an id"),
                c["crm_id"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn hubspot_write_back_reimports_as_an_update_of_the_same_records() {
    let dir = tempfile::tempdir().expect("temp");
    let data = store(dir.path());
    let before = ids(&data);
    assert_eq!(before.len(), 4, "{before:?}");

    let out = run(&data, &["export", "crm", "--for", "hubspot"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "1 customer has no CRM record id and was left out: import them from your CRM first"
        ),
        "{stderr}"
    );
    let csv = stdout(&out);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        headers,
        [
            "Record ID",
            "Company name",
            "hearback_last_interview_date",
            "hearback_last_average",
            "hearback_lowest_recent_score",
            "hearback_risk",
            "hearback_risk_reasons",
            "hearback_open_followups",
            "hearback_next_interview_date",
            "hearback_next_interview_status",
            "hearback_updated",
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("a record").iter().map(String::from).collect())
        .collect();
    let record_ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(record_ids, ["9876543210", "9876543211", "9876543212"]);
    // Brightwater: (5+4+2+5+3+5)/6 = 4.00, lowest 2 (at risk), one follow-up opened by the 2,
    // next interview due six months on.
    let bright = &rows[0];
    assert_eq!(bright[1], "Brightwater Logistics");
    assert_eq!(bright[2..6], ["2026-10-01", "4.00", "2", "at_risk"]);
    assert!(bright[6].contains("scored 2"), "{bright:?}");
    assert_eq!(bright[7], "1");
    assert_eq!(bright[9], "due", "{bright:?}");
    assert_eq!(bright[10], "2026-11-02");
    // Kestrel was never interviewed: due now.
    assert_eq!(rows[1][2..5], ["", "", ""]);
    assert_eq!(rows[1][8..10], ["2026-11-02", "due"]);

    // Renamed in the file: still the same record, matched by its record id.
    let file = dir.path().join("hubspot-update.csv");
    std::fs::write(
        &file,
        csv.replace("Brightwater Logistics", "Brightwater Logistics Ltd"),
    )
    .expect("write");
    let file = file.to_str().expect("UTF-8 path");
    let dry = stdout(&run(&data, &["import", "customers", file, "--dry-run"]));
    assert!(dry.contains("HubSpot layout"), "{dry}");
    assert!(
        dry.contains("dry run: would create 0 customers, would update 1, 2 unchanged"),
        "{dry}"
    );
    assert!(!dry.contains("new:"), "{dry}");
    run(&data, &["import", "customers", file]);
    assert_eq!(ids(&data), before, "no new customers, the same ids");
}
