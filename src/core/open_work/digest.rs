//! The digest of a customer's history: the few completed interviews that the customer row and
//! the risk rules can ever show, kept so that neither needs the rest.
//!
//! Three selections read a customer's completed interviews, each a "latest k" by its own
//! order:
//! - the row's *last interview*: the latest completed one by completion time (its booking time
//!   when the record has none), the lowest id on a tie;
//! - risk's *recent* interviews: the latest [`RECENT`] with a score, by completion time then
//!   id, newest first;
//! - the row's *trend*: the averages of the latest [`TREND`] with a score, by booking time then
//!   id, oldest first.
//!
//! A digest keeps the union of the three, at most `1 + RECENT + TREND` interviews in their
//! compact form ([`Seen`]). Why that is enough, and why saves can keep it without reading the
//! history: a "latest k" of a set with one new member is the "latest k" of the old "latest k"
//! plus that member, so [`Digest::offer`] of a newly completed interview gives exactly the
//! digest of the whole history with it. Changing or removing an interview already in the
//! history is not an offer: the store recomputes that customer's digest from its interviews.

use crate::core::risk::{TREND_WINDOW, WATCH_SCORE};
use crate::core::{CustomerId, Instant, Interview, InterviewId};
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;

/// How many scored interviews risk compares: the latest and the ones before it.
pub const RECENT: usize = TREND_WINDOW + 1;
/// How many recent averages a customer row's trend shows.
pub const TREND: usize = 6;

/// A completed interview, as much of it as the customer row and the risk rules read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Seen {
    /// Which interview.
    pub id: InterviewId,
    /// When it was booked.
    #[serde(with = "crate::core::ms")]
    pub scheduled_at: Instant,
    /// When it was completed, if the record says.
    #[serde(with = "crate::core::ms::opt")]
    pub completed_at: Option<Instant>,
    /// The mean of its scores; `None` when nothing was scored.
    pub average: Option<f64>,
    /// Its answers scored at or below [`WATCH_SCORE`], in the order asked: `(score, question
    /// key)`. What the risk reasons name.
    pub low: Vec<(u8, String)>,
}

impl Seen {
    /// The compact form of a completed interview.
    pub fn of(i: &Interview) -> Seen {
        Seen {
            id: i.id,
            scheduled_at: i.scheduled_at,
            completed_at: i.completed_at,
            average: average(i),
            low: i
                .answers
                .iter()
                .filter_map(|a| {
                    let score = a.score?.get();
                    (score <= WATCH_SCORE).then(|| (score, a.question_key.clone()))
                })
                .collect(),
        }
    }

    /// When it counts as completed: its completion time, else its booking time.
    pub fn at(&self) -> Instant {
        self.completed_at.unwrap_or(self.scheduled_at)
    }

    /// The row's view of it.
    pub fn brief(&self) -> Brief {
        Brief {
            id: self.id,
            scheduled_at: self.scheduled_at,
            completed_at: self.completed_at,
            average: self.average,
        }
    }

    /// Its lowest score, when that is at or below [`WATCH_SCORE`].
    pub fn lowest_low(&self) -> Option<u8> {
        self.low.iter().map(|&(s, _)| s).min()
    }
}

/// A completed interview as a customer row shows it: [`Seen`] without the low answers, so a
/// row is a copy, not an allocation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Brief {
    /// Which interview.
    pub id: InterviewId,
    /// When it was booked.
    pub scheduled_at: Instant,
    /// When it was completed, if the record says.
    pub completed_at: Option<Instant>,
    /// The mean of its scores; `None` when nothing was scored.
    pub average: Option<f64>,
}

impl Brief {
    /// When it counts as completed: its completion time, else its booking time.
    pub fn at(&self) -> Instant {
        self.completed_at.unwrap_or(self.scheduled_at)
    }
}

/// The mean of the scored answers (as [`Interview::average_score`], without allocating).
pub fn average(i: &Interview) -> Option<f64> {
    let (sum, n) = i
        .answers
        .iter()
        .filter_map(|a| a.score)
        .fold((0u32, 0u32), |(sum, n), s| {
            (sum.saturating_add(u32::from(s.get())), n.saturating_add(1))
        });
    (n > 0).then(|| f64::from(sum) / f64::from(n))
}

/// What the customer row and the risk rules need from one customer's history of interviews.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Digest {
    /// The customer.
    pub customer: CustomerId,
    /// The interviews the three selections can name, in id order.
    pub kept: Vec<Seen>,
}

/// The order of the last interview: latest completion first, then the lowest id.
fn last_key(s: &Seen) -> (Instant, Reverse<InterviewId>) {
    (s.at(), Reverse(s.id))
}

/// The order of risk's recent interviews: latest completion, then highest id.
fn recent_key(s: &Seen) -> (Instant, InterviewId) {
    (s.at(), s.id)
}

/// The order of the trend: latest booking, then highest id.
fn trend_key(s: &Seen) -> (Instant, InterviewId) {
    (s.scheduled_at, s.id)
}

impl Digest {
    /// A digest of no interviews yet.
    pub fn new(customer: CustomerId) -> Digest {
        Digest {
            customer,
            kept: Vec::new(),
        }
    }

    /// When the latest completed interview was completed; `None`: never interviewed.
    pub fn last_completed(&self) -> Option<Instant> {
        self.kept.iter().map(Seen::at).max()
    }

    /// The latest completed interview (scored or not).
    pub fn last(&self) -> Option<&Seen> {
        self.kept.iter().max_by_key(|s| last_key(s))
    }

    /// The latest scored interviews, newest first (at most [`RECENT`]).
    pub fn recent(&self) -> Vec<&Seen> {
        latest(&self.kept, RECENT, recent_key)
    }

    /// The averages of the latest scored interviews by booking time, oldest first (at most
    /// [`TREND`]).
    pub fn trend(&self) -> Vec<f64> {
        let mut list = latest(&self.kept, TREND, trend_key);
        list.reverse();
        list.iter().filter_map(|s| s.average).collect()
    }

    /// Adds a completed interview not yet in the digest (one with the same id is replaced),
    /// keeping only what a selection can name. Interviews that are not completed are ignored.
    pub fn offer(&mut self, i: &Interview) {
        if !i.is_completed() || i.customer != self.customer {
            return;
        }
        self.kept.retain(|s| s.id != i.id);
        if !self.wants(i) {
            return;
        }
        self.kept.push(Seen::of(i));
        self.prune();
    }

    /// Whether offering the completed interview `i`, not in the digest, would keep it: a
    /// selection would name it. Most of a long history is older than everything kept, so its
    /// compact form is never built.
    pub fn wants(&self, i: &Interview) -> bool {
        let probe = Seen {
            id: i.id,
            scheduled_at: i.scheduled_at,
            completed_at: i.completed_at,
            average: None,
            low: Vec::new(),
        };
        let scored = i.answers.iter().any(|a| a.score.is_some());
        let beats = |n: usize, key: &dyn Fn(&Seen) -> (Instant, InterviewId)| {
            let top = latest(&self.kept, n, key);
            top.len() < n || top.last().is_some_and(|s| key(&probe) > key(s))
        };
        self.last().is_none_or(|l| last_key(&probe) > last_key(l))
            || (scored && (beats(RECENT, &recent_key) || beats(TREND, &trend_key)))
    }

    /// Whether the digest holds `i` as it is (a completed interview whose compact form is the
    /// one kept): offering it again would change nothing.
    pub fn holds(&self, i: &Interview) -> bool {
        i.is_completed() && self.kept.iter().any(|s| s.id == i.id && *s == Seen::of(i))
    }

    /// Drops what no selection names, and puts the rest in id order.
    fn prune(&mut self) {
        let mut names: Vec<InterviewId> = Vec::with_capacity(1 + RECENT + TREND);
        names.extend(self.last().map(|s| s.id));
        names.extend(self.recent().iter().map(|s| s.id));
        names.extend(latest(&self.kept, TREND, trend_key).iter().map(|s| s.id));
        self.kept.retain(|s| names.contains(&s.id));
        self.kept.sort_by_key(|s| s.id);
    }

    /// Forgets the interview `id` (a newer copy of it is about to be offered, or it is no
    /// longer completed). Exact only when the digest's history still has its selections
    /// without it, as when the interview was completed after the digest was read.
    pub fn forget(&mut self, id: InterviewId) {
        self.kept.retain(|s| s.id != id);
    }
}

/// The `n` latest scored entries by `key`, latest first.
fn latest<K: Ord>(kept: &[Seen], n: usize, key: impl Fn(&Seen) -> K) -> Vec<&Seen> {
    let mut list: Vec<&Seen> = kept.iter().filter(|s| s.average.is_some()).collect();
    list.sort_by_key(|s| Reverse(key(s)));
    list.truncate(n);
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Answer, InterviewStatus, Score, Trigger};
    use chrono::{Duration, TimeZone, Utc};

    fn at(day: i64) -> Instant {
        Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0)
            .single()
            .expect("date")
            + Duration::days(day)
    }

    fn done(id: u64, day: i64, scores: &[u8]) -> Interview {
        let mut i = Interview::booked(InterviewId(id), CustomerId(1), Trigger::Cadence, at(day));
        i.status = InterviewStatus::Completed;
        i.completed_at = Some(at(day));
        i.answers = scores
            .iter()
            .enumerate()
            .map(|(k, &s)| Answer {
                question_key: format!("q{k}"),
                score: Score::new(s),
                ..Answer::default()
            })
            .collect();
        i
    }

    #[test]
    fn offers_in_any_order_keep_the_same_selections() {
        let list: Vec<Interview> = (1..=12)
            .map(|n| done(n, (n as i64 * 7) % 13, &[(n % 5 + 1) as u8, 4]))
            .chain([done(13, 20, &[])])
            .collect();
        let mut forward = Digest::new(CustomerId(1));
        list.iter().for_each(|i| forward.offer(i));
        let mut backward = Digest::new(CustomerId(1));
        list.iter().rev().for_each(|i| backward.offer(i));
        assert_eq!(forward, backward);
        assert_eq!(forward.last().map(|s| s.id), Some(InterviewId(13)));
        assert_eq!(forward.recent().len(), RECENT);
        assert_eq!(forward.trend().len(), TREND);
        assert!(forward.kept.len() <= 1 + RECENT + TREND);
    }

    #[test]
    fn a_tie_names_the_lowest_id_as_last_and_low_answers_are_kept_in_order() {
        let mut d = Digest::new(CustomerId(1));
        d.offer(&done(5, 3, &[2, 5, 3]));
        d.offer(&done(4, 3, &[4]));
        assert_eq!(d.last().map(|s| s.id), Some(InterviewId(4)));
        let five = d
            .kept
            .iter()
            .find(|s| s.id == InterviewId(5))
            .expect("kept");
        assert_eq!(five.low, [(2, "q0".into()), (3, "q2".into())]);
        assert_eq!(five.lowest_low(), Some(2));
    }
}
