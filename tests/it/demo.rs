//! The demo generator: deterministic, complete, consistent, and telling the story the console
//! is built to show (something overdue in every part of the loop).

use chrono::{TimeDelta, TimeZone, Utc};
use hearback::core::{
    ActionState, Change, ChangeSet, Customer, Dataset, FollowUpState, IdAllocator, Individual,
    Instant, Interview, InterviewStatus, Lifecycle, Role, TimelineEvent, Trigger,
};
use hearback::demo::{DemoOptions, generate};
use std::collections::{HashMap, HashSet};

/// A fixed `now`: Friday 14 March 2025, 10:30 UTC.
fn now() -> Instant {
    Utc.with_ymd_and_hms(2025, 3, 14, 10, 30, 0)
        .single()
        .expect("valid date")
}

fn demo(customers: usize, seed: u64) -> ChangeSet {
    generate(
        &DemoOptions { customers, seed },
        now(),
        &mut IdAllocator::starting_at(1),
    )
}

/// The records of a change set as the store would load them, plus the timeline.
fn split(set: &ChangeSet) -> (Dataset, Vec<TimelineEvent>) {
    let mut data = Dataset::default();
    let mut events = Vec::new();
    for change in &set.changes {
        match change.clone() {
            Change::Staff(r) => data.staff.push(r),
            Change::Customer(r) => data.customers.push(r),
            Change::Interview(r) => data.interviews.push(r),
            Change::FollowUp(r) => data.followups.push(r),
            Change::Action(r) => data.actions.push(r),
            Change::Deliverable(r) => data.deliverables.push(r),
            Change::Snooze(r) => data.snoozes.push(r),
            Change::Event(r) => events.push(r),
            Change::Draft(_) | Change::DiscardDraft(_) | Change::CrmFields(_) => {
                panic!("the demo writes no drafts and no CRM values")
            }
            Change::Monitor(r) => data.monitors.push(r),
            Change::Request(r) => data.requests.push(r),
        }
    }
    (data, events)
}

#[test]
fn the_same_seed_and_now_give_identical_data_and_another_seed_does_not() {
    let a = demo(40, 7);
    let b = demo(40, 7);
    assert_eq!(a, b);
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
    assert_ne!(a, demo(40, 8));
    assert_eq!(
        DemoOptions::default(),
        DemoOptions {
            customers: 40,
            seed: 7
        }
    );
}

#[test]
fn it_makes_exactly_the_customers_asked_for() {
    for n in [0, 1, 2, 3, 5, 10, 40] {
        let set = demo(n, 7);
        let (data, _) = split(&set);
        assert_eq!(data.customers.len(), n, "{n} customers");
        assert!(data.staff.len() >= 12, "staff always come");
        if n == 0 {
            assert!(set.changes.iter().all(|c| matches!(c, Change::Staff(_))));
        } else {
            assert!(!data.interviews.is_empty(), "{n} customers have interviews");
        }
    }
}

#[test]
fn the_staff_cover_every_role_and_executives_have_bios() {
    let (data, _) = split(&demo(0, 7));
    let holders = |r: Role| data.staff.iter().filter(|s| s.has_role(r)).count();
    assert_eq!(holders(Role::President), 1);
    assert_eq!(holders(Role::SeniorManagement), 2);
    assert_eq!(holders(Role::Executive), 3);
    assert_eq!(holders(Role::AccountManager), 5);
    assert_eq!(holders(Role::Salesperson), 3);
    assert_eq!(holders(Role::ServiceManager), 2);
    for s in data.staff.iter().filter(|s| s.has_role(Role::Executive)) {
        assert!(s.bio.split(". ").count() >= 2, "{} has a short bio", s.name);
    }
}

#[test]
fn customers_look_like_a_real_book_of_business() {
    let (data, events) = split(&demo(40, 7));
    let sizes: Vec<i64> = data.customers.iter().map(|c| c.size.minor).collect();
    let (min, max) = (
        *sizes.iter().min().expect("customers"),
        *sizes.iter().max().expect("customers"),
    );
    assert!(
        max >= min * 100,
        "sizes span two orders of magnitude: {min}..{max}"
    );
    let names: HashSet<&str> = data.customers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), 40, "company names are unique");
    let lost: Vec<&Customer> = data
        .customers
        .iter()
        .filter(|c| matches!(c.lifecycle, Lifecycle::Lost { .. }))
        .collect();
    assert_eq!(lost.len(), 2);
    for c in &lost {
        let Lifecycle::Lost { reason, .. } = &c.lifecycle else {
            unreachable!()
        };
        assert!(!reason.is_empty());
        assert!(
            !data
                .interviews_of(c.id)
                .iter()
                .any(|i| i.status == InterviewStatus::Scheduled)
        );
    }
    assert_eq!(data.customers.iter().filter(|c| c.archived).count(), 1);
    let count = |f: &dyn Fn(&Customer) -> bool| data.customers.iter().filter(|c| f(c)).count();
    assert_eq!(count(&|c| c.tier == hearback::core::Tier::Key), 6);
    assert!(count(&|c| c.crm_id.is_some()) >= 30);
    assert!(count(&|c| c.size.currency == "USD") >= 25);
    assert!(count(&|c| c.size.currency != "USD") >= 1);
    assert!(count(&|c| !c.prebrief.successes.is_empty()) >= 30);
    for c in &data.customers {
        assert!((1..=3).contains(&c.contacts.len()), "{}", c.name);
        for p in &c.contacts {
            assert!(
                p.email.ends_with(".example") && p.email.contains('@'),
                "{}",
                p.email
            );
            assert!(p.phone.starts_with('+'), "{}", p.phone);
        }
        assert!(c.account_manager.is_some() && c.salesperson.is_some());
        assert!(c.service_manager.is_some() && c.executive_sponsor.is_some());
    }
    let managers: HashSet<_> = data.customers.iter().map(|c| c.account_manager).collect();
    assert_eq!(managers.len(), 5, "every account manager has customers");
    let kinds: HashSet<_> = events.iter().map(|e| format!("{:?}", e.kind)).collect();
    for kind in [
        "CustomerCreated",
        "InterviewScheduled",
        "InterviewCompleted",
        "Acknowledged",
        "Debriefed",
        "ReportedToPresident",
        "Disseminated",
        "FollowUpOpened",
        "FollowUpContacted",
        "FollowUpClosed",
        "ActionCreated",
        "ActionUpdated",
        "DeliverableRecorded",
        "CustomerLost",
        "CustomerRequest",
        "OurResponse",
    ] {
        assert!(kinds.contains(kind), "a {kind} event");
    }
}

#[test]
fn interviews_have_history_scores_and_triggers_of_every_kind() {
    let (data, _) = split(&demo(40, 7));
    let completed: Vec<_> = data
        .interviews
        .iter()
        .filter(|i| i.is_completed())
        .collect();
    assert!(
        completed.len() >= 100,
        "about four per customer: {}",
        completed.len()
    );
    let mut histogram = [0usize; 6];
    for i in &completed {
        assert_eq!(i.answers.len(), 6);
        for a in &i.answers {
            histogram[usize::from(a.score.expect("scored").get())] += 1;
        }
    }
    let total: usize = histogram.iter().sum();
    assert!(
        histogram[4] + histogram[5] > total * 3 / 4,
        "mostly 4-5: {histogram:?}"
    );
    assert!(
        histogram[3] > 0 && histogram[1] + histogram[2] > 0,
        "{histogram:?}"
    );
    assert!(histogram[1] + histogram[2] < histogram[3], "{histogram:?}");
    assert!(completed.iter().any(|i| {
        i.answers
            .iter()
            .any(|a| a.individual == Individual::Private)
    }));
    assert!(completed.iter().any(|i| i.significant_issue));
    let has = |f: &dyn Fn(&Trigger) -> bool| completed.iter().any(|i| f(&i.trigger));
    assert!(has(&|t| matches!(t, Trigger::Cadence)));
    assert!(has(&|t| matches!(t, Trigger::AdHoc)));
    assert!(has(&|t| matches!(t, Trigger::Deliverable { .. })));
    assert!(has(
        &|t| matches!(t, Trigger::SurveyImport { source, .. } if source == "typeform")
    ));
    let scheduled: Vec<_> = data
        .interviews
        .iter()
        .filter(|i| i.status == InterviewStatus::Scheduled)
        .collect();
    assert!(!scheduled.is_empty());
    for i in &scheduled {
        let ahead = i.scheduled_at - now();
        assert!(
            ahead > TimeDelta::zero() && ahead <= TimeDelta::days(33),
            "{ahead}"
        );
    }
    // A deliverable in the last two weeks with no interview after it yet.
    assert!(data.deliverables.iter().any(|d| {
        now() - d.delivered_at <= TimeDelta::days(14)
            && !data
                .interviews_of(d.customer)
                .iter()
                .any(|i| i.scheduled_at > d.delivered_at)
    }));
}

#[test]
fn something_is_overdue_in_every_part_of_the_loop() {
    check_story(&demo(40, 7));
}

/// What the console is built to show is all there at `now`.
fn check_story(set: &ChangeSet) {
    let (data, _) = split(set);
    let recent_incomplete = data.interviews.iter().any(|i| {
        i.completed_at
            .is_some_and(|t| now() - t <= TimeDelta::days(10))
            && (i.acknowledged_at.is_none() || i.debriefed_at.is_none() || i.reported_at.is_none())
    });
    assert!(recent_incomplete);
    let steps: [fn(&Interview) -> bool; 3] = [
        |i| i.acknowledged_at.is_none(),
        |i| i.debriefed_at.is_none(),
        |i| i.reported_at.is_none(),
    ];
    for missing in steps {
        let overdue = data.interviews.iter().any(|i| {
            i.completed_at.is_some_and(|t| {
                let age = now() - t;
                age > TimeDelta::days(1) && age <= TimeDelta::days(10)
            }) && missing(i)
        });
        assert!(overdue);
    }
    assert!(data.followups.iter().any(|f| f.severity.get() <= 2));
    assert!(data.followups.iter().any(|f| f.severity.get() == 3));
    for state in [
        FollowUpState::Open,
        FollowUpState::Contacted,
        FollowUpState::ReportCommitted,
        FollowUpState::Closed,
    ] {
        assert!(data.followups.iter().any(|f| f.state == state), "{state:?}");
    }
    assert!(
        data.followups
            .iter()
            .any(|f| f.state == FollowUpState::Open && now() - f.opened_at > TimeDelta::days(2)),
        "an open follow-up past its time limit"
    );
    for state in ActionState::ALL {
        assert!(data.actions.iter().any(|a| a.state == state), "{state:?}");
    }
    assert!(data.actions.iter().any(|a| {
        matches!(a.state, ActionState::ToDo | ActionState::Doing)
            && a.due.is_some_and(|d| d < now())
    }));
    assert!(data.actions.iter().any(|a| {
        a.state == ActionState::Done && a.done_at.is_some_and(|d| now() - d > TimeDelta::days(7))
    }));
}

#[test]
fn follow_ups_follow_the_closed_loop_rules() {
    for seed in [7, 1, 2, 3] {
        let (data, _) = split(&demo(40, seed));
        for i in data.interviews.iter().filter(|i| i.is_completed()) {
            let lowest = i.lowest_score().expect("scored").get();
            let followups: Vec<_> = data
                .followups
                .iter()
                .filter(|f| f.interview == i.id)
                .collect();
            assert_eq!(
                followups.len(),
                usize::from(lowest < 4),
                "interview {}",
                i.id
            );
            let Some(f) = followups.first() else { continue };
            let customer = data.customer(f.customer).expect("customer");
            assert_eq!(f.severity.get(), lowest);
            assert_eq!(Some(f.opened_at), i.completed_at);
            assert_eq!(f.owner, customer.account_manager);
            let low: Vec<&str> = i
                .answers
                .iter()
                .filter(|a| a.score.is_some_and(|s| s.get() < 4))
                .map(|a| a.question_key.as_str())
                .collect();
            assert_eq!(f.low_questions, low);
            assert!(
                f.participants
                    .contains(&customer.account_manager.expect("am"))
            );
            assert!(
                f.participants
                    .contains(&customer.service_manager.expect("sm"))
            );
            let senior = f.participants.iter().any(|p| {
                data.staff_member(*p)
                    .is_some_and(|s| s.has_role(Role::SeniorManagement))
            });
            assert!(senior || lowest > 2, "severity {lowest} needs a senior");
            if f.state != FollowUpState::Open {
                assert!(!f.context.is_empty() && f.contacted_at.is_some());
            }
            if f.state == FollowUpState::Closed {
                assert!(f.report_committed_at.is_some() && f.report_presented_at.is_some());
                assert!(f.closed_at.is_some());
            }
        }
        for a in &data.actions {
            let f = a
                .followup
                .and_then(|id| data.followups.iter().find(|f| f.id == id));
            let f = f.expect("actions are tied to follow-ups");
            assert_eq!(a.interview, Some(f.interview));
            assert!(a.owner.is_some() && a.due.is_some());
            assert_eq!(a.done_at.is_some(), a.state >= ActionState::Done);
            assert_eq!(
                a.followed_up_at.is_some(),
                a.state == ActionState::FollowedUp
            );
            assert!(a.done_at.is_none_or(|d| d >= a.created_at));
            assert!(
                a.followed_up_at
                    .is_none_or(|t| a.done_at.is_some_and(|d| t >= d))
            );
        }
    }
}

/// Every id is unique across record types; every reference names a record of the same set.
fn check_references(set: &ChangeSet) {
    let (data, events) = split(set);
    let mut all = Vec::new();
    all.extend(data.staff.iter().map(|s| s.id.0));
    all.extend(data.customers.iter().map(|c| c.id.0));
    all.extend(
        data.customers
            .iter()
            .flat_map(|c| c.contacts.iter().map(|p| p.id.0)),
    );
    all.extend(data.interviews.iter().map(|i| i.id.0));
    all.extend(data.followups.iter().map(|f| f.id.0));
    all.extend(data.actions.iter().map(|a| a.id.0));
    all.extend(data.deliverables.iter().map(|d| d.id.0));
    let unique: HashSet<u64> = all.iter().copied().collect();
    assert_eq!(unique.len(), all.len(), "ids are unique across all records");

    let staff: HashSet<_> = data.staff.iter().map(|s| s.id).collect();
    let customers: HashMap<_, &Customer> = data.customers.iter().map(|c| (c.id, c)).collect();
    let interviews: HashMap<_, _> = data.interviews.iter().map(|i| (i.id, i)).collect();
    let followups: HashSet<_> = data.followups.iter().map(|f| f.id).collect();
    let staff_ok = |id: Option<hearback::core::StaffId>| id.is_none_or(|id| staff.contains(&id));
    for c in &data.customers {
        for id in [
            c.account_manager,
            c.salesperson,
            c.service_manager,
            c.executive_sponsor,
        ] {
            assert!(id.is_some() && staff_ok(id));
        }
    }
    for i in &data.interviews {
        let c = customers.get(&i.customer).expect("interview customer");
        assert!(
            i.contact.is_none_or(|p| c.contact(p).is_some()),
            "contact of {}",
            i.id
        );
        assert!(staff_ok(i.executive));
        if let Trigger::Deliverable { name } = &i.trigger {
            assert!(
                data.deliverables.iter().any(|d| d.customer == i.customer
                    && &d.name == name
                    && d.delivered_at <= i.scheduled_at),
                "deliverable {name} of {}",
                i.id
            );
        }
    }
    for f in &data.followups {
        let i = interviews.get(&f.interview).expect("follow-up interview");
        assert_eq!(i.customer, f.customer);
        assert!(staff_ok(f.owner) && f.participants.iter().all(|p| staff.contains(p)));
    }
    for a in &data.actions {
        assert!(customers.contains_key(&a.customer) && staff_ok(a.owner));
        assert!(a.followup.is_none_or(|f| followups.contains(&f)));
        assert!(
            a.interview
                .is_none_or(|i| interviews.get(&i).is_some_and(|i| i.customer == a.customer))
        );
    }
    for d in &data.deliverables {
        assert!(customers.contains_key(&d.customer));
    }
    let by_display: HashMap<String, u64> = data
        .customers
        .iter()
        .map(|c| (c.id.to_string(), c.id.0))
        .chain(
            data.interviews
                .iter()
                .map(|i| (i.id.to_string(), i.customer.0)),
        )
        .chain(
            data.followups
                .iter()
                .map(|f| (f.id.to_string(), f.customer.0)),
        )
        .chain(
            data.actions
                .iter()
                .map(|a| (a.id.to_string(), a.customer.0)),
        )
        .chain(
            data.deliverables
                .iter()
                .map(|d| (d.id.to_string(), d.customer.0)),
        )
        .collect();
    let staff_names: HashSet<&str> = data.staff.iter().map(|s| s.name.as_str()).collect();
    for e in &events {
        assert!(customers.contains_key(&e.customer), "event customer");
        if let Some(r) = &e.reference {
            assert_eq!(
                by_display.get(r),
                Some(&e.customer.0),
                "reference {r} of {e:?}"
            );
        }
        assert!(
            e.actor == "demo" || staff_names.contains(e.actor.as_str()),
            "{}",
            e.actor
        );
        assert!(!e.summary.is_empty());
    }
}

#[test]
fn every_reference_resolves_and_ids_are_unique() {
    for (n, seed) in [(40, 7), (1, 7), (5, 3), (13, 99), (120, 0), (40, u64::MAX)] {
        check_references(&demo(n, seed));
    }
}

/// Every instant that is not a plan for the future lies at or before `now`.
fn check_instants(set: &ChangeSet, now: Instant) {
    let (data, events) = split(set);
    let mut past: Vec<(String, Instant)> = Vec::new();
    let mut note = |what: &str, t: Option<Instant>| {
        if let Some(t) = t {
            past.push((what.to_string(), t));
        }
    };
    for c in &data.customers {
        note("customer created", Some(c.created_at));
        note("customer updated", Some(c.updated_at));
        assert!(c.updated_at >= c.created_at);
        if let Lifecycle::Lost { at, .. } = c.lifecycle {
            note("lost", Some(at));
        }
    }
    for i in &data.interviews {
        if i.status != InterviewStatus::Scheduled {
            note("scheduled", Some(i.scheduled_at));
        }
        for (what, t) in [
            ("invitation", i.invitation_sent_at),
            ("bio", i.bio_sent_at),
            ("prebriefed", i.prebriefed_at),
            ("started", i.started_at),
            ("completed", i.completed_at),
            ("acknowledged", i.acknowledged_at),
            ("debriefed", i.debriefed_at),
            ("informed", i.executives_informed_at),
            ("reported", i.reported_at),
            ("disseminated", i.disseminated_at),
        ] {
            note(what, t);
        }
        if let (Some(done), Some(ack)) = (i.completed_at, i.acknowledged_at) {
            assert!(ack >= done);
        }
    }
    for f in &data.followups {
        for (what, t) in [
            ("opened", Some(f.opened_at)),
            ("contacted", f.contacted_at),
            ("committed", f.report_committed_at),
            ("presented", f.report_presented_at),
            ("closed", f.closed_at),
        ] {
            note(what, t);
        }
    }
    for a in &data.actions {
        note("action created", Some(a.created_at));
        note("action done", a.done_at);
        note("action followed up", a.followed_up_at);
    }
    for d in &data.deliverables {
        note("delivered", Some(d.delivered_at));
    }
    for e in &events {
        note("event", Some(e.at));
    }
    for (what, t) in past {
        assert!(t <= now, "{what} at {t} is after now {now}");
    }
}

#[test]
fn nothing_but_plans_lies_in_the_future() {
    for (n, seed) in [(40, 7), (1, 7), (5, 3), (60, 12)] {
        check_instants(&demo(n, seed), now());
    }
    // A `now` with sub-second precision on a Sunday night.
    let odd = Utc
        .with_ymd_and_hms(2024, 12, 29, 23, 59, 59)
        .single()
        .expect("valid date")
        + TimeDelta::nanoseconds(987_654_321);
    let set = generate(
        &DemoOptions::default(),
        odd,
        &mut IdAllocator::starting_at(500),
    );
    check_instants(&set, odd);
    check_references(&set);
}

#[test]
fn ids_start_where_the_allocator_says() {
    let mut ids = IdAllocator::starting_at(1_000);
    let set = generate(
        &DemoOptions {
            customers: 3,
            seed: 1,
        },
        now(),
        &mut ids,
    );
    let (data, _) = split(&set);
    assert!(data.staff.iter().all(|s| s.id.0 >= 1_000));
    assert_eq!(
        IdAllocator::after(&data).expect("room for ids"),
        ids,
        "every id handed out is used"
    );
}

#[test]
fn large_demos_stay_consistent() {
    // How fast it is generated is measured by benches/queue.rs ("demo generation"), not here.
    let set = demo(2_000, 7);
    let (data, _) = split(&set);
    assert_eq!(data.customers.len(), 2_000);
    let names: HashSet<&str> = data.customers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), 2_000);
    check_references(&set);
}

#[test]
fn every_seed_tells_the_whole_story() {
    for seed in 0..25 {
        let set = demo(40, seed);
        check_story(&set);
        check_references(&set);
        check_instants(&set, now());
    }
}
