//! An export opened for reading one row, or one response, at a time: the header rows are read
//! to find the layout and columns, the data rows are read as they are asked for. An import of
//! a million responses never holds them all.

use super::layout::{columns, detect};
use super::rows::Binding;
use super::source::{Records, SurveySource};
use super::{Column, SurveyFileError, SurveyLayout, SurveyTable};
use crate::core::excerpt::excerpt;
use crate::core::sanitize;
use crate::core::survey_import::{SurveyResponse, response_key};
use crate::io::csv_checks::swallowed;
use crate::io::customers_csv::RowError;
use crate::io::survey_map::SurveyMap;
use std::collections::{HashMap, VecDeque};

type Row = Result<(u64, csv::StringRecord), RowError>;

/// The data rows of an export (non-blank, each with its line), after its header rows.
pub struct SurveyRows<'a> {
    /// Which tool wrote it.
    pub layout: SurveyLayout,
    /// Its columns.
    pub columns: Vec<Column>,
    /// The first header row, to tell rows swallowed by a stray quote.
    first: Vec<String>,
    /// Rows read while looking at the header rows, not yet handed out.
    pending: VecDeque<Row>,
    records: Records<'a>,
}

/// Reads the header rows of `source`; `declared` is the layout the map names.
pub fn open_rows(
    source: &SurveySource,
    declared: Option<SurveyLayout>,
) -> Result<SurveyRows<'_>, SurveyFileError> {
    let mut records = source.records();
    let mut head: Vec<(u64, csv::StringRecord)> = Vec::new();
    let mut pending = VecDeque::new();
    // Up to three header rows (Qualtrics); errors among them stay bad rows.
    while head.len() < 3 {
        match records.next() {
            None => break,
            Some(Ok(row)) => head.push(row),
            Some(Err(e)) => pending.push_back(Err(e)),
        }
    }
    let Some((_, first)) = head.first() else {
        return Err(SurveyFileError::NoHeader);
    };
    let first: Vec<String> = first.iter().map(sanitize::line).collect();
    let found = detect(&first, head.get(2).map(|(_, r)| r));
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
    let (columns, header_rows) = columns(layout, &head);
    pending.extend(head.into_iter().skip(header_rows).map(Ok));
    Ok(SurveyRows {
        layout,
        columns,
        first,
        pending,
        records,
    })
}

impl Iterator for SurveyRows<'_> {
    type Item = Row;

    fn next(&mut self) -> Option<Row> {
        loop {
            let item = match self.pending.pop_front() {
                Some(item) => item,
                None => self.records.next()?,
            };
            let (line, record) = match item {
                Ok(row) => row,
                Err(e) => return Some(Err(e)),
            };
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if let Some(reason) = swallowed(&record, &self.first, line) {
                return Some(Err(RowError { line, reason }));
            }
            return Some(Ok((line, record)));
        }
    }
}

/// The responses of an export read through a map, one at a time; a response id seen before in
/// the file is a bad row.
pub struct ResponseReader<'a> {
    rows: SurveyRows<'a>,
    /// The layout and columns (no rows): what the binding reads cells by.
    pub table: SurveyTable,
    binding: Binding,
    map: &'a SurveyMap,
    /// Each response id read so far (as a [`response_key`]) and the line it was on.
    seen: HashMap<u128, u64>,
    /// The source stored with each response (the map's, else the layout's name).
    pub source: String,
    /// Things the user should know (e.g. a time zone the export names).
    pub notes: Vec<String>,
}

/// Opens `source` for reading responses through `map`.
pub fn read_responses<'a>(
    source: &'a SurveySource,
    map: &'a SurveyMap,
) -> Result<ResponseReader<'a>, SurveyFileError> {
    let rows = open_rows(source, map.layout)?;
    let table = SurveyTable {
        layout: rows.layout,
        columns: rows.columns.clone(),
        rows: Vec::new(),
        errors: Vec::new(),
    };
    let binding = Binding::new(&table, map)?;
    let notes = binding.notes(&table, map);
    Ok(ResponseReader {
        source: map
            .source
            .clone()
            .unwrap_or_else(|| table.layout.name().to_string()),
        rows,
        table,
        binding,
        map,
        seen: HashMap::new(),
        notes,
    })
}

impl Iterator for ResponseReader<'_> {
    type Item = Result<SurveyResponse, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        let (line, record) = match self.rows.next()? {
            Ok(row) => row,
            Err(e) => return Some(Err(e)),
        };
        let response = match self.binding.read(&self.table, self.map, &record, line) {
            Ok(response) => response,
            Err(reason) => return Some(Err(RowError { line, reason })),
        };
        let key = response_key(&response.response_id);
        if let Some(first) = self.seen.get(&key) {
            let reason = format!(
                "same response id '{}' as line {first}; only the first is imported",
                excerpt(&response.response_id)
            );
            return Some(Err(RowError { line, reason }));
        }
        self.seen.insert(key, line);
        Some(Ok(response))
    }
}
