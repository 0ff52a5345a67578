//! Reading a store hearback cannot write to: on read-only media (a mounted backup disk, a
//! snapshot, a DVD) or in a dir that is not the user's to write.
//!
//! sled 0.34.7 has no read-only mode: every open takes its files for writing and may write a
//! snapshot and zero the torn end of its log. So for reading commands hearback copies the
//! store's files into a private temporary dir (0700, removed when the store is dropped) and
//! opens the copy. The copy is taken under a shared lock on `hearback.lock`, so no hearback is
//! writing the store meanwhile (a writer holds the exclusive lock, even through another mount).
//! A [`ReadStore`] offers only reads: nothing can be saved into the copy and then lost.

use super::lock::{DirLock, LockError};
use super::{CheckReport, Record, Store, StoreError, StoreOptions, leftovers, watermark};
use crate::core::{CustomerId, Dataset, TimelineEvent};
use std::fs::DirBuilder;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

/// A store opened to read: the store itself, or a private copy of it.
pub struct ReadStore {
    // Declared before `copy`: the store is closed before its copy is removed.
    store: Store,
    copy: Option<PrivateCopy>,
    dir: PathBuf,
}

impl From<Store> for ReadStore {
    /// A store already open to write, read as it is (no copy).
    fn from(store: Store) -> ReadStore {
        let dir = store.dir().to_path_buf();
        ReadStore {
            store,
            copy: None,
            dir,
        }
    }
}

impl ReadStore {
    /// Opens `dir` to read: in place when hearback can write there, else a private copy.
    pub fn open(dir: &Path, options: StoreOptions) -> Result<ReadStore, StoreError> {
        let err = match Store::open_with(dir, options.clone()) {
            Ok(store) => {
                return Ok(ReadStore {
                    store,
                    copy: None,
                    dir: dir.to_path_buf(),
                });
            }
            Err(err @ StoreError::NotWritable { .. }) => err,
            Err(err) => return Err(err),
        };
        let shared = DirLock::share(dir).map_err(|e| match e {
            LockError::Io(source) if source.kind() != std::io::ErrorKind::PermissionDenied => {
                StoreError::Io {
                    what: "cannot read",
                    path: dir.join("hearback.lock"),
                    source,
                }
            }
            e => e.for_store(dir),
        })?;
        if !dir.join("store").is_dir() {
            // Nothing to copy: there is no store here, and none can be made.
            return Err(err);
        }
        let copy = PrivateCopy::of(dir)?;
        drop(shared);
        let store = Store::open_with(&copy.path, options)?;
        Ok(ReadStore {
            store,
            copy: Some(copy),
            dir: dir.to_path_buf(),
        })
    }

    /// Where the private copy is, if this is one.
    pub fn copy_dir(&self) -> Option<&Path> {
        self.copy.as_ref().map(|c| c.path.as_path())
    }

    /// The data dir that was asked for (not the copy's).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// See [`Store::all`].
    pub fn all<R: Record>(&self) -> Result<Vec<R>, StoreError> {
        self.store.all()
    }

    /// See [`Store::get`].
    pub fn get<R: Record>(&self, id: u64) -> Result<Option<R>, StoreError> {
        self.store.get(id)
    }

    /// See [`Store::load`].
    pub fn load(&self) -> Result<Dataset, StoreError> {
        self.store.load()
    }

    /// The store read (the private copy's when there is one).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// See [`Store::timeline`].
    pub fn timeline(&self, customer: CustomerId) -> Result<Vec<TimelineEvent>, StoreError> {
        self.store.timeline(customer)
    }

    /// See [`Store::check`].
    pub fn check(&self) -> CheckReport {
        self.store.check()
    }
}

/// A private temporary dir holding a copy of a data dir's store; removed on drop.
struct PrivateCopy {
    path: PathBuf,
}

impl PrivateCopy {
    fn of(dir: &Path) -> Result<PrivateCopy, StoreError> {
        let copy = PrivateCopy { path: fresh_dir()? };
        let io = |what: &'static str, path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::Io { what, path, source }
        };
        copy_tree(&dir.join("store"), &copy.path.join("store"))
            .map_err(io("cannot copy the store to", &copy.path))?;
        let commits = dir.join(watermark::FILE_NAME);
        if commits.is_file() {
            std::fs::copy(&commits, copy.path.join(watermark::FILE_NAME))
                .map_err(io("cannot copy", &commits))?;
        }
        Ok(copy)
    }
}

impl Drop for PrivateCopy {
    fn drop(&mut self) {
        // Best effort: it is in the temporary dir, private, and holds only a copy.
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// A new dir under the temporary dir, made 0700 and never one that existed before.
fn fresh_dir() -> Result<PathBuf, StoreError> {
    let base = std::env::temp_dir();
    let mut last = None;
    for attempt in 0..100u32 {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = base.join(format!(
            "hearback-read-{}-{nanos:x}-{attempt}",
            std::process::id()
        ));
        match DirBuilder::new().mode(0o700).create(&path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(source) => {
                return Err(StoreError::Io {
                    what: "cannot make a private copy of the store in",
                    path: base,
                    source,
                });
            }
        }
    }
    Err(StoreError::Io {
        what: "cannot make a private copy of the store in",
        path: base,
        source: last.unwrap_or_else(|| std::io::Error::other("no free name")),
    })
}

/// Copies sled's dir: regular files and dirs only (sled makes nothing else), without the
/// leftovers of a failed open (see [`leftovers`]).
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    DirBuilder::new().mode(0o700).create(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else if kind.is_file() && !leftovers::is_leftover(&entry.file_name()) {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
