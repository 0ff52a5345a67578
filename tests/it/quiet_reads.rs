//! Reading a settled store does not rewrite it. sled's background thread (its "flusher", every
//! 500 ms by default) also cleans log segments: it copies live pages out of sparse segments,
//! for as long as the process runs, so an open that only read rewrote `store/db` by however much
//! that thread got done before the process ended: under load, a different amount each time.
//! That made `tests/it/damage.rs` flaky ("the refused import changed sled's files", about 1 run in
//! 6) and made reading commands write to a disk that may be full or failing. hearback now opens
//! sled without that thread.
//!
//! What sled still writes, deterministically: the first reads of pages with many small updates
//! merge them into one (sled does that on read), and the next open folds those writes into a
//! new snapshot. So a store is "settled" after two reading opens; from then on nothing changes.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_hearback");

fn ok(data: &Path, args: &[&str]) -> String {
    common::hearback_ok(data, args)
}

/// Every file under `store/`, by path, with its bytes.
fn files(dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).expect("lists a dir") {
        let path = entry.expect("reads an entry").path();
        if path.is_dir() {
            files(&path, out);
        } else {
            let bytes = std::fs::read(&path).expect("reads a file");
            out.insert(path.display().to_string(), bytes);
        }
    }
}

fn store_files(data: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    files(&data.join("store"), &mut out);
    out
}

#[test]
fn reading_commands_and_a_refused_restore_leave_sleds_files_byte_for_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    ok(&data, &["demo"]);
    let backup = dir.path().join("backup.json");
    std::fs::write(&backup, ok(&data, &["export", "all", "--format", "json"]))
        .expect("writes the backup");
    // Settled as the module says: the export merges the records' pages, the first check
    // snapshots that and merges the pages of the index of open work (which only `check` and
    // `queue` read), the second check snapshots those.
    ok(&data, &["check"]);
    ok(&data, &["check"]);
    let settled = store_files(&data);
    let reads: [&[&str]; 6] = [
        &["check"],
        &["customers", "--format", "json"],
        &["status"],
        &["queue", "--all"],
        &["export", "all", "--format", "json"],
        &["check"],
    ];
    for args in reads {
        ok(&data, args);
        let now = store_files(&data);
        let changed: Vec<&String> = settled
            .keys()
            .chain(now.keys())
            .filter(|k| settled.get(*k) != now.get(*k))
            .collect();
        assert!(changed.is_empty(), "hearback {args:?} rewrote {changed:?}");
    }
    let refused = Command::new(BIN)
        .args(["import", "backup"])
        .arg(&backup)
        .env("HEARBACK_DATA", &data)
        .output()
        .expect("runs hearback");
    assert!(!refused.status.success(), "a restore into a full store");
    assert_eq!(
        store_files(&data),
        settled,
        "the refused restore rewrote sled's files"
    );
}

/// The cause itself, checked where it lives: an open store runs no sled flusher thread (sled
/// names it "log flusher"), so nothing rewrites the store behind the command's back. Alone in
/// its own process: it lists the process's threads, and another test opening sled raw (with
/// its default flusher) at the same time would show up in the list.
#[test]
fn an_open_store_runs_no_background_writer() {
    if !common::run_alone(module_path!(), "an_open_store_runs_no_background_writer") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let store = hearback::store::Store::open(dir.path()).expect("opens");
    let threads: Vec<String> = std::fs::read_dir("/proc/self/task")
        .expect("lists this process's threads")
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("comm")).ok())
        .map(|name| name.trim().to_string())
        .collect();
    assert!(
        !threads.iter().any(|t| t == "log flusher"),
        "sled's flusher runs: {threads:?}"
    );
    drop(store);
}
