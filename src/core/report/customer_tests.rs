//! The report to the customer over the digest's fixture (tests.rs): what its copy keeps and
//! leaves out, when there is nothing to report, and how an action's state reads.

use super::customer::{CustomerReport, Note, customer_report};
use super::tests::{data, t, with_sources};
use super::*;
use crate::core::{ActionId, ActionState, FollowUp, FollowUpId, FollowUpState, Score, StaffId};

/// The low-score follow-up of the fixture's interview I5, contacted, owned by Dana Reyes.
fn followup(context: &str) -> FollowUp {
    FollowUp {
        id: FollowUpId(6),
        customer: crate::core::CustomerId(3),
        interview: InterviewId(5),
        severity: Score::new(2).expect("a score"),
        low_questions: vec!["overall".into(), "delivery".into(), "resolution".into()],
        owner: Some(StaffId(1)),
        participants: vec![StaffId(1), StaffId(2)],
        state: FollowUpState::Contacted,
        opened_at: t(10, 10),
        contacted_at: Some(t(11, 9)),
        context: context.into(),
        report_committed_at: None,
        report_presented_at: None,
        closed_at: None,
    }
}

fn report(data: &Dataset) -> Result<CustomerReport, ReportError> {
    with_sources(data, |src| customer_report(src, FollowUpId(6), 7))
}

#[test]
fn the_customers_copy_keeps_their_scores_and_leaves_out_what_names_our_people() {
    let mut d = data();
    d.followups = vec![followup("They want a named contact for escalations.")];
    let r = report(&d).expect("a report");
    let low: Vec<(&str, u8, &str)> = r
        .low
        .iter()
        .map(|l| (l.question.as_str(), l.score, l.comment.as_str()))
        .collect();
    // Every low score stays, it is theirs; the comment about Sam (flagged) and the one naming
    // Dana Reyes (not flagged) go without a trace; the 4 on loyalty is not a low score.
    assert_eq!(
        low,
        [
            ("How is overall?", 2, ""),
            ("How is delivery?", 3, ""),
            ("How is resolution?", 3, "Fixes take too long."),
        ]
    );
    assert_eq!(r.context, "They want a named contact for escalations.");
    // A8's title names Alex Chen: left out whole. A7's detail names Dana Reyes: left out.
    let titles: Vec<(&str, &str)> = r
        .actions
        .iter()
        .map(|a| (a.title.as_str(), a.detail.as_str()))
        .collect();
    assert_eq!(titles, [("Weekly status call", "")]);
    assert_eq!(r.owner, "Dana Reyes");
    assert_eq!(r.with, "Alex Chen");
    assert_eq!(r.addressee, "colleagues at Acme Freight");
    assert_eq!(r.source, "feedback interview");
    assert_eq!(
        r.notes,
        [
            Note::Comment("overall".into()),
            Note::Comment("delivery".into()),
            Note::Detail(ActionId(7)),
            Note::Action(ActionId(8)),
        ]
    );
    assert_eq!(r.last_due.as_deref(), Some("2026-11-30"));
    assert!(!r.all_done);
}

#[test]
fn a_context_that_names_one_of_our_people_is_left_out() {
    let mut d = data();
    d.followups = vec![followup("Said dana reyes never calls back.")];
    let r = report(&d).expect("a report");
    assert_eq!(r.context, "");
    assert!(
        r.notes.contains(&Note::Context(FollowUpId(6))),
        "{:?}",
        r.notes
    );
}

#[test]
fn nothing_to_report_until_the_call_and_an_action() {
    type Case = (&'static str, fn(&mut Dataset), ReportError);
    let cases: [Case; 5] = [
        (
            "unknown follow-up",
            |d| d.followups.clear(),
            ReportError::UnknownFollowUp(FollowUpId(6)),
        ),
        (
            "nobody called yet",
            |d| {
                d.followups[0].state = FollowUpState::Open;
                d.followups[0].context.clear();
            },
            ReportError::NotContacted(FollowUpId(6)),
        ),
        (
            "no action",
            |d| d.actions.clear(),
            ReportError::NoActions(FollowUpId(6)),
        ),
        (
            "only an action about one of our people",
            |d| d.actions.retain(|a| a.id == ActionId(8)),
            ReportError::NoActions(FollowUpId(6)),
        ),
        (
            "the interview is gone",
            |d| d.interviews.clear(),
            ReportError::Broken(FollowUpId(6), "an interview"),
        ),
    ];
    for (what, change, want) in cases {
        let mut d = data();
        d.followups = vec![followup("Context.")];
        change(&mut d);
        assert_eq!(report(&d).expect_err(what), want, "{what}");
    }
}

#[test]
fn an_actions_state_reads_for_the_customer_with_no_past_promise() {
    // Now is 2026-11-23 09:00; telling them is due 7 days after an action is done.
    let cases: [(ActionState, Option<u32>, Option<u32>, &str); 5] = [
        (ActionState::ToDo, None, None, "planned"),
        (ActionState::Doing, None, None, "in progress"),
        (
            ActionState::Done,
            Some(20),
            None,
            "done on 2026-11-20; we will go through it with you by 2026-11-27",
        ),
        (
            ActionState::Done,
            Some(2),
            None,
            "done on 2026-11-02; we will go through it with you when we present this report",
        ),
        (
            ActionState::FollowedUp,
            Some(2),
            Some(4),
            "done on 2026-11-02, confirmed with you on 2026-11-04",
        ),
    ];
    for (state, done, told, want) in cases {
        let mut d = data();
        d.followups = vec![followup("Context.")];
        d.actions.retain(|a| a.id == ActionId(7));
        if let Some(a) = d.actions.first_mut() {
            a.state = state;
            a.done_at = done.map(|day| t(day, 10));
            a.followed_up_at = told.map(|day| t(day, 10));
        }
        let r = report(&d).expect("a report");
        assert_eq!(r.actions[0].state, want, "{state:?}");
        assert_eq!(r.all_done, done.is_some(), "{state:?}");
    }
}

#[test]
fn an_open_action_past_its_date_is_a_note_for_the_lead_not_a_promise() {
    let mut d = data();
    d.followups = vec![followup("Context.")];
    d.actions.retain(|a| a.id == ActionId(7));
    if let Some(a) = d.actions.first_mut() {
        a.due = Some(t(20, 0));
    }
    let r = report(&d).expect("a report");
    assert_eq!(r.last_due, None);
    assert!(
        r.notes
            .contains(&Note::PastDue(ActionId(7), "2026-11-20".into())),
        "{:?}",
        r.notes
    );
}
