//! A hand-computed fixture. Working days Monday-Friday at UTC, so on a weekday business time is
//! plain time and only R4 crosses a weekend.
//!
//! | request | customer | owner (answers for it) | team | received | first response | resolved |
//! |---|---|---|---|---|---|---|
//! | R1 | Acme | Bo Chen | Support | Mon 2 Mar 09:00 | +30m | +4h |
//! | R2 | Acme | Bo Chen | Support | Tue 3 Mar 10:00 | +1h | +24h (Wed 10:00) |
//! | R3 | Acme | none: Acme's AM Ann Baker | none: Ann's role | Wed 4 Mar 09:00 | +10m | open |
//! | R4 | Birch | Bo Chen | Support | Fri 6 Mar 22:00 | Mon 02:00: 2h Fri + 2h Mon = 4h (52h of clock) | Mon 22:00: 24h |
//! | R5 | Birch | Ann Baker | Billing | Thu 5 Mar 09:00 | none | open |
//!
//! Nearest rank: the p-th percentile of n sorted values is value number ceil(p/100 x n).

use super::*;
use crate::core::{Customer, Money, Role, Staff};
use chrono::{TimeZone, Utc};

fn t(day: u32, hour: u32, min: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 3, day, hour, min, 0)
        .single()
        .expect("valid date")
}

fn staff(id: u64, name: &str, role: Role) -> Staff {
    Staff {
        id: StaffId(id),
        name: name.into(),
        email: None,
        roles: vec![role],
        bio: String::new(),
        active: true,
    }
}

fn request(
    (id, customer, owner, team): (u64, u64, Option<u64>, &str),
    received: Instant,
    answered: Option<Instant>,
    resolved: Option<Instant>,
) -> Request {
    Request {
        id: crate::core::RequestId(id),
        customer: CustomerId(customer),
        channel: super::super::Channel::Ticket,
        from: String::new(),
        about: "x".into(),
        received_at: received,
        owner: owner.map(StaffId),
        team: team.into(),
        first_response_at: answered,
        responded_by: None,
        resolved_at: resolved,
        resolved_by: None,
        external_key: String::new(),
    }
}

fn data() -> Dataset {
    let customer = |id, name| {
        let mut c = Customer::new(CustomerId(id), name, Money::new(1, "EUR"), t(1, 0, 0));
        c.account_manager = Some(StaffId(1));
        c
    };
    let support = "Support";
    Dataset {
        staff: vec![
            staff(1, "Ann Baker", Role::AccountManager),
            staff(2, "Bo Chen", Role::ServiceManager),
        ],
        customers: vec![customer(10, "Acme"), customer(11, "Birch")],
        requests: vec![
            request(
                (1, 10, Some(2), support),
                t(2, 9, 0),
                Some(t(2, 9, 30)),
                Some(t(2, 13, 0)),
            ),
            request(
                (2, 10, Some(2), support),
                t(3, 10, 0),
                Some(t(3, 11, 0)),
                Some(t(4, 10, 0)),
            ),
            request((3, 10, None, ""), t(4, 9, 0), Some(t(4, 9, 10)), None),
            request(
                (4, 11, Some(2), support),
                t(6, 22, 0),
                Some(t(9, 2, 0)),
                Some(t(9, 22, 0)),
            ),
            request((5, 11, Some(1), "Billing"), t(5, 9, 0), None, None),
        ],
        ..Dataset::default()
    }
}

fn m(minutes: i64) -> Duration {
    Duration::minutes(minutes)
}

fn figures(count: usize, median: Duration, p90: Duration) -> Option<Figures> {
    Some(Figures { count, median, p90 })
}

fn row(label: &str, counts: (usize, usize), fr: Option<Figures>, res: Option<Figures>) -> Row {
    Row {
        label: label.into(),
        requests: counts.0,
        open: counts.1,
        first_response: fr,
        resolution: res,
    }
}

#[test]
fn figures_per_owner_team_customer_and_everyone_match_the_hand_computed_ones() {
    let got = responsiveness(&data(), &WorkWeek::default(), None);
    let h = |hours: i64| m(hours * 60);
    // Ann: R3 and R5; only R3 answered (10m), none resolved.
    // Bo: R1, R2, R4. First responses 30m, 60m, 240m: median rank ceil(1.5) = 2 -> 60m,
    // p90 rank ceil(2.7) = 3 -> 240m (R4 in business time; 52h of clock would be 3120m).
    // Resolutions 4h, 24h, 24h: median rank 2 -> 24h, p90 rank 3 -> 24h.
    let bo = (figures(3, m(60), m(240)), figures(3, h(24), h(24)));
    assert_eq!(
        got.owners,
        vec![
            row("Ann Baker", (2, 2), figures(1, m(10), m(10)), None),
            row("Bo Chen", (3, 0), bo.0, bo.1),
        ]
    );
    // Teams by name: Billing (R5, nothing answered), R3's owner's role, Support (= Bo's).
    assert_eq!(
        got.teams,
        vec![
            row("Billing", (1, 1), None, None),
            row(
                "role: account manager",
                (1, 1),
                figures(1, m(10), m(10)),
                None
            ),
            row("Support", (3, 0), bo.0, bo.1),
        ]
    );
    // Acme: first responses 10, 30, 60 -> median rank 2 = 30m, p90 rank 3 = 60m; resolutions
    // 4h, 24h -> median rank ceil(1.0) = 1 = 4h, p90 rank ceil(1.8) = 2 = 24h.
    // Birch: R4 only answered and resolved: 240m and 24h.
    assert_eq!(
        got.customers,
        vec![
            row(
                "Acme",
                (3, 1),
                figures(3, m(30), m(60)),
                figures(2, h(4), h(24))
            ),
            row(
                "Birch",
                (2, 1),
                figures(1, m(240), m(240)),
                figures(1, h(24), h(24))
            ),
        ]
    );
    // Everyone: 10, 30, 60, 240 -> median rank 2 = 30m, p90 rank ceil(3.6) = 4 = 240m;
    // resolutions 4h, 24h, 24h -> 24h and 24h.
    assert_eq!(
        got.all,
        Some(row(
            "everyone",
            (5, 2),
            figures(4, m(30), m(240)),
            figures(3, h(24), h(24))
        ))
    );
}

#[test]
fn a_window_keeps_the_requests_received_in_it() {
    let window = Some((t(5, 0, 0), t(7, 0, 0)));
    let got = responsiveness(&data(), &WorkWeek::default(), window);
    assert_eq!(got.all.map(|r| r.requests), Some(2), "R4 and R5");
    assert_eq!(
        responsiveness(&Dataset::default(), &WorkWeek::default(), None),
        Responsiveness::default()
    );
}

#[test]
fn durations_read_as_minutes_hours_or_days() {
    assert_eq!(duration_text(m(45)), "45m");
    assert_eq!(duration_text(m(200)), "3h 20m");
    assert_eq!(duration_text(m(3000)), "2d 2h");
}
