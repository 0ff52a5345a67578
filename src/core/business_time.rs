//! Business time: deadlines that skip non-working days.
//!
//! The definition is deliberately simple enough to explain on one line: **non-working days do not
//! count at all; on working days every hour counts.** So "1 business day" after Friday 15:00 is
//! Monday 15:00, and "4 business hours" after Friday 22:00 is Monday 02:00. Day boundaries are
//! taken at a fixed UTC offset (the policy's, by default the user's local offset), because a
//! weekend begins at local midnight, not UTC midnight.

use super::Instant;
use chrono::{Datelike, Duration, FixedOffset, NaiveTime, Offset, TimeZone, Weekday};

/// Which days are worked, and where a day begins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// Working days (default Monday to Friday).
    pub working_days: Vec<Weekday>,
    /// Offset used to find day boundaries.
    pub offset: FixedOffset,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar {
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

impl Calendar {
    /// Whether the local day containing `t` is a working day.
    pub fn is_working(&self, t: Instant) -> bool {
        self.working_days
            .contains(&t.with_timezone(&self.offset).weekday())
    }

    /// The start of the local day containing `t`, as an instant.
    pub fn day_start(&self, t: Instant) -> Instant {
        let local = t
            .with_timezone(&self.offset)
            .date_naive()
            .and_time(NaiveTime::MIN);
        self.offset
            .from_local_datetime(&local)
            .single()
            .map_or(t, |d| d.with_timezone(&chrono::Utc))
    }

    /// The start of the next local day after the one containing `t`.
    pub fn next_day_start(&self, t: Instant) -> Instant {
        self.day_start(self.day_start(t) + Duration::hours(36))
    }

    /// `t` plus `amount` of business time: time on non-working days is skipped.
    /// With no working days configured, plain time is used rather than never being due.
    pub fn add(&self, t: Instant, amount: Duration) -> Instant {
        if self.working_days.is_empty() || amount <= Duration::zero() {
            return t + amount;
        }
        let mut at = t;
        let mut left = amount;
        // At most one iteration per calendar day crossed; bounded by the amount.
        loop {
            if !self.is_working(at) {
                at = self.next_day_start(at);
                continue;
            }
            let end = self.next_day_start(at);
            let available = end - at;
            if left <= available {
                return at + left;
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
        if self.working_days.is_empty() {
            return t - Duration::days(i64::from(days));
        }
        let mut at = t;
        let mut left = days;
        while left > 0 {
            at -= Duration::days(1);
            if self.is_working(at) {
                left -= 1;
            }
        }
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn t(d: u32, h: u32) -> Instant {
        // November 2026: the 20th is a Friday, 21st Saturday, 23rd Monday.
        Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0)
            .single()
            .expect("valid")
    }

    #[test]
    fn weekends_are_skipped() {
        let cal = Calendar::default();
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
        let cal = Calendar {
            working_days: every_day,
            ..Calendar::default()
        };
        assert_eq!(cal.add(t(20, 15), Duration::days(1)), t(21, 15));
        let none = Calendar {
            working_days: vec![],
            ..Calendar::default()
        };
        assert_eq!(none.add(t(20, 15), Duration::days(1)), t(21, 15));
    }

    #[test]
    fn day_boundaries_follow_the_offset() {
        // New York (UTC-5): Friday 20:00 local is Saturday 01:00 UTC, still a working Friday.
        let ny = Calendar {
            offset: FixedOffset::west_opt(5 * 3600).expect("valid"),
            ..Calendar::default()
        };
        let fri_evening_local = t(21, 1);
        assert!(ny.is_working(fri_evening_local));
        assert!(!Calendar::default().is_working(fri_evening_local));
        // 4 business hours from Fri 20:00 local use up Friday exactly: due at its end.
        assert_eq!(ny.add(fri_evening_local, Duration::hours(4)), t(21, 5));
        // 5 hours: the fifth is on Monday (05:00 UTC is Monday 00:00 local).
        assert_eq!(ny.add(fri_evening_local, Duration::hours(5)), t(23, 6));
    }

    #[test]
    fn business_days_before() {
        let cal = Calendar::default();
        assert_eq!(cal.sub_days(t(23, 10), 1), t(20, 10)); // Mon -> Fri
        assert_eq!(cal.sub_days(t(25, 10), 1), t(24, 10)); // Wed -> Tue
        assert_eq!(cal.sub_days(t(24, 10), 2), t(20, 10)); // Tue -> Fri
    }
}
