//! A full disk and what a failed open leaves behind.
//!
//! sled 0.34.7 writes a snapshot of its page table every time it opens a store whose log grew
//! since the last snapshot, reading commands included: `DIR/store/snap.LSN.generating`, synced,
//! then renamed to `snap.LSN`. On a full disk that write fails and leaves the `.generating` file
//! (0 bytes, or cut short); sled takes the highest-named snapshot file on the next open, finds
//! it short and reports corruption, on every open, although nothing was lost.

use crate::common;

use common::namespace;
use std::path::Path;

const BIN: &str = env!("CARGO_BIN_EXE_hearback");

use common::hearback_cli as hearback;

fn ok(data: &Path, args: &[&str]) -> String {
    let out = hearback(data, args);
    assert!(
        out.status.success(),
        "hearback {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The error a command printed on a full disk is one plain statement with what to do.
fn assert_plain_full_disk(what: &str, stderr: &str, data: &Path) {
    assert!(
        stderr.contains("the disk is full"),
        "{what}: does not say the disk is full:\n{stderr}"
    );
    assert_eq!(
        stderr.matches("disk is full").count(),
        1,
        "{what}: said twice:\n{stderr}"
    );
    assert!(
        stderr.contains(&data.display().to_string()),
        "{what}: names no path:\n{stderr}"
    );
    assert!(
        stderr.contains("free space") || stderr.contains("Free space"),
        "{what}: does not say what to do:\n{stderr}"
    );
    for debug in ["os error", "Os {", "StorageFull", "No space left on device"] {
        assert!(
            !stderr.contains(debug),
            "{what}: shows system text `{debug}`:\n{stderr}"
        );
    }
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with("error:")).count(),
        1,
        "{what}: one error, said once:\n{stderr}"
    );
}

const FULL_DISK: &str = r#"
B=$1; T=$2
mkdir "$T/disk"
mount -t tmpfs -o size=8m,mode=0700 tmpfs "$T/disk"
export HEARBACK_DATA="$T/disk/data" HEARBACK_NOW=2026-11-23T09:00:00Z TZ=UTC
"$B" demo > /dev/null
# One open settles the log into a snapshot; one save makes the next open write a new one.
"$B" check > /dev/null
"$B" deliverable --customer Caldera --name "Phase 2" > /dev/null
head -c 100M /dev/zero > "$T/disk/fill" 2> /dev/null || true
"$B" check > /dev/null 2> "$T/check.err" || echo $? > "$T/check.code"
ls "$T/disk/data/store" > "$T/left.txt"
"$B" export all --format json > /dev/null 2> "$T/export.err" || echo $? > "$T/export.code"
rm "$T/disk/fill"
"$B" check > "$T/after.out" 2>&1 || echo $? > "$T/after.code"
"$B" customers --format json > "$T/after.json" 2>&1 || true
ls "$T/disk/data/store" > "$T/final.txt"
"#;

#[test]
fn a_full_disk_during_a_reading_command_is_said_plainly_and_leaves_nothing_that_breaks_the_next_open()
 {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = dir.path();
    // The same steps on a disk with room: what the store must show afterwards.
    let reference = t.join("reference");
    ok(&reference, &["demo"]);
    ok(
        &reference,
        &["deliverable", "--customer", "Caldera", "--name", "Phase 2"],
    );
    let before = ok(&reference, &["customers", "--format", "json"]);
    namespace::run(FULL_DISK, &[Path::new(BIN), t]);
    let data = t.join("disk/data");
    let file = |name: &str| namespace::read(&t.join(name));
    assert!(
        file("left.txt").contains(".generating"),
        "the full disk did not hit sled's snapshot write, the case under test; store/ held:\n{}",
        file("left.txt")
    );
    assert_eq!(file("check.code").trim(), "1", "{}", file("check.err"));
    assert_plain_full_disk("check", &file("check.err"), &data);
    assert_eq!(file("export.code").trim(), "1", "{}", file("export.err"));
    assert_plain_full_disk("export", &file("export.err"), &data);

    assert_eq!(
        file("after.code"),
        "",
        "with space again, check failed:\n{}",
        file("after.out")
    );
    assert!(
        file("after.out").contains("ok: every record decodes"),
        "{}",
        file("after.out")
    );
    assert_eq!(file("after.json"), before, "the data is whole");
    assert!(
        !file("final.txt").contains(".generating"),
        "{}",
        file("final.txt")
    );
}

/// The highest snapshot file's name and its LSN.
fn snapshot(store: &Path) -> (String, u64) {
    std::fs::read_dir(store)
        .expect("lists store/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| {
            let lsn = u64::from_str_radix(n.strip_prefix("snap.")?, 16).ok()?;
            Some((n, lsn))
        })
        .max_by_key(|(_, lsn)| *lsn)
        .expect("sled wrote a snapshot")
}

#[test]
fn leftover_snapshot_files_of_a_failed_open_are_cleared_and_the_data_is_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    ok(&data, &["demo"]);
    let check = ok(&data, &["check"]);
    let customers = ok(&data, &["customers", "--format", "json"]);
    let store = data.join("store");
    let (name, lsn) = snapshot(&store);
    // What a full disk leaves: an empty file, and one cut short, both named above the real one.
    std::fs::write(store.join(format!("snap.{:016X}.generating", lsn + 1)), b"")
        .expect("plants an empty leftover");
    std::fs::write(
        store.join(format!("snap.{:016X}.generating", lsn + 2)),
        &std::fs::read(store.join(&name)).expect("reads the snapshot")[..100],
    )
    .expect("plants a cut leftover");

    assert_eq!(ok(&data, &["check"]), check);
    assert_eq!(ok(&data, &["customers", "--format", "json"]), customers);
    let names: Vec<String> = std::fs::read_dir(&store)
        .expect("lists store/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    assert!(
        !names.iter().any(|n| n.ends_with(".generating")),
        "{names:?}"
    );
    assert!(
        names.contains(&name),
        "the finished snapshot is kept: {names:?}"
    );
}
