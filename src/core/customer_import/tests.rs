//! Tests for the import merge: matching, defaults, staff, contacts, idempotence.

use super::*;
use crate::core::{Contact, ContactId, Lifecycle};

fn now() -> Instant {
    chrono::DateTime::from_timestamp(1_750_000_000, 0).expect("valid timestamp")
}

fn earlier() -> Instant {
    chrono::DateTime::from_timestamp(1_700_000_000, 0).expect("valid timestamp")
}

fn row(line: u64, crm_id: Option<&str>, name: &str) -> CustomerRow {
    CustomerRow {
        line,
        crm_id: crm_id.map(str::to_string),
        name: name.to_string(),
        ..CustomerRow::default()
    }
}

fn customer(id: u64, crm_id: Option<&str>, name: &str) -> Customer {
    Customer::new(
        CustomerId(id),
        name,
        Money::new(10_000_000, "USD"),
        earlier(),
    )
    .with_crm_id(crm_id.map(str::to_string))
    .with_tier(Tier::Growth)
    .with_segment("Manufacturing")
    .with_region("EMEA")
    .with_account_manager(StaffId(1))
    .with_contacts(vec![Contact {
        id: ContactId(11),
        name: "Lee Park".into(),
        role: String::new(),
        email: "lee@acme.example".into(),
        phone: String::new(),
        personality: String::new(),
    }])
}

/// Staff S1 (account manager), customers C10 "Acme Inc" (CRM 001A) and C20 "Northwind".
fn data() -> Dataset {
    let mut northwind = customer(20, None, "Northwind Traders Ltd");
    northwind.contacts.clear();
    Dataset {
        staff: vec![Staff {
            id: StaffId(1),
            name: "Dana Whitfield".into(),
            email: Some("dana.whitfield@ourco.example".into()),
            roles: vec![Role::AccountManager],
            bio: String::new(),
            active: true,
        }],
        customers: vec![customer(10, Some("001A"), "Acme Inc"), northwind],
        ..Dataset::default()
    }
}

fn plan(data: &Dataset, rows: &[CustomerRow]) -> ImportPlan {
    plan_import(
        data,
        rows,
        &mut IdAllocator::after(data).expect("room for ids"),
        "import",
        now(),
    )
}

fn apply(data: &mut Dataset, changes: &ChangeSet) {
    for change in &changes.changes {
        match change {
            Change::Customer(c) => match data.customers.iter_mut().find(|x| x.id == c.id) {
                Some(slot) => *slot = c.clone(),
                None => data.customers.push(c.clone()),
            },
            Change::Staff(s) => match data.staff.iter_mut().find(|x| x.id == s.id) {
                Some(slot) => *slot = s.clone(),
                None => data.staff.push(s.clone()),
            },
            _ => {}
        }
    }
}

fn events(plan: &ImportPlan) -> Vec<&TimelineEvent> {
    plan.changes
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn customers(plan: &ImportPlan) -> Vec<&Customer> {
    plan.changes
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::Customer(c) => Some(c),
            _ => None,
        })
        .collect()
}

#[test]
fn creates_a_new_customer_with_defaults_and_an_event() {
    let p = plan(&data(), &[row(12, Some("HS-9"), "Globex")]);
    assert_eq!(p.created, vec!["Globex"]);
    let [c] = customers(&p)[..] else {
        panic!("one customer expected: {p:?}");
    };
    assert_eq!(c.id, CustomerId(21));
    assert_eq!(c.crm_id.as_deref(), Some("HS-9"));
    assert_eq!((c.tier, &c.size), (Tier::Standard, &Money::new(0, "USD")));
    assert_eq!((&c.lifecycle, c.archived), (&Lifecycle::Active, false));
    assert_eq!((c.created_at, c.updated_at), (now(), now()));
    let [e] = events(&p)[..] else {
        panic!("one event expected");
    };
    assert_eq!((e.kind, e.customer), (EventKind::CustomerCreated, c.id));
    assert_eq!((e.actor.as_str(), e.at), ("import", now()));
    assert_eq!(e.summary, "Imported from CSV line 12");
}

#[test]
fn rows_match_by_crm_id_then_normalised_name() {
    // (crm id, name, the existing customer it must update, or None when it is created)
    let cases: &[(Option<&str>, &str, Option<u64>)] = &[
        (Some("001A"), "Acme Inc", Some(10)),
        (Some("001A"), "Acme Renamed Ltd", Some(10)),
        (None, "ACME, Inc.", Some(10)),
        (None, "northwind traders", Some(20)),
        (Some("NEW-1"), "Northwind Traders", Some(20)),
        // Same name, different CRM record: a different company.
        (Some("OTHER"), "Acme", None),
        (None, "\u{1b}[31mAcme\u{1b}[0m Inc", Some(10)),
        (None, "Initech", None),
    ];
    for (crm, name, want) in cases {
        let mut r = row(2, *crm, name);
        r.tier = Some(Tier::Key);
        let p = plan(&data(), &[r]);
        let [c] = customers(&p)[..] else {
            panic!("one customer expected for {name}");
        };
        match want {
            Some(id) => {
                assert_eq!(c.id, CustomerId(*id), "{name}");
                assert_eq!(p.updated.len(), 1, "{name}");
            }
            None => assert_eq!(p.created.len(), 1, "{name}"),
        }
    }
}

#[test]
fn given_fields_change_and_none_fields_stay() {
    let mut r = row(4, Some("001A"), "Acme Inc");
    r.size = Some(Money::new(25_000_000, "EUR"));
    r.region = Some("North America".into());
    let p = plan(&data(), &[r]);
    let [c] = customers(&p)[..] else {
        panic!("one customer expected");
    };
    assert_eq!(c.size, Money::new(25_000_000, "EUR"));
    assert_eq!(c.region, "North America");
    assert_eq!(
        (c.tier, c.segment.as_str()),
        (Tier::Growth, "Manufacturing")
    );
    assert_eq!(c.account_manager, Some(StaffId(1)));
    assert_eq!((c.created_at, c.updated_at), (earlier(), now()));
    assert_eq!(p.updated, vec!["Acme Inc"]);
    assert_eq!(events(&p)[0].kind, EventKind::CustomerUpdated);
    assert_eq!(
        events(&p)[0].summary,
        "Updated from CSV line 4: size, region"
    );
}

#[test]
fn unchanged_rows_produce_no_changes_and_no_events() {
    let mut same = row(2, Some("001A"), "Acme Inc");
    same.tier = Some(Tier::Growth);
    same.segment = Some("Manufacturing".into());
    same.account_manager = Some("dana whitfield".into());
    let p = plan(&data(), &[same, row(3, None, "Northwind Traders Ltd")]);
    assert!(p.changes.is_empty(), "{p:?}");
    assert_eq!((p.unchanged, p.created.len(), p.updated.len()), (2, 0, 0));
}

#[test]
fn staff_named_on_many_rows_is_created_once() {
    let rows: Vec<CustomerRow> = ["Globex", "Initech", "Umbrella"]
        .iter()
        .zip(["Sam Ortiz", " sam ortiz ", "SAM ORTIZ"])
        .enumerate()
        .map(|(i, (name, am))| CustomerRow {
            account_manager: Some(am.to_string()),
            ..row(i as u64 + 2, None, name)
        })
        .collect();
    let p = plan(&data(), &rows);
    assert_eq!(p.staff_created, vec!["Sam Ortiz"]);
    let staff: Vec<&Staff> = p
        .changes
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::Staff(s) => Some(s),
            _ => None,
        })
        .collect();
    let [sam] = staff[..] else {
        panic!("one staff change expected");
    };
    assert_eq!(
        (sam.roles.as_slice(), sam.active),
        (&[Role::AccountManager][..], true)
    );
    assert!(
        customers(&p)
            .iter()
            .all(|c| c.account_manager == Some(sam.id))
    );
    assert!(
        matches!(p.changes.changes[0], Change::Staff(_)),
        "staff first"
    );
}

#[test]
fn an_existing_staff_member_gains_a_missing_role() {
    let cases: &[(&str, Role)] = &[
        ("dana whitfield", Role::Salesperson),
        ("DANA.WHITFIELD@ourco.example", Role::ServiceManager),
        ("Dana Whitfield", Role::Executive),
    ];
    for (text, role) in cases {
        let mut r = row(2, None, "Globex");
        match role {
            Role::Salesperson => r.salesperson = Some(text.to_string()),
            Role::ServiceManager => r.service_manager = Some(text.to_string()),
            _ => r.executive_sponsor = Some(text.to_string()),
        }
        let p = plan(&data(), &[r]);
        assert!(p.staff_created.is_empty(), "{text}");
        let Some(Change::Staff(s)) = p.changes.changes.first() else {
            panic!("staff update expected for {text}");
        };
        assert_eq!(
            (s.id, s.roles.as_slice()),
            (StaffId(1), &[Role::AccountManager, *role][..])
        );
    }
}

#[test]
fn contacts_are_deduplicated_and_blank_fields_filled() {
    let contact = |name: &str, role: &str, email: &str, phone: &str| ContactRow {
        name: name.into(),
        role: role.into(),
        email: email.into(),
        phone: phone.into(),
    };
    // (contact row, contacts after, (role, phone) of Lee Park after)
    let cases: &[(ContactRow, usize, (&str, &str))] = &[
        (
            contact("L. Park", "CTO", "LEE@ACME.EXAMPLE", ""),
            1,
            ("CTO", ""),
        ),
        (
            contact("lee park", "", "", "+1 555 0100"),
            1,
            ("", "+1 555 0100"),
        ),
        (
            contact("Kim Wu", "CFO", "kim@acme.example", ""),
            2,
            ("", ""),
        ),
        (
            contact("Lee Park", "", "other@acme.example", ""),
            2,
            ("", ""),
        ),
        (contact("", "CEO", "", "+1 555"), 1, ("", "")),
    ];
    for (c, count, (role, phone)) in cases {
        let mut r = row(2, Some("001A"), "Acme Inc");
        r.contact = Some(c.clone());
        let mut d = data();
        apply(&mut d, &plan(&data(), &[r]).changes);
        let acme = d.customer(CustomerId(10)).expect("acme");
        assert_eq!(acme.contacts.len(), *count, "{c:?}");
        let lee = acme.contact(ContactId(11)).expect("lee kept");
        assert_eq!(
            (lee.name.as_str(), lee.role.as_str(), lee.phone.as_str()),
            ("Lee Park", *role, *phone),
            "{c:?}"
        );
    }
}

#[test]
fn rows_for_one_customer_merge_in_order() {
    let mut first = row(2, None, "Globex");
    first.size = Some(Money::new(500, "USD"));
    first.tier = Some(Tier::Growth);
    let mut second = row(5, None, "GLOBEX Inc.");
    second.tier = Some(Tier::Key);
    let p = plan(&data(), &[first, second]);
    let [c] = customers(&p)[..] else {
        panic!("one customer expected");
    };
    assert_eq!(
        (c.name.as_str(), c.tier, c.size.minor),
        ("GLOBEX Inc.", Tier::Key, 500)
    );
    assert_eq!(events(&p)[0].summary, "Imported from CSV lines 2, 5");
}

#[test]
fn a_value_set_and_set_back_in_one_file_is_no_change() {
    let mut there = row(2, Some("001A"), "Acme Inc");
    there.tier = Some(Tier::Key);
    let mut back = row(3, Some("001A"), "Acme Inc");
    back.tier = Some(Tier::Growth);
    let p = plan(&data(), &[there, back]);
    assert!(p.changes.is_empty());
    assert_eq!(p.unchanged, 1);
}

#[test]
fn nameless_rows_only_update_by_crm_id() {
    let mut by_id = row(2, Some("001A"), "  ");
    by_id.region = Some("APAC".into());
    let p = plan(
        &data(),
        &[by_id, row(3, None, ""), row(4, Some("X"), "\u{1b}[0m")],
    );
    let [c] = customers(&p)[..] else {
        panic!("one customer expected");
    };
    assert_eq!((c.name.as_str(), c.region.as_str()), ("Acme Inc", "APAC"));
    assert!(p.created.is_empty());
}

#[test]
fn reapplying_the_same_rows_after_the_plan_is_empty() {
    let mut rows = vec![
        row(2, Some("001A"), "ACME, Inc."),
        row(3, None, "Globex"),
        row(4, Some("Z-1"), "Initech"),
    ];
    rows[0].salesperson = Some("Ravi Menon".into());
    rows[1].account_manager = Some("dana.whitfield@ourco.example".into());
    rows[1].contact = Some(ContactRow {
        name: "Hank Scorpio".into(),
        email: "hank@globex.example".into(),
        ..ContactRow::default()
    });
    rows[2].size = Some(Money::new(1_000_000, "GBP"));
    rows[2].executive_sponsor = Some("Ravi Menon".into());
    let mut d = data();
    let first = plan(&d, &rows);
    assert_eq!((first.created.len(), first.updated.len()), (2, 1));
    assert_eq!(first.staff_created, vec!["Ravi Menon"]);
    apply(&mut d, &first.changes);
    let again = plan(&d, &rows);
    assert!(again.changes.is_empty(), "{again:?}");
    assert_eq!(again.unchanged, 3);
    assert_eq!(d.customers.len(), 4);
}
