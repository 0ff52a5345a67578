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
//!
//! Why signs rather than a count of reasons: several watch facts follow from one another, and
//! counting them twice would make "watch" unreachable. An average below 4.0 always comes with a
//! score of 3 or less; a score of 3 always opens a follow-up; a customer never interviewed is
//! always late for its first booking. Every reason is still listed; only the escalation to at
//! risk needs two independent signs (e.g. a lukewarm latest interview and an overdue debrief).
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
//! - Lost and archived customers are not assessed: they are absent from the map.
//! - Records naming a customer that does not exist are ignored.
//!
//! Reasons are listed at-risk rules first, then watch rules, each in table order.

use super::queue::{DueState, Item, ItemKind};
use super::{CustomerId, Dataset, FollowUp, FollowUpState, Interview, InterviewStatus, Score};
use std::collections::HashMap;

#[cfg(test)]
mod tests;

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

/// One customer's records, gathered in one pass over the data.
#[derive(Default)]
struct Records<'a> {
    interviews: Vec<&'a Interview>,
    followups: Vec<&'a FollowUp>,
    items: Vec<&'a Item>,
}

/// Assesses every current customer; `items` is the queue computed at `now`.
pub fn assess(data: &Dataset, items: &[Item]) -> HashMap<CustomerId, Assessment> {
    let mut by_customer: HashMap<CustomerId, Records<'_>> = data
        .customers
        .iter()
        .filter(|c| c.is_current())
        .map(|c| (c.id, Records::default()))
        .collect();
    for i in &data.interviews {
        if let Some(r) = by_customer.get_mut(&i.customer) {
            r.interviews.push(i);
        }
    }
    for f in &data.followups {
        if let Some(r) = by_customer.get_mut(&f.customer) {
            r.followups.push(f);
        }
    }
    for item in items {
        if let Some(r) = by_customer.get_mut(&item.customer) {
            r.items.push(item);
        }
    }
    by_customer
        .into_iter()
        .map(|(id, r)| (id, assess_one(&r.interviews, &r.followups, &r.items)))
        .collect()
}

/// Which warning sign a watch reason belongs to: facts that follow from one another count once
/// towards the two-sign rule (see the module table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Sign {
    Latest,
    Trend,
    EarlierFollowUps,
    Overdue,
    NeverInterviewed,
}

/// Assesses one customer from its own interviews, follow-ups and queue items.
pub fn assess_one(
    interviews: &[&Interview],
    followups: &[&FollowUp],
    items: &[&Item],
) -> Assessment {
    let mut at_risk: Vec<String> = Vec::new();
    let mut watch: Vec<(Sign, String)> = Vec::new();

    let mut scored: Vec<(&Interview, f64)> = interviews
        .iter()
        .filter(|i| i.status == InterviewStatus::Completed)
        .filter_map(|i| i.average_score().map(|avg| (*i, avg)))
        .collect();
    scored.sort_by_key(|(i, _)| (i.completed_at.unwrap_or(i.scheduled_at), i.id));
    let latest_id = scored.last().map(|(i, _)| i.id);
    if let Some(((latest, average), earlier)) = scored.split_last() {
        if *average < AT_RISK_AVERAGE {
            at_risk.push(format!(
                "latest average {} (below {AT_RISK_AVERAGE:.1})",
                figure(*average, AT_RISK_AVERAGE)
            ));
        } else if *average < WATCH_AVERAGE {
            let text = format!(
                "latest average {} (below {WATCH_AVERAGE:.1})",
                figure(*average, WATCH_AVERAGE)
            );
            watch.push((Sign::Latest, text));
        }
        let lowest = latest.lowest_score().map_or(Score::MAX, Score::get);
        if lowest <= AT_RISK_SCORE {
            at_risk.push(scored_reason(latest, AT_RISK_SCORE));
        } else if lowest == WATCH_SCORE {
            watch.push((Sign::Latest, scored_reason(latest, WATCH_SCORE)));
        }
        let window = &earlier[earlier.len().saturating_sub(TREND_WINDOW)..];
        if !window.is_empty() {
            let before = window.iter().map(|(_, avg)| avg).sum::<f64>() / window.len() as f64;
            if before - average >= TREND_DROP - EPSILON {
                let n = window.len() + 1;
                watch.push((
                    Sign::Trend,
                    format!(
                        "average fell from {before:.1} to {average:.1} over the last {n} interviews"
                    ),
                ));
            }
        }
    }

    let overdue: Vec<&Item> = items
        .iter()
        .copied()
        .filter(|i| i.state == DueState::Overdue)
        .collect();
    for item in overdue
        .iter()
        .filter(|i| i.kind == ItemKind::LowScoreFollowUp)
    {
        at_risk.push(format!(
            "low-score follow-up {} overdue (due {})",
            item.subject,
            item.due.format("%Y-%m-%d %H:%M")
        ));
    }

    let open: Vec<&FollowUp> = followups
        .iter()
        .copied()
        .filter(|f| f.state != FollowUpState::Closed)
        .collect();
    if !open.is_empty() {
        let ids: Vec<String> = open.iter().map(|f| f.id.to_string()).collect();
        let sign = if open.iter().all(|f| Some(f.interview) == latest_id) {
            Sign::Latest
        } else {
            Sign::EarlierFollowUps
        };
        watch.push((
            sign,
            format!(
                "{} ({})",
                count(open.len(), "open low-score follow-up"),
                ids.join(", ")
            ),
        ));
    }
    let never = !interviews
        .iter()
        .any(|i| i.status == InterviewStatus::Completed);
    if !overdue.is_empty() {
        let names: Vec<String> = overdue
            .iter()
            .take(NAMED_OVERDUE)
            .map(|i| format!("{} ({})", i.kind.label(), i.subject))
            .collect();
        let more = overdue.len().saturating_sub(NAMED_OVERDUE);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        // A customer never interviewed is late for its first booking: that is the same sign.
        let only_first_booking = never
            && overdue
                .iter()
                .all(|i| i.kind == ItemKind::ScheduleInterview);
        let sign = if only_first_booking {
            Sign::NeverInterviewed
        } else {
            Sign::Overdue
        };
        watch.push((
            sign,
            format!(
                "{}: {}{more}",
                count(overdue.len(), "overdue item"),
                names.join(", ")
            ),
        ));
    }
    if never {
        watch.push((Sign::NeverInterviewed, "never interviewed".to_string()));
    }

    let mut signs: Vec<Sign> = watch.iter().map(|(sign, _)| *sign).collect();
    signs.sort();
    signs.dedup();
    let level = if !at_risk.is_empty() || signs.len() >= WATCH_SIGNS_FOR_AT_RISK {
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

/// `scored 2 on delivery, 1 on billing in the latest interview`: every answer at or below `max`.
fn scored_reason(latest: &Interview, max: u8) -> String {
    let low: Vec<String> = latest
        .answers
        .iter()
        .filter_map(|a| {
            a.score
                .filter(|s| s.get() <= max)
                .map(|s| format!("{} on {}", s.get(), a.question_key))
        })
        .collect();
    format!("scored {} in the latest interview", low.join(", "))
}

/// `n thing` or `n things`.
fn count(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// An average below `limit`, with enough decimals that it never reads as the limit itself
/// (2.96 is shown as 2.96, not 3.0).
fn figure(value: f64, limit: f64) -> String {
    for decimals in 1..=3 {
        let text = format!("{value:.decimals$}");
        if text.parse::<f64>().is_ok_and(|shown| shown < limit) {
            return text;
        }
    }
    // Closer than 0.0005: cut off instead of rounding up to the limit.
    format!("{:.3}", (value * 1000.0).floor() / 1000.0)
}
