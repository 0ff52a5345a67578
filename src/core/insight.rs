//! Insight: average scores per question compared across groups (segment, region, tier,
//! account manager) and over time, the comments behind each number, and churn reasons.
//!
//! Only completed interviews count (imported survey responses are completed interviews too),
//! by their completion time. A question answered N/A has no score and is left out of every
//! average: it never counts as 0. Groups use the customer's classification as it stands now.
//! Everything is sorted explicitly, so the same data always gives the same figures in the same
//! order.

mod churn;
mod comments;
#[cfg(test)]
mod tests;
mod trend;

pub use churn::{ChurnReason, churn};
pub use comments::{Comment, comments};
pub use trend::{MonthAverage, SPARK_LEVELS, spark, spark_char};

/// The one period type, here for insight's callers (completion times `[since, until)`).
pub use super::period::Period;

use super::{Customer, CustomerId, Dataset, Instant, Interview, QuestionSet, StaffId, Tier};
use chrono::FixedOffset;
use std::collections::{BTreeMap, BTreeSet};

/// What the groups are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GroupBy {
    /// Market segment, as stored.
    #[default]
    Segment,
    /// Region or country, as stored.
    Region,
    /// Tier (key, growth, standard).
    Tier,
    /// The customer's account manager.
    Manager,
}

impl GroupBy {
    /// Every grouping, in the order `b` cycles through them.
    pub const ALL: [GroupBy; 4] = [
        GroupBy::Segment,
        GroupBy::Region,
        GroupBy::Tier,
        GroupBy::Manager,
    ];

    /// The grouping after this one (wraps around).
    pub fn next(self) -> GroupBy {
        match self {
            GroupBy::Segment => GroupBy::Region,
            GroupBy::Region => GroupBy::Tier,
            GroupBy::Tier => GroupBy::Manager,
            GroupBy::Manager => GroupBy::Segment,
        }
    }

    /// The stable lower-case name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Segment => "segment",
            GroupBy::Region => "region",
            GroupBy::Tier => "tier",
            GroupBy::Manager => "manager",
        }
    }

    /// What a group is called in headings: "segment", "account manager".
    pub fn noun(self) -> &'static str {
        match self {
            GroupBy::Manager => "account manager",
            other => other.as_str(),
        }
    }
}

/// Which customers a row of figures is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupKey {
    /// The whole programme.
    All,
    /// Customers with this segment text (trimmed; empty when blank).
    Segment(String),
    /// Customers with this region text (trimmed; empty when blank).
    Region(String),
    /// Customers of this tier.
    Tier(Tier),
    /// Customers with this account manager, or none.
    Manager(Option<StaffId>),
    /// Interviews whose customer is no longer in the store.
    MissingCustomer,
}

impl GroupKey {
    /// The group of `customer` under `by`.
    pub fn of(by: GroupBy, customer: Option<&Customer>) -> GroupKey {
        let Some(c) = customer else {
            return GroupKey::MissingCustomer;
        };
        match by {
            GroupBy::Segment => GroupKey::Segment(c.segment.trim().to_string()),
            GroupBy::Region => GroupKey::Region(c.region.trim().to_string()),
            GroupBy::Tier => GroupKey::Tier(c.tier),
            GroupBy::Manager => GroupKey::Manager(c.account_manager),
        }
    }

    /// Whether the interviews of `customer` belong to this group.
    pub fn contains(&self, data: &Dataset, customer: CustomerId) -> bool {
        let c = data.customer(customer);
        match self {
            GroupKey::All => true,
            GroupKey::Segment(_) => GroupKey::of(GroupBy::Segment, c) == *self,
            GroupKey::Region(_) => GroupKey::of(GroupBy::Region, c) == *self,
            GroupKey::Tier(_) => GroupKey::of(GroupBy::Tier, c) == *self,
            GroupKey::Manager(_) => GroupKey::of(GroupBy::Manager, c) == *self,
            GroupKey::MissingCustomer => c.is_none(),
        }
    }

    /// The group's name as shown: the text as stored, "(none)" when blank, the account
    /// manager's name or "(no account manager)".
    pub fn label(&self, data: &Dataset) -> String {
        match self {
            GroupKey::All => "All customers".into(),
            GroupKey::Segment(t) | GroupKey::Region(t) if t.is_empty() => "(none)".into(),
            GroupKey::Segment(t) | GroupKey::Region(t) => t.clone(),
            GroupKey::Tier(t) => t.as_str().into(),
            GroupKey::Manager(None) => "(no account manager)".into(),
            GroupKey::Manager(Some(id)) => match data.staff_name(Some(*id)).trim() {
                "" => format!("(unknown staff {id})"),
                name => name.to_string(),
            },
            GroupKey::MissingCustomer => "(customer not in the store)".into(),
        }
    }
}

/// The figures of one group (or of the whole programme) for the period.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// Which customers.
    pub key: GroupKey,
    /// How the group is shown.
    pub label: String,
    /// Customers with at least one completed interview in the period.
    pub customers: usize,
    /// Completed interviews in the period.
    pub interviews: usize,
    /// Average per question, in [`Insight::questions`] order; `None` when nobody answered.
    pub averages: Vec<Option<f64>>,
    /// How many scores each average is made of, in the same order.
    pub scored: Vec<usize>,
    /// Mean of every scored answer; `None` when there is none.
    pub overall: Option<f64>,
    /// How many scores there are in all.
    pub scored_total: usize,
    /// Scores below 4 (each opens a follow-up).
    pub low_scores: usize,
    /// Average per calendar month over the 12 months up to the end of the period.
    pub trend: Vec<MonthAverage>,
}

/// Scores compared across groups for one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Insight {
    /// How the groups were formed.
    pub by: GroupBy,
    /// The period of completion times.
    pub period: Period,
    /// Question keys: the configured questions in order, then any other key answered in the
    /// period (from an earlier question set), alphabetically.
    pub questions: Vec<String>,
    /// One row per group: most interviews first, then by name; tiers in tier order.
    pub groups: Vec<Figures>,
    /// The whole programme.
    pub all: Figures,
    /// Why customers left, most frequent first.
    pub churn: Vec<ChurnReason>,
}

impl Insight {
    /// Whether no interview was completed in the period.
    pub fn is_empty(&self) -> bool {
        self.all.interviews == 0
    }

    /// Row `i`: the groups, then the programme as the last row.
    pub fn row(&self, i: usize) -> Option<&Figures> {
        self.groups
            .get(i)
            .or_else(|| (i == self.groups.len()).then_some(&self.all))
    }

    /// Rows including the programme row.
    pub fn rows(&self) -> usize {
        self.groups.len() + 1
    }
}

/// Running sums behind one row.
#[derive(Default)]
struct Sums {
    customers: BTreeSet<CustomerId>,
    interviews: usize,
    per_question: Vec<(u32, usize)>,
    total: (u32, usize),
    low: usize,
}

impl Sums {
    fn add(&mut self, questions: &[String], interview: &Interview) {
        self.customers.insert(interview.customer);
        self.interviews += 1;
        self.per_question.resize(questions.len(), (0, 0));
        for a in &interview.answers {
            let Some(score) = a.score else { continue };
            let s = u32::from(score.get());
            if let Some(i) = questions.iter().position(|q| *q == a.question_key)
                && let Some(slot) = self.per_question.get_mut(i)
            {
                slot.0 += s;
                slot.1 += 1;
            }
            self.total.0 += s;
            self.total.1 += 1;
            if s < 4 {
                self.low += 1;
            }
        }
    }

    fn figures(&self, key: GroupKey, label: String, width: usize) -> Figures {
        let mean = |(sum, n): (u32, usize)| (n > 0).then(|| f64::from(sum) / n as f64);
        let mut per = self.per_question.clone();
        per.resize(width, (0, 0));
        Figures {
            key,
            label,
            customers: self.customers.len(),
            interviews: self.interviews,
            averages: per.iter().map(|&p| mean(p)).collect(),
            scored: per.iter().map(|p| p.1).collect(),
            overall: mean(self.total),
            scored_total: self.total.1,
            low_scores: self.low,
            trend: Vec::new(),
        }
    }
}

/// The completed interviews whose completion falls in `period`.
pub fn completed_in(data: &Dataset, period: Period) -> impl Iterator<Item = &Interview> {
    data.interviews
        .iter()
        .filter(move |i| i.is_completed() && i.completed_at.is_some_and(|t| period.contains(t)))
}

/// When the first interview was completed, if any was.
pub fn earliest_completed(data: &Dataset) -> Option<Instant> {
    data.interviews
        .iter()
        .filter(|i| i.is_completed())
        .filter_map(|i| i.completed_at)
        .min()
}

/// The question keys of the figures: `questions` in order, then other keys answered in the
/// period, alphabetically.
fn question_keys(data: &Dataset, questions: &QuestionSet, period: Period) -> Vec<String> {
    let mut keys: Vec<String> = questions.questions.iter().map(|q| q.key.clone()).collect();
    let extra: BTreeSet<&str> = completed_in(data, period)
        .flat_map(|i| i.answers.iter())
        .map(|a| a.question_key.as_str())
        .filter(|k| !keys.iter().any(|q| q == k))
        .collect();
    keys.extend(extra.into_iter().map(String::from));
    keys
}

/// The figures of every group under `by` for `period`, with monthly trends at the calendar's
/// `offset` and the churn reasons of the period.
pub fn compute(
    data: &Dataset,
    questions: &QuestionSet,
    by: GroupBy,
    period: Period,
    offset: FixedOffset,
) -> Insight {
    let keys = question_keys(data, questions, period);
    let mut all = Sums::default();
    let mut groups: BTreeMap<GroupKey, Sums> = BTreeMap::new();
    for i in completed_in(data, period) {
        all.add(&keys, i);
        let key = GroupKey::of(by, data.customer(i.customer));
        groups.entry(key).or_default().add(&keys, i);
    }
    let mut trends = trend::monthly(data, by, period.until, offset);
    let mut rows: Vec<Figures> = groups
        .into_iter()
        .map(|(key, sums)| {
            let label = key.label(data);
            let mut f = sums.figures(key, label, keys.len());
            f.trend = trends
                .remove(&f.key)
                .unwrap_or_else(|| trend::empty(period.until, offset));
            f
        })
        .collect();
    if by == GroupBy::Tier {
        rows.sort_by(|a, b| a.key.cmp(&b.key));
    } else {
        rows.sort_by(|a, b| {
            b.interviews
                .cmp(&a.interviews)
                .then_with(|| a.label.to_lowercase().cmp(&b.label.to_lowercase()))
                .then_with(|| a.key.cmp(&b.key))
        });
    }
    let mut programme = all.figures(GroupKey::All, GroupKey::All.label(data), keys.len());
    programme.trend = trends
        .remove(&GroupKey::All)
        .unwrap_or_else(|| trend::empty(period.until, offset));
    Insight {
        by,
        period,
        questions: keys,
        groups: rows,
        all: programme,
        churn: churn(data, period),
    }
}
