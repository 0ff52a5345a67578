//! Tests for the customer CSV reader: guards, line numbers, file and row errors.

use super::*;

fn parse(text: &str) -> ParsedCustomers {
    parse_customers(text.as_bytes(), "USD").expect("file-level parse succeeds")
}

fn errors(parsed: &ParsedCustomers) -> Vec<(u64, &str)> {
    parsed
        .errors
        .iter()
        .map(|e| (e.line, e.reason.as_str()))
        .collect()
}

#[test]
fn guard_and_unguard_round_trip() {
    // (value, guarded form)
    let cases = [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1 555", "'+1 555"),
        ("-5", "'-5"),
        ("@x", "'@x"),
        ("'=x", "''=x"),
        ("''+y", "'''+y"),
        ("\tz", "'\tz"),
        ("\rz", "'\rz"),
        ("plain", "plain"),
        ("'quoted", "'quoted"),
        ("'", "'"),
        ("", ""),
    ];
    for (value, guarded) in cases {
        assert_eq!(guard_cell(value), guarded, "{value:?}");
        assert_eq!(unguard_cell(guarded), value, "{value:?}");
    }
}

#[test]
fn line_numbers_count_crlf_lone_cr_quoted_newlines_and_blank_lines() {
    let cases: &[(&str, &[u64])] = &[
        ("name\na\nb\n", &[2, 3]),
        ("name\r\na\r\nb\r\n", &[2, 3]),
        ("name\r\n\r\na\r\n\r\n\r\nb", &[3, 6]),
        ("name\ra\rb", &[2, 3]),
        ("name\n\"a\nstill a\"\nb\n", &[2, 4]),
        ("name\r\n\"a\r\n\r\nstill a\"\r\n\r\nb\r\n\r\n", &[2, 6]),
        ("\n\nname\na\n", &[4]),
    ];
    for (text, want) in cases {
        let lines: Vec<u64> = parse(text).rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, *want, "{text:?}");
    }
}

#[test]
fn file_level_problems_are_errors() {
    let not_utf8 = parse_customers(&b"name\nAcme\nCaf\xe9 Ltd\n"[..], "USD");
    assert!(
        matches!(
            not_utf8,
            Err(CsvFileError::NotUtf8 {
                offset: 13,
                line: 3
            })
        ),
        "{not_utf8:?}"
    );
    let utf16 = parse_customers(&b"\xff\xfen\x00a\x00"[..], "USD");
    assert!(matches!(utf16, Err(CsvFileError::Utf16)));
    for empty in ["", "\n\n", "\u{feff}", ",,\nAcme"] {
        let result = parse_customers(empty.as_bytes(), "USD");
        assert!(matches!(result, Err(CsvFileError::NoHeader)), "{empty:?}");
    }
    match parse_customers("Website,City\nacme.example,Paris\n".as_bytes(), "USD") {
        Err(e @ CsvFileError::NoNameColumn { .. }) => {
            assert!(
                e.to_string()
                    .ends_with("the columns found are: Website, City"),
                "{e}"
            );
        }
        other => panic!("expected NoNameColumn, got {other:?}"),
    }
}

#[test]
fn bad_rows_are_reported_with_reasons() {
    let text = "name,size,size_minor,currency,tier,crm_id\n\
                ,1,,,,\n\
                Acme,lots,,,,\n\
                Acme,,12.5,,,\n\
                Acme,,-1,,,\n\
                Acme,,,US Dollar,,\n\
                Acme,,,,gigantic,\n\
                Acme,1,,,,X,extra\n\
                Globex,1,,,,X\n\
                Globex again,1,,,,X\n";
    let parsed = parse(text);
    assert_eq!(parsed.rows.len(), 1);
    let tier_hint = "use key, growth or standard (also accepted: strategic, enterprise, \
                     tier 1/2/3, A/B/C, platinum, gold, silver, bronze, mid-market, SMB)";
    let want: Vec<(u64, String)> = vec![
        (2, "the name is blank (column 'name')".into()),
        (
            3,
            "column 'size': 'lots' is not an amount (expected e.g. 1250000, 1,250,000.00 or \
             $1.25M)"
                .into(),
        ),
        (
            4,
            "column 'size_minor': '12.5' is not a whole, non-negative number of minor units \
             (cents)"
                .into(),
        ),
        (
            5,
            "column 'size_minor': '-1' is not a whole, non-negative number of minor units \
             (cents)"
                .into(),
        ),
        (
            6,
            "currency 'US Dollar' is not a three-letter ISO code such as USD or EUR (column \
             'currency')"
                .into(),
        ),
        (
            7,
            format!("tier 'gigantic' is not known (column 'tier'); {tier_hint}"),
        ),
        (
            8,
            "has 7 fields but the header has 6; a value containing a comma must be in double \
             quotes"
                .into(),
        ),
        (
            10,
            "same CRM id 'X' as line 9; only the first is imported".into(),
        ),
    ];
    let got: Vec<(u64, String)> = errors(&parsed)
        .into_iter()
        .map(|(l, r)| (l, r.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn several_problems_in_one_row_are_joined() {
    let parsed = parse("name,size,tier\n,lots,huge\n");
    let [(2, reason)] = errors(&parsed)[..] else {
        panic!("one error expected: {:?}", parsed.errors);
    };
    assert!(reason.starts_with("the name is blank"), "{reason}");
    assert_eq!(reason.matches("; ").count(), 3, "{reason}");
}

#[test]
fn currencies_come_from_the_cell_the_column_or_the_default() {
    let text = "name,size,currency\nA,1000,\nB,1000,eur\nC,£1000,EUR\nD,1000 JPY,\n";
    let parsed = parse_customers(text.as_bytes(), "GBP").expect("parses");
    let sizes: Vec<(i64, &str)> = parsed
        .rows
        .iter()
        .filter_map(|r| r.size.as_ref())
        .map(|m| (m.minor, m.currency.as_str()))
        .collect();
    assert_eq!(
        sizes,
        vec![
            (100_000, "GBP"),
            (100_000, "EUR"),
            (100_000, "GBP"),
            (1000, "JPY")
        ]
    );
}

#[test]
fn owner_id_is_used_only_without_an_owner_name_column() {
    let cases = [
        (
            "Id,Name,OwnerId\n001,Acme,005Ax\n",
            Some("005Ax"),
            vec!["OwnerId"; 0],
        ),
        (
            "Id,Name,OwnerId,Owner.Name\n001,Acme,005Ax,Dana Whitfield\n",
            Some("Dana Whitfield"),
            vec!["OwnerId"],
        ),
    ];
    for (text, owner, ignored) in cases {
        let parsed = parse(text);
        assert_eq!(parsed.rows[0].account_manager.as_deref(), owner, "{text}");
        assert_eq!(parsed.ignored_columns, ignored, "{text}");
    }
}

#[test]
fn guarded_cells_and_escapes_are_cleaned() {
    let text = "name,contact_name,contact_phone\n\
                \"'=Acme\",\"\u{1b}[1mLee\u{1b}[0m Park\",'+1 555 0100\n";
    let row = &parse(text).rows[0];
    assert_eq!(row.name, "=Acme");
    let contact = row.contact.as_ref().expect("contact");
    assert_eq!(
        (contact.name.as_str(), contact.phone.as_str()),
        ("Lee Park", "+1 555 0100")
    );
}

proptest::proptest! {
    #[test]
    fn never_panics_on_any_input(
        header in "(name|Company name|size|size_minor|tier|crm_id|currency|OwnerId|,|\"|\r|\n|\u{feff}| ){0,12}",
        body in "[a-zA-Z0-9,;\"'=+@ \t\r\n\u{1b}\\[\\]\u{7}\u{202e}\u{feff}$€£.kM-]{0,200}",
        tail in proptest::collection::vec(proptest::num::u8::ANY, 0..4),
    ) {
        let mut bytes = header.into_bytes();
        bytes.extend(body.into_bytes());
        bytes.extend(tail);
        if let Ok(parsed) = parse_customers(bytes.as_slice(), "USD") {
            let data = crate::core::Dataset::default();
            let mut ids = crate::core::IdAllocator::starting_at(1);
            let now = chrono::DateTime::from_timestamp(0, 0).expect("epoch");
            let _ = crate::core::customer_import::plan_import(&data, &parsed.rows, &mut ids, "t", now);
        }
    }

    #[test]
    fn guard_round_trips_any_text(cell in "['=+@\t\r\\-a-z]{0,6}") {
        let guarded = guard_cell(&cell);
        proptest::prop_assert_eq!(unguard_cell(&guarded), cell.as_str());
    }
}
