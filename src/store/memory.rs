//! A store that keeps its records in memory: for tests of the app and the command line that
//! need a store but not a disk, and as the second implementation that keeps the
//! [`DataStore`] seam honest.
//!
//! It keeps the same keys and the same encoded bytes as the sled store (`keys`, `codec`), so
//! it orders, replaces and refuses records exactly as the store on disk does: timelines by
//! customer, time and save order; a record too large to save is refused here too. What it
//! does not have is durability: "durable" means applied, for as long as the process lives.

use super::data_store::{DataRead, DataStore, Durable};
use super::read::decode_at;
use super::{Record, StoreError, TreeName, encode_change, keys};
use crate::core::{ChangeSet, CustomerId, Dataset, Draft, TimelineEvent};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The records of one tree, by key, as encoded bytes.
type Tree = BTreeMap<Vec<u8>, Vec<u8>>;

/// An in-memory [`DataStore`].
#[derive(Debug, Default)]
pub struct MemoryStore {
    state: Mutex<State>,
    refusing: AtomicBool,
}

#[derive(Debug, Default)]
struct State {
    trees: [Tree; TreeName::ALL.len()],
    /// The last timeline sequence number handed out.
    sequence: u64,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// From now on every commit is refused as after a failed disk write, and the store says
    /// it is poisoned: lets a test drive what the app does when saving fails.
    pub fn refuse_writes(&self) {
        self.refusing.store(true, Ordering::SeqCst);
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A commit applies its writes only after all were encoded, so a panic cannot leave
        // half a change behind.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn all<R: Record>(&self) -> Result<Vec<R>, StoreError> {
        let state = self.state();
        state.trees[R::TREE.slot()]
            .iter()
            .map(|(key, value)| decode_at(R::TREE, key, value))
            .collect()
    }
}

impl DataRead for MemoryStore {
    fn load(&self) -> Result<Dataset, StoreError> {
        Ok(Dataset {
            staff: self.all()?,
            customers: self.all()?,
            interviews: self.all()?,
            followups: self.all()?,
            actions: self.all()?,
            deliverables: self.all()?,
            snoozes: self.all()?,
            digests: None,
            highest_id: 0,
            crm_fields: self.all()?,
            monitors: self.all()?,
            requests: self.all()?,
        })
    }

    fn load_open(&self) -> Result<Dataset, StoreError> {
        super::derived::load_open(&*self.state())
    }

    fn timeline(&self, customer: CustomerId) -> Result<Vec<TimelineEvent>, StoreError> {
        let prefix = keys::id_key(customer.0);
        let state = self.state();
        state.trees[TreeName::Timeline.slot()]
            .range(prefix.to_vec()..)
            .take_while(|(key, _)| key.starts_with(&prefix))
            .map(|(key, value)| decode_at(TreeName::Timeline, key, value))
            .collect()
    }

    fn events(&self) -> Result<Vec<TimelineEvent>, StoreError> {
        self.all()
    }

    fn drafts(&self) -> Result<Vec<Draft>, StoreError> {
        self.all()
    }

    /// The records per tree. Only what encoded is ever kept here, and no disk can damage it,
    /// so the report never holds damage.
    fn check(&self) -> super::CheckReport {
        let state = self.state();
        let mut report = super::CheckReport::default();
        for name in TreeName::ALL {
            let tree = &state.trees[name.slot()];
            report.counts.push((name.as_str(), tree.len()));
        }
        super::check::derived(report, &*state)
    }
}

impl super::derived::Raw for State {
    fn get_raw(&self, tree: TreeName, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.trees[tree.slot()].get(key).cloned())
    }

    fn scan_raw(
        &self,
        tree: TreeName,
        prefix: &[u8],
        each: &mut super::derived::Visit<'_>,
    ) -> Result<(), StoreError> {
        for (key, value) in self.trees[tree.slot()]
            .range(prefix.to_vec()..)
            .take_while(|(key, _)| key.starts_with(prefix))
        {
            each(key, value)?;
        }
        Ok(())
    }

    fn last_key(&self, tree: TreeName) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.trees[tree.slot()].keys().next_back().cloned())
    }
}

impl DataStore for MemoryStore {
    fn commit(&self, set: &ChangeSet) -> Result<Durable, StoreError> {
        if self.is_poisoned() {
            return Err(StoreError::Poisoned {
                dir: PathBuf::from("the in-memory store"),
            });
        }
        let mut state = self.state();
        let mut sequence = state.sequence;
        let mut writes = set
            .changes
            .iter()
            .map(|c| {
                encode_change(c, || {
                    sequence += 1;
                    Ok(sequence)
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        state.sequence = sequence;
        let records = writes.len();
        writes.extend(super::derived::writes(&*state, &set.changes)?);
        for w in &writes {
            let tree = &mut state.trees[w.slot];
            match &w.value {
                Some(value) => tree.insert(w.key.clone(), value.clone()),
                None => tree.remove(&w.key),
            };
        }
        Ok(Durable {
            records,
            guard_error: None,
        })
    }

    fn is_poisoned(&self) -> bool {
        self.refusing.load(Ordering::SeqCst)
    }
}
