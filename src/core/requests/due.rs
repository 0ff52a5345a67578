//! The queue rule of requests: an unanswered request owes a first response within
//! `first_response_business_hours` of coming in; once answered, an unresolved one owes its
//! resolution within `resolve_business_days`. One item at a time per request, so a request
//! just logged is one row, not two; the resolution's limit still runs from when it came in.

use super::Request;
use crate::core::business_time::WorkWeek;
use crate::core::policy::Policy;
use crate::core::queue::{Builder, ItemKind, Obligation, Subject};
use crate::core::what::What;
use crate::core::{Dataset, Instant, Role};

/// When the first response to `r` is due.
pub fn response_due(r: &Request, policy: &Policy, cal: &WorkWeek) -> Instant {
    cal.add(
        r.received_at,
        Policy::hours(policy.requests.first_response_business_hours),
    )
}

/// When the resolution of `r` is due.
pub fn resolution_due(r: &Request, policy: &Policy, cal: &WorkWeek) -> Instant {
    cal.add_days(r.received_at, policy.requests.resolve_business_days)
}

/// Adds the item each open request owes, with its owner (else the customer's account manager).
pub(crate) fn collect(data: &Dataset, policy: &Policy, out: &mut Builder<'_>) {
    let scope = out.scope;
    for r in data
        .requests
        .iter()
        .filter(|r| r.is_open() && scope.covers(r.customer))
    {
        let account_manager = out.customer(r.customer).and_then(|c| c.account_manager);
        let respond = r.is_unanswered();
        let (kind, due) = if respond {
            (ItemKind::RequestResponse, response_due(r, policy, out.cal))
        } else {
            (
                ItemKind::RequestResolution,
                resolution_due(r, policy, out.cal),
            )
        };
        out.push(Obligation {
            kind,
            subject: Subject::Request(r.id),
            customer: r.customer,
            what: What::Request {
                respond,
                channel: r.channel,
                from: r.from.clone(),
                about: r.about.clone(),
            },
            // A request with an owner is theirs whatever their role, as an action's is.
            owner_role: r.owner.is_none().then_some(Role::AccountManager),
            owner: r.answerable(account_manager),
            participants: vec![],
            due,
            severity: None,
            opened_at: Some(r.received_at),
        });
    }
}
