//! The documents end to end: the real binary over the demo data (40 customers, seed 7) at a
//! fixed `--now`. The documents are insta snapshots (tests/snapshots/report_*.snap, shared with
//! tests/it/ui_document.rs through `common::assert_report`); after an intended change, accept them
//! with `INSTA_UPDATE=always cargo test --test it reports::` (or `cargo insta review`) and read them.

use crate::common;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-23T09:00:00Z";
/// A completed interview of the demo with a low comment flagged about an individual, not yet
/// debriefed (found with `hearback export interviews --format json`).
const INTERVIEW: &str = "I380";
/// The period of the President report and digest snapshots.
const SINCE: &str = "2026-11-01";

pub(crate) fn hearback(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", NOW)
        .env("TZ", "UTC")
        // No user config file can change the policy under the test.
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .env_remove("HEARBACK_CONFIG")
        .output()
        .expect("runs hearback")
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub(crate) fn ok(data: &Path, args: &[&str]) -> Output {
    let o = hearback(data, args);
    assert!(
        o.status.success(),
        "hearback {args:?} failed: {}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    o
}

pub(crate) fn stdout(data: &Path, args: &[&str]) -> String {
    text(&ok(data, args).stdout)
}

/// A fresh store with the default demo in it.
pub(crate) fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    ok(&data, &["demo"]);
    (dir, data)
}

#[test]
fn the_debrief_matches_its_snapshot() {
    let (_dir, data) = demo();
    common::assert_report(
        "debrief",
        &stdout(&data, &["report", "debrief", "--interview", INTERVIEW]),
    );
}

#[test]
fn the_president_report_matches_its_snapshot() {
    let (_dir, data) = demo();
    common::assert_report(
        "president",
        &stdout(&data, &["report", "president", "--since", SINCE]),
    );
}

#[test]
fn the_digest_matches_its_snapshot() {
    let (_dir, data) = demo();
    common::assert_report(
        "digest",
        &stdout(&data, &["report", "digest", "--since", SINCE]),
    );
}

/// Every comment of the interview's answers below 4 that is flagged about an individual.
fn flagged_low_comments(data: &Path, id: &str) -> Vec<String> {
    let list: Value =
        serde_json::from_str(&stdout(data, &["export", "interviews", "--format", "json"]))
            .expect("json");
    let interview = list
        .as_array()
        .expect("an array")
        .iter()
        .find(|i| format!("I{}", i["id"]) == id)
        .expect("the interview is exported");
    interview["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .filter(|a| a["about_individual"] == "private")
        .filter(|a| a["score"].as_u64().is_none_or(|s| s < 4))
        .map(|a| a["comment"].as_str().expect("a comment").to_string())
        .collect()
}

#[test]
fn negative_feedback_about_an_individual_reaches_the_debrief_and_president_only() {
    let (_dir, data) = demo();
    let comments = flagged_low_comments(&data, INTERVIEW);
    assert!(!comments.is_empty(), "the demo interview has one");
    let debrief = stdout(&data, &["report", "debrief", "--interview", INTERVIEW]);
    let president = stdout(&data, &["report", "president", "--since", SINCE]);
    let digest = stdout(&data, &["report", "digest", "--since", SINCE]);
    for c in &comments {
        assert!(debrief.contains(c.as_str()), "debrief lacks {c}");
        assert!(president.contains(c.as_str()), "President report lacks {c}");
        assert!(!digest.contains(c.as_str()), "digest shows {c}");
        // Not even a piece of it.
        let start: String = c.chars().take(24).collect();
        assert!(!digest.contains(&start), "digest shows part of {c}");
    }
    assert!(debrief.contains("**About an individual (private):**"));
    for trace in ["withheld", "left out", "About an individual", "individual"] {
        assert!(!digest.contains(trace), "the digest mentions '{trace}'");
    }
}

#[test]
fn the_digest_names_none_of_our_people() {
    let (_dir, data) = demo();
    let all: Value =
        serde_json::from_str(&stdout(&data, &["export", "all", "--format", "json"])).expect("json");
    let names: Vec<String> = all["staff"]
        .as_array()
        .expect("staff")
        .iter()
        .map(|s| s["name"].as_str().expect("a name").to_lowercase())
        .collect();
    assert!(names.len() >= 10, "the demo has a team: {names:?}");
    let digest = stdout(&data, &["report", "digest", "--since", "2025-01-01"]).to_lowercase();
    assert!(digest.contains("what customers said"));
    for name in &names {
        assert!(!digest.contains(name.as_str()), "the digest names {name}");
    }
    // The President report does name who acts, so the check above can fail.
    let president = stdout(&data, &["report", "president", "--since", "2025-01-01"]).to_lowercase();
    assert!(names.iter().any(|n| president.contains(n.as_str())));
}

/// The keys of every queue item.
pub(crate) fn queue_keys(data: &Path) -> BTreeSet<String> {
    let list: Value =
        serde_json::from_str(&stdout(data, &["queue", "--all", "--format", "json"])).expect("json");
    list.as_array()
        .expect("an array")
        .iter()
        .map(|i| i["id"].as_str().expect("an id").to_string())
        .collect()
}

/// Runs a report with `--record` and returns what it said on stderr.
fn record(data: &Path, args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.push("--record");
    let o = ok(data, &all);
    assert!(!o.stdout.is_empty(), "the document is written first");
    text(&o.stderr)
}

fn without(set: &BTreeSet<String>, gone: &[&str]) -> BTreeSet<String> {
    let mut out = set.clone();
    for key in gone {
        assert!(out.remove(*key), "{key} was not owed before");
    }
    out
}

#[test]
fn record_discharges_exactly_the_matching_queue_items_once() {
    let (_dir, data) = demo();
    let before = queue_keys(&data);

    let said = record(&data, &["report", "debrief", "--interview", INTERVIEW]);
    assert_eq!(said.trim(), "recorded: debriefed I380");
    let after_debrief = queue_keys(&data);
    assert_eq!(after_debrief, without(&before, &["debrief:I380"]));
    let again = record(&data, &["report", "debrief", "--interview", INTERVIEW]);
    assert!(
        again.starts_with(
            "nothing to record: already recorded as debriefed (I380 on 2026-11-23 09:00)"
        ),
        "{again}"
    );
    assert_eq!(queue_keys(&data), after_debrief);

    let said = record(&data, &["report", "president", "--since", SINCE]);
    assert_eq!(
        said.trim(),
        "recorded: reported to the President for 3 interviews (I76, I380, I213); already recorded for I204, I225"
    );
    let after_report = queue_keys(&data);
    let gone = [
        "report_president:I76",
        "report_president:I380",
        "report_president:I213",
    ];
    assert_eq!(after_report, without(&after_debrief, &gone));
    let again = record(&data, &["report", "president", "--since", SINCE]);
    assert!(
        again.starts_with("nothing to record: already recorded"),
        "{again}"
    );
    assert_eq!(queue_keys(&data), after_report);

    let said = record(&data, &["report", "digest", "--since", SINCE]);
    assert!(
        said.starts_with("recorded: disseminated to the workforce for 5 interviews"),
        "{said}"
    );
    let gone = [
        "disseminate:I204",
        "disseminate:I225",
        "disseminate:I76",
        "disseminate:I380",
        "disseminate:I213",
    ];
    assert_eq!(queue_keys(&data), without(&after_report, &gone));
    let again = record(&data, &["report", "digest", "--since", SINCE]);
    assert!(
        again.starts_with("nothing to record: already recorded"),
        "{again}"
    );
}

#[test]
fn out_writes_the_same_bytes_as_stdout_and_leaves_no_temporary_file() {
    let (dir, data) = demo();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).expect("creates the dir");
    let docs: [(&str, Vec<&str>); 3] = [
        (
            "debrief.md",
            vec!["report", "debrief", "--interview", INTERVIEW],
        ),
        (
            "president.md",
            vec!["report", "president", "--since", SINCE],
        ),
        ("digest.md", vec!["report", "digest", "--since", SINCE]),
    ];
    for (name, args) in &docs {
        let printed = ok(&data, args).stdout;
        let path = out_dir.join(name);
        let path_text = path.to_str().expect("a UTF-8 path");
        let mut with_out = args.clone();
        with_out.extend(["--out", path_text]);
        let o = ok(&data, &with_out);
        assert!(o.stdout.is_empty(), "nothing on stdout with --out");
        assert_eq!(std::fs::read(&path).expect("the file"), printed, "{name}");
        // Writing again replaces the file whole.
        ok(&data, &with_out);
        assert_eq!(std::fs::read(&path).expect("the file"), printed, "{name}");
    }
    let mut files: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("lists")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    assert_eq!(files, ["debrief.md", "digest.md", "president.md"]);
}

pub(crate) fn fails(data: &Path, args: &[&str]) -> String {
    let o = hearback(data, args);
    assert!(!o.status.success(), "hearback {args:?} should fail");
    assert!(o.stdout.is_empty(), "no half document on stdout");
    text(&o.stderr)
}

#[test]
fn bad_requests_fail_with_a_clear_error_and_record_nothing() {
    let (_dir, data) = demo();
    let before = queue_keys(&data);
    let err = fails(
        &data,
        &["report", "debrief", "--interview", "I999", "--record"],
    );
    assert!(err.contains("there is no interview I999"), "{err}");
    let booked: Value = serde_json::from_str(&stdout(
        &data,
        &["export", "interviews", "--format", "json"],
    ))
    .expect("json");
    let booked = booked
        .as_array()
        .expect("an array")
        .iter()
        .find(|i| i["status"] == "scheduled")
        .map(|i| format!("I{}", i["id"]))
        .expect("the demo has a booked interview");
    let err = fails(
        &data,
        &["report", "debrief", "--interview", &booked, "--record"],
    );
    assert!(
        err.contains(&format!(
            "{booked} is not completed yet: nothing to debrief"
        )),
        "{err}"
    );
    let err = fails(
        &data,
        &[
            "report",
            "president",
            "--since",
            SINCE,
            "--until",
            "2026-10-01",
            "--record",
        ],
    );
    assert!(
        err.contains("--until 2026-10-01 00:00 is before --since 2026-11-01 00:00"),
        "{err}"
    );
    let err = fails(&data, &["report", "digest", "--since", "2026-12-01"]);
    assert!(
        err.contains("--since 2026-12-01 00:00 is not before now"),
        "{err}"
    );
    let missing_dir = data.join("no-such-dir").join("digest.md");
    let err = fails(
        &data,
        &[
            "report",
            "digest",
            "--since",
            SINCE,
            "--record",
            "--out",
            missing_dir.to_str().expect("a UTF-8 path"),
        ],
    );
    assert!(err.contains("cannot write"), "{err}");
    assert_eq!(queue_keys(&data), before, "a failed report records nothing");
}

#[test]
fn the_digest_of_an_empty_period_says_so() {
    let (_dir, data) = demo();
    let digest = stdout(
        &data,
        &["report", "digest", "--since", "2026-11-23T08:00:00Z"],
    );
    assert!(
        digest.contains("No interviews were completed in this period"),
        "{digest}"
    );
    assert!(digest.contains("No comments to share from this period."));
    let president = stdout(
        &data,
        &[
            "report",
            "president",
            "--since",
            "2020-01-01",
            "--until",
            "2020-02-01",
        ],
    );
    for empty in [
        "No interviews were completed in this period.",
        "No score was below 4 in this period.",
        "No action was completed in this period.",
    ] {
        assert!(president.contains(empty), "{empty} missing:\n{president}");
    }
}

/// Records an interview for the demo's first customer with scores 4,4,4,4,5,4 and a comment on
/// question 4 marked with `flag` (`--individual` or `--praise`); returns the digest of November
/// and the interview's debrief.
fn digest_after_a_flagged_comment(comment: &str, flag: &str) -> (String, String) {
    let (_dir, data) = demo();
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
            "4,4,4,4,5,4",
            "--comment",
            &format!("4={comment}"),
            flag,
            "4",
        ],
    );
    let id = said
        .split_whitespace()
        .find(|w| w.starts_with('I'))
        .unwrap_or_else(|| panic!("no interview id in {said}"));
    (
        stdout(&data, &["report", "digest", "--since", SINCE]),
        stdout(&data, &["report", "debrief", "--interview", id]),
    )
}

#[test]
fn a_comment_about_an_individual_stays_out_of_the_digest_whatever_its_score() {
    let comment = "Delivery is fine overall, but the new driver in dispatch was rude";
    let (digest, debrief) = digest_after_a_flagged_comment(comment, "--individual");
    assert!(!digest.contains("driver in dispatch"), "{digest}");
    assert!(!digest.contains("Delivery is fine overall"), "{digest}");
    assert!(
        debrief.contains(&format!("**About an individual (private):** {comment}")),
        "{debrief}"
    );
}

#[test]
fn praise_marked_to_share_reaches_the_digest_as_written() {
    let comment = "Morgan on the help desk went out of her way for us";
    let (digest, debrief) = digest_after_a_flagged_comment(comment, "--praise");
    assert!(digest.contains(comment), "{digest}");
    assert!(
        debrief.contains(&format!("**Praise to share:** {comment}")),
        "{debrief}"
    );
}
