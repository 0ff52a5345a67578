//! A backup is checked in full before anything is written, with the rules of every other way
//! in: text is cleaned ([`sanitize`]), sizes are amounts a CRM import would accept
//! ([`Money::check`]), answers belong to the questions in force, lengths are bookable
//! ([`booking::MINUTES`]), dates lie in [`when::YEARS`], ids are unique in the one id space and
//! leave room ([`ids::MAX_ID`]), and every reference names a record in the file.
//! Every problem is collected, with its JSON path and the record's id, not only the first.

use super::Backup;
use crate::core::ids::MAX_ID;
use crate::core::{Instant, QuestionSet, booking, sanitize, when};
use chrono::Datelike;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One thing wrong in a backup: where (a JSON path with the record's id) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// E.g. `customers[3].size.minor (C12)`.
    pub at: String,
    /// What is wrong, in plain words.
    pub what: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.what)
    }
}

/// What the check found: the problems, and how many text fields were cleaned.
pub(super) struct Findings {
    pub problems: Vec<Problem>,
    pub cleaned: usize,
}

/// The running check of one backup.
pub(super) struct Checker<'q> {
    pub questions: &'q QuestionSet,
    pub found: Findings,
    /// Every id in the one id space, with where it was first seen.
    ids: HashMap<u64, String>,
}

impl<'q> Checker<'q> {
    pub fn new(questions: &'q QuestionSet) -> Checker<'q> {
        Checker {
            questions,
            found: Findings {
                problems: Vec::new(),
                cleaned: 0,
            },
            ids: HashMap::new(),
        }
    }

    pub fn problem(&mut self, at: impl fmt::Display, what: impl Into<String>) {
        self.found.problems.push(Problem {
            at: at.to_string(),
            what: what.into(),
        });
    }

    /// A record id: not 0, at most [`MAX_ID`], and not used by any other record (one id space).
    pub fn id(&mut self, at: &str, id: u64) {
        if id == 0 || id > MAX_ID {
            self.problem(
                format!("{at}.id"),
                format!(
                    "id {id} is outside 1-{MAX_ID}; a larger id leaves no room for new records"
                ),
            );
        }
        if let Some(first) = self.ids.get(&id) {
            let first = first.clone();
            self.problem(
                format!("{at}.id"),
                format!("id {id} is already used by {first}; every record needs its own id"),
            );
        } else {
            self.ids.insert(id, at.to_string());
        }
    }

    /// A date inside [`when::YEARS`].
    pub fn date(&mut self, at: &str, field: &str, t: Instant) {
        if !when::YEARS.contains(&t.year()) {
            let (lo, hi) = (when::YEARS.start(), when::YEARS.end());
            self.problem(
                format!("{at}.{field}"),
                format!("the year {} is outside {lo}-{hi}", t.year()),
            );
        }
    }

    /// An optional date, as [`Checker::date`].
    pub fn opt_date(&mut self, at: &str, field: &str, t: Option<Instant>) {
        if let Some(t) = t {
            self.date(at, field, t);
        }
    }

    /// A single-line field, cleaned in place ([`sanitize::line`]).
    pub fn line(&mut self, s: &mut String) {
        let clean = sanitize::line(s);
        if clean != *s {
            self.found.cleaned += 1;
            *s = clean;
        }
    }

    /// A multi-line field, cleaned in place ([`sanitize::text`]).
    pub fn text(&mut self, s: &mut String) {
        let clean = sanitize::text(s);
        if clean != *s {
            self.found.cleaned += 1;
            *s = clean;
        }
    }

    /// A required single-line field: cleaned, then refused when nothing is left.
    pub fn name(&mut self, at: &str, field: &str, s: &mut String) {
        self.line(s);
        if s.is_empty() {
            self.problem(format!("{at}.{field}"), "is blank; it is required");
        }
    }
}

/// Ids by record type, for the reference checks.
#[derive(Default)]
pub(super) struct Known {
    pub staff: HashSet<u64>,
    /// Customer id to its contacts' ids.
    pub customers: HashMap<u64, HashSet<u64>>,
    /// Interview id to its customer.
    pub interviews: HashMap<u64, u64>,
    /// Follow-up id to its customer.
    pub followups: HashMap<u64, u64>,
}

impl Known {
    pub fn of(b: &Backup) -> Known {
        Known {
            staff: b.staff.iter().map(|s| s.id.0).collect(),
            customers: b
                .customers
                .iter()
                .map(|c| (c.id.0, c.contacts.iter().map(|p| p.id.0).collect()))
                .collect(),
            interviews: b
                .interviews
                .iter()
                .map(|i| (i.id.0, i.customer.0))
                .collect(),
            followups: b.followups.iter().map(|f| (f.id.0, f.customer.0)).collect(),
        }
    }
}

/// Checks and cleans the whole backup; the findings say what is wrong and what was cleaned.
pub(super) fn check(b: &mut Backup, questions: &QuestionSet) -> Findings {
    let mut c = Checker::new(questions);
    let known = Known::of(b);
    // No `..`: a record kind added to the backup does not compile until it is checked.
    let Backup {
        format: _,
        version: _,
        exported_at: _,
        staff,
        customers,
        interviews,
        followups,
        actions,
        deliverables,
        snoozes,
        timeline,
        crm_fields,
        monitors,
        requests,
    } = b;
    for (n, s) in staff.iter_mut().enumerate() {
        let at = format!("staff[{n}] ({})", s.id);
        c.id(&at, s.id.0);
        c.name(&at, "name", &mut s.name);
        if let Some(email) = s.email.take() {
            match crate::core::staff_edit::clean_email(&email) {
                Ok(e) => s.email = e,
                Err(e) => c.problem(format!("{at}.email"), e.to_string()),
            }
        }
        c.text(&mut s.bio);
    }
    for (n, customer) in customers.iter_mut().enumerate() {
        super::records::customer(&mut c, &known, n, customer);
    }
    for (n, i) in interviews.iter_mut().enumerate() {
        super::records::interview(&mut c, &known, n, i);
    }
    super::refs::rest(
        &mut c,
        &known,
        followups,
        actions,
        deliverables,
        snoozes,
        timeline,
    );
    for (n, f) in crm_fields.iter_mut().enumerate() {
        let at = format!("crm_fields[{n}]");
        customer_ref(&mut c, &known, &at, "customer", f.customer.0);
        for (column, value) in &mut f.values {
            c.text(column);
            c.text(value);
        }
        if let Some(noted) = &f.renewal_noted
            && chrono::NaiveDate::parse_from_str(noted, "%Y-%m-%d").is_err()
        {
            c.problem(
                format!("{at}.renewal_noted"),
                "is not a date like 2027-03-31".to_string(),
            );
        }
    }
    super::monitors::check(&mut c, &known, monitors);
    super::requests::check(&mut c, &known, requests);
    c.found
}

/// The staff reference `id` at `at.field`, if any, must name one of our people.
pub(super) fn staff_ref(c: &mut Checker<'_>, k: &Known, at: &str, field: &str, id: Option<u64>) {
    if let Some(id) = id.filter(|id| !k.staff.contains(id)) {
        c.problem(
            format!("{at}.{field}"),
            format!("names S{id}, who is not in the backup's staff"),
        );
    }
}

/// The customer reference at `at.field` must name a customer in the file.
pub(super) fn customer_ref(c: &mut Checker<'_>, k: &Known, at: &str, field: &str, id: u64) {
    if !k.customers.contains_key(&id) {
        c.problem(
            format!("{at}.{field}"),
            format!("names customer C{id}, which is not in the backup"),
        );
    }
}

/// The booking rule for an interview's length, shared with the booking dialog and the CLI.
pub(super) fn minutes_ok(m: u16) -> bool {
    booking::MINUTES.contains(&m)
}
