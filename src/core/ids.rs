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

/// Parses an id typed by a user: the bare number, or the number behind its letter (`C12`).
pub fn parse_id_number(text: &str, prefix: char) -> Option<u64> {
    let t = text.trim();
    let digits = t
        .strip_prefix(prefix)
        .or_else(|| t.strip_prefix(prefix.to_ascii_lowercase()))
        .unwrap_or(t);
    digits.parse().ok()
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
}
