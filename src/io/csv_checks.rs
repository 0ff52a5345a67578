//! Checks every CSV reader makes before it trusts a record: a double quote that never closes, a
//! quoted value that swallowed what look like whole rows (a stray quote), and cells too long to
//! be real. Each problem becomes a bad row named by its line, like any other.
//!
//! A stray quote is the classic way a CSV goes wrong without the reader noticing: `"Beta Works`
//! opens a quoted value that runs on, across line breaks, until some later quote closes it, so
//! the rows in between become part of one name. A real multi-line value (an address, a comment)
//! is a few lines of text; a value whose later lines have as many commas as the header has
//! columns is rows, not text.

use crate::core::excerpt::excerpt;

/// The most characters a single-line cell (a name, an id, an email, a time) may hold: real ones
/// are far shorter, and every record must stay under the store's 64 KiB cap.
pub const MAX_LINE_CHARS: usize = 1_000;

/// The most characters a free-text cell (a survey comment) may hold: a page of text, and six of
/// them still fit in one stored record.
pub const MAX_TEXT_CHARS: usize = 5_000;

/// `70000` as `70,000`, for messages.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Why a cell of column `header` is too long to be real, if it is longer than `max` characters.
pub fn too_long(header: &str, cell: &str, max: usize) -> Option<String> {
    let count = cell.chars().count();
    (count > max).then(|| {
        format!(
            "the cell in column '{}' is {} characters long, more than the {} accepted \
             (it starts '{}'); shorten it, or look for a missing closing quote",
            excerpt(header),
            thousands(count),
            thousands(max),
            excerpt(cell)
        )
    })
}

/// Where the quoted value that runs to the end of the file opens (a byte offset), if one does.
///
/// Follows the csv crate's rules: a quote opens a value only at the start of a field, `""`
/// inside quotes is a literal quote, and a quote anywhere else is text.
pub fn unclosed_quote(data: &[u8]) -> Option<usize> {
    #[derive(PartialEq, Clone, Copy)]
    enum State {
        FieldStart,
        Plain,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut opened = 0;
    for (i, &b) in data.iter().enumerate() {
        state = match (state, b) {
            (State::FieldStart, b'"') => {
                opened = i;
                State::Quoted
            }
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (_, b',' | b'\n' | b'\r') => State::FieldStart,
            _ => State::Plain,
        };
    }
    (state == State::Quoted).then_some(opened)
}

/// The message for the record holding a quote that never closes, which starts on `line`.
pub fn unclosed_message(line: u64, last_line: u64) -> String {
    format!(
        "a double quote in this row opens a value that is never closed, so the rest of the file \
         (lines {line}-{last_line}) was read as one value and not imported; remove the stray \
         quote or close it, then import again"
    )
}

/// Whether a value that spans lines holds what look like whole rows of a file whose header
/// has `width` columns: some of its later lines have at least `width - 1` commas. Narrow files
/// (fewer than three columns) need two such lines, so one comma in an address is not a row.
fn swallowed_rows(value: &str, width: usize) -> usize {
    if width < 2 {
        return 0;
    }
    let rows = value
        .split(['\n', '\r'])
        .skip(1)
        .filter(|l| l.matches(',').count() >= width - 1)
        .count();
    if width < 3 && rows < 2 { 0 } else { rows }
}

/// Why a record is a stray quote's victim rather than a row, if it is: a value that spans
/// lines and holds what look like rows. `line` is where the record starts.
pub fn swallowed(record: &csv::StringRecord, headers: &[String], line: u64) -> Option<String> {
    let width = headers.len();
    let (index, value, rows) = record
        .iter()
        .enumerate()
        .map(|(i, v)| (i, v, swallowed_rows(v, width)))
        .find(|&(_, _, rows)| rows > 0)?;
    let breaks: u64 = record.iter().map(|v| v.matches('\n').count() as u64).sum();
    let header = headers.get(index).map_or("", String::as_str);
    Some(format!(
        "the quoted value in column '{}' runs over lines {line}-{} and holds what look like {} \
         more row{} (it starts '{}'): a stray double quote? Nothing from these lines was \
         imported; fix the quote and import again",
        excerpt(header),
        line + breaks,
        thousands(rows),
        if rows == 1 { "" } else { "s" },
        excerpt(value.lines().next().unwrap_or(""))
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_quote_that_never_closes() {
        assert_eq!(unclosed_quote(b"a,b\n1,\"x\n2,y\n"), Some(6));
        assert_eq!(unclosed_quote(b"a,b\n1,\"x\"\"y\"\n2,\"z\"\n"), None);
        // A quote inside an unquoted value is text, not an opening quote.
        assert_eq!(unclosed_quote(b"a,b\n1,5\" screen\n"), None);
        assert_eq!(unclosed_quote(b"a,b\n1,\"x\"tail\"\n"), None);
    }

    #[test]
    fn a_multi_line_value_is_text_unless_its_lines_look_like_rows() {
        let headers: Vec<String> = ["id", "name", "size", "tier"].map(String::from).into();
        let record = |cells: &[&str]| csv::StringRecord::from(cells.to_vec());
        let address = record(&["1", "Central\nEurope, East", "3", "key"]);
        assert_eq!(swallowed(&address, &headers, 2), None);
        let stray = record(&["1", "Beta,2,key\nC-3,Gamma,3,key\nC-4,Delta", "4", "key"]);
        let why = swallowed(&stray, &headers, 3).expect("rows inside");
        assert!(why.contains("lines 3-5"), "{why}");
        assert!(why.contains("1 more row ("), "{why}");
        let narrow: Vec<String> = ["name", "size"].map(String::from).into();
        assert_eq!(swallowed(&record(&["A\nB, C", "1"]), &narrow, 2), None);
        assert!(swallowed(&record(&["A\nB,1\nC,2", "1"]), &narrow, 2).is_some());
    }

    #[test]
    fn long_cells_are_named_with_a_short_excerpt() {
        assert_eq!(too_long("name", "short", 10), None);
        let why = too_long("name", &"Big".repeat(30_000), MAX_LINE_CHARS).expect("too long");
        assert!(why.contains("90,000 characters"), "{why}");
        assert!(why.len() < 300, "{why}");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }
}
