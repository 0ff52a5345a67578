//! `hearback action ...` and `hearback deliverable`: the action board and key events from the
//! command line.

use super::customers::local_datetime;
use super::say;
use super::{TimeArg, Writing, lookup};
use crate::core::action_flow::{self, NewAction};
use crate::core::deliverable::DeliverableError;
use crate::core::{ActionKind, ActionState, IdAllocator, Instant};
use clap::{Subcommand, ValueEnum};
use std::process::ExitCode;

/// Corrective or preventive.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// Fixes the problem raised.
    Corrective,
    /// Stops it happening again.
    Preventive,
}

/// Board columns.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StateArg {
    /// Not started.
    Todo,
    /// In progress.
    Doing,
    /// Done on our side.
    Done,
    /// The customer was told.
    FollowedUp,
}

/// Action subcommands.
#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Add a corrective or preventive action.
    Add {
        /// Customer: id, name or unique part of it.
        #[arg(long)]
        customer: String,
        /// corrective or preventive.
        #[arg(long, value_enum)]
        kind: KindArg,
        /// What will be done, in one line.
        #[arg(long)]
        title: String,
        /// More detail.
        #[arg(long, default_value = "")]
        detail: String,
        /// Who is accountable (name or email).
        #[arg(long)]
        owner: Option<String>,
        /// When it must be done.
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = super::parse_time)]
        due: Option<TimeArg>,
        /// The follow-up it answers (e.g. F12).
        #[arg(long)]
        followup: Option<String>,
    },
    /// Move an action to another column of the board.
    Move {
        /// Action id, e.g. A7.
        id: String,
        /// The column.
        #[arg(value_enum)]
        to: StateArg,
    },
    /// Change owner and/or due date.
    Set {
        /// Action id.
        id: String,
        /// New owner.
        #[arg(long)]
        owner: Option<String>,
        /// New due date.
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = super::parse_time)]
        due: Option<TimeArg>,
    },
}

/// Runs an action subcommand.
pub fn run(session: Writing<'_>, cmd: ActionCommand) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let (set, done) = match cmd {
        ActionCommand::Add {
            customer,
            kind,
            title,
            detail,
            owner,
            due,
            followup,
        } => {
            let customer = lookup::customer(data, &customer)?;
            let followup = followup.map(|f| lookup::followup(data, &f)).transpose()?;
            let new = NewAction {
                customer: customer.id,
                kind: match kind {
                    KindArg::Corrective => ActionKind::Corrective,
                    KindArg::Preventive => ActionKind::Preventive,
                },
                title,
                detail,
                owner: lookup::staff_id(data, owner.as_deref())?,
                due: due.map(|d| ctx.time(&d)).transpose()?,
                followup: followup.map(|f| f.id),
                interview: followup.map(|f| f.interview),
            };
            let mut ids = IdAllocator::after(data)?;
            let (a, set) = action_flow::create(new, ctx.now, &ctx.actor, &mut ids)?;
            (set, format!("{} added for {}", a.id, customer.name))
        }
        ActionCommand::Move { id, to } => {
            let a = lookup::action(data, &id)?.clone();
            let to = match to {
                StateArg::Todo => ActionState::ToDo,
                StateArg::Doing => ActionState::Doing,
                StateArg::Done => ActionState::Done,
                StateArg::FollowedUp => ActionState::FollowedUp,
            };
            (
                action_flow::move_to(a, to, ctx.now, &ctx.actor)?,
                format!("{id} moved to {}", to.as_str()),
            )
        }
        ActionCommand::Set { id, owner, due } => {
            if owner.is_none() && due.is_none() {
                anyhow::bail!("nothing to change: give --owner and/or --due");
            }
            let a = lookup::action(data, &id)?.clone();
            let owner = owner.map(|o| lookup::staff(data, &o)).transpose()?;
            let due = due.map(|d| ctx.time(&d)).transpose()?;
            let set = action_flow::update(
                a,
                owner.map(|s| (s.id, s.name.as_str())),
                due,
                ctx.now,
                &ctx.actor,
            );
            (set, format!("{id} updated"))
        }
    };
    session.commit(&set)?;
    say!("saved: {done}");
    Ok(ExitCode::SUCCESS)
}

/// Runs `hearback deliverable`: records a major deliverable, which makes an interview due.
pub fn deliverable(
    session: Writing<'_>,
    customer: &str,
    name: &str,
    at: Option<Instant>,
) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let customer = lookup::customer(data, customer)?;
    let delivered_at = at.unwrap_or(ctx.now);
    let mut ids = IdAllocator::after(data)?;
    let (_, set) = crate::core::deliverable::record(
        customer,
        name,
        delivered_at,
        ctx.now,
        &ctx.actor,
        &mut ids,
    )
    .map_err(|e| match e {
        DeliverableError::NoName => anyhow::anyhow!("a deliverable needs a name (--name)"),
    })?;
    session.commit(&set)?;
    say!(
        "saved: deliverable recorded for {} on {}; a feedback interview is now due",
        customer.name,
        local_datetime(delivered_at)
    );
    Ok(ExitCode::SUCCESS)
}
