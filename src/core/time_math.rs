//! Arithmetic on instants that cannot panic.
//!
//! Every date that comes in is bounded to [`super::when::YEARS`], but a store written by an
//! older build may hold anything chrono can represent (`--at=+262142-12-31` was once saved).
//! chrono's `+`, `-` and local-time conversions panic at the ends of its range, so every
//! deadline and every local day is computed here: sums saturate at the ends of time and local
//! views are taken of an instant pulled one day inside them. A deadline in year 262142 is then
//! shown as such (absurd, but visible and editable), instead of taking every screen down.

use super::Instant;
use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};

/// `t + d`, or the end of time in that direction when the sum does not exist.
pub fn later(t: Instant, d: Duration) -> Instant {
    t.checked_add_signed(d).unwrap_or(if d < Duration::zero() {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    })
}

/// `t - d`, or the end of time in that direction when the difference does not exist.
pub fn earlier(t: Instant, d: Duration) -> Instant {
    t.checked_sub_signed(d).unwrap_or(if d < Duration::zero() {
        DateTime::<Utc>::MAX_UTC
    } else {
        DateTime::<Utc>::MIN_UTC
    })
}

/// `t` moved at least two days inside chrono's range, so any offset and a day either side of
/// its local date exist. Leaves every real date as it is.
pub fn inside(t: Instant) -> Instant {
    let margin = Duration::days(2);
    let low = later(DateTime::<Utc>::MIN_UTC, margin);
    let high = earlier(DateTime::<Utc>::MAX_UTC, margin);
    t.clamp(low, high)
}

/// `t` on the wall clock of `offset`, never panicking at the ends of time.
pub fn local(t: Instant, offset: FixedOffset) -> DateTime<FixedOffset> {
    inside(t).with_timezone(&offset)
}

/// `t` in the user's own time zone (CLI listings), never panicking at the ends of time.
pub fn in_local_zone(t: Instant) -> DateTime<chrono::Local> {
    inside(t).with_timezone(&chrono::Local)
}

/// The instant a wall-clock time in `offset` names, or the end of time nearest to it.
pub fn from_local(at: chrono::NaiveDateTime, offset: FixedOffset) -> Instant {
    offset
        .from_local_datetime(&at)
        .single()
        .map_or_else(|| at.and_utc(), |t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_saturate_and_local_views_exist_at_the_ends_of_time() {
        let (max, min) = (DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC);
        assert_eq!(later(max, Duration::days(1)), max);
        assert_eq!(later(min, Duration::days(-1)), min);
        assert_eq!(earlier(min, Duration::days(1)), min);
        assert_eq!(earlier(max, Duration::days(-1)), max);
        let east = FixedOffset::east_opt(14 * 3600).expect("valid");
        let west = FixedOffset::west_opt(14 * 3600).expect("valid");
        assert!(local(max, east).date_naive().succ_opt().is_some());
        assert!(local(min, west).date_naive().pred_opt().is_some());
        // An ordinary instant (no clock in the core, not even in its tests).
        let real = Utc
            .with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
            .single()
            .expect("valid");
        assert_eq!(inside(real), real);
        assert_eq!(later(real, Duration::hours(1)), real + Duration::hours(1));
    }
}
