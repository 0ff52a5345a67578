//! The policy: every time limit of the closed loop, with shipped defaults
//! (`assets/policy.toml`) that a user's `hearback.toml` can override key by key.

use super::Tier;
use super::business_time::WorkWeek;
use chrono::{Duration, FixedOffset, Weekday};
use serde::Deserialize;

/// The shipped defaults, also the commented reference for users.
pub const DEFAULT_POLICY_TOML: &str = include_str!("../../assets/policy.toml");

/// Interview cadence and the feedback calendar.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Cadence {
    /// Months between interviews.
    pub months: u32,
    /// Per-tier overrides of `months`.
    pub tier_months: TierMonths,
    /// Days after a major deliverable by which an interview is due.
    pub after_deliverable_days: u32,
    /// Minimum days between two feedback requests to one customer.
    pub spacing_days: u32,
    /// First interviews due per week when many customers arrive at once (an import).
    pub first_round_per_week: u32,
}

/// Per-tier cadence overrides.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TierMonths {
    /// Key accounts.
    pub key: Option<u32>,
    /// Growth accounts.
    pub growth: Option<u32>,
    /// Standard accounts.
    pub standard: Option<u32>,
}

/// Deadlines of the steps after an interview.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Deadlines {
    /// Pre-brief: business days before the interview.
    pub prebrief_business_days_before: u32,
    /// Thank-you: business hours after completion.
    pub acknowledge_business_hours: u32,
    /// Debrief: hours after completion.
    pub debrief_hours: u32,
    /// Inform executives of a significant issue: hours after completion.
    pub inform_executives_hours: u32,
    /// Report to the President: days after completion.
    pub report_president_days: u32,
    /// Dissemination: days after the report.
    pub disseminate_days_after_report: u32,
    /// Formal report to the customer: days after the follow-up's context is recorded.
    pub formal_report_days: u32,
    /// Telling the customer about a done action: days after it is done.
    pub action_followup_days: u32,
}

/// What a low score triggers.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LowScores {
    /// Scores below this open a follow-up.
    pub threshold: u8,
    /// Lowest scores at or below this need senior management.
    pub senior_max: u8,
    /// Business days to contact the customer when senior management must attend.
    pub senior_business_days: u32,
    /// Business days for the client and service managers otherwise.
    pub managers_business_days: u32,
}

/// Working days and the offset of day boundaries.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BusinessTime {
    /// Three-letter day names.
    pub working_days: Vec<String>,
    /// `+HH:MM`; `None` means the user's local offset (filled in at the edge).
    pub utc_offset: Option<String>,
}

/// The whole policy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Cadence and calendar.
    pub cadence: Cadence,
    /// Step deadlines.
    pub deadlines: Deadlines,
    /// Low-score rules.
    pub low_scores: LowScores,
    /// Business time.
    pub business_time: BusinessTime,
    /// Who counts as senior management.
    pub senior_management: super::senior::SeniorPolicy,
    /// Which CRM changes on a re-import call for a feedback interview.
    pub triggers: super::crm_triggers::TriggerPolicy,
    /// Tangible monitors' window and thresholds.
    pub monitors: Monitors,
    /// Time limits of customers' requests.
    pub requests: Requests,
}

/// Time limits of customers' requests (business time).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Requests {
    /// First response: business hours after the request came in.
    pub first_response_business_hours: u32,
    /// Resolution: business days after the request came in.
    pub resolve_business_days: u32,
}

impl Default for Requests {
    fn default() -> Self {
        Requests {
            first_response_business_hours: 4,
            resolve_business_days: 3,
        }
    }
}

impl Default for Cadence {
    fn default() -> Self {
        Cadence {
            months: 6,
            tier_months: TierMonths::default(),
            after_deliverable_days: 14,
            spacing_days: 30,
            first_round_per_week: 10,
        }
    }
}

impl Default for Deadlines {
    fn default() -> Self {
        Deadlines {
            prebrief_business_days_before: 1,
            acknowledge_business_hours: 4,
            debrief_hours: 24,
            inform_executives_hours: 24,
            report_president_days: 7,
            disseminate_days_after_report: 14,
            formal_report_days: 14,
            action_followup_days: 7,
        }
    }
}

impl Default for LowScores {
    fn default() -> Self {
        LowScores {
            threshold: 4,
            senior_max: 2,
            senior_business_days: 1,
            managers_business_days: 2,
        }
    }
}

impl Default for BusinessTime {
    fn default() -> Self {
        BusinessTime {
            working_days: ["mon", "tue", "wed", "thu", "fri"]
                .map(String::from)
                .to_vec(),
            utc_offset: None,
        }
    }
}

/// The top level of a config file: the policy lives under `[policy.*]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ConfigFile {
    policy: Policy,
    /// The user's keys (`[keys.<mode>]`), read by `keymap::from_toml`; accepted here so the
    /// one file holds both.
    #[serde(rename = "keys")]
    _keys: Option<toml::Table>,
    /// The notification settings, read by `alerts::Settings::from_toml`.
    #[serde(rename = "notifications")]
    _notifications: Option<toml::Table>,
}

/// Why a policy was refused; the message names the key.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PolicyError {
    /// TOML syntax or an unknown key/wrong type (toml names line, column and key).
    #[error("{0}")]
    Syntax(String),
    /// A value out of range.
    #[error("policy.{key}: {reason}")]
    Invalid {
        /// Dotted key under `policy.`.
        key: &'static str,
        /// Why.
        reason: String,
    },
}

pub(crate) fn parse_weekday(name: &str) -> Option<Weekday> {
    // `mon` or `monday`, any case; not any word that starts like a day (`monkey`).
    name.trim().to_ascii_lowercase().parse::<Weekday>().ok()
}

/// Parses `+HH:MM` / `-HH:MM` / `Z`.
pub fn parse_offset(text: &str) -> Option<FixedOffset> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("z") || t == "UTC" {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match t.as_bytes().first() {
        Some(b'+') => (1, &t[1..]),
        Some(b'-') => (-1, &t[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    if !(0..=14).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

impl Policy {
    /// Parses a config file's text (`[policy.*]` sections); missing keys keep the defaults.
    pub fn from_toml(text: &str) -> Result<Policy, PolicyError> {
        // toml's message quotes the offending line: cleaned, it cannot drive the terminal.
        let file: ConfigFile = toml::from_str(text)
            .map_err(|e| PolicyError::Syntax(super::sanitize::text(&e.to_string())))?;
        file.policy.validate()?;
        Ok(file.policy)
    }

    /// Months between interviews for a tier.
    pub fn cadence_months(&self, tier: Tier) -> u32 {
        let t = &self.cadence.tier_months;
        match tier {
            Tier::Key => t.key,
            Tier::Growth => t.growth,
            Tier::Standard => t.standard,
        }
        .unwrap_or(self.cadence.months)
    }

    /// The business calendar; `local_offset` is used when the policy names none.
    pub fn work_week(&self, local_offset: FixedOffset) -> WorkWeek {
        WorkWeek {
            working_days: self
                .business_time
                .working_days
                .iter()
                .filter_map(|d| parse_weekday(d))
                .collect(),
            offset: self
                .business_time
                .utc_offset
                .as_deref()
                .and_then(parse_offset)
                .unwrap_or(local_offset),
        }
    }

    /// A whole number of hours as a duration.
    pub fn hours(h: u32) -> Duration {
        Duration::hours(i64::from(h))
    }

    /// A whole number of days as a duration.
    pub fn days(d: u32) -> Duration {
        Duration::days(i64::from(d))
    }
}

mod bounds;
mod monitors;
pub use monitors::Monitors;

#[cfg(test)]
mod tests;
