//! Times typed by people, in the dashboard's forms and on the command line alike: one parser,
//! so `10:00` means the same everywhere. Pure: `now` and the calendar's offset are parameters.
//!
//! What it accepts (case does not matter):
//! - relative: `+30m`, `+4h`, `+2d`, `+2w` (also `+30 min`, `+2 days`, `+1 week`), and `now`;
//! - a time of day: `10:00`, `9:30`, `14`, `9am`, `2:30pm`: the next such moment (today, or
//!   tomorrow when it has passed);
//! - a day: `today`, `tomorrow`, a weekday (`fri`, `friday`) or a date (`2026-11-25`), alone
//!   (the start of that day) or followed by a time (`today 15:30`, `tomorrow 9`, `fri 14:00`,
//!   `2026-11-25 14:30`, `2026-11-25T14:30`);
//! - RFC 3339 with its own offset (`2026-11-25T14:30:00Z`).
//!
//! A weekday means the next moment on such a day that is still ahead: `fri 14:00` typed on a
//! Friday morning is this afternoon, typed on Friday evening it is next week; `fri` alone (the
//! start of the day, always passed on a Friday) is next week's Friday. That is the same rule as
//! a bare `10:00`, so there is one rule to learn: a weekday or a time of day is never in the past.
//! `today` and a date are taken as written, even when they have passed; the forms then ask
//! before using a past time.

use super::{Instant, time_math};
use chrono::{
    Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday,
};

/// What the forms and `--help` say is accepted.
pub const ACCEPTED: &str = "use 10:00, today 15:30, tomorrow 9, fri 14:00, +2d, +1w, a date (YYYY-MM-DD) or a date and time";

/// The earliest and latest year accepted in any date that comes in (typed, imported, restored):
/// a typo like `20266-01-01` is refused, not stored.
pub const YEARS: std::ops::RangeInclusive<i32> = 1970..=2200;

/// Parses what a person typed into an instant, or says what is accepted.
pub fn parse_when(text: &str, now: Instant, offset: FixedOffset) -> Result<Instant, String> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Err(format!("no time given: {ACCEPTED}"));
    }
    let refuse = || format!("'{}' is not a time: {ACCEPTED}", text.trim());
    let at = if t == "now" {
        Some(now)
    } else if let Some(rest) = t.strip_prefix('+') {
        relative(rest).and_then(|span| now.checked_add_signed(span))
    } else if let Some(x) = absolute(&t, offset) {
        Some(x)
    } else {
        day_and_time(&t, now, offset)
    };
    at.filter(|x| YEARS.contains(&x.year())).ok_or_else(refuse)
}

/// Parses a time that does not depend on the present: RFC 3339, a date (its start) or a date
/// and time in `offset`. For `--now`, which replaces the clock and so cannot be relative to it.
pub fn parse_absolute(text: &str, offset: FixedOffset) -> Result<Instant, String> {
    let t = text.trim().to_lowercase();
    absolute(&t, offset)
        .filter(|x| YEARS.contains(&x.year()))
        .ok_or_else(|| {
            format!(
                "'{}' is not a time: use RFC 3339 (2026-11-23T09:00:00Z), a date (YYYY-MM-DD) or a date and time (\"YYYY-MM-DD 14:30\")",
                text.trim()
            )
        })
}

/// `30m`, `4 h`, `2days`, `1 week` after the `+`.
fn relative(rest: &str) -> Option<Duration> {
    let rest = rest.trim();
    let split = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, unit) = rest.split_at(split);
    let n: i64 = digits.parse().ok()?;
    match unit.trim() {
        "m" | "min" | "mins" | "minute" | "minutes" => Duration::try_minutes(n),
        "h" | "hr" | "hrs" | "hour" | "hours" => Duration::try_hours(n),
        "d" | "day" | "days" => Duration::try_days(n),
        "w" | "wk" | "week" | "weeks" => Duration::try_weeks(n),
        _ => None,
    }
}

/// RFC 3339, or a date / date and time in the calendar's offset.
fn absolute(t: &str, offset: FixedOffset) -> Option<Instant> {
    if let Ok(x) = chrono::DateTime::parse_from_rfc3339(t) {
        return Some(x.with_timezone(&Utc));
    }
    let (date, time) = match t.split_once(['t', ' ']) {
        Some((d, rest)) => (d, Some(rest.trim())),
        None => (t, None),
    };
    let day = iso_date(date)?;
    let time = match time {
        None => NaiveTime::MIN,
        Some(x) => time_of_day(x)?,
    };
    local(day.and_time(time), offset)
}

/// `2026-11-25`, with a four-digit year (chrono alone would take `20266-11-25`).
fn iso_date(t: &str) -> Option<NaiveDate> {
    let four_digit_year = t.find('-') == Some(4);
    four_digit_year
        .then(|| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
        .flatten()
}

/// The instant a wall-clock time in `offset` names.
fn local(at: NaiveDateTime, offset: FixedOffset) -> Option<Instant> {
    offset
        .from_local_datetime(&at)
        .single()
        .map(|x| x.with_timezone(&Utc))
}

/// Which day a word names.
enum Day {
    /// `today`.
    Today,
    /// `tomorrow`.
    Tomorrow,
    /// A weekday name: the next such day still ahead.
    Next(Weekday),
    /// A date.
    Date(NaiveDate),
}

/// `[day] [time]`: at least one of them.
fn day_and_time(t: &str, now: Instant, offset: FixedOffset) -> Option<Instant> {
    let (first, rest) = match t.split_once(' ') {
        Some((a, b)) => (a, b.trim()),
        None => (t, ""),
    };
    let today = time_math::local(now, offset).date_naive();
    let Some(day) = day_word(first) else {
        // A time of day alone: the next such moment.
        let time = time_of_day(t)?;
        let at = local(today.and_time(time), offset)?;
        return if at > now {
            Some(at)
        } else {
            local(today.succ_opt()?.and_time(time), offset)
        };
    };
    let time = match rest {
        "" => NaiveTime::MIN,
        r => time_of_day(r)?,
    };
    match day {
        Day::Today => local(today.and_time(time), offset),
        Day::Tomorrow => local(today.succ_opt()?.and_time(time), offset),
        Day::Date(d) => local(d.and_time(time), offset),
        Day::Next(weekday) => (0..=7)
            .filter_map(|n| today.checked_add_days(chrono::Days::new(n)))
            .filter(|d| d.weekday() == weekday)
            .filter_map(|d| local(d.and_time(time), offset))
            .find(|at| *at > now),
    }
}

/// A word naming a day.
fn day_word(w: &str) -> Option<Day> {
    let weekday = match w {
        "today" => return Some(Day::Today),
        "tomorrow" | "tmrw" | "tmr" => return Some(Day::Tomorrow),
        "mon" | "monday" => Weekday::Mon,
        "tue" | "tues" | "tuesday" => Weekday::Tue,
        "wed" | "weds" | "wednesday" => Weekday::Wed,
        "thu" | "thur" | "thurs" | "thursday" => Weekday::Thu,
        "fri" | "friday" => Weekday::Fri,
        "sat" | "saturday" => Weekday::Sat,
        "sun" | "sunday" => Weekday::Sun,
        other => return iso_date(other).map(Day::Date),
    };
    Some(Day::Next(weekday))
}

/// `9`, `09`, `9:30`, `14:00`, `9am`, `2:30 pm`, `12am` (midnight).
fn time_of_day(t: &str) -> Option<NaiveTime> {
    let t = t.trim();
    let (clock, meridiem) = if let Some(x) = t.strip_suffix("am") {
        (x.trim(), Some(false))
    } else if let Some(x) = t.strip_suffix("pm") {
        (x.trim(), Some(true))
    } else {
        (t, None)
    };
    let (h, m) = clock.split_once(':').unwrap_or((clock, "00"));
    let short = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !short(h) || m.len() != 2 || !short(m) {
        return None;
    }
    let (mut hour, minute): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    if let Some(pm) = meridiem {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + if pm { 12 } else { 0 };
    }
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// What a resolved time is, for the live preview beside a field: `Fri 5 Dec 10:00 (in 2 days)`;
/// the year is shown when it is not the present one.
pub fn describe(at: Instant, now: Instant, offset: FixedOffset) -> String {
    let local = time_math::local(at, offset);
    let today = time_math::local(now, offset).date_naive();
    let shown = if local.year() == today.year() {
        local.format("%a %-d %b %H:%M")
    } else {
        local.format("%a %-d %b %Y %H:%M")
    };
    format!("{shown} ({})", relative_to(at, now, offset))
}

/// How far `at` is from `now`, in words: `in 25 min`, `today, in 3 h`, `tomorrow`,
/// `in 4 days`, `2 days ago`.
pub fn relative_to(at: Instant, now: Instant, offset: FixedOffset) -> String {
    let span = at.signed_duration_since(now);
    let minutes = span.num_minutes();
    // Both taken inside chrono's range: a stored time at its ends (an older build) still reads.
    let days = time_math::local(at, offset)
        .date_naive()
        .signed_duration_since(time_math::local(now, offset).date_naive())
        .num_days();
    let short = match minutes {
        0 => "now".to_string(),
        1..60 => format!("in {minutes} min"),
        -59..0 => format!("{} min ago", -minutes),
        m if m > 0 => format!("in {} h", m / 60),
        m => format!("{} h ago", -m / 60),
    };
    match days {
        0 => {
            if minutes.abs() < 60 {
                short
            } else {
                format!("today, {short}")
            }
        }
        1 => format!("tomorrow, {short}"),
        -1 => format!("yesterday, {short}"),
        d if d > 1 => format!("in {d} days"),
        d => format!("{} days ago", -d),
    }
}

#[cfg(test)]
mod tests;
