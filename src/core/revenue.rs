//! Revenue in the insight: what the feedback means in money, always per currency.
//!
//! Sizes (annual contract values) are never converted: every sum and every weighting is kept
//! within one currency, and a programme with customers in three currencies gets three figures.
//! The definitions:
//! - *Revenue at risk*: the sum of the sizes of the customers the risk rules put **at risk**
//!   (not those on watch), per currency, at the time the risk was assessed.
//! - *Revenue-weighted average*: per question, the mean of the scores in interviews completed
//!   in the period, each weighted by its customer's size in minor units; one row per currency
//!   (a customer counts in its own currency's row only). A customer of size 0 weighs nothing.
//! - *Lost*: the customers marked lost in the period (every lost customer when the period has
//!   no start, as for the churn reasons): how many, their sizes per currency, and why.
//! - *Moved before loss*: per question, the lost customers' mean score over their last
//!   [`BEFORE_LOSS`] completed interviews before they were marked lost, against the retained
//!   (current) customers' mean over the interviews they completed in the period. A question
//!   whose lost-customer mean sits well below the retained one is what moved before the loss.

use super::insight::{ChurnReason, churn, completed_in};
use super::period::Period;
use super::risk::{Assessment, RiskLevel};
use super::{CustomerId, Dataset, Instant, Interview, InterviewId, Lifecycle, Money};
use std::collections::{BTreeMap, HashMap};

#[cfg(test)]
mod tests;

/// Sums as people read them, the one wording of `stats` and the President report:
/// `USD 1.3M (2 customers), EUR 50k (1 customer)`, or `none`.
pub fn totals_text(list: &[CurrencyTotal]) -> String {
    if list.is_empty() {
        return "none".into();
    }
    list.iter()
        .map(|t| {
            let who = if t.customers == 1 {
                "customer"
            } else {
                "customers"
            };
            format!("{} ({} {who})", t.money().compact(), t.customers)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many of a lost customer's last interviews before the loss are compared.
pub const BEFORE_LOSS: usize = 2;

/// A sum of sizes in one currency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrencyTotal {
    /// ISO 4217 code.
    pub currency: String,
    /// The sum in minor units (saturating; sizes are bounded on the way in).
    pub minor: i64,
    /// How many customers it is made of.
    pub customers: usize,
}

impl CurrencyTotal {
    /// The sum as money.
    pub fn money(&self) -> Money {
        Money::new(self.minor, &self.currency)
    }
}

/// Revenue-weighted averages of one currency's customers.
#[derive(Clone, Debug, PartialEq)]
pub struct Weighted {
    /// ISO 4217 code.
    pub currency: String,
    /// Weighted mean per question, in the order of the questions asked for.
    pub averages: Vec<Option<f64>>,
    /// Weighted mean of every scored answer.
    pub overall: Option<f64>,
    /// Customers with a scored interview in the period.
    pub customers: usize,
}

/// The customers lost in the period.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Lost {
    /// How many.
    pub customers: usize,
    /// Their sizes, per currency.
    pub revenue: Vec<CurrencyTotal>,
    /// Why, most frequent first.
    pub reasons: Vec<ChurnReason>,
}

/// One question's scores before losses against retained customers'.
#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    /// The question's key.
    pub question: String,
    /// Lost customers' mean over their last interviews before the loss.
    pub lost: Option<f64>,
    /// How many scores that mean is made of.
    pub lost_scores: usize,
    /// Retained customers' mean over the period.
    pub retained: Option<f64>,
    /// How many scores that mean is made of.
    pub retained_scores: usize,
}

impl Moved {
    /// Lost minus retained, when both have scores: negative when lost customers scored lower.
    pub fn gap(&self) -> Option<f64> {
        Some(self.lost? - self.retained?)
    }
}

/// Every revenue figure of a period.
#[derive(Clone, Debug, PartialEq)]
pub struct Revenue {
    /// Sizes of the customers at risk, per currency (alphabetical).
    pub at_risk: Vec<CurrencyTotal>,
    /// Revenue-weighted averages, one row per currency (alphabetical).
    pub weighted: Vec<Weighted>,
    /// Customers lost in the period.
    pub lost: Lost,
    /// Per question, in the order asked for.
    pub moved: Vec<Moved>,
}

/// The revenue figures of `period` for the question keys `questions`; `risk` is the risk
/// assessment at the period's end.
pub fn revenue(
    data: &Dataset,
    questions: &[String],
    risk: &HashMap<CustomerId, Assessment>,
    period: Period,
) -> Revenue {
    Revenue {
        at_risk: at_risk(data, risk),
        weighted: weighted(data, questions, period),
        lost: lost(data, period),
        moved: moved(data, questions, period),
    }
}

/// Sums sizes per currency, alphabetical.
fn totals<'a>(sizes: impl Iterator<Item = &'a Money>) -> Vec<CurrencyTotal> {
    let mut by: BTreeMap<&str, (i64, usize)> = BTreeMap::new();
    for m in sizes {
        let slot = by.entry(m.currency.as_str()).or_default();
        slot.0 = slot.0.saturating_add(m.minor.max(0));
        slot.1 += 1;
    }
    by.into_iter()
        .map(|(currency, (minor, customers))| CurrencyTotal {
            currency: currency.to_string(),
            minor,
            customers,
        })
        .collect()
}

fn at_risk(data: &Dataset, risk: &HashMap<CustomerId, Assessment>) -> Vec<CurrencyTotal> {
    totals(
        data.customers
            .iter()
            .filter(|c| {
                risk.get(&c.id)
                    .is_some_and(|a| a.level == RiskLevel::AtRisk)
            })
            .map(|c| &c.size),
    )
}

/// Whether a customer lost at `at` counts in `period` (as the churn reasons count it).
fn lost_in(period: Period, at: Instant) -> bool {
    period.since.is_none() || period.contains(at)
}

fn lost(data: &Dataset, period: Period) -> Lost {
    let sizes: Vec<&Money> = data
        .customers
        .iter()
        .filter(|c| matches!(c.lifecycle, Lifecycle::Lost { at, .. } if lost_in(period, at)))
        .map(|c| &c.size)
        .collect();
    Lost {
        customers: sizes.len(),
        revenue: totals(sizes.into_iter()),
        reasons: churn(data, period),
    }
}

/// Sums of scores per question and overall, weighted (`i128`: sizes times counts never
/// overflow it).
#[derive(Clone, Default)]
struct Sums {
    per_question: Vec<(i128, i128)>,
    total: (i128, i128),
}

impl Sums {
    fn new(width: usize) -> Sums {
        Sums {
            per_question: vec![(0, 0); width],
            total: (0, 0),
        }
    }

    fn add(&mut self, questions: &[String], interview: &Interview, weight: i128) {
        for a in &interview.answers {
            let Some(score) = a.score else { continue };
            let s = i128::from(score.get());
            if let Some(slot) = questions
                .iter()
                .position(|q| *q == a.question_key)
                .and_then(|i| self.per_question.get_mut(i))
            {
                slot.0 += s * weight;
                slot.1 += weight;
            }
            self.total.0 += s * weight;
            self.total.1 += weight;
        }
    }

    fn mean((sum, weight): (i128, i128)) -> Option<f64> {
        (weight > 0).then(|| sum as f64 / weight as f64)
    }

    fn averages(&self) -> Vec<Option<f64>> {
        self.per_question.iter().map(|&p| Sums::mean(p)).collect()
    }
}

fn weighted(data: &Dataset, questions: &[String], period: Period) -> Vec<Weighted> {
    let mut by: BTreeMap<&str, (Sums, std::collections::BTreeSet<CustomerId>)> = BTreeMap::new();
    for i in completed_in(data, period) {
        let Some(c) = data.customer(i.customer) else {
            continue;
        };
        if i.lowest_score().is_none() {
            continue;
        }
        let slot = by
            .entry(c.size.currency.as_str())
            .or_insert_with(|| (Sums::new(questions.len()), Default::default()));
        slot.0.add(questions, i, i128::from(c.size.minor.max(0)));
        slot.1.insert(c.id);
    }
    by.into_iter()
        .map(|(currency, (sums, customers))| Weighted {
            currency: currency.to_string(),
            averages: sums.averages(),
            overall: Sums::mean(sums.total),
            customers: customers.len(),
        })
        .collect()
}

fn moved(data: &Dataset, questions: &[String], period: Period) -> Vec<Moved> {
    let lost_at: HashMap<CustomerId, Instant> = data
        .customers
        .iter()
        .filter_map(|c| match c.lifecycle {
            Lifecycle::Lost { at, .. } if lost_in(period, at) => Some((c.id, at)),
            _ => None,
        })
        .collect();
    // Each lost customer's scored interviews before the loss, latest first.
    let mut before: HashMap<CustomerId, Vec<(Instant, InterviewId, &Interview)>> = HashMap::new();
    for i in data.interviews.iter().filter(|i| i.is_completed()) {
        let (Some(&lost), Some(done)) = (lost_at.get(&i.customer), i.completed_at) else {
            continue;
        };
        if done < lost && i.lowest_score().is_some() {
            before.entry(i.customer).or_default().push((done, i.id, i));
        }
    }
    let mut lost = Sums::new(questions.len());
    for list in before.values_mut() {
        list.sort_unstable_by_key(|&(at, id, _)| std::cmp::Reverse((at, id)));
        for &(_, _, i) in list.iter().take(BEFORE_LOSS) {
            lost.add(questions, i, 1);
        }
    }
    let mut retained = Sums::new(questions.len());
    for i in completed_in(data, period) {
        if data.customer(i.customer).is_some_and(|c| c.is_current()) {
            retained.add(questions, i, 1);
        }
    }
    questions
        .iter()
        .zip(lost.per_question.iter().zip(&retained.per_question))
        .map(|(q, (&l, &r))| Moved {
            question: q.clone(),
            lost: Sums::mean(l),
            lost_scores: usize::try_from(l.1).unwrap_or(usize::MAX),
            retained: Sums::mean(r),
            retained_scores: usize::try_from(r.1).unwrap_or(usize::MAX),
        })
        .collect()
}
