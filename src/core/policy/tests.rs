use super::*;

#[test]
fn the_shipped_file_is_the_default_policy() {
    assert_eq!(
        Policy::from_toml(DEFAULT_POLICY_TOML),
        Ok(Policy::default())
    );
}

#[test]
fn overrides_keep_the_other_defaults() {
    let p = Policy::from_toml(
        "[policy.deadlines]\ndebrief_hours = 48\n[policy.cadence.tier_months]\nkey = 3\n",
    )
    .expect("valid");
    assert_eq!(p.deadlines.debrief_hours, 48);
    assert_eq!(p.deadlines.report_president_days, 7);
    assert_eq!(p.cadence_months(Tier::Key), 3);
    assert_eq!(p.cadence_months(Tier::Standard), 6);
    assert_eq!(Policy::from_toml(""), Ok(Policy::default()));
}

#[test]
fn invalid_configs_name_the_key() {
    let cases = [
        ("[policy.deadlines]\ndebrief_hourz = 1\n", "debrief_hourz"),
        (
            "[policy.deadlines]\ndebrief_hours = \"soon\"\n",
            "debrief_hours",
        ),
        ("[policy.cadence]\nmonths = 0\n", "policy.cadence.months"),
        (
            "[policy.low_scores]\nthreshold = 9\n",
            "policy.low_scores.threshold",
        ),
        (
            "[policy.low_scores]\nsenior_max = 4\n",
            "policy.low_scores.senior_max",
        ),
        (
            "[policy.business_time]\nworking_days = [\"mon\", \"funday\"]\n",
            "'funday'",
        ),
        (
            "[policy.business_time]\nutc_offset = \"CET\"\n",
            "policy.business_time.utc_offset",
        ),
        ("[polcy]\n", "polcy"),
        (
            "[policy.senior_management]\nrole = \"boss\"\n",
            "policy.senior_management: 'boss' is not a role",
        ),
        ("[policy.senior_management]\nsponsor = true\n", "sponsor"),
        ("[policy.cadence.tier_months]\nplatinum = 2\n", "platinum"),
    ];
    for (text, needle) in cases {
        let err = Policy::from_toml(text).expect_err(text).to_string();
        assert!(err.contains(needle), "{text:?} gave {err:?}");
    }
}

#[test]
fn offsets_parse() {
    assert_eq!(
        parse_offset("+01:00").map(|o| o.local_minus_utc()),
        Some(3600)
    );
    assert_eq!(
        parse_offset("-05:30").map(|o| o.local_minus_utc()),
        Some(-19800)
    );
    assert_eq!(parse_offset("Z").map(|o| o.local_minus_utc()), Some(0));
    assert_eq!(parse_offset("01:00"), None);
    assert_eq!(parse_offset("+25:00"), None);
}

#[test]
fn calendar_uses_the_policy_offset_before_the_local_one() {
    let local = FixedOffset::east_opt(7200).expect("valid");
    assert_eq!(Policy::default().work_week(local).offset, local);
    let p = Policy::from_toml(
        "[policy.business_time]\nutc_offset = \"-05:00\"\nworking_days = [\"sun\"]\n",
    )
    .expect("valid");
    let cal = p.work_week(local);
    assert_eq!(cal.offset.local_minus_utc(), -18000);
    assert_eq!(cal.working_days, vec![Weekday::Sun]);
}

#[test]
fn every_number_is_bounded_and_the_error_names_key_value_and_range() {
    let cases = [
        ("cadence", "after_deliverable_days", "366", "0 to 365"),
        ("cadence", "spacing_days", "4294967295", "0 to 365"),
        (
            "deadlines",
            "prebrief_business_days_before",
            "31",
            "0 to 30",
        ),
        (
            "deadlines",
            "acknowledge_business_hours",
            "4000000000",
            "0 to 720",
        ),
        ("deadlines", "debrief_hours", "721", "0 to 720"),
        ("deadlines", "inform_executives_hours", "100000", "0 to 720"),
        ("deadlines", "report_president_days", "400", "0 to 365"),
        (
            "deadlines",
            "disseminate_days_after_report",
            "4294967295",
            "0 to 365",
        ),
        ("deadlines", "formal_report_days", "1000", "0 to 365"),
        ("deadlines", "action_followup_days", "999999", "0 to 365"),
        (
            "low_scores",
            "senior_business_days",
            "4294967295",
            "0 to 30",
        ),
        ("low_scores", "managers_business_days", "31", "0 to 30"),
        (
            "requests",
            "first_response_business_hours",
            "721",
            "0 to 720",
        ),
        ("requests", "resolve_business_days", "31", "0 to 30"),
    ];
    for (section, key, value, range) in cases {
        let text = format!("[policy.{section}]\n{key} = {value}\n");
        let err = Policy::from_toml(&text).expect_err(&text).to_string();
        for needle in [
            format!("policy.{section}.{key}"),
            value.to_string(),
            range.to_string(),
        ] {
            assert!(err.contains(&needle), "{text:?} gave {err:?}");
        }
        // The edge of the range itself is accepted.
        let edge = range.rsplit(' ').next().unwrap_or_default();
        let ok = format!("[policy.{section}]\n{key} = {edge}\n");
        assert!(Policy::from_toml(&ok).is_ok(), "{ok:?} is refused");
    }
}

#[test]
fn request_limits_default_and_override_key_by_key() {
    let p = Policy::from_toml("[policy.requests]\nresolve_business_days = 5\n").expect("valid");
    assert_eq!(
        (
            p.requests.first_response_business_hours,
            p.requests.resolve_business_days
        ),
        (4, 5)
    );
    let err = Policy::from_toml("[policy.requests]\nfirst_reply = 2\n").expect_err("unknown");
    assert!(err.to_string().contains("first_reply"), "{err}");
}

#[test]
fn working_days_cannot_be_empty_or_repeated() {
    let empty = Policy::from_toml("[policy.business_time]\nworking_days = []\n")
        .expect_err("no working day")
        .to_string();
    assert!(
        empty.contains("policy.business_time.working_days"),
        "{empty}"
    );
    assert!(empty.contains("at least one"), "{empty}");
    let twice = Policy::from_toml("[policy.business_time]\nworking_days = [\"mon\", \"Monday\"]\n")
        .expect_err("mon twice")
        .to_string();
    assert!(twice.contains("twice"), "{twice}");
}

#[test]
fn rejected_text_is_quoted_sanitised_and_short() {
    let hostile = format!(
        "[policy.business_time]\nworking_days = [\"\\u001b]52;c;aGk=\\u0007{}\"]\n",
        "x".repeat(500)
    );
    let err = Policy::from_toml(&hostile)
        .expect_err("not a day")
        .to_string();
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.len() < 300, "{} bytes: {err}", err.len());
    // toml quotes the offending line in a syntax error: it is sanitised too.
    let raw = "[policy.cadence]\nmonths = \u{1b}[2J\u{1b}]52;c;aGk=\u{7}\n";
    let err = Policy::from_toml(raw).expect_err("syntax").to_string();
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
}
