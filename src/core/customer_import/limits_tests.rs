//! Tests for what bounds planning: the record-size check per row, and lookups that stay
//! proportional to the rows (the structural guard against the quadratic planner).

use super::*;

fn now() -> Instant {
    chrono::DateTime::from_timestamp(1_750_000_000, 0).expect("valid timestamp")
}

fn row(line: u64, crm_id: Option<&str>, name: &str, manager: &str) -> CustomerRow {
    CustomerRow {
        line,
        crm_id: crm_id.map(str::to_string),
        name: name.to_string(),
        account_manager: Some(manager.to_string()),
        ..CustomerRow::default()
    }
}

#[test]
fn a_row_that_would_overflow_its_record_is_rejected_and_changes_nothing() {
    let mut rows = vec![row(2, Some("A-1"), "Acme", "Dana")];
    let mut big = row(3, Some("A-1"), "Acme", "Sam New");
    big.segment = Some("x".repeat(500));
    rows.push(big);
    rows.push(row(4, None, "Borealis", "Dana"));
    // A stand-in for the store's cap: no customer may have a segment over 100 bytes.
    let fits = |c: &Change| match c {
        Change::Customer(c) if c.segment.len() > 100 => Err("too large".to_string()),
        _ => Ok(()),
    };
    let data = Dataset::default();
    let plan = plan_import_within(
        &data,
        &rows,
        &mut IdAllocator::after(&data).expect("room for ids"),
        "t",
        now(),
        &fits,
    );
    assert_eq!(plan.rejected.len(), 1);
    assert_eq!(plan.rejected[0].line, 3);
    assert_eq!(plan.created, vec!["Acme", "Borealis"]);
    // The rejected row's new staff member is not created either.
    assert_eq!(plan.staff_created, vec!["Dana"]);
    let acme = plan.changes.changes.iter().find_map(|c| match c {
        Change::Customer(c) if c.name == "Acme" => Some(c),
        _ => None,
    });
    assert_eq!(acme.map(|c| c.segment.as_str()), Some(""));
    // A created customer whose only row is rejected is not created at all.
    let lone = [{
        let mut r = row(2, None, "Lone", "Dana");
        r.segment = Some("y".repeat(500));
        r
    }];
    let plan = plan_import_within(
        &data,
        &lone,
        &mut IdAllocator::after(&data).expect("room for ids"),
        "t",
        now(),
        &fits,
    );
    assert!(
        plan.created.is_empty() && plan.changes.is_empty(),
        "{plan:?}"
    );
}

#[test]
fn lookups_grow_with_the_rows_not_with_rows_times_customers() {
    // 3,000 rows: a new customer each, half of them named again later (by CRM id and by name),
    // each with one of 1,000 managers. A scan per row would examine millions of records.
    let mut rows = Vec::new();
    for i in 0..2_000u64 {
        let id = format!("C-{i}");
        rows.push(row(
            i + 2,
            Some(&id),
            &format!("Customer {i}"),
            &format!("M {}", i % 1_000),
        ));
    }
    for i in 0..1_000u64 {
        let id = (i % 2 == 0).then(|| format!("C-{i}"));
        let name = format!("customer {i}");
        rows.push(row(
            i + 2_002,
            id.as_deref(),
            &name,
            &format!("m {}", i % 1_000),
        ));
    }
    let data = Dataset::default();
    let plan = plan_import(
        &data,
        &rows,
        &mut IdAllocator::after(&data).expect("room for ids"),
        "t",
        now(),
    );
    assert_eq!(plan.created.len(), 2_000);
    assert_eq!(plan.staff_created.len(), 1_000);
    // One customer and one staff lookup per row at most.
    assert!(plan.lookups <= 2 * rows.len(), "{} lookups", plan.lookups);
}
