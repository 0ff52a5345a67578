//! The checks of the records that hang off customers and interviews: follow-ups, actions,
//! deliverables, snoozes and the timeline. Each must name records that are in the file.

use super::check::{Checker, Known, customer_ref, staff_ref};
use crate::core::{ActionItem, Deliverable, FollowUp, Snooze, TimelineEvent};

/// Follow-ups, actions, deliverables, snoozes, timeline.
pub(super) fn rest(
    c: &mut Checker<'_>,
    k: &Known,
    followups: &mut [FollowUp],
    actions: &mut [ActionItem],
    deliverables: &mut [Deliverable],
    snoozes: &mut [Snooze],
    timeline: &mut [TimelineEvent],
) {
    let keys: Vec<String> = c
        .questions
        .questions
        .iter()
        .map(|q| q.key.clone())
        .collect();
    for (n, f) in followups.iter_mut().enumerate() {
        let at = format!("followups[{n}] ({})", f.id);
        c.id(&at, f.id.0);
        customer_ref(c, k, &at, "customer", f.customer.0);
        match k.interviews.get(&f.interview.0) {
            None => c.problem(
                format!("{at}.interview"),
                format!(
                    "names interview {}, which is not in the backup",
                    f.interview
                ),
            ),
            Some(&owner) if owner != f.customer.0 => c.problem(
                format!("{at}.interview"),
                format!(
                    "{} is an interview of C{owner}, not of {}",
                    f.interview, f.customer
                ),
            ),
            Some(_) => {}
        }
        for q in &f.low_questions {
            if !keys.contains(q) {
                c.problem(
                    format!("{at}.low_questions"),
                    format!(
                        "{} is not one of our questions",
                        crate::core::sanitize::quote(q)
                    ),
                );
            }
        }
        staff_ref(c, k, &at, "owner", f.owner.map(|s| s.0));
        for p in &f.participants {
            staff_ref(c, k, &at, "participants", Some(p.0));
        }
        c.text(&mut f.context);
        c.date(&at, "opened_at", f.opened_at);
        for (field, t) in [
            ("contacted_at", f.contacted_at),
            ("report_committed_at", f.report_committed_at),
            ("report_presented_at", f.report_presented_at),
            ("closed_at", f.closed_at),
        ] {
            c.opt_date(&at, field, t);
        }
    }
    for (n, a) in actions.iter_mut().enumerate() {
        let at = format!("actions[{n}] ({})", a.id);
        c.id(&at, a.id.0);
        customer_ref(c, k, &at, "customer", a.customer.0);
        if let Some(f) = a.followup.filter(|f| !k.followups.contains_key(&f.0)) {
            c.problem(
                format!("{at}.followup"),
                format!("names follow-up {f}, which is not in the backup"),
            );
        }
        if let Some(i) = a.interview.filter(|i| !k.interviews.contains_key(&i.0)) {
            c.problem(
                format!("{at}.interview"),
                format!("names interview {i}, which is not in the backup"),
            );
        }
        staff_ref(c, k, &at, "owner", a.owner.map(|s| s.0));
        c.name(&at, "title", &mut a.title);
        c.text(&mut a.detail);
        c.opt_date(&at, "due", a.due);
        c.date(&at, "created_at", a.created_at);
        c.opt_date(&at, "done_at", a.done_at);
        c.opt_date(&at, "followed_up_at", a.followed_up_at);
    }
    for (n, d) in deliverables.iter_mut().enumerate() {
        let at = format!("deliverables[{n}] ({})", d.id);
        c.id(&at, d.id.0);
        customer_ref(c, k, &at, "customer", d.customer.0);
        c.name(&at, "name", &mut d.name);
        c.date(&at, "delivered_at", d.delivered_at);
    }
    for (n, s) in snoozes.iter_mut().enumerate() {
        let at = format!("snoozes[{n}]");
        customer_ref(c, k, &at, "customer", s.customer.0);
        staff_ref(c, k, &at, "by", s.by.map(|x| x.0));
        c.name(&at, "item_key", &mut s.item_key);
        c.name(&at, "reason", &mut s.reason);
        c.date(&at, "until", s.until);
        c.date(&at, "at", s.at);
    }
    for (n, e) in timeline.iter_mut().enumerate() {
        let at = format!("timeline[{n}]");
        customer_ref(c, k, &at, "customer", e.customer.0);
        c.line(&mut e.actor);
        c.text(&mut e.summary);
        if let Some(r) = &mut e.reference {
            c.line(r);
        }
        c.date(&at, "at", e.at);
    }
}
