//! The written report to the President for a period, compared with the period of the same
//! length just before: headline figures, every interview, averages per question, every low
//! score with its context, open follow-ups, actions and the customers at risk.

use super::averages;
use super::debrief::{ActionLine, action_line};
use super::format::{self, NONE};
use super::president_revenue::{RevenueLines, revenue_lines};
use super::{LOW_BELOW, Period, Sources, interviews_in};
use crate::core::dataset::by_size_desc;
use crate::core::queue::ItemKind;
use crate::core::risk::RiskLevel;
use crate::core::{ActionItem, ActionState, Customer, FollowUp, Individual, Interview, queue};
use serde::Serialize;

/// The President report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct President {
    /// The period, e.g. `2026-11-01 to 2026-11-22`.
    pub period: String,
    /// The period compared with.
    pub previous: String,
    /// When the report was written.
    pub written: String,
    /// Headline figures with the previous period's and the change.
    pub headline: Vec<Figure>,
    /// Every interview completed in the period, oldest first.
    pub interviews: Vec<InterviewLine>,
    /// Average per question, this period and the previous one.
    pub questions: Vec<QuestionLine>,
    /// Every score below 4 in the period, lowest first.
    pub low_scores: Vec<LowScore>,
    /// Open follow-ups with their next step, overdue first (queue order).
    pub followups: Vec<OpenFollowUp>,
    /// Actions done in the period.
    pub actions_done: Vec<ActionLine>,
    /// Actions still to do or in progress, soonest due first.
    pub actions_open: Vec<ActionLine>,
    /// Customers at risk or on watch, most worrying and largest first.
    pub at_risk: Vec<RiskLine>,
    /// Revenue at risk, lost in the period, and scores before losses.
    pub revenue: RevenueLines,
}

/// One headline figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// What is counted.
    pub label: String,
    /// This period.
    pub now: String,
    /// The previous period.
    pub before: String,
    /// `↑2`, `↓0.3`, `=` or `n/a`.
    pub change: String,
}

/// An interview of the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InterviewLine {
    /// Id, e.g. `I12`.
    pub id: String,
    /// Customer name.
    pub customer: String,
    /// Completion date.
    pub date: String,
    /// Mean score.
    pub average: String,
    /// Lowest score.
    pub lowest: String,
    /// `yes` when a significant issue was flagged, else empty.
    pub significant: String,
}

/// A question's average in both periods.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionLine {
    /// The question's key.
    pub key: String,
    /// Mean this period.
    pub average: String,
    /// How many scores this period.
    pub answers: usize,
    /// Mean in the previous period.
    pub previous: String,
    /// The change.
    pub change: String,
}

/// A score below 4 with what surrounds it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LowScore {
    /// The score.
    pub score: u8,
    /// Customer name.
    pub customer: String,
    /// Interview id.
    pub interview: String,
    /// Completion date.
    pub date: String,
    /// The question's key.
    pub question: String,
    /// The customer's words.
    pub comment: String,
    /// Whether it is about one of our people (`no`, `private` or `praise` in templates).
    pub individual: Individual,
    /// What the customer said when followed up, or that nobody has called back yet.
    pub context: String,
}

/// An open follow-up and what is owed on it now.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OpenFollowUp {
    /// Id, e.g. `F3`.
    pub id: String,
    /// Customer name.
    pub customer: String,
    /// Lowest score that opened it.
    pub severity: String,
    /// Who must act.
    pub owner: String,
    /// What is owed.
    pub what: String,
    /// Due time.
    pub due: String,
    /// How late, or how long is left.
    pub state: String,
}

/// A customer at risk or on watch.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RiskLine {
    /// Customer name.
    pub customer: String,
    /// `at risk` or `watch`.
    pub level: String,
    /// Why, joined with `; `.
    pub reasons: String,
}

/// Builds the President report for `period`.
pub fn president(src: &Sources<'_>, period: Period) -> President {
    let cal = src.work_week;
    let before = period.previous();
    let this_list = interviews_in(src.data, period);
    let prev_list = interviews_in(src.data, before);
    President {
        period: format::period_of(cal, period),
        previous: format::period_of(cal, before),
        written: format::date_time(cal, src.now),
        headline: headline(src, period, &this_list, &prev_list),
        interviews: this_list.iter().map(|i| interview_line(src, i)).collect(),
        questions: questions(src, &this_list, &prev_list),
        low_scores: low_scores(src, &this_list),
        followups: open_followups(src),
        actions_done: actions_done(src, period),
        actions_open: open_actions(src),
        at_risk: at_risk(src),
        revenue: revenue_lines(src, period),
    }
}

fn headline(
    src: &Sources<'_>,
    period: Period,
    this: &[&Interview],
    prev: &[&Interview],
) -> Vec<Figure> {
    let count = |label: &str, now: usize, before: usize| Figure {
        label: label.to_string(),
        now: now.to_string(),
        before: before.to_string(),
        change: format::count_change(now, before),
    };
    let low = |list: &[&Interview]| {
        list.iter()
            .flat_map(|i| &i.answers)
            .filter(|a| a.score.is_some_and(|s| s.get() < LOW_BELOW))
            .count()
    };
    let significant = |list: &[&Interview]| list.iter().filter(|i| i.significant_issue).count();
    let followups = |p: Period, at: fn(&FollowUp) -> Option<crate::core::Instant>| {
        src.data
            .followups
            .iter()
            .filter(|f| at(f).is_some_and(|t| p.contains(t)))
            .count()
    };
    let (avg_now, avg_before) = (
        averages::overall(this).mean(),
        averages::overall(prev).mean(),
    );
    let before = period.previous();
    vec![
        count("Interviews completed", this.len(), prev.len()),
        Figure {
            label: "Average score (all answers)".to_string(),
            now: format::average(avg_now),
            before: format::average(avg_before),
            change: format::average_change(avg_now, avg_before),
        },
        count(&format!("Scores below {LOW_BELOW}"), low(this), low(prev)),
        count(
            "Interviews with a significant issue",
            significant(this),
            significant(prev),
        ),
        count(
            "Follow-ups opened",
            followups(period, |f| Some(f.opened_at)),
            followups(before, |f| Some(f.opened_at)),
        ),
        count(
            "Follow-ups closed",
            followups(period, |f| f.closed_at),
            followups(before, |f| f.closed_at),
        ),
    ]
}

fn customer_name(src: &Sources<'_>, i: &Interview) -> String {
    src.data
        .customer(i.customer)
        .map_or_else(|| i.customer.to_string(), |c| c.name.clone())
}

fn interview_line(src: &Sources<'_>, i: &Interview) -> InterviewLine {
    InterviewLine {
        id: i.id.to_string(),
        customer: customer_name(src, i),
        date: i
            .completed_at
            .map_or_else(|| NONE.to_string(), |t| format::date(src.work_week, t)),
        average: format::average(i.average_score()),
        lowest: format::score(i.lowest_score()),
        significant: if i.significant_issue { "yes" } else { "" }.to_string(),
    }
}

fn questions(src: &Sources<'_>, this: &[&Interview], prev: &[&Interview]) -> Vec<QuestionLine> {
    let now = averages::per_question(this);
    let before = averages::per_question(prev);
    averages::keys(src.questions, &[&now, &before])
        .into_iter()
        .map(|key| {
            let a = now.get(key).copied().unwrap_or_default();
            let b = before.get(key).copied().unwrap_or_default();
            QuestionLine {
                key: key.to_string(),
                average: format::average(a.mean()),
                answers: a.n,
                previous: format::average(b.mean()),
                change: format::average_change(a.mean(), b.mean()),
            }
        })
        .collect()
}

/// Every answer below 4, lowest first, then in interview and question order.
fn low_scores(src: &Sources<'_>, this: &[&Interview]) -> Vec<LowScore> {
    let mut list: Vec<(u8, usize, usize, LowScore)> = Vec::new();
    for (n, i) in this.iter().enumerate() {
        for (q, a) in i.answers.iter().enumerate() {
            let Some(score) = a.score.map(|s| s.get()).filter(|s| *s < LOW_BELOW) else {
                continue;
            };
            let opened: Vec<&FollowUp> = src
                .data
                .followups
                .iter()
                .filter(|f| f.interview == i.id && f.low_questions.contains(&a.question_key))
                .collect();
            let said: Vec<&str> = opened
                .iter()
                .map(|f| f.context.trim())
                .filter(|c| !c.is_empty())
                .collect();
            let context = match (opened.is_empty(), said.is_empty()) {
                (true, _) => "no follow-up opened".to_string(),
                (false, true) => "not called back yet".to_string(),
                (false, false) => said.join(" "),
            };
            list.push((
                score,
                n,
                q,
                LowScore {
                    score,
                    customer: customer_name(src, i),
                    interview: i.id.to_string(),
                    date: i
                        .completed_at
                        .map_or_else(|| NONE.to_string(), |t| format::date(src.work_week, t)),
                    question: a.question_key.clone(),
                    comment: a.comment.trim().to_string(),
                    individual: a.individual,
                    context,
                },
            ));
        }
    }
    list.sort_by_key(|(score, n, q, _)| (*score, *n, *q));
    list.into_iter().map(|(_, _, _, line)| line).collect()
}

/// Follow-ups with something owed on them, in queue order (overdue first).
fn open_followups(src: &Sources<'_>) -> Vec<OpenFollowUp> {
    src.items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::LowScoreFollowUp | ItemKind::FormalReport))
        .map(|item| OpenFollowUp {
            id: item.subject.to_string(),
            customer: src
                .data
                .customer(item.customer)
                .map_or_else(|| item.customer.to_string(), |c| c.name.clone()),
            severity: item
                .severity
                .map_or_else(|| NONE.to_string(), |s| s.to_string()),
            owner: src.name_or(item.owner, "not assigned"),
            what: item.what.to_string(),
            due: format::date_time(src.work_week, item.due),
            state: format::item_state(src.work_week, item, src.now),
        })
        .collect()
}

/// Actions done in the period, in the order they were done.
pub(super) fn done_action_items<'a>(src: &Sources<'a>, period: Period) -> Vec<&'a ActionItem> {
    let mut list: Vec<&ActionItem> = src
        .data
        .actions
        .iter()
        .filter(|a| {
            matches!(a.state, ActionState::Done | ActionState::FollowedUp)
                && a.done_at.is_some_and(|t| period.contains(t))
        })
        .collect();
    list.sort_by_key(|a| (a.done_at, a.id));
    list
}

fn actions_done(src: &Sources<'_>, period: Period) -> Vec<ActionLine> {
    done_action_items(src, period)
        .into_iter()
        .map(|a| action_line(src, a))
        .collect()
}

/// Actions to do or in progress, by due date (none last), then id.
pub(super) fn open_action_items<'a>(src: &Sources<'a>) -> Vec<&'a ActionItem> {
    let mut list: Vec<&ActionItem> = src
        .data
        .actions
        .iter()
        .filter(|a| queue::action_is_open(a.state))
        .collect();
    list.sort_by_key(|a| (a.due.is_none(), a.due, a.id));
    list
}

fn open_actions(src: &Sources<'_>) -> Vec<ActionLine> {
    open_action_items(src)
        .into_iter()
        .map(|a| action_line(src, a))
        .collect()
}

fn at_risk(src: &Sources<'_>) -> Vec<RiskLine> {
    let mut list: Vec<(&Customer, RiskLevel, &[String])> = src
        .risk
        .iter()
        .filter(|(_, a)| a.level != RiskLevel::Healthy)
        .filter_map(|(id, a)| {
            src.data
                .customer(*id)
                .map(|c| (c, a.level, a.reasons.as_slice()))
        })
        .collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| by_size_desc(a.0, b.0)));
    list.into_iter()
        .map(|(c, level, reasons)| RiskLine {
            customer: c.name.clone(),
            level: match level {
                RiskLevel::AtRisk => "at risk",
                RiskLevel::Watch => "watch",
                RiskLevel::Healthy => "healthy",
            }
            .to_string(),
            reasons: reasons.join("; "),
        })
        .collect()
}
