//! The interview questions: six by default, shipped in `assets/questions.toml`, editable.

use serde::Deserialize;

/// The shipped default questions.
pub const DEFAULT_QUESTIONS_TOML: &str = include_str!("../../assets/questions.toml");

/// One question of the interview form.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable key stored with answers.
    pub key: String,
    /// The question as asked.
    pub text: String,
    /// A follow-up prompt for the interviewer when the answer is vague.
    #[serde(default)]
    pub probe: String,
}

/// The ordered set of questions.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSet {
    /// The questions, in order.
    #[serde(rename = "question")]
    pub questions: Vec<Question>,
}

/// Why a questions file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum QuestionsError {
    /// Not valid TOML or wrong shape.
    #[error("{0}")]
    Syntax(String),
    /// No questions at all.
    #[error("the file has no [[question]] entries")]
    Empty,
    /// A key used twice.
    #[error("question key '{0}' is used twice; keys must be unique")]
    DuplicateKey(String),
    /// A key or text left blank.
    #[error("question {0} has an empty key or text")]
    Blank(usize),
}

impl QuestionSet {
    /// Parses a questions file.
    pub fn from_toml(text: &str) -> Result<QuestionSet, QuestionsError> {
        let set: QuestionSet = toml::from_str(text)
            .map_err(|e| QuestionsError::Syntax(super::sanitize::text(&e.to_string())))?;
        if set.questions.is_empty() {
            return Err(QuestionsError::Empty);
        }
        for (i, q) in set.questions.iter().enumerate() {
            if q.key.trim().is_empty() || q.text.trim().is_empty() {
                return Err(QuestionsError::Blank(i + 1));
            }
            if set.questions[..i].iter().any(|p| p.key == q.key) {
                return Err(QuestionsError::DuplicateKey(q.key.clone()));
            }
        }
        Ok(set)
    }

    /// The shipped six questions.
    pub fn defaults() -> QuestionSet {
        // The shipped file is checked by a test; falling back to an empty set would hide a
        // packaging mistake, so a broken asset is a bug caught before release.
        QuestionSet::from_toml(DEFAULT_QUESTIONS_TOML).unwrap_or(QuestionSet {
            questions: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_defaults_are_six_valid_questions() {
        let set = QuestionSet::from_toml(DEFAULT_QUESTIONS_TOML).expect("shipped file parses");
        let keys: Vec<&str> = set.questions.iter().map(|q| q.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "overall",
                "understanding",
                "responsiveness",
                "delivery",
                "resolution",
                "loyalty"
            ]
        );
        assert_eq!(QuestionSet::defaults(), set);
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let dup = "[[question]]\nkey='a'\ntext='x'\n[[question]]\nkey='a'\ntext='y'\n";
        assert_eq!(
            QuestionSet::from_toml(dup),
            Err(QuestionsError::DuplicateKey("a".into()))
        );
        assert_eq!(
            QuestionSet::from_toml("question = []"),
            Err(QuestionsError::Empty)
        );
        assert_eq!(
            QuestionSet::from_toml("[[question]]\nkey=''\ntext='x'"),
            Err(QuestionsError::Blank(1))
        );
        assert!(matches!(
            QuestionSet::from_toml("[[question]]\nkey='a'\ntext='x'\nextra=1"),
            Err(QuestionsError::Syntax(_))
        ));
    }
}
