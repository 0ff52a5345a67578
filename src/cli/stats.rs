//! `hearback stats`: average scores per question compared across segments, regions, tiers or
//! account managers, over time, churn reasons counted, and what it means in revenue.

use super::customers::local_datetime;
use super::table::cut;
use super::{Context, Reading, TimeArg};
use super::{say, say_raw};
use crate::core::insight::{Figures, GroupBy, Insight, Period, compute, spark};
use crate::core::queue::queue;
use crate::core::requests::responsiveness::responsiveness;
use crate::core::revenue::{Revenue, revenue};
use crate::core::risk::assess;
use crate::core::{Dataset, Instant};
use clap::{Args, ValueEnum};
use serde_json::{Map, Value, json};
use std::fmt::Write as _;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

mod requests;
mod revenue;

/// What to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// Market segment.
    Segment,
    /// Region or country.
    Region,
    /// Tier (key, growth, standard).
    Tier,
    /// Account manager.
    Manager,
}

impl By {
    fn group_by(self) -> GroupBy {
        match self {
            By::Segment => GroupBy::Segment,
            By::Region => GroupBy::Region,
            By::Tier => GroupBy::Tier,
            By::Manager => GroupBy::Manager,
        }
    }
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// Aligned columns for people.
    Table,
    /// JSON for scripts.
    Json,
}

/// The arguments of `hearback stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Compare by.
    #[arg(long, value_enum, default_value_t = By::Segment)]
    pub by: By,
    /// Only interviews completed from then on (default: all).
    /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
    #[arg(long, value_name = "TIME", value_parser = super::parse_time)]
    pub since: Option<TimeArg>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
}

/// Runs `hearback stats`.
/// The start of the period `--since` names, refused unless it is before now; checked before
/// the store is opened.
pub fn since(ctx: &Context, args: &StatsArgs) -> anyhow::Result<Option<Instant>> {
    let since = args.since.as_ref().map(|s| ctx.time(s)).transpose()?;
    if let Some(since) = since.filter(|s| *s >= ctx.now) {
        anyhow::bail!(
            "--since {} is not before now ({}): no interview can have been completed in that period",
            local_datetime(since),
            local_datetime(ctx.now)
        );
    }
    Ok(since)
}

/// Runs `hearback stats` from `since` (see [`since`]).
pub fn run(
    session: Reading<'_>,
    args: &StatsArgs,
    since: Option<Instant>,
) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let rules = ctx.rules()?;
    let period = Period {
        since,
        until: ctx.now,
    };
    let insight = compute(
        data,
        &rules.questions,
        args.by.group_by(),
        period,
        rules.work_week.offset,
    );
    // Risk as it stands now, whatever the period: revenue at risk is a present figure.
    let items = queue(data, &rules.policy, &rules.work_week, ctx.now);
    let money = revenue(
        data,
        &insight.questions,
        &assess(data, &items, rules.monitoring(ctx.now)),
        period,
    );
    // Requests received in the period, timed in business time as the policy's limits are.
    let window = since.map(|s| (s, ctx.now));
    let answers = responsiveness(data, &rules.work_week, window);
    match args.format {
        StatsFormat::Json => {
            let mut v = to_json(&insight, &money);
            if let Some(o) = v.as_object_mut() {
                o.insert("requests".into(), requests::to_json(&answers));
            }
            say!("{}", serde_json::to_string_pretty(&v)?)
        }
        StatsFormat::Table => {
            let mut text = table(data, &insight, &money);
            let section = requests::section(&answers, &requests_period(since));
            if !data.is_empty() && !section.is_empty() {
                text.push('\n');
                text.push_str(&section);
            }
            say_raw!("{}", text)
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Rounded to 2 decimals for JSON.
fn round2(x: Option<f64>) -> Value {
    x.map_or(Value::Null, |v| json!((v * 100.0).round() / 100.0))
}

fn figures_json(questions: &[String], f: &Figures) -> Value {
    let averages: Map<String, Value> = questions
        .iter()
        .zip(&f.averages)
        .map(|(k, a)| (k.clone(), round2(*a)))
        .collect();
    let trend: Vec<Value> = f
        .trend
        .iter()
        .map(
            |m| json!({"month": m.key(), "average": round2(m.average), "interviews": m.interviews}),
        )
        .collect();
    json!({
        "group": f.label,
        "customers": f.customers,
        "interviews": f.interviews,
        "averages": averages,
        "overall": round2(f.overall),
        "low_scores": f.low_scores,
        "trend": trend,
    })
}

/// The stable JSON object of `stats --format json`.
fn to_json(insight: &Insight, money: &Revenue) -> Value {
    let q = &insight.questions;
    json!({
        "by": insight.by.as_str(),
        "since": insight.period.since.map(|s| s.to_rfc3339()),
        "until": insight.period.until.to_rfc3339(),
        "questions": q,
        "groups": insight.groups.iter().map(|g| figures_json(q, g)).collect::<Vec<_>>(),
        "all": figures_json(q, &insight.all),
        "churn": insight
            .churn
            .iter()
            .map(|c| json!({"reason": c.reason, "count": c.count}))
            .collect::<Vec<_>>(),
        "revenue": revenue::to_json(q, money),
    })
}

/// An average with one decimal, or `-` when nobody answered.
fn one_decimal(x: Option<f64>) -> String {
    x.map_or_else(|| "-".into(), |v| format!("{v:.1}"))
}

/// Widest a group label gets in the table.
const LABEL_WIDTH: usize = 28;

/// Rows of cells as aligned text: the first column left-aligned, the others right-aligned,
/// two spaces apart, no trailing spaces.
fn aligned(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths.get(c).copied().unwrap_or(0) - cell.width());
            if c == 0 {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str("  ");
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A date alone when the time is midnight (as `--since 2026-06-01` gives), else with the time.
fn since_text(t: Instant) -> String {
    let text = local_datetime(t);
    match text.strip_suffix(" 00:00") {
        Some(date) => date.to_string(),
        None => text,
    }
}

fn requests_period(since: Option<Instant>) -> String {
    match since {
        Some(s) => format!("since {}", since_text(s)),
        None => "so far".into(),
    }
}

fn period_text(period: Period) -> String {
    match period.since {
        Some(s) => format!("from {} to {}", since_text(s), local_datetime(period.until)),
        None => format!(
            "from the first interview to {}",
            local_datetime(period.until)
        ),
    }
}

/// The table output: figures per group, the programme, the trend, churn reasons and revenue.
fn table(data: &Dataset, insight: &Insight, money: &Revenue) -> String {
    if data.is_empty() {
        return "The store is empty: there is nothing to compare yet.\n\
                `hearback demo` fills it with sample data; `hearback import customers FILE.csv` \
                reads your CRM's account export.\n"
            .into();
    }
    let mut out = String::new();
    let by = insight.by;
    let _ = writeln!(
        out,
        "Scores by {}, interviews completed {}",
        by.noun(),
        period_text(insight.period)
    );
    if insight.is_empty() {
        let hint = if insight.period.since.is_some() {
            " Try an earlier --since, or leave it out to count from the first interview."
        } else {
            " Interviews count once they are completed (`hearback interview record`)."
        };
        let _ = writeln!(out, "No interviews completed in this period.{hint}");
    } else {
        let _ = writeln!(
            out,
            "{} interviews with {} customers. Scores run from 1 (very poor) to 5 (excellent); \
             - means nobody answered.",
            insight.all.interviews, insight.all.customers
        );
        out.push('\n');
        out.push_str(&figures_table(insight));
        out.push_str("Average: the mean of every score given. Low: scores below 4.\n\n");
        out.push_str(&trend_section(insight));
    }
    out.push('\n');
    out.push_str(&churn_section(insight));
    out.push('\n');
    out.push_str(&revenue::section(insight, money));
    out
}

fn figures_table(insight: &Insight) -> String {
    let mut header = vec![
        capitalised(insight.by.noun()),
        "Customers".into(),
        "Interviews".into(),
    ];
    header.extend(insight.questions.iter().cloned());
    header.extend(["Average".into(), "Low".into()]);
    let row = |f: &Figures| {
        let mut r = vec![
            cut(&f.label, LABEL_WIDTH),
            f.customers.to_string(),
            f.interviews.to_string(),
        ];
        r.extend(f.averages.iter().map(|a| one_decimal(*a)));
        r.extend([one_decimal(f.overall), f.low_scores.to_string()]);
        r
    };
    let mut rows = vec![header];
    rows.extend(insight.groups.iter().map(row));
    rows.push(row(&insight.all));
    aligned(&rows)
}

fn trend_section(insight: &Insight) -> String {
    let first = insight.all.trend.first().map(|m| m.name());
    let last = insight.all.trend.last().map(|m| m.name());
    let (Some(first), Some(last)) = (first, last) else {
        return String::new();
    };
    let mut out = format!(
        "Trend: average score per month, {first} to {last} (▁ is 1, █ is 5; blank: no interviews that month)\n"
    );
    let label_width = insight
        .groups
        .iter()
        .chain(std::iter::once(&insight.all))
        .map(|f| cut(&f.label, LABEL_WIDTH).width())
        .max()
        .unwrap_or(0);
    for f in insight.groups.iter().chain(std::iter::once(&insight.all)) {
        let label = cut(&f.label, LABEL_WIDTH);
        let pad = " ".repeat(label_width - label.width());
        let _ = writeln!(out, "  {label}{pad}  {first} │{}│ {last}", spark(&f.trend));
    }
    out
}

fn churn_section(insight: &Insight) -> String {
    let since = match insight.period.since {
        Some(s) => format!("customers marked lost since {}", since_text(s)),
        None => "every customer marked lost".into(),
    };
    if insight.churn.is_empty() {
        return match insight.period.since {
            Some(s) => format!(
                "Churn reasons: no customer was marked lost since {}.\n",
                since_text(s)
            ),
            None => "Churn reasons: no customer has been marked lost.\n".into(),
        };
    }
    let total: usize = insight.churn.iter().map(|c| c.count).sum();
    let mut out = format!("Churn reasons ({since}: {total}):\n");
    let width = insight
        .churn
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1);
    for c in &insight.churn {
        let _ = writeln!(out, "  {:>width$}  {}", c.count, c.reason);
    }
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
