//! Requests through the real binary after a helpdesk import: responsiveness in `stats`
//! against hand-computed figures, and an unanswered request turning overdue in the queue at
//! exactly its business-time limit.

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

/// The CRM fixture's customers and the Zendesk fixture's tickets (exit 3: two bad rows).
fn store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    hearback_ok(&data, &["import", "customers", &fixture("crm/plain.csv")]);
    let csv = fixture("requests/zendesk_tickets.csv");
    let out = hearback_cli(&data, &["import", "requests", &csv, "--from", "zendesk"]);
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    (dir, data)
}

/// One more ticket, mapped: in Friday 6 Nov 2026 22:00 UTC, answered Monday 02:00, resolved
/// Monday 22:00, assigned to Priya Raman.
fn weekend_ticket(dir: &Path, data: &Path) {
    let csv = dir.join("weekend.csv");
    std::fs::write(
        &csv,
        "Key,Summary,Created,Email,Assignee,First reply,Resolved\n\
         W-1,Pallet scanner offline,2026-11-06 22:00,graham.lowe@brightwater.example,\
         Priya Raman,2026-11-09 02:00,2026-11-09 22:00\n",
    )
    .expect("write");
    let map = dir.join("map.toml");
    std::fs::write(
        &map,
        "source = \"desk\"\nticket = \"Key\"\nsubject = \"Summary\"\ncreated = \"Created\"\n\
         email = \"Email\"\nassignee = \"Assignee\"\nfirst_response = \"First reply\"\n\
         resolved = \"Resolved\"\n",
    )
    .expect("write");
    let (csv, map) = (csv.display().to_string(), map.display().to_string());
    hearback_ok(data, &["import", "requests", &csv, "--map", &map]);
}

fn stats(data: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["stats", "--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&hearback_ok(data, &args)).expect("json")
}

/// `[requests, open, answer median, answer p90, resolve median, resolve p90]`, minutes; -1
/// where there is nothing to measure.
fn figures(row: &Value) -> [i64; 6] {
    let m = |v: &Value, k: &str| v.get(k).and_then(Value::as_i64).unwrap_or(-1);
    let f = |k: &str| (m(&row[k], "median_minutes"), m(&row[k], "p90_minutes"));
    let (a, r) = (f("first_response"), f("resolution"));
    [m(row, "requests"), m(row, "open"), a.0, a.1, r.0, r.1]
}

fn group<'a>(v: &'a Value, list: &str, name: &str) -> &'a Value {
    v["requests"][list]
        .as_array()
        .and_then(|l| l.iter().find(|r| r["group"] == name))
        .unwrap_or_else(|| panic!("{list} {name}: {}", v["requests"]))
}

/// The hand computation. Working days Monday to Friday, UTC; 2 Nov 2026 is a Monday.
///
/// | ticket | customer | answers for it | received | to first reply | to resolution |
/// |---|---|---|---|---|---|
/// | 4812 | Brightwater | Priya (assignee) | Mon 2 Nov 09:14 | 46m | Tue 11:00: 25h46m = 1546m |
/// | 4813 | Corvid | Marcus (assignee) | Tue 3 Nov 13:30 | 95m | open |
/// | 4814 | Sato | Hannah (Sato's AM; "Support Bot" is none of ours) | Wed 4 Nov 08:00 | none | open |
/// | 4817 | Brightwater | Priya (no assignee: the AM) | Thu 5 Nov 13:00 | 20m | 16:30: 210m |
/// | W-1 | Brightwater | Priya (assignee) | Fri 6 Nov 22:00 | Mon 02:00: 2h Fri + 2h Mon = 240m (3120m of clock) | Mon 22:00: 2h + 22h = 1440m |
///
/// Nearest rank: the p-th percentile of n sorted values is value number ceil(p/100 x n).
/// - Priya: answers 20, 46, 240: median rank 2 = 46, p90 rank ceil(2.7) = 3 = 240;
///   resolutions 210, 1440, 1546: median 1440, p90 1546.
/// - Marcus: 95 and 95; nothing resolved. Hannah: nothing answered.
/// - Everyone: answers 20, 46, 95, 240: median rank 2 = 46, p90 rank ceil(3.6) = 4 = 240;
///   resolutions as Priya's.
/// - Since Thu 5 Nov: 4817 and W-1 only: answers 20, 240: median rank 1 = 20, p90 rank 2 =
///   240; resolutions 210, 1440: 210 and 1440.
#[test]
fn stats_shows_responsiveness_in_business_time_as_computed_by_hand() {
    let (dir, data) = store();
    weekend_ticket(dir.path(), &data);
    let v = stats(&data, &[]);
    assert_eq!(
        figures(group(&v, "owners", "Priya Raman")),
        [3, 0, 46, 240, 1440, 1546]
    );
    assert_eq!(
        figures(group(&v, "owners", "Marcus Holt")),
        [1, 1, 95, 95, -1, -1]
    );
    assert_eq!(
        figures(group(&v, "owners", "Hannah Cole")),
        [1, 1, -1, -1, -1, -1]
    );
    assert_eq!(figures(&v["requests"]["all"]), [5, 2, 46, 240, 1440, 1546]);
    assert_eq!(
        figures(group(&v, "customers", "Brightwater Logistics")),
        [3, 0, 46, 240, 1440, 1546]
    );
    // Teams: the helpdesk's group, else the owner's role.
    assert_eq!(
        figures(group(&v, "teams", "Support")),
        [2, 1, 46, 46, 1546, 1546]
    );
    assert_eq!(
        figures(group(&v, "teams", "Billing")),
        [1, 1, 95, 95, -1, -1]
    );
    assert_eq!(
        figures(group(&v, "teams", "role: account manager")),
        [2, 0, 20, 240, 210, 1440]
    );
    let since = stats(&data, &["--since", "2026-11-05"]);
    assert_eq!(
        figures(&since["requests"]["all"]),
        [2, 0, 20, 240, 210, 1440]
    );

    let text = hearback_ok(&data, &["stats"]);
    assert!(
        text.contains("Requests received so far: time to first response"),
        "{text}"
    );
    let priya = text
        .lines()
        .find(|l| l.starts_with("Priya Raman"))
        .expect("Priya's row");
    assert_eq!(
        priya.split_whitespace().collect::<Vec<_>>(),
        [
            "Priya", "Raman", "3", "0", "46m", "4h", "00m", "1d", "0h", "1d", "1h"
        ]
    );
}

fn queue_at(data: &Path, config: &str, now: &str) -> Vec<Value> {
    let out = hearback_ok(
        data,
        &[
            "--config", config, "--now", now, "queue", "--all", "--format", "json",
        ],
    );
    serde_json::from_str::<Value>(&out)
        .expect("json")
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// Freshdesk ticket 1002 came in on Friday 6 Nov 2026 at 16:00 and is unanswered. With a
/// limit of 24 business hours, 8 of them are Friday's; the weekend does not count; the other
/// 16 run out on Monday 9 Nov at 16:00. Overdue after that, not a minute before (24 hours of
/// plain time would have made it overdue on Saturday at 16:00).
#[test]
fn an_unanswered_request_turns_overdue_exactly_at_its_business_time_limit() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    hearback_ok(&data, &["import", "customers", &fixture("crm/plain.csv")]);
    let csv = fixture("requests/freshdesk_tickets.csv");
    let out = hearback_cli(&data, &["import", "requests", &csv, "--from", "freshdesk"]);
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    let config = dir.path().join("hearback.toml");
    std::fs::write(
        &config,
        "[policy.requests]\nfirst_response_business_hours = 24\n",
    )
    .expect("write");
    let config = config.display().to_string();
    let licence = |now: &str| {
        let items = queue_at(&data, &config, now);
        let item = items
            .iter()
            .find(|i| i["kind"] == "request_response" && i["customer"] == "Corvid Games")
            .unwrap_or_else(|| panic!("the licence request is owed an answer at {now}: {items:?}"))
            .clone();
        assert_eq!(item["due"], "2026-11-09T16:00:00+00:00");
        assert_eq!(item["owner"], "Marcus Holt");
        item["state"].as_str().unwrap_or_default().to_string()
    };
    assert_eq!(licence("2026-11-07T16:01:00Z"), "upcoming", "Saturday");
    assert_eq!(licence("2026-11-09T15:59:00Z"), "due");
    assert_eq!(
        licence("2026-11-09T16:00:00Z"),
        "due",
        "at the limit, not yet over"
    );
    assert_eq!(licence("2026-11-09T16:01:00Z"), "overdue");
}
