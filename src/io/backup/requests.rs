//! The check of customers' requests in a backup: ids, references, text and dates, by the
//! rules of every other way in.

use super::check::{Checker, Known, customer_ref, staff_ref};
use crate::core::Request;
use std::collections::HashSet;

/// Every request: its own id, a customer and staff in the file, a subject, dates in range and
/// in order, and no two with the same helpdesk key (a re-import could not tell them apart).
pub(super) fn check(c: &mut Checker<'_>, k: &Known, requests: &mut [Request]) {
    let mut keys = HashSet::new();
    for (n, r) in requests.iter_mut().enumerate() {
        let at = format!("requests[{n}] ({})", r.id);
        c.id(&at, r.id.0);
        customer_ref(c, k, &at, "customer", r.customer.0);
        for (field, id) in [
            ("owner", r.owner),
            ("responded_by", r.responded_by),
            ("resolved_by", r.resolved_by),
        ] {
            staff_ref(c, k, &at, field, id.map(|s| s.0));
        }
        c.line(&mut r.from);
        c.name(&at, "about", &mut r.about);
        c.line(&mut r.team);
        c.line(&mut r.external_key);
        if !r.external_key.is_empty() && !keys.insert(r.external_key.clone()) {
            c.problem(
                format!("{at}.external_key"),
                format!(
                    "{} is the key of an earlier request too; each imported request has its own",
                    crate::core::sanitize::quote(&r.external_key)
                ),
            );
        }
        c.date(&at, "received_at", r.received_at);
        for (field, t) in [
            ("first_response_at", r.first_response_at),
            ("resolved_at", r.resolved_at),
        ] {
            c.opt_date(&at, field, t);
            if t.is_some_and(|t| t < r.received_at) {
                c.problem(
                    format!("{at}.{field}"),
                    "is before received_at; a request is answered after it comes in",
                );
            }
        }
    }
}
