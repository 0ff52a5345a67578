//! `hearback customer NAME`: one customer in full: who looks after them, risk and why, the
//! pre-brief, contacts, interview scores, what is owed, and the timeline.

use super::customers::{Listing, local_date, local_datetime, next_text, risk_label};
use super::say;
use super::{Reading, Session, lookup};
use crate::core::Lifecycle;
use crate::core::countdown::countdown;
use std::process::ExitCode;

/// How many timeline events are shown (newest last).
const TIMELINE: usize = 20;

/// Runs `hearback customer NAME_OR_ID`.
pub fn run(session: Reading<'_>, which: &str) -> anyhow::Result<ExitCode> {
    let Session { ctx, store, data } = session;
    let listing = Listing::of(ctx, data)?;
    let data = &listing.data;
    let c = lookup::customer(data, which)?;
    let staff = |id| match data.staff_name(id) {
        "" => "-",
        name => name,
    };
    say!(
        "{} ({})   {} · {} · {} · {}",
        c.name,
        c.id,
        c.size,
        c.tier.as_str(),
        c.segment,
        c.region
    );
    if let Some(crm) = &c.crm_id {
        say!("CRM id {crm}");
    }
    match &c.lifecycle {
        Lifecycle::Active if c.archived => say!("Archived"),
        Lifecycle::Active => {}
        Lifecycle::Lost { reason, at } => say!("LOST on {}: {reason}", local_date(*at)),
    }
    say!(
        "Account manager {} · salesperson {} · service manager {} · executive sponsor {}",
        staff(c.account_manager),
        staff(c.salesperson),
        staff(c.service_manager),
        staff(c.executive_sponsor)
    );
    if let Some(r) = listing.risk.get(&c.id) {
        say!();
        say!("Risk: {}", risk_label(r.level));
        for reason in &r.reasons {
            say!("  - {reason}");
        }
    }
    if let Some(s) = listing
        .summaries()
        .into_iter()
        .find(|s| s.customer.id == c.id)
    {
        say!("Next interview: {}", next_text(s.next, ctx.now));
    }
    let p = &c.prebrief;
    if [&p.successes, &p.problems, &p.issues, &p.personality]
        .iter()
        .any(|t| !t.is_empty())
    {
        say!();
        say!("Pre-brief");
        for (label, text) in [
            ("Successes", &p.successes),
            ("Problems", &p.problems),
            ("Issues", &p.issues),
            ("Personality", &p.personality),
        ] {
            if !text.is_empty() {
                say!("  {label}: {text}");
            }
        }
    }
    let monitors = crate::core::monitors::view::lines(
        &data.monitors_of(c.id),
        ctx.rules()?.monitoring(ctx.now),
    );
    if !monitors.is_empty() {
        say!();
        say!("Monitors");
        for line in monitors {
            say!("  {line}");
        }
    }
    if !c.contacts.is_empty() {
        say!();
        say!("Contacts");
        for k in &c.contacts {
            let details: Vec<&str> = [k.role.as_str(), k.email.as_str(), k.phone.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            say!("  {} · {}", k.name, details.join(" · "));
            if !k.personality.is_empty() {
                say!("    {}", k.personality);
            }
        }
    }
    let interviews = data.interviews_of(c.id);
    if !interviews.is_empty() {
        say!();
        say!("Interviews");
        for i in interviews {
            let scores: Vec<String> = i
                .answers
                .iter()
                .map(|a| a.score.map_or("-".into(), |s| s.get().to_string()))
                .collect();
            let when = local_date(i.completed_at.unwrap_or(i.scheduled_at));
            let avg = i
                .average_score()
                .map(|a| format!("avg {a:.1}"))
                .unwrap_or_default();
            say!(
                "  {} {when} {} [{}] {avg}",
                i.id,
                crate::core::wording::interview_status(i.status),
                scores.join(" ")
            );
        }
    }
    let asked = super::request::customer_lines(data, &ctx.rules()?.work_week, c.id);
    if !asked.is_empty() {
        say!();
        say!("Requests (`hearback request list --customer` for all)");
        for line in asked {
            say!("{line}");
        }
    }
    let owed: Vec<_> = listing
        .items
        .iter()
        .filter(|i| i.customer == c.id)
        .collect();
    if !owed.is_empty() {
        say!();
        say!("Owed");
        for i in owed {
            let when = match i.snoozed_until {
                Some(t) => format!("snoozed to {}", local_datetime(t)),
                None => countdown(i.due, ctx.now),
            };
            say!(
                "  {when:<18} {:<26} {} ({})",
                i.kind.label(),
                i.what,
                i.key()
            );
        }
    }
    let timeline = store.timeline(c.id)?;
    if !timeline.is_empty() {
        say!();
        say!("Timeline (latest {})", TIMELINE.min(timeline.len()));
        for e in timeline
            .iter()
            .skip(timeline.len().saturating_sub(TIMELINE))
        {
            say!("  {} {:<14} {}", local_datetime(e.at), e.actor, e.summary);
        }
    }
    Ok(ExitCode::SUCCESS)
}
