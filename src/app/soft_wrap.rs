//! Soft wrap for the comment editor: ratatui-textarea 0.8 cannot wrap, and a comment typed
//! during a call is one long line that must stay readable. The text is laid out into visual
//! lines (segments of a logical line, broken after a space where one fits, else mid-word); the
//! drawing shows the segments and Up/Down move the cursor by segment, not by logical line.
//! The text itself is never changed: wrapping is only how it is shown.

use unicode_width::UnicodeWidthChar;

/// One visual line: chars `start..end` of logical line `row`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The logical line.
    pub row: usize,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

fn cell(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The visual lines of `lines` at `width` cells (at least one per logical line).
pub fn layout(lines: &[String], width: usize) -> Vec<Segment> {
    let width = width.max(1);
    let mut out = Vec::new();
    for (row, line) in lines.iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let mut start = 0;
        loop {
            // The first char that no longer fits.
            let mut used = 0;
            let mut over = start;
            while over < chars.len() && used + chars.get(over).copied().map_or(0, cell) <= width {
                used += chars.get(over).copied().map_or(0, cell);
                over += 1;
            }
            if over >= chars.len() {
                out.push(Segment {
                    row,
                    start,
                    end: chars.len(),
                });
                break;
            }
            // Break after the last space that fits (a space right at the edge hangs there),
            // else mid-word; always at least one char, so the loop moves on.
            let space = (start..=over)
                .rev()
                .find(|&i| chars.get(i) == Some(&' '))
                .map(|i| i + 1);
            let end = space.filter(|&e| e > start).unwrap_or(over.max(start + 1));
            out.push(Segment { row, start, end });
            start = end;
            if start >= chars.len() {
                break;
            }
        }
    }
    out
}

/// The segment holding the cursor `(row, col)` and the cursor's cell in it. The cursor at the
/// end of a wrapped segment is shown at the start of the next one, where typing goes.
pub fn locate(segments: &[Segment], lines: &[String], cursor: (usize, usize)) -> (usize, usize) {
    let (row, col) = cursor;
    let found = segments.iter().enumerate().find(|(i, s)| {
        let last_of_row = segments.get(i + 1).is_none_or(|n| n.row != s.row);
        s.row == row && s.start <= col && (col < s.end || last_of_row)
    });
    let Some((at, seg)) = found else {
        return (segments.len().saturating_sub(1), 0);
    };
    let cells = lines.get(row).map_or(0, |l| {
        l.chars()
            .skip(seg.start)
            .take(col - seg.start)
            .map(cell)
            .sum()
    });
    (at, cells)
}

/// The cursor one visual line up (`down` false) or down from `cursor`, at the same cell or
/// the nearest before it; `None` at the first or last visual line.
pub fn vertical(
    segments: &[Segment],
    lines: &[String],
    cursor: (usize, usize),
    down: bool,
) -> Option<(usize, usize)> {
    let (at, cells) = locate(segments, lines, cursor);
    let target = if down {
        at.checked_add(1)?
    } else {
        at.checked_sub(1)?
    };
    let seg = segments.get(target)?;
    let last_of_row = segments.get(target + 1).is_none_or(|n| n.row != seg.row);
    // On a wrapped segment the cursor stays before its last char: past it is the next line.
    let limit = if last_of_row {
        seg.end
    } else {
        seg.end.saturating_sub(1).max(seg.start)
    };
    let line = lines.get(seg.row)?;
    let mut col = seg.start;
    let mut used = 0;
    for c in line.chars().skip(seg.start) {
        if col >= limit || used + cell(c) > cells {
            break;
        }
        used += cell(c);
        col += 1;
    }
    Some((seg.row, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    fn shown(lines: &[String], width: usize) -> Vec<String> {
        layout(lines, width)
            .iter()
            .map(|s| {
                let line = &lines[s.row];
                line.chars().skip(s.start).take(s.end - s.start).collect()
            })
            .collect()
    }

    #[test]
    fn breaks_after_spaces_and_inside_words_too_long_for_a_line() {
        let lines = text(&["the quick brown fox", "", "abcdefghij"]);
        assert_eq!(
            shown(&lines, 10),
            ["the quick ", "brown fox", "", "abcdefghij"]
        );
        assert_eq!(
            shown(&lines, 4),
            [
                "the ", "quic", "k ", "brow", "n ", "fox", "", "abcd", "efgh", "ij"
            ]
        );
        // Every char is in exactly one segment: wrapping never loses or repeats text.
        let long = text(&[&"word ".repeat(60)]);
        let joined: String = shown(&long, 17).concat();
        assert_eq!(joined, long[0]);
        assert!(
            shown(&long, 17)
                .iter()
                .all(|s| s.trim_end().chars().count() <= 17)
        );
    }

    #[test]
    fn the_cursor_is_found_on_its_visual_line() {
        let lines = text(&["the quick brown fox"]);
        let segs = layout(&lines, 10);
        assert_eq!(locate(&segs, &lines, (0, 0)), (0, 0));
        assert_eq!(locate(&segs, &lines, (0, 4)), (0, 4));
        // At the wrap point the cursor is at the start of the next line, where typing goes.
        assert_eq!(locate(&segs, &lines, (0, 10)), (1, 0));
        assert_eq!(locate(&segs, &lines, (0, 19)), (1, 9), "end of text");
    }

    #[test]
    fn up_and_down_move_by_visual_line_keeping_the_column() {
        let lines = text(&["the quick brown fox jumps", "over"]);
        let segs = layout(&lines, 10);
        // "the quick " / "brown fox " / "jumps" / "over"
        assert_eq!(segs.len(), 4);
        assert_eq!(vertical(&segs, &lines, (0, 2), true), Some((0, 12)));
        assert_eq!(vertical(&segs, &lines, (0, 12), true), Some((0, 22)));
        assert_eq!(vertical(&segs, &lines, (0, 22), true), Some((1, 2)));
        assert_eq!(vertical(&segs, &lines, (1, 2), true), None, "last line");
        assert_eq!(vertical(&segs, &lines, (1, 2), false), Some((0, 22)));
        assert_eq!(vertical(&segs, &lines, (0, 4), false), None, "first line");
        // A column past a shorter line's end lands at that end; on a wrapped line, before its
        // last char (the space), so the cursor stays on the line it went to.
        assert_eq!(vertical(&segs, &lines, (0, 19), true), Some((0, 25)));
        assert_eq!(vertical(&segs, &lines, (0, 9), true), Some((0, 19)));
        assert_eq!(vertical(&segs, &lines, (1, 4), false), Some((0, 24)));
    }

    #[test]
    fn wide_characters_count_as_two_cells() {
        let lines = text(&["日本語のテキスト"]);
        assert_eq!(shown(&lines, 6), ["日本語", "のテキ", "スト"]);
        let segs = layout(&lines, 6);
        assert_eq!(locate(&segs, &lines, (0, 4)), (1, 2));
        assert_eq!(vertical(&segs, &lines, (0, 4), false), Some((0, 1)));
    }
}
