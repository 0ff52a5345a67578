//! The store's guarantees, each tested against a real sled directory.

use crate::common;

use common::*;
use hearback::core::*;
use hearback::store::{Store, StoreError, StoreOptions, codec};
use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn committed_records_are_there_after_reopening() {
    let dir = temp();
    let path = dir.path().join("data");
    {
        let store = Store::open(&path).expect("opens");
        let durable = store.commit(&one_of_each()).expect("commits");
        assert_eq!(durable.records, 11);
    }
    let store = Store::open(&path).expect("reopens");
    let data = store.load().expect("loads");
    assert_eq!(
        data.customers,
        vec![customer(10, "Acme Freight", 125_000_000)]
    );
    assert_eq!(data.interviews, vec![interview(20, 10)]);
    assert_eq!(data.followups, vec![followup(30)]);
    assert_eq!(data.actions, vec![action(40)]);
    assert_eq!(data.deliverables, vec![deliverable(50)]);
    assert_eq!(data.snoozes, vec![snooze()]);
    assert_eq!(data.monitors, vec![monitor(65)]);
    assert_eq!(data.requests, vec![request(60)]);
    // The request is unresolved: open work keeps it.
    assert_eq!(
        store.load_open().expect("loads").requests,
        vec![request(60)]
    );
    assert_eq!(
        store.timeline(CustomerId(10)).expect("timeline"),
        vec![event(31)]
    );
    assert!(store.check().is_clean());
}

#[test]
fn a_store_with_any_one_record_is_not_empty() {
    let dir = temp();
    let fresh = Store::open(&dir.path().join("fresh")).expect("opens");
    assert!(fresh.is_empty(), "a new store is empty");
    for (n, change) in one_of_each().changes.into_iter().enumerate() {
        let what = format!("{change:?}");
        let store = Store::open(&dir.path().join(n.to_string())).expect("opens");
        let mut set = ChangeSet::new();
        set.changes.push(change);
        store.commit(&set).expect("commits");
        assert!(
            !store.is_empty(),
            "a store holding only {what} is not empty"
        );
    }
}

#[test]
fn data_dir_is_created_private() {
    let dir = temp();
    let path = dir.path().join("nested/data");
    let _store = Store::open(&path).expect("opens");
    for p in [path.clone(), path.join("store")] {
        let mode = std::fs::metadata(&p).expect("exists").permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{}", p.display());
    }
}

#[test]
fn a_second_open_is_refused_and_touches_nothing() {
    let dir = temp();
    let path = dir.path().join("data");
    let first = Store::open(&path).expect("opens");
    first.commit(&one_of_each()).expect("commits");
    // No clock: the first handle is held to the end of the test, so an open that waited for
    // the lock instead of refusing would never return, and the run fails on the hang. (An
    // open in the process that holds the lock waits 2 s first, for a child's copy of the
    // descriptor to go: `DirLock::acquire`.)
    match Store::open(&path) {
        Err(StoreError::Locked { dir, holder }) => {
            assert_eq!(dir, path);
            assert_eq!(holder, Some(std::process::id()));
        }
        Err(other) => panic!("wrong error: {other}"),
        Ok(_) => panic!("second open must fail"),
    }
    assert_eq!(first.load().expect("still loads").customers.len(), 1);
    drop(first);
    assert!(
        Store::open(&path).is_ok(),
        "the lock is released when the store is dropped"
    );
}

#[test]
fn the_lock_message_names_the_directory() {
    let err = StoreError::Locked {
        dir: "/data/hb".into(),
        holder: Some(42),
    };
    assert_eq!(
        err.to_string(),
        "hearback is already open on /data/hb (process 42)"
    );
}

#[test]
fn a_failed_durability_barrier_is_never_acknowledged() {
    let dir = temp();
    let failing: hearback::store::SyncHook =
        Arc::new(|_| Err(std::io::Error::other("disk on fire")));
    let healthy = Store::open(&dir.path().join("data")).expect("opens");
    drop(healthy); // schema written with the real barrier
    let store = Store::open_with(
        &dir.path().join("data"),
        StoreOptions {
            sync_hook: Some(failing),
            ..StoreOptions::default()
        },
    )
    .expect("opens");
    let err = store
        .commit(&one_of_each())
        .expect_err("must not acknowledge");
    assert!(err.to_string().contains("disk on fire"), "{err}");
}

#[test]
fn the_barrier_runs_after_every_commit() {
    let dir = temp();
    let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = calls.clone();
    let hook: hearback::store::SyncHook = Arc::new(move |file| {
        seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        file.sync_data()
    });
    let store = Store::open_with(
        &dir.path().join("data"),
        StoreOptions {
            sync_hook: Some(hook),
            ..StoreOptions::default()
        },
    )
    .expect("opens");
    let before = calls.load(std::sync::atomic::Ordering::SeqCst);
    store.commit(&one_of_each()).expect("commits");
    store.commit(&one_of_each()).expect("commits");
    assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst) - before, 2);
}

#[test]
fn an_oversized_record_fails_the_whole_change_set() {
    let dir = temp();
    let store = Store::open(&dir.path().join("data")).expect("opens");
    let mut set = one_of_each();
    let mut big = interview(21, 10);
    big.notes = "x".repeat(codec::MAX_RECORD_BYTES);
    set.push(Change::Interview(big));
    let err = store.commit(&set).expect_err("too large");
    assert!(matches!(err, StoreError::Encode { .. }), "{err}");
    assert!(err.to_string().contains("I21"), "{err}");
    assert!(
        store.load().expect("loads").customers.is_empty(),
        "nothing of the set was written"
    );
}

#[test]
fn records_come_back_in_numeric_id_order() {
    let dir = temp();
    let store = Store::open(&dir.path().join("data")).expect("opens");
    let mut set = ChangeSet::new();
    for id in [256u64, 1, 65_536, 2, 255] {
        set.push(Change::Customer(customer(id, "C", 1)));
    }
    store.commit(&set).expect("commits");
    let ids: Vec<u64> = store
        .load()
        .expect("loads")
        .customers
        .iter()
        .map(|c| c.id.0)
        .collect();
    assert_eq!(ids, [1, 2, 255, 256, 65_536]);
}

#[test]
fn timeline_events_at_the_same_instant_are_all_kept_in_order() {
    let dir = temp();
    let store = Store::open(&dir.path().join("data")).expect("opens");
    let mut set = ChangeSet::new();
    for n in 0..5 {
        let mut e = event(0);
        e.summary = format!("event {n}");
        set.push(Change::Event(e));
    }
    set.push(Change::Event(event(-60)));
    store.commit(&set).expect("commits");
    let summaries: Vec<String> = store
        .timeline(CustomerId(10))
        .expect("reads")
        .into_iter()
        .map(|e| e.summary)
        .collect();
    assert_eq!(summaries.len(), 6);
    assert_eq!(summaries[0], event(-60).summary);
    assert_eq!(
        &summaries[1..],
        ["event 0", "event 1", "event 2", "event 3", "event 4"]
    );
}

/// Opens the sled directory raw, retrying for a moment: sled's background threads keep the
/// data file (and its lock) open briefly after the last handle is dropped, so an immediate
/// reopen in the same process can find it still locked. (Processes that exit release it at once.)
fn raw_open(path: &std::path::Path) -> sled::Db {
    let started = std::time::Instant::now();
    loop {
        match sled::open(path.join("store")) {
            Ok(db) => return db,
            Err(e) if started.elapsed() < std::time::Duration::from_secs(5) => {
                let _ = e;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => panic!("raw open: {e}"),
        }
    }
}

/// Overwrites values behind the store's back, as disk damage would.
fn damage_all(path: &std::path::Path, tree: &str, writes: &[(Vec<u8>, Vec<u8>)]) {
    let db = raw_open(path);
    let tree = db.open_tree(tree).expect("tree");
    for (key, value) in writes {
        tree.insert(key.as_slice(), value.as_slice())
            .expect("insert");
    }
    db.flush().expect("flush");
    drop(tree);
    drop(db);
    common::wait_until_unlocked(path);
}

/// Overwrites one value behind the store's back.
fn damage(path: &std::path::Path, tree: &str, key: &[u8], value: &[u8]) {
    damage_all(path, tree, &[(key.to_vec(), value.to_vec())]);
}

#[test]
fn a_damaged_record_is_reported_with_tree_and_key_never_a_panic() {
    let dir = temp();
    let path = dir.path().join("data");
    let good = {
        let store = Store::open(&path).expect("opens");
        store.commit(&one_of_each()).expect("commits");
        codec::encode(&customer(10, "Acme Freight", 125_000_000)).expect("encodes")
    };
    let mut flipped = good.clone();
    flipped[5] ^= 0x40;
    damage(&path, "customers", &10u64.to_be_bytes(), &flipped);
    let store = Store::open(&path).expect("opening does not decode records");
    let err = store.load().expect_err("damage is found");
    match &err {
        StoreError::Record { tree, key, .. } => {
            assert_eq!(*tree, "customers");
            assert_eq!(key, "000000000000000a");
        }
        other => panic!("wrong error: {other}"),
    }
    assert!(err.to_string().contains("checksum"), "{err}");
    let report = store.check();
    assert_eq!(report.damage.len(), 1);
    assert_eq!(report.damage[0].tree, "customers");
    let counts: std::collections::HashMap<_, _> = report.counts.into_iter().collect();
    assert_eq!(counts["interviews"], 1, "the rest still decodes");
}

#[test]
fn garbage_of_every_length_never_panics_the_loader() {
    let dir = temp();
    let path = dir.path().join("data");
    drop(Store::open(&path).expect("opens"));
    let junk: Vec<(Vec<u8>, Vec<u8>)> = [
        vec![],
        vec![1],
        vec![1, 2, 3, 4, 5],
        vec![0xff; 64],
        b"not a record at all".to_vec(),
    ]
    .into_iter()
    .enumerate()
    .map(|(n, bytes)| ((n as u64).to_be_bytes().to_vec(), bytes))
    .collect();
    damage_all(&path, "interviews", &junk);
    let store = Store::open(&path).expect("opens");
    assert!(store.load().is_err());
    assert_eq!(store.check().damage.len(), 5);
}

#[test]
fn a_store_from_a_newer_hearback_is_refused() {
    let dir = temp();
    let path = dir.path().join("data");
    drop(Store::open(&path).expect("opens"));
    damage(
        &path,
        "meta",
        b"schema_version",
        &[hearback::store::layout::LAYOUT + 1],
    );
    match Store::open(&path) {
        Err(StoreError::NewerSchema { found, .. }) => {
            assert_eq!(found, hearback::store::layout::LAYOUT + 1)
        }
        Err(other) => panic!("wrong error: {other}"),
        Ok(_) => panic!("must refuse"),
    }
}

#[test]
fn the_page_cache_is_kept_small_by_default() {
    assert_eq!(StoreOptions::default().cache_capacity, 64 * 1024 * 1024);
}

#[test]
fn applying_a_change_set_in_memory_matches_reloading_the_store() {
    let dir = temp();
    let store = Store::open(&dir.path().join("data")).expect("opens");
    store.commit(&one_of_each()).expect("commits");
    let mut memory = store.load().expect("loads");
    let mut next = ChangeSet::new();
    let mut renamed = customer(10, "Acme Freight Group", 130_000_000);
    renamed.archived = true;
    next.push(Change::Customer(renamed));
    next.push(Change::Customer(customer(5, "Earlier Id", 1)));
    next.push(Change::Customer(customer(99, "Later Id", 1)));
    let mut later = snooze();
    later.until = at(9_000);
    next.push(Change::Snooze(later));
    next.push(Change::Action(action(41)));
    store.commit(&next).expect("commits");
    memory.apply(&next);
    assert_eq!(memory, store.load().expect("reloads"));
}

#[test]
fn a_draft_is_saved_replaced_and_discarded_in_transactions() {
    let dir = temp();
    let store = Store::open(&dir.path().join("data")).expect("opens");
    let mut draft = Draft {
        interview: interview(21, 10),
        cursor: DraftCursor::default(),
        saved_at: at(0),
    };
    let mut set = ChangeSet::new();
    set.push(Change::Draft(draft.clone()));
    store.commit(&set).expect("saves");
    draft.interview.answers[0].comment = "typed more".into();
    draft.cursor.col = 10;
    let mut set = ChangeSet::new();
    set.push(Change::Draft(draft.clone()));
    store.commit(&set).expect("replaces");
    assert_eq!(store.all::<Draft>().expect("reads"), vec![draft.clone()]);
    let mut done = ChangeSet::new();
    done.push(Change::Interview(interview(21, 10)));
    done.push(Change::DiscardDraft(InterviewId(21)));
    store.commit(&done).expect("completes");
    assert!(store.all::<Draft>().expect("reads").is_empty());
    assert!(store.check().is_clean());
}

/// The dataset is the one list of record kinds: every kind of `one_of_each` goes through a
/// backup file and a restore's change set and comes back equal. The pattern has no `..`,
/// so a kind added to `Dataset` does not compile here until `one_of_each` holds one.
#[test]
fn every_record_kind_survives_a_backup_and_a_restore() {
    let mut data = Dataset::default();
    data.apply(&one_of_each());
    let Dataset {
        staff,
        customers,
        interviews,
        followups,
        actions,
        deliverables,
        snoozes,
        digests: _,
        highest_id: _,
        crm_fields,
        monitors,
        requests,
    } = &data;
    let counts = [
        staff.len(),
        customers.len(),
        interviews.len(),
        followups.len(),
        actions.len(),
        deliverables.len(),
        snoozes.len(),
        crm_fields.len(),
        monitors.len(),
        requests.len(),
    ];
    assert_eq!(counts, [1; 10], "one record of every kind");
    let timeline = vec![event(31)];
    let backup = hearback::io::backup::Backup::new(data.clone(), timeline.clone(), at(9));
    let mut json = Vec::new();
    backup.to_writer(&mut json).expect("writes");
    // Read back without the restore's reference checks: `one_of_each` names staff it does not
    // hold. Those checks take the backup apart by an exhaustive pattern too (io/backup/check.rs).
    let read: hearback::io::backup::Backup = serde_json::from_slice(&json).expect("reads");
    let (restored, events) = read.into_parts();
    assert_eq!((&restored, &events), (&data, &timeline));
    let mut rebuilt = Dataset::default();
    rebuilt.apply(&ChangeSet {
        changes: restored.into_changes(),
    });
    assert_eq!(rebuilt, data, "a restore writes every record of the backup");
}

/// This process closes the store and opens it again while a child it is starting still holds
/// a copy of the lock's descriptor (between its fork and its exec, held here by `pre_exec`):
/// the open waits for the exec instead of calling the store locked by this very process. Seen
/// in CI as a flaky "hearback is already open ... (process <our own pid>)" while other tests
/// were spawning processes.
#[test]
fn a_store_reopened_while_a_child_is_being_started_waits_for_the_lock() {
    use std::os::unix::process::CommandExt as _;
    let dir = temp();
    let data = dir.path().join("data");
    let store = Store::open(&data).expect("opens");
    let starting = std::thread::spawn(|| {
        let mut cmd = std::process::Command::new("true");
        // SAFETY: only sleeps in the child before exec; touches no lock or allocation.
        unsafe {
            cmd.pre_exec(|| {
                libc::usleep(300_000);
                Ok(())
            });
        }
        cmd.status().expect("runs true")
    });
    std::thread::sleep(std::time::Duration::from_millis(100));
    drop(store);
    let again = Store::open(&data);
    assert!(starting.join().expect("the child").success());
    again.expect("opens once the child has started");
}
