//! Invented people: our staff and the people we talk to at customers.

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
#[rustfmt::skip]
pub(crate) const FIRST_NAMES: &[&str] = &[
    "Aaron", "Adaeze", "Agnieszka", "Ahmed", "Alistair", "Ana", "Anders", "Annika", "Arjun",
    "Beatriz", "Bogdan", "Bridget", "Callum", "Carmen", "Chidi", "Claire", "Dariusz", "Deborah",
    "Diego", "Eilidh", "Elif", "Emeka", "Erik", "Fatima", "Fiona", "Gareth", "Giulia", "Hannah",
    "Hiroshi", "Ingrid", "Isabel", "Jakub", "Jasmine", "Joaquín", "Karin", "Kenji", "Laila",
    "Leon", "Linnea", "Malik", "Mariana", "Martin", "Maya", "Nadia", "Niamh", "Olumide", "Paolo",
    "Petra", "Rahul", "Rebecca", "Rosa", "Samir", "Sandra", "Sofia", "Stefan", "Tariq", "Theo",
    "Ulla", "Valeria", "Wei", "Yara", "Yusuf", "Zofia",
];

/// Family names of people at customers.
#[rustfmt::skip]
pub(crate) const LAST_NAMES: &[&str] = &[
    "Abernethy", "Adeyemi", "Almeida", "Bergström", "Brannigan", "Castillo", "Chaudhry",
    "Dalgaard", "Delacroix", "Doherty", "Eriksen", "Fairweather", "Ferreira", "Gallagher",
    "Gonzaga", "Haddad", "Hartmann", "Holloway", "Ishikawa", "Jaramillo", "Kaminski", "Kowalczyk",
    "Lambert", "Lindholm", "MacAulay", "Mbeki", "Mendoza", "Moreau", "Nakagawa", "Novak",
    "O'Sullivan", "Okafor", "Pellegrini", "Petrov", "Quigley", "Rasmussen", "Reyes", "Sandoval",
    "Schreiber", "Sato", "Sørensen", "Tanaka", "Thorne", "Umarov", "Vasquez", "Verhoeven",
    "Wainwright", "Whitaker", "Yilmaz", "Zielinski",
];

/// First names of support engineers customers mention (not staff records: people on the desk).
#[rustfmt::skip]
pub(crate) const SUPPORT_ENGINEERS: &[&str] = &[
    "Dmitri", "Kelvin", "Sanna", "Brendan", "Yusuf", "Carla", "Marek", "Ruth",
];

/// Job titles of the people we interview.
#[rustfmt::skip]
pub(crate) const CONTACT_ROLES: &[&str] = &[
    "Chief Operating Officer", "Head of Operations", "IT Director", "Procurement Lead",
    "Finance Director", "Supply Chain Manager", "Head of Digital", "Facilities Director",
    "Service Owner", "Programme Manager", "Chief Information Officer", "Commercial Director",
    "Head of Customer Service", "Plant Manager", "Contracts Manager",
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
