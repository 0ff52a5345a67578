//! The closed loop driven end to end through the real binary: a low score opens a follow-up
//! in the queue with the right severity and owners, and each step discharges what it should.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn run(data: &Path, now: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", now)
        .env("HEARBACK_USER", "Test Lead")
        .env("HEARBACK_CONFIG", data.with_extension("no-config.toml"))
        .env("TZ", "UTC")
        .output()
        .expect("runs hearback")
}

fn ok(data: &Path, now: &str, args: &[&str]) -> String {
    let o = run(data, now, args);
    assert!(
        o.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn queue(data: &Path, now: &str, all: bool) -> Vec<Value> {
    let mut args = vec!["queue", "--format", "json"];
    if all {
        args.push("--all");
    }
    serde_json::from_str(&ok(data, now, &args)).expect("queue json")
}

fn kinds_for(items: &[Value], customer: &str) -> Vec<String> {
    items
        .iter()
        .filter(|i| i["customer"] == customer)
        .map(|i| i["kind"].as_str().expect("kind").to_string())
        .collect()
}

/// A store with one customer and its people, via the plain CSV import.
fn setup(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("d");
    let csv = dir.join("c.csv");
    std::fs::write(
        &csv,
        "name,size,tier,account_manager,service_manager,executive_sponsor,contact_name,contact_email\n\
         Acme Freight,1250000,key,Dana Reyes,Sam Ortiz,Alex Chen,Ada Byrne,ada@acme.example\n",
    )
    .expect("write csv");
    // Empty config files are valid: the shipped policy applies.
    std::fs::write(data.with_extension("no-config.toml"), "").expect("write config");
    ok(
        &data,
        "2026-11-02T09:00:00Z",
        &["import", "customers", csv.to_str().expect("utf-8")],
    );
    data
}

#[test]
fn demo_queue_shows_overdue_items_of_several_kinds() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    std::fs::write(data.with_extension("no-config.toml"), "").expect("write config");
    ok(&data, "2026-11-23T09:00:00Z", &["demo"]);
    let items = queue(&data, "2026-11-23T09:00:00Z", false);
    let overdue: std::collections::BTreeSet<&str> = items
        .iter()
        .filter(|i| i["state"] == "overdue")
        .map(|i| i["kind"].as_str().expect("kind"))
        .collect();
    assert!(overdue.len() >= 4, "overdue kinds: {overdue:?}");
    for i in &items {
        for field in [
            "id",
            "kind",
            "customer",
            "customer_id",
            "owner",
            "due",
            "state",
            "severity",
        ] {
            assert!(i.get(field).is_some(), "{field} missing in {i}");
        }
        assert_ne!(
            i["state"], "upcoming",
            "default queue shows due and overdue only"
        );
    }
    let table = ok(&data, "2026-11-23T09:00:00Z", &["queue"]);
    assert!(table.contains("overdue"), "{table}");
}

#[test]
fn a_low_score_runs_through_the_whole_loop() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path());
    let t0 = "2026-11-20T15:00:00Z"; // a Friday afternoon
    let out = ok(
        &data,
        t0,
        &[
            "interview",
            "record",
            "--customer",
            "acme",
            "--at",
            t0,
            "--scores",
            "5,4,2,5,3,n",
            "--comment",
            "3=Slow to answer tickets",
            "--significant",
        ],
    );
    assert!(out.contains("opened F"), "{out}");
    let followup = out
        .split_whitespace()
        .find(|w| w.starts_with('F') && w.ends_with(':'))
        .expect("follow-up id")
        .trim_end_matches(':')
        .to_string();

    // At once: the follow-up (severity 2, senior management), thank-you, debrief, inform executives.
    let items = queue(&data, "2026-11-20T16:00:00Z", true);
    let low = items
        .iter()
        .find(|i| i["kind"] == "low_score_followup")
        .expect("follow-up item");
    assert_eq!(low["severity"], 2);
    // It names the question scored 2, not the 3 beside it.
    assert!(
        low["what"]
            .as_str()
            .is_some_and(|w| w.starts_with("Lowest score 2 on responsiveness:")),
        "{}",
        low["what"]
    );
    assert!(out.contains("lowest score 2 on responsiveness —"), "{out}");
    assert_eq!(low["owner"], "Dana Reyes");
    assert_eq!(
        low["due"], "2026-11-23T15:00:00+00:00",
        "one business day, weekend skipped"
    );
    let kinds = kinds_for(&items, "Acme Freight");
    for k in [
        "low_score_followup",
        "acknowledge",
        "debrief",
        "inform_executives",
        "report_president",
        "disseminate",
    ] {
        assert!(kinds.contains(&k.to_string()), "{k} in {kinds:?}");
    }
    let participants = low["participants"].as_array().expect("participants");
    assert!(
        participants.iter().any(|p| p == "Sam Ortiz"),
        "service manager takes part: {participants:?}"
    );
    // The customer is now at risk, and says why.
    let list: Vec<Value> = serde_json::from_str(&ok(
        &data,
        "2026-11-20T16:00:00Z",
        &["customers", "--format", "json"],
    ))
    .expect("json");
    assert_eq!(list[0]["risk"], "at_risk");
    let reasons: Vec<&str> = list[0]["risk_reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("scored 2 on responsiveness")),
        "{reasons:?}"
    );
    let detail = ok(&data, "2026-11-20T16:00:00Z", &["customer", "acme"]);
    assert!(
        detail.contains("Risk: AT RISK") && detail.contains("scored 2 on responsiveness"),
        "{detail}"
    );
    assert!(
        detail.contains("Low-score follow-up") && detail.contains("Interview"),
        "{detail}"
    );

    // Friday 16:00: the thank-you is due today, the follow-up on Monday, so the thank-you leads.
    assert_eq!(items[0]["kind"], "acknowledge", "{}", items[0]);

    // Monday after the deadline: everything is overdue and the most severe item leads.
    let monday = "2026-11-23T16:00:00Z";
    let items = queue(&data, monday, false);
    assert_eq!(items[0]["kind"], "low_score_followup", "{}", items[0]);
    assert_eq!(items[0]["state"], "overdue");

    // Closing without context is refused; recording context moves it on.
    let refused = run(&data, monday, &["followup", "close", &followup]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("no context recorded"));
    ok(
        &data,
        monday,
        &[
            "followup",
            "contacted",
            &followup,
            "--context",
            "Tickets waited two days for triage",
        ],
    );
    let kinds = kinds_for(&queue(&data, monday, true), "Acme Freight");
    assert!(
        !kinds.contains(&"low_score_followup".to_string())
            && kinds.contains(&"formal_report".to_string()),
        "{kinds:?}"
    );

    // Steps discharge their items.
    // The debrief item's key is `debrief:I<id>`: its record part names the interview.
    let items = queue(&data, monday, true);
    let key = items
        .iter()
        .find(|i| i["kind"] == "debrief")
        .expect("debrief")["id"]
        .as_str()
        .expect("key");
    let interview = key.split_once(':').expect("kind:record").1.to_string();
    for step in [
        "acknowledged",
        "debriefed",
        "executives-informed",
        "reported",
        "disseminated",
    ] {
        ok(&data, monday, &["interview", "mark", &interview, step]);
    }
    let again = run(
        &data,
        monday,
        &["interview", "mark", &interview, "debriefed"],
    );
    assert!(String::from_utf8_lossy(&again.stderr).contains("already recorded"));
    ok(&data, monday, &["followup", "present-report", &followup]);
    ok(&data, monday, &["followup", "close", &followup]);
    let kinds = kinds_for(&queue(&data, monday, true), "Acme Freight");
    assert_eq!(
        kinds,
        ["schedule_interview"],
        "only the next cadence interview remains"
    );
}

#[test]
fn actions_move_across_the_board_and_owe_a_customer_follow_up() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path());
    let now = "2026-11-23T09:00:00Z";
    let out = ok(
        &data,
        now,
        &[
            "action",
            "add",
            "--customer",
            "Acme",
            "--kind",
            "corrective",
            "--title",
            "Fix triage rota",
            "--owner",
            "Sam Ortiz",
            "--due",
            "2026-11-25",
        ],
    );
    let id = out
        .split_whitespace()
        .find(|w| w.starts_with('A') && w[1..].chars().all(|c| c.is_ascii_digit()))
        .expect("action id")
        .to_string();
    let item = |now: &str, kind: &str| {
        queue(&data, now, true)
            .into_iter()
            .find(|i| i["kind"] == kind)
    };
    assert_eq!(
        item(now, "action_item").expect("action")["owner"],
        "Sam Ortiz"
    );
    assert_eq!(
        item("2026-11-26T09:00:00Z", "action_item").expect("action")["state"],
        "overdue"
    );
    ok(&data, now, &["action", "move", &id, "done"]);
    assert!(item(now, "action_item").is_none());
    assert_eq!(
        item(now, "action_followup").expect("follow-up with the customer")["due"],
        "2026-11-30T09:00:00+00:00"
    );
    ok(&data, now, &["action", "move", &id, "followed-up"]);
    assert!(item(now, "action_followup").is_none());
}

#[test]
fn scheduling_respects_the_feedback_calendar_and_deliverables() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path());
    let now = "2026-11-23T09:00:00Z";
    ok(
        &data,
        now,
        &[
            "interview",
            "record",
            "--customer",
            "Acme",
            "--at",
            "2026-11-10T10:00:00Z",
            "--scores",
            "5,5,5,5,5,5",
        ],
    );
    let close = run(
        &data,
        now,
        &[
            "interview",
            "schedule",
            "--customer",
            "Acme",
            "--at",
            "2026-12-01T10:00:00Z",
        ],
    );
    assert!(!close.status.success());
    assert!(
        String::from_utf8_lossy(&close.stderr).contains("30-day spacing"),
        "{}",
        String::from_utf8_lossy(&close.stderr)
    );
    ok(
        &data,
        now,
        &[
            "interview",
            "schedule",
            "--customer",
            "Acme",
            "--at",
            "2026-12-01T10:00:00Z",
            "--confirm",
        ],
    );
    let kinds = kinds_for(&queue(&data, now, true), "Acme Freight");
    assert!(
        kinds.contains(&"prebrief".to_string())
            && !kinds.contains(&"schedule_interview".to_string()),
        "{kinds:?}"
    );

    let fresh = tempfile::tempdir().expect("temp");
    let data = setup(fresh.path());
    ok(
        &data,
        now,
        &[
            "interview",
            "record",
            "--customer",
            "Acme",
            "--at",
            "2026-09-01T10:00:00Z",
            "--scores",
            "5,5,5,5,5,5",
        ],
    );
    let schedule = |d: &Path| {
        queue(d, now, true)
            .into_iter()
            .find(|i| i["kind"] == "schedule_interview")
            .expect("schedule item")
    };
    assert_eq!(
        schedule(&data)["due"],
        "2027-03-01T10:00:00+00:00",
        "six months on"
    );
    ok(
        &data,
        now,
        &[
            "deliverable",
            "--customer",
            "Acme",
            "--name",
            "Warehouse go-live",
            "--at",
            "2026-11-20T12:00:00Z",
        ],
    );
    let item = schedule(&data);
    assert_eq!(
        item["due"], "2026-12-04T12:00:00+00:00",
        "14 days after the deliverable, sooner than the cadence"
    );
    assert!(
        item["what"]
            .as_str()
            .expect("what")
            .contains("Warehouse go-live")
    );
}

#[test]
fn snooze_hides_an_item_with_a_reason_until_its_time() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path());
    let now = "2026-11-23T09:00:00Z";
    ok(
        &data,
        now,
        &[
            "interview",
            "record",
            "--customer",
            "Acme",
            "--at",
            "2026-11-16T10:00:00Z",
            "--scores",
            "5,5,5,5,5,5",
        ],
    );
    let key = queue(&data, now, false)
        .into_iter()
        .find(|i| i["kind"] == "acknowledge")
        .expect("ack")["id"]
        .as_str()
        .expect("key")
        .to_string();
    let refused = run(
        &data,
        now,
        &["snooze", &key, "--until", "2026-11-25", "--reason", " "],
    );
    assert!(!refused.status.success());
    ok(
        &data,
        now,
        &[
            "snooze",
            &key,
            "--until",
            "2026-11-25",
            "--reason",
            "Contact on holiday",
        ],
    );
    assert!(
        queue(&data, now, false)
            .iter()
            .all(|i| i["id"] != key.as_str())
    );
    let all = queue(&data, now, true);
    assert_eq!(
        all.iter()
            .find(|i| i["id"] == key.as_str())
            .expect("still owed")["snoozed_until"],
        "2026-11-25T00:00:00+00:00"
    );
    assert!(
        queue(&data, "2026-11-25T01:00:00Z", false)
            .iter()
            .any(|i| i["id"] == key.as_str())
    );
}

#[test]
fn an_invalid_config_names_the_key_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path());
    std::fs::write(
        data.with_extension("no-config.toml"),
        "[policy.deadlines]\ndebrief_hourz = 3\n",
    )
    .expect("write");
    let o = run(&data, "2026-11-23T09:00:00Z", &["queue"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("debrief_hourz") && err.contains("no-config.toml"),
        "{err}"
    );
}

#[test]
fn the_invitation_lists_the_questions_and_marks_them_sent() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path());
    let now = "2026-11-23T09:00:00Z";
    let out = ok(
        &data,
        now,
        &[
            "interview",
            "schedule",
            "--customer",
            "Acme",
            "--at",
            "2026-12-01T14:00:00Z",
            "--contact",
            "Ada Byrne",
        ],
    );
    let id = out
        .split_whitespace()
        .nth(1)
        .expect("saved: I<n> booked ...")
        .to_string();
    let text = ok(&data, now, &["interview", "invitation", &id]);
    assert!(
        text.contains("Dear Ada Byrne") && text.contains("Alex Chen"),
        "{text}"
    );
    assert_eq!(
        text.lines()
            .filter(|l| l.len() > 3 && l.as_bytes()[0].is_ascii_digit() && &l[1..3] == ". ")
            .count(),
        6,
        "{text}"
    );
    let file = dir.path().join("invitation.md");
    ok(
        &data,
        now,
        &[
            "interview",
            "invitation",
            &id,
            "--out",
            file.to_str().expect("utf-8"),
            "--mark",
        ],
    );
    assert_eq!(std::fs::read_to_string(&file).expect("written"), text);
    let interviews: Vec<Value> = serde_json::from_str(&ok(
        &data,
        now,
        &["export", "interviews", "--format", "json"],
    ))
    .expect("json");
    let booked = interviews
        .iter()
        .find(|i| i["id"].as_u64().map(|n| format!("I{n}")) == Some(id.clone()))
        .expect("the booking");
    assert_eq!(booked["status"], "scheduled");
    // Marking twice is harmless: the first time stands.
    ok(&data, now, &["interview", "invitation", &id, "--mark"]);
    let broken = dir.path().join("broken.md");
    std::fs::write(&broken, "Dear {{ contact.nmae }}").expect("write");
    let o = run(
        &data,
        now,
        &[
            "interview",
            "invitation",
            &id,
            "--template",
            broken.to_str().expect("utf-8"),
        ],
    );
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("invitation template"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn completing_with_the_issue_scores_owes_a_senior_follow_up_within_a_business_day() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path());
    let at = "2026-11-20T15:00:00Z"; // Friday
    let out = ok(
        &data,
        at,
        &["interview", "schedule", "--customer", "Acme", "--at", at],
    );
    let id = out
        .split_whitespace()
        .nth(1)
        .expect("saved: I<n> booked")
        .to_string();
    ok(
        &data,
        at,
        &["interview", "complete", &id, "--scores", "5,4,2,5,3,5"],
    );
    let items = queue(&data, at, true);
    let low = items
        .iter()
        .find(|i| i["kind"] == "low_score_followup")
        .expect("follow-up");
    assert_eq!(low["severity"], 2);
    assert!(
        low["what"]
            .as_str()
            .expect("what")
            .contains("senior management"),
        "{low}"
    );
    assert_eq!(
        low["due"], "2026-11-23T15:00:00+00:00",
        "one business day: Monday"
    );
    let kinds = kinds_for(&items, "Acme Freight");
    for k in ["acknowledge", "debrief", "report_president"] {
        assert!(kinds.contains(&k.to_string()), "{k} in {kinds:?}");
    }
}
