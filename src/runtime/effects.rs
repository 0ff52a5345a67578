//! Work the app asks for, done off the input path: saves, timeline reads and the demo data run
//! on tokio's blocking pool and come back to the loop as messages.
//!
//! One worker takes the jobs in the order the app asked for them and runs them one at a time.
//! Order matters: moving a card right twice gives two commits, and if the second reached the
//! disk before the first, the store would keep the middle state while the screen showed the
//! last one. Reads queue behind writes, so a timeline always includes what was just saved.
//! Draft saves go through the same queue (after the loop debounced them, see `drafts`): a
//! draft queued before the commit that completes its interview is written before that
//! commit discards it, so a late autosave can never bring a completed interview's draft back.

use super::hub::LeaseRequest;
use crate::app::{Effect, Msg};
use crate::core::{ChangeSet, CustomerId, Dataset, Draft, IdAllocator, Instant};
use crate::demo::{DemoOptions, generate};
use crate::store::{DataStore, StoreError};
use std::sync::Arc;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

/// A finished job, on its way back to the loop.
pub struct Done {
    /// The answer for the app.
    pub msg: Msg,
    /// Set when the job panicked: its message was printed over the dashboard, so the screen
    /// must be repainted in full.
    pub crashed: bool,
}

/// One unit of background work.
#[derive(Clone)]
enum Job {
    Commit {
        changes: ChangeSet,
        label: String,
    },
    Timeline(CustomerId),
    /// The whole history, for a view that shows it.
    History,
    Demo {
        now: Instant,
    },
    Draft {
        draft: Box<Draft>,
        version: u64,
    },
    /// A command run on the dashboard's behalf has the store until it is done (see `hub`).
    Lease(LeaseRequest),
}

impl Job {
    /// The job for an effect, or `None` for the effects the loop handles itself.
    fn from_effect(effect: Effect, now: Instant) -> Option<Job> {
        match effect {
            Effect::Commit { changes, label } => Some(Job::Commit { changes, label }),
            Effect::LoadTimeline(id) => Some(Job::Timeline(id)),
            Effect::LoadHistory => Some(Job::History),
            Effect::LoadDemo => Some(Job::Demo { now }),
            // The loop debounces drafts and submits only the newest, when it is due.
            Effect::SaveDraft { draft, version } => Some(Job::Draft {
                draft: Box::new(draft),
                version,
            }),
            Effect::Copy(_) | Effect::Notify(_) | Effect::Suspend | Effect::Quit => None,
            Effect::RunCommand { .. } => None,
        }
    }

    /// Does the work. Blocking: runs on the blocking pool only.
    fn run(self, store: &Arc<dyn DataStore>) -> Msg {
        match self {
            Job::Lease(LeaseRequest { said, grant }) => Msg::Remote {
                said,
                data: super::hub::serve_lease(store, &grant),
            },
            Job::Commit { changes, mut label } => {
                // "Saved" is only ever said when commit returned Ok: then it is on disk.
                let result = store.commit(&changes).map_err(describe).map(|durable| {
                    // Saved all the same; the user hears that a loss of it would go unnoticed.
                    if let Some(kind) = durable.guard_error {
                        label.push_str(&format!(
                            " (but the lost-save guard hearback.commits could not be updated: \
                             {kind}; check the disk)"
                        ));
                    }
                });
                Msg::Saved {
                    changes,
                    label,
                    result,
                }
            }
            Job::Timeline(id) => Msg::Timeline(id, store.timeline(id).map_err(describe)),
            Job::History => Msg::History(store.load().map_err(describe)),
            Job::Demo { now } => Msg::Reloaded(load_demo(&**store, now)),
            Job::Draft { draft, version } => {
                let result = store.save_draft(*draft).map(|_| ()).map_err(describe);
                Msg::DraftSaved { version, result }
            }
        }
    }

    /// The answer when the job panicked instead of answering.
    fn crashed(self, why: &str) -> Msg {
        match self {
            Job::Commit { changes, label } => Msg::Saved {
                changes,
                label,
                result: Err(format!(
                    "the save stopped unexpectedly ({why}); it may not be on disk. Retry; if it \
                     happens again, run `hearback check`."
                )),
            },
            Job::Timeline(id) => Msg::Timeline(
                id,
                Err(format!("reading the timeline stopped unexpectedly ({why})")),
            ),
            Job::History => Msg::History(Err(format!(
                "reading the history stopped unexpectedly ({why}); run `hearback check`"
            ))),
            Job::Demo { .. } => Msg::Reloaded(Err(format!(
                "writing the demo data stopped unexpectedly ({why}); run `hearback check`"
            ))),
            Job::Lease(LeaseRequest { said, .. }) => Msg::Remote {
                said,
                data: Some(Err(format!(
                    "a command from outside stopped unexpectedly ({why}); run `hearback check`"
                ))),
            },
            Job::Draft { version, .. } => Msg::DraftSaved {
                version,
                result: Err(format!(
                    "the draft save stopped unexpectedly ({why}); the next change saves it again"
                )),
            },
        }
    }
}

/// A store error as the user reads it: what happened, then what to do.
fn describe(e: StoreError) -> String {
    format!("{e}. {}", e.advice())
}

/// Writes the demo data (40 customers, seed 7, as `hearback demo` does) into the empty store
/// and reads everything back.
fn load_demo(store: &dyn DataStore, now: Instant) -> Result<Dataset, String> {
    let data = store.load().map_err(describe)?;
    if !data.is_empty() {
        return Err(format!(
            "the store already holds {} customers; demo data goes into an empty store",
            data.customers.len()
        ));
    }
    let mut ids = IdAllocator::after(&data).map_err(|e| e.to_string())?;
    let changes = generate(&DemoOptions::default(), now, &mut ids);
    store.commit(&changes).map_err(describe)?;
    store.load().map_err(describe)
}

/// The handle the loop submits work to.
pub struct Worker {
    jobs: UnboundedSender<Job>,
}

impl Worker {
    /// Starts the worker on the current tokio runtime; finished jobs arrive on the receiver.
    pub fn start(store: Arc<dyn DataStore>) -> (Worker, UnboundedReceiver<Done>) {
        let (jobs, queue) = unbounded_channel();
        let (done, finished) = unbounded_channel();
        tokio::spawn(serve(store, queue, done));
        (Worker { jobs }, finished)
    }

    /// Queues a lease of the store for a command run on the dashboard's behalf; one [`Done`]
    /// (`Msg::Remote`) comes back for it once the command is done.
    pub fn lease(&self, request: LeaseRequest) -> bool {
        self.jobs.send(Job::Lease(request)).is_ok()
    }

    /// Queues the work of `effect` (`now` is the app's time, for the demo data). Returns
    /// whether a job was queued — one [`Done`] will come back for it — or `false` for the
    /// effects the loop handles itself (suspend, quit).
    pub fn submit(&self, effect: Effect, now: Instant) -> bool {
        match Job::from_effect(effect, now) {
            // The worker lives as long as the loop, so the send only fails during shutdown,
            // when no answer is awaited any more.
            Some(job) => self.jobs.send(job).is_ok(),
            None => false,
        }
    }
}

/// Runs jobs one at a time, in order, each on the blocking pool.
async fn serve(
    store: Arc<dyn DataStore>,
    mut queue: UnboundedReceiver<Job>,
    done: UnboundedSender<Done>,
) {
    while let Some(job) = queue.recv().await {
        let fallback = job.clone();
        let store = Arc::clone(&store);
        let finished = match tokio::task::spawn_blocking(move || job.run(&store)).await {
            Ok(msg) => Done {
                msg,
                crashed: false,
            },
            Err(e) => Done {
                msg: fallback.crashed(&e.to_string()),
                crashed: true,
            },
        };
        if done.send(finished).is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_save_the_guard_could_not_count_is_saved_and_says_so() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Arc::new(crate::store::Store::open(dir.path()).expect("open"));
        // The guard's temporary name taken by a directory: it cannot be replaced.
        std::fs::create_dir(dir.path().join("hearback.commits.tmp")).expect("blocks the guard");
        let (worker, mut finished) = Worker::start(store.clone());
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00Z")
            .expect("time")
            .to_utc();
        let changes = ChangeSet::new();
        let label = "nothing".to_string();
        assert!(worker.submit(Effect::Commit { changes, label }, now));
        let done = finished.recv().await.expect("commit answers");
        let Msg::Saved { label, result, .. } = done.msg else {
            panic!("a save answers Saved")
        };
        assert_eq!(result, Ok(()));
        assert!(label.contains("lost-save guard"), "{label}");
    }

    #[tokio::test]
    async fn the_worker_saves_through_any_store_and_says_when_one_is_refused() {
        use crate::store::{DataRead, MemoryStore};
        let store = Arc::new(MemoryStore::new());
        let (worker, mut finished) = Worker::start(store.clone());
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00Z")
            .expect("time")
            .to_utc();
        assert!(worker.submit(Effect::LoadDemo, now));
        let first = finished.recv().await.expect("demo answers");
        assert!(matches!(first.msg, Msg::Reloaded(Ok(ref data)) if data.customers.len() == 40));
        assert_eq!(store.load().expect("load").customers.len(), 40);

        store.refuse_writes();
        let mut changes = ChangeSet::new();
        let data = store.load().expect("load");
        changes.push(crate::core::Change::Customer(data.customers[0].clone()));
        let label = "a customer".to_string();
        assert!(worker.submit(Effect::Commit { changes, label }, now));
        let second = finished.recv().await.expect("commit answers");
        let Msg::Saved { result, .. } = second.msg else {
            panic!("a save answers Saved")
        };
        assert!(result.is_err_and(|e| e.starts_with("not saved")));
    }

    #[tokio::test]
    async fn jobs_answer_in_order_and_saves_are_durable() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Arc::new(crate::store::Store::open(dir.path()).expect("open"));
        let (worker, mut finished) = Worker::start(store.clone());
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00Z")
            .expect("time")
            .to_utc();
        assert!(worker.submit(Effect::LoadDemo, now));
        assert!(!worker.submit(Effect::Quit, now));
        assert!(worker.submit(
            Effect::Commit {
                changes: ChangeSet::new(),
                label: "nothing".into()
            },
            now
        ));
        let first = finished.recv().await.expect("demo answers");
        let Msg::Reloaded(Ok(data)) = first.msg else {
            panic!("demo first, loaded")
        };
        assert_eq!(data.customers.len(), 40);
        let second = finished.recv().await.expect("commit answers");
        assert!(matches!(second.msg, Msg::Saved { result: Ok(()), .. }));
        assert_eq!(store.load().expect("load").customers.len(), 40);

        // A second demo into a full store is refused, not added.
        assert!(worker.submit(Effect::LoadDemo, now));
        let third = finished.recv().await.expect("answers");
        assert!(matches!(third.msg, Msg::Reloaded(Err(ref e)) if e.contains("empty store")));
        let id = data.customers[0].id;
        assert!(worker.submit(Effect::LoadTimeline(id), now));
        let fourth = finished.recv().await.expect("answers");
        assert!(
            matches!(fourth.msg, Msg::Timeline(got, Ok(ref events)) if got == id && !events.is_empty())
        );

        // A draft is written like any commit and answers with its version.
        let draft = Draft {
            interview: data.interviews[0].clone(),
            cursor: Default::default(),
            saved_at: now,
        };
        let effect = Effect::SaveDraft {
            draft: draft.clone(),
            version: 9,
        };
        assert!(worker.submit(effect, now));
        let fifth = finished.recv().await.expect("answers");
        assert!(matches!(
            fifth.msg,
            Msg::DraftSaved {
                version: 9,
                result: Ok(())
            }
        ));
        assert_eq!(store.all::<Draft>().expect("drafts"), vec![draft]);
    }
}
