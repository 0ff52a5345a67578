//! Cleaning text that comes from outside (CSV imports, survey exports, backups, typed input)
//! so that nothing stored can drive the terminal: whole escape sequences are removed, not just
//! their ESC byte, so no `[31m` residue is left behind.

/// Cleans a single-line field: escape sequences, control characters, DEL and bidi overrides
/// are removed; tabs and line breaks become single spaces; the result is trimmed.
pub fn line(text: &str) -> String {
    let cleaned = clean(text, false);
    let mut out = String::with_capacity(cleaned.len());
    let mut last_space = false;
    for c in cleaned.chars() {
        let space = c == ' ';
        if !(space && last_space) {
            out.push(c);
        }
        last_space = space;
    }
    out.trim().to_string()
}

/// Cleans multi-line text (comments, notes): as [`line`] but line breaks are kept (CRLF and CR
/// become LF) and tabs become four spaces. Leading/trailing blank space is trimmed.
pub fn text(text: &str) -> String {
    clean(text, true).trim().to_string()
}

/// Cleans text on its way to a terminal (command output, reports, error messages): escape
/// sequences and control characters go as in [`text`], but nothing is trimmed, so indentation
/// and blank lines stay. A store written before input was cleaned cannot drive the terminal.
pub fn terminal(text: &str) -> String {
    clean(text, true)
}

/// How many characters of rejected user text an error message quotes.
pub const QUOTE_CHARS: usize = 60;

/// User text as an error message quotes it: cleaned as [`line`], cut to [`QUOTE_CHARS`]
/// characters (with `…`) and put in single quotes, so a rejected value can neither drive the
/// terminal nor flood it.
pub fn quote(text: &str) -> String {
    let clean = line(text);
    let mut out: String = clean.chars().take(QUOTE_CHARS).collect();
    if clean.chars().count() > QUOTE_CHARS {
        out.push('…');
    }
    format!("'{out}'")
}

/// Whether a char is a bidirectional override or isolate that can reorder what is displayed.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn clean(input: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // 8-bit CSI, DCS, OSC, SOS, PM, APC: introducers of sequences in C1 form.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{9d}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(if keep_newlines { '\n' } else { ' ' });
            }
            '\n' => out.push(if keep_newlines { '\n' } else { ' ' }),
            '\t' => out.push_str(if keep_newlines { "    " } else { " " }),
            c if c.is_control() => {} // C0, DEL and the rest of C1
            c if is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: skips the whole sequence it introduces.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        // OSC, DCS, SOS, PM, APC run until the string terminator.
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        // nF sequences: intermediates 0x20-0x2F then one final byte.
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            while let Some(&n) = chars.peek() {
                chars.next();
                if !('\u{20}'..='\u{2f}').contains(&n) {
                    break;
                }
            }
        }
        // Any other two-character escape (ESC c, ESC 7, ...): both gone.
        _ => {}
    }
}

/// Skips a CSI sequence: parameter and intermediate bytes, then one final byte 0x40-0x7E.
fn skip_csi(chars: &mut Chars<'_>) {
    while let Some(&c) = chars.peek() {
        chars.next();
        if ('\u{40}'..='\u{7e}').contains(&c) {
            return;
        }
        if !('\u{20}'..='\u{3f}').contains(&c) {
            return; // malformed: stop at the first byte that cannot belong to it
        }
    }
}

/// Skips a control string up to and including BEL, ESC \ or the 8-bit ST.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_whole_sequences_and_controls() {
        let cases = [
            ("plain", "plain"),
            ("\u{1b}[31mred\u{1b}[0m", "red"),
            ("a\u{1b}[38;2;255;0;0mb", "ab"),
            ("\u{1b}]0;evil title\u{7}name", "name"),
            ("\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\", "link"),
            ("\u{1b}Pq#0;2;0;0;0\u{1b}\\after", "after"),
            ("\u{1b}_apc payload\u{1b}\\x", "x"),
            ("\u{9b}2Jclear", "clear"),
            ("\u{9d}0;t\u{9c}ok", "ok"),
            ("bell\u{7}del\u{7f}nul\u{0}", "belldelnul"),
            ("\u{1b}cReset", "Reset"),
            ("\u{1b}(Bcharset", "charset"),
            ("safe\u{202E}txt.exe", "safetxt.exe"),
            ("\u{2066}iso\u{2069}", "iso"),
            ("tab\there", "tab here"),
            ("two\r\nlines", "two lines"),
            ("  many   spaces  ", "many spaces"),
            ("Zürich — naïve 日本", "Zürich — naïve 日本"),
            ("trailing esc\u{1b}", "trailing esc"),
        ];
        for (input, want) in cases {
            assert_eq!(line(input), want, "{input:?}");
        }
    }

    #[test]
    fn quotes_are_clean_and_short() {
        assert_eq!(quote("\u{1b}]52;c;aGk=\u{7}mon"), "'mon'");
        let long = quote(&"x".repeat(500));
        assert_eq!(long.chars().count(), QUOTE_CHARS + 3);
        assert!(long.ends_with("…'"));
    }

    #[test]
    fn multi_line_text_keeps_line_breaks() {
        assert_eq!(
            text("one\r\ntwo\rthree\n\u{1b}[1mfour"),
            "one\ntwo\nthree\nfour"
        );
        assert_eq!(text("a\tb"), "a    b");
    }
}
