//! Business time: deadlines that skip non-working days.
//!
//! The definition is deliberately simple enough to explain on one line: **non-working days do not
//! count at all; on working days every hour counts.** So "1 business day" after Friday 15:00 is
//! Monday 15:00, and "4 business hours" after Friday 22:00 is Monday 02:00. Day boundaries are
//! taken at a fixed UTC offset (the policy's, by default the user's local offset), because a
//! weekend begins at local midnight, not UTC midnight.

use super::{Instant, time_math};
use chrono::{Datelike, Duration, FixedOffset, NaiveTime, Offset, Weekday};

/// Which days are worked, and where a day begins (the working week; "calendar" in hearback
/// means only the feedback calendar of interviews).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkWeek {
    /// Working days (default Monday to Friday).
    pub working_days: Vec<Weekday>,
    /// Offset used to find day boundaries.
    pub offset: FixedOffset,
}

impl Default for WorkWeek {
    fn default() -> Self {
        WorkWeek {
            working_days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            offset: chrono::Utc.fix(),
        }
    }
}

impl WorkWeek {
    /// Whether the local day containing `t` is a working day.
    pub fn is_working(&self, t: Instant) -> bool {
        self.working_days
            .contains(&time_math::local(t, self.offset).weekday())
    }

    /// The start of the local day containing `t`, as an instant.
    pub fn day_start(&self, t: Instant) -> Instant {
        let local = time_math::local(t, self.offset)
            .date_naive()
            .and_time(NaiveTime::MIN);
        time_math::from_local(local, self.offset)
    }

    /// The start of the next local day after the one containing `t`.
    pub fn next_day_start(&self, t: Instant) -> Instant {
        self.day_start(time_math::later(self.day_start(t), Duration::hours(36)))
    }

    /// How many distinct working days a week holds (duplicates in the list count once).
    fn working_per_week(&self) -> i32 {
        let mut days: Vec<Weekday> = self.working_days.clone();
        days.sort_by_key(|d| d.num_days_from_monday());
        days.dedup();
        days.len() as i32
    }

    /// `t` plus `amount` of business time: time on non-working days is skipped.
    /// With no working days configured, plain time is used rather than never being due (the
    /// policy refuses an empty list; this keeps a hand-built calendar safe too). Saturates at
    /// the end of time instead of panicking.
    pub fn add(&self, t: Instant, amount: Duration) -> Instant {
        let per_week = self.working_per_week();
        if per_week == 0 || amount <= Duration::zero() {
            return time_math::later(t, amount);
        }
        let mut at = t;
        let mut left = amount;
        // Whole weeks first (each holds `per_week` working days), keeping at least a week of
        // business time for the day-by-day walk, which then takes at most ~14 steps.
        const DAY_MS: i64 = 86_400_000;
        let week_ms = i64::from(per_week) * DAY_MS;
        let weeks = left.num_milliseconds() / week_ms - 1;
        if weeks > 0 {
            let span = Duration::try_milliseconds(weeks.saturating_mul(7 * DAY_MS));
            at = time_math::later(at, span.unwrap_or(Duration::MAX));
            left = Duration::milliseconds(left.num_milliseconds() - weeks * week_ms);
        }
        // Each step crosses one calendar day; at the end of time the day no longer moves.
        loop {
            if !self.is_working(at) {
                let next = self.next_day_start(at);
                if next <= at {
                    return at;
                }
                at = next;
                continue;
            }
            let end = self.next_day_start(at);
            if end <= at {
                return at;
            }
            let available = end - at;
            if left <= available {
                return time_math::later(at, left);
            }
            left -= available;
            at = end;
        }
    }

    /// `t` plus `days` business days (keeps the time of day when `t` is on a working day).
    pub fn add_days(&self, t: Instant, days: u32) -> Instant {
        self.add(t, Duration::days(i64::from(days)))
    }

    /// `t` minus `days` business days: the same walk backwards, for "N days before" deadlines.
    pub fn sub_days(&self, t: Instant, days: u32) -> Instant {
        let per_week = self.working_per_week() as u32;
        if per_week == 0 {
            return time_math::earlier(t, Duration::days(i64::from(days)));
        }
        let mut at = t;
        let mut left = days;
        // Whole weeks first, keeping the last week or two for the walk.
        let weeks = (left / per_week).saturating_sub(1);
        if weeks > 0 {
            at = time_math::earlier(at, Duration::weeks(i64::from(weeks)));
            left -= weeks * per_week;
        }
        while left > 0 {
            let before = time_math::earlier(at, Duration::days(1));
            if before == at {
                return at; // the start of time: nothing earlier exists
            }
            at = before;
            if self.is_working(at) {
                left -= 1;
            }
        }
        at
    }

    /// The business time from `from` to `to`: the inverse of [`WorkWeek::add`], so time on
    /// non-working days does not count and every hour of a working day does. Zero when `to`
    /// is not after `from`; plain time when no day is a working day (as `add` does).
    pub fn between(&self, from: Instant, to: Instant) -> Duration {
        let per_week = self.working_per_week();
        if to <= from {
            return Duration::zero();
        }
        if per_week == 0 {
            return to - from;
        }
        const DAY_MS: i64 = 86_400_000;
        let (mut at, mut total) = (from, Duration::zero());
        // Whole weeks first (day boundaries are at a fixed offset, so a week is always 7 x 24
        // hours holding `per_week` working days), leaving at most two weeks for the walk.
        let weeks = (to - from).num_milliseconds() / (7 * DAY_MS) - 1;
        if weeks > 0 {
            at = time_math::later(at, Duration::milliseconds(weeks * 7 * DAY_MS));
            total = Duration::milliseconds(weeks * i64::from(per_week) * DAY_MS);
        }
        while at < to {
            let end = self.next_day_start(at).min(to);
            if end <= at {
                break; // the end of time: the day no longer moves
            }
            if self.is_working(at) {
                total += end - at;
            }
            at = end;
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn t(d: u32, h: u32) -> Instant {
        // November 2026: the 20th is a Friday, 21st Saturday, 23rd Monday.
        Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0)
            .single()
            .expect("valid")
    }

    #[test]
    fn weekends_are_skipped() {
        let cal = WorkWeek::default();
        let cases = [
            // (start, amount, expected)
            (t(20, 15), Duration::days(1), t(23, 15)), // Fri 15:00 + 1 day -> Mon 15:00
            (t(20, 22), Duration::hours(4), t(23, 2)), // Fri 22:00 + 4 h -> Mon 02:00
            (t(21, 10), Duration::hours(4), t(23, 4)), // Sat -> counts from Monday 00:00
            (t(22, 23), Duration::days(2), t(25, 0)),  // Sun 23:00 + 2 days -> Wed 00:00
            (t(23, 9), Duration::hours(24), t(24, 9)), // Mon + 24 h -> Tue
            (t(19, 9), Duration::days(2), t(23, 9)),   // Thu + 2 days -> Mon
            (t(23, 9), Duration::days(5), t(30, 9)),   // a whole working week
            (t(23, 9), Duration::zero(), t(23, 9)),
        ];
        for (start, amount, want) in cases {
            assert_eq!(cal.add(start, amount), want, "{start} + {amount}");
        }
    }

    #[test]
    fn all_days_working_is_plain_time() {
        let every_day = vec![
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        let cal = WorkWeek {
            working_days: every_day,
            ..WorkWeek::default()
        };
        assert_eq!(cal.add(t(20, 15), Duration::days(1)), t(21, 15));
        let none = WorkWeek {
            working_days: vec![],
            ..WorkWeek::default()
        };
        assert_eq!(none.add(t(20, 15), Duration::days(1)), t(21, 15));
    }

    #[test]
    fn day_boundaries_follow_the_offset() {
        // New York (UTC-5): Friday 20:00 local is Saturday 01:00 UTC, still a working Friday.
        let ny = WorkWeek {
            offset: FixedOffset::west_opt(5 * 3600).expect("valid"),
            ..WorkWeek::default()
        };
        let fri_evening_local = t(21, 1);
        assert!(ny.is_working(fri_evening_local));
        assert!(!WorkWeek::default().is_working(fri_evening_local));
        // 4 business hours from Fri 20:00 local use up Friday exactly: due at its end.
        assert_eq!(ny.add(fri_evening_local, Duration::hours(4)), t(21, 5));
        // 5 hours: the fifth is on Monday (05:00 UTC is Monday 00:00 local).
        assert_eq!(ny.add(fri_evening_local, Duration::hours(5)), t(23, 6));
    }

    #[test]
    fn business_days_before() {
        let cal = WorkWeek::default();
        assert_eq!(cal.sub_days(t(23, 10), 1), t(20, 10)); // Mon -> Fri
        assert_eq!(cal.sub_days(t(25, 10), 1), t(24, 10)); // Wed -> Tue
        assert_eq!(cal.sub_days(t(24, 10), 2), t(20, 10)); // Tue -> Fri
    }

    /// The day-by-day walk the week skipping must agree with.
    fn walk(cal: &WorkWeek, t: Instant, amount: Duration) -> Instant {
        let (mut at, mut left) = (t, amount);
        loop {
            if !cal.is_working(at) {
                at = cal.next_day_start(at);
                continue;
            }
            let end = cal.next_day_start(at);
            if left <= end - at {
                return at + left;
            }
            left -= end - at;
            at = end;
        }
    }

    #[test]
    fn skipping_whole_weeks_agrees_with_the_walk() {
        let ny = WorkWeek {
            offset: FixedOffset::west_opt(5 * 3600).expect("valid"),
            working_days: vec![Weekday::Tue, Weekday::Sat, Weekday::Sun],
        };
        for cal in [WorkWeek::default(), ny] {
            for start in [t(20, 15), t(21, 10), t(23, 0)] {
                for hours in (1..24 * 60).step_by(7) {
                    let amount = Duration::hours(hours);
                    assert_eq!(
                        cal.add(start, amount),
                        walk(&cal, start, amount),
                        "{hours}h"
                    );
                }
                for days in 0..60 {
                    let slow = (0..days).fold(start, |at, _| {
                        let mut at = at - Duration::days(1);
                        while !cal.is_working(at) {
                            at -= Duration::days(1);
                        }
                        at
                    });
                    assert_eq!(cal.sub_days(start, days), slow, "{days} days before");
                }
            }
        }
    }

    #[test]
    fn business_time_between_two_instants_undoes_add() {
        let cal = WorkWeek::default();
        let cases = [
            // (from, to, business hours)
            (t(20, 16), t(24, 10), 42), // Fri 16:00 -> Tue 10:00: 8 h + Mon 24 h + 10 h
            (t(20, 15), t(23, 15), 24), // Fri 15:00 -> Mon 15:00: one business day
            (t(21, 10), t(23, 4), 4),   // from Saturday: counts from Monday 00:00
            (t(20, 22), t(22, 12), 2),  // ends on Sunday: Friday's last 2 h
            (t(23, 9), t(23, 9), 0),
            (t(24, 9), t(23, 9), 0),      // the wrong way round: nothing
            (t(2, 9), t(30, 9), 20 * 24), // four whole weeks
        ];
        for (from, to, hours) in cases {
            assert_eq!(
                cal.between(from, to),
                Duration::hours(hours),
                "{from} -> {to}"
            );
        }
        for hours in (1..24 * 40).step_by(5) {
            let amount = Duration::hours(hours);
            let to = cal.add(t(20, 15), amount);
            assert_eq!(cal.between(t(20, 15), to), amount, "{hours}h");
        }
    }

    #[test]
    fn huge_amounts_and_the_ends_of_time_neither_hang_nor_panic() {
        // No wall-clock bound here: the old day-by-day walk looped for seconds and then
        // panicked, which fails this test; a hang fails the run. Speed belongs to the bench.
        let cal = WorkWeek::default();
        let far = cal.add_days(t(20, 15), u32::MAX);
        assert!(far > t(20, 15));
        assert!(cal.sub_days(t(20, 15), u32::MAX) < t(20, 15));
        let max = chrono::DateTime::<Utc>::MAX_UTC;
        let min = chrono::DateTime::<Utc>::MIN_UTC;
        assert_eq!(cal.add(max, Duration::hours(4)), max);
        assert!(cal.add_days(max - Duration::days(3), 30) <= max);
        assert_eq!(cal.sub_days(min, 3), min);
        assert!(cal.next_day_start(max) <= max);
    }
}
