//! Why customers left: the reasons given when they were marked lost, counted.

use super::Period;
use crate::core::{CustomerId, Dataset, Instant, Lifecycle};
use std::collections::BTreeMap;

/// One reason and how many customers gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChurnReason {
    /// The reason, as first written (trimmed); "(no reason given)" when blank.
    pub reason: String,
    /// How many customers were lost for it.
    pub count: usize,
}

/// The reasons of the customers marked lost in `period` (every lost customer when the period
/// has no start), grouped ignoring case and surrounding spaces: most frequent first, then
/// alphabetical. A reason is shown as it was written the first time it was recorded.
pub fn churn(data: &Dataset, period: Period) -> Vec<ChurnReason> {
    let mut lost: Vec<(Instant, CustomerId, &str)> = data
        .customers
        .iter()
        .filter_map(|c| match &c.lifecycle {
            Lifecycle::Lost { reason, at } => Some((*at, c.id, reason.trim())),
            Lifecycle::Active => None,
        })
        .filter(|(at, _, _)| period.since.is_none() || period.contains(*at))
        .collect();
    lost.sort();
    // Folded reason -> (first spelling, count).
    let mut counts: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for (_, _, reason) in lost {
        let shown = if reason.is_empty() {
            "(no reason given)"
        } else {
            reason
        };
        counts
            .entry(shown.to_lowercase())
            .or_insert_with(|| (shown.to_string(), 0))
            .1 += 1;
    }
    let mut out: Vec<(String, ChurnReason)> = counts
        .into_iter()
        .map(|(folded, (reason, count))| (folded, ChurnReason { reason, count }))
        .collect();
    out.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(&b.0)));
    out.into_iter().map(|(_, r)| r).collect()
}
