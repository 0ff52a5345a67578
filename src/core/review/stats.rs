//! Response times summed up per owner: count, median and 90th percentile by nearest rank, and
//! how many were within the policy.

use super::{Measure, Sample};
use crate::core::{Dataset, StaffId};
use chrono::Duration;

/// Whose figures a row holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// One owner (`None`: nobody assigned).
    Owner(Option<StaffId>),
    /// Everyone: the whole programme.
    Everyone,
}

/// The response times of one measure for one owner (or everyone) in the week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stat {
    /// What was measured.
    pub measure: Measure,
    /// Whose.
    pub who: Who,
    /// How many responses.
    pub count: usize,
    /// The median by nearest rank (the 50th percentile).
    pub median: Duration,
    /// The 90th percentile by nearest rank.
    pub p90: Duration,
    /// How many were done by their due time; `None` for a measure without a limit.
    pub within: Option<usize>,
}

/// The `p`th percentile (0-100) of `sorted` (ascending) by the nearest-rank method: the value
/// at rank ceil(p/100 x n), counting from 1 (the first value for p = 0). `None` when empty.
pub fn nearest_rank(sorted: &[Duration], p: u32) -> Option<Duration> {
    let n = sorted.len();
    let rank = (usize::try_from(p).ok()? * n)
        .div_ceil(100)
        .clamp(1, n.max(1));
    sorted.get(rank - 1).copied()
}

/// The rows of every measure with samples: each owner (by name, unassigned last), then
/// everyone.
pub fn stats(data: &Dataset, samples: &[Sample]) -> Vec<Stat> {
    let mut rows = Vec::new();
    for measure in Measure::ALL {
        let of: Vec<&Sample> = samples.iter().filter(|s| s.measure == measure).collect();
        if of.is_empty() {
            continue;
        }
        let mut owners: Vec<Option<StaffId>> = of.iter().map(|s| s.owner).collect();
        owners.sort_by_key(|o| owner_order(data, *o));
        owners.dedup();
        for owner in owners {
            let mine: Vec<&Sample> = of.iter().copied().filter(|s| s.owner == owner).collect();
            rows.extend(row(measure, Who::Owner(owner), &mine));
        }
        rows.extend(row(measure, Who::Everyone, &of));
    }
    rows
}

/// The order owners are listed in: by name (case-insensitive), then id; unassigned last.
pub fn owner_order(data: &Dataset, owner: Option<StaffId>) -> (bool, String, u64) {
    match owner {
        Some(id) => (false, data.staff_name(Some(id)).to_lowercase(), id.0),
        None => (true, String::new(), 0),
    }
}

fn row(measure: Measure, who: Who, samples: &[&Sample]) -> Option<Stat> {
    let mut took: Vec<Duration> = samples.iter().map(|s| s.took).collect();
    took.sort();
    let within = samples
        .iter()
        .map(|s| s.within())
        .try_fold(0, |n, w| w.map(|ok| n + usize::from(ok)));
    Some(Stat {
        measure,
        who,
        count: samples.len(),
        median: nearest_rank(&took, 50)?,
        p90: nearest_rank(&took, 90)?,
        within,
    })
}
