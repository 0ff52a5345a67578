//! The weekly review against a week computed by hand.
//!
//! The fixture: the default policy and working week (Monday to Friday, UTC). November 2026:
//! Monday the 16th to Sunday the 22nd is the week reviewed; "now" is Wednesday the 25th 12:00.
//! Policy: thank-you within 4 business hours, debrief 24 h, President report 7 days, contact
//! within 1 business day for a lowest score of 1-2 and 2 for a 3, formal report 14 days after
//! the contact, telling the customer of a done action 7 days.

use super::fixture::*;
use super::*;
use crate::core::queue::ItemKind;
use crate::core::{ActionId, FollowUp, FollowUpId, FollowUpState, InterviewId};

fn hours(h: i64, m: i64) -> Duration {
    Duration::hours(h) + Duration::minutes(m)
}

fn week_of_16th() -> Review {
    let cal = WorkWeek::default();
    let week = week_of(t(18, 12, 0), &cal);
    assert_eq!(
        week.since,
        Some(t(16, 0, 0)),
        "the week starts on Monday 00:00"
    );
    review(
        &fixture(),
        &Policy::default(),
        &cal,
        t(16, 0, 0),
        t(25, 12, 0),
    )
}

type Row = (
    StepKind,
    Subject,
    Option<StaffId>,
    Instant,
    Option<Duration>,
);

#[test]
fn closed_lists_every_step_done_in_the_week_with_its_owner_and_lateness() {
    let r = week_of_16th();
    assert!(r.complete());
    let got: Vec<Row> = r
        .done
        .iter()
        .map(|d| (d.kind, d.subject, d.owner, d.at, d.late_by()))
        .collect();
    let i = |n| Subject::Interview(InterviewId(n));
    let f = |n| Subject::FollowUp(FollowUpId(n));
    let a = |n| Subject::Action(ActionId(n));
    let want: Vec<Row> = vec![
        // Due 4 business hours after Fri 16:00 = Fri 20:00; sent Mon 10:00: 2 days 14 h late.
        (
            StepKind::ThankYou,
            i(20),
            Some(DANA),
            t(16, 10, 0),
            Some(hours(62, 0)),
        ),
        // Score 2: due 1 business day after Fri 16:00 = Mon 16:00; Tue 10:00 is 18 h late.
        (
            StepKind::Contact,
            f(30),
            Some(DANA),
            t(17, 10, 0),
            Some(hours(18, 0)),
        ),
        // A42 done Thu 12 Nov 10:00, so the customer is told by Thu 19 10:00; the account
        // manager (Dana) does it, not the action's owner (Sam).
        (
            StepKind::ActionFollowUp,
            a(42),
            Some(DANA),
            t(17, 14, 0),
            None,
        ),
        // Due Wed 09:00 + 4 business hours = 13:00; sent 11:30. Beta has no account manager.
        (StepKind::ThankYou, i(21), None, t(18, 11, 30), None),
        // F32 was contacted Tue 3 Nov 09:00: the formal report was due 14 days later, Tue 17
        // Nov 09:00. Closing it on Wed 15:00 discharged that report 1 day 6 h late.
        (
            StepKind::CloseFollowUp,
            f(32),
            Some(MAX),
            t(18, 15, 0),
            Some(hours(30, 0)),
        ),
        // Due Fri 13 16:00 + 7 days = Fri 20 16:00: on time, by the executive (Eve).
        (
            StepKind::ReportPresident,
            i(20),
            Some(EVE),
            t(19, 9, 0),
            None,
        ),
        // Due Wed 18 17:00, done Thu 09:00: 16 h late.
        (
            StepKind::ActionDone,
            a(40),
            Some(DANA),
            t(19, 9, 0),
            Some(hours(16, 0)),
        ),
        // Due 24 h after Wed 09:00; done Thu 10:00: 1 h late. No executive, no account
        // manager: unassigned.
        (
            StepKind::Debrief,
            i(21),
            None,
            t(19, 10, 0),
            Some(hours(1, 0)),
        ),
        // Due 14 days after the contact (Tue 1 Dec 10:00): on time.
        (
            StepKind::FormalReport,
            f(30),
            Some(DANA),
            t(20, 10, 0),
            None,
        ),
        // Nothing was owed any more when F30 closed.
        (
            StepKind::CloseFollowUp,
            f(30),
            Some(DANA),
            t(20, 11, 0),
            None,
        ),
        // I22 on Tue 24 Nov 10:00: pre-brief due 1 business day before, Mon 23 10:00.
        (StepKind::PreBrief, i(22), Some(DANA), t(20, 15, 0), None),
    ];
    assert_eq!(got, want);
    assert_eq!(r.late().count(), 5);
}

#[test]
fn overdue_at_the_end_of_a_past_week_is_read_from_the_records_wound_back() {
    let r = week_of_16th();
    assert_eq!(r.as_of, t(23, 0, 0));
    let got: Vec<(ItemKind, Subject, Option<StaffId>, Instant)> = r
        .overdue
        .iter()
        .map(|i| (i.kind, i.subject, i.owner, i.due))
        .collect();
    assert_eq!(
        got,
        vec![
            // F31 was contacted on Mon 23 10:00, after the week: at its end the contact was
            // still owed. Score 3: 2 business days from Wed 18 09:00 = Fri 20 09:00.
            (
                ItemKind::LowScoreFollowUp,
                Subject::FollowUp(FollowUpId(31)),
                None,
                t(20, 9, 0)
            ),
            // A41, still doing, due Tue 17 17:00.
            (
                ItemKind::ActionItem,
                Subject::Action(ActionId(41)),
                Some(MAX),
                t(17, 17, 0)
            ),
        ]
    );
}

#[test]
fn response_times_per_owner_against_the_policy() {
    let r = week_of_16th();
    let got: Vec<(Measure, Who, usize, Duration, Duration, Option<usize>)> = r
        .stats
        .iter()
        .map(|s| (s.measure, s.who, s.count, s.median, s.p90, s.within))
        .collect();
    let owner = |o| Who::Owner(o);
    // Thank-you, I20: Fri 16:00 -> Mon 10:00 in business time = Fri 8 h + Mon 10 h = 18 h
    // (due Fri 20:00: not within). I21: Wed 09:00 -> 11:30 = 2 h 30 m (within).
    let thanks = (hours(18, 0), hours(2, 30));
    // Contact, F30: Fri 16:00 -> Tue 10:00 = 8 h + Mon 24 h + 10 h = 1 business day 18 h.
    let contact = hours(42, 0);
    // Formal report, F30: Tue 17 10:00 -> Fri 20 10:00 = 3 days (calendar time).
    let report = hours(72, 0);
    // Close, F30: Fri 13 16:00 -> Fri 20 11:00 = 6 days 19 h; F32: Mon 2 09:00 -> Wed 18
    // 15:00 = 16 days 6 h. No limit.
    let close = (hours(6 * 24 + 19, 0), hours(16 * 24 + 6, 0));
    let want = vec![
        (
            Measure::ThankYou,
            owner(Some(DANA)),
            1,
            thanks.0,
            thanks.0,
            Some(0),
        ),
        (
            Measure::ThankYou,
            owner(None),
            1,
            thanks.1,
            thanks.1,
            Some(1),
        ),
        // Two values: the median by nearest rank is the 1st (ceil(0.5 x 2) = 1), the 90th
        // percentile the 2nd (ceil(0.9 x 2) = 2).
        (
            Measure::ThankYou,
            Who::Everyone,
            2,
            thanks.1,
            thanks.0,
            Some(1),
        ),
        (
            Measure::Contact,
            owner(Some(DANA)),
            1,
            contact,
            contact,
            Some(0),
        ),
        (
            Measure::Contact,
            Who::Everyone,
            1,
            contact,
            contact,
            Some(0),
        ),
        (
            Measure::FormalReport,
            owner(Some(DANA)),
            1,
            report,
            report,
            Some(1),
        ),
        (
            Measure::FormalReport,
            Who::Everyone,
            1,
            report,
            report,
            Some(1),
        ),
        (Measure::Close, owner(Some(DANA)), 1, close.0, close.0, None),
        (Measure::Close, owner(Some(MAX)), 1, close.1, close.1, None),
        (Measure::Close, Who::Everyone, 2, close.0, close.1, None),
    ];
    assert_eq!(got, want);
}

#[test]
fn the_current_week_is_reviewed_so_far() {
    let cal = WorkWeek::default();
    let now = t(25, 12, 0);
    let r = review(&fixture(), &Policy::default(), &cal, t(23, 0, 0), now);
    assert!(!r.complete());
    assert_eq!(r.as_of, now);
    let done: Vec<(StepKind, Option<Duration>)> =
        r.done.iter().map(|d| (d.kind, d.late_by())).collect();
    // F31 contacted Mon 23 10:00, due Fri 20 09:00: 3 days 1 h late.
    assert_eq!(done, vec![(StepKind::Contact, Some(hours(73, 0)))]);
    // Wed 18 09:00 -> Mon 23 10:00 in business time: 15 h + Thu 24 h + Fri 24 h + 10 h.
    assert_eq!(r.samples.len(), 1);
    assert_eq!(r.samples[0].took, hours(73, 0));
    let overdue: Vec<(ItemKind, Option<StaffId>)> =
        r.overdue.iter().map(|i| (i.kind, i.owner)).collect();
    // A41 still; I21's President report was due Wed 25 09:00 (7 days after completion).
    assert_eq!(
        overdue,
        vec![
            (ItemKind::ActionItem, Some(MAX)),
            (ItemKind::ReportPresident, None)
        ]
    );
}

#[test]
fn a_week_with_nothing_in_it_says_so() {
    let cal = WorkWeek::default();
    let policy = Policy::default();
    let data = Dataset::default();
    let r = review(&data, &policy, &cal, t(2, 0, 0), t(25, 12, 0));
    assert!(r.done.is_empty() && r.overdue.is_empty() && r.stats.is_empty());
    let text = text::lines(&r, &data, &policy, &cal).join("\n");
    assert!(
        text.contains("Closed: nothing was recorded as done this week."),
        "{text}"
    );
    assert!(text.contains("Slipped: nothing."), "{text}");
    assert!(text.contains("Response times: no thank-you"), "{text}");
}

#[test]
fn nearest_rank_percentiles() {
    let d = |n: i64| Duration::minutes(n);
    let ten: Vec<Duration> = (1..=10).map(d).collect();
    let four: Vec<Duration> = (1..=4).map(d).collect();
    let cases = [
        (&ten[..], 50, Some(d(5))),
        (&ten[..], 90, Some(d(9))),
        (&ten[..], 100, Some(d(10))),
        (&ten[..], 0, Some(d(1))),
        (&four[..], 50, Some(d(2))),
        (&four[..], 90, Some(d(4))),
        (&four[..1], 90, Some(d(1))),
        (&[][..], 50, None),
    ];
    for (values, p, want) in cases {
        assert_eq!(nearest_rank(values, p), want, "p{p} of {}", values.len());
    }
}

#[test]
fn closing_a_follow_up_is_late_when_what_it_discharged_was_overdue() {
    // Opened Mon 16 09:00. Score 2: contact due 1 business day later, Tue 17 09:00; score 3:
    // 2 business days, Wed 18 09:00.
    let opened = t(16, 9, 0);
    let closed = |id, severity, contacted, presented, at| FollowUp {
        state: FollowUpState::Closed,
        contacted_at: contacted,
        report_presented_at: presented,
        closed_at: Some(at),
        ..followup(id, ACME, severity, opened)
    };
    let cases = [
        // Closed without a contact a day after the contact was due: 24 h late.
        (
            closed(33, 2, None, None, t(18, 9, 0)),
            Some(t(17, 9, 0)),
            Some(hours(24, 0)),
        ),
        // Closed without a contact before it was due: on time.
        (
            closed(34, 3, None, None, t(17, 9, 0)),
            Some(t(18, 9, 0)),
            None,
        ),
        // Contacted Mon 10:00, never presented: the close discharged the formal report, due
        // 14 days after the contact; on time.
        (
            closed(35, 3, Some(t(16, 10, 0)), None, t(20, 9, 0)),
            Some(t(30, 10, 0)),
            None,
        ),
        // Everything done: the close owed nothing.
        (
            closed(36, 3, Some(t(16, 10, 0)), Some(t(18, 9, 0)), t(20, 9, 0)),
            None,
            None,
        ),
    ];
    for (f, due, late) in cases {
        let id = f.id;
        let data = Dataset {
            followups: vec![f],
            ..Dataset::default()
        };
        let r = review(
            &data,
            &Policy::default(),
            &WorkWeek::default(),
            t(16, 0, 0),
            t(25, 12, 0),
        );
        let close = r
            .done
            .iter()
            .find(|d| d.kind == StepKind::CloseFollowUp)
            .unwrap_or_else(|| panic!("{id} closed in the week"));
        assert_eq!((close.due, close.late_by()), (due, late), "{id}");
    }
}
