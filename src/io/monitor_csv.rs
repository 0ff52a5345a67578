//! Reading an ERP or quality export (one header row, any columns) through a [`MonitorMap`]
//! into [`MonitorRow`]s, and every row that cannot be read with its line, column and reason.

use super::customers_csv::RowError;
use super::monitor_map::{KindName, KindSource, MonitorMap};
use super::survey_csv::{SurveyFileError, SurveyLayout, SurveySource, SurveyTable, open_rows};
use super::survey_map::ColumnRef;
use crate::core::excerpt::excerpt;
use crate::core::monitors::{MonitorKind, MonitorRow, date_instant};
use crate::core::{Money, sanitize};
use crate::io::csv_checks::{MAX_LINE_CHARS, too_long};
use std::io::Read;

/// The rows of an export read through a map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedMonitors {
    /// Rows read, in file order.
    pub rows: Vec<MonitorRow>,
    /// Rows not read, in file order.
    pub errors: Vec<RowError>,
    /// Rows of a kind the map says to ignore.
    pub ignored: usize,
    /// The columns the customer is found by, for messages: `columns 'No.', 'Name'`.
    pub customer_columns: String,
    /// The document number's column, for messages: `column 'Delivery'`.
    pub reference_column: String,
}

/// The map's columns as indices into the export.
struct Binding {
    crm_id: Option<usize>,
    customer: Option<usize>,
    email: Option<usize>,
    kind: Option<usize>,
    date: Option<usize>,
    promised: Option<usize>,
    delivered: Option<usize>,
    reference: usize,
    amount: Option<usize>,
    currency: Option<usize>,
    note: Option<usize>,
}

/// Reads the export in `reader` through `map`. A column the map names that the file lacks
/// refuses the whole file (naming the map key); a bad row is a [`RowError`].
pub fn parse_monitors<R: Read>(
    reader: R,
    map: &MonitorMap,
) -> Result<ParsedMonitors, SurveyFileError> {
    let source = SurveySource::read(reader)?;
    let reading = open_rows(&source, Some(SurveyLayout::Generic))?;
    let table = SurveyTable::header_only(reading.layout, reading.columns.clone());
    let find = |key: &str, column: &ColumnRef| table.column(key, column);
    let opt = |key: &str, column: &Option<ColumnRef>| table.optional(key, column);
    let b = Binding {
        crm_id: opt("crm_id", &map.crm_id)?,
        customer: opt("customer", &map.customer)?,
        email: opt("email", &map.email)?,
        kind: match &map.kind {
            KindSource::Fixed(_) => None,
            KindSource::Column(column, _) => Some(find("kind_column", column)?),
        },
        date: opt("date", &map.date)?,
        promised: opt("promised", &map.promised)?,
        delivered: opt("delivered", &map.delivered)?,
        reference: find("reference", &map.reference)?,
        amount: opt("amount", &map.amount)?,
        currency: opt("currency_column", &map.currency_column)?,
        note: opt("note", &map.note)?,
    };
    let who = table.quoted(&[b.crm_id, b.customer, b.email]);
    let mut parsed = ParsedMonitors {
        customer_columns: format!(
            "column{} {}",
            if who.len() == 1 { "" } else { "s" },
            who.join(", ")
        ),
        reference_column: format!("column {}", table.quoted(&[Some(b.reference)]).concat()),
        ..ParsedMonitors::default()
    };
    for row in reading {
        let (line, record) = match row {
            Ok(row) => row,
            Err(e) => {
                parsed.errors.push(e);
                continue;
            }
        };
        match read_row(&b, &table, map, &record, line) {
            Ok(Some(row)) => parsed.rows.push(row),
            Ok(None) => parsed.ignored += 1,
            Err(reason) => parsed.errors.push(RowError { line, reason }),
        }
    }
    Ok(parsed)
}

/// One data row as an event; `None` for a row of a kind the map ignores.
fn read_row(
    b: &Binding,
    table: &SurveyTable,
    map: &MonitorMap,
    record: &csv::StringRecord,
    line: u64,
) -> Result<Option<MonitorRow>, String> {
    table.fits(record)?;
    let cell = |i: usize| record.get(i).unwrap_or("");
    let header = |i: usize| table.header(i);
    let all = [
        b.crm_id,
        b.customer,
        b.email,
        b.kind,
        b.date,
        b.promised,
        b.delivered,
        Some(b.reference),
        b.amount,
        b.currency,
        b.note,
    ];
    for i in all.into_iter().flatten() {
        if let Some(problem) = too_long(&header(i), cell(i), MAX_LINE_CHARS) {
            return Err(problem);
        }
    }
    let text = |i: Option<usize>| i.map(|i| sanitize::line(cell(i))).unwrap_or_default();
    let kind = match b.kind {
        None => map.kind_of(""),
        Some(i) => map
            .kind_of(cell(i))
            .map_err(|e| format!("{e} (column '{}')", header(i))),
    }?;
    if kind == KindName::Ignore {
        return Ok(None);
    }
    let mut problems = Vec::new();
    let mut date = |i: Option<usize>, what: &str, required: bool| {
        let Some(i) = i else {
            if required {
                problems.push(format!(
                    "a {what} needs a date; the map names no {} column",
                    if what == "delivery" {
                        "promised"
                    } else {
                        "date"
                    }
                ));
            }
            return None;
        };
        let value = cell(i).trim();
        if value.is_empty() {
            if required {
                problems.push(format!("the date is blank (column '{}')", header(i)));
            }
            return None;
        }
        map.date(value)
            .map_err(|e| problems.push(format!("{e} (column '{}')", header(i))))
            .ok()
    };
    let is_delivery = kind == KindName::Delivery;
    let label = match kind {
        KindName::Claim => "warranty claim",
        KindName::Return => "return",
        _ => "credit note",
    };
    let on = date(b.date, label, !is_delivery);
    let promised = if is_delivery {
        date(b.promised, "delivery", true)
    } else {
        None
    };
    let delivered = if is_delivery {
        date(b.delivered, "delivery", false)
    } else {
        None
    };
    let reference = text(Some(b.reference));
    if reference.is_empty() {
        problems.push(format!(
            "the document number is blank (column '{}'); every row needs one",
            header(b.reference)
        ));
    }
    let amount = match (kind, b.amount) {
        (KindName::CreditNote, Some(i)) if !cell(i).trim().is_empty() => {
            let currency = b
                .currency
                .map(|c| cell(c).trim().to_ascii_uppercase())
                .filter(|c| !c.is_empty())
                .or_else(|| map.currency.clone())
                .unwrap_or_default();
            match credit_amount(cell(i), &currency) {
                Ok(m) => Some(m),
                Err(e) => {
                    problems.push(format!("{e} (column '{}')", header(i)));
                    None
                }
            }
        }
        _ => None,
    };
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    let kind = match kind {
        KindName::Delivery => {
            let Some(promised) = promised else {
                return Err("a delivery needs its promised date".into());
            };
            MonitorKind::Delivery {
                promised: date_instant(promised),
                delivered: delivered.map(date_instant),
            }
        }
        KindName::Claim => MonitorKind::Claim,
        KindName::Return => MonitorKind::Return,
        KindName::CreditNote | KindName::Ignore => MonitorKind::CreditNote { amount },
    };
    let on = match (&kind, on) {
        (_, Some(on)) => date_instant(on),
        (
            MonitorKind::Delivery {
                promised,
                delivered,
            },
            None,
        ) => delivered.unwrap_or(*promised),
        (_, None) => return Err("the row has no date".into()),
    };
    Ok(Some(MonitorRow {
        line,
        crm_id: text(b.crm_id),
        name: text(b.customer),
        email: text(b.email),
        kind,
        on,
        reference,
        note: text(b.note),
    }))
}

/// A credit note's amount: ERP exports often write credits negative (`-1.250,00`, `(125.00)`);
/// the amount credited is the same either way.
fn credit_amount(cell: &str, currency: &str) -> Result<Money, String> {
    let t = cell.trim();
    let unsigned = t
        .strip_prefix('-')
        .or_else(|| t.strip_suffix('-'))
        .or_else(|| t.strip_prefix('(').and_then(|r| r.strip_suffix(')')))
        .unwrap_or(t);
    let money = Money::parse(unsigned, currency).map_err(|e| e.to_string())?;
    if !crate::core::money::is_currency_code(&money.currency) {
        return Err(format!(
            "'{}' names no currency; add currency = \"EUR\" to the map or a currency column",
            excerpt(t)
        ));
    }
    Ok(money)
}
