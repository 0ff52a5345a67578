//! `hearback report ...`: the debrief, the President report, the workforce digest and the
//! formal report to the customer as Markdown, to stdout or a file; `--record` records the
//! matching step as done.

mod customer;

use super::customers::local_datetime;
use super::{Context, TimeArg, Writing, lookup};
use crate::core::discharge::{discharge, discharged_at, interview_step};
use crate::core::queue::{ItemKind, Subject, queue};
use crate::core::report::{Period, Sources, interviews_in};
use crate::core::risk::assess;
use crate::core::{ChangeSet, Dataset, Instant, Interview};
use crate::io::report as markdown;
use anyhow::{Context as _, anyhow, bail};
use clap::Subcommand;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Which document.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// For the account manager and salesperson: scores, comments, significant issues, the
    /// follow-ups opened and who owns them.
    Debrief {
        /// The interview (e.g. I12).
        #[arg(long)]
        interview: String,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Record the debrief as done once the document is written.
        #[arg(long)]
        record: bool,
    },
    /// For the President: every interview in the period, averages, lowest scores, open and
    /// overdue follow-ups, actions, customers at risk, compared with the previous period.
    President {
        /// First day of the period (interviews completed from then on).
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = super::parse_time)]
        since: TimeArg,
        /// End of the period (default: now).
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = super::parse_time)]
        until: Option<TimeArg>,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Record the report to the President as done for every interview in the period.
        #[arg(long)]
        record: bool,
    },
    /// For the workforce: leaves out every comment flagged about an individual, whatever its
    /// score, except praise the lead marked to share.
    Digest {
        /// First day of the period (interviews completed from then on, until now).
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = super::parse_time)]
        since: TimeArg,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Record the results as disseminated for every interview in the period.
        #[arg(long)]
        record: bool,
    },
    /// For the customer, after a low score: what they told us, the corrective and preventive
    /// actions with owner, due date and state, who is accountable and when we come back to
    /// them. Leaves out comments about our people and everything kept for us only.
    //
    // Keyed by the follow-up rather than the interview: the queue item, the context recorded
    // on the call, the actions and the "presented" step all belong to the follow-up, and an
    // interview without a low score has none to report on.
    Customer {
        /// The follow-up the report answers (e.g. F12).
        #[arg(long, value_name = "ID")]
        followup: String,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Record the report as presented to the customer once the document is written; this
        /// closes the follow-up.
        #[arg(long)]
        record: bool,
    },
}

/// Runs `hearback report`.
impl ReportCommand {
    /// Whether the report records its step (`--record`): then it opens the store to write.
    pub fn records(&self) -> bool {
        match self {
            ReportCommand::Debrief { record, .. }
            | ReportCommand::President { record, .. }
            | ReportCommand::Digest { record, .. }
            | ReportCommand::Customer { record, .. } => *record,
        }
    }
}

/// Runs `hearback report` on `data`; `writer` is the session to record in, when recording.
pub fn run(
    ctx: &Context,
    data: &Dataset,
    writer: Option<&Writing<'_>>,
    cmd: ReportCommand,
) -> anyhow::Result<ExitCode> {
    let rules = ctx.rules()?;
    let derived = Derived::of(data, rules, ctx.now);
    let src = derived.sources(data, rules, ctx.now);
    let (text, out, _, to_record, kind) = match cmd {
        ReportCommand::Debrief {
            interview,
            out,
            record,
        } => {
            let interview = lookup::interview(data, &interview)?;
            let text = markdown::debrief(&src, interview.id)?;
            (text, out, record, vec![interview], ItemKind::Debrief)
        }
        ReportCommand::President {
            since,
            until,
            out,
            record,
        } => {
            let period = period(
                ctx.time(&since)?,
                until.map(|u| ctx.time(&u)).transpose()?,
                ctx.now,
            )?;
            let text = markdown::president(&src, period)?;
            (
                text,
                out,
                record,
                interviews_in(data, period),
                ItemKind::ReportPresident,
            )
        }
        ReportCommand::Customer {
            followup,
            out,
            record: _,
        } => {
            let days = rules.policy.deadlines.action_followup_days;
            return customer::run(ctx, &src, writer, &followup, out.as_deref(), days);
        }
        ReportCommand::Digest { since, out, record } => {
            let period = period(ctx.time(&since)?, None, ctx.now)?;
            let text = markdown::digest(&src, period)?;
            (
                text,
                out,
                record,
                interviews_in(data, period),
                ItemKind::Disseminate,
            )
        }
    };
    write_document(&text, out.as_deref())?;
    // Only now that the document exists in full is the step recorded.
    if let Some(session) = writer {
        let rec = mark_all(ctx, data, &to_record, kind)?;
        if !rec.changes.is_empty() {
            session.commit(&rec.changes)?;
        }
        crate::cli::say_err!("{}", rec.message);
    }
    Ok(ExitCode::SUCCESS)
}

/// The queue and risk at the command's `now`, which documents and letters are written from.
pub(super) struct Derived {
    items: Vec<crate::core::queue::Item>,
    risk: std::collections::HashMap<crate::core::CustomerId, crate::core::risk::Assessment>,
}

impl Derived {
    /// Computes them over `data`.
    pub(super) fn of(data: &Dataset, rules: &crate::app::Rules, now: Instant) -> Derived {
        let items = queue(data, &rules.policy, &rules.work_week, now);
        let risk = assess(data, &items, rules.monitoring(now));
        Derived { items, risk }
    }

    /// What a document reads.
    pub(super) fn sources<'a>(
        &'a self,
        data: &'a Dataset,
        rules: &'a crate::app::Rules,
        now: Instant,
    ) -> Sources<'a> {
        Sources {
            data,
            items: &self.items,
            risk: &self.risk,
            questions: &rules.questions,
            work_week: &rules.work_week,
            now,
        }
    }
}

/// Writes a document to `out`, or to standard output.
fn write_document(text: &str, out: Option<&Path>) -> anyhow::Result<()> {
    // The document quotes customers' words: cleaned on the way out, to a file (people `cat`
    // reports) as to the terminal, whatever an older store holds.
    let text = crate::core::sanitize::terminal(text);
    match out {
        Some(path) => super::console::write_file(path, text.as_bytes())?,
        None => {
            let mut stdout = super::console::out();
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
                .context("cannot write the document to standard output")?;
        }
    }
    Ok(())
}

/// The period `[since, until)` (until defaults to now), refused when empty with a message
/// that names the options.
fn period(since: Instant, until: Option<Instant>, now: Instant) -> anyhow::Result<Period> {
    let end = until.unwrap_or(now);
    if end <= since {
        let since_text = local_datetime(since);
        match until {
            Some(u) => bail!(
                "--until {} is {} --since {since_text}: the period would be empty",
                local_datetime(u),
                if u < since { "before" } else { "the same as" }
            ),
            None => bail!(
                "--since {since_text} is not before now ({}): the period would be empty",
                local_datetime(now)
            ),
        }
    }
    Ok(Period::new(since, end)?)
}

/// What `--record` writes and says.
struct Recorded {
    changes: ChangeSet,
    message: String,
}

/// Discharges the `kind` item of every interview of `list` that does not have it yet, as one
/// change set, and says what was done (or that it had been done already). The step is the one
/// the dashboard's `x` records on the same item ([`discharge`]).
fn mark_all(
    ctx: &Context,
    data: &Dataset,
    list: &[&Interview],
    kind: ItemKind,
) -> anyhow::Result<Recorded> {
    let mut changes = ChangeSet::new();
    let mut done: Vec<String> = Vec::new();
    let mut before: Vec<(String, Instant)> = Vec::new();
    for i in list {
        if let Some(at) = discharged_at(kind, i) {
            before.push((i.id.to_string(), at));
            continue;
        }
        // A missing customer is named the way every other command names it.
        lookup::customer_of(data, i.customer)?;
        let set = discharge(kind, Subject::Interview(i.id), data, ctx.now, &ctx.actor)
            .map_err(|e| anyhow!("cannot record {}: {e}", step_name(kind)))?;
        changes.changes.extend(set.changes);
        done.push(i.id.to_string());
    }
    let what = match kind {
        ItemKind::Debrief => "debriefed",
        ItemKind::ReportPresident => "reported to the President",
        _ => "disseminated to the workforce",
    };
    let message = if list.is_empty() {
        "nothing to record: no interviews were completed in the period".to_string()
    } else if done.is_empty() {
        let dates: Vec<String> = before
            .iter()
            .map(|(id, at)| format!("{id} on {}", local_datetime(*at)))
            .collect();
        format!(
            "nothing to record: already recorded as {what} ({})",
            dates.join(", ")
        )
    } else {
        let mut text = if kind == ItemKind::Debrief {
            format!("recorded: {what} {}", done.join(", "))
        } else {
            format!(
                "recorded: {what} for {} ({})",
                count(done.len(), "interview"),
                done.join(", ")
            )
        };
        if !before.is_empty() {
            let ids: Vec<&str> = before.iter().map(|(id, _)| id.as_str()).collect();
            text.push_str(&format!("; already recorded for {}", ids.join(", ")));
        }
        text
    };
    Ok(Recorded { changes, message })
}

/// The step's name as `interview mark` spells it (`debriefed`).
fn step_name(kind: ItemKind) -> &'static str {
    interview_step(kind).map_or(kind.as_str(), |s| s.as_str())
}

fn count(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}
