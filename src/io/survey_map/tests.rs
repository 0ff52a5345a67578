//! Tests for map files: parsing, refusals that name the key, and reading score and time cells.

use super::*;

fn map(text: &str) -> Result<SurveyMap, MapError> {
    SurveyMap::from_toml(text, &QuestionSet::defaults())
}

fn plain() -> SurveyMap {
    map("email = 'Email'\n[questions.overall]\nscore = 2\n").expect("valid map")
}

#[test]
fn a_full_map_parses_in_question_order() {
    let m = map(r#"
        layout = "SurveyMonkey"
        source = "pulse-2026"
        email = "Email Address"
        company = 9
        response_id = "Respondent ID"
        submitted_at = "End Date"
        time_format = "%d/%m/%Y %H:%M"
        utc_offset = "+01:00"
        scale = [1, 7]
        [labels]
        "Very likely" = 5
        [questions.loyalty]
        score = "Q9"
        scale = [0, 10]
        [questions.overall]
        score = 10
        comment = "Why?"
    "#)
    .expect("valid map");
    assert_eq!(m.layout, Some(SurveyLayout::SurveyMonkey));
    assert_eq!(m.source.as_deref(), Some("pulse-2026"));
    assert_eq!(m.company, Some(ColumnRef::Position(9)));
    assert_eq!(m.utc_offset.local_minus_utc(), 3600);
    assert_eq!(m.labels, [("verylikely".to_string(), 5.0)]);
    let keys: Vec<(&str, Scale)> = m
        .questions
        .iter()
        .map(|q| (q.key.as_str(), q.scale))
        .collect();
    assert_eq!(
        keys,
        [
            ("overall", Scale { min: 1, max: 7 }),
            ("loyalty", Scale { min: 0, max: 10 })
        ],
        "our order, the global scale unless the question has its own"
    );
    assert_eq!(
        m.questions[0].comment,
        Some(ColumnRef::Header("Why?".into()))
    );
}

#[test]
fn bad_maps_are_refused_naming_the_key() {
    // (map text, words the message must contain)
    let cases = [
        ("emial = 'x'\n[questions.overall]\nscore = 1", "emial"),
        ("[questions.overall]\nscore = 1\nscael = [0, 10]", "scael"),
        ("[questions.overall]\nscor = 1", "scor"),
        (
            "[questions.overall]\nscore = 0",
            "column position 0 must be 1 or more",
        ),
        ("[questions.overall]\nscore = ''", "cannot be blank"),
        (
            "[questions.overall]\nscore = true",
            "a column header (text) or a 1-based",
        ),
        (
            "[questions.overal]\nscore = 1",
            "[questions.overal] is not one of our questions",
        ),
        ("email = 'x'", "names no question"),
        (
            "layout = 'qualtrix'\n[questions.overall]\nscore = 1",
            "layout = 'qualtrix'",
        ),
        (
            "scale = [5, 1]\n[questions.overall]\nscore = 1",
            "scale = [5, 1]",
        ),
        (
            "[questions.loyalty]\nscore = 1\nscale = [3, 3]",
            "questions.loyalty.scale = [3, 3]",
        ),
        (
            "scale = [1, 2, 3]\n[questions.overall]\nscore = 1",
            "scale must be two whole numbers",
        ),
        ("[questions.overall]\nscore = 1\nscale = [1.5, 5]", "scale"),
        (
            "utc_offset = 'Denver'\n[questions.overall]\nscore = 1",
            "utc_offset = 'Denver'",
        ),
        (
            "time_format = '%Q'\n[questions.overall]\nscore = 1",
            "time_format = '%Q'",
        ),
        (
            "source = ' '\n[questions.overall]\nscore = 1",
            "source is blank",
        ),
    ];
    for (text, words) in cases {
        let message = map(text).expect_err(text).to_string();
        assert!(message.contains(words), "{text:?}: {message}");
    }
}

#[test]
fn score_cells_read_numbers_labels_and_blanks() {
    let mut m = plain();
    m.labels = vec![("verylikely".into(), 5.0)];
    let typeform = SurveyLayout::Typeform;
    // (cell, layout, value)
    let cases: &[(&str, SurveyLayout, Option<f64>)] = &[
        ("5", typeform, Some(5.0)),
        (" 4 ", typeform, Some(4.0)),
        ("5 - Very satisfied", typeform, Some(5.0)),
        ("10 (Extremely likely)", typeform, Some(10.0)),
        ("4.5", typeform, Some(4.5)),
        ("Very likely", typeform, Some(5.0)),
        ("very  LIKELY!", typeform, Some(5.0)),
        ("", typeform, None),
        ("N/A", typeform, None),
        ("Not applicable", typeform, None),
        ("-99", SurveyLayout::Qualtrics, None),
        ("-99", typeform, Some(-99.0)),
    ];
    for &(cell, layout, want) in cases {
        assert_eq!(m.answer_value(cell, layout), Ok(want), "{cell:?}");
    }
    for cell in ["Extremely satisfied", "five", "-", "."] {
        let err = m.answer_value(cell, typeform).expect_err(cell);
        assert!(err.contains("is not a score"), "{cell}: {err}");
    }
}

#[test]
fn submission_times_in_the_formats_survey_tools_write() {
    let utc = plain();
    let want = |text: &str| {
        chrono::DateTime::parse_from_rfc3339(text)
            .expect("valid")
            .with_timezone(&chrono::Utc)
    };
    let cases = [
        ("2026-11-16 09:04:40", "2026-11-16T09:04:40Z"),
        ("2026-11-16T09:04:40", "2026-11-16T09:04:40Z"),
        ("2026-11-16 09:04", "2026-11-16T09:04:00Z"),
        ("11/18/2026 02:26:05 PM", "2026-11-18T14:26:05Z"),
        ("11/18/2026 02:26 AM", "2026-11-18T02:26:00Z"),
        ("11/18/2026 14:26:05", "2026-11-18T14:26:05Z"),
        ("2026-11-16T09:04:40+02:00", "2026-11-16T07:04:40Z"),
    ];
    for (cell, expected) in cases {
        assert_eq!(utc.submitted_time(cell), Ok(want(expected)), "{cell}");
    }
    let denver = SurveyMap {
        utc_offset: parse_offset("-07:00").expect("offset"),
        ..plain()
    };
    assert_eq!(
        denver.submitted_time("2026-11-17 06:15:40"),
        Ok(want("2026-11-17T13:15:40Z"))
    );
    let european = SurveyMap {
        time_format: Some("%d.%m.%Y %H:%M".into()),
        ..plain()
    };
    assert_eq!(
        european.submitted_time("17.11.2026 06:15"),
        Ok(want("2026-11-17T06:15:00Z"))
    );
    let wrong = european
        .submitted_time("2026-11-17 06:15")
        .expect_err("format");
    assert!(wrong.contains("does not match time_format"), "{wrong}");
    let unknown = utc.submitted_time("yesterday").expect_err("not a time");
    assert!(unknown.contains("set time_format"), "{unknown}");
}
