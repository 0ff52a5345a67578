//! The inbox folder on disk: which sources it has, which files wait in them, whether a file is
//! still being written, what was imported before, and where an imported file and its report go.
//!
//! The layout, one folder per source (the folder says what its files are, so a download needs
//! no other setting than where it is saved):
//!
//! ```text
//! inbox/
//!   customers/            CRM exports (HubSpot, Salesforce, Zoho, or hearback's columns)
//!   <survey>/map.toml     survey responses read with this map (one folder per survey)
//!   <source>/done/        imported files, each with FILE.report.txt
//!   .imported             a line per imported file: its SHA-256, when, and its name
//! ```
//!
//! A file is recognised by its content, not its name: the same export saved twice (`export
//! (1).csv`) is skipped. Only `*.csv` files are read; hidden files and partial downloads
//! (`.part`, `.crdownload`, `.tmp`) are not CSV and are left alone.

use crate::io::out_file::OutFileError;
use sha2::{Digest as _, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The folder of CRM exports.
pub const CUSTOMERS: &str = "customers";
/// A survey folder's map file.
pub const MAP: &str = "map.toml";
/// Where imported files go, in their source's folder.
pub const DONE: &str = "done";
/// The list of imported files' digests, in the inbox folder.
pub const LEDGER: &str = ".imported";

/// What a source folder's files are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// CRM exports: customers imported or updated.
    Customers,
    /// Survey responses, read with this map file.
    Responses(PathBuf),
}

/// One source folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The folder's name.
    pub name: String,
    /// The folder.
    pub dir: PathBuf,
    /// What its files are.
    pub kind: Kind,
}

/// The sources of `inbox`, customers first (so responses of new customers match in the same
/// run), then by name; and a note for each folder that is not one, and for files left at the
/// top level. A missing inbox has no sources.
pub fn sources(inbox: &Path) -> std::io::Result<(Vec<Source>, Vec<String>)> {
    let mut sources = Vec::new();
    let mut notes = Vec::new();
    let entries = match std::fs::read_dir(inbox) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((sources, notes)),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with('.') {
            continue;
        }
        if !entry.file_type()?.is_dir() {
            if is_csv(&path) {
                notes.push(format!(
                    "{name}: left where it is; put it in a source folder ({CUSTOMERS}/ for CRM \
                     exports, or a survey's folder with its {MAP})"
                ));
            }
            continue;
        }
        let kind = if name == CUSTOMERS {
            Kind::Customers
        } else if path.join(MAP).is_file() {
            Kind::Responses(path.join(MAP))
        } else {
            notes.push(format!(
                "{name}/: not read; a survey's folder needs its map file, {name}/{MAP} (CRM \
                 exports go in {CUSTOMERS}/)"
            ));
            continue;
        };
        sources.push(Source {
            name,
            dir: path,
            kind,
        });
    }
    sources.sort_by(|a, b| {
        (a.kind != Kind::Customers, &a.name).cmp(&(b.kind != Kind::Customers, &b.name))
    });
    Ok((sources, notes))
}

/// Whether a path names a CSV file (by its extension, in any case).
fn is_csv(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("csv"))
}

/// A file waiting in a source folder, with what it looked like when found.
#[derive(Clone, Debug)]
pub struct Waiting {
    /// The file.
    pub path: PathBuf,
    size: u64,
    modified: Option<SystemTime>,
}

/// The CSV files waiting in `source`, by name.
pub fn waiting(source: &Source) -> std::io::Result<Vec<Waiting>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&source.dir)? {
        let entry = entry?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden || !entry.file_type()?.is_file() || !is_csv(&path) {
            continue;
        }
        let meta = entry.metadata()?;
        files.push(Waiting {
            path,
            size: meta.len(),
            modified: meta.modified().ok(),
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Whether `file` is as it was when found: the same size and time of change. A file still
/// being written changes between the two looks, so it is left for the next run rather than
/// read half-way.
pub fn unchanged(file: &Waiting) -> bool {
    std::fs::metadata(&file.path)
        .is_ok_and(|m| m.len() == file.size && m.modified().ok() == file.modified)
}

/// Waits `settle` so that [`unchanged`] can tell a finished file from one being written.
pub fn settle(settle: Duration) {
    if !settle.is_zero() {
        std::thread::sleep(settle);
    }
}

/// The SHA-256 of a file's content, in hex.
pub fn digest(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher)?;
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// The files imported before, by digest: when, and under which name.
#[derive(Debug, Default)]
pub struct Ledger {
    path: PathBuf,
    seen: HashMap<String, (String, String)>,
}

impl Ledger {
    /// Reads the inbox's ledger; none yet is an empty one. Lines it cannot read are ignored
    /// (at worst a file is imported again, which imports nothing twice).
    pub fn read(inbox: &Path) -> std::io::Result<Ledger> {
        let path = inbox.join(LEDGER);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(e),
        };
        let seen = text
            .lines()
            .filter_map(|line| {
                let mut parts = line.splitn(3, '\t');
                let (digest, when, name) = (parts.next()?, parts.next()?, parts.next()?);
                Some((digest.to_string(), (when.to_string(), name.to_string())))
            })
            .collect();
        Ok(Ledger { path, seen })
    }

    /// When and as what a file with this digest was imported, if it was.
    pub fn seen(&self, digest: &str) -> Option<&(String, String)> {
        self.seen.get(digest)
    }

    /// Records an imported file (one appended line, through the one safe writer). Not synced:
    /// a record lost to a power cut means the file is imported again, which changes nothing.
    pub fn record(&mut self, digest: &str, when: &str, name: &str) -> Result<(), OutFileError> {
        let line = format!("{digest}\t{when}\t{name}\n");
        crate::io::out_file::append(&self.path, line.as_bytes())?;
        self.seen
            .insert(digest.to_string(), (when.to_string(), name.to_string()));
        Ok(())
    }
}

/// Moves `file` into its source's `done/` folder under a name not taken yet (`name.csv`, else
/// `name-2.csv`, ...), and returns where it went.
pub fn file_away(file: &Path) -> std::io::Result<PathBuf> {
    let dir = file
        .parent()
        .map_or_else(|| PathBuf::from(DONE), |p| p.join(DONE));
    std::fs::create_dir_all(&dir)?;
    let stem = file
        .file_stem()
        .map_or_else(|| "file".into(), |s| s.to_string_lossy().into_owned());
    let ext = file
        .extension()
        .map_or_else(|| "csv".into(), |s| s.to_string_lossy().into_owned());
    let mut to = dir.join(format!("{stem}.{ext}"));
    let mut n = 2;
    while to.exists() || report_path(&to).exists() {
        to = dir.join(format!("{stem}-{n}.{ext}"));
        n += 1;
    }
    std::fs::rename(file, &to)?;
    Ok(to)
}

/// Where the report of `file` goes: next to it, `NAME.report.txt`.
pub fn report_path(file: &Path) -> PathBuf {
    let stem = file
        .file_stem()
        .map_or_else(|| "file".into(), |s| s.to_string_lossy().into_owned());
    file.with_file_name(format!("{stem}.report.txt"))
}

/// Writes a report, whole or not at all, through the one safe writer.
pub fn write_report(path: &Path, text: &str) -> Result<(), OutFileError> {
    crate::io::out_file::write(path, text.as_bytes())
}
