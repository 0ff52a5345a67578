//! Table-driven tests of every closed-loop rule, through the one queue function.

use crate::common;

use chrono::{Duration, TimeZone, Utc};
use common::{action, customer, followup, interview, staff};
use hearback::core::business_time::WorkWeek;
use hearback::core::policy::Policy;
use hearback::core::queue::{DueState, Item, ItemKind, Subject, queue};
use hearback::core::*;

/// November 2026: Friday the 20th, Monday the 23rd.
fn t(d: u32, h: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0)
        .single()
        .expect("valid")
}

fn base() -> Dataset {
    let mut c = customer(10, "Acme Freight", 125_000_000);
    c.lifecycle = Lifecycle::Active;
    c.account_manager = Some(StaffId(1));
    c.salesperson = Some(StaffId(2));
    c.service_manager = Some(StaffId(4));
    c.created_at = t(1, 9);
    Dataset {
        staff: vec![staff(1, "Dana Reyes", vec![Role::AccountManager])],
        customers: vec![c],
        ..Dataset::default()
    }
}

/// A completed interview with no step done yet and no low scores.
fn completed(id: u64, at: Instant) -> Interview {
    let mut i = interview(id, 10);
    i.completed_at = Some(at);
    i.scheduled_at = at - Duration::minutes(30);
    i.significant_issue = false;
    i.acknowledged_at = None;
    for a in &mut i.answers {
        a.score = Score::new(5);
    }
    i
}

fn items(data: &Dataset, now: Instant) -> Vec<Item> {
    queue(data, &Policy::default(), &WorkWeek::default(), now)
}

fn of(items: &[Item], kind: ItemKind) -> Vec<&Item> {
    items.iter().filter(|i| i.kind == kind).collect()
}

fn due_of(data: &Dataset, now: Instant, kind: ItemKind) -> Option<Instant> {
    let list = items(data, now);
    let found = of(&list, kind);
    assert!(found.len() <= 1, "{kind:?} appears {} times", found.len());
    found.first().map(|i| i.due)
}

#[test]
fn post_interview_deadlines() {
    // (completed at, significant, kind, expected due)
    let cases = [
        (t(23, 10), false, ItemKind::Acknowledge, Some(t(23, 14))),
        (t(20, 15), false, ItemKind::Acknowledge, Some(t(20, 19))),
        (t(20, 22), false, ItemKind::Acknowledge, Some(t(23, 2))), // weekend skipped
        (t(21, 10), false, ItemKind::Acknowledge, Some(t(23, 4))), // done on a Saturday
        (t(23, 10), false, ItemKind::Debrief, Some(t(24, 10))),
        (t(23, 10), false, ItemKind::InformExecutives, None),
        (t(23, 10), true, ItemKind::InformExecutives, Some(t(24, 10))),
        (t(23, 10), false, ItemKind::ReportPresident, Some(t(30, 10))),
        (t(2, 10), false, ItemKind::Disseminate, Some(t(23, 10))), // 7 + 14 days
    ];
    for (at, significant, kind, want) in cases {
        let mut data = base();
        let mut i = completed(20, at);
        i.significant_issue = significant;
        data.interviews.push(i);
        assert_eq!(due_of(&data, t(1, 0), kind), want, "{kind:?} after {at}");
    }
}

#[test]
fn dissemination_counts_from_the_actual_report() {
    let mut data = base();
    let mut i = completed(20, t(2, 10));
    i.reported_at = Some(t(4, 10));
    data.interviews.push(i);
    assert_eq!(
        due_of(&data, t(1, 0), ItemKind::Disseminate),
        Some(t(18, 10))
    );
}

#[test]
fn each_step_is_discharged_by_its_own_record_only() {
    type Stamp = fn(&mut Interview, Instant);
    let stamps: [(ItemKind, Stamp); 5] = [
        (ItemKind::Acknowledge, |i, t| i.acknowledged_at = Some(t)),
        (ItemKind::Debrief, |i, t| i.debriefed_at = Some(t)),
        (ItemKind::InformExecutives, |i, t| {
            i.executives_informed_at = Some(t)
        }),
        (ItemKind::ReportPresident, |i, t| i.reported_at = Some(t)),
        (ItemKind::Disseminate, |i, t| i.disseminated_at = Some(t)),
    ];
    for (kind, stamp) in stamps {
        let mut data = base();
        let mut i = completed(20, t(2, 10));
        i.significant_issue = true;
        stamp(&mut i, t(3, 10));
        data.interviews.push(i);
        let list = items(&data, t(23, 9));
        let kinds: Vec<ItemKind> = list
            .iter()
            .filter(|i| i.subject == Subject::Interview(InterviewId(20)))
            .map(|i| i.kind)
            .collect();
        assert!(
            !kinds.contains(&kind),
            "{kind:?} still there after its record"
        );
        assert_eq!(kinds.len(), 4, "{kind:?}: the other four stay: {kinds:?}");
    }
}

#[test]
fn an_obligation_stays_until_discharged_however_late() {
    let mut data = base();
    data.interviews.push(completed(20, t(2, 10)));
    for later in [
        t(23, 9),
        t(23, 9) + Duration::days(400),
        t(23, 9) + Duration::days(4000),
    ] {
        let list = items(&data, later);
        let ack = of(&list, ItemKind::Acknowledge);
        assert_eq!(ack.len(), 1, "at {later}");
        assert_eq!(ack[0].state, DueState::Overdue);
    }
}

#[test]
fn survey_responses_owe_the_thank_you_only() {
    let mut data = base();
    let mut i = completed(20, t(23, 10));
    i.trigger = Trigger::SurveyImport {
        source: "typeform".into(),
        response_id: "r1".into(),
    };
    i.executive = None;
    data.interviews.push(i);
    let kinds: Vec<ItemKind> = items(&data, t(23, 11))
        .iter()
        .filter(|i| i.customer == CustomerId(10) && i.kind != ItemKind::ScheduleInterview)
        .map(|i| i.kind)
        .collect();
    assert_eq!(kinds, [ItemKind::Acknowledge]);
}

#[test]
fn steps_are_owned_by_the_right_people() {
    let mut data = base();
    data.interviews.push(completed(20, t(23, 10)));
    let list = items(&data, t(23, 11));
    let ack = of(&list, ItemKind::Acknowledge)[0];
    assert_eq!(
        (ack.owner_role, ack.owner),
        (Some(Role::AccountManager), Some(StaffId(1)))
    );
    let debrief = of(&list, ItemKind::Debrief)[0];
    assert_eq!(
        (debrief.owner_role, debrief.owner),
        (Some(Role::Executive), Some(StaffId(3)))
    );
    assert_eq!(debrief.participants, [StaffId(1), StaffId(2)]);
}

#[test]
fn low_score_split_three_versus_one_or_two() {
    // (severity, opened, due, who)
    let cases = [
        (
            3u8,
            t(20, 10),
            t(24, 10),
            "client manager and service manager",
        ), // Fri + 2 business days
        (2, t(20, 10), t(23, 10), "senior management"), // Fri + 1 business day
        (1, t(23, 10), t(24, 10), "senior management"),
        (
            3,
            t(23, 10),
            t(25, 10),
            "client manager and service manager",
        ),
    ];
    for (severity, opened, due, who) in cases {
        let mut data = base();
        let mut f = followup(30);
        f.severity = Score::new(severity).expect("valid");
        f.state = FollowUpState::Open;
        f.opened_at = opened;
        data.followups.push(f);
        let list = items(&data, t(1, 0));
        let found = of(&list, ItemKind::LowScoreFollowUp);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].due, due, "severity {severity}");
        assert_eq!(found[0].severity, Some(severity));
        assert!(found[0].what.to_string().contains(who), "{}", found[0].what);
        assert_eq!(found[0].owner, Some(StaffId(1)));
    }
}

#[test]
fn followup_lifecycle_items() {
    // (state, presented, expected kind)
    let cases = [
        (FollowUpState::Open, false, Some(ItemKind::LowScoreFollowUp)),
        (
            FollowUpState::Contacted,
            false,
            Some(ItemKind::FormalReport),
        ),
        (
            FollowUpState::ReportCommitted,
            false,
            Some(ItemKind::FormalReport),
        ),
        (FollowUpState::ReportCommitted, true, None),
        (FollowUpState::Closed, false, None),
    ];
    for (state, presented, want) in cases {
        let mut data = base();
        let mut f = followup(30);
        f.state = state;
        f.contacted_at = Some(t(2, 10));
        f.report_presented_at = presented.then_some(t(5, 10));
        data.followups.push(f);
        let list = items(&data, t(1, 0));
        let kinds: Vec<ItemKind> = list
            .iter()
            .filter(|i| i.subject == Subject::FollowUp(FollowUpId(30)))
            .map(|i| i.kind)
            .collect();
        assert_eq!(kinds, want.into_iter().collect::<Vec<_>>(), "{state:?}");
        if want == Some(ItemKind::FormalReport) {
            assert_eq!(
                of(&list, ItemKind::FormalReport)[0].due,
                t(16, 10),
                "14 days after contact"
            );
        }
    }
}

#[test]
fn action_items_and_their_customer_follow_up() {
    // (state, due, done_at, expected kind, expected due)
    let cases = [
        (
            ActionState::ToDo,
            Some(t(25, 9)),
            None,
            Some(ItemKind::ActionItem),
            Some(t(25, 9)),
        ),
        (
            ActionState::Doing,
            Some(t(25, 9)),
            None,
            Some(ItemKind::ActionItem),
            Some(t(25, 9)),
        ),
        (
            ActionState::ToDo,
            None,
            None,
            Some(ItemKind::ActionItem),
            Some(t(10, 9)),
        ),
        (
            ActionState::Done,
            Some(t(5, 9)),
            Some(t(6, 9)),
            Some(ItemKind::ActionFollowUp),
            Some(t(13, 9)),
        ),
        (
            ActionState::FollowedUp,
            Some(t(5, 9)),
            Some(t(6, 9)),
            None,
            None,
        ),
    ];
    for (state, due, done_at, kind, want_due) in cases {
        let mut data = base();
        let mut a = action(40);
        a.state = state;
        a.due = due;
        a.done_at = done_at;
        a.created_at = t(10, 9);
        data.actions.push(a);
        let list = items(&data, t(1, 0));
        let found: Vec<&Item> = list
            .iter()
            .filter(|i| i.subject == Subject::Action(ActionId(40)))
            .collect();
        assert_eq!(
            found.iter().map(|i| i.kind).collect::<Vec<_>>(),
            kind.into_iter().collect::<Vec<_>>(),
            "{state:?}"
        );
        assert_eq!(found.first().map(|i| i.due), want_due, "{state:?}");
    }
}

#[test]
fn scheduling_by_cadence_deliverable_and_booking() {
    let sept = Utc
        .with_ymd_and_hms(2026, 9, 1, 10, 0, 0)
        .single()
        .expect("valid");
    type Setup = fn(&mut Dataset);
    let cases: [(&str, Setup, Option<Instant>); 7] = [
        (
            "never interviewed: due since creation",
            |_| {},
            Some(t(1, 9)),
        ),
        (
            "six months after the last",
            |d| {
                d.interviews.push(completed(
                    20,
                    Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0)
                        .single()
                        .expect("valid"),
                ))
            },
            Some(sept),
        ),
        (
            "a booking discharges it",
            |d| {
                d.interviews.push(completed(
                    20,
                    Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0)
                        .single()
                        .expect("valid"),
                ));
                let mut i = interview(21, 10);
                i.status = InterviewStatus::Scheduled;
                i.completed_at = None;
                d.interviews.push(i);
            },
            None,
        ),
        (
            "a deliverable since brings it forward",
            |d| {
                d.interviews.push(completed(
                    20,
                    Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0)
                        .single()
                        .expect("valid"),
                ));
                d.deliverables.push(Deliverable {
                    id: DeliverableId(50),
                    customer: CustomerId(10),
                    name: "Go-live".into(),
                    delivered_at: Utc
                        .with_ymd_and_hms(2026, 4, 1, 10, 0, 0)
                        .single()
                        .expect("valid"),
                });
            },
            Some(
                Utc.with_ymd_and_hms(2026, 4, 15, 10, 0, 0)
                    .single()
                    .expect("valid"),
            ),
        ),
        (
            "a deliverable before the last interview is already covered",
            |d| {
                d.interviews.push(completed(
                    20,
                    Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0)
                        .single()
                        .expect("valid"),
                ));
                d.deliverables.push(Deliverable {
                    id: DeliverableId(50),
                    customer: CustomerId(10),
                    name: "Go-live".into(),
                    delivered_at: Utc
                        .with_ymd_and_hms(2026, 2, 1, 10, 0, 0)
                        .single()
                        .expect("valid"),
                });
            },
            Some(
                Utc.with_ymd_and_hms(2026, 9, 1, 10, 0, 0)
                    .single()
                    .expect("valid"),
            ),
        ),
        (
            "lost customers are not scheduled",
            |d| {
                d.customers[0].lifecycle = Lifecycle::Lost {
                    reason: "price".into(),
                    at: t(2, 9),
                }
            },
            None,
        ),
        (
            "a cancelled interview does not count",
            |d| {
                let mut i = interview(21, 10);
                i.status = InterviewStatus::Cancelled;
                i.completed_at = None;
                d.interviews.push(i);
            },
            Some(t(1, 9)),
        ),
    ];
    for (name, setup, want) in cases {
        let mut data = base();
        setup(&mut data);
        assert_eq!(
            due_of(&data, t(23, 9), ItemKind::ScheduleInterview),
            want,
            "{name}"
        );
    }
}

#[test]
fn tier_cadence_override() {
    let mut data = base();
    data.interviews.push(completed(
        20,
        Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0)
            .single()
            .expect("valid"),
    ));
    let policy = Policy::from_toml("[policy.cadence.tier_months]\nkey = 3\n").expect("valid");
    let list = queue(&data, &policy, &WorkWeek::default(), t(23, 9));
    let due = of(&list, ItemKind::ScheduleInterview)[0].due;
    assert_eq!(
        due,
        Utc.with_ymd_and_hms(2026, 6, 1, 10, 0, 0)
            .single()
            .expect("valid")
    );
}

#[test]
fn prebrief_is_due_a_business_day_before() {
    let cases = [(t(23, 10), Some(t(20, 10))), (t(25, 10), Some(t(24, 10)))];
    for (at, want) in cases {
        let mut data = base();
        let mut i = interview(21, 10);
        i.status = InterviewStatus::Scheduled;
        i.completed_at = None;
        i.prebriefed_at = None;
        i.scheduled_at = at;
        data.interviews.push(i.clone());
        assert_eq!(
            due_of(&data, t(1, 0), ItemKind::PreBrief),
            want,
            "interview at {at}"
        );
        i.prebriefed_at = Some(t(19, 9));
        data.interviews[0] = i;
        assert_eq!(due_of(&data, t(1, 0), ItemKind::PreBrief), None);
    }
}

#[test]
fn states_overdue_due_upcoming() {
    let mut data = base();
    data.interviews.push(completed(20, t(23, 10)));
    let now = t(23, 13);
    let list = items(&data, now);
    assert_eq!(of(&list, ItemKind::Acknowledge)[0].state, DueState::Due); // 14:00 today
    assert_eq!(of(&list, ItemKind::Debrief)[0].state, DueState::Upcoming); // tomorrow
    let later = items(&data, t(23, 15));
    assert_eq!(
        of(&later, ItemKind::Acknowledge)[0].state,
        DueState::Overdue
    );
}

#[test]
fn queue_order_state_then_severity_then_size_then_due() {
    let mut data = base();
    let mut small = customer(11, "Small Co", 1_000);
    small.lifecycle = Lifecycle::Active;
    data.customers.push(small);
    data.interviews.push(completed(20, t(2, 10))); // Acme: overdue steps
    let mut f3 = followup(30);
    f3.state = FollowUpState::Open;
    f3.opened_at = t(2, 10);
    f3.customer = CustomerId(11);
    f3.severity = Score::new(3).expect("valid");
    let mut f1 = f3.clone();
    f1.id = FollowUpId(31);
    f1.severity = Score::new(1).expect("valid");
    data.followups.extend([f3, f1]);
    let list = items(&data, t(23, 9));
    let overdue: Vec<(ItemKind, Option<u8>, CustomerId)> = list
        .iter()
        .filter(|i| i.state == DueState::Overdue)
        .map(|i| (i.kind, i.severity, i.customer))
        .collect();
    assert_eq!(
        overdue[0],
        (ItemKind::LowScoreFollowUp, Some(1), CustomerId(11)),
        "severity 1-2 first"
    );
    assert_eq!(
        overdue[1],
        (ItemKind::LowScoreFollowUp, Some(3), CustomerId(11))
    );
    assert_eq!(
        overdue[2].2,
        CustomerId(10),
        "then the larger customer, though its score was fine"
    );
    let dues: Vec<Instant> = list
        .iter()
        .filter(|i| i.state == DueState::Overdue && i.customer == CustomerId(10))
        .map(|i| i.due)
        .collect();
    assert!(
        dues.windows(2).all(|w| w[0] <= w[1]),
        "then by due time: {dues:?}"
    );
    let states: Vec<DueState> = list.iter().map(|i| i.state).collect();
    assert!(
        states.windows(2).all(|w| w[0] <= w[1]),
        "overdue, due, upcoming: {states:?}"
    );
}

#[test]
fn snooze_hides_until_its_time_and_never_discharges() {
    let mut data = base();
    data.interviews.push(completed(20, t(2, 10)));
    data.snoozes.push(Snooze {
        item_key: "debrief:I20".into(),
        customer: CustomerId(10),
        until: t(25, 9),
        reason: "AM on leave".into(),
        by: None,
        at: t(20, 9),
    });
    let list = items(&data, t(23, 9));
    let debrief = of(&list, ItemKind::Debrief)[0];
    assert_eq!(debrief.snoozed_until, Some(t(25, 9)));
    assert!(!debrief.is_visible());
    assert_eq!(debrief.state, DueState::Overdue, "still overdue underneath");
    let after = items(&data, t(25, 10));
    assert!(of(&after, ItemKind::Debrief)[0].is_visible());
}

#[test]
fn item_keys_round_trip() {
    for kind in ItemKind::ALL {
        for subject in [
            Subject::Customer(CustomerId(1)),
            Subject::Interview(InterviewId(22)),
            Subject::FollowUp(FollowUpId(3)),
            Subject::Action(ActionId(9)),
        ] {
            let key = hearback::core::queue::item_key(kind, subject);
            assert_eq!(
                hearback::core::queue::parse_item_key(&key),
                Some((kind, subject)),
                "{key}"
            );
        }
    }
    assert_eq!(hearback::core::queue::parse_item_key("nonsense"), None);
}

#[test]
fn a_completed_record_without_its_completion_time_still_owes_its_steps() {
    // Found by the property test: such a record (from an edited backup) once dropped out.
    let mut data = base();
    let mut i = completed(20, t(2, 10));
    i.completed_at = None;
    i.scheduled_at = t(2, 10);
    data.interviews.push(i);
    let list = items(&data, t(23, 9));
    for kind in [
        ItemKind::Acknowledge,
        ItemKind::Debrief,
        ItemKind::ReportPresident,
        ItemKind::Disseminate,
    ] {
        assert_eq!(of(&list, kind).len(), 1, "{kind:?}");
    }
    assert_eq!(
        of(&list, ItemKind::Debrief)[0].due,
        t(3, 10),
        "counted from the booking"
    );
}
