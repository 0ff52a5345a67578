//! Table tests for header matching and layout detection.

use super::*;

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_string()).collect()
}

#[test]
fn normalise_keeps_lowercase_alphanumerics_and_drops_the_bom() {
    let cases = [
        ("Company name", "companyname"),
        ("\u{feff}Record ID", "recordid"),
        ("Owner.Name", "ownername"),
        ("Country/Region", "countryregion"),
        ("  contact_email ", "contactemail"),
        ("Größe", "größe"),
        ("", ""),
    ];
    for (header, want) in cases {
        assert_eq!(normalise(header), want, "{header:?}");
    }
}

#[test]
fn synonym_keys_are_normalised_and_unique() {
    for (i, (key, _, _)) in SYNONYMS.iter().enumerate() {
        assert_eq!(normalise(key), *key, "{key} is not normalised");
        assert!(
            !SYNONYMS[i + 1..].iter().any(|(k, _, _)| k == key),
            "{key} listed twice"
        );
    }
}

#[test]
fn every_hearback_header_maps_to_its_own_field() {
    let want = [
        F::CrmId,
        F::Name,
        F::Size,
        F::Currency,
        F::Tier,
        F::Segment,
        F::Region,
        F::AccountManager,
        F::Salesperson,
        F::ServiceManager,
        F::ExecutiveSponsor,
        F::ContactName,
        F::ContactRole,
        F::ContactEmail,
        F::ContactPhone,
    ];
    for (header, field) in HEARBACK_HEADERS.iter().zip(want) {
        assert_eq!(field_for(header), Some(field), "{header}");
    }
    assert_eq!(field_for("size_minor"), Some(F::SizeMinor));
}

#[test]
fn crm_headers_and_synonyms_map_to_fields() {
    let cases: &[(&str, Option<Field>)] = &[
        // HubSpot
        ("Record ID", Some(F::CrmId)),
        ("Company name", Some(F::Name)),
        ("Company owner", Some(F::AccountManager)),
        ("Annual Revenue", Some(F::Size)),
        ("Industry", Some(F::Segment)),
        ("Country/Region", Some(F::Region)),
        ("Phone Number", Some(F::ContactPhone)),
        ("Create Date", None),
        ("City", None),
        ("Lifecycle Stage", None),
        ("Number of Employees", None),
        ("Company Domain Name", None),
        // Salesforce API names
        ("Id", Some(F::CrmId)),
        ("Name", Some(F::Name)),
        ("AnnualRevenue", Some(F::Size)),
        ("OwnerId", Some(F::AccountManager)),
        ("Owner.Name", Some(F::AccountManager)),
        ("BillingCountry", Some(F::Region)),
        ("Phone", Some(F::ContactPhone)),
        ("CurrencyIsoCode", Some(F::Currency)),
        ("Type", Some(F::Segment)),
        ("Tier__c", Some(F::Tier)),
        ("Account_Manager__c", Some(F::AccountManager)),
        // Salesforce report labels and Zoho
        ("Account ID", Some(F::CrmId)),
        ("Account Name", Some(F::Name)),
        ("Account Owner", Some(F::AccountManager)),
        ("Billing Country", Some(F::Region)),
        ("Account Currency", Some(F::Currency)),
        ("Record Id", Some(F::CrmId)),
        ("Currency", Some(F::Currency)),
        // Synonyms
        ("Customer", Some(F::Name)),
        ("Customer Name", Some(F::Name)),
        ("ACV", Some(F::Size)),
        ("ARR", Some(F::Size)),
        ("Contract value", Some(F::Size)),
        ("Annual Contract Value", Some(F::Size)),
        ("Client Manager", Some(F::AccountManager)),
        ("CSM", Some(F::AccountManager)),
        ("Relationship manager", Some(F::AccountManager)),
        ("Sales Rep", Some(F::Salesperson)),
        ("Account Executive", Some(F::Salesperson)),
        ("Exec Sponsor", Some(F::ExecutiveSponsor)),
        ("Executive", Some(F::ExecutiveSponsor)),
        ("Territory", Some(F::Region)),
        ("Sales region", Some(F::Region)),
        ("Country", Some(F::Region)),
        ("Vertical", Some(F::Segment)),
        ("Customer tier", Some(F::Tier)),
        ("Account Tier", Some(F::Tier)),
        ("Priority", Some(F::Tier)),
        ("Email", Some(F::ContactEmail)),
        ("Title", Some(F::ContactRole)),
        ("Primary contact", Some(F::ContactName)),
        ("Website", None),
        ("", None),
    ];
    for (header, want) in cases {
        assert_eq!(field_for(header), *want, "{header:?}");
    }
}

#[test]
fn layouts_are_detected_from_headers() {
    let cases: &[(&[&str], Layout)] = &[
        (
            &[
                "Record ID",
                "Company name",
                "Company owner",
                "Annual Revenue",
            ],
            Layout::HubSpot,
        ),
        (
            &["\u{feff}Record ID", "Company name", "Create Date"],
            Layout::HubSpot,
        ),
        (
            &["Id", "Name", "AnnualRevenue", "OwnerId", "Owner.Name"],
            Layout::Salesforce,
        ),
        (&["Id", "Name", "Industry"], Layout::Salesforce),
        (
            &[
                "Account ID",
                "Account Name",
                "Account Owner",
                "Annual Revenue",
            ],
            Layout::Salesforce,
        ),
        (
            &["Record Id", "Account Name", "Account Owner", "Currency"],
            Layout::Zoho,
        ),
        (&HEARBACK_HEADERS, Layout::Hearback),
        (&["name", "size_minor", "currency"], Layout::Hearback),
        (&["Customer", "ACV", "CSM"], Layout::Generic),
        (&["name", "size", "Notes"], Layout::Generic),
        (&[], Layout::Generic),
    ];
    for (headers, want) in cases {
        assert_eq!(detect_layout(&strings(headers)), *want, "{headers:?}");
    }
}

/// (headers, field, the column that must feed it, the headers that must be ignored)
type WinnerCase<'a> = (&'a [&'a str], Field, Option<usize>, &'a [&'a str]);

#[test]
fn the_more_specific_column_wins_and_the_loser_is_ignored() {
    let cases: &[WinnerCase<'_>] = &[
        (
            &["Id", "Name", "OwnerId", "Owner.Name"],
            F::AccountManager,
            Some(3),
            &["OwnerId"],
        ),
        (&["Id", "Name", "OwnerId"], F::AccountManager, Some(2), &[]),
        (
            &["name", "email", "contact_email"],
            F::ContactEmail,
            Some(2),
            &["email"],
        ),
        (
            &["Customer", "Annual Revenue", "ACV"],
            F::Size,
            Some(2),
            &["Annual Revenue"],
        ),
        (
            &["Company name", "Industry", "Type", "City"],
            F::Segment,
            Some(1),
            &["Type", "City"],
        ),
        (
            &["Name", "Phone", "Telephone"],
            F::ContactPhone,
            Some(1),
            &["Telephone"],
        ),
        (&["Name"], F::CrmId, None, &[]),
    ];
    for (headers, field, want, ignored) in cases {
        let columns = assign_columns(&strings(headers));
        assert_eq!(columns.get(*field), *want, "{headers:?}");
        assert_eq!(columns.ignored, strings(ignored), "{headers:?}");
    }
}
