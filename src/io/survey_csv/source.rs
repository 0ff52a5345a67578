//! A survey export's bytes, checked once (UTF-16, invalid UTF-8, BOM), and its records read one
//! at a time with the line each starts on. Holding the bytes and nothing else lets an import
//! read the file twice (check everything, then write) in memory close to the file's size.

use super::SurveyFileError;
use crate::io::csv_checks::{unclosed_message, unclosed_quote};
use crate::io::customers_csv::RowError;
use std::io::Read;

/// Byte offsets where lines start, to turn a csv position into the line a record starts on.
pub(super) struct LineStarts(Vec<usize>);

impl LineStarts {
    pub(super) fn new(data: &[u8]) -> LineStarts {
        let ends = data
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && data.get(i + 1) != Some(&b'\n')));
        LineStarts(std::iter::once(0).chain(ends.map(|(i, _)| i + 1)).collect())
    }

    /// The 1-based line holding byte `offset`.
    pub(super) fn line_of(&self, offset: usize) -> u64 {
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

/// A survey export read into memory and checked for its encoding.
pub struct SurveySource {
    data: Vec<u8>,
    lines: LineStarts,
    /// Where a quote that never closes opens, if one does.
    unclosed: Option<usize>,
}

impl SurveySource {
    /// Reads and checks an export; a UTF-8 BOM is dropped.
    pub fn read<R: Read>(mut reader: R) -> Result<SurveySource, SurveyFileError> {
        let mut data = Vec::new();
        reader.read_to_end(&mut data)?;
        if data.starts_with(&[0xff, 0xfe]) || data.starts_with(&[0xfe, 0xff]) {
            return Err(SurveyFileError::Utf16);
        }
        if let Err(e) = std::str::from_utf8(&data) {
            let offset = e.valid_up_to();
            let line = LineStarts::new(&data).line_of(offset);
            return Err(SurveyFileError::NotUtf8 { offset, line });
        }
        if data.starts_with(b"\xef\xbb\xbf") {
            data.drain(..3);
        }
        let lines = LineStarts::new(&data);
        let unclosed = unclosed_quote(&data);
        Ok(SurveySource {
            data,
            lines,
            unclosed,
        })
    }

    /// Every record from the top, header rows included.
    pub(super) fn records(&self) -> Records<'_> {
        let csv = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_reader(self.data.as_slice());
        Records {
            source: self,
            inner: csv.into_records().peekable(),
        }
    }
}

/// The records of a source, each with the line it starts on, or why it could not be read.
pub(super) struct Records<'a> {
    source: &'a SurveySource,
    inner: std::iter::Peekable<csv::StringRecordsIntoIter<&'a [u8]>>,
}

impl Iterator for Records<'_> {
    type Item = Result<(u64, csv::StringRecord), RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        let data = self.source.data.as_slice();
        let lines = &self.source.lines;
        let record = match self.inner.next()? {
            Ok(record) => record,
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| lines.record_line(data, p.byte()));
                let reason = format!("could not read this row: {e}");
                return Some(Err(RowError { line, reason }));
            }
        };
        let line = lines.record_line(data, record.position().map_or(0, |p| p.byte()));
        if self.source.unclosed.is_some() && self.inner.peek().is_none() {
            // The record holding the quote swallowed the rest of the file: none of it is a row.
            let last = crate::io::csv_file::last_line(data);
            let reason = unclosed_message(line, last);
            return Some(Err(RowError { line, reason }));
        }
        Some(Ok((line, record)))
    }
}
