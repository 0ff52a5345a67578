//! `hearback export`: customers, interviews, actions as CSV/JSON, or everything as a backup.

use super::{ExportFormat, ExportWhat, Reading, Session};
use crate::core::TimelineEvent;
use crate::io::backup::Backup;
use crate::io::export::{Format, action_rows, customer_rows, interview_rows, write_rows};
use anyhow::bail;
use std::io::Write;
use std::process::ExitCode;

/// Runs `hearback export`, writing to stdout.
pub fn run(
    session: Reading<'_>,
    what: ExportWhat,
    format: ExportFormat,
) -> anyhow::Result<ExitCode> {
    let Session { ctx, store, data } = session;
    let stdout = super::console::out();
    let mut out = std::io::BufWriter::new(stdout);
    let format = match format {
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Json => Format::Json,
    };
    match what {
        ExportWhat::Customers => write_rows(&customer_rows(&data), format, &mut out)?,
        ExportWhat::Interviews => write_rows(&interview_rows(&data), format, &mut out)?,
        ExportWhat::Actions => write_rows(&action_rows(&data), format, &mut out)?,
        ExportWhat::All => {
            if format != Format::Json {
                bail!(
                    "`export all` writes a JSON backup only: use `hearback export all --format json`"
                );
            }
            let timeline: Vec<TimelineEvent> = store.events()?;
            Backup::new(data, timeline, ctx.now).to_writer(&mut out)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
