//! CRM-change triggers through the real binary: a customer re-import whose stage moved into a
//! configured value makes a feedback interview due, named after its trigger; `--dry-run` says
//! so and writes nothing.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Monday 2026-11-02.
const NOW: &str = "2026-11-02T09:00:00Z";

fn run(data: &Path, args: &[&str]) -> Output {
    let o = Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", NOW)
        .env("HEARBACK_USER", "Test Lead")
        .env("HEARBACK_CONFIG", data.with_extension("toml"))
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

/// A Salesforce-style account report with the stage of each account's project.
fn crm_file(dir: &Path, name: &str, caldera_stage: &str) -> String {
    let path = dir.join(name);
    let text = format!(
        "Account ID,Account Name,Account Owner,Annual Revenue,Project Stage\n\
         001A,Caldera Mining,Dana Reyes,2400000,{caldera_stage}\n\
         001B,Delta Foods,Dana Reyes,900000,Installation\n"
    );
    std::fs::write(&path, text).expect("write csv");
    path.to_str().expect("UTF-8 path").to_string()
}

/// Caldera and Delta imported at stage Installation, Caldera interviewed 10 days ago.
fn store(dir: &Path) -> PathBuf {
    let data = dir.join("d");
    std::fs::write(
        data.with_extension("toml"),
        "[policy.triggers]\nstage_column = \"Project Stage\"\nstage_values = [\"Delivered\"]\n",
    )
    .expect("write config");
    let first = stdout(&run(
        &data,
        &[
            "import",
            "customers",
            &crm_file(dir, "v1.csv", "Installation"),
        ],
    ));
    assert!(
        first.contains("CRM triggers: no change in this file calls for a feedback interview"),
        "{first}"
    );
    run(
        &data,
        &[
            "interview",
            "record",
            "--customer",
            "Caldera",
            "--at",
            "2026-10-23T10:00:00Z",
            "--scores",
            "5,5,4,5,5,5",
        ],
    );
    data
}

fn caldera_scheduling(data: &Path) -> Value {
    let items: Vec<Value> =
        serde_json::from_str(&stdout(&run(data, &["queue", "--all", "--format", "json"])))
            .expect("queue json");
    items
        .into_iter()
        .find(|i| i["kind"] == "schedule_interview" && i["customer"] == "Caldera Mining")
        .expect("Caldera's next interview is in the queue")
}

fn everything(data: &Path) -> String {
    stdout(&run(data, &["export", "all", "--format", "json"]))
}

#[test]
fn a_stage_moved_to_delivered_makes_an_interview_due_and_a_dry_run_only_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = store(dir.path());
    let v2 = crm_file(dir.path(), "v2.csv", "Delivered");
    let cadence = caldera_scheduling(&data);
    assert!(
        cadence["what"]
            .as_str()
            .unwrap_or("")
            .starts_with("6-monthly interview"),
        "{cadence}"
    );

    let before = everything(&data);
    let dry = stdout(&run(&data, &["import", "customers", "--dry-run", &v2]));
    // Interviewed 2026-10-23: 14 days from now (2026-11-16) would be inside the 30-day spacing,
    // so the interview is due 30 days after the last one, on 2026-11-22.
    assert!(
        dry.contains(
            "CRM triggers: would make 1 feedback interview due\n  Caldera Mining: Project Stage \
             became Delivered (was Installation); interview due by 2026-11-22\n"
        ),
        "{dry}"
    );
    assert_eq!(everything(&data), before, "a dry run writes nothing");

    let real = stdout(&run(&data, &["import", "customers", &v2]));
    assert!(
        real.contains("CRM triggers: made 1 feedback interview due\n  Caldera Mining:"),
        "{real}"
    );
    let item = caldera_scheduling(&data);
    assert_eq!(
        item["what"],
        "Interview after a CRM change: Project Stage became Delivered (was Installation) (2026-11-02)"
    );
    assert_eq!(item["due"], "2026-11-22T10:00:00+00:00");
    let timeline = stdout(&run(&data, &["customer", "Caldera"]));
    assert!(
        timeline
            .contains("Feedback interview due after a CRM change: Project Stage became Delivered"),
        "{timeline}"
    );

    let again = stdout(&run(&data, &["import", "customers", &v2]));
    assert!(
        again.contains("CRM triggers: no change in this file calls for a feedback interview"),
        "the same file again triggers nothing: {again}"
    );
}

#[test]
fn a_configured_column_missing_from_the_file_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = store(dir.path());
    let path = dir.path().join("plain.csv");
    std::fs::write(&path, "Account ID,Account Name\n001A,Caldera Mining\n").expect("write csv");
    let out = stdout(&run(
        &data,
        &["import", "customers", path.to_str().expect("UTF-8 path")],
    ));
    assert!(
        out.contains(
            "CRM triggers: this file has no column 'Project Stage' (named in [policy.triggers])"
        ),
        "{out}"
    );
}
