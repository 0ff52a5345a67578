//! Times typed into the dashboard's forms: relative (`+30m`, `+4h`, `+2d`, `+1w`), a date
//! (`2026-11-25`, the start of that day) or a date and time (`2026-11-25 14:30`), both in the
//! user's day (the calendar's offset), or RFC 3339. Pure: `now` and the offset are parameters.

use super::Instant;
use chrono::{Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// Parses what a person typed into an instant, or says what is accepted.
pub fn parse_when(text: &str, now: Instant, offset: FixedOffset) -> Result<Instant, String> {
    let t = text.trim();
    let accepted =
        "use +30m, +4h, +2d, +1w, a date (2026-11-25) or a date and time (2026-11-25 14:30)";
    if t.is_empty() {
        return Err(format!("no time given: {accepted}"));
    }
    if let Some(rest) = t.strip_prefix('+') {
        let (digits, unit) = rest.split_at(
            rest.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len()),
        );
        let n: i64 = digits
            .parse()
            .map_err(|_| format!("'{t}' is not a time: {accepted}"))?;
        let span = match unit.trim() {
            "m" | "min" => Duration::try_minutes(n),
            "h" => Duration::try_hours(n),
            "d" => Duration::try_days(n),
            "w" => Duration::try_weeks(n),
            _ => None,
        };
        return span
            .and_then(|s| now.checked_add_signed(s))
            .ok_or_else(|| format!("'{t}' is not a time: {accepted}"));
    }
    if let Ok(x) = chrono::DateTime::parse_from_rfc3339(t) {
        return Ok(x.with_timezone(&Utc));
    }
    let local = NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M")
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        });
    local
        .and_then(|l| offset.from_local_datetime(&l).single())
        .map(|x| x.with_timezone(&Utc))
        .ok_or_else(|| format!("'{t}' is not a time: {accepted}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_accept_relative_and_local_times() {
        let now = Utc
            .with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
            .single()
            .expect("valid");
        let cet = FixedOffset::east_opt(3600).expect("valid");
        let at = |d, h, m| {
            Utc.with_ymd_and_hms(2026, 11, d, h, m, 0)
                .single()
                .expect("valid")
        };
        let cases = [
            ("+30m", Ok(at(23, 9, 30))),
            ("+4h", Ok(at(23, 13, 0))),
            ("+2d", Ok(at(25, 9, 0))),
            ("+1w", Ok(at(30, 9, 0))),
            ("2026-11-25", Ok(at(24, 23, 0))),
            ("2026-11-25 14:30", Ok(at(25, 13, 30))),
            ("2026-11-25T14:30:00Z", Ok(at(25, 14, 30))),
        ];
        for (text, want) in cases {
            assert_eq!(parse_when(text, now, cet), want, "{text}");
        }
        for bad in ["", "soon", "+", "+2y", "+99999999999999d", "2026-13-01"] {
            assert!(parse_when(bad, now, cet).is_err(), "{bad}");
        }
    }
}
