use super::*;
use crate::core::{CustomerId, Money, Tier};
use chrono::TimeZone;

fn person(id: u64, name: &str, roles: &[Role], active: bool) -> Staff {
    Staff {
        id: StaffId(id),
        name: name.into(),
        email: Some(format!("{}@us.example", name.to_lowercase())),
        roles: roles.to_vec(),
        bio: String::new(),
        active,
    }
}

fn customer(sponsor: Option<u64>) -> Customer {
    let t = chrono::Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .expect("valid");
    Customer::new(CustomerId(50), "Acme", Money::new(0, "USD"), t)
        .with_tier(Tier::Key)
        .with_executive_sponsor(sponsor.map(StaffId))
}

fn attends(id: u64, source: SeniorSource) -> Senior {
    Senior::Attends {
        id: StaffId(id),
        source,
    }
}

#[test]
fn role_then_named_people_then_the_sponsor_then_missing() {
    let sm = Role::SeniorManagement;
    let ex = Role::Executive;
    let staff = |list: Vec<Staff>| Dataset {
        staff: list,
        ..Dataset::default()
    };
    let policy = |people: &[&str], fallback: bool| SeniorPolicy {
        people: people.iter().map(|p| p.to_string()).collect(),
        executive_sponsor_fallback: fallback,
        ..SeniorPolicy::default()
    };
    #[rustfmt::skip]
    let cases: Vec<(&str, Dataset, SeniorPolicy, Option<u64>, Senior)> = vec![
        ("role holder, lowest id", staff(vec![person(3, "Cy", &[sm], true), person(2, "Bo", &[sm], true)]),
            policy(&[], true), None, attends(2, SeniorSource::Role)),
        ("the sponsor first when they hold the role", staff(vec![person(2, "Bo", &[sm], true), person(3, "Cy", &[sm], true)]),
            policy(&[], true), Some(3), attends(3, SeniorSource::Role)),
        ("a role holder who left does not count", staff(vec![person(2, "Bo", &[sm], false), person(4, "Di", &[ex], true)]),
            policy(&[], true), Some(4), attends(4, SeniorSource::SponsorFallback)),
        ("named by email, before the sponsor", staff(vec![person(4, "Di", &[ex], true), person(5, "Ed", &[], true)]),
            policy(&["ED@us.example"], true), Some(4), attends(5, SeniorSource::Named)),
        ("named by name, list order", staff(vec![person(5, "Ed", &[], true), person(6, "Flo", &[], true)]),
            policy(&["flo", "Ed"], false), None, attends(6, SeniorSource::Named)),
        ("a named person who left is skipped", staff(vec![person(5, "Ed", &[], false), person(6, "Flo", &[], true)]),
            policy(&["Ed", "Flo"], false), None, attends(6, SeniorSource::Named)),
        ("sponsor fallback off: missing", staff(vec![person(4, "Di", &[ex], true)]),
            policy(&[], false), Some(4), Senior::Missing),
        ("no sponsor: missing", staff(vec![person(4, "Di", &[ex], true)]),
            policy(&[], true), None, Senior::Missing),
        ("sponsor has left: missing", staff(vec![person(4, "Di", &[ex], false)]),
            policy(&[], true), Some(4), Senior::Missing),
        ("sponsor not on file: missing", staff(vec![]), policy(&[], true), Some(99), Senior::Missing),
    ];
    for (name, data, policy, sponsor, want) in cases {
        assert_eq!(
            senior_manager(&data, &customer(sponsor), &policy),
            want,
            "{name}"
        );
    }
}

#[test]
fn role_none_skips_role_holders() {
    let data = Dataset {
        staff: vec![person(2, "Bo", &[Role::SeniorManagement], true)],
        ..Dataset::default()
    };
    let p = SeniorPolicy {
        role: "none".into(),
        ..SeniorPolicy::default()
    };
    assert_eq!(senior_manager(&data, &customer(None), &p), Senior::Missing);
}

#[test]
fn cover_keeps_someone_already_on_the_follow_up() {
    let sm = Role::SeniorManagement;
    let data = Dataset {
        staff: vec![
            person(1, "Al", &[Role::AccountManager], true),
            person(2, "Bo", &[sm], true),
            person(3, "Cy", &[sm], true),
        ],
        ..Dataset::default()
    };
    let pool = SeniorPool::new(&data, &SeniorPolicy::default());
    let c = customer(None);
    assert_eq!(
        pool.cover(&[StaffId(1), StaffId(3)], &c),
        attends(3, SeniorSource::Role)
    );
    assert_eq!(
        pool.cover(&[StaffId(1)], &c),
        attends(2, SeniorSource::Role)
    );
}

#[test]
fn unknown_named_people_are_reported() {
    let p = SeniorPolicy {
        people: vec!["Nobody Here".into()],
        ..SeniorPolicy::default()
    };
    let pool = SeniorPool::new(&Dataset::default(), &p);
    assert_eq!(pool.unknown_named, vec!["Nobody Here".to_string()]);
}

#[test]
fn validation_names_the_problem() {
    let bad_role = SeniorPolicy {
        role: "boss".into(),
        ..SeniorPolicy::default()
    };
    assert!(bad_role.validate().is_err_and(|e| e.contains("'boss'")));
    let nothing = SeniorPolicy {
        role: "none".into(),
        people: vec![],
        executive_sponsor_fallback: false,
    };
    assert!(nothing.validate().is_err());
    assert_eq!(SeniorPolicy::default().validate(), Ok(()));
}
