//! The open dashboard imports what arrives in the inbox folder by itself: a watcher (inotify,
//! through the `notify` crate) wakes a thread when a CSV appears or changes in a source folder;
//! once the folder has been quiet for [`QUIET`] (a browser or a sync client still writing keeps
//! it busy), the thread runs `hearback inbox` through the dashboard's own command runner, as
//! cron would run it. The run's summary goes to the status line; the data it imported reaches
//! the panes as any command's does.
//!
//! Why a quiet period and not the file's size: a download written in parts with pauses looks
//! finished between parts. Waiting for a second without any write to any file, then letting
//! the run check once more that nothing changed, reads each file once, whole, as long as the
//! writer never pauses for longer than that; a file written more slowly is read on the next
//! event and recognised, by its content, as a new version only if it changed.

use super::line::Background;
use crate::io::inbox;
use notify::{RecursiveMode, Watcher as _};
use std::ops::Not as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::Duration;

/// How long the inbox must be quiet before it is read.
pub const QUIET: Duration = Duration::from_millis(1000);

/// The name of the thread that runs the inbox.
pub const INBOX_THREAD: &str = "inbox watcher";

/// The inbox folder of a dashboard: `HEARBACK_INBOX`, as `hearback inbox` reads it, else
/// `inbox` in the data directory.
pub fn folder(data_dir: &Path) -> PathBuf {
    std::env::var_os("HEARBACK_INBOX")
        .map(PathBuf::from)
        .unwrap_or_else(|| data_dir.join("inbox"))
}

/// Keeps the watch alive while held.
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
}

/// Starts watching the inbox (created with its `customers/` folder if missing, private to the
/// user like the data directory), after one run for what arrived while the dashboard was
/// closed. An error is said in words; the dashboard goes on without the watch.
pub fn start(background: Background) -> Result<Watch, String> {
    let dir = folder(background.data_dir());
    create(&dir).map_err(|e| format!("cannot create the inbox folder {}: {e}", dir.display()))?;
    let (events, arrived) = channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(events)
        .map_err(|e| format!("cannot watch the inbox folder: {e}"))?;
    watcher
        .watch(&dir, RecursiveMode::Recursive)
        .map_err(|e| format!("cannot watch the inbox folder {}: {e}", dir.display()))?;
    std::thread::Builder::new()
        .name(INBOX_THREAD.into())
        .spawn(move || {
            if waiting(&dir) {
                background.run_inbox(LINE);
            }
            loop {
                // Wait for a CSV to arrive or change.
                match arrived.recv() {
                    Ok(Ok(event)) if wanted(&event) => {}
                    Ok(_) => continue,
                    Err(_) => return, // the watch ended with the dashboard
                }
                // Then for the folder to be quiet.
                loop {
                    match arrived.recv_timeout(QUIET) {
                        Ok(_) => continue,
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
                background.run_inbox(LINE);
            }
        })
        .map_err(|e| format!("cannot start the inbox watcher: {e}"))?;
    Ok(Watch { _watcher: watcher })
}

/// Whether a CSV waits in a source folder (saved while the dashboard was closed); an empty
/// inbox costs the start nothing.
fn waiting(dir: &Path) -> bool {
    inbox::sources(dir).is_ok_and(|(sources, _)| {
        sources
            .iter()
            .any(|s| inbox::waiting(s).is_ok_and(|files| !files.is_empty()))
    })
}

/// The command the watcher runs: the quiet period has passed, so a short settle suffices.
const LINE: &str = "inbox --settle 0";

/// Whether an event can mean something new to import: something created or written in a
/// source folder (a new folder too: inotify may report the file saved into it before it
/// watches the folder). Not reading (a run opens every file it checks, and one it refused
/// must not be read again and again), not a file leaving (the run files what it imported), and
/// nothing the run writes itself: `done/`, the reports, the ledger (and the hidden temporary
/// files a report is written through). The run never reads hidden files either.
fn wanted(event: &notify::Event) -> bool {
    use notify::EventKind::{Access, Create, Modify};
    use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
    let changes = match event.kind {
        Create(_) | Access(AccessKind::Close(AccessMode::Write)) => true,
        Modify(ModifyKind::Name(RenameMode::From) | ModifyKind::Metadata(_)) => false,
        Modify(_) => true,
        _ => false,
    };
    changes && event.paths.iter().any(|p| ours(p).not())
}

/// Whether the run wrote this path itself, or it is hidden.
fn ours(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.starts_with('.')
        || name.ends_with(".report.txt")
        || path.components().any(|c| c.as_os_str() == inbox::DONE)
}

/// Creates the inbox and its `customers/` folder, 0700, if missing.
fn create(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt as _;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir.join(inbox::CUSTOMERS))
}
