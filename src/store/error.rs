//! Store errors: typed here, worded for people at the edge (cli/runtime) with what to do.

use super::codec::CodecError;
use super::io_text;
use std::path::{Path, PathBuf};

/// Everything that can go wrong opening, reading or writing the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another hearback has the data dir open.
    #[error("hearback is already open on {dir}{}", holder.map(|p| format!(" (process {p})")).unwrap_or_default())]
    Locked {
        /// The data dir.
        dir: PathBuf,
        /// The pid of the holder, if known.
        holder: Option<u32>,
    },
    /// The store was written by a newer hearback.
    #[error(
        "the store in {dir} has schema version {found}; this hearback understands up to {supported}"
    )]
    NewerSchema {
        /// The data dir.
        dir: PathBuf,
        /// Version found.
        found: u8,
        /// Version this build writes.
        supported: u8,
    },
    /// A record failed to decode.
    #[error("damaged record in tree '{tree}' at key {key}: {source}")]
    Record {
        /// The sled tree.
        tree: &'static str,
        /// The key, in hex.
        key: String,
        /// What was wrong.
        source: CodecError,
    },
    /// A record could not be encoded (too large).
    #[error("cannot save {what}: {source}")]
    Encode {
        /// What was being saved.
        what: String,
        /// Why.
        source: CodecError,
    },
    /// sled reported damage in its own files.
    #[error("the store in {dir} is damaged: {detail}")]
    Corrupt {
        /// The data dir.
        dir: PathBuf,
        /// sled's description.
        detail: String,
    },
    /// The store holds fewer commits than were acknowledged: sled dropped the end of its log.
    #[error(
        "the store in {dir} has lost saved changes (saves acknowledged: {acknowledged}, in the store: {found}); sled discarded the damaged end of its log (store/db) when it opened it"
    )]
    LostCommits {
        /// The data dir.
        dir: PathBuf,
        /// Commits acknowledged to the user (from `hearback.commits`).
        acknowledged: u64,
        /// Commits the store holds.
        found: u64,
    },
    /// A file-system error, in plain words (see [`io_text`]).
    #[error("{what} {}: {}", path.display(), io_text::plain(source))]
    Io {
        /// What was being done.
        what: &'static str,
        /// The path involved.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The derived state (the index of open work) does not match the records.
    #[error(
        "the store's index of open work is out of step with its records (tree '{tree}' key {key} {what})"
    )]
    Derived {
        /// The derived tree.
        tree: &'static str,
        /// The key, in hex.
        key: String,
        /// What is wrong with it.
        what: &'static str,
    },
    /// Any other sled error.
    #[error("store error: {0}")]
    Sled(String),
    /// The data dir (or its `store/`) is writable by others or owned by another user.
    #[error("refusing to use {}: {problem}", dir.display())]
    Untrusted {
        /// The dir.
        dir: PathBuf,
        /// What is wrong and how to fix it.
        problem: String,
    },
    /// A file hearback opens in its data dir is a symbolic link.
    #[error(
        "{} is a symbolic link; hearback never follows links in its data directory: remove it (`rm {}`) and run the command again", path.display(), path.display()
    )]
    Link {
        /// The link.
        path: PathBuf,
    },
    /// hearback cannot write to the data dir: read-only media, or not the user's to write.
    #[error("{}", not_writable(dir, *media))]
    NotWritable {
        /// The data dir.
        dir: PathBuf,
        /// Whether the file system is read-only (else: no permission).
        media: bool,
    },
    /// The lost-save guard `hearback.commits` cannot be trusted (see `store::watermark`).
    #[error("the lost-save guard {} {problem}", path.display())]
    Guard {
        /// The guard file.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
    },
    /// sled's flush or an fsync failed after the transaction was applied: the change may or
    /// may not be on disk, and this process's page cache can no longer be trusted.
    #[error(
        "the disk reported an error while saving ({}: {}); the change may or may not be on disk",
        path.display(),
        io_text::plain(error)
    )]
    NotDurable {
        /// The file (or store directory) being made durable.
        path: PathBuf,
        /// The OS error (not a `source`: the message names it once already).
        error: std::io::Error,
    },
    /// An earlier [`StoreError::NotDurable`] stopped every write of this process.
    #[error(
        "not saved: the disk reported an error earlier, so hearback writes nothing more to {} until it is restarted",
        dir.display()
    )]
    Poisoned {
        /// The data dir.
        dir: PathBuf,
    },
}

fn not_writable(dir: &Path, media: bool) -> String {
    let shown = dir.display();
    let why = if media {
        "it is on a read-only file system"
    } else {
        "you may not write there"
    };
    format!(
        "cannot save in {shown}: {why}. Reading commands (check, export, customers, queue, stats, \
         reports to stdout) still work there; to make changes, copy the data directory to a \
         writable place (`cp -a {shown} NEWDIR`) and run hearback with `--data NEWDIR`"
    )
}

impl StoreError {
    /// What the user can do about it; shown under the error.
    pub fn advice(&self) -> &'static str {
        match self {
            StoreError::Locked { .. } => {
                "Wait for the other command to end, or switch to the terminal where the dashboard \
                 runs (commands run through an open dashboard; a second dashboard does not), or \
                 use another --data directory."
            }
            StoreError::NewerSchema { .. } => {
                "Run the newer hearback, or export a backup with it (`hearback export all --format json`) and import that here."
            }
            StoreError::Record { .. } => {
                "Nothing was changed or deleted. Run `hearback check` for the full list of damage, and restore your last backup into a new directory with `hearback import backup FILE.json --data NEWDIR`."
            }
            // sled may already have zeroed the damaged end of its log while opening: say so.
            StoreError::Corrupt { .. } => {
                "hearback deletes nothing, but sled may have discarded the damaged end of its log while opening it. Copy the data directory somewhere safe as it is, then restore your last backup into a new directory with `hearback import backup FILE.json --data NEWDIR`."
            }
            StoreError::LostCommits { .. } => {
                "Copy the data directory somewhere safe as it is, then restore your last backup into a new directory with `hearback import backup FILE.json --data NEWDIR`. To read what is left instead, run `hearback check --reset-guard` (it makes the guard accept what the store holds) and then `hearback export all --format json`."
            }
            StoreError::Encode { .. } => "Shorten the text and save again; nothing was written.",
            StoreError::Io { source, .. } => match source.kind() {
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                    "Free space on that disk (or move the data directory elsewhere and pass --data), then run the command again."
                }
                std::io::ErrorKind::PermissionDenied => {
                    "Check that the data directory and the files in it belong to you (`ls -la` on it)."
                }
                _ => "Check that the directory exists, is yours and the disk is not full.",
            },
            StoreError::Untrusted { .. } => {
                "hearback keeps customer data: it opens only a data directory that nobody but you can write to. Nothing was opened or changed."
            }
            StoreError::Link { .. } => {
                "Someone who could write to the data directory may have planted it to make hearback overwrite another file: check who can. Nothing was changed."
            }
            StoreError::NotWritable { .. } => "Nothing was changed.",
            StoreError::Guard { .. } => {
                "Your saves may well be intact: this file only counts them. Copy the data directory somewhere safe as it is, then run `hearback check --reset-guard`: it sets the guard to the saves the store holds and checks every record. Look for your latest changes (`hearback customers`, `hearback queue --all`); if one is missing, restore your last backup into a new directory with `hearback import backup FILE.json --data NEWDIR`."
            }
            StoreError::NotDurable { .. } | StoreError::Poisoned { .. } => {
                "Quit hearback and start it again: it then reads what is really on disk. Check whether your last change is there and redo it if not; run `hearback check`, and look at the disk (full, failing, unplugged)."
            }
            StoreError::Derived { .. } => {
                "Your records are intact: only the index hearback derives from them to open fast is wrong, and nothing was changed. Run `hearback check --repair` to rebuild it."
            }
            StoreError::Sled(_) => {
                "Nothing was acknowledged as saved. Retry; if it persists, run `hearback check`."
            }
        }
    }
}

/// Hex of a key, for messages.
pub fn hex(key: &[u8]) -> String {
    key.iter().map(|b| format!("{b:02x}")).collect()
}
