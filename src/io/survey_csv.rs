//! Reading survey exports: Qualtrics, SurveyMonkey and Typeform as those tools write them, or
//! any CSV with one header row, into [`SurveyResponse`]s through a [`SurveyMap`].
//!
//! The layouts differ in their header rows, which is why the layout is detected first:
//! - **Qualtrics**: row 1 holds column ids (`ResponseId`, `RecipientEmail`, `Q1`, `Q1_TEXT`),
//!   row 2 the question texts, row 3 import ids as JSON (`{"ImportId":"QID1"}`); data from row 4.
//! - **SurveyMonkey**: row 1 holds `Respondent ID`, `Collector ID`, ... and the question texts
//!   (a question with several columns names only its first), row 2 the sub-headers (`Response`,
//!   `Open-Ended Response`, ...); data from row 3.
//! - **Typeform**: one header row, `#` first, question texts, then `Submit Date (UTC)`.
//!
//! Line numbers are the lines where records start, counted the way an editor counts them
//! (CRLF, LF or a lone CR end a line; quoted line breaks count).

use crate::core::excerpt::excerpt;
use crate::core::sanitize;
use crate::core::survey_import::SurveyResponse;
use crate::io::customers_csv::RowError;
use crate::io::headers::normalise;
use crate::io::survey_map::{ColumnRef, SurveyMap};
use std::collections::HashMap;
use std::io::Read;

mod layout;
mod rows;

pub use layout::SurveyLayout;
use layout::{columns, detect};

/// Why a survey file could not be read at all.
#[derive(thiserror::Error, Debug)]
pub enum SurveyFileError {
    /// The bytes could not be read.
    #[error("could not read the file: {0}")]
    Unreadable(#[from] std::io::Error),
    /// The file is in another encoding.
    #[error(
        "the file is not UTF-8: invalid bytes at byte offset {offset} (line {line}); export it \
         as CSV (UTF-8) and import again"
    )]
    NotUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
        /// Line of the first invalid byte.
        line: u64,
    },
    /// UTF-16 (Qualtrics' TSV, Excel's "Unicode Text").
    #[error("the file is UTF-16, not UTF-8; export it as CSV (UTF-8) and import again")]
    Utf16,
    /// Nothing in the file.
    #[error("the file is empty; it should start with the survey's header row")]
    NoHeader,
    /// The map names one layout, the headers show another.
    #[error("the map says layout = '{declared}' but the file is a {found}; fix the map")]
    LayoutMismatch {
        /// What the map says.
        declared: &'static str,
        /// What the headers show.
        found: &'static str,
    },
    /// A map key names a column the file does not have (or several).
    #[error("map key '{key}': {problem}")]
    Column {
        /// The map key, e.g. `questions.overall.score`.
        key: String,
        /// What is wrong, with the columns found.
        problem: String,
    },
}

/// One column of an export and the names the map may call it by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Column {
    /// The header as shown to the user.
    pub header: String,
    /// The question's wording, stored with answers.
    pub question: String,
    /// Normalised names, most specific first: a header matches the first tier that has it.
    names: [String; 3],
    /// The time zone a Qualtrics import id gives for a date column.
    pub time_zone: Option<String>,
}

/// An export's columns and data rows, header rows consumed.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyTable {
    /// Which tool wrote it.
    pub layout: SurveyLayout,
    /// Its columns.
    pub columns: Vec<Column>,
    /// Non-blank data rows with the line each starts on.
    pub rows: Vec<(u64, csv::StringRecord)>,
    /// Rows the CSV reader could not read.
    pub errors: Vec<RowError>,
}

/// The key a header or a map reference is compared by: `normalise`d, or the trimmed text when
/// that leaves nothing (Typeform's `#`).
fn column_key(text: &str) -> String {
    let key = normalise(text);
    if key.is_empty() {
        text.trim().to_string()
    } else {
        key
    }
}

/// Byte offsets where lines start, to turn a csv position into the line a record starts on.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(data: &[u8]) -> LineStarts {
        let ends = data
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && data.get(i + 1) != Some(&b'\n')));
        LineStarts(std::iter::once(0).chain(ends.map(|(i, _)| i + 1)).collect())
    }

    /// The 1-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> u64 {
        self.0.partition_point(|&start| start <= offset) as u64
    }

    /// The line of the record whose csv position is `byte`: the reader reports where the
    /// previous record ended, so its terminator and blank lines are skipped first.
    fn record_line(&self, data: &[u8], byte: u64) -> u64 {
        let mut at = usize::try_from(byte).unwrap_or(usize::MAX).min(data.len());
        while matches!(data.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        self.line_of(at)
    }
}

/// Reads an export's header rows and data rows; `declared` is the layout the map names.
pub fn read_table<R: Read>(
    mut reader: R,
    declared: Option<SurveyLayout>,
) -> Result<SurveyTable, SurveyFileError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(SurveyFileError::Utf16);
    }
    if let Err(e) = std::str::from_utf8(&bytes) {
        let offset = e.valid_up_to();
        let line = LineStarts::new(&bytes).line_of(offset);
        return Err(SurveyFileError::NotUtf8 { offset, line });
    }
    let data = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let lines = LineStarts::new(data);
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(data);
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for result in csv.records() {
        match result {
            Ok(record) => {
                let line = lines.record_line(data, record.position().map_or(0, |p| p.byte()));
                records.push((line, record));
            }
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| lines.record_line(data, p.byte()));
                let reason = format!("could not read this row: {e}");
                errors.push(RowError { line, reason });
            }
        }
    }
    if crate::io::csv_checks::unclosed_quote(data).is_some()
        && let Some((line, _)) = records.pop()
    {
        // The record holding the quote swallowed the rest of the file: none of it is a row.
        errors.retain(|e: &RowError| e.line != line);
        let last = crate::io::csv_file::last_line(data);
        let reason = crate::io::csv_checks::unclosed_message(line, last);
        errors.push(RowError { line, reason });
    }
    let Some((_, first)) = records.first() else {
        return Err(SurveyFileError::NoHeader);
    };
    let first: Vec<String> = first.iter().map(sanitize::line).collect();
    let found = detect(&first, records.get(2).map(|(_, r)| r));
    let layout = match (declared, found) {
        (Some(d), Some(f)) if d != f => {
            return Err(SurveyFileError::LayoutMismatch {
                declared: d.name(),
                found: f.label(),
            });
        }
        (Some(layout), _) | (None, Some(layout)) => layout,
        (None, None) => SurveyLayout::Generic,
    };
    let (columns, header_rows) = columns(layout, &records);
    let mut rows = Vec::with_capacity(records.len().saturating_sub(header_rows));
    for (line, record) in records.into_iter().skip(header_rows) {
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match crate::io::csv_checks::swallowed(&record, &first, line) {
            Some(reason) => errors.push(RowError { line, reason }),
            None => rows.push((line, record)),
        }
    }
    Ok(SurveyTable {
        layout,
        columns,
        rows,
        errors,
    })
}

impl SurveyTable {
    /// The index of the column `column` names: a position, or the one column whose name
    /// matches at the most specific tier that matches at all (ids, then question texts,
    /// then import ids or sub-headers). Two columns at that tier is an error, never a guess.
    pub fn find(&self, column: &ColumnRef) -> Result<usize, String> {
        let header = match column {
            ColumnRef::Position(n) => {
                return (*n <= self.columns.len()).then(|| n - 1).ok_or_else(|| {
                    format!(
                        "column {n} does not exist; the file has {} columns",
                        self.columns.len()
                    )
                });
            }
            ColumnRef::Header(h) => h,
        };
        let key = column_key(header);
        for tier in 0..3 {
            let hits: Vec<usize> = (0..self.columns.len())
                .filter(|&i| self.columns[i].names[tier] == key)
                .collect();
            match hits.as_slice() {
                [] => continue,
                [one] => return Ok(*one),
                many => {
                    let at: Vec<String> = many.iter().map(|i| (i + 1).to_string()).collect();
                    return Err(format!(
                        "'{}' names columns {}; name it by position instead",
                        excerpt(header),
                        at.join(", ")
                    ));
                }
            }
        }
        let found: Vec<String> = self.columns.iter().map(|c| excerpt(&c.header)).collect();
        Err(format!(
            "no column is named '{}' in this {}; the columns are: {}",
            excerpt(header),
            self.layout.label(),
            found.join(", ")
        ))
    }
}

/// The readable responses of an export and the rows that were not.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedResponses {
    /// Which tool wrote the file.
    pub layout: SurveyLayout,
    /// The source stored with each response (the map's, else the layout's name).
    pub source: String,
    /// Responses in file order.
    pub responses: Vec<SurveyResponse>,
    /// Rows not read, in file order.
    pub errors: Vec<RowError>,
    /// Things the user should know (e.g. a time zone the export names).
    pub notes: Vec<String>,
}

/// Reads a survey export through `map`.
pub fn parse_responses<R: Read>(
    reader: R,
    map: &SurveyMap,
) -> Result<ParsedResponses, SurveyFileError> {
    let table = read_table(reader, map.layout)?;
    let binding = rows::Binding::new(&table, map)?;
    let mut parsed = ParsedResponses {
        layout: table.layout,
        source: map
            .source
            .clone()
            .unwrap_or_else(|| table.layout.name().to_string()),
        responses: Vec::new(),
        errors: table.errors.clone(),
        notes: binding.notes(&table, map),
    };
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (line, record) in &table.rows {
        let line = *line;
        let response = match binding.read(&table, map, record, line) {
            Ok(response) => response,
            Err(reason) => {
                parsed.errors.push(RowError { line, reason });
                continue;
            }
        };
        if let Some(first) = seen.get(&response.response_id) {
            let reason = format!(
                "same response id '{}' as line {first}; only the first is imported",
                excerpt(&response.response_id)
            );
            parsed.errors.push(RowError { line, reason });
            continue;
        }
        seen.insert(response.response_id.clone(), line);
        parsed.responses.push(response);
    }
    parsed.errors.sort_by_key(|e| e.line);
    Ok(parsed)
}

#[cfg(test)]
mod tests;
