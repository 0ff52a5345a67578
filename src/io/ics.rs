//! The feedback calendar as RFC 5545 iCalendar, written with the `icalendar` crate.
//!
//! Booked interviews are timed events in UTC (`DTSTART:20261124T190000Z`): an absolute instant
//! that every calendar client shows in its reader's own zone, with no time-zone table to get
//! wrong. Interviews due but not booked are all-day events on the due day (`VALUE=DATE`), free
//! time (`TRANSP:TRANSPARENT`), so they remind without blocking the diary. Each event's UID
//! is stable (`interview-I12@hearback`, `due-C7@hearback`), so importing a newer export
//! updates the events instead of duplicating them. There is no `METHOD`, so `DTSTAMP` is when
//! the information was last revised: it is taken from the records, never from the clock, and
//! the same data always gives the same bytes.

use crate::core::feedback_calendar::{Booked, CalendarEvent, Due, EventKind};
use crate::core::sanitize;
use crate::core::{Dataset, wording};
use chrono::Duration;
use icalendar::{Calendar as IcsFile, Component, Event, EventLike, EventStatus, Property};

/// The product identifier of the files hearback writes.
pub const PRODID: &str = "-//hearback//Feedback calendar//EN";

/// The calendar's name as clients show it.
pub const CALENDAR_NAME: &str = "Feedback interviews";

/// The iCalendar text (CRLF line ends) of `events`, in their order. `data` supplies the
/// names of people and contacts.
pub fn calendar(data: &Dataset, events: &[CalendarEvent]) -> String {
    let mut cal = IcsFile::empty();
    cal.append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .name(CALENDAR_NAME);
    for e in events {
        cal.push(event(data, e));
    }
    cal.to_string()
}

fn event(data: &Dataset, e: &CalendarEvent) -> Event {
    let name = sanitize::line(&e.customer_name);
    let mut ev = Event::new();
    // UID and DTSTAMP are always set here: left out, the crate would make up a random UID and
    // stamp the wall-clock time.
    ev.uid(&e.uid).timestamp(e.revised).last_modified(e.revised);
    let mut lines = Vec::new();
    match &e.kind {
        EventKind::Booked(b) => {
            let end =
                crate::core::time_math::later(e.start, Duration::minutes(i64::from(b.minutes)));
            ev.starts(e.start)
                .ends(end)
                .summary(&format!("Feedback interview: {name}"))
                .location(&location(b))
                .status(EventStatus::Confirmed);
            booked_lines(data, e, b, &mut lines);
        }
        EventKind::Due(d) => {
            let next = e.day.succ_opt().unwrap_or(e.day);
            let mut summary = format!("Book feedback interview: {name}");
            if d.overdue {
                summary.push_str(&format!(" (overdue since {})", d.due_date));
            }
            ev.starts(e.day)
                .ends(next)
                .summary(&summary)
                .add_property("TRANSP", "TRANSPARENT");
            due_lines(e, d, &mut lines);
        }
    }
    lines.push(format!(
        "Account manager: {}",
        person(data, e.account_manager, "not assigned")
    ));
    ev.description(&lines.join("\n"));
    ev.done()
}

fn location(b: &Booked) -> String {
    b.location
        .as_deref()
        .map(sanitize::line)
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| "At the customer's office".to_string())
}

fn person(data: &Dataset, id: Option<crate::core::StaffId>, missing: &str) -> String {
    let name = sanitize::line(data.staff_name(id));
    if name.is_empty() {
        missing.to_string()
    } else {
        name
    }
}

fn booked_lines(data: &Dataset, e: &CalendarEvent, b: &Booked, lines: &mut Vec<String>) {
    lines.push(format!(
        "Executive: {}",
        person(data, b.executive, "not chosen yet")
    ));
    let contact = b
        .contact
        .and_then(|id| data.customer(e.customer)?.contact(id))
        .map(|p| {
            let name = sanitize::line(&p.name);
            match sanitize::line(&p.role) {
                role if role.is_empty() => name,
                role => format!("{name} ({role})"),
            }
        })
        .unwrap_or_else(|| "not chosen yet".to_string());
    lines.push(format!("Contact: {contact}"));
    lines.push(format!("Trigger: {}", wording::trigger(&b.trigger)));
    let state = if b.in_progress {
        "being recorded now"
    } else {
        "booked"
    };
    lines.push(format!(
        "{} minutes, {state} (interview {} in hearback)",
        b.minutes, b.interview
    ));
}

fn due_lines(e: &CalendarEvent, d: &Due, lines: &mut Vec<String>) {
    lines.push(format!("Why: {}", sanitize::line(&d.what.to_string())));
    let when = if d.overdue {
        format!("Due: {} (overdue)", d.due_date)
    } else {
        format!("Due: {}", d.due_date)
    };
    lines.push(when);
    lines.push(format!(
        "Book it: hearback interview schedule --customer {} --at TIME",
        e.customer
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::feedback_calendar::booked_uid;
    use crate::core::what::What;
    use crate::core::{CustomerId, InterviewId, Trigger};
    use chrono::{NaiveDate, TimeZone, Utc};

    fn events() -> Vec<CalendarEvent> {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 24, 19, 0, 0)
            .single()
            .expect("valid");
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid");
        let base = CalendarEvent {
            uid: booked_uid(InterviewId(12)),
            customer: CustomerId(7),
            customer_name: "Acme, Inc.; EMEA".into(),
            account_manager: None,
            day,
            start: at,
            revised: at - Duration::days(3),
            kind: EventKind::Booked(Booked {
                interview: InterviewId(12),
                minutes: 45,
                location: None,
                executive: None,
                contact: None,
                trigger: Trigger::Cadence,
                in_progress: false,
            }),
        };
        let due = CalendarEvent {
            uid: "due-C7@hearback".into(),
            start: at - Duration::hours(43),
            kind: EventKind::Due(Due {
                due: at - Duration::days(54),
                due_date: NaiveDate::from_ymd_opt(2026, 10, 1).expect("valid"),
                overdue: true,
                what: What::FirstInterview,
            }),
            ..base.clone()
        };
        vec![due, base]
    }

    #[test]
    fn events_are_written_in_full_and_the_same_every_time() {
        let data = Dataset::default();
        let text = calendar(&data, &events());
        assert_eq!(text, calendar(&data, &events()), "no clock, no random UID");
        assert!(text.split_inclusive('\n').all(|l| l.ends_with("\r\n")));
        assert!(text.lines().all(|l| l.len() <= 75), "folded at 75 octets");
        let unfolded = text.replace("\r\n ", "");
        for want in [
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hearback//Feedback calendar//EN\r\n",
            "CALSCALE:GREGORIAN\r\n",
            "X-WR-CALNAME:Feedback interviews\r\n",
            "DTSTART:20261124T190000Z\r\n",
            "DTEND:20261124T194500Z\r\n",
            "DTSTAMP:20261121T190000Z\r\n",
            "SUMMARY:Feedback interview: Acme\\, Inc.\\; EMEA\r\n",
            "LOCATION:At the customer's office\r\n",
            "STATUS:CONFIRMED\r\n",
            "UID:interview-I12@hearback\r\n",
            "DTSTART;VALUE=DATE:20261123\r\n",
            "DTEND;VALUE=DATE:20261124\r\n",
            "SUMMARY:Book feedback interview: Acme\\, Inc.\\; EMEA (overdue since 2026-10-01)\r\n",
            "TRANSP:TRANSPARENT\r\n",
            "UID:due-C7@hearback\r\n",
            "Account manager: not assigned",
        ] {
            assert!(unfolded.contains(want), "{want:?} missing from\n{unfolded}");
        }
        assert_eq!(unfolded.matches("UID:").count(), 2);
        assert_eq!(unfolded.matches("DTSTAMP:").count(), 2);
        // In the order given: the due event first.
        let due = unfolded.find("UID:due-C7").expect("due event");
        let booked = unfolded.find("UID:interview-I12").expect("booked event");
        assert!(due < booked);
    }

    #[test]
    fn no_events_is_still_a_calendar() {
        let text = calendar(&Dataset::default(), &[]);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.contains("VEVENT"));
    }
}
