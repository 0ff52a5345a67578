//! When things happen to one customer: interviews every six months or so, counted back from
//! the latest one, whose age is set by the customer's part in the story.

use super::dates;
use super::plan::{Fate, Missing, Plan, Rhythm};
use super::rng::Rng;
use crate::core::{FollowUpState, Instant};

/// When things happened to one customer.
pub(crate) struct Schedule {
    /// Start times of completed interviews, oldest first.
    pub past: Vec<Instant>,
    /// A booked interview after `now`, if any.
    pub next: Option<Instant>,
    /// When the customer record was created.
    pub created_at: Instant,
    /// When the pre-brief notes were last edited.
    pub prebrief_at: Instant,
    /// When the customer was marked lost.
    pub lost_at: Option<Instant>,
    /// When the dormant customer was archived.
    pub archived_at: Option<Instant>,
    /// A deliverable shipped in the last two weeks.
    pub fresh_deliverable: Option<Instant>,
}

/// Lays out one customer's dates as of `now`.
pub(crate) fn schedule(plan: &Plan, now: Instant, rng: &mut Rng) -> Schedule {
    let work_start = plan.region.work_start_utc * 60;
    let meeting = |rng: &mut Rng| work_start + rng.range(0, 27) as u32 * 15;
    let mut lost_at = None;
    let mut next = None;
    let mut fresh_deliverable = None;
    let (latest_days, latest) = match (plan.fate, plan.rhythm) {
        (Fate::Lost, _) => {
            let lost_days = rng.range(20, 150);
            lost_at = Some(dates::past_workday(now, lost_days, meeting(rng)));
            let d = lost_days + rng.range(30, 90);
            (d, dates::past_workday(now, d, meeting(rng)))
        }
        (Fate::Archived, _) => {
            let d = rng.range(330, 420);
            (d, dates::past_workday(now, d, meeting(rng)))
        }
        (Fate::Active, Rhythm::Overdue(missing)) => {
            let (lo, hi) = match missing {
                Missing::Acknowledgement => (2, 6),
                Missing::Debrief => (3, 7),
                Missing::Report => (8, 10),
            };
            (hi, dates::workday_aged(now, lo, hi, meeting(rng)))
        }
        (Fate::Active, Rhythm::ScheduledSoon) => {
            let ahead = rng.range(1, 30);
            next = Some(dates::future_workday(now, ahead, meeting(rng)));
            let d = 182 + rng.range(-12, 12) - ahead;
            (d, dates::past_workday(now, d, meeting(rng)))
        }
        (Fate::Active, Rhythm::FreshDeliverable) => {
            fresh_deliverable = Some(dates::past_workday(now, rng.range(1, 14), meeting(rng)));
            let d = rng.range(40, 150);
            (d, dates::past_workday(now, d, meeting(rng)))
        }
        (Fate::Active, Rhythm::InFollowUp(stage)) => {
            let d = match stage {
                FollowUpState::ReportCommitted => rng.range(16, 35),
                _ => rng.range(10, 30),
            };
            (d, dates::past_workday(now, d, meeting(rng)))
        }
        (Fate::Active, Rhythm::Lapsed) => {
            let d = rng.range(190, 235);
            (d, dates::past_workday(now, d, meeting(rng)))
        }
        (Fate::Active, Rhythm::Regular) => {
            let d = rng.range(11, 150);
            (d, dates::past_workday(now, d, meeting(rng)))
        }
    };
    // Most customers have two full years of history; some joined more recently.
    let span = if rng.chance(0.15) {
        rng.range(200, 520)
    } else {
        740
    }
    .max(latest_days);
    let mut past = vec![latest];
    let mut oldest_days = latest_days;
    let mut d = latest_days + 182 + rng.range(-20, 20);
    while d <= span {
        past.push(dates::past_workday(now, d, meeting(rng)));
        oldest_days = d;
        d += 182 + rng.range(-20, 20);
    }
    past.reverse();
    let created_days = oldest_days + rng.range(45, 400);
    let created_at = dates::past_workday(now, created_days, meeting(rng)).min(past[0]);
    // Notes are updated before each interview: the booked one if there is one.
    let before = next.map_or(latest, |_| now);
    let prebrief_at =
        dates::between(rng, dates::days(before, -6), dates::days(before, -1)).max(created_at);
    let archived_at =
        (plan.fate == Fate::Archived).then(|| dates::days(latest, rng.range(60, 120)).min(now));
    Schedule {
        past,
        next,
        created_at,
        prebrief_at,
        lost_at,
        archived_at,
        fresh_deliverable,
    }
}
