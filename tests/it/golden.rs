//! Golden files: the encoded bytes of every record type at schema version 1 are committed under
//! tests/golden/v1. They must keep decoding to the same values in every later build, and today's
//! encoder must still produce them byte for byte (a change means a schema version bump and a
//! migration). Regenerate only deliberately: `HEARBACK_BLESS=1 cargo test --test it golden::`.
//!
//! These stay raw files, not insta snapshots (every text golden is one): they are the proof of
//! the stored format, bytes an earlier build wrote that every later build must read, so they
//! are compared byte for byte and never accepted by a snapshot review.

use crate::common;

use common::*;
use hearback::store::codec;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt::Debug;
use std::path::PathBuf;

fn check<T: Serialize + DeserializeOwned + PartialEq + Debug>(name: &str, value: T) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/v1")
        .join(format!("{name}.bin"));
    let encoded = codec::encode(&value).expect("encodes");
    if std::env::var_os("HEARBACK_BLESS").is_some() {
        std::fs::write(&path, &encoded).expect("writes golden file");
    }
    let golden = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (bless with HEARBACK_BLESS=1)", path.display()));
    assert_eq!(golden[0], 1, "{name}: golden files are schema version 1");
    let decoded: T = codec::decode(&golden)
        .unwrap_or_else(|e| panic!("{name}: stored v1 bytes no longer decode: {e}"));
    assert_eq!(
        decoded, value,
        "{name}: v1 bytes decode to a different value"
    );
    assert_eq!(
        encoded, golden,
        "{name}: the encoding changed; bump the schema version and add a migration"
    );
}

#[test]
fn staff_v1() {
    check(
        "staff",
        staff(
            1,
            "Dana Reyes",
            vec![
                hearback::core::Role::AccountManager,
                hearback::core::Role::President,
            ],
        ),
    );
}

#[test]
fn customer_v1() {
    check("customer", customer(10, "Acme Freight", 125_000_000));
}

#[test]
fn interview_v1() {
    check("interview", interview(20, 10));
}

#[test]
fn followup_v1() {
    check("followup", followup(30));
}

#[test]
fn action_v1() {
    check("action", action(40));
}

#[test]
fn deliverable_v1() {
    check("deliverable", deliverable(50));
}

#[test]
fn snooze_v1() {
    check("snooze", snooze());
}

#[test]
fn request_v1() {
    let mut answered = request(60);
    answered.first_response_at = Some(at(-240));
    answered.responded_by = Some(hearback::core::StaffId(1));
    answered.resolved_at = Some(at(-60));
    answered.resolved_by = Some(hearback::core::StaffId(1));
    answered.channel = hearback::core::Channel::Other;
    check("request", answered);
}

#[test]
fn timeline_event_v1() {
    check("timeline_event", event(31));
}

#[test]
fn draft_v1() {
    let mut i = interview(21, 10);
    i.status = hearback::core::InterviewStatus::InProgress;
    i.completed_at = None;
    let cursor = hearback::core::DraftCursor {
        question: 2,
        editing_comment: true,
        row: 1,
        col: 7,
    };
    check(
        "draft",
        hearback::core::Draft {
            interview: i,
            cursor,
            saved_at: at(12),
        },
    );
}

#[test]
fn crm_fields_v1() {
    check("crm_fields", crm_fields());
    let mut none_noted = crm_fields();
    none_noted.renewal_noted = None;
    none_noted.values.clear();
    check("crm_fields_empty", none_noted);
}

#[test]
fn monitor_event_v1() {
    check("monitor_delivery", monitor(60));
    let mut credit = monitor(61);
    credit.kind = hearback::core::monitors::MonitorKind::CreditNote {
        amount: Some(hearback::core::Money::new(125_050, "EUR")),
    };
    credit.reference = "CN-2026-0042".into();
    check("monitor_credit_note", credit);
    let mut open = monitor(62);
    open.kind = hearback::core::monitors::MonitorKind::Delivery {
        promised: at(-30_000),
        delivered: None,
    };
    check("monitor_open_delivery", open);
    let mut ret = monitor(63);
    ret.kind = hearback::core::monitors::MonitorKind::Return;
    check("monitor_return", ret);
}
