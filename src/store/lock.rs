//! One hearback per data dir: an advisory `flock` on `DIR/hearback.lock`, taken without waiting
//! before sled is opened, so a second process fails at once and touches nothing.
//! The lock file is created 0600 and never opened through a symbolic link (`O_NOFOLLOW`): in a
//! data dir someone else could write to, a planted link would make hearback overwrite its target
//! (the data dir's owner and mode are checked first, see `dir_guard`; this is the second wall).

use super::StoreError;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::OpenOptionsExt;
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

impl LockError {
    /// What it means for the store in `dir`, worded for the user.
    pub fn for_store(self, dir: &Path) -> StoreError {
        let path = dir.join("hearback.lock");
        match self {
            LockError::Held(holder) => StoreError::Locked {
                dir: dir.to_path_buf(),
                holder,
            },
            // O_NOFOLLOW refuses a link with ELOOP.
            LockError::Io(e) if e.raw_os_error() == Some(libc::ELOOP) => StoreError::Link { path },
            LockError::Io(e) if e.raw_os_error() == Some(libc::EROFS) => StoreError::NotWritable {
                dir: dir.to_path_buf(),
                media: true,
            },
            LockError::Io(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                StoreError::NotWritable {
                    dir: dir.to_path_buf(),
                    media: false,
                }
            }
            LockError::Io(source) => StoreError::Io {
                what: "cannot lock",
                path,
                source,
            },
        }
    }
}

impl DirLock {
    /// Takes the lock of `dir` or says who holds it.
    ///
    /// A lock that names this very process is waited for, up to 2 s: this process closed the
    /// store (a command reopening it, a test), but a child it was starting at that moment
    /// still holds a copy of the lock's descriptor between its fork and its exec, which
    /// closes it (the file is opened close-on-exec). Another hearback is refused at once.
    pub fn acquire(dir: &Path) -> Result<DirLock, LockError> {
        let mut tries = 200;
        loop {
            match DirLock::acquire_once(dir) {
                Err(LockError::Held(Some(pid))) if pid == std::process::id() && tries > 0 => {
                    tries -= 1;
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                other => return other,
            }
        }
    }

    fn acquire_once(dir: &Path) -> Result<DirLock, LockError> {
        let path = dir.join("hearback.lock");
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&path)
            .map_err(LockError::Io)?;
        take(&mut file, libc::LOCK_EX)?;
        // Record our pid for the message another instance shows; best effort.
        let _ = file.set_len(0);
        let _ = file.seek(SeekFrom::Start(0));
        let _ = write!(file, "{}", std::process::id());
        Ok(DirLock { _file: file })
    }

    /// A shared lock on a data dir hearback cannot write to, held while its files are copied:
    /// no hearback can be writing them meanwhile (a writer holds the exclusive lock, perhaps
    /// through another, writable mount of the same disk). `None` if the dir has no lock file
    /// (no hearback ever opened it for writing) or the file system has no locks.
    pub fn share(dir: &Path) -> Result<Option<DirLock>, LockError> {
        let opened = OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(dir.join("hearback.lock"));
        let mut file = match opened {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(LockError::Io(e)),
        };
        match take(&mut file, libc::LOCK_SH) {
            Ok(()) => Ok(Some(DirLock { _file: file })),
            Err(LockError::Io(e)) if e.raw_os_error() == Some(libc::ENOLCK) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Whether a process holds the lock of `dir` to write (a dashboard or a command has the
/// store open). Only a question: nothing is kept locked.
pub fn is_held(dir: &Path) -> bool {
    matches!(DirLock::share(dir), Err(LockError::Held(_)))
}

/// Takes `how` (exclusive or shared) without waiting, or says who holds the lock.
fn take(file: &mut File, how: libc::c_int) -> Result<(), LockError> {
    // SAFETY: flock on a file descriptor we own; no memory is shared with the kernel.
    let rc = unsafe { libc::flock(file.as_raw_fd(), how | libc::LOCK_NB) };
    if rc == 0 {
        return Ok(());
    }
    let err = std::io::Error::last_os_error();
    if err.raw_os_error() == Some(libc::EWOULDBLOCK) {
        let mut text = String::new();
        let pid = file
            .read_to_string(&mut text)
            .ok()
            .and_then(|_| text.trim().parse().ok());
        return Err(LockError::Held(pid));
    }
    Err(LockError::Io(err))
}
