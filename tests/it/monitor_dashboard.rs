//! The open dashboard keeps the monitors' part of the at-risk flag in step with the date: the
//! monitors count by day ("3 returns in 30 days"), so a sign can lapse with no save at all, and
//! the dashboard, left open, must drop it when the day turns.

use crate::common::{customer, dashboard, interview, staff};
use hearback::app::App;
use hearback::core::monitors::{MonitorEvent, MonitorId, MonitorKind, date_instant};
use hearback::core::{CustomerId, Dataset, Lifecycle, Role};

fn returned(id: u64, day: u32) -> MonitorEvent {
    MonitorEvent {
        id: MonitorId(id),
        customer: CustomerId(10),
        kind: MonitorKind::Return,
        on: date_instant(chrono::NaiveDate::from_ymd_opt(2026, 10, day).expect("date")),
        reference: format!("RMA-{id}"),
        note: String::new(),
    }
}

fn reasons(app: &App) -> Vec<String> {
    app.risk
        .get(&CustomerId(10))
        .map(|a| a.reasons.clone())
        .unwrap_or_default()
}

#[test]
fn returns_leaving_the_30_day_window_clear_the_sign_when_the_day_turns() {
    let data = Dataset {
        staff: vec![staff(1, "Dana Reyes", vec![Role::AccountManager])],
        customers: vec![
            customer(10, "Acme Freight", 125_000_000).with_lifecycle(Lifecycle::Active),
        ],
        interviews: vec![interview(20, 10)],
        // Three returns on 28-30 October: 24 to 26 days before the tests' now (23 November).
        monitors: vec![returned(1, 28), returned(2, 29), returned(3, 30)],
        ..Dataset::default()
    };
    let mut app = App::new(
        data,
        dashboard::rules(),
        dashboard::now(),
        false,
        String::new(),
        String::new(),
    );
    assert!(
        reasons(&app).contains(&"3 returns in 30 days".to_string()),
        "{:?}",
        reasons(&app)
    );

    // 26 November, half an hour before midnight: the return of 28 October is still one of
    // the last 30 days (27 October to 26 November).
    let late_evening = dashboard::now()
        + chrono::Duration::days(3)
        + chrono::Duration::hours(14)
        + chrono::Duration::minutes(30);
    app.advance(late_evening);
    assert!(reasons(&app).contains(&"3 returns in 30 days".to_string()));

    // An hour later it is 27 November: two returns remain in the window, under the threshold
    // of 3. No queue item changes in that hour, so only the turn of the date can clear it.
    app.advance(late_evening + chrono::Duration::hours(1));
    assert!(
        !reasons(&app).iter().any(|r| r.contains("returns")),
        "{:?}",
        reasons(&app)
    );
    assert_eq!(app.derived_differences(), Vec::<String>::new());
}
