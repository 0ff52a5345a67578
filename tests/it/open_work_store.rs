//! The derived state on disk (issue 15): a store written by the previous release (layout 1,
//! committed under tests/golden/v1-store by that release's binary) is upgraded in place once,
//! with a message, and reads back the same; `check` finds an index out of step and names it;
//! `check --repair` rebuilds it after asking.

use crate::common;
use hearback::core::open_work::Digest;
use hearback::store::codec;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// When the golden store was written (its queue was printed at this time too).
const GOLDEN_NOW: &str = "2026-11-02T09:00:00Z";

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Copies a directory tree, private as hearback wants its data dir.
fn copy_private(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("creates dir");
    std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    for entry in std::fs::read_dir(from).expect("reads dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_private(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copies");
            std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600))
                .expect("chmod");
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs the binary with `input` on stdin.
fn with_stdin(data: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", "2026-11-23T09:00:00Z")
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs hearback");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("writes stdin");
    child.wait_with_output().expect("waits")
}

#[test]
fn a_store_of_the_previous_release_is_upgraded_in_place_once() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    copy_private(&golden("v1-store"), &data);

    let first = common::hearback_cli(
        &data,
        &["--now", GOLDEN_NOW, "queue", "--all", "--format", "json"],
    );
    assert!(first.status.success(), "{}", text(&first.stderr));
    let said = text(&first.stderr);
    assert!(
        said.contains("upgraded the store in")
            && said.contains("(layout 1 to 3)")
            && said.contains("the records themselves are unchanged"),
        "{said}"
    );
    assert_eq!(said.lines().count(), 1, "said once: {said}");
    // The queue, now read from the index of open work, is what the previous release printed.
    let want = std::fs::read_to_string(golden("v1-store.queue.json")).expect("golden queue");
    assert_eq!(text(&first.stdout), want);

    let again = common::hearback_cli(
        &data,
        &["--now", GOLDEN_NOW, "queue", "--all", "--format", "json"],
    );
    assert!(again.status.success());
    assert_eq!(text(&again.stderr), "", "the upgrade happens once");
    assert_eq!(text(&again.stdout), want);

    // Every record is as the previous release wrote it.
    let export = common::hearback_ok(
        &data,
        &["--now", GOLDEN_NOW, "export", "all", "--format", "json"],
    );
    let want = std::fs::read_to_string(golden("v1-store.export.json")).expect("golden export");
    assert_eq!(export, want);
    let check = common::hearback_ok(&data, &["check"]);
    assert!(
        check.contains("the index of open work matches them"),
        "{check}"
    );
}

#[test]
fn check_names_an_index_out_of_step_and_repair_rebuilds_it_after_asking() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    common::hearback_ok(&data, &["demo", "--customers", "6"]);
    let queue_before = common::hearback_ok(&data, &["queue", "--all", "--format", "json"]);
    {
        let db = sled::open(data.join("store")).expect("raw open");
        let open = db.open_tree("open").expect("tree");
        let (first, _) = open.first().expect("reads").expect("has open work");
        open.remove(&first).expect("removes");
        let digests = db.open_tree("digests").expect("tree");
        let (key, value) = digests.first().expect("reads").expect("has a digest");
        // A well-formed digest that says something else: not damage, a stale index.
        let mut digest: Digest = codec::decode(&value).expect("decodes");
        for seen in &mut digest.kept {
            seen.scheduled_at -= chrono::Duration::days(400);
            seen.completed_at = seen.completed_at.map(|t| t - chrono::Duration::days(400));
        }
        digests
            .insert(key, codec::encode(&digest).expect("encodes"))
            .expect("inserts");
        // And one that does not decode at all: still the index's problem, not lost data.
        let (last, _) = digests.last().expect("reads").expect("has digests");
        digests.insert(last, &b"garbage"[..]).expect("inserts");
        db.flush().expect("flush");
    }
    common::wait_until_unlocked(&data);

    let queue = common::hearback_cli(&data, &["queue"]);
    assert!(!queue.status.success());
    let said = text(&queue.stderr);
    assert!(
        said.contains("index of open work is out of step with its records")
            && said.contains("does not decode")
            && said.contains("Your records are intact")
            && said.contains("hearback check --repair"),
        "{said}"
    );
    let check = common::hearback_cli(&data, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    let out = text(&check.stdout);
    assert!(
        out.contains("out of step with the records in 3 place(s)")
            && out.contains("tree open key ")
            && out.contains("is missing, though the records imply it")
            && out.contains("tree digests key ")
            && out.contains("differs from what the records imply")
            && out.contains("hearback check --repair"),
        "{out}"
    );

    let declined = with_stdin(&data, &["check", "--repair"], "n\n");
    assert_eq!(declined.status.code(), Some(1));
    assert!(text(&declined.stdout).contains("Nothing was changed."));
    assert_eq!(
        common::hearback_cli(&data, &["check"]).status.code(),
        Some(1)
    );

    let repaired = with_stdin(&data, &["check", "--repair"], "y\n");
    assert!(repaired.status.success(), "{}", text(&repaired.stderr));
    assert!(
        text(&repaired.stdout).contains("Keep a backup first")
            && text(&repaired.stdout).contains("rebuilt the index of open work from"),
        "{}",
        text(&repaired.stdout)
    );
    let check = common::hearback_ok(&data, &["check"]);
    assert!(check.contains("matches them"), "{check}");
    assert_eq!(
        common::hearback_ok(&data, &["queue", "--all", "--format", "json"]),
        queue_before
    );
    let nothing = common::hearback_ok(&data, &["check", "--repair"]);
    assert!(nothing.contains("nothing to repair"), "{nothing}");
}

#[test]
fn an_index_build_cut_short_is_done_again_on_the_next_open() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    common::hearback_ok(&data, &["demo", "--customers", "6"]);
    let queue_before = common::hearback_ok(&data, &["queue", "--all", "--format", "json"]);
    {
        // What a crash in the middle of `check --repair` leaves: the layout set back to 1
        // (its first step) and the index half built.
        let db = sled::open(data.join("store")).expect("raw open");
        db.open_tree("meta")
            .expect("tree")
            .insert("schema_version", &[1u8])
            .expect("inserts");
        let open = db.open_tree("open").expect("tree");
        let keys: Vec<sled::IVec> = open
            .iter()
            .keys()
            .step_by(2)
            .map(|k| k.expect("key"))
            .collect();
        assert!(!keys.is_empty());
        for key in keys {
            open.remove(key).expect("removes");
        }
        db.flush().expect("flush");
    }
    common::wait_until_unlocked(&data);
    let again = common::hearback_cli(&data, &["queue", "--all", "--format", "json"]);
    assert!(
        text(&again.stderr).contains("(layout 1 to 3)"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(text(&again.stdout), queue_before);
    assert!(common::hearback_ok(&data, &["check"]).contains("matches them"));
}
