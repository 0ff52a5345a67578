//! `[policy.monitors]`: the window of the on-time figure and the thresholds at which the
//! tangible monitors (deliveries, claims, returns) become a warning sign of the at-risk flag.

use super::{Policy, PolicyError};
use serde::Deserialize;
use std::ops::RangeInclusive;

/// Thresholds of the tangible monitors.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Monitors {
    /// Days of deliveries the on-time figure covers (promised in the last this many days).
    pub window_days: u32,
    /// An on-time share below this percentage is a warning sign; 0 switches the rule off.
    pub on_time_below_percent: u32,
    /// The on-time rule needs at least this many deliveries in the window.
    pub on_time_min_deliveries: u32,
    /// This many returns or more in the last 30 days is a warning sign; 0 switches it off.
    pub returns_in_30_days: u32,
    /// This many warranty claims or more in the last 30 days is a warning sign; 0: off.
    pub claims_in_30_days: u32,
}

impl Default for Monitors {
    fn default() -> Self {
        Monitors {
            window_days: 90,
            on_time_below_percent: 80,
            on_time_min_deliveries: 3,
            returns_in_30_days: 3,
            claims_in_30_days: 3,
        }
    }
}

/// Days the on-time window may cover.
pub const WINDOW_DAYS: RangeInclusive<u32> = 7..=365;
/// A percentage.
pub const PERCENT: RangeInclusive<u32> = 0..=100;
/// Counts of deliveries, returns or claims.
pub const COUNT: RangeInclusive<u32> = 0..=10_000;
/// The fewest deliveries the on-time rule may need.
pub const MIN_DELIVERIES: RangeInclusive<u32> = 1..=10_000;

impl Policy {
    /// Every monitors value in its range; the error names the key.
    pub(super) fn validate_monitors(&self) -> Result<(), PolicyError> {
        let m = &self.monitors;
        let numbers = [
            ("monitors.window_days", m.window_days, WINDOW_DAYS),
            (
                "monitors.on_time_below_percent",
                m.on_time_below_percent,
                PERCENT,
            ),
            (
                "monitors.on_time_min_deliveries",
                m.on_time_min_deliveries,
                MIN_DELIVERIES,
            ),
            ("monitors.returns_in_30_days", m.returns_in_30_days, COUNT),
            ("monitors.claims_in_30_days", m.claims_in_30_days, COUNT),
        ];
        for (key, v, range) in numbers {
            if !range.contains(&v) {
                let (lo, hi) = (range.start(), range.end());
                return Err(PolicyError::Invalid {
                    key,
                    reason: format!("{v} is out of range: use {lo} to {hi}"),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Policy, PolicyError};

    #[test]
    fn the_shipped_values_are_the_defaults_and_each_key_is_bounded_by_name() {
        let shipped = Policy::from_toml(super::super::DEFAULT_POLICY_TOML).expect("parses");
        assert_eq!(shipped.monitors, super::Monitors::default());
        let ok = Policy::from_toml("[policy.monitors]\nreturns_in_30_days = 0\nwindow_days = 30")
            .expect("0 switches a rule off");
        assert_eq!(
            (ok.monitors.returns_in_30_days, ok.monitors.window_days),
            (0, 30)
        );
        for (text, key, reason) in [
            (
                "window_days = 6",
                "monitors.window_days",
                "6 is out of range: use 7 to 365",
            ),
            (
                "window_days = 366",
                "monitors.window_days",
                "366 is out of range: use 7 to 365",
            ),
            (
                "on_time_below_percent = 101",
                "monitors.on_time_below_percent",
                "101 is out of range: use 0 to 100",
            ),
            (
                "on_time_min_deliveries = 0",
                "monitors.on_time_min_deliveries",
                "0 is out of range: use 1 to 10000",
            ),
            (
                "claims_in_30_days = 10001",
                "monitors.claims_in_30_days",
                "10001 is out of range: use 0 to 10000",
            ),
        ] {
            let got = Policy::from_toml(&format!("[policy.monitors]\n{text}"));
            let want = PolicyError::Invalid {
                key,
                reason: reason.into(),
            };
            assert_eq!(got, Err(want), "{text}");
        }
        let unknown = Policy::from_toml("[policy.monitors]\nreturns_in_31_days = 3");
        assert!(
            matches!(&unknown, Err(PolicyError::Syntax(m)) if m.contains("returns_in_31_days")),
            "{unknown:?}"
        );
    }
}
