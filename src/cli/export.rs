//! `hearback export`: customers, interviews, actions as CSV/JSON, everything as a backup, or
//! the feedback figures for a CRM's own import.

use super::customers::Listing;
use super::{CrmArg, ExportFormat, ExportWhat, Reading, Session, say_err};
use crate::core::TimelineEvent;
use crate::core::write_back::write_backs;
use crate::io::backup::Backup;
use crate::io::crm_write_back::{self, Crm};
use crate::io::export::{Format, action_rows, customer_rows, interview_rows, write_rows};
use anyhow::bail;
use std::io::Write;
use std::process::ExitCode;

/// Runs `hearback export`, writing to stdout.
pub fn run(
    session: Reading<'_>,
    what: ExportWhat,
    format: ExportFormat,
    crm: Option<CrmArg>,
) -> anyhow::Result<ExitCode> {
    let Session { ctx, store, data } = session;
    let stdout = super::console::out();
    let mut out = std::io::BufWriter::new(stdout);
    let format = match format {
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Json => Format::Json,
    };
    if crm.is_some() && !matches!(what, ExportWhat::Crm) {
        bail!(
            "`--for` goes with `export crm` only: leave it out, or run `hearback export crm --for hubspot`"
        );
    }
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
        ExportWhat::Crm => {
            if format != Format::Csv {
                bail!("`export crm` writes CSV only (what CRM imports read): leave out --format");
            }
            let crm = match crm {
                Some(CrmArg::Hubspot) => Crm::HubSpot,
                Some(CrmArg::Salesforce) => Crm::Salesforce,
                Some(CrmArg::Zoho) => Crm::Zoho,
                None => bail!("say which CRM: `hearback export crm --for hubspot|salesforce|zoho`"),
            };
            let listing = Listing::of(ctx, data)?;
            let summaries = listing.summaries();
            let back = write_backs(&listing.data, &summaries, &listing.risk, ctx.now);
            crm_write_back::write(crm, &back.records, ctx.now, &mut out)?;
            if let Some(message) = crm_write_back::left_out_message(back.without_crm_id) {
                say_err!("{message}");
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
