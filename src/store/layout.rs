//! The store's layout version, the upgrade to derived state, its check and its repair.
//!
//! Layout versions (the `schema_version` byte in `meta`; each record keeps its own envelope
//! version, see [`super::codec`]):
//! - 1: the records only.
//! - 2: the records plus the derived trees of `store::derived` (`open`,
//!   `interviews_by_customer`, `digests`). A store at layout 1 is upgraded when it is opened:
//!   the derived trees are built from the records and the version set to 2 in one
//!   transaction, made durable before anything reads them. A hearback that knows only layout
//!   1 refuses a store at layout 2 (it would write records without their derived state).
//! - 3: the same trees; a digest keeps the few completed interviews the customer rows and the
//!   risk rules read (`core::open_work::Digest`), not only the last completion time. A store
//!   at layout 2 is upgraded the same way: its derived trees are rebuilt from the records.

use super::derived::{self, Raw, Visit};
use super::{Store, StoreError, TreeName, map_sled};

/// The layout this build writes.
pub const LAYOUT: u8 = 3;

/// What opening the store did to bring an older layout up to date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upgrade {
    /// The layout found.
    pub from: u8,
    /// The layout now.
    pub to: u8,
    /// How many records the derived state was built from.
    pub records: usize,
}

impl Raw for Store {
    fn get_raw(&self, tree: TreeName, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        let value = self
            .tree(tree)
            .get(key)
            .map_err(|e| map_sled(&self.dir, e))?;
        Ok(value.map(|v| v.to_vec()))
    }

    fn scan_raw(
        &self,
        tree: TreeName,
        prefix: &[u8],
        each: &mut Visit<'_>,
    ) -> Result<(), StoreError> {
        for item in self.tree(tree).scan_prefix(prefix) {
            let (key, value) = item.map_err(|e| map_sled(&self.dir, e))?;
            each(&key, &value)?;
        }
        Ok(())
    }

    fn last_key(&self, tree: TreeName) -> Result<Option<Vec<u8>>, StoreError> {
        let last = self.tree(tree).last().map_err(|e| map_sled(&self.dir, e))?;
        Ok(last.map(|(key, _)| key.to_vec()))
    }
}

impl Store {
    /// The layout version the store says it has; `None` in a new store.
    fn layout_found(&self) -> Result<Option<u8>, StoreError> {
        Ok(self
            .tree(TreeName::Meta)
            .get(super::SCHEMA_KEY)
            .map_err(|e| map_sled(&self.dir, e))?
            .map(|v| v.first().copied().unwrap_or(0)))
    }

    /// Refuses a store written by a newer hearback, before anything reads or writes it.
    pub(super) fn refuse_newer_layout(&self) -> Result<(), StoreError> {
        match self.layout_found()? {
            Some(found) if found > LAYOUT => Err(StoreError::NewerSchema {
                dir: self.dir.clone(),
                found,
                supported: LAYOUT,
            }),
            _ => Ok(()),
        }
    }

    /// Upgrades an older layout ([`Store::refuse_newer_layout`] refused a newer one), or
    /// writes the version into a new store.
    pub(super) fn check_schema(&self, fresh: bool) -> Result<Option<Upgrade>, StoreError> {
        self.refuse_newer_layout()?;
        match self.layout_found()? {
            Some(found) => self.upgrade(found),
            // A store that has records but no version was never written by hearback whole;
            // build its derived state all the same rather than read past it.
            None if !fresh && !self.is_empty() => self.upgrade(1),
            None => {
                self.tree(TreeName::Meta)
                    .insert(super::SCHEMA_KEY, &[LAYOUT])
                    .map_err(|e| map_sled(&self.dir, e))?;
                self.flush_durable()?;
                Ok(None)
            }
        }
    }

    /// Open work only: see [`crate::core::open_work`]. What the queue needs, read in a time
    /// that follows the open work and the number of customers, not the years of history.
    pub fn load_open(&self) -> Result<crate::core::Dataset, StoreError> {
        if !self.derived_ready.load(std::sync::atomic::Ordering::SeqCst) {
            return Ok(crate::core::open_work::open_part(&self.load()?));
        }
        derived::load_open(self)
    }

    /// Brings a store at an older layout up to [`LAYOUT`] (see the module docs); `None` when
    /// it was there already.
    pub(super) fn upgrade(&self, found: u8) -> Result<Option<Upgrade>, StoreError> {
        if found >= LAYOUT {
            return Ok(None);
        }
        // Every record must decode before anything is written: a damaged store is left as it
        // is (reading it changes nothing, see tests/it/damage.rs), its reads fall back to the
        // whole history (which names the damaged record), and the upgrade waits for a store
        // that can be read whole.
        if derived::build(self, &mut |_| Ok(())).is_err() {
            self.derived_ready
                .store(false, std::sync::atomic::Ordering::SeqCst);
            return Ok(None);
        }
        let records = self.rebuild_derived()?;
        Ok(Some(Upgrade {
            from: found,
            to: LAYOUT,
            records,
        }))
    }

    /// Rewrites the derived trees from the records, then sets the layout to [`LAYOUT`] and
    /// makes it all durable. Returns how many records it read.
    ///
    /// Not one transaction: a history of years would have to sit in memory whole (5 GiB for a
    /// million interviews). Instead the layout is first set to 1, durably, so a rebuild cut
    /// short by a crash is simply done again on the next open (an upgrade); the trees are
    /// cleared and rebuilt in batches read record by record; and the layout goes back to 2 in
    /// a transaction after them. sled's log is replayed in order up to the first torn entry,
    /// so a layout 2 that reached the disk means every batch before it did.
    pub(super) fn rebuild_derived(&self) -> Result<usize, StoreError> {
        /// Writes per sled batch.
        const BATCH: usize = 20_000;
        let _commit = self.lock_commits();
        let sled = |e| map_sled(&self.dir, e);
        self.tree(TreeName::Meta)
            .insert(super::SCHEMA_KEY, &[1])
            .map_err(sled)?;
        self.flush_durable()?;
        for tree in derived::TREES {
            self.tree(tree).clear().map_err(sled)?;
        }
        let mut batches: Vec<(sled::Batch, usize)> =
            derived::TREES.iter().map(|_| Default::default()).collect();
        let slot_of = |slot: usize| derived::TREES.iter().position(|t| t.slot() == slot);
        let records = derived::build(self, &mut |w| {
            let Some(at) = slot_of(w.slot) else {
                return Ok(());
            };
            let (batch, n) = &mut batches[at];
            match w.value {
                Some(value) => batch.insert(w.key, value),
                None => batch.remove(w.key),
            }
            *n += 1;
            if *n >= BATCH {
                let full = std::mem::take(batch);
                *n = 0;
                self.tree(derived::TREES[at])
                    .apply_batch(full)
                    .map_err(sled)?;
            }
            Ok(())
        })?;
        for (at, (batch, _)) in batches.into_iter().enumerate() {
            self.tree(derived::TREES[at])
                .apply_batch(batch)
                .map_err(sled)?;
        }
        let n = self.transact(&[], &[(super::SCHEMA_KEY, vec![LAYOUT])])?;
        self.flush_durable()?;
        // Best effort: a guard left one commit behind is never a false alarm.
        if let Some(w) = self.lock_watermark().as_mut() {
            let _ = w.advance(n);
        }
        Ok(records)
    }
}
