//! What a command runs with: the [`Context`] (where the data is, what time it is, who acts,
//! the rules) and, opened once by the dispatch in `cli::run`, a [`Session`]: the store and the
//! data read from it.
//!
//! Handlers never open the store themselves: the dispatch knows whether a command only reads
//! (then it opens through [`Context::reading`], which works on read-only media through a
//! private copy) or writes ([`Context::writing`], which takes the lock), and opens it once.
//!
//! A command run inside the open dashboard (see `hub`) opens nothing: it leases the
//! dashboard's store, once, for the rest of the command, as a process would hold the lock.

use super::config;
use super::output;
use crate::app::Rules;
use crate::core::{ChangeSet, Dataset, Instant};
use crate::runtime::{Hub, Lease};
use crate::store::{DataRead, DataStore, Durable, ReadStore, Store, StoreError, StoreOptions};
use std::cell::OnceCell;
use std::path::PathBuf;

/// What every command gets: where the data is, what time it is, who acts, which rules.
pub struct Context {
    /// The data directory.
    pub data_dir: PathBuf,
    /// The current time (the clock, or `--now`), read once for the whole command.
    pub now: Instant,
    /// Who is acting, for the timeline.
    pub actor: String,
    /// An explicit config file.
    config: Option<PathBuf>,
    /// The config file read when none is given, if the caller has a config dir.
    default_config: Option<PathBuf>,
    /// The rules, once read.
    rules: OnceCell<Rules>,
    /// Inside the open dashboard: where the store comes from, and what the dashboard's status
    /// line says when the command changed something.
    hub: Option<(Hub, String)>,
    /// The dashboard's store, once the command has asked for it.
    lease: OnceCell<Lease>,
}

/// The dashboard a command runs in ended before the command got its store: nothing was run.
/// A caller in another terminal is told to run the command itself once the dashboard is gone.
#[derive(Debug, thiserror::Error)]
#[error("the dashboard on {} closed before this command could run; run it again", dir.display())]
pub struct HubGone {
    dir: PathBuf,
}

/// A command's opened store and the data read from it.
pub struct Session<'c, S: ?Sized> {
    /// Time, actor and rules.
    pub ctx: &'c Context,
    /// The store, to read the timeline from or (when writing) to commit to.
    pub store: Box<S>,
    /// Everything but the timeline, as read when the store was opened.
    pub data: Dataset,
}

/// A session of a command that only reads.
pub type Reading<'c> = Session<'c, dyn DataRead>;

/// A session of a command that writes: it holds the store's lock until it ends.
pub type Writing<'c> = Session<'c, dyn DataStore>;

impl Context {
    /// The context of one command. The config file is not read yet: see [`Context::rules`].
    pub fn new(
        data_dir: PathBuf,
        now: Instant,
        actor: String,
        config: Option<PathBuf>,
        default_config: Option<PathBuf>,
    ) -> Self {
        Context {
            data_dir,
            now,
            actor,
            config,
            default_config,
            rules: OnceCell::new(),
            hub: None,
            lease: OnceCell::new(),
        }
    }

    /// The same context for a command run inside the open dashboard: it leases the dashboard's
    /// store instead of opening one; `said` is what the dashboard says if it changes anything.
    pub fn in_hub(mut self, hub: Hub, said: String) -> Self {
        self.hub = Some((hub, said));
        self
    }

    /// The dashboard's store, leased on first use and kept until the command ends (see
    /// `runtime::hub`); `None` outside it.
    fn leased(&self) -> anyhow::Result<Option<&Lease>> {
        if self.lease.get().is_none()
            && let Some(lease) = self.new_lease()?
        {
            let _ = self.lease.set(lease);
        }
        Ok(self.lease.get())
    }

    /// A lease of the dashboard's store, once every save asked for before is on disk.
    fn new_lease(&self) -> anyhow::Result<Option<Lease>> {
        let Some((hub, said)) = &self.hub else {
            return Ok(None);
        };
        let lease = hub.lease(said.clone()).map_err(|_| HubGone {
            dir: self.data_dir.clone(),
        })?;
        Ok(Some(lease))
    }

    /// The policy, working week, questions and keys in force, read from the config file on first use
    /// and kept for the rest of the command. Read when asked, not up front, because commands
    /// that do not depend on the rules (export, a cancel, adding a person) keep working with
    /// a broken or missing config file: a backup is never refused over a typo in a setting.
    pub fn rules(&self) -> anyhow::Result<&Rules> {
        if let Some(rules) = self.rules.get() {
            return Ok(rules);
        }
        let rules = config::load(
            self.config.as_deref(),
            self.default_config.as_deref(),
            self.now,
        )?;
        Ok(self.rules.get_or_init(|| rules))
    }

    /// The instant a time flag names now, in the working week's offset.
    pub fn time(&self, arg: &super::TimeArg) -> anyhow::Result<Instant> {
        arg.resolve(self.now, self.rules()?.work_week.offset)
    }

    /// Opens the store to write (taking its lock) and reads it.
    pub fn writing(&self) -> anyhow::Result<Writing<'_>> {
        self.writing_with(|store| store.load())
    }

    /// As [`Context::writing`], reading open work only: the dashboard, which reads the history
    /// when a view shows it (see `app::history`).
    pub fn writing_open(&self) -> anyhow::Result<Writing<'_>> {
        self.writing_with(|store| store.load_open())
    }

    fn writing_with(
        &self,
        load: impl Fn(&dyn DataStore) -> Result<Dataset, StoreError>,
    ) -> anyhow::Result<Writing<'_>> {
        let store: Box<dyn DataStore> = match self.leased()? {
            Some(lease) => lease.store(),
            None => Box::new(said_upgrade(Store::open(&self.data_dir)?)),
        };
        let data = load(&*store)?;
        Ok(Session {
            ctx: self,
            store,
            data,
        })
    }

    /// Opens the store for a command that only reads, and reads it (see [`Context::read_store`]).
    ///
    /// Inside the dashboard, a command that only reads holds the store only while it reads it,
    /// not while its output goes out: `hearback export all | less` left open in another
    /// terminal must not keep the dashboard from saving.
    pub fn reading(&self) -> anyhow::Result<Reading<'_>> {
        self.reading_with(|store| store.load())
    }

    /// As [`Context::reading`], reading open work only (see [`crate::core::open_work`]): for
    /// commands that show the queue and nothing of the history.
    pub fn reading_open(&self) -> anyhow::Result<Reading<'_>> {
        self.reading_with(|store| store.load_open())
    }

    fn reading_with(
        &self,
        load: impl Fn(&dyn DataRead) -> Result<Dataset, StoreError>,
    ) -> anyhow::Result<Reading<'_>> {
        if let Some(lease) = self.lease.get() {
            let store: Box<dyn DataRead> = lease.store();
            let data = load(&*store)?;
            return Ok(Session {
                ctx: self,
                store,
                data,
            });
        }
        if let Some(lease) = self.new_lease()? {
            let store: Box<dyn DataRead> = lease.store();
            let data = load(&*store)?;
            drop(lease);
            return Ok(Session {
                ctx: self,
                store,
                data,
            });
        }
        let store = self.read_only_store()?;
        let data = load(&store)?;
        Ok(Session {
            ctx: self,
            store: Box::new(store),
            data,
        })
    }

    /// Opens the store for a command that only reads (see [`Context::read_only_store`]), or
    /// the dashboard's: its reads then run beside the dashboard's saves, each record whole.
    pub fn read_store(&self) -> anyhow::Result<Box<dyn DataRead>> {
        if let Some(lease) = self.lease.get() {
            return Ok(lease.store());
        }
        if let Some(lease) = self.new_lease()? {
            return Ok(lease.store());
        }
        Ok(Box::new(self.read_only_store()?))
    }

    /// The explicit config file and the default one, as given.
    pub fn config_paths(&self) -> (Option<&std::path::Path>, Option<&std::path::Path>) {
        (self.config.as_deref(), self.default_config.as_deref())
    }

    /// Whether the command runs inside the open dashboard.
    pub fn in_dashboard(&self) -> bool {
        self.hub.is_some()
    }

    /// Opens the store for a command that only reads: where hearback cannot write (read-only
    /// media), it reads a private copy, and says so once on stderr.
    fn read_only_store(&self) -> Result<ReadStore, StoreError> {
        static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        let store = ReadStore::open(&self.data_dir, StoreOptions::default())?;
        said_upgrade(store.store());
        if let Some(copy) = store.copy_dir()
            && !SAID.swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            crate::cli::say_err!(
                "note: {} is read-only for hearback; reading a private copy of it in {} (removed at exit)",
                self.data_dir.display(),
                copy.display()
            );
        }
        Ok(store)
    }

    /// Opens the store, setting its lost-save guard to what the store holds.
    pub fn open_store_resetting_guard(&self) -> Result<Store, StoreError> {
        let options = StoreOptions {
            reset_guard: true,
            ..StoreOptions::default()
        };
        Store::open_with(&self.data_dir, options).map(said_upgrade)
    }

    /// Opens the store to write, outside any dashboard (`check --repair`).
    pub fn open_store(&self) -> Result<Store, StoreError> {
        Store::open(&self.data_dir).map(said_upgrade)
    }
}

impl Writing<'_> {
    /// Commits `set`; when the change is saved but the lost-save guard could not count it,
    /// says so on stderr (see `output::commit`).
    pub fn commit(&self, set: &ChangeSet) -> Result<Durable, StoreError> {
        output::commit(&*self.store, &self.ctx.data_dir, set)
    }
}

/// Says once, on stderr, that opening the store upgraded its layout for this release.
fn said_upgrade<S: std::borrow::Borrow<Store>>(store: S) -> S {
    if let Some(u) = store.borrow().upgraded() {
        crate::cli::say_err!(
            "note: upgraded the store in {} for this release (layout {} to {}): built its index of open work from {} records, once; the records themselves are unchanged",
            store.borrow().dir().display(),
            u.from,
            u.to,
            u.records
        );
    }
    store
}
