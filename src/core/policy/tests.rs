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
    assert_eq!(Policy::default().calendar(local).offset, local);
    let p = Policy::from_toml(
        "[policy.business_time]\nutc_offset = \"-05:00\"\nworking_days = [\"sun\"]\n",
    )
    .expect("valid");
    let cal = p.calendar(local);
    assert_eq!(cal.offset.local_minus_utc(), -18000);
    assert_eq!(cal.working_days, vec![Weekday::Sun]);
}
