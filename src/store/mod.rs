//! The durable store: the only code that knows sled and bytes.
//!
//! Layout of a data dir (created 0700, it holds customer contact data):
//! `DIR/hearback.lock` (one process at a time), `DIR/hearback.commits` (see [`watermark`]) and
//! `DIR/store/` (sled 0.34.7).
//! Every write goes through [`Store::commit`], which writes a [`ChangeSet`] as one sled
//! transaction and returns only after `flush()` returned Ok **and** every file sled wrote was
//! synced (see [`sync`]): sled's flush on Linux is `sync_file_range` of the log, which does not
//! survive power loss, and sled syncs neither its blob files nor its settings nor directories.
//! A failed flush or sync poisons the store: the transaction may be in sled's cache and not on
//! disk, so every later commit is refused ([`StoreError::Poisoned`]) without touching sled, and
//! only a new process (which reads the files afresh) writes again.

mod check;
pub mod codec;
mod data_store;
mod derived;
mod dir_guard;
mod error;
mod io_text;
pub mod keys;
pub mod layout;
mod leftovers;
mod lock;
pub mod memory;
mod read;
mod read_copy;
mod records;
mod sled_handle;
mod sync;
mod watermark;
mod writes;

pub use check::{CheckReport, Damage};
pub use data_store::{DataRead, DataStore, Durable};
pub use error::{StoreError, hex};
pub use lock::is_held as is_locked;
pub use memory::MemoryStore;
pub use read_copy::ReadStore;
pub use records::{Record, TreeName};

use crate::core::{Change, ChangeSet};
use lock::DirLock;
use sled::Transactional;
use sled_handle::open_sled;
use std::fs::{DirBuilder, File, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use watermark::Watermark;
use writes::{Write, encode_change};

/// What runs after sled's flush to make the data file durable; replaceable so tests can prove
/// that a failed sync is never acknowledged.
pub type SyncHook = Arc<dyn Fn(&File) -> std::io::Result<()> + Send + Sync>;

/// How to open the store.
#[derive(Clone)]
pub struct StoreOptions {
    /// sled's page cache in bytes. sled's default is 1 GiB; a console kept open all day next to
    /// other tools should not hold that much.
    pub cache_capacity: u64,
    /// The durability barrier after flush; `None` means `fdatasync` of the data file.
    pub sync_hook: Option<SyncHook>,
    /// Set the lost-save guard to the commits the store holds instead of checking it
    /// (`hearback check --reset-guard`, after the user copied the data dir).
    pub reset_guard: bool,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            cache_capacity: 64 * 1024 * 1024,
            sync_hook: None,
            reset_guard: false,
        }
    }
}

/// An open store. Dropping it releases the lock.
pub struct Store {
    dir: PathBuf,
    db: sled::Db,
    trees: Vec<sled::Tree>,
    data_file: File,
    sync_hook: Option<SyncHook>,
    synced: Mutex<sync::Tracker>,
    poisoned: AtomicBool,
    watermark: Mutex<Option<Watermark>>,
    /// Held from reading what a commit replaces to the end of its transaction, so derived
    /// state is worked out against the store as the transaction finds it.
    commits: Mutex<()>,
    upgraded: Option<layout::Upgrade>,
    /// False while an older layout could not be upgraded (a record does not decode): the
    /// derived state is not there, so open work is worked out from the whole history.
    derived_ready: AtomicBool,
    _lock: DirLock,
}

/// The layout version (see [`layout`]).
const SCHEMA_KEY: &[u8] = b"schema_version";
/// How many commits the store holds (u64 big-endian), compared with [`watermark`] on open.
const COMMITS_KEY: &[u8] = b"commits";

fn io_err<'a>(
    what: &'static str,
    path: &'a Path,
) -> impl FnOnce(std::io::Error) -> StoreError + 'a {
    move |source| StoreError::Io {
        what,
        path: path.to_path_buf(),
        source,
    }
}

impl Store {
    /// Opens (creating if needed) the store in `dir` with default options.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        Store::open_with(dir, StoreOptions::default())
    }

    /// Opens (creating if needed) the store in `dir`.
    pub fn open_with(dir: &Path, options: StoreOptions) -> Result<Store, StoreError> {
        dir_guard::trust(dir)?;
        if !dir.exists() {
            DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(io_err("cannot create data directory", dir))?;
        }
        let lock = DirLock::acquire(dir).map_err(|e| e.for_store(dir))?;
        let sled_dir = dir.join("store");
        dir_guard::trust(&sled_dir)?;
        leftovers::clear(&sled_dir).map_err(io_err("cannot remove leftovers in", &sled_dir))?;
        let fresh = !sled_dir.exists();
        let db = open_sled(|| {
            sled::Config::new()
                .path(&sled_dir)
                .cache_capacity(options.cache_capacity)
                // No background thread: hearback flushes and syncs every commit itself, and sled's
                // thread also cleans log segments (copies live pages out of sparse ones), so any
                // open, reading commands included, rewrote `store/db` whenever it got to run:
                // writes on a full or failing disk, and files changing under a read. Segments are
                // still cleaned as part of writes (sled does that on every page replacement).
                .flush_every_ms(None)
                .open()
        })
        .map_err(|e| match e {
            // hearback always opens with the same settings, so a refusal means sled's own
            // settings file no longer says what it wrote.
            sled::Error::Unsupported(why) => StoreError::Corrupt {
                dir: dir.to_path_buf(),
                detail: format!("sled refuses {}: {why}", sled_dir.join("conf").display()),
            },
            e => map_sled(dir, e),
        })?;
        std::fs::set_permissions(&sled_dir, std::fs::Permissions::from_mode(0o700))
            .map_err(io_err("cannot restrict permissions of", &sled_dir))?;
        let trees = TreeName::ALL
            .iter()
            .map(|t| db.open_tree(t.as_str()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| map_sled(dir, e))?;
        let data_path = sled_dir.join("db");
        let data_file = OpenOptions::new()
            .write(true)
            .open(&data_path)
            .map_err(io_err("cannot open data file", &data_path))?;
        let synced = sync::Tracker::open(&sled_dir).map_err(|(path, source)| StoreError::Io {
            what: "cannot sync",
            path,
            source,
        })?;
        let mut store = Store {
            dir: dir.to_path_buf(),
            db,
            trees,
            data_file,
            sync_hook: options.sync_hook,
            synced: Mutex::new(synced),
            poisoned: AtomicBool::new(false),
            watermark: Mutex::new(None),
            commits: Mutex::new(()),
            upgraded: None,
            derived_ready: AtomicBool::new(true),
            _lock: lock,
        };
        store.refuse_newer_layout()?;
        let found = store.commits()?;
        let guard = Watermark::establish(dir, found, fresh, options.reset_guard)
            .map_err(|p| p.into_store_error(dir))?
            .map_err(|acknowledged| StoreError::LostCommits {
                dir: dir.to_path_buf(),
                acknowledged,
                found,
            })?;
        *store.lock_watermark() = Some(guard);
        // After the lost-save guard has checked the store as found: the upgrade is a commit.
        store.upgraded = store.check_schema(fresh)?;
        if fresh {
            // Make the new files' directory entries durable too.
            for d in [dir, sled_dir.as_path()] {
                File::open(d)
                    .and_then(|f| f.sync_all())
                    .map_err(io_err("cannot sync directory", d))?;
            }
        }
        Ok(store)
    }

    /// What opening did to bring an older layout up to date, if anything: say so once.
    pub fn upgraded(&self) -> Option<&layout::Upgrade> {
        self.upgraded.as_ref()
    }

    fn lock_commits(&self) -> std::sync::MutexGuard<'_, ()> {
        self.commits
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// How many saves (commits) the store holds: what the lost-save guard counts.
    pub fn saves(&self) -> Result<u64, StoreError> {
        self.commits()
    }

    /// How many commits the store holds.
    fn commits(&self) -> Result<u64, StoreError> {
        let meta = self.tree(TreeName::Meta);
        let value = meta.get(COMMITS_KEY).map_err(|e| map_sled(&self.dir, e))?;
        Ok(value.map_or(0, |v| read_count(&v)))
    }

    fn lock_watermark(&self) -> std::sync::MutexGuard<'_, Option<Watermark>> {
        // A panic while holding it cannot leave the count wrong: it only ever grows.
        self.watermark
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The data dir.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn tree(&self, name: TreeName) -> &sled::Tree {
        &self.trees[name.slot()]
    }

    /// Whether the store holds no record at all (its own facts in `Meta` aside): a restore
    /// goes only into such a store, so it never mixes with or overwrites what is there.
    pub fn is_empty(&self) -> bool {
        TreeName::ALL
            .iter()
            .filter(|&&name| name != TreeName::Meta)
            .all(|&name| self.tree(name).is_empty())
    }

    /// A sequence number unique in this store for its lifetime: the last part of timeline keys,
    /// so two events at the same millisecond never overwrite each other.
    fn next_sequence(&self) -> Result<u64, StoreError> {
        self.db.generate_id().map_err(|e| map_sled(&self.dir, e))
    }

    /// Writes every record of `set` in one transaction, then makes it durable. Returns only once
    /// the data is on disk: callers may tell the user "saved" when, and only when, this is Ok.
    pub fn commit(&self, set: &ChangeSet) -> Result<Durable, StoreError> {
        if self.is_poisoned() {
            return Err(StoreError::Poisoned {
                dir: self.dir.clone(),
            });
        }
        let mut writes = set
            .changes
            .iter()
            .map(|c| encode_change(c, || self.next_sequence()))
            .collect::<Result<Vec<_>, _>>()?;
        let records = writes.len();
        let _commit = self.lock_commits();
        writes.extend(derived::writes(self, &set.changes)?);
        let n = self.transact(&writes, &[])?;
        self.flush_durable()?;
        // The commit is durable already: a failed update of the guard is reported with the
        // success (a later loss of this commit would go unnoticed, never a false alarm).
        // A draft autosave (typing in progress, several a second) does not move the guard: its
        // atomic replacement costs two more syncs, which kept the form's drafts from reaching
        // the disk within their 100 ms (tests/crash_draft.rs). The guard stays at or below
        // the store's count, so no false alarm; what it cannot see is a loss of drafts alone,
        // after the last real save.
        let drafts_only = !set.changes.is_empty() && set.changes.iter().all(Change::is_draft);
        let guard_error = if drafts_only {
            None
        } else {
            self.lock_watermark()
                .as_mut()
                .and_then(|w| w.advance(n).err())
                .map(|e| e.kind())
        };
        Ok(Durable {
            records,
            guard_error,
        })
    }

    /// Writes `writes` and the `meta` values in one sled transaction, counting it as a commit;
    /// returns the new count. Not durable yet: the caller flushes.
    fn transact(&self, writes: &[Write], meta: &[(&[u8], Vec<u8>)]) -> Result<u64, StoreError> {
        let trees: &[sled::Tree] = &self.trees;
        let slot = TreeName::Meta.slot();
        trees
            .transaction(|tx| {
                for w in writes {
                    match &w.value {
                        Some(value) => tx[w.slot].insert(w.key.as_slice(), value.as_slice())?,
                        None => tx[w.slot].remove(w.key.as_slice())?,
                    };
                }
                for (key, value) in meta {
                    tx[slot].insert(*key, value.as_slice())?;
                }
                let n = tx[slot].get(COMMITS_KEY)?.map_or(0, |v| read_count(&v)) + 1;
                tx[slot].insert(COMMITS_KEY, &n.to_be_bytes())?;
                Ok::<u64, sled::transaction::ConflictableTransactionError<()>>(n)
            })
            .map_err(|e| match e {
                sled::transaction::TransactionError::Abort(()) => {
                    StoreError::Sled("transaction aborted".into())
                }
                sled::transaction::TransactionError::Storage(e) => map_sled(&self.dir, e),
            })
    }

    /// Decodes every record of every tree and reports counts and damage; never stops early.
    pub fn check(&self) -> CheckReport {
        check::derived(check::run(&self.trees), self)
    }

    /// Rebuilds the derived state from the records and makes it durable
    /// (`hearback check --repair`). Returns how many records it was built from.
    pub fn repair_derived(&self) -> Result<usize, StoreError> {
        self.rebuild_derived()
    }
}

/// A commit count as stored; anything but 8 bytes counts as none.
fn read_count(value: &[u8]) -> u64 {
    <[u8; 8]>::try_from(value).map_or(0, u64::from_be_bytes)
}

fn map_sled(dir: &Path, e: sled::Error) -> StoreError {
    match e {
        sled::Error::Corruption { at, .. } => StoreError::Corrupt {
            dir: dir.to_path_buf(),
            detail: match at {
                Some(at) => format!(
                    "sled found corruption in {} at {at:?}",
                    dir.join("store/db").display()
                ),
                None => format!("sled found corruption in {}", dir.join("store").display()),
            },
        },
        sled::Error::Io(source) => StoreError::Io {
            what: "store I/O failed in",
            path: dir.join("store"),
            source,
        },
        other => StoreError::Sled(other.to_string()),
    }
}
