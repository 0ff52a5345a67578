//! Tests for reading survey exports: layout detection, column names, line numbers, row and
//! file errors.

use super::*;
use crate::core::QuestionSet;

fn table(text: &str) -> SurveyTable {
    read_table(text.as_bytes(), None).expect("readable")
}

fn map(text: &str) -> SurveyMap {
    SurveyMap::from_toml(text, &QuestionSet::defaults()).expect("valid map")
}

fn errors(parsed: &ParsedResponses) -> Vec<(u64, &str)> {
    parsed
        .errors
        .iter()
        .map(|e| (e.line, e.reason.as_str()))
        .collect()
}

const QUALTRICS: &str = "StartDate,EndDate,ResponseId,RecipientEmail,Q1,Q1_TEXT\n\
    Start Date,End Date,Response ID,Recipient Email,How satisfied are you?,Why?\n\
    \"{\"\"ImportId\"\":\"\"startDate\"\",\"\"timeZone\"\":\"\"America/Denver\"\"}\",\
    \"{\"\"ImportId\"\":\"\"endDate\"\",\"\"timeZone\"\":\"\"America/Denver\"\"}\",\
    \"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"recipientEmail\"\"}\",\
    \"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID1_TEXT\"\"}\"\n\
    2026-11-16 07:41:02,2026-11-16 07:49:37,R_1,a@x.example,4,Fine\n";

const MONKEY: &str = "Respondent ID,Collector ID,End Date,Email Address,How satisfied?,,Any comments?\n\
    ,,,,Response,Other (please specify),Open-Ended Response\n\
    101,9,11/17/2026 10:02:11 AM,a@x.example,5 - Very,,\"Good, mostly\"\n";

const TYPEFORM: &str = "#,How satisfied?,email,Submit Date (UTC),Network ID\n\
    tok1,4,a@x.example,2026-11-16 09:04:40,abc\n";

#[test]
fn layouts_are_detected_from_their_header_rows() {
    // (text, layout, header rows consumed = first data line)
    let cases = [
        (QUALTRICS, SurveyLayout::Qualtrics, 4),
        (MONKEY, SurveyLayout::SurveyMonkey, 3),
        (TYPEFORM, SurveyLayout::Typeform, 2),
        (
            "ID,Email,Score\n1,a@x.example,4\n",
            SurveyLayout::Generic,
            2,
        ),
        // A Qualtrics export without its import-id row still has two header rows.
        (
            "ResponseId,EndDate,Q1\nResponse ID,End Date,How?\nR_1,2026-11-16,4\n",
            SurveyLayout::Qualtrics,
            3,
        ),
    ];
    for (text, layout, first_line) in cases {
        let t = table(text);
        assert_eq!(t.layout, layout, "{text}");
        assert_eq!(t.rows.first().map(|r| r.0), Some(first_line), "{text}");
    }
    for (name, layout) in [
        ("qualtrics", SurveyLayout::Qualtrics),
        ("Survey Monkey", SurveyLayout::SurveyMonkey),
        ("TYPEFORM", SurveyLayout::Typeform),
        ("generic", SurveyLayout::Generic),
    ] {
        assert_eq!(SurveyLayout::parse(name), Some(layout), "{name}");
    }
}

#[test]
fn a_declared_layout_must_agree_with_the_headers() {
    let declared = read_table(
        "ID,Email\n1,a@x.example\n".as_bytes(),
        Some(SurveyLayout::Typeform),
    );
    assert_eq!(declared.expect("readable").layout, SurveyLayout::Typeform);
    match read_table(TYPEFORM.as_bytes(), Some(SurveyLayout::Qualtrics)) {
        Err(e @ SurveyFileError::LayoutMismatch { .. }) => assert_eq!(
            e.to_string(),
            "the map says layout = 'qualtrics' but the file is a Typeform export; fix the map"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn columns_are_found_by_id_text_import_id_sub_header_or_position() {
    let q = table(QUALTRICS);
    let h = |s: &str| ColumnRef::Header(s.into());
    // (table, reference, column index)
    let cases = [
        (&q, h("Q1"), 4),
        (&q, h("q1_text"), 5),
        (&q, h("How satisfied are you?"), 4),
        (&q, h("QID1_TEXT"), 5),
        (&q, h("Response ID"), 2),
        (&q, ColumnRef::Position(1), 0),
    ];
    let m = table(MONKEY);
    let t = table(TYPEFORM);
    let more = [
        (&m, h("How satisfied?"), 4),
        (&m, h("How satisfied? / Other (please specify)"), 5),
        (&m, h("Any comments?"), 6),
        (&m, h("Open-Ended Response"), 6),
        (&t, h("#"), 0),
        (&t, h("submit date utc"), 3),
    ];
    for (table, reference, want) in cases.into_iter().chain(more) {
        assert_eq!(table.find(&reference), Ok(want), "{reference}");
    }
    assert_eq!(m.find(&h("Response")), Ok(4));
    let twice = table("#,Comment,Comment,Network ID\n");
    let ambiguous = twice.find(&h("comment")).expect_err("two columns");
    assert_eq!(
        ambiguous,
        "'comment' names columns 2, 3; name it by position instead"
    );
    let missing = t.find(&h("Q9")).expect_err("missing");
    assert!(
        missing
            .ends_with("the columns are: #, How satisfied?, email, Submit Date (UTC), Network ID"),
        "{missing}"
    );
    let beyond = t.find(&ColumnRef::Position(6)).expect_err("beyond");
    assert_eq!(beyond, "column 6 does not exist; the file has 5 columns");
}

#[test]
fn line_numbers_count_crlf_quoted_line_breaks_blank_lines_and_the_bom() {
    let cases: &[(&str, &[u64])] = &[
        ("#,Network ID\na,1\nb,2\n", &[2, 3]),
        ("#,Network ID\r\na,1\r\n\r\nb,2\r\n", &[2, 4]),
        ("\u{feff}#,Network ID\r\n\"a\r\nstill a\",1\r\nb,2", &[2, 4]),
        ("#,Network ID\ra,1\rb,2", &[2, 3]),
        ("\n\n#,Network ID\na,1\n,\nb,2\n", &[4, 6]),
    ];
    for (text, want) in cases {
        let lines: Vec<u64> = table(text).rows.iter().map(|r| r.0).collect();
        assert_eq!(lines, *want, "{text:?}");
    }
}

#[test]
fn file_level_problems_are_errors() {
    let not_utf8 = read_table(&b"#,Network ID\nt,\xe9\n"[..], None);
    assert!(
        matches!(
            not_utf8,
            Err(SurveyFileError::NotUtf8 {
                offset: 15,
                line: 2
            })
        ),
        "{not_utf8:?}"
    );
    let utf16 = read_table(&b"\xff\xfe#\x00"[..], None);
    assert!(matches!(utf16, Err(SurveyFileError::Utf16)));
    for empty in ["", "\n\n", "\u{feff}"] {
        let result = read_table(empty.as_bytes(), None);
        assert!(
            matches!(result, Err(SurveyFileError::NoHeader)),
            "{empty:?}"
        );
    }
}

#[test]
fn the_map_must_fit_the_file() {
    // (file, map, message)
    let cases = [
        (
            "ID,Email,Score\n1,a@x.example,4\n",
            "email = 'Email'\n[questions.overall]\nscore = 'Score'",
            "map key 'response_id': a generic CSV has no standard response id column",
        ),
        (
            TYPEFORM,
            "[questions.overall]\nscore = 2",
            "map key 'email': the map names neither email nor company",
        ),
        (
            TYPEFORM,
            "email = 'email'\n[questions.overall]\nscore = 'Overall'",
            "map key 'questions.overall.score': no column is named 'Overall'",
        ),
        (
            TYPEFORM,
            "email = 'email'\n[questions.overall]\nscore = 2\ncomment = 9",
            "map key 'questions.overall.comment': column 9 does not exist",
        ),
        (
            "#,How?,email\nt,4,a@x.example\n",
            "layout = 'typeform'\nemail = 'email'\n[questions.overall]\nscore = 2",
            "", // no submission column: fine, responses count as received at import
        ),
    ];
    for (file, map_text, message) in cases {
        let result = parse_responses(file.as_bytes(), &map(map_text));
        match result {
            Ok(_) if message.is_empty() => {}
            Err(e) if !message.is_empty() => {
                assert!(e.to_string().starts_with(message), "{e}");
            }
            other => panic!("{map_text}: {other:?}"),
        }
    }
}

#[test]
fn qualtrics_reads_recipient_email_by_default_and_warns_about_its_time_zone() {
    let parsed = parse_responses(
        QUALTRICS.as_bytes(),
        &map("[questions.overall]\nscore = 'Q1'\ncomment = 'QID1_TEXT'"),
    )
    .expect("parses");
    let [r] = parsed.responses.as_slice() else {
        panic!("{parsed:?}");
    };
    assert_eq!(
        (r.line, r.response_id.as_str(), r.email.as_str()),
        (4, "R_1", "a@x.example")
    );
    assert_eq!(r.answers[0].question, "How satisfied are you?");
    assert_eq!(r.answers[0].comment, "Fine");
    assert_eq!(parsed.source, "qualtrics");
    assert!(
        parsed.notes[0].contains("in America/Denver"),
        "{:?}",
        parsed.notes
    );
    let told = parse_responses(
        QUALTRICS.as_bytes(),
        &map("utc_offset = '-07:00'\n[questions.overall]\nscore = 'Q1'"),
    )
    .expect("parses");
    assert_eq!(told.notes, Vec::<String>::new());
}

#[test]
fn bad_rows_are_listed_with_line_and_every_reason() {
    let file = "#,How?,Why?,email,Submit Date (UTC)\n\
        t1,4,\"fine, thanks\",a@x.example,2026-11-16 09:04:40\n\
        t2,9,,a@x.example,yesterday\n\
        ,4,,a@x.example,\n\
        t1,5,,b@x.example,\n\
        t5,4,,a@x.example,,extra\n\
        t6,,only a comment,a@x.example,\n";
    let parsed = parse_responses(
        file.as_bytes(),
        &map("email = 'email'\n[questions.overall]\nscore = 2\ncomment = 'Why?'"),
    )
    .expect("parses");
    let lines: Vec<u64> = parsed.responses.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 7]);
    assert_eq!(
        parsed.responses[1].answers[0].score, None,
        "blank = not asked"
    );
    assert_eq!(parsed.responses[1].answers[0].comment, "only a comment");
    let errors = errors(&parsed);
    let lines: Vec<u64> = errors.iter().map(|e| e.0).collect();
    assert_eq!(lines, [3, 4, 5, 6], "{errors:?}");
    assert!(
        errors[0].1.contains("'yesterday' is not a time"),
        "{}",
        errors[0].1
    );
    assert!(
        errors[0]
            .1
            .contains("9 is outside the scale 1-5 of overall"),
        "{}",
        errors[0].1
    );
    assert!(
        errors[1]
            .1
            .contains("the response id is blank (column '#')")
    );
    assert_eq!(
        errors[2].1,
        "same response id 't1' as line 2; only the first is imported"
    );
    assert!(errors[3].1.starts_with("has 6 fields but the header has 5"));
}
