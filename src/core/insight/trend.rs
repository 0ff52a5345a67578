//! Monthly averages over the 12 calendar months up to the end of a period, and the sparkline
//! that draws them.

use super::{GroupBy, GroupKey};
use crate::core::{Dataset, Instant};
use chrono::{Datelike, Duration, FixedOffset, NaiveDate, TimeZone};
use std::collections::BTreeMap;

/// How many months a trend covers.
pub const MONTHS: usize = 12;

/// The sparkline levels, lowest (a score of 1) to highest (5).
pub const SPARK_LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The average of one calendar month.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthAverage {
    /// The first day of the month (in the calendar's offset).
    pub month: NaiveDate,
    /// Mean of every score given that month; `None` when no interview was completed.
    pub average: Option<f64>,
    /// Interviews completed that month.
    pub interviews: usize,
}

impl MonthAverage {
    /// `2026-05`.
    pub fn key(&self) -> String {
        self.month.format("%Y-%m").to_string()
    }

    /// `May 2026`.
    pub fn name(&self) -> String {
        self.month.format("%b %Y").to_string()
    }
}

/// The sparkline character of an average on the fixed 1-5 scale (the same scale for every
/// group, so lines can be compared); a blank for no average.
pub fn spark_char(average: Option<f64>) -> char {
    match average {
        None => ' ',
        Some(v) => {
            let step = ((v.clamp(1.0, 5.0) - 1.0) / 4.0 * 7.0).round();
            // `step` is within 0..=7 after the clamp.
            SPARK_LEVELS
                .get(step as usize)
                .copied()
                .unwrap_or(SPARK_LEVELS[0])
        }
    }
}

/// A sparkline of monthly averages: one character per month, blank where there was none.
pub fn spark(trend: &[MonthAverage]) -> String {
    trend.iter().map(|m| spark_char(m.average)).collect()
}

/// The first day of each of the 12 months up to the one containing the last instant before
/// `until`, at `offset`.
fn months(until: Instant, offset: FixedOffset) -> Vec<NaiveDate> {
    let last = crate::core::time_math::local(
        crate::core::time_math::earlier(until, Duration::milliseconds(1)),
        offset,
    )
    .date_naive();
    let index = last.year() * 12 + last.month0() as i32;
    (0..MONTHS as i32)
        .rev()
        .filter_map(|back| {
            let i = index - back;
            NaiveDate::from_ymd_opt(i.div_euclid(12), i.rem_euclid(12) as u32 + 1, 1)
        })
        .collect()
}

/// A trend with no interview in any month.
pub(super) fn empty(until: Instant, offset: FixedOffset) -> Vec<MonthAverage> {
    months(until, offset)
        .into_iter()
        .map(|month| MonthAverage {
            month,
            average: None,
            interviews: 0,
        })
        .collect()
}

/// Sums of one month.
#[derive(Clone, Copy, Default)]
struct Month {
    sum: u32,
    scores: usize,
    interviews: usize,
}

/// The monthly trend of every group under `by` with an interview in the 12 months, and of the
/// whole programme (under [`GroupKey::All`]).
pub(super) fn monthly(
    data: &Dataset,
    by: GroupBy,
    until: Instant,
    offset: FixedOffset,
) -> BTreeMap<GroupKey, Vec<MonthAverage>> {
    let firsts = months(until, offset);
    let start = firsts
        .first()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|d| offset.from_local_datetime(&d).single())
        .map(|d| d.with_timezone(&chrono::Utc));
    let mut sums: BTreeMap<GroupKey, [Month; MONTHS]> = BTreeMap::new();
    for i in &data.interviews {
        let Some(at) = i.completed_at.filter(|_| i.is_completed()) else {
            continue;
        };
        if at >= until || start.is_some_and(|s| at < s) {
            continue;
        }
        let local = crate::core::time_math::local(at, offset).date_naive();
        let Some(slot) = firsts
            .iter()
            .position(|d| d.year() == local.year() && d.month() == local.month())
        else {
            continue;
        };
        let group = GroupKey::of(by, data.customer(i.customer));
        for key in [GroupKey::All, group] {
            let m = &mut sums.entry(key).or_insert([Month::default(); MONTHS])[slot];
            m.interviews += 1;
            for s in i.answers.iter().filter_map(|a| a.score) {
                m.sum += u32::from(s.get());
                m.scores += 1;
            }
        }
    }
    sums.into_iter()
        .map(|(key, months)| {
            let trend = firsts
                .iter()
                .zip(months)
                .map(|(&month, m)| MonthAverage {
                    month,
                    average: (m.scores > 0).then(|| f64::from(m.sum) / m.scores as f64),
                    interviews: m.interviews,
                })
                .collect();
            (key, trend)
        })
        .collect()
}
