//! The requests part of `hearback stats`: how quickly we answer and resolve customers'
//! requests (median and 90th percentile, business time), per owner, team and customer.

use super::{LABEL_WIDTH, aligned};
use crate::cli::table::cut;
use crate::core::requests::responsiveness::{Figures, Responsiveness, Row, duration_text};
use serde_json::{Value, json};
use std::fmt::Write as _;

fn figures_json(f: Option<Figures>) -> Value {
    f.map_or(Value::Null, |f| {
        json!({
            "count": f.count,
            "median_minutes": f.median.num_minutes(),
            "p90_minutes": f.p90.num_minutes(),
        })
    })
}

fn row_json(r: &Row) -> Value {
    json!({
        "group": r.label,
        "requests": r.requests,
        "open": r.open,
        "first_response": figures_json(r.first_response),
        "resolution": figures_json(r.resolution),
    })
}

/// The `requests` object of `stats --format json`: minutes of business time.
pub(super) fn to_json(r: &Responsiveness) -> Value {
    let rows = |list: &[Row]| list.iter().map(row_json).collect::<Vec<_>>();
    json!({
        "owners": rows(&r.owners),
        "teams": rows(&r.teams),
        "customers": rows(&r.customers),
        "all": r.all.as_ref().map_or(Value::Null, row_json),
    })
}

fn cells(f: Option<Figures>) -> [String; 2] {
    f.map_or_else(
        || ["-".into(), "-".into()],
        |f| [duration_text(f.median), duration_text(f.p90)],
    )
}

fn table(title: &str, list: &[Row], all: &Row) -> String {
    let mut rows = vec![
        [
            title,
            "Requests",
            "Open",
            "Answer median",
            "Answer p90",
            "Resolve median",
            "Resolve p90",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for r in list.iter().chain(std::iter::once(all)) {
        let mut row = vec![
            cut(&r.label, LABEL_WIDTH),
            r.requests.to_string(),
            r.open.to_string(),
        ];
        row.extend(cells(r.first_response));
        row.extend(cells(r.resolution));
        rows.push(row);
    }
    aligned(&rows)
}

/// The requests section of the table output; empty when no request came in in the period.
pub(super) fn section(r: &Responsiveness, period: &str) -> String {
    let Some(all) = &r.all else {
        return String::new();
    };
    let mut out = format!(
        "Requests received {period}: time to first response (answer) and to resolution, in \
         business time (non-working days do not count); p90: 9 in 10 were quicker.\n\n"
    );
    for (title, list) in [
        ("Owner", &r.owners),
        ("Team", &r.teams),
        ("Customer", &r.customers),
    ] {
        out.push_str(&table(title, list, all));
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "Owner: the request's owner, else the customer's account manager. Team: the \
         helpdesk's group, else the owner's role."
    );
    out
}
