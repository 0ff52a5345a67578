//! Time arithmetic for the demo: offsets that never panic, and meetings placed on working days.

use super::rng::Rng;
use crate::core::Instant;
use chrono::{Datelike, NaiveTime, TimeDelta, Timelike, Weekday};

/// Minutes in a day, for offsets.
pub(crate) const DAY: i64 = 24 * 60;

/// `t` moved by `minutes` (unchanged if that would leave chrono's range).
pub(crate) fn shift(t: Instant, minutes: i64) -> Instant {
    TimeDelta::try_minutes(minutes)
        .and_then(|d| t.checked_add_signed(d))
        .unwrap_or(t)
}

/// `t` moved by `days`.
pub(crate) fn days(t: Instant, days: i64) -> Instant {
    shift(t, days.saturating_mul(DAY))
}

/// `t` moved by a whole number of days in `lo..=hi`, give or take two hours: the next (or, for
/// negative days, an earlier) step of some piece of work, at about the same time of day, so
/// office hours stay office hours. A weekend moves on to the Monday (back to the Friday for
/// earlier steps), which never reorders a step before the one it follows.
pub(crate) fn later(rng: &mut Rng, t: Instant, lo: i64, hi: i64) -> Instant {
    let jitter = rng.range(-120, 120);
    let d = rng.range(lo, hi);
    let moved = shift(t, d.saturating_mul(DAY) + jitter);
    let step = match (moved.weekday(), d >= 0) {
        (Weekday::Sat, true) => 2,
        (Weekday::Sun, true) => 1,
        (Weekday::Sat, false) => -1,
        (Weekday::Sun, false) => -2,
        _ => 0,
    };
    days(moved, step)
}

/// `now` without its sub-second part, so every instant derived from it survives the store's
/// millisecond encoding unchanged and still lies at or before `now`.
pub(crate) fn whole_seconds(now: Instant) -> Instant {
    now.with_nanosecond(0).unwrap_or(now)
}

/// A random instant between `from` and `to` (`from` if the span is empty), on a whole minute
/// offset from `from`.
pub(crate) fn between(rng: &mut Rng, from: Instant, to: Instant) -> Instant {
    let span = (to - from).num_minutes();
    shift(from, rng.range(0, span.max(0)))
}

/// The day `t` falls on, at `minute_of_day` (UTC).
pub(crate) fn on_day_at(t: Instant, minute_of_day: u32) -> Instant {
    let time = NaiveTime::from_hms_opt(minute_of_day / 60 % 24, minute_of_day % 60, 0)
        .unwrap_or(NaiveTime::MIN);
    t.date_naive().and_time(time).and_utc()
}

/// How many days to step back from a weekend day to reach Friday.
fn back_to_friday(t: Instant) -> i64 {
    match t.weekday() {
        Weekday::Sat => 1,
        Weekday::Sun => 2,
        _ => 0,
    }
}

/// A working-day meeting time about `days_ago` days before `now` at `minute_of_day` UTC; a
/// weekend moves back to the Friday. Never after `now`.
pub(crate) fn past_workday(now: Instant, days_ago: i64, minute_of_day: u32) -> Instant {
    let day = days(now, -days_ago);
    let t = on_day_at(days(day, -back_to_friday(day)), minute_of_day);
    t.min(now)
}

/// A working-day meeting time `days_ahead` days after `now` at `minute_of_day` UTC; a weekend
/// moves on to the Monday. Always after `now` when `days_ahead` is at least 1.
pub(crate) fn future_workday(now: Instant, days_ahead: i64, minute_of_day: u32) -> Instant {
    let day = days(now, days_ahead);
    let forward = match day.weekday() {
        Weekday::Sat => 2,
        Weekday::Sun => 1,
        _ => 0,
    };
    on_day_at(days(day, forward), minute_of_day)
}

/// A working-day time whose age at `now` lies within `min_days..max_days` (for the few records
/// that must be overdue by a known margin); falls back to the middle of the window.
pub(crate) fn workday_aged(
    now: Instant,
    min_days: i64,
    max_days: i64,
    minute_of_day: u32,
) -> Instant {
    let lo = TimeDelta::try_days(min_days).unwrap_or(TimeDelta::zero());
    let hi = TimeDelta::try_days(max_days).unwrap_or(TimeDelta::zero());
    for d in min_days..=max_days {
        let t = on_day_at(days(now, -d), minute_of_day);
        let age = now - t;
        if back_to_friday(t) == 0 && age > lo && age < hi {
            return t;
        }
    }
    shift(now, -(min_days + max_days).saturating_mul(12 * 60))
}

/// Formats a date the way people write it in notes: `14 Mar 2025`.
pub(crate) fn day_text(t: Instant) -> String {
    t.format("%-d %b %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn at(y: i32, m: u32, d: u32, h: u32) -> Instant {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .expect("valid test date")
    }

    #[test]
    fn meetings_land_on_working_days() {
        let now = at(2025, 3, 17, 10); // a Monday
        for n in 1..30 {
            let past = past_workday(now, n, 9 * 60);
            assert!(past <= now);
            assert!(!matches!(past.weekday(), Weekday::Sat | Weekday::Sun));
            let future = future_workday(now, n, 14 * 60);
            assert!(future > now);
            assert!(!matches!(future.weekday(), Weekday::Sat | Weekday::Sun));
        }
        assert!(past_workday(now, 0, 23 * 60) <= now);
    }

    #[test]
    fn aged_times_fall_inside_their_window() {
        for day in 10..24 {
            let now = at(2025, 3, day, 22);
            for (lo, hi) in [(1, 6), (2, 6), (7, 10)] {
                for minute in [0, 9 * 60, 23 * 60] {
                    let t = workday_aged(now, lo, hi, minute);
                    let age = now - t;
                    assert!(age > TimeDelta::days(lo) && age < TimeDelta::days(hi));
                }
            }
        }
    }

    #[test]
    fn later_steps_skip_weekends_in_their_direction() {
        let mut rng = Rng::new(1);
        let t = at(2025, 3, 14, 12); // a Friday
        let weekend = |t: Instant| matches!(t.weekday(), Weekday::Sat | Weekday::Sun);
        for _ in 0..200 {
            let next = later(&mut rng, t, 1, 9);
            assert!(next > t && !weekend(next), "{next}");
            let before = later(&mut rng, t, -9, -1);
            assert!(before < t && !weekend(before), "{before}");
        }
    }

    #[test]
    fn offsets_never_panic_at_the_edges_of_time() {
        let t = chrono::DateTime::<Utc>::MIN_UTC;
        assert_eq!(days(t, -1_000), t);
        assert_eq!(shift(t, i64::MAX), t);
        assert_eq!(day_text(at(2025, 3, 4, 0)), "4 Mar 2025");
    }
}
