//! The cast: how big each customer is, where, and what part it plays in the story the demo
//! tells (a lost account, an overdue debrief, an interview next week...), decided up front so
//! that every demo, however small or large, shows each situation the console is built for.

use super::markets::{Country, REGIONS, Region, SEGMENTS, Segment};
use super::rng::Rng;
use crate::core::{FollowUpState, Money, Tier};

/// Which closed-loop step a recent interview is still missing (so it is overdue at `now`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Missing {
    /// No thank-you note yet (due at once).
    Acknowledgement,
    /// Account manager not debriefed (due within 24 hours).
    Debrief,
    /// No written report to the President (due within a week).
    Report,
}

/// Where a customer is in its interview cycle at `now`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rhythm {
    /// Interviewed within the last few months; the next one is not yet close.
    Regular,
    /// Interviewed in the last ten days, with one step of the loop overdue.
    Overdue(Missing),
    /// The next interview is booked within 30 days.
    ScheduledSoon,
    /// A major deliverable shipped in the last two weeks; no interview after it yet.
    FreshDeliverable,
    /// The six-monthly interview is past due.
    Lapsed,
    /// A low score two to five weeks ago whose follow-up is at this stage now.
    InFollowUp(FollowUpState),
}

/// Whether we still have the customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fate {
    /// Current.
    Active,
    /// Lost a few months ago.
    Lost,
    /// Dormant and archived.
    Archived,
}

/// How the customer's scores move over its interviews.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mood {
    /// Mostly 4s and 5s.
    Steady,
    /// 4s with regular 3s.
    Mixed,
    /// Good two years ago, poor now.
    Declining,
    /// Poor two years ago, good now.
    Improving,
}

/// Everything decided about one customer before its records are written.
pub(crate) struct Plan {
    /// Position in the demo (0-based); also the stream of its random numbers.
    pub index: usize,
    /// Annual contract value.
    pub size: Money,
    /// Derived from the size rank.
    pub tier: Tier,
    /// Market segment.
    pub segment: &'static Segment,
    /// Sales region.
    pub region: &'static Region,
    /// Country within the region.
    pub country: &'static Country,
    /// Active, lost or archived.
    pub fate: Fate,
    /// Interview cycle at `now`.
    pub rhythm: Rhythm,
    /// Score trend.
    pub mood: Mood,
    /// Per-customer shift of every score (a little more or less generous).
    pub lift: f64,
    /// The lowest score the latest interview must show, if any.
    pub forced_low: Option<u8>,
    /// Which account manager (index into the team's list).
    pub account_manager: usize,
}

/// Decides the cast for `n` customers.
pub(crate) fn plan(n: usize, rng: &mut Rng) -> Vec<Plan> {
    let am_rotation = rng.index(5);
    let mut plans: Vec<Plan> = (0..n)
        .map(|index| {
            let region = pick_region(rng);
            let country = rng
                .choose(region.countries)
                .unwrap_or(&REGIONS[0].countries[0]);
            let segment = rng.choose(SEGMENTS).unwrap_or(&SEGMENTS[0]);
            let major = three_figures(rng.log_uniform(20_000.0, 25_000_000.0) as i64);
            Plan {
                index,
                size: Money::new(major.saturating_mul(100), country.currency),
                tier: Tier::Standard,
                segment,
                region,
                country,
                fate: Fate::Active,
                rhythm: Rhythm::Regular,
                mood: pick_mood(rng),
                lift: rng.range(-20, 20) as f64 / 100.0,
                forced_low: None,
                account_manager: (index + am_rotation) % 5,
            }
        })
        .collect();

    // Tiers follow size: the top 15% are key accounts, the next 30% growth.
    let mut by_size: Vec<usize> = (0..n).collect();
    by_size.sort_by_key(|&i| (std::cmp::Reverse(plans[i].size.minor), i));
    let key_end = (n * 15).div_ceil(100);
    let growth_end = (n * 45).div_ceil(100);
    for (rank, &i) in by_size.iter().enumerate() {
        plans[i].tier = match rank {
            r if r < key_end => Tier::Key,
            r if r < growth_end => Tier::Growth,
            _ => Tier::Standard,
        };
    }

    // The special parts, each given to different customers in a shuffled order.
    let order = rng.permutation(n);
    let mut taken = vec![false; n];
    let big = n >= 10;
    let lost = if big { (n / 20).max(2) } else { 0 };
    let archived = if big { (n / 40).max(1) } else { 0 };
    let overdue = (n * 3 / 40).max(1);
    let scheduled = if n >= 2 { (n * 5 / 40).max(1) } else { 0 };
    let fresh = if n >= 3 { (n * 2 / 40).max(1) } else { 0 };
    let lapsed = n * 2 / 40;
    let following = if n >= 4 { (n * 2 / 40).max(1) } else { 0 };

    // Lost customers are rarely key accounts; fall back to any when there are too few others.
    for (k, i) in take(&order, &mut taken, lost, |i| plans[i].tier != Tier::Key)
        .into_iter()
        .enumerate()
    {
        let p = &mut plans[i];
        p.fate = Fate::Lost;
        p.mood = Mood::Declining;
        p.forced_low = Some(if k % 2 == 0 { 1 } else { 2 });
    }
    // Overdue steps cycle through debrief (a 2), report (a 3) and acknowledgement.
    let cases = [Missing::Debrief, Missing::Report, Missing::Acknowledgement];
    for (k, i) in take(&order, &mut taken, overdue, |_| true)
        .into_iter()
        .enumerate()
    {
        let p = &mut plans[i];
        let missing = cases[k % cases.len()];
        p.rhythm = Rhythm::Overdue(missing);
        match missing {
            Missing::Debrief => {
                p.mood = Mood::Declining;
                p.forced_low = Some(2);
            }
            Missing::Report => {
                p.mood = Mood::Mixed;
                p.forced_low = Some(3);
            }
            Missing::Acknowledgement => {}
        }
    }
    for i in take(&order, &mut taken, scheduled, |_| true) {
        plans[i].rhythm = Rhythm::ScheduledSoon;
    }
    for i in take(&order, &mut taken, fresh, |_| true) {
        plans[i].rhythm = Rhythm::FreshDeliverable;
    }
    for i in take(&order, &mut taken, lapsed, |_| true) {
        plans[i].rhythm = Rhythm::Lapsed;
    }
    // Follow-ups under way alternate between a committed report (after a 2) and a first call
    // (after a 3).
    for (k, i) in take(&order, &mut taken, following, |_| true)
        .into_iter()
        .enumerate()
    {
        let (stage, low) = if k % 2 == 0 {
            (FollowUpState::ReportCommitted, 2)
        } else {
            (FollowUpState::Contacted, 3)
        };
        plans[i].rhythm = Rhythm::InFollowUp(stage);
        plans[i].forced_low = Some(low);
    }
    for i in take(&order, &mut taken, archived, |i| {
        plans[i].tier == Tier::Standard
    }) {
        plans[i].fate = Fate::Archived;
    }
    plans
}

/// The first `count` untaken indices of `order` that satisfy `prefer`, topped up with any
/// untaken ones if too few do. One pass each, so large demos stay linear.
fn take(
    order: &[usize],
    taken: &mut [bool],
    count: usize,
    prefer: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut chosen = Vec::with_capacity(count);
    for pass in [true, false] {
        for &i in order {
            if chosen.len() == count {
                return chosen;
            }
            if !taken[i] && (!pass || prefer(i)) {
                taken[i] = true;
                chosen.push(i);
            }
        }
    }
    chosen
}

/// A region, in proportion to the regions' weights.
fn pick_region(rng: &mut Rng) -> &'static Region {
    let total: u64 = REGIONS.iter().map(|r| r.weight).sum();
    let mut roll = rng.below(total);
    for region in REGIONS {
        if roll < region.weight {
            return region;
        }
        roll -= region.weight;
    }
    &REGIONS[0]
}

/// A score trend: most customers are steady.
fn pick_mood(rng: &mut Rng) -> Mood {
    match rng.below(100) {
        0..60 => Mood::Steady,
        60..80 => Mood::Mixed,
        80..90 => Mood::Declining,
        _ => Mood::Improving,
    }
}

/// Rounds to three significant figures, as contract values are quoted (487,000, 23,500).
fn three_figures(value: i64) -> i64 {
    let mut unit = 1i64;
    while value / unit >= 1000 {
        unit *= 10;
    }
    (value + unit / 2) / unit * unit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_values_are_rounded_like_quotes() {
        let cases = [
            (487_321, 487_000),
            (23_456, 23_500),
            (12_345_678, 12_300_000),
            (999, 999),
        ];
        for (raw, want) in cases {
            assert_eq!(three_figures(raw), want, "{raw}");
        }
    }

    #[test]
    fn every_part_is_cast_once_and_tiers_follow_size() {
        let mut rng = Rng::new(1);
        let plans = plan(40, &mut rng);
        let count = |f: &dyn Fn(&Plan) -> bool| plans.iter().filter(|p| f(p)).count();
        assert_eq!(count(&|p| p.fate == Fate::Lost), 2);
        assert_eq!(count(&|p| p.fate == Fate::Archived), 1);
        assert_eq!(count(&|p| matches!(p.rhythm, Rhythm::Overdue(_))), 3);
        assert_eq!(count(&|p| p.tier == Tier::Key), 6);
        assert_eq!(count(&|p| p.tier == Tier::Growth), 12);
        let smallest_key = plans
            .iter()
            .filter(|p| p.tier == Tier::Key)
            .map(|p| p.size.minor);
        let largest_standard = plans
            .iter()
            .filter(|p| p.tier == Tier::Standard)
            .map(|p| p.size.minor);
        assert!(smallest_key.min() >= largest_standard.max());
        assert!(
            plans
                .iter()
                .all(|p| p.fate == Fate::Active || p.rhythm == Rhythm::Regular)
        );
    }

    #[test]
    fn tiny_demos_still_get_a_story() {
        for n in 0..12 {
            let plans = plan(n, &mut Rng::new(n as u64));
            assert_eq!(plans.len(), n);
            if n > 0 {
                assert!(plans.iter().any(|p| matches!(p.rhythm, Rhythm::Overdue(_))));
            }
        }
    }
}
