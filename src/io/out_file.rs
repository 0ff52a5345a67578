//! The one writer for files hearback writes outside its store (`--out` of reports and the
//! invitation). A regular file is replaced whole or not at all: a temporary file in the same
//! directory, created 0600 (documents hold customer data; the umask can only take more away),
//! synced, renamed over the target, and the directory synced. What is not a regular file is
//! never replaced: a FIFO, a terminal or a device (`/dev/stdout`, `/dev/null`) is written to
//! as it is, and a symbolic link to a regular file is refused, so a planted link cannot make
//! hearback overwrite another file.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Why a file could not be written. Nothing was replaced in any case.
#[derive(Debug, thiserror::Error)]
pub enum OutFileError {
    /// A link to a regular file: following it would overwrite its target.
    #[error(
        "{0} is a symbolic link to a file; hearback does not write through links: give the real path"
    )]
    Symlink(PathBuf),
    /// A directory, not a file.
    #[error("{0} is a directory: give a file name")]
    Directory(PathBuf),
    /// No file name at the end of the path.
    #[error("{0}: give a file name")]
    NoName(PathBuf),
    /// The write failed; the target is as it was.
    #[error("cannot write {path}: {source}; nothing was replaced")]
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

impl OutFileError {
    /// The same error naming `path` (as the user typed it) instead of the path written to.
    pub fn shown_as(self, path: &Path) -> OutFileError {
        let path = path.to_path_buf();
        match self {
            OutFileError::Symlink(_) => OutFileError::Symlink(path),
            OutFileError::Directory(_) => OutFileError::Directory(path),
            OutFileError::NoName(_) => OutFileError::NoName(path),
            OutFileError::Io { source, .. } => OutFileError::Io { path, source },
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OutFileError + '_ {
    move |source| OutFileError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Whether a file type is something written to in place (a FIFO, a terminal, a device, a
/// socket) rather than a document to replace.
fn in_place(kind: std::fs::FileType) -> bool {
    kind.is_fifo() || kind.is_char_device() || kind.is_block_device() || kind.is_socket()
}

/// Writes `bytes` to `path` (see the module's rules).
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), OutFileError> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            // A link is followed only to a stream (`/dev/stdout` is a link), never to a file.
            match std::fs::metadata(path) {
                Ok(target) if in_place(target.file_type()) => write_in_place(path, bytes),
                _ => Err(OutFileError::Symlink(path.to_path_buf())),
            }
        }
        Ok(meta) if meta.is_dir() => Err(OutFileError::Directory(path.to_path_buf())),
        Ok(meta) if in_place(meta.file_type()) => write_in_place(path, bytes),
        Ok(_) => replace(path, bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => replace(path, bytes),
        Err(e) => Err(io(path)(e)),
    }
}

/// Appends `bytes` to a log file hearback keeps for itself (the `:` line's history in the data
/// dir): created 0600, never through a link (`O_NOFOLLOW`). One `write` of the whole line on
/// an `O_APPEND` file: lines from two writers never interleave.
pub fn append(path: &Path, bytes: &[u8]) -> Result<(), OutFileError> {
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
        .map_err(|e| match e.raw_os_error() {
            Some(libc::ELOOP) => OutFileError::Symlink(path.to_path_buf()),
            _ => io(path)(e),
        })?;
    file.write_all(bytes).map_err(io(path))
}

fn write_in_place(path: &Path, bytes: &[u8]) -> Result<(), OutFileError> {
    let mut file = OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(io(path))?;
    file.write_all(bytes).map_err(io(path))
}

/// A regular file, replaced whole: the temporary file is removed on any failure.
fn replace(path: &Path, bytes: &[u8]) -> Result<(), OutFileError> {
    let name = path
        .file_name()
        .ok_or_else(|| OutFileError::NoName(path.to_path_buf()))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> std::io::Result<()> {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // The rename is made durable by syncing the directory (best effort: some file
        // systems refuse to open a directory for this).
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_new_file_is_private_and_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("report.md");
        write(&path, b"first").expect("writes");
        write(&path, b"second").expect("replaces");
        assert_eq!(std::fs::read(&path).expect("reads"), b"second");
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("lists").collect();
        assert_eq!(left.len(), 1, "no temporary file is left");
    }

    #[test]
    fn a_link_to_a_file_is_refused_and_the_file_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("precious");
        std::fs::write(&target, b"keep me").expect("writes");
        let link = dir.path().join("out.md");
        std::os::unix::fs::symlink(&target, &link).expect("links");
        let err = write(&link, b"overwrite").expect_err("refused");
        assert!(matches!(err, OutFileError::Symlink(_)), "{err}");
        assert_eq!(std::fs::read(&target).expect("reads"), b"keep me");
        assert!(write(dir.path(), b"x").is_err(), "a directory is refused");
    }
}
