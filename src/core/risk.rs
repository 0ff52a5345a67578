//! The customer at-risk flag, built from feedback: a level and the plain-word reasons for it.
//!
//! There is no score to explain away: a level above healthy always carries the facts that
//! caused it, with their figures. The rules, checked against each current customer:
//!
//! | rule | level | sign | reason reads like |
//! |---|---|---|---|
//! | latest average below [`AT_RISK_AVERAGE`] | at risk | | `latest average 2.7 (below 3.0)` |
//! | any score at or below [`AT_RISK_SCORE`] in the latest interview | at risk | | `scored 2 on delivery in the latest interview` |
//! | a low-score follow-up overdue in the queue | at risk | | `low-score follow-up F30 overdue (due 2026-11-24 10:00)` |
//! | [`WATCH_SIGNS_FOR_AT_RISK`] or more different signs among the watch rules below | at risk | | (the watch reasons themselves) |
//! | latest average below [`WATCH_AVERAGE`] (and not below [`AT_RISK_AVERAGE`]) | watch | latest | `latest average 3.5 (below 4.0)` |
//! | lowest score in the latest interview exactly [`WATCH_SCORE`] | watch | latest | `scored 3 on delivery in the latest interview` |
//! | latest average at least [`TREND_DROP`] below the mean of the up to [`TREND_WINDOW`] interviews before it | watch | trend | `average fell from 4.4 to 3.5 over the last 3 interviews` |
//! | any follow-up not closed | watch | latest, if all were opened by the latest interview; else follow-ups | `2 open low-score follow-ups (F30, F31)` |
//! | any overdue queue item | watch | never interviewed, if it is only the first booking of a customer never interviewed; else overdue | `3 overdue items: Send thank-you (I20), Debrief AM/sales (I20), Action item (A40)` |
//! | no completed interview at all | watch | never interviewed | `never interviewed` |
//! | on-time deliveries below `monitors.on_time_below_percent` of at least `on_time_min_deliveries` in the window | watch | deliveries | `on-time 71 % (5 of 7 deliveries in 90 days)` |
//! | `monitors.returns_in_30_days` or more returns in the last 30 days | watch | quality | `3 returns in 30 days` |
//! | `monitors.claims_in_30_days` or more warranty claims in the last 30 days | watch | quality | `3 warranty claims in 30 days` |
//!
//! Why signs rather than a count of reasons: several watch facts follow from one another, and
//! counting them twice would make "watch" unreachable. An average below 4.0 always comes with a
//! score of 3 or less; a score of 3 opens a follow-up (at the default threshold); a customer
//! never interviewed is always late for its first booking. Every reason is still listed; only
//! the escalation to at risk needs two independent signs (e.g. a lukewarm latest interview and
//! an overdue debrief). The tangible monitors ([`super::monitors`]) are signs of their own,
//! independent of the feedback: late deliveries with many returns, or either with a lukewarm
//! interview, make a customer at risk. Returns and warranty claims are one sign (quality): both
//! usually report the same faulty goods.
//!
//! Details that decide edge cases:
//! - "Interview" means a completed interview or imported survey response with at least one
//!   score, ordered by completion time (`completed_at`, else `scheduled_at`, then id). The
//!   average is the mean of its scored answers; the trend compares the latest average with the
//!   mean of the earlier interviews' averages. A completed interview without scores only
//!   counts against "never interviewed".
//! - Overdue counts come from the queue computed at `now` (every item in state overdue,
//!   snoozed or not: a snooze hides an item, it does not make it less late), so the queue stays
//!   the one place that decides what is overdue.
//! - The monitor rules count by calendar date at `Monitoring::today` (see
//!   [`super::monitors::Figures`]); a threshold of 0 switches its rule off. Open work holds
//!   every monitor event, so it gives the same answer as the whole history.
//! - Lost and archived customers are not assessed: they are absent from the map.
//! - Records naming a customer that does not exist are ignored.
//!
//! Reasons are listed at-risk rules first, then watch rules, each in table order.

use super::monitors::{MonitorEvent, Monitoring};
use super::open_work::{Digest, Seen, current_digests_of, digest};
use super::queue::{DueState, Item, ItemKind};
use super::reach::Scope;
use super::{CustomerId, Dataset, FollowUp, FollowUpState, Interview, Score};
use std::collections::HashMap;

#[cfg(test)]
mod monitor_tests;
mod monitors;
#[cfg(test)]
mod tests;
mod wording;

use wording::{count, figure, scored_reason};

/// A latest average below this puts the customer at risk.
pub const AT_RISK_AVERAGE: f64 = 3.0;
/// A latest average below this puts the customer on watch.
pub const WATCH_AVERAGE: f64 = 4.0;
/// A score at or below this in the latest interview puts the customer at risk.
pub const AT_RISK_SCORE: u8 = 2;
/// A lowest score of exactly this in the latest interview puts the customer on watch.
pub const WATCH_SCORE: u8 = 3;
/// A fall of at least this much from the earlier mean puts the customer on watch.
pub const TREND_DROP: f64 = 0.5;
/// How many interviews before the latest one the trend compares with (at most).
pub const TREND_WINDOW: usize = 2;
/// This many different watch signs together make the customer at risk.
pub const WATCH_SIGNS_FOR_AT_RISK: usize = 2;

/// How many overdue items a reason names before it says "and N more".
const NAMED_OVERDUE: usize = 3;
/// Averages are fractions of small integers; this absorbs float error at the trend boundary.
const EPSILON: f64 = 1e-9;

/// How worried to be about a customer; ordered from least to most.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RiskLevel {
    /// Nothing in the feedback or the queue gives cause for concern.
    #[default]
    Healthy,
    /// One warning sign: keep an eye on it.
    Watch,
    /// A serious sign, or several warning signs together.
    AtRisk,
}

impl RiskLevel {
    /// The stable snake_case name used in JSON and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            RiskLevel::Healthy => "healthy",
            RiskLevel::Watch => "watch",
            RiskLevel::AtRisk => "at_risk",
        }
    }
}

/// A customer's level and the reasons for it (empty exactly when healthy).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assessment {
    /// The level the rules give.
    pub level: RiskLevel,
    /// Why, in plain words with the figures, most serious first.
    pub reasons: Vec<String>,
}

/// Assesses every current customer; `items` is the queue computed at `now`, `m` says today's
/// date for the monitors. Interviews are read through the customers' digests
/// ([`current_digests`]), so open work with its digests gives the same answer as the whole
/// history.
pub fn assess(
    data: &Dataset,
    items: &[Item],
    m: Monitoring<'_>,
) -> HashMap<CustomerId, Assessment> {
    assess_of(data, items, Scope::All, m)
}

/// [`assess`] for the current customers in `scope` only (`items` may hold anyone's).
pub fn assess_of(
    data: &Dataset,
    items: &[Item],
    scope: Scope<'_>,
    m: Monitoring<'_>,
) -> HashMap<CustomerId, Assessment> {
    let mut current: Vec<CustomerId> = scope
        .customers(data)
        .filter(|c| c.is_current())
        .map(|c| c.id)
        .collect();
    current.sort_unstable();
    let digests = current_digests_of(data, scope);
    let slots = Slots::new(&current);
    let mut facts: Vec<Facts<'_>> = current
        .iter()
        .map(|id| Facts::of(digests.get(id).map(|d| &**d)))
        .collect();
    for f in &data.followups {
        if let Some(facts) = slots.get(f.customer).and_then(|k| facts.get_mut(k)) {
            facts.add_followup(f);
        }
    }
    for item in items {
        if let Some(f) = slots.get(item.customer).and_then(|k| facts.get_mut(k)) {
            f.add_item(item);
        }
    }
    for e in &data.monitors {
        if let Some(f) = slots.get(e.customer).and_then(|k| facts.get_mut(k)) {
            f.monitors.push(e);
        }
    }
    current
        .into_iter()
        .zip(facts)
        .map(|(id, f)| (id, f.assessment(m)))
        .collect()
}

/// Assesses one customer from its own interviews, follow-ups, queue items and monitor events.
pub fn assess_one(
    interviews: &[&Interview],
    followups: &[&FollowUp],
    items: &[&Item],
    monitors: &[&MonitorEvent],
    m: Monitoring<'_>,
) -> Assessment {
    let digest = interviews
        .first()
        .and_then(|first| digest(first.customer, interviews.iter().copied()));
    let mut facts = Facts::of(digest.as_ref());
    followups.iter().for_each(|f| facts.add_followup(f));
    items.iter().for_each(|i| facts.add_item(i));
    facts.monitors.extend_from_slice(monitors);
    facts.assessment(m)
}

/// Where each current customer's facts are: a direct table when the ids are dense enough (they
/// usually are: one id space, handed out upwards), else a hash map. The table spares a hash
/// per record, about a fifth of the time on 100,000 interviews.
enum Slots {
    Table { base: u64, slots: Vec<usize> },
    Map(HashMap<CustomerId, usize>),
}

impl Slots {
    /// At most this many table entries per customer before a hash map is used instead.
    const SPREAD: u64 = 16;

    fn new(ids: &[CustomerId]) -> Slots {
        let min = ids.iter().map(|id| id.0).min().unwrap_or(0);
        let max = ids.iter().map(|id| id.0).max().unwrap_or(0);
        let limit = (ids.len() as u64).saturating_mul(Slots::SPREAD).max(1024);
        match usize::try_from(max - min) {
            Ok(span) if (span as u64) < limit => {
                let mut slots = vec![usize::MAX; span + 1];
                for (k, id) in ids.iter().enumerate() {
                    if let Some(slot) = usize::try_from(id.0 - min)
                        .ok()
                        .and_then(|d| slots.get_mut(d))
                    {
                        *slot = k;
                    }
                }
                Slots::Table { base: min, slots }
            }
            _ => Slots::Map(ids.iter().enumerate().map(|(k, id)| (*id, k)).collect()),
        }
    }

    fn get(&self, id: CustomerId) -> Option<usize> {
        match self {
            Slots::Table { base, slots } => {
                let offset = usize::try_from(id.0.checked_sub(*base)?).ok()?;
                slots.get(offset).copied().filter(|&k| k != usize::MAX)
            }
            Slots::Map(map) => map.get(&id).copied(),
        }
    }
}

/// Which warning sign a watch reason belongs to: facts that follow from one another count once
/// towards the two-sign rule (see the module table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sign {
    Latest,
    Trend,
    EarlierFollowUps,
    Overdue,
    NeverInterviewed,
    /// Deliveries late against their promised dates.
    Deliveries,
    /// Returns and warranty claims.
    Quality,
}

/// What the rules need about one customer: its digest's recent interviews, then its
/// follow-ups and queue items gathered record by record, so assessing everyone is one pass
/// over the data.
#[derive(Default)]
struct Facts<'a> {
    /// The latest scored interviews, newest first.
    recent: Vec<&'a Seen>,
    /// Whether any interview was completed (scored or not).
    completed: bool,
    /// Follow-ups not closed.
    open: Vec<&'a FollowUp>,
    /// Queue items in state overdue.
    overdue: Vec<&'a Item>,
    /// Monitor events.
    monitors: Vec<&'a MonitorEvent>,
}

impl<'a> Facts<'a> {
    fn of(digest: Option<&'a Digest>) -> Facts<'a> {
        Facts {
            recent: digest.map(Digest::recent).unwrap_or_default(),
            completed: digest.is_some_and(|d| !d.kept.is_empty()),
            ..Facts::default()
        }
    }

    fn add_followup(&mut self, f: &'a FollowUp) {
        if f.state != FollowUpState::Closed {
            self.open.push(f);
        }
    }

    fn add_item(&mut self, item: &'a Item) {
        if item.state == DueState::Overdue {
            self.overdue.push(item);
        }
    }

    fn assessment(self, m: Monitoring<'_>) -> Assessment {
        let mut at_risk: Vec<String> = Vec::new();
        let mut watch: Vec<(Sign, String)> = Vec::new();
        let mut scored = self
            .recent
            .iter()
            .filter_map(|s| s.average.map(|avg| (*s, avg)));
        let latest = scored.next();
        let (earlier_sum, earlier_n) =
            scored.fold((0.0, 0usize), |(sum, n), (_, avg)| (sum + avg, n + 1));
        let latest_id = latest.map(|(i, _)| i.id);
        if let Some((latest, average)) = latest {
            if average < AT_RISK_AVERAGE {
                let shown = figure(average, AT_RISK_AVERAGE);
                at_risk.push(format!(
                    "latest average {shown} (below {AT_RISK_AVERAGE:.1})"
                ));
            } else if average < WATCH_AVERAGE {
                let shown = figure(average, WATCH_AVERAGE);
                watch.push((
                    Sign::Latest,
                    format!("latest average {shown} (below {WATCH_AVERAGE:.1})"),
                ));
            }
            let lowest = latest.lowest_low().unwrap_or(Score::MAX);
            if lowest <= AT_RISK_SCORE {
                at_risk.push(scored_reason(latest, AT_RISK_SCORE));
            } else if lowest == WATCH_SCORE {
                watch.push((Sign::Latest, scored_reason(latest, WATCH_SCORE)));
            }
            if earlier_n > 0 {
                let before = earlier_sum / earlier_n as f64;
                if before - average >= TREND_DROP - EPSILON {
                    let n = earlier_n + 1;
                    let text = format!(
                        "average fell from {before:.1} to {average:.1} over the last {n} interviews"
                    );
                    watch.push((Sign::Trend, text));
                }
            }
        }

        for item in self
            .overdue
            .iter()
            .filter(|i| i.kind == ItemKind::LowScoreFollowUp)
        {
            let due = item.due.format("%Y-%m-%d %H:%M");
            at_risk.push(format!(
                "low-score follow-up {} overdue (due {due})",
                item.subject
            ));
        }
        if !self.open.is_empty() {
            let ids: Vec<String> = self.open.iter().map(|f| f.id.to_string()).collect();
            let sign = if self.open.iter().all(|f| Some(f.interview) == latest_id) {
                Sign::Latest
            } else {
                Sign::EarlierFollowUps
            };
            let what = count(self.open.len(), "open low-score follow-up");
            watch.push((sign, format!("{what} ({})", ids.join(", "))));
        }
        let never = !self.completed;
        if !self.overdue.is_empty() {
            let names: Vec<String> = self
                .overdue
                .iter()
                .take(NAMED_OVERDUE)
                .map(|i| format!("{} ({})", i.kind.label(), i.subject))
                .collect();
            let more = match self.overdue.len().saturating_sub(NAMED_OVERDUE) {
                0 => String::new(),
                more => format!(" and {more} more"),
            };
            // A customer never interviewed is late for its first booking: that is the same sign.
            let first_booking = never
                && self
                    .overdue
                    .iter()
                    .all(|i| i.kind == ItemKind::ScheduleInterview);
            let sign = if first_booking {
                Sign::NeverInterviewed
            } else {
                Sign::Overdue
            };
            let what = count(self.overdue.len(), "overdue item");
            watch.push((sign, format!("{what}: {}{more}", names.join(", "))));
        }
        if never {
            watch.push((Sign::NeverInterviewed, "never interviewed".to_string()));
        }
        if !self.monitors.is_empty() {
            watch.extend(monitors::reasons(&self.monitors, m));
        }

        let signs = watch
            .iter()
            .fold(0u8, |seen, (sign, _)| seen | 1 << *sign as u8);
        let level = if !at_risk.is_empty() || signs.count_ones() as usize >= WATCH_SIGNS_FOR_AT_RISK
        {
            RiskLevel::AtRisk
        } else if !watch.is_empty() {
            RiskLevel::Watch
        } else {
            RiskLevel::Healthy
        };
        at_risk.extend(watch.into_iter().map(|(_, text)| text));
        Assessment {
            level,
            reasons: at_risk,
        }
    }
}
