//! Merging our people from an HR or directory export: creates, updates by email then by name,
//! never duplicates, and maps job titles to roles through one small table.
//!
//! A re-import of the same file changes nothing. Roles are only ever added by an import, never
//! taken away: a role given by hand (`hearback staff set`) outlives the next HR export.

use super::staff_edit::{by_email, by_name, clean_email};
use super::{Change, ChangeSet, Dataset, IdAllocator, Role, Staff, StaffId, sanitize};

/// One person as read from a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonRow {
    /// 1-based line where the record starts.
    pub line: u64,
    /// Full name.
    pub name: String,
    /// Work email, possibly blank.
    pub email: String,
    /// Job title, possibly blank.
    pub title: String,
    /// Their manager's name, as written (read for the dry run; hearback keeps no reporting
    /// lines).
    pub manager: String,
    /// From an employment-status column: `Some(false)` for leavers; `None` when not given.
    pub active: Option<bool>,
}

/// A row not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// 1-based line.
    pub line: u64,
    /// Why, in words.
    pub reason: String,
}

/// What a people import would write.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeoplePlan {
    /// Staff records to write in one transaction.
    pub changes: ChangeSet,
    /// `name (roles)` of people that would be created.
    pub created: Vec<String>,
    /// `name: what changes` of people that would change.
    pub updated: Vec<String>,
    /// How many people in the file need no change.
    pub unchanged: usize,
    /// Rows refused (bad email, same person twice).
    pub rejected: Vec<Rejected>,
}

/// The role a job title implies, if any. Checked in this order, first match wins:
///
/// | title contains                                   | role              |
/// |--------------------------------------------------|-------------------|
/// | CEO, President (not Vice President), Chief Executive | president     |
/// | VP, SVP, EVP, Vice President, Director, Chief, C-level (CFO, COO, CTO, CIO, CMO, CRO), Head of | senior_management |
/// | Service Manager, Delivery Manager, Service Delivery | service_manager |
/// | Account Manager, Client Manager, Relationship Manager, Key Account | account_manager |
/// | Sales, Account Executive, Business Development   | salesperson       |
///
/// Anything else maps to no role: the person is imported and can be given one by hand.
pub fn role_for_title(title: &str) -> Option<Role> {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let joined = format!(" {} ", words.join(" "));
    let has = |w: &str| words.iter().any(|x| x == w);
    let phrase = |p: &str| joined.contains(&format!(" {p} "));
    let vice = phrase("vice president");
    if has("ceo") || phrase("chief executive") || (has("president") && !vice) {
        return Some(Role::President);
    }
    let c_level = [
        "cfo", "coo", "cto", "cio", "cmo", "cro", "cso", "cpo", "cco",
    ];
    if vice
        || ["vp", "svp", "evp", "avp", "director", "chief"]
            .iter()
            .any(|w| has(w))
        || c_level.iter().any(|w| has(w))
        || phrase("head of")
    {
        return Some(Role::SeniorManagement);
    }
    if ["service manager", "delivery manager", "service delivery"]
        .iter()
        .any(|p| phrase(p))
    {
        return Some(Role::ServiceManager);
    }
    if [
        "account manager",
        "client manager",
        "relationship manager",
        "key account",
    ]
    .iter()
    .any(|p| phrase(p))
    {
        return Some(Role::AccountManager);
    }
    if has("sales") || phrase("account executive") || phrase("business development") {
        return Some(Role::Salesperson);
    }
    None
}

/// Works out the changes that merge `rows` into our people, in file order.
pub fn plan_people(existing: &Dataset, rows: &[PersonRow], ids: &mut IdAllocator) -> PeoplePlan {
    let mut staff: Vec<Staff> = existing.staff.clone();
    let mut plan = PeoplePlan::default();
    // Which file line last touched each person: the same person twice is refused.
    let mut seen: Vec<(StaffId, u64)> = Vec::new();
    let mut touched: Vec<StaffId> = Vec::new();
    for row in rows {
        let name = sanitize::line(&row.name);
        let email = match clean_email(&row.email) {
            Ok(e) => e,
            Err(e) => {
                plan.rejected.push(Rejected {
                    line: row.line,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        if name.is_empty() {
            plan.rejected.push(Rejected {
                line: row.line,
                reason: "the name is blank".into(),
            });
            continue;
        }
        let found = email
            .as_deref()
            .and_then(|e| by_email(&staff, e))
            .or_else(|| by_name(&staff, &name))
            .map(|s| s.id);
        if let Some(id) = found
            && let Some((_, first)) = seen.iter().find(|(s, _)| *s == id)
        {
            plan.rejected.push(Rejected {
                line: row.line,
                reason: format!("the same person as line {first}; only the first is imported"),
            });
            continue;
        }
        let role = role_for_title(&row.title);
        let id = match found.and_then(|id| staff.iter_mut().find(|s| s.id == id)) {
            Some(member) => {
                if email.is_some() && member.email.is_none() {
                    member.email = email;
                }
                if let Some(r) = role
                    && !member.has_role(r)
                {
                    member.roles.push(r);
                }
                if let Some(active) = row.active {
                    member.active = active;
                }
                member.id
            }
            None => {
                let id = StaffId(ids.next_id());
                staff.push(Staff {
                    id,
                    name,
                    email,
                    roles: role.into_iter().collect(),
                    bio: String::new(),
                    active: row.active.unwrap_or(true),
                });
                id
            }
        };
        seen.push((id, row.line));
        touched.push(id);
    }
    for id in touched {
        let Some(after) = staff.iter().find(|s| s.id == id) else {
            continue;
        };
        match existing.staff.iter().find(|s| s.id == id) {
            Some(before) if before == after => plan.unchanged += 1,
            Some(before) => {
                plan.updated
                    .push(format!("{}: {}", after.name, differences(before, after)));
                plan.changes.push(Change::Staff(after.clone()));
            }
            None => {
                plan.created.push(format!(
                    "{} ({})",
                    after.name,
                    super::staff_edit::roles_text(&after.roles)
                ));
                plan.changes.push(Change::Staff(after.clone()));
            }
        }
    }
    plan
}

/// What changed, in words, for the summary.
fn differences(before: &Staff, after: &Staff) -> String {
    let mut out = Vec::new();
    if before.email != after.email {
        out.push(format!("email {}", after.email.as_deref().unwrap_or("-")));
    }
    for r in after.roles.iter().filter(|r| !before.has_role(**r)) {
        out.push(format!("+{}", r.as_str()));
    }
    if before.active != after.active {
        out.push(if after.active { "back" } else { "left" }.to_string());
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_map_to_roles() {
        let cases = [
            ("CEO", Some(Role::President)),
            ("President & Founder", Some(Role::President)),
            ("Chief Executive Officer", Some(Role::President)),
            ("Vice President, Operations", Some(Role::SeniorManagement)),
            ("SVP Customer Success", Some(Role::SeniorManagement)),
            ("Sales Director", Some(Role::SeniorManagement)),
            ("Chief Financial Officer", Some(Role::SeniorManagement)),
            ("CTO", Some(Role::SeniorManagement)),
            ("Head of Delivery", Some(Role::SeniorManagement)),
            ("Service Delivery Lead", Some(Role::ServiceManager)),
            ("Senior Service Manager", Some(Role::ServiceManager)),
            ("Delivery Manager", Some(Role::ServiceManager)),
            ("Key Account Manager", Some(Role::AccountManager)),
            ("Client Manager", Some(Role::AccountManager)),
            ("Inside Sales Representative", Some(Role::Salesperson)),
            ("Account Executive", Some(Role::Salesperson)),
            ("Software Engineer", None),
            ("Directory Administrator", None),
            ("", None),
        ];
        for (title, want) in cases {
            assert_eq!(role_for_title(title), want, "{title}");
        }
    }

    fn row(line: u64, name: &str, email: &str, title: &str) -> PersonRow {
        PersonRow {
            line,
            name: name.into(),
            email: email.into(),
            title: title.into(),
            ..PersonRow::default()
        }
    }

    #[test]
    fn creates_then_updates_by_email_then_name_and_reimport_changes_nothing() {
        let existing = Dataset {
            staff: vec![Staff {
                id: StaffId(1),
                name: "Dana Reyes".into(),
                email: None,
                roles: vec![Role::AccountManager],
                bio: String::new(),
                active: true,
            }],
            ..Dataset::default()
        };
        let rows = vec![
            row(2, "dana reyes", "dana@us.example", "Director, Accounts"),
            row(3, "Pat Lee", "pat@us.example", "VP Customer Success"),
            row(4, "Pat L.", "PAT@us.example", "VP"),
            row(5, "Bo", "not an email", ""),
            row(6, "Cy Berg", "", "Engineer"),
        ];
        let mut ids = IdAllocator::starting_at(10);
        let plan = plan_people(&existing, &rows, &mut ids);
        assert_eq!(
            plan.updated,
            vec!["Dana Reyes: email dana@us.example, +senior_management"]
        );
        assert_eq!(
            plan.created,
            vec!["Pat Lee (senior_management)", "Cy Berg (-)"]
        );
        let lines: Vec<u64> = plan.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![4, 5]);
        assert!(plan.rejected[0].reason.contains("same person as line 3"));

        let mut after = existing.clone();
        after.apply(&plan.changes);
        let again = plan_people(&after, &rows, &mut ids);
        assert!(again.changes.is_empty(), "{again:?}");
        assert_eq!(again.unchanged, 3);
    }

    #[test]
    fn a_leaver_is_deactivated_and_roles_given_by_hand_stay() {
        let existing = Dataset {
            staff: vec![Staff {
                id: StaffId(1),
                name: "Dana Reyes".into(),
                email: Some("dana@us.example".into()),
                roles: vec![Role::SeniorManagement],
                bio: String::new(),
                active: true,
            }],
            ..Dataset::default()
        };
        let mut r = row(2, "Dana Reyes", "dana@us.example", "Engineer");
        r.active = Some(false);
        let plan = plan_people(&existing, &[r], &mut IdAllocator::starting_at(5));
        let Some(Change::Staff(s)) = plan.changes.changes.first() else {
            panic!("one staff change: {plan:?}");
        };
        assert!(!s.active);
        assert_eq!(s.roles, vec![Role::SeniorManagement]);
    }
}
