//! Binding a map to an export's columns, and reading each data row through it.

use super::{SurveyFileError, SurveyTable};
use crate::core::sanitize;
use crate::core::survey_import::{Scale, SurveyAnswer, SurveyResponse};
use crate::io::csv_checks::{MAX_LINE_CHARS, MAX_TEXT_CHARS, too_long};
use crate::io::survey_map::{ColumnRef, SurveyMap};

/// One of our questions bound to column indices.
struct BoundQuestion {
    key: String,
    score: usize,
    comment: Option<usize>,
    scale: Scale,
}

/// The map's columns as indices into one export.
pub(super) struct Binding {
    response_id: usize,
    email: Option<usize>,
    company: Option<usize>,
    submitted: Option<usize>,
    questions: Vec<BoundQuestion>,
}

impl Binding {
    /// Finds every column the map names (or the layout's default) in `table`.
    pub(super) fn new(table: &SurveyTable, map: &SurveyMap) -> Result<Binding, SurveyFileError> {
        let find = |key: &str, column: &ColumnRef| table.column(key, column);
        let default = |header: Option<&str>| {
            header.and_then(|h| table.find(&ColumnRef::Header(h.to_string())).ok())
        };
        let layout = table.layout;
        let response_id = match (&map.response_id, layout.response_id_header()) {
            (Some(column), _) => find("response_id", column)?,
            (None, Some(header)) => {
                let column = ColumnRef::Header(header.to_string());
                table
                    .find(&column)
                    .map_err(|problem| SurveyFileError::Column {
                        key: "response_id".into(),
                        problem: format!("{problem}; name the response id column in the map"),
                    })?
            }
            (None, None) => {
                return Err(SurveyFileError::Column {
                    key: "response_id".into(),
                    problem: format!(
                        "a {} has no standard response id column; name the column that \
                         identifies each response, e.g. response_id = \"ID\"",
                        layout.label()
                    ),
                });
            }
        };
        let submitted = match &map.submitted_at {
            Some(column) => Some(find("submitted_at", column)?),
            // A default column that is missing is fine: responses count as received now.
            None => default(layout.submitted_header()),
        };
        let (email, company) = match (&map.email, &map.company) {
            (None, None) => match default(layout.email_header()) {
                Some(column) => (Some(column), None),
                None => {
                    return Err(SurveyFileError::Column {
                        key: "email".into(),
                        problem: "the map names neither email nor company; name the column \
                                  that identifies the respondent, e.g. email = \"Email\""
                            .into(),
                    });
                }
            },
            (email, company) => (
                email.as_ref().map(|c| find("email", c)).transpose()?,
                company.as_ref().map(|c| find("company", c)).transpose()?,
            ),
        };
        let mut questions = Vec::with_capacity(map.questions.len());
        for q in &map.questions {
            let comment_key = format!("questions.{}.comment", q.key);
            questions.push(BoundQuestion {
                key: q.key.clone(),
                score: find(&format!("questions.{}.score", q.key), &q.score)?,
                comment: q
                    .comment
                    .as_ref()
                    .map(|c| find(&comment_key, c))
                    .transpose()?,
                scale: q.scale,
            });
        }
        Ok(Binding {
            response_id,
            email,
            company,
            submitted,
            questions,
        })
    }

    /// Warnings about how the file will be read: a Qualtrics export names the time zone of
    /// its dates, which hearback cannot apply by name.
    pub(super) fn notes(&self, table: &SurveyTable, map: &SurveyMap) -> Vec<String> {
        let Some(column) = self.submitted.and_then(|i| table.columns.get(i)) else {
            return Vec::new();
        };
        match &column.time_zone {
            Some(zone)
                if map.utc_offset.local_minus_utc() == 0
                    && !matches!(zone.as_str(), "UTC" | "Etc/UTC" | "GMT" | "Etc/GMT" | "Z") =>
            {
                vec![format!(
                    "the export says the times in '{}' are in {zone}; they are read as UTC \
                     unless the map sets utc_offset (e.g. utc_offset = \"-07:00\")",
                    column.header
                )]
            }
            _ => Vec::new(),
        }
    }

    /// One data row as a response, or every reason it cannot be read.
    pub(super) fn read(
        &self,
        table: &SurveyTable,
        map: &SurveyMap,
        record: &csv::StringRecord,
        line: u64,
    ) -> Result<SurveyResponse, String> {
        table.fits(record)?;
        let cell = |i: usize| record.get(i).unwrap_or("");
        let header = |i: usize| table.header(i);
        // A cell too long to be real is reported alone: the others are probably fine.
        let lines = [
            Some(self.response_id),
            self.email,
            self.company,
            self.submitted,
        ];
        let scores = self.questions.iter().map(|q| Some(q.score));
        for i in lines.into_iter().chain(scores).flatten() {
            if let Some(problem) = too_long(&header(i), cell(i), MAX_LINE_CHARS) {
                return Err(problem);
            }
        }
        for i in self.questions.iter().filter_map(|q| q.comment) {
            if let Some(problem) = too_long(&header(i), cell(i), MAX_TEXT_CHARS) {
                return Err(problem);
            }
        }
        let text = |i: Option<usize>| i.map(|i| sanitize::line(cell(i))).unwrap_or_default();
        let mut problems = Vec::new();
        let response_id = text(Some(self.response_id));
        if response_id.is_empty() {
            let column = header(self.response_id);
            problems.push(format!("the response id is blank (column '{column}')"));
        }
        let submitted_at = self.submitted.and_then(|i| {
            let value = cell(i).trim();
            if value.is_empty() {
                return None;
            }
            map.submitted_time(value)
                .map_err(|e| problems.push(format!("{e} (column '{}')", header(i))))
                .ok()
        });
        let mut answers = Vec::with_capacity(self.questions.len());
        let mut off_scale = false;
        for q in &self.questions {
            let score = match map.answer_value(cell(q.score), table.layout) {
                Ok(None) => None,
                Ok(Some(value)) => q.scale.to_score(value).or_else(|| {
                    let Scale { min, max } = q.scale;
                    problems.push(format!(
                        "{value} is outside the scale {min}-{max} of {} (column '{}')",
                        q.key,
                        header(q.score)
                    ));
                    off_scale = true;
                    None
                }),
                Err(e) => {
                    problems.push(format!("{e} ({}, column '{}')", q.key, header(q.score)));
                    None
                }
            };
            answers.push(SurveyAnswer {
                question_key: q.key.clone(),
                question: table
                    .columns
                    .get(q.score)
                    .map(|c| c.question.clone())
                    .unwrap_or_default(),
                score,
                comment: q
                    .comment
                    .map(|i| sanitize::text(cell(i)))
                    .unwrap_or_default(),
            });
        }
        if off_scale {
            problems.push(
                "if a question uses another scale, give it scale = [min, max] in the map".into(),
            );
        }
        if !problems.is_empty() {
            return Err(problems.join("; "));
        }
        Ok(SurveyResponse {
            line,
            response_id,
            email: text(self.email),
            company: text(self.company),
            submitted_at,
            answers,
        })
    }
}
