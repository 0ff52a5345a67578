//! Reading our people from an HR or directory export (Workday, BambooHR, Azure AD / Entra,
//! Google Workspace, or a hand-made sheet): name, email, job title, manager and, when present,
//! employment status. Headers are matched like the CRM import's (case and punctuation ignored,
//! synonyms); encoding, BOM and line numbers go through the same readers.

use crate::core::excerpt::excerpt;
use crate::core::people_import::PersonRow;
use crate::core::sanitize;
use crate::io::csv_checks::{MAX_LINE_CHARS, swallowed, too_long};
use crate::io::customers_csv::{
    CsvFileError, LineCounter, RowError, read_headers, read_utf8, unclosed_row, unguard_cell,
};
use crate::io::headers::normalise;
use std::io::Read;

/// A column a people file can feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Name,
    First,
    Last,
    Email,
    Title,
    Manager,
    Status,
}

/// Normalised header -> column, most specific first (the first header found for a column wins,
/// and within one file a more specific synonym wins over a later generic one by this order).
const SYNONYMS: &[(&str, Col)] = &[
    ("fullname", Col::Name),
    ("displayname", Col::Name),
    ("employeename", Col::Name),
    ("preferredname", Col::Name),
    ("name", Col::Name),
    ("employee", Col::Name),
    ("firstname", Col::First),
    ("givenname", Col::First),
    ("first", Col::First),
    ("lastname", Col::Last),
    ("surname", Col::Last),
    ("familyname", Col::Last),
    ("last", Col::Last),
    ("workemail", Col::Email),
    ("businessemail", Col::Email),
    ("emailaddress", Col::Email),
    ("primaryemail", Col::Email),
    ("email", Col::Email),
    ("mail", Col::Email),
    ("userprincipalname", Col::Email),
    ("jobtitle", Col::Title),
    ("title", Col::Title),
    ("position", Col::Title),
    ("designation", Col::Title),
    ("role", Col::Title),
    ("managername", Col::Manager),
    ("manager", Col::Manager),
    ("reportsto", Col::Manager),
    ("linemanager", Col::Manager),
    ("supervisor", Col::Manager),
    ("employmentstatus", Col::Status),
    ("status", Col::Status),
    ("active", Col::Status),
    ("accountenabled", Col::Status),
];

/// Which header index feeds each column.
#[derive(Default)]
struct Columns {
    found: Vec<(Col, usize, usize)>,
    ignored: Vec<String>,
}

impl Columns {
    /// Picks, for each column, the header whose synonym comes first in [`SYNONYMS`].
    fn assign(headers: &[String]) -> Columns {
        let mut cols = Columns::default();
        for (i, h) in headers.iter().enumerate() {
            let key = normalise(h);
            let Some(rank) = SYNONYMS.iter().position(|(k, _)| *k == key) else {
                if !h.trim().is_empty() {
                    cols.ignored.push(h.clone());
                }
                continue;
            };
            let col = SYNONYMS[rank].1;
            match cols.found.iter_mut().find(|(c, _, _)| *c == col) {
                Some(slot) if rank < slot.2 => {
                    cols.ignored.push(headers[slot.1].clone());
                    *slot = (col, i, rank);
                }
                Some(_) => cols.ignored.push(h.clone()),
                None => cols.found.push((col, i, rank)),
            }
        }
        cols
    }

    fn get(&self, col: Col) -> Option<usize> {
        self.found
            .iter()
            .find(|(c, _, _)| *c == col)
            .map(|(_, i, _)| *i)
    }
}

/// Why a people file could not be read at all.
#[derive(thiserror::Error, Debug)]
pub enum PeopleFileError {
    /// Encoding, header or structure (the same checks as the customer import).
    #[error(transparent)]
    File(#[from] CsvFileError),
    /// No column names the person.
    #[error(
        "no column holds the person's name (expected e.g. \"Name\", \"Full Name\", or \"First Name\" and \"Last Name\"); the columns found are: {}",
        found.join(", ")
    )]
    NoNameColumn {
        /// The headers that were found.
        found: Vec<String>,
    },
}

/// The readable rows of a people file and the rows that were not.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedPeople {
    /// Rows ready for `plan_people`, in file order.
    pub rows: Vec<PersonRow>,
    /// Rows not read, in file order.
    pub errors: Vec<RowError>,
    /// Headers that feed nothing.
    pub ignored_columns: Vec<String>,
}

/// Reads an employment status: leavers are inactive; unknown words are an error.
fn status(text: &str) -> Result<bool, String> {
    match normalise(text).as_str() {
        "active" | "yes" | "true" | "1" | "current" | "employed" | "enabled" | "onleave" => {
            Ok(true)
        }
        "inactive" | "no" | "false" | "0" | "terminated" | "left" | "leaver" | "former"
        | "disabled" | "resigned" | "retired" => Ok(false),
        _ => Err(format!(
            "status '{}' is not known; use active or terminated (also: yes/no, true/false, left, disabled)",
            excerpt(text)
        )),
    }
}

/// Reads a people CSV.
pub fn parse_people<R: Read>(reader: R) -> Result<ParsedPeople, PeopleFileError> {
    let bytes = read_utf8(reader)?;
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes.as_slice());
    let headers = read_headers(&mut csv)?;
    let cols = Columns::assign(&headers);
    let has_name = cols.get(Col::Name).is_some()
        || cols.get(Col::First).is_some() && cols.get(Col::Last).is_some();
    if !has_name {
        let found = headers.iter().map(|h| excerpt(h)).collect();
        return Err(PeopleFileError::NoNameColumn { found });
    }
    let mut parsed = ParsedPeople {
        rows: Vec::new(),
        errors: Vec::new(),
        ignored_columns: cols.ignored.clone(),
    };
    let mut lines = LineCounter::new(&bytes);
    let mut last_record = 1;
    for result in csv.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                let reason = format!("could not read this row: {e}");
                parsed.errors.push(RowError { line, reason });
                continue;
            }
        };
        let line = lines.line_at(record.position().map_or(0, |p| p.byte()));
        last_record = line;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let broken = swallowed(&record, &headers, line).or_else(|| {
            cols.found.iter().find_map(|&(_, i, _)| {
                let header = headers.get(i).map_or("", String::as_str);
                too_long(header, record.get(i).unwrap_or(""), MAX_LINE_CHARS)
            })
        });
        if let Some(reason) = broken {
            parsed.errors.push(RowError { line, reason });
            continue;
        }
        let cell = |col: Col| {
            cols.get(col)
                .and_then(|i| record.get(i))
                .map(|raw| sanitize::line(unguard_cell(raw)))
                .unwrap_or_default()
        };
        let mut name = cell(Col::Name);
        if name.is_empty() {
            name = format!("{} {}", cell(Col::First), cell(Col::Last))
                .trim()
                .to_string();
        }
        if name.is_empty() {
            parsed.errors.push(RowError {
                line,
                reason: "the name is blank".into(),
            });
            continue;
        }
        let active = match cell(Col::Status) {
            s if s.is_empty() => None,
            s => match status(&s) {
                Ok(a) => Some(a),
                Err(reason) => {
                    parsed.errors.push(RowError { line, reason });
                    continue;
                }
            },
        };
        parsed.rows.push(PersonRow {
            line,
            name,
            email: cell(Col::Email),
            title: cell(Col::Title),
            manager: cell(Col::Manager),
            active,
        });
    }
    if let Some(unclosed) = unclosed_row(&bytes, last_record) {
        // The record holding the quote swallowed the rest of the file: none of it is a row.
        parsed.rows.retain(|r| r.line != last_record);
        parsed.errors.retain(|e| e.line != last_record);
        parsed.errors.push(unclosed);
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_first_and_last_names_status_and_reports_lines() {
        let text = "\u{feff}Employee ID,First Name,Last Name,Work Email,Job Title,Reports To,Employment Status\r\n\
                    1,Pat,Lee,pat@us.example,VP Sales,Sam Cole,Active\r\n\
                    \r\n\
                    2,,,,,,\r\n\
                    3,,,x@us.example,CEO,,Active\r\n\
                    4,Bo,Berg,bo@us.example,Engineer,Pat Lee,Terminated\r\n\
                    5,Cy,Ng,cy@us.example,Analyst,,on a boat\r\n";
        let parsed = parse_people(text.as_bytes()).expect("reads");
        assert_eq!(parsed.ignored_columns, vec!["Employee ID".to_string()]);
        let names: Vec<(&str, u64, Option<bool>)> = parsed
            .rows
            .iter()
            .map(|r| (r.name.as_str(), r.line, r.active))
            .collect();
        assert_eq!(
            names,
            vec![("Pat Lee", 2, Some(true)), ("Bo Berg", 6, Some(false))]
        );
        assert_eq!(parsed.rows[0].manager, "Sam Cole");
        let errs: Vec<u64> = parsed.errors.iter().map(|e| e.line).collect();
        assert_eq!(
            errs,
            vec![4, 5, 7],
            "blank names (4, 5) and an unknown status (7)"
        );
    }

    #[test]
    fn refuses_a_file_without_a_name_column() {
        let err = parse_people("Email,Title\na@b.example,VP\n".as_bytes()).expect_err("no name");
        assert!(
            err.to_string()
                .contains("the columns found are: Email, Title")
        );
    }
}
