use super::*;
use crate::core::queue::ItemKind;
use crate::core::{
    ActionId, ActionItem, ActionKind, ActionState, EventKind, FollowUp, FollowUpId, FollowUpState,
    Instant, Interview, InterviewId, Money, Role, Score, Snooze, Staff, StaffId, TimelineEvent,
    Trigger,
};
use chrono::{TimeZone, Utc};

fn t(day: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0)
        .single()
        .expect("valid date")
}

fn interview(id: u64, customer: u64) -> Interview {
    Interview::booked(
        InterviewId(id),
        CustomerId(customer),
        Trigger::Cadence,
        t(2),
    )
}

fn followup(id: u64, customer: u64, interview: u64) -> FollowUp {
    FollowUp {
        id: FollowUpId(id),
        customer: CustomerId(customer),
        interview: InterviewId(interview),
        severity: Score::new(2).expect("valid score"),
        low_questions: vec!["delivery".into()],
        owner: None,
        participants: vec![],
        state: FollowUpState::Open,
        opened_at: t(3),
        contacted_at: None,
        context: String::new(),
        report_committed_at: None,
        report_presented_at: None,
        closed_at: None,
    }
}

fn action(id: u64, customer: u64) -> ActionItem {
    ActionItem {
        id: ActionId(id),
        customer: CustomerId(customer),
        followup: None,
        interview: None,
        kind: ActionKind::Corrective,
        title: "Fix it".into(),
        detail: String::new(),
        owner: None,
        due: None,
        state: ActionState::ToDo,
        created_at: t(3),
        done_at: None,
        followed_up_at: None,
    }
}

/// Customers 1, 2 and 3; interviews 10 (of 1) and 20 (of 2); follow-up 30 of customer 3 about
/// interview 20; action 40 of customer 1.
fn data() -> Dataset {
    let customer = |id: u64| {
        Customer::new(
            CustomerId(id),
            format!("Customer {id}"),
            Money::new(1000 * id as i64, "USD"),
            t(1),
        )
    };
    Dataset {
        customers: vec![customer(1), customer(2), customer(3)],
        interviews: vec![interview(10, 1), interview(20, 2)],
        followups: vec![followup(30, 3, 20)],
        actions: vec![action(40, 1)],
        ..Dataset::default()
    }
}

fn one(change: Change) -> ChangeSet {
    let mut set = ChangeSet::new();
    set.push(change);
    set
}

fn only(ids: &[u64]) -> Reach {
    Reach::Customers(ids.iter().map(|&id| CustomerId(id)).collect())
}

#[test]
fn staff_and_new_customers_reach_everything() {
    let staff = Staff {
        id: StaffId(1),
        name: "Ada".into(),
        email: None,
        roles: vec![Role::Executive],
        bio: String::new(),
        active: true,
    };
    assert_eq!(
        reach(&data(), &one(Change::Staff(staff))),
        Reach::Everything
    );
    let new = Customer::new(CustomerId(9), "New", Money::new(5, "USD"), t(1));
    assert_eq!(
        reach(&data(), &one(Change::Customer(new))),
        Reach::Everything
    );
}

#[test]
fn a_customer_keeps_to_itself_unless_its_place_in_the_list_or_cohort_moves() {
    let before = data();
    let mut owner = before.customers[1].clone();
    owner.account_manager = Some(StaffId(7));
    assert_eq!(reach(&before, &one(Change::Customer(owner))), only(&[2]));
    let mut bigger = before.customers[1].clone();
    bigger.size = Money::new(1, "USD");
    assert_eq!(
        reach(&before, &one(Change::Customer(bigger))),
        Reach::Everything
    );
    let mut renamed = before.customers[1].clone();
    renamed.name = "Zed".into();
    assert_eq!(
        reach(&before, &one(Change::Customer(renamed))),
        Reach::Everything
    );
    let mut archived = before.customers[1].clone();
    archived.archived = true;
    assert_eq!(
        reach(&before, &one(Change::Customer(archived))),
        Reach::Everything
    );
}

#[test]
fn a_record_reaches_its_customer_and_the_one_it_had_before() {
    let before = data();
    assert_eq!(
        reach(&before, &one(Change::Action(action(40, 1)))),
        only(&[1])
    );
    assert_eq!(
        reach(&before, &one(Change::Action(action(40, 2)))),
        only(&[1, 2])
    );
    assert_eq!(
        reach(&before, &one(Change::Action(action(41, 3)))),
        only(&[3])
    );
    // The follow-up of customer 3 names interview 20's questions.
    assert_eq!(
        reach(&before, &one(Change::Interview(interview(20, 2)))),
        only(&[2, 3])
    );
}

#[test]
fn a_new_record_below_the_highest_id_reaches_everything() {
    let before = data();
    assert_eq!(
        reach(&before, &one(Change::Interview(interview(15, 1)))),
        Reach::Everything
    );
    assert_eq!(
        reach(&before, &one(Change::Interview(interview(25, 1)))),
        only(&[1])
    );
}

#[test]
fn a_snooze_reaches_the_customer_of_its_item_and_events_reach_nobody() {
    let before = data();
    let snooze = |key: &str| Snooze {
        item_key: key.into(),
        customer: CustomerId(1),
        until: t(9),
        reason: "travelling".into(),
        by: None,
        at: t(4),
    };
    let key = crate::core::queue::item_key(
        ItemKind::LowScoreFollowUp,
        Subject::FollowUp(FollowUpId(30)),
    );
    assert_eq!(
        reach(&before, &one(Change::Snooze(snooze(&key)))),
        only(&[3])
    );
    let gone = crate::core::queue::item_key(
        ItemKind::LowScoreFollowUp,
        Subject::FollowUp(FollowUpId(99)),
    );
    assert_eq!(
        reach(&before, &one(Change::Snooze(snooze(&gone)))),
        Reach::Everything
    );
    let event = TimelineEvent {
        customer: CustomerId(1),
        at: t(4),
        actor: "lead".into(),
        kind: EventKind::Undone,
        summary: "Undone: a step".into(),
        reference: None,
    };
    assert_eq!(reach(&before, &one(Change::Event(event))), only(&[]));
}

#[test]
fn scope_covers_what_it_names() {
    let set: CustomerSet = [CustomerId(2)].into_iter().collect();
    assert!(Scope::All.covers(CustomerId(1)));
    assert!(Scope::Only(&set).covers(CustomerId(2)));
    assert!(!Scope::Only(&set).covers(CustomerId(1)));
    let data = data();
    let found: Vec<CustomerId> = Scope::Only(&set).customers(&data).map(|c| c.id).collect();
    assert_eq!(found, vec![CustomerId(2)]);
}
