//! `hearback request add|answer|resolve|list` through the real binary: a request logged while
//! on the phone is owed an answer in the queue, then its resolution, then nothing; times before
//! the request or in the future are refused with nothing written.

use crate::common;

use common::{hearback_cli, hearback_ok};
use serde_json::Value;
use std::path::Path;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// The queue's request items as `(kind, key)`.
fn request_items(data: &Path) -> Vec<(String, String)> {
    let out = hearback_ok(data, &["queue", "--all", "--format", "json"]);
    let items: Value = serde_json::from_str(&out).expect("json");
    items
        .as_array()
        .expect("array")
        .iter()
        .filter(|i| {
            i["kind"]
                .as_str()
                .is_some_and(|k| k.starts_with("request_"))
        })
        .map(|i| {
            (
                i["kind"].as_str().unwrap_or_default().to_string(),
                i["id"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn list(data: &Path) -> Vec<Value> {
    let out = hearback_ok(data, &["request", "list", "--format", "json"]);
    serde_json::from_str::<Value>(&out)
        .expect("json")
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn a_logged_request_is_owed_an_answer_then_its_resolution_then_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    hearback_ok(&data, &["import", "customers", &fixture("crm/plain.csv")]);
    // HEARBACK_NOW is Monday 23 Nov 2026 09:00 UTC.
    let out = hearback_ok(
        &data,
        &[
            "request",
            "add",
            "--customer",
            "Corvid",
            "--about",
            "Invoice copy for October",
            "--from",
            "Ines Duarte",
            "--at",
            "2026-11-23 08:00",
        ],
    );
    // 4 business hours (the shipped policy) after 08:00.
    assert!(
        out.contains("logged for Corvid Games; a first response is due by 2026-11-23 12:00"),
        "{out}"
    );
    let r = list(&data);
    assert_eq!(r.len(), 1);
    let id = r[0]["id"].as_str().expect("id").to_string();
    assert_eq!(
        r[0]["channel"], "call",
        "the default: logged while on the phone"
    );
    assert_eq!(
        request_items(&data),
        vec![("request_response".into(), format!("request_response:{id}"))]
    );

    let refused = hearback_cli(
        &data,
        &["request", "answer", &id, "--at", "2026-11-23 07:00"],
    );
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("is before"), "{err}");
    let refused = hearback_cli(&data, &["request", "resolve", &id, "--at", "2026-11-24"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("is in the future"),
        "{refused:?}"
    );
    assert_eq!(
        list(&data)[0]["first_response_at"],
        Value::Null,
        "nothing written"
    );

    hearback_ok(
        &data,
        &[
            "request",
            "answer",
            &id,
            "--by",
            "Marcus Holt",
            "--at",
            "2026-11-23 08:30",
        ],
    );
    assert_eq!(
        request_items(&data),
        vec![(
            "request_resolution".into(),
            format!("request_resolution:{id}")
        )]
    );
    hearback_ok(&data, &["request", "resolve", &id]);
    assert!(request_items(&data).is_empty());
    let r = list(&data);
    assert_eq!(r[0]["first_response_at"], "2026-11-23T08:30:00+00:00");
    assert_eq!(r[0]["resolved_at"], "2026-11-23T09:00:00+00:00");
    let open = hearback_ok(&data, &["request", "list", "--open"]);
    assert_eq!(open.trim(), "No requests open.");
    // In 08:00, answered 08:30, resolved 09:00 (now): 30m and 1h.
    let shown = hearback_ok(&data, &["customer", "Corvid"]);
    assert!(
        shown.contains(
            "  1 received, 0 open · answer: median 30m, p90 30m · resolve: median 1h 00m, p90 \
             1h 00m (business time)"
        ),
        "{shown}"
    );
    assert!(
        shown.contains(&format!(
            "  {id} 2026-11-23 08:00 call from Ines Duarte: \"Invoice copy for October\" · \
             resolved 2026-11-23 09:00"
        )),
        "{shown}"
    );
}
