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
use crate::core::{Change, ChangeSet, Draft, InterviewId, InterviewStatus};
use crate::store::Store;
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
pub fn resume(app: &mut App, store: &Store) {
    let drafts = match store.all::<Draft>() {
        Ok(drafts) => drafts,
        Err(e) => {
            app.message = Some(format!(
                "cannot read the saved interview draft: {e}. {}",
                e.advice()
            ));
            return;
        }
    };
    let open = |d: &Draft| {
        app.data
            .interviews
            .iter()
            .find(|i| i.id == d.interview.id)
            .is_none_or(|i| {
                !matches!(
                    i.status,
                    InterviewStatus::Completed | InterviewStatus::Cancelled
                )
            })
    };
    // A draft with nothing entered is what looking at a form used to leave: removed, so a
    // form glanced at yesterday does not reopen today with its timer "OVER".
    let (empty, drafts): (Vec<Draft>, Vec<Draft>) =
        drafts.into_iter().partition(Draft::nothing_entered);
    if !empty.is_empty() {
        let mut set = ChangeSet::new();
        for d in &empty {
            set.push(Change::DiscardDraft(d.interview.id));
        }
        if let Err(e) = store.commit(&set) {
            app.message = Some(format!(
                "cannot remove {} empty interview draft(s): {e}. {}",
                empty.len(),
                e.advice()
            ));
        }
    }
    let latest = drafts.into_iter().filter(open).max_by_key(|d| d.saved_at);
    if let Some(draft) = latest {
        app.resume(draft);
    }
}

/// Whether `changes` store interview `id` as completed or cancelled.
fn closes(changes: &ChangeSet, id: InterviewId) -> bool {
    changes.changes.iter().any(|c| {
        matches!(c, Change::Interview(i) if i.id == id
            && matches!(i.status, InterviewStatus::Completed | InterviewStatus::Cancelled))
    })
}

fn discarded(changes: &ChangeSet) -> impl Iterator<Item = InterviewId> + '_ {
    changes.changes.iter().filter_map(|c| match c {
        Change::DiscardDraft(id) => Some(*id),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{CustomerId, Interview, Trigger};

    fn draft(id: u64, comment: &str) -> Draft {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00Z")
            .expect("time")
            .to_utc();
        let mut interview = Interview::booked(InterviewId(id), CustomerId(1), Trigger::Cadence, at);
        interview.location = Some(comment.into());
        Draft {
            interview,
            cursor: Default::default(),
            saved_at: at,
        }
    }

    /// What `take` would write: (interview, version).
    fn written(drafts: &mut Drafts) -> Vec<(u64, u64)> {
        let mut out = Vec::new();
        drafts.take(|e| {
            if let Effect::SaveDraft { draft, version } = e {
                out.push((draft.interview.id.0, version));
            }
            true
        });
        out
    }

    fn discard(id: u64) -> ChangeSet {
        let mut set = ChangeSet::new();
        set.push(Change::DiscardDraft(InterviewId(id)));
        set
    }

    /// What completing an interview commits: the interview, completed, and its draft removed.
    fn complete(id: u64) -> ChangeSet {
        let mut set = discard(id);
        let mut done = draft(id, "").interview;
        done.status = InterviewStatus::Completed;
        set.push(Change::Interview(done));
        set
    }

    #[test]
    fn the_first_change_arms_the_deadline_and_later_ones_do_not_move_it() {
        let mut d = Drafts::default();
        let t0 = Instant::now();
        assert_eq!(d.offer(draft(7, "a"), 1, t0), Some(t0 + DEBOUNCE));
        let later = t0 + Duration::from_millis(30);
        assert_eq!(d.offer(draft(7, "ab"), 2, later), None);
        assert_eq!(d.deadline, Some(t0 + DEBOUNCE));
        assert!(d.armed());
        assert!(!d.due(later) && d.due(t0 + DEBOUNCE));
        // Only the newest draft of the interview is written.
        assert_eq!(written(&mut d), vec![(7, 2)]);
        assert!(!d.armed());
        // While that write is in flight the next deadline is armed but not waited on.
        assert!(d.offer(draft(7, "abc"), 3, later).is_some());
        assert!(!d.armed());
        assert_eq!(d.answered(true), Some(InterviewId(7)));
        assert!(d.armed());
    }

    #[test]
    fn a_failed_write_waits_for_the_next_change_or_the_exit() {
        let mut d = Drafts::default();
        let t0 = Instant::now();
        d.offer(draft(7, "a"), 1, t0);
        written(&mut d);
        d.answered(false);
        assert!(!d.armed(), "no retry loop on a failing disk");
        assert_eq!(written(&mut d), vec![(7, 1)]);
        d.close();
        d.answered(false);
        assert!(written(&mut d).is_empty(), "at exit a failure is final");
    }

    #[test]
    fn completing_drops_the_pending_draft_and_a_late_one_is_ignored() {
        let mut d = Drafts::default();
        let t0 = Instant::now();
        d.offer(draft(7, "a"), 1, t0);
        d.offer(draft(8, "other"), 1, t0);
        let set = complete(7);
        d.completing(&set);
        assert!(d.offer(draft(7, "late"), 2, t0).is_none());
        assert_eq!(
            written(&mut d),
            vec![(8, 1)],
            "the other interview still saves"
        );
        assert!(d.settled(&set, true, t0).is_none());
        assert!(d.offer(draft(7, "later"), 3, t0).is_none());
        assert!(
            written(&mut d).is_empty(),
            "a completed interview has no draft"
        );
    }

    #[test]
    fn a_failed_completion_writes_the_held_draft_after_all() {
        let mut d = Drafts::default();
        let t0 = Instant::now();
        d.offer(draft(7, "a"), 1, t0);
        let set = discard(7);
        d.completing(&set);
        assert!(!d.armed(), "nothing left to wait for");
        d.offer(draft(7, "ab"), 2, t0);
        assert!(d.settled(&set, false, t0).is_some());
        assert_eq!(written(&mut d), vec![(7, 2)]);
    }

    #[test]
    fn the_latest_open_draft_is_resumed_where_it_was() {
        use crate::app::Rules;
        use crate::core::{Dataset, InterviewStatus};
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("open");
        let mut older = draft(7, "older");
        older.cursor.question = 2;
        let mut newer = draft(8, "newer");
        newer.saved_at += chrono::Duration::minutes(5);
        newer.cursor = crate::core::DraftCursor {
            question: 0,
            editing_comment: true,
            row: 0,
            col: 3,
        };
        newer.interview.answers = vec![Default::default(), Default::default()];
        newer.interview.answers[0].comment = "abcdef".into();
        let mut stale = draft(9, "completed since");
        stale.saved_at += chrono::Duration::minutes(10);
        let mut set = ChangeSet::new();
        for d in [&older, &newer, &stale] {
            set.push(Change::Draft(d.clone()));
        }
        store.commit(&set).expect("commit");

        let mut data = Dataset::default();
        let mut completed = stale.interview.clone();
        completed.status = InterviewStatus::Completed;
        data.interviews = vec![older.interview.clone(), newer.interview.clone(), completed];
        let rules = Rules {
            policy: Default::default(),
            calendar: Default::default(),
            questions: crate::core::QuestionSet::defaults(),
        };
        let now = newer.saved_at;
        let mut app = App::new(data, rules, now, true, "dir".into(), "tester".into());
        resume(&mut app, &store);
        let form = app.form.as_ref().expect("a form reopened");
        assert_eq!(form.interview.id, InterviewId(8));
        assert_eq!(form.cursor(), newer.cursor, "cursor included");
        assert!(form.is_saved());
    }

    #[test]
    fn after_a_discard_the_interview_saves_drafts_again() {
        let mut d = Drafts::default();
        let t0 = Instant::now();
        d.offer(draft(7, "typed"), 1, t0);
        let set = discard(7);
        d.completing(&set);
        assert!(d.settled(&set, true, t0).is_none());
        assert!(written(&mut d).is_empty(), "the discarded draft is gone");
        // Unlike a completion, the interview is still booked: opened again, it saves again.
        assert!(d.offer(draft(7, "again"), 1, t0).is_some());
        assert_eq!(written(&mut d), vec![(7, 1)]);
    }

    #[test]
    fn a_draft_with_nothing_entered_is_not_resumed_and_is_removed() {
        use crate::app::Rules;
        use crate::core::Dataset;
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("open");
        // What opening a form to look used to leave: started, nothing entered.
        let mut looked = draft(7, "looked at");
        looked.interview.answers = vec![Default::default(); 6];
        looked.interview.started_at = Some(looked.saved_at);
        let mut set = ChangeSet::new();
        set.push(Change::Draft(looked.clone()));
        store.commit(&set).expect("commit");
        let mut data = Dataset::default();
        let mut booked = looked.interview.clone();
        booked.started_at = None;
        data.interviews = vec![booked];
        let rules = Rules {
            policy: Default::default(),
            calendar: Default::default(),
            questions: crate::core::QuestionSet::defaults(),
        };
        let later = looked.saved_at + chrono::Duration::days(1);
        let mut app = App::new(data, rules, later, true, "dir".into(), "tester".into());
        resume(&mut app, &store);
        assert!(app.form.is_none(), "no form reopens at start");
        assert!(
            store.all::<Draft>().expect("read").is_empty(),
            "and the empty draft is gone"
        );
    }

    #[test]
    fn an_in_flight_draft_failing_after_completion_is_not_kept() {
        let mut d = Drafts::default();
        let t0 = Instant::now();
        d.offer(draft(7, "a"), 1, t0);
        written(&mut d);
        let set = complete(7);
        d.completing(&set);
        d.answered(false);
        d.settled(&set, true, t0);
        assert!(written(&mut d).is_empty());
    }
}
