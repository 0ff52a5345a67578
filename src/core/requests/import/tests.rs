//! The import plan's rules that the end-to-end tests do not reach: times after now, a domain
//! two customers share, a ticket twice in one file, and an answer on record that a later
//! export leaves blank.

use super::*;
use crate::core::{Contact, ContactId, Customer, Money, Role, Staff};
use chrono::{TimeZone, Utc};

fn t(day: u32, hour: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0)
        .single()
        .expect("valid date")
}

fn customer(id: u64, name: &str, email: &str) -> Customer {
    let mut c = Customer::new(CustomerId(id), name, Money::new(1, "EUR"), t(1, 0));
    c.contacts.push(Contact {
        id: ContactId(id + 100),
        name: "Someone".into(),
        role: String::new(),
        email: email.into(),
        phone: String::new(),
        personality: String::new(),
    });
    c
}

fn data() -> Dataset {
    Dataset {
        staff: vec![Staff {
            id: StaffId(1),
            name: "Ann Baker".into(),
            email: Some("ann@us.example".into()),
            roles: vec![Role::AccountManager],
            bio: String::new(),
            active: true,
        }],
        customers: vec![
            customer(10, "Acme", "jo@acme.example"),
            customer(11, "Birch", "al@shared.example"),
            customer(12, "Cedar", "bo@shared.example"),
        ],
        ..Dataset::default()
    }
}

fn row(line: u64, key: &str, email: &str) -> RequestRow {
    RequestRow {
        line,
        key: key.into(),
        about: "Invoice".into(),
        from: String::new(),
        email: email.into(),
        company: String::new(),
        crm_id: String::new(),
        channel: Channel::Ticket,
        received_at: t(2, 9),
        assignee: "ANN@us.example".into(),
        team: String::new(),
        first_response_at: None,
        resolved_at: None,
    }
}

fn run(data: &Dataset, rows: &[RequestRow]) -> RequestImportPlan {
    let mut ids = IdAllocator::after(data).expect("ids");
    plan(data, rows, &mut ids, t(20, 9), "tester", &|_| Ok(()))
}

fn requests_of(p: &RequestImportPlan) -> Vec<Request> {
    p.changes
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::Request(r) => Some(r.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_domain_two_customers_share_is_never_guessed_and_a_ticket_counts_once() {
    let rows = [
        row(2, "z:1", "new.person@acme.example"),
        row(3, "z:2", "new.person@shared.example"),
        row(4, "z:1", "jo@acme.example"),
    ];
    let p = run(&data(), &rows);
    let made = requests_of(&p);
    assert_eq!(made.len(), 1);
    assert_eq!(
        made[0].customer,
        CustomerId(10),
        "acme.example: one customer"
    );
    assert_eq!(
        made[0].owner,
        Some(StaffId(1)),
        "assignee by email, any case"
    );
    let lines: Vec<u64> = p.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![3, 4]);
    assert!(
        p.rejected[1].reason.contains("on line 2 already"),
        "{:?}",
        p.rejected
    );
}

#[test]
fn a_time_after_now_is_a_bad_row_naming_the_zone() {
    let mut late = row(2, "z:1", "jo@acme.example");
    late.resolved_at = Some(t(21, 9));
    let p = run(&data(), &[late]);
    assert!(requests_of(&p).is_empty());
    assert!(
        p.rejected[0]
            .reason
            .starts_with("it was resolved at 2026-11-21 09:00 UTC, after now"),
        "{:?}",
        p.rejected
    );
}

#[test]
fn an_answer_on_record_survives_an_export_that_leaves_it_blank() {
    let mut d = data();
    let mut first = row(2, "z:1", "jo@acme.example");
    first.first_response_at = Some(t(2, 10));
    let p = run(&d, &[first]);
    let mut stored = requests_of(&p).remove(0);
    // Answered by someone recorded here; the later export has no reply time but is solved.
    stored.responded_by = Some(StaffId(7));
    d.requests.push(stored.clone());
    let mut later = row(2, "z:1", "jo@acme.example");
    later.resolved_at = Some(t(3, 9));
    let p = run(&d, &[later]);
    assert_eq!(p.updated, vec![stored.id]);
    let updated = requests_of(&p).remove(0);
    assert_eq!(updated.first_response_at, Some(t(2, 10)));
    assert_eq!(updated.responded_by, Some(StaffId(7)));
    assert_eq!(updated.resolved_at, Some(t(3, 9)));
    assert_eq!(updated.resolved_by, Some(StaffId(1)), "the assignee");
}
