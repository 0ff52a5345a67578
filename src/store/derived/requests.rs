//! The derived tree of unresolved requests (`open_requests`): a copy of each open request's
//! bytes under its id, written in the same transaction as the request, so a load of open work
//! reads the few open requests instead of every ticket ever imported. Kept in a tree of its
//! own (not `open`), so a build that predates requests still reads the `open` tree it knows.

use super::{Raw, Write};
use crate::core::Request;
use crate::store::keys::id_key;
use crate::store::read::decode_at;
use crate::store::{Record, StoreError, TreeName, codec};

/// The `open_requests` write that goes with saving `r`: its copy while open, else removed.
pub(super) fn entry(r: &Request) -> Result<Write, StoreError> {
    let value = if r.is_open() {
        Some(codec::encode(r).map_err(|source| StoreError::Encode {
            what: r.label(),
            source,
        })?)
    } else {
        None
    };
    Ok(Write {
        slot: TreeName::OpenRequests.slot(),
        key: id_key(r.id.0).to_vec(),
        value,
    })
}

/// The `open_requests` entries the `requests` tree implies, each to `sink`; returns how many
/// requests were read.
pub(super) fn build(
    raw: &dyn Raw,
    sink: &mut dyn FnMut(Write) -> Result<(), StoreError>,
) -> Result<usize, StoreError> {
    let mut records = 0;
    raw.scan_raw(TreeName::Requests, &[], &mut |key, value| {
        let r: Request = decode_at(TreeName::Requests, key, value)?;
        records += 1;
        if r.is_open() {
            sink(entry(&r)?)?;
        }
        Ok(())
    })?;
    Ok(records)
}

/// The open requests, in id order (keys are big-endian ids).
pub(super) fn load_open(raw: &dyn Raw) -> Result<Vec<Request>, StoreError> {
    let tree = TreeName::OpenRequests;
    let mut out = Vec::new();
    raw.scan_raw(tree, &[], &mut |key, value| {
        out.push(super::load::derived_decode(tree, key, value)?);
        Ok(())
    })?;
    Ok(out)
}
