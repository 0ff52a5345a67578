//! The caller's streams as the command sees them: its stdout and stderr as messages on the
//! socket, its stdin asked for on first read and streamed in chunks.

use super::protocol::{self, FromHub, ToHub};
use super::server::say;
use std::io::{BufReader, Read, Write};
use std::os::unix::net::UnixStream;
use std::sync::{Arc, Mutex};

/// The caller's stdout or stderr: every write is one message on the socket.
pub(super) struct Frames {
    writer: Arc<Mutex<UnixStream>>,
    out: bool,
}

impl Frames {
    pub(super) fn out(writer: &Arc<Mutex<UnixStream>>) -> Frames {
        Frames {
            writer: Arc::clone(writer),
            out: true,
        }
    }

    pub(super) fn err(writer: &Arc<Mutex<UnixStream>>) -> Frames {
        Frames {
            writer: Arc::clone(writer),
            out: false,
        }
    }
}

impl Write for Frames {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let message = if self.out {
            FromHub::Out(buf.to_vec())
        } else {
            FromHub::Err(buf.to_vec())
        };
        say(&self.writer, &message)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The caller's standard input: asked for on the first read, then streamed in chunks.
pub(super) struct Stdin {
    reader: BufReader<UnixStream>,
    writer: Arc<Mutex<UnixStream>>,
    asked: bool,
    chunk: Vec<u8>,
    at: usize,
    ended: bool,
}

impl Stdin {
    pub(super) fn new(reader: BufReader<UnixStream>, writer: &Arc<Mutex<UnixStream>>) -> Stdin {
        Stdin {
            reader,
            writer: Arc::clone(writer),
            asked: false,
            chunk: Vec::new(),
            at: 0,
            ended: false,
        }
    }
}

impl Read for Stdin {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if !self.asked {
            say(&self.writer, &FromHub::WantStdin)?;
            self.asked = true;
        }
        while self.at == self.chunk.len() && !self.ended {
            match protocol::receive::<_, ToHub>(&mut self.reader) {
                Ok(ToHub::Stdin(bytes)) => {
                    self.chunk = bytes;
                    self.at = 0;
                }
                Ok(ToHub::StdinEnd) => self.ended = true,
                Ok(ToHub::Request(_)) | Err(_) => {
                    return Err(std::io::Error::other(
                        "standard input stopped before its end (the calling terminal went away?)",
                    ));
                }
            }
        }
        let n = buf.len().min(self.chunk.len() - self.at);
        buf[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}
