//! Pretty JSON that cannot drive a terminal and loses nothing. serde_json escapes only C0
//! controls; C1 controls (an 8-bit CSI is `\u{9b}`), DEL and bidi overrides would reach a
//! terminal raw when an export is printed. Here they are written as `\uXXXX` escapes, so the
//! text reads back exactly while the bytes on screen are plain ASCII.

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::io::{self, Write};

/// Whether a character must not reach a terminal raw.
fn unsafe_char(c: char) -> bool {
    c == '\u{7f}'
        || ('\u{80}'..='\u{9f}').contains(&c)
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// serde_json's pretty formatter with the escapes above.
struct SafeFormatter(PrettyFormatter<'static>);

impl Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        let mut rest = s;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| unsafe_char(c)) {
            w.write_all(&rest.as_bytes()[..at])?;
            write!(w, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as pretty JSON, terminal-safe and lossless.
pub fn to_writer_pretty<W: Write, T: ?Sized + Serialize>(
    out: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser =
        serde_json::Serializer::with_formatter(out, SafeFormatter(PrettyFormatter::new()));
    value.serialize(&mut ser)
}

#[cfg(test)]
mod tests {
    #[test]
    fn c1_del_and_bidi_are_escaped_and_read_back() {
        let text = "a\u{9b}2Jb\u{7f}c\u{202e}d\u{1b}[31m ok 日本";
        let mut out = Vec::new();
        super::to_writer_pretty(&mut out, &vec![text]).expect("writes");
        let json = String::from_utf8(out).expect("utf-8");
        assert!(json.contains("\\u009b") && json.contains("\\u202e") && json.contains("\\u007f"));
        assert!(
            !json.chars().any(|c| c.is_control() && c != '\n'),
            "{json:?}"
        );
        let back: Vec<String> = serde_json::from_str(&json).expect("reads");
        assert_eq!(back, [text]);
        let plain = serde_json::to_string_pretty(&vec!["x", "y"]).expect("writes");
        let mut ours = Vec::new();
        super::to_writer_pretty(&mut ours, &vec!["x", "y"]).expect("writes");
        assert_eq!(String::from_utf8(ours).expect("utf-8"), plain);
    }
}
