//! Our own people in the demo, and who among them holds which role.

use super::names::{OUR_DOMAIN, STAFF, email_part};
use crate::core::{IdAllocator, Role, Staff, StaffId};

/// The demo's staff, with the people for each role picked out.
pub(crate) struct Team {
    /// Every staff record, in roster order.
    pub staff: Vec<Staff>,
    /// Receives the written reports.
    pub president: Option<StaffId>,
    /// Attend calls about scores of 1 or 2.
    pub seniors: Vec<StaffId>,
    /// Conduct interviews.
    pub executives: Vec<StaffId>,
    /// Own customer relationships.
    pub account_managers: Vec<StaffId>,
    /// Sell to customers.
    pub salespeople: Vec<StaffId>,
    /// Run the service; join calls about a 3.
    pub service_managers: Vec<StaffId>,
}

impl Team {
    /// Creates the roster with fresh ids.
    pub(crate) fn build(ids: &mut IdAllocator) -> Team {
        let staff: Vec<Staff> = STAFF
            .iter()
            .map(|seed| {
                let mut parts = seed.name.split_whitespace();
                let first = parts.next().map(email_part).unwrap_or_default();
                let last = parts.map(email_part).collect::<Vec<_>>().join("");
                Staff {
                    id: StaffId(ids.next_id()),
                    name: seed.name.to_string(),
                    email: Some(format!("{first}.{last}@{OUR_DOMAIN}")),
                    roles: seed.roles.to_vec(),
                    bio: seed.bio.to_string(),
                    active: true,
                }
            })
            .collect();
        let with = |role: Role| -> Vec<StaffId> {
            staff
                .iter()
                .filter(|s| s.has_role(role))
                .map(|s| s.id)
                .collect()
        };
        Team {
            president: with(Role::President).first().copied(),
            seniors: with(Role::SeniorManagement),
            executives: with(Role::Executive),
            account_managers: with(Role::AccountManager),
            salespeople: with(Role::Salesperson),
            service_managers: with(Role::ServiceManager),
            staff,
        }
    }

    /// The name of a staff member, or `demo` when nobody is set.
    pub(crate) fn name(&self, id: Option<StaffId>) -> &str {
        id.and_then(|id| self.staff.iter().find(|s| s.id == id))
            .map_or("demo", |s| s.name.as_str())
    }

    /// The first name of a staff member (for summaries), or `demo`.
    pub(crate) fn first_name(&self, id: Option<StaffId>) -> &str {
        let name = self.name(id);
        name.split_whitespace().next().unwrap_or(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_someone_and_emails_are_plain() {
        let mut ids = IdAllocator::starting_at(1);
        let team = Team::build(&mut ids);
        assert!(team.president.is_some());
        assert_eq!(team.seniors.len(), 2);
        assert_eq!(team.executives.len(), 3);
        assert_eq!(team.account_managers.len(), 5);
        assert_eq!(team.salespeople.len(), 3);
        assert_eq!(team.service_managers.len(), 2);
        for s in &team.staff {
            let email = s.email.as_deref().unwrap_or_default();
            assert!(email.is_ascii() && email.ends_with(".example"), "{email}");
        }
        assert_eq!(team.name(None), "demo");
        assert_eq!(team.first_name(team.president), "Margit");
    }
}
