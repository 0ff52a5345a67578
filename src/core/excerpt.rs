//! User text as messages quote it: sanitised (no escape sequence reaches the terminal) and
//! shortened, so a rejected 70,000-character cell costs one readable line of stderr.

use super::sanitize;

/// How many characters of a cell a message shows; longer text is cut and ends in `…`.
pub const SHOWN_CHARS: usize = 60;

/// `text` cleaned by [`sanitize::line`] and cut to [`SHOWN_CHARS`] characters (the last one
/// an ellipsis when cut), for quoting inside a message.
pub fn excerpt(text: &str) -> String {
    let clean = sanitize::line(text);
    if clean.chars().count() <= SHOWN_CHARS {
        return clean;
    }
    let mut cut: String = clean.chars().take(SHOWN_CHARS - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_and_shortens() {
        assert_eq!(excerpt("\u{1b}]52;c;aGk=\u{7}ok\u{1b}[2J"), "ok");
        assert_eq!(excerpt("  short  "), "short");
        let long = excerpt(&"x".repeat(70_000));
        assert_eq!(long.chars().count(), SHOWN_CHARS);
        assert!(long.ends_with('…'));
        let exact = "y".repeat(SHOWN_CHARS);
        assert_eq!(excerpt(&exact), exact);
    }
}
