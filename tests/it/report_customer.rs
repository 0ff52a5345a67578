//! The formal report to the customer (`hearback report customer --followup F..`) end to end:
//! the real binary over the demo data (40 customers, seed 7) at a fixed `--now`. The document
//! is the insta snapshot tests/snapshots/report_customer.snap, shared with
//! tests/it/ui_document.rs through `common::assert_report`; after an intended change accept it
//! with `INSTA_UPDATE=always cargo test --test it report_customer::` and read it.

use crate::common;
use crate::reports::{demo, fails, ok, queue_keys, stdout, text};

use serde_json::Value;
use std::path::Path;

/// The demo's overdue formal report: lowest score 2 on resolution, a comment there flagged
/// about one of our people (Brendan), one action done and one in progress.
const FOLLOWUP: &str = "F260";

fn report(data: &Path, id: &str) -> String {
    stdout(data, &["report", "customer", "--followup", id])
}

/// A follow-up as `export all` writes it.
fn followup(data: &Path, id: u64) -> Value {
    let all: Value =
        serde_json::from_str(&stdout(data, &["export", "all", "--format", "json"])).expect("json");
    all["followups"]
        .as_array()
        .expect("follow-ups")
        .iter()
        .find(|f| f["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("F{id} in the export"))
}

#[test]
fn the_report_to_the_customer_matches_its_snapshot() {
    let (_dir, data) = demo();
    common::assert_report("customer", &report(&data, FOLLOWUP));
}

#[test]
fn the_report_to_the_customer_holds_nothing_for_us_only() {
    let (_dir, data) = demo();
    let o = ok(&data, &["report", "customer", "--followup", FOLLOWUP]);
    let doc = text(&o.stdout);
    // What the customer said and what we do about it is there...
    assert!(doc.contains("Quintero Precision"), "{doc}");
    assert!(
        doc.contains("Our system auto-closes tickets after thirty days"),
        "the context of the call: {doc}"
    );
    assert!(doc.contains("Root-cause the recurring sync fault"), "{doc}");
    assert!(
        doc.contains("No auto-close without customer confirmation"),
        "{doc}"
    );
    // ...the comment flagged about one of our people is not, nor any trace of it, nor the
    // programme's internal flags.
    for internal in [
        "Brendan",
        "return calls",
        "individual",
        "private",
        "withheld",
        "risk",
        "significant",
        "senior management",
        "overdue",
        "Public-body caution",
        "Service credits",
    ] {
        assert!(
            !doc.to_lowercase().contains(&internal.to_lowercase()),
            "the customer's copy mentions '{internal}':\n{doc}"
        );
    }
    // The lead is told, on stderr, what was left out of the customer's copy.
    let said = text(&o.stderr);
    assert!(
        said.contains("left out") && said.contains("resolution"),
        "{said}"
    );
}

#[test]
fn a_contacted_follow_up_has_its_shareable_comments_in_the_report() {
    let (_dir, data) = demo();
    let doc = report(&data, "F44");
    assert!(doc.contains("Kestrel Haulage"), "{doc}");
    assert!(
        doc.contains("Some issues are closed before we agree they are solved."),
        "{doc}"
    );
    assert!(doc.contains("You scored us 3 out of 5"), "{doc}");
    // Only the low scores: the 5 on delivery is not what the report is about.
    assert!(!doc.contains("rollback plan"), "{doc}");
}

#[test]
fn record_presents_the_report_closes_the_follow_up_and_says_so_once() {
    let (dir, data) = demo();
    let before = queue_keys(&data);
    assert!(before.contains("formal_report:F260"));
    let out = dir.path().join("F260.md");
    let out_text = out.to_str().expect("a UTF-8 path");
    let printed = report(&data, FOLLOWUP);

    let o = ok(
        &data,
        &[
            "report",
            "customer",
            "--followup",
            FOLLOWUP,
            "--out",
            out_text,
            "--record",
        ],
    );
    assert!(o.stdout.is_empty(), "the document went to the file");
    assert_eq!(std::fs::read_to_string(&out).expect("the file"), printed);
    let said = text(&o.stderr);
    assert!(
        said.lines().any(|l| l
            == "recorded: formal report presented to Quintero Precision for F260; the follow-up is closed"),
        "{said}"
    );
    let mut want = before.clone();
    want.remove("formal_report:F260");
    assert_eq!(queue_keys(&data), want, "exactly the formal report item");
    let f = followup(&data, 260);
    assert_eq!(f["state"], "Closed");
    assert!(f["report_presented_at"].is_u64(), "{f}");

    // Again: the document is still written, nothing more is recorded.
    let o = ok(
        &data,
        &["report", "customer", "--followup", FOLLOWUP, "--record"],
    );
    assert!(!o.stdout.is_empty());
    let said = text(&o.stderr);
    assert!(
        said.contains(
            "nothing to record: the formal report for F260 was presented on 2026-11-23 09:00"
        ),
        "{said}"
    );
    assert_eq!(queue_keys(&data), want);
}

#[test]
fn unknown_ids_and_follow_ups_with_nothing_to_report_fail_with_what_to_do() {
    let (_dir, data) = demo();
    let before = queue_keys(&data);
    let err = fails(
        &data,
        &["report", "customer", "--followup", "F999", "--record"],
    );
    assert!(err.contains("there is no follow-up F999"), "{err}");
    let err = fails(&data, &["report", "customer", "--followup", "I12"]);
    assert!(err.contains("'I12' is not a follow-up id"), "{err}");
    assert_eq!(queue_keys(&data), before, "a failed report records nothing");

    // A new low score: the follow-up is open, nobody has called the customer yet.
    let said = stdout(
        &data,
        &[
            "interview",
            "record",
            "--customer",
            "Alderley Logistics",
            "--at",
            "2026-11-20T10:00:00Z",
            "--scores",
            "4,4,3,4,5,4",
            "--comment",
            "3=Slow to call back",
        ],
    );
    let id = said
        .split_whitespace()
        .find(|w| w.starts_with('F'))
        .unwrap_or_else(|| panic!("no follow-up id in {said}"))
        .trim_end_matches(':')
        .to_string();
    let before = queue_keys(&data);
    let err = fails(
        &data,
        &["report", "customer", "--followup", &id, "--record"],
    );
    assert!(
        err.contains(&format!("nothing to report yet on {id}"))
            && err.contains(&format!("hearback followup contacted {id}")),
        "{err}"
    );
    assert_eq!(queue_keys(&data), before, "a failed report records nothing");
    // Contacted, but no action yet: a formal report presents actions.
    ok(
        &data,
        &[
            "followup",
            "contacted",
            &id,
            "--context",
            "Calls go to a shared inbox nobody watches on Fridays.",
        ],
    );
    let before = queue_keys(&data);
    assert!(
        before.contains(&format!("formal_report:{id}")),
        "{before:?}"
    );
    let err = fails(
        &data,
        &["report", "customer", "--followup", &id, "--record"],
    );
    assert!(
        err.contains("no corrective or preventive action")
            && err.contains(&format!("hearback action add --followup {id}")),
        "{err}"
    );
    assert_eq!(queue_keys(&data), before, "a failed report records nothing");
    ok(
        &data,
        &[
            "action",
            "add",
            "--customer",
            "Alderley Logistics",
            "--followup",
            &id,
            "--kind",
            "corrective",
            "--title",
            "Route Friday calls to the duty desk",
            "--owner",
            "Jonas Feldmann",
            "--due",
            "2026-12-04",
        ],
    );
    let doc = report(&data, &id);
    assert!(doc.contains("Route Friday calls to the duty desk"), "{doc}");
    assert!(doc.contains("Slow to call back"), "{doc}");
    assert!(
        doc.contains("Calls go to a shared inbox nobody watches on Fridays."),
        "{doc}"
    );
}
