//! Times as the user reads them. Drawing must not read the environment, so the local zone is
//! not looked up here: times are shown at the offset of the rules' working week
//! (`app.rules.work_week.offset`), which the runtime sets from the user's local offset (or the
//! policy's) at start-up. That also makes snapshots deterministic: tests use the default
//! working week, whose offset is UTC. A daylight-saving change while the app is open shifts the
//! shown times by an hour until the next start; the deadlines themselves are unaffected.

use crate::app::App;
use crate::core::Instant;
use crate::core::countdown::span;
use chrono::{DateTime, FixedOffset};

fn local(app: &App, t: Instant) -> DateTime<FixedOffset> {
    crate::core::time_math::local(t, app.rules.work_week.offset)
}

/// `2026-11-23`.
pub fn date(app: &App, t: Instant) -> String {
    local(app, t).format("%Y-%m-%d").to_string()
}

/// `2026-11-23 09:00`.
pub fn datetime(app: &App, t: Instant) -> String {
    local(app, t).format("%Y-%m-%d %H:%M").to_string()
}

/// `Mon 23 Nov 09:00`: a booking, where the weekday matters.
pub fn booking(app: &App, t: Instant) -> String {
    local(app, t).format("%a %d %b %H:%M").to_string()
}

/// `11-23 09:00`: a short time for narrow cells.
pub fn short(app: &App, t: Instant) -> String {
    local(app, t).format("%m-%d %H:%M").to_string()
}

/// `in 3h 12m` or `3h 12m ago`, relative to `app.now`.
pub fn relative(app: &App, t: Instant) -> String {
    if t >= app.now {
        format!("in {}", span(t - app.now))
    } else {
        format!("{} ago", span(app.now - t))
    }
}

/// `11-30`: a day in a narrow cell.
pub fn day(app: &App, t: Instant) -> String {
    local(app, t).format("%m-%d").to_string()
}
