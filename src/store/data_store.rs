//! The seam between hearback and where its records live: what the dashboard and the command
//! line need from a store, and nothing of how it keeps them.
//!
//! Why it looks as it does:
//! - Two small traits, not one: [`DataRead`] is what a reading command may do (a store on
//!   read-only media is read through a private copy, where a save would be lost), and
//!   [`DataStore`] adds the one way to write. A reader cannot commit by construction.
//! - Object-safe (no generic methods, no `Self` by value): the command line and the runtime
//!   hold a `Box<dyn DataStore>` / `Arc<dyn DataStore>` and never name sled, so a shared
//!   multi-user store (a server, a database) can later be one more implementation chosen when
//!   the store is opened, without touching a handler or the save worker.
//! - One write: [`DataStore::commit`] of a [`ChangeSet`], all or nothing, returning only when
//!   the change is durable. Drafts are records like any other and are written through the same
//!   commit, so a draft save can never overtake the commit that completes its interview; the
//!   draft methods below are spelled out for readers and implemented on top of it.
//! - Whole-dataset reads ([`DataRead::load`]) plus the timeline per customer: that is how the
//!   app reads today. A shared store would answer the same questions from its own cache.
//! - Errors are [`StoreError`]: typed here, worded for people at the edge.
//! - `Send + Sync`: the dashboard's save worker runs commits on tokio's blocking pool.

use super::StoreError;
use crate::core::{Change, ChangeSet, CustomerId, Dataset, Draft, InterviewId, TimelineEvent};

/// Proof that a commit is on disk (or, for a store that keeps nothing on disk, applied).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Durable {
    /// How many records were written.
    pub records: usize,
    /// Set when the change is durable but the lost-save guard could not count it: say so.
    pub guard_error: Option<std::io::ErrorKind>,
}

/// What a command that only reads needs from a store.
pub trait DataRead {
    /// Every record but the timeline and the drafts, each list in id order.
    fn load(&self) -> Result<Dataset, StoreError>;

    /// Open work only (see [`crate::core::open_work`]): every customer and person, the open
    /// records and the digests of the rest. Enough for the queue; read in a time that follows
    /// the open work, not the years of history.
    fn load_open(&self) -> Result<Dataset, StoreError>;

    /// One customer's timeline, oldest first (events at the same instant in the order saved).
    fn timeline(&self, customer: CustomerId) -> Result<Vec<TimelineEvent>, StoreError>;

    /// Every timeline event of every customer, by customer then time (for a full backup).
    fn events(&self) -> Result<Vec<TimelineEvent>, StoreError>;

    /// The interview drafts saved while an interview was being recorded, by interview id.
    fn drafts(&self) -> Result<Vec<Draft>, StoreError>;

    /// Decodes every record: counts per tree and any damage (`hearback check`).
    fn check(&self) -> super::CheckReport;
}

/// What the dashboard and the writing commands need from a store.
pub trait DataStore: DataRead + Send + Sync {
    /// Writes every change of `set`, all or none. Returns only once the change is durable:
    /// callers may tell the user "saved" when, and only when, this is Ok.
    fn commit(&self, set: &ChangeSet) -> Result<Durable, StoreError>;

    /// Whether an earlier failed write left the store refusing every later one (after a
    /// failed sync it can no longer tell what reached the disk). The dashboard asks after
    /// each save, to say so once and stop offering to save.
    fn is_poisoned(&self) -> bool;

    /// Saves the draft of an interview being recorded (replacing the one it had).
    fn save_draft(&self, draft: Draft) -> Result<Durable, StoreError> {
        let mut set = ChangeSet::new();
        set.push(Change::Draft(draft));
        self.commit(&set)
    }

    /// Removes the drafts of these interviews.
    fn remove_drafts(&self, ids: &[InterviewId]) -> Result<Durable, StoreError> {
        let mut set = ChangeSet::new();
        for id in ids {
            set.push(Change::DiscardDraft(*id));
        }
        self.commit(&set)
    }
}

impl DataRead for super::Store {
    fn load(&self) -> Result<Dataset, StoreError> {
        super::Store::load(self)
    }

    fn load_open(&self) -> Result<Dataset, StoreError> {
        super::Store::load_open(self)
    }

    fn timeline(&self, customer: CustomerId) -> Result<Vec<TimelineEvent>, StoreError> {
        super::Store::timeline(self, customer)
    }

    fn events(&self) -> Result<Vec<TimelineEvent>, StoreError> {
        self.all()
    }

    fn drafts(&self) -> Result<Vec<Draft>, StoreError> {
        self.all()
    }

    fn check(&self) -> super::CheckReport {
        super::Store::check(self)
    }
}

impl DataStore for super::Store {
    fn commit(&self, set: &ChangeSet) -> Result<Durable, StoreError> {
        super::Store::commit(self, set)
    }

    fn is_poisoned(&self) -> bool {
        super::Store::is_poisoned(self)
    }
}

impl DataRead for super::ReadStore {
    fn load(&self) -> Result<Dataset, StoreError> {
        super::ReadStore::load(self)
    }

    fn load_open(&self) -> Result<Dataset, StoreError> {
        self.store().load_open()
    }

    fn timeline(&self, customer: CustomerId) -> Result<Vec<TimelineEvent>, StoreError> {
        super::ReadStore::timeline(self, customer)
    }

    fn events(&self) -> Result<Vec<TimelineEvent>, StoreError> {
        self.all()
    }

    fn drafts(&self) -> Result<Vec<Draft>, StoreError> {
        self.all()
    }

    fn check(&self) -> super::CheckReport {
        super::ReadStore::check(self)
    }
}
