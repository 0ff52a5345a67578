//! `hearback report customer --followup F..`: the formal report to the customer, and with
//! `--record` the step that presents it (which closes the follow-up), through the same
//! [`discharge`] as the dashboard's `x` on the queue item.

use super::super::customers::local_datetime;
use super::super::{Context, Writing, lookup};
use super::write_document;
use crate::core::discharge::discharge;
use crate::core::queue::{ItemKind, Subject};
use crate::core::report::Sources;
use crate::core::{FollowUp, FollowUpState};
use crate::io::report as markdown;
use anyhow::anyhow;
use std::path::Path;
use std::process::ExitCode;

/// Writes the report on `followup` to `out` (or stdout), tells the lead on stderr what the
/// customer's copy leaves out, then records it as presented when `writer` is given.
pub(super) fn run(
    ctx: &Context,
    src: &Sources<'_>,
    writer: Option<&Writing<'_>>,
    followup: &str,
    out: Option<&Path>,
    followup_days: u32,
) -> anyhow::Result<ExitCode> {
    let f = lookup::followup(src.data, followup)?;
    let (text, doc) = markdown::customer(src, f.id, followup_days)?;
    write_document(&text, out)?;
    for note in &doc.notes {
        crate::cli::say_err!("note: {note}");
    }
    // Only now that the document exists in full is the step recorded.
    if let Some(session) = writer {
        let message = match already(f) {
            Some(said) => said,
            None => {
                let set = discharge(
                    ItemKind::FormalReport,
                    Subject::FollowUp(f.id),
                    src.data,
                    ctx.now,
                    &ctx.actor,
                )
                .map_err(|e| anyhow!("cannot record the report as presented: {e}"))?;
                session.commit(&set)?;
                format!(
                    "recorded: formal report presented to {} for {}; the follow-up is closed",
                    doc.customer, f.id
                )
            }
        };
        crate::cli::say_err!("{message}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Why there is nothing to record on `f`, if there is nothing.
fn already(f: &FollowUp) -> Option<String> {
    if let Some(at) = f.report_presented_at {
        return Some(format!(
            "nothing to record: the formal report for {} was presented on {}",
            f.id,
            local_datetime(at)
        ));
    }
    (f.state == FollowUpState::Closed).then(|| {
        let when = f
            .closed_at
            .map_or_else(String::new, |t| format!(" on {}", local_datetime(t)));
        format!(
            "nothing to record: {} was closed{when} without a formal report, and nothing is owed on it",
            f.id
        )
    })
}
