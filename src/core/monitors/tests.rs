use super::*;
use crate::core::policy::Policy;
use crate::core::{Change, Contact, ContactId, Customer, Dataset, IdAllocator};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

fn at(text: &str) -> Instant {
    date_instant(d(text))
}

fn event(id: u64, kind: MonitorKind, on: &str) -> MonitorEvent {
    MonitorEvent {
        id: MonitorId(id),
        customer: CustomerId(1),
        kind,
        on: at(on),
        reference: format!("DOC-{id}"),
        note: String::new(),
    }
}

fn delivery(id: u64, promised: &str, delivered: Option<&str>) -> MonitorEvent {
    let kind = MonitorKind::Delivery {
        promised: at(promised),
        delivered: delivered.map(at),
    };
    event(id, kind, delivered.unwrap_or(promised))
}

fn credit(id: u64, on: &str, minor: i64, currency: &str) -> MonitorEvent {
    let amount = Some(Money::new(minor, currency));
    event(id, MonitorKind::CreditNote { amount }, on)
}

/// 2026-03-31 with the default policy: the 90-day window and the 90-day period begin on
/// 2026-01-01, the 30-day period on 2026-03-02.
fn figures(events: &[MonitorEvent]) -> Figures {
    let policy = Policy::default();
    let m = Monitoring {
        today: d("2026-03-31"),
        policy: &policy.monitors,
    };
    Figures::of(events, m)
}

#[test]
fn on_time_counts_deliveries_due_in_the_window_and_early_ones() {
    // (promised, delivered, counted, on time): each case alone, then all together.
    let cases: &[(&str, Option<&str>, bool, bool)] = &[
        ("2026-03-10", Some("2026-03-09"), true, true), // early
        ("2026-03-10", Some("2026-03-10"), true, true), // on the day
        ("2026-03-10", Some("2026-03-12"), true, false), // late
        ("2026-03-30", None, true, false),              // promised yesterday, not made: late
        ("2026-03-31", None, false, false),             // promised today: not due until tomorrow
        ("2026-03-31", Some("2026-03-31"), true, true), // made today
        ("2026-04-10", Some("2026-03-28"), true, true), // made ahead of a later promise
        ("2026-04-10", None, false, false),             // not due yet
        ("2026-01-01", Some("2026-01-01"), true, true), // first day of the window
        ("2025-12-31", Some("2026-01-05"), false, false), // promised before the window
        ("2025-12-31", None, false, false),             // before the window, even if never made
    ];
    for (n, &(promised, delivered, counted, on_time)) in cases.iter().enumerate() {
        let f = figures(&[delivery(1, promised, delivered)]);
        let want = (usize::from(counted), usize::from(on_time));
        assert_eq!(
            (f.deliveries, f.on_time),
            want,
            "case {n}: {promised} {delivered:?}"
        );
    }
    let all: Vec<MonitorEvent> = cases
        .iter()
        .enumerate()
        .map(|(n, &(p, a, _, _))| delivery(n as u64, p, a))
        .collect();
    let f = figures(&all);
    assert_eq!((f.deliveries, f.on_time, f.overdue), (7, 5, 1));
    assert_eq!(f.on_time_percent(), Some(71));
    assert_eq!(
        f.on_time_text().as_deref(),
        Some("on-time 71 % (5 of 7 deliveries in 90 days)")
    );
}

#[test]
fn percent_rounds_down_so_a_share_below_the_threshold_never_reads_as_it() {
    let mut f = Figures {
        deliveries: 1_000,
        on_time: 799,
        window_days: 90,
        ..Figures::default()
    };
    assert_eq!(f.on_time_percent(), Some(79));
    f.deliveries = 0;
    assert_eq!(f.on_time_percent(), None);
    assert_eq!(f.on_time_text(), None);
}

#[test]
fn claims_returns_and_credit_notes_count_per_period() {
    let events = vec![
        event(1, MonitorKind::Return, "2026-03-02"), // first day of the 30 days
        event(2, MonitorKind::Return, "2026-03-01"), // the day before: 90 days only
        event(3, MonitorKind::Return, "2026-04-01"), // tomorrow: not yet
        event(4, MonitorKind::Return, "2026-01-01"), // first day of the 90 days
        event(5, MonitorKind::Return, "2025-12-31"), // before
        event(6, MonitorKind::Claim, "2026-03-31"),
        credit(7, "2026-03-15", 10_050, "EUR"),
        credit(8, "2026-02-01", 2_000, "EUR"),
        credit(9, "2026-03-20", 500, "USD"),
        credit(10, "2025-12-01", 99_900, "EUR"), // before the 90 days: not summed
        event(11, MonitorKind::CreditNote { amount: None }, "2026-03-21"),
    ];
    let f = figures(&events);
    assert_eq!(f.returns, [1, 3]);
    assert_eq!(f.claims, [1, 1]);
    assert_eq!(f.credit_notes, [3, 4]);
    assert_eq!(
        f.credited,
        vec![Money::new(12_050, "EUR"), Money::new(500, "USD")]
    );
    assert_eq!(f.deliveries, 0);
    assert_eq!(
        f.lines(),
        vec![
            "On-time: no delivery due in 90 days",
            "Returns: 1 in 30 days, 3 in 90 days",
            "Warranty claims: 1 in 30 days, 1 in 90 days",
            "Credit notes: 3 in 30 days, 4 in 90 days (EUR 120.50, USD 5.00 in 90 days)",
        ]
    );
    assert!(figures(&[]).lines().is_empty(), "no events, no lines");
}

#[test]
fn today_is_the_date_at_the_policy_offset() {
    let policy = Policy::default();
    let late_evening = at("2026-03-31") + chrono::Duration::hours(23);
    let plus_two = FixedOffset::east_opt(2 * 3600).expect("offset");
    let utc = FixedOffset::east_opt(0).expect("offset");
    assert_eq!(
        Monitoring::new(late_evening, plus_two, &policy).today,
        d("2026-04-01")
    );
    assert_eq!(
        Monitoring::new(late_evening, utc, &policy).today,
        d("2026-03-31")
    );
}

fn customers() -> Dataset {
    let mut acme = Customer::new(
        CustomerId(1),
        "Acme Freight Ltd",
        Money::new(1, "USD"),
        at("2025-01-01"),
    )
    .with_crm_id(Some("HS-1".to_string()));
    acme.contacts.push(Contact {
        id: ContactId(2),
        name: "Ada".into(),
        role: String::new(),
        email: "ada@acme.example".into(),
        phone: String::new(),
        personality: String::new(),
    });
    let beta = Customer::new(
        CustomerId(3),
        "Beta Works",
        Money::new(1, "USD"),
        at("2025-01-01"),
    );
    let mut twin = Customer::new(
        CustomerId(4),
        "Twin",
        Money::new(1, "USD"),
        at("2025-01-01"),
    );
    let mut twin2 = twin.clone();
    twin2.id = CustomerId(5);
    twin.crm_id = None;
    let mut archived = Customer::new(
        CustomerId(6),
        "Gone Ltd",
        Money::new(1, "USD"),
        at("2025-01-01"),
    );
    archived.archived = true;
    Dataset {
        customers: vec![acme, beta, twin, twin2, archived],
        ..Dataset::default()
    }
}

fn row(line: u64, crm: &str, name: &str, email: &str, reference: &str) -> MonitorRow {
    MonitorRow {
        line,
        crm_id: crm.into(),
        name: name.into(),
        email: email.into(),
        kind: MonitorKind::Return,
        on: at("2026-03-02"),
        reference: reference.into(),
        note: String::new(),
    }
}

#[test]
fn rows_find_their_customer_by_crm_id_then_name_then_email_domain() {
    let data = customers();
    let rows = vec![
        row(2, "HS-1", "", "", "R1"),
        row(3, "", "ACME FREIGHT", "", "R2"),
        row(4, "", "", "someone@Acme.Example", "R3"),
        row(5, "", "", "acme.example", "R4"),
        row(6, "HS-404", "Beta Works, Inc.", "", "R5"),
        row(7, "", "Twin", "", "R6"),
        row(8, "", "Gone Ltd", "", "R7"),
        row(9, "", "", "", "R8"),
    ];
    let plan = plan_monitors(&data, &rows, &mut IdAllocator::starting_at(100));
    let matched: Vec<(u64, CustomerId)> = plan
        .changes
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::Monitor(m) => Some((m.id.0, m.customer)),
            _ => None,
        })
        .collect();
    let c = CustomerId;
    assert_eq!(
        matched,
        vec![
            (100, c(1)),
            (101, c(1)),
            (102, c(1)),
            (103, c(1)),
            (104, c(3))
        ]
    );
    let rejected: Vec<(u64, &str)> = plan
        .rejected
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    assert_eq!(rejected.len(), 3, "{rejected:?}");
    assert!(
        rejected[0]
            .1
            .contains("'Twin' matches Twin (C4), Twin (C5)"),
        "{rejected:?}"
    );
    assert!(
        rejected[1]
            .1
            .contains("no customer has the name 'Gone Ltd'"),
        "{rejected:?}"
    );
    assert!(
        rejected[2]
            .1
            .starts_with("no CRM record id, customer name or email")
    );
    assert_eq!(plan.per_customer, vec![(c(1), 4), (c(3), 1)]);
}

#[test]
fn importing_the_same_rows_again_updates_instead_of_adding() {
    let mut data = customers();
    let rows = vec![
        row(2, "HS-1", "", "", "RMA 1"),
        row(3, "HS-1", "", "", "RMA 2"),
    ];
    let first = plan_monitors(&data, &rows, &mut IdAllocator::starting_at(100));
    assert_eq!((first.created, first.updated, first.unchanged), (2, 0, 0));
    data.apply(&first.changes);
    let again = plan_monitors(&data, &rows, &mut IdAllocator::starting_at(200));
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 2));
    assert!(again.changes.is_empty());
    // The export corrected a note; the reference is written another way (case, spaces).
    let mut changed = rows.clone();
    changed[1].note = "wrong colour".into();
    changed[1].reference = " rma  2 ".into();
    let update = plan_monitors(&data, &changed, &mut IdAllocator::starting_at(200));
    assert_eq!(
        (update.created, update.updated, update.unchanged),
        (0, 1, 1)
    );
    data.apply(&update.changes);
    assert_eq!(data.monitors.len(), 2);
    assert_eq!(data.monitors[1].id, MonitorId(101));
    assert_eq!(data.monitors[1].note, "wrong colour");
    // The same number as another kind is another document.
    let mut claim = rows[0].clone();
    claim.kind = MonitorKind::Claim;
    let other = plan_monitors(&data, &[claim], &mut IdAllocator::starting_at(200));
    assert_eq!(other.created, 1);
}

#[test]
fn a_document_on_several_rows_is_imported_once_unless_the_rows_disagree() {
    let data = customers();
    let mut moved = row(4, "", "Beta Works", "", "R1");
    moved.note = "item 3".into();
    let mut same = row(3, "HS-1", "", "", "R1");
    same.note = "item 2".into();
    let rows = vec![row(2, "HS-1", "", "", "R1"), same, moved];
    let plan = plan_monitors(&data, &rows, &mut IdAllocator::starting_at(100));
    assert_eq!((plan.created, plan.repeated), (1, 1));
    assert_eq!(plan.rejected.len(), 1);
    assert_eq!(plan.rejected[0].line, 4);
    assert!(
        plan.rejected[0]
            .reason
            .starts_with("return 'R1' is also on line 2")
    );
    assert!(!plan.rejected[0].about_customer);
}
