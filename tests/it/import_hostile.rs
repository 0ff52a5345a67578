//! Hostile CSVs through the real binary: stray quotes that swallow rows, cells too large for a
//! record, escape sequences in rejected cells, impossible dates. Every one must end as a bad row
//! named by `FILE:LINE`, exit 3 (1 with `--strict`), with the good rows imported and nothing
//! raw or unbounded on stderr. The files are in `tests/fixtures/hostile/`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-23T09:00:00Z";

fn hostile(name: &str) -> String {
    format!(
        "{}/tests/fixtures/hostile/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", NOW)
        .env("HEARBACK_CONFIG", data.with_extension("config.toml"))
        .env("TZ", "UTC")
        .output()
        .expect("runs hearback")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn all(o: &Output) -> String {
    format!("{}{}", text(&o.stdout), text(&o.stderr))
}

fn fresh() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    std::fs::write(data.with_extension("config.toml"), "").expect("write config");
    (dir, data)
}

fn names(data: &Path) -> Vec<String> {
    let o = run(data, &["customers", "--format", "json"]);
    assert!(o.status.success(), "{}", all(&o));
    let list: Vec<Value> = serde_json::from_str(&text(&o.stdout)).unwrap_or_default();
    list.iter()
        .filter_map(|c| c["name"].as_str().map(str::to_string))
        .collect()
}

/// No escape or control character and no line longer than `max` characters.
fn assert_clean(err: &str, max: usize) {
    assert!(
        !err.chars()
            .any(|c| c.is_control() && c != '\n' || ('\u{80}'..'\u{a0}').contains(&c)),
        "control characters reached stderr: {err:?}"
    );
    for line in err.lines() {
        assert!(
            line.chars().count() <= max,
            "a message of {} characters: {line}",
            line.chars().count()
        );
    }
}

/// Imports `file` (customers) and checks exit 3 and a message on `line` that says `says`.
fn customers_rejects(file: &str, line: u64, says: &str) -> (tempfile::TempDir, PathBuf) {
    let (dir, data) = fresh();
    let path = hostile(file);
    for extra in [&["--dry-run"][..], &[]] {
        let mut args = vec!["import", "customers", path.as_str()];
        args.extend_from_slice(extra);
        let o = run(&data, &args);
        assert_eq!(o.status.code(), Some(3), "{extra:?}: {}", all(&o));
        let err = text(&o.stderr);
        let at = format!("{file}:{line}: ");
        let hit = err.lines().find(|l| l.contains(&at));
        assert!(
            hit.is_some_and(|l| l.contains(says)),
            "{extra:?}: want {at}...{says}: {err}"
        );
        assert_clean(&err, 600);
    }
    let o = run(&data, &["import", "customers", "--strict", path.as_str()]);
    assert_eq!(o.status.code(), Some(1), "--strict: {}", all(&o));
    (dir, data)
}

#[test]
fn a_stray_quote_that_swallows_rows_is_a_bad_row_by_line() {
    let (_dir, data) = customers_rejects("crm_stray_quote.csv", 3, "quote");
    let names = names(&data);
    assert!(
        names.iter().all(|n| n.len() < 100),
        "a swallowed name: {names:?}"
    );
    assert!(names.contains(&"Alpha Freight".to_string()), "{names:?}");
    assert!(names.contains(&"Zeta Labs".to_string()), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Beta")), "{names:?}");
}

#[test]
fn a_quote_that_never_closes_is_a_bad_row_by_line() {
    let (_dir, data) = customers_rejects("crm_unclosed_quote.csv", 3, "never closed");
    assert_eq!(names(&data), vec!["Alpha Freight".to_string()]);
}

#[test]
fn an_oversized_row_is_a_bad_row_and_the_others_are_imported() {
    let (_dir, data) = customers_rejects("crm_oversized_name.csv", 3, "characters");
    let mut names = names(&data);
    names.sort();
    assert_eq!(names, vec!["Alpha Freight", "Gamma Labs"]);
}

#[test]
fn rows_that_grow_one_record_past_the_cap_are_bad_rows_in_dry_run_too() {
    let (dir, data) = fresh();
    let file = dir.path().join("contacts.csv");
    let mut csv = String::from("name,contact_name,contact_email\n");
    for i in 0..1500 {
        csv.push_str(&format!(
            "Big Account,Contact number {i:04} of many,person.{i:04}@big-account.example\n"
        ));
    }
    std::fs::write(&file, csv).expect("write");
    let path = file.to_str().expect("utf-8");
    for extra in [&["--dry-run"][..], &[]] {
        let mut args = vec!["import", "customers", path];
        args.extend_from_slice(extra);
        let o = run(&data, &args);
        assert_eq!(o.status.code(), Some(3), "{extra:?}: {}", all(&o));
        let err = text(&o.stderr);
        assert!(err.contains("contacts.csv:"), "{err}");
        assert!(err.contains("limit"), "{err}");
    }
    assert_eq!(names(&data), vec!["Big Account".to_string()]);
}

#[test]
fn rejected_crm_cells_are_quoted_sanitised_and_short() {
    let (dir, data) = fresh();
    let o = run(
        &data,
        &["import", "customers", &hostile("crm_escape_cells.csv")],
    );
    assert_eq!(o.status.code(), Some(3), "{}", all(&o));
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 3, "{err}");
    assert_clean(&err, 300);
    drop(dir);
}

#[test]
fn people_with_a_stray_quote_are_bad_rows_and_messages_are_clean() {
    let (_dir, data) = fresh();
    let path = hostile("people_stray_quote.csv");
    let o = run(&data, &["import", "people", &path]);
    assert_eq!(o.status.code(), Some(3), "{}", all(&o));
    let err = text(&o.stderr);
    assert!(
        err.lines()
            .any(|l| l.contains("people_stray_quote.csv:3: ") && l.contains("quote")),
        "{err}"
    );
    let o = run(&data, &["import", "people", "--strict", &path]);
    assert_eq!(o.status.code(), Some(1), "{}", all(&o));
    let o = run(
        &data,
        &["import", "people", &hostile("people_escape_cells.csv")],
    );
    assert_eq!(o.status.code(), Some(3), "{}", all(&o));
    assert_clean(&text(&o.stderr), 300);
}

/// A store with the customers of `crm/plain.csv`.
fn survey_store() -> (tempfile::TempDir, PathBuf) {
    let (dir, data) = fresh();
    let o = run(&data, &["import", "customers", &fixture("crm/plain.csv")]);
    assert!(o.status.success(), "{}", all(&o));
    (dir, data)
}

fn responses(data: &Path, file: &str, extra: &[&str]) -> Output {
    let path = hostile(file);
    let map = fixture("surveys/typeform_map.toml");
    let mut args = vec!["import", "responses", path.as_str(), "--map", map.as_str()];
    args.extend_from_slice(extra);
    run(data, &args)
}

/// Imports a hostile survey file: exit 3 with a message on each of `lines` saying `says`,
/// exit 1 with `--strict`; returns stderr.
fn responses_reject(file: &str, lines: &[u64], says: &str) -> String {
    let (_dir, data) = survey_store();
    let o = responses(&data, file, &["--strict"]);
    assert_eq!(o.status.code(), Some(1), "--strict: {}", all(&o));
    let mut last = String::new();
    for extra in [&["--dry-run"][..], &[]] {
        let o = responses(&data, file, extra);
        assert_eq!(o.status.code(), Some(3), "{extra:?}: {}", all(&o));
        let err = text(&o.stderr);
        for line in lines {
            let at = format!("{file}:{line}: ");
            assert!(
                err.lines().any(|l| l.contains(&at) && l.contains(says)),
                "{extra:?}: want {at}...{says}: {err}"
            );
        }
        assert_clean(&err, 600);
        last = err;
    }
    last
}

#[test]
fn survey_cells_with_escapes_are_quoted_sanitised_and_short() {
    let err = responses_reject("survey_escape_cells.csv", &[3, 4], "'");
    assert_clean(&err, 300);
}

#[test]
fn survey_times_outside_the_years_we_accept_are_bad_rows() {
    responses_reject("survey_year_zero.csv", &[3, 4], "1970");
}

#[test]
fn a_stray_quote_in_a_survey_is_a_bad_row_by_line() {
    responses_reject("survey_stray_quote.csv", &[3], "quote");
    responses_reject("survey_unclosed_quote.csv", &[4], "never closed");
}

#[test]
fn an_oversized_survey_comment_is_a_bad_row() {
    responses_reject("survey_oversized_comment.csv", &[3], "characters");
}
