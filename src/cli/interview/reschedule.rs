//! `interview reschedule ID --at TIME`: the same move as the dashboard's reschedule form
//! (`core::reschedule`), so both make one change set.

use super::super::customers::local_datetime;
use super::super::{Writing, lookup, say};
use anyhow::anyhow;
use std::process::ExitCode;

/// Moves a booked interview to `at`; into the past or inside the feedback calendar's spacing
/// only with `confirm`.
pub fn reschedule(
    session: Writing<'_>,
    id: &str,
    at: crate::core::Instant,
    confirm: bool,
) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let rules = ctx.rules()?;
    let interview = lookup::interview(data, id)?.clone();
    if at < ctx.now && !confirm {
        anyhow::bail!(
            "{} is in the past; to move {} there anyway pass --confirm",
            crate::core::when::describe(at, ctx.now, rules.work_week.offset),
            interview.id
        );
    }
    let customer = lookup::customer_of(data, interview.customer)?;
    let moved = interview.id;
    let set = crate::core::reschedule::reschedule(
        data,
        customer,
        interview,
        at,
        confirm,
        &rules.policy,
        ctx.now,
        &ctx.actor,
    )
    .map_err(|e| match crate::core::reschedule::spacing_warning(&e) {
        Some(why) => anyhow!("{why}; pass --confirm to move it anyway"),
        None => anyhow!(e),
    })?;
    session.commit(&set)?;
    say!(
        "saved: {moved} with {} moved to {}",
        customer.name,
        local_datetime(at)
    );
    Ok(ExitCode::SUCCESS)
}
