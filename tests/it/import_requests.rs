//! `hearback import requests`: a Zendesk and a Freshdesk ticket export as those tools write
//! them, and a generic export through a map, through the real binary: per-row errors naming
//! line and column, exit code 3, dry runs and `--strict` that write nothing, and re-imports
//! that update by the helpdesk's key instead of adding twice.

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

fn run(data: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let out = hearback_cli(data, args);
    let text = |b: &[u8]| String::from_utf8_lossy(b).replace(&fixture("requests/"), "");
    (text(&out.stdout), text(&out.stderr), out.status.code())
}

fn import(data: &Path, helpdesk: &str, extra: &[&str]) -> (String, String, Option<i32>) {
    let csv = fixture(&format!("requests/{helpdesk}_tickets.csv"));
    let mut args = vec!["import", "requests", csv.as_str(), "--from", helpdesk];
    args.extend_from_slice(extra);
    run(data, &args)
}

/// A store holding the CRM fixture's customers (and their account managers as our people).
fn store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    hearback_ok(&data, &["import", "customers", &fixture("crm/plain.csv")]);
    (dir, data)
}

fn requests(data: &Path) -> Vec<Value> {
    let export = hearback_ok(data, &["export", "all", "--format", "json"]);
    let backup: Value = serde_json::from_str(&export).expect("json");
    backup["requests"].as_array().cloned().unwrap_or_default()
}

/// A time as the backup writes it: milliseconds since 1970.
fn at(text: &str) -> Value {
    let t = chrono::DateTime::parse_from_rfc3339(text).expect("a time");
    Value::from(t.timestamp_millis())
}

fn by_key<'a>(list: &'a [Value], key: &str) -> &'a Value {
    list.iter()
        .find(|r| r["external_key"] == key)
        .unwrap_or_else(|| panic!("{key} imported: {list:?}"))
}

fn customer_id(data: &Path, name: &str) -> Value {
    let export = hearback_ok(data, &["export", "all", "--format", "json"]);
    let backup: Value = serde_json::from_str(&export).expect("json");
    backup["customers"]
        .as_array()
        .and_then(|cs| cs.iter().find(|c| c["name"] == name))
        .map(|c| c["id"].clone())
        .unwrap_or_else(|| panic!("customer {name}"))
}

#[test]
fn a_zendesk_export_imports_with_bad_rows_named_and_updates_on_reimport() {
    let (dir, data) = store();
    let (out, err, code) = import(&data, "zendesk", &["--dry-run"]);
    assert_eq!(code, Some(3), "{out}{err}");
    assert!(out.contains("dry run: would add 4 requests"), "{out}");
    assert!(requests(&data).is_empty(), "a dry run writes nothing");

    let (out, err, code) = import(&data, "zendesk", &["--strict"]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(
        err.contains("nothing imported: --strict and 2 row(s) rejected"),
        "{err}"
    );
    assert!(
        requests(&data).is_empty(),
        "--strict with bad rows writes nothing"
    );

    let (out, err, code) = import(&data, "zendesk", &[]);
    assert_eq!(code, Some(3), "rows were rejected: {out}{err}");
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        vec![
            "zendesk_tickets.csv:5: '04/11/2026 8am' is not a time like 2026-11-02 09:14:00 \
             (column 'Created at')",
            "zendesk_tickets.csv:6: requester not matched: no contact has the email \
             'kai@nordlicht.example' and no customer is named 'Nordlicht Maschinenbau GmbH'; \
             add the contact or customer and import again (columns 'Organization', \
             'Requester email')",
        ]
    );
    assert!(
        out.contains("saved: add 4 requests, update 0, 0 unchanged, 2 rows not imported"),
        "{out}"
    );
    assert!(
        out.contains("assignee 'Support Bot' is none of our people"),
        "{out}"
    );
    let list = requests(&data);
    assert_eq!(list.len(), 4);
    // 4812: by the requester's email; the first reply is 46 minutes after 09:14.
    let vat = by_key(&list, "zendesk:4812");
    assert_eq!(vat["customer"], customer_id(&data, "Brightwater Logistics"));
    assert_eq!(vat["about"], "Invoice shows the wrong VAT rate");
    assert_eq!(vat["channel"], "Ticket");
    assert_eq!(vat["team"], "Support");
    assert_eq!(vat["received_at"], at("2026-11-02T09:14:00Z"));
    assert_eq!(vat["first_response_at"], at("2026-11-02T10:00:00Z"));
    assert_eq!(vat["resolved_at"], at("2026-11-03T11:00:00Z"));
    assert!(vat["owner"].is_number(), "Priya Raman by name: {vat}");
    // 4813: written at +0100; still open.
    let seats = by_key(&list, "zendesk:4813");
    assert_eq!(seats["received_at"], at("2026-11-03T13:30:00Z"));
    assert_eq!(seats["channel"], "Email");
    assert_eq!(seats["resolved_at"], Value::Null);
    // 4814: an unknown contact, found by the email's domain; an assignee who is none of ours
    // leaves the request with the account manager.
    let spindle = by_key(&list, "zendesk:4814");
    assert_eq!(
        spindle["customer"],
        customer_id(&data, "Sato Precision K.K.")
    );
    assert_eq!(spindle["channel"], "Call");
    assert_eq!(spindle["owner"], Value::Null);
    assert_eq!(spindle["first_response_at"], Value::Null);

    // The same export again: nothing added, nothing changed.
    let (out, _, code) = import(&data, "zendesk", &[]);
    assert_eq!(code, Some(3));
    assert!(
        out.contains("nothing to change: add 0 requests, update 0, 4 unchanged"),
        "{out}"
    );
    assert_eq!(requests(&data).len(), 4);

    // A later export: 4813 solved. Updated in place, same id, no second copy.
    let later = dir.path().join("later.csv");
    let text = std::fs::read_to_string(fixture("requests/zendesk_tickets.csv")).expect("read");
    let text = text.replace(
        "\"Question\",\"2026-11-03 14:30:00 +0100\",\"2026-11-03 15:05:00 +0100\",\
         \"2026-11-03 14:30:00 +0100\",\"\",\"\",\"2026-11-03 14:30:00 +0100\",\"\"",
        "\"Question\",\"2026-11-03 14:30:00 +0100\",\"2026-11-03 15:05:00 +0100\",\
         \"2026-11-03 14:30:00 +0100\",\"\",\"\",\"2026-11-03 14:30:00 +0100\",\
         \"2026-11-04 12:00:00 +0100\"",
    );
    std::fs::write(&later, text).expect("write");
    let later = later.display().to_string();
    let (out, err, _) = run(&data, &["import", "requests", &later, "--from", "zendesk"]);
    assert!(
        out.contains("saved: add 0 requests, update 1, 3 unchanged"),
        "{out}{err}"
    );
    let list = requests(&data);
    assert_eq!(list.len(), 4);
    let solved = by_key(&list, "zendesk:4813");
    assert_eq!(solved["id"], seats["id"]);
    assert_eq!(solved["resolved_at"], at("2026-11-04T11:00:00Z"));

    // A backup carries them, helpdesk keys included, into a new store.
    let backup = dir.path().join("backup.json");
    std::fs::write(
        &backup,
        hearback_ok(&data, &["export", "all", "--format", "json"]),
    )
    .expect("write");
    let restored = dir.path().join("restored");
    hearback_ok(
        &restored,
        &["import", "backup", &backup.display().to_string()],
    );
    assert_eq!(requests(&restored), list);
}

#[test]
fn a_freshdesk_export_imports_in_its_zone_and_a_closed_ticket_counts_as_resolved() {
    let (_dir, data) = store();
    let (out, err, code) = import(&data, "freshdesk", &["--utc-offset", "+01:00"]);
    assert_eq!(code, Some(3), "{out}{err}");
    assert_eq!(
        err.trim(),
        "freshdesk_tickets.csv:5: the first response 2026-11-07 09:00 UTC is before the ticket \
         came in (column 'Initial response time')"
    );
    assert!(out.contains("saved: add 3 requests"), "{out}");
    let list = requests(&data);
    let note = by_key(&list, "freshdesk:1001");
    assert_eq!(
        note["received_at"],
        at("2026-11-05T09:00:05Z"),
        "10:00:05 at +01:00"
    );
    assert_eq!(note["first_response_at"], at("2026-11-05T09:30:00Z"));
    assert_eq!(
        note["resolved_at"],
        at("2026-11-05T14:20:00Z"),
        "Resolved time, not Closed"
    );
    assert_eq!(note["team"], "Logistics desk");
    let licence = by_key(&list, "freshdesk:1002");
    assert_eq!(licence["channel"], "Call");
    assert_eq!(licence["customer"], customer_id(&data, "Corvid Games"));
    // Closed with no resolution or reply on record: the closing answered and resolved it.
    let cert = by_key(&list, "freshdesk:1003");
    assert_eq!(cert["resolved_at"], at("2026-11-06T11:00:00Z"));
    assert_eq!(cert["first_response_at"], at("2026-11-06T11:00:00Z"));
}

#[test]
fn a_mapped_export_finds_the_customer_by_crm_id_and_a_bad_map_is_refused_by_key() {
    let (dir, data) = store();
    let csv = fixture("requests/jira_issues.csv");
    let map = fixture("requests/jira_map.toml");
    let (out, err, code) = run(&data, &["import", "requests", &csv, "--map", &map]);
    assert_eq!(code, Some(3), "{out}{err}");
    assert_eq!(
        err.trim(),
        "jira_issues.csv:3: the row has no requester email, company or CRM id to find the \
         customer by (columns 'Account', 'Reporter email')"
    );
    let list = requests(&data);
    let sup = by_key(&list, "jira:SUP-17");
    assert_eq!(sup["customer"], customer_id(&data, "Brightwater Logistics"));
    assert_eq!(
        sup["received_at"],
        at("2026-11-02T09:00:00Z"),
        "10:00 at +01:00"
    );
    assert_eq!(sup["team"], "Finance");

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "ticket = \"Issue key\"\ncreated = \"Created\"\n").expect("write");
    let (_, err, code) = run(
        &data,
        &[
            "import",
            "requests",
            &csv,
            "--map",
            &bad.display().to_string(),
        ],
    );
    assert_eq!(code, Some(1));
    assert!(err.contains("the map needs `subject`"), "{err}");
    let (_, err, code) = run(&data, &["import", "requests", &csv]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("--from zendesk, --from freshdesk or --map"),
        "{err}"
    );
    // A Freshdesk file read as Zendesk's: refused whole, naming the missing column.
    let (_, err, code) = import_as(&data, "freshdesk", "zendesk");
    assert_eq!(code, Some(1));
    assert!(
        err.contains("this is not a Zendesk ticket export as it writes them (the ticket column)")
            && err.contains("no column is named 'Id'"),
        "{err}"
    );
    assert_eq!(requests(&data).len(), 1, "nothing more written");
}

fn import_as(data: &Path, file: &str, from: &str) -> (String, String, Option<i32>) {
    let csv = fixture(&format!("requests/{file}_tickets.csv"));
    run(data, &["import", "requests", &csv, "--from", from])
}

#[test]
fn a_ticket_twice_in_the_future_or_out_of_range_is_a_bad_row_naming_no_customer_columns() {
    let (dir, data) = store();
    // HEARBACK_NOW is 2026-11-23 09:00 UTC.
    let csv = dir.path().join("desk.csv");
    std::fs::write(
        &csv,
        "Key,Summary,Created,Email\n\
         T-1,Invoice,2026-11-20 10:00,graham.lowe@brightwater.example\n\
         T-1,Invoice again,2026-11-20 11:00,graham.lowe@brightwater.example\n\
         T-2,From tomorrow,2026-11-24 10:00,graham.lowe@brightwater.example\n\
         T-3,A typo,1926-11-20 10:00,graham.lowe@brightwater.example\n",
    )
    .expect("write");
    let map = dir.path().join("map.toml");
    std::fs::write(
        &map,
        "ticket = \"Key\"\nsubject = \"Summary\"\ncreated = \"Created\"\nemail = \"Email\"\n",
    )
    .expect("write");
    let (csv, map) = (csv.display().to_string(), map.display().to_string());
    let (out, err, code) = run(&data, &["import", "requests", &csv, "--map", &map]);
    assert_eq!(code, Some(3), "{out}{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    // A year a backup would refuse is refused here, before it is stored.
    assert!(
        lines[2].ends_with(
            "desk.csv:5: '1926-11-20 10:00' is not between the years 1970 and 2200 (column \
             'Created')"
        ),
        "{err}"
    );
    assert!(
        lines[0]
            .ends_with("desk.csv:3: ticket 'helpdesk:T-1' is on line 2 already; each ticket once"),
        "{err}"
    );
    assert!(
        lines[1].ends_with(
            "desk.csv:4: it came in at 2026-11-24 10:00 UTC, after now (2026-11-23 09:00 UTC); \
             is the export's time zone right (--utc-offset)?"
        ),
        "{err}"
    );
    assert_eq!(requests(&data).len(), 1);
}
