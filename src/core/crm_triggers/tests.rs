//! The triggers through the customer import's planner, as `hearback import customers` runs them.

use super::*;
use crate::core::customer_import::{CustomerRow, plan_import};
use crate::core::{Customer, Interview, InterviewId, InterviewStatus, Money, Role, Staff, Trigger};
use chrono::{Duration, TimeZone, Utc};

/// Thursday 2026-12-03 10:00 UTC.
fn now() -> Instant {
    Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0)
        .single()
        .expect("valid")
}

fn policy(toml: &str) -> Policy {
    Policy::from_toml(toml).expect("valid policy")
}

fn stage_policy() -> Policy {
    policy(
        "[policy.triggers]\nstage_column = \"Stage\"\nstage_values = [\"Delivered\", \"live\"]\n",
    )
}

fn person(id: u64, name: &str) -> Staff {
    Staff {
        id: StaffId(id),
        name: name.into(),
        email: None,
        roles: vec![Role::AccountManager],
        bio: String::new(),
        active: true,
    }
}

/// C10 "Acme" (CRM 001, account manager S1 Dana), S2 Lee.
fn data() -> Dataset {
    let acme = Customer::new(
        CustomerId(10),
        "Acme",
        Money::new(100, "USD"),
        now() - Duration::days(400),
    )
    .with_crm_id(Some("001".into()))
    .with_account_manager(StaffId(1));
    Dataset {
        staff: vec![person(1, "Dana"), person(2, "Lee")],
        customers: vec![acme],
        ..Dataset::default()
    }
}

fn row(name: &str, watched: &[(&str, &str)]) -> CustomerRow {
    CustomerRow {
        line: 2,
        crm_id: (name == "Acme").then(|| "001".into()),
        name: name.into(),
        watched: watched
            .iter()
            .map(|(c, v)| (column_key(c), (*v).to_string()))
            .collect(),
        ..CustomerRow::default()
    }
}

/// Imports `rows` into `data` as the CLI does: the import's plan, then the triggers, applied.
fn import(data: &mut Dataset, rows: &[CustomerRow], policy: &Policy, at: Instant) -> Triggered {
    let mut ids = IdAllocator::starting_at(1000 + data.deliverables.len() as u64 * 10);
    let plan = plan_import(data, rows, &mut ids, "import", at);
    let mut after = data.clone();
    after.apply(&plan.changes);
    let triggered = self::plan(data, &after, &plan.watched, policy, at, &mut ids, "import");
    after.apply(&triggered.changes);
    *data = after;
    triggered
}

fn reasons(t: &Triggered) -> Vec<String> {
    t.fired.iter().map(|f| f.why.join("; ")).collect()
}

#[test]
fn a_stage_moving_into_a_listed_value_triggers_once_and_the_first_import_only_notes_it() {
    let (p, mut d) = (stage_policy(), data());
    let first = import(
        &mut d,
        &[row("Acme", &[("Stage", "Installation")])],
        &p,
        now(),
    );
    assert!(first.fired.is_empty(), "no stored stage to compare with");
    assert_eq!(
        d.crm_fields_of(CustomerId(10))
            .and_then(|f| f.value("STAGE")),
        Some("Installation")
    );
    let second = import(&mut d, &[row("Acme", &[("stage", "delivered")])], &p, now());
    assert_eq!(
        reasons(&second),
        ["Stage became delivered (was Installation)"]
    );
    let deliverable = d
        .deliverables
        .last()
        .expect("a deliverable records the trigger");
    assert_eq!(
        deliverable.name,
        "CRM change: Stage became delivered (was Installation)"
    );
    assert_eq!(deliverable.delivered_at, now());
    // Never interviewed: due after_deliverable_days (14) from now.
    assert_eq!(second.fired[0].due, now() + Duration::days(14));
    let third = import(&mut d, &[row("Acme", &[("Stage", "Delivered")])], &p, now());
    assert!(third.fired.is_empty(), "same stage, other case: no change");
    assert_eq!(d.deliverables.len(), 1);
}

#[test]
fn other_stages_new_customers_and_blank_cells_do_not_trigger() {
    let (p, mut d) = (stage_policy(), data());
    import(
        &mut d,
        &[row("Acme", &[("Stage", "Installation")])],
        &p,
        now(),
    );
    let t = import(&mut d, &[row("Acme", &[("Stage", "Training")])], &p, now());
    assert!(t.fired.is_empty(), "Training is not a listed stage");
    assert_eq!(
        d.crm_fields_of(CustomerId(10))
            .and_then(|f| f.value("stage")),
        Some("Training"),
        "still remembered, so the next move is compared with it"
    );
    let blank = import(&mut d, &[row("Acme", &[])], &p, now());
    assert!(
        blank.fired.is_empty() && blank.changes.is_empty(),
        "a blank cell keeps the value"
    );
    let created = import(
        &mut d,
        &[row("Newco", &[("Stage", "Delivered")])],
        &p,
        now(),
    );
    assert!(
        created.fired.is_empty(),
        "a new customer's first interview is due anyway"
    );
    assert_eq!(created.changes.len(), 1, "its stage is stored: {created:?}");
}

#[test]
fn a_renewal_inside_the_window_triggers_once_per_date_and_a_bad_date_is_noted() {
    let p = policy("[policy.triggers]\nrenewal_column = \"Renewal Date\"\n");
    let mut d = data();
    // 2027-03-03 is 90 days after 2026-12-03: the edge is inside; 91 days is not.
    let far = import(
        &mut d,
        &[row("Acme", &[("Renewal Date", "03/04/2027")])],
        &p,
        now(),
    );
    assert!(far.fired.is_empty(), "91 days away");
    let t = import(
        &mut d,
        &[row("Acme", &[("Renewal Date", "2027-03-03")])],
        &p,
        now(),
    );
    assert_eq!(reasons(&t), ["Renewal Date 2027-03-03 is 90 days away"]);
    let again = import(
        &mut d,
        &[row("Acme", &[("Renewal Date", "2027-03-03 00:00")])],
        &p,
        now(),
    );
    assert!(again.fired.is_empty(), "one trigger per renewal date");
    let past = import(
        &mut d,
        &[row("Acme", &[("Renewal Date", "01.12.2026")])],
        &p,
        now(),
    );
    assert!(
        past.fired.is_empty(),
        "a renewal already past calls for nothing"
    );
    let bad = import(
        &mut d,
        &[row("Acme", &[("Renewal Date", "soon")])],
        &p,
        now(),
    );
    assert!(bad.fired.is_empty());
    assert_eq!(bad.notes.len(), 1);
    assert!(
        bad.notes[0].1.contains("'soon' is not a date"),
        "{:?}",
        bad.notes
    );
}

#[test]
fn a_new_account_manager_triggers_only_when_switched_on() {
    let lee = |d: &mut Dataset, p: &Policy| {
        let mut r = row("Acme", &[]);
        r.account_manager = Some("Lee".into());
        import(d, &[r], p, now())
    };
    let mut d = data();
    let off = lee(&mut d, &Policy::default());
    assert!(off.fired.is_empty() && off.changes.is_empty());
    let mut d = data();
    let on = lee(
        &mut d,
        &policy("[policy.triggers]\naccount_manager_change = true\n"),
    );
    assert_eq!(reasons(&on), ["account manager changed from Dana to Lee"]);
}

#[test]
fn the_interview_is_never_due_inside_the_spacing_after_the_last_one() {
    let (p, mut d) = (stage_policy(), data());
    let ten_days_ago = now() - Duration::days(10);
    let mut done = Interview::booked(
        InterviewId(20),
        CustomerId(10),
        Trigger::Cadence,
        ten_days_ago,
    );
    done.status = InterviewStatus::Completed;
    done.completed_at = Some(ten_days_ago);
    d.interviews.push(done);
    import(&mut d, &[row("Acme", &[("Stage", "Build")])], &p, now());
    let t = import(&mut d, &[row("Acme", &[("Stage", "Live")])], &p, now());
    // 14 days from now would be 24 days after the last interview; the spacing is 30.
    assert_eq!(t.fired[0].due, ten_days_ago + Duration::days(30));
}

#[test]
fn with_no_trigger_configured_an_import_stores_nothing_more() {
    let mut d = data();
    let t = import(
        &mut d,
        &[row("Acme", &[("Stage", "Delivered")])],
        &Policy::default(),
        now(),
    );
    assert_eq!(t, Triggered::default());
    assert!(d.crm_fields.is_empty());
}

#[test]
fn a_bad_trigger_setting_names_its_key() {
    let err = |toml: &str| Policy::from_toml(toml).expect_err("refused").to_string();
    assert!(
        err("[policy.triggers]\nstage_column = \"Stage\"\n")
            .starts_with("policy.triggers.stage_values: names no stage"),
    );
    assert!(
        err("[policy.triggers]\nrenewal_within_days = 0\n")
            .starts_with("policy.triggers.renewal_within_days: 0 is out of range"),
    );
    assert!(
        err("[policy.triggers]\nrenewal_column = \" \"\n")
            .starts_with("policy.triggers.renewal_column: is blank")
    );
}

#[test]
fn crm_dates_are_read_as_crms_export_them() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
    assert_eq!(parse_date("2027-03-31"), d(2027, 3, 31));
    assert_eq!(parse_date("2027-03-31T00:00:00Z"), d(2027, 3, 31));
    assert_eq!(parse_date("2027-03-31 09:15"), d(2027, 3, 31));
    assert_eq!(parse_date("03/31/2027"), d(2027, 3, 31));
    assert_eq!(parse_date("31.03.2027"), d(2027, 3, 31));
    assert_eq!(parse_date("next spring"), None);
}
