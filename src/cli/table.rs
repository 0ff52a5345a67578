//! Aligned text tables for terminal output, measured in display columns (CJK and emoji are two
//! wide), with long cells cut with an ellipsis.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A table: a header row and data rows, each column with a maximum width.
pub struct Table {
    headers: Vec<&'static str>,
    max_widths: Vec<usize>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these headers and per-column maximum widths.
    pub fn new(columns: &[(&'static str, usize)]) -> Table {
        Table {
            headers: columns.iter().map(|c| c.0).collect(),
            max_widths: columns.iter().map(|c| c.1).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row (missing cells are blank).
    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// Renders with two spaces between columns; no trailing spaces.
    pub fn render(&self) -> String {
        // Cells are cleaned on the way out too: a store written before input was cleaned
        // (or by an older build) must not reach the terminal with its escape sequences.
        let cell = |row: &Vec<String>, i: usize| {
            let text = crate::core::sanitize::line(row.get(i).map_or("", String::as_str));
            cut(&text, self.max_widths[i])
        };
        let rows: Vec<Vec<String>> =
            std::iter::once(self.headers.iter().map(|h| h.to_string()).collect())
                .chain(
                    self.rows
                        .iter()
                        .map(|r| (0..self.headers.len()).map(|i| cell(r, i)).collect()),
                )
                .collect();
        let widths: Vec<usize> = (0..self.headers.len())
            .map(|i| rows.iter().map(|r| r[i].width()).max().unwrap_or(0))
            .collect();
        let mut out = String::new();
        for row in &rows {
            let mut line = String::new();
            for (i, text) in row.iter().enumerate() {
                line.push_str(text);
                if i + 1 < row.len() {
                    line.push_str(&" ".repeat(widths[i] - text.width() + 2));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// Cuts `text` to at most `max` display columns, ending in `…` when cut.
pub fn cut(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_by_display_width_and_cuts_long_cells() {
        let mut t = Table::new(&[("Name", 8), ("Size", 10)]);
        t.push(vec!["日本商事".into(), "USD 1.2M".into()]);
        t.push(vec!["A very long company".into(), "EUR 5k".into()]);
        assert_eq!(
            t.render(),
            "Name      Size\n日本商事  USD 1.2M\nA very …  EUR 5k\n"
        );
    }
}
