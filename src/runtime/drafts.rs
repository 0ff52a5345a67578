//! Draft autosave, debounced: the form asks for a save on every change; the loop keeps only the
//! newest draft of each interview and writes it once the deadline armed by the first unsaved
//! change has passed. Later changes do not move the deadline, so someone typing without a
//! pause still gets a save every [`DEBOUNCE`]; someone who stops gets one save, not one per key.
//!
//! The writes go through the ordered job worker, so typing never waits for a flush. At most one
//! batch of drafts is in flight: when the disk is slower than the debounce, the newest draft is
//! written as soon as the previous write answers, instead of a queue of stale ones.
//!
//! Completing an interview races with its autosave: the commit that stores the interview also
//! removes its draft (`Change::DiscardDraft`). A draft already queued is written before that
//! commit (the worker keeps order); one still waiting here is held back until the commit
//! answers — dropped if it succeeded, written after all if it failed, since the form then
//! stays open with the text in it.

use crate::app::{App, Effect};
use crate::core::{Change, ChangeSet, Draft, InterviewId};
use crate::store::DataStore;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::time::Duration;
use tokio::time::Instant;

/// How long after the first unsaved change the draft is written. The promise is that a crash
/// loses at most the last 100 ms of typing, and a write takes a flush and an fdatasync on top
/// of the wait (a few ms on an SSD, more on a busy disk): waiting 100 ms would spend the whole
/// budget before the write even starts.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

/// A draft waiting to be written, with the form version it holds.
#[derive(Debug)]
struct Pending {
    draft: Draft,
    version: u64,
}

impl Pending {
    fn id(&self) -> InterviewId {
        self.draft.interview.id
    }
}

/// Commits that discard a draft, on their way to disk.
#[derive(Debug, Default)]
struct Held {
    /// How many such commits for this interview have not answered yet.
    commits: usize,
    /// The newest draft offered meanwhile.
    draft: Option<Pending>,
}

/// The drafts the loop has not written yet, and what it knows of the ones it has.
#[derive(Debug, Default)]
pub struct Drafts {
    pending: BTreeMap<InterviewId, Pending>,
    /// When the pending drafts are due; `None` when none are waiting for a deadline.
    deadline: Option<Instant>,
    /// Submitted and not answered yet, in submission order (the worker answers in that order).
    in_flight: VecDeque<Pending>,
    /// Interviews whose completing commit is on its way.
    held: BTreeMap<InterviewId, Held>,
    /// Interviews completed in this run: no draft of theirs is ever written again.
    completed: BTreeSet<InterviewId>,
    /// Leaving: a failed write is reported, not kept for another try.
    closing: bool,
}

impl Drafts {
    /// Keeps `draft` as the newest of its interview. Returns the deadline if this change armed
    /// it (nothing was waiting before), so the loop can set its timer.
    pub fn offer(&mut self, draft: Draft, version: u64, now: Instant) -> Option<Instant> {
        let pending = Pending { draft, version };
        let id = pending.id();
        if self.completed.contains(&id) {
            return None;
        }
        if let Some(held) = self.held.get_mut(&id) {
            held.draft = Some(pending);
            return None;
        }
        self.pending.insert(id, pending);
        self.arm(now)
    }

    fn arm(&mut self, now: Instant) -> Option<Instant> {
        if self.deadline.is_some() {
            return None;
        }
        let at = now + DEBOUNCE;
        self.deadline = Some(at);
        Some(at)
    }

    /// Whether the timer should be waited on: a deadline is armed and no write is in flight
    /// (the next one waits for that answer, then goes at once if its deadline passed).
    pub fn armed(&self) -> bool {
        self.deadline.is_some() && self.in_flight.is_empty()
    }

    /// Whether the drafts are due at `now` and may be written (see [`Drafts::armed`]).
    pub fn due(&self, now: Instant) -> bool {
        self.armed() && self.deadline.is_some_and(|at| at <= now)
    }

    /// Hands every pending draft to `submit` (which returns whether it was queued) and
    /// disarms. Returns how many were queued; each answers with one `DraftSaved`.
    pub fn take(&mut self, mut submit: impl FnMut(Effect) -> bool) -> usize {
        self.deadline = None;
        let mut queued = 0;
        for (_, pending) in std::mem::take(&mut self.pending) {
            let effect = Effect::SaveDraft {
                draft: pending.draft.clone(),
                version: pending.version,
            };
            if submit(effect) {
                self.in_flight.push_back(pending);
                queued += 1;
            }
        }
        queued
    }

    /// A draft write answered (the oldest in flight). A failed one is kept, unarmed, unless a
    /// newer draft of its interview came meanwhile: the next change or the exit writes it.
    /// Returns the interview, for the report at exit.
    pub fn answered(&mut self, ok: bool) -> Option<InterviewId> {
        let pending = self.in_flight.pop_front()?;
        let id = pending.id();
        let superseded = self.pending.contains_key(&id)
            || self.held.contains_key(&id)
            || self.completed.contains(&id);
        if !ok && !self.closing && !superseded {
            self.pending.insert(id, pending);
        }
        Some(id)
    }

    /// A commit is about to be queued: the drafts it discards stop here until it answers.
    pub fn completing(&mut self, changes: &ChangeSet) {
        for id in discarded(changes) {
            let draft = self.pending.remove(&id);
            let held = self.held.entry(id).or_default();
            held.commits += 1;
            if draft.is_some() {
                held.draft = draft;
            }
        }
        if self.pending.is_empty() {
            self.deadline = None;
        }
    }

    /// A commit answered. Succeeded: its held drafts are dropped, and interviews it completed
    /// never save a draft again (a discarded draft's interview is still booked: it may).
    /// Failed: the held draft is pending again; returns the deadline if that armed it.
    pub fn settled(&mut self, changes: &ChangeSet, ok: bool, now: Instant) -> Option<Instant> {
        let mut armed = None;
        for id in discarded(changes) {
            let Some(held) = self.held.get_mut(&id) else {
                continue;
            };
            held.commits = held.commits.saturating_sub(1);
            if ok {
                self.held.remove(&id);
                if closes(changes, id) {
                    self.completed.insert(id);
                }
            } else if held.commits == 0
                && let Some(pending) = self.held.remove(&id).and_then(|h| h.draft)
            {
                self.pending.insert(id, pending);
                armed = armed.or(self.arm(now));
            }
        }
        armed
    }

    /// From now on a failed write is final (the loop is leaving).
    pub fn close(&mut self) {
        self.closing = true;
    }
}

/// Reopens the interview that was being recorded when hearback last stopped (a crash, a kill,
/// a closed terminal or a quit), exactly where it was. With several drafts, the most recently
/// saved one; the others stay in the store. A draft whose interview is already completed or
/// cancelled is stale and not reopened.
pub fn resume(app: &mut App, store: &dyn DataStore) {
    let drafts = match store.drafts() {
        Ok(drafts) => drafts,
        Err(e) => {
            app.message = Some(format!(
                "cannot read the saved interview draft: {e}. {}",
                e.advice()
            ));
            return;
        }
    };
    // A draft with nothing entered is what looking at a form used to leave: removed, so a
    // form glanced at yesterday does not reopen today with its timer "OVER".
    let (empty, drafts): (Vec<Draft>, Vec<Draft>) =
        drafts.into_iter().partition(Draft::nothing_entered);
    if !empty.is_empty() {
        let ids: Vec<InterviewId> = empty.iter().map(|d| d.interview.id).collect();
        if let Err(e) = store.remove_drafts(&ids) {
            app.message = Some(format!(
                "cannot remove {} empty interview draft(s): {e}. {}",
                empty.len(),
                e.advice()
            ));
        }
    }
    if let Some(draft) = crate::core::draft::to_reopen(drafts, &app.data.interviews) {
        app.resume(draft);
    }
}

/// Whether `changes` store interview `id` as completed or cancelled.
fn closes(changes: &ChangeSet, id: InterviewId) -> bool {
    changes.changes.iter().any(
        |c| matches!(c, Change::Interview(i) if i.id == id && crate::core::draft::is_closed(i)),
    )
}

fn discarded(changes: &ChangeSet) -> impl Iterator<Item = InterviewId> + '_ {
    changes.changes.iter().filter_map(|c| match c {
        Change::DiscardDraft(id) => Some(*id),
        _ => None,
    })
}

#[cfg(test)]
mod tests;
