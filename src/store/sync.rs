//! Every file sled wrote, made durable before a commit is acknowledged.
//!
//! sled 0.34.7 writes more than its log `store/db`, and syncs none of it with `fsync`:
//! - `store/conf` (its settings, CRC-checked) is written once, when the store is created (or
//!   when the file is missing or too short to read), and never again;
//! - `store/blobs/<lsn>`: any log message over `segment_size / 4` (~128 KiB) goes to its own
//!   file instead of the log. Messages are whole pages, and a page holds up to ~17 records, so
//!   records far below hearback's 64 KiB cap do end up in blobs (six interviews with six long
//!   comments are enough). A blob is created `create_new`, written once and never modified;
//!   sled removes it when the log segment pointing to it is reused, and on open removes those
//!   beyond the stable end of the log. Its log entry holds only the blob's number, so a blob
//!   lost to a power cut leaves a log that points at nothing: the commit is gone.
//! - `store/snap.*`: sled syncs the file but not the directory entry after its rename.
//!
//! So after sled's flush, [`Tracker::sync_new`] lists `blobs/` and `fdatasync`s each blob it
//! has not synced yet (a blob never changes once written, so one sync is enough and a commit
//! does not re-sync hundreds of old ones), then fsyncs `blobs/` when it gained entries and
//! `store/` when its entries changed. At open, every blob, `conf` and both directories are
//! synced once: a previous process may have stopped before it synced them. This runs before
//! the log's own `fdatasync`, so the log never becomes durable pointing at a blob that is not.
//! Removals are not synced: a removed blob that comes back after a crash is unreferenced and
//! harmless.

use super::{Store, StoreError};
use std::collections::{BTreeSet, HashSet};
use std::ffi::OsString;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

/// What of sled's files is known to be durable.
pub struct Tracker {
    store_dir: PathBuf,
    /// Blob file names synced since open.
    synced_blobs: HashSet<OsString>,
    /// The entries of `store/` when it was last fsynced.
    store_entries: BTreeSet<OsString>,
}

impl Tracker {
    /// Syncs `conf`, every blob and both directories once, and remembers what is durable.
    pub fn open(store_dir: &Path) -> Result<Tracker, SyncError> {
        let conf = store_dir.join("conf");
        File::open(&conf)
            .and_then(|f| f.sync_all())
            .map_err(|e| context(e, &conf))?;
        let mut tracker = Tracker {
            store_dir: store_dir.to_path_buf(),
            synced_blobs: HashSet::new(),
            store_entries: BTreeSet::new(),
        };
        tracker.sync_new()?;
        Ok(tracker)
    }

    /// Makes every blob written since the last call, and every new directory entry, durable.
    /// Returns how many blobs it synced.
    pub fn sync_new(&mut self) -> Result<usize, SyncError> {
        let blobs_dir = self.store_dir.join("blobs");
        let mut present = HashSet::new();
        let mut synced = 0;
        for entry in std::fs::read_dir(&blobs_dir).map_err(|e| context(e, &blobs_dir))? {
            let name = entry.map_err(|e| context(e, &blobs_dir))?.file_name();
            if !self.synced_blobs.contains(&name) {
                let path = blobs_dir.join(&name);
                match File::open(&path).and_then(|f| f.sync_data()) {
                    Ok(()) => synced += 1,
                    // sled removed it meanwhile: nothing points at it any more.
                    Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                    Err(e) => return Err(context(e, &path)),
                }
            }
            present.insert(name);
        }
        // Forget removed blobs, so the set stays as small as the directory.
        self.synced_blobs = present;
        if synced > 0 {
            sync_dir(&blobs_dir)?;
        }
        let entries = std::fs::read_dir(&self.store_dir)
            .and_then(|d| d.map(|e| e.map(|e| e.file_name())).collect())
            .map_err(|e| context(e, &self.store_dir))?;
        if entries != self.store_entries {
            sync_dir(&self.store_dir)?;
            self.store_entries = entries;
        }
        Ok(synced)
    }
}

fn sync_dir(dir: &Path) -> Result<(), SyncError> {
    File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(|e| context(e, dir))
}

/// A failed sync and the path it failed on.
pub type SyncError = (PathBuf, io::Error);

/// The error with the path it happened on, for the message.
fn context(e: io::Error, path: &Path) -> SyncError {
    (path.to_path_buf(), e)
}

impl Store {
    /// Whether a failed flush or sync stopped all writing (see the module doc).
    pub fn is_poisoned(&self) -> bool {
        self.poisoned.load(Ordering::SeqCst)
    }

    /// sled's flush, then the syncs that sled does not do: new blobs and directory entries,
    /// then the log. Any failure poisons the store.
    pub(super) fn flush_durable(&self) -> Result<(), StoreError> {
        let sled_dir = self.dir.join("store");
        let result = match self.db.flush() {
            Err(sled::Error::Io(source)) => Err((sled_dir, source)),
            Err(e) => Err((sled_dir, std::io::Error::other(e.to_string()))),
            Ok(_) => {
                let mut synced = self
                    .synced
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                synced.sync_new().and_then(|_| {
                    match &self.sync_hook {
                        Some(hook) => hook(&self.data_file),
                        None => self.data_file.sync_data(),
                    }
                    .map_err(|e| (self.dir.join("store/db"), e))
                })
            }
        };
        result.map_err(|(path, error)| {
            self.poisoned.store(true, Ordering::SeqCst);
            StoreError::NotDurable { path, error }
        })
    }
}
