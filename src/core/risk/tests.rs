use super::*;
use crate::core::queue::{Obligation, Subject, queue};
use crate::core::{
    Answer, Customer, FollowUpId, Instant, InterviewId, InterviewStatus, Lifecycle, Money, Trigger,
    business_time::WorkWeek, policy::Policy,
};
use chrono::{TimeZone, Utc};

const KEYS: [&str; 6] = [
    "overall",
    "understanding",
    "responsiveness",
    "delivery",
    "resolution",
    "loyalty",
];

/// The monitors at 2026-11-23 under `policy`.
pub(super) fn monitoring(policy: &Policy) -> Monitoring<'_> {
    Monitoring::new(
        t(23),
        chrono::FixedOffset::east_opt(0).expect("UTC"),
        policy,
    )
}

/// 2026-11-`day` 10:00 UTC.
fn t(day: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0)
        .single()
        .expect("valid date")
}

/// A completed interview of customer 10 on `day`; a score of 0 means not scored.
pub(super) fn interview(id: u64, day: u32, scores: [u8; 6]) -> Interview {
    Interview {
        status: InterviewStatus::Completed,
        started_at: Some(t(day)),
        completed_at: Some(t(day)),
        answers: KEYS
            .iter()
            .zip(scores)
            .map(|(key, s)| Answer {
                question_key: (*key).into(),
                score: Score::new(s),
                ..Answer::default()
            })
            .collect(),
        ..Interview::booked(InterviewId(id), CustomerId(10), Trigger::Cadence, t(day))
    }
}

fn with_status(mut i: Interview, status: InterviewStatus) -> Interview {
    i.status = status;
    i
}

fn followup(id: u64, interview: u64, state: FollowUpState) -> FollowUp {
    FollowUp {
        id: FollowUpId(id),
        customer: CustomerId(10),
        interview: InterviewId(interview),
        severity: Score::new(3).expect("valid score"),
        low_questions: vec!["delivery".into()],
        owner: None,
        participants: vec![],
        state,
        opened_at: t(1),
        contacted_at: None,
        context: String::new(),
        report_committed_at: None,
        report_presented_at: None,
        closed_at: None,
    }
}

fn item(kind: ItemKind, subject: Subject, state: DueState) -> Item {
    Item {
        obligation: Obligation {
            kind,
            subject,
            customer: CustomerId(10),
            what: crate::core::what::What::Text(""),
            owner_role: None,
            owner: None,
            participants: vec![],
            due: t(3),
            severity: None,
            opened_at: None,
        },
        state,
        snoozed_until: None,
        customer_size: 0,
        recent: false,
    }
}

fn overdue(kind: ItemKind, subject: Subject) -> Item {
    item(kind, subject, DueState::Overdue)
}

/// One row: what the rule is about, the customer's interviews, follow-ups and queue items, and
/// the level and reasons expected.
type Row = (
    &'static str,
    Vec<Interview>,
    Vec<FollowUp>,
    Vec<Item>,
    RiskLevel,
    &'static [&'static str],
);

fn check(rows: Vec<Row>) {
    for (name, interviews, followups, items, level, reasons) in rows {
        let interviews: Vec<&Interview> = interviews.iter().collect();
        let followups: Vec<&FollowUp> = followups.iter().collect();
        let items: Vec<&Item> = items.iter().collect();
        let policy = Policy::default();
        let got = assess_one(&interviews, &followups, &items, &[], monitoring(&policy));
        assert_eq!(got.reasons, reasons, "{name}: reasons");
        assert_eq!(got.level, level, "{name}: level");
    }
}

use FollowUpState::{Closed, Contacted, Open, ReportCommitted};
use ItemKind::{
    Acknowledge, ActionItem, Debrief, LowScoreFollowUp, ReportPresident, ScheduleInterview,
};
use RiskLevel::{AtRisk, Healthy, Watch};

const I20: Subject = Subject::Interview(InterviewId(20));
const F30: Subject = Subject::FollowUp(FollowUpId(30));
const C10: Subject = Subject::Customer(CustomerId(10));
const A40: Subject = Subject::Action(crate::core::ActionId(40));
/// Scores averaging 4.33.
const NEARLY: [u8; 6] = [5, 5, 4, 4, 4, 4];
/// Lowest score 3 on delivery, average 4.67.
const LUKEWARM: [u8; 6] = [5, 5, 5, 3, 5, 5];

#[rustfmt::skip]
#[test]
fn score_rules() {
    check(vec![
        ("all fives", vec![interview(20, 1, [5; 6])], vec![], vec![], Healthy, &[]),
        ("all fours: 4.0 is not below 4.0", vec![interview(20, 1, [4; 6])], vec![], vec![], Healthy, &[]),
        ("average below 3.0 (always with a score of 2 or less)", vec![interview(20, 1, [3, 3, 3, 2, 3, 2])], vec![], vec![], AtRisk,
            &["latest average 2.7 (below 3.0)", "scored 2 on delivery, 2 on loyalty in the latest interview"]),
        ("a single 2 in a good interview", vec![interview(20, 1, [5, 5, 5, 2, 5, 5])], vec![], vec![], AtRisk,
            &["scored 2 on delivery in the latest interview"]),
        ("a single 1", vec![interview(20, 1, [5, 5, 5, 5, 5, 1])], vec![], vec![], AtRisk, &["scored 1 on loyalty in the latest interview"]),
        ("lowest score 3", vec![interview(20, 1, LUKEWARM)], vec![], vec![], Watch, &["scored 3 on delivery in the latest interview"]),
        ("average below 4.0 and lowest 3: one sign, not two", vec![interview(20, 1, [4, 4, 4, 3, 3, 4])], vec![], vec![], Watch,
            &["latest average 3.7 (below 4.0)", "scored 3 on delivery, 3 on resolution in the latest interview"]),
        ("an average of exactly 3.0 is not below 3.0", vec![interview(20, 1, [3, 4, 2, 4, 3, 2])], vec![], vec![], AtRisk,
            &["scored 2 on responsiveness, 2 on loyalty in the latest interview", "latest average 3.0 (below 4.0)"]),
        ("unscored questions are left out of the average", vec![interview(20, 1, [5, 0, 0, 0, 0, 3])], vec![], vec![], Watch,
            &["scored 3 on loyalty in the latest interview"]),
        ("only the latest interview's scores count", vec![interview(20, 1, [1; 6]), interview(21, 5, [5; 6])], vec![], vec![], Healthy, &[]),
        ("latest by completion time, not id or order", vec![interview(21, 5, [1; 6]), interview(20, 9, [5; 6])], vec![], vec![], Healthy, &[]),
        ("an interview without scores is skipped", vec![interview(20, 1, [5, 5, 5, 2, 5, 5]), interview(21, 5, [0; 6])], vec![], vec![], AtRisk,
            &["scored 2 on delivery in the latest interview"]),
        ("booked, in-progress and cancelled interviews carry no feedback", vec![
            interview(20, 1, [5; 6]),
            with_status(interview(21, 5, [1; 6]), InterviewStatus::Cancelled),
            with_status(interview(22, 6, [1; 6]), InterviewStatus::InProgress),
            with_status(interview(23, 7, [1; 6]), InterviewStatus::Scheduled),
        ], vec![], vec![], Healthy, &[]),
    ]);
}

#[rustfmt::skip]
#[test]
fn trend_rules() {
    check(vec![
        ("fell from the mean of the two before", vec![interview(20, 1, [5; 6]), interview(21, 2, [5, 5, 5, 5, 4, 4]), interview(22, 3, [4; 6])],
            vec![], vec![], Watch, &["average fell from 4.8 to 4.0 over the last 3 interviews"]),
        ("with one interview before", vec![interview(20, 1, [5; 6]), interview(21, 2, [4, 4, 4, 5, 4, 4])], vec![], vec![], Watch,
            &["average fell from 5.0 to 4.2 over the last 2 interviews"]),
        ("a fall of exactly 0.5 counts", vec![interview(20, 1, [5, 5, 5, 4, 4, 4]), interview(21, 2, [4; 6])], vec![], vec![], Watch,
            &["average fell from 4.5 to 4.0 over the last 2 interviews"]),
        ("a fall of 0.33 does not", vec![interview(20, 1, NEARLY), interview(21, 2, [4; 6])], vec![], vec![], Healthy, &[]),
        ("only the two before the latest count (three would fall 0.56)",
            vec![interview(20, 1, [5; 6]), interview(21, 2, NEARLY), interview(22, 3, NEARLY), interview(23, 4, [4; 6])],
            vec![], vec![], Healthy, &[]),
        ("a rise is fine", vec![interview(20, 1, [4; 6]), interview(21, 2, [5; 6])], vec![], vec![], Healthy, &[]),
        ("a fall plus a lukewarm latest interview: two signs", vec![interview(20, 1, [5; 6]), interview(21, 2, [5, 5, 4, 4, 4, 3])],
            vec![], vec![], AtRisk,
            &["scored 3 on loyalty in the latest interview", "average fell from 5.0 to 4.2 over the last 2 interviews"]),
    ]);
}

#[rustfmt::skip]
#[test]
fn followup_and_overdue_rules() {
    let good = || vec![interview(20, 1, [5; 6])];
    let lukewarm = || vec![interview(20, 1, LUKEWARM)];
    check(vec![
        ("the latest interview's own follow-up is the same sign", lukewarm(), vec![followup(30, 20, Open)], vec![], Watch,
            &["scored 3 on delivery in the latest interview", "1 open low-score follow-up (F30)"]),
        ("a follow-up still open from an earlier interview", vec![interview(20, 1, LUKEWARM), interview(21, 5, [5; 6])],
            vec![followup(30, 20, Contacted)], vec![], Watch, &["1 open low-score follow-up (F30)"]),
        ("an earlier open follow-up plus a lukewarm latest interview", vec![interview(20, 1, LUKEWARM), interview(21, 5, [5, 5, 5, 5, 3, 5])],
            vec![followup(30, 20, ReportCommitted), followup(31, 21, Open)], vec![], AtRisk,
            &["scored 3 on resolution in the latest interview", "2 open low-score follow-ups (F30, F31)"]),
        ("closed follow-ups are done with", good(), vec![followup(30, 20, Closed)], vec![], Healthy, &[]),
        ("an overdue low-score follow-up", lukewarm(), vec![followup(30, 20, Open)], vec![overdue(LowScoreFollowUp, F30)], AtRisk, &[
            "low-score follow-up F30 overdue (due 2026-11-03 10:00)",
            "scored 3 on delivery in the latest interview",
            "1 open low-score follow-up (F30)",
            "1 overdue item: Low-score follow-up (F30)",
        ]),
        ("a low-score follow-up due today is not late yet", lukewarm(), vec![followup(30, 20, Open)],
            vec![item(LowScoreFollowUp, F30, DueState::Due)], Watch,
            &["scored 3 on delivery in the latest interview", "1 open low-score follow-up (F30)"]),
        ("one overdue item", good(), vec![], vec![overdue(Debrief, I20)], Watch, &["1 overdue item: Debrief AM/sales (I20)"]),
        ("due and upcoming items are not late", good(), vec![],
            vec![item(Debrief, I20, DueState::Due), item(ReportPresident, I20, DueState::Upcoming)], Healthy, &[]),
        ("a snoozed item is still late", good(), vec![], vec![Item { snoozed_until: Some(t(30)), ..overdue(Debrief, I20) }], Watch,
            &["1 overdue item: Debrief AM/sales (I20)"]),
        ("many overdue items are one sign, three named", good(), vec![],
            vec![overdue(Acknowledge, I20), overdue(Debrief, I20), overdue(ReportPresident, I20), overdue(ActionItem, A40)], Watch,
            &["4 overdue items: Send thank-you (I20), Debrief AM/sales (I20), Report to President (I20) and 1 more"]),
        ("a lukewarm interview plus an overdue debrief", lukewarm(), vec![], vec![overdue(Debrief, I20)], AtRisk,
            &["scored 3 on delivery in the latest interview", "1 overdue item: Debrief AM/sales (I20)"]),
        ("a falling trend plus an overdue debrief", vec![interview(19, 1, [5; 6]), interview(20, 2, [4; 6])], vec![],
            vec![overdue(Debrief, I20)], AtRisk,
            &["average fell from 5.0 to 4.0 over the last 2 interviews", "1 overdue item: Debrief AM/sales (I20)"]),
    ]);
}

#[rustfmt::skip]
#[test]
fn never_interviewed_rules() {
    check(vec![
        ("no interview at all", vec![], vec![], vec![], Watch, &["never interviewed"]),
        ("only booked or cancelled interviews",
            vec![with_status(interview(20, 1, [0; 6]), InterviewStatus::Scheduled), with_status(interview(21, 2, [5; 6]), InterviewStatus::Cancelled)],
            vec![], vec![], Watch, &["never interviewed"]),
        ("late for the first booking is the same sign", vec![], vec![], vec![overdue(ScheduleInterview, C10)], Watch,
            &["1 overdue item: Schedule interview (C10)", "never interviewed"]),
        ("never interviewed plus another overdue item", vec![], vec![], vec![overdue(ScheduleInterview, C10), overdue(ActionItem, A40)], AtRisk,
            &["2 overdue items: Schedule interview (C10), Action item (A40)", "never interviewed"]),
        ("late for the next booking is its own sign", vec![interview(20, 1, [5; 6])], vec![], vec![overdue(ScheduleInterview, C10)], Watch,
            &["1 overdue item: Schedule interview (C10)"]),
        ("a completed interview without scores is still an interview", vec![interview(20, 1, [0; 6])], vec![], vec![], Healthy, &[]),
    ]);
}

#[test]
fn figures_never_read_as_their_limit() {
    assert_eq!(figure(2.7, 3.0), "2.7");
    assert_eq!(figure(2.96, 3.0), "2.96");
    assert_eq!(figure(3.999, 4.0), "3.999");
    assert_eq!(figure(3.99999, 4.0), "3.999");
}

#[test]
fn levels_are_ordered_and_named() {
    assert!(Healthy < Watch && Watch < AtRisk);
    let names: Vec<&str> = [Healthy, Watch, AtRisk]
        .into_iter()
        .map(RiskLevel::as_str)
        .collect();
    assert_eq!(names, ["healthy", "watch", "at_risk"]);
    let healthy = Assessment {
        level: Healthy,
        reasons: vec![],
    };
    assert_eq!(Assessment::default(), healthy);
}

fn customer(id: u64) -> Customer {
    Customer::new(
        CustomerId(id),
        format!("Customer {id}"),
        Money::new(1_000, "USD"),
        t(1),
    )
}

#[test]
fn assess_groups_by_customer_and_skips_lost_and_archived() {
    let mut lost = customer(12);
    lost.lifecycle = Lifecycle::Lost {
        reason: "price".into(),
        at: t(2),
    };
    let mut archived = customer(13);
    archived.archived = true;
    let bad = |id: u64, customer: u64| Interview {
        customer: CustomerId(customer),
        ..interview(id, 1, [1; 6])
    };
    let data = Dataset {
        customers: vec![customer(10), customer(11), lost, archived],
        interviews: vec![
            interview(20, 1, [5; 6]),
            bad(21, 11),
            bad(22, 12),
            bad(23, 13),
            bad(24, 99),
        ],
        followups: vec![FollowUp {
            customer: CustomerId(99),
            ..followup(30, 24, FollowUpState::Open)
        }],
        ..Dataset::default()
    };
    let mut late = overdue(ItemKind::Debrief, I20);
    late.obligation.customer = CustomerId(99);
    let items = vec![late];
    let policy = Policy::default();
    let map = assess(&data, &items, monitoring(&policy));
    let mut ids: Vec<u64> = map.keys().map(|id| id.0).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [10, 11],
        "lost, archived and unknown customers are not assessed"
    );
    assert_eq!(
        map[&CustomerId(10)],
        Assessment::default(),
        "another customer's records do not leak in"
    );
    assert_eq!(map[&CustomerId(11)].level, AtRisk);
}

#[test]
fn assess_reads_overdue_from_the_real_queue() {
    let mut i = interview(20, 2, [5; 6]);
    i.trigger = Trigger::SurveyImport {
        source: "typeform".into(),
        response_id: "r1".into(),
    };
    let data = Dataset {
        customers: vec![customer(10)],
        interviews: vec![i],
        ..Dataset::default()
    };
    let items = queue(&data, &Policy::default(), &WorkWeek::default(), t(23));
    let policy = Policy::default();
    let map = assess(&data, &items, monitoring(&policy));
    assert_eq!(
        map[&CustomerId(10)].reasons,
        ["1 overdue item: Send thank-you (I20)"]
    );
    assert_eq!(map[&CustomerId(10)].level, Watch);
}

#[test]
fn assess_covers_every_customer_of_a_large_programme() {
    let customers: Vec<Customer> = (1..=10_000).map(customer).collect();
    let interviews: Vec<Interview> = (0..100_000u64)
        .map(|n| Interview {
            customer: CustomerId(n % 10_000 + 1),
            ..interview(
                100_000 + n,
                1 + (n / 10_000) as u32,
                [5, 4, 5, 3 + (n % 3) as u8, 5, 4],
            )
        })
        .collect();
    let data = Dataset {
        customers,
        interviews,
        ..Dataset::default()
    };
    // No clock here: a quadratic pass over this would take minutes, a hang the run notices.
    // The time is measured by the "risk assessment" bench in benches/queue.rs.
    let policy = Policy::default();
    let map = assess(&data, &[], monitoring(&policy));
    assert_eq!(map.len(), 10_000);
}
