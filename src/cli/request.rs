//! `hearback request add|answer|resolve|list`: customers' requests and our responses, one at a
//! time (a call taken, an email read); `hearback import requests` reads them in bulk.

use super::customers::local_datetime;
use super::{ListFormat, Reading, TimeArg, Writing, lookup, say, say_raw};
use crate::core::IdAllocator;
use crate::core::requests::{self, Channel, NewRequest, Request};
use anyhow::anyhow;
use clap::{Subcommand, ValueEnum};
use serde_json::json;
use std::process::ExitCode;

/// How a request came in.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ChannelArg {
    /// A phone call.
    Call,
    /// An email.
    Email,
    /// A helpdesk ticket.
    Ticket,
    /// Raised in a meeting.
    Meeting,
    /// Anything else.
    Other,
}

impl ChannelArg {
    fn channel(self) -> Channel {
        match self {
            ChannelArg::Call => Channel::Call,
            ChannelArg::Email => Channel::Email,
            ChannelArg::Ticket => Channel::Ticket,
            ChannelArg::Meeting => Channel::Meeting,
            ChannelArg::Other => Channel::Other,
        }
    }
}

/// Request subcommands.
#[derive(Debug, Subcommand)]
pub enum RequestCommand {
    /// Log a request a customer made: a first response is then owed within the policy's limit.
    Add {
        /// Customer: id, name or unique part of it.
        #[arg(long)]
        customer: String,
        /// How it came in.
        #[arg(long, value_enum, default_value_t = ChannelArg::Call)]
        channel: ChannelArg,
        /// What it is about, in one line.
        #[arg(long)]
        about: String,
        /// Who at the customer asked (a name or an email).
        #[arg(long, default_value = "")]
        from: String,
        /// Who of ours owns it (name or email); default: the customer's account manager.
        #[arg(long)]
        owner: Option<String>,
        /// When it came in (default: now).
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = super::parse_time)]
        at: Option<TimeArg>,
    },
    /// Record our first response to a request.
    Answer {
        /// Request id, e.g. R12.
        id: String,
        /// Who answered (name or email).
        #[arg(long)]
        by: Option<String>,
        /// When (default: now).
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = super::parse_time)]
        at: Option<TimeArg>,
    },
    /// Record that a request was resolved (answered then too, if no answer is on record).
    Resolve {
        /// Request id, e.g. R12.
        id: String,
        /// Who resolved it (name or email).
        #[arg(long)]
        by: Option<String>,
        /// When (default: now).
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = super::parse_time)]
        at: Option<TimeArg>,
    },
    /// List requests, newest first.
    List {
        /// Only this customer's (id, name or unique part of it).
        #[arg(long)]
        customer: Option<String>,
        /// Only those not resolved yet.
        #[arg(long)]
        open: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
}

impl RequestCommand {}

fn request<'a>(data: &'a crate::core::Dataset, text: &str) -> anyhow::Result<&'a Request> {
    let n = crate::core::ids::parse_id_number(text, 'R')
        .ok_or_else(|| anyhow!("'{text}' is not a request id (like R12)"))?;
    data.requests
        .iter()
        .find(|r| r.id.0 == n)
        .ok_or_else(|| anyhow!("there is no request R{n}"))
}

/// Runs a request subcommand that writes.
pub fn run(session: Writing<'_>, cmd: RequestCommand) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let (set, done) = match cmd {
        RequestCommand::Add {
            customer,
            channel,
            about,
            from,
            owner,
            at,
        } => {
            let customer = lookup::customer(data, &customer)?;
            let new = NewRequest {
                customer: customer.id,
                channel: channel.channel(),
                from,
                about,
                received_at: at.map(|t| ctx.time(&t)).transpose()?.unwrap_or(ctx.now),
                owner: lookup::staff_id(data, owner.as_deref())?,
            };
            let mut ids = IdAllocator::after(data)?;
            let (r, set) = requests::log(new, ctx.now, &ctx.actor, &mut ids)?;
            let rules = ctx.rules()?;
            let due = requests::response_due(&r, &rules.policy, &rules.work_week);
            (
                set,
                format!(
                    "{} logged for {}; a first response is due by {}",
                    r.id,
                    customer.name,
                    local_datetime(due)
                ),
            )
        }
        RequestCommand::Answer { id, by, at } => {
            let r = request(data, &id)?.clone();
            let at = at.map(|t| ctx.time(&t)).transpose()?.unwrap_or(ctx.now);
            let by = lookup::staff_id(data, by.as_deref())?;
            let rid = r.id;
            let set = requests::respond(r, at, by, ctx.now, &ctx.actor)?;
            (set, format!("{rid} answered at {}", local_datetime(at)))
        }
        RequestCommand::Resolve { id, by, at } => {
            let r = request(data, &id)?.clone();
            let at = at.map(|t| ctx.time(&t)).transpose()?.unwrap_or(ctx.now);
            let by = lookup::staff_id(data, by.as_deref())?;
            let rid = r.id;
            let set = requests::resolve(r, at, by, ctx.now, &ctx.actor)?;
            (set, format!("{rid} resolved at {}", local_datetime(at)))
        }
        RequestCommand::List { .. } => anyhow::bail!("`request list` only reads"),
    };
    session.commit(&set)?;
    say!("saved: {done}");
    Ok(ExitCode::SUCCESS)
}

/// The lines of the Requests section of `hearback customer`: how quickly this customer is
/// answered and served, and the latest requests; empty when it has none.
pub fn customer_lines(
    data: &crate::core::Dataset,
    cal: &crate::core::business_time::WorkWeek,
    customer: crate::core::CustomerId,
) -> Vec<String> {
    use crate::core::requests::responsiveness::{latest, of_customer, summary};
    let Some(row) = of_customer(data, cal, customer) else {
        return Vec::new();
    };
    let mut out = vec![format!("  {}", summary(&row))];
    for r in latest(data, customer, requests::LATEST) {
        out.push(format!(
            "  {} {} {} · {}",
            r.id,
            local_datetime(r.received_at),
            requests::describe(r),
            requests::state(r, local_datetime)
        ));
    }
    out
}

fn when(t: Option<crate::core::Instant>) -> String {
    t.map_or_else(|| "-".into(), local_datetime)
}

/// Runs `hearback request list`.
pub fn list(
    session: Reading<'_>,
    customer: Option<&str>,
    open: bool,
    format: ListFormat,
) -> anyhow::Result<ExitCode> {
    let data = &session.data;
    let only = customer.map(|c| lookup::customer(data, c)).transpose()?;
    let mut shown: Vec<&Request> = data
        .requests
        .iter()
        .filter(|r| only.is_none_or(|c| c.id == r.customer) && (!open || r.is_open()))
        .collect();
    shown.sort_by(|a, b| b.received_at.cmp(&a.received_at).then(b.id.0.cmp(&a.id.0)));
    let customer_name = |r: &Request| data.customer(r.customer).map_or("", |c| c.name.as_str());
    match format {
        ListFormat::Json => {
            let rows: Vec<_> = shown
                .iter()
                .map(|r| {
                    json!({
                        "id": r.id.to_string(),
                        "customer": customer_name(r),
                        "channel": r.channel.as_str(),
                        "from": r.from,
                        "about": r.about,
                        "received_at": r.received_at.to_rfc3339(),
                        "owner": r.owner.map(|o| data.staff_name(Some(o)).to_string()),
                        "team": r.team,
                        "first_response_at": r.first_response_at.map(|t| t.to_rfc3339()),
                        "resolved_at": r.resolved_at.map(|t| t.to_rfc3339()),
                        "helpdesk_key": r.external_key,
                    })
                })
                .collect();
            say!("{}", serde_json::to_string_pretty(&rows)?);
        }
        ListFormat::Table => {
            if shown.is_empty() {
                say!("No requests{}.", if open { " open" } else { "" });
                return Ok(ExitCode::SUCCESS);
            }
            let mut out = String::new();
            for r in shown {
                out.push_str(&format!(
                    "{}  {}  {}\n    received {}, answered {}, resolved {}{}\n",
                    r.id,
                    customer_name(r),
                    requests::describe(r),
                    local_datetime(r.received_at),
                    when(r.first_response_at),
                    when(r.resolved_at),
                    r.owner
                        .map(|o| format!(", owner {}", data.staff_name(Some(o))))
                        .unwrap_or_default(),
                ));
            }
            say_raw!("{out}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
