//! `hearback import requests FILE --from zendesk|freshdesk` or `--map MAP.toml`: customers'
//! requests and our responses from a helpdesk's ticket export, matched to customers and our
//! people, in one transaction. A ticket imported before (same helpdesk and id) is updated,
//! never added twice.

use super::import::{Mode, rejected_rows};
use super::record_size::record_fits;
use super::{Context, Writing, open_input, say};
use crate::core::IdAllocator;
use crate::core::requests::import::plan;
use crate::io::request_csv::{ParsedRequests, parse_requests};
use crate::io::request_map::{RequestMap, parse_offset};
use crate::io::survey_csv::SurveyFileError;
use anyhow::{Context as _, bail};
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A helpdesk whose ticket export hearback reads without a map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Helpdesk {
    /// Zendesk's ticket CSV export.
    Zendesk,
    /// Freshdesk's ticket CSV export.
    Freshdesk,
}

impl Helpdesk {
    fn name(self) -> &'static str {
        match self {
            Helpdesk::Zendesk => "Zendesk",
            Helpdesk::Freshdesk => "Freshdesk",
        }
    }
}

/// The export, read and checked before the store is opened: a refused file creates and locks
/// nothing.
pub struct Input {
    file: PathBuf,
    parsed: ParsedRequests,
}

/// Reads the file of `hearback import requests FILE`.
pub fn read(
    ctx: &Context,
    file: &Path,
    from: Option<Helpdesk>,
    map: Option<&Path>,
    utc_offset: Option<&str>,
) -> anyhow::Result<Input> {
    ctx.rules()?;
    let offset = match utc_offset {
        None => None,
        Some(text) => Some(parse_offset(text).with_context(|| {
            format!("--utc-offset '{text}' is not an offset like +01:00 or -05:00")
        })?),
    };
    let zero = chrono::FixedOffset::east_opt(0).expect("zero offset");
    let mut map = match (from, map) {
        (Some(Helpdesk::Zendesk), None) => RequestMap::zendesk(),
        (Some(Helpdesk::Freshdesk), None) => RequestMap::freshdesk(zero),
        (None, Some(path)) => {
            let text = std::fs::read_to_string(super::console::path(path))
                .with_context(|| format!("cannot read the map file {}", path.display()))?;
            RequestMap::from_toml(&text)
                .map_err(anyhow::Error::msg)
                .with_context(|| format!("invalid map file {}", path.display()))?
        }
        _ => bail!("say which export it is: --from zendesk, --from freshdesk or --map MAP.toml"),
    };
    if let Some(offset) = offset {
        map.utc_offset = offset;
    }
    let parsed = parse_requests(open_input(file)?, &map)
        .map_err(|e| match (e, from) {
            (SurveyFileError::NoHeader, _) => anyhow::anyhow!(
                "the file is empty; it should start with the ticket export's header row"
            ),
            // Without a map file, say which export's column is missing, not which map key.
            (SurveyFileError::Column { key, problem }, Some(helpdesk)) => anyhow::anyhow!(
                "this is not a {} ticket export as it writes them (the {} column): {problem}; \
                 for another layout, write a map and use --map",
                helpdesk.name(),
                key.replace('_', " ")
            ),
            (e, _) => anyhow::Error::new(e),
        })
        .with_context(|| format!("cannot import {}", file.display()))?;
    Ok(Input {
        file: file.to_path_buf(),
        parsed,
    })
}

/// Runs the import on what [`read`] read.
pub fn run(session: Writing<'_>, input: Input, mode: Mode) -> anyhow::Result<ExitCode> {
    let data = &session.data;
    let Input { file, parsed } = input;
    let file = file.as_path();
    let mut ids = IdAllocator::after(data)?;
    let ctx = session.ctx;
    let plan = plan(
        data,
        &parsed.rows,
        &mut ids,
        ctx.now,
        &ctx.actor,
        &record_fits,
    );
    let rejected: Vec<(u64, String)> = plan
        .rejected
        .iter()
        .map(|r| {
            let reason = if r.about_customer {
                format!("{} ({})", r.reason, parsed.customer_columns)
            } else {
                r.reason.clone()
            };
            (r.line, reason)
        })
        .collect();
    say!(
        "{}: {} rows read",
        file.display(),
        parsed.rows.len() + parsed.errors.len()
    );
    let problems = rejected_rows(
        file,
        (parsed.errors.iter().map(|e| (e.line, e.reason.as_str())))
            .chain(rejected.iter().map(|(l, r)| (*l, r.as_str()))),
    );
    let verb = if mode.dry_run { "would " } else { "" };
    let summary = format!(
        "{verb}add {} requests, {verb}update {}, {} unchanged, {} rows not imported",
        plan.created.len(),
        plan.updated.len(),
        plan.unchanged,
        problems.len()
    );
    let partial = !problems.is_empty();
    if mode.strict && partial {
        crate::cli::say_err!(
            "nothing imported: --strict and {} row(s) rejected",
            problems.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    for (name, n) in &plan.unknown_assignees {
        say!(
            "  assignee '{name}' is none of our people ({n} request{}): the customer's account \
             manager answers for them; add them with `hearback staff add` and import again",
            if *n == 1 { "" } else { "s" }
        );
    }
    super::import::finish(&session, &plan.changes, mode, &summary, partial)
}
