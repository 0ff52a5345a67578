//! A span of time `[since, until)`: the one period type of the documents (a President report,
//! a digest) and of insight (figures over the last 90 days, or all time).

use super::business_time::WorkWeek;
use super::{Instant, time_math};
use chrono::Datelike;

/// A span of time `[since, until)`; no `since` means from the beginning of the records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// The first instant inside, if any.
    pub since: Option<Instant>,
    /// The first instant after.
    pub until: Instant,
}

/// Why a period was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PeriodError {
    /// The period ends before (or where) it starts.
    #[error(
        "the period ends ({until}) before it starts ({since}): the end must come after the start"
    )]
    Empty {
        /// The start, as shown.
        since: String,
        /// The end, as shown.
        until: String,
    },
}

impl Period {
    /// The period `[since, until)`; refused when it would be empty.
    pub fn new(since: Instant, until: Instant) -> Result<Period, PeriodError> {
        if until <= since {
            return Err(PeriodError::Empty {
                since: since.format("%Y-%m-%d %H:%M UTC").to_string(),
                until: until.format("%Y-%m-%d %H:%M UTC").to_string(),
            });
        }
        Ok(Period {
            since: Some(since),
            until,
        })
    }

    /// Everything before `until` ("all time").
    pub fn up_to(until: Instant) -> Period {
        Period { since: None, until }
    }

    /// Whether `t` falls inside.
    pub fn contains(self, t: Instant) -> bool {
        self.since.is_none_or(|s| s <= t) && t < self.until
    }

    /// The period of the same length that ends where this one starts. A period from the
    /// beginning has nothing before it: its previous period is empty.
    pub fn previous(self) -> Period {
        match self.since {
            Some(since) => Period {
                since: Some(since - (self.until - since)),
                until: since,
            },
            None => Period {
                since: None,
                until: Instant::MIN_UTC,
            },
        }
    }

    /// The whole weeks (Monday to Sunday, in the calendar's days) from the week of `from` to
    /// the week of `now`: the period a report or digest owed on an interview completed at
    /// `from` is about. Whole weeks, so it prints as dates and compares with the weeks before
    /// it, not with a few hours.
    pub fn weeks_from(from: Instant, now: Instant, cal: &WorkWeek) -> Period {
        let monday = |t: Instant| {
            let day = cal.day_start(t);
            let back = time_math::local(day, cal.offset)
                .weekday()
                .num_days_from_monday();
            cal.day_start(time_math::earlier(
                day,
                chrono::Duration::days(i64::from(back)),
            ))
        };
        let since = monday(from.min(now));
        // Day boundaries are at a fixed offset: a week is always 7 x 24 hours.
        let until = time_math::later(monday(now), chrono::Duration::days(7));
        Period {
            since: Some(since),
            until,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};

    fn t(day: u32) -> Instant {
        Utc.with_ymd_and_hms(2026, 11, day, 0, 0, 0)
            .single()
            .expect("valid")
    }

    #[test]
    fn a_period_from_the_beginning_holds_everything_before_its_end_and_has_nothing_before_it() {
        let all = Period::up_to(t(10));
        assert!(all.contains(t(10) - Duration::days(10_000)));
        assert!(all.contains(t(10) - Duration::seconds(1)));
        assert!(!all.contains(t(10)));
        let before = all.previous();
        assert!(!before.contains(t(1)));
        assert!(!before.contains(Instant::MIN_UTC));
        assert_eq!(
            Period::new(t(5), t(10)).map(Period::previous),
            Period::new(t(1) - Duration::days(1), t(5))
        );
    }
}
