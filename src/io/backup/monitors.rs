//! The checks of monitor events in a backup, by the rules of `hearback import monitors`: ids in
//! the one id space, a customer in the file, dates in range, a reference, clean text, amounts
//! a CRM import would accept.

use super::check::{Checker, Known, customer_ref};
use crate::core::monitors::{MonitorEvent, MonitorKind};

/// Every monitor event.
pub(super) fn check(c: &mut Checker<'_>, k: &Known, monitors: &mut [MonitorEvent]) {
    for (n, m) in monitors.iter_mut().enumerate() {
        let at = format!("monitors[{n}] ({})", m.id);
        c.id(&at, m.id.0);
        customer_ref(c, k, &at, "customer", m.customer.0);
        c.name(&at, "reference", &mut m.reference);
        c.line(&mut m.note);
        c.date(&at, "on", m.on);
        match &m.kind {
            MonitorKind::Delivery {
                promised,
                delivered,
            } => {
                c.date(&at, "kind.promised", *promised);
                c.opt_date(&at, "kind.delivered", *delivered);
            }
            MonitorKind::CreditNote {
                amount: Some(amount),
            } => {
                if let Err(e) = amount.check() {
                    c.problem(format!("{at}.kind.amount"), e.to_string());
                }
            }
            MonitorKind::CreditNote { amount: None } | MonitorKind::Claim | MonitorKind::Return => {
            }
        }
    }
}
