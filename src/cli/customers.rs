//! `hearback customers`: the customer list, largest first, with risk and the next interview.

use super::table::Table;
use super::{Context, ListFormat, Reading};
use super::{say, say_raw};
use crate::core::queue::{Item, queue};
use crate::core::risk::{Assessment, RiskLevel, assess};
use crate::core::summary::{CustomerSummary, NextInterview, customer_summaries};
use crate::core::{CustomerId, Dataset, Instant, Lifecycle};
use serde::Serialize;
use std::collections::HashMap;
use std::process::ExitCode;

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
    /// healthy, watch or at_risk; null for lost customers (not assessed).
    pub risk: Option<&'static str>,
    /// Why, in plain words with the figures.
    pub risk_reasons: Vec<String>,
    /// When the last interview was completed (RFC 3339) or null.
    pub last_interview: Option<String>,
    /// Mean score of the last interview or null.
    pub last_average: Option<f64>,
    /// When the next interview is booked or due (RFC 3339); null if never interviewed or lost.
    pub next_interview: Option<String>,
    /// scheduled, due, overdue, never or none.
    pub next_interview_status: &'static str,
}

/// Everything the customer views read, computed once.
pub struct Listing {
    /// The data.
    pub data: Dataset,
    /// The queue at `now` (every item, snoozed and upcoming included).
    pub items: Vec<Item>,
    /// Risk of every current customer.
    pub risk: HashMap<CustomerId, Assessment>,
}

impl Listing {
    /// The queue and risk of `data`.
    pub fn of(ctx: &Context, data: Dataset) -> anyhow::Result<Listing> {
        let rules = ctx.rules()?;
        let items = queue(&data, &rules.policy, &rules.work_week, ctx.now);
        let risk = assess(&data, &items, rules.monitoring(ctx.now));
        Ok(Listing { data, items, risk })
    }

    /// The customer summaries, largest first.
    pub fn summaries(&self) -> Vec<CustomerSummary<'_>> {
        customer_summaries(&self.data, &self.items)
    }
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

/// A risk level for tables.
pub fn risk_label(level: RiskLevel) -> &'static str {
    match level {
        RiskLevel::Healthy => "ok",
        RiskLevel::Watch => "watch",
        RiskLevel::AtRisk => "AT RISK",
    }
}

fn item(l: &Listing, s: &CustomerSummary<'_>, now: Instant) -> CustomerListItem {
    let c = s.customer;
    let name_of = |id| Some(l.data.staff_name(id).to_string()).filter(|n| !n.is_empty());
    let risk = l.risk.get(&c.id);
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
        risk: risk.map(|r| r.level.as_str()),
        risk_reasons: risk.map(|r| r.reasons.clone()).unwrap_or_default(),
        last_interview: s
            .last_completed
            .as_ref()
            .and_then(|i| i.completed_at)
            .map(|t| t.to_rfc3339()),
        last_average: s
            .last_completed
            .as_ref()
            .and_then(|i| i.average)
            .map(|a| (a * 100.0).round() / 100.0),
        next_interview: s.next.at().map(|t| t.to_rfc3339()),
        next_interview_status: status(s.next, now),
    }
}

/// A local date and time for tables.
pub fn local_datetime(t: Instant) -> String {
    crate::core::time_math::in_local_zone(t)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// A local calendar date for tables.
pub fn local_date(t: Instant) -> String {
    crate::core::time_math::in_local_zone(t)
        .format("%Y-%m-%d")
        .to_string()
}

/// The next interview for tables.
pub fn next_text(next: NextInterview, now: Instant) -> String {
    match next {
        NextInterview::Scheduled(t) => format!("{} booked", local_date(t)),
        NextInterview::DueBy(t) if t < now => format!("{} overdue", local_date(t)),
        NextInterview::DueBy(t) => format!("{} due", local_date(t)),
        NextInterview::Never => "due now".into(),
        NextInterview::NotPlanned => "-".into(),
    }
}

/// The customer table as text (also used by the overview).
pub fn table(l: &Listing, summaries: &[CustomerSummary<'_>], now: Instant) -> String {
    let mut t = Table::new(&[
        ("Customer", 32),
        ("Size", 12),
        ("Tier", 8),
        ("Risk", 7),
        ("Account manager", 20),
        ("Last interview", 14),
        ("Next interview", 24),
    ]);
    for s in summaries {
        let c = s.customer;
        let last = match s
            .last_completed
            .as_ref()
            .and_then(|i| i.completed_at.map(|at| (at, i.average)))
        {
            Some((at, Some(avg))) => format!("{} {avg:.1}", local_date(at)),
            Some((at, None)) => local_date(at),
            None => "never".into(),
        };
        let mut name = c.name.clone();
        if let Lifecycle::Lost { .. } = c.lifecycle {
            name.push_str(" (lost)");
        }
        t.push(vec![
            name,
            c.size.compact(),
            c.tier.as_str().into(),
            l.risk
                .get(&c.id)
                .map_or("-", |r| risk_label(r.level))
                .into(),
            l.data.staff_name(c.account_manager).into(),
            last,
            next_text(s.next, now),
        ]);
    }
    t.render()
}

/// Runs `hearback customers`.
pub fn run(session: Reading<'_>, format: ListFormat) -> anyhow::Result<ExitCode> {
    let ctx = session.ctx;
    let listing = Listing::of(ctx, session.data)?;
    let summaries = listing.summaries();
    match format {
        ListFormat::Json => {
            let items: Vec<CustomerListItem> = summaries
                .iter()
                .map(|s| item(&listing, s, ctx.now))
                .collect();
            say!("{}", serde_json::to_string_pretty(&items)?);
        }
        ListFormat::Table if summaries.is_empty() => {
            say!(
                "No customers yet. Import a CRM export with `hearback import customers FILE.csv`, or try `hearback demo`."
            );
        }
        ListFormat::Table => {
            say_raw!("{}", table(&listing, &summaries, ctx.now));
            say!("Risk reasons and the timeline: `hearback customer NAME`.");
        }
    }
    Ok(ExitCode::SUCCESS)
}
