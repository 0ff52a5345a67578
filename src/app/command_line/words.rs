//! The words of a command line as a POSIX shell splits them (the runtime parses the line the
//! same way before clap sees it): blanks separate words, `'…'` quotes literally, `"…"` quotes
//! with `\` escaping `" \ $ \``, and `\` outside quotes escapes the next character. Completion
//! reads the words before the cursor here and writes what it inserts with [`quote`], so a
//! completed word always reads back as the value offered.

/// A word being typed: where it starts (in chars) and what it says so far, quotes removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partial {
    /// The char index of its first character (its opening quote, if any).
    pub start: usize,
    /// Its value so far.
    pub value: String,
}

/// The finished words of `text` (everything before the cursor) and the word the cursor is in
/// (empty, starting at the end, after a blank). An unclosed quote belongs to the last word.
pub fn split(text: &str) -> (Vec<String>, Partial) {
    let mut words = Vec::new();
    let mut current: Option<Partial> = None;
    let mut quote: Option<char> = None;
    let mut chars = text.chars().enumerate().peekable();
    while let Some((at, c)) = chars.next() {
        if quote.is_none() && c.is_whitespace() {
            if let Some(word) = current.take() {
                words.push(word.value);
            }
            continue;
        }
        let word = current.get_or_insert_with(|| Partial {
            start: at,
            value: String::new(),
        });
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '\\') => {
                if let Some((_, next)) = chars.next() {
                    word.value.push(next);
                }
            }
            (Some('"'), '\\') => match chars.peek() {
                Some(&(_, next)) if matches!(next, '"' | '\\' | '$' | '`') => {
                    word.value.push(next);
                    chars.next();
                }
                _ => word.value.push('\\'),
            },
            (_, c) => word.value.push(c),
        }
    }
    let partial = current.unwrap_or(Partial {
        start: text.chars().count(),
        value: String::new(),
    });
    (words, partial)
}

/// Whether a character needs no quoting in a word.
fn plain(c: char) -> bool {
    c.is_alphanumeric() || "-_./:,@%+=".contains(c)
}

/// `value` as one shell word: as it is when it is plain, else in single quotes, or in double
/// quotes when it holds a single quote.
pub fn quote(value: &str) -> String {
    let start = quote_start(value);
    match start.chars().next() {
        // Quoted (a plain value comes back as it is): close the quote it opened with.
        Some(q) if start != value => format!("{start}{q}"),
        _ => start,
    }
}

/// The start of `value` as a shell word that goes on (a common prefix of several candidates):
/// quoted as [`quote`] does, but the quote left open so more can be typed or completed.
pub fn quote_start(value: &str) -> String {
    if !value.is_empty() && value.chars().all(plain) {
        return value.to_string();
    }
    if !value.contains('\'') {
        return format!("'{value}");
    }
    let mut out = String::from('"');
    for c in value.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partial(start: usize, value: &str) -> Partial {
        Partial {
            start,
            value: value.into(),
        }
    }

    #[test]
    fn words_split_as_a_shell_splits_them() {
        let line = "action add --customer 'Acme Corp' --title \"say \\\"hi\\\"\" x\\ y ";
        let (words, last) = split(line);
        assert_eq!(
            words,
            vec![
                "action",
                "add",
                "--customer",
                "Acme Corp",
                "--title",
                "say \"hi\"",
                "x y"
            ]
        );
        assert_eq!(last, partial(line.chars().count(), ""));
        let (words, last) = split("customer 'Acme C");
        assert_eq!(words, vec!["customer"]);
        assert_eq!(
            last,
            partial(9, "Acme C"),
            "an open quote is the word typed"
        );
        assert_eq!(split(""), (vec![], partial(0, "")));
        assert_eq!(split("qu").1, partial(0, "qu"));
    }

    #[test]
    fn a_quoted_word_reads_back_as_its_value() {
        for value in [
            "Acme",
            "C12",
            "debrief:I20",
            "Acme Corp",
            "O'Brien & Sons",
            "say \"hi\" $HOME `x` \\",
            "",
            "Zoë Café",
        ] {
            let word = quote(value);
            let (words, last) = split(&format!("{word} "));
            assert_eq!(words, vec![value.to_string()], "{word}");
            assert_eq!(last.value, "");
            // The open start reads back as the value typed so far.
            assert_eq!(split(&quote_start(value)).1.value, value, "{value}");
        }
        assert_eq!(quote("Acme"), "Acme");
        assert_eq!(quote("Acme Corp"), "'Acme Corp'");
        assert_eq!(quote("O'Brien"), "\"O'Brien\"");
        assert_eq!(quote_start("Acme "), "'Acme ");
    }
}
