//! How a key is written, in help and in `hearback.toml`: one syntax both ways.
//!
//! The syntax: a single character stands for itself (`x`, `G`, `?`, `1`; case matters, so
//! `G` is Shift-g); named keys are `Enter`, `Esc`, `Tab`, `Shift-Tab`, `Space`, `Backspace`,
//! `Delete`, `Insert`, `Up`, `Down`, `Left`, `Right` (or `↑ ↓ ← →`), `Home`, `End`, `PgUp`
//! (`PageUp`), `PgDn` (`PageDown`) and `F1` to `F12` (names in any case); `Ctrl-` and `Alt-`
//! in front add the modifier (`Ctrl-z`, `Alt-Enter`); `Shift-` only goes with `Tab` or a
//! letter (`Shift-g` is `G`).

use crossterm::event::{KeyCode, KeyModifiers};

use KeyCode as K;

/// The named keys and how help writes them (the first spelling); the others are accepted too.
const NAMES: &[(&[&str], KeyCode)] = &[
    (&["Enter", "Return"], K::Enter),
    (&["Esc", "Escape"], K::Esc),
    (&["Tab"], K::Tab),
    (&["Shift-Tab", "BackTab"], K::BackTab),
    (&["Space"], K::Char(' ')),
    (&["Backspace"], K::Backspace),
    (&["Delete", "Del"], K::Delete),
    (&["Insert", "Ins"], K::Insert),
    (&["↑", "Up"], K::Up),
    (&["↓", "Down"], K::Down),
    (&["←", "Left"], K::Left),
    (&["→", "Right"], K::Right),
    (&["Home"], K::Home),
    (&["End"], K::End),
    (&["PgUp", "PageUp"], K::PageUp),
    (&["PgDn", "PageDown"], K::PageDown),
];

/// How a key is written in help and hints: `q`, `Ctrl-z`, `Tab`, `↑`.
pub fn name(code: KeyCode, modifiers: KeyModifiers) -> String {
    let base = match code {
        K::Char(c) if c != ' ' => c.to_string(),
        K::F(n) => format!("F{n}"),
        other => NAMES
            .iter()
            .find(|(_, k)| *k == other)
            .and_then(|(names, _)| names.first())
            .map_or_else(|| format!("{other:?}"), |n| (*n).to_string()),
    };
    let mut out = String::new();
    if modifiers.contains(KeyModifiers::CONTROL) {
        out.push_str("Ctrl-");
    }
    if modifiers.contains(KeyModifiers::ALT) {
        out.push_str("Alt-");
    }
    out.push_str(&base);
    out
}

/// Reads a key written as help writes it (see the module comment); the error says why not.
pub fn parse(text: &str) -> Result<(KeyCode, KeyModifiers), String> {
    let mut rest = text;
    let mut modifiers = KeyModifiers::NONE;
    let mut shift = false;
    loop {
        let lower = rest.to_ascii_lowercase();
        let strip = |prefix: &str| lower.starts_with(prefix) && rest.len() > prefix.len();
        if strip("ctrl-") {
            modifiers |= KeyModifiers::CONTROL;
            rest = &rest[5..];
        } else if strip("alt-") {
            modifiers |= KeyModifiers::ALT;
            rest = &rest[4..];
        } else if strip("shift-") && !lower.eq_ignore_ascii_case("shift-tab") {
            shift = true;
            rest = &rest[6..];
        } else {
            break;
        }
    }
    let named = NAMES
        .iter()
        .find(|(names, _)| names.iter().any(|n| n.eq_ignore_ascii_case(rest)))
        .map(|(_, code)| *code);
    let function = rest
        .strip_prefix(['F', 'f'])
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=12).contains(n))
        .map(K::F);
    let mut chars = rest.chars();
    let code = match (named.or(function), chars.next(), chars.next()) {
        (Some(code), _, _) if shift && code != K::BackTab => {
            return Err("Shift- goes only with Tab or a letter".into());
        }
        (Some(code), _, _) => code,
        (None, None, _) => return Err("empty".into()),
        (None, Some(c), None) if !c.is_control() => {
            if shift && c.is_ascii_alphabetic() {
                K::Char(c.to_ascii_uppercase())
            } else if shift {
                return Err("Shift- goes only with Tab or a letter".into());
            } else if modifiers.contains(KeyModifiers::CONTROL) {
                // A terminal sends Ctrl-Z and Ctrl-z alike.
                K::Char(c.to_ascii_lowercase())
            } else {
                K::Char(c)
            }
        }
        _ => return Err("unknown key name".into()),
    };
    Ok((code, modifiers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_as_help_writes_them() {
        let cases = [
            ("x", K::Char('x'), KeyModifiers::NONE, "x"),
            ("G", K::Char('G'), KeyModifiers::NONE, "G"),
            ("Shift-g", K::Char('G'), KeyModifiers::NONE, "G"),
            ("Ctrl-Z", K::Char('z'), KeyModifiers::CONTROL, "Ctrl-z"),
            ("ctrl-s", K::Char('s'), KeyModifiers::CONTROL, "Ctrl-s"),
            ("Alt-Enter", K::Enter, KeyModifiers::ALT, "Alt-Enter"),
            ("Shift-Tab", K::BackTab, KeyModifiers::NONE, "Shift-Tab"),
            ("down", K::Down, KeyModifiers::NONE, "↓"),
            ("↑", K::Up, KeyModifiers::NONE, "↑"),
            ("Space", K::Char(' '), KeyModifiers::NONE, "Space"),
            ("F2", K::F(2), KeyModifiers::NONE, "F2"),
            ("PageDown", K::PageDown, KeyModifiers::NONE, "PgDn"),
            ("-", K::Char('-'), KeyModifiers::NONE, "-"),
        ];
        for (text, code, mods, shown) in cases {
            assert_eq!(parse(text), Ok((code, mods)), "{text}");
            assert_eq!(name(code, mods), shown, "{text}");
            assert_eq!(parse(shown), Ok((code, mods)), "{shown} reads back");
        }
        for bad in ["", "Ctrl-", "F13", "Enterr", "Shift-1", "Shift-Enter", "xy"] {
            assert!(parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
