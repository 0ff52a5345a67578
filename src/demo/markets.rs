//! Invented markets: company-name words, segments, regions and countries.
//!
//! Company names are combined from two word lists and avoid well-known brands.

/// First words of company names.
#[rustfmt::skip]
pub(crate) const COMPANY_WORDS: &[&str] = &[
    "Northwind", "Halvorsen", "Brightwater", "Kestrel", "Redfern", "Copperline", "Ashgrove",
    "Bellmoor", "Caldera", "Dunmore", "Elmstead", "Fairhaven", "Granite Peak", "Harrowgate",
    "Ironbridge", "Juniper", "Karstad", "Lindqvist", "Marlow", "Nettlefield", "Oakhurst",
    "Pemberton", "Quarry Lane", "Ravensworth", "Saltmarsh", "Thornbury", "Upland", "Valebrook",
    "Westerly", "Yarrowby", "Alderley", "Birchwood", "Coldharbour", "Driftwood", "Eastgate",
    "Foxley", "Greyfriars", "Highmoor", "Kilbride", "Larkspur", "Meriden", "Norrland", "Orchard",
    "Pinecrest", "Riverbend", "Stonebridge", "Tamarind", "Umberfield", "Whitlock", "Aurelian",
    "Blackthorn", "Corvedale", "Delamere", "Esker", "Fenwick", "Galloway", "Ingram", "Jessop",
    "Kettleby", "Lowther", "Moravec", "Nakamura", "Okafor", "Petrakis", "Quintero", "Rasmussen",
    "Sandhaven", "Tolland", "Vantmoor", "Wexcombe",
];

/// Words added when every plain combination of a name is taken (large demos).
#[rustfmt::skip]
pub(crate) const NAME_QUALIFIERS: &[&str] = &[
    "Group", "Holdings", "International", "Partners", "North", "South", "Pacific", "Atlantic",
];

/// A market segment with the name endings and deliverables that suit it.
pub(crate) struct Segment {
    /// Shown in lists and score comparisons.
    pub name: &'static str,
    /// Second words of company names in this segment.
    pub endings: &'static [&'static str],
    /// Typical major deliverables (they trigger interviews).
    pub deliverables: &'static [&'static str],
}

/// The segments customers belong to.
#[rustfmt::skip]
pub(crate) const SEGMENTS: &[Segment] = &[
    Segment {
        name: "Manufacturing",
        endings: &["Fabrication", "Components", "Precision", "Tooling", "Industries", "Castings"],
        deliverables: &["Plant floor tablets rollout", "MES integration go-live", "Line 4 sensor retrofit"],
    },
    Segment {
        name: "Healthcare",
        endings: &["Health", "Medical Group", "Clinics", "Diagnostics", "Care Partners"],
        deliverables: &["Clinic scheduling upgrade", "Patient portal launch", "Lab results interface go-live"],
    },
    Segment {
        name: "Logistics",
        endings: &["Logistics", "Freight", "Marine", "Haulage", "Distribution", "Cold Chain"],
        deliverables: &["Warehouse system go-live", "Scanner fleet replacement", "Route planning rollout"],
    },
    Segment {
        name: "Retail",
        endings: &["Outfitters", "Home & Garden", "Grocers", "Pet Supplies", "Stores"],
        deliverables: &["Store till replacement", "Click-and-collect launch", "Loyalty scheme migration"],
    },
    Segment {
        name: "Public sector",
        endings: &["Water Authority", "Transit Authority", "Housing Trust", "Port Authority"],
        deliverables: &["Case management go-live", "Records migration", "Self-service portal launch"],
    },
    Segment {
        name: "Software",
        endings: &["Systems", "Labs", "Analytics", "Software", "Cloud"],
        deliverables: &["Hosted platform migration", "Single sign-on rollout", "API gateway cutover"],
    },
    Segment {
        name: "Energy",
        endings: &["Energy", "Renewables", "Power", "Utilities"],
        deliverables: &["Field crew app rollout", "Meter data platform go-live", "Substation monitoring upgrade"],
    },
];

/// A country customers are based in: its phone format and billing currency.
pub(crate) struct Country {
    /// International dialling prefix and area part, e.g. `+44 20 7946 0`.
    pub phone_prefix: &'static str,
    /// How many random digits follow the prefix.
    pub phone_digits: u32,
    /// The currency contracts there are billed in.
    pub currency: &'static str,
}

/// A sales region: its share of customers, working hours and countries.
pub(crate) struct Region {
    /// Shown in lists and score comparisons.
    pub name: &'static str,
    /// Relative share of customers.
    pub weight: u64,
    /// First hour (UTC) of the local working day.
    pub work_start_utc: u32,
    /// Countries in the region.
    pub countries: &'static [Country],
}

/// The regions. Phone numbers use the ranges that telecom regulators reserve for fiction where
/// they exist (UK 020 7946 0xxx, US 555-01xx, Australia 02 5550 xxxx).
#[rustfmt::skip]
pub(crate) const REGIONS: &[Region] = &[
    Region {
        name: "EMEA",
        weight: 30,
        work_start_utc: 8,
        countries: &[
            Country { phone_prefix: "+44 20 7946 0", phone_digits: 3, currency: "GBP" },
            Country { phone_prefix: "+49 30 23125 ", phone_digits: 3, currency: "EUR" },
            Country { phone_prefix: "+33 1 99 00 ", phone_digits: 4, currency: "EUR" },
            Country { phone_prefix: "+31 20 555 ", phone_digits: 4, currency: "EUR" },
            Country { phone_prefix: "+971 4 555 ", phone_digits: 4, currency: "USD" },
            Country { phone_prefix: "+46 8 555 ", phone_digits: 4, currency: "USD" },
            Country { phone_prefix: "+27 21 555 ", phone_digits: 4, currency: "USD" },
        ],
    },
    Region {
        name: "North America",
        weight: 40,
        work_start_utc: 14,
        countries: &[
            Country { phone_prefix: "+1 312 555 01", phone_digits: 2, currency: "USD" },
            Country { phone_prefix: "+1 617 555 01", phone_digits: 2, currency: "USD" },
            Country { phone_prefix: "+1 206 555 01", phone_digits: 2, currency: "USD" },
            Country { phone_prefix: "+1 416 555 01", phone_digits: 2, currency: "USD" },
        ],
    },
    Region {
        name: "APAC",
        weight: 18,
        work_start_utc: 0,
        countries: &[
            Country { phone_prefix: "+61 2 5550 ", phone_digits: 4, currency: "USD" },
            Country { phone_prefix: "+65 6555 ", phone_digits: 4, currency: "USD" },
            Country { phone_prefix: "+81 3 5555 ", phone_digits: 4, currency: "USD" },
        ],
    },
    Region {
        name: "LATAM",
        weight: 12,
        work_start_utc: 12,
        countries: &[
            Country { phone_prefix: "+52 55 5555 ", phone_digits: 4, currency: "USD" },
            Country { phone_prefix: "+55 11 5555 ", phone_digits: 4, currency: "USD" },
            Country { phone_prefix: "+57 1 555 ", phone_digits: 4, currency: "USD" },
        ],
    },
];
