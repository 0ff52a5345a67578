//! Planning an import of requests from a helpdesk export: each row is matched to a customer
//! (its CRM id, else the requester's email as a contact's, else the company's name, else the email's domain
//! when exactly one customer has contacts there), its assignee to one of our people (email or
//! exact name), and keyed by the helpdesk's ticket id, so importing the same export again
//! updates the requests it made instead of adding them twice.

use super::{Channel, Request};
use crate::core::survey_import::Respondents;
use crate::core::{
    Change, ChangeSet, CustomerId, Dataset, EventKind, IdAllocator, Instant, RequestId, StaffId,
    TimelineEvent, sanitize,
};
use std::collections::{BTreeMap, HashMap};

/// One row of a helpdesk export, read and its times parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestRow {
    /// 1-based line where the row starts.
    pub line: u64,
    /// The helpdesk's key, `source:ticket id`.
    pub key: String,
    /// The subject.
    pub about: String,
    /// The requester's name.
    pub from: String,
    /// The requester's email.
    pub email: String,
    /// The requester's company (organisation).
    pub company: String,
    /// The customer's CRM record id, when the export has one.
    pub crm_id: String,
    /// How it came in.
    pub channel: Channel,
    /// When it came in.
    pub received_at: Instant,
    /// The assignee as the helpdesk names them (a name or an email).
    pub assignee: String,
    /// The helpdesk group.
    pub team: String,
    /// The first reply, if any.
    pub first_response_at: Option<Instant>,
    /// The resolution, if any.
    pub resolved_at: Option<Instant>,
}

/// A row that was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// Its line.
    pub line: u64,
    /// Why.
    pub reason: String,
    /// Whether it is about finding the customer (messages then name the columns used).
    pub about_customer: bool,
}

/// What an import would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RequestImportPlan {
    /// The records to write, one transaction.
    pub changes: ChangeSet,
    /// New requests.
    pub created: Vec<RequestId>,
    /// Requests already imported whose row changed.
    pub updated: Vec<RequestId>,
    /// Requests already imported, unchanged.
    pub unchanged: usize,
    /// Rows not imported.
    pub rejected: Vec<Rejected>,
    /// Assignees that are none of our people, with how many requests name them.
    pub unknown_assignees: BTreeMap<String, usize>,
}

/// Who a row's assignee is.
fn assignee(data: &Dataset, text: &str) -> Option<StaffId> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    data.staff
        .iter()
        .find(|s| {
            s.email
                .as_deref()
                .is_some_and(|e| e.eq_ignore_ascii_case(t))
        })
        .or_else(|| {
            let mut named = data.staff.iter().filter(|s| s.name.eq_ignore_ascii_case(t));
            match (named.next(), named.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        })
        .map(|s| s.id)
}

/// The customers by the domain of their contacts' emails; a domain two customers share maps
/// to none (a guess is never made).
fn by_domain(data: &Dataset) -> HashMap<String, Option<CustomerId>> {
    let mut out: HashMap<String, Option<CustomerId>> = HashMap::new();
    for c in data.customers.iter().filter(|c| !c.archived) {
        for p in &c.contacts {
            if let Some((_, domain)) = p.email.trim().rsplit_once('@') {
                let domain = domain.to_ascii_lowercase();
                let entry = out.entry(domain).or_insert(Some(c.id));
                if *entry != Some(c.id) {
                    *entry = None;
                }
            }
        }
    }
    out
}

/// Plans the import of `rows` into `data` (the whole history: a resolved request left out
/// would be imported again as a new one): new requests get ids from `ids`; `fits` refuses a
/// record too large for the store (the row is rejected instead).
pub fn plan(
    data: &Dataset,
    rows: &[RequestRow],
    ids: &mut IdAllocator,
    now: Instant,
    actor: &str,
    fits: &dyn Fn(&Change) -> Result<(), String>,
) -> RequestImportPlan {
    let respondents = Respondents::new(data);
    let domains = by_domain(data);
    let stored: HashMap<&str, &Request> = data
        .requests
        .iter()
        .filter(|r| !r.external_key.is_empty())
        .map(|r| (r.external_key.as_str(), r))
        .collect();
    let mut seen: HashMap<&str, u64> = HashMap::new();
    let mut out = RequestImportPlan::default();
    for row in rows {
        let reject = |reason: String| Rejected {
            line: row.line,
            reason,
            about_customer: false,
        };
        let unmatched = |reason: String| Rejected {
            about_customer: true,
            ..reject(reason)
        };
        if let Some(first) = seen.get(row.key.as_str()) {
            out.rejected.push(reject(format!(
                "ticket {} is on line {first} already; each ticket once",
                sanitize::quote(&row.key)
            )));
            continue;
        }
        seen.insert(&row.key, row.line);
        if let Some((what, at)) = [
            ("it came in", Some(row.received_at)),
            ("it was first answered", row.first_response_at),
            ("it was resolved", row.resolved_at),
        ]
        .into_iter()
        .find_map(|(what, at)| at.filter(|t| *t > now).map(|t| (what, t)))
        {
            out.rejected.push(reject(format!(
                "{what} at {}, after now ({}); is the export's time zone right (--utc-offset)?",
                at.format("%Y-%m-%d %H:%M UTC"),
                now.format("%Y-%m-%d %H:%M UTC")
            )));
            continue;
        }
        if [&row.crm_id, &row.email, &row.company]
            .iter()
            .all(|t| t.trim().is_empty())
        {
            out.rejected.push(unmatched(
                "the row has no requester email, company or CRM id to find the customer by".into(),
            ));
            continue;
        }
        let by_crm = (!row.crm_id.trim().is_empty())
            .then(|| {
                data.customers.iter().find(|c| {
                    !c.archived && c.crm_id.as_deref().map(str::trim) == Some(row.crm_id.trim())
                })
            })
            .flatten();
        let found = match by_crm {
            Some(c) => Ok(c.id),
            None => respondents
                .find(&row.email, &row.company)
                .map(|r| r.customer),
        };
        let customer = match found {
            Ok(id) => id,
            Err(why) => {
                let domain = row.email.trim().rsplit_once('@').map(|(_, d)| d);
                match domain.and_then(|d| domains.get(&d.to_ascii_lowercase())) {
                    Some(Some(id)) => *id,
                    _ => {
                        out.rejected
                            .push(unmatched(if row.crm_id.trim().is_empty() {
                                format!("requester {why}")
                            } else {
                                format!(
                                    "no customer has the CRM id {}, and the requester {why}",
                                    sanitize::quote(&row.crm_id)
                                )
                            }));
                        continue;
                    }
                }
            }
        };
        let owner = assignee(data, &row.assignee);
        if owner.is_none() && !row.assignee.trim().is_empty() {
            *out.unknown_assignees
                .entry(sanitize::line(&row.assignee))
                .or_default() += 1;
        }
        let existing = stored.get(row.key.as_str()).copied();
        let id = existing.map_or_else(|| RequestId(ids.next_id()), |r| r.id);
        // An answer or a resolution on record (recorded here, or in an earlier export) is
        // never erased by an export that leaves it blank.
        let first_response_at = row
            .first_response_at
            .or(existing.and_then(|r| r.first_response_at));
        let resolved_at = row.resolved_at.or(existing.and_then(|r| r.resolved_at));
        let kept = |at: Option<Instant>, by: Option<StaffId>, old: Option<Option<StaffId>>| {
            at.and(old.flatten().or(by))
        };
        let request = Request {
            id,
            customer,
            channel: row.channel,
            from: sanitize::line(&row.from),
            about: sanitize::line(&row.about),
            received_at: row.received_at,
            owner,
            team: sanitize::line(&row.team),
            first_response_at,
            // The export does not say who answered; its assignee is the best guess, unless
            // someone is on record already.
            responded_by: kept(first_response_at, owner, existing.map(|r| r.responded_by)),
            resolved_at,
            resolved_by: kept(resolved_at, owner, existing.map(|r| r.resolved_by)),
            external_key: sanitize::line(&row.key),
        };
        if existing == Some(&request) {
            out.unchanged += 1;
            continue;
        }
        let change = Change::Request(request.clone());
        if let Err(why) = fits(&change) {
            out.rejected.push(reject(why));
            continue;
        }
        match existing {
            Some(_) => out.updated.push(id),
            None => {
                out.created.push(id);
                out.changes.push(Change::Event(TimelineEvent {
                    customer,
                    at: now,
                    actor: actor.into(),
                    kind: EventKind::CustomerRequest,
                    summary: format!(
                        "Request {id} imported ({}, received {}): {}",
                        request.external_key,
                        request.received_at.format("%Y-%m-%d %H:%M UTC"),
                        super::describe(&request)
                    ),
                    reference: Some(id.to_string()),
                }));
            }
        }
        out.changes.push(change);
    }
    out
}

#[cfg(test)]
mod tests;
