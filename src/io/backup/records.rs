//! The checks of customers and interviews, the records that carry most user text.

use super::check::{Checker, Known, customer_ref, minutes_ok, staff_ref};
use crate::core::{Customer, Interview, Lifecycle, Trigger};
use std::collections::HashSet;

/// A customer: id, required name, size, text, staff, contacts, dates.
pub(super) fn customer(c: &mut Checker<'_>, k: &Known, n: usize, x: &mut Customer) {
    let at = format!("customers[{n}] ({})", x.id);
    c.id(&at, x.id.0);
    c.name(&at, "name", &mut x.name);
    if let Some(crm) = &mut x.crm_id {
        c.line(crm);
    }
    if let Err(e) = x.size.check() {
        c.problem(format!("{at}.size"), e.to_string());
    }
    c.line(&mut x.segment);
    c.line(&mut x.region);
    for (field, id) in [
        ("account_manager", x.account_manager),
        ("salesperson", x.salesperson),
        ("service_manager", x.service_manager),
        ("executive_sponsor", x.executive_sponsor),
    ] {
        staff_ref(c, k, &at, field, id.map(|s| s.0));
    }
    for (m, p) in x.contacts.iter_mut().enumerate() {
        let at = format!("{at}.contacts[{m}] ({})", p.id);
        c.id(&at, p.id.0);
        c.name(&at, "name", &mut p.name);
        for field in [&mut p.role, &mut p.email, &mut p.phone] {
            c.line(field);
        }
        c.text(&mut p.personality);
    }
    let pre = &mut x.prebrief;
    for field in [
        &mut pre.successes,
        &mut pre.problems,
        &mut pre.issues,
        &mut pre.personality,
    ] {
        c.text(field);
    }
    if let Lifecycle::Lost { reason, at: lost } = &mut x.lifecycle {
        c.text(reason);
        c.date(&at, "lifecycle.at", *lost);
    }
    c.date(&at, "created_at", x.created_at);
    c.date(&at, "updated_at", x.updated_at);
}

/// An interview: its customer, contact and executive exist, its answers are the questions in
/// force (each at most once, no more than there are), its length is bookable, dates in range.
pub(super) fn interview(c: &mut Checker<'_>, k: &Known, n: usize, x: &mut Interview) {
    let at = format!("interviews[{n}] ({})", x.id);
    c.id(&at, x.id.0);
    customer_ref(c, k, &at, "customer", x.customer.0);
    if let (Some(contact), Some(contacts)) = (x.contact, k.customers.get(&x.customer.0))
        && !contacts.contains(&contact.0)
    {
        c.problem(
            format!("{at}.contact"),
            format!(
                "names contact {contact}, who is not a contact of {}",
                x.customer
            ),
        );
    }
    staff_ref(c, k, &at, "executive", x.executive.map(|s| s.0));
    match &mut x.trigger {
        Trigger::Deliverable { name } => c.line(name),
        Trigger::SurveyImport {
            source,
            response_id,
        } => {
            c.line(source);
            c.line(response_id);
        }
        Trigger::Cadence | Trigger::AdHoc => {}
    }
    if !minutes_ok(x.duration_minutes) {
        let (lo, hi) = (
            crate::core::booking::MINUTES.start(),
            crate::core::booking::MINUTES.end(),
        );
        c.problem(
            format!("{at}.duration_minutes"),
            format!("{} minutes is outside {lo}-{hi}", x.duration_minutes),
        );
    }
    if let Some(place) = &mut x.location {
        c.line(place);
    }
    answers(c, &at, x);
    c.text(&mut x.notes);
    c.date(&at, "scheduled_at", x.scheduled_at);
    for (field, t) in [
        ("invitation_sent_at", x.invitation_sent_at),
        ("bio_sent_at", x.bio_sent_at),
        ("prebriefed_at", x.prebriefed_at),
        ("started_at", x.started_at),
        ("completed_at", x.completed_at),
        ("acknowledged_at", x.acknowledged_at),
        ("debriefed_at", x.debriefed_at),
        ("executives_informed_at", x.executives_informed_at),
        ("reported_at", x.reported_at),
        ("disseminated_at", x.disseminated_at),
    ] {
        c.opt_date(&at, field, t);
    }
}

fn answers(c: &mut Checker<'_>, at: &str, x: &mut Interview) {
    let questions = c.questions;
    let allowed = questions.questions.len();
    if x.answers.len() > allowed {
        c.problem(
            format!("{at}.answers"),
            format!(
                "has {} answers; there are {allowed} questions",
                x.answers.len()
            ),
        );
    }
    let mut seen = HashSet::new();
    for (m, a) in x.answers.iter_mut().enumerate() {
        let path = format!("{at}.answers[{m}].question_key");
        if !questions.questions.iter().any(|q| q.key == a.question_key) {
            let keys: Vec<&str> = questions.questions.iter().map(|q| q.key.as_str()).collect();
            c.problem(
                path,
                format!(
                    "{} is not one of our questions ({})",
                    crate::core::sanitize::quote(&a.question_key),
                    keys.join(", ")
                ),
            );
        } else if !seen.insert(a.question_key.clone()) {
            c.problem(
                path,
                format!("question '{}' is answered twice", a.question_key),
            );
        }
        c.line(&mut a.question);
        c.text(&mut a.comment);
    }
}
