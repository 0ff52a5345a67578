//! The formal report to the customer from the dashboard, end to end under tmux: `r` on its
//! queue item shows the report, Esc goes back, `x` then `y` records it as presented (the
//! follow-up is closed on disk), as the debrief is recorded from the dashboard.

use crate::common;

use common::tmux::Tmux;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_hearback");

#[test]
fn r_reads_the_report_to_the_customer_and_x_records_it_presented() {
    let dir = tempfile::tempdir().expect("temp");
    let config = dir.path().join("hearback.toml");
    std::fs::write(&config, "").expect("write config");
    let data = dir.path().join("data");
    common::hearback_ok(&data, &["demo"]);
    let socket = format!("hearback-report-customer-{}", std::process::id());
    let tmux = Tmux::start(
        socket,
        |cmd| {
            cmd.env("HEARBACK_DATA", &data)
                .env("HEARBACK_NOW", "2026-11-23T09:00:00Z")
                .env("HEARBACK_CONFIG", &config)
                .env("TZ", "UTC")
                .env_remove("TMUX")
        },
        BIN,
    );
    tmux.wait_for("the queue", |s| s.contains("Formal repo"));
    // The demo queue's second row at this time: the formal report owed on F260.
    tmux.keys(&["j", "r"]);
    // Waits for the whole view: a capture can fall between two writes of one frame.
    let shown = tmux.wait_for("the report and its note", |s| {
        s.contains("Dear Agnieszka Okafor,") && s.contains("For you, not in the document")
    });
    assert!(
        shown.contains("Report to the customer · Quintero Precision (F260)"),
        "{shown}"
    );
    assert!(shown.contains("Dear Agnieszka Okafor,"), "{shown}");
    assert!(
        shown.contains("- the comment on resolution is left out"),
        "the lead is told what the copy leaves out:\n{shown}"
    );
    assert!(!shown.contains("Brendan"), "{shown}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("back on the queue", |s| {
        !s.contains("Your feedback and what") && s.contains("Follow-up queue")
    });
    tmux.keys(&["x"]);
    let asked = tmux.wait_for("the question", |s| s.contains("Are you sure?"));
    assert!(asked.contains("F260"), "{asked}");
    tmux.keys(&["y"]);
    tmux.wait_for("the step saved", |s| {
        s.contains("u undoes it") && !s.contains("saving…")
    });
    tmux.keys(&["q"]);
    common::wait_until_unlocked(&data);
    let all: Value = serde_json::from_str(&common::hearback_ok(
        &data,
        &["export", "all", "--format", "json"],
    ))
    .expect("json");
    let f = all["followups"]
        .as_array()
        .expect("follow-ups")
        .iter()
        .find(|f| f["id"] == 260)
        .cloned()
        .expect("F260");
    assert_eq!(f["state"], "Closed", "{f}");
    assert!(f["report_presented_at"].is_u64(), "{f}");
}
