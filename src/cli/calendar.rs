//! `hearback calendar`: the feedback calendar as an RFC 5545 (iCalendar) file.
//!
//! **Time zones.** Booked interviews are written as UTC date-times (`DTSTART:20261124T190000Z`).
//! An interview is a fixed moment, and UTC pins it exactly: every calendar client (Outlook,
//! Google, Apple) converts it to its reader's own zone, daylight saving included, so a call
//! booked from London shows at the right hour in New York, and the file needs no `VTIMEZONE`
//! table that could go stale. Interviews that are due but not booked are all-day events
//! (`DTSTART;VALUE=DATE:20261203`): a due date is a day, not a moment, and shows on that day
//! wherever it is read. That day, and "today" (where the file starts, and where overdue
//! interviews are shown), are taken at the offset hearback uses for every deadline: the
//! policy's `business_time.utc_offset`, or else the computer's local offset at `--now`.

use super::Reading;
use crate::core::feedback_calendar::{EventKind, Window, day_of, events};
use crate::core::queue::queue;
use crate::io::ics;
use anyhow::Context as _;
use clap::Args;
use std::io::Write as _;
use std::process::ExitCode;

/// The arguments of `hearback calendar`.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// How many months ahead, from today.
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=36))]
    pub months: u32,
}

/// Runs `hearback calendar`: writes the calendar from the start of today to `--months` later
/// to standard output, and says on standard error when there is nothing in it.
pub fn run(session: Reading<'_>, args: &CalendarArgs) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let rules = ctx.rules()?;
    let today = day_of(&rules.work_week, ctx.now);
    let window = Window::months(today, args.months);
    let items = queue(data, &rules.policy, &rules.work_week, ctx.now);
    let list = events(data, &items, &rules.work_week, window, ctx.now);
    let text = ics::calendar(data, &list);
    let mut out = super::console::out();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .context("cannot write the calendar to standard output")?;
    let last = window.until.pred_opt().unwrap_or(window.until);
    if data.is_empty() {
        crate::cli::say_err!(
            "The store is empty: nothing to schedule. Add customers (hearback import customers \
             FILE.csv) or try the sample data (hearback demo)."
        );
    } else if list.is_empty() {
        crate::cli::say_err!(
            "No interviews booked or due from {today} to {last}: nothing to schedule."
        );
    } else {
        let booked = list
            .iter()
            .filter(|e| matches!(e.kind, EventKind::Booked(_)))
            .count();
        let overdue = list.iter().filter(|e| e.is_overdue()).count();
        crate::cli::say_err!(
            "Feedback calendar {today} to {last}: {booked} booked, {} due ({overdue} overdue, \
             shown on {today}).",
            list.len() - booked
        );
    }
    Ok(ExitCode::SUCCESS)
}
