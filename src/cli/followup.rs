//! `hearback followup ...`: move a low-score follow-up through its loop.

use super::TimeArg;
use super::customers::local_datetime;
use super::say;
use super::{Writing, lookup};
use crate::core::followup_flow;
use crate::core::queue::{Subject, queue};
use crate::core::{ChangeSet, FollowUp};
use anyhow::anyhow;
use clap::Subcommand;
use std::process::ExitCode;

/// The follow-up steps.
#[derive(Debug, Subcommand)]
pub enum FollowUpCommand {
    /// The customer was contacted: record what they said (the context for root-cause analysis).
    Contacted {
        /// Follow-up id, e.g. F12.
        id: String,
        /// What the customer said.
        #[arg(long)]
        context: String,
    },
    /// Assign or reassign the owner.
    Assign {
        /// Follow-up id.
        id: String,
        /// Staff member's name or email.
        #[arg(long)]
        to: String,
        /// When --to names nobody on file: add them with this role first (e.g.
        /// account_manager, service_manager, senior_management), then assign.
        #[arg(long, value_name = "ROLE", value_parser = super::staff::parse_role)]
        create_as: Option<crate::core::Role>,
    },
    /// Hide the follow-up's queue item until a time, with a reason.
    Snooze {
        /// Follow-up id.
        id: String,
        /// Until when.
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = super::parse_time)]
        until: TimeArg,
        /// Why.
        #[arg(long)]
        reason: String,
    },
    /// The client manager commits to a formal report with actions.
    CommitReport {
        /// Follow-up id.
        id: String,
    },
    /// The formal report was presented to the customer.
    PresentReport {
        /// Follow-up id.
        id: String,
    },
    /// Close the loop (refused until context is recorded).
    Close {
        /// Follow-up id.
        id: String,
    },
}

fn step(
    session: &Writing<'_>,
    id: &str,
    f: impl FnOnce(FollowUp, &crate::core::Dataset) -> anyhow::Result<ChangeSet>,
) -> anyhow::Result<()> {
    let data = &session.data;
    let followup = lookup::followup(data, id)?.clone();
    let set = f(followup, data)?;
    session.commit(&set)?;
    Ok(())
}

impl FollowUpCommand {
    /// Whether the step depends on the rules (they are read before the store is opened).
    pub fn uses_rules(&self) -> bool {
        matches!(self, FollowUpCommand::Snooze { .. })
    }
}

/// Runs a follow-up step.
pub fn run(session: Writing<'_>, cmd: FollowUpCommand) -> anyhow::Result<ExitCode> {
    let ctx = session.ctx;
    let (actor, now) = (ctx.actor.as_str(), ctx.now);
    let done = match cmd {
        FollowUpCommand::Contacted { id, context } => {
            step(&session, &id, |f, _| {
                Ok(followup_flow::record_contact(f, &context, actor, now)?)
            })?;
            format!("{id}: context recorded; the formal report to the customer is now due")
        }
        FollowUpCommand::Assign { id, to, create_as } => {
            let mut name = String::new();
            step(&session, &id, |f, data| {
                let (staff_id, mut set) = match crate::core::lookup::staff(data, &to) {
                    Ok(s) => (s.id, crate::core::ChangeSet::new()),
                    Err(crate::core::lookup::LookupError::NotFound(..)) => {
                        let Some(role) = create_as else {
                            return Err(anyhow!(
                                "{to} is not one of our people. Add them and assign in one step: `hearback followup assign {id} --to \"{to}\" --create-as ROLE` (ROLE e.g. account_manager, service_manager, senior_management), or first `hearback staff add \"{to}\" --role ROLE`"
                            ));
                        };
                        let mut ids = crate::core::IdAllocator::after(data)?;
                        let (member, set) =
                            crate::core::staff_edit::add(data, &to, None, &[role], &mut ids)?;
                        (member.id, set)
                    }
                    Err(e) => {
                        return Err(super::lookup::staff(data, &to)
                            .err()
                            .unwrap_or_else(|| e.into()));
                    }
                };
                name = crate::core::sanitize::line(&to);
                if let Some(s) = data.staff_member(staff_id) {
                    name = s.name.clone();
                }
                let assigned = followup_flow::assign(f, staff_id, &name, actor, now)?;
                set.changes.extend(assigned.changes);
                Ok(set)
            })?;
            format!("{id} assigned to {name}")
        }
        FollowUpCommand::Snooze { id, until, reason } => {
            let rules = ctx.rules()?;
            let until = until.resolve(now, rules.work_week.offset)?;
            step(&session, &id, |f, data| {
                let items = queue(data, &rules.policy, &rules.work_week, now);
                let item = items
                    .iter()
                    .find(|i| i.subject == Subject::FollowUp(f.id))
                    .ok_or_else(|| anyhow!("{} has nothing in the queue to snooze", f.id))?;
                Ok(followup_flow::snooze(
                    item, until, &reason, None, actor, now,
                )?)
            })?;
            format!("{id} snoozed until {}", local_datetime(until))
        }
        FollowUpCommand::CommitReport { id } => {
            step(&session, &id, |f, _| {
                Ok(followup_flow::commit_report(f, actor, now)?)
            })?;
            format!("{id}: formal report committed")
        }
        FollowUpCommand::PresentReport { id } => {
            step(&session, &id, |f, _| {
                Ok(followup_flow::present_report(f, actor, now)?)
            })?;
            format!("{id}: formal report presented to the customer")
        }
        FollowUpCommand::Close { id } => {
            step(&session, &id, |f, _| {
                Ok(followup_flow::close(f, actor, now)?)
            })?;
            format!("{id} closed")
        }
    };
    say!("saved: {done}");
    Ok(ExitCode::SUCCESS)
}
