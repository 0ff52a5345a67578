//! What a failed open of sled leaves behind, cleared before the next open.
//!
//! sled 0.34.7 (`pagecache/snapshot.rs`) writes a snapshot of its page table while it opens a
//! store whose log grew since the last snapshot, reading commands included: it writes
//! `store/snap.LSN.generating`, `sync_all`s it, renames it to `store/snap.LSN`, and only then
//! removes older snapshots. If the write fails (a full disk, a kill), the `.generating` file
//! stays, empty or cut short. sled's `get_snapshot_files` does not tell `.generating` files
//! apart from finished ones, and `read_snapshot` takes the highest name, which is the leftover:
//! it fails its length or CRC check and every later open reports corruption, though nothing
//! was lost.
//!
//! Removing every `snap.*.generating` before sled opens is safe:
//! - sled writes snapshots only inside `Config::open` (in `advance_snapshot`), from the previous
//!   snapshot plus the log, before it writes anything else; a `.generating` file therefore only
//!   exists when that open did not finish, and the previous snapshot and the log it was computed
//!   from are both still there (older snapshots are removed only after the rename). The next
//!   open recomputes the same snapshot from them.
//! - nobody else has sled open: the caller holds `hearback.lock`, and sled is only ever opened
//!   by hearback under it.
//! - only names of exactly sled's form are touched: `snap.` + 16 hex digits + `.generating`, as
//!   plain files (not links), in `store/` itself.

use std::path::{Path, PathBuf};

/// Whether `name` is one of sled's unfinished snapshot files.
fn unfinished_snapshot(name: &str) -> bool {
    name.strip_prefix("snap.")
        .and_then(|rest| rest.strip_suffix(".generating"))
        .is_some_and(|lsn| lsn.len() == 16 && lsn.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether a file name in sled's dir is a leftover [`clear`] removes.
pub fn is_leftover(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(unfinished_snapshot)
}

/// Removes sled's unfinished snapshot files from `sled_dir` (if it exists); returns what it
/// removed. The caller must hold the data dir's lock.
pub fn clear(sled_dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(sled_dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut removed = Vec::new();
    for entry in entries {
        let entry = entry?;
        let is_file = entry.file_type()?.is_file();
        let named = is_leftover(&entry.file_name());
        if is_file && named {
            std::fs::remove_file(entry.path())?;
            removed.push(entry.path());
        }
    }
    if !removed.is_empty() {
        // The removal must not come back after a crash while sled writes the new snapshot.
        std::fs::File::open(sled_dir)?.sync_all()?;
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sleds_unfinished_snapshots_are_named_as_such() {
        assert!(unfinished_snapshot("snap.000000000012F806.generating"));
        for other in [
            "snap.000000000012F806",
            "snap.12F806.generating",
            "snap.000000000012F80G.generating",
            "db",
            "conf",
            "snap.000000000012F806.generating.bak",
        ] {
            assert!(!unfinished_snapshot(other), "{other}");
        }
    }

    #[test]
    fn leftovers_go_and_everything_else_stays() {
        let dir = tempfile::tempdir().expect("temp dir");
        let keep = ["db", "conf", "snap.0000000000000010"];
        for name in keep {
            std::fs::write(dir.path().join(name), b"x").expect("writes");
        }
        std::fs::write(dir.path().join("snap.0000000000000020.generating"), b"").expect("writes");
        let removed = clear(dir.path()).expect("clears");
        assert_eq!(removed.len(), 1);
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("lists")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        left.sort();
        assert_eq!(left, ["conf", "db", "snap.0000000000000010"]);
        assert!(
            clear(&dir.path().join("missing"))
                .expect("no dir")
                .is_empty()
        );
    }
}
