//! Countdown texts ("overdue 3d 4h", "due in 45m") shared by the queue views.

use super::Instant;
use chrono::Duration;

/// A short span: `3d 4h`, `5h 12m`, `45m`, `<1m`.
pub fn span(d: Duration) -> String {
    let minutes = d.num_minutes().abs();
    let (days, hours, mins) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    if days > 0 {
        format!("{days}d {hours}h")
    } else if hours > 0 {
        format!("{hours}h {mins}m")
    } else if mins > 0 {
        format!("{mins}m")
    } else {
        "<1m".into()
    }
}

/// "overdue 3h 12m" or "due in 45m", relative to `now`.
pub fn countdown(due: Instant, now: Instant) -> String {
    if now > due {
        format!("overdue {}", span(now - due))
    } else {
        format!("due in {}", span(due - now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn countdowns() {
        let now = Utc
            .with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
            .single()
            .expect("valid");
        let cases = [
            (Duration::minutes(45), "due in 45m"),
            (Duration::minutes(-192), "overdue 3h 12m"),
            (Duration::hours(76), "due in 3d 4h"),
            (Duration::seconds(20), "due in <1m"),
            (Duration::days(-400), "overdue 400d 0h"),
        ];
        for (offset, want) in cases {
            assert_eq!(countdown(now + offset, now), want);
        }
    }
}
