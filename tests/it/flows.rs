//! Table-driven tests of the pure flows: completing an interview, the follow-up lifecycle and
//! the feedback calendar's spacing rule.

use crate::common;

use chrono::Duration;
use common::{at, customer, followup, interview, staff};
use hearback::core::completion::{CompletionError, participants, plan_completion};
use hearback::core::followup_flow::{
    FlowError, assign, close, commit_report, present_report, record_contact, snooze,
};
use hearback::core::policy::Policy;
use hearback::core::queue::{DueState, Item, ItemKind, Obligation, Subject};
use hearback::core::senior::{Senior, SeniorSource};
use hearback::core::spacing::spacing_conflict;
use hearback::core::*;

// ---------------------------------------------------------------------------------------------
// Shared set-up

/// Staff: 1 account manager, 2 salesperson, 3 an executive without the senior role, 4 service
/// manager, 6 a senior manager who has left, 7 and 9 active senior managers, 8 the executive
/// sponsor (senior management).
fn team() -> Vec<Staff> {
    let mut left = staff(6, "Former Senior", vec![Role::SeniorManagement]);
    left.active = false;
    vec![
        staff(1, "Dana Reyes", vec![Role::AccountManager]),
        staff(2, "Sam Cole", vec![Role::Salesperson]),
        staff(3, "Bo Berg", vec![Role::Executive]),
        staff(4, "Lee Wong", vec![Role::ServiceManager]),
        left,
        staff(7, "Ana Silva", vec![Role::SeniorManagement]),
        staff(8, "Kim Park", vec![Role::Executive, Role::SeniorManagement]),
        staff(9, "Zoe Hart", vec![Role::SeniorManagement, Role::President]),
    ]
}

/// Customer 10, active, looked after by 1 (AM), 2 (sales), 4 (service) and 8 (sponsor).
fn acme() -> Customer {
    let mut c = customer(10, "Acme Freight", 125_000_000);
    c.lifecycle = Lifecycle::Active;
    c.account_manager = Some(StaffId(1));
    c.salesperson = Some(StaffId(2));
    c.service_manager = Some(StaffId(4));
    c.executive_sponsor = Some(StaffId(8));
    c
}

fn data_with(c: Customer) -> Dataset {
    Dataset {
        staff: team(),
        customers: vec![c],
        ..Dataset::default()
    }
}

fn ids(list: &[u64]) -> Vec<StaffId> {
    list.iter().copied().map(StaffId).collect()
}

/// The timeline events in a change set.
fn events(set: &ChangeSet) -> Vec<&TimelineEvent> {
    set.changes
        .iter()
        .filter_map(|c| match c {
            Change::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Who takes part in a low-score follow-up

#[test]
fn participants_by_severity() {
    type Setup = fn(&mut Dataset);
    let no_change: Setup = |_| {};
    let role = |id: u64| Senior::Attends {
        id: StaffId(id),
        source: SeniorSource::Role,
    };
    let sponsor = |id: u64| Senior::Attends {
        id: StaffId(id),
        source: SeniorSource::SponsorFallback,
    };
    // Before issue 11 the last senior case silently returned the two managers only; now the
    // sponsor stands in when nobody holds the role, and nobody at all is a typed `Missing`.
    #[rustfmt::skip]
    let cases: [(&str, Setup, u8, &[u64], Senior); 11] = [
        ("3: account manager and service manager", no_change, 3, &[1, 4], Senior::NotNeeded),
        ("2: plus the sponsor, who holds senior management", no_change, 2, &[1, 4, 8], role(8)),
        ("1: the same", no_change, 1, &[1, 4, 8], role(8)),
        ("sponsor without the senior role: lowest-id active senior manager (6 has left)",
            |d| d.customers[0].executive_sponsor = Some(StaffId(3)), 1, &[1, 4, 7], role(7)),
        ("no sponsor: lowest-id active senior manager", |d| d.customers[0].executive_sponsor = None, 2, &[1, 4, 7], role(7)),
        ("sponsor not on file: lowest-id active senior manager", |d| d.customers[0].executive_sponsor = Some(StaffId(99)), 2, &[1, 4, 7], role(7)),
        ("nobody holds the role: the sponsor stands in",
            |d| { d.staff.iter_mut().for_each(|s| s.roles.retain(|r| *r != Role::SeniorManagement)); }, 2, &[1, 4, 8], sponsor(8)),
        ("no senior manager and no sponsor: said, not dropped",
            |d| { d.staff.iter_mut().for_each(|s| s.roles.retain(|r| *r != Role::SeniorManagement)); d.customers[0].executive_sponsor = None; },
            1, &[1, 4], Senior::Missing),
        ("no senior manager at all (the sponsor held the role and is gone too)",
            |d| d.staff.retain(|s| !s.has_role(Role::SeniorManagement)), 1, &[1, 4], Senior::Missing),
        ("no service manager on file", |d| d.customers[0].service_manager = None, 3, &[1], Senior::NotNeeded),
        ("account manager is also the service manager: named once", |d| d.customers[0].service_manager = Some(StaffId(1)), 3, &[1], Senior::NotNeeded),
    ];
    for (name, setup, severity, want, senior) in cases {
        let mut data = data_with(acme());
        setup(&mut data);
        let got = participants(&data, &data.customers[0], severity, &Policy::default());
        assert_eq!(got.people, ids(want), "{name}");
        assert_eq!(got.senior, senior, "{name}");
    }
}

#[test]
fn participants_follow_the_policy_senior_max() {
    let data = data_with(acme());
    let mut policy = Policy::default();
    policy.low_scores.senior_max = 1;
    let c = &data.customers[0];
    assert_eq!(participants(&data, c, 2, &policy).people, ids(&[1, 4]));
    assert_eq!(participants(&data, c, 1, &policy).people, ids(&[1, 4, 8]));
}

#[test]
fn participants_follow_the_policy_named_people() {
    let mut data = data_with(acme());
    data.staff
        .iter_mut()
        .for_each(|s| s.roles.retain(|r| *r != Role::SeniorManagement));
    let mut policy = Policy::default();
    policy.senior_management.people = vec!["zoe hart".into()];
    let got = participants(&data, &data.customers[0], 2, &policy);
    assert_eq!(got.people, ids(&[1, 4, 9]));
    assert_eq!(
        got.senior,
        Senior::Attends {
            id: StaffId(9),
            source: SeniorSource::Named
        }
    );
}

#[test]
fn participants_name_each_person_once() {
    // The account manager is also the senior sponsor: named once.
    let mut data = data_with(acme());
    data.staff[0].roles.push(Role::SeniorManagement);
    data.customers[0].executive_sponsor = Some(StaffId(1));
    let got = participants(&data, &data.customers[0], 1, &Policy::default());
    assert_eq!(got.people, ids(&[1, 4]));
}

#[test]
fn participants_skip_a_sponsor_who_has_left() {
    let mut data = data_with(acme());
    for s in data.staff.iter_mut().filter(|s| s.id == StaffId(8)) {
        s.active = false; // Kim Park, the sponsor, has left
    }
    let got = participants(&data, &data.customers[0], 1, &Policy::default());
    assert_eq!(got.people, ids(&[1, 4, 7]));
}

// ---------------------------------------------------------------------------------------------
// Completing an interview

/// Interview 20 of customer 10, booked and not yet completed, with scores for q1..q6
/// (`None` = not scored).
fn booked(scores: [Option<u8>; 6]) -> Interview {
    let mut i = interview(20, 10);
    i.status = InterviewStatus::InProgress;
    i.started_at = None;
    i.completed_at = None;
    for (a, s) in i.answers.iter_mut().zip(scores) {
        a.score = s.and_then(Score::new);
    }
    i
}

const ALL_FIVE: [Option<u8>; 6] = [Some(5); 6];

#[test]
fn completion_opens_a_follow_up_only_for_low_scores() {
    // (name, scores, policy threshold, expected (severity, low questions, participants))
    type Want = Option<(u8, &'static [&'static str], &'static [u64])>;
    #[rustfmt::skip]
    let cases: [(&str, [Option<u8>; 6], u8, Want); 7] = [
        ("all fives: no follow-up", ALL_FIVE, 4, None),
        ("all fours: 4 is not below 4", [Some(4); 6], 4, None),
        ("two threes", [Some(5), Some(3), Some(4), Some(5), Some(3), Some(5)], 4, Some((3, &["q2", "q5"], &[1, 4]))),
        ("a two among threes: senior management too", [Some(3), Some(2), Some(5), None, Some(4), Some(3)], 4,
            Some((2, &["q1", "q2", "q6"], &[1, 4, 8]))),
        ("a one", [Some(1), Some(5), Some(5), Some(5), Some(5), Some(5)], 4, Some((1, &["q1"], &[1, 4, 8]))),
        ("threshold 5: a four is low too", [Some(5), Some(4), Some(5), None, Some(5), Some(5)], 5, Some((4, &["q2"], &[1, 4]))),
        ("threshold 3: a three is not low", [Some(5), Some(3), Some(5), Some(3), Some(5), Some(5)], 3, None),
    ];
    for (name, scores, threshold, want) in cases {
        let data = data_with(acme());
        let mut policy = Policy::default();
        policy.low_scores.threshold = threshold;
        let mut alloc = IdAllocator::starting_at(500);
        let plan = plan_completion(
            &data,
            booked(scores),
            &policy,
            at(60),
            "Dana Reyes",
            &mut alloc,
        )
        .expect(name);
        let got = plan.followup.as_ref().map(|f| {
            let keys: Vec<&str> = f.low_questions.iter().map(String::as_str).collect();
            (f.severity.get(), keys, f.participants.clone())
        });
        let want = want.map(|(s, keys, people)| (s, keys.to_vec(), ids(people)));
        assert_eq!(got, want, "{name}");
        // An id is taken from the allocator only when a follow-up is opened.
        let next = if want.is_some() { 501 } else { 500 };
        assert_eq!(alloc.next_id(), next, "{name}: allocator");
    }
}

#[test]
fn completion_writes_interview_follow_up_and_events_in_one_set() {
    let data = data_with(acme());
    let mut alloc = IdAllocator::starting_at(500);
    let scores = [Some(5), Some(2), Some(4), None, Some(3), Some(5)];
    let plan = plan_completion(
        &data,
        booked(scores),
        &Policy::default(),
        at(60),
        "Dana Reyes",
        &mut alloc,
    )
    .expect("completes");

    let i = &plan.interview;
    assert_eq!(i.status, InterviewStatus::Completed);
    assert_eq!(i.completed_at, Some(at(60)));
    assert_eq!(
        i.started_at,
        Some(at(60)),
        "started_at filled in when missing"
    );

    let f = plan
        .followup
        .as_ref()
        .expect("a low score opens a follow-up");
    assert_eq!(f.id, FollowUpId(500), "the id comes from the allocator");
    assert_eq!((f.customer, f.interview), (CustomerId(10), InterviewId(20)));
    assert_eq!(f.owner, Some(StaffId(1)), "owned by the account manager");
    assert_eq!(f.state, FollowUpState::Open);
    assert_eq!(f.opened_at, at(60));
    assert!(f.context.is_empty() && f.contacted_at.is_none() && f.closed_at.is_none());

    let c = &plan.changes.changes;
    assert_eq!(c.len(), 4, "{c:#?}");
    assert_eq!(c[0], Change::Interview(plan.interview.clone()));
    assert_eq!(c[2], Change::FollowUp(f.clone()));
    let ev = events(&plan.changes);
    let kinds: Vec<EventKind> = ev.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [EventKind::InterviewCompleted, EventKind::FollowUpOpened]
    );
    for e in &ev {
        assert_eq!(
            (e.customer, e.at, e.actor.as_str()),
            (CustomerId(10), at(60), "Dana Reyes")
        );
    }
    assert_eq!(ev[0].reference.as_deref(), Some("I20"));
    assert_eq!(
        ev[0].summary,
        "Interview I20 completed: average 3.8, lowest 2"
    );
    assert_eq!(ev[1].reference.as_deref(), Some("F500"));
    assert_eq!(
        ev[1].summary,
        "Lowest score 2 on q2: follow-up F500 opened for Dana Reyes, Lee Wong, Kim Park"
    );
}

#[test]
fn completion_keeps_an_existing_start_time_and_accepts_a_scheduled_interview() {
    let data = data_with(acme());
    let mut i = booked(ALL_FIVE);
    i.status = InterviewStatus::Scheduled;
    i.started_at = Some(at(10));
    let plan = plan_completion(
        &data,
        i,
        &Policy::default(),
        at(45),
        "Dana Reyes",
        &mut IdAllocator::starting_at(1),
    )
    .expect("a scheduled interview can be completed");
    assert_eq!(plan.interview.started_at, Some(at(10)));
    assert_eq!(plan.interview.completed_at, Some(at(45)));
    assert!(plan.followup.is_none());
    let kinds: Vec<EventKind> = events(&plan.changes).iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [EventKind::InterviewCompleted]);
    assert_eq!(plan.changes.len(), 2);
}

#[test]
fn completion_refusals() {
    type Setup = fn(&mut Interview);
    let cases: [(&str, Setup, CompletionError, &str); 4] = [
        (
            "already completed",
            |i| i.status = InterviewStatus::Completed,
            CompletionError::NotOpen("I20".into(), "completed"),
            "interview I20 is already completed",
        ),
        (
            "cancelled",
            |i| i.status = InterviewStatus::Cancelled,
            CompletionError::NotOpen("I20".into(), "cancelled"),
            "interview I20 is already cancelled",
        ),
        (
            "nothing scored",
            |i| i.answers.iter_mut().for_each(|a| a.score = None),
            CompletionError::NoScores("I20".into()),
            "interview I20 has no scores; score at least one question (or mark it cancelled)",
        ),
        (
            "unknown customer",
            |i| i.customer = CustomerId(77),
            CompletionError::UnknownCustomer("I20".into(), "C77".into()),
            "interview I20 names customer C77, which does not exist",
        ),
    ];
    for (name, setup, want, message) in cases {
        let data = data_with(acme());
        let mut i = booked([Some(1); 6]);
        setup(&mut i);
        let mut alloc = IdAllocator::starting_at(500);
        let err = plan_completion(
            &data,
            i,
            &Policy::default(),
            at(60),
            "Dana Reyes",
            &mut alloc,
        )
        .expect_err(name);
        assert_eq!(err, want, "{name}");
        assert_eq!(err.to_string(), message, "{name}");
        assert_eq!(alloc.next_id(), 500, "{name}: no id used by a refusal");
    }
}

// ---------------------------------------------------------------------------------------------
// The follow-up lifecycle

/// Follow-up 30 of customer 11 in `state`, with context only once contacted.
fn fu(state: FollowUpState) -> FollowUp {
    let mut f = followup(30);
    f.customer = CustomerId(11);
    f.state = state;
    if state == FollowUpState::Open {
        f.contacted_at = None;
        f.context = String::new();
    }
    f
}

/// The follow-up written by a step, and checks that its one event is for the right customer.
fn written(set: &ChangeSet, kind: EventKind, actor: &str, when: Instant) -> FollowUp {
    assert_eq!(set.len(), 2, "{set:#?}");
    let Change::FollowUp(f) = &set.changes[0] else {
        panic!("the follow-up comes first: {set:#?}")
    };
    let ev = events(set);
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].kind, kind);
    assert_eq!(
        ev[0].customer, f.customer,
        "event on the follow-up's customer"
    );
    assert_eq!((ev[0].actor.as_str(), ev[0].at), (actor, when));
    assert_eq!(ev[0].reference.as_deref(), Some("F30"));
    f.clone()
}

#[test]
fn record_contact_sanitises_and_moves_open_to_contacted() {
    let raw =
        "  Invoices went to the \u{1b}[31mold\u{1b}[0m address\r\nThey want a credit note.\u{7}  ";
    let set = record_contact(fu(FollowUpState::Open), raw, "Dana Reyes", at(600)).expect("records");
    let f = written(&set, EventKind::FollowUpContacted, "Dana Reyes", at(600));
    assert_eq!(f.customer, CustomerId(11));
    assert_eq!(f.state, FollowUpState::Contacted);
    assert_eq!(f.contacted_at, Some(at(600)));
    assert_eq!(
        f.context,
        "Invoices went to the old address\nThey want a credit note."
    );
    assert_eq!(
        events(&set)[0].summary,
        "Customer contacted about F30: Invoices went to the old address"
    );
}

#[test]
fn record_contact_again_appends_and_keeps_the_first_contact_time() {
    // (state before, state after)
    let cases = [
        (FollowUpState::Contacted, FollowUpState::Contacted),
        (
            FollowUpState::ReportCommitted,
            FollowUpState::ReportCommitted,
        ),
    ];
    for (before, after) in cases {
        let first = fu(before);
        let set = record_contact(
            first.clone(),
            "Called again: credit note sent.",
            "Sam Cole",
            at(900),
        )
        .expect("records");
        let f = written(&set, EventKind::FollowUpContacted, "Sam Cole", at(900));
        assert_eq!(f.state, after, "{before:?}");
        assert_eq!(f.contacted_at, first.contacted_at, "{before:?}");
        assert_eq!(
            f.context, "Invoices were sent to the old address.\n\nCalled again: credit note sent.",
            "{before:?}"
        );
    }
}

#[test]
fn record_contact_refusals() {
    let cases: [(&str, FollowUp, &str, FlowError); 3] = [
        (
            "blank",
            fu(FollowUpState::Open),
            "   \n\t ",
            FlowError::EmptyContext("F30".into()),
        ),
        (
            "only escape sequences",
            fu(FollowUpState::Open),
            "\u{1b}[2J\u{1b}[0m",
            FlowError::EmptyContext("F30".into()),
        ),
        (
            "closed",
            fu(FollowUpState::Closed),
            "More to say",
            FlowError::WrongState(
                "F30".into(),
                "closed",
                "reopen is not supported; add a note to the customer's timeline instead",
            ),
        ),
    ];
    for (name, f, text, want) in cases {
        assert_eq!(
            record_contact(f, text, "Dana Reyes", at(600)),
            Err(want),
            "{name}"
        );
    }
}

#[test]
fn commit_report_only_from_contacted() {
    let set = commit_report(fu(FollowUpState::Contacted), "Dana Reyes", at(700)).expect("commits");
    let f = written(
        &set,
        EventKind::FollowUpReportCommitted,
        "Dana Reyes",
        at(700),
    );
    assert_eq!(
        (f.state, f.report_committed_at),
        (FollowUpState::ReportCommitted, Some(at(700)))
    );

    let cases = [
        (
            FollowUpState::Open,
            "open",
            "record the contact and its context first",
        ),
        (
            FollowUpState::ReportCommitted,
            "waiting for its formal report",
            "nothing to commit",
        ),
        (FollowUpState::Closed, "closed", "nothing to commit"),
    ];
    for (state, name, what) in cases {
        let err = commit_report(fu(state), "Dana Reyes", at(700)).expect_err(name);
        assert_eq!(
            err,
            FlowError::WrongState("F30".into(), name, what),
            "{state:?}"
        );
    }
}

#[test]
fn present_report_from_contacted_or_committed() {
    // (state, committed earlier, expected committed_at)
    let cases = [
        (FollowUpState::Contacted, None, at(800)),
        (FollowUpState::ReportCommitted, Some(at(700)), at(700)),
    ];
    for (state, committed, want_committed) in cases {
        let mut f = fu(state);
        f.report_committed_at = committed;
        let set = present_report(f, "Dana Reyes", at(800)).expect("presents");
        let f = written(
            &set,
            EventKind::FollowUpReportPresented,
            "Dana Reyes",
            at(800),
        );
        assert_eq!(f.state, FollowUpState::ReportCommitted, "{state:?}");
        assert_eq!(f.report_committed_at, Some(want_committed), "{state:?}");
        assert_eq!(f.report_presented_at, Some(at(800)), "{state:?}");
    }
    let refusals = [
        (
            FollowUpState::Open,
            "open",
            "record the contact and its context first",
        ),
        (FollowUpState::Closed, "closed", "nothing to present"),
    ];
    for (state, name, what) in refusals {
        let err = present_report(fu(state), "Dana Reyes", at(800)).expect_err(name);
        assert_eq!(err, FlowError::WrongState("F30".into(), name, what));
    }
}

#[test]
fn close_needs_context_and_says_how_to_record_it() {
    let mut blank = fu(FollowUpState::Contacted);
    blank.context = "  \n ".into();
    for f in [fu(FollowUpState::Open), blank] {
        let err = close(f, "Dana Reyes", at(900)).expect_err("no context");
        assert_eq!(err, FlowError::NoContext("F30".into()));
        let message = err.to_string();
        assert!(message.contains("no context recorded"), "{message}");
        assert!(
            message.contains("hearback followup F30 contacted --context TEXT"),
            "{message}"
        );
    }

    let contacted = record_contact(
        fu(FollowUpState::Open),
        "Wrong address on file.",
        "Dana Reyes",
        at(800),
    )
    .expect("records");
    let f = written(
        &contacted,
        EventKind::FollowUpContacted,
        "Dana Reyes",
        at(800),
    );
    let set = close(f, "Dana Reyes", at(900)).expect("closes once the context is recorded");
    let f = written(&set, EventKind::FollowUpClosed, "Dana Reyes", at(900));
    assert_eq!(
        (f.state, f.closed_at),
        (FollowUpState::Closed, Some(at(900)))
    );
    assert_eq!(events(&set)[0].summary, "Follow-up F30 closed");

    let err = close(f, "Dana Reyes", at(950)).expect_err("already closed");
    assert_eq!(
        err,
        FlowError::WrongState("F30".into(), "closed", "nothing to do")
    );
}

#[test]
fn assign_sets_the_owner_and_adds_them_once() {
    // (to, participants before, participants after)
    let cases: [(u64, &[u64], &[u64]); 3] = [
        (9, &[1, 4], &[9, 1, 4]),
        (4, &[1, 4], &[1, 4]),
        (2, &[], &[2]),
    ];
    for (to, before, after) in cases {
        let mut f = fu(FollowUpState::Open);
        f.participants = ids(before);
        let set = assign(f, StaffId(to), "New Owner", "Dana Reyes", at(100)).expect("assigns");
        let f = written(&set, EventKind::FollowUpAssigned, "Dana Reyes", at(100));
        assert_eq!(f.owner, Some(StaffId(to)));
        assert_eq!(f.participants, ids(after), "assign to {to}");
        assert_eq!(events(&set)[0].summary, "F30 assigned to New Owner");
    }
    let err = assign(
        fu(FollowUpState::Closed),
        StaffId(9),
        "Zoe Hart",
        "Dana Reyes",
        at(100),
    );
    assert_eq!(
        err,
        Err(FlowError::WrongState(
            "F30".into(),
            "closed",
            "nothing to assign"
        ))
    );
}

/// A queue item as the queue would show it: the low-score follow-up 30 of customer 11.
fn low_score_item() -> Item {
    Item {
        obligation: Obligation {
            kind: ItemKind::LowScoreFollowUp,
            subject: Subject::FollowUp(FollowUpId(30)),
            customer: CustomerId(11),
            what: hearback::core::what::What::Text(
                "Lowest score 2 on q1: senior management to attend the call",
            ),
            owner_role: Some(Role::AccountManager),
            owner: Some(StaffId(1)),
            participants: ids(&[1, 4, 8]),
            due: at(1_440),
            severity: Some(2),
            opened_at: None,
        },
        state: DueState::Upcoming,
        snoozed_until: None,
        customer_size: 125_000_000,
        recent: false,
    }
}

#[test]
fn snooze_needs_a_reason_and_a_future_time() {
    let item = low_score_item();
    let cases = [
        (
            "no reason",
            at(2_000),
            "",
            "a snooze needs a reason (--reason TEXT)",
        ),
        (
            "blank reason",
            at(2_000),
            " \t\u{1b}[0m ",
            "a snooze needs a reason (--reason TEXT)",
        ),
        ("now", at(100), "AM on leave", "not in the future"),
        ("the past", at(50), "AM on leave", "not in the future"),
    ];
    for (name, until, reason, needle) in cases {
        let err = snooze(&item, until, reason, None, "Dana Reyes", at(100)).expect_err(name);
        assert!(matches!(err, FlowError::BadSnooze(_)), "{name}: {err:?}");
        assert!(err.to_string().contains(needle), "{name}: {err}");
    }
}

#[test]
fn snooze_records_the_item_key_and_a_timeline_event() {
    let item = low_score_item();
    let set = snooze(
        &item,
        at(2_000),
        "  AM on\tleave\n until Monday ",
        Some(StaffId(1)),
        "Dana Reyes",
        at(100),
    )
    .expect("snoozes");
    assert_eq!(set.len(), 2);
    assert_eq!(
        set.changes[0],
        Change::Snooze(Snooze {
            item_key: "low_score_followup:F30".into(),
            customer: CustomerId(11),
            until: at(2_000),
            reason: "AM on leave until Monday".into(),
            by: Some(StaffId(1)),
            at: at(100),
        })
    );
    let ev = events(&set);
    assert_eq!(ev.len(), 1);
    assert_eq!(
        (ev[0].kind, ev[0].customer),
        (EventKind::Snoozed, CustomerId(11))
    );
    assert_eq!(ev[0].reference.as_deref(), Some("low_score_followup:F30"));
    assert_eq!(
        ev[0].summary,
        "Low-score follow-up snoozed until 2026-11-24 18:20: AM on leave until Monday"
    );
}

// ---------------------------------------------------------------------------------------------
// The feedback calendar

/// An interview of `customer` booked `days` from the reference time, in `status`.
fn request(id: u64, customer: u64, days: i64, status: InterviewStatus) -> Interview {
    let mut i = interview(id, customer);
    i.status = status;
    i.scheduled_at = at(0) + Duration::days(days);
    i.completed_at = None;
    i
}

fn completed_at(mut i: Interview, days: i64) -> Interview {
    i.completed_at = Some(at(0) + Duration::days(days));
    i
}

#[test]
fn spacing_window_before_and_after() {
    use InterviewStatus::{Cancelled, Completed, InProgress, Scheduled};
    // (name, existing requests, asked at (minutes after the reference), expected conflict)
    #[rustfmt::skip]
    let cases: Vec<(&str, Vec<Interview>, i64, Option<u64>)> = vec![
        ("none booked", vec![], 0, None),
        ("29 days after", vec![request(20, 10, 29, Scheduled)], 0, Some(20)),
        ("29 days before", vec![request(20, 10, -29, Scheduled)], 0, Some(20)),
        ("the same moment", vec![request(20, 10, 0, Scheduled)], 0, Some(20)),
        ("exactly 30 days after is fine", vec![request(20, 10, 30, Scheduled)], 0, None),
        ("exactly 30 days before is fine", vec![request(20, 10, -30, Scheduled)], 0, None),
        ("a minute inside 30 days", vec![request(20, 10, 30, Scheduled)], 1, Some(20)),
        ("in progress counts", vec![request(20, 10, 3, InProgress)], 0, Some(20)),
        ("cancelled is ignored", vec![request(20, 10, 1, Cancelled)], 0, None),
        ("completed counts by completed_at (booked long before)",
            vec![completed_at(request(20, 10, -60, Completed), -20)], 0, Some(20)),
        ("completed counts by completed_at (booked close by, done long before)",
            vec![completed_at(request(20, 10, -5, Completed), -45)], 0, None),
        ("completed without a completion time falls back to the booking", vec![request(20, 10, -10, Completed)], 0, Some(20)),
        ("another customer's request is ignored", vec![request(20, 11, 1, Scheduled)], 0, None),
        ("the nearest of several",
            vec![request(20, 10, -20, Scheduled), request(21, 10, 5, Scheduled), request(22, 10, 12, Scheduled)], 0, Some(21)),
    ];
    for (name, interviews, offset, want) in cases {
        let data = Dataset {
            interviews,
            ..Dataset::default()
        };
        let got =
            spacing_conflict(&data, CustomerId(10), at(offset), &Policy::default()).map(|i| i.id.0);
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn spacing_follows_the_policy() {
    let data = Dataset {
        interviews: vec![request(20, 10, 15, InterviewStatus::Scheduled)],
        ..Dataset::default()
    };
    // (spacing_days, expected conflict)
    let cases = [
        (30, Some(20)),
        (16, Some(20)),
        (15, None),
        (10, None),
        (0, None),
    ];
    for (days, want) in cases {
        let policy = Policy::from_toml(&format!("[policy.cadence]\nspacing_days = {days}\n"))
            .expect("valid policy");
        let got = spacing_conflict(&data, CustomerId(10), at(0), &policy).map(|i| i.id.0);
        assert_eq!(got, want, "spacing_days = {days}");
    }
}
