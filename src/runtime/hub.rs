//! The dashboard as the hub: commands from outside its loop (another terminal, over the
//! socket; the `:` line, on a thread of its own) reach the store through the dashboard.
//!
//! Why it works this way:
//! - One process owns the store. A command run on the dashboard's behalf gets the store through
//!   a [`Lease`]: a job in the save worker's queue, so it comes after every save the dashboard
//!   asked for before it, and every save asked for after it waits until the command ends. To
//!   the command it is what the lock is to a `hearback` process: the store is its alone from
//!   the moment it opens it until it ends.
//! - The app shows what the store holds: when a command that wrote ends, the worker reads the
//!   store back and the loop replaces the app's data ([`Msg::Remote`]), so every pane shows the
//!   change without a key press. The app applies its own saves only once they are on disk, so
//!   this read, done in the worker's order, is exactly what the store holds.
//! - The loop answers a [`Hub::ping`] at once: a caller can tell a busy dashboard from a
//!   stuck one within its 2-second promise.
//!
//! The runtime knows nothing of the command line: what runs a command is the caller's (the
//! `cli`), which uses [`Hub`] from any thread.

use super::effects::Worker;
use crate::app::{App, Effect, Msg, update};
use crate::core::{ChangeSet, CustomerId, Dataset, Draft, TimelineEvent};
use crate::store::{CheckReport, DataRead, DataStore, Durable, StoreError};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

/// What comes into the loop from outside it.
pub enum Visit {
    /// Are you there? Answered at once by the loop.
    Ping(SyncSender<()>),
    /// A command wants the store: queue a lease behind the saves asked for so far.
    Lease(LeaseRequest),
    /// A command typed at the `:` line finished: show what it said.
    Output(CommandOutput),
    /// The inbox was imported on its own (files arrived): say so in the status line.
    Inbox(CommandOutput),
}

/// A request for the store, queued in the save worker.
#[derive(Clone)]
pub struct LeaseRequest {
    /// What the status line says once the command ends, if it changed anything.
    pub said: String,
    /// Where the lease is handed over.
    pub grant: SyncSender<Lease>,
}

/// What a command at the `:` line printed, and how it ended.
#[derive(Clone, Debug)]
pub struct CommandOutput {
    /// The line as typed.
    pub line: String,
    /// Its standard output.
    pub stdout: String,
    /// Its standard error.
    pub stderr: String,
    /// Its exit code.
    pub code: u8,
}

/// The handle commands use to reach the dashboard: cheap to clone, usable from any thread.
#[derive(Clone)]
pub struct Hub {
    visits: UnboundedSender<Visit>,
}

/// The loop's end of the [`Hub`].
pub struct HubInbox {
    pub(super) visits: UnboundedReceiver<Visit>,
}

/// The dashboard has ended: it takes no more commands.
#[derive(Debug)]
pub struct HubClosed;

/// A hub and its inbox, to pass to [`super::run`] in [`super::Start`].
pub fn hub() -> (Hub, HubInbox) {
    let (visits, inbox) = unbounded_channel();
    (Hub { visits }, HubInbox { visits: inbox })
}

impl Hub {
    /// Whether the loop answers within `within`: `None` when the dashboard has ended (it
    /// takes no more commands; its process is closing).
    pub fn ping(&self, within: Duration) -> Option<bool> {
        let (tx, rx) = sync_channel(1);
        self.visits.send(Visit::Ping(tx)).ok()?;
        match rx.recv_timeout(within) {
            Ok(()) => Some(true),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Some(false),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => None,
        }
    }

    /// Waits for the store: returns once every save queued before is on disk. `said` is the
    /// status line's message if the command changes anything.
    pub fn lease(&self, said: String) -> Result<Lease, HubClosed> {
        let (grant, granted) = sync_channel(1);
        let request = LeaseRequest { said, grant };
        self.visits
            .send(Visit::Lease(request))
            .map_err(|_| HubClosed)?;
        granted.recv().map_err(|_| HubClosed)
    }

    /// Hands a `:` command's output to the loop (ignored once the dashboard has ended).
    pub fn output(&self, output: CommandOutput) {
        let _ = self.visits.send(Visit::Output(output));
    }

    /// Hands the output of an inbox run the dashboard started itself to the loop.
    pub fn inbox_ran(&self, output: CommandOutput) {
        let _ = self.visits.send(Visit::Inbox(output));
    }
}

/// The next visit, or never when the dashboard runs without a hub.
pub(super) async fn next(inbox: &mut Option<HubInbox>) -> Option<Visit> {
    match inbox {
        Some(inbox) => inbox.visits.recv().await,
        None => std::future::pending().await,
    }
}

/// Takes a visit in: answers a ping, queues a lease (returns whether a job was queued, so
/// the loop waits for its answer before it ends), shows a `:` command's output.
pub(super) fn take(app: &mut App, worker: &Worker, visit: Visit) -> (Vec<Effect>, bool) {
    match visit {
        Visit::Ping(answer) => {
            let _ = answer.try_send(());
            (Vec::new(), false)
        }
        Visit::Lease(request) => (Vec::new(), worker.lease(request)),
        Visit::Output(output) => (
            update(
                app,
                Msg::CommandDone {
                    line: output.line,
                    stdout: output.stdout,
                    stderr: output.stderr,
                    code: output.code,
                },
            ),
            false,
        ),
        Visit::Inbox(output) => (
            update(
                app,
                Msg::InboxRan {
                    stdout: output.stdout,
                    stderr: output.stderr,
                    code: output.code,
                },
            ),
            false,
        ),
    }
}

/// The store, a command's alone until dropped.
pub struct Lease {
    store: Arc<dyn DataStore>,
    wrote: Arc<AtomicBool>,
    /// Dropping it tells the worker the command is done.
    _release: SyncSender<()>,
}

impl Lease {
    /// The store, as a command opens it.
    pub fn store(&self) -> Box<dyn DataStore> {
        Box::new(Leased {
            store: Arc::clone(&self.store),
            wrote: Arc::clone(&self.wrote),
        })
    }
}

/// Runs a lease in the worker: hands the store over, waits until the command is done with
/// it, and reads the store back if the command wrote. Blocking: runs on the blocking pool.
pub(super) fn serve_lease(
    store: &Arc<dyn DataStore>,
    grant: &SyncSender<Lease>,
) -> Option<Result<Dataset, String>> {
    let wrote = Arc::new(AtomicBool::new(false));
    let (release, released): (SyncSender<()>, Receiver<()>) = sync_channel(0);
    let lease = Lease {
        store: Arc::clone(store),
        wrote: Arc::clone(&wrote),
        _release: release,
    };
    // The command gave up waiting (its caller went away): nothing to do.
    grant.send(lease).ok()?;
    // Nothing is ever sent: this returns when the lease is dropped.
    let _ = released.recv();
    wrote.load(Ordering::SeqCst).then(|| {
        store
            .load_open()
            .map_err(|e| format!("{e}. {}", e.advice()))
    })
}

/// The store as a leased command sees it: every call goes to the dashboard's store; a commit
/// is remembered, so the dashboard reads the store back when the command ends.
struct Leased {
    store: Arc<dyn DataStore>,
    wrote: Arc<AtomicBool>,
}

impl DataRead for Leased {
    fn load(&self) -> Result<Dataset, StoreError> {
        self.store.load()
    }

    fn load_open(&self) -> Result<Dataset, StoreError> {
        self.store.load_open()
    }

    fn timeline(&self, customer: CustomerId) -> Result<Vec<TimelineEvent>, StoreError> {
        self.store.timeline(customer)
    }

    fn events(&self) -> Result<Vec<TimelineEvent>, StoreError> {
        self.store.events()
    }

    fn drafts(&self) -> Result<Vec<Draft>, StoreError> {
        self.store.drafts()
    }

    fn check(&self) -> CheckReport {
        self.store.check()
    }
}

impl DataStore for Leased {
    fn commit(&self, set: &ChangeSet) -> Result<Durable, StoreError> {
        // Marked before the commit: a failed one may still have changed what the store
        // refuses from now on, so the dashboard looks again either way.
        self.wrote.store(true, Ordering::SeqCst);
        self.store.commit(set)
    }

    fn is_poisoned(&self) -> bool {
        self.store.is_poisoned()
    }
}
