//! What goes over the hub's socket: bincode 2 messages, each self-delimiting on the stream
//! (bincode's own framing, `decode_from_std_read`), with a size limit on everything a caller
//! sends, so a malformed or oversized request is an error for that connection only.
//!
//! The conversation:
//! 1. the dashboard says [`FromHub::Hello`] as soon as it accepts (so a caller tells a
//!    suspended dashboard from a working one without sending anything it could run later);
//! 2. the caller sends one [`ToHub::Request`];
//! 3. the dashboard streams [`FromHub::Out`] / [`FromHub::Err`] as the command prints, asks
//!    for standard input with [`FromHub::WantStdin`] when the command reads `-` (the caller
//!    then streams [`ToHub::Stdin`] chunks and [`ToHub::StdinEnd`]), and ends with
//!    [`FromHub::Exit`].

use bincode::{Decode, Encode};
use std::io::{Read, Write};

/// The protocol's version: a dashboard refuses a request of another version in words.
pub const VERSION: u32 = 1;

/// The largest request a caller may send (arguments, paths, names): far above any command
/// line, far below what could hurt the dashboard.
pub const REQUEST_LIMIT: usize = 1 << 20;

/// The largest chunk of standard input in one message.
pub const STDIN_CHUNK: usize = 64 * 1024;

/// What a caller sends.
#[derive(Debug, Encode, Decode, PartialEq)]
pub enum ToHub {
    /// Run this command.
    Request(Request),
    /// A piece of the caller's standard input.
    Stdin(Vec<u8>),
    /// The caller's standard input ended.
    StdinEnd,
}

/// A command as the caller's process resolved it (see `cli::Invocation`).
#[derive(Debug, Encode, Decode, PartialEq)]
pub struct Request {
    /// [`VERSION`].
    pub version: u32,
    /// The arguments as typed, after the program's name (bytes: Unix paths need not be UTF-8).
    pub args: Vec<Vec<u8>>,
    /// The caller's working directory.
    pub cwd: Vec<u8>,
    /// `--now` as seconds and nanoseconds since the epoch, if given.
    pub now: Option<(i64, u32)>,
    /// `--config`, if given.
    pub config: Option<Vec<u8>>,
    /// The caller's default config file.
    pub default_config: Option<Vec<u8>>,
    /// Who acts, as the caller's process resolved it.
    pub actor: String,
}

/// What the dashboard sends.
#[derive(Debug, Encode, Decode, PartialEq)]
pub enum FromHub {
    /// The dashboard is here and listening; its process id.
    Hello {
        /// The dashboard's process id.
        pid: u32,
    },
    /// Bytes for the caller's standard output.
    Out(Vec<u8>),
    /// Bytes for the caller's standard error.
    Err(Vec<u8>),
    /// The command reads standard input: send it.
    WantStdin,
    /// The command ended with this exit code.
    Exit(u8),
    /// The dashboard is closing and runs nothing more: once it is gone, the caller runs the
    /// command itself.
    Closing,
}

/// bincode's standard configuration with the request limit.
fn limited() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<REQUEST_LIMIT>()
}

/// Writes one message and flushes it.
pub fn send<W: Write, M: Encode>(w: &mut W, message: &M) -> std::io::Result<()> {
    bincode::encode_into_std_write(message, w, limited())
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    w.flush()
}

/// Reads one message (at most [`REQUEST_LIMIT`] bytes of it).
pub fn receive<R: Read, M: Decode<()>>(r: &mut R) -> Result<M, bincode::error::DecodeError> {
    bincode::decode_from_std_read(r, limited())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Request {
        Request {
            version: VERSION,
            args: vec![b"queue".to_vec(), b"--format".to_vec(), b"json".to_vec()],
            cwd: b"/home/lead".to_vec(),
            now: Some((1_795_000_000, 5)),
            config: None,
            default_config: Some(b"/home/lead/.config/hearback/hearback.toml".to_vec()),
            actor: "Dana Reyes".into(),
        }
    }

    #[test]
    fn messages_follow_each_other_on_one_stream() {
        let mut wire = Vec::new();
        send(&mut wire, &ToHub::Request(request())).expect("sends");
        send(&mut wire, &ToHub::Stdin(b"a,b\n".to_vec())).expect("sends");
        send(&mut wire, &ToHub::StdinEnd).expect("sends");
        let mut r = wire.as_slice();
        assert_eq!(
            receive::<_, ToHub>(&mut r).expect("one"),
            ToHub::Request(request())
        );
        assert_eq!(
            receive::<_, ToHub>(&mut r).expect("two"),
            ToHub::Stdin(b"a,b\n".to_vec())
        );
        assert_eq!(receive::<_, ToHub>(&mut r).expect("three"), ToHub::StdinEnd);
        assert!(receive::<_, ToHub>(&mut r).is_err(), "the stream ended");
    }

    #[test]
    fn garbage_and_oversized_requests_are_errors_not_allocations() {
        let garbage = [0xffu8, 0x13, 0x37, 0x00, 0x42, 0x42];
        assert!(receive::<_, ToHub>(&mut garbage.as_slice()).is_err());
        // A request claiming a 4 GiB argument list: refused by the limit before any allocation.
        let mut huge = vec![0u8]; // variant 0: Request
        huge.push(1); // version
        huge.push(252); // a u32 length follows
        huge.extend(u32::MAX.to_le_bytes());
        let err = receive::<_, ToHub>(&mut huge.as_slice()).expect_err("refused");
        assert!(
            matches!(err, bincode::error::DecodeError::LimitExceeded),
            "{err:?}"
        );
    }
}
