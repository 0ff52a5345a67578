//! The number of the last acknowledged commit, kept outside sled in `DIR/hearback.commits`.
//!
//! sled 0.34 reads a damaged message in the part of its log written since the store was last
//! opened as a torn write: the next open drops that transaction and every later one, zeroes
//! them and opens cleanly with the older state, which the per-record CRCs cannot see. So each
//! commit also counts itself in the meta tree, in its own transaction, and once it is durable
//! the count is written here; a store counting fewer commits than this file has lost
//! acknowledged saves. The file is not synced: it is written only after the commit it counts is
//! on disk, so a crash can leave it behind the store (no alarm) but never ahead (no false one).

use std::fs::{File, OpenOptions};
use std::io::Read as _;
use std::os::unix::fs::FileExt as _;
use std::path::Path;

/// The file name in the data dir.
pub const FILE_NAME: &str = "hearback.commits";

/// The open watermark file and the highest count written to it by this process.
pub struct Watermark {
    file: File,
    written: u64,
}

impl Watermark {
    /// Opens (creating) the file; returns it with the count it holds, `None` when it is empty
    /// or unreadable (a store from before this file existed, or a torn first write).
    pub fn open(dir: &Path) -> std::io::Result<(Watermark, Option<u64>)> {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join(FILE_NAME))?;
        let mut text = String::new();
        let acknowledged = file
            .read_to_string(&mut text)
            .ok()
            .and_then(|_| text.trim().parse().ok());
        let written = acknowledged.unwrap_or(0);
        Ok((Watermark { file, written }, acknowledged))
    }

    /// Records that commit `n` is durable; never moves backwards (commits may finish out of
    /// order across threads).
    pub fn advance(&mut self, n: u64) -> std::io::Result<()> {
        if n > self.written {
            self.write(n)?;
        }
        Ok(())
    }

    /// Starts over at `n` for a new sled store, durably: a stale count from a removed store
    /// must not raise an alarm on the new one.
    pub fn reset(&mut self, n: u64) -> std::io::Result<()> {
        self.file.set_len(0)?;
        self.write(n)?;
        self.file.sync_data()
    }

    fn write(&mut self, n: u64) -> std::io::Result<()> {
        // Fixed width, one write at offset 0: never a mix of an old and a new number.
        self.file.write_all_at(format!("{n:020}\n").as_bytes(), 0)?;
        self.written = n;
        Ok(())
    }
}
