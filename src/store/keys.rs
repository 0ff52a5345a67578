//! Keys are fixed-width big-endian bytes, so sled's byte order is numeric and time order and
//! range scans sort. Never bincode varints.

use crate::core::Instant;

/// The key of a record with a numeric id.
pub fn id_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

/// Reads back an id key; `None` if it is not 8 bytes.
pub fn parse_id_key(key: &[u8]) -> Option<u64> {
    let bytes: [u8; 8] = key.try_into().ok()?;
    Some(u64::from_be_bytes(bytes))
}

/// An instant as 8 bytes that sort in time order, before 1970 included (sign bit flipped).
pub fn instant_bytes(at: Instant) -> [u8; 8] {
    ((at.timestamp_millis() as u64) ^ (1 << 63)).to_be_bytes()
}

/// A timeline key: customer, then time, then a unique sequence number.
pub fn timeline_key(customer: u64, at: Instant, seq: u64) -> [u8; 24] {
    let mut key = [0u8; 24];
    key[..8].copy_from_slice(&customer.to_be_bytes());
    key[8..16].copy_from_slice(&instant_bytes(at));
    key[16..].copy_from_slice(&seq.to_be_bytes());
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn id_keys_sort_numerically() {
        let mut ids = vec![256u64, 1, 255, 65_536, 2, u64::MAX, 0];
        let mut keys: Vec<[u8; 8]> = ids.iter().map(|&i| id_key(i)).collect();
        keys.sort();
        ids.sort();
        let back: Vec<u64> = keys.iter().filter_map(|k| parse_id_key(k)).collect();
        assert_eq!(back, ids);
        assert_eq!(parse_id_key(&[1, 2, 3]), None);
    }

    #[test]
    fn timeline_keys_sort_by_customer_then_time_then_sequence() {
        let t = |y| {
            Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0)
                .single()
                .expect("valid date")
        };
        let mut keys = vec![
            timeline_key(2, t(2020), 1),
            timeline_key(1, t(2026), 0),
            timeline_key(1, t(1960), 9),
            timeline_key(1, t(2026), 5),
            timeline_key(1, t(2001), 3),
        ];
        keys.sort();
        assert_eq!(
            keys,
            vec![
                timeline_key(1, t(1960), 9),
                timeline_key(1, t(2001), 3),
                timeline_key(1, t(2026), 0),
                timeline_key(1, t(2026), 5),
                timeline_key(2, t(2020), 1),
            ]
        );
    }
}
