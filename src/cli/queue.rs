//! `hearback queue`: the follow-up queue as of `--now`, and `hearback snooze`.

use super::customers::local_datetime;
use super::table::Table;
use super::{ListFormat, Reading, Writing, lookup};
use super::{say, say_raw};
use crate::core::countdown::countdown;
use crate::core::followup_flow;
use crate::core::queue::{DueState, Item, parse_item_key, queue};
use crate::core::{Dataset, Instant};
use anyhow::anyhow;
use serde::Serialize;
use std::process::ExitCode;

/// One item in `queue --format json`. Field names are a stable interface for scripts.
#[derive(Debug, Serialize)]
pub struct QueueItemJson {
    /// Stable item key, `kind:subject` (e.g. `debrief:I20`); `hearback snooze` takes it.
    pub id: String,
    /// snake_case kind, e.g. `low_score_followup`.
    pub kind: &'static str,
    /// Customer name.
    pub customer: String,
    /// Customer id.
    pub customer_id: u64,
    /// Name of the person who must act, or null when unassigned.
    pub owner: Option<String>,
    /// Their role (snake_case) or null for action items.
    pub owner_role: Option<&'static str>,
    /// Names of others who must take part.
    pub participants: Vec<String>,
    /// Due time, RFC 3339 (UTC).
    pub due: String,
    /// overdue, due or upcoming.
    pub state: &'static str,
    /// Lowest score for follow-ups, else null.
    pub severity: Option<u8>,
    /// What exactly.
    pub what: String,
    /// RFC 3339 time a snooze hides it until, or null.
    pub snoozed_until: Option<String>,
    /// True for a follow-up that needs senior management when nobody counts as one.
    pub no_senior_manager: bool,
}

fn json_item(data: &Dataset, i: &Item) -> QueueItemJson {
    let name = |id| Some(data.staff_name(Some(id)).to_string()).filter(|n| !n.is_empty());
    QueueItemJson {
        id: i.key(),
        kind: i.kind.as_str(),
        customer: data
            .customer(i.customer)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        customer_id: i.customer.0,
        owner: i.owner.and_then(name),
        owner_role: i.owner_role.map(|r| r.as_str()),
        participants: i.participants.iter().filter_map(|p| name(*p)).collect(),
        due: i.due.to_rfc3339(),
        state: i.state.as_str(),
        severity: i.severity,
        what: i.what.to_string(),
        snoozed_until: i.snoozed_until.map(|t| t.to_rfc3339()),
        no_senior_manager: i.lacks_senior_manager(),
    }
}

/// The items `queue` shows: due and overdue, not snoozed; or everything with `all`.
pub fn shown(items: Vec<Item>, all: bool) -> Vec<Item> {
    items
        .into_iter()
        .filter(|i| all || i.in_default_view())
        .collect()
}

fn table(data: &Dataset, items: &[Item], now: Instant) -> String {
    let mut t = Table::new(&[
        ("When", 16),
        ("Sev", 3),
        ("Item", 26),
        ("Customer", 24),
        ("Owner", 18),
        ("What", 60),
        ("Key", 26),
    ]);
    for i in items {
        let mut when = countdown(i.due, now);
        if let Some(until) = i.snoozed_until {
            when = format!("snoozed to {}", local_datetime(until));
        }
        t.push(vec![
            when,
            i.severity.map(|s| s.to_string()).unwrap_or_default(),
            i.kind.label().into(),
            data.customer(i.customer)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            match i.owner {
                Some(id) => data.staff_name(Some(id)).to_string(),
                None => "UNASSIGNED".into(),
            },
            i.what.to_string(),
            i.key(),
        ]);
    }
    t.render()
}

/// Runs `hearback queue`.
pub fn run(session: Reading<'_>, format: ListFormat, all: bool) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let rules = ctx.rules()?;
    let everything = queue(data, &rules.policy, &rules.work_week, ctx.now);
    // Said under every table, even while the follow-up is upcoming or snoozed.
    let warning = missing_senior_warning(data, &everything);
    let items = shown(everything, all);
    match format {
        ListFormat::Json => {
            let list: Vec<QueueItemJson> = items.iter().map(|i| json_item(data, i)).collect();
            say!("{}", serde_json::to_string_pretty(&list)?);
        }
        ListFormat::Table if items.is_empty() => {
            say!(
                "Nothing due or overdue as of {}. `hearback queue --all` shows upcoming and snoozed items.",
                local_datetime(ctx.now)
            );
            if let Some(warning) = &warning {
                say!("{warning}");
            }
        }
        ListFormat::Table => {
            let overdue = items
                .iter()
                .filter(|i| i.state == DueState::Overdue)
                .count();
            say_raw!("{}", table(data, &items, ctx.now));
            say!(
                "{} items, {overdue} overdue, as of {}",
                items.len(),
                local_datetime(ctx.now)
            );
            if let Some(warning) = &warning {
                say!("{warning}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The loud line under the queue (and in `check`) naming the follow-ups that need senior
/// management while nobody counts as one; `None` when there are none.
pub fn missing_senior_warning(data: &Dataset, items: &[Item]) -> Option<String> {
    let lacking: Vec<String> = items
        .iter()
        .filter(|i| i.lacks_senior_manager())
        .map(|i| {
            let customer = data.customer(i.customer).map_or("?", |c| c.name.as_str());
            format!("{} ({customer})", i.subject)
        })
        .collect();
    (!lacking.is_empty()).then(|| {
        format!(
            "{} follow-up(s) need senior management and nobody counts as one: {}.\n{}",
            lacking.len(),
            lacking.join(", "),
            crate::core::senior::MISSING_TEXT
        )
    })
}

/// Runs `hearback snooze KEY --until T --reason TEXT`.
pub fn snooze(
    session: Writing<'_>,
    key: &str,
    until: Instant,
    reason: &str,
    by: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let rules = ctx.rules()?;
    let wanted = parse_item_key(key).ok_or_else(|| {
        anyhow!("'{key}' is not a queue item key (like debrief:I20); see `hearback queue`")
    })?;
    let items = queue(data, &rules.policy, &rules.work_week, ctx.now);
    let item = items
        .iter()
        .find(|i| (i.kind, i.subject) == wanted)
        .ok_or_else(|| anyhow!("{key} is not in the queue (already discharged?)"))?;
    let by = lookup::staff_id(data, by)?;
    let set = followup_flow::snooze(item, until, reason, by, &ctx.actor, ctx.now)?;
    session.commit(&set)?;
    say!("saved: {key} snoozed until {}", local_datetime(until));
    Ok(ExitCode::SUCCESS)
}
