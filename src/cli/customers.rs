//! `hearback customers`: the customer list, largest first.

use super::table::Table;
use super::{Context, ListFormat};
use crate::core::summary::{CustomerSummary, NextInterview, customer_summaries};
use crate::core::{Dataset, Instant, Lifecycle};
use serde::Serialize;
use std::process::ExitCode;

/// The interval between cadence interviews until the policy file makes it configurable.
pub const CADENCE_MONTHS: u32 = 6;

/// One customer in `customers --format json`. Field names are a stable interface for scripts.
#[derive(Debug, Serialize)]
pub struct CustomerListItem {
    /// Our id.
    pub id: u64,
    /// CRM id or null.
    pub crm_id: Option<String>,
    /// Company name.
    pub name: String,
    /// Size (annual contract value) in minor units, e.g. cents.
    pub size_minor: i64,
    /// ISO 4217 currency of the size.
    pub currency: String,
    /// key, growth or standard.
    pub tier: &'static str,
    /// Segment.
    pub segment: String,
    /// Region.
    pub region: String,
    /// Account manager's name or null.
    pub account_manager: Option<String>,
    /// Salesperson's name or null.
    pub salesperson: Option<String>,
    /// active or lost.
    pub lifecycle: &'static str,
    /// When the last interview was completed (RFC 3339) or null.
    pub last_interview: Option<String>,
    /// Mean score of the last interview or null.
    pub last_average: Option<f64>,
    /// When the next interview is booked or due (RFC 3339); null if never interviewed.
    pub next_interview: Option<String>,
    /// scheduled, due, overdue or never.
    pub next_interview_status: &'static str,
}

fn status(next: NextInterview, now: Instant) -> &'static str {
    match next {
        NextInterview::Scheduled(_) => "scheduled",
        NextInterview::DueBy(t) if t < now => "overdue",
        NextInterview::DueBy(_) => "due",
        NextInterview::Never => "never",
        NextInterview::NotPlanned => "none",
    }
}

fn item(data: &Dataset, s: &CustomerSummary<'_>, now: Instant) -> CustomerListItem {
    let c = s.customer;
    let name_of = |id| Some(data.staff_name(id).to_string()).filter(|n| !n.is_empty());
    CustomerListItem {
        id: c.id.0,
        crm_id: c.crm_id.clone(),
        name: c.name.clone(),
        size_minor: c.size.minor,
        currency: c.size.currency.clone(),
        tier: c.tier.as_str(),
        segment: c.segment.clone(),
        region: c.region.clone(),
        account_manager: name_of(c.account_manager),
        salesperson: name_of(c.salesperson),
        lifecycle: match c.lifecycle {
            Lifecycle::Active => "active",
            Lifecycle::Lost { .. } => "lost",
        },
        last_interview: s
            .last_completed
            .and_then(|i| i.completed_at)
            .map(|t| t.to_rfc3339()),
        last_average: s
            .last_completed
            .and_then(|i| i.average_score())
            .map(|a| (a * 100.0).round() / 100.0),
        next_interview: s.next.at().map(|t| t.to_rfc3339()),
        next_interview_status: status(s.next, now),
    }
}

/// A local date and time for tables.
pub fn local_datetime(t: Instant) -> String {
    t.with_timezone(&chrono::Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// A local calendar date for tables.
pub fn local_date(t: Instant) -> String {
    t.with_timezone(&chrono::Local)
        .format("%Y-%m-%d")
        .to_string()
}

/// The customer table as text (also used by the overview).
pub fn table(data: &Dataset, summaries: &[CustomerSummary<'_>], now: Instant) -> String {
    let mut t = Table::new(&[
        ("Customer", 32),
        ("Size", 12),
        ("Tier", 8),
        ("Account manager", 20),
        ("Last interview", 14),
        ("Next interview", 24),
    ]);
    for s in summaries {
        let c = s.customer;
        let last = match s
            .last_completed
            .and_then(|i| i.completed_at.map(|at| (at, i.average_score())))
        {
            Some((at, Some(avg))) => format!("{} {avg:.1}", local_date(at)),
            Some((at, None)) => local_date(at),
            None => "never".into(),
        };
        let next = match s.next {
            NextInterview::Scheduled(t) => format!("{} booked", local_date(t)),
            NextInterview::DueBy(t) if t < now => format!("{} overdue", local_date(t)),
            NextInterview::DueBy(t) => format!("{} due", local_date(t)),
            NextInterview::Never => "due now".into(),
            NextInterview::NotPlanned => "-".into(),
        };
        let mut name = c.name.clone();
        if let Lifecycle::Lost { .. } = c.lifecycle {
            name.push_str(" (lost)");
        }
        t.push(vec![
            name,
            c.size.compact(),
            c.tier.as_str().into(),
            data.staff_name(c.account_manager).into(),
            last,
            next,
        ]);
    }
    t.render()
}

/// Runs `hearback customers`.
pub fn run(ctx: &Context, format: ListFormat) -> anyhow::Result<ExitCode> {
    let store = ctx.open_store()?;
    let data = store.load()?;
    let summaries = customer_summaries(&data, CADENCE_MONTHS);
    match format {
        ListFormat::Json => {
            let items: Vec<CustomerListItem> =
                summaries.iter().map(|s| item(&data, s, ctx.now)).collect();
            println!("{}", serde_json::to_string_pretty(&items)?);
        }
        ListFormat::Table if summaries.is_empty() => {
            println!(
                "No customers yet. Import a CRM export with `hearback import customers FILE.csv`, or try `hearback demo`."
            );
        }
        ListFormat::Table => print!("{}", table(&data, &summaries, ctx.now)),
    }
    Ok(ExitCode::SUCCESS)
}
