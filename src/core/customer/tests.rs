use super::*;

fn at(ms: i64) -> Instant {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

#[test]
fn a_new_customer_is_current_with_nothing_assigned() {
    let c = Customer::new(CustomerId(7), "Acme", Money::new(5, "EUR"), at(1_000));
    assert_eq!(
        (c.id, c.name.as_str(), c.size.minor, c.tier),
        (CustomerId(7), "Acme", 5, Tier::Standard)
    );
    assert!(c.is_current());
    assert_eq!((c.created_at, c.updated_at), (at(1_000), at(1_000)));
    assert!(c.crm_id.is_none() && c.contacts.is_empty() && c.segment.is_empty());
    let people = [
        c.account_manager,
        c.salesperson,
        c.service_manager,
        c.executive_sponsor,
    ];
    assert_eq!(people, [None; 4]);
    assert_eq!(c.prebrief, PreBrief::default());
}

#[test]
fn each_setter_sets_its_own_field() {
    let contact = Contact {
        id: ContactId(9),
        name: "Ada".into(),
        role: String::new(),
        email: String::new(),
        phone: String::new(),
        personality: String::new(),
    };
    let lost = Lifecycle::Lost {
        reason: "price".into(),
        at: at(3_000),
    };
    let c = Customer::new(CustomerId(7), "Acme", Money::new(5, "EUR"), at(1_000))
        .with_crm_id(Some("HS-7".to_string()))
        .with_tier(Tier::Key)
        .with_segment("Retail")
        .with_region("EMEA")
        .with_account_manager(StaffId(1))
        .with_salesperson(StaffId(2))
        .with_service_manager(StaffId(3))
        .with_executive_sponsor(StaffId(4))
        .with_contacts(vec![contact.clone()])
        .with_prebrief(PreBrief {
            successes: "go-live".into(),
            ..PreBrief::default()
        })
        .with_lifecycle(lost.clone())
        .with_archived(true)
        .with_updated_at(at(2_000));
    assert_eq!(c.crm_id.as_deref(), Some("HS-7"));
    assert_eq!(
        (c.tier, c.segment.as_str(), c.region.as_str()),
        (Tier::Key, "Retail", "EMEA")
    );
    assert_eq!(
        [
            c.account_manager,
            c.salesperson,
            c.service_manager,
            c.executive_sponsor
        ],
        [1, 2, 3, 4].map(|n| Some(StaffId(n)))
    );
    assert_eq!(c.contacts, [contact]);
    assert_eq!(c.prebrief.successes, "go-live");
    assert_eq!(c.lifecycle, lost);
    assert!(c.archived);
    assert_eq!((c.created_at, c.updated_at), (at(1_000), at(2_000)));
}

#[test]
fn tier_parses_crm_wordings() {
    let cases = [
        ("Key", Some(Tier::Key)),
        ("Strategic", Some(Tier::Key)),
        ("Tier 1", Some(Tier::Key)),
        ("growth", Some(Tier::Growth)),
        ("Mid-Market", Some(Tier::Growth)),
        ("STANDARD", Some(Tier::Standard)),
        ("tier-3", Some(Tier::Standard)),
        ("gigantic", None),
        ("", None),
    ];
    for (text, want) in cases {
        assert_eq!(Tier::parse(text), want, "{text}");
    }
}

#[test]
fn normalised_names_fold_case_punctuation_and_legal_suffixes() {
    let cases = [
        ("ACME, Inc.", "acme"),
        ("Acme Inc", "acme"),
        ("Müller GmbH & Co. KG", "müller"),
        ("Northwind Traders Ltd", "northwind traders"),
        ("Co", "co"),
        ("Sato Precision K.K.", "sato precision"),
        ("Sato Precision KK", "sato precision"),
        ("Lumen S.A.", "lumen"),
        ("Van Dijk B.V.", "van dijk"),
        ("  Blue   Sky  ", "blue sky"),
    ];
    for (name, want) in cases {
        assert_eq!(Customer::normalised_name(name), want, "{name}");
    }
}
