//! Customer records: invented names, contacts, who looks after them, pre-brief notes.

use super::markets::{COMPANY_WORDS, NAME_QUALIFIERS, Segment};
use super::names::{CONTACT_ROLES, FIRST_NAMES, LAST_NAMES, email_part};
use super::notes::{
    CHURN_REASONS, CULTURES, DORMANT_NOTE, ISSUES, PERSONALITIES, PROBLEMS, SUCCESSES,
};
use super::plan::{Fate, Plan};
use super::rng::Rng;
use super::schedule::Schedule;
use super::team::Team;
use crate::core::{
    Contact, ContactId, Customer, CustomerId, IdAllocator, Lifecycle, PreBrief, Tier,
};
use std::collections::HashSet;

/// Company names already handed out, so every customer's name is unique.
#[derive(Debug, Default)]
pub(crate) struct NameBook {
    /// Every name given so far.
    used: HashSet<String>,
}

impl NameBook {
    /// A fresh company name for a customer in `segment`: two words, then a qualifier, then a
    /// number once a large demo has used every plain combination.
    fn company(&mut self, segment: &Segment, rng: &mut Rng) -> String {
        let mut base = String::new();
        for _ in 0..6 {
            base = format!("{} {}", rng.pick(COMPANY_WORDS), rng.pick(segment.endings));
            if self.used.insert(base.clone()) {
                return base;
            }
        }
        let start = rng.index(NAME_QUALIFIERS.len());
        for k in 0..NAME_QUALIFIERS.len() {
            let q = NAME_QUALIFIERS[(start + k) % NAME_QUALIFIERS.len()];
            let name = format!("{base} {q}");
            if self.used.insert(name.clone()) {
                return name;
            }
        }
        // At most `used.len()` numbered names can be taken, so one of these is free.
        (2..=self.used.len() as u64 + 2)
            .map(|n| format!("{base} {n}"))
            .find(|name| self.used.insert(name.clone()))
            .unwrap_or(base)
    }
}

/// The email domain of a company: its words, lower case, joined by `-`, under `.example`.
fn domain(company: &str) -> String {
    let words: Vec<String> = company
        .split_whitespace()
        .map(email_part)
        .filter(|w| !w.is_empty())
        .collect();
    format!("{}.example", words.join("-"))
}

/// Builds the customer record for `plan`, with fresh ids for it and its contacts.
pub(crate) fn build(
    plan: &Plan,
    schedule: &Schedule,
    team: &Team,
    ids: &mut IdAllocator,
    rng: &mut Rng,
    names: &mut NameBook,
) -> Customer {
    let id = CustomerId(ids.next_id());
    let name = names.company(plan.segment, rng);
    let contacts = contacts(plan, &domain(&name), ids, rng);
    let mut prebrief = if rng.chance(0.88) {
        PreBrief {
            successes: rng.pick(SUCCESSES).to_string(),
            problems: if rng.chance(0.7) {
                rng.pick(PROBLEMS).to_string()
            } else {
                String::new()
            },
            issues: if rng.chance(0.8) {
                rng.pick(ISSUES).to_string()
            } else {
                String::new()
            },
            personality: rng.pick(CULTURES).to_string(),
        }
    } else {
        PreBrief::default()
    };
    if plan.fate == Fate::Archived {
        prebrief.issues = DORMANT_NOTE.to_string();
    }
    let crm_id = rng
        .chance(0.9)
        .then(|| format!("HS-{}", 10_000 + plan.index as u64 * 4 + rng.below(4)));
    let lifecycle = match schedule.lost_at {
        Some(at) if plan.fate == Fate::Lost => Lifecycle::Lost {
            reason: rng.pick(CHURN_REASONS).to_string(),
            at,
        },
        _ => Lifecycle::Active,
    };
    // Key accounts are interviewed by a senior executive where one is available.
    let senior_executive = team
        .executives
        .iter()
        .find(|e| team.seniors.contains(e))
        .copied();
    let executive_sponsor = match plan.tier {
        Tier::Key if rng.chance(0.6) => senior_executive,
        _ => None,
    }
    .or_else(|| rng.choose(&team.executives).copied());
    let mut updated_at = schedule.created_at;
    if prebrief != PreBrief::default() {
        updated_at = updated_at.max(schedule.prebrief_at);
    }
    for t in [schedule.lost_at, schedule.archived_at]
        .into_iter()
        .flatten()
    {
        updated_at = updated_at.max(t);
    }
    Customer::new(id, name, plan.size.clone(), schedule.created_at)
        .with_crm_id(crm_id)
        .with_tier(plan.tier)
        .with_segment(plan.segment.name)
        .with_region(plan.region.name)
        .with_account_manager(
            team.account_managers
                .get(plan.account_manager % team.account_managers.len().max(1))
                .copied(),
        )
        .with_salesperson(rng.choose(&team.salespeople).copied())
        .with_service_manager(rng.choose(&team.service_managers).copied())
        .with_executive_sponsor(executive_sponsor)
        .with_contacts(contacts)
        .with_prebrief(prebrief)
        .with_lifecycle(lifecycle)
        .with_archived(plan.fate == Fate::Archived)
        .with_updated_at(updated_at)
}

/// One to three people at the customer (key accounts have more), each with a distinct role.
fn contacts(plan: &Plan, domain: &str, ids: &mut IdAllocator, rng: &mut Rng) -> Vec<Contact> {
    let count = match plan.tier {
        Tier::Key => 2 + rng.index(2),
        Tier::Growth => 1 + rng.index(3),
        Tier::Standard => 1 + rng.index(2),
    };
    let first_role = rng.index(CONTACT_ROLES.len());
    (0..count)
        .map(|k| {
            let first = rng.pick(FIRST_NAMES);
            let last = rng.pick(LAST_NAMES);
            let mut phone = plan.country.phone_prefix.to_string();
            for _ in 0..plan.country.phone_digits {
                phone.push(char::from(b'0' + rng.below(10) as u8));
            }
            Contact {
                id: ContactId(ids.next_id()),
                name: format!("{first} {last}"),
                role: CONTACT_ROLES[(first_role + k * 5) % CONTACT_ROLES.len()].to_string(),
                email: format!("{}.{}@{domain}", email_part(first), email_part(last)),
                phone,
                personality: if rng.chance(0.8) {
                    rng.pick(PERSONALITIES).to_string()
                } else {
                    String::new()
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::markets::SEGMENTS;

    #[test]
    fn domains_come_from_the_company_name() {
        assert_eq!(domain("Northwind Logistics"), "northwind-logistics.example");
        assert_eq!(
            domain("Quarry Lane Home & Garden"),
            "quarry-lane-home-garden.example"
        );
    }

    #[test]
    fn thousands_of_names_stay_unique() {
        let mut book = NameBook::default();
        let mut rng = Rng::new(1);
        let names: Vec<String> = (0..12_000)
            .map(|i| book.company(&SEGMENTS[i % SEGMENTS.len()], &mut rng))
            .collect();
        let unique: HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
    }
}
