//! Our people through the real binary: `staff add|set|list`, who counts as senior management
//! per the policy, and the loud "no senior manager" instead of a silent downgrade (issue 11.2).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-20T15:00:00Z";

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", NOW)
        .env("HEARBACK_USER", "Test Lead")
        .env("HEARBACK_CONFIG", data.with_extension("toml"))
        .env("TZ", "UTC")
        .output()
        .expect("runs hearback")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn ok(data: &Path, args: &[&str]) -> String {
    let o = run(data, args);
    assert!(o.status.success(), "{args:?}: {}", text(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn fails(data: &Path, args: &[&str]) -> String {
    let o = run(data, args);
    assert!(!o.status.success(), "{args:?} should fail: {}", text(&o));
    text(&o)
}

/// A store with one customer whose CRM row names managers (and, if given, a sponsor) but
/// nobody with the senior-management role: what a real CRM import gives.
fn setup(dir: &Path, sponsor: &str, config: &str) -> PathBuf {
    let data = dir.join("d");
    std::fs::write(data.with_extension("toml"), config).expect("write config");
    let csv = dir.join("c.csv");
    std::fs::write(
        &csv,
        format!(
            "name,size,tier,account_manager,service_manager,executive_sponsor\n\
             Acme Freight,1250000,key,Dana Reyes,Sam Ortiz,{sponsor}\n"
        ),
    )
    .expect("write csv");
    ok(
        &data,
        &["import", "customers", csv.to_str().expect("utf-8")],
    );
    data
}

/// Completes an interview for Acme with a lowest score of 2.
fn score_two(data: &Path) -> String {
    let out = ok(
        data,
        &["interview", "schedule", "--customer", "Acme", "--at", NOW],
    );
    let id = out.split_whitespace().nth(1).expect("saved: I<n> booked");
    ok(
        data,
        &["interview", "complete", id, "--scores", "5,4,2,5,3,5"],
    )
}

fn low_item(data: &Path) -> Value {
    let items: Vec<Value> =
        serde_json::from_str(&ok(data, &["queue", "--format", "json", "--all"])).expect("json");
    items
        .into_iter()
        .find(|i| i["kind"] == "low_score_followup")
        .expect("a low-score follow-up")
}

fn names(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|n| n.as_str().expect("name").to_string())
        .collect()
}

#[test]
fn no_senior_manager_is_said_loudly_everywhere_until_one_is_set() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path(), "", "");
    let completed = score_two(&data);
    assert!(
        completed.contains("NO SENIOR MANAGER"),
        "completion says so: {completed}"
    );
    let low = low_item(&data);
    assert_eq!(low["no_senior_manager"], true, "{low}");
    let what = low["what"].as_str().expect("what");
    assert!(what.contains("NO SENIOR MANAGER"), "{what}");
    assert!(
        what.contains("hearback staff set NAME --role senior_management"),
        "{what}"
    );
    let table = ok(&data, &["queue"]);
    assert!(
        table.contains("1 follow-up(s) need senior management and nobody counts as one: F"),
        "{table}"
    );
    let check = fails(&data, &["check"]);
    assert!(check.contains("ok: every record decodes"), "{check}");
    assert!(
        check.contains("PROBLEM: 1 follow-up(s) need senior management"),
        "{check}"
    );

    // Giving someone the role fixes the open follow-up, without touching it.
    ok(
        &data,
        &[
            "staff",
            "add",
            "Pat Lee",
            "--email",
            "pat@us.example",
            "--role",
            "senior_management",
        ],
    );
    let low = low_item(&data);
    assert_eq!(low["no_senior_manager"], false, "{low}");
    assert!(
        names(&low["participants"]).contains(&"Pat Lee".to_string()),
        "{low}"
    );
    assert!(
        low["what"]
            .as_str()
            .expect("what")
            .contains("senior management must attend; record the context"),
        "{low}"
    );
    let check = ok(&data, &["check"]);
    assert!(check.contains("every open follow-up that needs senior management has someone"));
}

#[test]
fn the_executive_sponsor_stands_in_when_nobody_holds_the_role() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path(), "Alex Chen", "");
    let completed = score_two(&data);
    assert!(completed.contains("Alex Chen"), "{completed}");
    let low = low_item(&data);
    assert_eq!(low["no_senior_manager"], false);
    assert_eq!(
        names(&low["participants"]),
        ["Dana Reyes", "Sam Ortiz", "Alex Chen"]
    );
    assert!(
        low["what"]
            .as_str()
            .expect("what")
            .contains("the executive sponsor stands in"),
        "{low}"
    );
}

#[test]
fn the_policy_can_turn_the_fallback_off_and_name_people() {
    let dir = tempfile::tempdir().expect("temp");
    let off = "[policy.senior_management]\nexecutive_sponsor_fallback = false\n";
    let data = setup(dir.path(), "Alex Chen", off);
    score_two(&data);
    assert_eq!(low_item(&data)["no_senior_manager"], true);

    // Named people count (by email here), before the sponsor.
    ok(
        &data,
        &["staff", "add", "Robin Vale", "--email", "robin@us.example"],
    );
    std::fs::write(
        data.with_extension("toml"),
        "[policy.senior_management]\npeople = [\"ROBIN@us.example\"]\n",
    )
    .expect("write config");
    let low = low_item(&data);
    assert_eq!(low["no_senior_manager"], false);
    assert!(names(&low["participants"]).contains(&"Robin Vale".to_string()));

    // A named person who is not on file is a problem `check` reports.
    std::fs::write(
        data.with_extension("toml"),
        "[policy.senior_management]\npeople = [\"Nobody Known\"]\n",
    )
    .expect("write config");
    let check = fails(&data, &["check"]);
    assert!(
        check.contains("names 'Nobody Known', who is not one of our people"),
        "{check}"
    );
}

#[test]
fn staff_add_set_list() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path(), "", "");
    let out = ok(
        &data,
        &[
            "staff",
            "add",
            "Pat Lee",
            "--email",
            "pat@us.example",
            "--role",
            "executive",
        ],
    );
    assert!(out.starts_with("saved: Pat Lee added as S"), "{out}");
    let err = fails(&data, &["staff", "add", "pat lee"]);
    assert!(
        err.contains("Pat Lee is already one of our people"),
        "{err}"
    );
    let err = fails(&data, &["staff", "add", "Kim", "--role", "boss"]);
    assert!(
        err.contains("'boss' is not a role; use one of account_manager"),
        "{err}"
    );

    let list = ok(&data, &["staff", "list"]);
    assert!(
        list.contains("Nobody counts as senior management"),
        "{list}"
    );
    let out = ok(
        &data,
        &[
            "staff",
            "set",
            "pat@us.example",
            "--role",
            "senior_management",
            "--remove-role",
            "executive",
        ],
    );
    assert!(out.contains("Pat Lee (S"), "{out}");
    assert!(out.contains("senior_management, active"), "{out}");
    let err = fails(
        &data,
        &["staff", "set", "Pat", "--role", "senior_management"],
    );
    assert!(err.contains("nothing to change"), "{err}");

    let list = ok(&data, &["staff", "list"]);
    assert!(!list.contains("Nobody counts"), "{list}");
    let json: Vec<Value> =
        serde_json::from_str(&ok(&data, &["staff", "list", "--format", "json"])).expect("json");
    let pat = json.iter().find(|s| s["name"] == "Pat Lee").expect("Pat");
    assert_eq!(pat["senior_management"], "role");
    assert_eq!(pat["roles"], serde_json::json!(["senior_management"]));

    ok(&data, &["staff", "set", "Pat Lee", "--active", "false"]);
    let list = ok(&data, &["staff", "list"]);
    assert!(
        !list.contains("Pat Lee"),
        "people who left are hidden: {list}"
    );
    let all = ok(&data, &["staff", "list", "--all"]);
    assert!(all.contains("Pat Lee") && all.contains("left"), "{all}");
}

#[test]
fn import_people_from_a_directory_export() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path(), "", "");
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/people/directory.csv"
    );
    let code = |o: &Output| o.status.code();

    let strict = run(&data, &["import", "people", file, "--strict"]);
    assert_eq!(code(&strict), Some(1), "{}", text(&strict));
    assert!(text(&strict).contains("nothing imported: --strict and 2 row(s) rejected"));

    let dry = run(&data, &["import", "people", file, "--dry-run"]);
    let out = text(&dry);
    assert_eq!(code(&dry), Some(3), "partial: {out}");
    assert!(out.contains("new: Lena Ortiz (senior_management)"), "{out}");
    assert!(out.contains("new: Morgan Hale (president)"), "{out}");
    assert!(
        out.contains("directory.csv:9: 'dmitri.volkov@us' is not an email"),
        "{out}"
    );
    assert!(out.contains("directory.csv:10: the name is blank"), "{out}");
    assert!(
        !ok(&data, &["staff", "list"]).contains("Lena Ortiz"),
        "dry run wrote nothing"
    );

    let real = run(&data, &["import", "people", file]);
    assert!(
        text(&real).contains("saved: add 8 people"),
        "{}",
        text(&real)
    );
    let again = run(&data, &["import", "people", file]);
    assert!(
        text(&again).contains("nothing to change: add 0 people, update 0, 8 unchanged"),
        "{}",
        text(&again)
    );
    // The VP from the HR file is senior management: a score of 2 brings her.
    score_two(&data);
    let low = low_item(&data);
    assert_eq!(low["no_senior_manager"], false);
    assert!(
        names(&low["participants"]).contains(&"Lena Ortiz".to_string()),
        "{low}"
    );
    let all = ok(&data, &["staff", "list", "--all"]);
    assert!(
        all.contains("Ruth Adeyemi") && all.contains("left"),
        "{all}"
    );
}

#[test]
fn assigning_to_someone_not_on_file_says_how_or_adds_them() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path(), "", "");
    score_two(&data);
    let low = low_item(&data);
    let id = low["id"]
        .as_str()
        .and_then(|k| k.split(':').nth(1))
        .expect("F<n>")
        .to_string();
    let err = fails(&data, &["followup", "assign", &id, "--to", "Noor Haddad"]);
    assert!(
        err.contains("Noor Haddad is not one of our people"),
        "{err}"
    );
    assert!(err.contains("--create-as ROLE"), "{err}");
    let out = ok(
        &data,
        &[
            "followup",
            "assign",
            &id,
            "--to",
            "Noor Haddad",
            "--create-as",
            "senior_management",
        ],
    );
    assert!(
        out.contains(&format!("{id} assigned to Noor Haddad")),
        "{out}"
    );
    let low = low_item(&data);
    assert_eq!(low["owner"], "Noor Haddad");
    assert_eq!(low["no_senior_manager"], false, "she counts now: {low}");
}
