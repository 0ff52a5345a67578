//! How figures, dates and states read in the documents. Averages are rounded to tenths once,
//! and changes are worked out from the rounded figures, so a table always adds up as shown.

use super::super::business_time::WorkWeek;
use super::super::countdown::span;
use super::super::period::Period;
use super::super::queue::{DueState, Item};
use super::super::{ActionKind, ActionState, FollowUpState, Instant, Score};

/// Shown for a figure that does not exist (no scores in the period).
pub const NONE: &str = "n/a";

/// `2026-11-23` in the calendar's offset.
pub fn date(cal: &WorkWeek, t: Instant) -> String {
    crate::core::time_math::local(t, cal.offset)
        .format("%Y-%m-%d")
        .to_string()
}

/// `2026-11-23 09:00` in the calendar's offset.
pub fn date_time(cal: &WorkWeek, t: Instant) -> String {
    crate::core::time_math::local(t, cal.offset)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// A period `[since, until)` for people: `2026-10-01 to 2026-10-31` when both ends fall on
/// day boundaries (the end day is the last one inside), else with the times.
pub fn period(cal: &WorkWeek, since: Instant, until: Instant) -> String {
    period_of(
        cal,
        Period {
            since: Some(since),
            until,
        },
    )
}

/// A [`Period`] as [`period`] shows it; one from the beginning reads `the beginning to ...`.
pub fn period_of(cal: &WorkWeek, period: Period) -> String {
    let until = period.until;
    let start = match period.since {
        None => "the beginning".to_string(),
        Some(since) if cal.day_start(since) == since => date(cal, since),
        Some(since) => date_time(cal, since),
    };
    let end = if cal.day_start(until) == until {
        // The last day inside is the one before the boundary.
        date(cal, cal.day_start(until - chrono::Duration::seconds(1)))
    } else {
        date_time(cal, until)
    };
    format!("{start} to {end}")
}

/// A mean in tenths (4.26 -> 43), rounding halves up.
fn tenths(value: f64) -> i64 {
    (value * 10.0).round() as i64
}

/// `4.3`, or [`NONE`].
pub fn average(value: Option<f64>) -> String {
    match value {
        Some(v) => {
            let t = tenths(v);
            format!("{}.{}", t / 10, (t % 10).abs())
        }
        None => NONE.to_string(),
    }
}

/// The change of a mean as shown: `↑0.3`, `↓0.2`, `=`; [`NONE`] when either is missing.
pub fn average_change(now: Option<f64>, before: Option<f64>) -> String {
    match (now, before) {
        (Some(now), Some(before)) => {
            let d = tenths(now) - tenths(before);
            match d.signum() {
                0 => "=".to_string(),
                1 => format!("↑{}.{}", d / 10, d % 10),
                _ => format!("↓{}.{}", -d / 10, -d % 10),
            }
        }
        _ => NONE.to_string(),
    }
}

/// The change of a count: `↑2`, `↓1`, `=`.
pub fn count_change(now: usize, before: usize) -> String {
    match now.cmp(&before) {
        std::cmp::Ordering::Equal => "=".to_string(),
        std::cmp::Ordering::Greater => format!("↑{}", now - before),
        std::cmp::Ordering::Less => format!("↓{}", before - now),
    }
}

/// `3`, or `N/A` for a question not scored.
pub fn score(s: Option<Score>) -> String {
    s.map_or_else(|| "N/A".to_string(), |s| s.get().to_string())
}

/// Where a follow-up is in the loop.
pub fn followup_state(s: FollowUpState) -> &'static str {
    match s {
        FollowUpState::Open => "open: customer not contacted yet",
        FollowUpState::Contacted => "customer contacted",
        FollowUpState::ReportCommitted => "formal report committed",
        FollowUpState::Closed => "closed",
    }
}

/// A board column for people.
pub fn action_state(s: ActionState) -> &'static str {
    match s {
        ActionState::ToDo => "to do",
        ActionState::Doing => "in progress",
        ActionState::Done => "done",
        ActionState::FollowedUp => "done, customer told",
    }
}

/// Corrective or preventive.
pub fn action_kind(k: ActionKind) -> &'static str {
    k.as_str()
}

/// How an item stands at `now`: `overdue by 2d 12h`, `due today (in 3h 0m)`, `due in 3d 11h`,
/// with the snooze when one hides it.
pub fn item_state(cal: &WorkWeek, item: &Item, now: Instant) -> String {
    let mut text = match item.state {
        DueState::Overdue => format!("overdue by {}", span(now - item.due)),
        DueState::Due => format!("due today (in {})", span(item.due - now)),
        DueState::Upcoming => format!("due in {}", span(item.due - now)),
    };
    if let Some(until) = item.snoozed_until {
        text.push_str(&format!(", snoozed until {}", date_time(cal, until)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone, Utc};

    fn t(d: u32, h: u32) -> Instant {
        Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0)
            .single()
            .expect("valid")
    }

    #[test]
    fn averages_and_changes_are_worked_out_from_the_shown_figures() {
        assert_eq!(average(Some(4.25)), "4.3");
        assert_eq!(average(Some(2.833)), "2.8");
        assert_eq!(average(Some(5.0)), "5.0");
        assert_eq!(average(None), "n/a");
        // 4.26 shows 4.3 and 4.04 shows 4.0: the change reads 0.3, not 0.2.
        assert_eq!(average_change(Some(4.26), Some(4.04)), "↑0.3");
        assert_eq!(average_change(Some(3.0), Some(4.2)), "↓1.2");
        assert_eq!(average_change(Some(4.01), Some(3.99)), "=");
        assert_eq!(average_change(None, Some(3.0)), "n/a");
        assert_eq!(count_change(5, 3), "↑2");
        assert_eq!(count_change(1, 4), "↓3");
        assert_eq!(count_change(2, 2), "=");
    }

    #[test]
    fn periods_read_as_days_when_they_fall_on_day_boundaries() {
        let cal = WorkWeek::default();
        assert_eq!(period(&cal, t(1, 0), t(23, 0)), "2026-11-01 to 2026-11-22");
        assert_eq!(
            period(&cal, t(1, 0), t(23, 9)),
            "2026-11-01 to 2026-11-23 09:00"
        );
        let east = WorkWeek {
            offset: FixedOffset::east_opt(2 * 3600).expect("valid"),
            ..WorkWeek::default()
        };
        // 22:00 UTC is midnight at +02:00.
        assert_eq!(date(&east, t(22, 22)), "2026-11-23");
        assert_eq!(
            period(&east, t(1, 22), t(2, 22)),
            "2026-11-02 to 2026-11-02"
        );
    }
}
