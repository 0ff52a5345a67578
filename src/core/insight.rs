//! Insight: average scores per question compared across groups (segment, region, tier,
//! account manager) and over time, the comments behind each number, and churn reasons.
