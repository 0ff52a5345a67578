//! Tests for survey imports at scale: a response too big for one record, planning in batches,
//! and the keys that stand for response ids.

use super::tests::{context, data, response};
use super::*;

#[test]
fn a_response_whose_records_would_not_fit_is_rejected_by_line() {
    let data = data();
    let (questions, policy) = (QuestionSet::defaults(), Policy::default());
    let cx = context(&questions, &policy);
    let mut long = response(3, "r2", "ada@acme.example", &[Some(5), Some(5), None]);
    long.answers[0].comment = "x".repeat(500);
    let responses = [
        response(2, "r1", "ada@acme.example", &[Some(5), Some(5), None]),
        long,
    ];
    // A stand-in for the store's cap: no interview may hold a comment over 100 bytes.
    let fits = |c: &Change| match c {
        Change::Interview(i) if i.answers.iter().any(|a| a.comment.len() > 100) => {
            Err("too large".to_string())
        }
        _ => Ok(()),
    };
    let plan = plan_survey_import_within(
        &data,
        &responses,
        cx,
        &mut IdAllocator::after(&data).expect("room for ids"),
        &fits,
    );
    let lines: Vec<u64> = plan.imported.iter().map(|i| i.line).collect();
    assert_eq!(lines, [2]);
    assert_eq!(
        plan.rejected,
        [Rejected {
            line: 3,
            reason: "too large".into()
        }]
    );
}

#[test]
fn planning_in_batches_plans_exactly_as_planning_whole() {
    let data = data();
    let (questions, policy) = (QuestionSet::defaults(), Policy::default());
    let cx = context(&questions, &policy);
    let responses = [
        response(2, "r1", "ada@acme.example", &[Some(5), Some(2), None]),
        response(3, "r2", "ada@acme.example", &[Some(4), Some(4), None]),
        response(4, "r1", "ada@acme.example", &[Some(1), Some(1), None]),
        response(5, "r3", "nobody@nowhere.example", &[Some(5), None, None]),
    ];
    let whole = plan_survey_import(
        &data,
        &responses,
        cx,
        &mut IdAllocator::after(&data).expect("room for ids"),
    );
    let mut planner = SurveyPlanner::new(&data, cx);
    let mut ids = IdAllocator::after(&data).expect("room for ids");
    let first = planner.plan(&responses[..1], &mut ids, &|_| Ok(()));
    let rest = planner.plan(&responses[1..], &mut ids, &|_| Ok(()));
    // The repeated r1 in the second batch is known from the first.
    assert_eq!(rest.already_imported, [4]);
    let mut joined = first;
    joined.changes.changes.extend(rest.changes.changes);
    joined.imported.extend(rest.imported);
    joined.already_imported.extend(rest.already_imported);
    joined.rejected.extend(rest.rejected);
    assert_eq!(joined, whole);
}

#[test]
fn response_keys_tell_ids_apart_and_agree_on_equal_ids() {
    // The planner and the reader keep these instead of the ids: a clash would skip a response.
    let ids = [
        "r1",
        "r2",
        "R1",
        "r1 ",
        "",
        "k3v9x0q2m1b7c4d8",
        "k3v9x0q2m1b7c4d9",
    ];
    let keys: HashSet<u128> = ids.iter().map(|id| response_key(id)).collect();
    assert_eq!(keys.len(), ids.len());
    assert_eq!(response_key("r1"), response_key(&String::from("r1")));
}
