//! Markdown documents from the templates in `assets/` (`report_debrief.md`,
//! `report_president.md`, `report_digest.md`, `report_customer.md`; Jinja syntax via
//! minijinja).
//!
//! The figures come formatted from `core::report`; the templates only place text. Text typed
//! by people goes through one of three filters, so nothing a customer said can break the
//! layout: `cell` for table cells (`|` escaped, line breaks as `<br>`), `inline` for one line
//! of running text (line breaks become spaces) and `quote` for a block quote.

use crate::core::report::{self, CustomerReport, Period, ReportError, Sources};
use crate::core::{FollowUpId, InterviewId};
use minijinja::syntax::SyntaxConfig;
use minijinja::{Environment, UndefinedBehavior, Value};
use serde::Serialize;

/// The shipped debrief template.
pub const DEBRIEF_TEMPLATE: &str = include_str!("../../assets/report_debrief.md");
/// The shipped President report template.
pub const PRESIDENT_TEMPLATE: &str = include_str!("../../assets/report_president.md");
/// The shipped workforce digest template.
pub const DIGEST_TEMPLATE: &str = include_str!("../../assets/report_digest.md");
/// The shipped template of the formal report to the customer.
pub const CUSTOMER_TEMPLATE: &str = include_str!("../../assets/report_customer.md");

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The records do not allow it (unknown interview, not completed, empty period).
    #[error(transparent)]
    Report(#[from] ReportError),
    /// A template has a syntax error or uses something undefined (minijinja names the line).
    #[error("{name} template: {source}")]
    Template {
        /// Which template.
        name: &'static str,
        /// What minijinja found.
        source: minijinja::Error,
    },
}

/// The debrief of a completed interview, as Markdown.
pub fn debrief(src: &Sources<'_>, id: InterviewId) -> Result<String, DocumentError> {
    let doc = report::debrief(src, id)?;
    render("report_debrief.md", DEBRIEF_TEMPLATE, &doc)
}

/// The President report for `[since, until)`, as Markdown.
pub fn president(src: &Sources<'_>, period: Period) -> Result<String, DocumentError> {
    render(
        "report_president.md",
        PRESIDENT_TEMPLATE,
        &report::president(src, period),
    )
}

/// The workforce digest for `[since, until)`, as Markdown.
pub fn digest(src: &Sources<'_>, period: Period) -> Result<String, DocumentError> {
    render(
        "report_digest.md",
        DIGEST_TEMPLATE,
        &report::digest(src, period),
    )
}

/// The formal report to the customer on follow-up `id`, as Markdown, with the document it
/// was rendered from (its `notes` tell the lead what the customer's copy leaves out).
pub fn customer(
    src: &Sources<'_>,
    id: FollowUpId,
    followup_days: u32,
) -> Result<(String, CustomerReport), DocumentError> {
    let doc = report::customer_report(src, id, followup_days)?;
    let text = render("report_customer.md", CUSTOMER_TEMPLATE, &doc)?;
    Ok((text, doc))
}

/// Renders `doc` with `template`. Undefined variables are errors, so a misspelt placeholder
/// never leaves a silent blank in a document someone acts on.
pub fn render<T: Serialize>(
    name: &'static str,
    template: &str,
    doc: &T,
) -> Result<String, DocumentError> {
    let fail = |source| DocumentError::Template { name, source };
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Block tags on lines of their own leave no blank lines; the final newline is kept.
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .map_err(fail)?,
    );
    env.add_filter("cell", cell);
    env.add_filter("inline", inline);
    env.add_filter("quote", quote);
    env.add_template(name, template).map_err(fail)?;
    env.get_template(name)
        .and_then(|t| t.render(to_value(doc)?))
        .map_err(fail)
}

/// The document as a template value. minijinja is built without its `serde` feature, so the
/// document goes through `serde_json`'s value tree, which maps one to one.
fn to_value<T: Serialize>(doc: &T) -> Result<Value, minijinja::Error> {
    let json = serde_json::to_value(doc).map_err(|e| {
        minijinja::Error::new(minijinja::ErrorKind::BadSerialization, e.to_string())
    })?;
    Ok(from_json(json))
}

fn from_json(json: serde_json::Value) -> Value {
    use serde_json::Value as J;
    match json {
        J::Null => Value::from(()),
        J::Bool(b) => Value::from(b),
        J::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => Value::from(i),
            (None, Some(u), _) => Value::from(u),
            (None, None, Some(f)) => Value::from(f),
            (None, None, None) => Value::from(()),
        },
        J::String(s) => Value::from(s),
        J::Array(list) => Value::from(list.into_iter().map(from_json).collect::<Vec<_>>()),
        J::Object(map) => Value::from(
            map.into_iter()
                .map(|(k, v)| (k, from_json(v)))
                .collect::<std::collections::BTreeMap<String, Value>>(),
        ),
    }
}

/// Text for a Markdown table cell: `|` escaped, each line break as `<br>`, so a comment
/// typed with either stays in its cell.
pub fn cell(text: &str) -> String {
    lines(text).join("<br>").replace('|', "\\|")
}

/// Text on one line: line breaks become single spaces.
pub fn inline(text: &str) -> String {
    lines(text).join(" ")
}

/// A block quote: every line prefixed with `> `, blank lines kept inside the quote.
pub fn quote(text: &str) -> String {
    text.trim()
        .lines()
        .map(|l| {
            let l = l.trim_end();
            if l.is_empty() {
                ">".to_string()
            } else {
                format!("> {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The non-blank lines of `text`, trimmed (CRLF, CR and LF all end a line).
fn lines(text: &str) -> Vec<&str> {
    text.split(['\r', '\n'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_pipes_and_line_breaks_inside_the_cell() {
        assert_eq!(cell("a | b"), "a \\| b");
        assert_eq!(
            cell("first\r\nsecond\rthird\n\nfourth"),
            "first<br>second<br>third<br>fourth"
        );
        assert_eq!(cell("  plain  "), "plain");
        assert_eq!(inline("one\ntwo |"), "one two |");
        assert_eq!(quote("one\n\ntwo"), "> one\n>\n> two");
    }

    #[test]
    fn a_misspelt_placeholder_is_an_error_not_a_blank() {
        #[derive(Serialize)]
        struct Doc {
            title: &'static str,
        }
        let err = render("test.md", "# {{ titel }}\n", &Doc { title: "x" }).expect_err("strict");
        assert!(err.to_string().starts_with("test.md template:"), "{err}");
        let ok = render("test.md", "# {{ title|cell }}\n", &Doc { title: "a|b" }).expect("renders");
        assert_eq!(ok, "# a\\|b\n");
    }
}
