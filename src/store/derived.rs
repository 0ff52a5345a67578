//! Derived state: what a load of open work reads instead of the whole history, written in the
//! same transaction as the records it follows from (see [`crate::core::open_work`]).
//!
//! Three trees, none of which holds anything the records do not:
//! - `open`: a copy of the record's bytes under `[kind][id]` for each open interview (`i`),
//!   follow-up (`f`) and action (`a`);
//! - `interviews_by_customer`: an empty value under `[customer id][interview id]` for every
//!   interview, so one customer's interviews are found without a scan of them all;
//! - `digests`: one [`Digest`] record per customer ever interviewed (the few completed
//!   interviews its row and its risk can name).
//!
//! A commit reads what it replaces (under the store's commit lock, so nothing changes
//! between the read and the transaction), works out the derived writes, and adds them to its
//! transaction: records and derived state are on disk together or not at all. A completion
//! only ever raises a customer's digest, so saving a completed interview raises it; a change
//! that could lower it (a completed interview moved to another customer, re-dated or no
//! longer completed) recomputes it from all of that customer's interviews (tens, found
//! through `interviews_by_customer`). `hearback check` rebuilds all of it from the records
//! ([`build`]) and compares; `hearback check --repair` rewrites it.

use super::check::Damage;
use super::keys::id_key;
use super::read::decode_at;
use super::{Record, StoreError, TreeName, Write, codec};
use crate::core::open_work::{self, Digest};
use crate::core::{ActionItem, Change, CustomerId, FollowUp, Instant, Interview, InterviewId};
use std::collections::{BTreeMap, BTreeSet};

mod load;
mod requests;
pub(super) use load::load_open;

/// The kind byte of an open interview's key in the `open` tree.
const INTERVIEW: u8 = b'i';
/// The kind byte of an open follow-up's key.
const FOLLOWUP: u8 = b'f';
/// The kind byte of an open action's key.
const ACTION: u8 = b'a';

/// The trees this module derives, in the order `check` reports them.
pub(super) const TREES: [TreeName; 4] = [
    TreeName::Open,
    TreeName::InterviewsByCustomer,
    TreeName::Digests,
    TreeName::OpenRequests,
];

fn open_key(kind: u8, id: u64) -> Vec<u8> {
    let mut key = Vec::with_capacity(9);
    key.push(kind);
    key.extend_from_slice(&id_key(id));
    key
}

fn by_customer_key(customer: CustomerId, interview: InterviewId) -> Vec<u8> {
    let mut key = Vec::with_capacity(16);
    key.extend_from_slice(&id_key(customer.0));
    key.extend_from_slice(&id_key(interview.0));
    key
}

/// What [`Raw::scan_raw`] calls with each key and value.
pub(super) type Visit<'a> = dyn FnMut(&[u8], &[u8]) -> Result<(), StoreError> + 'a;

/// Reading the store as it stands: what derivation and the open-work load need, for the sled
/// store and the in-memory one alike.
pub(super) trait Raw {
    /// The value under `key` in `tree`.
    fn get_raw(&self, tree: TreeName, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError>;
    /// Calls `each` with every key and value of `tree` that starts with `prefix`, in order.
    fn scan_raw(
        &self,
        tree: TreeName,
        prefix: &[u8],
        each: &mut Visit<'_>,
    ) -> Result<(), StoreError>;
    /// The last (highest) key of `tree`.
    fn last_key(&self, tree: TreeName) -> Result<Option<Vec<u8>>, StoreError>;
}

fn get<R: Record>(raw: &dyn Raw, key: &[u8]) -> Result<Option<R>, StoreError> {
    raw.get_raw(R::TREE, key)?
        .map(|value| decode_at(R::TREE, key, &value))
        .transpose()
}

fn all<R: Record>(raw: &dyn Raw) -> Result<Vec<R>, StoreError> {
    let mut out = Vec::new();
    raw.scan_raw(R::TREE, &[], &mut |key, value| {
        out.push(decode_at(R::TREE, key, value)?);
        Ok(())
    })?;
    Ok(out)
}

fn set(slot: TreeName, key: Vec<u8>, present: bool) -> Write {
    Write {
        slot: slot.slot(),
        key,
        value: present.then(Vec::new),
    }
}

fn digest_write(customer: CustomerId, digest: Option<&Digest>) -> Result<Write, StoreError> {
    Ok(Write {
        slot: TreeName::Digests.slot(),
        key: id_key(customer.0).to_vec(),
        value: digest.map(encode).transpose()?,
    })
}

fn encode(d: &Digest) -> Result<Vec<u8>, StoreError> {
    codec::encode(d).map_err(|source| StoreError::Encode {
        what: d.label(),
        source,
    })
}

/// The derived writes that go with `changes`, read against the store as it stands.
pub(super) fn writes(raw: &dyn Raw, changes: &[Change]) -> Result<Vec<Write>, StoreError> {
    // The last write of a record in one change set is the one that stands.
    let mut interviews: BTreeMap<InterviewId, &Interview> = BTreeMap::new();
    let mut out = Vec::new();
    for change in changes {
        match change {
            Change::Interview(i) => {
                interviews.insert(i.id, i);
            }
            Change::FollowUp(f) => {
                out.push(open_entry(FOLLOWUP, f, open_work::followup_is_open(f))?);
            }
            Change::Action(a) => out.push(open_entry(ACTION, a, open_work::action_is_open(a))?),
            Change::Request(r) => out.push(requests::entry(r)?),
            _ => {}
        }
    }
    // Whose digest changes, and how: a completion later than the digest's only raises it
    // (the common save: an interview completed); anything that could lower it (a completed
    // interview moved, re-dated or no longer completed) recomputes it from all of that
    // customer's interviews.
    let mut rescan: BTreeSet<CustomerId> = BTreeSet::new();
    let mut raise: BTreeMap<CustomerId, Vec<&Interview>> = BTreeMap::new();
    for (&id, &new) in &interviews {
        let old: Option<Interview> = get(raw, &id_key(id.0))?;
        if let Some(old) = &old {
            if old.customer != new.customer {
                out.push(set(
                    TreeName::InterviewsByCustomer,
                    by_customer_key(old.customer, id),
                    false,
                ));
            }
            if completion(old).is_some()
                && (old.customer != new.customer
                    || completion(old) != completion(new)
                    || old.scheduled_at != new.scheduled_at
                    || old.answers != new.answers)
            {
                rescan.insert(old.customer);
            }
        }
        if old.as_ref().is_none_or(|old| old.customer != new.customer) {
            out.push(set(
                TreeName::InterviewsByCustomer,
                by_customer_key(new.customer, id),
                true,
            ));
        }
        out.push(open_entry(
            INTERVIEW,
            new,
            open_work::interview_is_open(new),
        )?);
        if new.is_completed() {
            raise.entry(new.customer).or_default().push(new);
        }
    }
    for (customer, list) in raise.into_iter().filter(|(c, _)| !rescan.contains(c)) {
        let mut digest: Digest =
            get(raw, &id_key(customer.0))?.unwrap_or_else(|| Digest::new(customer));
        list.into_iter().for_each(|i| digest.offer(i));
        out.push(digest_write(customer, Some(&digest))?);
    }
    // One pass, not one per customer: a restore saves every interview in one change set.
    let mut pending_of: BTreeMap<CustomerId, Vec<InterviewId>> = BTreeMap::new();
    for i in interviews.values() {
        pending_of.entry(i.customer).or_default().push(i.id);
    }
    for customer in rescan {
        let mut ids: BTreeSet<InterviewId> = BTreeSet::new();
        raw.scan_raw(
            TreeName::InterviewsByCustomer,
            &id_key(customer.0),
            &mut |key, _| {
                if let Some(id) = key.get(8..16).and_then(|b| <[u8; 8]>::try_from(b).ok()) {
                    ids.insert(InterviewId(u64::from_be_bytes(id)));
                }
                Ok(())
            },
        )?;
        ids.extend(pending_of.get(&customer).into_iter().flatten());
        let mut list: Vec<Interview> = Vec::with_capacity(ids.len());
        for id in ids {
            match interviews.get(&id) {
                Some(&pending) => list.push(pending.clone()),
                None => list.extend(get::<Interview>(raw, &id_key(id.0))?),
            }
        }
        let digest = open_work::digest(customer, &list);
        out.push(digest_write(customer, digest.as_ref())?);
    }
    Ok(out)
}

/// When an interview counts as completed for the digest, if it is.
fn completion(i: &Interview) -> Option<Instant> {
    i.is_completed()
        .then(|| i.completed_at.unwrap_or(i.scheduled_at))
}

/// The entry of a record in the `open` tree: a copy of its bytes while it is open, so open
/// work is read in one scan of a small tree instead of one look-up per record scattered over
/// the pages of years of history; removed once it is not.
fn open_entry<R: Record + HasId>(kind: u8, record: &R, open: bool) -> Result<Write, StoreError> {
    let value = if open {
        Some(codec::encode(record).map_err(|source| StoreError::Encode {
            what: record.label(),
            source,
        })?)
    } else {
        None
    };
    Ok(Write {
        slot: TreeName::Open.slot(),
        key: open_key(kind, record.id()),
        value,
    })
}

/// The id of a record kept in the `open` tree.
trait HasId {
    fn id(&self) -> u64;
}

impl HasId for Interview {
    fn id(&self) -> u64 {
        self.id.0
    }
}

impl HasId for FollowUp {
    fn id(&self) -> u64 {
        self.id.0
    }
}

impl HasId for ActionItem {
    fn id(&self) -> u64 {
        self.id.0
    }
}

/// The derived state the records imply, built record by record from the record trees (never
/// the whole history in memory at once): each write goes to `sink`, the digests last.
pub(super) fn build(
    raw: &dyn Raw,
    sink: &mut dyn FnMut(Write) -> Result<(), StoreError>,
) -> Result<usize, StoreError> {
    let mut records = 0;
    let mut digests: BTreeMap<CustomerId, Digest> = BTreeMap::new();
    raw.scan_raw(TreeName::Interviews, &[], &mut |key, value| {
        let i: Interview = decode_at(TreeName::Interviews, key, value)?;
        records += 1;
        sink(set(
            TreeName::InterviewsByCustomer,
            by_customer_key(i.customer, i.id),
            true,
        ))?;
        if open_work::interview_is_open(&i) {
            sink(open_entry(INTERVIEW, &i, true)?)?;
        }
        if i.is_completed() {
            digests
                .entry(i.customer)
                .or_insert_with(|| Digest::new(i.customer))
                .offer(&i);
        }
        Ok(())
    })?;
    raw.scan_raw(TreeName::FollowUps, &[], &mut |key, value| {
        let f: FollowUp = decode_at(TreeName::FollowUps, key, value)?;
        records += 1;
        if open_work::followup_is_open(&f) {
            sink(open_entry(FOLLOWUP, &f, true)?)?;
        }
        Ok(())
    })?;
    raw.scan_raw(TreeName::Actions, &[], &mut |key, value| {
        let a: ActionItem = decode_at(TreeName::Actions, key, value)?;
        records += 1;
        if open_work::action_is_open(&a) {
            sink(open_entry(ACTION, &a, true)?)?;
        }
        Ok(())
    })?;
    records += requests::build(raw, sink)?;
    for (customer, digest) in &digests {
        sink(digest_write(*customer, Some(digest))?)?;
    }
    Ok(records)
}

/// Every difference between the derived trees and what the records imply, by tree and key;
/// empty when they agree.
pub(super) fn differences(raw: &dyn Raw) -> Result<Vec<Damage>, StoreError> {
    let mut expected: BTreeMap<(usize, Vec<u8>), Vec<u8>> = BTreeMap::new();
    build(raw, &mut |w| {
        expected.insert((w.slot, w.key), w.value.unwrap_or_default());
        Ok(())
    })?;
    let mut out = Vec::new();
    for tree in TREES {
        raw.scan_raw(tree, &[], &mut |key, value| {
            let reason = match expected.remove(&(tree.slot(), key.to_vec())) {
                None => "is there, but the records do not imply it",
                Some(want) if want != value => "differs from what the records imply",
                Some(_) => return Ok(()),
            };
            out.push(Damage {
                tree: tree.as_str(),
                key: super::hex(key),
                reason: reason.into(),
            });
            Ok(())
        })?;
    }
    for ((slot, key), _) in expected {
        out.push(Damage {
            tree: TreeName::ALL.get(slot).map_or("?", |t| t.as_str()),
            key: super::hex(&key),
            reason: "is missing, though the records imply it".into(),
        });
    }
    Ok(out)
}

impl Record for Digest {
    const TREE: TreeName = TreeName::Digests;
    fn key(&self) -> Vec<u8> {
        id_key(self.customer.0).to_vec()
    }
    fn label(&self) -> String {
        format!("digest of {}", self.customer)
    }
}
