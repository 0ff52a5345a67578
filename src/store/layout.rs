//! The store's layout version, the upgrade to derived state, its check and its repair.
//!
//! Layout versions (the `schema_version` byte in `meta`; each record keeps its own envelope
//! version, see [`super::codec`]):
//! - 1: the records only.
//! - 2: the records plus the derived trees of [`super::derived`] (`open`,
//!   `interviews_by_customer`, `digests`). A store at layout 1 is upgraded when it is opened:
//!   the derived trees are built from the records and the version set to 2 in one
//!   transaction, made durable before anything reads them. A hearback that knows only layout
//!   1 refuses a store at layout 2 (it would write records without their derived state).

use super::derived::{self, Raw, Visit};
use super::{Store, StoreError, TreeName, Write, map_sled};

/// The layout this build writes.
pub const LAYOUT: u8 = 2;

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
}

impl Store {
    /// Refuses a store written by a newer hearback, before anything reads or writes it.
    pub(super) fn refuse_newer_layout(&self) -> Result<(), StoreError> {
        let found = self
            .tree(TreeName::Meta)
            .get(super::SCHEMA_KEY)
            .map_err(|e| map_sled(&self.dir, e))?
            .map(|v| v.first().copied().unwrap_or(0));
        match found {
            Some(found) if found > LAYOUT => Err(StoreError::NewerSchema {
                dir: self.dir.clone(),
                found,
                supported: LAYOUT,
            }),
            _ => Ok(()),
        }
    }

    /// Checks the layout version: refuses a newer one, upgrades an older one, writes it into a
    /// new store.
    pub(super) fn check_schema(&self, fresh: bool) -> Result<Option<Upgrade>, StoreError> {
        let meta = self.tree(TreeName::Meta);
        let found = meta
            .get(super::SCHEMA_KEY)
            .map_err(|e| map_sled(&self.dir, e))?
            .map(|v| v.first().copied().unwrap_or(0));
        match found {
            Some(found) if found > LAYOUT => Err(StoreError::NewerSchema {
                dir: self.dir.clone(),
                found,
                supported: LAYOUT,
            }),
            Some(found) => self.upgrade(found),
            // A store that has records but no version was never written by hearback whole;
            // build its derived state all the same rather than read past it.
            None if !fresh && !self.is_empty() => self.upgrade(1),
            None => {
                meta.insert(super::SCHEMA_KEY, &[LAYOUT])
                    .map_err(|e| map_sled(&self.dir, e))?;
                self.flush_durable()?;
                Ok(None)
            }
        }
    }

    /// Open work only: see [`crate::core::open_work`]. What the queue needs, read in a time
    /// that follows the open work and the number of customers, not the years of history.
    pub fn load_open(&self) -> Result<crate::core::Dataset, StoreError> {
        derived::load_open(self)
    }

    /// Brings a store at an older layout up to [`LAYOUT`] (see the module docs); `None` when
    /// it was there already.
    pub(super) fn upgrade(&self, found: u8) -> Result<Option<Upgrade>, StoreError> {
        if found >= LAYOUT {
            return Ok(None);
        }
        let records = self.rebuild_derived(Some(LAYOUT))?;
        Ok(Some(Upgrade {
            from: found,
            to: LAYOUT,
            records,
        }))
    }

    /// Rewrites the derived trees from the records in one transaction (setting the layout
    /// version too when given), then makes it durable. Returns how many records it read.
    pub(super) fn rebuild_derived(&self, layout: Option<u8>) -> Result<usize, StoreError> {
        let _commit = self.lock_commits();
        let data = self.load()?;
        let records = data.interviews.len() + data.followups.len() + data.actions.len();
        let build = derived::expected(&data)?;
        drop(data);
        // Removals first: a key both removed and built ends up built.
        let mut writes = Vec::new();
        for tree in derived::TREES {
            self.scan_raw(tree, &[], &mut |key, _| {
                writes.push(Write {
                    slot: tree.slot(),
                    key: key.to_vec(),
                    value: None,
                });
                Ok(())
            })?;
        }
        writes.extend(build);
        let mut meta = Vec::new();
        if let Some(version) = layout {
            meta.push((super::SCHEMA_KEY, vec![version]));
        }
        let n = self.transact(&writes, &meta)?;
        self.flush_durable()?;
        // Best effort: a guard left one commit behind is never a false alarm.
        if let Some(w) = self.lock_watermark().as_mut() {
            let _ = w.advance(n);
        }
        Ok(records)
    }
}
