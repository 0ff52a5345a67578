//! The write-back CSV: feedback figures per customer, in the columns a CRM's own import maps
//! by default, keyed by the CRM's record id so the import updates the records it already has.
//!
//! Every CRM gets the same columns in the same order; only the header names differ:
//! - HubSpot maps a column whose header is a property's label or internal name: `Record ID`
//!   and `Company name` as its companies export writes them, and custom properties by their
//!   lower_snake internal names (`hearback_last_interview_date`).
//! - Salesforce Data Loader auto-matches API names: `Id`, `Name` and custom fields ending in
//!   `__c` (`Hearback_Last_Interview_Date__c`).
//! - Zoho CRM maps a column whose header is a field's label: `Record Id` and `Account Name` as
//!   its accounts export writes them, and custom fields by label (`Hearback Last Interview
//!   Date`).
//!
//! The id and name headers are the ones hearback's own customer import reads from that CRM's
//! export, so the file re-imports into hearback as an update of the same customers; none of
//! the other headers feeds a customer field there (a test checks).

use super::customers_csv::guard_cell;
use crate::core::Instant;
use crate::core::sanitize;
use crate::core::time_math::in_local_zone;
use crate::core::write_back::WriteBack;
use std::io::Write;

/// The CRMs hearback writes back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Crm {
    /// HubSpot companies.
    HubSpot,
    /// Salesforce accounts.
    Salesforce,
    /// Zoho CRM accounts.
    Zoho,
}

/// One column of the write-back: what it holds, and its header in each CRM.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// What the column holds and the property type to create, for the docs.
    pub holds: &'static str,
    /// HubSpot header (label or internal name).
    pub hubspot: &'static str,
    /// Salesforce API name.
    pub salesforce: &'static str,
    /// Zoho field label.
    pub zoho: &'static str,
}

impl Column {
    /// The header in `crm`'s file.
    pub fn header(&self, crm: Crm) -> &'static str {
        match crm {
            Crm::HubSpot => self.hubspot,
            Crm::Salesforce => self.salesforce,
            Crm::Zoho => self.zoho,
        }
    }
}

const fn col(
    holds: &'static str,
    hubspot: &'static str,
    salesforce: &'static str,
    zoho: &'static str,
) -> Column {
    Column {
        holds,
        hubspot,
        salesforce,
        zoho,
    }
}

/// The columns, in file order; the first two exist in every CRM, the rest are created once.
pub const COLUMNS: [Column; 11] = [
    col("the CRM's record id", "Record ID", "Id", "Record Id"),
    col("company name", "Company name", "Name", "Account Name"),
    col(
        "last interview (date)",
        "hearback_last_interview_date",
        "Hearback_Last_Interview_Date__c",
        "Hearback Last Interview Date",
    ),
    col(
        "last interview's average score (number)",
        "hearback_last_average",
        "Hearback_Last_Average__c",
        "Hearback Last Average",
    ),
    col(
        "lowest score in the latest 3 interviews (number)",
        "hearback_lowest_recent_score",
        "Hearback_Lowest_Recent_Score__c",
        "Hearback Lowest Recent Score",
    ),
    col(
        "risk: healthy, watch, at_risk or lost (text)",
        "hearback_risk",
        "Hearback_Risk__c",
        "Hearback Risk",
    ),
    col(
        "why, in plain words; none when there is nothing (long text)",
        "hearback_risk_reasons",
        "Hearback_Risk_Reasons__c",
        "Hearback Risk Reasons",
    ),
    col(
        "low-score follow-ups not closed (number)",
        "hearback_open_followups",
        "Hearback_Open_Followups__c",
        "Hearback Open Followups",
    ),
    col(
        "next interview: booked or due by (date)",
        "hearback_next_interview_date",
        "Hearback_Next_Interview_Date__c",
        "Hearback Next Interview Date",
    ),
    col(
        "next interview: booked, due, overdue or none (text)",
        "hearback_next_interview_status",
        "Hearback_Next_Interview_Status__c",
        "Hearback Next Interview Status",
    ),
    col(
        "when this file was written (date)",
        "hearback_updated",
        "Hearback_Updated__c",
        "Hearback Updated",
    ),
];

/// The header row for `crm`.
pub fn headers(crm: Crm) -> Vec<&'static str> {
    COLUMNS.iter().map(|c| c.header(crm)).collect()
}

/// A date in the user's zone, in the ISO form every CRM's import offers (`YYYY-MM-DD`).
fn date(t: Instant) -> String {
    in_local_zone(t).format("%Y-%m-%d").to_string()
}

/// One record's cells, in [`COLUMNS`] order; `now` is the export's time.
pub fn row(r: &WriteBack<'_>, now: Instant) -> Vec<String> {
    let reasons = if r.reasons.is_empty() {
        // A blank cell leaves the CRM's old value in place: say there is nothing instead.
        "none".to_string()
    } else {
        r.reasons.join("; ")
    };
    vec![
        r.crm_id.to_string(),
        r.customer.name.clone(),
        r.last_interview.map(date).unwrap_or_default(),
        r.last_average
            .map(|a| format!("{a:.2}"))
            .unwrap_or_default(),
        r.lowest_recent.map(|s| s.to_string()).unwrap_or_default(),
        r.standing.as_str().to_string(),
        reasons,
        r.open_followups.to_string(),
        r.next.at().map(date).unwrap_or_default(),
        r.next.status().to_string(),
        date(now),
    ]
}

/// Writes the header and one row per record as RFC 4180 CSV (CRLF), cells cleaned and
/// guarded against spreadsheet formulas like every export.
pub fn write<W: Write>(
    crm: Crm,
    records: &[WriteBack<'_>],
    now: Instant,
    out: W,
) -> Result<(), csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(headers(crm))?;
    for r in records {
        writer.write_record(
            row(r, now)
                .iter()
                .map(|cell| guard_cell(&sanitize::terminal(cell)).into_owned()),
        )?;
    }
    writer.flush()?;
    Ok(())
}

/// What to tell the user about customers left out, or `None` when every one was written.
pub fn left_out_message(without_crm_id: usize) -> Option<String> {
    (without_crm_id > 0).then(|| {
        let (who, have, were) = if without_crm_id == 1 {
            ("customer", "has", "was")
        } else {
            ("customers", "have", "were")
        };
        format!(
            "{without_crm_id} {who} {have} no CRM record id and {were} left out: import them \
             from your CRM first (`hearback import customers FILE.csv`)"
        )
    })
}

#[cfg(test)]
mod tests;
