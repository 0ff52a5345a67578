//! The command line's history file (`DATA_DIR/command-history`): plain text, one command per
//! line, oldest first, appended to as commands run. Plain text so a user can read, edit or
//! empty it with any editor; a line is cleaned on the way in and on the way out, so a hand-edited
//! or damaged file can never put a control character into the prompt.

use crate::core::sanitize;

/// How many commands are kept: the newest ones. (The dashboard keeps as many; the file may grow
/// past it between rewrites, [`parse`] reads only the newest.)
pub const CAP: usize = 500;

/// The history in a file's text, oldest first: each line cleaned (control characters and
/// escape sequences removed, blank lines skipped), a line equal to the one before it dropped,
/// and only the newest [`CAP`] kept.
pub fn parse(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let clean = sanitize::line(line);
        if clean.is_empty() || lines.last() == Some(&clean) {
            continue;
        }
        lines.push(clean);
    }
    let extra = lines.len().saturating_sub(CAP);
    lines.split_off(extra)
}

/// The text to append to the file for one command: the command on one line (line breaks and
/// tabs become spaces, control characters go), ending in a line break. Empty when nothing is
/// left of it.
pub fn append_line(line: &str) -> String {
    let clean = sanitize::line(line);
    if clean.is_empty() {
        return String::new();
    }
    format!("{clean}\n")
}

/// The whole file for `lines` (oldest first), e.g. to rewrite a file that grew far past [`CAP`]:
/// the newest [`CAP`] lines, each as [`append_line`] writes it.
pub fn to_text(lines: &[String]) -> String {
    let from = lines.len().saturating_sub(CAP);
    lines
        .get(from..)
        .unwrap_or_default()
        .iter()
        .map(|l| append_line(l))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_reads_back_oldest_first_cleaned_without_repeats() {
        let text = "queue\n\nqueue\naction add --customer 'Acme Corp'\r\n\u{1b}[31mstatus\u{7}\nqueue\n   \n";
        assert_eq!(
            parse(text),
            vec![
                "queue",
                "action add --customer 'Acme Corp'",
                "status",
                "queue"
            ],
            "blank lines and a repeat of the line before go; a repeat later stays"
        );
        assert!(parse("").is_empty());
    }

    #[test]
    fn only_the_newest_are_kept() {
        let text: String = (0..CAP + 20).map(|n| format!("customer C{n}\n")).collect();
        let lines = parse(&text);
        assert_eq!(lines.len(), CAP);
        assert_eq!(lines.first().map(String::as_str), Some("customer C20"));
        assert_eq!(
            lines.last().map(String::as_str),
            Some(format!("customer C{}", CAP + 19).as_str())
        );
    }

    #[test]
    fn one_command_is_one_line() {
        assert_eq!(append_line("queue --all"), "queue --all\n");
        assert_eq!(
            append_line("action add --title 'two\nlines'\t--kind x"),
            "action add --title 'two lines' --kind x\n"
        );
        assert_eq!(
            append_line("\u{1b}[2J\n"),
            "",
            "nothing is left: nothing to append"
        );
        let appended: String = ["queue", "status"].map(append_line).concat();
        assert_eq!(parse(&appended), vec!["queue", "status"]);
    }

    #[test]
    fn a_rewrite_keeps_the_newest() {
        let lines: Vec<String> = (0..CAP + 3).map(|n| format!("c{n}")).collect();
        let text = to_text(&lines);
        assert_eq!(text.lines().count(), CAP);
        assert!(text.starts_with("c3\n"));
        assert_eq!(parse(&text), lines[3..].to_vec());
    }
}
