//! Reading a CSV file's bytes, header row and line numbers: shared by every CSV reader in `io`.

use crate::core::sanitize;
use crate::io::customers_csv::{CsvFileError, RowError, unguard_cell};
use std::io::Read;

/// Counts line terminators (`\n`, `\r\n`, lone `\r`) in `bytes`.
fn count_lines(bytes: &[u8], following: Option<u8>) -> u64 {
    let mut count = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).copied().or(following);
        if b == b'\n' || (b == b'\r' && next != Some(b'\n')) {
            count += 1;
        }
    }
    count
}

/// Turns csv byte positions into the line where each record really starts (shared by every
/// CSV reader in `io`).
pub(crate) struct LineCounter<'a> {
    data: &'a [u8],
    at: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    /// A counter over the file's bytes; the header is line 1.
    pub(crate) fn new(data: &'a [u8]) -> LineCounter<'a> {
        LineCounter {
            data,
            at: 0,
            line: 1,
        }
    }

    /// The 1-based line of the record whose csv position is `byte` (the end of the previous
    /// record: its terminator and any blank lines come before the record itself).
    pub(crate) fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.data.len());
        while matches!(self.data.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > self.at {
            let following = self.data.get(start).copied();
            self.line += count_lines(&self.data[self.at..start], following);
            self.at = start;
        }
        self.line
    }
}

/// The header row, sanitised and with any formula guard taken off; refused when blank.
pub(crate) fn read_headers<R: Read>(csv: &mut csv::Reader<R>) -> Result<Vec<String>, CsvFileError> {
    let headers: Vec<String> = csv
        .headers()
        .map_err(|e| CsvFileError::Malformed(e.to_string()))?
        .iter()
        .map(|h| sanitize::line(unguard_cell(h)))
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(CsvFileError::NoHeader);
    }
    Ok(headers)
}

/// Reads a whole CSV file, refusing UTF-16 and other non-UTF-8 encodings with the byte and
/// line; the UTF-8 BOM is dropped. Shared by every CSV reader in `io`.
pub(crate) fn read_utf8<R: Read>(mut reader: R) -> Result<Vec<u8>, CsvFileError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(CsvFileError::Utf16);
    }
    if let Err(e) = std::str::from_utf8(&bytes) {
        let offset = e.valid_up_to();
        let line = 1 + count_lines(&bytes[..offset], bytes.get(offset).copied());
        return Err(CsvFileError::NotUtf8 { offset, line });
    }
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    Ok(bytes)
}

/// The number of the file's last line (a final line break starts no new line).
pub(crate) fn last_line(data: &[u8]) -> u64 {
    let ends = count_lines(data, None);
    if data.ends_with(b"\n") || data.ends_with(b"\r") {
        ends.max(1)
    } else {
        ends + 1
    }
}

/// The bad row for a double quote that never closes, if the file has one. Such a value runs to
/// the end of the file, so it belongs to the last record, which starts on `last_record`.
pub(crate) fn unclosed_row(data: &[u8], last_record: u64) -> Option<RowError> {
    crate::io::csv_checks::unclosed_quote(data)?;
    Some(RowError {
        line: last_record,
        reason: crate::io::csv_checks::unclosed_message(last_record, last_line(data)),
    })
}
