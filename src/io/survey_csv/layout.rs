//! The survey tools we read, how each is recognised from its header rows, and the names each
//! layout gives its columns.

use super::{Column, column_key};
use crate::core::sanitize;
use crate::io::headers::normalise;

/// Which tool wrote a survey export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SurveyLayout {
    /// Qualtrics CSV export: three header rows.
    Qualtrics,
    /// SurveyMonkey "All responses" CSV: two header rows.
    SurveyMonkey,
    /// Typeform responses CSV: one header row starting with `#`.
    Typeform,
    /// Any other CSV with one header row; the map must name the response id column.
    Generic,
}

impl SurveyLayout {
    /// The name used in map files and as the default source of responses.
    pub fn name(self) -> &'static str {
        match self {
            SurveyLayout::Qualtrics => "qualtrics",
            SurveyLayout::SurveyMonkey => "surveymonkey",
            SurveyLayout::Typeform => "typeform",
            SurveyLayout::Generic => "generic",
        }
    }

    /// A name to show the user.
    pub fn label(self) -> &'static str {
        match self {
            SurveyLayout::Qualtrics => "Qualtrics export",
            SurveyLayout::SurveyMonkey => "SurveyMonkey export",
            SurveyLayout::Typeform => "Typeform export",
            SurveyLayout::Generic => "generic CSV",
        }
    }

    /// Reads a layout name as a map file gives it (case and punctuation ignored).
    pub fn parse(text: &str) -> Option<SurveyLayout> {
        let all = [
            SurveyLayout::Qualtrics,
            SurveyLayout::SurveyMonkey,
            SurveyLayout::Typeform,
            SurveyLayout::Generic,
        ];
        let key = normalise(text);
        all.into_iter().find(|l| l.name() == key)
    }

    /// The response id column when the map names none.
    pub(super) fn response_id_header(self) -> Option<&'static str> {
        match self {
            SurveyLayout::Qualtrics => Some("ResponseId"),
            SurveyLayout::SurveyMonkey => Some("Respondent ID"),
            SurveyLayout::Typeform => Some("#"),
            SurveyLayout::Generic => None,
        }
    }

    /// The submission time column when the map names none.
    pub(super) fn submitted_header(self) -> Option<&'static str> {
        match self {
            SurveyLayout::Qualtrics => Some("EndDate"),
            SurveyLayout::SurveyMonkey => Some("End Date"),
            SurveyLayout::Typeform => Some("Submit Date (UTC)"),
            SurveyLayout::Generic => None,
        }
    }

    /// The respondent's email column of email distributions, when the map names no respondent.
    pub(super) fn email_header(self) -> Option<&'static str> {
        match self {
            SurveyLayout::Qualtrics => Some("RecipientEmail"),
            SurveyLayout::SurveyMonkey => Some("Email Address"),
            SurveyLayout::Typeform | SurveyLayout::Generic => None,
        }
    }
}

/// Whether a cell is a Qualtrics import id (`{"ImportId":"QID1"}`).
fn import_id(cell: &str) -> Option<(String, Option<String>)> {
    let value: serde_json::Value = serde_json::from_str(cell.trim()).ok()?;
    let id = value.get("ImportId")?.as_str()?.to_string();
    let zone = value
        .get("timeZone")
        .and_then(|z| z.as_str())
        .map(str::to_string);
    Some((id, zone))
}

/// Guesses the tool from the first row (and the third, for Qualtrics' import ids).
pub(super) fn detect(first: &[String], third: Option<&csv::StringRecord>) -> Option<SurveyLayout> {
    let keys: Vec<String> = first.iter().map(|h| column_key(h)).collect();
    let has = |k: &str| keys.iter().any(|h| h == k);
    let import_ids = third.is_some_and(|r| r.iter().any(|c| import_id(c).is_some()));
    if has("responseid") && (import_ids || has("enddate") || has("recordeddate")) {
        return Some(SurveyLayout::Qualtrics);
    }
    if has("respondentid") && has("collectorid") {
        return Some(SurveyLayout::SurveyMonkey);
    }
    if keys.first().is_some_and(|k| k == "#") && (has("submitdateutc") || has("networkid")) {
        return Some(SurveyLayout::Typeform);
    }
    None
}

/// The columns of `layout` from its header rows; returns how many rows they take.
pub(super) fn columns(
    layout: SurveyLayout,
    records: &[(u64, csv::StringRecord)],
) -> (Vec<Column>, usize) {
    let row = |n: usize, i: usize| -> String {
        records
            .get(n)
            .and_then(|(_, r)| r.get(i))
            .map(sanitize::line)
            .unwrap_or_default()
    };
    let width = records.first().map_or(0, |(_, r)| r.len());
    let mut out = Vec::with_capacity(width);
    let mut group = String::new();
    let import_ids = records
        .get(2)
        .is_some_and(|(_, r)| r.iter().any(|c| import_id(c).is_some()));
    for i in 0..width {
        let first = row(0, i);
        let column = match layout {
            SurveyLayout::Qualtrics => {
                let text = row(1, i);
                let (id, time_zone) = records
                    .get(2)
                    .and_then(|(_, r)| r.get(i))
                    .and_then(import_id)
                    .unzip();
                Column {
                    header: first.clone(),
                    question: if text.is_empty() {
                        first.clone()
                    } else {
                        text.clone()
                    },
                    names: [
                        column_key(&first),
                        column_key(&text),
                        id.map_or_else(String::new, |id| column_key(&id)),
                    ],
                    time_zone: time_zone.flatten(),
                }
            }
            SurveyLayout::SurveyMonkey => {
                if !first.is_empty() {
                    group = first.clone();
                }
                let sub = row(1, i);
                let header = match (first.is_empty(), sub.is_empty()) {
                    (false, true) => first.clone(),
                    _ => format!("{group} / {sub}"),
                };
                Column {
                    header,
                    question: group.clone(),
                    names: [
                        if first.is_empty() {
                            String::new()
                        } else {
                            column_key(&first)
                        },
                        column_key(&format!("{group} {sub}")),
                        column_key(&sub),
                    ],
                    time_zone: None,
                }
            }
            SurveyLayout::Typeform | SurveyLayout::Generic => Column {
                header: first.clone(),
                question: first.clone(),
                names: [column_key(&first), String::new(), String::new()],
                time_zone: None,
            },
        };
        out.push(column);
    }
    let header_rows = match layout {
        SurveyLayout::Qualtrics => 2 + usize::from(import_ids),
        SurveyLayout::SurveyMonkey => 2,
        SurveyLayout::Typeform | SurveyLayout::Generic => 1,
    };
    (out, header_rows)
}
