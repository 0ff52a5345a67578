//! Fitting things into the space there is: text cut or wrapped to a width, and which slice of
//! a list keeps the selection in view (which columns a table shows is in `columns`). Everything saturates, so
//! no size of terminal can make drawing panic.

use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to `width` cells, ending in `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        out.push(ch);
    }
    out.push('…');
    out
}

/// `text` cut to `width` cells at a word boundary, ending in `…` when cut: a status message is
/// never cut mid-word (a single word longer than the room is cut as [`truncate`] does).
pub fn truncate_words(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut end = None;
    for (at, ch) in text.char_indices() {
        if ch == ' ' {
            end = Some(at);
        }
        used += ch.width().unwrap_or(0);
        if used > room {
            break;
        }
    }
    match end.map(|at| text[..at].trim_end()) {
        Some(head) if !head.is_empty() => format!("{head}…"),
        _ => truncate(text, width),
    }
}

/// A line cut to `width` cells, span by span, ending in `…` when cut.
pub fn truncate_line(line: Line<'static>, width: usize) -> Line<'static> {
    let mut left = width;
    let mut spans = Vec::new();
    for span in line.spans {
        if left == 0 {
            break;
        }
        let text = truncate(&span.content, left);
        left = left.saturating_sub(text.width());
        let ended = text.ends_with('…') && !span.content.ends_with('…');
        spans.push(Span::styled(text, span.style));
        if ended {
            break;
        }
    }
    Line::from(spans)
}

/// `line` word-wrapped to `width` cells, styles kept. Continuation lines start with `indent`
/// spaces; a word longer than a line is broken. Always at least one line.
pub fn wrap_line(line: &Line<'static>, width: usize, indent: usize) -> Vec<Line<'static>> {
    let indent = if indent < width { indent } else { 0 };
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for span in &line.spans {
        for word in split_words(&span.content) {
            let blank = word.trim().is_empty();
            let w = word.width();
            if used + w <= width {
                spans.push(Span::styled(word.to_string(), span.style));
                used += w;
                continue;
            }
            if width == 0 {
                break;
            }
            if used > indent || !spans.is_empty() && out.is_empty() {
                out.push(Line::from(std::mem::take(&mut spans)).style(line.style));
                spans.push(Span::raw(" ".repeat(indent)));
                used = indent;
            }
            if blank {
                continue;
            }
            // A word wider than the room left: break it where the line ends.
            let mut piece = String::new();
            for ch in word.chars() {
                let cw = ch.width().unwrap_or(0);
                if used + cw > width && used > indent {
                    spans.push(Span::styled(std::mem::take(&mut piece), span.style));
                    out.push(Line::from(std::mem::take(&mut spans)).style(line.style));
                    spans.push(Span::raw(" ".repeat(indent)));
                    used = indent;
                }
                piece.push(ch);
                used += cw;
            }
            spans.push(Span::styled(piece, span.style));
        }
    }
    out.push(Line::from(spans).style(line.style));
    out
}

/// Words and the runs of spaces between them, in order.
fn split_words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (i, ch) in text.char_indices() {
        let space = ch == ' ';
        if in_space.is_some_and(|s| s != space) {
            words.push(text.get(start..i).unwrap_or_default());
            start = i;
        }
        in_space = Some(space);
    }
    if start < text.len() {
        words.push(text.get(start..).unwrap_or_default());
    }
    words
}

/// The first row to show of `len` rows in `visible` lines so that `selected` is in view,
/// kept near the middle once the list scrolls.
pub fn window(selected: usize, len: usize, visible: usize) -> usize {
    if len <= visible {
        return 0;
    }
    selected
        .saturating_sub(visible / 2)
        .min(len.saturating_sub(visible))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_text_is_cut_between_words() {
        let cases = [
            ("saved: F12 assigned", 40, "saved: F12 assigned"),
            (
                "saved: F12 assigned to Dana Reyes",
                20,
                "saved: F12 assigned…",
            ),
            ("saved: F12 assigned to Dana Reyes", 19, "saved: F12…"),
            ("supercalifragilistic", 8, "superca…"),
            ("a b", 0, ""),
        ];
        for (text, width, want) in cases {
            assert_eq!(truncate_words(text, width), want, "{text} in {width}");
            assert!(truncate_words(text, width).width() <= width);
        }
    }

    #[test]
    fn truncation_counts_cells_not_bytes() {
        assert_eq!(truncate("Zoë Müller", 20), "Zoë Müller");
        assert_eq!(truncate("Zoë Müller", 5), "Zoë …");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("abc", 0), "");
    }

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wrapping_breaks_at_spaces_with_a_hanging_indent() {
        let line = Line::from(vec![
            Span::raw("  - scored 2 on "),
            Span::raw("understanding in the latest"),
        ]);
        assert_eq!(
            texts(&wrap_line(&line, 20, 4)),
            ["  - scored 2 on ", "    understanding in", "    the latest"]
        );
        assert_eq!(
            texts(&wrap_line(&Line::raw("abcdefghij"), 4, 1)),
            ["abcd", " efg", " hij"]
        );
        assert_eq!(texts(&wrap_line(&Line::raw("short"), 20, 2)), ["short"]);
        assert_eq!(texts(&wrap_line(&Line::raw(""), 20, 2)), [""]);
        assert_eq!(wrap_line(&Line::raw("abc def"), 0, 2).len(), 1);
    }

    #[test]
    fn window_keeps_the_selection_in_view() {
        assert_eq!(window(0, 5, 10), 0);
        assert_eq!(window(3, 100, 10), 0);
        assert_eq!(window(50, 100, 10), 45);
        assert_eq!(window(99, 100, 10), 90);
        assert_eq!(window(5, 100, 0), 5);
    }
}
