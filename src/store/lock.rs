//! One hearback per data dir: an advisory `flock` on `DIR/hearback.lock`, taken without waiting
//! before sled is opened, so a second process fails at once and touches nothing.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::fd::AsRawFd;
use std::path::Path;

/// Held for as long as the store is open; the kernel drops the lock when the process dies, so a
/// crash never leaves a stale lock behind.
#[derive(Debug)]
pub struct DirLock {
    _file: File,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds it; its pid if it wrote one.
    Held(Option<u32>),
    /// The lock file could not be opened or locked.
    Io(std::io::Error),
}

impl DirLock {
    /// Takes the lock of `dir` or says who holds it.
    pub fn acquire(dir: &Path) -> Result<DirLock, LockError> {
        let path = dir.join("hearback.lock");
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(LockError::Io)?;
        // SAFETY: flock on a file descriptor we own; no memory is shared with the kernel.
        let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if rc != 0 {
            let err = std::io::Error::last_os_error();
            if err.raw_os_error() == Some(libc::EWOULDBLOCK) {
                let mut text = String::new();
                let pid = file
                    .read_to_string(&mut text)
                    .ok()
                    .and_then(|_| text.trim().parse().ok());
                return Err(LockError::Held(pid));
            }
            return Err(LockError::Io(err));
        }
        // Record our pid for the message another instance shows; best effort.
        let _ = file.set_len(0);
        let _ = file.seek(SeekFrom::Start(0));
        let _ = write!(file, "{}", std::process::id());
        Ok(DirLock { _file: file })
    }
}
