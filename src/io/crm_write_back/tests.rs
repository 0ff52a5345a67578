use super::*;
use crate::core::risk::RiskLevel;
use crate::core::write_back::{NextDate, Standing};
use crate::core::{Customer, CustomerId, Money};
use crate::io::customers_csv::parse_customers;
use crate::io::headers::{Field, Layout, detect_layout, field_for};
use chrono::{TimeZone, Utc};

const ALL: [Crm; 3] = [Crm::HubSpot, Crm::Salesforce, Crm::Zoho];

/// 2026-`month`-`day` 12:00 UTC (noon: the same date in any zone a test machine has).
fn t(month: u32, day: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, month, day, 12, 0, 0)
        .single()
        .expect("valid date")
}

fn record<'a>(customer: &'a Customer, crm_id: &'a str) -> WriteBack<'a> {
    WriteBack {
        customer,
        crm_id,
        last_interview: Some(t(4, 10)),
        last_average: Some(13.0 / 3.0),
        lowest_recent: Some(3),
        standing: Standing::Risk(RiskLevel::AtRisk),
        reasons: vec!["latest average 2.7 (below 3.0)".into(), "never mind".into()],
        open_followups: 2,
        next: NextDate::Overdue(t(4, 30)),
    }
}

#[test]
fn hubspot_headers_follow_its_property_naming() {
    let hubspot = headers(Crm::HubSpot);
    assert_eq!(hubspot[..2], ["Record ID", "Company name"]);
    for h in &hubspot[2..] {
        let internal = h.strip_prefix("hearback_").unwrap_or("");
        assert!(
            !internal.is_empty()
                && internal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "HubSpot internal names are lower_snake with our prefix: {h}"
        );
    }
    for h in &headers(Crm::Salesforce)[2..] {
        assert!(
            h.starts_with("Hearback_") && h.ends_with("__c"),
            "custom field: {h}"
        );
    }
    assert_eq!(headers(Crm::Salesforce)[..2], ["Id", "Name"]);
    assert_eq!(headers(Crm::Zoho)[..2], ["Record Id", "Account Name"]);
}

#[test]
fn our_import_reads_the_id_and_name_and_nothing_else() {
    for crm in ALL {
        let names = headers(crm);
        let owned: Vec<String> = names.iter().map(|h| h.to_string()).collect();
        assert_eq!(field_for(names[0]), Some(Field::CrmId), "{crm:?}");
        assert_eq!(field_for(names[1]), Some(Field::Name), "{crm:?}");
        for h in &names[2..] {
            assert_eq!(field_for(h), None, "{crm:?}: {h} would change a customer");
        }
        let expected = match crm {
            Crm::HubSpot => Layout::HubSpot,
            Crm::Salesforce => Layout::Salesforce,
            Crm::Zoho => Layout::Zoho,
        };
        assert_eq!(detect_layout(&owned), expected);
    }
}

#[test]
fn cells_say_what_the_crm_stores() {
    let acme = Customer::new(CustomerId(1), "Acme", Money::new(100, "USD"), t(1, 1));
    let r = record(&acme, "A-1");
    let cells = row(&r, t(5, 1));
    assert_eq!(
        cells,
        [
            "A-1",
            "Acme",
            "2026-04-10",
            "4.33",
            "3",
            "at_risk",
            "latest average 2.7 (below 3.0); never mind",
            "2",
            "2026-04-30",
            "overdue",
            "2026-05-01",
        ]
    );
    let healthy = WriteBack {
        last_interview: None,
        last_average: None,
        lowest_recent: None,
        standing: Standing::Lost,
        reasons: vec![],
        open_followups: 0,
        next: NextDate::None,
        ..record(&acme, "A-1")
    };
    let cells = row(&healthy, t(5, 1));
    assert_eq!(cells[2..5], ["", "", ""]);
    assert_eq!(cells[5..10], ["lost", "none", "0", "", "none"]);
}

#[test]
fn the_file_reimports_as_the_same_records() {
    let acme = Customer::new(
        CustomerId(1),
        "=Acme, Inc.",
        Money::new(100, "USD"),
        t(1, 1),
    );
    let globex = Customer::new(CustomerId(2), "Globex", Money::new(100, "USD"), t(1, 1));
    let records = [record(&acme, "A-1"), record(&globex, "G-2")];
    for crm in ALL {
        let mut out = Vec::new();
        write(crm, &records, t(5, 1), &mut out).expect("written");
        let text = String::from_utf8(out.clone()).expect("UTF-8");
        assert!(text.contains("\r\n"), "CRLF line ends");
        assert!(text.contains("'=Acme"), "a formula-like cell is guarded");
        let parsed = parse_customers(out.as_slice(), "USD").expect("readable");
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        let read: Vec<(Option<&str>, &str)> = parsed
            .rows
            .iter()
            .map(|r| (r.crm_id.as_deref(), r.name.as_str()))
            .collect();
        assert_eq!(
            read,
            [(Some("A-1"), "=Acme, Inc."), (Some("G-2"), "Globex")],
            "{crm:?}"
        );
    }
}

#[test]
fn left_out_customers_are_counted_in_words() {
    assert_eq!(left_out_message(0), None);
    let one = left_out_message(1).expect("a message");
    assert!(
        one.starts_with("1 customer has no CRM record id and was left out"),
        "{one}"
    );
    let many = left_out_message(12).expect("a message");
    assert!(
        many.starts_with(
            "12 customers have no CRM record id and were left out: import them from your CRM first"
        ),
        "{many}"
    );
}
