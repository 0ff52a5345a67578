//! Reading customer lists exported by CRMs (HubSpot, Salesforce, Zoho) or written by hand.
//!
//! The whole file is read into memory first (CRM exports are a few megabytes at most): that lets
//! us reject a non-UTF-8 file with the exact byte and line, strip the BOM, and count lines
//! ourselves. We do not use `csv::Position::line()`: with CRLF endings or skipped blank lines it
//! reports the line where the *previous* record ended, not where this one starts.

use crate::core::crm_triggers::column_key;
use crate::core::customer_import::{ContactRow, CustomerRow};
use crate::core::excerpt::excerpt;
use crate::core::{Money, Tier, sanitize};
use crate::io::csv_checks::{MAX_LINE_CHARS, swallowed, too_long};
use crate::io::headers::{Columns, Field, Layout, assign_columns, detect_layout};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;

pub(crate) use crate::io::csv_file::{LineCounter, read_headers, read_utf8, unclosed_row};

/// A row that was not imported, and why, in words a person understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line where the record starts (the header is line 1).
    pub line: u64,
    /// What is wrong and, where it helps, what would be accepted.
    pub reason: String,
}

/// The readable rows of a customer file and the rows that were not.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedCustomers {
    /// Which program wrote the file, guessed from the headers.
    pub layout: Layout,
    /// Rows ready for `plan_import`, in file order.
    pub rows: Vec<CustomerRow>,
    /// Rows not imported, in file order.
    pub errors: Vec<RowError>,
    /// Headers that feed no field.
    pub ignored_columns: Vec<String>,
    /// Watched columns (the triggers') that no header names, as configured.
    pub missing_watched: Vec<String>,
}

/// Why a file could not be read at all.
#[derive(thiserror::Error, Debug)]
pub enum CsvFileError {
    /// The bytes could not be read.
    #[error("could not read the file: {0}")]
    Unreadable(#[from] std::io::Error),
    /// The file is in another encoding (Windows-1252, Latin-1, ...).
    #[error(
        "the file is not UTF-8: invalid bytes at byte offset {offset} (line {line}); \
         save it as \"CSV UTF-8\" and import again"
    )]
    NotUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
        /// Line of the first invalid byte.
        line: u64,
    },
    /// The file is UTF-16 (Excel's "Unicode Text").
    #[error("the file is UTF-16, not UTF-8; save it as \"CSV UTF-8\" and import again")]
    Utf16,
    /// Empty file, or an empty first row.
    #[error(
        "the file has no header row; its first line must name the columns, e.g. name,size,tier"
    )]
    NoHeader,
    /// No header names the customer.
    #[error(
        "no column holds the customer name (expected e.g. \"name\", \"Company name\" or \
         \"Account Name\"); the columns found are: {}",
        found.join(", ")
    )]
    NoNameColumn {
        /// The headers that were found.
        found: Vec<String>,
    },
    /// The CSV structure itself could not be read.
    #[error("could not read the CSV: {0}")]
    Malformed(String),
}

/// Whether a cell would be read as a formula by a spreadsheet, after any guard quotes.
fn looks_like_formula(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Guards a cell for export: a cell matching `^'*[=+\-@\t\r]` gets one leading `'` so
/// spreadsheets show it as text instead of running it.
pub fn guard_cell(cell: &str) -> Cow<'_, str> {
    if looks_like_formula(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Reverses [`guard_cell`]: a cell matching `^'+[=+\-@\t\r]` loses exactly one leading `'`.
pub fn unguard_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => cell,
    }
}

/// Reads a customer CSV; `default_currency` applies to sizes without a currency column,
/// symbol or code.
pub fn parse_customers<R: Read>(
    reader: R,
    default_currency: &str,
) -> Result<ParsedCustomers, CsvFileError> {
    parse_customers_watching(reader, default_currency, &[])
}

/// [`parse_customers`], also keeping each row's values of the `watched` columns (header names,
/// any case) for the CRM triggers. A watched column may also feed a field.
pub fn parse_customers_watching<R: Read>(
    reader: R,
    default_currency: &str,
    watched: &[String],
) -> Result<ParsedCustomers, CsvFileError> {
    let bytes = read_utf8(reader)?;
    let data = bytes.as_slice();
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(data);
    let headers = read_headers(&mut csv)?;
    let columns = assign_columns(&headers);
    if columns.get(Field::Name).is_none() {
        let found = headers.iter().map(|h| excerpt(h)).collect();
        return Err(CsvFileError::NoNameColumn { found });
    }
    let mut watched_at = Vec::new();
    let mut missing_watched = Vec::new();
    for column in watched {
        let key = column_key(column);
        match headers.iter().position(|h| column_key(h) == key) {
            Some(at) => watched_at.push((key, at)),
            None => missing_watched.push(column.clone()),
        }
    }
    let reader = RowReader {
        headers: &headers,
        columns: &columns,
        default_currency,
    };
    let watched_headers: Vec<&str> = watched_at
        .iter()
        .filter_map(|(_, at)| headers.get(*at).map(String::as_str))
        .collect();
    let mut parsed = ParsedCustomers {
        layout: detect_layout(&headers),
        rows: Vec::new(),
        errors: Vec::new(),
        // A watched column feeds the triggers: it is not ignored.
        ignored_columns: (columns.ignored.iter())
            .filter(|h| !watched_headers.contains(&h.as_str()))
            .cloned()
            .collect(),
        missing_watched,
    };
    let mut lines = LineCounter::new(data);
    let mut seen_ids: HashMap<String, u64> = HashMap::new();
    let mut last_record = 1;
    for result in csv.records() {
        let (record, line) = match result {
            Ok(record) => {
                let line = lines.line_at(record.position().map_or(0, |p| p.byte()));
                (record, line)
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                let reason = format!("could not read this row: {e}");
                parsed.errors.push(RowError { line, reason });
                continue;
            }
        };
        last_record = line;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue; // a blank line, or a row of empty cells
        }
        if let Some(reason) = swallowed(&record, &headers, line) {
            parsed.errors.push(RowError { line, reason });
            continue;
        }
        let mut row = match reader.read(&record, line) {
            Ok(row) => row,
            Err(reason) => {
                parsed.errors.push(RowError { line, reason });
                continue;
            }
        };
        row.watched = watched_at
            .iter()
            .filter_map(|(key, at)| {
                let cell = sanitize::line(unguard_cell(record.get(*at)?));
                (!cell.is_empty()).then(|| (key.clone(), cell))
            })
            .collect();
        if let Some(id) = row.crm_id.take() {
            if let Some(first) = seen_ids.get(&id) {
                let reason = format!(
                    "same CRM id '{}' as line {first}; only the first is imported",
                    excerpt(&id)
                );
                parsed.errors.push(RowError { line, reason });
                continue;
            }
            seen_ids.insert(id.clone(), line);
            row.crm_id = Some(id);
        }
        parsed.rows.push(row);
    }
    if let Some(unclosed) = unclosed_row(data, last_record) {
        // The record holding the quote swallowed the rest of the file: none of it is a row.
        parsed.rows.retain(|r| r.line != last_record);
        parsed.errors.retain(|e| e.line != last_record);
        parsed.errors.push(unclosed);
    }
    Ok(parsed)
}

/// What every row needs to be read.
struct RowReader<'a> {
    headers: &'a [String],
    columns: &'a Columns,
    default_currency: &'a str,
}

impl RowReader<'_> {
    /// The cleaned cell for `field`, or `None` when there is no such column or it is blank.
    fn cell(&self, record: &csv::StringRecord, field: Field) -> Option<String> {
        let raw = record.get(self.columns.get(field)?)?;
        Some(sanitize::line(unguard_cell(raw))).filter(|s| !s.is_empty())
    }

    /// The header of the column that feeds `field`, shortened for messages.
    fn header(&self, field: Field) -> String {
        self.columns
            .get(field)
            .and_then(|i| self.headers.get(i))
            .map_or_else(String::new, |h| excerpt(h))
    }

    /// One record as a row, or every reason it cannot be imported.
    fn read(&self, record: &csv::StringRecord, line: u64) -> Result<CustomerRow, String> {
        if record.len() > self.headers.len() {
            return Err(format!(
                "has {} fields but the header has {}; a value containing a comma must be in \
                 double quotes",
                record.len(),
                self.headers.len()
            ));
        }
        // A cell too long to be real is reported alone: the others are probably fine.
        for (field, index) in self.columns.fields() {
            let raw = record.get(index).unwrap_or("");
            if let Some(problem) = too_long(&self.header(field), raw, MAX_LINE_CHARS) {
                return Err(problem);
            }
        }
        let mut problems = Vec::new();
        let name = self.cell(record, Field::Name).unwrap_or_else(|| {
            let header = self.header(Field::Name);
            problems.push(format!("the name is blank (column '{header}')"));
            String::new()
        });
        let currency = match self.cell(record, Field::Currency) {
            Some(code) if code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic()) => {
                code.to_ascii_uppercase()
            }
            Some(other) => {
                let header = self.header(Field::Currency);
                problems.push(format!(
                    "currency '{}' is not a three-letter ISO code such as USD or EUR \
                     (column '{header}')",
                    excerpt(&other)
                ));
                self.default_currency.to_string()
            }
            None => self.default_currency.to_string(),
        };
        let size = self.size(record, &currency).unwrap_or_else(|problem| {
            problems.push(problem);
            None
        });
        let tier = match self.cell(record, Field::Tier) {
            None => None,
            Some(text) => Tier::parse(&text).or_else(|| {
                let header = self.header(Field::Tier);
                problems.push(format!(
                    "tier '{}' is not known (column '{header}'); use key, growth or standard \
                     (also accepted: strategic, enterprise, tier 1/2/3, A/B/C, platinum, gold, \
                     silver, bronze, mid-market, SMB)",
                    excerpt(&text)
                ));
                None
            }),
        };
        if !problems.is_empty() {
            return Err(problems.join("; "));
        }
        let text = |field| self.cell(record, field);
        let contact = match (text(Field::ContactName), text(Field::ContactEmail)) {
            // A role or phone alone names nobody we could talk to.
            (None, None) => None,
            (name, email) => Some(ContactRow {
                name: name.unwrap_or_default(),
                role: text(Field::ContactRole).unwrap_or_default(),
                email: email.unwrap_or_default(),
                phone: text(Field::ContactPhone).unwrap_or_default(),
            }),
        };
        Ok(CustomerRow {
            line,
            crm_id: text(Field::CrmId),
            name,
            size,
            tier,
            segment: text(Field::Segment),
            region: text(Field::Region),
            account_manager: text(Field::AccountManager),
            salesperson: text(Field::Salesperson),
            service_manager: text(Field::ServiceManager),
            executive_sponsor: text(Field::ExecutiveSponsor),
            contact,
            watched: Vec::new(),
        })
    }

    /// The size from `size_minor` (exact, preferred) or the amount column.
    fn size(&self, record: &csv::StringRecord, currency: &str) -> Result<Option<Money>, String> {
        if let Some(text) = self.cell(record, Field::SizeMinor) {
            return match text.parse::<i64>() {
                Ok(minor) if minor >= 0 => Ok(Some(Money::new(minor, currency))),
                _ => Err(format!(
                    "column '{}': '{}' is not a whole, non-negative number of minor units \
                     (cents)",
                    self.header(Field::SizeMinor),
                    excerpt(&text)
                )),
            };
        }
        match self.cell(record, Field::Size) {
            None => Ok(None),
            // An amount is a few characters; the parser's message would quote all of a long one.
            Some(text) if text.chars().count() > crate::core::excerpt::SHOWN_CHARS => Err(format!(
                "column '{}': '{}' is not an amount (expected e.g. 1250000, 1,250,000.00 or $1.25M)",
                self.header(Field::Size),
                excerpt(&text)
            )),
            Some(text) => Money::parse(&text, currency)
                .map(Some)
                .map_err(|e| format!("column '{}': {e}", self.header(Field::Size))),
        }
    }
}

#[cfg(test)]
mod tests;
