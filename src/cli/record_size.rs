//! Whether a planned record fits in the store, asked before anything is written: the importers
//! turn a record that would not fit into a bad row with its line, instead of a failed commit
//! that names an id which was never created.

use crate::core::Change;
use crate::io::csv_checks::thousands;
use crate::store::codec::{self, CodecError, MAX_RECORD_BYTES};

/// `Ok` when `change` encodes within the store's cap; otherwise a message for the row.
pub fn record_fits(change: &Change) -> Result<(), String> {
    let encoded = match change {
        Change::Staff(r) => codec::encode(r),
        Change::Customer(r) => codec::encode(r),
        Change::Interview(r) => codec::encode(r),
        Change::FollowUp(r) => codec::encode(r),
        Change::Action(r) => codec::encode(r),
        Change::Deliverable(r) => codec::encode(r),
        Change::Snooze(r) => codec::encode(r),
        Change::Event(r) => codec::encode(r),
        Change::Draft(r) => codec::encode(r),
        Change::CrmFields(r) => codec::encode(r),
        Change::DiscardDraft(_) => return Ok(()),
        Change::Monitor(r) => codec::encode(r),
        Change::Request(r) => codec::encode(r),
    };
    match encoded {
        Ok(_) => Ok(()),
        Err(CodecError::TooLarge(size)) => Err(format!(
            "this row would make the {} record {} bytes, over the {}-byte limit of one record; \
             shorten its longest cells (or split a customer's many contacts)",
            what(change),
            thousands(size),
            thousands(MAX_RECORD_BYTES)
        )),
        Err(e) => Err(format!("this row cannot be stored: {e}")),
    }
}

fn what(change: &Change) -> &'static str {
    match change {
        Change::Customer(_) => "customer's",
        Change::Interview(_) => "interview's",
        Change::FollowUp(_) => "follow-up's",
        Change::Event(_) => "timeline entry's",
        Change::Staff(_) => "staff member's",
        Change::Monitor(_) => "monitor event's",
        Change::Request(_) => "request's",
        _ => "",
    }
}
