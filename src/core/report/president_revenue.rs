//! The President report's revenue section: revenue at risk, the revenue lost in the period,
//! and the scores that moved before customers were lost (see [`crate::core::revenue`]).

use super::format;
use super::{Period, Sources};
use crate::core::revenue::{revenue, totals_text};
use serde::Serialize;

/// What the feedback means in money, per currency.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RevenueLines {
    /// Sizes of the customers at risk now, e.g. `USD 1.3M (2 customers)`; `none`.
    pub at_risk: String,
    /// Customers lost in the period with their sizes, e.g. `1 customer: EUR 5.4M (1 customer)`;
    /// `none`.
    pub lost: String,
    /// Why they left, e.g. `price (2); support (1)`; empty when nobody was lost.
    pub reasons: String,
    /// Per question, lost customers' scores before the loss against retained customers'; empty
    /// when nobody was lost in the period or they had no scored interview before the loss.
    pub before_loss: Vec<BeforeLoss>,
}

/// One question's scores before losses.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BeforeLoss {
    /// The question's key.
    pub key: String,
    /// Lost customers' mean over their last interviews before the loss.
    pub lost: String,
    /// Retained customers' mean in the period.
    pub retained: String,
    /// Lost minus retained, signed.
    pub gap: String,
}

/// The revenue lines of the report for `period`.
pub fn revenue_lines(src: &Sources<'_>, period: Period) -> RevenueLines {
    let keys: Vec<String> = src
        .questions
        .questions
        .iter()
        .map(|q| q.key.clone())
        .collect();
    let r = revenue(src.data, &keys, src.risk, period);
    let lost = match r.lost.customers {
        0 => "none".to_string(),
        n => format!(
            "{n} {}: {}",
            if n == 1 { "customer" } else { "customers" },
            totals_text(&r.lost.revenue)
        ),
    };
    let before_loss = if r.moved.iter().any(|m| m.lost_scores > 0) {
        r.moved
            .iter()
            .map(|m| BeforeLoss {
                key: m.question.clone(),
                lost: format::average(m.lost),
                retained: format::average(m.retained),
                gap: m.gap().map_or_else(|| "n/a".into(), |g| format!("{g:+.1}")),
            })
            .collect()
    } else {
        Vec::new()
    };
    let reasons = r
        .lost
        .reasons
        .iter()
        .map(|c| format!("{} ({})", c.reason, c.count))
        .collect::<Vec<_>>()
        .join("; ");
    RevenueLines {
        at_risk: totals_text(&r.at_risk),
        lost,
        reasons,
        before_loss,
    }
}
