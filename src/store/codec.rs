//! The record envelope: `[schema version: 1 byte][bincode payload][CRC32 of both: 4 bytes LE]`.
//!
//! This is the only place that knows the byte format, so the codec can be swapped by changing
//! this file. Decoding is bounded (`with_limit`), rejects trailing bytes, and never panics.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The schema version written into every new record.
pub const SCHEMA_VERSION: u8 = 1;

/// The most a payload may allocate while decoding: garbage lengths cannot exhaust memory.
pub const DECODE_LIMIT: usize = 1 << 20;

/// The largest encoded record accepted for writing: a bound on what one save can hold, not a
/// way to keep sled from writing blob files. sled writes whole pages (up to ~17 records) to its
/// log, and a page over ~128 KiB goes to its own blob file whatever its records' sizes; the
/// store syncs those itself before a commit is acknowledged (see `store::sync`).
pub const MAX_RECORD_BYTES: usize = 64 * 1024;

const HEADER: usize = 1;
const TRAILER: usize = 4;

/// Why a record could not be encoded or decoded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CodecError {
    /// Fewer bytes than an envelope needs.
    #[error("record is {0} bytes, shorter than any valid record")]
    TooShort(usize),
    /// The checksum does not match: the bytes were damaged.
    #[error(
        "checksum mismatch (stored {stored:08x}, computed {computed:08x}): the record is damaged"
    )]
    Checksum {
        /// CRC stored in the record.
        stored: u32,
        /// CRC of the bytes as read.
        computed: u32,
    },
    /// Written by a newer hearback.
    #[error(
        "record has schema version {0}, newer than this hearback understands ({SCHEMA_VERSION})"
    )]
    NewerVersion(u8),
    /// A version byte that was never written by any hearback.
    #[error("record has unknown schema version {0}")]
    UnknownVersion(u8),
    /// The payload is not a valid record of the expected type.
    #[error("payload does not decode: {0}")]
    Payload(String),
    /// The payload decoded but bytes were left over.
    #[error("payload has {0} trailing bytes")]
    TrailingBytes(usize),
    /// Too large to store safely.
    #[error("record is {0} bytes, more than the {MAX_RECORD_BYTES}-byte limit")]
    TooLarge(usize),
}

fn config() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<DECODE_LIMIT>()
}

/// Encodes a value into an envelope at the current schema version.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, CodecError> {
    let payload = bincode::serde::encode_to_vec(value, config())
        .map_err(|e| CodecError::Payload(e.to_string()))?;
    let mut out = Vec::with_capacity(HEADER + payload.len() + TRAILER);
    out.push(SCHEMA_VERSION);
    out.extend_from_slice(&payload);
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    if out.len() > MAX_RECORD_BYTES {
        return Err(CodecError::TooLarge(out.len()));
    }
    Ok(out)
}

/// Decodes an envelope, checking length, checksum, version and that the payload is used whole.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    if bytes.len() < HEADER + TRAILER {
        return Err(CodecError::TooShort(bytes.len()));
    }
    let (body, trailer) = bytes.split_at(bytes.len() - TRAILER);
    let mut stored = [0u8; TRAILER];
    stored.copy_from_slice(trailer);
    let stored = u32::from_le_bytes(stored);
    let computed = crc32fast::hash(body);
    if stored != computed {
        return Err(CodecError::Checksum { stored, computed });
    }
    match body[0] {
        SCHEMA_VERSION => {}
        0 => return Err(CodecError::UnknownVersion(0)),
        v => return Err(CodecError::NewerVersion(v)),
    }
    let payload = &body[HEADER..];
    let (value, used) = bincode::serde::decode_from_slice::<T, _>(payload, config())
        .map_err(|e| CodecError::Payload(e.to_string()))?;
    if used != payload.len() {
        return Err(CodecError::TrailingBytes(payload.len() - used));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        id: u64,
        name: String,
        tags: Vec<String>,
    }

    fn sample() -> Sample {
        Sample {
            id: 7,
            name: "Acme".into(),
            tags: vec!["key".into()],
        }
    }

    /// Re-seals a body with a correct CRC, to test what lies behind the checksum.
    fn seal(body: &[u8]) -> Vec<u8> {
        let mut out = body.to_vec();
        out.extend_from_slice(&crc32fast::hash(body).to_le_bytes());
        out
    }

    #[test]
    fn round_trips_with_version_and_crc() {
        let bytes = encode(&sample()).expect("encodes");
        assert_eq!(bytes[0], SCHEMA_VERSION);
        assert_eq!(decode::<Sample>(&bytes), Ok(sample()));
    }

    #[test]
    fn every_single_bit_flip_is_caught() {
        let bytes = encode(&sample()).expect("encodes");
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut damaged = bytes.clone();
                damaged[i] ^= 1 << bit;
                assert!(
                    decode::<Sample>(&damaged).is_err(),
                    "flip at byte {i} bit {bit}"
                );
            }
        }
    }

    #[test]
    fn short_input_is_an_error_not_a_panic() {
        for len in 0..5 {
            assert_eq!(
                decode::<Sample>(&vec![1u8; len]),
                Err(CodecError::TooShort(len))
            );
        }
    }

    #[test]
    fn trailing_bytes_are_rejected() {
        let bytes = encode(&sample()).expect("encodes");
        let mut body = bytes[..bytes.len() - 4].to_vec();
        body.push(0);
        assert_eq!(
            decode::<Sample>(&seal(&body)),
            Err(CodecError::TrailingBytes(1))
        );
    }

    #[test]
    fn newer_and_unknown_versions_are_named() {
        let bytes = encode(&sample()).expect("encodes");
        let mut body = bytes[..bytes.len() - 4].to_vec();
        body[0] = 2;
        assert_eq!(
            decode::<Sample>(&seal(&body)),
            Err(CodecError::NewerVersion(2))
        );
        body[0] = 0;
        assert_eq!(
            decode::<Sample>(&seal(&body)),
            Err(CodecError::UnknownVersion(0))
        );
    }

    #[test]
    fn a_huge_declared_length_hits_the_limit_instead_of_allocating() {
        // A string whose varint length claims ~4 GiB: must fail fast under the 1 MiB limit.
        let body = [SCHEMA_VERSION, 7, 252, 0xff, 0xff, 0xff, 0xf0];
        let err = decode::<Sample>(&seal(&body)).expect_err("must fail");
        assert!(matches!(err, CodecError::Payload(_)), "{err:?}");
    }

    #[test]
    fn oversized_records_are_refused_before_writing() {
        let big = Sample {
            id: 1,
            name: "x".repeat(MAX_RECORD_BYTES),
            tags: vec![],
        };
        assert!(matches!(encode(&big), Err(CodecError::TooLarge(_))));
    }
}
