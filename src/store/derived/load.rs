//! Reading open work from the derived trees: the dashboard's and the CLI's start.

use super::{ACTION, FOLLOWUP, INTERVIEW, Raw, all, get};
use crate::core::crm_triggers::CrmFields;
use crate::core::{ActionItem, Dataset, Deliverable, FollowUp, Interview, Snooze, Staff};
use crate::store::keys::id_key;
use crate::store::{StoreError, TreeName, codec};

/// Open work: every customer, person, deliverable, snooze and monitor event, the records the `open` index
/// names, the interview of each open follow-up, and the digests. Equal to
/// [`crate::core::open_work::open_part`] of a whole load whenever the derived state is right.
pub(in crate::store) fn load_open(raw: &dyn Raw) -> Result<Dataset, StoreError> {
    let mut interviews: Vec<Interview> = Vec::new();
    let mut followups: Vec<FollowUp> = Vec::new();
    let mut actions: Vec<ActionItem> = Vec::new();
    let tree = TreeName::Open;
    raw.scan_raw(tree, &[], &mut |key, value| {
        match key.first() {
            Some(&INTERVIEW) => interviews.push(derived_decode(tree, key, value)?),
            Some(&FOLLOWUP) => followups.push(derived_decode(tree, key, value)?),
            Some(&ACTION) => actions.push(derived_decode(tree, key, value)?),
            _ => return Err(stale(tree, key, "has an unknown kind")),
        }
        Ok(())
    })?;
    let mut digests = Vec::new();
    raw.scan_raw(TreeName::Digests, &[], &mut |key, value| {
        digests.push(derived_decode(TreeName::Digests, key, value)?);
        Ok(())
    })?;
    // Keys are kind then big-endian id: each list is already in id order.
    for f in &followups {
        if let Err(at) = interviews.binary_search_by_key(&f.interview, |i| i.id)
            && let Some(i) = get::<Interview>(raw, &id_key(f.interview.0))?
        {
            interviews.insert(at, i);
        }
    }
    Ok(Dataset {
        staff: all::<Staff>(raw)?,
        customers: all(raw)?,
        interviews,
        followups,
        actions,
        deliverables: all::<Deliverable>(raw)?,
        snoozes: all::<Snooze>(raw)?,
        digests: Some(digests),
        highest_id: highest_id(raw)?,
        crm_fields: all::<CrmFields>(raw)?,
        // Every monitor event: the figures look back over windows that move with the clock,
        // and the derived state must not depend on the clock (see `core::open_work`).
        monitors: all::<crate::core::monitors::MonitorEvent>(raw)?,
        requests: super::requests::load_open(raw)?,
    })
}

/// The highest id of an interview, follow-up, action or request: the last key of their trees (keys are
/// big-endian ids).
fn highest_id(raw: &dyn Raw) -> Result<u64, StoreError> {
    let mut highest = 0;
    for tree in [
        TreeName::Interviews,
        TreeName::FollowUps,
        TreeName::Actions,
        TreeName::Requests,
    ] {
        if let Some(key) = raw.last_key(tree)?
            && let Ok(bytes) = <[u8; 8]>::try_from(key.as_slice())
        {
            highest = highest.max(u64::from_be_bytes(bytes));
        }
    }
    Ok(highest)
}

/// A value of a derived tree: one that does not decode is out of step, not lost data (the
/// records it is derived from are elsewhere), so it is reported as such, with the repair.
pub(super) fn derived_decode<R: serde::de::DeserializeOwned>(
    tree: TreeName,
    key: &[u8],
    value: &[u8],
) -> Result<R, StoreError> {
    codec::decode(value).map_err(|_| stale(tree, key, "does not decode"))
}

fn stale(tree: TreeName, key: &[u8], what: &'static str) -> StoreError {
    StoreError::Derived {
        tree: tree.as_str(),
        key: crate::store::hex(key),
        what,
    }
}
