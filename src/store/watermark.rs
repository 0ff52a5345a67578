//! The number of the last acknowledged commit, kept outside sled in `DIR/hearback.commits`:
//! the lost-save guard.
//!
//! sled 0.34 reads a damaged message in the part of its log written since the store was last
//! opened as a torn write: the next open drops that transaction and every later one, zeroes
//! them and opens cleanly with the older state, which the per-record CRCs cannot see. So each
//! commit also counts itself in the meta tree, in its own transaction, and once it is durable
//! the count is written here; a store counting fewer commits than this file has lost
//! acknowledged saves.
//!
//! Design: the file is one line, `hearback-commits v2 N crc32:XXXXXXXX`, replaced atomically
//! (write `hearback.commits.tmp`, fdatasync, rename over, fsync the data dir). Why not two
//! fixed slots written in place (one sync instead of two)? A slot design must accept one bad
//! slot as a torn write, so a flipped byte in the newest slot would pass silently and hide the
//! loss of the last save; with an atomic rename the file is always a whole old or a whole new
//! line, so *any* bad checksum is damage and is reported, never explained away. The cost is
//! one more fsync per commit (see the figures in the README).
//!
//! Reading: the older plain format (`{n:020}\n`, written in place by earlier hearbacks) is
//! accepted once and rewritten in this format. A file that is present but unreadable, of
//! another format, or with a wrong checksum, is an error on open ([`GuardProblem`]) whose way
//! out is `hearback check --reset-guard` after copying the data dir. A missing (or empty) file
//! is fine only while the store counts no commit (a new store, or one from before the guard
//! existed: those count from 0); once it counts commits, the file went away and that is
//! reported as well, since a guard that switches itself off when its file is lost guards
//! nothing. (An earlier hearback could leave it empty after a crash right after its first
//! commit; the same reset gets out of that.)
//!
//! Files are opened with `O_NOFOLLOW` and created 0600: a symlink planted in the data dir under
//! either name makes hearback refuse, never write through it.

use std::fs::{File, OpenOptions};
use std::io::{self, Read as _, Write as _};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

/// The file name in the data dir.
pub const FILE_NAME: &str = "hearback.commits";
const TMP_NAME: &str = "hearback.commits.tmp";
const MAGIC: &str = "hearback-commits v2";
/// Far more than a valid file holds: a bigger one is damage, not something to read whole.
const MAX_LEN: u64 = 256;

/// What the guard file says.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// No file, or an empty one.
    Missing,
    /// A count in the current format.
    Count(u64),
    /// A count in the plain format of earlier hearbacks (to be rewritten).
    Legacy(u64),
}

/// Why the guard file cannot be trusted.
#[derive(Debug)]
pub struct GuardProblem(pub String);

/// The guard of an open store: the highest count written by this process.
pub struct Watermark {
    dir: PathBuf,
    written: u64,
}

impl Watermark {
    /// Reads the guard of `dir` and compares it with the `found` commits of the store. `fresh`
    /// is a sled store created by this open (a stale count from a removed store must not raise
    /// an alarm); `reset` is the user's `--reset-guard`. Errors: `Ok(Err(acknowledged))` when
    /// the store lost saves, `Err` when the file is damaged or cannot be written.
    pub fn establish(
        dir: &Path,
        found: u64,
        fresh: bool,
        reset: bool,
    ) -> Result<Result<Watermark, u64>, Problem> {
        let mut guard = Watermark {
            dir: dir.to_path_buf(),
            written: 0,
        };
        let start_over = fresh || reset;
        let read = if start_over {
            Found::Missing
        } else {
            read(dir)?
        };
        match read {
            Found::Count(acknowledged) | Found::Legacy(acknowledged) if acknowledged > found => {
                return Ok(Err(acknowledged));
            }
            Found::Count(acknowledged) => guard.written = acknowledged,
            Found::Legacy(_) => guard.write(found).map_err(Problem::Write)?,
            Found::Missing if start_over || found == 0 => {
                guard.write(found).map_err(Problem::Write)?;
            }
            Found::Missing => {
                return Err(Problem::Damaged(GuardProblem(format!(
                    "is missing or empty, although the store counts {found} saves"
                ))));
            }
        }
        Ok(Ok(guard))
    }

    /// Records that commit `n` is durable; never moves backwards (commits may finish out of
    /// order across threads).
    pub fn advance(&mut self, n: u64) -> io::Result<()> {
        if n > self.written {
            self.write(n)?;
        }
        Ok(())
    }

    /// Replaces the file atomically and durably with count `n`.
    fn write(&mut self, n: u64) -> io::Result<()> {
        let tmp = self.dir.join(TMP_NAME);
        match std::fs::remove_file(&tmp) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        // create_new: never opens what is there (a planted link included), 0600: it is ours.
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&tmp)?;
        file.write_all(line(n).as_bytes())?;
        file.sync_data()?;
        drop(file);
        std::fs::rename(&tmp, self.dir.join(FILE_NAME))?;
        File::open(&self.dir)?.sync_all()?;
        self.written = n;
        Ok(())
    }
}

/// Why the guard could not be set up.
#[derive(Debug)]
pub enum Problem {
    /// The file says nothing trustworthy.
    Damaged(GuardProblem),
    /// It could not be read.
    Read(io::Error),
    /// It could not be written.
    Write(io::Error),
}

impl Problem {
    /// The error the user reads.
    pub fn into_store_error(self, dir: &Path) -> super::StoreError {
        let path = dir.join(FILE_NAME);
        match self {
            Problem::Damaged(GuardProblem(problem)) => super::StoreError::Guard { path, problem },
            Problem::Read(source) => super::StoreError::Io {
                what: "cannot read",
                path,
                source,
            },
            Problem::Write(source) => super::StoreError::Io {
                what: "cannot write",
                path,
                source,
            },
        }
    }
}

impl From<GuardProblem> for Problem {
    fn from(p: GuardProblem) -> Self {
        Problem::Damaged(p)
    }
}

/// The text of the file for count `n`.
fn line(n: u64) -> String {
    let body = format!("{MAGIC} {n}");
    format!("{body} crc32:{:08x}\n", crc32fast::hash(body.as_bytes()))
}

/// Reads what the guard file in `dir` says, never following a link.
pub fn read(dir: &Path) -> Result<Found, Problem> {
    let path = dir.join(FILE_NAME);
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(&path);
    let file = match file {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(GuardProblem("is a symbolic link, not hearback's file".into()).into());
        }
        Err(e) => return Err(Problem::Read(e)),
    };
    let mut bytes = Vec::new();
    file.take(MAX_LEN + 1)
        .read_to_end(&mut bytes)
        .map_err(Problem::Read)?;
    Ok(parse(&bytes)?)
}

/// Parses the file's bytes: the current line, the legacy number, or nothing.
fn parse(bytes: &[u8]) -> Result<Found, GuardProblem> {
    if bytes.is_empty() {
        return Ok(Found::Missing);
    }
    let damaged = |why: &str| GuardProblem(format!("is damaged ({why})"));
    if bytes.len() as u64 > MAX_LEN {
        return Err(damaged("too long"));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| damaged("not text"))?;
    let Some(text) = text.strip_suffix('\n') else {
        return Err(damaged("cut short"));
    };
    if text.len() == 20 && text.bytes().all(|b| b.is_ascii_digit()) {
        return text
            .parse()
            .map(Found::Legacy)
            .map_err(|_| damaged("not a number"));
    }
    let Some((body, crc)) = text.rsplit_once(" crc32:") else {
        return Err(damaged("no checksum"));
    };
    let n = body
        .strip_prefix(MAGIC)
        .and_then(|n| n.strip_prefix(' '))
        .ok_or_else(|| damaged("unknown format"))?;
    // Compared as written (lower-case hex): any other spelling is not what hearback wrote.
    if crc != format!("{:08x}", crc32fast::hash(body.as_bytes())) {
        return Err(damaged("checksum does not match"));
    }
    n.parse()
        .map(Found::Count)
        .map_err(|_| damaged("not a number"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flipped_bit_of_the_line_is_damage() {
        let good = line(1234);
        assert_eq!(parse(good.as_bytes()).ok(), Some(Found::Count(1234)));
        for i in 0..good.len() {
            for bit in 0..8 {
                let mut bytes = good.clone().into_bytes();
                bytes[i] ^= 1 << bit;
                assert!(
                    parse(&bytes).is_err(),
                    "flipping bit {bit} of byte {i} went unnoticed: {:?}",
                    String::from_utf8_lossy(&bytes)
                );
            }
        }
    }

    #[test]
    fn the_legacy_number_is_read_and_anything_else_is_not() {
        assert_eq!(
            parse(b"00000000000000000042\n").ok(),
            Some(Found::Legacy(42))
        );
        assert_eq!(parse(b"").ok(), Some(Found::Missing));
        for bad in [
            &b"42\n"[..],
            b"0000000000000000004\n",
            b"garbage",
            b"\xff\n",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
