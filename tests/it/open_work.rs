//! Open work and the derived state (issue 15): for any history and any later time, the queue
//! from open work equals the queue from the whole history; and the store's derived state,
//! kept commit by commit, always gives exactly that open work (both stores), which `check`
//! confirms.

use crate::common::dashboard;
use crate::queue_props::{Case, case, config};
use hearback::app::{App, CustomerRow, Rules};
use hearback::core::open_work::open_part;
use hearback::core::queue::queue;
use hearback::core::{
    ActionState, Change, ChangeSet, CustomerId, Dataset, FollowUpState, IdAllocator,
    InterviewStatus,
};
use hearback::store::{DataStore, MemoryStore, Store};
use proptest::prelude::*;

/// The case's records as a history of saves: each interview, follow-up and action is first
/// saved in an earlier state (booked, open, to do; some interviews under another customer),
/// then as it is, so the derived state goes through every kind of change the app makes.
fn history(data: &Dataset) -> Vec<ChangeSet> {
    let mut first = ChangeSet::new();
    let mut second = ChangeSet::new();
    for r in &data.staff {
        first.push(Change::Staff(r.clone()));
    }
    for r in &data.customers {
        first.push(Change::Customer(r.clone()));
    }
    for r in &data.deliverables {
        first.push(Change::Deliverable(r.clone()));
    }
    for r in &data.snoozes {
        first.push(Change::Snooze(r.clone()));
    }
    for (n, r) in data.interviews.iter().enumerate() {
        let mut earlier = r.clone();
        earlier.status = InterviewStatus::Scheduled;
        if n % 3 == 0 {
            // Completed under another customer first: that one's digest must forget it.
            earlier.customer = CustomerId(r.customer.0 + 1);
            earlier.status = InterviewStatus::Completed;
            earlier.completed_at = Some(r.scheduled_at);
        } else if n % 3 == 1 {
            // Completed later than it really was: the real save lowers the digest.
            earlier.status = InterviewStatus::Completed;
            earlier.completed_at = Some(r.scheduled_at + chrono::Duration::days(30));
        }
        first.push(Change::Interview(earlier));
        second.push(Change::Interview(r.clone()));
    }
    for r in &data.followups {
        let mut earlier = r.clone();
        earlier.state = FollowUpState::Open;
        first.push(Change::FollowUp(earlier));
        second.push(Change::FollowUp(r.clone()));
    }
    for r in &data.actions {
        let mut earlier = r.clone();
        earlier.state = ActionState::ToDo;
        first.push(Change::Action(earlier));
        second.push(Change::Action(r.clone()));
    }
    // Half of the second round saved one record at a time, as the dashboard does.
    let mut sets = vec![first];
    let singles = second.changes.len() / 2;
    for change in second.changes.drain(..singles) {
        let mut set = ChangeSet::new();
        set.push(change);
        sets.push(set);
    }
    sets.push(second);
    sets
}

/// Saves the case's history into `store` and checks what the tests promise.
fn check_store(store: &dyn DataStore, case: &Case) -> Result<(), TestCaseError> {
    for set in history(&case.data) {
        store
            .commit(&set)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
    }
    let full = store
        .load()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let open = store
        .load_open()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&open, &open_part(&full));
    let report = store.check();
    prop_assert!(report.is_clean(), "check: {:?}", report);
    let from_open = queue(&open, &case.policy, &case.work_week, case.later);
    let from_full = queue(&full, &case.policy, &case.work_week, case.later);
    prop_assert_eq!(from_open, from_full);
    same_rows(open, full, case)?;
    Ok(())
}

/// The dashboard over `data` at `now` with the case's rules: its customer rows are what the
/// customers pane shows, its risk map what every risk cell and reason shows.
fn dashboard_over(data: Dataset, case: &Case, now: hearback::core::Instant) -> App {
    let rules = Rules {
        policy: case.policy.clone(),
        work_week: case.work_week.clone(),
        ..dashboard::rules()
    };
    App::new(data, rules, now, true, String::new(), String::new())
}

/// The customer rows and risk of the dashboard over open work equal those over the whole
/// history.
fn same_rows(open: Dataset, full: Dataset, case: &Case) -> Result<(), TestCaseError> {
    // New records from open work take ids above every record of the history.
    let next = |data: &Dataset| IdAllocator::after(data).map(|mut ids| ids.next_id()).ok();
    prop_assert_eq!(next(&open), next(&full));
    for now in [case.now, case.later] {
        let from_open = dashboard_over(open.clone(), case, now);
        let from_full = dashboard_over(full.clone(), case, now);
        let rows = |app: &App| -> Vec<String> {
            app.customer_rows()
                .iter()
                .map(|r: CustomerRow<'_>| format!("{r:?}"))
                .collect()
        };
        prop_assert_eq!(rows(&from_open), rows(&from_full));
        prop_assert_eq!(&from_open.risk, &from_full.risk);
        prop_assert!(!rows(&from_full).is_empty() || full.customers.iter().all(|c| c.archived));
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// The customer rows (last interview, its average, the trend, the next interview, open
    /// follow-ups) and every customer's risk level and reasons, from open work and the
    /// digests, equal those from the whole history, now and at any later time.
    #[test]
    fn customer_rows_and_risk_of_open_work_are_those_of_the_whole_history(case in case()) {
        same_rows(open_part(&case.data), case.data.clone(), &case)?;
    }

    /// The queue from open work and the digests equals the queue from the whole history, at
    /// the case's time and at any later time.
    #[test]
    fn the_queue_of_open_work_is_the_queue_of_the_whole_history(case in case()) {
        let open = open_part(&case.data);
        for now in [case.now, case.later] {
            prop_assert_eq!(
                queue(&open, &case.policy, &case.work_week, now),
                queue(&case.data, &case.policy, &case.work_week, now)
            );
        }
    }

    /// The in-memory store's derived state, kept save by save, gives exactly the open work.
    #[test]
    fn the_memory_store_keeps_open_work_in_step(case in case()) {
        check_store(&MemoryStore::new(), &case)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..config() })]

    /// The same on disk: sled's transactions carry the derived state with the records.
    #[test]
    fn the_sled_store_keeps_open_work_in_step(case in case()) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let store = Store::open(&dir.path().join("data")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        check_store(&store, &case)?;
    }
}
