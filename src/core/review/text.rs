//! The weekly review as plain text lines: what `hearback review` prints and the dashboard's
//! weekly review view shows, so both say the same. A heading starts at the first column;
//! everything under it is indented. Names and dates are cleaned and shown in the calendar's
//! offset.

use super::{Done, Measure, Review, Who, stats::owner_order};
use crate::core::business_time::WorkWeek;
use crate::core::countdown::span;
use crate::core::policy::Policy;
use crate::core::queue::Item;
use crate::core::sanitize;
use crate::core::time_math::local;
use crate::core::{CustomerId, Dataset, Instant, StaffId};
use unicode_width::UnicodeWidthStr;

/// The owner's name as shown: `Unassigned` when nobody is, the id when the record is gone.
pub fn owner_name(data: &Dataset, owner: Option<StaffId>) -> String {
    match owner {
        None => "Unassigned".into(),
        Some(id) => match data.staff_name(Some(id)) {
            "" => format!("{id} (not on file)"),
            name => sanitize::line(name),
        },
    }
}

/// A customer's name as shown.
pub fn customer_name(data: &Dataset, id: CustomerId) -> String {
    data.customer(id)
        .map_or_else(|| id.to_string(), |c| sanitize::line(&c.name))
}

/// `Mon 16 Nov 10:00` in the calendar's offset.
pub fn when(cal: &WorkWeek, t: Instant) -> String {
    local(t, cal.offset).format("%a %-d %b %H:%M").to_string()
}

/// `Mon 16 Nov 2026` in the calendar's offset.
fn day(cal: &WorkWeek, t: Instant) -> String {
    local(t, cal.offset).format("%a %-d %b %Y").to_string()
}

/// The week as a title: `Week of Mon 16 Nov 2026 to Sun 22 Nov 2026 (complete)`.
pub fn title(r: &Review, cal: &WorkWeek) -> String {
    let last = r.until - chrono::Duration::seconds(1);
    let state = if r.complete() {
        "complete".to_string()
    } else {
        format!("so far, to {}", when(cal, r.as_of))
    };
    format!(
        "Week of {} to {} ({state})",
        day(cal, r.since),
        day(cal, last)
    )
}

/// The whole review as lines.
pub fn lines(r: &Review, data: &Dataset, policy: &Policy, cal: &WorkWeek) -> Vec<String> {
    let mut out = vec![
        title(r, cal),
        format!(
            "  Times in UTC{}. Business days: {}.",
            cal.offset,
            working_days(cal)
        ),
        String::new(),
    ];
    closed(&mut out, r, data, cal);
    out.push(String::new());
    slipped(&mut out, r, data, cal);
    out.push(String::new());
    response_times(&mut out, r, data, policy);
    out
}

fn working_days(cal: &WorkWeek) -> String {
    let mut days = cal.working_days.clone();
    days.sort_by_key(|d| d.num_days_from_monday());
    days.dedup();
    if days.is_empty() {
        return "every day (no working days set)".into();
    }
    let names: Vec<String> = days.iter().map(ToString::to_string).collect();
    names.join(", ")
}

fn closed(out: &mut Vec<String>, r: &Review, data: &Dataset, cal: &WorkWeek) {
    if r.done.is_empty() {
        out.push("Closed: nothing was recorded as done this week.".into());
        return;
    }
    let owners = owners(data, r.done.iter().map(|d| d.owner));
    out.push(format!(
        "Closed: {} step{} done by {} owner{}",
        r.done.len(),
        plural(r.done.len()),
        owners.len(),
        plural(owners.len())
    ));
    let mut rows = vec![cells(&[
        "Owner",
        "Steps",
        "Late",
        "Follow-ups closed",
        "Actions done",
    ])];
    for owner in owners {
        let mine: Vec<&Done> = r.done.iter().filter(|d| d.owner == owner).collect();
        let count = |kind| mine.iter().filter(|d| d.kind == kind).count().to_string();
        rows.push(vec![
            owner_name(data, owner),
            mine.len().to_string(),
            mine.iter()
                .filter(|d| d.late_by().is_some())
                .count()
                .to_string(),
            count(super::StepKind::CloseFollowUp),
            count(super::StepKind::ActionDone),
        ]);
    }
    out.extend(align(&rows, &[1, 2, 3, 4]));
    out.push(String::new());
    let rows: Vec<Vec<String>> = r
        .done
        .iter()
        .map(|d| {
            vec![
                when(cal, d.at),
                d.kind.label().into(),
                customer_name(data, d.customer),
                d.subject.to_string(),
                owner_name(data, d.owner),
                d.late_by()
                    .map_or_else(String::new, |l| format!("{} late", span(l))),
            ]
        })
        .collect();
    out.extend(align(&rows, &[]));
}

fn slipped(out: &mut Vec<String>, r: &Review, data: &Dataset, cal: &WorkWeek) {
    let late: Vec<&Done> = r.late().collect();
    let at_end = if r.complete() {
        "at the end of the week"
    } else {
        "now"
    };
    if late.is_empty() && r.overdue.is_empty() {
        out.push(format!(
            "Slipped: nothing. Every step done this week was on time and nothing is overdue {at_end}."
        ));
        return;
    }
    out.push(format!(
        "Slipped: {} step{} done late, {} item{} overdue {at_end}",
        late.len(),
        plural(late.len()),
        r.overdue.len(),
        plural(r.overdue.len())
    ));
    let all = late
        .iter()
        .map(|d| d.owner)
        .chain(r.overdue.iter().map(|i| i.owner));
    // One table for every owner, so the columns line up under each owner's name.
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut heads: Vec<(usize, Option<StaffId>)> = Vec::new();
    for owner in owners(data, all) {
        heads.push((rows.len(), owner));
        rows.extend(late.iter().filter(|d| d.owner == owner).map(|d| {
            let due = d.due.map_or_else(String::new, |t| when(cal, t));
            let by = d.late_by().map_or_else(String::new, span);
            vec![
                "done late".into(),
                d.kind.label().into(),
                customer_name(data, d.customer),
                d.subject.to_string(),
                format!("due {due}, done {by} late"),
            ]
        }));
        rows.extend(
            r.overdue
                .iter()
                .filter(|i| i.owner == owner)
                .map(|i| overdue_row(i, data, cal, r.as_of)),
        );
    }
    for (n, line) in align(&rows, &[]).into_iter().enumerate() {
        if let Some((_, owner)) = heads.iter().find(|(at, _)| *at == n) {
            out.push(format!("  {}", owner_name(data, *owner)));
        }
        out.push(format!("  {line}"));
    }
}

fn overdue_row(i: &Item, data: &Dataset, cal: &WorkWeek, as_of: Instant) -> Vec<String> {
    vec![
        "overdue".into(),
        i.kind.label().into(),
        customer_name(data, i.customer),
        i.subject.to_string(),
        format!("due {}, {} overdue", when(cal, i.due), span(as_of - i.due)),
    ]
}

fn response_times(out: &mut Vec<String>, r: &Review, data: &Dataset, policy: &Policy) {
    if r.stats.is_empty() {
        out.push(
            "Response times: no thank-you, contact, formal report or close was recorded this week."
                .into(),
        );
    } else {
        out.push(
            "Response times against the policy (nearest-rank median and 90th percentile)".into(),
        );
        let mut rows = vec![cells(&[
            "Measure",
            "Owner",
            "Count",
            "Median",
            "90th",
            "In policy",
        ])];
        let mut last = None;
        for s in &r.stats {
            let measure = if last == Some(s.measure) {
                String::new()
            } else {
                s.measure.label().to_string()
            };
            last = Some(s.measure);
            let who = match s.who {
                Who::Owner(o) => owner_name(data, o),
                Who::Everyone => "Everyone".into(),
            };
            let within = s
                .within
                .map_or_else(|| "no limit".into(), |n| format!("{n} of {}", s.count));
            rows.push(vec![
                measure,
                who,
                s.count.to_string(),
                span(s.median),
                span(s.p90),
                within,
            ]);
        }
        out.extend(align(&rows, &[2, 3, 4]));
    }
    out.push(String::new());
    out.extend(policy_lines(policy));
}

/// What the policy allows, under the response times.
fn policy_lines(policy: &Policy) -> Vec<String> {
    let (d, low) = (&policy.deadlines, &policy.low_scores);
    let business = Measure::ALL
        .iter()
        .filter(|m| m.business_time())
        .map(|m| m.label().to_lowercase())
        .collect::<Vec<_>>()
        .join(" and ");
    vec![
        "Policy".into(),
        format!(
            "  thank-you within {} business hours of the interview;",
            d.acknowledge_business_hours
        ),
        format!(
            "  contact within {} business day{} of a low score of {} or lower, else {};",
            low.senior_business_days,
            plural(low.senior_business_days as usize),
            low.senior_max,
            low.managers_business_days
        ),
        format!(
            "  formal report within {} days of the contact; closing has no limit.",
            d.formal_report_days
        ),
        format!("  Times {business} are business time; the others calendar time."),
    ]
}

/// The distinct owners among `owners`, by name, unassigned last.
fn owners(data: &Dataset, owners: impl Iterator<Item = Option<StaffId>>) -> Vec<Option<StaffId>> {
    let mut list: Vec<Option<StaffId>> = owners.collect();
    list.sort_by_key(|o| owner_order(data, *o));
    list.dedup();
    list
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn cells(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| (*t).to_string()).collect()
}

/// Rows as aligned columns two spaces apart, indented by two; the columns in `right` are
/// right-aligned (numbers). No trailing spaces.
fn align(rows: &[Vec<String>], right: &[usize]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|t| t.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|row| {
            let mut line = String::from("  ");
            for (c, text) in row.iter().enumerate() {
                let pad = " ".repeat(
                    widths
                        .get(c)
                        .copied()
                        .unwrap_or(0)
                        .saturating_sub(text.width()),
                );
                if right.contains(&c) {
                    line.push_str(&pad);
                    line.push_str(text);
                } else {
                    line.push_str(text);
                    line.push_str(&pad);
                }
                line.push_str("  ");
            }
            line.trim_end().to_string()
        })
        .collect()
}
