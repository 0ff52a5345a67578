//! Who counts as senior management for a customer, per `[policy.senior_management]`.
//!
//! The programme says a lowest score of 1 or 2 brings senior management to the call. Imports
//! rarely give anyone that role, so the policy names who counts, tried in this order:
//! 1. active staff holding `role` (the customer's executive sponsor first, if they hold it,
//!    else the lowest staff id);
//! 2. the active people named in `people` (names or emails; the sponsor first if named, else
//!    list order);
//! 3. when `executive_sponsor_fallback` is on, the customer's executive sponsor (the CRM's
//!    "executive sponsor" column), if active, whatever their roles.
//!
//! When all three find nobody the answer is [`Senior::Missing`]: the queue row, the status line
//! and `hearback check` say so loudly; it is never silently reduced to the two managers.

use super::{Customer, Dataset, Role, Staff, StaffId};
use serde::Deserialize;

/// The policy setting: who counts as senior management.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SeniorPolicy {
    /// The role whose holders count (snake_case role name), or `"none"` to rely on `people`
    /// and the sponsor only.
    pub role: String,
    /// Named people who count (staff names or emails), tried when nobody active holds `role`.
    pub people: Vec<String>,
    /// Whether the customer's executive sponsor stands in when the two above find nobody.
    pub executive_sponsor_fallback: bool,
}

impl Default for SeniorPolicy {
    fn default() -> Self {
        SeniorPolicy {
            role: Role::SeniorManagement.as_str().into(),
            people: Vec::new(),
            executive_sponsor_fallback: true,
        }
    }
}

impl SeniorPolicy {
    /// The role whose holders count; `None` when the policy says `"none"` (or names no role).
    pub fn role(&self) -> Option<Role> {
        Role::parse(&self.role)
    }

    /// Checks the values; the message says what is wrong and what is accepted.
    pub fn validate(&self) -> Result<(), String> {
        let none = self.role.trim().eq_ignore_ascii_case("none");
        if !none && self.role().is_none() {
            let names: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
            return Err(format!(
                "'{}' is not a role (use one of {}, or \"none\")",
                self.role,
                names.join(", ")
            ));
        }
        if self.people.iter().any(|p| p.trim().is_empty()) {
            return Err("people: an entry is blank; write a staff name or email".into());
        }
        if none && self.people.is_empty() && !self.executive_sponsor_fallback {
            return Err(
                "names no way to find senior management: set role, people or executive_sponsor_fallback = true"
                    .into(),
            );
        }
        Ok(())
    }
}

/// How a senior manager was found, for the text that names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SeniorSource {
    /// Holds the policy's role.
    Role,
    /// Named in the policy's `people`.
    Named,
    /// The customer's executive sponsor, standing in because nobody else counts.
    SponsorFallback,
}

/// Whether a low score needs senior management, and who that is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Senior {
    /// The score is not low enough to need senior management.
    NotNeeded,
    /// This person attends.
    Attends {
        /// The senior manager.
        id: StaffId,
        /// How they were found.
        source: SeniorSource,
    },
    /// Senior management must attend but the policy finds nobody: say so loudly.
    Missing,
}

impl Senior {
    /// Whether senior management must attend.
    pub fn needed(self) -> bool {
        self != Senior::NotNeeded
    }

    /// Whether senior management must attend and nobody was found.
    pub fn is_missing(self) -> bool {
        self == Senior::Missing
    }
}

/// The loud sentence shown wherever a follow-up lacks its senior manager.
pub const MISSING_TEXT: &str = "NO SENIOR MANAGER: set one with `hearback staff set NAME --role senior_management` (or name people in [policy.senior_management])";

/// The people who count, computed once and asked per customer (the queue asks for every open
/// senior follow-up, so the staff list is scanned once, not per follow-up).
#[derive(Clone, Debug)]
pub struct SeniorPool {
    /// Active holders of the policy's role, by id.
    role_holders: Vec<StaffId>,
    /// Active named people, in the policy's order.
    named: Vec<StaffId>,
    /// Active staff (for the sponsor fallback).
    active: Vec<StaffId>,
    fallback: bool,
    /// Entries of `people` that match no staff member (for `check`).
    pub unknown_named: Vec<String>,
}

/// The staff member an entry of `people` names: email (any case), else exact name (any case).
fn named<'a>(staff: &'a [Staff], text: &str) -> Option<&'a Staff> {
    let t = text.trim();
    staff
        .iter()
        .find(|s| {
            s.email
                .as_deref()
                .is_some_and(|e| e.eq_ignore_ascii_case(t))
        })
        .or_else(|| staff.iter().find(|s| s.name.trim().eq_ignore_ascii_case(t)))
}

impl SeniorPool {
    /// Reads the staff list against the policy.
    pub fn new(data: &Dataset, policy: &SeniorPolicy) -> SeniorPool {
        let role = policy.role();
        let mut role_holders: Vec<StaffId> = data
            .staff
            .iter()
            .filter(|s| s.active && role.is_some_and(|r| s.has_role(r)))
            .map(|s| s.id)
            .collect();
        role_holders.sort();
        let mut named_ids = Vec::new();
        let mut unknown_named = Vec::new();
        for entry in &policy.people {
            match named(&data.staff, entry) {
                Some(s) if s.active && !named_ids.contains(&s.id) => named_ids.push(s.id),
                Some(_) => {}
                None => unknown_named.push(entry.trim().to_string()),
            }
        }
        let mut active: Vec<StaffId> = data
            .staff
            .iter()
            .filter(|s| s.active)
            .map(|s| s.id)
            .collect();
        active.sort();
        SeniorPool {
            role_holders,
            named: named_ids,
            active,
            fallback: policy.executive_sponsor_fallback,
            unknown_named,
        }
    }

    /// Who is senior management for `customer`, or `Missing`.
    pub fn resolve(&self, customer: &Customer) -> Senior {
        let sponsor = customer.executive_sponsor;
        let pick = |list: &[StaffId]| {
            sponsor
                .filter(|s| list.contains(s))
                .or_else(|| list.first().copied())
        };
        if let Some(id) = pick(&self.role_holders) {
            return Senior::Attends {
                id,
                source: SeniorSource::Role,
            };
        }
        if let Some(id) = pick(&self.named) {
            return Senior::Attends {
                id,
                source: SeniorSource::Named,
            };
        }
        match sponsor {
            Some(id) if self.fallback && self.active.binary_search(&id).is_ok() => {
                Senior::Attends {
                    id,
                    source: SeniorSource::SponsorFallback,
                }
            }
            _ => Senior::Missing,
        }
    }

    /// Whether `id` counts as senior management for every customer (by role or by name; the
    /// sponsor fallback is per customer).
    pub fn counts_everywhere(&self, id: StaffId) -> Option<SeniorSource> {
        if self.role_holders.contains(&id) {
            Some(SeniorSource::Role)
        } else if self.named.contains(&id) {
            Some(SeniorSource::Named)
        } else {
            None
        }
    }

    /// Whether `id` counts as senior management for `customer` (someone already on a
    /// follow-up, e.g. chosen when it opened or assigned since).
    pub fn counts(&self, id: StaffId, customer: &Customer) -> Option<SeniorSource> {
        if let Some(source) = self.counts_everywhere(id) {
            return Some(source);
        }
        // The sponsor stands in only while nobody else counts.
        let fallback = self.role_holders.is_empty() && self.named.is_empty() && self.fallback;
        (fallback && customer.executive_sponsor == Some(id) && self.active.contains(&id))
            .then_some(SeniorSource::SponsorFallback)
    }

    /// The senior cover of a follow-up that already names `people`: someone among them who
    /// counts, else whoever the policy finds now.
    pub fn cover(&self, people: &[StaffId], customer: &Customer) -> Senior {
        people
            .iter()
            .find_map(|&id| {
                self.counts(id, customer)
                    .map(|source| Senior::Attends { id, source })
            })
            .unwrap_or_else(|| self.resolve(customer))
    }
}

/// Who is senior management for `customer` under `policy`: the one question every caller asks.
pub fn senior_manager(data: &Dataset, customer: &Customer, policy: &SeniorPolicy) -> Senior {
    SeniorPool::new(data, policy).resolve(customer)
}

#[cfg(test)]
mod tests;
