use super::*;

fn err(text: &str) -> String {
    MonitorMap::from_toml(text)
        .expect_err("refused")
        .to_string()
}

#[test]
fn a_map_is_refused_with_the_key_that_is_wrong() {
    let base = "customer = \"Name\"\nreference = \"No\"\n";
    let cases = [
        (
            "reference = \"No\"\nkind = \"return\"\ndate = \"D\"",
            "no column to find the customer by",
        ),
        (&format!("{base}date = \"D\""), "the map says no kind"),
        (
            &format!("{base}kind = \"return\"\nkind_column = \"T\"\ndate = \"D\""),
            "kind and kind_column are both given",
        ),
        (
            &format!("{base}kind = \"invoice\"\ndate = \"D\""),
            "kind = 'invoice' is not a kind",
        ),
        (
            &format!("{base}kind = \"delivery\""),
            "deliveries need promised",
        ),
        (&format!("{base}kind = \"return\""), "no date column"),
        (
            "customer = \"Name\"\nkind = \"return\"\ndate = \"D\"",
            "no reference column",
        ),
        (
            &format!("{base}kind_column = \"T\"\ndate = \"D\"\n[kinds]\nX = \"parcel\""),
            "kinds.'X' = 'parcel' is not a kind",
        ),
        (
            &format!("{base}kind_column = \"T\"\ndate = \"D\"\n[kinds]\nX = \"delivery\""),
            "deliveries need promised",
        ),
        (
            &format!("{base}kind = \"return\"\ndate = \"D\"\ndate_format = \"%Q\""),
            "date_format = '%Q'",
        ),
        (
            &format!("{base}kind = \"return\"\ndate = \"D\"\ncurrency = \"euro\""),
            "currency = 'euro'",
        ),
        (
            &format!("{base}kind = \"credit_note\"\ndate = \"D\"\namount = \"A\""),
            "amount needs a currency",
        ),
        (
            &format!("{base}kind = \"return\"\ndate = \"D\"\nwhen = \"D\""),
            "unknown field `when`",
        ),
    ];
    for (text, want) in cases {
        let got = err(text);
        assert!(got.contains(want), "{text}\n=> {got}");
    }
}

#[test]
fn kinds_read_the_map_table_then_the_plain_names() {
    let map = MonitorMap::from_toml(
        "email = \"E\"\nreference = \"No\"\ndate = \"D\"\nkind_column = \"T\"\n\
         [kinds]\n\"Warranty Claim\" = \"claim\"\n\"G2\" = \"credit_note\"\n\"INV\" = \"ignore\"",
    )
    .expect("valid");
    assert_eq!(map.kind_of("warranty claim"), Ok(KindName::Claim));
    assert_eq!(map.kind_of(" g2 "), Ok(KindName::CreditNote));
    assert_eq!(map.kind_of("INV"), Ok(KindName::Ignore));
    assert_eq!(map.kind_of("Return"), Ok(KindName::Return));
    assert_eq!(map.kind_of("Credit memo"), Ok(KindName::CreditNote));
    assert!(map.kind_of("Quote").is_err());
}

#[test]
fn dates_read_iso_dotted_and_compact_forms_unless_a_format_is_given() {
    let map = MonitorMap::from_toml(
        "customer = \"N\"\nreference = \"No\"\nkind = \"return\"\ndate = \"D\"",
    )
    .expect("valid");
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
    assert_eq!(map.date("2026-03-31"), Ok(d(2026, 3, 31)));
    assert_eq!(map.date("2026-03-31 14:05:00"), Ok(d(2026, 3, 31)));
    assert_eq!(map.date("2026-03-31T14:05:00Z"), Ok(d(2026, 3, 31)));
    assert_eq!(map.date("31.03.2026"), Ok(d(2026, 3, 31)));
    assert_eq!(map.date("20260331"), Ok(d(2026, 3, 31)));
    assert!(
        map.date("03/31/2026")
            .is_err_and(|e| e.contains("set date_format"))
    );
    assert!(map.date("2026-03-31x").is_err());
    assert!(
        map.date("1899-01-01")
            .is_err_and(|e| e.contains("the year 1899"))
    );
    let us = MonitorMap::from_toml(
        "customer = \"N\"\nreference = \"No\"\nkind = \"return\"\ndate = \"D\"\ndate_format = \"%m/%d/%Y\"",
    )
    .expect("valid");
    assert_eq!(us.date("03/31/2026"), Ok(d(2026, 3, 31)));
    assert!(
        us.date("31.03.2026")
            .is_err_and(|e| e.contains("does not match date_format"))
    );
}
