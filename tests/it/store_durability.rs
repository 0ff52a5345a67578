//! A failed sync poisons the store, and the lost-save guard (`hearback.commits`) detects its
//! own damage: each against a real sled directory.

use crate::common;

use common::*;
use hearback::core::*;
use hearback::store::{Store, StoreError, StoreOptions};
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn one_customer(id: u64) -> ChangeSet {
    let mut set = ChangeSet::new();
    set.push(Change::Customer(customer(id, "Acme Freight", 1_000)));
    set
}

/// A store in `dir` that has `n` commits, closed again.
fn store_with_saves(dir: &Path, n: u64) {
    let store = Store::open(dir).expect("opens");
    for id in 0..n {
        store.commit(&one_customer(100 + id)).expect("commits");
    }
}

fn guard(dir: &Path) -> std::path::PathBuf {
    dir.join("hearback.commits")
}

#[test]
fn after_a_failed_sync_every_later_commit_is_refused_and_a_restart_reads_the_disk() {
    let dir = temp();
    let path = dir.path().join("data");
    drop(Store::open(&path).expect("opens"));
    // The disk fails once, then would work again: the store must not believe it.
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let hook: hearback::store::SyncHook = Arc::new(move |file| {
        if seen.fetch_add(1, Ordering::SeqCst) == 0 {
            Err(std::io::Error::from_raw_os_error(libc::EIO))
        } else {
            file.sync_data()
        }
    });
    let store = Store::open_with(
        &path,
        StoreOptions {
            sync_hook: Some(hook),
            ..StoreOptions::default()
        },
    )
    .expect("opens");
    let first = store.commit(&one_customer(1)).expect_err("sync failed");
    let text = format!("{first}. {}", first.advice());
    assert!(text.contains("may or may not be on disk"), "{text}");
    assert!(text.contains("Quit hearback and start it again"), "{text}");
    assert!(!text.to_lowercase().contains("nothing was"), "{text}");
    assert!(store.is_poisoned());
    let second = store.commit(&one_customer(2)).expect_err("poisoned");
    assert!(
        matches!(second, StoreError::Poisoned { .. }),
        "a distinct error: {second}"
    );
    assert!(
        second
            .to_string()
            .contains("the disk reported an error earlier"),
        "{second}"
    );
    assert_eq!(calls.load(Ordering::SeqCst), 1, "sled was not even asked");
    // Not in this process's view either: the refused commit never reached sled.
    let ids: Vec<u64> = store
        .load()
        .expect("loads")
        .customers
        .iter()
        .map(|c| c.id.0)
        .collect();
    assert!(!ids.contains(&2), "{ids:?}");
    drop(store);
    // A new process reads what sled's files hold; here the "failed" sync lost nothing.
    let again = Store::open(&path).expect("reopens");
    let ids: Vec<u64> = again
        .load()
        .expect("loads")
        .customers
        .iter()
        .map(|c| c.id.0)
        .collect();
    assert_eq!(ids, vec![1]);
    assert!(!again.is_poisoned());
    again.commit(&one_customer(3)).expect("writes again");
    assert!(again.check().is_clean());
}

#[test]
fn a_garbled_guard_is_an_error_that_names_the_way_out() {
    let dir = temp();
    let path = dir.path().join("data");
    store_with_saves(&path, 2);
    let mut bytes = std::fs::read(guard(&path)).expect("reads the guard");
    bytes[0] ^= 0x20;
    std::fs::write(guard(&path), &bytes).expect("damages the guard");
    let Err(err) = Store::open(&path) else {
        panic!("a damaged guard must not open silently");
    };
    assert!(matches!(err, StoreError::Guard { .. }), "{err}");
    assert!(err.to_string().contains("is damaged"), "{err}");
    assert!(err.advice().contains("hearback check --reset-guard"));
}

#[test]
fn an_empty_or_missing_guard_on_a_store_with_saves_is_an_error() {
    let dir = temp();
    let path = dir.path().join("data");
    store_with_saves(&path, 3);
    std::fs::write(guard(&path), b"").expect("empties the guard");
    let err = Store::open(&path).err().expect("empty guard refused");
    assert!(
        err.to_string()
            .contains("is missing or empty, although the store counts 3 saves"),
        "{err}"
    );
    std::fs::remove_file(guard(&path)).expect("removes the guard");
    let err = Store::open(&path).err().expect("missing guard refused");
    assert!(matches!(err, StoreError::Guard { .. }), "{err}");
}

#[test]
fn the_reset_sets_the_guard_to_the_store_and_it_guards_again() {
    let dir = temp();
    let path = dir.path().join("data");
    store_with_saves(&path, 3);
    std::fs::write(guard(&path), b"rubbish\n").expect("damages the guard");
    let reset = StoreOptions {
        reset_guard: true,
        ..StoreOptions::default()
    };
    let store = Store::open_with(&path, reset).expect("the reset opens");
    assert_eq!(store.saves().expect("counts"), 3);
    drop(store);
    store_with_saves(&path, 1);
    // The guard counts again: a store behind it is caught.
    let text = std::fs::read_to_string(guard(&path)).expect("reads");
    assert!(text.starts_with("hearback-commits v2 4 crc32:"), "{text}");
    std::fs::write(
        guard(&path),
        "hearback-commits v2 9 crc32:00000000\n".as_bytes(),
    )
    .expect("writes");
    assert!(matches!(Store::open(&path), Err(StoreError::Guard { .. })));
}

#[test]
fn the_legacy_guard_is_read_once_and_upgraded() {
    let dir = temp();
    let path = dir.path().join("data");
    store_with_saves(&path, 3);
    std::fs::write(guard(&path), b"00000000000000000005\n").expect("writes");
    let err = Store::open(&path).err().expect("a legacy count ahead");
    assert!(matches!(err, StoreError::LostCommits { .. }), "{err}");
    std::fs::write(guard(&path), b"00000000000000000003\n").expect("writes");
    drop(Store::open(&path).expect("a legacy count in step opens"));
    let text = std::fs::read_to_string(guard(&path)).expect("reads");
    assert!(text.starts_with("hearback-commits v2 3 crc32:"), "{text}");
}

#[test]
fn a_symlink_named_like_the_guard_is_refused_and_never_written_through() {
    let dir = temp();
    let path = dir.path().join("data");
    store_with_saves(&path, 1);
    let victim = dir.path().join("victim");
    std::fs::write(&victim, b"precious\n").expect("writes");
    std::fs::remove_file(guard(&path)).expect("removes");
    std::os::unix::fs::symlink(&victim, guard(&path)).expect("plants a link");
    let err = Store::open(&path).err().expect("refused");
    assert!(err.to_string().contains("symbolic link"), "{err}");
    // Even a reset replaces the link itself, never the file it points at.
    let reset = StoreOptions {
        reset_guard: true,
        ..StoreOptions::default()
    };
    let store = Store::open_with(&path, reset).expect("opens");
    store.commit(&one_customer(9)).expect("commits");
    assert_eq!(std::fs::read(&victim).expect("reads"), b"precious\n");
    let meta = std::fs::symlink_metadata(guard(&path)).expect("stat");
    assert!(meta.file_type().is_file());
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
}

#[test]
fn a_guard_that_cannot_be_written_is_reported_with_the_saved_change() {
    let dir = temp();
    let path = dir.path().join("data");
    let store = Store::open(&path).expect("opens");
    // Its temporary file's name taken by a directory: the guard cannot be replaced.
    std::fs::create_dir(path.join("hearback.commits.tmp")).expect("blocks the guard");
    let durable = store.commit(&one_customer(1)).expect("the change is saved");
    assert!(durable.guard_error.is_some(), "{durable:?}");
    drop(store);
    std::fs::remove_dir(path.join("hearback.commits.tmp")).expect("unblocks");
    let store = Store::open(&path).expect("behind, never ahead: opens");
    assert_eq!(store.load().expect("loads").customers.len(), 1);
}

#[test]
fn the_cli_says_saved_and_warns_when_the_guard_could_not_count_it() {
    let dir = temp();
    let data = dir.path().join("data");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_hearback"))
            .arg("--data")
            .arg(&data)
            .args(["--now", "2026-03-02T09:00:00Z"])
            .args(args)
            .output()
            .expect("runs hearback")
    };
    assert!(run(&["demo", "--customers", "1"]).status.success());
    std::fs::create_dir(data.join("hearback.commits.tmp")).expect("blocks the guard");
    let out = run(&[
        "deliverable",
        "--customer",
        "Northwind",
        "--name",
        "Phase 2",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the change is saved: {stderr}");
    assert!(
        stderr.contains(
            "warning: the change is saved, but hearback could not update its lost-save guard"
        ),
        "{stderr}"
    );
}

#[test]
fn draft_autosaves_leave_the_guard_alone_and_the_next_real_save_counts_them() {
    let dir = temp();
    let path = dir.path().join("data");
    store_with_saves(&path, 2);
    let before = std::fs::read_to_string(guard(&path)).expect("reads the guard");
    let store = Store::open(&path).expect("opens");
    let draft = Draft {
        interview: interview(21, 100),
        cursor: DraftCursor::default(),
        saved_at: at(0),
    };
    for _ in 0..3 {
        let mut set = ChangeSet::new();
        set.push(Change::Draft(draft.clone()));
        store.commit(&set).expect("autosaves");
    }
    assert_eq!(
        std::fs::read_to_string(guard(&path)).expect("reads the guard"),
        before,
        "a draft autosave must not pay for the guard's atomic replacement"
    );
    drop(store);
    // The guard is behind the store, never ahead: the store opens without an alarm.
    let store = Store::open(&path).expect("reopens without a false alarm");
    store.commit(&one_customer(200)).expect("commits");
    let text = std::fs::read_to_string(guard(&path)).expect("reads the guard");
    assert!(
        text.starts_with("hearback-commits v2 6 crc32:"),
        "2 saves, 3 drafts, 1 save: {text}"
    );
}
