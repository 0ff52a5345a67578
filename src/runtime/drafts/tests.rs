use super::*;
use crate::core::{CustomerId, Interview, InterviewStatus, Trigger};

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
    let store = crate::store::Store::open(dir.path()).expect("open");
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
        work_week: Default::default(),
        questions: crate::core::QuestionSet::defaults(),
        keys: Default::default(),
        notifications: Default::default(),
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
    let store = crate::store::Store::open(dir.path()).expect("open");
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
        work_week: Default::default(),
        questions: crate::core::QuestionSet::defaults(),
        keys: Default::default(),
        notifications: Default::default(),
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
