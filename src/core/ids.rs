//! Typed record ids. Ids are allocated by the store; the core only compares and carries them.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

id_type!(
    /// One of our own people.
    StaffId,
    "S"
);
id_type!(
    /// A customer account.
    CustomerId,
    "C"
);
id_type!(
    /// A contact person at a customer; unique across all customers.
    ContactId,
    "P"
);
id_type!(
    /// A feedback interview or imported survey response.
    InterviewId,
    "I"
);
id_type!(
    /// A low-score follow-up (alert).
    FollowUpId,
    "F"
);
id_type!(
    /// A corrective or preventive action item.
    ActionId,
    "A"
);
id_type!(
    /// A major deliverable shipped to a customer (it triggers an interview).
    DeliverableId,
    "D"
);
id_type!(
    /// A customer's request (a call, an email, a ticket) and our response to it.
    RequestId,
    "R"
);

id_type!(
    /// A monitor event (delivery, warranty claim, return, credit note) from an ERP export.
    MonitorId,
    "M"
);

/// Parses an id typed by a user: the bare number, or the number behind its letter (`C12`).
pub fn parse_id_number(text: &str, prefix: char) -> Option<u64> {
    let t = text.trim();
    let digits = t
        .strip_prefix(prefix)
        .or_else(|| t.strip_prefix(prefix.to_ascii_lowercase()))
        .unwrap_or(t);
    digits.parse().ok()
}

/// A hasher for maps keyed by record ids. Ids are unique integers handed out by hearback, not
/// attacker-chosen keys, so SipHash's flood resistance buys nothing here while costing most of
/// the queue's time on large data; a multiplicative mix spreads sequential ids well.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Not used by id keys (they hash one u64); kept correct for any other key.
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A hash map keyed by record ids, with [`IdHasher`].
pub type IdMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<IdHasher>>;

/// The largest id a record may carry: 2^53 - 1, the largest integer every JSON reader
/// (JavaScript's included) holds exactly, and far below `u64::MAX`, so an allocator that starts
/// above any valid id can hand out ids for as long as anyone can write records. Backups with a
/// larger id are refused; a store holding one (restored by an older build) gets no new records
/// until it is repaired, rather than new records reusing an id.
pub const MAX_ID: u64 = (1 << 53) - 1;

/// Why no fresh id can be handed out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "the data holds record id {largest}, above the largest id hearback uses ({MAX_ID}), so a new \
     record could not get an id of its own; nothing was changed. Export the data with `hearback \
     export all --format json`, give that record a smaller id, and restore the file into a new \
     directory with `hearback import backup FILE --data NEWDIR`"
)]
pub struct IdSpaceFull {
    /// The offending id.
    pub largest: u64,
}

/// Hands out fresh ids, one id space shared by every record type.
///
/// Ids come from the data itself (one past the largest id in use), which keeps the core pure and
/// the demo deterministic; hearback has a single writer per data dir (the store lock), and
/// records are archived, never deleted, so an id is never handed out twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdAllocator {
    next: u64,
}

impl IdAllocator {
    /// An allocator whose first id is `first` (at least 1).
    pub fn starting_at(first: u64) -> IdAllocator {
        IdAllocator { next: first.max(1) }
    }

    /// An allocator for ids above every id in `data`; refused when an id in `data` is above
    /// [`MAX_ID`] (it would leave no room: `u64::MAX` made every new record reuse it).
    pub fn after(data: &crate::core::Dataset) -> Result<IdAllocator, IdSpaceFull> {
        let max = data
            .staff
            .iter()
            .map(|s| s.id.0)
            .chain(data.customers.iter().map(|c| c.id.0))
            .chain(
                data.customers
                    .iter()
                    .flat_map(|c| c.contacts.iter().map(|p| p.id.0)),
            )
            .chain(data.interviews.iter().map(|i| i.id.0))
            .chain(data.followups.iter().map(|f| f.id.0))
            .chain(data.actions.iter().map(|a| a.id.0))
            .chain(data.deliverables.iter().map(|d| d.id.0))
            .chain(data.monitors.iter().map(|m| m.id.0))
            .chain(data.requests.iter().map(|r| r.id.0))
            .chain([data.highest_id])
            .max()
            .unwrap_or(0);
        if max > MAX_ID {
            return Err(IdSpaceFull { largest: max });
        }
        Ok(IdAllocator::starting_at(max + 1))
    }

    /// The next fresh id. Starting at most at `MAX_ID + 1`, the count would have to pass 2^64
    /// before it repeated; checked all the same, it never wraps to an id in use.
    pub fn next_id(&mut self) -> u64 {
        let id = self.next;
        self.next = self.next.checked_add(1).unwrap_or(self.next);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_display_with_their_letter_and_parse_back() {
        assert_eq!(CustomerId(12).to_string(), "C12");
        assert_eq!(parse_id_number("C12", 'C'), Some(12));
        assert_eq!(parse_id_number("c12", 'C'), Some(12));
        assert_eq!(parse_id_number(" 12 ", 'C'), Some(12));
        assert_eq!(parse_id_number("X12", 'C'), None);
        assert_eq!(parse_id_number("", 'C'), None);
    }

    #[test]
    fn allocator_starts_above_every_id_in_use() {
        let mut data = crate::core::Dataset::default();
        assert_eq!(IdAllocator::after(&data).map(|mut i| i.next_id()), Ok(1));
        data.staff.push(crate::core::Staff {
            id: StaffId(41),
            name: "A".into(),
            email: None,
            roles: vec![],
            bio: String::new(),
            active: true,
        });
        let mut ids = IdAllocator::after(&data).expect("room");
        assert_eq!((ids.next_id(), ids.next_id()), (42, 43));
        // An id that leaves no room is refused rather than reused by every new record.
        for (largest, room) in [(MAX_ID, true), (MAX_ID + 1, false), (u64::MAX, false)] {
            data.staff[0].id = StaffId(largest);
            assert_eq!(IdAllocator::after(&data).is_ok(), room, "{largest}");
        }
    }
}
