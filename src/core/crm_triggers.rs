//! Feedback on key events, seen as changes in CRM records: on a customer re-import, a
//! configured change (`[policy.triggers]`) makes a feedback interview due.
//!
//! | trigger | fires when | first sight of a customer or column |
//! |---|---|---|
//! | stage | the stage column's value differs from the one the last import stored and is one of `stage_values` (any case) | stored, never fires: no "before" to compare |
//! | renewal | the renewal column's date is today or up to `renewal_within_days` ahead, and no trigger was recorded for that date | a customer created by this import: noted, never fires (its first interview is due anyway) |
//! | account manager | `account_manager_change` is on and the customer's account manager was someone and becomes someone else | never fires |
//!
//! A customer with triggers gets one deliverable named [`NAME_PREFIX`] + the reasons, delivered
//! now: the queue's "interview after a deliverable" rule then asks for the interview, within
//! `cadence.after_deliverable_days` and never inside `cadence.spacing_days` of the last
//! interview ([`super::spacing::after_deliverable_due`]); booking one discharges it as for
//! any deliverable. The values seen are stored per customer ([`CrmFields`]) in the import's own
//! transaction, so a dry run and a refused import store nothing and trigger nothing.
//!
//! Dates are read as the CRM exports them: `2027-03-31` (also with a time), `03/31/2027` (US
//! exports) or `31.03.2027`; "today" is the UTC date of `now`.

use super::policy::Policy;
use super::spacing::after_deliverable_due;
use super::{
    Change, ChangeSet, CustomerId, Dataset, Deliverable, DeliverableId, EventKind, IdAllocator,
    Instant, StaffId, TimelineEvent, sanitize,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod settings;
#[cfg(test)]
mod tests;

pub use settings::{RENEWAL_DAYS, TriggerPolicy};

/// How a deliverable recorded by a trigger is named, before its reasons.
pub const NAME_PREFIX: &str = "CRM change: ";

/// The values the last customer import showed of one customer's watched CRM columns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrmFields {
    /// Whose.
    pub customer: CustomerId,
    /// `(column, value)`: the column as configured, lower case; the value as the CRM wrote it.
    /// In column order.
    pub values: Vec<(String, String)>,
    /// The renewal date (`YYYY-MM-DD`) a feedback interview was last triggered (or noted) for.
    pub renewal_noted: Option<String>,
}

impl CrmFields {
    /// The stored value of `column` (any case).
    pub fn value(&self, column: &str) -> Option<&str> {
        let key = column_key(column);
        self.values
            .iter()
            .find(|(c, _)| *c == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The key a column is stored under: trimmed, lower case.
pub fn column_key(column: &str) -> String {
    column.trim().to_lowercase()
}

/// One customer as a customer import left it, with what its rows showed of the watched columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Watched {
    /// The customer.
    pub customer: CustomerId,
    /// Created by this import.
    pub created: bool,
    /// The last file line that touched it.
    pub line: u64,
    /// `(column key, value)` of the watched columns its rows gave, blank cells left out.
    pub values: Vec<(String, String)>,
}

/// A customer for whom a trigger fired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fired {
    /// The customer.
    pub customer: CustomerId,
    /// Its name.
    pub name: String,
    /// Why, one entry per trigger, in plain words.
    pub why: Vec<String>,
    /// When the interview is due.
    pub due: Instant,
}

/// What the triggers of one import write and report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Triggered {
    /// Stored values, deliverables and timeline events, to commit with the import.
    pub changes: ChangeSet,
    /// The customers whose triggers fired, in file order.
    pub fired: Vec<Fired>,
    /// `(line, problem)`: cells the triggers could not read (the row itself was imported).
    pub notes: Vec<(u64, String)>,
}

/// Works out what the import's changes trigger. `before` is the data as stored, `after` with
/// the import applied.
pub fn plan(
    before: &Dataset,
    after: &Dataset,
    watched: &[Watched],
    policy: &Policy,
    now: Instant,
    ids: &mut IdAllocator,
    actor: &str,
) -> Triggered {
    let rules = &policy.triggers;
    let mut out = Triggered::default();
    if !rules.any() {
        return out;
    }
    for w in watched {
        let stored = before.crm_fields_of(w.customer);
        let mut record = CrmFields {
            customer: w.customer,
            values: stored.map(|s| s.values.clone()).unwrap_or_default(),
            renewal_noted: stored.and_then(|s| s.renewal_noted.clone()),
        };
        let mut why = Vec::new();
        for (column, value) in &w.values {
            match record.values.iter_mut().find(|(c, _)| c == column) {
                Some(slot) => slot.1.clone_from(value),
                None => record.values.push((column.clone(), value.clone())),
            }
        }
        record.values.sort();
        if let Some(column) = &rules.stage_column
            && let Some(new) = value_of(&w.values, column)
            && let Some(old) = stored.and_then(|s| s.value(column))
            && !old.eq_ignore_ascii_case(new)
            && rules
                .stage_values
                .iter()
                .any(|v| v.trim().eq_ignore_ascii_case(new))
        {
            why.push(format!(
                "{} became {} (was {})",
                column.trim(),
                sanitize::line(new),
                sanitize::line(old)
            ));
        }
        if let Some(column) = &rules.renewal_column
            && let Some(text) = value_of(&w.values, column)
        {
            match parse_date(text) {
                None => out.notes.push((
                    w.line,
                    format!(
                        "column '{}': '{}' is not a date (e.g. 2027-03-31 or 03/31/2027); no \
                         renewal trigger from this row",
                        column.trim(),
                        super::excerpt::excerpt(text)
                    ),
                )),
                Some(date) => {
                    let days = (date - now.date_naive()).num_days();
                    let noted = date.format("%Y-%m-%d").to_string();
                    let within = (0..=i64::from(rules.renewal_within_days)).contains(&days);
                    if within && record.renewal_noted.as_deref() != Some(noted.as_str()) {
                        if !w.created {
                            why.push(format!(
                                "{} {noted} is {days} day{} away",
                                column.trim(),
                                if days == 1 { "" } else { "s" }
                            ));
                        }
                        record.renewal_noted = Some(noted);
                    }
                }
            }
        }
        if rules.account_manager_change
            && !w.created
            && let (Some(old), Some(new)) = (
                before.customer(w.customer).and_then(|c| c.account_manager),
                after.customer(w.customer).and_then(|c| c.account_manager),
            )
            && old != new
        {
            why.push(format!(
                "account manager changed from {} to {}",
                staff_name(before, old),
                staff_name(after, new)
            ));
        }
        if stored != Some(&record) && (!record.values.is_empty() || record.renewal_noted.is_some())
        {
            out.changes.push(Change::CrmFields(record));
        }
        if !why.is_empty()
            && let Some(customer) = after.customer(w.customer)
        {
            let last = after.last_completed_interview(w.customer);
            let d = Deliverable {
                id: DeliverableId(ids.next_id()),
                customer: w.customer,
                name: format!("{NAME_PREFIX}{}", why.join("; ")),
                delivered_at: now,
            };
            out.changes.push(Change::Event(TimelineEvent {
                customer: w.customer,
                at: now,
                actor: actor.into(),
                kind: EventKind::DeliverableRecorded,
                summary: format!(
                    "Feedback interview due after a CRM change: {}",
                    why.join("; ")
                ),
                reference: Some(d.id.to_string()),
            }));
            out.changes.push(Change::Deliverable(d));
            out.fired.push(Fired {
                customer: w.customer,
                name: customer.name.clone(),
                why,
                due: after_deliverable_due(now, last, policy),
            });
        }
    }
    out
}

/// The value of `column` among a row's watched values.
fn value_of<'a>(values: &'a [(String, String)], column: &str) -> Option<&'a str> {
    let key = column_key(column);
    values
        .iter()
        .find(|(c, _)| *c == key)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.trim().is_empty())
}

fn staff_name(data: &Dataset, id: StaffId) -> String {
    data.staff_member(id)
        .map_or_else(|| id.to_string(), |s| s.name.clone())
}

/// A date as CRMs export it; the time of day, if any, is ignored.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let day = t.split(['T', ' ']).next().unwrap_or(t);
    ["%Y-%m-%d", "%m/%d/%Y", "%d.%m.%Y", "%Y/%m/%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(day, f).ok())
}
