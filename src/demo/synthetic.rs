//! A large, deterministic synthetic dataset for benchmarks: a programme several years old with
//! 10,000 customers, 100,000 interviews, ~15,000 follow-ups and 50,000 action items.
//!
//! It uses the demo's own PRNG (SplitMix64), so the data never changes with a dependency upgrade
//! and benchmark figures stay comparable over time. Used by `benches/` and `hearback bench`.

use super::rng::Rng;
use crate::core::*;
use chrono::{Duration, TimeZone, Utc};

/// The demo's generator with the few helpers this data needs.
struct SynthRng(Rng);

impl SynthRng {
    fn below(&mut self, n: u64) -> u64 {
        self.0.below(n)
    }

    /// True with probability `percent` / 100.
    fn percent(&mut self, percent: u64) -> bool {
        self.0.below(100) < percent
    }

    /// Up to `max_minutes` minutes, as a duration.
    fn minutes(&mut self, max_minutes: u64) -> Duration {
        Duration::minutes(i64::try_from(self.0.below(max_minutes.max(1))).unwrap_or(0))
    }

    /// One of `items`. Every list passed here is built a few lines above and never empty.
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.0.index(items.len())]
    }
}

/// Sizes of the synthetic programme.
pub const CUSTOMERS: u64 = 10_000;
/// Interviews per customer, so 100,000 in all.
pub const INTERVIEWS_PER_CUSTOMER: u64 = 10;
/// Action items in all.
pub const ACTIONS: u64 = 50_000;
/// Our people.
pub const STAFF: u64 = 40;

/// The fixed "now" of the benchmark: a Monday morning.
pub fn now() -> Instant {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("a valid fixed date")
}

/// The whole synthetic dataset; the same bytes every run.
pub fn dataset() -> Dataset {
    dataset_with(1)
}

/// The synthetic programme with `history` times the interviews per customer: the same
/// customers, people and open work, with (`history` - 1) x 10 older interviews each, one every
/// six months further back, their loops long closed (no step left open, every follow-up
/// closed). It shows how the cost grows with history alone (`bench run`'s second scale point).
/// `dataset_with(1)` is [`dataset`], draw for draw.
pub fn dataset_with(history: u64) -> Dataset {
    let per_customer = INTERVIEWS_PER_CUSTOMER * history.max(1);
    let mut old = std::collections::HashSet::new();
    let mut rng = SynthRng(Rng::new(0x4845_4152_4241_434B)); // "HEARBACK"
    let now = now();
    let mut next_id = 0u64;
    let mut id = || {
        next_id += 1;
        next_id
    };
    let mut data = Dataset::default();

    for n in 0..STAFF {
        let roles = match n % 8 {
            0 => vec![Role::Executive],
            1 => vec![Role::Executive, Role::SeniorManagement],
            2..=4 => vec![Role::AccountManager],
            5 => vec![Role::Salesperson],
            6 => vec![Role::ServiceManager],
            _ => vec![Role::AccountManager, Role::Salesperson],
        };
        data.staff.push(Staff {
            id: StaffId(id()),
            name: format!("Staff {n}"),
            email: Some(format!("staff{n}@ours.example")),
            roles,
            bio: String::new(),
            active: n != STAFF - 1,
        });
    }
    let with_role = |role: Role| -> Vec<StaffId> {
        data.staff
            .iter()
            .filter(|s| s.has_role(role))
            .map(|s| s.id)
            .collect()
    };
    let (managers, sales, service, executives) = (
        with_role(Role::AccountManager),
        with_role(Role::Salesperson),
        with_role(Role::ServiceManager),
        with_role(Role::Executive),
    );

    for n in 0..CUSTOMERS {
        let tier = match rng.below(100) {
            0..5 => Tier::Key,
            5..25 => Tier::Growth,
            _ => Tier::Standard,
        };
        // Sizes spread over four orders of magnitude, bigger for bigger tiers.
        let scale: i64 = match tier {
            Tier::Key => 100_000_000,
            Tier::Growth => 10_000_000,
            Tier::Standard => 1_000_000,
        };
        let size = scale + (rng.below(scale as u64 * 9) as i64);
        let created_at = now - Duration::days(1_900) - rng.minutes(365 * 24 * 60);
        let lifecycle = if rng.percent(3) {
            Lifecycle::Lost {
                reason: "price".into(),
                at: now - rng.minutes(400 * 24 * 60),
            }
        } else {
            Lifecycle::Active
        };
        // The draws from `rng` keep their order (the synthetic data must not change).
        let customer = Customer::new(
            CustomerId(id()),
            format!("Customer {n}"),
            Money::new(size, "USD"),
            created_at,
        )
        .with_crm_id(format!("CRM-{n}"))
        .with_tier(tier)
        .with_segment(["Logistics", "Retail", "Health", "Finance"][n as usize % 4])
        .with_region(["EMEA", "AMER", "APAC"][n as usize % 3])
        .with_account_manager(rng.percent(98).then(|| rng.pick(&managers)))
        .with_salesperson(rng.percent(90).then(|| rng.pick(&sales)))
        .with_service_manager(rng.percent(80).then(|| rng.pick(&service)))
        .with_executive_sponsor(rng.percent(70).then(|| rng.pick(&executives)))
        .with_lifecycle(lifecycle)
        .with_archived(rng.percent(1));
        data.customers.push(customer);
    }

    let customer_ids: Vec<CustomerId> = data.customers.iter().map(|c| c.id).collect();
    for &customer in &customer_ids {
        // The customer's interviews every six months or so, the newest a little in the past.
        let newest = now - Duration::days(20) - rng.minutes(150 * 24 * 60);
        let booked_next = rng.percent(30);
        for k in 0..per_customer {
            let last = k == per_customer - 1;
            let back = (per_customer - 1 - k) as i64;
            // Older than the 1x programme's ten: history only (never drawn for `history` 1).
            let older = k < per_customer - INTERVIEWS_PER_CUSTOMER;
            let done = newest - Duration::days(182 * back) + rng.minutes(24 * 60);
            let survey = rng.percent(15);
            let trigger = if survey {
                Trigger::SurveyImport {
                    source: "typeform".into(),
                    response_id: format!("r{}", rng.0.next_u64()),
                }
            } else if rng.percent(10) {
                Trigger::Deliverable {
                    name: "Go-live".into(),
                }
            } else {
                Trigger::Cadence
            };
            let mut i = Interview {
                id: InterviewId(id()),
                customer,
                contact: None,
                executive: rng.percent(90).then(|| rng.pick(&executives)),
                trigger,
                scheduled_at: done - Duration::minutes(30),
                duration_minutes: 30,
                location: None,
                invitation_sent_at: Some(done - Duration::days(10)),
                bio_sent_at: Some(done - Duration::days(10)),
                prebriefed_at: Some(done - Duration::days(1)),
                status: InterviewStatus::Completed,
                started_at: Some(done - Duration::minutes(30)),
                completed_at: Some(done),
                answers: (1..=6)
                    .map(|q| Answer {
                        question_key: format!("q{q}"),
                        question: String::new(),
                        score: Score::new(2 + rng.below(4) as u8),
                        comment: String::new(),
                        individual: Individual::No,
                    })
                    .collect(),
                significant_issue: rng.percent(5),
                acknowledged_at: Some(done + Duration::hours(1)),
                debriefed_at: Some(done + Duration::hours(20)),
                executives_informed_at: Some(done + Duration::hours(20)),
                reported_at: Some(done + Duration::days(6)),
                disseminated_at: Some(done + Duration::days(15)),
                notes: String::new(),
            };
            if last && booked_next {
                // The next one is booked: in the next few weeks, some not yet pre-briefed.
                let at = now + rng.minutes(40 * 24 * 60);
                i.status = if rng.percent(2) {
                    InterviewStatus::InProgress
                } else {
                    InterviewStatus::Scheduled
                };
                i.scheduled_at = at;
                i.completed_at = None;
                i.started_at = None;
                i.prebriefed_at = rng.percent(50).then(|| at - Duration::days(1));
                for stamp in [
                    &mut i.acknowledged_at,
                    &mut i.debriefed_at,
                    &mut i.executives_informed_at,
                    &mut i.reported_at,
                    &mut i.disseminated_at,
                ] {
                    *stamp = None;
                }
            } else if rng.percent(1) {
                i.status = InterviewStatus::Cancelled;
            } else if !older && rng.percent(if last { 25 } else { 2 }) {
                // A few percent with steps still open (recent ones more often).
                for stamp in [
                    &mut i.acknowledged_at,
                    &mut i.debriefed_at,
                    &mut i.executives_informed_at,
                    &mut i.reported_at,
                    &mut i.disseminated_at,
                ] {
                    if rng.percent(40) {
                        *stamp = None;
                    }
                }
            }
            if older {
                old.insert(i.id);
            }
            data.interviews.push(i);
        }
    }

    // Follow-ups: about 15 % of interviews scored low; most loops are long closed.
    let states = [
        FollowUpState::Open,
        FollowUpState::Contacted,
        FollowUpState::ReportCommitted,
    ];
    let completed: Vec<(InterviewId, CustomerId, Instant)> = data
        .interviews
        .iter()
        .filter_map(|i| i.completed_at.map(|at| (i.id, i.customer, at)))
        .collect();
    for &(interview, customer, at) in &completed {
        if !rng.percent(16) {
            continue;
        }
        let closed = old.contains(&interview) || rng.percent(88);
        let state = if closed {
            FollowUpState::Closed
        } else {
            rng.pick(&states)
        };
        let contacted = (state != FollowUpState::Open).then(|| at + Duration::days(1));
        data.followups.push(FollowUp {
            id: FollowUpId(id()),
            customer,
            interview,
            severity: Score::new(1 + rng.below(3) as u8).expect("1-3"),
            low_questions: vec!["q2".into(), "q5".into()],
            owner: rng.percent(95).then(|| rng.pick(&managers)),
            participants: vec![rng.pick(&managers), rng.pick(&service)],
            state,
            opened_at: at,
            contacted_at: contacted,
            context: String::new(),
            report_committed_at: (state == FollowUpState::ReportCommitted || closed)
                .then(|| at + Duration::days(2)),
            report_presented_at: (closed || rng.percent(10)).then(|| at + Duration::days(10)),
            closed_at: closed.then(|| at + Duration::days(12)),
        });
    }

    let followup_refs: Vec<(FollowUpId, InterviewId, CustomerId, Instant)> = data
        .followups
        .iter()
        .map(|f| (f.id, f.interview, f.customer, f.opened_at))
        .collect();
    for n in 0..ACTIONS {
        let (followup, interview, customer, opened) =
            followup_refs[(n % followup_refs.len() as u64) as usize];
        let created_at = opened + Duration::days(3);
        let state = match rng.below(100) {
            0..3 => ActionState::ToDo,
            3..6 => ActionState::Doing,
            6..9 => ActionState::Done,
            _ => ActionState::FollowedUp,
        };
        let due = rng.percent(97).then(|| created_at + Duration::days(30));
        let finished = matches!(state, ActionState::Done | ActionState::FollowedUp);
        data.actions.push(ActionItem {
            id: ActionId(id()),
            customer,
            followup: Some(followup),
            interview: Some(interview),
            kind: if n % 2 == 0 {
                ActionKind::Corrective
            } else {
                ActionKind::Preventive
            },
            title: format!("Action {n}"),
            detail: String::new(),
            owner: rng.percent(95).then(|| rng.pick(&managers)),
            due,
            state,
            created_at,
            done_at: finished.then(|| created_at + Duration::days(20)),
            followed_up_at: (state == ActionState::FollowedUp)
                .then(|| created_at + Duration::days(25)),
        });
    }

    for n in 0..1_000u64 {
        let customer = rng.pick(&customer_ids);
        data.deliverables.push(Deliverable {
            id: DeliverableId(id()),
            customer,
            name: format!("Release {n}"),
            delivered_at: now - rng.minutes(300 * 24 * 60),
        });
    }

    for _ in 0..200 {
        let customer = rng.pick(&customer_ids);
        data.snoozes.push(Snooze {
            item_key: format!("schedule_interview:{customer}"),
            customer,
            until: now + rng.minutes(20 * 24 * 60) - Duration::days(5),
            reason: "Customer asked to wait".into(),
            by: Some(rng.pick(&managers)),
            at: now - Duration::days(5),
        });
    }
    data
}
