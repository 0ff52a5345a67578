//! `hearback staff add|set|list`: our people, their roles, and who counts as senior management.

use super::table::Table;
use super::{Context, ListFormat, Writing, lookup};
use super::{say, say_raw};
use crate::core::ids::parse_id_number;
use crate::core::senior::{SeniorPool, SeniorSource};
use crate::core::staff_edit::{self, StaffPatch, roles_text};
use crate::core::{Dataset, IdAllocator, Role, Staff};
use anyhow::anyhow;
use clap::Subcommand;
use serde::Serialize;
use std::process::ExitCode;

/// Parses a role name for clap, listing the accepted names when it is not one.
pub fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).ok_or_else(|| {
        let names: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
        format!("'{text}' is not a role; use one of {}", names.join(", "))
    })
}

/// The staff subcommands.
#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// List our people with their roles, and who counts as senior management.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Include people who have left.
        #[arg(long)]
        all: bool,
    },
    /// Add a person.
    Add {
        /// Full name.
        name: String,
        /// Work email.
        #[arg(long)]
        email: Option<String>,
        /// A role they hold (repeat for several): account_manager, salesperson,
        /// service_manager, executive, senior_management, president.
        #[arg(long = "role", value_name = "ROLE", value_parser = parse_role)]
        roles: Vec<Role>,
    },
    /// Change a person: name, email, roles, or whether they are still with us.
    Set {
        /// Who: id (S12), email, name or a unique part of it.
        who: String,
        /// New full name.
        #[arg(long)]
        name: Option<String>,
        /// New work email ("" clears it).
        #[arg(long)]
        email: Option<String>,
        /// A role to give them (repeat for several).
        #[arg(long = "role", value_name = "ROLE", value_parser = parse_role)]
        roles: Vec<Role>,
        /// A role to take away (repeat for several).
        #[arg(long = "remove-role", value_name = "ROLE", value_parser = parse_role)]
        remove_roles: Vec<Role>,
        /// false once they have left (kept so history still names them); true when back.
        #[arg(long, value_name = "true|false")]
        active: Option<bool>,
    },
}

/// A person by id (`S12`/`12`), email, exact name or unique part of a name.
pub fn find<'a>(data: &'a Dataset, text: &str) -> anyhow::Result<&'a Staff> {
    if let Some(n) = parse_id_number(text, 'S')
        && let Some(s) = data.staff.iter().find(|s| s.id.0 == n)
    {
        return Ok(s);
    }
    lookup::staff(data, text)
}

/// Runs a staff subcommand. (`staff list` only reads: the dispatch opens it with a reading
/// session and calls [`list`] directly.)
pub fn run(session: Writing<'_>, cmd: StaffCommand) -> anyhow::Result<ExitCode> {
    let data = &session.data;
    match cmd {
        StaffCommand::List { format, all } => list(session.ctx, data, format, all),
        StaffCommand::Add { name, email, roles } => {
            let mut ids = IdAllocator::after(data)?;
            let (member, set) = staff_edit::add(data, &name, email.as_deref(), &roles, &mut ids)?;
            session.commit(&set)?;
            say!(
                "saved: {} added as {} ({})",
                member.name,
                member.id,
                roles_text(&member.roles)
            );
            Ok(ExitCode::SUCCESS)
        }
        StaffCommand::Set {
            who,
            name,
            email,
            roles,
            remove_roles,
            active,
        } => {
            let member = find(data, &who)?.clone();
            let patch = StaffPatch {
                name,
                email,
                add_roles: roles,
                remove_roles,
                active,
            };
            if patch == StaffPatch::default() {
                return Err(anyhow!(
                    "nothing to change for {}: give --name, --email, --role, --remove-role or --active",
                    member.name
                ));
            }
            let (after, set) = staff_edit::set(data, member, &patch)?;
            session.commit(&set)?;
            let state = if after.active { "active" } else { "left" };
            say!(
                "saved: {} ({}): {}, {state}",
                after.name,
                after.id,
                roles_text(&after.roles)
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// One person in `staff list --format json`; field names are a stable interface for scripts.
#[derive(Debug, Serialize)]
struct StaffJson {
    id: String,
    name: String,
    email: Option<String>,
    roles: Vec<&'static str>,
    active: bool,
    /// `role`, `named` or null: whether the policy counts them as senior management.
    senior_management: Option<&'static str>,
}

fn senior_label(pool: &SeniorPool, s: &Staff) -> Option<&'static str> {
    pool.counts_everywhere(s.id).map(|src| match src {
        SeniorSource::Role => "role",
        SeniorSource::Named => "named",
        SeniorSource::SponsorFallback => "sponsor",
    })
}

/// Runs `staff list`.
pub fn list(
    ctx: &Context,
    data: &Dataset,
    format: ListFormat,
    all: bool,
) -> anyhow::Result<ExitCode> {
    let rules = ctx.rules()?;
    let pool = SeniorPool::new(data, &rules.policy.senior_management);
    let people: Vec<&Staff> = data.staff.iter().filter(|s| all || s.active).collect();
    if format == ListFormat::Json {
        let list: Vec<StaffJson> = people
            .iter()
            .map(|s| StaffJson {
                id: s.id.to_string(),
                name: s.name.clone(),
                email: s.email.clone(),
                roles: s.roles.iter().map(|r| r.as_str()).collect(),
                active: s.active,
                senior_management: senior_label(&pool, s),
            })
            .collect();
        say!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(ExitCode::SUCCESS);
    }
    if people.is_empty() {
        say!(
            "Nobody on file yet. Add people with `hearback staff add NAME --role ROLE` or `hearback import people FILE.csv`."
        );
    } else {
        let mut t = Table::new(&[
            ("Id", 6),
            ("Name", 28),
            ("Email", 32),
            ("Roles", 48),
            ("Active", 6),
            ("Senior mgmt", 11),
        ]);
        for s in &people {
            t.push(vec![
                s.id.to_string(),
                s.name.clone(),
                s.email.clone().unwrap_or_default(),
                roles_text(&s.roles),
                if s.active { "yes" } else { "left" }.into(),
                senior_label(&pool, s).unwrap_or("").into(),
            ]);
        }
        say_raw!("{}", t.render());
    }
    let seniors = data
        .staff
        .iter()
        .filter(|s| senior_label(&pool, s).is_some())
        .count();
    if seniors == 0 {
        let fallback = if rules.policy.senior_management.executive_sponsor_fallback {
            "each customer's executive sponsor stands in where there is one"
        } else {
            "and the executive-sponsor fallback is off"
        };
        say!(
            "Nobody counts as senior management: {fallback}. Scores of {} or lower need one: `hearback staff set NAME --role senior_management`.",
            rules.policy.low_scores.senior_max
        );
    }
    Ok(ExitCode::SUCCESS)
}
