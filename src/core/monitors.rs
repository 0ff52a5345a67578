//! Tangible monitors: what a customer lives through besides our interviews, imported from ERP
//! and quality exports. Deliveries (promised and actual date), warranty claims, returns and
//! credit notes, one record per source document.
//!
//! Dates are calendar dates, as ERP exports write them: each is stored as that date's midnight
//! UTC, and "today" is the date at the policy's UTC offset ([`Monitoring::new`]), so a delivery
//! promised for today is late only from tomorrow wherever the user sits.
//!
//! A record is known by its kind and its source reference (the document number): importing the
//! same export again updates the records it wrote instead of adding them twice.

use super::{CustomerId, Instant, Money};
use chrono::{FixedOffset, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

mod figures;
mod plan;
pub mod view;

pub use figures::{Figures, PERIODS};
pub use plan::{MonitorPlan, MonitorRow, Rejected, plan_monitors};

pub use super::ids::MonitorId;

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MonitorKind {
    /// A delivery: when it was promised, and when it was made (`None`: not yet).
    Delivery {
        /// The date promised to the customer.
        #[serde(with = "super::ms")]
        promised: Instant,
        /// The date it was delivered, if it was.
        #[serde(with = "super::ms::opt")]
        delivered: Option<Instant>,
    },
    /// A warranty claim.
    Claim,
    /// A return of goods.
    Return,
    /// A credit note, with its amount when the export gives one.
    CreditNote {
        /// What was credited.
        amount: Option<Money>,
    },
}

impl MonitorKind {
    /// The stable snake_case name used in maps, JSON and messages.
    pub fn as_str(&self) -> &'static str {
        match self {
            MonitorKind::Delivery { .. } => "delivery",
            MonitorKind::Claim => "claim",
            MonitorKind::Return => "return",
            MonitorKind::CreditNote { .. } => "credit_note",
        }
    }

    /// How a person reads it, e.g. "warranty claim".
    pub fn label(&self) -> &'static str {
        match self {
            MonitorKind::Delivery { .. } => "delivery",
            MonitorKind::Claim => "warranty claim",
            MonitorKind::Return => "return",
            MonitorKind::CreditNote { .. } => "credit note",
        }
    }
}

/// One event of a customer's monitors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonitorEvent {
    /// Store-assigned id.
    pub id: MonitorId,
    /// Whose event.
    pub customer: CustomerId,
    /// What happened.
    pub kind: MonitorKind,
    /// The event's date (midnight UTC of the calendar date).
    #[serde(with = "super::ms")]
    pub on: Instant,
    /// The source document's number (delivery note, RMA, claim, credit memo), as exported.
    pub reference: String,
    /// A short note: the reason, the product, as the export gives it.
    pub note: String,
}

impl MonitorEvent {
    /// What identifies the event across imports: its kind and its reference, case and spaces
    /// ignored.
    pub fn identity(&self) -> (&'static str, String) {
        identity(&self.kind, &self.reference)
    }
}

/// [`MonitorEvent::identity`] of a kind and a reference.
pub fn identity(kind: &MonitorKind, reference: &str) -> (&'static str, String) {
    let key: String = reference
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (kind.as_str(), key)
}

/// Midnight UTC of a calendar date: how monitor dates are stored.
pub fn date_instant(date: NaiveDate) -> Instant {
    Utc.from_utc_datetime(&date.and_time(chrono::NaiveTime::MIN))
}

/// The calendar date a stored monitor date stands for.
pub fn instant_date(at: Instant) -> NaiveDate {
    at.date_naive()
}

/// What the monitor figures and rules are computed against: today's date and the policy.
#[derive(Clone, Copy, Debug)]
pub struct Monitoring<'a> {
    /// Today's date at the policy's offset.
    pub today: NaiveDate,
    /// The thresholds and the window.
    pub policy: &'a super::policy::Monitors,
}

impl<'a> Monitoring<'a> {
    /// Today at `offset` (the business calendar's) from `now`, with the policy's monitors.
    pub fn new(
        now: Instant,
        offset: FixedOffset,
        policy: &'a super::policy::Policy,
    ) -> Monitoring<'a> {
        Monitoring {
            today: now.with_timezone(&offset).date_naive(),
            policy: &policy.monitors,
        }
    }
}

#[cfg(test)]
mod tests;
