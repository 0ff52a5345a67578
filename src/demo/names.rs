//! Invented names: our staff, people at customers, companies, segments and regions.
//!
//! Every name here is made up for the demo; company names are combined from two word lists and
//! avoid well-known brands.

use crate::core::Role;

/// One of our people as the demo introduces them.
pub(crate) struct StaffSeed {
    /// Full name.
    pub name: &'static str,
    /// Roles held (some people hold two).
    pub roles: &'static [Role],
    /// Bio sent to customers before an interview (executives only).
    pub bio: &'static str,
}

/// Our company's email domain.
pub(crate) const OUR_DOMAIN: &str = "calderwood.example";

/// The demo's own people: a President, two senior managers, three executives, five account
/// managers, three salespeople and two service managers, in thirteen people.
pub(crate) const STAFF: &[StaffSeed] = &[
    StaffSeed {
        name: "Margit Castellanos",
        roles: &[Role::President],
        bio: "",
    },
    StaffSeed {
        name: "Desmond Achterberg",
        roles: &[Role::SeniorManagement, Role::Executive],
        bio: "Desmond runs operations across our four regions and has been with us for eleven \
              years. Before that he managed port logistics in Rotterdam, and he still prefers \
              to see a warehouse floor before he sees a slide deck.",
    },
    StaffSeed {
        name: "Priya Raghunathan",
        roles: &[Role::SeniorManagement, Role::ServiceManager],
        bio: "",
    },
    StaffSeed {
        name: "Helena Okoye",
        roles: &[Role::Executive],
        bio: "Helena leads customer success and owns our feedback programme. She spent ten \
              years in hospital operations before joining us and is known for turning a hard \
              conversation into a practical plan within the week.",
    },
    StaffSeed {
        name: "Rafael Quintana",
        roles: &[Role::Executive],
        bio: "Rafael heads our software and integration practice. He started as a field \
              engineer, led our move to hosted services, and likes short calls that end with a \
              clear list of who does what next.",
    },
    StaffSeed {
        name: "Jonas Feldmann",
        roles: &[Role::AccountManager],
        bio: "",
    },
    StaffSeed {
        name: "Amara Nwosu",
        roles: &[Role::AccountManager],
        bio: "",
    },
    StaffSeed {
        name: "Lucía Benavides",
        roles: &[Role::AccountManager],
        bio: "",
    },
    StaffSeed {
        name: "Tom Ellery",
        roles: &[Role::AccountManager],
        bio: "",
    },
    StaffSeed {
        name: "Mei-Ling Zhou",
        roles: &[Role::AccountManager, Role::Salesperson],
        bio: "",
    },
    StaffSeed {
        name: "Graham Whitcombe",
        roles: &[Role::Salesperson],
        bio: "",
    },
    StaffSeed {
        name: "Inês Carvalho",
        roles: &[Role::Salesperson],
        bio: "",
    },
    StaffSeed {
        name: "Oskar Lindgren",
        roles: &[Role::ServiceManager],
        bio: "",
    },
];

/// First names of people at customers.
pub(crate) const FIRST_NAMES: &[&str] = &[
    "Aaron",
    "Adaeze",
    "Agnieszka",
    "Ahmed",
    "Alistair",
    "Ana",
    "Anders",
    "Annika",
    "Arjun",
    "Beatriz",
    "Bogdan",
    "Bridget",
    "Callum",
    "Carmen",
    "Chidi",
    "Claire",
    "Dariusz",
    "Deborah",
    "Diego",
    "Eilidh",
    "Elif",
    "Emeka",
    "Erik",
    "Fatima",
    "Fiona",
    "Gareth",
    "Giulia",
    "Hannah",
    "Hiroshi",
    "Ingrid",
    "Isabel",
    "Jakub",
    "Jasmine",
    "Joaquín",
    "Karin",
    "Kenji",
    "Laila",
    "Leon",
    "Linnea",
    "Malik",
    "Mariana",
    "Martin",
    "Maya",
    "Nadia",
    "Niamh",
    "Olumide",
    "Paolo",
    "Petra",
    "Rahul",
    "Rebecca",
    "Rosa",
    "Samir",
    "Sandra",
    "Sofia",
    "Stefan",
    "Tariq",
    "Theo",
    "Ulla",
    "Valeria",
    "Wei",
    "Yara",
    "Yusuf",
    "Zofia",
];

/// Family names of people at customers.
pub(crate) const LAST_NAMES: &[&str] = &[
    "Abernethy",
    "Adeyemi",
    "Almeida",
    "Bergström",
    "Brannigan",
    "Castillo",
    "Chaudhry",
    "Dalgaard",
    "Delacroix",
    "Doherty",
    "Eriksen",
    "Fairweather",
    "Ferreira",
    "Gallagher",
    "Gonzaga",
    "Haddad",
    "Hartmann",
    "Holloway",
    "Ishikawa",
    "Jaramillo",
    "Kaminski",
    "Kowalczyk",
    "Lambert",
    "Lindholm",
    "MacAulay",
    "Mbeki",
    "Mendoza",
    "Moreau",
    "Nakagawa",
    "Novak",
    "O'Sullivan",
    "Okafor",
    "Pellegrini",
    "Petrov",
    "Quigley",
    "Rasmussen",
    "Reyes",
    "Sandoval",
    "Schreiber",
    "Sato",
    "Sørensen",
    "Tanaka",
    "Thorne",
    "Umarov",
    "Vasquez",
    "Verhoeven",
    "Wainwright",
    "Whitaker",
    "Yilmaz",
    "Zielinski",
];

/// First names of support engineers customers mention (not staff records: people on the desk).
pub(crate) const SUPPORT_ENGINEERS: &[&str] = &[
    "Dmitri", "Kelvin", "Sanna", "Brendan", "Yusuf", "Carla", "Marek", "Ruth",
];

/// First words of company names.
pub(crate) const COMPANY_WORDS: &[&str] = &[
    "Northwind",
    "Halvorsen",
    "Brightwater",
    "Kestrel",
    "Redfern",
    "Copperline",
    "Ashgrove",
    "Bellmoor",
    "Caldera",
    "Dunmore",
    "Elmstead",
    "Fairhaven",
    "Granite Peak",
    "Harrowgate",
    "Ironbridge",
    "Juniper",
    "Karstad",
    "Lindqvist",
    "Marlow",
    "Nettlefield",
    "Oakhurst",
    "Pemberton",
    "Quarry Lane",
    "Ravensworth",
    "Saltmarsh",
    "Thornbury",
    "Upland",
    "Valebrook",
    "Westerly",
    "Yarrowby",
    "Alderley",
    "Birchwood",
    "Coldharbour",
    "Driftwood",
    "Eastgate",
    "Foxley",
    "Greyfriars",
    "Highmoor",
    "Kilbride",
    "Larkspur",
    "Meriden",
    "Norrland",
    "Orchard",
    "Pinecrest",
    "Riverbend",
    "Stonebridge",
    "Tamarind",
    "Umberfield",
    "Whitlock",
    "Aurelian",
    "Blackthorn",
    "Corvedale",
    "Delamere",
    "Esker",
    "Fenwick",
    "Galloway",
    "Ingram",
    "Jessop",
    "Kettleby",
    "Lowther",
    "Moravec",
    "Nakamura",
    "Okafor",
    "Petrakis",
    "Quintero",
    "Rasmussen",
    "Sandhaven",
    "Tolland",
    "Vantmoor",
    "Wexcombe",
];

/// Words added when every plain combination of a name is taken (large demos).
pub(crate) const NAME_QUALIFIERS: &[&str] = &[
    "Group",
    "Holdings",
    "International",
    "Partners",
    "North",
    "South",
    "Pacific",
    "Atlantic",
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
pub(crate) const SEGMENTS: &[Segment] = &[
    Segment {
        name: "Manufacturing",
        endings: &[
            "Fabrication",
            "Components",
            "Precision",
            "Tooling",
            "Industries",
            "Castings",
        ],
        deliverables: &[
            "Plant floor tablets rollout",
            "MES integration go-live",
            "Line 4 sensor retrofit",
        ],
    },
    Segment {
        name: "Healthcare",
        endings: &[
            "Health",
            "Medical Group",
            "Clinics",
            "Diagnostics",
            "Care Partners",
        ],
        deliverables: &[
            "Clinic scheduling upgrade",
            "Patient portal launch",
            "Lab results interface go-live",
        ],
    },
    Segment {
        name: "Logistics",
        endings: &[
            "Logistics",
            "Freight",
            "Marine",
            "Haulage",
            "Distribution",
            "Cold Chain",
        ],
        deliverables: &[
            "Warehouse system go-live",
            "Scanner fleet replacement",
            "Route planning rollout",
        ],
    },
    Segment {
        name: "Retail",
        endings: &[
            "Outfitters",
            "Home & Garden",
            "Grocers",
            "Pet Supplies",
            "Stores",
        ],
        deliverables: &[
            "Store till replacement",
            "Click-and-collect launch",
            "Loyalty scheme migration",
        ],
    },
    Segment {
        name: "Public sector",
        endings: &[
            "Water Authority",
            "Transit Authority",
            "Housing Trust",
            "Port Authority",
        ],
        deliverables: &[
            "Case management go-live",
            "Records migration",
            "Self-service portal launch",
        ],
    },
    Segment {
        name: "Software",
        endings: &["Systems", "Labs", "Analytics", "Software", "Cloud"],
        deliverables: &[
            "Hosted platform migration",
            "Single sign-on rollout",
            "API gateway cutover",
        ],
    },
    Segment {
        name: "Energy",
        endings: &["Energy", "Renewables", "Power", "Utilities"],
        deliverables: &[
            "Field crew app rollout",
            "Meter data platform go-live",
            "Substation monitoring upgrade",
        ],
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
pub(crate) const REGIONS: &[Region] = &[
    Region {
        name: "EMEA",
        weight: 30,
        work_start_utc: 8,
        countries: &[
            Country {
                phone_prefix: "+44 20 7946 0",
                phone_digits: 3,
                currency: "GBP",
            },
            Country {
                phone_prefix: "+49 30 23125 ",
                phone_digits: 3,
                currency: "EUR",
            },
            Country {
                phone_prefix: "+33 1 99 00 ",
                phone_digits: 4,
                currency: "EUR",
            },
            Country {
                phone_prefix: "+31 20 555 ",
                phone_digits: 4,
                currency: "EUR",
            },
            Country {
                phone_prefix: "+971 4 555 ",
                phone_digits: 4,
                currency: "USD",
            },
            Country {
                phone_prefix: "+46 8 555 ",
                phone_digits: 4,
                currency: "USD",
            },
            Country {
                phone_prefix: "+27 21 555 ",
                phone_digits: 4,
                currency: "USD",
            },
        ],
    },
    Region {
        name: "North America",
        weight: 40,
        work_start_utc: 14,
        countries: &[
            Country {
                phone_prefix: "+1 312 555 01",
                phone_digits: 2,
                currency: "USD",
            },
            Country {
                phone_prefix: "+1 617 555 01",
                phone_digits: 2,
                currency: "USD",
            },
            Country {
                phone_prefix: "+1 206 555 01",
                phone_digits: 2,
                currency: "USD",
            },
            Country {
                phone_prefix: "+1 416 555 01",
                phone_digits: 2,
                currency: "USD",
            },
        ],
    },
    Region {
        name: "APAC",
        weight: 18,
        work_start_utc: 0,
        countries: &[
            Country {
                phone_prefix: "+61 2 5550 ",
                phone_digits: 4,
                currency: "USD",
            },
            Country {
                phone_prefix: "+65 6555 ",
                phone_digits: 4,
                currency: "USD",
            },
            Country {
                phone_prefix: "+81 3 5555 ",
                phone_digits: 4,
                currency: "USD",
            },
        ],
    },
    Region {
        name: "LATAM",
        weight: 12,
        work_start_utc: 12,
        countries: &[
            Country {
                phone_prefix: "+52 55 5555 ",
                phone_digits: 4,
                currency: "USD",
            },
            Country {
                phone_prefix: "+55 11 5555 ",
                phone_digits: 4,
                currency: "USD",
            },
            Country {
                phone_prefix: "+57 1 555 ",
                phone_digits: 4,
                currency: "USD",
            },
        ],
    },
];

/// Job titles of the people we interview.
pub(crate) const CONTACT_ROLES: &[&str] = &[
    "Chief Operating Officer",
    "Head of Operations",
    "IT Director",
    "Procurement Lead",
    "Finance Director",
    "Supply Chain Manager",
    "Head of Digital",
    "Facilities Director",
    "Service Owner",
    "Programme Manager",
    "Chief Information Officer",
    "Commercial Director",
    "Head of Customer Service",
    "Plant Manager",
    "Contracts Manager",
];

/// Email-safe form of a name part: accented letters folded to plain ones, anything else that is
/// not an ASCII letter or digit dropped, lower case.
pub(crate) fn email_part(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'í' | 'ì' | 'î' | 'ï' => Some('i'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => Some('o'),
            'ú' | 'ù' | 'û' | 'ü' => Some('u'),
            'ñ' => Some('n'),
            'ç' => Some('c'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_roster_covers_every_role_in_the_numbers_the_programme_needs() {
        let count = |r: Role| STAFF.iter().filter(|s| s.roles.contains(&r)).count();
        assert_eq!(count(Role::President), 1);
        assert_eq!(count(Role::SeniorManagement), 2);
        assert_eq!(count(Role::Executive), 3);
        assert_eq!(count(Role::AccountManager), 5);
        assert_eq!(count(Role::Salesperson), 3);
        assert_eq!(count(Role::ServiceManager), 2);
        for s in STAFF.iter().filter(|s| s.roles.contains(&Role::Executive)) {
            assert!(s.bio.len() > 80, "{} needs a bio", s.name);
        }
    }

    #[test]
    fn email_parts_are_plain_ascii() {
        assert_eq!(email_part("Sørensen"), "sorensen");
        assert_eq!(email_part("O'Sullivan"), "osullivan");
        assert_eq!(email_part("Joaquín"), "joaquin");
        assert_eq!(email_part("Home & Garden"), "homegarden");
    }
}
