//! `hearback export interviews` through the real binary: the fields each interview carries,
//! in JSON and in CSV.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const NOW: &str = "2026-11-02T09:00:00Z";

fn ok(data: &Path, args: &[&str]) -> String {
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
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

/// A store with two customers, one interview of 45 minutes booked with Acme and one of the
/// default length with Globex.
fn two_bookings(dir: &Path) -> PathBuf {
    let data = dir.join("d");
    // An empty config file is valid: the shipped policy applies, whatever the machine has.
    std::fs::write(data.with_extension("no-config.toml"), "").expect("write config");
    let csv = dir.join("c.csv");
    std::fs::write(
        &csv,
        "name,size,tier,account_manager,service_manager,executive_sponsor,contact_name,contact_email\n\
         Acme Freight,1250000,key,Dana Reyes,Sam Ortiz,Alex Chen,Ada Byrne,ada@acme.example\n\
         Globex Corporation,900000,growth,Dana Reyes,Sam Ortiz,Alex Chen,Hank Scorpio,hank@globex.example\n",
    )
    .expect("write csv");
    ok(
        &data,
        &["import", "customers", csv.to_str().expect("utf-8")],
    );
    let schedule = |customer: &str, extra: &[&str]| {
        let mut args = vec![
            "interview",
            "schedule",
            "--customer",
            customer,
            "--at",
            "2026-11-20T10:00:00Z",
        ];
        args.extend_from_slice(extra);
        ok(&data, &args);
    };
    schedule("Acme", &["--minutes", "45"]);
    schedule("Globex", &[]);
    data
}

#[test]
fn interview_export_carries_the_planned_length() {
    let dir = tempfile::tempdir().expect("temp");
    let data = two_bookings(dir.path());

    let json: Vec<Value> =
        serde_json::from_str(&ok(&data, &["export", "interviews", "--format", "json"]))
            .expect("json");
    let minutes = |customer: &str| {
        let row = json
            .iter()
            .find(|i| i["customer"] == customer)
            .unwrap_or_else(|| panic!("{customer}'s interview is exported: {json:?}"));
        row["duration_minutes"].clone()
    };
    assert_eq!(minutes("Acme Freight"), Value::from(45));
    assert_eq!(minutes("Globex Corporation"), Value::from(30));

    let csv = ok(&data, &["export", "interviews"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("a header row").clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} column: {headers:?}"))
    };
    let duration = column("duration_minutes");
    assert_eq!(
        duration,
        column("scheduled_at") + 1,
        "the length follows the start"
    );
    let customer = column("customer");
    let rows: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.expect("a CSV record");
            (r[customer].to_string(), r[duration].to_string())
        })
        .collect();
    assert!(
        rows.contains(&("Acme Freight".into(), "45".into())),
        "{rows:?}"
    );
    assert!(
        rows.contains(&("Globex Corporation".into(), "30".into())),
        "{rows:?}"
    );
}
