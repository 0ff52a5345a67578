//! The map file of `hearback import responses`: which columns of a survey export hold the
//! respondent, the response id, the submission time, and the score and comment of each of our
//! questions, and how to read their cells (scales, answer labels, time format).
//!
//! ```toml
//! layout = "typeform"                  # optional: detected from the headers
//! email = "Work email"                 # and/or company = "Company"
//! scale = [1, 5]                       # default for every question
//! [questions.overall]
//! score = "How satisfied are you with us overall?"   # header text, or a 1-based position
//! comment = 3
//! [questions.loyalty]
//! score = "How likely are you to recommend us?"
//! scale = [0, 10]
//! ```

use crate::core::excerpt::excerpt;
use crate::core::policy::parse_offset;
use crate::core::survey_import::Scale;
use crate::core::when::YEARS;
use crate::core::{Instant, QuestionSet, sanitize};
use crate::io::headers::normalise;
use crate::io::survey_csv::SurveyLayout;
use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::collections::BTreeMap;
use std::fmt;

/// A column named in the map: by its header text (case, spaces and punctuation ignored) or by
/// its 1-based position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnRef {
    /// The n-th column, counting from 1.
    Position(usize),
    /// A header: column id, question text or import id (whichever the layout has).
    Header(String),
}

impl fmt::Display for ColumnRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColumnRef::Position(n) => write!(f, "column {n}"),
            ColumnRef::Header(h) => write!(f, "'{h}'"),
        }
    }
}

impl<'de> Deserialize<'de> for ColumnRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RefVisitor;
        impl Visitor<'_> for RefVisitor {
            type Value = ColumnRef;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a column header (text) or a 1-based column position (number)")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ColumnRef, E> {
                usize::try_from(v)
                    .ok()
                    .filter(|&n| n >= 1)
                    .map(ColumnRef::Position)
                    .ok_or_else(|| E::custom(format!("column position {v} must be 1 or more")))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ColumnRef, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(-1))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ColumnRef, E> {
                if v.trim().is_empty() {
                    return Err(E::custom("a column header cannot be blank"));
                }
                Ok(ColumnRef::Header(v.to_string()))
            }
        }
        deserializer.deserialize_any(RefVisitor)
    }
}

/// The columns of one of our questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionColumns {
    /// Our question's key.
    pub key: String,
    /// The column holding its score.
    pub score: ColumnRef,
    /// The column holding the respondent's comment on it, if any.
    pub comment: Option<ColumnRef>,
    /// The range of its answers.
    pub scale: Scale,
}

/// A checked map file.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyMap {
    /// The layout named by the map; `None` means detect it.
    pub layout: Option<SurveyLayout>,
    /// The source stored with each response (default: the layout's name).
    pub source: Option<String>,
    /// The respondent's email.
    pub email: Option<ColumnRef>,
    /// The respondent's company.
    pub company: Option<ColumnRef>,
    /// The response id (default per layout).
    pub response_id: Option<ColumnRef>,
    /// The submission time (default per layout).
    pub submitted_at: Option<ColumnRef>,
    /// A chrono `strftime` format for the submission time, instead of the formats we know.
    pub time_format: Option<String>,
    /// The offset of times written without one (default UTC).
    pub utc_offset: FixedOffset,
    /// Answer texts (normalised) and the value each stands for.
    pub labels: Vec<(String, f64)>,
    /// Our questions that the survey asked, in our question order.
    pub questions: Vec<QuestionColumns>,
}

/// Why a map file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MapError {
    /// Not TOML, a key we do not know, or a value of the wrong type (the message names it).
    #[error("{0}")]
    Syntax(String),
    /// `layout` names no layout we read.
    #[error("layout = '{0}' is not known; use qualtrics, surveymonkey, typeform or generic")]
    UnknownLayout(String),
    /// `[questions.KEY]` names no question of ours.
    #[error("[questions.{key}] is not one of our questions; they are: {known}")]
    UnknownQuestion {
        /// The key in the map.
        key: String,
        /// Our keys, comma-separated.
        known: String,
    },
    /// No question mapped at all.
    #[error("the map names no question; add e.g. [questions.overall] with score = \"...\"")]
    NoQuestions,
    /// A scale whose minimum is not below its maximum.
    #[error("{key} = [{min}, {max}]: the first number must be below the second")]
    BadScale {
        /// The key, e.g. `questions.loyalty.scale`.
        key: String,
        /// Given minimum.
        min: i64,
        /// Given maximum.
        max: i64,
    },
    /// A scale that is not two numbers.
    #[error("{0} must be two whole numbers, [min, max], e.g. [0, 10]")]
    ScaleShape(String),
    /// A bad `utc_offset`.
    #[error("utc_offset = '{0}' is not an offset like +01:00, -05:00 or UTC")]
    BadOffset(String),
    /// A bad `time_format`.
    #[error("time_format = '{0}' is not a valid chrono format (e.g. \"%d/%m/%Y %H:%M\")")]
    BadTimeFormat(String),
    /// A blank `source`.
    #[error("source is blank; name the survey tool, e.g. source = \"qualtrics\"")]
    BlankSource,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMap {
    layout: Option<String>,
    source: Option<String>,
    email: Option<ColumnRef>,
    company: Option<ColumnRef>,
    response_id: Option<ColumnRef>,
    submitted_at: Option<ColumnRef>,
    time_format: Option<String>,
    utc_offset: Option<String>,
    scale: Option<Vec<i64>>,
    #[serde(default)]
    labels: BTreeMap<String, f64>,
    #[serde(default)]
    questions: BTreeMap<String, RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    score: ColumnRef,
    comment: Option<ColumnRef>,
    scale: Option<Vec<i64>>,
}

fn scale(key: &str, given: Option<Vec<i64>>, default: Scale) -> Result<Scale, MapError> {
    match given.as_deref() {
        None => Ok(default),
        Some(&[min, max]) => Scale::new(min, max).ok_or_else(|| MapError::BadScale {
            key: key.to_string(),
            min,
            max,
        }),
        Some(_) => Err(MapError::ScaleShape(key.to_string())),
    }
}

impl SurveyMap {
    /// Parses and checks a map file against our questions.
    pub fn from_toml(text: &str, questions: &QuestionSet) -> Result<SurveyMap, MapError> {
        // The TOML parser's message quotes the offending line: cleaned like any user text.
        let raw: RawMap =
            toml::from_str(text).map_err(|e| MapError::Syntax(sanitize::text(&e.to_string())))?;
        let layout = match raw.layout {
            None => None,
            Some(name) => Some(
                SurveyLayout::parse(&name)
                    .ok_or_else(|| MapError::UnknownLayout(excerpt(&name)))?,
            ),
        };
        let source = match raw.source.map(|s| sanitize::line(&s)) {
            Some(s) if s.is_empty() => return Err(MapError::BlankSource),
            other => other,
        };
        let utc_offset = match raw.utc_offset {
            None => chrono::Utc.fix(),
            Some(text) => parse_offset(&text).ok_or_else(|| MapError::BadOffset(excerpt(&text)))?,
        };
        if let Some(format) = &raw.time_format {
            let broken = chrono::format::StrftimeItems::new(format)
                .any(|item| matches!(item, chrono::format::Item::Error));
            if broken || format.trim().is_empty() {
                return Err(MapError::BadTimeFormat(excerpt(format)));
            }
        }
        let default_scale = scale("scale", raw.scale, Scale::ONE_TO_FIVE)?;
        let mut mapped = raw.questions;
        for key in mapped.keys() {
            if !questions.questions.iter().any(|q| q.key == *key) {
                let known: Vec<&str> = questions.questions.iter().map(|q| q.key.as_str()).collect();
                return Err(MapError::UnknownQuestion {
                    key: excerpt(key),
                    known: known.join(", "),
                });
            }
        }
        let mut columns = Vec::new();
        for q in &questions.questions {
            let Some(given) = mapped.remove(&q.key) else {
                continue;
            };
            let key = format!("questions.{}.scale", q.key);
            columns.push(QuestionColumns {
                key: q.key.clone(),
                score: given.score,
                comment: given.comment,
                scale: scale(&key, given.scale, default_scale)?,
            });
        }
        if columns.is_empty() {
            return Err(MapError::NoQuestions);
        }
        Ok(SurveyMap {
            layout,
            source,
            email: raw.email,
            company: raw.company,
            response_id: raw.response_id,
            submitted_at: raw.submitted_at,
            time_format: raw.time_format,
            utc_offset,
            labels: raw
                .labels
                .into_iter()
                .map(|(label, value)| (normalise(&label), value))
                .collect(),
            questions: columns,
        })
    }

    /// The value a score cell stands for on its question's scale: `None` when blank or not
    /// applicable (`N/A`, and Qualtrics' `-99`, "seen but not answered"); a label from
    /// `[labels]`; else the number the text starts with (`5 - Very satisfied` is 5).
    pub fn answer_value(&self, cell: &str, layout: SurveyLayout) -> Result<Option<f64>, String> {
        let text = cell.trim();
        let key = normalise(text);
        if text.is_empty() || matches!(key.as_str(), "na" | "notapplicable") {
            return Ok(None);
        }
        if layout == SurveyLayout::Qualtrics && text == "-99" {
            return Ok(None);
        }
        if let Some((_, value)) = self.labels.iter().find(|(label, _)| *label == key) {
            return Ok(Some(*value));
        }
        let number: String = text
            .char_indices()
            .take_while(|&(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && c == '-'))
            .map(|(_, c)| c)
            .collect();
        number.parse::<f64>().map(Some).map_err(|_| {
            format!(
                "'{}' is not a score; use numbers, or add it under [labels] in the map",
                excerpt(text)
            )
        })
    }

    /// The submission time in a cell: `time_format` if the map gives one, else RFC 3339,
    /// `YYYY-MM-DD HH:MM[:SS]` (Qualtrics, Typeform) or `MM/DD/YYYY HH:MM[:SS] [AM|PM]`
    /// (SurveyMonkey). Times without an offset are at `utc_offset`.
    pub fn submitted_time(&self, cell: &str) -> Result<Instant, String> {
        let at = self.parse_time(cell)?;
        if YEARS.contains(&at.year()) {
            return Ok(at);
        }
        Err(format!(
            "'{}' is in the year {}; a submission time must be between {} and {}",
            excerpt(cell),
            at.year(),
            YEARS.start(),
            YEARS.end()
        ))
    }

    /// [`SurveyMap::submitted_time`] before the check of the year.
    fn parse_time(&self, cell: &str) -> Result<Instant, String> {
        let text = cell.trim();
        if self.time_format.is_none()
            && let Ok(t) = chrono::DateTime::parse_from_rfc3339(text)
        {
            return Ok(t.with_timezone(&chrono::Utc));
        }
        let formats: Vec<&str> = match &self.time_format {
            Some(format) => vec![format.as_str()],
            None => vec![
                "%Y-%m-%d %H:%M:%S",
                "%Y-%m-%dT%H:%M:%S",
                "%Y-%m-%d %H:%M",
                "%m/%d/%Y %I:%M:%S %p",
                "%m/%d/%Y %I:%M %p",
                "%m/%d/%Y %H:%M:%S",
                "%m/%d/%Y %H:%M",
            ],
        };
        let naive = formats.iter().find_map(|f| {
            NaiveDateTime::parse_from_str(text, f).ok().or_else(|| {
                NaiveDate::parse_from_str(text, f)
                    .ok()
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
            })
        });
        let local = naive.and_then(|n| self.utc_offset.from_local_datetime(&n).single());
        match (local, &self.time_format) {
            (Some(t), _) => Ok(t.with_timezone(&chrono::Utc)),
            (None, Some(f)) => Err(format!(
                "'{}' does not match time_format '{}'",
                excerpt(text),
                excerpt(f)
            )),
            (None, None) => Err(format!(
                "'{}' is not a time we read (e.g. 2026-11-16 09:30:00 or \
                 11/16/2026 09:30:00 AM); set time_format in the map",
                excerpt(text)
            )),
        }
    }
}

#[cfg(test)]
mod tests;
