//! `[policy.triggers]`: which CRM changes call for a feedback interview. All off by default.

use serde::Deserialize;
use std::ops::RangeInclusive;

/// How far ahead a renewal may be and still call for feedback, in days.
pub const RENEWAL_DAYS: RangeInclusive<u32> = 1..=365;

/// Which changes seen on a customer re-import trigger a feedback interview.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TriggerPolicy {
    /// The CRM column holding the stage; `None` leaves stage triggers off.
    pub stage_column: Option<String>,
    /// Moving into one of these stages (any case) triggers.
    pub stage_values: Vec<String>,
    /// The CRM column holding the renewal or contract end date; `None`: off.
    pub renewal_column: Option<String>,
    /// A renewal this many days away or closer triggers, once per renewal date.
    pub renewal_within_days: u32,
    /// A new account manager triggers.
    pub account_manager_change: bool,
}

impl Default for TriggerPolicy {
    fn default() -> Self {
        TriggerPolicy {
            stage_column: None,
            stage_values: Vec::new(),
            renewal_column: None,
            renewal_within_days: 90,
            account_manager_change: false,
        }
    }
}

impl TriggerPolicy {
    /// The key (under `policy.`) and the reason of the first bad value.
    pub fn validate(&self) -> Result<(), (&'static str, String)> {
        for (key, column) in [
            ("triggers.stage_column", &self.stage_column),
            ("triggers.renewal_column", &self.renewal_column),
        ] {
            if column.as_deref().is_some_and(|c| c.trim().is_empty()) {
                return Err((
                    key,
                    "is blank: name the CRM column as its header reads, or leave the key out"
                        .into(),
                ));
            }
        }
        if self.stage_column.is_some() && self.stage_values.iter().all(|v| v.trim().is_empty()) {
            return Err((
                "triggers.stage_values",
                "names no stage: list the stages that call for feedback, e.g. [\"Delivered\"], \
                 or leave triggers.stage_column out"
                    .into(),
            ));
        }
        if !RENEWAL_DAYS.contains(&self.renewal_within_days) {
            return Err((
                "triggers.renewal_within_days",
                format!(
                    "{} is out of range: use {} to {} days",
                    self.renewal_within_days,
                    RENEWAL_DAYS.start(),
                    RENEWAL_DAYS.end()
                ),
            ));
        }
        Ok(())
    }

    /// The CRM columns an import must read for these triggers, as configured.
    pub fn watched_columns(&self) -> Vec<String> {
        [&self.stage_column, &self.renewal_column]
            .into_iter()
            .flatten()
            .map(|c| c.trim().to_string())
            .collect()
    }

    /// Whether any trigger is on.
    pub fn any(&self) -> bool {
        self.stage_column.is_some() || self.renewal_column.is_some() || self.account_manager_change
    }
}
