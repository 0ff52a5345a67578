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
use crate::core::survey_import::SurveyResponse;
use crate::io::customers_csv::RowError;
use crate::io::headers::normalise;
use crate::io::survey_map::{ColumnRef, SurveyMap};
use std::io::Read;

mod layout;
mod rows;
mod source;
mod stream;

pub use layout::SurveyLayout;
pub use source::SurveySource;
pub use stream::{ResponseReader, SurveyRows, open_rows, read_responses};

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

/// Reads an export's header rows and data rows; `declared` is the layout the map names.
pub fn read_table<R: Read>(
    reader: R,
    declared: Option<SurveyLayout>,
) -> Result<SurveyTable, SurveyFileError> {
    let source = SurveySource::read(reader)?;
    let reading = open_rows(&source, declared)?;
    let (layout, columns) = (reading.layout, reading.columns.clone());
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    for row in reading {
        match row {
            Ok(row) => rows.push(row),
            Err(e) => errors.push(e),
        }
    }
    errors.sort_by_key(|e| e.line);
    Ok(SurveyTable {
        layout,
        columns,
        rows,
        errors,
    })
}

impl SurveyTable {
    /// The columns of an export whose rows are streamed (see [`open_rows`]): the map's keys are
    /// looked up here before the first row is read.
    pub fn header_only(layout: SurveyLayout, columns: Vec<Column>) -> SurveyTable {
        SurveyTable {
            layout,
            columns,
            rows: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// [`Self::find`] for the map key `key`: a column the file lacks refuses the whole file,
    /// naming the key.
    pub fn column(&self, key: &str, column: &ColumnRef) -> Result<usize, SurveyFileError> {
        self.find(column)
            .map_err(|problem| SurveyFileError::Column {
                key: key.to_string(),
                problem,
            })
    }

    /// [`Self::column`] for a map key that may be left out.
    pub fn optional(
        &self,
        key: &str,
        column: &Option<ColumnRef>,
    ) -> Result<Option<usize>, SurveyFileError> {
        column.as_ref().map(|c| self.column(key, c)).transpose()
    }

    /// Refuses a data row with more fields than the header has (a comma in an unquoted value).
    pub fn fits(&self, record: &csv::StringRecord) -> Result<(), String> {
        if record.len() > self.columns.len() {
            return Err(format!(
                "has {} fields but the header has {}; a value containing a comma must be in \
                 double quotes",
                record.len(),
                self.columns.len()
            ));
        }
        Ok(())
    }

    /// The header of column `i` as messages quote it (blank past the last column).
    pub fn header(&self, i: usize) -> String {
        self.columns
            .get(i)
            .map_or_else(String::new, |c| excerpt(&c.header))
    }

    /// The headers of the columns among `found`, quoted as messages name them ('Email').
    pub fn quoted(&self, found: &[Option<usize>]) -> Vec<String> {
        found
            .iter()
            .flatten()
            .filter_map(|&i| self.columns.get(i))
            .map(|c| format!("'{}'", excerpt(&c.header)))
            .collect()
    }

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

/// Reads a survey export through `map`, all at once (see [`read_responses`] to stream).
pub fn parse_responses<R: Read>(
    reader: R,
    map: &SurveyMap,
) -> Result<ParsedResponses, SurveyFileError> {
    let source = SurveySource::read(reader)?;
    let reading = read_responses(&source, map)?;
    let mut parsed = ParsedResponses {
        layout: reading.table.layout,
        source: reading.source.clone(),
        responses: Vec::new(),
        errors: Vec::new(),
        notes: reading.notes.clone(),
    };
    for item in reading {
        match item {
            Ok(response) => parsed.responses.push(response),
            Err(e) => parsed.errors.push(e),
        }
    }
    parsed.errors.sort_by_key(|e| e.line);
    Ok(parsed)
}

#[cfg(test)]
mod tests;
