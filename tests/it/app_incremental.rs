//! The dashboard after a save (issue 15): a save recomputes only the customers it reaches
//! (`core::reach`), never the whole queue. For any data, open work or the whole history, and
//! any sequence of the saves the dashboard makes, the queue, risk and the panes' lists after
//! each save equal a full recompute.

use crate::common::dashboard;
use crate::queue_props::{Case, case, config};
use hearback::app::{App, Msg, Rules, update};
use hearback::core::open_work::open_part;
use hearback::core::{
    ActionId, ActionItem, ActionKind, ActionState, Answer, Change, ChangeSet, Dataset, Deliverable,
    DeliverableId, FollowUpState, IdAllocator, InterviewStatus, Lifecycle, Money, Score, Snooze,
};
use proptest::prelude::*;

/// One save, as the dashboard makes them; `pick` chooses a record of the data as it stands.
#[derive(Clone, Debug)]
enum Edit {
    /// A card moved to another column.
    MoveCard { pick: usize, state: usize },
    /// A card given a new due date (hours from now; none when 0) and owner.
    DueCard { pick: usize, hours: i64 },
    /// A card handed to another customer's board.
    CardToCustomer { pick: usize, to: usize },
    /// A new card for a customer.
    NewCard { to: usize },
    /// A follow-up moved on.
    FollowUpStep { pick: usize, state: usize },
    /// An interview completed with a score, acknowledged or not.
    Complete {
        pick: usize,
        score: u8,
        acknowledged: bool,
    },
    /// An interview rebooked a number of hours later (or earlier).
    Rebook { pick: usize, hours: i64 },
    /// An interview cancelled.
    Cancel { pick: usize },
    /// An interview recorded under another customer.
    InterviewToCustomer { pick: usize, to: usize },
    /// A customer's account manager changed.
    Owner { pick: usize, staff: usize },
    /// A customer marked lost.
    Lost { pick: usize },
    /// A customer's size changed (moves it in the list: everything is recomputed).
    Size { pick: usize, minor: i64 },
    /// A queue item snoozed for some days.
    Snooze { pick: usize, days: i64 },
    /// A deliverable delivered to a customer.
    Delivered { to: usize, days_ago: i64 },
    /// A staff member's activity toggled (everything is recomputed).
    Staff { pick: usize },
    /// Two edits saved together.
    Both(Box<Edit>, Box<Edit>),
}

fn edit() -> impl Strategy<Value = Edit> {
    let p = any::<usize>;
    let leaf = prop_oneof![
        3 => (p(), 0usize..4).prop_map(|(pick, state)| Edit::MoveCard { pick, state }),
        2 => (p(), -200i64..200).prop_map(|(pick, hours)| Edit::DueCard { pick, hours }),
        1 => (p(), p()).prop_map(|(pick, to)| Edit::CardToCustomer { pick, to }),
        2 => p().prop_map(|to| Edit::NewCard { to }),
        3 => (p(), 0usize..4).prop_map(|(pick, state)| Edit::FollowUpStep { pick, state }),
        3 => (p(), 1u8..=10, any::<bool>())
            .prop_map(|(pick, score, acknowledged)| Edit::Complete { pick, score, acknowledged }),
        2 => (p(), -500i64..500).prop_map(|(pick, hours)| Edit::Rebook { pick, hours }),
        1 => p().prop_map(|pick| Edit::Cancel { pick }),
        1 => (p(), p()).prop_map(|(pick, to)| Edit::InterviewToCustomer { pick, to }),
        2 => (p(), p()).prop_map(|(pick, staff)| Edit::Owner { pick, staff }),
        1 => p().prop_map(|pick| Edit::Lost { pick }),
        1 => (p(), 0i64..10_000_000).prop_map(|(pick, minor)| Edit::Size { pick, minor }),
        2 => (p(), 1i64..30).prop_map(|(pick, days)| Edit::Snooze { pick, days }),
        1 => (p(), 0i64..400).prop_map(|(to, days_ago)| Edit::Delivered { to, days_ago }),
        1 => p().prop_map(|pick| Edit::Staff { pick }),
    ];
    leaf.prop_recursive(1, 2, 2, |inner| {
        (inner.clone(), inner).prop_map(|(a, b)| Edit::Both(Box::new(a), Box::new(b)))
    })
}

fn nth<T>(list: &[T], pick: usize) -> Option<&T> {
    (!list.is_empty()).then(|| &list[pick % list.len()])
}

/// The records `edit` writes into `app`'s data as it stands (none when it has nothing to edit).
fn changes(edit: &Edit, app: &App, set: &mut ChangeSet) {
    let data = &app.data;
    let now = app.now;
    let hours = chrono::Duration::hours;
    let customer = |to: usize| nth(&data.customers, to).map(|c| c.id);
    let mut ids = IdAllocator::after(data).expect("ids left");
    // New records in one set take ids one after another.
    for _ in 0..set.changes.len() {
        ids.next_id();
    }
    match edit {
        Edit::MoveCard { pick, state } => {
            if let Some(mut a) = nth(&data.actions, *pick).cloned() {
                a.state = ActionState::ALL[*state % ActionState::ALL.len()];
                a.done_at = (a.state == ActionState::Done).then_some(now);
                set.push(Change::Action(a));
            }
        }
        Edit::DueCard { pick, hours: h } => {
            if let Some(mut a) = nth(&data.actions, *pick).cloned() {
                a.due = (*h != 0).then(|| now + hours(*h));
                a.owner = data.staff.first().map(|s| s.id);
                set.push(Change::Action(a));
            }
        }
        Edit::CardToCustomer { pick, to } => {
            if let (Some(mut a), Some(to)) = (nth(&data.actions, *pick).cloned(), customer(*to)) {
                a.customer = to;
                set.push(Change::Action(a));
            }
        }
        Edit::NewCard { to } => {
            if let Some(to) = customer(*to) {
                set.push(Change::Action(ActionItem {
                    id: ActionId(ids.next_id()),
                    customer: to,
                    followup: None,
                    interview: None,
                    kind: ActionKind::Corrective,
                    title: "Call back about the invoice".into(),
                    detail: String::new(),
                    owner: None,
                    due: Some(now + hours(5)),
                    state: ActionState::ToDo,
                    created_at: now,
                    done_at: None,
                    followed_up_at: None,
                }));
            }
        }
        Edit::FollowUpStep { pick, state } => {
            if let Some(mut f) = nth(&data.followups, *pick).cloned() {
                f.state = [
                    FollowUpState::Open,
                    FollowUpState::Contacted,
                    FollowUpState::ReportCommitted,
                    FollowUpState::Closed,
                ][*state % 4];
                f.contacted_at = (f.state != FollowUpState::Open).then_some(now);
                f.closed_at = (f.state == FollowUpState::Closed).then_some(now);
                set.push(Change::FollowUp(f));
            }
        }
        Edit::Complete {
            pick,
            score,
            acknowledged,
        } => {
            if let Some(mut i) = nth(&data.interviews, *pick).cloned() {
                i.status = InterviewStatus::Completed;
                i.completed_at = Some(now - hours(2));
                i.acknowledged_at = acknowledged.then_some(now);
                i.answers = ["overall", "delivery"]
                    .iter()
                    .map(|key| Answer {
                        question_key: (*key).into(),
                        score: Score::new(*score),
                        ..Answer::default()
                    })
                    .collect();
                set.push(Change::Interview(i));
            }
        }
        Edit::Rebook { pick, hours: h } => {
            if let Some(mut i) = nth(&data.interviews, *pick).cloned() {
                i.status = InterviewStatus::Scheduled;
                i.completed_at = None;
                i.scheduled_at = now + hours(*h);
                set.push(Change::Interview(i));
            }
        }
        Edit::Cancel { pick } => {
            if let Some(mut i) = nth(&data.interviews, *pick).cloned() {
                i.status = InterviewStatus::Cancelled;
                set.push(Change::Interview(i));
            }
        }
        Edit::InterviewToCustomer { pick, to } => {
            if let (Some(mut i), Some(to)) = (nth(&data.interviews, *pick).cloned(), customer(*to))
            {
                i.customer = to;
                set.push(Change::Interview(i));
            }
        }
        Edit::Owner { pick, staff } => {
            if let Some(mut c) = nth(&data.customers, *pick).cloned() {
                c.account_manager = nth(&data.staff, *staff).map(|s| s.id);
                set.push(Change::Customer(c));
            }
        }
        Edit::Lost { pick } => {
            if let Some(mut c) = nth(&data.customers, *pick).cloned() {
                c.lifecycle = Lifecycle::Lost {
                    reason: "budget".into(),
                    at: now,
                };
                set.push(Change::Customer(c));
            }
        }
        Edit::Size { pick, minor } => {
            if let Some(mut c) = nth(&data.customers, *pick).cloned() {
                c.size = Money::new(*minor, &c.size.currency);
                set.push(Change::Customer(c));
            }
        }
        Edit::Snooze { pick, days } => {
            if let Some(item) = nth(&app.items, *pick) {
                set.push(Change::Snooze(Snooze {
                    item_key: item.key(),
                    customer: item.customer,
                    until: now + chrono::Duration::days(*days),
                    reason: "on holiday".into(),
                    by: None,
                    at: now,
                }));
            }
        }
        Edit::Delivered { to, days_ago } => {
            if let Some(to) = customer(*to) {
                set.push(Change::Deliverable(Deliverable {
                    id: DeliverableId(ids.next_id()),
                    customer: to,
                    name: "Phase 2".into(),
                    delivered_at: now - chrono::Duration::days(*days_ago),
                }));
            }
        }
        Edit::Staff { pick } => {
            if let Some(mut s) = nth(&data.staff, *pick).cloned() {
                s.active = !s.active;
                set.push(Change::Staff(s));
            }
        }
        Edit::Both(a, b) => {
            changes(a, app, set);
            changes(b, app, set);
        }
    }
}

/// The dashboard over `data` at the case's time with its rules.
fn dashboard_over(data: Dataset, case: &Case) -> App {
    let rules = Rules {
        policy: case.policy.clone(),
        work_week: case.work_week.clone(),
        ..dashboard::rules()
    };
    App::new(data, rules, case.now, true, String::new(), String::new())
}

/// Saves each edit in turn, then lets time move on, and checks the dashboard against a full
/// recompute after each.
fn check(data: Dataset, case: &Case, edits: &[Edit]) -> Result<(), TestCaseError> {
    let mut app = dashboard_over(data, case);
    for edit in edits {
        let mut set = ChangeSet::new();
        changes(edit, &app, &mut set);
        if set.is_empty() {
            continue;
        }
        update(
            &mut app,
            Msg::Saved {
                changes: set,
                label: "a step".into(),
                result: Ok(()),
            },
        );
        prop_assert_eq!(
            app.derived_differences(),
            Vec::<String>::new(),
            "after {:?}",
            edit
        );
    }
    // A tick later: the items whose state moved, and their customers' risk.
    app.fixed_now = false;
    app.advance(case.later);
    prop_assert_eq!(
        app.derived_differences(),
        Vec::<String>::new(),
        "at {}",
        case.later
    );
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// Over the whole history and over open work with its digests, every save leaves the
    /// queue, risk and the panes' lists as a full recompute would.
    #[test]
    fn every_save_leaves_the_dashboard_as_a_full_recompute_would(
        case in case(),
        edits in proptest::collection::vec(edit(), 1..10),
    ) {
        check(case.data.clone(), &case, &edits)?;
        check(open_part(&case.data), &case, &edits)?;
    }
}

/// A customer of a first round (many created by one import) keeps its planned date when a save
/// touches it alone: the plan is made over its whole cohort, not over the customers saved.
#[test]
fn a_first_round_customer_keeps_its_planned_date_after_a_save() {
    use hearback::core::{Customer, CustomerId};
    let created = dashboard::now() - chrono::Duration::days(3);
    let data = Dataset {
        customers: (1..=30)
            .map(|n| {
                Customer::new(
                    CustomerId(n),
                    format!("Customer {n}"),
                    Money::new(1_000 * n as i64, "USD"),
                    created,
                )
            })
            .collect(),
        ..Dataset::default()
    };
    let mut rules = dashboard::rules();
    rules.policy.cadence.first_round_per_week = 3;
    let mut app = App::new(
        data,
        rules,
        dashboard::now(),
        true,
        String::new(),
        String::new(),
    );
    let due_of = |app: &App, id| {
        app.items
            .iter()
            .find(|i| i.customer == id)
            .map(|i| i.due)
            .expect("a first interview is owed")
    };
    // The smallest customer is planned last, weeks after the import.
    let last = CustomerId(1);
    let planned = due_of(&app, last);
    assert!(planned >= created + chrono::Duration::weeks(9));
    let mut c = app.data.customers[0].clone();
    c.segment = "Retail".into();
    let mut set = ChangeSet::new();
    set.push(Change::Customer(c));
    update(
        &mut app,
        Msg::Saved {
            changes: set,
            label: "segment".into(),
            result: Ok(()),
        },
    );
    assert_eq!(due_of(&app, last), planned);
    assert!(app.derived_differences().is_empty());
}
