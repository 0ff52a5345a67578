//! The accepted range of every policy value. A value outside it is refused with its key, the
//! value and the range, never clamped: a typo in a deadline must not silently move deadlines.
//!
//! The ranges are generous for any real programme and small enough that every deadline stays
//! a few steps of business-time arithmetic (a policy of 4 billion business days once looped
//! for seconds before it panicked). They are listed in `assets/policy.toml` beside each key.

use super::{Policy, PolicyError, parse_offset, parse_weekday};
use crate::core::sanitize;
use std::ops::RangeInclusive;

/// Months between interviews (also each tier's override).
pub const MONTHS: RangeInclusive<u32> = 1..=60;
/// Calendar days: after a deliverable, spacing, report, dissemination, formal report, action.
pub const DAYS: RangeInclusive<u32> = 0..=365;
/// Hours: thank-you (business hours), debrief, informing executives. 720 hours is 30 days.
pub const HOURS: RangeInclusive<u32> = 0..=720;
/// Business days: pre-brief before the interview, contacting the customer after a low score.
pub const BUSINESS_DAYS: RangeInclusive<u32> = 0..=30;
/// First interviews due per week in a first round.
pub const PER_WEEK: RangeInclusive<u32> = 1..=1000;

fn invalid(key: &'static str, reason: String) -> Result<(), PolicyError> {
    Err(PolicyError::Invalid { key, reason })
}

impl Policy {
    /// Every number in its range, every day a day, at least one working day.
    pub(super) fn validate(&self) -> Result<(), PolicyError> {
        let (c, d, l) = (&self.cadence, &self.deadlines, &self.low_scores);
        let tiers = &c.tier_months;
        let numbers = [
            ("cadence.months", Some(c.months), MONTHS),
            ("cadence.tier_months.key", tiers.key, MONTHS),
            ("cadence.tier_months.growth", tiers.growth, MONTHS),
            ("cadence.tier_months.standard", tiers.standard, MONTHS),
            (
                "cadence.after_deliverable_days",
                Some(c.after_deliverable_days),
                DAYS,
            ),
            ("cadence.spacing_days", Some(c.spacing_days), DAYS),
            (
                "cadence.first_round_per_week",
                Some(c.first_round_per_week),
                PER_WEEK,
            ),
            (
                "deadlines.prebrief_business_days_before",
                Some(d.prebrief_business_days_before),
                BUSINESS_DAYS,
            ),
            (
                "deadlines.acknowledge_business_hours",
                Some(d.acknowledge_business_hours),
                HOURS,
            ),
            ("deadlines.debrief_hours", Some(d.debrief_hours), HOURS),
            (
                "deadlines.inform_executives_hours",
                Some(d.inform_executives_hours),
                HOURS,
            ),
            (
                "deadlines.report_president_days",
                Some(d.report_president_days),
                DAYS,
            ),
            (
                "deadlines.disseminate_days_after_report",
                Some(d.disseminate_days_after_report),
                DAYS,
            ),
            (
                "deadlines.formal_report_days",
                Some(d.formal_report_days),
                DAYS,
            ),
            (
                "deadlines.action_followup_days",
                Some(d.action_followup_days),
                DAYS,
            ),
            (
                "low_scores.senior_business_days",
                Some(l.senior_business_days),
                BUSINESS_DAYS,
            ),
            (
                "low_scores.managers_business_days",
                Some(l.managers_business_days),
                BUSINESS_DAYS,
            ),
            (
                "requests.first_response_business_hours",
                Some(self.requests.first_response_business_hours),
                HOURS,
            ),
            (
                "requests.resolve_business_days",
                Some(self.requests.resolve_business_days),
                BUSINESS_DAYS,
            ),
        ];
        for (key, value, range) in numbers {
            if let Some(v) = value.filter(|v| !range.contains(v)) {
                let (lo, hi) = (range.start(), range.end());
                return invalid(key, format!("{v} is out of range: use {lo} to {hi}"));
            }
        }
        if !(2..=5).contains(&l.threshold) {
            return invalid(
                "low_scores.threshold",
                format!(
                    "{} is out of range: use 2 to 5 (scores run 1-5)",
                    l.threshold
                ),
            );
        }
        if l.senior_max == 0 || l.senior_max >= l.threshold {
            return invalid(
                "low_scores.senior_max",
                format!(
                    "{} is out of range: use 1 to {} (below low_scores.threshold)",
                    l.senior_max,
                    l.threshold - 1
                ),
            );
        }
        if let Err(reason) = self.senior_management.validate() {
            return invalid("senior_management", sanitize::text(&reason));
        }
        if let Err((key, reason)) = self.triggers.validate() {
            return invalid(key, reason);
        }
        self.validate_business_time()?;
        self.validate_monitors()
    }

    fn validate_business_time(&self) -> Result<(), PolicyError> {
        const KEY: &str = "business_time.working_days";
        let days = &self.business_time.working_days;
        if days.is_empty() {
            // An empty list would make business time plain time and move every deadline.
            return invalid(
                KEY,
                "names no day: list at least one working day, e.g. [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]"
                    .into(),
            );
        }
        let mut seen = Vec::new();
        for day in days {
            let Some(weekday) = parse_weekday(day) else {
                return invalid(
                    KEY,
                    format!(
                        "{} is not a day (use mon, tue, wed, thu, fri, sat, sun)",
                        sanitize::quote(day)
                    ),
                );
            };
            if seen.contains(&weekday) {
                return invalid(
                    KEY,
                    format!("{} names {weekday} twice", sanitize::quote(day)),
                );
            }
            seen.push(weekday);
        }
        if let Some(o) = &self.business_time.utc_offset
            && parse_offset(o).is_none()
        {
            return invalid(
                "business_time.utc_offset",
                format!(
                    "{} is not an offset like +01:00 or -05:00 (from -14:00 to +14:00)",
                    sanitize::quote(o)
                ),
            );
        }
        Ok(())
    }
}
