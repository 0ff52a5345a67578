//! `hearback review`: the weekly review (what was closed, what slipped and by whom, response
//! times against the policy per owner), as text or JSON. The text is the dashboard's weekly
//! review view, line for line ([`crate::core::review::text`]).

use super::customers::local_datetime;
use super::{Context, Reading, TimeArg};
use super::{say, say_raw};
use crate::core::review::text::{customer_name, lines, owner_name};
use crate::core::review::{Done, Review, Who, review, week_of};
use crate::core::{Dataset, Instant};
use clap::{Args, ValueEnum};
use serde_json::{Value, json};
use std::process::ExitCode;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    /// Sections of plain text for people.
    Text,
    /// JSON for scripts.
    Json,
}

/// The arguments of `hearback review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The work week (Monday to Sunday) containing DAY; without DAY, or without --week at all,
    /// the current week so far.
    /// DAY: a date (YYYY-MM-DD), today, or an RFC 3339 time; a week not begun yet is refused.
    #[arg(
        long,
        value_name = "DAY",
        num_args = 0..=1,
        default_missing_value = "today",
        value_parser = super::parse_time,
        conflicts_with = "last"
    )]
    pub week: Option<TimeArg>,
    /// The last complete week: the one before the current week.
    #[arg(long)]
    pub last: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReviewFormat::Text)]
    pub format: ReviewFormat,
}

/// The Monday 00:00 starting the week the arguments name; refused for a week not begun yet.
/// Checked before the store is opened.
pub fn week(ctx: &Context, args: &ReviewArgs) -> anyhow::Result<Instant> {
    let cal = &ctx.rules()?.work_week;
    let day = match &args.week {
        Some(day) => ctx.time(day)?,
        None if args.last => ctx.now - chrono::Duration::days(7),
        None => ctx.now,
    };
    let since = week_of(day, cal).since.unwrap_or(day);
    if since > ctx.now {
        anyhow::bail!(
            "the week of {} has not started yet (now is {}): give a day in this week or an earlier one, e.g. --week {}",
            local_datetime(since),
            local_datetime(ctx.now),
            crate::core::report::format::date(cal, ctx.now)
        );
    }
    Ok(since)
}

/// Runs `hearback review` for the week starting at `since` (see [`week`]).
pub fn run(session: Reading<'_>, args: &ReviewArgs, since: Instant) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let rules = ctx.rules()?;
    let r = review(data, &rules.policy, &rules.work_week, since, ctx.now);
    match args.format {
        ReviewFormat::Json => say!("{}", serde_json::to_string_pretty(&to_json(data, &r))?),
        ReviewFormat::Text => {
            let text = lines(&r, data, &rules.policy, &rules.work_week).join("\n");
            say_raw!("{text}\n");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn minutes(d: chrono::Duration) -> i64 {
    d.num_minutes()
}

/// The owner for scripts: the name, or null when nobody is assigned.
fn owner(data: &Dataset, id: Option<crate::core::StaffId>) -> Value {
    match id {
        Some(_) => json!(owner_name(data, id)),
        None => Value::Null,
    }
}

fn done_json(data: &Dataset, d: &Done) -> Value {
    json!({
        "step": d.kind.as_str(),
        "label": d.kind.label(),
        "record": d.subject.to_string(),
        "customer": customer_name(data, d.customer),
        "customer_id": d.customer.0,
        "owner": owner(data, d.owner),
        "at": d.at.to_rfc3339(),
        "due": d.due.map(|t| t.to_rfc3339()),
        "late_minutes": d.late_by().map(minutes),
    })
}

/// The review for scripts. Field names are a stable interface; durations are whole minutes.
fn to_json(data: &Dataset, r: &Review) -> Value {
    let overdue: Vec<Value> = r
        .overdue
        .iter()
        .map(|i| {
            json!({
                "key": i.key(),
                "kind": i.kind.as_str(),
                "customer": customer_name(data, i.customer),
                "customer_id": i.customer.0,
                "owner": owner(data, i.owner),
                "due": i.due.to_rfc3339(),
                "overdue_minutes": minutes(r.as_of - i.due),
            })
        })
        .collect();
    let times: Vec<Value> = r
        .stats
        .iter()
        .map(|s| {
            let (who, everyone) = match s.who {
                Who::Owner(o) => (owner(data, o), false),
                Who::Everyone => (Value::Null, true),
            };
            json!({
                "measure": s.measure.as_str(),
                "business_time": s.measure.business_time(),
                "owner": who,
                "everyone": everyone,
                "count": s.count,
                "median_minutes": minutes(s.median),
                "p90_minutes": minutes(s.p90),
                "within_policy": s.within,
            })
        })
        .collect();
    let responses: Vec<Value> = r
        .samples
        .iter()
        .map(|s| {
            json!({
                "measure": s.measure.as_str(),
                "record": s.subject.to_string(),
                "customer": customer_name(data, s.customer),
                "owner": owner(data, s.owner),
                "start": s.start.to_rfc3339(),
                "end": s.end.to_rfc3339(),
                "minutes": minutes(s.took),
                "due": s.due.map(|t| t.to_rfc3339()),
                "within_policy": s.within(),
            })
        })
        .collect();
    json!({
        "week": {
            "since": r.since.to_rfc3339(),
            "until": r.until.to_rfc3339(),
            "as_of": r.as_of.to_rfc3339(),
            "complete": r.complete(),
        },
        "closed": r.done.iter().map(|d| done_json(data, d)).collect::<Vec<_>>(),
        "slipped": {
            "done_late": r.late().map(|d| done_json(data, d)).collect::<Vec<_>>(),
            "overdue": overdue,
        },
        "response_times": times,
        "responses": responses,
    })
}
