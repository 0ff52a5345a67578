//! Opening and closing sled: the two places where its background threads' timing shows.

use super::Store;

/// Opens sled, waiting up to 2 s while sled's own file lock is still held. hearback holds the
/// data dir's lock already, so no other hearback can be in the store: what holds sled's lock
/// is this process's own sled threads finishing the writes of a store just closed (a command
/// reopening the store, a test), which let go of the file a moment after the last handle.
pub(super) fn open_sled(open: impl Fn() -> sled::Result<sled::Db>) -> sled::Result<sled::Db> {
    let mut tries = 200;
    loop {
        match open() {
            Err(sled::Error::Io(e))
                if tries > 0 && e.to_string().contains("could not acquire lock") =>
            {
                tries -= 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

impl Drop for Store {
    /// Lets sled finish what its I/O threads started before the store goes: on opening a
    /// store whose log ends damaged, sled cuts the log and starts a new segment in the
    /// background, and a process that exited first left the file a different length each
    /// time (so whether a later command "changed" the store depended on timing).
    /// Not after a failed sync: a poisoned store writes nothing more (see the module docs).
    fn drop(&mut self) {
        if !self.is_poisoned() {
            let _ = self.db.flush();
        }
    }
}
