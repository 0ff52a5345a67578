//! Whether a data dir can be trusted, checked before any file in it is opened.
//!
//! hearback writes files with fixed names in its data dir (`hearback.lock`, `hearback.commits`,
//! `store/`). Whoever else can write to that dir could replace them with links to other files
//! and make hearback, perhaps run as root, overwrite those. So, as ssh does with `~/.ssh`, the
//! data dir and its `store/` must belong to the user running hearback (or to root) and be
//! writable by nobody else. Group-writable counts as writable by others: hearback creates its
//! dirs 0700, one person works in a data dir at a time (the lock says so), and a group that can
//! write could plant the same links; a shared dir is made with `chmod 700` by its owner.

use super::StoreError;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// Refuses `dir` (if it exists) unless it can be trusted; see the module's rule.
pub fn trust(dir: &Path) -> Result<(), StoreError> {
    match check(dir) {
        Ok(None) => Ok(()),
        Ok(Some(distrust)) => Err(StoreError::Untrusted {
            dir: dir.to_path_buf(),
            problem: distrust.explain(dir),
        }),
        Err(source) => Err(StoreError::Io {
            what: "cannot examine",
            path: dir.to_path_buf(),
            source,
        }),
    }
}

/// What is wrong with a dir, worded for the message that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Distrust {
    /// Others (group or everyone) may write to it.
    WritableByOthers {
        /// Its mode bits, for the message.
        mode: u32,
    },
    /// Another user owns it.
    OwnedByOther {
        /// The owner's uid.
        owner: u32,
    },
}

impl Distrust {
    /// The problem and the command that fixes it, for a message naming `dir`.
    pub fn explain(&self, dir: &Path) -> String {
        let shown = dir.display();
        match self {
            Distrust::WritableByOthers { mode } => format!(
                "it is writable by other users (mode {:o}), who could plant links there that \
                 make hearback overwrite other files; make it yours alone with `chmod 700 {shown}`",
                mode & 0o7777
            ),
            Distrust::OwnedByOther { owner } => format!(
                "it is owned by user {owner}, not by you, and that user could plant links there \
                 that make hearback overwrite other files; take it over with \
                 `sudo chown -R $USER {shown}`, or use your own --data directory"
            ),
        }
    }
}

/// The rule itself, on what `stat` says: kept apart so it is tested for any owner and mode.
pub fn judge(owner: u32, mode: u32, me: u32) -> Option<Distrust> {
    if owner != me && owner != 0 {
        return Some(Distrust::OwnedByOther { owner });
    }
    if mode & 0o022 != 0 {
        return Some(Distrust::WritableByOthers { mode });
    }
    None
}

/// Checks `dir` if it exists (a missing dir is created 0700 by hearback itself). Links are
/// followed: a data dir may well be a link to another disk; what counts is the dir itself.
pub fn check(dir: &Path) -> std::io::Result<Option<Distrust>> {
    match std::fs::metadata(dir) {
        // SAFETY: geteuid has no preconditions and cannot fail.
        Ok(meta) => Ok(judge(meta.uid(), meta.mode(), unsafe { libc::geteuid() })),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_owner_or_root_owning_a_dir_nobody_else_can_write_is_trusted() {
        let me = 1000;
        let cases = [
            (me, 0o40700, None),
            (me, 0o40755, None),
            (0, 0o40755, None),
            (
                me,
                0o40770,
                Some(Distrust::WritableByOthers { mode: 0o40770 }),
            ),
            (
                me,
                0o40777,
                Some(Distrust::WritableByOthers { mode: 0o40777 }),
            ),
            (
                me,
                0o41777,
                Some(Distrust::WritableByOthers { mode: 0o41777 }),
            ),
            (
                0,
                0o41777,
                Some(Distrust::WritableByOthers { mode: 0o41777 }),
            ),
            (4242, 0o40700, Some(Distrust::OwnedByOther { owner: 4242 })),
        ];
        for (owner, mode, want) in cases {
            assert_eq!(judge(owner, mode, me), want, "owner {owner} mode {mode:o}");
        }
        assert_eq!(judge(0, 0o40700, 0), None, "root's own dir");
    }
}
