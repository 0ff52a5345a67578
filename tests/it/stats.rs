//! `hearback stats` run as the real binary on a demo store at a fixed `--now`: every grouping
//! as a table and as JSON, the JSON shape, the counts checked against the exported
//! interviews, `--since`, and the empty cases.

use crate::common;

use serde_json::Value;
use std::path::Path;

const BY: [(&str, &str); 4] = [
    ("segment", "Segment"),
    ("region", "Region"),
    ("tier", "Tier"),
    ("manager", "Account manager"),
];

/// The real binary at the tests' fixed time (2026-11-23 09:00 UTC).
use common::hearback_cli as hearback;

fn ok(data: &Path, args: &[&str]) -> String {
    let o = hearback(data, args);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        o.status.success(),
        "hearback {args:?} failed: {out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

fn json(data: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(data, args)).expect("stats --format json prints JSON")
}

/// A data dir with the default demo in it.
fn demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    ok(&dir.path().join("d"), &["demo"]);
    dir
}

/// Completion times of the completed interviews, from `export interviews`.
fn completed(data: &Path) -> Vec<String> {
    let list = json(data, &["export", "interviews", "--format", "json"]);
    list.as_array()
        .expect("an array of interviews")
        .iter()
        .filter(|i| i["status"] == "completed")
        .map(|i| {
            i["completed_at"]
                .as_str()
                .expect("completed_at is a string")
                .to_string()
        })
        .collect()
}

fn count(v: &Value) -> u64 {
    v.as_u64().expect("a count")
}

/// Checks one figures object (a group or the programme) and returns its interview count.
fn check_figures(f: &Value, questions: &[Value]) -> u64 {
    assert!(f["group"].as_str().is_some_and(|g| !g.is_empty()), "{f}");
    assert!(count(&f["customers"]) <= count(&f["interviews"]), "{f}");
    let averages = f["averages"].as_object().expect("averages is an object");
    let keys: Vec<&str> = averages.keys().map(String::as_str).collect();
    let want: Vec<&str> = questions.iter().filter_map(Value::as_str).collect();
    assert_eq!(keys, want, "one average per question, in question order");
    for v in averages.values().chain([&f["overall"]]) {
        if let Some(x) = v.as_f64() {
            assert!((1.0..=5.0).contains(&x), "{x}");
            assert!(
                ((x * 100.0).round() - x * 100.0).abs() < 1e-6,
                "2 decimals: {x}"
            );
        } else {
            assert!(v.is_null(), "a number or null: {v}");
        }
    }
    count(&f["low_scores"]);
    let trend = f["trend"].as_array().expect("trend is an array");
    let months: Vec<&str> = trend.iter().filter_map(|m| m["month"].as_str()).collect();
    assert_eq!(months.first(), Some(&"2025-12"));
    assert_eq!(months.last(), Some(&"2026-11"));
    assert_eq!(months.len(), 12);
    for m in trend {
        assert_eq!(m["average"].is_null(), count(&m["interviews"]) == 0, "{m}");
    }
    count(&f["interviews"])
}

#[test]
fn every_grouping_as_json_counts_every_completed_interview() {
    let dir = demo();
    let data = dir.path().join("d");
    let completed = completed(&data).len() as u64;
    assert!(completed > 100, "the demo has history: {completed}");
    for (by, _) in BY {
        let v = json(&data, &["stats", "--by", by, "--format", "json"]);
        assert_eq!(v["by"], by);
        assert_eq!(v["since"], Value::Null);
        assert_eq!(v["until"], "2026-11-23T09:00:00+00:00");
        let questions = v["questions"].as_array().expect("questions").clone();
        assert_eq!(questions.len(), 6, "the six shipped questions");
        assert_eq!(questions[0], "overall");
        let groups = v["groups"].as_array().expect("groups");
        assert!(groups.len() >= 2, "{by}: {}", groups.len());
        let per_group: u64 = groups.iter().map(|g| check_figures(g, &questions)).sum();
        let all = check_figures(&v["all"], &questions);
        assert_eq!(v["all"]["group"], "All customers");
        assert_eq!(
            all, completed,
            "{by}: the programme counts every completed interview"
        );
        assert_eq!(
            per_group, all,
            "{by}: every interview is in exactly one group"
        );
        let churn = v["churn"].as_array().expect("churn");
        assert!(!churn.is_empty(), "the demo has lost customers");
        let counts: Vec<u64> = churn.iter().map(|c| count(&c["count"])).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        assert!(churn.iter().all(|c| c["reason"].is_string()));
    }
    let tiers = json(&data, &["stats", "--by", "tier", "--format", "json"]);
    let labels: Vec<&str> = tiers["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .filter_map(|g| g["group"].as_str())
        .collect();
    assert_eq!(labels, ["key", "growth", "standard"], "tiers in tier order");
}

#[test]
fn every_grouping_as_a_table() {
    let dir = demo();
    let data = dir.path().join("d");
    let total = completed(&data).len();
    for (by, heading) in BY {
        let out = ok(&data, &["stats", "--by", by]);
        let lines: Vec<&str> = out.lines().collect();
        let header = lines
            .iter()
            .find(|l| l.starts_with(heading))
            .unwrap_or_else(|| panic!("{by}: no header row starting {heading:?}:\n{out}"));
        for column in [
            "Customers",
            "Interviews",
            "understanding",
            "loyalty",
            "Average",
            "Low",
        ] {
            assert!(header.contains(column), "{by}: {header}");
        }
        let all = lines
            .iter()
            .find(|l| l.starts_with("All customers"))
            .unwrap_or_else(|| panic!("{by}: no programme row:\n{out}"));
        let cells: Vec<&str> = all.split_whitespace().collect();
        assert_eq!(cells.get(3), Some(&total.to_string().as_str()), "{all}");
        assert!(
            out.contains("Trend: average score per month, Dec 2025 to Nov 2026"),
            "{out}"
        );
        assert!(out.contains("Dec 2025 │"), "a sparkline per group: {out}");
        assert!(
            out.contains("Churn reasons (every customer marked lost: "),
            "{out}"
        );
    }
}

#[test]
fn since_narrows_the_period() {
    let dir = demo();
    let data = dir.path().join("d");
    let since = "2026-06-01";
    let want = completed(&data)
        .iter()
        .filter(|t| t.as_str() >= "2026-06-01T00:00:00")
        .count() as u64;
    let v = json(&data, &["stats", "--since", since, "--format", "json"]);
    assert_eq!(v["since"], "2026-06-01T00:00:00+00:00");
    assert_eq!(count(&v["all"]["interviews"]), want);
    let everything = json(&data, &["stats", "--format", "json"]);
    assert!(
        want > 0 && want < count(&everything["all"]["interviews"]),
        "{want} is a part of the whole"
    );
    let table = ok(&data, &["stats", "--since", since]);
    assert!(
        table.contains("interviews completed from 2026-06-01 to 2026-11-23 09:00"),
        "{table}"
    );
    assert!(
        table.contains(&format!("{want} interviews with ")),
        "{table}"
    );
}

#[test]
fn an_empty_period_and_an_empty_store_say_so() {
    let dir = demo();
    let data = dir.path().join("d");
    let out = ok(&data, &["stats", "--since", "2026-11-23T08:59:00Z"]);
    assert!(
        out.contains("No interviews completed in this period. Try an earlier --since"),
        "{out}"
    );
    let v = json(
        &data,
        &[
            "stats",
            "--since",
            "2026-11-23T08:59:00Z",
            "--format",
            "json",
        ],
    );
    assert_eq!(count(&v["all"]["interviews"]), 0);
    assert_eq!(v["all"]["overall"], Value::Null);
    assert_eq!(v["groups"], Value::Array(vec![]));

    let empty = dir.path().join("empty");
    let out = ok(&empty, &["stats", "--by", "manager"]);
    assert!(out.contains("The store is empty"), "{out}");
    assert!(out.contains("hearback demo"), "{out}");
}

#[test]
fn a_since_after_now_is_refused_with_the_reason() {
    let dir = demo();
    let data = dir.path().join("d");
    let o = hearback(&data, &["stats", "--since", "2027-01-01"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("--since 2027-01-01 00:00 is not before now"),
        "{err}"
    );
}

#[test]
fn revenue_at_risk_is_the_sizes_of_the_customers_at_risk_per_currency() {
    let dir = demo();
    let data = dir.path().join("d");
    // Independently: the customer list's sizes of the customers it says are at risk.
    let customers = json(&data, &["customers", "--format", "json"]);
    let mut want: std::collections::BTreeMap<String, (i64, u64)> = Default::default();
    for c in customers.as_array().expect("customers") {
        if c["risk"] == "at_risk" {
            let slot = want
                .entry(c["currency"].as_str().expect("currency").to_string())
                .or_default();
            slot.0 += c["size_minor"].as_i64().expect("size");
            slot.1 += 1;
        }
    }
    assert!(!want.is_empty(), "the demo has customers at risk");
    let v = json(&data, &["stats", "--format", "json"]);
    let got: std::collections::BTreeMap<String, (i64, u64)> = v["revenue"]["at_risk"]
        .as_array()
        .expect("at_risk")
        .iter()
        .map(|t| {
            (
                t["currency"].as_str().expect("currency").to_string(),
                (t["minor"].as_i64().expect("minor"), count(&t["customers"])),
            )
        })
        .collect();
    assert_eq!(got, want, "per currency, never converted");
    let lost = &v["revenue"]["lost"];
    let churned: u64 = v["churn"]
        .as_array()
        .expect("churn")
        .iter()
        .map(|c| count(&c["count"]))
        .sum();
    assert_eq!(
        count(&lost["customers"]),
        churned,
        "lost customers: all time"
    );
    let before = v["revenue"]["before_loss"].as_array().expect("before_loss");
    assert_eq!(before.len(), 6, "one row per question");
    let text = ok(&data, &["stats"]);
    assert!(
        text.contains("At risk now (customers AT RISK; watch not counted): "),
        "{text}"
    );
    assert!(text.contains("Revenue-weighted averages"), "{text}");
    assert!(
        text.contains("Before loss: lost customers' last 2 interviews"),
        "{text}"
    );
}
