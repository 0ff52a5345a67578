use super::*;
use crate::core::queue::{Subject, queue};
use crate::core::{
    Answer, Customer, FollowUpId, Instant, InterviewId, Lifecycle, Money, PreBrief, Tier, Trigger,
    business_time::Calendar, policy::Policy,
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

/// 2026-11-`day` 10:00 UTC.
fn t(day: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0)
        .single()
        .expect("valid date")
}

/// A completed interview of customer 10 on `day`; a score of 0 means not scored.
fn interview(id: u64, day: u32, scores: [u8; 6]) -> Interview {
    Interview {
        id: InterviewId(id),
        customer: CustomerId(10),
        contact: None,
        executive: None,
        trigger: Trigger::Cadence,
        scheduled_at: t(day),
        duration_minutes: 30,
        location: None,
        invitation_sent_at: None,
        bio_sent_at: None,
        prebriefed_at: None,
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
        significant_issue: false,
        acknowledged_at: None,
        debriefed_at: None,
        executives_informed_at: None,
        reported_at: None,
        disseminated_at: None,
        notes: String::new(),
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
        kind,
        subject,
        customer: CustomerId(10),
        what: String::new(),
        owner_role: None,
        owner: None,
        participants: vec![],
        due: t(3),
        state,
        severity: None,
        snoozed_until: None,
        customer_size: 0,
    }
}

fn overdue(kind: ItemKind, subject: Subject) -> Item {
    item(kind, subject, DueState::Overdue)
}

const I20: Subject = Subject::Interview(InterviewId(20));
const F30: Subject = Subject::FollowUp(FollowUpId(30));

struct Case {
    name: &'static str,
    interviews: Vec<Interview>,
    followups: Vec<FollowUp>,
    items: Vec<Item>,
    level: RiskLevel,
    reasons: &'static [&'static str],
}

fn case(
    name: &'static str,
    interviews: Vec<Interview>,
    level: RiskLevel,
    reasons: &'static [&'static str],
) -> Case {
    Case {
        name,
        interviews,
        followups: vec![],
        items: vec![],
        level,
        reasons,
    }
}

fn check(cases: Vec<Case>) {
    for c in cases {
        let interviews: Vec<&Interview> = c.interviews.iter().collect();
        let followups: Vec<&FollowUp> = c.followups.iter().collect();
        let items: Vec<&Item> = c.items.iter().collect();
        let got = assess_one(&interviews, &followups, &items);
        assert_eq!(got.reasons, c.reasons, "{}: reasons", c.name);
        assert_eq!(got.level, c.level, "{}: level", c.name);
    }
}

use RiskLevel::{AtRisk, Healthy, Watch};

#[test]
fn score_rules() {
    check(vec![
        case("all fives", vec![interview(20, 1, [5; 6])], Healthy, &[]),
        case(
            "all fours: an average of 4.0 is not below 4.0",
            vec![interview(20, 1, [4; 6])],
            Healthy,
            &[],
        ),
        case(
            "average below 3.0 (it always comes with a score of 2 or less)",
            vec![interview(20, 1, [3, 3, 3, 2, 3, 2])],
            AtRisk,
            &[
                "latest average 2.7 (below 3.0)",
                "scored 2 on delivery, 2 on loyalty in the latest interview",
            ],
        ),
        case(
            "a single 2 in an otherwise good interview",
            vec![interview(20, 1, [5, 5, 5, 2, 5, 5])],
            AtRisk,
            &["scored 2 on delivery in the latest interview"],
        ),
        case(
            "a single 1",
            vec![interview(20, 1, [5, 5, 5, 5, 5, 1])],
            AtRisk,
            &["scored 1 on loyalty in the latest interview"],
        ),
        case(
            "lowest score 3",
            vec![interview(20, 1, [5, 5, 5, 3, 5, 5])],
            Watch,
            &["scored 3 on delivery in the latest interview"],
        ),
        case(
            "average below 4.0 and lowest 3: one sign, not two",
            vec![interview(20, 1, [4, 4, 4, 3, 3, 4])],
            Watch,
            &[
                "latest average 3.7 (below 4.0)",
                "scored 3 on delivery, 3 on resolution in the latest interview",
            ],
        ),
        case(
            "an average of exactly 3.0 is not below 3.0",
            vec![interview(20, 1, [3, 4, 2, 4, 3, 2])],
            AtRisk,
            &[
                "latest average 3.0 (below 4.0)",
                "scored 2 on responsiveness, 2 on loyalty in the latest interview",
            ],
        ),
        case(
            "unscored questions do not count in the average",
            vec![interview(20, 1, [5, 0, 0, 0, 0, 3])],
            Watch,
            &["scored 3 on loyalty in the latest interview"],
        ),
        case(
            "only the latest interview's scores count",
            vec![interview(20, 1, [1; 6]), interview(21, 5, [5; 6])],
            Healthy,
            &[],
        ),
        case(
            "latest is by completion time, not by id or order",
            vec![interview(21, 5, [1; 6]), interview(20, 9, [5; 6])],
            Healthy,
            &[],
        ),
        case(
            "an interview without scores is skipped",
            vec![
                interview(20, 1, [5, 5, 5, 2, 5, 5]),
                interview(21, 5, [0; 6]),
            ],
            AtRisk,
            &["scored 2 on delivery in the latest interview"],
        ),
        case(
            "scheduled, in-progress and cancelled interviews carry no feedback",
            vec![
                interview(20, 1, [5; 6]),
                with_status(interview(21, 5, [1; 6]), InterviewStatus::Cancelled),
                with_status(interview(22, 6, [1; 6]), InterviewStatus::InProgress),
                with_status(interview(23, 7, [1; 6]), InterviewStatus::Scheduled),
            ],
            Healthy,
            &[],
        ),
    ]);
}

#[test]
fn trend_rules() {
    let nearly = [5, 5, 4, 4, 4, 4]; // 4.33
    check(vec![
        case(
            "fell from the mean of the two before",
            vec![
                interview(20, 1, [5; 6]),
                interview(21, 2, [5, 5, 5, 5, 4, 4]),
                interview(22, 3, [4; 6]),
            ],
            Watch,
            &["average fell from 4.8 to 4.0 over the last 3 interviews"],
        ),
        case(
            "with one interview before",
            vec![
                interview(20, 1, [5; 6]),
                interview(21, 2, [4, 4, 4, 5, 4, 4]),
            ],
            Watch,
            &["average fell from 5.0 to 4.2 over the last 2 interviews"],
        ),
        case(
            "a fall of exactly 0.5 counts",
            vec![
                interview(20, 1, [5, 5, 5, 4, 4, 4]),
                interview(21, 2, [4; 6]),
            ],
            Watch,
            &["average fell from 4.5 to 4.0 over the last 2 interviews"],
        ),
        case(
            "a fall of 0.33 does not",
            vec![interview(20, 1, nearly), interview(21, 2, [4; 6])],
            Healthy,
            &[],
        ),
        case(
            "only the two interviews before the latest count (three would give 0.56)",
            vec![
                interview(20, 1, [5; 6]),
                interview(21, 2, nearly),
                interview(22, 3, nearly),
                interview(23, 4, [4; 6]),
            ],
            Healthy,
            &[],
        ),
        case(
            "a rise is fine",
            vec![interview(20, 1, [4; 6]), interview(21, 2, [5; 6])],
            Healthy,
            &[],
        ),
        case(
            "a fall plus a lukewarm latest interview: two signs",
            vec![
                interview(20, 1, [5; 6]),
                interview(21, 2, [5, 5, 4, 4, 4, 3]),
            ],
            AtRisk,
            &[
                "scored 3 on loyalty in the latest interview",
                "average fell from 5.0 to 4.2 over the last 2 interviews",
            ],
        ),
    ]);
}

#[test]
fn followup_and_overdue_rules() {
    let lukewarm = || interview(20, 1, [5, 5, 5, 3, 5, 5]);
    check(vec![
        Case {
            followups: vec![followup(30, 20, FollowUpState::Open)],
            ..case(
                "the latest interview's own follow-up is the same sign",
                vec![lukewarm()],
                Watch,
                &[
                    "scored 3 on delivery in the latest interview",
                    "1 open low-score follow-up (F30)",
                ],
            )
        },
        Case {
            followups: vec![followup(30, 20, FollowUpState::Contacted)],
            ..case(
                "a follow-up still open from an earlier interview",
                vec![lukewarm(), interview(21, 5, [5; 6])],
                Watch,
                &["1 open low-score follow-up (F30)"],
            )
        },
        Case {
            followups: vec![
                followup(30, 20, FollowUpState::ReportCommitted),
                followup(31, 21, FollowUpState::Open),
            ],
            ..case(
                "an earlier open follow-up plus a lukewarm latest interview",
                vec![lukewarm(), interview(21, 5, [5, 5, 5, 5, 3, 5])],
                AtRisk,
                &[
                    "scored 3 on resolution in the latest interview",
                    "2 open low-score follow-ups (F30, F31)",
                ],
            )
        },
        Case {
            followups: vec![followup(30, 20, FollowUpState::Closed)],
            ..case(
                "closed follow-ups are done with",
                vec![interview(20, 1, [5; 6])],
                Healthy,
                &[],
            )
        },
        Case {
            followups: vec![followup(30, 20, FollowUpState::Open)],
            items: vec![overdue(ItemKind::LowScoreFollowUp, F30)],
            ..case(
                "an overdue low-score follow-up",
                vec![lukewarm()],
                AtRisk,
                &[
                    "low-score follow-up F30 overdue (due 2026-11-03 10:00)",
                    "scored 3 on delivery in the latest interview",
                    "1 open low-score follow-up (F30)",
                    "1 overdue item: Low-score follow-up (F30)",
                ],
            )
        },
        Case {
            followups: vec![followup(30, 20, FollowUpState::Open)],
            items: vec![item(ItemKind::LowScoreFollowUp, F30, DueState::Due)],
            ..case(
                "a low-score follow-up due today is not late yet",
                vec![lukewarm()],
                Watch,
                &[
                    "scored 3 on delivery in the latest interview",
                    "1 open low-score follow-up (F30)",
                ],
            )
        },
        Case {
            items: vec![overdue(ItemKind::Debrief, I20)],
            ..case(
                "one overdue item",
                vec![interview(20, 1, [5; 6])],
                Watch,
                &["1 overdue item: Debrief AM/sales (I20)"],
            )
        },
        Case {
            items: vec![
                item(ItemKind::Debrief, I20, DueState::Due),
                item(ItemKind::ReportPresident, I20, DueState::Upcoming),
            ],
            ..case(
                "due and upcoming items are not late",
                vec![interview(20, 1, [5; 6])],
                Healthy,
                &[],
            )
        },
        Case {
            items: vec![Item {
                snoozed_until: Some(t(30)),
                ..overdue(ItemKind::Debrief, I20)
            }],
            ..case(
                "a snoozed item is still late",
                vec![interview(20, 1, [5; 6])],
                Watch,
                &["1 overdue item: Debrief AM/sales (I20)"],
            )
        },
        Case {
            items: vec![
                overdue(ItemKind::Acknowledge, I20),
                overdue(ItemKind::Debrief, I20),
                overdue(ItemKind::ReportPresident, I20),
                overdue(
                    ItemKind::ActionItem,
                    Subject::Action(crate::core::ActionId(40)),
                ),
            ],
            ..case(
                "many overdue items are one sign, three named",
                vec![interview(20, 1, [5; 6])],
                Watch,
                &[
                    "4 overdue items: Send thank-you (I20), Debrief AM/sales (I20), Report to President (I20) and 1 more",
                ],
            )
        },
        Case {
            items: vec![overdue(ItemKind::Debrief, I20)],
            ..case(
                "a lukewarm interview plus an overdue debrief",
                vec![lukewarm()],
                AtRisk,
                &[
                    "scored 3 on delivery in the latest interview",
                    "1 overdue item: Debrief AM/sales (I20)",
                ],
            )
        },
        Case {
            items: vec![overdue(ItemKind::Debrief, I20)],
            ..case(
                "a falling trend plus an overdue debrief",
                vec![interview(19, 1, [5; 6]), interview(20, 2, [4; 6])],
                AtRisk,
                &[
                    "average fell from 5.0 to 4.0 over the last 2 interviews",
                    "1 overdue item: Debrief AM/sales (I20)",
                ],
            )
        },
    ]);
}

#[test]
fn never_interviewed_rules() {
    let c10 = Subject::Customer(CustomerId(10));
    check(vec![
        case("no interview at all", vec![], Watch, &["never interviewed"]),
        case(
            "only booked or cancelled interviews",
            vec![
                with_status(interview(20, 1, [0; 6]), InterviewStatus::Scheduled),
                with_status(interview(21, 2, [5; 6]), InterviewStatus::Cancelled),
            ],
            Watch,
            &["never interviewed"],
        ),
        Case {
            items: vec![overdue(ItemKind::ScheduleInterview, c10)],
            ..case(
                "late for the first booking is the same sign",
                vec![],
                Watch,
                &[
                    "1 overdue item: Schedule interview (C10)",
                    "never interviewed",
                ],
            )
        },
        Case {
            items: vec![
                overdue(ItemKind::ScheduleInterview, c10),
                overdue(
                    ItemKind::ActionItem,
                    Subject::Action(crate::core::ActionId(40)),
                ),
            ],
            ..case(
                "never interviewed plus another overdue item",
                vec![],
                AtRisk,
                &[
                    "2 overdue items: Schedule interview (C10), Action item (A40)",
                    "never interviewed",
                ],
            )
        },
        Case {
            items: vec![overdue(ItemKind::ScheduleInterview, c10)],
            ..case(
                "late for the next booking is its own sign",
                vec![interview(20, 1, [5; 6])],
                Watch,
                &["1 overdue item: Schedule interview (C10)"],
            )
        },
        case(
            "a completed interview without scores is still an interview",
            vec![interview(20, 1, [0; 6])],
            Healthy,
            &[],
        ),
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
    assert_eq!(
        Assessment::default(),
        Assessment {
            level: Healthy,
            reasons: vec![]
        }
    );
}

fn customer(id: u64) -> Customer {
    Customer {
        id: CustomerId(id),
        crm_id: None,
        name: format!("Customer {id}"),
        size: Money::new(1_000, "USD"),
        tier: Tier::Standard,
        segment: String::new(),
        region: String::new(),
        account_manager: None,
        salesperson: None,
        service_manager: None,
        executive_sponsor: None,
        contacts: vec![],
        prebrief: PreBrief::default(),
        lifecycle: Lifecycle::Active,
        archived: false,
        created_at: t(1),
        updated_at: t(1),
    }
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
    let items = vec![Item {
        customer: CustomerId(99),
        ..overdue(ItemKind::Debrief, I20)
    }];
    let map = assess(&data, &items);
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
    let items = queue(&data, &Policy::default(), &Calendar::default(), t(23));
    let map = assess(&data, &items);
    assert_eq!(
        map[&CustomerId(10)].reasons,
        ["1 overdue item: Send thank-you (I20)"]
    );
    assert_eq!(map[&CustomerId(10)].level, Watch);
}

#[test]
fn assess_is_linear_in_the_data() {
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
    let started = std::time::Instant::now();
    let map = assess(&data, &[]);
    let took = started.elapsed();
    assert_eq!(map.len(), 10_000);
    // A quadratic pass would take minutes; this bound only catches that, not a slow machine.
    assert!(took < std::time::Duration::from_secs(3), "took {took:?}");
}
