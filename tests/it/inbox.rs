//! `hearback inbox` (issue 16, the inbox run once, as cron runs it): exports dropped into the
//! inbox folder are imported as `hearback import` imports them, filed in `done/` with a report,
//! recognised when dropped again, and never read while still being written.

use crate::common::{hearback_cli, hearback_ok};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn copy(from: &str, to: &Path) {
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir).expect("create the folder");
    }
    std::fs::copy(fixture(from), to).expect("copy the fixture");
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// `hearback inbox --settle 0` on `data`'s default inbox.
fn inbox(data: &Path) -> Output {
    hearback_cli(data, &["inbox", "--settle", "0"])
}

/// An inbox with the CRM export of four customers and a Typeform export with its map.
fn dropped(data: &Path) -> PathBuf {
    let inbox = data.join("inbox");
    copy("crm/plain.csv", &inbox.join("customers/plain.csv"));
    copy(
        "surveys/typeform_map.toml",
        &inbox.join("typeform/map.toml"),
    );
    copy("surveys/typeform.csv", &inbox.join("typeform/typeform.csv"));
    inbox
}

/// The ids (`kind:record`) of every queue item, from `hearback queue --all --format json`.
fn queue_keys(data: &Path) -> Vec<String> {
    let json: Value =
        serde_json::from_str(&hearback_ok(data, &["queue", "--all", "--format", "json"]))
            .expect("queue prints JSON");
    json.as_array()
        .expect("a list")
        .iter()
        .filter_map(|i| i["id"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn dropped_exports_are_imported_filed_with_their_reports_and_recorded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("d");
    let empty = inbox(&data);
    assert!(empty.status.success(), "{}", text(&empty.stderr));
    assert!(text(&empty.stdout).contains("nothing to import"));

    let inbox_dir = dropped(&data);
    let out = inbox(&data);
    let said = text(&out.stdout);
    // The Typeform export has two bad rows: the run ends as `import` does, with exit 3.
    assert_eq!(out.status.code(), Some(3), "{said}{}", text(&out.stderr));
    assert!(said.contains("customers/plain.csv: imported;"), "{said}");
    assert!(
        said.contains("typeform/typeform.csv: imported, with rows rejected"),
        "{said}"
    );
    for (csv, report) in [
        (
            "customers/done/plain.csv",
            "customers/done/plain.report.txt",
        ),
        (
            "typeform/done/typeform.csv",
            "typeform/done/typeform.report.txt",
        ),
    ] {
        assert!(inbox_dir.join(csv).is_file(), "{csv} filed in done/");
        assert!(inbox_dir.join(report).is_file(), "{report} written");
    }
    assert!(!inbox_dir.join("typeform/typeform.csv").exists());
    // The report is what `import responses` prints: the imports, the follow-ups they opened and
    // each rejected row with its line.
    let report = read(&inbox_dir.join("typeform/done/typeform.report.txt"));
    assert!(report.contains("Corvid Games (line 3"), "{report}");
    assert!(report.contains("follow-up F"), "{report}");
    assert!(report.contains("typeform.csv:6: not matched"), "{report}");
    assert!(report.contains("exit status 3"), "{report}");
    assert_eq!(read(&inbox_dir.join(".imported")).lines().count(), 2);
    // The low scores are in the queue, as after `hearback import responses`.
    let keys = queue_keys(&data);
    assert!(
        keys.iter().any(|k| k.starts_with("low_score_followup:")),
        "{keys:?}"
    );
}

#[test]
fn the_same_export_dropped_again_is_skipped_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("d");
    let inbox_dir = dropped(&data);
    inbox(&data);
    let before = queue_keys(&data);
    assert!(before.len() > 2, "{before:?}");
    // Saved a second time by the browser, under another name.
    copy(
        "surveys/typeform.csv",
        &inbox_dir.join("typeform/typeform (1).csv"),
    );
    let out = inbox(&data);
    let said = text(&out.stdout);
    assert!(out.status.success(), "{said}{}", text(&out.stderr));
    assert!(
        said.contains("typeform/typeform (1).csv: skipped (imported on"),
        "{said}"
    );
    let report = read(&inbox_dir.join("typeform/done/typeform (1).report.txt"));
    assert!(report.contains("as typeform/typeform.csv"), "{report}");
    assert_eq!(queue_keys(&data), before);
    assert_eq!(read(&inbox_dir.join(".imported")).lines().count(), 2);
}

#[test]
fn a_refused_file_stays_with_its_report_and_the_run_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("d");
    let bad = data.join("inbox/customers/contacts.csv");
    std::fs::create_dir_all(bad.parent().expect("a folder")).expect("create the folder");
    std::fs::write(&bad, "foo,bar\n1,2\n").expect("write the file");
    let out = inbox(&data);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("customers/contacts.csv: not imported; why is in"),
        "{}",
        text(&out.stderr)
    );
    assert!(bad.is_file(), "left where it was, to be fixed");
    let report = read(&data.join("inbox/customers/contacts.report.txt"));
    assert!(
        report.contains("no column holds the customer name"),
        "{report}"
    );
    assert!(!data.join("inbox/.imported").exists());
}

#[test]
fn folders_that_are_not_sources_and_stray_files_are_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("d");
    copy(
        "surveys/typeform.csv",
        &data.join("inbox/pulse/typeform.csv"),
    );
    copy("crm/plain.csv", &data.join("inbox/plain.csv"));
    let said = text(&inbox(&data).stdout);
    assert!(
        said.contains("pulse/: not read; a survey's folder needs its map file, pulse/map.toml"),
        "{said}"
    );
    assert!(said.contains("plain.csv: left where it is"), "{said}");
    assert!(data.join("inbox/pulse/typeform.csv").is_file());
}

#[test]
fn a_file_still_being_written_is_left_for_the_next_run_then_read_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("d");
    let inbox_dir = data.join("inbox");
    copy("crm/plain.csv", &inbox_dir.join("customers/plain.csv"));
    hearback_ok(&data, &["inbox", "--settle", "0"]);
    copy(
        "surveys/typeform_map.toml",
        &inbox_dir.join("typeform/map.toml"),
    );
    let whole = std::fs::read(fixture("surveys/typeform.csv")).expect("read the fixture");
    let (first, rest) = whole.split_at(whole.len() / 2);
    let file = inbox_dir.join("typeform/typeform.csv");
    std::fs::write(&file, first).expect("write the first part");
    // The run looks at the file, waits two seconds and looks again; the rest arrives meanwhile.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(["inbox", "--settle", "2"])
        .env("HEARBACK_DATA", &data)
        .env("HEARBACK_NOW", "2026-11-23T09:00:00Z")
        .env("TZ", "UTC")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs hearback");
    std::thread::sleep(std::time::Duration::from_millis(700));
    {
        use std::io::Write as _;
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&file)
            .expect("open to append");
        f.write_all(rest).expect("write the rest");
    }
    let out = run.wait_with_output().expect("the run ends");
    let said = text(&out.stdout);
    assert!(
        said.contains("typeform/typeform.csv: still being written; left for the next run"),
        "{said}"
    );
    assert!(file.is_file());
    assert!(
        !queue_keys(&data)
            .iter()
            .any(|k| k.starts_with("low_score_followup:"))
    );
    // The next run reads it whole: every response of the export, not half of them.
    let out = inbox(&data);
    let report = read(&inbox_dir.join("typeform/done/typeform.report.txt"));
    assert_eq!(out.status.code(), Some(3));
    assert!(report.contains("5 responses read"), "{report}");
}

#[test]
fn with_the_dashboard_open_the_run_happens_in_it_and_the_queue_shows_the_low_scores() {
    let open = crate::hub::Open::new("inbox");
    let data = open.data();
    let inbox_dir = dropped(&data);
    assert!(!open.tmux.screen().contains("Corvid Gam"));
    let out = crate::hub::hearback(&data, open.dir.path(), &["inbox", "--settle", "0"]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{said}{}", text(&out.stderr));
    assert!(said.contains("typeform/typeform.csv: imported, with rows rejected"));
    let report = read(&inbox_dir.join("typeform/done/typeform.report.txt"));
    assert!(report.contains("Corvid Games (line 3"), "{report}");
    open.tmux
        .wait_for("Corvid Games' follow-up in the queue", |s| {
            s.contains("Corvid Gam")
        });
}

/// The open dashboard watches the inbox: a Typeform export with a detractor saved into it is in
/// the queue within about two seconds (one second of quiet, then the import), the report is
/// next to the filed CSV and the status line says what happened; the same file saved again is
/// skipped; a file written in two parts with a pause between them is imported once, whole.
#[test]
fn the_open_dashboard_imports_what_is_saved_into_the_inbox() {
    let (open, inbox_dir) = open_with_customers("inbox-watch");
    assert!(
        inbox_dir.join("customers").is_dir(),
        "the dashboard makes the folder to save into"
    );
    assert!(!open.tmux.screen().contains("Corvid Gam"));
    let log = open.dir.path().join("pane.log");
    open.tmux.log_output(&log);
    let saved = std::time::Instant::now();
    copy(
        "surveys/typeform.csv",
        &inbox_dir.join("typeform/typeform.csv"),
    );
    open.tmux
        .wait_for("the detractor's follow-up in the queue", |s| {
            s.contains("Corvid Gam")
        });
    let took = saved.elapsed();
    eprintln!("saved into the inbox to the follow-up on screen: {took:?}");
    assert!(took < std::time::Duration::from_secs(5), "{took:?}");
    // Inside tmux the notification is the bell (tmux flags the window and passes it on): the
    // only BEL the dashboard writes outside an escape sequence.
    let wrote = crate::alerts::written(&log, "the bell", |t| bells(t) > 0);
    eprintln!("saved into the inbox to the bell: {:?}", saved.elapsed());
    assert_eq!(
        bells(&wrote),
        1,
        "one notification for the import's low scores"
    );
    open.tmux
        .wait_for("the count in the status line", |s| s.contains(" new ·"));
    open.tmux.wait_for("the run's summary", |s| {
        s.contains("inbox: 1 imported with rows rejected")
    });
    let report = read(&inbox_dir.join("typeform/done/typeform.report.txt"));
    assert!(report.contains("Corvid Games (line 3"), "{report}");

    // Saved again by the browser: recognised and skipped.
    copy(
        "surveys/typeform.csv",
        &inbox_dir.join("typeform/typeform (1).csv"),
    );
    open.tmux.wait_for("the copy skipped", |s| {
        s.contains("1 skipped (imported before)")
    });
    assert!(
        inbox_dir
            .join("typeform/done/typeform (1).report.txt")
            .is_file()
    );

    // Written in two parts with a pause shorter than the quiet period: read once, whole.
    copy(
        "surveys/surveymonkey_map.toml",
        &inbox_dir.join("monkey/map.toml"),
    );
    let whole = std::fs::read(fixture("surveys/surveymonkey.csv")).expect("the fixture");
    let (first, rest) = whole.split_at(whole.len() / 2);
    let file = inbox_dir.join("monkey/export.csv");
    std::fs::write(&file, first).expect("write the first part");
    std::thread::sleep(std::time::Duration::from_millis(400));
    {
        use std::io::Write as _;
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&file)
            .expect("open to append");
        f.write_all(rest).expect("write the rest");
    }
    let report = inbox_dir.join("monkey/done/export.report.txt");
    let started = std::time::Instant::now();
    while !report.is_file() && started.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let text = read(&report);
    assert!(text.contains("4 responses read"), "{text}");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let filed = filed(&inbox_dir.join("monkey/done"));
    assert_eq!(filed.len(), 2, "one file and its report: {filed:?}");
}

/// `hearback inbox` from cron while the dashboard's watcher reads the same file: whichever
/// gets the store first imports it; the other never reports it refused or imports it twice.
#[test]
fn a_run_from_outside_and_the_watcher_import_a_file_once() {
    let (open, inbox_dir) = open_with_customers("inbox-race");
    let data = open.data();
    copy(
        "surveys/typeform.csv",
        &inbox_dir.join("typeform/typeform.csv"),
    );
    std::thread::sleep(std::time::Duration::from_millis(900));
    let out = crate::hub::hearback(&data, open.dir.path(), &["inbox", "--settle", "0"]);
    let said = text(&out.stdout);
    assert_ne!(out.status.code(), Some(1), "{said}{}", text(&out.stderr));
    open.tmux
        .wait_for("the import on screen", |s| s.contains("Corvid Gam"));
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let filed = filed(&inbox_dir.join("typeform/done"));
    assert_eq!(
        filed.len(),
        2,
        "one file and its report: {filed:?} ({said})"
    );
    assert_eq!(read(&inbox_dir.join(".imported")).lines().count(), 1);
    assert!(
        !inbox_dir.join("typeform/typeform.report.txt").exists(),
        "neither run calls it refused"
    );
    assert!(!open.tmux.screen().contains("refused"));
}

/// A file the open dashboard refuses is read once: its report is not rewritten over and over
/// (reading a file is not a change), until the file itself changes.
#[test]
fn the_open_dashboard_reads_a_refused_file_once() {
    let open = crate::hub::Open::new("inbox-refused");
    let bad = open.data().join("inbox/customers/contacts.csv");
    std::fs::write(&bad, "foo,bar\n1,2\n").expect("write the file");
    open.tmux
        .wait_for("the refusal", |s| s.contains("1 refused"));
    let report = open.data().join("inbox/customers/contacts.report.txt");
    let written = || std::fs::metadata(&report).and_then(|m| m.modified()).ok();
    let first = written();
    assert!(first.is_some(), "the report is next to the file");
    std::thread::sleep(std::time::Duration::from_millis(3000));
    assert_eq!(written(), first, "read once, not once a second");
}

/// A dashboard open on the demo data with the customers of `crm/plain.csv` imported through
/// it, and the Typeform folder's map in its inbox; and the inbox folder.
fn open_with_customers(name: &str) -> (crate::hub::Open, PathBuf) {
    let open = crate::hub::Open::new(name);
    let data = open.data();
    let inbox_dir = data.join("inbox");
    let crm = fixture("crm/plain.csv");
    let imported = crate::hub::hearback(
        &data,
        open.dir.path(),
        &["import", "customers", &crm.to_string_lossy()],
    );
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    copy(
        "surveys/typeform_map.toml",
        &inbox_dir.join("typeform/map.toml"),
    );
    (open, inbox_dir)
}

/// The BEL bytes in terminal output that do not end an escape sequence (OSC 52's ends in one).
fn bells(output: &str) -> usize {
    output
        .split('\u{1b}')
        .map(|piece| {
            let ends_a_sequence = piece.starts_with(']');
            piece.matches('\u{7}').count() - usize::from(ends_a_sequence && piece.contains('\u{7}'))
        })
        .sum()
}

/// The names of what a `done/` folder holds.
fn filed(done: &Path) -> Vec<String> {
    std::fs::read_dir(done)
        .expect("done/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}
