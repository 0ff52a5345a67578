//! Reading records back: one, all of a type, the dataset, a customer's timeline. Every
//! record is decoded and checked; a damaged one fails the read, naming its tree and key.

use super::{Record, Store, StoreError, TreeName, codec, hex, keys, map_sled};
use crate::core::{CustomerId, Dataset, TimelineEvent};

impl Store {
    /// Every record of one type, in key order. Fails on the first damaged record, naming it.
    pub fn all<R: Record>(&self) -> Result<Vec<R>, StoreError> {
        let tree = self.tree(R::TREE);
        // Not `Vec::with_capacity(tree.len())`: sled's `len` counts its iterator, which yields
        // the same read error forever when a page of the tree is damaged, so it never returns.
        let mut out = Vec::new();
        for item in tree.iter() {
            let (key, value) = item.map_err(|e| map_sled(&self.dir, e))?;
            out.push(decode_at(R::TREE, &key, &value)?);
        }
        Ok(out)
    }

    /// One record by id key.
    pub fn get<R: Record>(&self, id: u64) -> Result<Option<R>, StoreError> {
        let key = keys::id_key(id);
        match self
            .tree(R::TREE)
            .get(key)
            .map_err(|e| map_sled(&self.dir, e))?
        {
            Some(value) => decode_at(R::TREE, &key, &value).map(Some),
            None => Ok(None),
        }
    }

    /// Everything but the timeline.
    pub fn load(&self) -> Result<Dataset, StoreError> {
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

    /// One customer's timeline, oldest first.
    pub fn timeline(&self, customer: CustomerId) -> Result<Vec<TimelineEvent>, StoreError> {
        let tree = self.tree(TreeName::Timeline);
        tree.scan_prefix(keys::id_key(customer.0))
            .map(|item| {
                let (key, value) = item.map_err(|e| map_sled(&self.dir, e))?;
                decode_at(TreeName::Timeline, &key, &value)
            })
            .collect()
    }
}

pub(super) fn decode_at<R: Record>(
    tree: TreeName,
    key: &[u8],
    value: &[u8],
) -> Result<R, StoreError> {
    codec::decode(value).map_err(|source| StoreError::Record {
        tree: tree.as_str(),
        key: hex(key),
        source,
    })
}
