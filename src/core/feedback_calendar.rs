//! The feedback calendar: booked interviews and interviews due (by cadence or after a
//! deliverable) over a window of days, with the spacing rule's quiet windows.
//!
//! What is due comes from the queue's `ScheduleInterview` items, never from the cadence rules
//! again: the queue is the single source of what is owed. A due interview shows on its due day,
//! or on today when it is overdue (it is still owed today, whatever day it fell due), so an
//! export from today pins every overdue one to the first day. Days are taken in the calendar's
//! fixed offset, as everywhere in hearback.

mod quiet;
#[cfg(test)]
mod tests;

pub use quiet::{Conflict, QuietSpan, QuietWindow, Request, Spacing, spacing, spacing_of};

use super::business_time::WorkWeek;
use super::queue::{Item, ItemKind, Subject, is_booked};
use super::what::What;
use super::{
    ContactId, Customer, CustomerId, Dataset, Instant, Interview, InterviewId, InterviewStatus,
    StaffId, Trigger,
};
use chrono::{Datelike as _, Duration, Months, NaiveDate, NaiveTime};
use std::collections::BTreeMap;

/// The days `[from, until)` of a calendar, in the calendar's offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// The first day shown.
    pub from: NaiveDate,
    /// The day after the last day shown.
    pub until: NaiveDate,
}

impl Window {
    /// `months` months from `from` (a day of month that does not exist in the last month is
    /// clamped to its end, as 31 January + 1 month is 28 February).
    pub fn months(from: NaiveDate, months: u32) -> Window {
        let until = from
            .checked_add_months(Months::new(months))
            .unwrap_or(NaiveDate::MAX);
        Window { from, until }
    }

    /// The whole month that contains `day`.
    pub fn month_of(day: NaiveDate) -> Window {
        let from = day.with_day0(0).unwrap_or(day);
        Window::months(from, 1)
    }

    /// Whether `day` is inside.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day < self.until
    }
}

/// The day of `t` in the calendar's offset.
pub fn day_of(cal: &WorkWeek, t: Instant) -> NaiveDate {
    super::time_math::local(t, cal.offset).date_naive()
}

/// The instant `day` begins in the calendar's offset.
pub fn day_start(cal: &WorkWeek, day: NaiveDate) -> Instant {
    super::time_math::from_local(day.and_time(NaiveTime::MIN), cal.offset)
}

/// The stable UID of a booked interview's event: `interview-I12@hearback`.
pub fn booked_uid(id: InterviewId) -> String {
    format!("interview-{id}@hearback")
}

/// The stable UID of a customer's due-interview event: `due-C7@hearback`. It goes when the
/// customer is booked (and the interview's own event appears).
pub fn due_uid(id: CustomerId) -> String {
    format!("due-{id}@hearback")
}

/// One event of the feedback calendar.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarEvent {
    /// Stable across exports, so a re-import updates instead of duplicating.
    pub uid: String,
    /// Whose.
    pub customer: CustomerId,
    /// The customer's name (or a note that the record is missing).
    pub customer_name: String,
    /// The customer's account manager.
    pub account_manager: Option<StaffId>,
    /// The day it shows on, in the calendar's offset.
    pub day: NaiveDate,
    /// When it starts: the booked time, or the start of `day` for a due interview.
    pub start: Instant,
    /// When the information behind it last changed, from the records (never the clock).
    pub revised: Instant,
    /// Booked or due, with what each needs.
    pub kind: EventKind,
}

/// What an event is.
#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    /// An interview booked (scheduled or being recorded).
    Booked(Booked),
    /// An interview owed but not booked yet.
    Due(Due),
}

/// A booked interview.
#[derive(Clone, Debug, PartialEq)]
pub struct Booked {
    /// Which interview.
    pub interview: InterviewId,
    /// Planned length.
    pub minutes: u16,
    /// Where; `None` means at the customer's office.
    pub location: Option<String>,
    /// Our executive conducting it.
    pub executive: Option<StaffId>,
    /// The customer's contact.
    pub contact: Option<ContactId>,
    /// Why it happens.
    pub trigger: Trigger,
    /// Being recorded right now.
    pub in_progress: bool,
}

/// An interview due but not booked.
#[derive(Clone, Debug, PartialEq)]
pub struct Due {
    /// When the queue says it is due.
    pub due: Instant,
    /// Its due day in the calendar's offset (for an overdue one, earlier than the day shown).
    pub due_date: NaiveDate,
    /// Due before today: shown on today.
    pub overdue: bool,
    /// Why it is due (cadence, first interview, after a deliverable).
    pub what: What,
}

impl CalendarEvent {
    /// When it ends: a booked interview after its length, a due one at the end of its day.
    pub fn end(&self, cal: &WorkWeek) -> Instant {
        match &self.kind {
            EventKind::Booked(b) => {
                super::time_math::later(self.start, Duration::minutes(i64::from(b.minutes)))
            }
            EventKind::Due(_) => day_start(cal, self.day.succ_opt().unwrap_or(self.day)),
        }
    }

    /// Whether it is a due interview that is overdue.
    pub fn is_overdue(&self) -> bool {
        matches!(&self.kind, EventKind::Due(d) if d.overdue)
    }
}

/// Every event in `window` at `now`, sorted by start then UID: interviews booked on a day of
/// the window, and interviews due (from `items`, the queue at `now`) on a day of the window,
/// overdue ones on today. `items` must be the queue of `data` at `now`.
pub fn events(
    data: &Dataset,
    items: &[Item],
    cal: &WorkWeek,
    window: Window,
    now: Instant,
) -> Vec<CalendarEvent> {
    let customers: BTreeMap<CustomerId, &Customer> =
        data.customers.iter().map(|c| (c.id, c)).collect();
    let name = |id: CustomerId| {
        customers.get(&id).map_or_else(
            || format!("customer {id} (not in the store)"),
            |c| c.name.clone(),
        )
    };
    let mut out = Vec::new();
    for i in data.interviews.iter().filter(|i| is_booked(i.status)) {
        let day = day_of(cal, i.scheduled_at);
        if !window.contains(day) {
            continue;
        }
        let customer = customers.get(&i.customer).copied();
        out.push(CalendarEvent {
            uid: booked_uid(i.id),
            customer: i.customer,
            customer_name: name(i.customer),
            account_manager: customer.and_then(|c| c.account_manager),
            day,
            start: i.scheduled_at,
            revised: booked_revised(customer, i),
            kind: EventKind::Booked(Booked {
                interview: i.id,
                minutes: i.duration_minutes,
                location: i.location.clone(),
                executive: i.executive,
                contact: i.contact,
                trigger: i.trigger.clone(),
                in_progress: i.status == InterviewStatus::InProgress,
            }),
        });
    }
    let today = day_of(cal, now);
    let history = History::of(data);
    let due_items = items
        .iter()
        .filter(|i| i.kind == ItemKind::ScheduleInterview);
    for item in due_items {
        let Subject::Customer(id) = item.subject else {
            continue;
        };
        let due_date = day_of(cal, item.due);
        let day = due_date.max(today);
        if !window.contains(day) {
            continue;
        }
        let customer = customers.get(&id).copied();
        out.push(CalendarEvent {
            uid: due_uid(id),
            customer: id,
            customer_name: name(id),
            account_manager: customer.and_then(|c| c.account_manager),
            day,
            start: day_start(cal, day),
            revised: history.due_revised(customer, item.due),
            kind: EventKind::Due(Due {
                due: item.due,
                due_date,
                overdue: due_date < today,
                what: item.what.clone(),
            }),
        });
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.uid.cmp(&b.uid)));
    out
}

/// When a booked interview's information last changed: the customer record, or a step recorded
/// on the interview since (invitation, bio, pre-brief, start), whichever is latest.
fn booked_revised(customer: Option<&Customer>, i: &Interview) -> Instant {
    let steps = [
        i.invitation_sent_at,
        i.bio_sent_at,
        i.prebriefed_at,
        i.started_at,
    ];
    let base = customer.map(|c| c.updated_at);
    steps
        .into_iter()
        .chain([base])
        .flatten()
        .max()
        // Neither a customer nor a step: the booking itself is all there is.
        .unwrap_or(i.scheduled_at)
}

/// Per customer, the times a due interview's reason depends on (read once for all events).
#[derive(Default)]
struct History {
    last_completed: BTreeMap<CustomerId, Instant>,
    last_delivered: BTreeMap<CustomerId, Instant>,
}

impl History {
    fn of(data: &Dataset) -> History {
        let mut h = History::default();
        let latest = |map: &mut BTreeMap<CustomerId, Instant>, id, at: Instant| {
            let slot = map.entry(id).or_insert(at);
            *slot = (*slot).max(at);
        };
        for i in data.interviews.iter().filter(|i| i.is_completed()) {
            let at = i.completed_at.unwrap_or(i.scheduled_at);
            latest(&mut h.last_completed, i.customer, at);
        }
        for d in &data.deliverables {
            latest(&mut h.last_delivered, d.customer, d.delivered_at);
        }
        h
    }

    /// When the reason a customer is due last changed: the customer record, its last
    /// completed interview or its latest deliverable, whichever is latest.
    fn due_revised(&self, customer: Option<&Customer>, due: Instant) -> Instant {
        let Some(c) = customer else {
            return due;
        };
        [
            Some(c.updated_at),
            self.last_completed.get(&c.id).copied(),
            self.last_delivered.get(&c.id).copied(),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(c.updated_at)
    }
}
