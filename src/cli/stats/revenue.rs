//! The revenue part of `hearback stats`: revenue at risk, revenue-weighted averages beside the
//! plain ones, lost revenue, and the scores that moved before customers were lost.

use super::{aligned, one_decimal, round2};
use crate::core::insight::Insight;
use crate::core::revenue::{BEFORE_LOSS, CurrencyTotal, Revenue, totals_text};
use serde_json::{Map, Value, json};
use std::fmt::Write as _;

/// The signed gap with one decimal, or `-`.
fn gap(x: Option<f64>) -> String {
    x.map_or_else(|| "-".into(), |v| format!("{v:+.1}"))
}

/// The revenue section of the table output.
pub(super) fn section(insight: &Insight, r: &Revenue) -> String {
    let mut out = String::from("Revenue (annual contract values, per currency, never converted)\n");
    let _ = writeln!(
        out,
        "  At risk now (customers AT RISK; watch not counted): {}",
        totals_text(&r.at_risk)
    );
    let lost = if r.lost.customers == 0 {
        "none".to_string()
    } else {
        format!("{}; reasons above", totals_text(&r.lost.revenue))
    };
    let _ = writeln!(out, "  Lost in this period: {lost}");
    if !r.weighted.is_empty() {
        out.push_str(
            "\nRevenue-weighted averages: each score weighted by its customer's size, one row \
             per currency; the plain average for comparison.\n",
        );
        let mut header = vec!["".to_string(), "Customers".into()];
        header.extend(insight.questions.iter().cloned());
        header.push("Average".into());
        let mut rows = vec![header];
        for w in &r.weighted {
            let mut row = vec![format!("{} weighted", w.currency), w.customers.to_string()];
            row.extend(w.averages.iter().map(|a| one_decimal(*a)));
            row.push(one_decimal(w.overall));
            rows.push(row);
        }
        let mut plain = vec!["Plain".to_string(), insight.all.customers.to_string()];
        plain.extend(insight.all.averages.iter().map(|a| one_decimal(*a)));
        plain.push(one_decimal(insight.all.overall));
        rows.push(plain);
        out.push_str(&aligned(&rows));
    }
    if r.moved.iter().any(|m| m.lost_scores > 0) {
        let _ = writeln!(
            out,
            "\nBefore loss: lost customers' last {BEFORE_LOSS} interviews before they were \
             marked lost, against retained customers' in this period (gap: lost minus retained)."
        );
        let mut rows = vec![vec![
            "Question".to_string(),
            "Lost".into(),
            "Retained".into(),
            "Gap".into(),
        ]];
        for m in &r.moved {
            rows.push(vec![
                m.question.clone(),
                one_decimal(m.lost),
                one_decimal(m.retained),
                gap(m.gap()),
            ]);
        }
        out.push_str(&aligned(&rows));
    }
    out
}

fn totals_json(list: &[CurrencyTotal]) -> Value {
    list.iter()
        .map(|t| {
            json!({
                "currency": t.currency,
                "amount": t.money().major_decimal(),
                "minor": t.minor,
                "customers": t.customers,
            })
        })
        .collect::<Vec<_>>()
        .into()
}

/// The `revenue` object of `stats --format json`.
pub(super) fn to_json(questions: &[String], r: &Revenue) -> Value {
    let by_question = |values: &[Option<f64>]| -> Map<String, Value> {
        questions
            .iter()
            .zip(values)
            .map(|(k, v)| (k.clone(), round2(*v)))
            .collect()
    };
    json!({
        "at_risk": totals_json(&r.at_risk),
        "weighted": r.weighted.iter().map(|w| json!({
            "currency": w.currency,
            "customers": w.customers,
            "averages": by_question(&w.averages),
            "overall": round2(w.overall),
        })).collect::<Vec<_>>(),
        "lost": {
            "customers": r.lost.customers,
            "revenue": totals_json(&r.lost.revenue),
        },
        "before_loss": r.moved.iter().map(|m| json!({
            "question": m.question,
            "lost": round2(m.lost),
            "lost_scores": m.lost_scores,
            "retained": round2(m.retained),
            "retained_scores": m.retained_scores,
            "gap": round2(m.gap()),
        })).collect::<Vec<_>>(),
    })
}
