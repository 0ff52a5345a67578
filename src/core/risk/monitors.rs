//! The at-risk flag's monitor rules: late deliveries (sign deliveries), many returns or
//! warranty claims (sign quality), with their figures in plain words.

use super::Sign;
use super::wording::count;
use crate::core::monitors::{Figures, MonitorEvent, Monitoring};

/// The watch reasons one customer's monitor events give at `m.today`.
pub(super) fn reasons(events: &[&MonitorEvent], m: Monitoring<'_>) -> Vec<(Sign, String)> {
    let p = m.policy;
    let f = Figures::of(events.iter().copied(), m);
    let mut out = Vec::new();
    if let Some(percent) = f.on_time_percent()
        && p.on_time_below_percent > 0
        && percent < p.on_time_below_percent
        && f.deliveries >= p.on_time_min_deliveries as usize
        && let Some(text) = f.on_time_text()
    {
        out.push((Sign::Deliveries, text));
    }
    let last_30 = [
        (f.returns[0], p.returns_in_30_days, "return"),
        (f.claims[0], p.claims_in_30_days, "warranty claim"),
    ];
    for (n, threshold, what) in last_30 {
        if threshold > 0 && n >= threshold as usize {
            out.push((Sign::Quality, format!("{} in 30 days", count(n, what))));
        }
    }
    out
}
