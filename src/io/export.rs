//! CSV (RFC 4180) and JSON exports of customers, interviews and action items.
//!
//! Each export is a list of flat row structs; JSON is their serde form and CSV is built from
//! the same form, so the two can never disagree. Text cells in CSV are guarded against
//! spreadsheet formula injection (see `customers_csv::guard_cell`), which our import reverses.

use super::customers_csv::guard_cell;
use crate::core::{ActionItem, Dataset, Individual, Instant, Interview, InterviewStatus, Trigger};
use serde::Serialize;
use serde_json::Value;
use std::io::Write;

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// RFC 4180 CSV with a header row.
    Csv,
    /// A JSON array of objects.
    Json,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed (e.g. a closed pipe).
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    /// CSV encoding failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// JSON encoding failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// A customer in the column layout our import reads back (`plain` format). The CSV carries
/// the primary (first) contact; the JSON export and the backup carry every contact.
#[derive(Debug, Serialize)]
pub struct CustomerExportRow {
    /// Our id (named so that CRM importers, ours included, never take it for a CRM id).
    pub hearback_id: u64,
    /// CRM id, if any.
    pub crm_id: String,
    /// Company name.
    pub name: String,
    /// Size in major units, exact decimal.
    pub size: String,
    /// ISO currency.
    pub currency: String,
    /// key, growth or standard.
    pub tier: String,
    /// Segment.
    pub segment: String,
    /// Region.
    pub region: String,
    /// Account manager's name.
    pub account_manager: String,
    /// Salesperson's name.
    pub salesperson: String,
    /// Service manager's name.
    pub service_manager: String,
    /// Executive sponsor's name.
    pub executive_sponsor: String,
    /// Primary contact's name.
    pub contact_name: String,
    /// Primary contact's role.
    pub contact_role: String,
    /// Primary contact's email.
    pub contact_email: String,
    /// Primary contact's phone.
    pub contact_phone: String,
}

/// Customer rows, largest first.
pub fn customer_rows(data: &Dataset) -> Vec<CustomerExportRow> {
    data.customers_by_size()
        .into_iter()
        .map(|c| {
            let contact = c.contacts.first();
            let field = |f: fn(&crate::core::Contact) -> &String| {
                contact.map(f).cloned().unwrap_or_default()
            };
            CustomerExportRow {
                hearback_id: c.id.0,
                crm_id: c.crm_id.clone().unwrap_or_default(),
                name: c.name.clone(),
                size: c.size.major_decimal(),
                currency: c.size.currency.clone(),
                tier: c.tier.as_str().into(),
                segment: c.segment.clone(),
                region: c.region.clone(),
                account_manager: data.staff_name(c.account_manager).into(),
                salesperson: data.staff_name(c.salesperson).into(),
                service_manager: data.staff_name(c.service_manager).into(),
                executive_sponsor: data.staff_name(c.executive_sponsor).into(),
                contact_name: field(|p| &p.name),
                contact_role: field(|p| &p.role),
                contact_email: field(|p| &p.email),
                contact_phone: field(|p| &p.phone),
            }
        })
        .collect()
}

/// One answer in an interview export.
#[derive(Debug, Serialize)]
pub struct AnswerExport {
    /// Question key.
    pub question: String,
    /// 1-5, or null for not asked.
    pub score: Option<u8>,
    /// The comment.
    pub comment: String,
    /// About one of our people: `no`, `private` (kept from the workforce) or `praise` (shared).
    pub about_individual: Individual,
}

/// An interview in exports.
#[derive(Debug, Serialize)]
pub struct InterviewExportRow {
    /// Our id.
    pub id: u64,
    /// Customer id.
    pub customer_id: u64,
    /// Customer name.
    pub customer: String,
    /// scheduled, in_progress, completed or cancelled.
    pub status: &'static str,
    /// cadence, deliverable, ad_hoc or survey_import.
    pub trigger: &'static str,
    /// Deliverable name or survey response id.
    pub trigger_detail: String,
    /// RFC 3339.
    pub scheduled_at: String,
    /// Planned length in minutes.
    pub duration_minutes: u16,
    /// RFC 3339 or empty.
    pub completed_at: String,
    /// Executive's name.
    pub executive: String,
    /// Contact's name.
    pub contact: String,
    /// Lowest score.
    pub lowest_score: Option<u8>,
    /// Mean score, two decimals.
    pub average_score: Option<f64>,
    /// Significant issue flagged.
    pub significant_issue: bool,
    /// RFC 3339 or empty.
    pub acknowledged_at: String,
    /// RFC 3339 or empty.
    pub debriefed_at: String,
    /// RFC 3339 or empty.
    pub reported_at: String,
    /// RFC 3339 or empty.
    pub disseminated_at: String,
    /// The answers (flattened to q1_score, q1_comment, ... columns in CSV).
    pub answers: Vec<AnswerExport>,
}

fn time(t: Option<Instant>) -> String {
    t.map(|t| t.to_rfc3339()).unwrap_or_default()
}

fn status_name(s: InterviewStatus) -> &'static str {
    match s {
        InterviewStatus::Scheduled => "scheduled",
        InterviewStatus::InProgress => "in_progress",
        InterviewStatus::Completed => "completed",
        InterviewStatus::Cancelled => "cancelled",
    }
}

fn trigger_parts(t: &Trigger) -> (&'static str, String) {
    match t {
        Trigger::Cadence => ("cadence", String::new()),
        Trigger::Deliverable { name } => ("deliverable", name.clone()),
        Trigger::AdHoc => ("ad_hoc", String::new()),
        Trigger::SurveyImport {
            source,
            response_id,
        } => ("survey_import", format!("{source}:{response_id}")),
    }
}

/// Interview rows in id order.
pub fn interview_rows(data: &Dataset) -> Vec<InterviewExportRow> {
    data.interviews
        .iter()
        .map(|i| interview_row(data, i))
        .collect()
}

fn interview_row(data: &Dataset, i: &Interview) -> InterviewExportRow {
    let customer = data.customer(i.customer);
    let (trigger, trigger_detail) = trigger_parts(&i.trigger);
    InterviewExportRow {
        id: i.id.0,
        customer_id: i.customer.0,
        customer: customer.map(|c| c.name.clone()).unwrap_or_default(),
        status: status_name(i.status),
        trigger,
        trigger_detail,
        scheduled_at: i.scheduled_at.to_rfc3339(),
        duration_minutes: i.duration_minutes,
        completed_at: time(i.completed_at),
        executive: data.staff_name(i.executive).into(),
        contact: customer
            .and_then(|c| i.contact.and_then(|id| c.contact(id)))
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        lowest_score: i.lowest_score().map(|s| s.get()),
        average_score: i.average_score().map(|a| (a * 100.0).round() / 100.0),
        significant_issue: i.significant_issue,
        acknowledged_at: time(i.acknowledged_at),
        debriefed_at: time(i.debriefed_at),
        reported_at: time(i.reported_at),
        disseminated_at: time(i.disseminated_at),
        answers: i
            .answers
            .iter()
            .map(|a| AnswerExport {
                question: a.question_key.clone(),
                score: a.score.map(|s| s.get()),
                comment: a.comment.clone(),
                about_individual: a.individual,
            })
            .collect(),
    }
}

/// An action item in exports.
#[derive(Debug, Serialize)]
pub struct ActionExportRow {
    /// Our id.
    pub id: u64,
    /// Customer id.
    pub customer_id: u64,
    /// Customer name.
    pub customer: String,
    /// corrective or preventive.
    pub kind: &'static str,
    /// One line.
    pub title: String,
    /// Description.
    pub detail: String,
    /// Owner's name.
    pub owner: String,
    /// RFC 3339 or empty.
    pub due: String,
    /// todo, doing, done or followed_up.
    pub state: &'static str,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339 or empty.
    pub done_at: String,
    /// RFC 3339 or empty.
    pub followed_up_at: String,
    /// Follow-up id or null.
    pub followup_id: Option<u64>,
    /// Interview id or null.
    pub interview_id: Option<u64>,
}

/// Action rows in id order.
pub fn action_rows(data: &Dataset) -> Vec<ActionExportRow> {
    data.actions.iter().map(|a| action_row(data, a)).collect()
}

fn action_row(data: &Dataset, a: &ActionItem) -> ActionExportRow {
    ActionExportRow {
        id: a.id.0,
        customer_id: a.customer.0,
        customer: data
            .customer(a.customer)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        kind: a.kind.as_str(),
        title: a.title.clone(),
        detail: a.detail.clone(),
        owner: data.staff_name(a.owner).into(),
        due: time(a.due),
        state: a.state.as_str(),
        created_at: a.created_at.to_rfc3339(),
        done_at: time(a.done_at),
        followed_up_at: time(a.followed_up_at),
        followup_id: a.followup.map(|f| f.0),
        interview_id: a.interview.map(|i| i.0),
    }
}

/// Writes rows as a JSON array or as CSV. In CSV, nested lists of objects (interview answers)
/// become numbered columns: `q1_question`, `q1_score`, ...
pub fn write_rows<T: Serialize, W: Write>(
    rows: &[T],
    format: Format,
    out: W,
) -> Result<(), ExportError> {
    match format {
        Format::Json => {
            let mut out = out;
            super::safe_json::to_writer_pretty(&mut out, rows)?;
            writeln!(out)?;
            Ok(())
        }
        Format::Csv => write_csv(rows, out),
    }
}

fn write_csv<T: Serialize, W: Write>(rows: &[T], out: W) -> Result<(), ExportError> {
    let flat: Vec<Vec<(String, String)>> = rows
        .iter()
        .map(|r| serde_json::to_value(r).map(|v| flatten(&v)))
        .collect::<Result<_, _>>()?;
    let mut headers: Vec<String> = Vec::new();
    for row in &flat {
        for (k, _) in row {
            if !headers.contains(k) {
                headers.push(k.clone());
            }
        }
    }
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(&headers)?;
    for row in &flat {
        let cells = headers.iter().map(|h| {
            row.iter()
                .find(|(k, _)| k == h)
                // Cleaned on the way out as well: a store written before input was cleaned
                // must not carry escape sequences into a file people `cat` or open.
                .map(|(_, v)| guard_cell(&crate::core::sanitize::terminal(v)).into_owned())
                .unwrap_or_default()
        });
        writer.write_record(cells)?;
    }
    writer.flush()?;
    Ok(())
}

/// Turns one JSON object into ordered (column, text) pairs.
fn flatten(value: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Value::Object(map) = value {
        for (key, v) in map {
            match v {
                Value::Array(items) => {
                    for (n, item) in items.iter().enumerate() {
                        for (sub, text) in flatten(item) {
                            out.push((format!("q{}_{sub}", n + 1), text));
                        }
                    }
                }
                other => out.push((key.clone(), scalar(other))),
            }
        }
    }
    out
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}
