//! Customers: who they are, how big, who looks after them, and whether we still have them.

use super::ids::{ContactId, CustomerId, DeliverableId, StaffId};
use super::money::Money;
use super::{Instant, ms};
use serde::{Deserialize, Serialize};

/// How much effort an account gets; key accounts come first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tier {
    /// The accounts the business depends on.
    Key,
    /// Accounts expected to grow.
    Growth,
    /// Everyone else.
    Standard,
}

impl Tier {
    /// Every tier, most important first.
    pub const ALL: [Tier; 3] = [Tier::Key, Tier::Growth, Tier::Standard];

    /// The stable lower-case name used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Key => "key",
            Tier::Growth => "growth",
            Tier::Standard => "standard",
        }
    }

    /// Reads a tier as CRMs and people write it (`Key`, `Strategic`, `Tier 1`, `A`, ...).
    pub fn parse(text: &str) -> Option<Tier> {
        let t: String = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        match t.as_str() {
            "key" | "keyaccount" | "strategic" | "enterprise" | "tier1" | "t1" | "a"
            | "platinum" | "1" => Some(Tier::Key),
            "growth" | "tier2" | "t2" | "b" | "gold" | "midmarket" | "2" => Some(Tier::Growth),
            "standard" | "tier3" | "t3" | "c" | "silver" | "bronze" | "smb" | "3" => {
                Some(Tier::Standard)
            }
            _ => None,
        }
    }
}

/// A person at the customer we talk to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Store-assigned id, unique across customers.
    pub id: ContactId,
    /// Full name.
    pub name: String,
    /// Job title or role in the relationship.
    pub role: String,
    /// Email address, possibly empty.
    pub email: String,
    /// Phone number as written, possibly empty.
    pub phone: String,
    /// Personality type and personal/professional notes for the pre-brief.
    pub personality: String,
}

/// What the account manager tells our executive before an interview.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreBrief {
    /// What has gone well.
    pub successes: String,
    /// What has gone wrong.
    pub problems: String,
    /// Open issues the executive should know about.
    pub issues: String,
    /// The customer's culture and personalities in general.
    pub personality: String,
}

/// Whether we still serve the customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lifecycle {
    /// A current customer.
    Active,
    /// A customer we lost, with why (feeds the churn-reason counts).
    Lost {
        /// Why they left, in the account manager's words.
        reason: String,
        /// When the loss was recorded.
        #[serde(with = "ms")]
        at: Instant,
    },
}

/// A customer account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    /// Store-assigned id.
    pub id: CustomerId,
    /// The id in the CRM it was imported from, if any; re-imports match on it first.
    pub crm_id: Option<String>,
    /// Company name.
    pub name: String,
    /// Size: annual contract value.
    pub size: Money,
    /// Effort class.
    pub tier: Tier,
    /// Market segment or industry.
    pub segment: String,
    /// Region or country.
    pub region: String,
    /// Owns the relationship; first to act on a low score.
    pub account_manager: Option<StaffId>,
    /// Sells to the customer; debriefed with the account manager.
    pub salesperson: Option<StaffId>,
    /// Joins the contact when the lowest score is 3.
    pub service_manager: Option<StaffId>,
    /// Our executive who usually conducts this customer's interviews.
    pub executive_sponsor: Option<StaffId>,
    /// People at the customer.
    pub contacts: Vec<Contact>,
    /// Pre-brief notes.
    pub prebrief: PreBrief,
    /// Active or lost.
    pub lifecycle: Lifecycle,
    /// Hidden from lists but kept with its history.
    pub archived: bool,
    /// When the record was created.
    #[serde(with = "ms")]
    pub created_at: Instant,
    /// When the record last changed.
    #[serde(with = "ms")]
    pub updated_at: Instant,
}

impl Customer {
    /// A current customer with the required fields: no CRM id, standard tier, nobody assigned,
    /// no contacts, an empty pre-brief, and `updated_at` equal to `created_at`. The `with_*`
    /// setters fill in the rest, so a new field needs one default here, not one in every caller.
    pub fn new(id: CustomerId, name: impl Into<String>, size: Money, created_at: Instant) -> Self {
        Customer {
            id,
            crm_id: None,
            name: name.into(),
            size,
            tier: Tier::Standard,
            segment: String::new(),
            region: String::new(),
            account_manager: None,
            salesperson: None,
            service_manager: None,
            executive_sponsor: None,
            contacts: Vec::new(),
            prebrief: PreBrief::default(),
            lifecycle: Lifecycle::Active,
            archived: false,
            created_at,
            updated_at: created_at,
        }
    }

    /// With the id in the CRM it came from (`None` for none).
    pub fn with_crm_id(mut self, crm_id: impl Into<Option<String>>) -> Self {
        self.crm_id = crm_id.into();
        self
    }

    /// With an effort class.
    pub fn with_tier(mut self, tier: Tier) -> Self {
        self.tier = tier;
        self
    }

    /// With a market segment.
    pub fn with_segment(mut self, segment: impl Into<String>) -> Self {
        self.segment = segment.into();
        self
    }

    /// With a region.
    pub fn with_region(mut self, region: impl Into<String>) -> Self {
        self.region = region.into();
        self
    }

    /// With an account manager (`None` for unassigned).
    pub fn with_account_manager(mut self, staff: impl Into<Option<StaffId>>) -> Self {
        self.account_manager = staff.into();
        self
    }

    /// With a salesperson (`None` for unassigned).
    pub fn with_salesperson(mut self, staff: impl Into<Option<StaffId>>) -> Self {
        self.salesperson = staff.into();
        self
    }

    /// With a service manager (`None` for unassigned).
    pub fn with_service_manager(mut self, staff: impl Into<Option<StaffId>>) -> Self {
        self.service_manager = staff.into();
        self
    }

    /// With an executive sponsor (`None` for unassigned).
    pub fn with_executive_sponsor(mut self, staff: impl Into<Option<StaffId>>) -> Self {
        self.executive_sponsor = staff.into();
        self
    }

    /// With these contacts, the first being the primary one.
    pub fn with_contacts(mut self, contacts: Vec<Contact>) -> Self {
        self.contacts = contacts;
        self
    }

    /// With a pre-brief.
    pub fn with_prebrief(mut self, prebrief: PreBrief) -> Self {
        self.prebrief = prebrief;
        self
    }

    /// With a lifecycle (active or lost).
    pub fn with_lifecycle(mut self, lifecycle: Lifecycle) -> Self {
        self.lifecycle = lifecycle;
        self
    }

    /// Archived (hidden from lists) or not.
    pub fn with_archived(mut self, archived: bool) -> Self {
        self.archived = archived;
        self
    }

    /// With the time the record last changed.
    pub fn with_updated_at(mut self, updated_at: Instant) -> Self {
        self.updated_at = updated_at;
        self
    }

    /// The name with case, punctuation and legal suffixes folded, so `ACME, Inc.` matches
    /// `Acme Inc`. Used to match re-imported rows that carry no CRM id.
    pub fn normalised_name(name: &str) -> String {
        let mut words: Vec<String> = Vec::new();
        let mut last_single = false;
        for w in name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let w = w.to_lowercase();
            let single = w.chars().count() == 1;
            // Dotted abbreviations ("K.K.", "S.A.", "B.V.") are one word: "kk", "sa", "bv".
            match words.last_mut() {
                Some(prev) if single && last_single => prev.push_str(&w),
                _ => words.push(w),
            }
            last_single = single;
        }
        let suffixes = [
            "inc",
            "incorporated",
            "ltd",
            "limited",
            "llc",
            "plc",
            "gmbh",
            "ag",
            "sa",
            "sas",
            "bv",
            "nv",
            "co",
            "corp",
            "corporation",
            "company",
            "srl",
            "spa",
            "oy",
            "ab",
            "as",
            "pty",
            "kk",
            "kg",
        ];
        let mut end = words.len();
        while end > 1 && suffixes.contains(&words[end - 1].as_str()) {
            end -= 1;
        }
        words[..end].join(" ")
    }

    /// Whether the customer is current (not lost, not archived).
    pub fn is_current(&self) -> bool {
        !self.archived && self.lifecycle == Lifecycle::Active
    }

    /// The contact with this id, if it belongs to this customer.
    pub fn contact(&self, id: ContactId) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    /// The primary contact: the first listed (the CRM's first contact column, or the first
    /// added), whom an interview is booked with unless another is named.
    pub fn primary_contact(&self) -> Option<&Contact> {
        self.contacts.first()
    }
}

/// A major deliverable shipped to a customer; an interview becomes due after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deliverable {
    /// Store-assigned id.
    pub id: DeliverableId,
    /// Whose deliverable.
    pub customer: CustomerId,
    /// What was delivered, e.g. "Phase 2 go-live".
    pub name: String,
    /// When it was delivered.
    #[serde(with = "ms")]
    pub delivered_at: Instant,
}

#[cfg(test)]
mod tests;
