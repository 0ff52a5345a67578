//! What a commit writes: each change as a tree slot, a key and an encoded value.

use super::{Record, StoreError, TreeName, codec, keys};
use crate::core::Change;

/// The write of one change: its tree slot, key and encoded value. `sequence` numbers timeline
/// events, so two at the same millisecond never overwrite each other.
pub(super) fn encode_change(
    change: &Change,
    sequence: impl FnOnce() -> Result<u64, StoreError>,
) -> Result<Write, StoreError> {
    match change {
        Change::Staff(r) => encode_write(r),
        Change::Customer(r) => encode_write(r),
        Change::Interview(r) => encode_write(r),
        Change::FollowUp(r) => encode_write(r),
        Change::Action(r) => encode_write(r),
        Change::Deliverable(r) => encode_write(r),
        Change::Snooze(r) => encode_write(r),
        Change::CrmFields(r) => encode_write(r),
        Change::Event(r) => {
            let mut w = encode_write(r)?;
            w.key.extend_from_slice(&keys::id_key(sequence()?));
            Ok(w)
        }
        Change::Draft(r) => encode_write(r),
        Change::DiscardDraft(id) => Ok(Write {
            slot: TreeName::Drafts.slot(),
            key: keys::id_key(id.0).to_vec(),
            value: None,
        }),
        Change::Monitor(r) => encode_write(r),
        Change::Request(r) => encode_write(r),
    }
}

/// One write of a transaction: a value to store, or `None` to remove the key.
pub(super) struct Write {
    pub(super) slot: usize,
    pub(super) key: Vec<u8>,
    pub(super) value: Option<Vec<u8>>,
}

fn encode_write<R: Record>(record: &R) -> Result<Write, StoreError> {
    let value = codec::encode(record).map_err(|source| StoreError::Encode {
        what: record.label(),
        source,
    })?;
    Ok(Write {
        slot: R::TREE.slot(),
        key: record.key(),
        value: Some(value),
    })
}
