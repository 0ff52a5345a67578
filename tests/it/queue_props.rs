//! Property tests of the queue: random datasets, clocks and policies against an independent
//! oracle of which obligations are owed, plus the ordering and due-state invariants.
//!
//! The oracle below restates the rules from the doc comments of `core::obligations` and
//! `core::queue` as plainly as possible and computes only the SET of item keys; due times are
//! covered by the table-driven tests in `tests/it/queue.rs`.

use chrono::{Duration, FixedOffset, TimeZone, Utc};
use hearback::core::business_time::WorkWeek;
use hearback::core::policy::{Cadence, Deadlines, LowScores, Policy, TierMonths};
use hearback::core::queue::{DueState, Item, ItemKind, queue};
use hearback::core::*;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::Config;
use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/// All generated times are offsets from here.
fn base() -> Instant {
    Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0)
        .single()
        .expect("a valid fixed date")
}

/// An instant within `span` seconds of the base (a little before it too, so `now` can precede
/// records and records can precede `now`).
fn instant(span: i64) -> impl Strategy<Value = Instant> {
    (-span / 4..=span).prop_map(|s| base() + Duration::seconds(s))
}

fn opt_instant(span: i64) -> impl Strategy<Value = Option<Instant>> {
    proptest::option::of(instant(span))
}

fn pick(index: &Option<Index>, ids: &[StaffId]) -> Option<StaffId> {
    index
        .as_ref()
        .filter(|_| !ids.is_empty())
        .map(|i| ids[i.index(ids.len())])
}

#[derive(Clone, Debug)]
struct CustomerSpec {
    size: i64,
    tier: Tier,
    lost: bool,
    archived: bool,
    created_at: Instant,
    people: [Option<Index>; 4],
}

fn customer_spec(span: i64) -> impl Strategy<Value = CustomerSpec> {
    (
        prop_oneof![Just(0i64), Just(5_000_000), 0..1_000_000_000_000i64],
        prop_oneof![Just(Tier::Key), Just(Tier::Growth), Just(Tier::Standard)],
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.15),
        instant(span),
        prop::array::uniform4(proptest::option::of(any::<Index>())),
    )
        .prop_map(
            |(size, tier, lost, archived, created_at, people)| CustomerSpec {
                size,
                tier,
                lost,
                archived,
                created_at,
                people,
            },
        )
}

#[derive(Clone, Debug)]
struct InterviewSpec {
    customer: Index,
    status: InterviewStatus,
    trigger: Trigger,
    scheduled_at: Instant,
    /// invitation, bio, prebriefed, started, completed, acknowledged, debriefed, informed,
    /// reported, disseminated.
    stamps: [Option<Instant>; 10],
    significant_issue: bool,
    scores: Vec<Option<u8>>,
    executive: Option<Index>,
}

fn status() -> impl Strategy<Value = InterviewStatus> {
    prop_oneof![
        Just(InterviewStatus::Scheduled),
        Just(InterviewStatus::InProgress),
        Just(InterviewStatus::Completed),
        Just(InterviewStatus::Cancelled),
    ]
}

fn trigger() -> impl Strategy<Value = Trigger> {
    prop_oneof![
        Just(Trigger::Cadence),
        Just(Trigger::AdHoc),
        "[a-z ]{0,8}".prop_map(|name| Trigger::Deliverable { name }),
        ("[a-z]{1,8}", "[a-z0-9]{1,6}").prop_map(|(source, response_id)| Trigger::SurveyImport {
            source,
            response_id
        }),
    ]
}

fn interview_spec(span: i64) -> impl Strategy<Value = InterviewSpec> {
    (
        any::<Index>(),
        status(),
        trigger(),
        instant(span),
        prop::array::uniform10(opt_instant(span)),
        any::<bool>(),
        prop::collection::vec(proptest::option::of(1u8..=5), 0..=6),
        proptest::option::of(any::<Index>()),
    )
        .prop_map(
            |(
                customer,
                status,
                trigger,
                scheduled_at,
                stamps,
                significant_issue,
                scores,
                executive,
            )| {
                InterviewSpec {
                    customer,
                    status,
                    trigger,
                    scheduled_at,
                    stamps,
                    significant_issue,
                    scores,
                    executive,
                }
            },
        )
}

#[derive(Clone, Debug)]
struct FollowUpSpec {
    customer: Index,
    interview: Index,
    severity: u8,
    state: FollowUpState,
    opened_at: Instant,
    /// contacted, committed, presented, closed.
    stamps: [Option<Instant>; 4],
    owner: Option<Index>,
    participants: Vec<Index>,
    low_questions: Vec<String>,
}

fn followup_spec(span: i64) -> impl Strategy<Value = FollowUpSpec> {
    (
        any::<Index>(),
        any::<Index>(),
        1u8..=5,
        prop_oneof![
            Just(FollowUpState::Open),
            Just(FollowUpState::Contacted),
            Just(FollowUpState::ReportCommitted),
            Just(FollowUpState::Closed),
        ],
        instant(span),
        prop::array::uniform4(opt_instant(span)),
        proptest::option::of(any::<Index>()),
        prop::collection::vec(any::<Index>(), 0..3),
        prop::collection::vec("q[1-6]", 0..3),
    )
        .prop_map(
            |(
                customer,
                interview,
                severity,
                state,
                opened_at,
                stamps,
                owner,
                participants,
                low_questions,
            )| {
                FollowUpSpec {
                    customer,
                    interview,
                    severity,
                    state,
                    opened_at,
                    stamps,
                    owner,
                    participants,
                    low_questions,
                }
            },
        )
}

#[derive(Clone, Debug)]
struct ActionSpec {
    customer: Index,
    state: ActionState,
    kind: ActionKind,
    due: Option<Instant>,
    created_at: Instant,
    done_at: Option<Instant>,
    followed_up_at: Option<Instant>,
    owner: Option<Index>,
}

fn action_spec(span: i64) -> impl Strategy<Value = ActionSpec> {
    (
        any::<Index>(),
        prop::sample::select(ActionState::ALL.to_vec()),
        prop_oneof![Just(ActionKind::Corrective), Just(ActionKind::Preventive)],
        opt_instant(span),
        instant(span),
        opt_instant(span),
        opt_instant(span),
        proptest::option::of(any::<Index>()),
    )
        .prop_map(
            |(customer, state, kind, due, created_at, done_at, followed_up_at, owner)| ActionSpec {
                customer,
                state,
                kind,
                due,
                created_at,
                done_at,
                followed_up_at,
                owner,
            },
        )
}

#[derive(Clone, Debug)]
struct SnoozeSpec {
    kind: Index,
    subject: Index,
    /// A key that names no item (typo, old format): must be ignored, not panic.
    garbage: bool,
    until: Instant,
    at: Instant,
}

fn snooze_spec(span: i64) -> impl Strategy<Value = SnoozeSpec> {
    (
        any::<Index>(),
        any::<Index>(),
        prop::bool::weighted(0.1),
        instant(span),
        instant(span),
    )
        .prop_map(|(kind, subject, garbage, until, at)| SnoozeSpec {
            kind,
            subject,
            garbage,
            until,
            at,
        })
}

#[derive(Clone, Debug)]
struct DataSpec {
    staff: usize,
    customers: Vec<CustomerSpec>,
    interviews: Vec<InterviewSpec>,
    followups: Vec<FollowUpSpec>,
    actions: Vec<ActionSpec>,
    deliverables: Vec<(Index, Instant)>,
    snoozes: Vec<SnoozeSpec>,
}

/// Builds the dataset from a spec, with one id space for every record type (as the store's
/// allocator does) and every reference pointing at a record that exists.
fn build(spec: &DataSpec) -> Dataset {
    let mut next = 0u64;
    let mut id = || {
        next += 1;
        next
    };
    let staff: Vec<Staff> = (0..spec.staff)
        .map(|n| Staff {
            id: StaffId(id()),
            name: format!("Staff {n}"),
            email: None,
            roles: vec![Role::ALL[n % Role::ALL.len()]],
            bio: String::new(),
            active: n % 5 != 4,
        })
        .collect();
    let staff_ids: Vec<StaffId> = staff.iter().map(|s| s.id).collect();
    let customers: Vec<Customer> = spec
        .customers
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let lifecycle = if c.lost {
                Lifecycle::Lost {
                    reason: "price".into(),
                    at: c.created_at,
                }
            } else {
                Lifecycle::Active
            };
            Customer::new(
                CustomerId(id()),
                format!("Customer {n}"),
                Money::new(c.size, "USD"),
                c.created_at,
            )
            .with_tier(c.tier)
            .with_account_manager(pick(&c.people[0], &staff_ids))
            .with_salesperson(pick(&c.people[1], &staff_ids))
            .with_service_manager(pick(&c.people[2], &staff_ids))
            .with_executive_sponsor(pick(&c.people[3], &staff_ids))
            .with_lifecycle(lifecycle)
            .with_archived(c.archived)
        })
        .collect();
    let customer_of = |i: &Index| customers[i.index(customers.len())].id;
    let interviews: Vec<Interview> = spec
        .interviews
        .iter()
        .map(|i| {
            let [
                invitation,
                bio,
                prebriefed,
                started,
                completed,
                ack,
                debriefed,
                informed,
                reported,
                disseminated,
            ] = i.stamps;
            Interview {
                id: InterviewId(id()),
                customer: customer_of(&i.customer),
                contact: None,
                executive: pick(&i.executive, &staff_ids),
                trigger: i.trigger.clone(),
                scheduled_at: i.scheduled_at,
                duration_minutes: 30,
                location: None,
                invitation_sent_at: invitation,
                bio_sent_at: bio,
                prebriefed_at: prebriefed,
                status: i.status,
                started_at: started,
                completed_at: completed,
                answers: i
                    .scores
                    .iter()
                    .enumerate()
                    .map(|(n, s)| Answer {
                        question_key: format!("q{}", n + 1),
                        question: format!("Question {}?", n + 1),
                        score: s.and_then(Score::new),
                        comment: String::new(),
                        individual: if n == 1 {
                            Individual::Private
                        } else {
                            Individual::No
                        },
                    })
                    .collect(),
                significant_issue: i.significant_issue,
                acknowledged_at: ack,
                debriefed_at: debriefed,
                executives_informed_at: informed,
                reported_at: reported,
                disseminated_at: disseminated,
                notes: String::new(),
            }
        })
        .collect();
    let followups: Vec<FollowUp> = spec
        .followups
        .iter()
        .map(|f| {
            let [contacted, committed, presented, closed] = f.stamps;
            FollowUp {
                id: FollowUpId(id()),
                customer: customer_of(&f.customer),
                interview: if interviews.is_empty() {
                    InterviewId(0)
                } else {
                    interviews[f.interview.index(interviews.len())].id
                },
                severity: Score::new(f.severity).expect("generated within 1-5"),
                low_questions: f.low_questions.clone(),
                owner: pick(&f.owner, &staff_ids),
                participants: f
                    .participants
                    .iter()
                    .filter_map(|p| pick(&Some(*p), &staff_ids))
                    .collect(),
                state: f.state,
                opened_at: f.opened_at,
                contacted_at: contacted,
                context: String::new(),
                report_committed_at: committed,
                report_presented_at: presented,
                closed_at: closed,
            }
        })
        .collect();
    let actions: Vec<ActionItem> = spec
        .actions
        .iter()
        .map(|a| ActionItem {
            id: ActionId(id()),
            customer: customer_of(&a.customer),
            followup: None,
            interview: None,
            kind: a.kind,
            title: "Fix it".into(),
            detail: String::new(),
            owner: pick(&a.owner, &staff_ids),
            due: a.due,
            state: a.state,
            created_at: a.created_at,
            done_at: a.done_at,
            followed_up_at: a.followed_up_at,
        })
        .collect();
    let deliverables: Vec<Deliverable> = spec
        .deliverables
        .iter()
        .map(|(c, at)| Deliverable {
            id: DeliverableId(id()),
            customer: customer_of(c),
            name: "Go-live".into(),
            delivered_at: *at,
        })
        .collect();
    let snoozes: Vec<Snooze> = spec
        .snoozes
        .iter()
        .map(|s| {
            let kind = ItemKind::ALL[s.kind.index(ItemKind::ALL.len())];
            let c = &customers[s.subject.index(customers.len())];
            let nth = |len: usize| s.subject.index(len.max(1));
            // A subject of the record type the kind is about, when one exists.
            let subject = match kind {
                ItemKind::ScheduleInterview => Some(c.id.to_string()),
                ItemKind::PreBrief
                | ItemKind::Acknowledge
                | ItemKind::Debrief
                | ItemKind::InformExecutives
                | ItemKind::ReportPresident
                | ItemKind::Disseminate => interviews
                    .get(nth(interviews.len()))
                    .map(|i| i.id.to_string()),
                ItemKind::LowScoreFollowUp | ItemKind::FormalReport => followups
                    .get(nth(followups.len()))
                    .map(|f| f.id.to_string()),
                ItemKind::ActionItem | ItemKind::ActionFollowUp => {
                    actions.get(nth(actions.len())).map(|a| a.id.to_string())
                }
                // The generated programmes hold no requests (core::requests tests them).
                ItemKind::RequestResponse | ItemKind::RequestResolution => None,
            }
            .unwrap_or_else(|| c.id.to_string());
            let item_key = if s.garbage {
                format!("{}-{subject}", kind.as_str())
            } else {
                format!("{}:{subject}", kind.as_str())
            };
            Snooze {
                item_key,
                customer: c.id,
                until: s.until,
                reason: "busy".into(),
                by: None,
                at: s.at,
            }
        })
        .collect();
    Dataset {
        staff,
        customers,
        interviews,
        followups,
        actions,
        deliverables,
        snoozes,
        digests: None,
        highest_id: 0,
        crm_fields: Vec::new(),
        monitors: Vec::new(),
        requests: vec![],
    }
}

/// Over how many seconds records are spread: from days (many items due today, ties of due
/// times) to years (every cadence state).
fn span() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(2 * 86_400i64),
        Just(30 * 86_400),
        Just(400 * 86_400),
        Just(4 * 365 * 86_400),
    ]
}

fn data_spec(span: i64) -> impl Strategy<Value = DataSpec> {
    (
        1usize..=6,
        prop::collection::vec(customer_spec(span), 1..=20),
        prop::collection::vec(interview_spec(span), 0..=40),
        prop::collection::vec(followup_spec(span), 0..=20),
        prop::collection::vec(action_spec(span), 0..=20),
        prop::collection::vec((any::<Index>(), instant(span)), 0..=5),
        prop::collection::vec(snooze_spec(span), 0..=5),
    )
        .prop_map(
            |(staff, customers, interviews, followups, actions, deliverables, snoozes)| DataSpec {
                staff,
                customers,
                interviews,
                followups,
                actions,
                deliverables,
                snoozes,
            },
        )
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// `+HH:MM` / `-HH:MM` for a whole number of quarter hours.
fn offset_text(quarters: i32) -> String {
    let sign = if quarters < 0 { '-' } else { '+' };
    let minutes = quarters.abs() * 15;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

fn policy() -> impl Strategy<Value = (Policy, FixedOffset)> {
    let cadence = (
        1u32..=60,
        prop::array::uniform3(proptest::option::of(1u32..=60)),
        0u32..=60,
    )
        .prop_map(
            |(months, [key, growth, standard], after_deliverable_days)| Cadence {
                months,
                tier_months: TierMonths {
                    key,
                    growth,
                    standard,
                },
                after_deliverable_days,
                spacing_days: 30,
                // The model due-dates a first interview at creation; the spread of a large
                // cohort is tested in core::first_round and tests/it/import_customers.rs.
                first_round_per_week: 1000,
            },
        );
    let deadlines = prop::array::uniform8(0u32..=30).prop_map(|d| Deadlines {
        prebrief_business_days_before: d[0] % 6,
        acknowledge_business_hours: d[1],
        debrief_hours: d[2] * 2,
        inform_executives_hours: d[3] * 2,
        report_president_days: d[4],
        disseminate_days_after_report: d[5],
        formal_report_days: d[6],
        action_followup_days: d[7],
    });
    let low_scores =
        (2u8..=5, 1u8..=4, 0u32..=5, 0u32..=5).prop_map(|(threshold, senior, s, m)| LowScores {
            threshold,
            senior_max: senior.min(threshold - 1),
            senior_business_days: s,
            managers_business_days: m,
        });
    let working_days = prop_oneof![
        Just(DAYS[..5].to_vec()),
        prop::sample::subsequence(DAYS.to_vec(), 0..=7),
    ];
    let offset = proptest::option::of(-48i32..=56);
    let local = -48i32..=56;
    (cadence, deadlines, low_scores, working_days, offset, local).prop_map(
        |(cadence, deadlines, low_scores, days, offset, local)| {
            let mut policy = Policy {
                cadence,
                deadlines,
                low_scores,
                ..Policy::default()
            };
            policy.business_time.working_days = days.into_iter().map(String::from).collect();
            policy.business_time.utc_offset = offset.map(offset_text);
            let local = FixedOffset::east_opt(local * 15 * 60).expect("within a day");
            (policy, local)
        },
    )
}

/// Everything one case needs: data, policy, working week, `now` and a step forward in time.
#[derive(Debug)]
pub(crate) struct Case {
    pub(crate) data: Dataset,
    pub(crate) policy: Policy,
    pub(crate) work_week: WorkWeek,
    pub(crate) now: Instant,
    pub(crate) later: Instant,
}

pub(crate) fn case() -> impl Strategy<Value = Case> {
    span().prop_flat_map(|span| {
        let delta = prop_oneof![
            Just(0i64),
            0i64..=3_600,
            0i64..=3 * 86_400,
            0i64..=3 * 365 * 86_400
        ];
        (data_spec(span), policy(), instant(span), delta).prop_map(
            |(spec, (policy, local), now, delta)| {
                let work_week = policy.work_week(local);
                Case {
                    data: build(&spec),
                    policy,
                    work_week,
                    now,
                    later: now + Duration::seconds(delta),
                }
            },
        )
    })
}

pub(crate) fn config() -> Config {
    // No regression files: this crate keeps its tree to the files it means to ship.
    Config {
        failure_persistence: None,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------------

/// The keys of every undischarged obligation, restated from the rules' doc comments:
///
/// - a current customer (active, not archived) without a booked (scheduled or in-progress)
///   interview must have one booked;
/// - a scheduled interview not yet pre-briefed owes the pre-brief;
/// - a completed interview owes the thank-you until acknowledged; unless it is a survey
///   response it also owes the debrief, the report to the President and the dissemination,
///   and informing the executives when it raised a significant issue, each until stamped
///   (whether or not `completed_at` was recorded: "nothing silently drops out");
/// - an open follow-up owes the low-score contact; a contacted or report-committed one owes the
///   formal report until it is presented; a closed one owes nothing;
/// - a to-do or doing action is owed; a done one owes telling the customer; a followed-up one
///   owes nothing.
fn expected_keys(data: &Dataset) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let booked: BTreeSet<CustomerId> = data
        .interviews
        .iter()
        .filter(|i| {
            matches!(
                i.status,
                InterviewStatus::Scheduled | InterviewStatus::InProgress
            )
        })
        .map(|i| i.customer)
        .collect();
    for c in &data.customers {
        if !c.archived && c.lifecycle == Lifecycle::Active && !booked.contains(&c.id) {
            keys.insert(format!("schedule_interview:C{}", c.id.0));
        }
    }
    for i in &data.interviews {
        let key = |kind: &str| format!("{kind}:I{}", i.id.0);
        match i.status {
            InterviewStatus::Scheduled => {
                if i.prebriefed_at.is_none() {
                    keys.insert(key("prebrief"));
                }
            }
            InterviewStatus::Completed => {
                if i.acknowledged_at.is_none() {
                    keys.insert(key("acknowledge"));
                }
                let survey = matches!(i.trigger, Trigger::SurveyImport { .. });
                if !survey {
                    if i.debriefed_at.is_none() {
                        keys.insert(key("debrief"));
                    }
                    if i.significant_issue && i.executives_informed_at.is_none() {
                        keys.insert(key("inform_executives"));
                    }
                    if i.reported_at.is_none() {
                        keys.insert(key("report_president"));
                    }
                    if i.disseminated_at.is_none() {
                        keys.insert(key("disseminate"));
                    }
                }
            }
            InterviewStatus::InProgress | InterviewStatus::Cancelled => {}
        }
    }
    for f in &data.followups {
        match f.state {
            FollowUpState::Open => {
                keys.insert(format!("low_score_followup:F{}", f.id.0));
            }
            FollowUpState::Contacted | FollowUpState::ReportCommitted => {
                if f.report_presented_at.is_none() {
                    keys.insert(format!("formal_report:F{}", f.id.0));
                }
            }
            FollowUpState::Closed => {}
        }
    }
    for a in &data.actions {
        match a.state {
            ActionState::ToDo | ActionState::Doing => {
                keys.insert(format!("action_item:A{}", a.id.0));
            }
            ActionState::Done => {
                keys.insert(format!("action_followup:A{}", a.id.0));
            }
            ActionState::FollowedUp => {}
        }
    }
    keys
}

/// The stated order: state, then severity (lowest first, none last), then the larger customer,
/// then the earlier due time.
fn stated_order(item: &Item) -> (DueState, bool, Option<u8>, Reverse<i64>, Instant) {
    (
        item.state,
        item.severity.is_none(),
        item.severity,
        Reverse(item.customer_size),
        item.due,
    )
}

fn run(case: &Case, now: Instant) -> Vec<Item> {
    queue(&case.data, &case.policy, &case.work_week, now)
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// 1. Sorted by state, then severity, then customer size (descending), then due.
    #[test]
    fn queue_is_in_the_stated_order(case in case()) {
        let items = run(&case, case.now);
        for pair in items.windows(2) {
            prop_assert!(
                stated_order(&pair[0]) <= stated_order(&pair[1]),
                "out of order:\n{:?}\nbefore\n{:?}", pair[0], pair[1]
            );
        }
    }

    /// 2. Every undischarged obligation appears exactly once, and nothing else does.
    #[test]
    fn every_undischarged_obligation_appears_exactly_once(case in case()) {
        let items = run(&case, case.now);
        let keys: Vec<String> = items.iter().map(Item::key).collect();
        let unique: BTreeSet<String> = keys.iter().cloned().collect();
        prop_assert_eq!(unique.len(), keys.len(), "duplicate keys in {:?}", keys);
        let expected = expected_keys(&case.data);
        let missing: Vec<&String> = expected.difference(&unique).collect();
        let extra: Vec<&String> = unique.difference(&expected).collect();
        prop_assert!(missing.is_empty() && extra.is_empty(), "missing {:?}, unexpected {:?}", missing, extra);
    }

    /// 3. Time only makes things later: an overdue item stays in the queue and stays overdue.
    #[test]
    fn overdue_items_stay_overdue_as_time_passes(case in case()) {
        let before = run(&case, case.now);
        let after: HashMap<String, DueState> = run(&case, case.later).iter().map(|i| (i.key(), i.state)).collect();
        for item in before.iter().filter(|i| i.state == DueState::Overdue) {
            let key = item.key();
            prop_assert_eq!(after.get(&key), Some(&DueState::Overdue), "{} at {} then {}", key, case.now, case.later);
        }
    }

    /// 4. Each item's state matches its due time, in the calendar's days; each item carries its
    ///    customer's size and any snooze still running on its key.
    #[test]
    fn states_match_due_times(case in case()) {
        let now = case.now;
        let offset = case.work_week.offset;
        for item in run(&case, now) {
            let overdue = now > item.due;
            let same_day = item.due.with_timezone(&offset).date_naive() == now.with_timezone(&offset).date_naive();
            let want = if overdue {
                DueState::Overdue
            } else if same_day {
                DueState::Due
            } else {
                DueState::Upcoming
            };
            prop_assert_eq!(item.state, want, "{} due {} at {}", item.key(), item.due, now);
            let size = case.data.customer(item.customer).map_or(0, |c| c.size.minor);
            prop_assert_eq!(item.customer_size, size, "{}", item.key());
            let running: Vec<Instant> = case
                .data
                .snoozes
                .iter()
                .filter(|s| s.item_key == item.key() && s.until > now)
                .map(|s| s.until)
                .collect();
            match item.snoozed_until {
                None => prop_assert!(running.is_empty(), "{} should be snoozed until one of {:?}", item.key(), running),
                Some(until) => prop_assert!(running.contains(&until), "{} snoozed until {} by none of {:?}", item.key(), until, running),
            }
        }
    }

    /// 5. Never panics, whatever the records, clock and policy (checked at both clocks).
    /// 6. Refreshing an earlier queue to a later time gives exactly the recomputed queue: the
    ///    dashboard's cheap tick path can never drift from the rules.
    #[test]
    fn refresh_equals_recompute(case in case()) {
        let mut items = run(&case, case.now);
        hearback::core::queue::refresh(&mut items, &case.work_week, case.later);
        let fresh = run(&case, case.later);
        prop_assert_eq!(items, fresh, "refresh from {} to {}", case.now, case.later);
    }

    #[test]
    fn queue_never_panics(case in case()) {
        let _ = run(&case, case.now);
        let _ = run(&case, case.later);
        let _ = queue(&case.data, &Policy::default(), &WorkWeek::default(), case.now);
    }
}
