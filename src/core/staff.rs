//! Our own people and the roles the rules name when they say who must act.

use super::ids::StaffId;
use serde::{Deserialize, Serialize};

/// A role one of our people holds; a person may hold several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Owns the relationship with a customer (also called client or relationship manager).
    AccountManager,
    /// Sells to the customer.
    Salesperson,
    /// Runs the service delivered to the customer.
    ServiceManager,
    /// Conducts feedback interviews; has a short bio sent to customers.
    Executive,
    /// Attends the follow-up call when a score of 1 or 2 is given.
    SeniorManagement,
    /// Receives the written report within a week.
    President,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 6] = [
        Role::AccountManager,
        Role::Salesperson,
        Role::ServiceManager,
        Role::Executive,
        Role::SeniorManagement,
        Role::President,
    ];

    /// The stable snake_case name used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::AccountManager => "account_manager",
            Role::Salesperson => "salesperson",
            Role::ServiceManager => "service_manager",
            Role::Executive => "executive",
            Role::SeniorManagement => "senior_management",
            Role::President => "president",
        }
    }

    /// Parses the snake_case name (case-insensitive, `-` or space accepted for `_`).
    pub fn parse(text: &str) -> Option<Role> {
        let t = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Role::ALL.into_iter().find(|r| r.as_str() == t)
    }
}

/// One of our people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    /// Store-assigned id.
    pub id: StaffId,
    /// Full name as shown everywhere.
    pub name: String,
    /// Work email, if known.
    pub email: Option<String>,
    /// Roles held; the rules pick people by role.
    pub roles: Vec<Role>,
    /// Short biography sent to customers before an interview (executives).
    pub bio: String,
    /// False once the person has left; kept so history still names them.
    pub active: bool,
}

impl Staff {
    /// Whether this person holds `role`.
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("Account Manager"), Some(Role::AccountManager));
        assert_eq!(
            Role::parse("senior-management"),
            Some(Role::SeniorManagement)
        );
        assert_eq!(Role::parse("janitor"), None);
    }
}
